// What follows the title: "In" + editors for chapters, the container (journal
// or book), then volume, issue, pages, date, edition, place and publisher,
// recognised by their keywords ("vol.", "pp.") or by their position and
// punctuation ("12(3):45-67", "2019;12:45").
#include <algorithm>
#include <iterator>
#include <initializer_list>
#include <string>
#include <string_view>

#include "cite/reference_parts.h"
#include "cite/reference_text.h"

namespace evq::cite {
namespace {

// Keyword at s[i] (case-insensitive, whole word, optional '.'); returns the
// length consumed, 0 if absent.
size_t Keyword(std::string_view s, size_t i,
               std::initializer_list<std::string_view> words) {
  if (i > 0 && IsLetter(s[i - 1])) return 0;
  for (std::string_view w : words) {
    if (StartsWithIgnoreCase(s.substr(i), w) &&
        (i + w.size() == s.size() || !IsLetter(s[i + w.size()]))) {
      size_t n = w.size();
      if (i + n < s.size() && s[i + n] == '.') ++n;
      while (i + n < s.size() && s[i + n] == ' ') ++n;
      return n;
    }
  }
  return 0;
}

size_t VolumeKeyword(std::string_view s, size_t i) {
  size_t n = Keyword(s, i, {"volume", "vol", "vols", "v", "tome", "t", "bd",
                            "band", "tomo"});
  return n != 0 && i + n < s.size() && IsDigit(s[i + n]) ? n : 0;
}
size_t IssueKeyword(std::string_view s, size_t i) {
  size_t n = Keyword(s, i, {"number", "issue", "no", "nos", "nr", "n", "num",
                            "heft", "fasc", "iss"});
  return n != 0 && i + n < s.size() && IsDigit(s[i + n]) ? n : 0;
}
size_t PageKeyword(std::string_view s, size_t i) {
  size_t n = Keyword(s, i, {"pages", "page", "pp", "pgs", "pg", "p", "s"});
  if (n == 0 || i + n >= s.size()) return 0;
  size_t j = i + n;
  if (IsLetter(s[j]) && j + 1 < s.size() && IsDigit(s[j + 1])) ++j;  // e12
  return IsDigit(s[j]) ? n : 0;
}

// A page or page range at i: "45-67", "e1-e5", "R1250-R1259", "1477-81",
// "645.e1-5", "ii28-ii34", "085101". Returns its length, 0 if none.
size_t PageRange(std::string_view s, size_t i) {
  auto one = [&](size_t k) -> size_t {
    size_t j = k;
    while (j < s.size() && IsAsciiLower(s[j]) && j - k < 3) ++j;
    if (j == k && j < s.size() && IsAsciiUpper(s[j])) ++j;
    size_t d = DigitRun(s, j);
    if (d == 0) return 0;
    j += d;
    if (j + 1 < s.size() && s[j] == '.' && IsAsciiLower(s[j + 1])) {
      j += 2;
      j += DigitRun(s, j);
    }
    if (j < s.size() && IsLetter(s[j])) return 0;
    return j - k;
  };
  size_t a = one(i);
  if (a == 0) return 0;
  size_t j = i + a;
  size_t k = j;
  while (k < s.size() && s[k] == ' ') ++k;
  if (k < s.size() && s[k] == '-') {
    ++k;
    while (k < s.size() && s[k] == ' ') ++k;
    size_t b = one(k);
    if (b != 0) return k + b - i;
  }
  return a;
}

bool IsOrdinalEdition(std::string_view s, size_t i, size_t* len,
                      std::string* value) {
  // "2nd ed.", "3rd edn", "2. Aufl.", "Second edition", "(4th ed.)".
  size_t j = i;
  size_t d = DigitRun(s, j);
  std::string num;
  if (d > 0 && d <= 2) {
    num = std::string(s.substr(j, d));
    j += d;
    size_t w = WordLength(s, j);
    if (w == 2) j += w;  // st, nd, rd, th
    if (j < s.size() && s[j] == '.') ++j;
  } else {
    static constexpr std::string_view kWords[] = {
        "first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "ninth", "tenth", "revised", "new"};
    size_t w = WordLength(s, j);
    bool ok = false;
    for (std::string_view k : kWords) ok |= EqualsIgnoreCase(s.substr(j, w), k);
    if (!ok) return false;
    num = std::string(s.substr(j, w));
    j += w;
  }
  while (j < s.size() && s[j] == ' ') ++j;
  size_t k = Keyword(s, j, {"edition", "edn", "ed", "aufl", "auflage", "edición",
                            "edição", "éd"});
  if (k == 0) return false;
  *len = j + k - i;
  *value = num;
  return true;
}

// "24th Annual", "1992 International Conference", "5th.": a number that is
// part of a conference or series name rather than a volume.
bool NumberInName(std::string_view s, size_t i) {
  size_t j = i + DigitRun(s, i);
  if (j < s.size() && IsLetter(s[j])) {
    size_t w = WordLength(s, j);
    return w <= 2;  // 24th, 1st, 2nd
  }
  if (j + 1 < s.size() && s[j] == ' ' && StartsUpper(s, j + 1)) {
    size_t w = WordLength(s, j + 1);
    return MonthNumber(s.substr(j + 1, w)) == 0;
  }
  return false;
}

// A journal abbreviation's period ("ACM Trans. Math. Softw."): after a short
// capitalised word and before another capitalised word.
bool AbbreviatedWordDot(std::string_view s, size_t dot) {
  size_t b = dot;
  while (b > 0 && IsLetter(s[b - 1])) --b;
  size_t n = dot - b;
  if (n == 0 || n > 6 || !StartsUpper(s, b)) return false;
  if (EqualsIgnoreCase(s.substr(b, n), "press")) return false;
  return dot + 2 < s.size() && s[dot + 1] == ' ' &&
         (StartsUpper(s, dot + 2) || s[dot + 2] == '(' ||
          StartsLower(s, dot + 2));
}

// "J. Cataract Refract. Surg., vol. 36": the period after a capitalised word
// is inside an abbreviated journal name when only abbreviated words
// ("Surg.", "Perspect. Med.") stand between it and the numbers at `end`.
bool AbbreviatedRunTo(std::string_view s, size_t dot, size_t end) {
  size_t b = dot;
  while (b > 0 && IsLetter(s[b - 1])) --b;
  if (dot - b == 0 || dot - b > 10 || !StartsUpper(s, b)) return false;
  // The name must already be abbreviated before this word ("J. ...").
  bool abbreviated_before = false;
  for (size_t k = 0; k + 1 < b && !abbreviated_before; ++k) {
    if (s[k] != '.' || (k + 1 < s.size() && s[k + 1] != ' ')) continue;
    size_t w = k;
    while (w > 0 && IsLetter(s[w - 1])) --w;
    abbreviated_before = k - w > 0 && k - w <= 8 && StartsUpper(s, w);
  }
  if (!abbreviated_before) return false;
  std::string_view rest = Trim(s.substr(dot + 1, end - dot - 1), " ,;:(");
  if (rest.empty()) return false;
  size_t i = 0;
  int abbreviated = 0;
  while (i < rest.size()) {
    while (i < rest.size() && rest[i] == ' ') ++i;
    size_t n = WordLength(rest, i);
    if (n == 0 || n > 10 || !StartsUpper(rest, i)) return false;
    i += n;
    bool last = Trim(rest.substr(i), " ").empty();
    if (!last && (i >= rest.size() || rest[i] != '.')) return false;
    if (i < rest.size() && rest[i] == '.') ++i;
    ++abbreviated;
  }
  return abbreviated > 0 && abbreviated <= 4;
}

// "(Berlin, 1996)", "(Oct. 1994)", "(Osaka, Japan)" at s[open]: where and
// when a meeting took place, printed after its name.
bool ParenthesizedPlaceOrDate(std::string_view s, size_t open) {
  size_t close = s.find(')', open);
  if (close == std::string_view::npos || close - open > 40) return false;
  std::string_view inner = Trim(s.substr(open + 1, close - open - 1), " ");
  if (inner.empty()) return false;
  if (MonthNumber(inner.substr(0, WordLength(inner, 0))) != 0 &&
      FindYear(inner) != std::string_view::npos)
    return true;
  size_t comma = inner.find(',');
  std::string_view head = comma == std::string_view::npos ? inner : inner.substr(0, comma);
  if (!LooksLikePlace(head) && !LooksLikePlace(inner)) return false;
  if (comma == std::string_view::npos) return true;
  std::string_view tail = Trim(inner.substr(comma + 1), " ");
  return IsYearAt(tail, 0) || IsCountryOrState(tail) || IsStateCode(tail);
}

// Whether `first` (a sentence after the title) and `second` (the text
// between it and the volume) read as subtitle + journal: the subtitle is a
// few words without digits, the journal a short name that is neither a
// place, a date nor a publisher.
bool SubtitleBeforeJournal(std::string_view first, std::string_view second) {
  if (second.empty() || second.size() > 100 || !StartsUpper(second)) return false;
  if (MonthNumber(second.substr(0, WordLength(second, 0))) != 0) return false;
  if (LooksLikePlace(second) || LooksLikePublisher(first) ||
      LooksLikePublisher(second))
    return false;
  size_t colon = second.find(':');
  if (colon != std::string_view::npos && LooksLikePlace(second.substr(0, colon)))
    return false;
  int words = 1;
  for (char c : first) {
    if (IsDigit(c) || c == '(' || c == '[') return false;
    words += c == ' ';
  }
  int second_words = 1;
  for (char c : second) second_words += c == ' ';
  return words >= 3 && second_words <= 12;
}

}  // namespace

void ParseTail(std::string_view tail, CslItem* item) {
  std::string_view t = Trim(tail, " .,;:");
  if (t.empty()) return;
  bool chapter = false;
  // "In: Eds, editors. Book." / "In A. Ed (Ed.), Book" / "In Book, edited by"
  if ((StartsWithIgnoreCase(t, "in ") || StartsWithIgnoreCase(t, "in:")) &&
      t.size() > 3) {
    std::string_view after = Trim(t.substr(3), " :");
    static constexpr std::string_view kMarkers[] = {
        "(eds.)", "(eds)", "(ed.)", "(ed)", "(editors)", "(editor)",
        "(hrsg.)", "(hg.)", ", editors", ", eds.", ", eds", ", ed.",
        ", editor", " eds.", " editors.", "(a cura di)", "(dir.)",
        "(coord.)", "(org.)", "(orgs.)", "(comp.)", "(eds.),", " (eds.)"};
    size_t best = std::string_view::npos;
    size_t best_len = 0;
    for (std::string_view m : kMarkers) {
      size_t p = FindIgnoreCase(after, m);
      if (p != std::string_view::npos && p < 300 && p < best) {
        best = p;
        best_len = m.size();
      }
    }
    size_t edited = FindIgnoreCase(after, "edited by ");
    if (edited == std::string_view::npos) edited = FindIgnoreCase(after, "ed. by ");
    if (best != std::string_view::npos &&
        (edited == std::string_view::npos || best < edited)) {
      bool et_al = false;
      item->editor = ParseNames(after.substr(0, best), &et_al);
      chapter = true;
      t = Trim(after.substr(best + best_len), " .,;:");
    } else if (edited != std::string_view::npos) {
      chapter = true;
      std::string_view book = TrimPunct(after.substr(0, edited));
      std::string_view eds = after.substr(edited + (after[edited] == 'e' &&
                                                    after[edited + 1] == 'd' &&
                                                    after[edited + 2] == '.'
                                                ? 7 : 10));
      size_t e = FindSentenceEnd(eds);
      size_t comma = eds.find(", ");
      size_t paren = eds.find(" (");
      size_t stop = std::min(e, std::min(comma, paren));
      bool et_al = false;
      item->editor = ParseNames(eds.substr(0, std::min(stop, eds.size())), &et_al);
      item->container_title = std::string(book);
      t = stop == std::string_view::npos ? std::string_view()
                                         : Trim(eds.substr(stop), " .,;:");
    } else {
      chapter = true;
      if (t[2] == ':') t = after;  // "In:" is Vancouver's label, not the title
    }
  }
  (void)chapter;

  // The container runs to the first number-like field or sentence end.
  size_t i = 0;
  size_t container_end = t.size();
  for (size_t k = 0; k < t.size(); ++k) {
    char c = t[k];
    bool start = k == 0 || t[k - 1] == ' ' || t[k - 1] == '(' ||
                 t[k - 1] == ',' || t[k - 1] == ';';
    if (!start) continue;
    if ((IsDigit(c) && (k == 0 || t[k - 1] == ' ' || t[k - 1] == '(' ||
                        t[k - 1] == ';') &&
         !NumberInName(t, k)) ||
        VolumeKeyword(t, k) || IssueKeyword(t, k) || PageKeyword(t, k)) {
      container_end = k;
      break;
    }
    size_t len = 0;
    std::string ed;
    if (IsOrdinalEdition(t, k, &len, &ed)) {
      container_end = k;
      break;
    }
    if (c == '(' && k > 0 && ParenthesizedPlaceOrDate(t, k)) {
      container_end = k;  // "Proc. X (Berlin, 1996)", "Conf. Y (Oct. 1994)"
      break;
    }
  }
  size_t sentence = FindSentenceEnd(t);
  while (sentence != std::string_view::npos && t[sentence] == '.' &&
         sentence < container_end &&
         (AbbreviatedWordDot(t, sentence) ||
          AbbreviatedRunTo(t, sentence, container_end))) {
    sentence = FindSentenceEnd(t, sentence + 1);
  }
  // Journal abbreviations ("J. Phys. B: At. Mol. Opt. Phys. 41") have their
  // periods after abbreviated words, which FindSentenceEnd already skips.
  if (sentence != std::string_view::npos && sentence < container_end &&
      !chapter && !item->title.empty() && container_end < t.size()) {
    // "Title. Subtitle. Journal 12: 3-4": two sentences before the numbers;
    // the one next to the numbers is the journal, the first continues the
    // title.
    size_t next = sentence + 1;
    while (next < t.size() && t[next] == ' ') ++next;
    size_t again = FindSentenceEnd(t, next);
    while (again != std::string_view::npos && t[again] == '.' &&
           again < container_end &&
           (AbbreviatedWordDot(t, again) ||
            AbbreviatedRunTo(t, again, container_end))) {
      again = FindSentenceEnd(t, again + 1);
    }
    if (again == std::string_view::npos || again >= container_end) {
      std::string_view first = t.substr(0, sentence);
      std::string_view second = Trim(t.substr(next, container_end - next), " ,;:(");
      if (SubtitleBeforeJournal(first, second)) {
        char last = item->title.back();
        item->title += last == '?' || last == '!' ? " " : ". ";
        item->title += std::string(Trim(first, " "));
        if (t[sentence] != '.') item->title += t[sentence];
        container_end -= next;
        t = t.substr(next);
        sentence = std::string_view::npos;
      }
    }
  }
  if (sentence != std::string_view::npos && sentence < container_end)
    container_end = sentence;
  // "MIT Press, Cambridge, MA": a comma before a place or publisher ends it.
  CslItem probe;
  bool place_publisher = PlacePublisher(t.substr(0, container_end), &probe);
  for (size_t k = 0; k + 2 < container_end && !place_publisher; ++k) {
    if (t[k] != ',' || t[k + 1] != ' ') continue;
    size_t n = t.find(',', k + 2);
    if (n == std::string_view::npos || n > container_end) n = container_end;
    std::string_view next = t.substr(k + 2, n - k - 2);
    size_t n2 = n < container_end ? t.find(',', n + 1) : std::string_view::npos;
    if (n2 == std::string_view::npos || n2 > container_end) n2 = container_end;
    if (LooksLikePlace(next) || LooksLikePlace(t.substr(k + 2, n2 - k - 2)) ||
        LooksLikePublisher(next)) {
      container_end = k;
      break;
    }
  }
  // "Technical Report TR-12, Dept. of CS, Univ. X": a genre, not a
  // container; what follows is the issuing institution.
  bool genre = false;
  size_t genre_end = 0;
  {
    static constexpr std::string_view kGenres[] = {
        "technical report", "tech. rep", "tech report", "tech. report",
        "research report", "report", "ph.d. thesis", "phd thesis",
        "ph.d. dissertation", "phd dissertation", "doctoral dissertation",
        "doctoral thesis", "master's thesis", "masters thesis", "ms thesis",
        "m.s. thesis", "m.sc. thesis", "msc thesis", "thesis", "dissertation",
        "manuscript", "unpublished", "preprint", "working paper",
        "internet-draft", "personal communication", "to appear",
        "submitted", "in preparation", "us patent", "patent", "tr",
        "white paper", "discussion paper", "memo", "lecture notes"};
    for (std::string_view g : kGenres) {
      if (StartsWithIgnoreCase(t, g) &&
          (g.size() == t.size() || !IsLetter(t[g.size()]))) {
        genre = true;
        size_t comma = t.find(", ");
        size_t e = std::min(comma, container_end);
        genre_end = e == std::string_view::npos ? t.size() : e;
        break;
      }
    }
  }
  if (genre) container_end = 0;
  std::string_view container = t.substr(0, container_end);
  // "Proceedings of X, December": the month belongs to the date.
  {
    size_t comma = container.rfind(", ");
    if (comma != std::string_view::npos) {
      std::string_view last = Trim(container.substr(comma + 2), " .");
      if (MonthNumber(last.substr(0, WordLength(last, 0))) != 0 &&
          last.size() < 12) {
        container = container.substr(0, comma);
        container_end = comma + 1;
      }
    }
  }
  // A trailing "(" opened for the numbers ("Am J Ind Med (Suppl 1)").
  container = TrimPunct(Trim(container, " ,;:("));
  if (!container.empty()) {
    if (item->container_title.empty() && !PlacePublisher(container, item))
      item->container_title = std::string(container);
  }
  i = genre ? genre_end : container_end;

  // Numbers and remaining pieces.
  int bare_numbers = 0;
  while (i < t.size()) {
    char c = t[i];
    if (c == ' ' || c == ',' || c == ';' || c == '.' || c == ':' || c == ')' ||
        c == ']') {
      ++i;
      continue;
    }
    size_t n = 0;
    std::string ed;
    if (IsOrdinalEdition(t, i, &n, &ed)) {
      if (item->edition.empty()) item->edition = ed;
      i += n;
      continue;
    }
    if ((n = VolumeKeyword(t, i)) != 0) {
      size_t d = DigitRun(t, i + n);
      if (item->volume.empty()) item->volume = std::string(t.substr(i + n, d));
      i += n + d;
      ++bare_numbers;
      continue;
    }
    if ((n = IssueKeyword(t, i)) != 0) {
      size_t d = PageRange(t, i + n);
      if (d == 0) d = 1;
      if (item->issue.empty()) item->issue = std::string(t.substr(i + n, d));
      i += n + d;
      continue;
    }
    if ((n = PageKeyword(t, i)) != 0) {
      size_t d = PageRange(t, i + n);
      if (d != 0) {
        if (item->page.empty())
          item->page = std::string(t.substr(i + n, d));
        i += n + d;
        continue;
      }
    }
    if (c == '(') {
      size_t close = t.find(')', i);
      if (close == std::string_view::npos) close = t.size();
      std::string_view inner = Trim(t.substr(i + 1, close - i - 1), " ");
      if (FindYear(inner) == 0 && inner.size() <= 20) {
        if (item->issued.year == 0) item->issued = ParseDate(inner);
        i = close + 1;
        continue;
      }
      if (!inner.empty() && IsDigit(inner[0]) &&
          PageRange(inner, 0) == inner.size() && !item->volume.empty() &&
          item->issue.empty()) {
        item->issue = std::string(inner);
        i = close + 1;
        continue;
      }
      ++i;
      continue;
    }
    if (IsDigit(c) || (IsLetter(c) && i + 1 < t.size() &&
                       IsDigit(t[i + 1]) && bare_numbers > 0)) {
      // A year is a year when nothing else claims it.
      if (IsYearAt(t, i) && !(i + 4 < t.size() && t[i + 4] == '-' &&
                              IsDigit(t[i + 5]) && DigitRun(t, i + 5) != 4)) {
        size_t after = i + 4;
        bool volume_like = after < t.size() && t[after] == '(' && !item->volume.empty();
        if (item->issued.year == 0 && !volume_like) {
          // Month before the year ("July 1991") or after ("2019 Jan 5").
          size_t from = i >= 15 ? i - 15 : 0;
          CslDate before = ParseDate(t.substr(from, i + 4 - from));
          CslDate d = ParseDate(t.substr(i, 15));
          item->issued = before.month != 0 && before.year == d.year ? before : d;
          i = after;
          if (i < t.size() && IsAsciiLower(t[i])) ++i;  // 1999a
          continue;
        }
        if (item->issued.year != 0 &&
            t.substr(i, 4) == std::to_string(item->issued.year)) {
          i = after;
          continue;
        }
      }
      size_t len = PageRange(t, i);
      if (len == 0) len = std::max<size_t>(1, DigitRun(t, i));
      std::string_view num = t.substr(i, len);
      size_t after = i + len;
      while (after < t.size() && t[after] == ' ') ++after;
      bool is_range = num.find('-') != std::string_view::npos;
      if (!is_range && item->volume.empty() && item->page.empty()) {
        item->volume = std::string(num);
        // "12(3)", "12 (3)", "36:3"
        if (after < t.size() && t[after] == '(') {
          size_t close = t.find(')', after);
          if (close != std::string_view::npos && close - after < 20 &&
              FindYear(t.substr(after, close - after)) == std::string_view::npos) {
            item->issue = std::string(Trim(t.substr(after + 1, close - after - 1)));
            after = close + 1;
          }
        }
        i = after;
        ++bare_numbers;
        continue;
      }
      if (item->page.empty()) {
        item->page = std::string(num);
      }
      i = after;
      ++bare_numbers;
      continue;
    }
    // A text piece: up to the next sentence end or comma.
    size_t e = FindSentenceEnd(t, i);
    size_t semi = t.find(';', i);
    if (semi < e) e = semi;
    size_t comma = t.find(", ", i);
    if (comma != std::string_view::npos && comma < e) {
      // Keep "Cambridge, MA: MIT Press" whole.
      size_t colon = t.find(':', i);
      if (!(colon != std::string_view::npos && colon > comma && colon < e &&
            colon - comma < 8))
        e = comma;
    }
    if (e == std::string_view::npos) e = t.size();
    if (e < t.size() && t[e] == ',') {
      // "San Jose, CA", "Sydney, Australia": one place across a comma.
      size_t e2 = t.find_first_of(",.:;", e + 1);
      if (e2 == std::string_view::npos) e2 = t.size();
      if (e2 < t.size() && t[e2] == '.' && e2 >= 2 && e2 + 1 < t.size() &&
          t[e2 - 2] == ' ' && t[e2 + 1] != ' ')
        e2 = t.find_first_of(",:;", e2 + 1);  // "D. C."
      if (e2 == std::string_view::npos) e2 = t.size();
      std::string_view second = t.substr(e + 1, e2 - e - 1);
      if (LooksLikePlace(t.substr(i, e2 - i)) &&
          (!LooksLikePlace(t.substr(i, e - i)) || IsCountryOrState(second) ||
           IsStateCode(second)))
        e = e2;
    }
    std::string_view piece = TrimPunct(t.substr(i, e - i));
    // "(Osaka, Japan)": the brackets around a place are not part of it.
    if (!piece.empty() && piece.back() == ')' &&
        piece.find('(') == std::string_view::npos)
      piece = TrimPunct(piece.substr(0, piece.size() - 1));
    if (!piece.empty()) {
      int month = MonthNumber(piece.substr(0, WordLength(piece, 0)));
      if (month != 0) {
        // "July 1991": the year that follows takes the month with it.
        i += WordLength(t, i);
        continue;
      }
      if (EqualsIgnoreCase(piece, "in press")) {
      } else if (PlacePublisher(piece, item)) {
      } else if (item->publisher_place.empty() && LooksLikePlace(piece)) {
        item->publisher_place = std::string(piece);
      } else if (item->publisher.empty() && LooksLikePublisher(piece)) {
        item->publisher = std::string(piece);
      } else if (item->container_title.empty() && item->volume.empty() && !genre) {
        item->container_title = std::string(piece);
      } else if (item->publisher.empty()) {
        item->publisher = std::string(piece);
      } else if (item->publisher_place.empty() && piece.size() < 40) {
        item->publisher_place = std::string(piece);
      }
    }
    i = e + 1;
  }
}

}  // namespace evq::cite
