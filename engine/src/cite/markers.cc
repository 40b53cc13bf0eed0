#include "cite/markers.h"

#include <cctype>

namespace evq::internal {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsUpperStart(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 Supplement and Latin Extended capitals (2-byte UTF-8, C3 80-9E).
  return c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(s[i + 1]) <= 0x9E;
}
bool IsNameByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalpha(u) || u >= 0x80 || c == '-' || c == '\'';
}

// Parses "1", "1, 4", "3-5", "3–5" (en dash), "1,3-5". Returns false if
// anything else is inside.
bool ParseNumberList(std::string_view s, std::vector<int>* out) {
  size_t i = 0;
  int prev = -1;
  bool range = false;
  bool any = false;
  while (i < s.size()) {
    char c = s[i];
    if (IsSpace(c) || c == ',') {
      ++i;
      continue;
    }
    if (c == '-' || s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94") {
      if (prev < 0) return false;
      range = true;
      i += c == '-' ? 1 : 3;
      continue;
    }
    if (!IsDigit(c)) return false;
    size_t j = i;
    int n = 0;
    while (j < s.size() && IsDigit(s[j]) && j - i < 4) n = n * 10 + (s[j++] - '0');
    if (j - i > 3 || n == 0) return false;  // years and 0 are not markers
    if (range) {
      if (n <= prev || n - prev > 50) return false;
      for (int k = prev + 1; k <= n; ++k) out->push_back(k);
      range = false;
    } else {
      out->push_back(n);
    }
    prev = n;
    any = true;
    i = j;
  }
  return any && !range;
}

// Parses a year "1999", "2020a", "n.d." at s[i]; sets *len.
bool ParseYear(std::string_view s, size_t i, int* year, char* suffix, size_t* len) {
  if (s.substr(i, 4) == "n.d." ) {
    *year = 0, *suffix = 0, *len = 4;
    return true;
  }
  if (i + 4 > s.size()) return false;
  for (size_t k = 0; k < 4; ++k) {
    if (!IsDigit(s[i + k])) return false;
  }
  if (i > 0 && IsDigit(s[i - 1])) return false;
  int y = std::stoi(std::string(s.substr(i, 4)));
  if (y < 1700 || y > 2099) return false;
  size_t n = 4;
  char suf = 0;
  if (i + 4 < s.size() && s[i + 4] >= 'a' && s[i + 4] <= 'h' &&
      (i + 5 == s.size() || !std::isalpha(static_cast<unsigned char>(s[i + 5])))) {
    suf = s[i + 4];
    n = 5;
  }
  if (i + n < s.size() && IsDigit(s[i + n])) return false;
  *year = y, *suffix = suf, *len = n;
  return true;
}

// The first author's family name in "Stecco et al.," / "Simons & Travell" /
// "Fernández-de-las-Peñas" / "van der Berg and Li": the words before the
// first connector.
std::string FirstFamily(std::string_view names) {
  static const char* const kStops[] = {" et al", " and ", " & ", ",", " et. al", " etal"};
  size_t cut = names.size();
  for (const char* stop : kStops) {
    size_t p = names.find(stop);
    if (p != std::string_view::npos && p < cut) cut = p;
  }
  std::string_view f = names.substr(0, cut);
  while (!f.empty() && IsSpace(f.front())) f.remove_prefix(1);
  while (!f.empty() && (IsSpace(f.back()) || f.back() == ',')) f.remove_suffix(1);
  return std::string(f);
}

// "Stecco et al., 2018" / "Simons & Travell 1999" -> sources. False when the
// part is not an author-year citation.
bool ParseAuthorYearPart(std::string_view part, std::vector<AuthorYear>* out) {
  while (!part.empty() && IsSpace(part.front())) part.remove_prefix(1);
  while (!part.empty() && IsSpace(part.back())) part.remove_suffix(1);
  // Leading "see", "e.g.," and "cf." are not names.
  for (std::string_view pre : {"see also ", "see ", "e.g., ", "e.g. ", "cf. ", "i.e., "}) {
    if (part.substr(0, pre.size()) == pre) part.remove_prefix(pre.size());
  }
  // Trailing page locators: ", p. 12" / ", pp. 3-5".
  size_t loc = part.find(", p");
  if (loc != std::string_view::npos) part = part.substr(0, loc);
  if (part.empty() || !IsUpperStart(part, 0)) return false;
  // Find the first year; everything before it is the names.
  for (size_t i = 0; i < part.size(); ++i) {
    int year;
    char suffix;
    size_t len;
    if ((i == 0 || IsSpace(part[i - 1]) || part[i - 1] == ',') && ParseYear(part, i, &year, &suffix, &len)) {
      std::string_view names = part.substr(0, i);
      std::string family = FirstFamily(names);
      if (family.empty() || family.size() > 60) return false;
      for (char c : family) {
        if (!IsNameByte(c) && c != ' ' && c != '.') return false;
      }
      out->push_back({family, year, suffix});
      // Further years of the same authors: "Smith 2010, 2012a".
      size_t j = i + len;
      while (j < part.size()) {
        while (j < part.size() && (IsSpace(part[j]) || part[j] == ',')) ++j;
        if (j < part.size() && ParseYear(part, j, &year, &suffix, &len)) {
          out->push_back({family, year, suffix});
          j += len;
        } else {
          break;
        }
      }
      return j >= part.size();
    }
  }
  return false;
}

