// CSL-JSON (.json: an array of items, or one item) to works.
//
// The array is split into items by a scan of its brackets and strings
// rather than parsed whole, so that one broken item is skipped and
// reported at its own line while the others still import; each item is
// then parsed by nlohmann and read by CslItemFromJson (evq/csl.h).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "bibliography_readers.h"
#include "evq/csl.h"

namespace evq::internal {
namespace {

using nlohmann::json;

bool IsJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The end of the JSON value starting at `i`: the first ',' or ']' at depth
// 0 outside strings, or the end of the text.
size_t ValueEnd(std::string_view t, size_t i) {
  int depth = 0;
  bool in_string = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '{' || c == '[')
      ++depth;
    else if ((c == '}' || c == ']') && depth > 0)
      --depth;
    else if ((c == ',' || c == ']') && depth == 0)
      return i;
  }
  return t.size();
}

class ItemReader {
 public:
  ItemReader(std::string_view text, BibliographySink* sink)
      : t_(text), lines_(text), sink_(sink) {}

  // Reads the item in [start, end); `n` is its 1-based place in the array.
  void Read(size_t start, size_t end, int n) {
    std::string_view raw = t_.substr(start, end - start);
    while (!raw.empty() && IsJsonSpace(raw.back())) raw.remove_suffix(1);
    int line = lines_.LineAt(start);
    std::string what = "item " + std::to_string(n);
    json value;
    try {
      value = json::parse(raw);
    } catch (const json::parse_error& e) {
      // nlohmann's byte is 1-based, one past the problem at the end.
      size_t at = start + std::min(e.byte > 0 ? e.byte - 1 : 0, raw.size());
      size_t line_start = t_.rfind('\n', at == 0 ? 0 : at - 1);
      size_t column =
          line_start == std::string_view::npos ? at + 1 : at - line_start;
      sink_->Skip(line, start,
                  what + " is not valid JSON (syntax error at line " +
                      std::to_string(lines_.LineAt(at)) + ", column " +
                      std::to_string(column) + ")");
      return;
    } catch (const json::exception&) {
      sink_->Skip(line, start, what + " is not valid JSON");
      return;
    }
    if (!value.is_object()) {
      sink_->Skip(line, start, what + " is not a JSON object");
      return;
    }
    Work work;
    if (Status st = CslItemFromJson(raw, &work.item); !st.ok()) {
      sink_->Skip(line, start, what + ": " + st.message());
      return;
    }
    const CslItem& item = work.item;
    if (item.title.empty() && item.doi.empty() && item.pmid.empty() &&
        item.id.empty()) {
      sink_->Skip(line, start, what + " has no id, title, DOI or PMID");
      return;
    }
    if (!item.type.empty()) work.publication_types.push_back(item.type);
    sink_->AddWork(std::move(work), line);
  }

 private:
  std::string_view t_;
  LineIndex lines_;
  BibliographySink* sink_;
};

size_t SkipSpace(std::string_view t, size_t i) {
  while (i < t.size() && IsJsonSpace(t[i])) ++i;
  return i;
}

}  // namespace

int ReadCslJson(std::string_view text, BibliographySink* sink) {
  ItemReader reader(text, sink);
  size_t i = SkipSpace(text, 0);
  if (i >= text.size()) return 0;
  if (text[i] == '{') {  // one item
    reader.Read(i, text.size(), 1);
    return 1;
  }
  if (text[i] != '[') {
    sink->Skip(1, i, "not a CSL-JSON array of items");
    return 0;
  }
  int n = 0;
  i = SkipSpace(text, i + 1);
  while (i < text.size() && text[i] != ']') {
    size_t end = ValueEnd(text, i);
    reader.Read(i, end, ++n);
    if (end >= text.size()) {
      sink->Skip(LineIndex(text).LineAt(text.size()), text.size(),
                 "the array of items is not closed (file cut short?)");
      return n;
    }
    i = text[end] == ',' ? SkipSpace(text, end + 1) : end;
  }
  return n;
}

}  // namespace evq::internal
