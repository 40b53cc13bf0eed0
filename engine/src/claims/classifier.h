// Deciding whether a sentence is a claim, and of what kind.
#ifndef EVQ_CLAIMS_CLASSIFIER_H_
#define EVQ_CLAIMS_CLASSIFIER_H_

#include <string>
#include <vector>

#include "claims/cues.h"
#include "evq/analysis.h"

namespace evq::internal {

// What the classifier knows about one sentence.
struct ClaimInput {
  const NormalizedText* text = nullptr;
  std::string_view original;
  BlockRole role = BlockRole::kParagraph;
  // For list items: the normalized lead-in ("when it becomes restricted it
  // can"), or nullptr.
  const NormalizedText* lead_in = nullptr;
  bool has_terms = false;        // the vocabulary found a term
  bool has_intervention = false;
  bool has_condition = false;
  bool has_vague_or_attribution = false;
  bool has_citation = false;
  // The sentence opens with a pronoun ("It looks like a web") and the
  // sentence before it in the paragraph spoke about health.
  bool follows_health_sentence = false;
};

struct ClaimDecision {
  bool claim = false;
  std::vector<std::string> evidence;  // why, for --explain
};

ClaimDecision DecideClaim(const ClaimInput& in);

// The claim kind, from cue words and whether a treatment is named.
ClaimKind ClassifyKind(const NormalizedText& t, bool has_intervention);

}  // namespace evq::internal

#endif  // EVQ_CLAIMS_CLASSIFIER_H_
