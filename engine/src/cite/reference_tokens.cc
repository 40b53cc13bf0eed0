#include "cite/reference_tokens.h"

#include "cite/reference_text.h"

namespace evq::cite {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Whether the word looks like a URL or identifier, which must stay whole.
bool LooksLikeLink(std::string_view w) {
  return w.find("://") != std::string_view::npos ||
         StartsWithIgnoreCase(w, "www.") || StartsWithIgnoreCase(w, "doi") ||
         w.find('/') != std::string_view::npos ||
         w.find('@') != std::string_view::npos;
}

// Where a packed word splits: after ';' before a digit or letter
// ("2001;83"), and after ':' between numbers ("83(3):45"), so year, volume
// and pages of "2001;83(3):45-67" become three tokens. "Title:Subtitle"
// and times stay whole.
bool SplitAfter(std::string_view w, size_t i) {
  if (i + 1 >= w.size()) return false;
  char c = w[i];
  char next = w[i + 1];
  if (c == ';') return IsAlnum(next);
  if (c == ':') {
    char prev = i > 0 ? w[i - 1] : ' ';
    return (IsDigit(prev) || prev == ')') && IsAlnum(next);
  }
  return false;
}

// The ASCII form of a token (the multibyte quotes, dashes and spaces that
// NormalizeReference maps).
std::string AsciiForm(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() &&
        static_cast<unsigned char>(w[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(w[i + 2]);
      if (d >= 0x9C && d <= 0x9F) {
        out += '"';
        i += 2;
        continue;
      }
      if (d == 0x98 || d == 0x99 || d == 0xB2) {
        out += '\'';
        i += 2;
        continue;
      }
      if (d >= 0x90 && d <= 0x94) {
        out += '-';
        i += 2;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < w.size() &&
        (static_cast<unsigned char>(w[i + 1]) == 0xAB ||
         static_cast<unsigned char>(w[i + 1]) == 0xBB)) {
      out += '"';
      ++i;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

std::vector<RefToken> TokenizeReference(std::string_view s) {
  std::vector<RefToken> tokens;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    size_t e = i;
    while (e < s.size() && !IsSpace(s[e])) ++e;
    std::string_view w = s.substr(i, e - i);
    size_t start = 0;
    if (!LooksLikeLink(w)) {
      for (size_t k = 0; k < w.size(); ++k) {
        if (SplitAfter(w, k)) {
          tokens.push_back({i + start, i + k + 1,
                            AsciiForm(w.substr(start, k + 1 - start))});
          start = k + 1;
        }
      }
    }
    tokens.push_back({i + start, e, AsciiForm(w.substr(start))});
    i = e;
  }
  return tokens;
}

}  // namespace evq::cite
