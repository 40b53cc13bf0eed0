// Text helpers of the HTML importer: white space, reference-list names,
// numeric citation markers.
#include "html_text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace evq::html {
namespace {

enum class CharClass { kVisible, kSpace, kDrop };

// Length of the UTF-8 sequence that starts with `lead` (1 for stray bytes,
// which gumbo never produces, so that we always make progress).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

// Browsers render these code points as (collapsible) space or not at all;
// text analysis wants the same, so "pain&nbsp;relief" reads as two words.
CharClass Classify(std::string_view seq) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(seq[i]); };
  if (seq.size() == 1) {
    unsigned char c = b(0);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      return CharClass::kSpace;
    }
    if (c < 0x20 || c == 0x7F) return CharClass::kDrop;
    return CharClass::kVisible;
  }
  if (seq.size() == 2 && b(0) == 0xC2) {
    if (b(1) == 0xA0) return CharClass::kSpace;  // U+00A0 no-break space
    if (b(1) == 0xAD) return CharClass::kDrop;   // U+00AD soft hyphen
    if (b(1) >= 0x80 && b(1) <= 0x9F) return CharClass::kDrop;  // C1 controls
  }
  if (seq.size() == 3) {
    if (b(0) == 0xE2 && b(1) == 0x80) {
      if (b(2) <= 0x8A) return CharClass::kSpace;  // U+2000..200A
      if (b(2) == 0x8B) return CharClass::kDrop;   // U+200B
      if (b(2) == 0xA8 || b(2) == 0xA9)
        return CharClass::kSpace;                  // U+2028/2029
      if (b(2) == 0xAF) return CharClass::kSpace;  // U+202F
    }
    if (b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return CharClass::kSpace;
    if (b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0xA0)
      return CharClass::kDrop;  // U+2060
    if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return CharClass::kSpace;
    if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF)
      return CharClass::kDrop;  // BOM
  }
  return CharClass::kVisible;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void InlineText::Append(std::string_view utf8) {
  size_t i = 0;
  while (i < utf8.size()) {
    size_t len = std::min(SequenceLength(static_cast<unsigned char>(utf8[i])),
                          utf8.size() - i);
    std::string_view seq = utf8.substr(i, len);
    i += len;
    switch (Classify(seq)) {
      case CharClass::kSpace:
        pending_space_ = true;
        break;
      case CharClass::kDrop:
        break;
      case CharClass::kVisible:
        AppendVisible(seq);
        break;
    }
  }
}

void InlineText::AppendVisible(std::string_view bytes) {
  // The space is written only once visible text follows it, so the text
  // never starts or ends with one and offsets taken mid-way stay valid.
  if (pending_space_ && !text_.empty()) text_.push_back(' ');
  pending_space_ = false;
  text_.append(bytes);
}

void InlineText::Clear() {
  text_.clear();
  pending_space_ = false;
}

std::string CollapseWhitespace(std::string_view utf8) {
  InlineText text;
  text.Append(utf8);
  return text.text();
}

bool IsReferenceHeadingText(std::string_view heading) {
  std::string h = AsciiLower(CollapseWhitespace(heading));
  // MediaWiki appends its edit link to every heading: "References[edit]".
  for (std::string_view suffix : {"[edit]", "[edit source]"}) {
    if (h.size() >= suffix.size() &&
        h.compare(h.size() - suffix.size(), suffix.size(), suffix) == 0) {
      h.resize(h.size() - suffix.size());
    }
  }
  while (!h.empty() &&
         (h.back() == ':' || h.back() == ' ' || h.back() == '.')) {
    h.pop_back();
  }
  // Numbered sections: "7. References", "7 References".
  size_t i = 0;
  while (i < h.size() && (IsDigit(h[i]) || h[i] == '.')) ++i;
  if (i > 0 && i < h.size() && h[i] == ' ') h.erase(0, i + 1);
  static constexpr std::array<std::string_view, 14> kNames = {
      "references",
      "reference",
      "reference list",
      "bibliography",
      "sources",
      "works cited",
      "literature",
      "literature cited",
      "citations",
      "notes",
      "footnotes",
      "notes and references",
      "references and notes",
      "sources and references"};
  return std::find(kNames.begin(), kNames.end(), h) != kNames.end();
}

bool NamesReferenceList(std::string_view attribute) {
  std::string a = AsciiLower(attribute);
  for (std::string_view key :
       {"references", "reflist", "bibliography", "ref-list", "footnotes"}) {
    if (a.find(key) != std::string::npos) return true;
  }
  return false;
}

