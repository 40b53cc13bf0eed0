// Linking citation markers to the entries of a document's reference list.
#ifndef EVQ_CITE_LINKER_H_
#define EVQ_CITE_LINKER_H_

#include <string>
#include <vector>

#include "cite/markers.h"
#include "evq/csl.h"

namespace evq::internal {

// Resolves markers against one reference list. Build once per document.
class ReferenceLinker {
 public:
  explicit ReferenceLinker(const std::vector<CslItem>& references);

  // Index of the entry numbered `n` (by its printed number, else the nth
  // entry), or -1.
  int ResolveNumber(int n) const;

  // Index of the entry whose first author's family name and year match, with
  // "2020a"/"2020b" taken in list order among same-author same-year entries;
  // -1 when none.
  int ResolveAuthorYear(const AuthorYear& source) const;

  // All entries a marker points to (ranges give several), deduplicated.
  std::vector<int> Resolve(const FoundMarker& marker) const;

 private:
  const std::vector<CslItem>& refs_;
  std::vector<std::string> first_family_;  // folded, per entry
  bool numbered_ = false;                  // entries carry printed numbers
};

// Lowercase ASCII with common Latin accents removed ("Peñas" -> "penas"),
// and spaces and hyphens removed: names compare equal across styles.
std::string FoldName(std::string_view name);

}  // namespace evq::internal

#endif  // EVQ_CITE_LINKER_H_
