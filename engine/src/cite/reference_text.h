// Character-level helpers shared by the reference-string parser: a
// normalised working copy of the string and byte-level classification that
// treats any non-ASCII UTF-8 byte as a letter (names and titles in other
// scripts stay whole; the parser never splits inside a multibyte sequence
// because every delimiter it looks for is ASCII).
#ifndef EVQ_CITE_REFERENCE_TEXT_H_
#define EVQ_CITE_REFERENCE_TEXT_H_

#include <string>
#include <string_view>

namespace evq::cite {

// Whitespace collapsed to single spaces; typographic quotes, dashes, LaTeX
// quotes and no-break spaces mapped to ASCII so the rules see one alphabet.
std::string NormalizeReference(std::string_view text);

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsHigh(char c) { return static_cast<unsigned char>(c) >= 0x80; }
inline bool IsLetter(char c) {
  return IsAsciiUpper(c) || IsAsciiLower(c) || IsHigh(c);
}
inline bool IsAlnum(char c) { return IsLetter(c) || IsDigit(c); }
inline char ToLower(char c) { return IsAsciiUpper(c) ? c - 'A' + 'a' : c; }

// Whether the word starting at s[i] begins with a capital: an ASCII capital,
// or a Latin-1/Latin Extended capital or a letter of a caseless script.
bool StartsUpper(std::string_view s, size_t i = 0);
// Whether the word starts with a lowercase letter (ASCII or accented).
bool StartsLower(std::string_view s, size_t i = 0);

// Trims spaces and the given punctuation from both ends.
std::string_view Trim(std::string_view s, std::string_view chars = " ");
// Trims spaces and separators (,;:.) from both ends, and a trailing period
// unless it closes an abbreviation that the caller wants to keep.
std::string_view TrimPunct(std::string_view s);
// Drops one layer of surrounding quotes or brackets.
std::string_view StripQuotes(std::string_view s);

// ASCII case-insensitive comparisons.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
size_t FindIgnoreCase(std::string_view s, std::string_view needle,
                      size_t from = 0);

// Length in bytes of the letter/apostrophe/hyphen word at s[i] (0 if none).
size_t WordLength(std::string_view s, size_t i);
// Whether s[i..i+4) is a plausible publication year (1500-2099) that is not
// part of a longer number.
bool IsYearAt(std::string_view s, size_t i);
// Number of leading ASCII digits of s from i.
size_t DigitRun(std::string_view s, size_t i);

}  // namespace evq::cite

#endif  // EVQ_CITE_REFERENCE_TEXT_H_
