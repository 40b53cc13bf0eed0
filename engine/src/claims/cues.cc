#include "claims/cues.h"

#include <algorithm>
#include <cctype>

namespace evq::internal {

namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

bool ContainsAny(const NormalizedText& t, std::initializer_list<std::string_view> phrases,
                 std::string* found = nullptr) {
  for (std::string_view p : phrases) {
    if (t.Has(p)) {
      if (found) *found = std::string(p);
      return true;
    }
  }
  return false;
}

}  // namespace

namespace {

uint64_t HashWord(std::string_view w) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace

// The first word of a cue phrase is hashed once per thread: phrases are
// string literals, so their address identifies them.
uint64_t CachedHash(std::string_view word) {
  struct Slot {
    const char* data = nullptr;
    size_t size = 0;
    uint64_t hash = 0;
  };
  thread_local Slot cache[2048];
  Slot& slot = cache[(reinterpret_cast<uintptr_t>(word.data()) >> 2) & 2047];
  if (slot.data != word.data() || slot.size != word.size()) {
    slot.data = word.data();
    slot.size = word.size();
    slot.hash = HashWord(word);
  }
  return slot.hash;
}

bool NormalizedText::HasWordHash(std::string_view word, uint64_t h) const {
  if ((bloom & (uint64_t{1} << (h & 63))) == 0) return false;
  if (!std::binary_search(word_hashes.begin(), word_hashes.end(), h)) return false;
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool NormalizedText::HasWord(std::string_view word) const { return HasWordHash(word, HashWord(word)); }

bool NormalizedText::Has(std::string_view phrase) const {
  // Most phrases are absent: reject on the first word before scanning.
  size_t space = phrase.find(' ');
  std::string_view first = phrase.substr(0, space);
  if (!HasWordHash(first, CachedHash(first))) return false;
  if (space == std::string_view::npos) return true;
  // Whole words: the phrase must be surrounded by spaces in norm.
  size_t pos = 0;
  while ((pos = norm.find(phrase, pos)) != std::string::npos) {
    bool left = pos > 0 && norm[pos - 1] == ' ';
    size_t end = pos + phrase.size();
    bool right = end < norm.size() && norm[end] == ' ';
    if (left && right) return true;
    ++pos;
  }
  return false;
}

bool NormalizedText::StartsWith(std::string_view prefix) const {
  return norm.compare(1, prefix.size(), prefix) == 0 &&
         (norm.size() == prefix.size() + 1 || norm[prefix.size() + 1] == ' ');
}

NormalizedText Normalize(std::string_view text) {
  NormalizedText t;
  std::string& out = t.norm;
  out.reserve(text.size() + 2);
  out.push_back(' ');
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // U+2018/U+2019 (E2 80 98/99) and U+02BC are apostrophes.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
         static_cast<unsigned char>(text[i + 2]) == 0x99)) {
      c = '\'';
      i += 2;
    }
    if (c == '\'') {
      // Keep apostrophes that join letters, and "it 's" -> "it's".
      if (!out.empty() && out.back() == ' ' && i + 1 < text.size() &&
          std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
        out.pop_back();
      }
      if (!out.empty() && out.back() != ' ') out.push_back('\'');
      continue;
    }
    if (c >= 0x80) {
      // Keep non-ASCII letters; multi-byte punctuation (dashes, quotes) in
      // the E2 80 xx block becomes a space.
      if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
        if (out.back() != ' ') out.push_back(' ');
        i += 2;
        continue;
      }
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (IsWordByte(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  size_t start = 1;
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i] == ' ') {
      if (i > start) t.words.push_back(out.substr(start, i - start));
      start = i + 1;
    }
  }
  t.word_hashes.reserve(t.words.size());
  for (const std::string& w : t.words) {
    uint64_t h = HashWord(w);
    t.word_hashes.push_back(h);
    t.bloom |= uint64_t{1} << (h & 63);
  }
  std::sort(t.word_hashes.begin(), t.word_hashes.end());
  return t;
}

