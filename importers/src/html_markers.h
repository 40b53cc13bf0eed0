// html_markers.h: citation markers found in HTML, and their resolution to
// reference numbers.
//
// The importer records markers (<sup>1</sup>, <a href="#ref2">[2]</a>) while
// it reads the text, but the reference list they point at usually comes
// later; ResolveMarkers runs once the whole page is read and the ids of the
// reference entries are known.
//
// Thread safety: plain values and pure functions.
#ifndef EVQ_IMPORTERS_HTML_MARKERS_H_
#define EVQ_IMPORTERS_HTML_MARKERS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "evq/document.h"

namespace evq::html {

// An <a> whose href has a fragment, and the span of its text.
struct AnchorInfo {
  std::string target;     // the fragment, percent-decoded
  bool same_page = true;  // href started with '#'
  size_t start = 0;
  size_t end = 0;
};

// A citation candidate. The importer keeps offsets relative to the block it
// is building and shifts them into Document::text when it emits the block.
struct PendingMarker {
  size_t start = 0;
  size_t end = 0;
  bool from_sup = false;  // a numeric <sup>; otherwise a lone anchor
  std::vector<AnchorInfo> anchors;
};

// "%20" -> " "; malformed escapes are kept as written.
std::string PercentDecode(std::string_view s);

// The MarkupCitations of `markers` (offsets into `text`), sorted by start.
// `entry_by_id` gives the 1-based reference entry that holds each id;
// `known_ids` holds every id on the page, so that a link to a figure that
// reads "2" is not taken for citation 2. A lone anchor that neither points
// at an entry nor reads like a number is not a citation and is dropped.
std::vector<MarkupCitation> ResolveMarkers(
    const std::vector<PendingMarker>& markers, const std::string& text,
    const std::unordered_map<std::string, int>& entry_by_id,
    const std::unordered_set<std::string>& known_ids);

}  // namespace evq::html

#endif  // EVQ_IMPORTERS_HTML_MARKERS_H_
