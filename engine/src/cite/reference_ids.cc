// Identifiers and access notes. They are cut out of the working string before
// anything else so that their digits and dots cannot be taken for volumes,
// pages or sentence ends.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cite/reference_parts.h"
#include "cite/reference_text.h"

namespace evq::cite {
namespace {

using Span = std::pair<size_t, size_t>;

bool WordStart(std::string_view s, size_t i) {
  return i == 0 || !IsAlnum(s[i - 1]);
}

// End of a run of non-space characters, without trailing punctuation and
// without an unbalanced closing bracket.
size_t TokenEnd(std::string_view s, size_t i) {
  size_t e = i;
  while (e < s.size() && s[e] != ' ') ++e;
  while (e > i) {
    char c = s[e - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '>' ||
        c == '"' || c == '\'') {
      --e;
      continue;
    }
    if (c == ')' || c == ']') {
      char open = c == ')' ? '(' : '[';
      int depth = 0;
      for (size_t k = i; k < e; ++k) {
        if (s[k] == open) ++depth;
        if (s[k] == c) --depth;
      }
      if (depth < 0) {
        --e;
        continue;
      }
    }
    break;
  }
  return e;
}

// Extends a span backwards over a label such as "doi:", "Available from:",
// "Retrieved from", "URL", "<" and forwards over a closing ">", "]".
Span WithLabel(std::string_view s, Span span) {
  static constexpr std::string_view kLabels[] = {
      "retrieved from", "available from", "available at", "available online",
      "available", "accessed from", "online at", "online", "from", "at",
      "url", "doi", "pmid", "pubmed", "pmcid", "pubmed central", "isbn",
      "internet", "link", "in"};
  size_t b = span.first;
  size_t e = span.second;
  for (bool changed = true; changed;) {
    changed = false;
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == ':' || s[b - 1] == '<' ||
                     s[b - 1] == '[' || s[b - 1] == '(')) {
      --b;
      changed = true;
    }
    for (std::string_view label : kLabels) {
      if (b >= label.size() &&
          EqualsIgnoreCase(s.substr(b - label.size(), label.size()), label) &&
          WordStart(s, b - label.size())) {
        // "in" only as a leftover of "Available in"; keep "In" of a title.
        if (label == "in" || label == "at" || label == "from") {
          size_t k = b - label.size();
          while (k > 0 && s[k - 1] == ' ') --k;
          if (k == 0 || IsAlnum(s[k - 1])) {
            if (!(k >= 9 && (EqualsIgnoreCase(s.substr(k - 9, 9), "available") ||
                             EqualsIgnoreCase(s.substr(k - 9, 9), "retrieved"))))
              continue;
          }
        }
        b -= label.size();
        changed = true;
        break;
      }
    }
  }
  while (b < span.first && (s[b] == ' ')) ++b;
  while (e < s.size() && (s[e] == '>' || s[e] == ']' || s[e] == ')')) {
    // Only a bracket opened by the label we took.
    char open = s[e] == '>' ? '<' : (s[e] == ']' ? '[' : '(');
    if (s.substr(b, span.first - b).find(open) == std::string_view::npos) break;
    ++e;
  }
  return {b, e};
}

// Length of a date-like run ("2019 Jan 5", "May 5, 2019", "5.3.2019") from
// i: digits, month words, commas, dots, slashes, hyphens, spaces.
size_t DateRun(std::string_view s, size_t i) {
  size_t j = i;
  size_t last_good = i;
  while (j < s.size()) {
    char c = s[j];
    if (IsDigit(c)) {
      j += DigitRun(s, j);
      last_good = j;
    } else if (IsLetter(c)) {
      size_t n = WordLength(s, j);
      std::string_view w = s.substr(j, n);
      if (MonthNumber(w) == 0 && !EqualsIgnoreCase(w, "on") &&
          !EqualsIgnoreCase(w, "of") && !EqualsIgnoreCase(w, "th") &&
          !EqualsIgnoreCase(w, "st") && !EqualsIgnoreCase(w, "nd") &&
          !EqualsIgnoreCase(w, "rd"))
        break;
      j += n;
      if (MonthNumber(w) != 0) last_good = j;
    } else if (c == ' ' || c == ',' || c == '.' || c == '/' || c == '-' ||
               c == ':') {
      ++j;
    } else {
      break;
    }
  }
  return last_good - i;
}