std::vector<std::string> FindHedgeCues(const NormalizedText& t) {
  std::vector<std::string> cues;
  static const std::string_view kPhrases[] = {
      "is thought to", "are thought to", "is believed to", "are believed to", "is believed",
      "are believed", "it is on debate", "it is debated", "theoretically speaking",
      "experts imagine", "it is possible", "it is likely", "is likely to", "are likely to",
      "appears to", "appear to", "seems to", "seem to", "is suggested", "suggests that",
      "suggest that", "it has been suggested", "it is unclear", "is unclear", "remains unclear",
      "not clear", "may", "might", "could", "possibly", "perhaps", "probably", "presumably",
      "potentially", "likely", "unlikely", "putative", "theoretically", "speculate",
      "hypothesize", "hypothesise", "suggests", "suggest", "suggesting", "indicate",
      "indicates", "possible", "apparently", "seems", "appears", "whether", "indicate that",
      "indicates that", "indicated that", "indicating that", "suggested", "propose", "proposed",
      "proposes", "hypothesis", "hypothesized", "hypothesised", "speculated", "presumed",
      "consistent with", "raise the possibility", "raises the possibility", "not known",
      "unknown", "predicted", "is unclear whether", "remains to be"};
  for (std::string_view p : kPhrases) {
    if (t.Has(p)) {
      // Skip single words already inside a longer cue found ("appears" in
      // "appears to").
      bool inside = false;
      for (const std::string& c : cues) {
        if (c.find(p) != std::string::npos) inside = true;
      }
      if (!inside) cues.emplace_back(p);
    }
  }
  // "can" of possibility; "can be performed / done / used" is ability.
  if (t.Has("can")) {
    static const std::string_view kAbility[] = {
        "can be performed", "can be done", "can be used", "can be applied", "can be found",
        "can be purchased", "can perform", "you can", "can afford", "can also be used",
        "can be bought", "can be learned"};
    bool ability = false;
    for (std::string_view a : kAbility) {
      if (t.Has(a)) ability = true;
    }
    // Count the "can"s that are not ability uses. "can be" + a participle
    // ("can be detected", "can be used") states what is possible to do,
    // not how sure the writer is.
    size_t cans = 0, ability_uses = ability ? 1 : 0;
    for (size_t i = 0; i < t.words.size(); ++i) {
      if (t.words[i] != "can") continue;
      ++cans;
      if (i + 2 < t.words.size() && t.words[i + 1] == "be") {
        const std::string& w = t.words[i + 2];
        bool participle = w.size() > 3 && (w.compare(w.size() - 2, 2, "ed") == 0 ||
                                           w.compare(w.size() - 2, 2, "en") == 0 ||
                                           w.compare(w.size() - 2, 2, "wn") == 0);
        if (participle) ++ability_uses;
      }
    }
    if (cans > ability_uses) cues.emplace_back("can");
  }
  return cues;
}

std::vector<std::string> FindNegationCues(const NormalizedText& t) {
  std::vector<std::string> cues;
  for (const std::string& w : t.words) {
    if (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0) {
      cues.push_back(w);
    }
  }
  static const std::string_view kPhrases[] = {
      "not", "never", "cannot", "no longer", "few studies", "no evidence", "little evidence",
      "neither", "nor", "none", "nothing", "fails to", "failed to", "lack of evidence",
      "no significant", "no effect", "no difference", "absence of", "no", "unable", "absence", "absent", "lack", "lacks", "lacking", "lacked", "fail",
      "fails", "failed", "instead of", "independent of", "independently of"};
  for (std::string_view p : kPhrases) {
    if (t.Has(p)) cues.emplace_back(p);
  }
  return cues;
}

std::string FindVagueAppeal(const NormalizedText& t) {
  std::string found;
  if (ContainsAny(t,
                  {"studies show", "studies have shown", "studies have found", "studies found",
                   "studies suggest", "studies indicate", "study found", "study showed",
                   "study shows", "according to a study", "according to research",
                   "according to studies", "according to experts", "according to a recent study",
                   "research shows", "research suggests", "research has shown",
                   "research indicates", "research has found", "research proves",
                   "many studies", "several studies", "some studies", "few studies",
                   "numerous studies", "a recent study", "a study", "recent studies",
                   "scientific studies", "clinical studies", "experts believe", "experts say",
                   "experts agree", "experts imagine", "experts recommend", "doctors recommend",
                   "doctors say", "doctors agree", "scientists say", "scientists believe",
                   "clinically supported", "clinically proven", "clinically tested",
                   "scientifically proven", "evidence based", "science backed", "research backed",
                   "proven to", "it is well known", "it is known", "it has been shown",
                   "has been shown to", "have been shown to", "patients commonly report",
                   "patients often report", "patients report", "people report",
                   "it's found that", "it is found that", "is found to", "are found to",
                   "evidence shows", "evidence suggests", "the evidence", "research"},
                  &found)) {
    return found;
  }
  return "";
}

