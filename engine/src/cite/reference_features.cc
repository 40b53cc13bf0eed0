// The feature templates. A reference's fields are told apart mostly by the
// word itself, its punctuation, where it sits (before or after the first
// sentence break, the year, a quote) and its neighbours; the templates below
// encode exactly those, nothing learned from a particular corpus.
#include "cite/reference_features.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cite/reference_parts.h"
#include "cite/reference_text.h"

namespace evq::cite {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

// FNV-1a over a value's bytes: each token's word, shape, affixes and word
// class are hashed once, and every template that reads them combines that
// hash with its id (hashing the bytes again per template cost most of the
// extraction).
uint64_t Fnv(std::string_view value) {
  uint64_t h = kFnvOffset;
  for (char c : value) h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
  return h;
}

// Fnv of the ASCII-lowercased value, without a copy.
uint64_t FnvLower(std::string_view value) {
  uint64_t h = kFnvOffset;
  for (char c : value)
    h = (h ^ static_cast<unsigned char>(ToLower(c))) * kFnvPrime;
  return h;
}

// SplitMix64's finaliser: every input bit reaches every output bit.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// A feature: template `tmpl` with a value (a value hash, or a small code
// for closed sets: a character, a count, flag bits).
uint64_t Feat(char tmpl, uint64_t value) {
  return Mix(value ^ (static_cast<uint64_t>(static_cast<unsigned char>(tmpl)) *
                      0x9e3779b97f4a7c15ULL));
}

// A feature of two values, ordered (Feat2(t, a, b) != Feat2(t, b, a)).
uint64_t Feat2(char tmpl, uint64_t a, uint64_t b) {
  return Mix(Feat(tmpl, a) + b);
}

bool IsContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// "Smith," -> "Xx,", "1477-81." -> "d-d.", "(2011)." -> "(d).".
std::string Shape(std::string_view w) {
  std::string out;
  for (char c : w) {
    if (IsContinuation(c)) continue;
    char k = IsAsciiUpper(c)                ? 'X'
             : IsAsciiLower(c) || IsHigh(c) ? 'x'
             : IsDigit(c)                   ? 'd'
                                            : c;
    if (out.empty() || out.back() != k) out += k;
  }
  if (out.size() > 8) out.resize(8);
  return out;
}

// The word inside its punctuation, ASCII-lowercased.
std::string Core(std::string_view w) {
  size_t b = 0;
  size_t e = w.size();
  while (b < e && !IsAlnum(w[b])) ++b;
  while (e > b && !IsAlnum(w[e - 1])) --e;
  std::string out(w.substr(b, e - b));
  for (char& c : out) c = ToLower(c);
  return out;
}

// A word class from small closed lists that say which field a word opens
// or belongs to, in the languages the references mix in.
std::string_view Lexicon(std::string_view c) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"pp", "page"},
      {"p", "page"},
      {"pages", "page"},
      {"page", "page"},
      {"s", "page"},
      {"vol", "vol"},
      {"v", "vol"},
      {"volume", "vol"},
      {"bd", "vol"},
      {"no", "num"},
      {"nr", "num"},
      {"n", "num"},
      {"issue", "num"},
      {"suppl", "num"},
      {"in", "in"},
      {"ed", "ed"},
      {"eds", "ed"},
      {"editor", "ed"},
      {"editors", "ed"},
      {"edited", "ed"},
      {"hrsg", "ed"},
      {"hg", "ed"},
      {"dir", "ed"},
      {"coord", "ed"},
      {"org", "ed"},
      {"orgs", "ed"},
      {"edn", "edition"},
      {"edition", "edition"},
      {"and", "and"},
      {"und", "and"},
      {"et", "and"},
      {"y", "and"},
      {"e", "and"},
      {"al", "al"},
      {"press", "pub"},
      {"verlag", "pub"},
      {"publishers", "pub"},
      {"publishing", "pub"},
      {"books", "pub"},
      {"inc", "pub"},
      {"ltd", "pub"},
      {"co", "pub"},
      {"university", "univ"},
      {"univ", "univ"},
      {"universidad", "univ"},
      {"universite", "univ"},
      {"institute", "univ"},
      {"retrieved", "access"},
      {"available", "access"},
      {"accessed", "access"},
      {"cited", "access"},
      {"from", "access"},
      {"http", "link"},
      {"https", "link"},
      {"doi", "link"},
      {"pmid", "link"},
      {"isbn", "link"},
      {"thesis", "genre"},
      {"dissertation", "genre"},
      {"report", "genre"},
      {"phd", "genre"},
      {"unpublished", "genre"},
      {"manuscript", "genre"},
      {"proceedings", "proc"},
      {"proc", "proc"},
      {"conference", "proc"},
      {"symposium", "proc"},
      {"workshop", "proc"},
      {"congress", "proc"},
      {"journal", "jour"},
      {"j", "jour"},
      {"rev", "jour"},
      {"review", "jour"},
      {"annals", "jour"},
      {"bulletin", "jour"},
      {"press", "pub"},
      {"trans", "trans"},
      {"translated", "trans"},
      {"nd", "nodate"},
      {"sd", "nodate"},
      {"forthcoming", "nodate"},
      {"the", "func"},
      {"of", "func"},
      {"a", "func"},
      {"for", "func"},
      {"on", "func"},
      {"to", "func"},
      {"de", "func"},
      {"la", "func"},
      {"der", "func"},
  };
  // Built once from the list (the first entry for a word wins).
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, std::string_view>;
    for (const auto& [w, cls] : kWords) m->emplace(w, cls);
    return m;
  }();
  if (c.size() > 12) return "";
  auto it = index->find(c);
  if (it != index->end()) return it->second;
  if (MonthNumber(c) != 0) return "month";
  return "";
}

