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

constexpr std::string_view kAbbreviations[] = {
    "vs", "al", "dr", "mr", "mrs", "ms", "st", "no", "nos", "vol", "vols",
    "pp", "ed", "eds", "inc", "ltd", "co", "jr", "sr", "eg", "ie", "etc",
    "fig", "figs", "ch", "chap", "sect", "dept", "univ", "proc", "conf",
    "int", "intl", "natl", "trans", "rev", "res", "med", "sci", "soc", "am",
    "j", "assoc", "acad", "symp", "tech", "rep", "mt", "ft", "corp", "approx",
    "suppl", "pt", "ser", "cf", "op", "cit", "ibid", "repr", "rpt", "edn",
    "transl", "comp", "hrsg", "bd", "nr", "hg", "aufl", "cap", "núm", "num"};

bool IsWordChar(char c) { return IsLetter(c) || c == '\''; }

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

// "New York: Springer", "Cambridge, MA: MIT Press", "Paris: Gallimard".
bool PlacePublisher(std::string_view piece, CslItem* item) {
  size_t colon = piece.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view place = Trim(piece.substr(0, colon), " ,.");
  std::string_view pub = piece.substr(colon + 1);
  size_t stop = pub.find_first_of(";,");
  if (stop != std::string_view::npos) pub = pub.substr(0, stop);
  pub = TrimPunct(pub);
  if (place.empty() || pub.empty() || place.size() > 40) return false;
  int words = 1;
  for (char c : place) {
    if (IsDigit(c)) return false;
    words += c == ' ';
  }
  if (words > 5 || !StartsUpper(place)) return false;
  for (char c : pub) {
    if (IsDigit(c)) return false;
  }
  item->publisher_place = std::string(place);
  item->publisher = std::string(pub);
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

constexpr std::string_view kPlaces[] = {
    "new york", "london", "paris", "berlin", "boston", "chicago", "cambridge",
    "oxford", "amsterdam", "tokyo", "philadelphia", "washington",
    "san francisco", "los angeles", "heidelberg", "toronto", "montreal",
    "sydney", "melbourne", "madrid", "barcelona", "rome", "roma", "milan",
    "milano", "munich", "münchen", "vienna", "wien", "zurich", "geneva",
    "genève", "basel", "stuttgart", "leipzig", "frankfurt", "hamburg",
    "dordrecht", "leiden", "utrecht", "brussels", "bruxelles", "stockholm",
    "copenhagen", "oslo", "helsinki", "moscow", "beijing", "shanghai",
    "singapore", "new delhi", "delhi", "mumbai", "rio de janeiro",
    "são paulo", "sao paulo", "mexico", "buenos aires", "lisboa", "lisbon",
    "baltimore", "englewood cliffs", "upper saddle river", "reading",
    "menlo park", "redwood city", "palo alto", "san mateo", "san diego",
    "san jose", "seattle", "princeton", "new haven", "ithaca", "ann arbor",
    "berkeley", "hillsdale", "mahwah", "norwood", "thousand oaks",
    "newbury park", "beverly hills", "hoboken", "new brunswick",
    "amherst", "edinburgh", "glasgow", "manchester", "bristol", "dublin",
    "st. louis", "minneapolis", "atlanta", "houston", "austin", "dallas",
    "denver", "pittsburgh", "cleveland", "detroit", "portland", "bologna",
    "firenze", "florence", "torino", "turin", "napoli", "bern", "lyon",
    "bordeaux", "marseille", "toulouse", "lille", "rennes", "grenoble",
    "bonn", "köln", "cologne", "göttingen", "tübingen", "freiburg",
    "hannover", "dresden", "kyoto", "osaka", "seoul", "hong kong", "taipei",
    "bangkok", "jakarta", "manila", "cairo", "nairobi", "cape town",
    "johannesburg", "wellington", "auckland", "ottawa", "vancouver",
    "québec", "quebec", "norwalk", "westport", "greenwich", "newark",
    "santa barbara", "santa monica", "durham", "chapel hill", "nashville",
    "bloomington", "urbana", "champaign", "madison", "evanston", "lanham",
    "totowa", "armonk", "sebastopol", "indianapolis", "columbus",
    "basingstoke", "harmondsworth", "abingdon", "chichester", "oxon",
    "aldershot", "farnham", "cheltenham", "northampton", "bethesda",
    "geneva", "rockville", "alexandria", "arlington", "springfield"};
constexpr std::string_view kCountries[] = {
    "usa", "u.s.a", "us", "uk", "u.k", "england", "canada", "australia",
    "japan", "germany", "france", "italy", "spain", "netherlands", "the netherlands",
    "switzerland", "sweden", "russia", "china", "india", "brazil", "austria",
    "belgium", "denmark", "norway", "finland", "poland", "portugal",
    "mexico", "argentina", "chile", "israel", "korea", "south korea",
    "singapore", "new zealand", "scotland", "ireland", "greece", "turkey",
    "south africa", "egypt", "california", "massachusetts", "new jersey",
    "illinois", "texas", "pennsylvania", "virginia", "maryland", "ohio",
    "michigan", "florida", "georgia", "colorado", "oregon", "connecticut",
    "washington", "north carolina", "wisconsin", "minnesota", "indiana",
    "missouri", "arizona", "utah", "new york", "ontario", "quebec",
    "czech republic", "hungary", "romania", "iran", "pakistan", "nigeria",
    "kenya", "colombia", "peru", "venezuela", "taiwan", "thailand",
    "indonesia", "malaysia", "philippines", "vietnam", "saudi arabia"};

bool InList(std::string_view s, const std::string_view* list, size_t n) {
  s = Trim(s, " .,;:()");
  for (size_t k = 0; k < n; ++k) {
    if (EqualsIgnoreCase(s, list[k])) return true;
  }
  return false;
}

// "Montreal", "San Jose, CA", "Sydney, Australia", "Washington, D. C.":
// a known city, a known country or state, or a word before a US state code.
bool LooksLikePlace(std::string_view s) {
  s = Trim(s, " .,;:()");
  if (s.empty() || s.size() > 40 || !StartsUpper(s)) return false;
  if (InList(s, kPlaces, std::size(kPlaces)) ||
      InList(s, kCountries, std::size(kCountries)))
    return true;
  size_t comma = s.find(", ");
  if (comma == std::string_view::npos) return false;
  std::string_view head = s.substr(0, comma);
  std::string_view tail = Trim(s.substr(comma + 2), " .");
  bool state = tail.size() == 2 && IsAsciiUpper(tail[0]) && IsAsciiUpper(tail[1]);
  bool dc = tail == "D. C" || tail == "D.C" || tail == "DC";
  bool country = InList(tail, kCountries, std::size(kCountries));
  if (!(state || dc || country)) return false;
  for (char c : head) {
    if (IsDigit(c)) return false;
  }
  int words = 1;
  for (char c : head) words += c == ' ';
  return words <= 3 && StartsUpper(head);
}

}  // namespace