std::string FindAttribution(std::string_view original, const NormalizedText& t) {
  // A study or review "in" a capitalised journal name: "a 2019 study in JAMA".
  static const std::string_view kWorks[] = {"study in ", "study published in ", "review in ",
                                            "trial in ", "paper in ", "article in ",
                                            "report in ", "analysis in ", "meta-analysis in "};
  for (std::string_view w : kWorks) {
    size_t p = original.find(w);
    if (p != std::string_view::npos) {
      size_t n = p + w.size();
      if (n < original.size() && (std::isupper(static_cast<unsigned char>(original[n])) ||
                                  original.substr(n, 4) == "the ")) {
        size_t e = original.find_first_of(",.;", n);
        return std::string(original.substr(p, (e == std::string_view::npos ? original.size() : e) - p));
      }
    }
  }
  // Researchers at a named institution.
  static const std::string_view kPeople[] = {"colleagues at ", "researchers at ", "researchers from ",
                                             "scientists at ", "team at ", "investigators at "};
  for (std::string_view w : kPeople) {
    size_t p = original.find(w);
    if (p != std::string_view::npos) {
      size_t n = p + w.size();
      if (original.substr(n, 4) == "the ") n += 4;
      if (n < original.size() && std::isupper(static_cast<unsigned char>(original[n]))) {
        size_t e = original.find_first_of(",;", n);
        return std::string(original.substr(p, (e == std::string_view::npos ? original.size() : e) - p));
      }
    }
  }
  // An organisation's named guideline: "NICE guidelines recommend".
  static const std::string_view kDocs[] = {" guidelines", " guideline", " guidance",
                                           " recommendations", " position statement"};
  for (std::string_view d : kDocs) {
    size_t p = original.find(d);
    if (p == std::string_view::npos || p == 0) continue;
    // The word before must be an acronym or a capitalised name.
    size_t b = p;
    while (b > 0 && original[b - 1] != ' ') --b;
    std::string_view word = original.substr(b, p - b);
    if (word.size() >= 2 && std::isupper(static_cast<unsigned char>(word[0])) &&
        std::isupper(static_cast<unsigned char>(word[1]))) {
      return std::string(original.substr(b, p + d.size() - b));
    }
  }
  (void)t;
  return "";
}

