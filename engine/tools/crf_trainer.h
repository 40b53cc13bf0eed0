// Training the reference tagger as a linear-chain conditional random field:
// the same scores as the tagger decodes (token weights per label, label
// transitions, boundary weights per label pair), fitted by maximising the
// L2-penalised log-likelihood of the gold labels with stochastic gradient
// descent. The perceptron (train_references.cc) fits the same weights by
// mistakes alone; the CRF's probabilities make every update count and its
// penalty keeps rare features small, which helps on styles it did not see.
#ifndef EVQ_TOOLS_CRF_TRAINER_H_
#define EVQ_TOOLS_CRF_TRAINER_H_

#include <cstddef>
#include <vector>

#include "training_example.h"

namespace evq::train {

// Model weights, laid out as the trainer writes them: token[f * kLabels +
// l]; trans[(prev + 1) * kLabels + l] with row 0 the start; edge[(e *
// kLabels + prev) * kLabels + l].
struct CrfWeights {
  std::vector<double> token, trans, edge;
};

// Per-token label marginals of one example under weights w (each times
// `scale`), and what the log-likelihood needs.
struct CrfMarginals {
  std::vector<double> unary;  // n * kLabels: P(y_t = l)
  std::vector<double> pair;   // n * kLabels * kLabels: P(y_t-1, y_t), t >= 1
  double log_z = 0;           // log of the partition function
  double gold_score = 0;      // the gold path's score
};

// Fills *m for ex by forward-backward (all zero for an example with no
// tokens). Labels masked by not_doi (other than the gold one) get
// probability zero, as the tagger never predicts them.
void ComputeCrfMarginals(const Example& ex, const CrfWeights& w, double scale,
                         CrfMarginals* m);

struct CrfOptions {
  int epochs = 20;
  // Epochs from this one on (0-based) are averaged into the result; the
  // last epoch alone when it is >= epochs.
  int average_from = 10;
  double c2 = 5;     // L2 penalty over the whole set: lambda = c2 / N
  double eta = 0.1;  // initial step; step t is eta / (1 + eta * lambda * t)
  unsigned seed = 1;
};

// Fits weights for `data` (num_features token rows, num_edges boundary
// rows). Deterministic for a seed. Progress (the mean negative
// log-likelihood per epoch) goes to *log when it is not null.
CrfWeights TrainCrf(const std::vector<Example>& data, size_t num_features,
                    size_t num_edges, const CrfOptions& options,
                    std::vector<double>* log);

}  // namespace evq::train

#endif  // EVQ_TOOLS_CRF_TRAINER_H_
