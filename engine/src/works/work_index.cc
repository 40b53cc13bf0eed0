// works/work_index.cc: holding works and resolving references to them.
//
// Resolving must stay fast against a large authority (100,000 works,
// thousands of references a second), so a reference is never compared with
// every work. An identifier the reference states is looked up directly;
// otherwise an inverted index from title words and word pairs to works, and
// one from first author and year, weigh the works sharing the reference's
// rarer terms, and only a bounded number of the heaviest is scored
// (work_similarity.h).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "evq/works.h"
#include "works/text_normalize.h"
#include "works/work_similarity.h"

namespace evq {
namespace {

using internal::Comparison;
using internal::ItemKey;

// Candidates scored per reference: the works with the most title-term and
// author-year weight in common with it.
constexpr size_t kCandidates = 32;
// A term in more works than this fraction of them (and more than
// kMinCommonPostings) says too little to be worth walking its postings.
constexpr double kCommonWordFraction = 0.02;
constexpr size_t kMinCommonPostings = 256;
// Walked even when every term is common, so a title of common words still
// finds candidates.
constexpr size_t kRarestTermsAlways = 3;
// First author and year together weigh like this many rare title terms.
constexpr float kAuthorYearWeight = 2.f;

// A candidate without a conflict must also have a title this close: a
// reference whose author, year and journal agree but whose title does not
// is another paper by the same people.
constexpr double kMatchTitleAtLeast = 0.6;
// A candidate with conflicts is reported as a mismatch only when it is
// plainly the same publication otherwise: a title this close...
constexpr double kMismatchTitleAtLeast = 0.85;
// ...and a first author at least this close (when both state one).
constexpr double kMismatchAuthorAtLeast = 0.8;

// Index terms are 64-bit hashes, not strings: a large authority has about
// a million distinct word pairs, and a string key each would double the
// index's memory. Two terms sharing a hash only add a candidate, which
// scoring then drops.
using Term = uint64_t;

Term Mix(Term a, Term b) {
  // The boost::hash_combine step, widened to 64 bits.
  return a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
}

Term WordTerm(std::string_view word) {
  return std::hash<std::string_view>{}(word);
}

Term AuthorYearTerm(const std::string& family, int year) {
  return Mix(WordTerm(family), static_cast<Term>(year));
}

// What the title index holds for a title: its words, and each pair of
// neighbouring words ("back pain") as one term. Pairs are far rarer than
// their words in a field's titles, so they single out a title made of
// common words. Sorted, without repeats.
std::vector<Term> TitleTerms(const std::vector<std::string>& words) {
  std::vector<Term> terms;
  terms.reserve(2 * words.size());
  for (const std::string& w : words) terms.push_back(WordTerm(w));
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    terms.push_back(Mix(terms[i], terms[i + 1]));
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

// The accumulator of title-word weights per work, reused across calls on
// one thread so that a resolution allocates no array of the authority's
// size. Entries are zeroed again after each use.
struct Scratch {
  std::vector<float> weight;
  std::vector<int> touched;
};

Scratch& ThreadScratch(size_t works) {
  thread_local Scratch scratch;
  if (scratch.weight.size() < works) scratch.weight.resize(works, 0.f);
  return scratch;
}

// Whether `a` beats `b`: higher score, ties to the lower index.
bool Better(double score_a, int index_a, double score_b, int index_b) {
  if (score_a != score_b) return score_a > score_b;
  return index_a < index_b;
}

}  // namespace

struct WorkIndex::Rep {
  // Deques: adding never moves the works already held, so a large
  // authority is not copied (and briefly held twice) as it grows.
  std::deque<Work> works;
  std::deque<ItemKey> keys;
  std::unordered_map<Term, std::vector<int>> title_postings;
  std::unordered_map<Term, std::vector<int>> author_year;
  // First work stating each identifier: ties go to the lower index.
  std::unordered_map<std::string, int> by_doi;
  std::unordered_map<std::string, int> by_pmid;
  std::unordered_map<std::string, int> by_pmcid;