void AddSpan(std::vector<Span>* spans, Span sp) {
  for (Span& o : *spans) {
    if (sp.first < o.second && o.first < sp.second) {
      o.first = std::min(o.first, sp.first);
      o.second = std::max(o.second, sp.second);
      return;
    }
  }
  spans->push_back(sp);
}

// "[cited 2019 Jan 5]", "Accessed 5 May 2019", "(accessed May 5, 2019)",
// "Retrieved May 5, 2019, from": the note and its date.
void FindAccessNotes(std::string_view s, CslItem* item,
                     std::vector<Span>* spans) {
  static constexpr std::string_view kKeys[] = {
      "[cited", "[accessed", "(accessed", "last accessed", "accessed on",
      "accessed", "retrieved on", "retrieved", "date accessed", "consulted",
      "viewed on", "[updated"};
  // Lowercased once (ASCII only, so offsets agree with s) and searched with
  // find: a case-folding scan per key cost ~4% of a whole parse.
  std::string lower(s);
  for (char& c : lower) c = ToLower(c);
  for (std::string_view key : kKeys) {
    size_t p = 0;
    while ((p = lower.find(key, p)) != std::string::npos) {
      if (!(key[0] == '[' || key[0] == '(' || WordStart(s, p))) {
        p += key.size();
        continue;
      }
      size_t j = p + key.size();
      while (j < s.size() && (s[j] == ' ' || s[j] == ':')) ++j;
      size_t n = DateRun(s, j);
      if (n == 0 || FindYear(s.substr(j, n)) == std::string_view::npos) {
        p = j;
        continue;
      }
      CslDate d = ParseDate(s.substr(j, n));
      if (key != "[updated" && item->accessed.year == 0) item->accessed = d;
      size_t e = j + n;
      while (e < s.size() && (s[e] == ' ' || s[e] == ',')) ++e;
      if (key == "retrieved" && StartsWithIgnoreCase(s.substr(e), "from")) {
        e += 4;
      }
      if (e < s.size() && (s[e] == ']' || s[e] == ')')) ++e;
      size_t b = p;
      while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '(' || s[b - 1] == '['))
        --b;
      if (key[0] == '[' || key[0] == '(') b = p;
      AddSpan(spans, {b, e});
      p = e;
    }
  }
}

bool EndsWithFileName(std::string_view t) {
  static constexpr std::string_view kExtensions[] = {
      ".pdf", ".html", ".htm", ".shtml", ".shtm", ".asp", ".aspx",
      ".php", ".ps",   ".txt", ".xml",   ".jsp",  ".cfm"};
  for (std::string_view x : kExtensions)
    if (t.size() > x.size() &&
        FindIgnoreCase(t.substr(t.size() - x.size()), x) == 0)
      return true;
  return false;
}