// Start of the narrative name phrase ending just before `pos` (skipping
// spaces): "Travell and Simons", "Stecco et al.", "Smith". npos if none.
size_t NarrativeStart(std::string_view s, size_t lo, size_t pos) {
  size_t i = pos;
  while (i > lo && IsSpace(s[i - 1])) --i;
  std::string_view before = s.substr(lo, i - lo);
  auto ends_with = [&](std::string_view suffix) {
    return before.size() >= suffix.size() && before.substr(before.size() - suffix.size()) == suffix;
  };
  if (ends_with("et al.")) {
    i -= 6;
  } else if (ends_with("et al")) {
    i -= 5;
  } else if (ends_with("colleagues")) {
    return std::string_view::npos;
  }
  while (i > lo && IsSpace(s[i - 1])) --i;
  // One or two capitalised name words joined by "and" / "&".
  size_t start = std::string_view::npos;
  for (int names = 0; names < 2; ++names) {
    size_t e = i;
    while (i > lo && IsNameByte(s[i - 1])) --i;
    if (i == e || !IsUpperStart(s, i)) {
      i = e;
      break;
    }
    start = i;
    size_t k = i;
    while (k > lo && IsSpace(s[k - 1])) --k;
    if (k >= lo + 4 && s.substr(k - 4, 4) == " and") {
      i = k - 4;
    } else if (k >= lo + 2 && s.substr(k - 2, 2) == " &") {
      i = k - 2;
    } else if (k >= lo + 1 && s[k - 1] == '&') {
      i = k - 1;
    } else {
      break;
    }
    while (i > lo && IsSpace(s[i - 1])) --i;
  }
  return start;
}

}  // namespace

std::vector<FoundMarker> FindMarkers(std::string_view text, size_t start, size_t end) {
  std::vector<FoundMarker> out;
  size_t i = start;
  while (i < end) {
    char c = text[i];
    if (c != '(' && c != '[') {
      ++i;
      continue;
    }
    char close = c == '(' ? ')' : ']';
    size_t j = text.find(close, i + 1);
    if (j == std::string_view::npos || j >= end || j - i > 400) {
      ++i;
      continue;
    }
    std::string_view inner = text.substr(i + 1, j - i - 1);
    FoundMarker m;
    m.start = i;
    m.end = j + 1;
    if (ParseNumberList(inner, &m.numbers)) {
      m.style = CitationStyle::kNumeric;
      out.push_back(std::move(m));
      i = j + 1;
      continue;
    }
    // Narrative: "Travell and Simons (1999)".
    int year;
    char suffix;
    size_t len;
    if (c == '(' && ParseYear(inner, 0, &year, &suffix, &len)) {
      std::string_view rest = inner.substr(len);
      if (rest.empty() || rest[0] == ',' || rest[0] == ';') {
        size_t ns = NarrativeStart(text, start, i);
        if (ns != std::string_view::npos) {
          m.start = ns;
          m.style = CitationStyle::kNarrative;
          m.sources.push_back({FirstFamily(text.substr(ns, i - ns)), year, suffix});
          // Drop a numeric/other marker overlapping the name phrase.
          while (!out.empty() && out.back().end > m.start) out.pop_back();
          out.push_back(std::move(m));
          i = j + 1;
          continue;
        }
      }
    }
    // Parenthetical author-year, parts separated by ';'. Each part is a
    // citation of its own ("(Potter 1983; Martinez et al, 1997)" cites two
    // works), spanning its own text inside the parentheses.
    bool all = !inner.empty();
    std::vector<FoundMarker> parts;
    size_t p = 0;
    while (all && p <= inner.size()) {
      size_t q = inner.find(';', p);
      if (q == std::string_view::npos) q = inner.size();
      FoundMarker part;
      part.style = CitationStyle::kAuthorYear;
      all = ParseAuthorYearPart(inner.substr(p, q - p), &part.sources);
      size_t ps = p, pe = q;
      while (ps < pe && IsSpace(inner[ps])) ++ps;
      while (pe > ps && IsSpace(inner[pe - 1])) --pe;
      part.start = i + 1 + ps;
      part.end = i + 1 + pe;
      parts.push_back(std::move(part));
      p = q + 1;
    }
    if (all && !parts.empty()) {
      if (parts.size() == 1) {
        // A single source keeps its parentheses: "(Stecco et al., 2018)".
        parts[0].start = i;
        parts[0].end = j + 1;
      }
      for (FoundMarker& part : parts) out.push_back(std::move(part));
      i = j + 1;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace evq::internal