  int FindByIdentifier(const ItemKey& key) const;
  std::vector<int> Candidates(const ItemKey& key) const;
  Resolution Decide(const CslItem& ref, const ItemKey& key) const;
};

int WorkIndex::Rep::FindByIdentifier(const ItemKey& key) const {
  // A DOI is the most specific; PMID and PMCID follow.
  const std::pair<const std::string*,
                  const std::unordered_map<std::string, int>*>
      lookups[] = {
          {&key.doi, &by_doi}, {&key.pmid, &by_pmid}, {&key.pmcid, &by_pmcid}};
  for (const auto& [id, map] : lookups) {
    if (id->empty()) continue;
    auto it = map->find(*id);
    if (it != map->end()) return it->second;
  }
  return -1;
}

std::vector<int> WorkIndex::Rep::Candidates(const ItemKey& key) const {
  // The reference's title words and word pairs, and its journal words: a
  // title the parser ran into the journal field keeps its words there. With
  // neither, every word of the string.
  std::vector<std::string> words = key.title;
  words.insert(words.end(), key.container.begin(), key.container.end());
  std::vector<Term> terms = TitleTerms(words.empty() ? key.all_words : words);

  std::vector<const std::vector<int>*> lists;
  for (Term t : terms) {
    auto it = title_postings.find(t);
    if (it != title_postings.end()) lists.push_back(&it->second);
  }
  std::sort(lists.begin(), lists.end(),
            [](const auto* a, const auto* b) { return a->size() < b->size(); });
  size_t n = works.size();
  size_t common = std::max(kMinCommonPostings,
                           static_cast<size_t>(kCommonWordFraction * n));
  Scratch& scratch = ThreadScratch(n);
  auto accumulate = [&](const std::vector<int>& postings, float weight) {
    for (int w : postings) {
      if (scratch.weight[w] == 0.f) scratch.touched.push_back(w);
      scratch.weight[w] += weight;
    }
  };
  // Inverse document frequency: a rare term says more.
  auto idf = [&](size_t df) {
    return static_cast<float>(std::log(1.0 + static_cast<double>(n) / df));
  };
  for (size_t i = 0; i < lists.size(); ++i) {
    const std::vector<int>& postings = *lists[i];
    if (i >= kRarestTermsAlways && postings.size() > common) break;
    accumulate(postings, idf(postings.size()));
  }
  // Works by the same first author in the same year (or one off), weighed
  // in with the title terms: they rise to the top when some title words
  // agree too, and are found even when the title was mangled.
  if (!key.first_family.empty() && key.year > 0) {
    for (int y : {key.year, key.year - 1, key.year + 1}) {
      auto it = author_year.find(AuthorYearTerm(key.first_family, y));
      if (it == author_year.end() || it->second.size() > common) continue;
      float weight = kAuthorYearWeight * idf(it->second.size());
      accumulate(it->second, y == key.year ? weight : weight / 2);
    }
  }
  std::vector<int>& touched = scratch.touched;
  size_t keep = std::min(kCandidates, touched.size());
  std::partial_sort(touched.begin(), touched.begin() + static_cast<long>(keep),
                    touched.end(), [&](int a, int b) {
                      return Better(scratch.weight[a], a, scratch.weight[b], b);
                    });
  std::vector<int> out(touched.begin(),
                       touched.begin() + static_cast<long>(keep));
  for (int w : touched) scratch.weight[w] = 0.f;
  touched.clear();
  std::sort(out.begin(), out.end());
  return out;
}

Resolution WorkIndex::Rep::Decide(const CslItem& ref,
                                  const ItemKey& key) const {
  Resolution r;
  int by_id = FindByIdentifier(key);
  if (by_id >= 0) {
    Comparison c =
        internal::CompareItems(ref, key, works[by_id].item, keys[by_id],
                               /*by_identifier=*/true, /*describe=*/true);
    r.work = by_id;
    if (c.conflicts.empty()) {
      // The identifier decides: what else the reference states may be
      // sparse or abbreviated, but nothing contradicts it.
      r.status = ResolutionStatus::kMatched;
      r.score = std::max(c.score, kMatchThreshold);
    } else {
      r.status = ResolutionStatus::kMismatch;
      r.score = c.score;
      r.conflicts = std::move(c.conflicts);
    }
    return r;
  }

  int best_match = -1;
  double best_match_score = 0;
  int best_mismatch = -1;
  Comparison mismatch;
  for (int w : Candidates(key)) {
    Comparison c = internal::CompareItems(ref, key, works[w].item, keys[w],
                                          /*by_identifier=*/false,
                                          /*describe=*/false);
    if (c.conflicts.empty()) {
      bool title_ok =
          c.title >= kMatchTitleAtLeast || (c.title < 0 && c.identifier_agrees);
      if (title_ok && c.score >= kMatchThreshold &&
          (best_match < 0 ||
           Better(c.score, w, best_match_score, best_match))) {
        best_match = w;
        best_match_score = c.score;
      }
    } else if (c.title >= kMismatchTitleAtLeast &&
               (c.author < 0 || c.author >= kMismatchAuthorAtLeast) &&
               (best_mismatch < 0 ||
                Better(c.score, w, mismatch.score, best_mismatch))) {
      best_mismatch = w;
      mismatch = std::move(c);
    }
  }
  if (best_match >= 0) {
    r.status = ResolutionStatus::kMatched;
    r.work = best_match;
    r.score = best_match_score;
  } else if (best_mismatch >= 0) {
    r.status = ResolutionStatus::kMismatch;
    r.work = best_mismatch;
    r.score = mismatch.score;
    r.conflicts = internal::CompareItems(ref, key, works[best_mismatch].item,
                                         keys[best_mismatch],
                                         /*by_identifier=*/false,
                                         /*describe=*/true)
                      .conflicts;
  }
  return r;
}

WorkIndex::WorkIndex() : rep_(std::make_unique<Rep>()) {}
WorkIndex::~WorkIndex() = default;
WorkIndex::WorkIndex(WorkIndex&&) noexcept = default;
WorkIndex& WorkIndex::operator=(WorkIndex&&) noexcept = default;

int WorkIndex::Add(Work work) {
  auto index = static_cast<int>(rep_->works.size());
  ItemKey key = internal::MakeItemKey(work.item, /*with_all_words=*/false);
  for (Term t : TitleTerms(key.title)) rep_->title_postings[t].push_back(index);
  if (!key.first_family.empty() && key.year > 0) {
    rep_->author_year[AuthorYearTerm(key.first_family, key.year)].push_back(
        index);
  }
  if (!key.doi.empty()) rep_->by_doi.emplace(key.doi, index);
  if (!key.pmid.empty()) rep_->by_pmid.emplace(key.pmid, index);
  if (!key.pmcid.empty()) rep_->by_pmcid.emplace(key.pmcid, index);
  rep_->works.push_back(std::move(work));
  rep_->keys.push_back(std::move(key));
  return index;
}

size_t WorkIndex::size() const { return rep_->works.size(); }

const Work& WorkIndex::work(int index) const {
  return rep_->works[static_cast<size_t>(index)];
}

Resolution WorkIndex::Resolve(const CslItem& reference) const {
  ItemKey key = internal::MakeItemKey(reference, /*with_all_words=*/true);
  return rep_->Decide(reference, key);
}

}  // namespace evq