bool ParseCitationNumbers(std::string_view marker,
                          std::vector<NumberRange>* out) {
  out->clear();
  // Tokens: numbers and range dashes; brackets, commas and spaces only
  // separate. Anything else means this is not a citation marker.
  constexpr int kDash = -1;
  std::vector<int> tokens;
  size_t i = 0;
  while (i < marker.size()) {
    char c = marker[i];
    if (IsDigit(c)) {
      int n = 0;
      size_t digits = 0;
      while (i < marker.size() && IsDigit(marker[i])) {
        if (++digits > 3) return false;
        n = n * 10 + (marker[i] - '0');
        ++i;
      }
      if (n < 1) return false;
      tokens.push_back(n);
      continue;
    }
    if (c == '-') {
      tokens.push_back(kDash);
      ++i;
      continue;
    }
    // U+2010 hyphen, U+2011 non-breaking hyphen, U+2013 en dash, U+2014 em
    // dash.
    std::string_view rest = marker.substr(i);
    if (rest.size() >= 3 && rest[0] == '\xE2' && rest[1] == '\x80' &&
        (rest[2] == '\x90' || rest[2] == '\x91' || rest[2] == '\x93' ||
         rest[2] == '\x94')) {
      tokens.push_back(kDash);
      i += 3;
      continue;
    }
    if (c == '[' || c == ']' || c == '(' || c == ')' || c == ',' || c == ';' ||
        c == ' ') {
      ++i;
      continue;
    }
    return false;
  }
  for (size_t t = 0; t < tokens.size(); ++t) {
    if (tokens[t] == kDash) {
      out->clear();
      return false;
    }
    NumberRange range{tokens[t], tokens[t]};
    if (t + 1 < tokens.size() && tokens[t + 1] == kDash) {
      if (t + 2 >= tokens.size() || tokens[t + 2] == kDash ||
          tokens[t + 2] < tokens[t]) {
        out->clear();
        return false;
      }
      range.second = tokens[t + 2];
      t += 2;
    }
    out->push_back(range);
  }
  return !out->empty();
}

void AppendRange(NumberRange range, std::vector<int>* out) {
  auto add = [out](int n) {
    if (std::find(out->begin(), out->end(), n) == out->end()) out->push_back(n);
  };
  constexpr int kMaxSpan = 200;
  if (range.second < range.first || range.second - range.first > kMaxSpan) {
    add(range.first);
    add(range.second);
    return;
  }
  for (int n = range.first; n <= range.second; ++n) add(n);
}

bool EndsWithExponentBase(std::string_view text_before) {
  if (text_before.empty()) return false;
  if (IsDigit(text_before.back())) return true;
  size_t start = text_before.size();
  while (start > 0 &&
         std::isalpha(static_cast<unsigned char>(text_before[start - 1]))) {
    --start;
  }
  std::string_view word = text_before.substr(start);
  // A unit only when it stands alone ("25 kg/m", "3 cm"), not as the end of
  // a word ("swim" + <sup>2</sup> is a citation).
  if (start > 0 && static_cast<unsigned char>(text_before[start - 1]) >= 0x80)
    return false;
  for (std::string_view unit : {"m", "cm", "mm", "km", "dm", "ft"}) {
    if (word == unit) {
      return start == 0 || text_before[start - 1] == ' ' ||
             text_before[start - 1] == '/' || IsDigit(text_before[start - 1]);
    }
  }
  return false;
}

namespace {

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[at + i])) != prefix[i])
      return false;
  }
  return true;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' ||
         c == '_';
}

// Elements that never hold children, or whose end tag pages routinely omit.
bool DoesNotNest(std::string_view name) {
  static constexpr std::array<std::string_view, 26> kNames = {
      "area",  "base",  "br",    "col",   "embed",  "hr",    "img",
      "input", "link",  "meta",  "param", "source", "track", "wbr",
      "p",     "li",    "dt",    "dd",    "option", "tr",    "td",
      "th",    "thead", "tbody", "image", "keygen"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

}  // namespace

size_t DeepNestingCutOffset(std::string_view html, int max_depth) {
  int depth = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const size_t tag_start = i;
    if (StartsWithNoCase(html, i, "<!--")) {
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t name_start = i + (closing ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < html.size() && IsNameChar(html[name_end])) ++name_end;
    i = name_end;
    if (name_end == name_start) continue;
    std::string name =
        AsciiLower(html.substr(name_start, name_end - name_start));
    size_t tag_end = html.find('>', name_end);
    if (tag_end == std::string_view::npos) return std::string_view::npos;
    i = tag_end + 1;
    if (closing) {
      if (!DoesNotNest(name) && depth > 0) --depth;
      continue;
    }
    // Raw text: nothing inside is markup.
    for (std::string_view raw : {"script", "style", "textarea", "title", "xmp",
                                 "iframe", "noembed", "noframes", "noscript"}) {
      if (name == raw) {
        std::string end_tag = "</" + name;
        size_t j = i;
        while (j < html.size() && !StartsWithNoCase(html, j, end_tag)) {
          j = html.find('<', j + 1);
          if (j == std::string_view::npos) return std::string_view::npos;
        }
        i = j;
        break;
      }
    }
    if (name == "plaintext") return std::string_view::npos;
    if (DoesNotNest(name) || html[tag_end - 1] == '/') continue;
    if (++depth > max_depth) return tag_start;
  }
  return std::string_view::npos;
}

}  // namespace evq::html
