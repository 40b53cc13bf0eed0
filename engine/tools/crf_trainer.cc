#include "crf_trainer.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace evq::train {
namespace {

constexpr int L = kLabels;
constexpr int LL = kLabels * kLabels;

bool Masked(const Example& ex, size_t t, int l) {
  return l == evq::cite::kLabelDoi && ex.not_doi[t] &&
         ex.gold[t] != evq::cite::kLabelDoi;
}

// Scratch reused across examples (the trainer is single-threaded).
struct Lattice {
  std::vector<double> emit;  // n * L, log domain
  std::vector<double> psi;   // n * L, exp(emit - max of the token's row)
  std::vector<double> phi;   // n * LL, exp(transition block into token t)
  std::vector<double> alpha, beta, norm;
};

}  // namespace

void ComputeCrfMarginals(const Example& ex, const CrfWeights& w, double scale,
                         CrfMarginals* m) {
  thread_local Lattice x;
  const size_t n = ex.gold.size();
  if (n == 0) {  // one path, the empty one: Z = 1
    *m = CrfMarginals();
    return;
  }
  x.emit.assign(n * L, 0.0);
  x.psi.assign(n * L, 0.0);
  double log_z = 0;
  for (size_t t = 0; t < n; ++t) {
    double* e = &x.emit[t * L];
    for (uint32_t k = ex.offs[t]; k < ex.offs[t + 1]; ++k) {
      const double* row = &w.token[static_cast<size_t>(ex.feats[k]) * L];
      for (int l = 0; l < L; ++l) e[l] += row[l];
    }
    double top = -HUGE_VAL;
    for (int l = 0; l < L; ++l) {
      e[l] *= scale;
      if (!Masked(ex, t, l)) top = std::max(top, e[l]);
    }
    for (int l = 0; l < L; ++l)
      x.psi[t * L + l] = Masked(ex, t, l) ? 0.0 : std::exp(e[l] - top);
    log_z += top;  // the scaled-down psi rows multiply Z by exp(-top)
  }
  // The log-domain transition block into each token; exponentiated below.
  x.phi.assign(n * LL, 0.0);
  for (size_t t = 1; t < n; ++t) {
    double* b = &x.phi[t * LL];
    for (int q = 0; q < LL; ++q) b[q] = w.trans[L + q];
    for (int k = 0; k < kEdges; ++k) {
      uint32_t f = ex.edges[(t - 1) * kEdges + k];
      if (f == kNoEdge) continue;
      const double* r = &w.edge[static_cast<size_t>(f) * LL];
      for (int q = 0; q < LL; ++q) b[q] += r[q];
    }
  }
  // The gold path's score, before the blocks are exponentiated.
  double gold = 0;
  for (size_t t = 0; t < n; ++t) {
    int g = ex.gold[t];
    gold += x.emit[t * L + g];
    gold +=
        scale * (t == 0 ? w.trans[g] : x.phi[t * LL + ex.gold[t - 1] * L + g]);
  }
  for (size_t t = 1; t < n; ++t)
    for (int q = 0; q < LL; ++q)
      x.phi[t * LL + q] = std::exp(x.phi[t * LL + q] * scale);
  // Forward, each row normalised to sum 1 (norm[t] the divisor), then
  // backward with the same divisors, so alpha * beta is the marginal.
  x.alpha.assign(n * L, 0.0);
  x.beta.assign(n * L, 0.0);
  x.norm.assign(n, 0.0);
  for (int l = 0; l < L; ++l)
    x.alpha[l] = std::exp(w.trans[l] * scale) * x.psi[l];
  for (size_t t = 0; t < n; ++t) {
    double* a = &x.alpha[t * L];
    if (t > 0) {
      const double* prev = &x.alpha[(t - 1) * L];
      const double* b = &x.phi[t * LL];
      for (int j = 0; j < L; ++j) {
        double sum = 0;
        for (int i = 0; i < L; ++i) sum += prev[i] * b[i * L + j];
        a[j] = sum * x.psi[t * L + j];
      }
    }
    double z = 0;
    for (int l = 0; l < L; ++l) z += a[l];
    x.norm[t] = z;
    for (int l = 0; l < L; ++l) a[l] /= z;
    log_z += std::log(z);
  }
  for (int l = 0; l < L; ++l) x.beta[(n - 1) * L + l] = 1;
  for (size_t t = n - 1; t > 0; --t) {
    const double* b = &x.phi[t * LL];
    const double* next = &x.beta[t * L];
    for (int i = 0; i < L; ++i) {
      double sum = 0;
      for (int j = 0; j < L; ++j)
        sum += b[i * L + j] * x.psi[t * L + j] * next[j];
      x.beta[(t - 1) * L + i] = sum / x.norm[t];
    }
  }
  m->unary.resize(n * L);
  for (size_t i = 0; i < n * L; ++i) m->unary[i] = x.alpha[i] * x.beta[i];
  m->pair.assign(n * LL, 0.0);
  for (size_t t = 1; t < n; ++t) {
    const double* b = &x.phi[t * LL];
    double* p = &m->pair[t * LL];
    for (int i = 0; i < L; ++i) {
      double a = x.alpha[(t - 1) * L + i] / x.norm[t];
      for (int j = 0; j < L; ++j)
        p[i * L + j] = a * b[i * L + j] * x.psi[t * L + j] * x.beta[t * L + j];
    }
  }
  m->log_z = log_z;
  m->gold_score = gold;
}

