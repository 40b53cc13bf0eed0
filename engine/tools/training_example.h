// One labelled reference string as the trainers see it: feature indexes
// into the model's rows, boundary feature indexes and gold labels. Shared
// by the perceptron (train_references.cc) and the CRF (crf_trainer.cc).
#ifndef EVQ_TOOLS_TRAINING_EXAMPLE_H_
#define EVQ_TOOLS_TRAINING_EXAMPLE_H_

#include <cstdint>
#include <vector>

#include "cite/reference_features.h"
#include "cite/reference_model.h"

namespace evq::train {

inline constexpr int kLabels = evq::cite::kNumRefLabels;
inline constexpr int kEdges = evq::cite::TokenFeatures::kEdgeFeatures;
inline constexpr uint32_t kNoEdge = 0xFFFFFFFFu;

struct Example {
  std::vector<uint32_t> feats;  // feature indexes, token t's from offs[t]
  std::vector<uint32_t> offs;   // size n + 1
  // Boundary feature indexes (kNoEdge if pruned), kEdges for each token
  // from the second: token t's at edges[(t - 1) * kEdges].
  std::vector<uint32_t> edges;
  // 1 where the token cannot be a DOI (the tagger masks that label).
  std::vector<uint8_t> not_doi;
  std::vector<int> gold;
};

}  // namespace evq::train

#endif  // EVQ_TOOLS_TRAINING_EXAMPLE_H_
