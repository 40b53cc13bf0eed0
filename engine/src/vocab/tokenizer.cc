#include "vocab/tokenizer.h"

#include <unicode/uchar.h>

#include <cstdint>

namespace evq::internal {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at text[*i] and advances *i past it. Returns
// kInvalid (advancing one byte) for a malformed, overlong or surrogate
// sequence, so that bad bytes act as separators.
char32_t NextCodePoint(std::string_view text, size_t* i) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t p = *i;
  unsigned char b = s[p];
  if (b < 0x80) {
    *i = p + 1;
    return b;
  }
  int len = 0;
  char32_t c = 0;
  char32_t min = 0;
  if ((b & 0xE0) == 0xC0) {
    len = 2, c = b & 0x1F, min = 0x80;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3, c = b & 0x0F, min = 0x800;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4, c = b & 0x07, min = 0x10000;
  } else {
    *i = p + 1;
    return kInvalid;
  }
  if (p + len > n) {
    *i = p + 1;
    return kInvalid;
  }
  for (int k = 1; k < len; ++k) {
    if ((s[p + k] & 0xC0) != 0x80) {
      *i = p + 1;
      return kInvalid;
    }
    c = (c << 6) | (s[p + k] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    *i = p + 1;
    return kInvalid;
  }
  *i = p + len;
  return c;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool IsApostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  if (c == kInvalid) return false;
  auto uc = static_cast<UChar32>(c);
  // Combining marks keep decomposed accents ("e" + U+0301) inside the word.
  return u_isalnum(uc) || u_charType(uc) == U_NON_SPACING_MARK;
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  auto uc = static_cast<UChar32>(c);
  return u_isupper(uc) || u_istitle(uc);
}

char32_t Fold(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
  return static_cast<char32_t>(
      u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

bool IsHyphen(char32_t c) {
  // Hyphen-minus, Unicode hyphen, non-breaking hyphen, soft hyphen. Dashes
  // are not hyphens: "pain—but" and "1–3" separate.
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x00AD;
}

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (c == kInvalid) return false;
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* out) {
  out->clear();
  size_t i = 0;
  size_t n = text.size();
  // What separates the next word from the previous one.
  bool gap_soft = true;
  bool gap_has_space = false;
  bool gap_has_hyphen = false;
  while (i < n) {
    size_t at = i;
    char32_t c = NextCodePoint(text, &i);
    if (!IsWordChar(c)) {
      if (IsSpace(c)) {
        gap_has_space = true;
      } else if (IsHyphen(c)) {
        gap_has_hyphen = true;
      } else {
        gap_soft = false;
      }
      continue;
    }
    Token& t = out->emplace_back();
    t.start = at;
    t.soft_gap_before = out->size() > 1 && gap_soft;
    t.joined_before =
        out->size() > 1 && gap_soft && gap_has_hyphen && !gap_has_space;
    bool first = true;
    for (;;) {
      if (IsUpper(c)) {
        if (!t.has_upper) {
          // The word so far had no capitals: its exact form equals the folded.
          t.exact = t.folded;
          t.has_upper = true;
        }
        if (!first) t.upper_after_first = true;
      }
      char32_t f = IsApostrophe(c) ? U'\'' : Fold(c);
      AppendUtf8(f, &t.folded);
      if (t.has_upper) AppendUtf8(IsApostrophe(c) ? U'\'' : c, &t.exact);
      first = false;
      t.end = i;
      if (i >= n) break;
      size_t next = i;
      char32_t d = NextCodePoint(text, &next);
      if (IsWordChar(d)) {
        c = d;
        i = next;
        continue;
      }
      // An apostrophe continues the word only between two word characters.
      if (IsApostrophe(d) && next < n) {
        size_t after = next;
        char32_t e = NextCodePoint(text, &after);
        if (IsWordChar(e)) {
          c = d;
          i = next;
          continue;
        }
      }
      break;
    }
    gap_soft = true;
    gap_has_space = false;
    gap_has_hyphen = false;
  }
}

std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t at = i;
    char32_t c = NextCodePoint(text, &i);
    if (c == kInvalid) {
      out.append(text.substr(at, i - at));
    } else {
      AppendUtf8(Fold(c), &out);
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (NextCodePoint(text, &i) == kInvalid) return false;
  }
  return true;
}

}  // namespace evq::internal
