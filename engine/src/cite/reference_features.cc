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

// FNV-1a over the template id and the value's bytes.
uint64_t Hash(char tmpl, std::string_view value) {
  uint64_t h = kFnvOffset;
  h = (h ^ static_cast<unsigned char>(tmpl)) * kFnvPrime;
  for (char c : value) h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
  return h;
}

uint64_t Hash2(char tmpl, std::string_view a, std::string_view b) {
  uint64_t h = Hash(tmpl, a);
  h = (h ^ 0xFFu) * kFnvPrime;
  for (char c : b) h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
  return h;
}

// Hash(tmpl, value) of the ASCII-lowercased value, without a copy.
uint64_t HashLower(char tmpl, std::string_view value) {
  uint64_t h = kFnvOffset;
  h = (h ^ static_cast<unsigned char>(tmpl)) * kFnvPrime;
  for (char c : value)
    h = (h ^ static_cast<unsigned char>(ToLower(c))) * kFnvPrime;
  return h;
}

// A small number's decimal digits in buf (feature values are spelled as
// std::to_string would, without the allocation).
std::string_view Digits(size_t v, char (&buf)[24]) {
  char* e = buf + sizeof buf;
  char* p = e;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  return std::string_view(p, static_cast<size_t>(e - p));
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
  std::vector<std::string> core(n);
  std::vector<std::string> shape(n);
  // Each token's word class, looked up once (three templates read it).
  std::vector<std::string_view> lexicon(n);
  for (size_t i = 0; i < n; ++i) {
    core[i] = Core(tokens[i].text);
    shape[i] = Shape(tokens[i].text);
    lexicon[i] = Lexicon(core[i]);
  }
  auto word = [&](size_t i, int d) -> std::string_view {
    long k = static_cast<long>(i) + d;
    if (k < 0) return "<s>";
    if (k >= static_cast<long>(n)) return "</s>";
    return core[k];
  };
  // Where the rule parser's author list ends (reference_names.cc): a
  // strong cue the model weighs against its own, found on the tokens'
  // ASCII forms joined as the string reads (offsets into that string).
  std::string joined;
  std::vector<size_t> starts(n);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) joined += ' ';
    starts[i] = joined.size();
    joined += tokens[i].text;
  }
  size_t lead = 0;  // skip a list number ("[3]", "12.")
  if (n > 0 && !core[0].empty() && AllDigits(core[0]) && core[0].size() < 4 &&
      n > 1)
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
  std::vector<int> part_of(n);
  std::vector<size_t> part_first;
  {
    int p = 0;
    bool start = true;
    for (size_t i = 0; i < n; ++i) {
      if (start) part_first.push_back(i);
      part_of[i] = p;
      start = EndsPart(tokens[i], core[i]);
      if (start) ++p;
    }
  }
  const int num_parts = static_cast<int>(part_first.size());
  std::vector<std::string> summary(num_parts);
  for (int p = 0; p < num_parts; ++p) {
    size_t b = part_first[p];
    size_t e = p + 1 < num_parts ? part_first[p + 1] : n;
    bool digits = false, year = false, range = false, ed = false, pub = false,
         proc = false, quote = false;
    for (size_t i = b; i < e; ++i) {
      const std::string& w = tokens[i].text;
      if (!core[i].empty() && IsDigit(core[i][0])) digits = true;
      if (HasYear(w)) year = true;
      if (IsRange(w)) range = true;
      std::string_view x = lexicon[i];
      if (x == "ed") ed = true;
      if (x == "pub" || x == "univ") pub = true;
      if (x == "proc" || x == "jour" || x == "in") proc = true;
      if (!w.empty() && w.front() == '"') quote = true;
    }
    size_t len = e - b;
    char buf[9] = {digits ? 'd' : '-',
                   year ? 'y' : '-',
                   range ? 'r' : '-',
                   ed ? 'e' : '-',
                   pub ? 'p' : '-',
                   proc ? 'c' : '-',
                   quote ? 'q' : '-',
                   len == 1   ? '1'
                   : len <= 3 ? '3'
                   : len <= 8 ? '8'
                              : 'L',
                   0};
    summary[p] = buf;
  }
  out->not_doi.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = tokens[i].text;
    out->not_doi[i] = w.find('/') == std::string_view::npos &&
                      w.find("10.") == std::string_view::npos &&
                      core[i].rfind("doi", 0) != 0;
  }
  out->edges.clear();
  out->edges.reserve(n * TokenFeatures::kEdgeFeatures);
  int parts = 0;           // sentence-like parts ended before this token
  int year_part = -1;      // the part the first year is in
  bool in_seen = false;    // an "In"/"in:" opening a container came before
  bool part_start = true;  // the previous token ended a part
  bool year_seen = false;
  bool in_quote = false;
  int paren = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string& w = tokens[i].text;
    const std::string& c = core[i];
    auto add = [&](uint64_t h) { *dst++ = h; };
    std::string_view lex = lexicon[i];
    bool year = HasYear(w);
    char first = w.empty() ? ' ' : w.front();
    char last = w.empty() ? ' ' : w.back();
    char prev_last = i == 0 ? '^' : tokens[i - 1].text.back();
    if (first == '"') in_quote = true;
    if (first == '(' || first == '[') ++paren;
    char part_buf[24];
    std::string_view part = Digits(parts < 5 ? parts : 5, part_buf);
    const char flag_chars[5] = {
        year ? 'Y' : '-', AllDigits(c) ? 'N' : '-', IsRange(w) ? 'R' : '-',
        IsInitials(w) ? 'I' : '-',
        StartsUpper(w, w.empty() || IsAlnum(w[0]) ? 0 : 1) ? 'C' : '-'};
    std::string_view flags(flag_chars, 5);

    add(Hash('b', ""));
    std::string_view rule = starts[i] < lead ? "num"
                            : starts[i] < rule_author_end
                                ? (rule_editor ? "ed" : "au")
                                : "-";
    add(Hash('A', rule));
    add(Hash2('a', rule, shape[i]));
    add(Hash('w', c));
    add(HashLower('r', w));
    add(Hash('s', shape[i]));
    add(Hash('p', c.substr(0, 3)));
    add(Hash('q', c.size() > 3 ? c.substr(c.size() - 3) : c));
    add(Hash('2', c.size() > 2 ? c.substr(c.size() - 2) : c));
    add(Hash('f', std::string_view(&first, 1)));
    add(Hash('l', std::string_view(&last, 1)));
    add(Hash('F', flags));
    add(Hash('x', lex));
    char num_buf[24];
    add(Hash('L', Digits(c.size() < 12 ? c.size() : 12, num_buf)));
    std::string_view pos = Digits(n <= 1 ? 0 : i * 8 / n, num_buf);
    if (i == 0) pos = "first";
    if (i + 1 == n) pos = "last";
    add(Hash('o', pos));
    add(Hash('P', part));
    add(Hash2('Q', part, year_seen ? "y" : "n"));
    add(Hash2('Z', part, flags));
    add(Hash('y', year_seen ? "y" : "n"));
    add(Hash('"', in_quote ? "q" : "-"));
    add(Hash('(', paren > 0 ? "p" : "-"));
    add(Hash('<', word(i, -1)));
    add(Hash('>', word(i, 1)));
    add(Hash('{', word(i, -2)));
    add(Hash('}', word(i, 2)));
    add(Hash2('B', word(i, -1), c));
    add(Hash('[', i == 0 ? "^" : shape[i - 1]));
    add(Hash(']', i + 1 == n ? "$" : shape[i + 1]));
    add(Hash('k', std::string_view(&prev_last, 1)));
    add(Hash2('K', std::string_view(&prev_last, 1), shape[i]));
    add(Hash2('X', std::string_view(&prev_last, 1), lex));
    add(Hash2('N', lex, i + 1 < n ? lexicon[i + 1] : "$"));
    add(Hash2('M', i > 0 ? lexicon[i - 1] : "^", lex));
    // Where the token sits relative to the first year's part and to an
    // "In" (a container follows it).
    char since_buf[24];
    int since = year_part < 0 ? 9 : std::min(parts - year_part, 4);
    add(Hash2('S', Digits(since, since_buf), in_seen ? "i" : "-"));
    // The first word of a part: fields change mostly there.
    add(Hash2('n', part_start ? part : "-", flags));
    {
      int p = part_of[i];
      const std::string& here = summary[p];
      add(Hash('g', core[part_first[p]]));
      add(Hash('h', here));
      add(Hash('u',
               p + 1 < num_parts ? std::string_view(summary[p + 1]) : "$"));
      add(Hash('v', p > 0 ? std::string_view(summary[p - 1]) : "^"));
      char left_buf[24];
      add(Hash2('j', Digits(std::min(num_parts - 1 - p, 3), left_buf), here));
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
      const char pair[2] = {before, after};
      out->edges.push_back(Hash('e', std::string_view(&before, 1)));
      out->edges.push_back(Hash('E', std::string_view(pair, 2)));
      out->edges.push_back(Hash2('G', std::string_view(&before, 1), lex));
      out->edges.push_back(Hash2(
          'H', std::string_view(&before, 1),
          core[i - 1].size() <= 12 ? std::string_view(core[i - 1]) : "long"));
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
