#include "works/text_normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iterator>

namespace evq::internal {
namespace {

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, U8_MAX_LENGTH, c, error);
  if (!error) out->append(buf, static_cast<size_t>(n));
}

// Appends the folded, accent-free form of the non-ASCII letter or digit `c`
// to *word, or returns false when `c` separates words. NFKD splits "ñ" into
// "n" and a combining tilde, which is dropped; ligatures ("ﬁ") expand.
bool AppendFoldedNonAscii(UChar32 c, std::string* word) {
  if (u_charType(c) == U_NON_SPACING_MARK) return true;  // decomposed accent
  if (!u_isalnum(c)) return false;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString decomposed;
  if (U_FAILURE(status) || !nfkd->getDecomposition(c, decomposed)) {
    decomposed = icu::UnicodeString(c);
  }
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if (u_charType(d) == U_NON_SPACING_MARK) continue;
    if (d == 0xDF) {  // "ß" compares as "ss", as German spells it in caps
      word->append("ss");
      continue;
    }
    AppendUtf8(u_foldCase(d, U_FOLD_CASE_DEFAULT), word);
  }
  return true;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

bool IsApostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

std::string DigitsOf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<std::string> FoldedWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    unsigned char b = s[i];
    bool in_word = true;
    if (b < 0x80) {
      ++i;
      if (IsAsciiAlnum(b)) {
        word.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      } else {
        in_word = b == '\'' && !word.empty();
      }
    } else {
      UChar32 c = 0;
      U8_NEXT(s, i, n, c);
      if (c < 0) {
        in_word = false;  // invalid bytes separate words
      } else if (IsApostrophe(c)) {
        in_word = !word.empty();
      } else {
        in_word = AppendFoldedNonAscii(c, &word);
      }
    }
    if (!in_word && !word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string FoldedKey(std::string_view text) {
  std::string key;
  for (const std::string& w : FoldedWords(text)) key += w;
  return key;
}

bool IsStopword(std::string_view word) {
  // English function words plus the articles and prepositions of the other
  // languages journal names commonly use (French, German, Spanish,
  // Portuguese, Italian, Polish "i"): ISO 4 abbreviations drop them all.
  // Words arrive folded and accent-free ("für" as "fur").
  static constexpr std::string_view kStop[] = {
      "a",   "an",   "and", "as",  "at", "by",   "da",   "de",  "del",  "della",
      "der", "des",  "di",  "die", "do", "du",   "e",    "el",  "en",   "et",
      "for", "from", "fur", "i",   "in", "into", "la",   "le",  "les",  "of",
      "on",  "or",   "os",  "the", "to", "und",  "upon", "von", "with", "y"};
  return std::find(std::begin(kStop), std::end(kStop), word) != std::end(kStop);
}

std::string NormalizeDoi(std::string_view text) {
  size_t at = text.find("10.");
  if (at == std::string_view::npos) return "";
  std::string_view doi = text.substr(at);
  // A DOI ends at whitespace; a trailing full stop or bracket is the
  // reference's punctuation, not the DOI's.
  size_t end = doi.find_first_of(" \t\r\n");
  if (end != std::string_view::npos) doi = doi.substr(0, end);
  while (!doi.empty() &&
         (doi.back() == '.' || doi.back() == ',' || doi.back() == ';' ||
          doi.back() == ')' || doi.back() == ']')) {
    doi.remove_suffix(1);
  }
  std::string out(doi);
  // DOIs are case-insensitive (ASCII only, per the DOI handbook).
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string NormalizePmid(std::string_view text) {
  std::string digits = DigitsOf(text);
  size_t nonzero = digits.find_first_not_of('0');
  return nonzero == std::string::npos ? "" : digits.substr(nonzero);
}

std::string NormalizePmcid(std::string_view text) {
  std::string digits = NormalizePmid(text);
  return digits.empty() ? "" : "PMC" + digits;
}

std::string FirstPage(std::string_view page) {
  // The first run of letters and digits: "123" of "123-9", "e0123" of
  // "e0123", "S12" of "S12–S15", "12" of "pp. 12-15" (after the "pp").
  std::vector<std::string> words = FoldedWords(page);
  for (const std::string& w : words) {
    if (w == "p" || w == "pp" || w == "page" || w == "pages") continue;
    return w;
  }
  return "";
}

std::string NormalizeVolume(std::string_view volume) {
  std::string out;
  for (const std::string& w : FoldedWords(volume)) {
    if (out.empty() && (w == "vol" || w == "volume" || w == "v")) continue;
    out += w;
  }
  return out;
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  auto la = static_cast<int>(a.size());
  auto lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > limit) return limit + 1;
  // Words are short; a longer one compares by equality only, so the table
  // rows fit on the stack (resolving runs this for many word pairs).
  constexpr int kMaxLen = 63;
  if (lb > kMaxLen) return a == b ? 0 : limit + 1;
  // Three rows of the optimal-string-alignment table: the row two back is
  // what a swap of neighbours reads.
  int rows[3][kMaxLen + 1];
  int* prev2 = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (int j = 0; j <= lb; ++j) prev[j] = j;
  for (int i = 1; i <= la; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= lb; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
    int* recycled = prev2;
    prev2 = prev;
    prev = cur;
    cur = recycled;
  }
  return std::min(prev[lb], limit + 1);
}

}  // namespace evq::internal
