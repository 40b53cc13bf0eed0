// works/work_index.cc: holding works and resolving references to them.
//
// Resolving must stay fast against a large authority (100,000 works,
// thousands of references a second), so a reference is never compared with
// every work. An identifier the reference states is looked up directly;
// otherwise an inverted index from title words to works yields the works
// sharing the reference's rarest words, a second one those with its first
// author and year, and only a bounded number of these candidates is scored
// (work_similarity.h).
#include <algorithm>
#include <cmath>
#include <string>
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

// Candidates scored per reference from the title index, and at most this
// many more from the author-year index.
constexpr size_t kTitleCandidates = 24;
constexpr size_t kAuthorYearCandidates = 16;
// A title word in more works than this fraction of them (and more than
// kMinCommonPostings) says too little to be worth walking its postings.
constexpr double kCommonWordFraction = 0.02;
constexpr size_t kMinCommonPostings = 256;
// Walked even when every word is common, so a title of common words
// still finds candidates.
constexpr size_t kRarestWordsAlways = 2;

// A candidate without a conflict must also have a title this close: a
// reference whose author, year and journal agree but whose title does not
// is another paper by the same people.
constexpr double kMatchTitleAtLeast = 0.6;
// A candidate with conflicts is reported as a mismatch only when it is
// plainly the same publication otherwise: a title this close...
constexpr double kMismatchTitleAtLeast = 0.85;
// ...and a first author at least this close (when both state one).
constexpr double kMismatchAuthorAtLeast = 0.8;

std::string AuthorYearKey(const std::string& family, int year) {
  return family + '|' + std::to_string(year);
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
  std::vector<Work> works;
  std::vector<ItemKey> keys;
  std::unordered_map<std::string, std::vector<int>> title_postings;
  std::unordered_map<std::string, std::vector<int>> author_year;
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
  const std::pair<const std::string*, const std::unordered_map<std::string, int>*>
      lookups[] = {{&key.doi, &by_doi}, {&key.pmid, &by_pmid},
                   {&key.pmcid, &by_pmcid}};
  for (const auto& [id, map] : lookups) {
    if (id->empty()) continue;
    auto it = map->find(*id);
    if (it != map->end()) return it->second;
  }
  return -1;
}

std::vector<int> WorkIndex::Rep::Candidates(const ItemKey& key) const {
  // The reference's title words, and its journal words: a title the parser
  // ran into the journal field keeps its words there. With neither, every
  // word of the string.
  std::vector<std::string> words = key.title;
  words.insert(words.end(), key.container.begin(), key.container.end());
  if (words.empty()) words = key.all_words;
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());

  std::vector<const std::vector<int>*> lists;
  for (const std::string& w : words) {
    auto it = title_postings.find(w);
    if (it != title_postings.end()) lists.push_back(&it->second);
  }
  std::sort(lists.begin(), lists.end(),
            [](const auto* a, const auto* b) { return a->size() < b->size(); });
  size_t n = works.size();
  size_t common = std::max(kMinCommonPostings,
                           static_cast<size_t>(kCommonWordFraction * n));
  Scratch& scratch = ThreadScratch(n);
  for (size_t i = 0; i < lists.size(); ++i) {
    const std::vector<int>& postings = *lists[i];
    if (i >= kRarestWordsAlways && postings.size() > common) break;
    // Inverse document frequency: a rare word says more.
    auto idf = static_cast<float>(
        std::log(1.0 + static_cast<double>(n) / postings.size()));
    for (int w : postings) {
      if (scratch.weight[w] == 0.f) scratch.touched.push_back(w);
      scratch.weight[w] += idf;
    }
  }
  std::vector<int>& touched = scratch.touched;
  size_t keep = std::min(kTitleCandidates, touched.size());
  std::partial_sort(touched.begin(), touched.begin() + static_cast<long>(keep),
                    touched.end(), [&](int a, int b) {
                      return Better(scratch.weight[a], a, scratch.weight[b], b);
                    });
  std::vector<int> out(touched.begin(), touched.begin() + static_cast<long>(keep));
  for (int w : touched) scratch.weight[w] = 0.f;
  touched.clear();

  // Works by the same first author in the same year (or one off): found
  // even when the reference's title was mangled beyond its rare words.
  if (!key.first_family.empty() && key.year > 0) {
    size_t added = 0;
    for (int y : {key.year, key.year - 1, key.year + 1}) {
      auto it = author_year.find(AuthorYearKey(key.first_family, y));
      if (it == author_year.end()) continue;
      for (int w : it->second) {
        if (added >= kAuthorYearCandidates) break;
        out.push_back(w);
        ++added;
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Resolution WorkIndex::Rep::Decide(const CslItem& ref,
                                  const ItemKey& key) const {
  Resolution r;
  int by_id = FindByIdentifier(key);
  if (by_id >= 0) {
    Comparison c = internal::CompareItems(ref, key, works[by_id].item,
                                          keys[by_id], /*by_identifier=*/true);
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
                                          /*by_identifier=*/false);
    if (c.conflicts.empty()) {
      bool title_ok = c.title >= kMatchTitleAtLeast ||
                      (c.title < 0 && c.identifier_agrees);
      if (title_ok && c.score >= kMatchThreshold &&
          (best_match < 0 || Better(c.score, w, best_match_score, best_match))) {
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
    r.conflicts = std::move(mismatch.conflicts);
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
  std::vector<std::string> words = key.title;
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  for (const std::string& w : words) rep_->title_postings[w].push_back(index);
  if (!key.first_family.empty() && key.year > 0) {
    rep_->author_year[AuthorYearKey(key.first_family, key.year)].push_back(
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