bool LooksLikePublisher(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "press", "publisher", "publishers", "publishing", "publications",
      "verlag", "books", "wiley", "springer", "elsevier", "routledge", "sage",
      "kluwer", "blackwell", "macmillan", "penguin", "norton", "harper",
      "mcgraw-hill", "prentice", "addison-wesley", "pearson", "academic",
      "editions", "editora", "editorial", "edizioni", "kaufmann", "birkhauser",
      "pergamon", "saunders", "mosby", "lippincott", "thieme", "karger",
      "dekker", "crc", "longman", "sons", "hall", "house", "gallimard",
      "seuil", "puf", "harvard", "yale", "princeton", "mit", "siam", "ieee",
      "acm", "inc", "ltd", "co", "company", "group"};
  if (s.empty() || s.size() > 80) return false;
  for (char c : s) {
    if (IsDigit(c)) return false;
  }
  size_t i = 0;
  while (i < s.size()) {
    if (IsLetter(s[i]) && (i == 0 || !IsLetter(s[i - 1]))) {
      size_t n = WordLength(s, i);
      std::string_view w = s.substr(i, n);
      for (std::string_view k : kWords) {
        if (EqualsIgnoreCase(w, k)) return true;
      }
      i += n == 0 ? 1 : n;
    } else {
      ++i;
    }
  }
  return false;
}

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
    if (c == '.' || c == '?' || c == '!') continue;
  }
  size_t sentence = FindSentenceEnd(t);
  while (sentence != std::string_view::npos && t[sentence] == '.' &&
         sentence < container_end && AbbreviatedWordDot(t, sentence)) {
    sentence = FindSentenceEnd(t, sentence + 1);
  }
  // Journal abbreviations ("J. Phys. B: At. Mol. Opt. Phys. 41") have their
  // periods after abbreviated words, which FindSentenceEnd already skips.
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
      if (t[e2] == '.' && e2 >= 2 && e2 + 1 < t.size() && t[e2 - 2] == ' ' && t[e2 + 1] != ' ')
        e2 = t.find_first_of(",:;", e2 + 1);  // "D. C."
      if (e2 == std::string_view::npos) e2 = t.size();
      if (LooksLikePlace(t.substr(i, e2 - i)) && !LooksLikePlace(t.substr(i, e - i))) e = e2;
      else if (LooksLikePlace(t.substr(i, e2 - i)) &&
               InList(t.substr(e + 1, e2 - e - 1), kCountries, std::size(kCountries)))
        e = e2;
    }
    std::string_view piece = TrimPunct(t.substr(i, e - i));
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