// A URL broken at a space (a line break in the source it was copied
// from): the next piece continues it after a bare scheme ("http://"),
// when the URL stops open (inside its host name, or at a "/", "-" or "_")
// and the piece has a path, a dot or mixed letters and digits, or when the
// piece starts with "/", holds a path ("assets/pdf/x.pdf") right after an
// unpunctuated URL, or ends in a file name ("Brochure.pdf"). Appends
// the pieces (without the spaces) to *url and returns where the last one
// ends; `e` when nothing continues the URL that starts at `b`.
size_t UrlContinued(std::string_view s, size_t b, size_t e, std::string* url) {
  while (true) {
    size_t raw = e;  // the piece as printed, with what TokenEnd cut
    while (raw < s.size() && s[raw] != ' ') ++raw;
    std::string_view tail = s.substr(e, raw - e);
    if (!tail.empty() && tail != ".") return e;  // closed: "url>." or "url,"
    if (raw >= s.size()) return e;
    std::string_view piece = s.substr(b, raw - b);
    size_t k = raw;
    while (k < s.size() && s[k] == ' ') ++k;
    if (k >= s.size()) return e;
    size_t ne = TokenEnd(s, k);
    std::string_view t = s.substr(k, ne - k);
    // "http:// www.x.org": only the scheme so far.
    bool scheme_only =
        piece.size() >= 3 && piece.substr(piece.size() - 3) == "://";
    if (t.empty() || t[0] == '(' || t[0] == '[' || t[0] == '<' ||
        StartsWithIgnoreCase(t, "http") || StartsWithIgnoreCase(t, "doi") ||
        StartsWithIgnoreCase(t, "10.") ||
        (!scheme_only && StartsWithIgnoreCase(t, "www.")))
      return e;
    size_t scheme = piece.find("://");
    size_t host = scheme == std::string_view::npos ? 0 : scheme + 3;
    // "http://www. x.org", "http://news. wildlife.org/": cut in the host.
    bool in_host =
        piece.back() == '.' && piece.find('/', host) == std::string_view::npos;
    bool open = in_host || piece.back() == '/' || piece.back() == '-' ||
                piece.back() == '_';
    bool path = t.find('/') != std::string_view::npos;
    bool dot = t.find('.') != std::string_view::npos;
    // "10.1021/ es030360x": letters and digits mixed, as in an identifier.
    bool letter = false, digit = false;
    for (char c : t) {
      letter |= IsLetter(c);
      digit |= IsDigit(c);
    }
    bool mixed = letter && digit && !IsAsciiUpper(t[0]);
    bool joins = scheme_only || t[0] == '/' || EndsWithFileName(t) ||
                 (open && (path || dot || mixed)) || (path && tail.empty());
    if (!joins) return e;
    if (!tail.empty()) *url += tail;  // the "." of "www."
    *url += t;
    b = k;
    e = ne;
  }
}

}  // namespace