std::string FindNonClaimReason(const NormalizedText& t, std::string_view original) {
  std::string_view o = original;
  while (!o.empty() && (o.back() == ' ' || o.back() == '\n')) o.remove_suffix(1);
  if (!o.empty() && o.back() == '?') return "question";
  if (t.StartsWith("q")) {
    if (original.substr(0, 2) == "Q:") return "question";
  }
  if (ContainsAny(t, {"privacy policy", "privacy notice", "personal information", "cookies",
                      "editorial policy", "plagiarism", "plagiarisation", "reviewed by",
                      "medical advice", "aesculapian advice", "clickable links", "peer look back",
                      "was this article helpful", "leave a reply", "email address",
                      "required fields", "all rights reserved", "copyright", "subscribe",
                      "sign up", "click here", "terms of use", "checked for facts",
                      "our article", "our articles", "this article may contain",
                      "this article may contains", "feedback link", "not intended to",
                      "consult your doctor before", "for informational purposes",
                      "we do not sell", "editorial insurance policy"})) {
    return "boilerplate";
  }
  // First-person singular: reader comments and testimonials.
  if (t.StartsWith("i") || t.StartsWith("i'm") || t.StartsWith("my") || t.StartsWith("and i'm") ||
      t.StartsWith("i've")) {
    return "comment";
  }
  if (ContainsAny(t, {"has a passion", "is dedicated to", "been dedicated to", "is a writer",
                      "is a freelance", "writes about", "holds a degree"})) {
    return "bio";
  }
  // Instructions and calls to action.
  static const std::string_view kImperatives[] = {
      "consult", "visit", "try", "focus", "remember", "learn", "picture", "imagine", "use",
      "apply", "ask", "see", "click", "read", "call", "contact", "talk", "speak", "make",
      "keep", "avoid", "take", "get", "find", "check", "follow", "start", "stop", "lets",
      "let's", "consider", "note", "be", "don't", "do", "place", "hold", "repeat", "lie",
      "stand", "sit", "roll", "breathe", "book", "schedule", "share", "join", "download",
      "discover", "explore", "watch", "look", "here", "here's", "please"};
  if (!t.words.empty()) {
    for (std::string_view v : kImperatives) {
      if (t.words[0] == v) return "advice";
    }
  }
  if (ContainsAny(t, {"it may be time to", "you may be searching", "you may be wondering",
                      "if you are one of", "picture the", "the easiest way to explain",
                      "easiest visual way", "can be done at home", "it is essential to consult", "essential to consult",
                      "important to consult", "be sure to", "make sure", "you should consult",
                      "consult a", "consult with", "talk to your", "speak with your",
                      "here are some"})) {
    return "advice";
  }
  // Second person with will/need: instructions ("you'll need a foam roller").
  if (ContainsAny(t, {"you will", "you'll", "you can perform", "you can do", "you need to",
                      "you should", "you must", "you can use", "you'll need"})) {
    return "advice";
  }
  // What the therapist does is procedure, not a claim about health.
  if (ContainsAny(t, {"therapist", "therapists", "the healer", "the process of",
                      "the process generally", "is then", "appraise by", "assessed by",
                      "measured by", "evaluated by",
                      "therapist will", "they will", "practitioner", "practitioners",
                      "performed by", "is performed in", "will assess", "physical therapist",
                      "chiropractor"})) {
    return "procedure";
  }
  return "";
}

bool HasPredicate(const NormalizedText& t) {
  static const std::string_view kVerbs[] = {
      "is", "are", "was", "were", "be", "been", "being", "am", "can", "may", "might", "could",
      "will", "would", "should", "must", "has", "have", "had", "does", "do", "did", "it's",
      "isn't", "aren't", "doesn't", "don't", "can't", "won't", "there's", "that's"};
  for (const std::string& w : t.words) {
    for (std::string_view v : kVerbs) {
      if (w == v) return true;
    }
    // Third-person present and past forms: "causes", "helps", "relieved".
    if (w.size() > 4 && (w.compare(w.size() - 2, 2, "es") == 0 || w.compare(w.size() - 2, 2, "ed") == 0)) {
      return true;
    }
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u' &&
        w[w.size() - 2] != 'i') {
      return true;
    }
  }
  return false;
}

bool HasHealthWord(const NormalizedText& t) {
  static const std::string_view kWords[] = {
      "pain", "painful", "ache", "aching", "relief", "relieve", "relieves", "heal", "healing",
      "symptom", "symptoms", "tension", "inflammation", "recovery", "recover", "flexibility",
      "mobility", "posture", "movement", "movements", "sleep", "treatment", "treatments",
      "therapy", "tissue", "tissues", "disease", "condition", "conditions", "injury",
      "injuries", "stiffness", "stiff", "muscles", "muscle", "nerve", "nerves", "joint",
      "joints", "fascia", "fascial", "health", "healthy", "patients", "patient", "disorder",
      "syndrome", "chronic", "acute", "blood", "circulation", "range of motion", "trigger",
      "stress", "anxiety", "depression", "fatigue", "benefits", "benefit", "risk", "safe",
      "spine", "back", "neck", "shoulder", "hip", "knee", "leg", "legs", "arm", "body",
      "restrictions", "restriction", "adhesions", "scar", "improvement", "debilitating",
      "infliction", "painfulness", "swelling", "sciatica", "headache", "headaches", "results",
      "irritation", "effective"};
  for (std::string_view w : kWords) {
    if (t.Has(w)) return true;
  }
  return false;
}

}  // namespace evq::internal
