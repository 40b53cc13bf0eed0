// Dates in reference strings: years, with month and day when they are written
// next to the year in one of the usual orders.
#include <string_view>

#include "cite/reference_parts.h"
#include "cite/reference_text.h"

namespace evq::cite {
namespace {

struct MonthName {
  std::string_view name;
  int month;
};

// Full names and the abbreviations styles use; a few French, Spanish,
// Portuguese, Italian and German names because the corpora mix them in.
constexpr MonthName kMonths[] = {
    {"january", 1},   {"jan", 1},       {"janvier", 1},  {"enero", 1},
    {"janeiro", 1},   {"gennaio", 1},   {"januar", 1},   {"february", 2},
    {"feb", 2},       {"fevrier", 2},   {"febrero", 2},  {"fevereiro", 2},
    {"febbraio", 2},  {"februar", 2},   {"march", 3},    {"mar", 3},
    {"mars", 3},      {"marzo", 3},     {"marco", 3},    {"marz", 3},
    {"april", 4},     {"apr", 4},       {"avril", 4},    {"abril", 4},
    {"aprile", 4},    {"may", 5},       {"mai", 5},      {"mayo", 5},
    {"maio", 5},      {"maggio", 5},    {"june", 6},     {"jun", 6},
    {"juin", 6},      {"junio", 6},     {"junho", 6},    {"giugno", 6},
    {"juni", 6},      {"july", 7},      {"jul", 7},      {"juillet", 7},
    {"julio", 7},     {"julho", 7},     {"luglio", 7},   {"juli", 7},
    {"august", 8},    {"aug", 8},       {"aout", 8},     {"agosto", 8},
    {"september", 9}, {"sep", 9},       {"sept", 9},     {"septembre", 9},
    {"septiembre", 9}, {"setembro", 9}, {"settembre", 9}, {"october", 10},
    {"oct", 10},      {"octobre", 10},  {"octubre", 10}, {"outubro", 10},
    {"ottobre", 10},  {"oktober", 10},  {"november", 11}, {"nov", 11},
    {"novembre", 11}, {"noviembre", 11}, {"novembro", 11}, {"december", 12},
    {"dec", 12},      {"decembre", 12}, {"diciembre", 12}, {"dezembro", 12},
    {"dicembre", 12}, {"dezember", 12},
};

int DayAt(std::string_view s, size_t i) {
  size_t n = DigitRun(s, i);
  if (n == 0 || n > 2) return 0;
  if (i > 0 && IsDigit(s[i - 1])) return 0;
  int d = s[i] - '0';
  if (n == 2) d = d * 10 + (s[i + 1] - '0');
  return d >= 1 && d <= 31 ? d : 0;
}

}  // namespace

int MonthNumber(std::string_view word) {
  if (word.size() < 3 || word.size() > 10) return 0;
  // Lowercased once, and the first letter checked before the rest: this
  // runs for every word of every reference (the tagger's features too).
  char buf[10];
  for (size_t i = 0; i < word.size(); ++i) buf[i] = ToLower(word[i]);
  std::string_view lower(buf, word.size());
  for (const MonthName& m : kMonths) {
    if (m.name[0] == buf[0] && m.name == lower) return m.month;
  }
  return 0;
}

size_t FindYear(std::string_view s, size_t from) {
  for (size_t i = from; i + 4 <= s.size(); ++i) {
    if (IsDigit(s[i]) && IsYearAt(s, i)) {
      // Not the first part of a page range or of a decimal number.
      if (i + 4 < s.size() && s[i + 4] == '-' && i + 5 < s.size() &&
          IsDigit(s[i + 5]) && DigitRun(s, i + 5) != 4 &&
          DigitRun(s, i + 5) != 2)
        continue;
      return i;
    }
  }
  return std::string_view::npos;
}

CslDate ParseDate(std::string_view s) {
  CslDate d;
  size_t y = FindYear(s);
  if (y == std::string_view::npos) {
    if (FindIgnoreCase(s, "n.d") != std::string_view::npos ||
        FindIgnoreCase(s, "no date") != std::string_view::npos) {
      d.literal = "n.d.";
    } else if (FindIgnoreCase(s, "in press") != std::string_view::npos) {
      d.literal = "in press";
    } else if (FindIgnoreCase(s, "forthcoming") != std::string_view::npos) {
      d.literal = "forthcoming";
    }
    return d;
  }
  d.year = (s[y] - '0') * 1000 + (s[y + 1] - '0') * 100 +
           (s[y + 2] - '0') * 10 + (s[y + 3] - '0');
  // ISO "2019-05-05" and "2019/05/05".
  if (y + 7 <= s.size() && (s[y + 4] == '-' || s[y + 4] == '/') &&
      DigitRun(s, y + 5) == 2) {
    int m = (s[y + 5] - '0') * 10 + (s[y + 6] - '0');
    if (m >= 1 && m <= 12) {
      d.month = m;
      if (y + 10 <= s.size() && s[y + 7] == s[y + 4]) d.day = DayAt(s, y + 8);
      return d;
    }
  }
  // After the year: "2019 Jan 5", "2019, May".
  size_t j = y + 4;
  while (j < s.size() && (s[j] == ' ' || s[j] == ',')) ++j;
  if (j < s.size() && IsLetter(s[j])) {
    size_t n = WordLength(s, j);
    int m = MonthNumber(s.substr(j, n));
    if (m != 0) {
      d.month = m;
      size_t k = j + n;
      while (k < s.size() && (s[k] == '.' || s[k] == ' ')) ++k;
      d.day = DayAt(s, k);
      return d;
    }
  }
  // Before the year: "May 5, 2019", "5 May 2019", "May 2019".
  size_t k = y;
  int month = 0;
  int day = 0;
  for (int tokens = 0; k > 0 && tokens < 3; ++tokens) {
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == ',' || s[k - 1] == '.'))
      --k;
    size_t e = k;
    if (k > 0 && IsDigit(s[k - 1])) {
      while (k > 0 && IsDigit(s[k - 1])) --k;
      int dd = DayAt(s, k);
      if (dd == 0) break;
      if (day == 0) day = dd;
    } else if (k > 0 && IsAsciiLower(ToLower(s[k - 1]))) {
      while (k > 0 && IsLetter(s[k - 1])) --k;
      int mm = MonthNumber(s.substr(k, e - k));
      if (mm == 0) break;
      month = mm;
    } else {
      break;
    }
  }
  if (month != 0) {
    d.month = month;
    d.day = day;
  }
  return d;
}

}  // namespace evq::cite