void ExtractIdentifiers(std::string* str, CslItem* item) {
  std::string_view s = *str;
  std::vector<Span> spans;
  FindAccessNotes(s, item, &spans);
  for (size_t i = 0; i < s.size(); ++i) {
    if (!WordStart(s, i)) continue;
    char c = ToLower(s[i]);
    // URLs, including doi.org links which are DOIs.
    if ((c == 'h' || c == 'f' || c == 'w') &&
        (StartsWithIgnoreCase(s.substr(i), "http://") ||
         StartsWithIgnoreCase(s.substr(i), "https://") ||
         StartsWithIgnoreCase(s.substr(i), "ftp://") ||
         StartsWithIgnoreCase(s.substr(i), "www."))) {
      size_t e = TokenEnd(s, i);
      std::string joined(s.substr(i, e - i));
      e = UrlContinued(s, i, e, &joined);
      std::string_view url = joined;
      size_t d = FindIgnoreCase(url, "doi.org/10.");
      // A doi.org link is both: the DOI, and the URL as printed.
      if (d != std::string_view::npos && item->doi.empty()) {
        item->doi = std::string(url.substr(d + 8));
      }
      if (item->url.empty()) {
        item->url = std::string(url);
      }
      AddSpan(&spans, WithLabel(s, {i, e}));
      i = e;
      continue;
    }
    // "doi:10.1000/xyz", "DOI 10.1000/xyz", bare "10.1000/xyz".
    size_t j = i;
    if (c == 'd' && StartsWithIgnoreCase(s.substr(i), "doi")) {
      j = i + 3;
      while (j < s.size() && (s[j] == ':' || s[j] == ' ' || s[j] == '.')) ++j;
    }
    if (s.compare(j, 3, "10.") == 0 && (j == i || WordStart(s, j))) {
      size_t k = j + 3;
      size_t n = DigitRun(s, k);
      if (n >= 4 && n <= 9 && k + n < s.size() && s[k + n] == '/') {
        size_t e = TokenEnd(s, j);
        if (item->doi.empty()) item->doi = std::string(s.substr(j, e - j));
        AddSpan(&spans, WithLabel(s, {j, e}));
        i = e;
        continue;
      }
    }
    // PMID / PubMed / PMCID.
    if (c == 'p') {
      std::string_view rest = s.substr(i);
      bool pmc = StartsWithIgnoreCase(rest, "pmcid") ||
                 (StartsWithIgnoreCase(rest, "pmc") && rest.size() > 3 &&
                  IsDigit(rest[3]));
      bool pmid = !pmc && (StartsWithIgnoreCase(rest, "pmid") ||
                           StartsWithIgnoreCase(rest, "pubmed"));
      if (pmc || pmid) {
        size_t k = i + WordLength(s, i);
        if (pmc && !StartsWithIgnoreCase(rest, "pmcid")) k = i + 3;
        while (k < s.size() && (s[k] == ':' || s[k] == ' ')) ++k;
        if (pmc && StartsWithIgnoreCase(s.substr(k), "pmc")) k += 3;
        size_t n = DigitRun(s, k);
        if (n >= 4) {
          std::string digits(s.substr(k, n));
          if (pmc) {
            if (item->pmcid.empty()) item->pmcid = "PMC" + digits;
          } else if (item->pmid.empty()) {
            item->pmid = digits;
          }
          AddSpan(&spans, WithLabel(s, {i, k + n}));
          i = k + n;
          continue;
        }
      }
    }
    // ISBN.
    if (c == 'i' && StartsWithIgnoreCase(s.substr(i), "isbn")) {
      size_t k = i + 4;
      if (s.compare(k, 3, "-13") == 0 || s.compare(k, 3, "-10") == 0) k += 3;
      while (k < s.size() && (s[k] == ':' || s[k] == ' ')) ++k;
      size_t e = k;
      size_t digits = 0;
      while (e < s.size() && (IsDigit(s[e]) || s[e] == '-' || s[e] == 'X' ||
                              s[e] == 'x' || (s[e] == ' ' && digits < 13 &&
                                              e + 1 < s.size() &&
                                              IsDigit(s[e + 1])))) {
        if (IsDigit(s[e])) ++digits;
        ++e;
      }
      if (digits >= 9) {
        if (item->isbn.empty())
          item->isbn = std::string(Trim(s.substr(k, e - k), " -"));
        AddSpan(&spans, {i, e});
        i = e;
        continue;
      }
    }
  }
  // A bare 7-8 digit number at the very end of a biomedical reference, after
  // the pages, is its PubMed id (PLOS prints them so).
  if (item->pmid.empty()) {
    size_t e = s.size();
    while (e > 0 && (s[e - 1] == '.' || s[e - 1] == ' ')) --e;
    size_t b = e;
    while (b > 0 && IsDigit(s[b - 1])) --b;
    bool covered = false;
    for (const Span& sp : spans) covered |= b >= sp.first && b < sp.second;
    if (!covered && e - b >= 7 && e - b <= 8 && b > 2 && s[b - 1] == ' ' &&
        (s[b - 2] == '.' || s[b - 2] == ';' || IsAlnum(s[b - 2]))) {
      item->pmid = std::string(s.substr(b, e - b));
      AddSpan(&spans, {b, e});
    }
  }
  if (spans.empty()) return;
  // Rebuild without the spans; a separator left dangling is dropped later by
  // the field trimming.
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  std::sort(spans.begin(), spans.end());
  for (const Span& sp : spans) {
    if (sp.first < pos) {
      pos = std::max(pos, sp.second);
      continue;
    }
    out.append(s.substr(pos, sp.first - pos));
    out += ' ';
    pos = sp.second;
  }
  out.append(s.substr(pos));
  *str = NormalizeReference(out);
  // Punctuation that only separated the removed parts.
  while (!str->empty() && (str->back() == ' ' || str->back() == ',' ||
                           str->back() == ';' || str->back() == ':' ||
                           str->back() == '(' || str->back() == '[')) {
    str->pop_back();
  }
}

}  // namespace evq::cite
