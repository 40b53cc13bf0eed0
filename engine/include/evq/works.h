// evq/works.h: known publications (works), and resolving references to them.
//
// A Work is one real publication. Works come from an authority (a
// bibliography the user imports: PubMed XML, BibTeX, RIS, CSL-JSON, MEDLINE,
// a Retraction Watch export; see evq/bibliography.h) or stand for the
// references that name the same publication in several documents.
//
// A WorkIndex holds works and resolves a parsed reference (CslItem) to one:
//   matched     the reference names this work (identifiers agree, or the
//               first author, year, title and container are close enough);
//   mismatch    a close candidate exists, but a field conflicts (another
//               year, journal, volume or first page): `conflicts` says which;
//   unresolved  nothing close. This never means the reference is fake:
//               books and web pages are often simply not in the authority.
//
// Ownership: a WorkIndex owns copies of the works added to it.
// Thread safety: Add must not run concurrently with anything else on the
// same index; once filled, Resolve and the accessors are const and may be
// called from any number of threads at once.
#ifndef EVQ_WORKS_H_
#define EVQ_WORKS_H_

#include <memory>
#include <string>
#include <vector>

#include "evq/csl.h"
#include "evq/document.h"
#include "evq/export.h"

namespace evq {

// One known publication and what its authority states about it.
struct Work {
  // The publication's fields. item.id is its key in the source (a BibTeX
  // key, an RIS ID, a PMID) and may be empty.
  CslItem item;
  // Publication types as the source names them: PubMed PublicationType
  // ("Journal Article", "Retracted Publication"), the RIS TY or BibTeX entry
  // type ("JOUR", "article"). May be empty.
  std::vector<std::string> publication_types;
  // MeSH headings (PubMed and MEDLINE records); may be empty.
  std::vector<SubjectHeading> mesh_headings;
  // True when the authority says the work was retracted; retraction_evidence
  // then says how ("publication type Retracted Publication", "Retraction
  // Watch record 12345: retraction of 2020-05-01"), joined by "; ".
  bool retracted = false;
  std::string retraction_evidence;
  // Where the record was read: the file as given and the 1-based line of
  // the record's start (0 when not known).
  std::string source;
  int line = 0;
};

// The work a scholarly document is (its DocumentMetadata: identifiers,
// title, authors, journal, date, publication types, MeSH, retraction), with
// `source` set to the document's source. A document with no metadata gives a
// work with only its title.
EVQ_EXPORT Work WorkFromDocument(const Document& document);

// How a reference relates to the known works.
enum class ResolutionStatus { kUnresolved, kMatched, kMismatch };

// "unresolved", "matched", "mismatch".
EVQ_EXPORT const char* ResolutionStatusName(ResolutionStatus status);

// The outcome of resolving one reference.
struct Resolution {
  ResolutionStatus status = ResolutionStatus::kUnresolved;
  // Index (WorkIndex::work) of the matched work or of the conflicting
  // candidate; -1 when unresolved.
  int work = -1;
  // Similarity of the reference and that work, 0 (nothing alike) to 1
  // (every field both state agrees). A match has score >= kMatchThreshold.
  double score = 0;
  // For a mismatch: each conflicting field, as "year: 2019 vs 2018"
  // (reference's value first). Empty otherwise.
  std::vector<std::string> conflicts;
};

// The score at and above which a candidate without conflicts is a match.
inline constexpr double kMatchThreshold = 0.75;

// A set of works and a resolver over them; see the top of this file.
class EVQ_EXPORT WorkIndex {
 public:
  WorkIndex();
  ~WorkIndex();
  WorkIndex(WorkIndex&&) noexcept;
  WorkIndex& operator=(WorkIndex&&) noexcept;
  WorkIndex(const WorkIndex&) = delete;
  WorkIndex& operator=(const WorkIndex&) = delete;

  // Adds `work` and returns its index (0, 1, 2, ... in order of adding).
  int Add(Work work);

  // The number of works, and the work at `index` (0 <= index < size()).
  size_t size() const;
  const Work& work(int index) const;

  // Resolves a parsed reference: an identifier (DOI, PMID, PMCID) that
  // equals a work's decides, unless the other fields clearly disagree (then
  // mismatch); otherwise candidates sharing rare title words are scored on
  // first author, year, title, container, volume and first page. Ties go to
  // the lower index.
  Resolution Resolve(const CslItem& reference) const;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace evq

#endif  // EVQ_WORKS_H_
