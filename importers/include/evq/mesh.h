// evq/mesh.h: MeSH descriptor files (DescriptorRecordSet XML, desc20XX.xml
// or .xml.gz) as vocabulary.
//
// Each DescriptorRecord with a tree number in a category evq tracks becomes
// a Vocabulary term: diseases (tree C) and mental disorders (F03) as
// conditions, analytical, diagnostic and therapeutic techniques (E) as
// interventions, anatomy (A) as anatomy. The canonical name is the
// descriptor name lowercased, mesh_id its DescriptorUI, synonyms its entry
// terms (every ConceptList/Concept/TermList/Term/String), and broader the
// descriptor whose tree number is the parent of one of its own ("C23.888.592.612.107"
// -> "C23.888.592.612") when that descriptor is imported too and of the same
// kind. Descriptors only in other categories (chemicals D, organisms B, ...)
// are counted and skipped.
//
// The file is streamed descriptor by descriptor: the full MeSH (about 300 MB)
// never becomes one DOM.
//
// Thread safety: reentrant; `vocab` must not be used concurrently.
#ifndef EVQ_MESH_H_
#define EVQ_MESH_H_

#include <string>

#include "evq/export.h"
#include "evq/status.h"
#include "evq/vocabulary.h"

namespace evq {

// What an import did.
struct MeshImportStats {
  int descriptors = 0;    // DescriptorRecords read
  int conditions = 0;     // terms added as conditions (C, F03)
  int interventions = 0;  // terms added as interventions (E)
  int anatomy = 0;        // terms added as anatomy (A)
  int skipped = 0;        // descriptors with no tree number in those categories
  int entry_terms = 0;    // synonyms added (entry terms other than the name)
  int broader_links = 0;  // terms given a broader term from the tree
};

// Adds the descriptors of the MeSH file at `path` (plain or gzip) to
// `vocab`. `stats` may be null. Errors name the file: unreadable, not a
// DescriptorRecordSet ("FILE:LINE: unexpected root element <X> at byte N:
// expected <DescriptorRecordSet>"), malformed XML ("FILE:LINE: malformed XML
// at byte N: why"). On error nothing is added to `vocab`.
[[nodiscard]] EVQ_EXPORT Status ImportMeshDescriptors(const std::string& path, Vocabulary* vocab,
                                           MeshImportStats* stats);

}  // namespace evq

#endif  // EVQ_MESH_H_