bool HasYear(std::string_view w) {
  for (size_t i = 0; i + 4 <= w.size(); ++i)
    if (IsYearAt(w, i)) return true;
  return false;
}

bool AllDigits(std::string_view c) {
  if (c.empty()) return false;
  for (char ch : c)
    if (!IsDigit(ch)) return false;
  return true;
}

bool IsRange(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && !IsDigit(w[i])) ++i;
  size_t d = DigitRun(w, i);
  if (d == 0) return false;
  i += d;
  if (i >= w.size() || w[i] != '-') return false;
  return DigitRun(w, i + 1) > 0 ||
         (i + 2 < w.size() && IsAlnum(w[i + 1]) && IsDigit(w[i + 2]));
}

// "J.", "A.-M.", "JJ," : an initial or a run of capital initials.
bool IsInitials(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (IsAsciiUpper(c)) {
      ++letters;
    } else if (c != '.' && c != '-' && c != ',' && c != ';') {
      return false;
    }
  }
  return letters >= 1 && letters <= 3;
}

// Whether the token ends a sentence-like part: a period (not after an
// initial or a short abbreviation), '?', '!' or a closing quote.
bool EndsPart(const RefToken& t, const std::string& core) {
  std::string_view w = t.text;
  if (w.empty()) return false;
  char last = w.back();
  if (last == '?' || last == '!' || last == '"') return true;
  if (last != '.' && !(last == ')' && w.size() > 1 && w[w.size() - 2] == '.'))
    return false;
  if (IsInitials(w)) return false;
  return core.size() > 3 || AllDigits(core);
}

}  // namespace

