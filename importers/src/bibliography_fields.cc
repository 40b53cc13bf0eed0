// Field helpers shared by the bibliography readers: every format writes
// dates, names, pages and DOIs in its own way, and works compare them
// across formats, so they are normalised in one place.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "bibliography_readers.h"

namespace evq::internal {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

int LineIndex::LineAt(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

void BibliographySink::AddWork(Work work, int line) {
  work.source = out_->source;
  work.line = line;
  out_->works.push_back(std::move(work));
}

void BibliographySink::Skip(int line, size_t offset, std::string why) {
  Diagnostic d;
  d.severity = Diagnostic::Severity::kError;
  d.file = out_->source;
  d.line = line;
  d.offset = offset + base_offset_;
  d.message = std::move(why);
  out_->diagnostics.push_back(std::move(d));
}

void BibliographySink::Warn(int line, size_t offset, std::string why) {
  Skip(line, offset, std::move(why));
  out_->diagnostics.back().severity = Diagnostic::Severity::kWarning;
}

namespace {

bool IsSpace(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The maximal runs of digits and of letters in `text`, in order; other
// characters separate them.
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    if (IsDigit(text[i])) {
      while (j < text.size() && IsDigit(text[j])) ++j;
    } else if (std::isalpha(static_cast<unsigned char>(text[i]))) {
      while (j < text.size() &&
             std::isalpha(static_cast<unsigned char>(text[j])))
        ++j;
    } else {
      ++i;
      continue;
    }
    out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

int Number(std::string_view digits) {
  if (digits.empty() || digits.size() > 6) return 0;
  return std::atoi(std::string(digits).c_str());
}

}  // namespace

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

int MonthFromText(std::string_view text) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string t = Lower(TrimView(text));
  while (!t.empty() && t.back() == '.') t.pop_back();
  if (t.empty()) return 0;
  if (IsDigit(t[0])) {
    int m = Number(t);
    return m >= 1 && m <= 12 ? m : 0;
  }
  if (t.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (t.compare(0, 3, kMonths[i]) == 0) return i + 1;
  }
  return 0;
}

CslDate ParseDateText(std::string_view text) {
  CslDate date;
  std::string_view t = TrimView(text);
  if (t.empty()) return date;
  std::vector<std::string_view> tokens = Tokens(t);
  // US month/day/year (Retraction Watch: "11/14/2023 0:00").
  if (tokens.size() >= 3 && IsDigit(tokens[0][0]) && tokens[0].size() <= 2 &&
      IsDigit(tokens[1][0]) && tokens[1].size() <= 2 && tokens[2].size() == 4 &&
      IsDigit(tokens[2][0]) && t.find('/') != std::string_view::npos) {
    date.year = Number(tokens[2]);
    date.month = MonthFromText(tokens[0]);
    int day = Number(tokens[1]);
    date.day = date.month != 0 && day >= 1 && day <= 31 ? day : 0;
    return date;
  }
  // Otherwise the first four-digit number is the year; what follows it is
  // month then day, and a month name before it ("May 2019") counts too.
  size_t year_at = tokens.size();
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].size() == 4 && IsDigit(tokens[i][0])) {
      year_at = i;
      break;
    }
  }
  if (year_at == tokens.size()) {
    date.literal = std::string(t);
    return date;
  }
  date.year = Number(tokens[year_at]);
  if (year_at + 1 < tokens.size()) {
    date.month = MonthFromText(tokens[year_at + 1]);
    // "2018 Dec-2019 Jan": a second year means a range; keep its start.
    if (date.month != 0 && year_at + 2 < tokens.size() &&
        IsDigit(tokens[year_at + 2][0]) && tokens[year_at + 2].size() <= 2) {
      int day = Number(tokens[year_at + 2]);
      if (day >= 1 && day <= 31) date.day = day;
    }
  } else if (year_at > 0) {
    date.month = MonthFromText(tokens[year_at - 1]);
  }
  return date;
}

std::string IsoDate(const CslDate& date) {
  if (date.year == 0) return "";
  char buf[32];
  if (date.month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", date.year);
  } else if (date.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month,
                  date.day);
  }
  return buf;
}

CslName PersonName(std::string_view text) {
  CslName name;
  std::string t = CollapseSpace(text);
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == ',') {
      parts.push_back(Trim(std::string_view(t).substr(start, i - start)));
      start = i + 1;
    }
  }
  if (parts.size() >=
      3) {  // "Last, Jr, First": the suffix stays with the given names
    name.family = parts[0];
    name.given = parts[2] + (parts[1].empty() ? "" : ", " + parts[1]);
    return name;
  }
  if (parts.size() == 2) {
    name.family = parts[0];
    name.given = parts[1];
    return name;
  }
  std::vector<std::string> words;
  for (size_t i = 0; i < t.size();) {
    size_t j = t.find(' ', i);
    if (j == std::string::npos) j = t.size();
    words.push_back(t.substr(i, j - i));
    i = j + 1;
  }
  if (words.empty()) return name;
  // "Ludwig van Beethoven": the family name starts at the first lowercase
  // particle; without one, it is the last word.
  size_t family_at = words.size() - 1;
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (std::islower(static_cast<unsigned char>(words[i][0]))) {
      family_at = i;
      break;
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    std::string& part = i < family_at ? name.given : name.family;
    if (!part.empty()) part += ' ';
    part += words[i];
  }
  return name;
}

CslName MedlineShortName(std::string_view text) {
  CslName name;
  std::string t = CollapseSpace(text);
  size_t space = t.rfind(' ');
  // The initials are the last word when it is all capitals ("Smith JA").
  if (space != std::string::npos) {
    std::string_view last = std::string_view(t).substr(space + 1);
    bool initials = !last.empty() && last.size() <= 4 &&
                    std::all_of(last.begin(), last.end(), [](unsigned char c) {
                      return std::isupper(c);
                    });
    if (initials) {
      name.family = t.substr(0, space);
      name.given = std::string(last);
      return name;
    }
  }
  name.family = t;
  return name;
}

std::string CleanDoi(std::string_view text) {
  std::string_view t = TrimView(text);
  std::string lower = Lower(t.substr(0, std::min<size_t>(t.size(), 32)));
  for (std::string_view prefix :
       {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
        "http://dx.doi.org/", "doi.org/", "doi:", "doi "}) {
    if (std::string_view(lower).starts_with(prefix)) {
      t.remove_prefix(prefix.size());
      t = TrimView(t);
      break;
    }
  }
  while (!t.empty() && (t.back() == '.' || t.back() == ',')) t.remove_suffix(1);
  if (!t.starts_with("10.")) return "";
  return std::string(t);
}

std::string NormalizePages(std::string_view text) {
  std::string out;
  std::string_view t = TrimView(text);
  for (size_t i = 0; i < t.size();) {
    if (t.substr(i).starts_with("\xE2\x80\x93") ||
        t.substr(i).starts_with("\xE2\x80\x94")) {
      out += '-';  // en or em dash
      i += 3;
    } else if (t[i] == '-') {
      out += '-';
      while (i < t.size() && t[i] == '-') ++i;
    } else if (IsSpace(t[i])) {
      ++i;  // "123 - 130"
    } else {
      out += t[i++];
    }
  }
  return out;
}

}  // namespace evq::internal
