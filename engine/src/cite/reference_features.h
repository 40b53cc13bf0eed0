// Features of reference tokens for the sequence tagger. Each feature is a
// 64-bit hash of its template and value, so the model stores no strings and
// extraction allocates nothing per feature.
#ifndef EVQ_CITE_REFERENCE_FEATURES_H_
#define EVQ_CITE_REFERENCE_FEATURES_H_

#include <cstdint>
#include <vector>

#include "cite/reference_tokens.h"

namespace evq::cite {

// The features of all tokens of one reference: those of token i are
// hashes[offsets[i] .. offsets[i + 1]).
struct TokenFeatures {
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> offsets;
  // The boundary before each token but the first: kEdgeFeatures hashes
  // for token i at edges[(i - 1) * kEdgeFeatures], weighted per label pair
  // (a field ends at a comma before "In", not at one inside a title).
  static constexpr int kEdgeFeatures = 4;
  std::vector<uint64_t> edges;
  // Per token: 1 when it cannot be part of a DOI (no "10.", "/" or "doi"
  // in it); the tagger never labels such a token a DOI.
  std::vector<uint8_t> not_doi;
  // The rule parser's author list as the features saw it (FindAuthorEnd on
  // the tokens joined by single spaces, from token author_from on): kept so
  // the parser's author correction need not run it again.
  size_t author_from = 0;
  size_t author_end = 0;  // offset in the joined string
  bool author_editor = false;
};

// Fills *out for `tokens` (one string's tokens, in order). Deterministic:
// the same tokens give the same hashes on every platform.
void ExtractFeatures(const std::vector<RefToken>& tokens, TokenFeatures* out);

}  // namespace evq::cite

#endif  // EVQ_CITE_REFERENCE_FEATURES_H_