void ExtractFeatures(const std::vector<RefToken>& tokens, TokenFeatures* out) {
  size_t n = tokens.size();
  // Written through a pointer into space for kMaxPerToken features a
  // token (push_back was not inlined and cost ~3% of a parse); trimmed at
  // the end.
  constexpr size_t kMaxPerToken = 64;
  out->hashes.resize(n * kMaxPerToken);
  uint64_t* const base = out->hashes.data();
  uint64_t* dst = base;
  out->offsets.assign(1, 0);
  out->offsets.reserve(n + 1);
  // Per token, computed once: the word inside its punctuation, its shape,
  // its word class (strings, for the checks below) and their hashes.
  struct Word {
    std::string core;
    std::string shape;
    std::string_view lexicon;
    uint64_t core_h, shape_h, lexicon_h;
    int flags;  // kYear | kNumber | kRange | kInitials | kCapital
  };
  enum { kYear = 1, kNumber = 2, kRange = 4, kInitials = 8, kCapital = 16 };
  thread_local std::vector<Word> words;
  words.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& w = tokens[i].text;
    Word& x = words[i];
    x.core = Core(w);
    x.shape = Shape(w);
    x.lexicon = Lexicon(x.core);
    x.core_h = Fnv(x.core);
    x.shape_h = Fnv(x.shape);
    x.lexicon_h = Fnv(x.lexicon);
    x.flags =
        (HasYear(w) ? kYear : 0) | (AllDigits(x.core) ? kNumber : 0) |
        (IsRange(w) ? kRange : 0) | (IsInitials(w) ? kInitials : 0) |
        (StartsUpper(w, w.empty() || IsAlnum(w[0]) ? 0 : 1) ? kCapital : 0);
  }
  // Hashes standing for "no word": before the first and after the last.
  static const uint64_t kStartH = Fnv("<s>"), kEndH = Fnv("</s>"),
                        kLongH = Fnv("long");
  auto word_h = [&](size_t i, int d) -> uint64_t {
    long k = static_cast<long>(i) + d;
    if (k < 0) return kStartH;
    if (k >= static_cast<long>(n)) return kEndH;
    return words[k].core_h;
  };
  // Where the rule parser's author list ends (reference_names.cc): a
  // strong cue the model weighs against its own, found on the tokens'
  // ASCII forms joined as the string reads (offsets into that string).
  thread_local std::string joined;
  thread_local std::vector<size_t> starts;
  joined.clear();
  starts.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) joined += ' ';
    starts[i] = joined.size();
    joined += tokens[i].text;
  }
  size_t lead = 0;  // skip a list number ("[3]", "12.")
  if (n > 1 && (words[0].flags & kNumber) && words[0].core.size() < 4)
    lead = starts[1];
  bool rule_editor = false;
  size_t rule_author_end =
      lead + FindAuthorEnd(std::string_view(joined).substr(lead), &rule_editor);
  out->author_from = lead == 0 ? 0 : 1;
  out->author_end = rule_author_end;
  out->author_editor = rule_editor;
  // The sentence-like parts the string falls into, and what each holds:
  // a field is mostly a whole part, and a part's neighbours say which
  // (a title is followed by a part with numbers, a container by a place).
  thread_local std::vector<int> part_of;
  thread_local std::vector<size_t> part_first;
  part_of.resize(n);
  part_first.clear();
  {
    int p = 0;
    bool start = true;
    for (size_t i = 0; i < n; ++i) {
      if (start) part_first.push_back(i);
      part_of[i] = p;
      start = EndsPart(tokens[i], words[i].core);
      if (start) ++p;
    }
  }
  const int num_parts = static_cast<int>(part_first.size());
  // A part's summary as bits: digits, year, range, editor word, publisher
  // word, container word, quote, and a length class in the top two bits.
  thread_local std::vector<uint64_t> summary;
  summary.resize(num_parts);
  for (int p = 0; p < num_parts; ++p) {
    size_t b = part_first[p];
    size_t e = p + 1 < num_parts ? part_first[p + 1] : n;
    uint64_t bits = 0;
    for (size_t i = b; i < e; ++i) {
      const std::string& w = tokens[i].text;
      const Word& x = words[i];
      if (!x.core.empty() && IsDigit(x.core[0])) bits |= 1;
      if (x.flags & kYear) bits |= 2;
      if (x.flags & kRange) bits |= 4;
      std::string_view c = x.lexicon;
      if (c == "ed") bits |= 8;
      if (c == "pub" || c == "univ") bits |= 16;
      if (c == "proc" || c == "jour" || c == "in") bits |= 32;
      if (!w.empty() && w.front() == '"') bits |= 64;
    }
    size_t len = e - b;
    bits |= (len == 1 ? 0u : len <= 3 ? 1u : len <= 8 ? 2u : 3u) << 7;
    summary[p] = bits;
  }
  constexpr uint64_t kNoPart = 1 << 10;  // a summary no part has
  out->not_doi.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = tokens[i].text;
    out->not_doi[i] = w.find('/') == std::string_view::npos &&
                      w.find("10.") == std::string_view::npos &&
                      words[i].core.rfind("doi", 0) != 0;
  }
  out->edges.clear();
  out->edges.reserve(n * TokenFeatures::kEdgeFeatures);
  static const uint64_t kBias = Feat('b', 0);
  int parts = 0;           // sentence-like parts ended before this token
  int year_part = -1;      // the part the first year is in
  bool in_seen = false;    // an "In"/"in:" opening a container came before
  bool part_start = true;  // the previous token ended a part
  bool year_seen = false;
  bool in_quote = false;
  int paren = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string& w = tokens[i].text;
    const Word& x = words[i];
    const std::string& c = x.core;
    auto add = [&](uint64_t h) { *dst++ = h; };
    auto byte = [](char ch) {
      return static_cast<uint64_t>(static_cast<unsigned char>(ch));
    };
    bool year = x.flags & kYear;
    char first = w.empty() ? ' ' : w.front();
    char last = w.empty() ? ' ' : w.back();
    char prev_last = i == 0 ? '^' : tokens[i - 1].text.back();
    if (first == '"') in_quote = true;
    if (first == '(' || first == '[') ++paren;
    const uint64_t part = static_cast<uint64_t>(parts < 5 ? parts : 5);
    const uint64_t flags = static_cast<uint64_t>(x.flags);

    add(kBias);
    uint64_t rule = starts[i] < lead              ? 1
                    : starts[i] < rule_author_end ? (rule_editor ? 2 : 3)
                                                  : 0;
    add(Feat('A', rule));
    add(Feat2('a', rule, x.shape_h));
    add(Feat('w', x.core_h));
    add(Feat('r', FnvLower(w)));
    add(Feat('s', x.shape_h));
    add(Feat('p', Fnv(std::string_view(c).substr(0, 3))));
    add(Feat('q', Fnv(c.size() > 3 ? std::string_view(c).substr(c.size() - 3)
                                   : std::string_view(c))));
    add(Feat('2', Fnv(c.size() > 2 ? std::string_view(c).substr(c.size() - 2)
                                   : std::string_view(c))));
    add(Feat('f', byte(first)));
    add(Feat('l', byte(last)));
    add(Feat('F', flags));
    add(Feat('x', x.lexicon_h));
    add(Feat('L', c.size() < 12 ? c.size() : 12));
    uint64_t pos = n <= 1 ? 0 : i * 8 / n;
    if (i == 0) pos = 8;
    if (i + 1 == n) pos = 9;
    add(Feat('o', pos));
    add(Feat('P', part));
    add(Feat2('Q', part, year_seen));
    add(Feat2('Z', part, flags));
    add(Feat('y', year_seen));
    add(Feat('"', in_quote));
    add(Feat('(', paren > 0));
    add(Feat('<', word_h(i, -1)));
    add(Feat('>', word_h(i, 1)));
    add(Feat('{', word_h(i, -2)));
    add(Feat('}', word_h(i, 2)));
    add(Feat2('B', word_h(i, -1), x.core_h));
    add(Feat('[', i == 0 ? kStartH : words[i - 1].shape_h));
    add(Feat(']', i + 1 == n ? kEndH : words[i + 1].shape_h));
    add(Feat('k', byte(prev_last)));
    add(Feat2('K', byte(prev_last), x.shape_h));
    add(Feat2('X', byte(prev_last), x.lexicon_h));
    add(Feat2('N', x.lexicon_h, i + 1 < n ? words[i + 1].lexicon_h : kEndH));
    add(Feat2('M', i > 0 ? words[i - 1].lexicon_h : kStartH, x.lexicon_h));
    // Where the token sits relative to the first year's part and to an
    // "In" (a container follows it).
    uint64_t since = year_part < 0 ? 9 : std::min(parts - year_part, 4);
    add(Feat2('S', since, in_seen));
    // The first word of a part: fields change mostly there.
    add(Feat2('n', part_start ? part : 7, flags));
    {
      int p = part_of[i];
      uint64_t here = summary[p];
      add(Feat('g', words[part_first[p]].core_h));
      add(Feat('h', here));
      add(Feat('u', p + 1 < num_parts ? summary[p + 1] : kNoPart));
      add(Feat('v', p > 0 ? summary[p - 1] : kNoPart + 1));
      add(Feat2('j', std::min(num_parts - 1 - p, 3), here));
    }
    out->offsets.push_back(static_cast<uint32_t>(dst - base));
    if (i > 0) {
      // The boundary: how the previous token ends and this one begins.
      char before = part_start                       ? 'P'
                    : IsInitials(tokens[i - 1].text) ? 'I'
                    : IsAlnum(prev_last) ? (IsDigit(prev_last) ? '0' : 'a')
                                         : prev_last;
      char after = IsAsciiUpper(first)               ? 'C'
                   : IsDigit(first)                  ? 'd'
                   : IsAlnum(first) || IsHigh(first) ? 'l'
                                                     : first;
      const std::string& pc = words[i - 1].core;
      out->edges.push_back(Feat('e', byte(before)));
      out->edges.push_back(Feat2('E', byte(before), byte(after)));
      out->edges.push_back(Feat2('G', byte(before), x.lexicon_h));
      out->edges.push_back(Feat2(
          'H', byte(before), pc.size() <= 12 ? words[i - 1].core_h : kLongH));
    }
    if (i > 0 && (w == "In" || w == "In:" || w == "in:")) in_seen = true;
    if (year && year_part < 0) year_part = parts;

    if (year) year_seen = true;
    if (last == '"' || (w.size() > 1 && w[w.size() - 2] == '"'))
      in_quote = false;
    if ((last == ')' || last == ']' ||
         (w.size() > 1 &&
          (w[w.size() - 2] == ')' || w[w.size() - 2] == ']'))) &&
        paren > 0)
      --paren;
    part_start = EndsPart(tokens[i], c);
    if (part_start) ++parts;
  }
  out->hashes.resize(static_cast<size_t>(dst - base));
}

}  // namespace evq::cite
