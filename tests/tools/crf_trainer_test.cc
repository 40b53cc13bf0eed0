// The CRF trainer of the reference tagger: forward-backward against brute
// force over every label path, the gradient against finite differences,
// and a fit that learns a small set.
#include "crf_trainer.h"

#include <cmath>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace evq::train {
namespace {

constexpr int L = kLabels;

// Three tokens, two features each (of four), one boundary feature on the
// second boundary only; weights drawn at random.
struct Fixture {
  Example ex;
  CrfWeights w;
  Fixture() {
    ex.feats = {0, 1, 1, 2, 3, 0};
    ex.offs = {0, 2, 4, 6};
    ex.edges.assign(2 * kEdges, kNoEdge);
    ex.edges[kEdges + 1] = 0;
    ex.not_doi = {0, 1, 0};
    ex.gold = {3, 1, 5};
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    w.token.resize(4 * L);
    w.trans.resize((L + 1) * L);
    w.edge.resize(L * L);
    for (double& x : w.token) x = u(rng);
    for (double& x : w.trans) x = u(rng);
    for (double& x : w.edge) x = u(rng);
  }
  // The score of path y, straight from the definition.
  double Score(const int* y, double scale) const {
    double s = 0;
    for (size_t t = 0; t < 3; ++t) {
      for (uint32_t k = ex.offs[t]; k < ex.offs[t + 1]; ++k)
        s += w.token[ex.feats[k] * L + y[t]];
      s += t == 0 ? w.trans[y[0]] : w.trans[(y[t - 1] + 1) * L + y[t]];
      if (t == 2) s += w.edge[y[1] * L + y[2]];
    }
    return s * scale;
  }
};

TEST(CrfTrainerTest, MarginalsMatchBruteForceOverEveryPath) {
  Fixture f;
  const double scale = 0.7;
  double z = 0;
  std::vector<double> unary(3 * L, 0.0);
  int y[3];
  for (y[0] = 0; y[0] < L; ++y[0])
    for (y[1] = 0; y[1] < L; ++y[1])
      for (y[2] = 0; y[2] < L; ++y[2]) {
        // Token 1 cannot be a DOI (not_doi, and its gold is not DOI).
        if (y[1] == evq::cite::kLabelDoi) continue;
        double p = std::exp(f.Score(y, scale));
        z += p;
        for (int t = 0; t < 3; ++t) unary[t * L + y[t]] += p;
      }
  CrfMarginals m;
  ComputeCrfMarginals(f.ex, f.w, scale, &m);
  EXPECT_NEAR(m.log_z, std::log(z), 1e-9);
  EXPECT_NEAR(m.gold_score, f.Score(f.ex.gold.data(), scale), 1e-12);
  for (int i = 0; i < 3 * L; ++i) EXPECT_NEAR(m.unary[i], unary[i] / z, 1e-12);
  EXPECT_EQ(m.unary[1 * L + evq::cite::kLabelDoi], 0.0);
  // Pair marginals sum to the unary ones on either side.
  for (int t = 1; t < 3; ++t)
    for (int j = 0; j < L; ++j) {
      double into = 0, from = 0;
      for (int i = 0; i < L; ++i) {
        into += m.pair[t * L * L + i * L + j];
        from += m.pair[t * L * L + j * L + i];
      }
      EXPECT_NEAR(into, m.unary[t * L + j], 1e-12);
      EXPECT_NEAR(from, m.unary[(t - 1) * L + j], 1e-12);
    }
}

// d log p(gold) / d w = observed - expected counts: for token feature 1
// (on tokens 0 and 1) and label 1, and for the boundary weight (1 -> 5).
TEST(CrfTrainerTest, GradientMatchesFiniteDifferences) {
  Fixture f;
  CrfMarginals m;
  auto log_p = [&](const CrfWeights& w) {
    CrfMarginals x;
    ComputeCrfMarginals(f.ex, w, 1.0, &x);
    return x.gold_score - x.log_z;
  };
  ComputeCrfMarginals(f.ex, f.w, 1.0, &m);
  const double h = 1e-6;
  {
    CrfWeights up = f.w, down = f.w;
    up.token[1 * L + 1] += h;
    down.token[1 * L + 1] -= h;
    double numeric = (log_p(up) - log_p(down)) / (2 * h);
    double analytic = 1.0 - m.unary[0 * L + 1] - m.unary[1 * L + 1];
    EXPECT_NEAR(numeric, analytic, 1e-6);
  }
  {
    CrfWeights up = f.w, down = f.w;
    up.edge[1 * L + 5] += h;
    down.edge[1 * L + 5] -= h;
    double numeric = (log_p(up) - log_p(down)) / (2 * h);
    double analytic = 1.0 - m.pair[2 * L * L + 1 * L + 5];
    EXPECT_NEAR(numeric, analytic, 1e-6);
  }
}

// Two kinds of one-token-feature strings whose labels the features decide:
// after training, each gold label is the most probable.
TEST(CrfTrainerTest, FitLearnsASeparableSet) {
  std::vector<Example> data;
  for (int i = 0; i < 20; ++i) {
    Example ex;
    bool odd = i % 2;
    ex.feats = {odd ? 0u : 1u, 2u, odd ? 3u : 4u};
    ex.offs = {0, 1, 2, 3};
    ex.edges.assign(2 * kEdges, kNoEdge);
    ex.not_doi = {1, 1, 1};
    ex.gold = odd ? std::vector<int>{2, 4, 6} : std::vector<int>{3, 4, 7};
    data.push_back(ex);
  }
  CrfOptions options;
  options.epochs = 10;
  options.average_from = 5;
  std::vector<double> log;
  CrfWeights w = TrainCrf(data, 5, 0, options, &log);
  ASSERT_EQ(log.size(), 10u);
  EXPECT_LT(log.back(), log.front());  // the likelihood rose
  for (int i = 0; i < 2; ++i) {
    CrfMarginals m;
    ComputeCrfMarginals(data[i], w, 1.0, &m);
    for (size_t t = 0; t < 3; ++t) {
      int best = 0;
      for (int l = 1; l < L; ++l)
        if (m.unary[t * L + l] > m.unary[t * L + best]) best = l;
      EXPECT_EQ(best, data[i].gold[t]) << "string " << i << " token " << t;
    }
  }
}

}  // namespace
}  // namespace evq::train
