// Cue lexicons for claim analysis: hedges, negation, vague appeals to
// evidence, attribution to named sources, and the words that mark a sentence
// as advice, procedure, boilerplate or a reader's comment.
//
// All matching works on a normalized copy of the sentence (NormalizedText):
// lowercase ASCII, curly quotes straightened, runs of white space folded,
// and spun-text spacing such as "it ’s" folded to "it's".
#ifndef EVQ_CLAIMS_CUES_H_
#define EVQ_CLAIMS_CUES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace evq::internal {

// A sentence prepared for cue matching. `norm` is padded with a space at
// each end so that " word " finds whole words at the edges too.
struct NormalizedText {
  std::string norm;
  std::vector<std::string> words;  // letters, digits and apostrophes
  std::vector<uint64_t> word_hashes;  // sorted hashes of words: fast rejection
  uint64_t bloom = 0;                 // one bit per word hash, faster still
  bool HasWord(std::string_view word) const;
  // True when the words of `phrase` ("studies show") occur in a row.
  // `phrase` must have static storage (a literal): its hash is cached by
  // address.
  bool Has(std::string_view phrase) const;
  bool HasWordHash(std::string_view word, uint64_t hash) const;
  bool StartsWith(std::string_view prefix) const;
};

NormalizedText Normalize(std::string_view text);

// Hedge cues found, as lowercase phrases ("may", "are thought to").
std::vector<std::string> FindHedgeCues(const NormalizedText& t);

// Negation cues found ("not", "never", "few studies").
std::vector<std::string> FindNegationCues(const NormalizedText& t);

// The vague appeal to unnamed evidence or authority ("studies show"), or "".
std::string FindVagueAppeal(const NormalizedText& t);

// The named source a sentence attributes its claim to ("a 2019 study in
// JAMA Pediatrics"), or "". Uses the original-case text: names are
// capitalised.
std::string FindAttribution(std::string_view original, const NormalizedText& t);

// Why a sentence is not a claim whatever it says ("question", "advice",
// "procedure", "boilerplate", "comment", "bio"), or "".
std::string FindNonClaimReason(const NormalizedText& t, std::string_view original);

// True when the sentence has a finite verb or modal we recognise; verbless
// fragments ("Back pain.") are not claims.
bool HasPredicate(const NormalizedText& t);

// True when the sentence speaks about health: pain, symptoms, healing,
// tissue, treatment... (besides vocabulary terms, which the caller checks).
bool HasHealthWord(const NormalizedText& t);

}  // namespace evq::internal

#endif  // EVQ_CLAIMS_CUES_H_
