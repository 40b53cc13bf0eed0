#include "cite/reference_name_tokens.h"

#include <string_view>

#include "cite/reference_text.h"

namespace evq::cite {
namespace {

constexpr std::string_view kParticles[] = {
    "van", "von", "de", "der", "den", "del", "della", "delle", "di", "da",
    "das", "dos", "do", "du", "la", "le", "les", "ten", "ter", "zu", "zur",
    "bin", "ibn", "al", "el", "st", "dei", "degli", "vander", "y", "'t"};

constexpr std::string_view kOrgWords[] = {
    "organization", "organisation", "association", "institute", "institut",
    "society", "department", "ministry", "agency", "centers", "center",
    "centre", "council", "committee", "group", "board", "foundation",
    "college", "university", "commission", "service", "services", "office",
    "bureau", "federation", "network", "collaboration", "consortium", "team",
    "administration", "academy", "union", "trust", "corporation", "company",
    "inc", "ltd", "panel", "programme", "program", "authority", "nations",
    "bank", "fund", "initiative", "alliance", "force", "coalition"};

}  // namespace

bool IsParticle(std::string_view w) {
  for (std::string_view p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

size_t CharCount(std::string_view w) {
  size_t n = 0;
  for (char c : w) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

namespace {

bool AllUpper(std::string_view w) {
  for (size_t i = 0; i < w.size(); ++i) {
    if (IsAsciiLower(w[i])) return false;
    if (IsHigh(w[i]) && (static_cast<unsigned char>(w[i]) & 0xC0) != 0x80 &&
        !StartsUpper(w, i))
      return false;
  }
  return true;
}

NameKind Classify(std::string_view w) {
  if (w.empty()) return NameKind::kOther;
  if (w == "and" || w == "und" || w == "et" || w == "e" || w == "y" ||
      w == "och" || w == "og" || w == "AND" || w == "And")
    return NameKind::kConnector;
  if (w == "Jr" || w == "Sr" || w == "II" || w == "III" || w == "IV" ||
      w == "Jnr" || w == "Snr")
    return NameKind::kSuffix;
  if (IsParticle(w)) return NameKind::kParticle;
  if (StartsUpper(w)) {
    size_t n = CharCount(w);
    if (n == 1) return NameKind::kInitial;
    // "J-P", "J-L"
    if (n == 3 && w.size() == 3 && w[1] == '-' && IsAsciiUpper(w[2]))
      return NameKind::kInitial;
    if (n <= 3 && AllUpper(w) && w.find('-') == std::string_view::npos)
      return NameKind::kCluster;
    return NameKind::kCap;
  }
  if (StartsLower(w)) {
    // "d'Alembert", "van't", "O'" forms start lowercase but are names.
    if (w.size() > 2 && w[1] == '\'' && StartsUpper(w, 2)) return NameKind::kCap;
    return NameKind::kLower;
  }
  return NameKind::kOther;
}

}  // namespace

// Reads the token at i (after spaces). Words include internal hyphens and
// apostrophes; "&" is a connector; other characters are one-char kOther.
NameToken ReadNameToken(std::string_view s, size_t i) {
  NameToken t;
  while (i < s.size() && s[i] == ' ') ++i;
  t.b = i;
  if (i >= s.size()) {
    t.e = i;
    return t;
  }
  if (s[i] == '&') {
    t.e = i + 1;
    t.kind = NameKind::kConnector;
    return t;
  }
  if (s[i] == '-' && i > 0 && s[i - 1] == '.' && i + 1 < s.size() &&
      StartsUpper(s, i + 1)) {
    ++i;  // "J.-P.": the hyphenated second initial
    t.b = i;
  }
  size_t n = WordLength(s, i);
  if (n == 0) {
    t.e = i + 1;
    t.kind = NameKind::kOther;
    return t;
  }
  t.e = i + n;
  std::string_view w = s.substr(i, n);
  t.kind = Classify(w);
  if (w == "et" && t.e + 1 < s.size()) {
    size_t j = t.e;
    while (j < s.size() && s[j] == ' ') ++j;
    if (s.compare(j, 2, "al") == 0 && (j + 2 == s.size() || !IsLetter(s[j + 2]))) {
      t.e = j + 2;
      t.kind = NameKind::kEtAl;
    }
  } else if (w == "etal") {
    t.kind = NameKind::kEtAl;
  }
  t.dot = t.e < s.size() && s[t.e] == '.';
  return t;
}

// Whether an editor marker starts at s[i]: "(Eds.)", "(ed.)", "(Hrsg.)",
// "eds.", "editors". Returns its length, 0 if none.
size_t EditorMarker(std::string_view s, size_t i) {
  static constexpr std::string_view kMarkers[] = {
      "(eds.)", "(eds)", "(ed.)", "(ed)", "(editors)", "(editor)", "(hrsg.)",
      "(hg.)", "(dir.)", "(coord.)", "(comp.)", "(comps.)", "(a cura di)",
      "eds.", "ed.", "editors", "editor", "(org.)", "(orgs.)", "(coords.)"};
  // Every marker opens with '(' or 'e': most positions end here.
  if (i >= s.size() || (s[i] != '(' && ToLower(s[i]) != 'e')) return 0;
  for (std::string_view m : kMarkers) {
    if (StartsWithIgnoreCase(s.substr(i), m) &&
        (i + m.size() == s.size() || !IsLetter(s[i + m.size()])))
      return m.size();
  }
  return 0;
}

bool HasOrgWord(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsLetter(s[i]) && (i == 0 || !IsLetter(s[i - 1]))) {
      size_t n = WordLength(s, i);
      std::string_view w = s.substr(i, n);
      for (std::string_view o : kOrgWords) {
        // The length first: the call is the expensive part.
        if (w.size() == o.size() && EqualsIgnoreCase(w, o)) return true;
      }
      i += n == 0 ? 1 : n;
    } else {
      ++i;
    }
  }
  return false;
}

}  // namespace evq::cite
