#include "works/work_similarity.h"

#include <algorithm>
#include <cstdlib>

#include "works/text_normalize.h"

namespace evq::internal {
namespace {

// Field weights of the score: the title identifies a work best, the first
// author next; year and journal narrow it down; volume and first page are
// short strings that agree by chance more often. An identifier both sides
// state outweighs them together.
constexpr double kTitleWeight = 0.45;
constexpr double kAuthorWeight = 0.2;
constexpr double kYearWeight = 0.1;
constexpr double kContainerWeight = 0.1;
constexpr double kVolumeWeight = 0.075;
constexpr double kPageWeight = 0.075;
constexpr double kIdentifierWeight = 0.5;

// Below this the journal names are different journals, not one written two
// ways: "J Clin Med" against "J Clin Oncol" scores 0.67.
constexpr double kContainerConflictBelow = 0.7;
// With an identifier agreeing, a title or first author this unlike means the
// identifier is probably wrong (a typo naming another work).
constexpr double kIdentifierTitleConflictBelow = 0.4;

// A year, volume or first page the parser read differently from the work's,
// but which the reference string states elsewhere ("2015;12(3):228" read as
// volume 2015): worth this much of an agreement, and no conflict.
constexpr double kFoundInStringCredit = 0.75;
// A first author not where the parser put it, but among this many leading
// words of the string, is worth kAuthorInStringCredit.
constexpr size_t kAuthorLeadingWords = 12;
constexpr double kAuthorInStringCredit = 0.7;

// The share of the work's title that must be among the reference string's
// words for the title to count as found there.
constexpr double kTitleCoverAtLeast = 0.85;

// Authors beyond these are rarely what a reference gets wrong.
constexpr size_t kFamiliesKept = 8;

std::vector<std::string> ContentWords(std::string_view text,
                                      bool drop_numbers) {
  std::vector<std::string> words = FoldedWords(text);
  std::erase_if(words, [&](const std::string& w) {
    if (IsStopword(w)) return true;
    return drop_numbers &&
           w.find_first_not_of("0123456789") == std::string::npos;
  });
  return words;
}

// The title up to its first subtitle separator, or "" when there is none.
std::string_view MainTitle(std::string_view title) {
  size_t cut = std::string_view::npos;
  for (std::string_view sep :
       {": ", "? ", ". ", " - ", " \u2013 ", " \u2014 "}) {
    size_t at = title.find(sep);
    if (at != std::string_view::npos && at > 0) cut = std::min(cut, at + 1);
  }
  return cut == std::string_view::npos ? std::string_view()
                                       : title.substr(0, cut);
}

bool IsSubsequence(std::string_view small, std::string_view big) {
  size_t j = 0;
  for (char c : big) {
    if (j < small.size() && small[j] == c) ++j;
  }
  return j == small.size();
}

// Whether two title words are the same word, allowing one typo in a word
// long enough that a typo cannot turn it into another common word.
bool TitleWordsMatch(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a.size() < 5 || b.size() < 5) return false;
  // One edit leaves the length within one and, in words this long, the
  // first or the last letter alone: most pairs fail these cheap tests.
  if (a.size() > b.size() + 1 || b.size() > a.size() + 1) return false;
  if (a.front() != b.front() && a.back() != b.back()) return false;
  return EditDistance(a, b, 1) <= 1;
}

// How many of `from` match distinct words of `to`: exact matches first, so a
// fuzzy match never takes a word an exact one needed.
int CountMatches(const std::vector<std::string>& from,
                 const std::vector<std::string>& to) {
  std::vector<char> used(to.size(), 0);
  std::vector<char> done(from.size(), 0);
  int matches = 0;
  for (size_t i = 0; i < from.size(); ++i) {
    for (size_t j = 0; j < to.size(); ++j) {
      if (!used[j] && from[i] == to[j]) {
        used[j] = done[i] = 1;
        ++matches;
        break;
      }
    }
  }
  for (size_t i = 0; i < from.size(); ++i) {
    if (done[i]) continue;
    for (size_t j = 0; j < to.size(); ++j) {
      if (!used[j] && TitleWordsMatch(from[i], to[j])) {
        used[j] = 1;
        ++matches;
        break;
      }
    }
  }
  return matches;
}

bool Contains(const std::vector<std::string>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Whether `from` may have `share` of its words in `to`: without a typo in
// more than kTyposAllowed of them, the exact matches must come close.
// Most candidates fail this and are spared the fuzzy comparison.
bool CouldCover(const std::vector<std::string>& from,
                const std::vector<std::string>& to, double share) {
  constexpr int kTyposAllowed = 2;
  int exact = 0;
  for (const std::string& w : from) exact += Contains(to, w) ? 1 : 0;
  return exact + kTyposAllowed >= share * static_cast<double>(from.size());
}

double Dice(const std::vector<std::string>& a,
            const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  return 2.0 * CountMatches(a, b) / static_cast<double>(a.size() + b.size());
}

// The longest in-order alignment of compatible words (journal names keep
// their word order when abbreviated).
int AlignedWords(const std::vector<std::string>& a,
                 const std::vector<std::string>& b) {
  std::vector<int> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = WordsCompatible(a[i - 1], b[j - 1])
                   ? prev[j - 1] + 1
                   : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

double AlignedDice(const std::vector<std::string>& a,
                   const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  return 2.0 * AlignedWords(a, b) / static_cast<double>(a.size() + b.size());
}

std::string Trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string NameLabel(const CslItem& item) {
  if (item.author.empty()) return "";
  const CslName& n = item.author[0];
  if (n.family.empty()) return n.literal;
  return n.given.empty() ? n.family : n.family + " " + n.given;
}

std::string_view LeadingDigits(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return s.substr(0, n);
}

// First pages agree when equal, or when one is the other's leading number
// ("99" read from the article number "99ra86").
bool SameFirstPage(std::string_view a, std::string_view b) {
  if (a == b) return true;
  std::string_view da = LeadingDigits(a);
  std::string_view db = LeadingDigits(b);
  if (da.empty() || db.empty() || da != db) return false;
  return da.size() == a.size() || db.size() == b.size();
}

// The accumulating weighted mean.
struct Score {
  double sum = 0;
  double weight = 0;
  void Add(double w, double v) {
    sum += w * v;
    weight += w;
  }
};

// Compares one identifier (normalised `r` and `w`; `r_label` and `w_label`
// as the items state them, for the conflict message).
void CompareIdentifier(const char* name, const std::string& r,
                       const std::string& w, std::string_view r_label,
                       std::string_view w_label, bool describe, bool* agree,
                       bool* differ, std::vector<std::string>* conflicts) {
  if (r.empty() || w.empty()) return;
  if (r == w) {
    *agree = true;
  } else {
    *differ = true;
    conflicts->push_back(describe
                             ? std::string(name) + ": " + Trimmed(r_label) +
                                   " vs " + Trimmed(w_label)
                             : std::string(name));
  }
}

// Whether most of the work's title is among the reference string's words,
// however the parser split them (short titles included).
bool TitleInString(const ItemKey& ref, const ItemKey& work) {
  if (work.title.empty() || ref.all_words.empty()) return false;
  return CountMatches(work.title, ref.all_words) >=
         0.8 * static_cast<double>(work.title.size());
}

}  // namespace

ItemKey MakeItemKey(const CslItem& item, bool with_all_words) {
  ItemKey key;
  if (!item.author.empty()) {
    const CslName& first = item.author[0];
    if (!first.family.empty()) {
      key.first_family = FoldedKey(first.family);
      std::string given = FoldedKey(first.given);
      if (!given.empty()) key.first_initial = given[0];
      // "J. Smith" parsed as family "J", given "Smith".
      if (key.first_family.size() <= 2 && given.size() > 2) {
        key.swapped_family = given;
      }
    } else {
      key.first_family = FoldedKey(first.literal);
    }
    for (const CslName& n : item.author) {
      if (key.families.size() >= kFamiliesKept) break;
      key.families.push_back(
          FoldedKey(n.family.empty() ? n.literal : n.family));
    }
  }
  key.year = item.issued.year;
  key.title = ContentWords(item.title, false);
  std::string_view main = MainTitle(item.title);
  if (!main.empty()) key.main_title = ContentWords(main, false);
  key.container = ContentWords(item.container_title, true);
  // NLM adds a place to tell same-named journals apart ("Healthcare
  // (Amsterdam, Netherlands)"), which references leave out too.
  std::string_view name = item.container_title;
  size_t cut = std::min({name.find(" : "), name.find(" = "), name.find(" (")});
  if (cut != std::string::npos) {
    key.container_main = ContentWords(name.substr(0, cut), true);
  }
  key.container_short = ContentWords(item.container_title_short, true);
  key.container_is_names =
      item.container_title.find("et al") != std::string::npos;
  if (with_all_words) {
    key.all_words =
        item.raw.empty()
            ? ContentWords(item.title + " " + item.container_title, false)
            : ContentWords(item.raw, false);
    for (std::string& w : FoldedWords(item.raw)) {
      if (w.find_first_not_of("0123456789") == std::string::npos) {
        key.numbers.push_back(std::move(w));
      }
    }
  }
  key.volume = NormalizeVolume(item.volume);
  key.first_page = FirstPage(item.page);
  key.doi = NormalizeDoi(item.doi);
  key.pmid = NormalizePmid(item.pmid);
  key.pmcid = NormalizePmcid(item.pmcid);
  return key;
}

bool WordsCompatible(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.empty() || b.empty()) return false;
  std::string_view small = a.size() <= b.size() ? a : b;
  std::string_view big = a.size() <= b.size() ? b : a;
  // ISO 4 abbreviations keep the start ("Neurosci"), often dropping inner
  // letters ("Natl", "Jrnl"); the first letter always survives.
  if (small[0] == big[0] && IsSubsequence(small, big)) return true;
  return small.size() >= 5 && EditDistance(a, b, 1) <= 1;
}

double TitleSimilarity(const ItemKey& ref, const ItemKey& work) {
  if (work.title.empty()) return -1;
  double best = -1;
  if (!ref.title.empty()) {
    int m = CountMatches(ref.title, work.title);
    auto r = static_cast<double>(ref.title.size());
    auto w = static_cast<double>(work.title.size());
    best = 2.0 * m / (r + w);
    // A dropped subtitle on either side.
    if (!work.main_title.empty() &&
        work.main_title.size() < work.title.size()) {
      best = std::max(best, Dice(ref.title, work.main_title));
    }
    if (!ref.main_title.empty() && ref.main_title.size() < ref.title.size()) {
      best = std::max(best, Dice(ref.main_title, work.title));
    }
    // A truncated title: all the reference says is in the work's title,
    // and it says enough of it to identify the work.
    if (ref.title.size() >= 5 && m >= 0.9 * r && m >= 0.5 * w) {
      best = std::max(best, 0.9 * m / r);
    }
  }
  // The work's title found among the reference's words, when the parser
  // split the title into other fields.
  if (best < 0.9 && work.title.size() >= 3 && !ref.all_words.empty() &&
      CouldCover(work.title, ref.all_words, kTitleCoverAtLeast)) {
    double cover = CountMatches(work.title, ref.all_words) /
                   static_cast<double>(work.title.size());
    if (cover >= kTitleCoverAtLeast) best = std::max(best, 0.95 * cover);
  }
  return best;
}

double ContainerSimilarity(const ItemKey& ref, const ItemKey& work) {
  const std::vector<std::string>* refs[] = {&ref.container,
                                            &ref.container_short};
  const std::vector<std::string>* works[] = {
      &work.container, &work.container_main, &work.container_short};
  double best = -1;
  for (const auto* r : refs) {
    for (const auto* w : works) {
      if (!r->empty() && !w->empty())
        best = std::max(best, AlignedDice(*r, *w));
    }
  }
  if (best < 0 || best >= 0.9) return best;
  // The parser may have put the start of the journal name into the title:
  // the work's journal name whole, in order, at the end of the reference's
  // title and container words.
  std::vector<std::string> tail = ref.title;
  tail.insert(tail.end(), ref.container.begin(), ref.container.end());
  for (const auto* w : works) {
    if (w->empty() || w->size() > tail.size()) continue;
    std::vector<std::string> end(tail.end() - static_cast<long>(w->size()),
                                 tail.end());
    if (AlignedWords(end, *w) == static_cast<int>(w->size())) best = 0.9;
  }
  // Or the reference's journal field holds title words (the parser cut the
  // title at a "?" or an abbreviation's full stop): then the journal name
  // is further on in the string.
  if (best < 0.9 && !ref.container.empty() &&
      (ref.container_is_names || 2 * CountMatches(ref.container, work.title) >=
                                     static_cast<int>(ref.container.size()))) {
    for (const auto* w : works) {
      if (!w->empty() &&
          AlignedWords(ref.all_words, *w) == static_cast<int>(w->size())) {
        best = 0.9;
      }
    }
  }
  return best;
}

double AuthorSimilarity(const ItemKey& ref, const ItemKey& work) {
  if (ref.first_family.empty() || work.first_family.empty()) return -1;
  auto same_family = [&](const std::string& r) -> double {
    if (r.empty()) return 0;
    const std::string& w = work.first_family;
    if (r == w) return 1;
    // Compound names cited in part ("Garcia" for "Garcia-Lopez").
    if (std::min(r.size(), w.size()) >= 4 &&
        (r.starts_with(w) || w.starts_with(r))) {
      return 0.9;
    }
    // A typo or a transliteration ("Muller" / "Mueller").
    if (std::min(r.size(), w.size()) >= 5 && EditDistance(r, w, 1) <= 1) {
      return 0.8;
    }
    return 0;
  };
  double sim = same_family(ref.first_family);
  if (sim > 0 && ref.first_initial && work.first_initial &&
      ref.first_initial != work.first_initial) {
    sim *= 0.7;  // another person of the same name, or a mis-split name
  }
  sim = std::max(sim, 0.9 * same_family(ref.swapped_family));
  if (sim == 0) {
    // The right authors in another order.
    for (size_t i = 1; i < work.families.size(); ++i) {
      if (work.families[i] == ref.first_family) return 0.5;
    }
    // The parser took something else for the first author ("Ropivacaine"
    // from a title it ran into), but the name leads the string.
    size_t lead = std::min(ref.all_words.size(), kAuthorLeadingWords);
    for (size_t i = 0; i < lead; ++i) {
      if (ref.all_words[i] == work.first_family) return kAuthorInStringCredit;
    }
  }
  return sim;
}

Comparison CompareItems(const CslItem& ref, const ItemKey& rk,
                        const CslItem& work, const ItemKey& wk,
                        bool by_identifier, bool describe) {
  Comparison c;
  Score score;
  std::vector<std::string>& conflicts = c.conflicts;
  // Most candidates conflict somewhere and are dropped: their messages are
  // only built when asked for.
  auto conflict = [&](const char* field, auto&& message) {
    conflicts.push_back(describe ? std::string(field) + ": " + message()
                                 : std::string(field));
  };

  bool agree = false;
  bool differ = false;
  CompareIdentifier("doi", rk.doi, wk.doi, ref.doi, work.doi, describe, &agree,
                    &differ, &conflicts);
  CompareIdentifier("pmid", rk.pmid, wk.pmid, ref.pmid, work.pmid, describe,
                    &agree, &differ, &conflicts);
  CompareIdentifier("pmcid", rk.pmcid, wk.pmcid, ref.pmcid, work.pmcid,
                    describe, &agree, &differ, &conflicts);
  c.identifier_agrees = agree;
  if (agree || differ) score.Add(kIdentifierWeight, agree ? 1 : 0);

  c.author = AuthorSimilarity(rk, wk);
  if (c.author >= 0) {
    score.Add(kAuthorWeight, c.author);
    if (by_identifier && c.author == 0) {
      conflict("first author",
               [&] { return NameLabel(ref) + " vs " + NameLabel(work); });
    }
  }

  c.title = TitleSimilarity(rk, wk);
  if (c.title >= 0) {
    score.Add(kTitleWeight, c.title);
    if (by_identifier && c.title < kIdentifierTitleConflictBelow &&
        !TitleInString(rk, wk)) {
      conflict("title", [&] {
        return Trimmed(ref.title) + " vs " + Trimmed(work.title);
      });
    }
  }

  if (rk.year > 0 && wk.year > 0) {
    int d = std::abs(rk.year - wk.year);
    // One year apart is how an online-first article is often cited (the
    // epub year against the issue's); it costs score but is no conflict.
    if (d <= 1) {
      score.Add(kYearWeight, d == 0 ? 1 : 0.5);
    } else if (Contains(rk.numbers, std::to_string(wk.year))) {
      score.Add(kYearWeight, kFoundInStringCredit);
    } else {
      score.Add(kYearWeight, 0);
      conflict("year", [&] {
        return std::to_string(rk.year) + " vs " + std::to_string(wk.year);
      });
    }
  }

  c.container = ContainerSimilarity(rk, wk);
  if (c.container >= 0) {
    score.Add(kContainerWeight, c.container);
    if (c.container < kContainerConflictBelow) {
      conflict("journal", [&] {
        return Trimmed(ref.container_title.empty() ? ref.container_title_short
                                                   : ref.container_title) +
               " vs " +
               Trimmed(work.container_title.empty() ? work.container_title_short
                                                    : work.container_title);
      });
    }
  }

  if (!rk.volume.empty() && !wk.volume.empty()) {
    bool same = rk.volume == wk.volume;
    // Or the string's lone number after the year was a page the parser
    // took for a volume ("2015:780").
    bool found =
        !same && (Contains(rk.numbers, wk.volume) ||
                  (rk.first_page.empty() && rk.volume == wk.first_page));
    score.Add(kVolumeWeight, same ? 1 : found ? kFoundInStringCredit : 0);
    if (!same && !found) {
      conflict("volume", [&] {
        return Trimmed(ref.volume) + " vs " + Trimmed(work.volume);
      });
    }
  }

  if (!rk.first_page.empty() && !wk.first_page.empty()) {
    bool same = SameFirstPage(rk.first_page, wk.first_page);
    // Or the parser read the volume as a page ("2015;12(3)." has none).
    bool found = !same && (Contains(rk.numbers, wk.first_page) ||
                           rk.first_page == wk.volume);
    score.Add(kPageWeight, same ? 1 : found ? kFoundInStringCredit : 0);
    if (!same && !found) {
      conflict("page",
               [&] { return Trimmed(ref.page) + " vs " + Trimmed(work.page); });
    }
  }

  c.score = score.weight > 0 ? score.sum / score.weight : 0;
  return c;
}

}  // namespace evq::internal
