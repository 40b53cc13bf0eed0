// Places and publishers: the lexicons and shapes that tell "Cambridge, MA",
// "New York: Springer" and "MIT Press" from the titles and journals around
// them in the tail of a reference.
#include <iterator>
#include <string>
#include <string_view>

#include "cite/reference_parts.h"
#include "cite/reference_text.h"

namespace evq::cite {
namespace {

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

bool InListImpl(std::string_view s, const std::string_view* list, size_t n) {
  s = Trim(s, " .,;:()");
  for (size_t k = 0; k < n; ++k) {
    if (EqualsIgnoreCase(s, list[k])) return true;
  }
  return false;
}

// Whether every word of a place name is capitalised but short particles
// ("New York", "Rio de Janeiro", "Linda a Velha"): a book title before a
// colon ("Reading seminars I and II:") has longer lowercase words.
bool CapitalisedWords(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (!IsLetter(s[i])) {
      ++i;
      continue;
    }
    size_t n = WordLength(s, i);
    if (n == 0) n = 1;
    if (StartsLower(s, i) && n > 3) return false;
    i += n;
  }
  return true;
}

}  // namespace

bool IsCountryOrState(std::string_view s) {
  return InListImpl(s, kCountries, std::size(kCountries));
}

bool IsStateCode(std::string_view s) {
  s = Trim(s, " .,;:()");
  if (s == "D. C" || s == "D.C" || s == "DC") return true;
  if (s.size() == 2) return IsAsciiUpper(s[0]) && IsAsciiUpper(s[1]);
  // "Mass.", "Calif.", "N.Y.", "N.J.": abbreviated states.
  static constexpr std::string_view kAbbr[] = {
      "mass", "calif", "conn", "penn", "ill", "wash", "mich", "wis", "minn",
      "n.y", "n. y", "n.j", "n. j", "n.c", "n.h", "va", "md", "fla", "tex",
      "ont", "que", "colo", "ariz", "ore", "tenn", "ky", "la", "mo", "ind",
      "okla", "neb", "kan", "nev"};
  for (std::string_view a : kAbbr) {
    if (EqualsIgnoreCase(s, a)) return true;
  }
  return false;
}

// "Montreal", "San Jose, CA", "Sydney, Australia", "Washington, D. C.":
// a known city, a known country or state, or a word before a US state code.
bool LooksLikePlace(std::string_view s) {
  s = Trim(s, " .,;:()");
  if (s.empty() || s.size() > 40 || !StartsUpper(s)) return false;
  if (InListImpl(s, kPlaces, std::size(kPlaces)) ||
      InListImpl(s, kCountries, std::size(kCountries)))
    return true;
  size_t comma = s.find(", ");
  if (comma == std::string_view::npos) return false;
  std::string_view head = s.substr(0, comma);
  std::string_view tail = Trim(s.substr(comma + 2), " .");
  if (!IsStateCode(tail) && !IsCountryOrState(tail)) return false;
  for (char c : head) {
    if (IsDigit(c)) return false;
  }
  int words = 1;
  for (char c : head) words += c == ' ';
  return words <= 3 && StartsUpper(head) && CapitalisedWords(head);
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
  if (words > 5 || !StartsUpper(place) || !CapitalisedWords(place))
    return false;
  for (char c : pub) {
    if (IsDigit(c)) return false;
  }
  item->publisher_place = std::string(place);
  item->publisher = std::string(pub);
  return true;
}

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

}  // namespace evq::cite
