// Sentence ends in reference strings: a period ends a part of the reference
// unless it closes an initial or a known abbreviation ("Vol.", "Proc.").
#include <string>
#include <string_view>

#include "cite/reference_parts.h"
#include "cite/reference_text.h"

namespace evq::cite {
namespace {

constexpr std::string_view kAbbreviations[] = {
    "vs", "al", "dr", "mr", "mrs", "ms", "st", "no", "nos", "vol", "vols",
    "pp", "ed", "eds", "inc", "ltd", "co", "jr", "sr", "eg", "ie", "etc",
    "fig", "figs", "ch", "chap", "sect", "dept", "univ", "proc", "conf",
    "int", "intl", "natl", "trans", "rev", "res", "med", "sci", "soc", "am",
    "j", "assoc", "acad", "symp", "tech", "rep", "mt", "ft", "corp", "approx",
    "suppl", "pt", "ser", "cf", "op", "cit", "ibid", "repr", "rpt", "edn",
    "transl", "comp", "hrsg", "bd", "nr", "hg", "aufl", "cap", "núm", "num"};

bool IsWordChar(char c) { return IsLetter(c) || c == '\''; }

}  // namespace

bool IsAbbreviationBefore(std::string_view s, size_t dot) {
  size_t b = dot;
  while (b > 0 && IsWordChar(s[b - 1])) --b;
  std::string_view w = s.substr(b, dot - b);
  if (w.empty()) return b > 0 && s[b - 1] == '.';  // "..."
  size_t chars = 0;
  for (char c : w) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars == 1) return true;  // an initial
  // "U.S." and "e.g.": a dot just before the word.
  if (b > 0 && s[b - 1] == '.') return true;
  std::string lower;
  for (char c : w) lower += ToLower(c);
  for (std::string_view a : kAbbreviations) {
    if (lower == a) return true;
  }
  return false;
}

size_t FindSentenceEnd(std::string_view s, size_t from) {
  int quote = 0;
  int paren = 0;
  for (size_t i = from; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') quote ^= 1;
    if (c == '(' || c == '[') ++paren;
    if ((c == ')' || c == ']') && paren > 0) --paren;
    if (quote || paren) continue;
    if (c != '.' && c != '?' && c != '!') continue;
    if (i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != '"') continue;
    if (c == '.' && IsAbbreviationBefore(s, i)) {
      // An abbreviation still ends the sentence when a lowercase word or a
      // long run of text cannot follow; keep it simple: only the initial of
      // a name list continues.
      continue;
    }
    return i;
  }
  return std::string_view::npos;
}

}  // namespace evq::cite
