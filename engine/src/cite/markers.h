// Finding citation markers in sentence text: numeric "(1)", "[2]", "[3-5]",
// "[1, 4]"; parenthetical author-year "(Stecco et al., 2018)",
// "(Simons & Travell 1999; Fernandez-de-las-Penas 2010)"; narrative
// "Travell and Simons (1999) showed".
#ifndef EVQ_CITE_MARKERS_H_
#define EVQ_CITE_MARKERS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "evq/analysis.h"

namespace evq::internal {

// One source named inside an author-year marker.
struct AuthorYear {
  std::string family;  // first author's family name as written
  int year = 0;        // 0 for "n.d."
  char suffix = 0;     // 'a' in "2020a", else 0
};

struct FoundMarker {
  size_t start = 0;  // byte offsets into the text given to FindMarkers
  size_t end = 0;
  CitationStyle style = CitationStyle::kNumeric;
  std::vector<int> numbers;        // numeric markers, ranges expanded
  std::vector<AuthorYear> sources; // author-year and narrative markers
};

// Markers in text[start, end), in order, not overlapping.
std::vector<FoundMarker> FindMarkers(std::string_view text, size_t start, size_t end);

}  // namespace evq::internal

#endif  // EVQ_CITE_MARKERS_H_
