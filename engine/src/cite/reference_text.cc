#include "cite/reference_text.h"

#include <cstring>

namespace evq::cite {
namespace {

// Multibyte sequences mapped to ASCII. Quotes become plain quotes so a title
// in “...” and one in "..." take the same path; dashes become '-' so page
// ranges are found by one rule.
struct Mapping {
  const char* from;
  const char* to;
};
constexpr Mapping kMappings[] = {
    {"\xE2\x80\x9C", "\""},  // “
    {"\xE2\x80\x9D", "\""},  // ”
    {"\xE2\x80\x9E", "\""},  // „
    {"\xE2\x80\x9F", "\""},  // ‟
    {"\xC2\xAB", "\""},      // «
    {"\xC2\xBB", "\""},      // »
    {"\xE2\x80\x98", "'"},   // ‘
    {"\xE2\x80\x99", "'"},   // ’
    {"\xE2\x80\xB2", "'"},   // ′
    {"\xE2\x80\x90", "-"},   // hyphen
    {"\xE2\x80\x91", "-"},   // non-breaking hyphen
    {"\xE2\x80\x92", "-"},   // figure dash
    {"\xE2\x80\x93", "-"},   // en dash
    {"\xE2\x80\x94", "-"},   // em dash
    {"\xE2\x88\x92", "-"},   // minus
    {"\xC2\xA0", " "},       // no-break space
    {"\xE2\x80\x89", " "},   // thin space
    {"\xE2\x80\xAF", " "},   // narrow no-break space
    {"\xE2\x80\x8B", ""},    // zero-width space
    {"``", "\""},
    {"''", "\""},
};

}  // namespace

std::string NormalizeReference(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '`' || c == '\'' || IsHigh(c)) {
      bool mapped = false;
      for (const Mapping& m : kMappings) {
        size_t n = std::strlen(m.from);
        if (text.compare(i, n, m.from) == 0) {
          i += n;
          if (m.to[0] == ' ') {
            pending_space = true;
          } else if (m.to[0] != '\0') {
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out += m.to;
          }
          mapped = true;
          break;
        }
      }
      if (mapped) continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      pending_space = true;
      ++i;
      continue;
    }
    // ",," (a list written with doubled separators) reads as one comma.
    if (c == ',' && !out.empty() && out.back() == ',') {
      ++i;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
    ++i;
  }
  return out;
}

bool StartsUpper(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return IsAsciiUpper(static_cast<char>(c));
  if (i + 1 >= s.size()) return false;
  unsigned char d = static_cast<unsigned char>(s[i + 1]);
  if (c == 0xC3) return d >= 0x80 && d <= 0x9E && d != 0x97;  // À-Þ
  if (c == 0xC4 || c == 0xC5) return d % 2 == 0;  // Latin Extended-A pairs
  if (c == 0xCE) return d >= 0x91 && d <= 0xA9;   // Greek capitals
  if (c == 0xD0) return d >= 0x80 && d <= 0xAF;   // Cyrillic capitals
  if (c == 0xD1 || c == 0xCF) return false;
  // Other scripts have no case: treat them as capitalised words so that
  // names written in them are not mistaken for running text.
  return c >= 0xD7;
}

bool StartsLower(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return IsAsciiLower(static_cast<char>(c));
  if (c >= 0xC3 && c <= 0xD1) return !StartsUpper(s, i);
  return false;
}

std::string_view Trim(std::string_view s, std::string_view chars) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && (s[b] == ' ' || chars.find(s[b]) != std::string_view::npos))
    ++b;
  while (e > b &&
         (s[e - 1] == ' ' || chars.find(s[e - 1]) != std::string_view::npos))
    --e;
  return s.substr(b, e - b);
}

std::string_view TrimPunct(std::string_view s) {
  s = Trim(s, " ,;:");
  while (!s.empty() && (s.back() == '.' || s.back() == ',' ||
                        s.back() == ';' || s.back() == ':')) {
    s.remove_suffix(1);
    s = Trim(s, " ,;:");
  }
  return s;
}

std::string_view StripQuotes(std::string_view s) {
  s = Trim(s, " ,;:.");
  if (s.size() >= 2) {
    char a = s.front();
    char b = s.back();
    if ((a == '"' && b == '"') || (a == '\'' && b == '\'') ||
        (a == '(' && b == ')') || (a == '[' && b == ']')) {
      s = Trim(s.substr(1, s.size() - 2), " ,;:");
    }
  }
  if (!s.empty() && s.front() == '"' &&
      s.find('"', 1) == std::string_view::npos) {
    s.remove_prefix(1);
  }
  if (!s.empty() && s.back() == '"' &&
      s.find('"') == s.size() - 1) {
    s.remove_suffix(1);
  }
  return Trim(s, " ,;:");
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

size_t FindIgnoreCase(std::string_view s, std::string_view needle,
                      size_t from) {
  if (needle.empty() || s.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (ToLower(s[i]) != ToLower(needle[0])) continue;
    if (EqualsIgnoreCase(s.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

size_t WordLength(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    char c = s[j];
    if (IsLetter(c)) {
      ++j;
    } else if ((c == '\'' || c == '-') && j > i && j + 1 < s.size() &&
               IsLetter(s[j + 1])) {
      ++j;
    } else {
      break;
    }
  }
  return j - i;
}

size_t DigitRun(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && IsDigit(s[j])) ++j;
  return j - i;
}

bool IsYearAt(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return false;
  if (i > 0 && (IsDigit(s[i - 1]) || IsLetter(s[i - 1]) || s[i - 1] == '.' ||
                s[i - 1] == '/'))
    return false;
  if (DigitRun(s, i) != 4) return false;
  if (i + 4 < s.size() && (s[i + 4] == '/' && i + 5 < s.size() &&
                           IsDigit(s[i + 5]) && DigitRun(s, i + 5) != 4))
    return false;
  int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
          (s[i + 3] - '0');
  return y >= 1500 && y <= 2099;
}

}  // namespace evq::cite
