// Resolution of HTML citation markers to reference numbers.
#include "html_markers.h"

#include <algorithm>
#include <utility>

#include "html_text.h"

namespace evq::html {
namespace {

int EntryFor(const std::unordered_map<std::string, int>& entry_by_id,
             const std::string& id) {
  auto it = entry_by_id.find(id);
  return it == entry_by_id.end() ? 0 : it->second;
}

bool IsSingleNumber(const std::vector<NumberRange>& ranges) {
  return ranges.size() == 1 && ranges[0].first == ranges[0].second;
}

}  // namespace

std::string PercentDecode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 &&
        hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::vector<MarkupCitation> ResolveMarkers(
    const std::vector<PendingMarker>& markers, const std::string& text,
    const std::unordered_map<std::string, int>& entry_by_id,
    const std::unordered_set<std::string>& known_ids) {
  std::vector<MarkupCitation> out;
  for (const PendingMarker& m : markers) {
    MarkupCitation c;
    c.start = m.start;
    c.end = m.end;
    c.marker = text.substr(m.start, m.end - m.start);
    std::vector<NumberRange> ranges;
    const bool numeric = ParseCitationNumbers(c.marker, &ranges);
    if (m.from_sup) {
      // Map each number as written to the entry its anchor points at, so
      // that "3-5" linking to #ref3 and #ref5 expands between the targets.
      std::unordered_map<int, int> remap;
      for (const AnchorInfo& a : m.anchors) {
        const int entry = EntryFor(entry_by_id, a.target);
        std::vector<NumberRange> anchor_ranges;
        if (entry > 0 &&
            ParseCitationNumbers(text.substr(a.start, a.end - a.start),
                                 &anchor_ranges) &&
            IsSingleNumber(anchor_ranges)) {
          remap[anchor_ranges[0].first] = entry;
        }
      }
      auto mapped = [&remap](int n) {
        auto it = remap.find(n);
        return it == remap.end() ? n : it->second;
      };
      for (const NumberRange& r : ranges) {
        AppendRange({mapped(r.first), mapped(r.second)}, &c.reference_numbers);
      }
    } else {
      const AnchorInfo& a = m.anchors.front();
      const int entry = EntryFor(entry_by_id, a.target);
      if (entry > 0 && (!numeric || IsSingleNumber(ranges))) {
        c.reference_numbers.push_back(entry);
      } else if (numeric && a.same_page &&
                 (entry > 0 || !known_ids.contains(a.target))) {
        // "[2,3]" linking to #ref2 says more than its target; and a link to
        // nowhere that reads "[2]" is still a citation, but a link to a
        // figure or section that reads "2" is not.
        for (const NumberRange& r : ranges)
          AppendRange(r, &c.reference_numbers);
      } else if (entry > 0) {
        c.reference_numbers.push_back(entry);
      } else {
        continue;
      }
    }
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const MarkupCitation& a, const MarkupCitation& b) {
                     return a.start < b.start;
                   });
  return out;
}

}  // namespace evq::html