CrfWeights TrainCrf(const std::vector<Example>& data, size_t num_features,
                    size_t num_edges, const CrfOptions& options,
                    std::vector<double>* log) {
  // The weights are scale * v: the L2 decay of every weight at each step
  // is one multiplication of scale, and a step touches only the rows of
  // the example's features.
  CrfWeights v;
  v.token.assign(num_features * L, 0.0);
  v.trans.assign((L + 1) * L, 0.0);
  v.edge.assign(num_edges * LL, 0.0);
  CrfWeights sum;  // of scale * v at the end of each averaged epoch
  int averaged = 0;
  double scale = 1.0;
  const double lambda =
      options.c2 / static_cast<double>(std::max<size_t>(data.size(), 1));
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  CrfMarginals m;
  double steps = 0;
  auto fold = [](std::vector<double>* xs, double s) {
    for (double& x : *xs) x *= s;
  };
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with the generator's raw output: std::shuffle's use of
    // the generator differs between standard libraries.
    for (size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[rng() % i]);
    double nll = 0;
    for (size_t idx : order) {
      const Example& ex = data[idx];
      const size_t n = ex.gold.size();
      ComputeCrfMarginals(ex, v, scale, &m);
      nll += m.log_z - m.gold_score;
      const double eta = options.eta / (1.0 + options.eta * lambda * steps);
      steps += 1;
      scale *= 1.0 - eta * lambda;
      if (scale < 1e-6) {  // fold the scale in before it underflows
        fold(&v.token, scale);
        fold(&v.trans, scale);
        fold(&v.edge, scale);
        scale = 1.0;
      }
      // Gradient of the log-likelihood: observed minus expected counts.
      const double step = eta / scale;
      for (size_t t = 0; t < n; ++t) {
        double g[L];
        for (int l = 0; l < L; ++l) g[l] = -m.unary[t * L + l];
        g[ex.gold[t]] += 1.0;
        for (uint32_t k = ex.offs[t]; k < ex.offs[t + 1]; ++k) {
          double* row = &v.token[static_cast<size_t>(ex.feats[k]) * L];
          for (int l = 0; l < L; ++l) row[l] += step * g[l];
        }
        if (t == 0) {
          for (int l = 0; l < L; ++l) v.trans[l] += step * g[l];
          continue;
        }
        double pg[LL];
        for (int q = 0; q < LL; ++q) pg[q] = -m.pair[t * LL + q];
        pg[ex.gold[t - 1] * L + ex.gold[t]] += 1.0;
        for (int q = 0; q < LL; ++q) v.trans[L + q] += step * pg[q];
        for (int k = 0; k < kEdges; ++k) {
          uint32_t f = ex.edges[(t - 1) * kEdges + k];
          if (f == kNoEdge) continue;
          double* r = &v.edge[static_cast<size_t>(f) * LL];
          for (int q = 0; q < LL; ++q) r[q] += step * pg[q];
        }
      }
    }
    if (log != nullptr)
      log->push_back(nll /
                     static_cast<double>(std::max<size_t>(data.size(), 1)));
    if (epoch >= options.average_from) {
      if (averaged++ == 0) {
        sum.token.assign(v.token.size(), 0.0);
        sum.trans.assign(v.trans.size(), 0.0);
        sum.edge.assign(v.edge.size(), 0.0);
      }
      for (size_t i = 0; i < v.token.size(); ++i)
        sum.token[i] += scale * v.token[i];
      for (size_t i = 0; i < v.trans.size(); ++i)
        sum.trans[i] += scale * v.trans[i];
      for (size_t i = 0; i < v.edge.size(); ++i)
        sum.edge[i] += scale * v.edge[i];
    }
  }
  if (averaged == 0) {
    fold(&v.token, scale);
    fold(&v.trans, scale);
    fold(&v.edge, scale);
    return v;
  }
  fold(&sum.token, 1.0 / averaged);
  fold(&sum.trans, 1.0 / averaged);
  fold(&sum.edge, 1.0 / averaged);
  return sum;
}

}  // namespace evq::train
