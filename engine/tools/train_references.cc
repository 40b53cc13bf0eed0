// train_references: trains the reference tagger (a linear-chain CRF, or
// an averaged structured perceptron, over the features of
// reference_features.cc with first-order transitions and boundary weights)
// from labelled reference strings, and scores models on strings they did
// not see. Built with the engine, never installed; scripts/train-references
// drives it.
//
//   train_references --train FILE.tsv ... --out MODEL [--epochs N]
//                    [--min-count N] [--seed N] [--scale N] [--prune X]
//                    [--crf [--c2 X] [--eta X] [--average-from N]]
//                    (a FILE given twice weighs twice; --scale: weights
//                    are stored as integers of 1/N, default 1000 for a
//                    CRF and 100 for the perceptron; --prune: features
//                    whose weights are all under X in size are left out;
//                    crf_trainer.h says what the CRF options do)
//   train_references --model MODEL --predict IN.txt --pred-out OUT.jsonl
//                    (MODEL "rules": the rule parser alone)
//   train_references [--model MODEL] --bench IN.txt [--rounds N]
//   train_references --oracle FILE.tsv --pred-out OUT.jsonl
//                    (the gold labels through the field normalisers)
//   train_references --model MODEL --confusion FILE.tsv
//                    (token accuracy and the labels most confused; with
//                    EVQ_SHOW=1 in the environment, also each string the
//                    model gets wrong, as token/gold>predicted)
//
// FILE.tsv lines: the reference string, a tab, "start-end=label" byte spans
// (scripts/reference-labels.py writes them). Training is deterministic: the
// same files in the same order give the same model byte for byte.
#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "cite/reference_features.h"
#include "cite/reference_fields.h"
#include "cite/reference_model.h"
#include "cite/reference_tokens.h"
#include "crf_trainer.h"
#include "evq/csl.h"

namespace {

using evq::cite::kNumRefLabels;
constexpr int L = kNumRefLabels;
constexpr int E = evq::cite::TokenFeatures::kEdgeFeatures;
constexpr int S = evq::cite::kEdgeStride;

using evq::train::Example;
using evq::train::kNoEdge;

[[noreturn]] void Die(const std::string& msg) {
  std::cerr << "train_references: " << msg << "\n";
  std::exit(2);
}

// An option's value as a whole number of at least `min`, or death naming
// the option and the value ("--epochs wants a whole number of at least 1,
// not \"abc\"").
int WholeArg(const std::string& option, const std::string& value, long min) {
  char* end = nullptr;
  errno = 0;
  long x = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || errno != 0 || x < min || x > INT_MAX)
    Die(option + " wants a whole number of at least " + std::to_string(min) +
        ", not \"" + value + "\"");
  return static_cast<int>(x);
}

// An option's value as a number of at least `min` (above it when
// `strictly`), or death naming the option and the value.
double NumberArg(const std::string& option, const std::string& value,
                 double min, bool strictly) {
  char* end = nullptr;
  errno = 0;
  double x = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || errno != 0 || !std::isfinite(x) ||
      x < min || (strictly && x == min)) {
    char bound[32];
    std::snprintf(bound, sizeof bound, "%g", min);
    Die(option + " wants a number " + (strictly ? "above " : "of at least ") +
        bound + ", not \"" + value + "\"");
  }
  return x;
}

// Label of each token: the span it overlaps most ("note" if none).
bool TokenLabels(const std::string& line, std::string* text,
                 std::vector<evq::cite::RefToken>* tokens,
                 std::vector<int>* labels) {
  size_t tab = line.find('\t');
  if (tab == std::string::npos) return false;
  *text = line.substr(0, tab);
  struct Span {
    size_t b, e;
    int label;
  };
  std::vector<Span> spans;
  std::istringstream in(line.substr(tab + 1));
  std::string item;
  while (in >> item) {
    size_t dash = item.find('-');
    size_t eq = item.find('=');
    if (dash == std::string::npos || eq == std::string::npos) return false;
    int label = evq::cite::RefLabelFromName(item.substr(eq + 1));
    if (label < 0) Die("unknown label in " + item);
    spans.push_back({std::stoul(item.substr(0, dash)),
                     std::stoul(item.substr(dash + 1, eq - dash - 1)), label});
  }
  *tokens = evq::cite::TokenizeReference(*text);
  labels->clear();
  for (const auto& t : *tokens) {
    int best = evq::cite::kLabelNote;
    size_t best_overlap = 0;
    for (const Span& s : spans) {
      size_t b = std::max(s.b, t.begin);
      size_t e = std::min(s.e, t.end);
      if (e > b && e - b > best_overlap) {
        best_overlap = e - b;
        best = s.label;
      }
    }
    labels->push_back(best);
  }
  return true;
}

struct Raw {
  evq::cite::TokenFeatures f;
  std::vector<int> gold;
};

std::vector<Raw> ReadSet(const std::string& path) {
  std::ifstream in(path);
  if (!in) Die("cannot read " + path);
  std::vector<Raw> out;
  std::string line;
  std::string text;
  std::vector<evq::cite::RefToken> tokens;
  while (std::getline(in, line)) {
    Raw r;
    if (!TokenLabels(line, &text, &tokens, &r.gold)) Die("bad line in " + path);
    if (tokens.empty()) continue;
    evq::cite::ExtractFeatures(tokens, &r.f);
    out.push_back(std::move(r));
  }
  return out;
}

// Writes the averaged weights in the format RefTagger::Load reads; weights
// under half a quantum are dropped, which prunes most rare features, and so
// is every feature whose largest weight is under `prune` (a smaller table
// is a faster one; a CRF keeps many small weights a perceptron would not).
void WriteModel(const std::string& path, const std::vector<uint64_t>& keys,
                const std::vector<double>& w, const std::vector<double>& trans,
                const std::vector<uint64_t>& edge_keys,
                const std::vector<double>& ew, int scale, double prune) {
  std::ofstream out(path);
  if (!out) Die("cannot write " + path);
  out << "evq-reference-tagger 1\nlabels";
  for (auto n : evq::cite::kRefLabelNames) out << ' ' << n;
  out << "\nscale " << scale << "\n";
  // "index:weight" for the nonzero quantised weights of row[0 .. size).
  auto pairs = [&](const double* row, int size) {
    std::string s;
    for (int l = 0; l < size; ++l) {
      long q = std::lround(row[l] * scale);
      if (q == 0) continue;
      if (!s.empty()) s += ' ';
      s += std::to_string(l) + ":" + std::to_string(q);
    }
    return s;
  };
  for (int r = 0; r <= L; ++r)
    out << "T" << r << "\t" << pairs(&trans[r * L], L) << "\n";
  // Rows sorted by key, so the same weights give the same file; token
  // features as "<hex>", boundary features as "+<hex>".
  size_t kept = 0;
  auto rows = [&](const std::vector<uint64_t>& k, const std::vector<double>& v,
                  int size, const char* prefix) {
    std::vector<size_t> order(k.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return k[a] < k[b]; });
    for (size_t i : order) {
      double top = 0;
      for (int l = 0; l < size; ++l)
        top = std::max(top, std::abs(v[i * size + l]));
      if (top < prune) continue;
      std::string p = pairs(&v[i * size], size);
      if (p.empty()) continue;
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016" PRIx64, k[i]);
      out << prefix << hex << "\t" << p << "\n";
      ++kept;
    }
  };
  rows(keys, w, L, "");
  rows(edge_keys, ew, L * L, "+");
  std::cerr << "train_references: " << kept << " features written to " << path
            << "\n";
}

// Trains on `files` and writes the model: a CRF when crf is not null,
// else the averaged perceptron for `epochs` epochs.
void Train(const std::vector<std::string>& files, const std::string& out_path,
           int epochs, int min_count, unsigned seed, int scale, double prune,
           const evq::train::CrfOptions* crf) {
  std::vector<Raw> raw;
  for (const auto& f : files) {
    auto set = ReadSet(f);
    std::cerr << "train_references: " << set.size() << " references from " << f
              << "\n";
    for (auto& r : set) raw.push_back(std::move(r));
  }
  // Features seen fewer than min_count times are dropped: they cannot be
  // learnt reliably and would only grow the shipped model.
  std::unordered_map<uint64_t, uint32_t> count;
  for (const auto& r : raw)
    for (uint64_t h : r.f.hashes)
      if (h != 0) ++count[h];  // 0 marks an empty slot in the model
  std::vector<uint64_t> keys;
  for (const auto& [h, c] : count)
    if (static_cast<int>(c) >= min_count) keys.push_back(h);
  std::sort(keys.begin(), keys.end());
  std::unordered_map<uint64_t, uint32_t> index;
  for (size_t i = 0; i < keys.size(); ++i)
    index[keys[i]] = static_cast<uint32_t>(i);
  std::unordered_map<uint64_t, uint32_t> edge_count;
  for (const auto& r : raw)
    for (uint64_t h : r.f.edges)
      if (h != 0) ++edge_count[h];
  std::vector<uint64_t> edge_keys;
  for (const auto& [h, c] : edge_count)
    if (static_cast<int>(c) >= min_count) edge_keys.push_back(h);
  std::sort(edge_keys.begin(), edge_keys.end());
  std::unordered_map<uint64_t, uint32_t> edge_index;
  for (size_t i = 0; i < edge_keys.size(); ++i)
    edge_index[edge_keys[i]] = static_cast<uint32_t>(i);
  std::vector<Example> data;
  for (const auto& r : raw) {
    Example ex;
    ex.gold = r.gold;
    ex.offs.push_back(0);
    for (size_t t = 0; t + 1 < r.f.offsets.size(); ++t) {
      for (uint32_t k = r.f.offsets[t]; k < r.f.offsets[t + 1]; ++k) {
        auto it = index.find(r.f.hashes[k]);
        if (it != index.end()) ex.feats.push_back(it->second);
      }
      ex.offs.push_back(static_cast<uint32_t>(ex.feats.size()));
    }
    ex.not_doi = r.f.not_doi;
    for (uint64_t h : r.f.edges) {
      auto it = edge_index.find(h);
      ex.edges.push_back(it == edge_index.end() ? kNoEdge : it->second);
    }
    data.push_back(std::move(ex));
  }
  raw.clear();
  if (data.empty()) Die("no labelled reference in the --train files");
  std::cerr << "train_references: " << keys.size() << " features, "
            << data.size() << " references\n";

  if (crf != nullptr) {
    std::vector<double> nll;
    evq::train::CrfWeights fit =
        evq::train::TrainCrf(data, keys.size(), edge_keys.size(), *crf, &nll);
    for (size_t e = 0; e < nll.size(); ++e)
      std::cerr << "train_references: epoch " << e + 1
                << ": mean negative log-likelihood " << nll[e] << "\n";
    WriteModel(out_path, keys, fit.token, fit.trans, edge_keys, fit.edge, scale,
               prune);
    return;
  }
  // Averaged perceptron: w are the current weights, acc the sum of
  // step * update, so the average is w - acc / steps.
  std::vector<double> w(keys.size() * L, 0.0), acc(keys.size() * L, 0.0);
  std::vector<double> tw((L + 1) * L, 0.0), tacc((L + 1) * L, 0.0);
  std::vector<double> ew(edge_keys.size() * L * L, 0.0),
      eacc(edge_keys.size() * L * L, 0.0);
  // The current boundary weights as ViterbiDecode reads them (float rows
  // of L * S), kept in step with ew.
  std::vector<float> ewf(edge_keys.size() * L * S, 0.0f);
  std::vector<const float*> edge;
  std::vector<float> emit, trans_f((L + 1) * L);
  std::vector<int> pred;
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(seed);
  double step = 1;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    // Fisher-Yates with the generator's raw output: std::shuffle's use of
    // the generator differs between standard libraries.
    for (size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[rng() % i]);
    size_t errors = 0, tokens = 0;
    for (size_t idx : order) {
      const Example& ex = data[idx];
      size_t n = ex.gold.size();
      emit.assign(n * L, 0.0f);
      for (size_t t = 0; t < n; ++t)
        for (uint32_t k = ex.offs[t]; k < ex.offs[t + 1]; ++k)
          for (int l = 0; l < L; ++l)
            emit[t * L + l] += static_cast<float>(w[ex.feats[k] * L + l]);
      // As RefTagger::Tag masks (a gold DOI token is never masked, so
      // every gold sequence stays reachable).
      for (size_t t = 0; t < n; ++t)
        if (ex.not_doi[t] && ex.gold[t] != evq::cite::kLabelDoi)
          emit[t * L + evq::cite::kLabelDoi] = evq::cite::kNever;
      for (size_t i = 0; i < trans_f.size(); ++i)
        trans_f[i] = static_cast<float>(tw[i]);
      edge.assign(n * E, nullptr);
      for (size_t t = 1; t < n; ++t)
        for (int k = 0; k < E; ++k) {
          uint32_t f = ex.edges[(t - 1) * E + k];
          if (f != kNoEdge)
            edge[t * E + k] = &ewf[static_cast<size_t>(f) * L * S];
        }
      evq::cite::ViterbiDecode(emit.data(), n, trans_f.data(), edge.data(),
                               &pred);
      tokens += n;
      if (pred != ex.gold) {
        for (size_t t = 0; t < n; ++t) {
          int g = ex.gold[t], p = pred[t];
          int gp = t == 0 ? 0 : ex.gold[t - 1] + 1;
          int pp = t == 0 ? 0 : pred[t - 1] + 1;
          if (g != p) {
            ++errors;
            for (uint32_t k = ex.offs[t]; k < ex.offs[t + 1]; ++k) {
              size_t f = ex.feats[k] * L;
              w[f + g] += 1;
              acc[f + g] += step;
              w[f + p] -= 1;
              acc[f + p] -= step;
            }
          }
          if (t > 0 && (g != p || gp != pp)) {
            for (int k = 0; k < E; ++k) {
              uint32_t f = ex.edges[(t - 1) * E + k];
              if (f == kNoEdge) continue;
              size_t gi = (static_cast<size_t>(f) * L + (gp - 1)) * L + g;
              size_t pi = (static_cast<size_t>(f) * L + (pp - 1)) * L + p;
              ew[gi] += 1;
              eacc[gi] += step;
              ew[pi] -= 1;
              eacc[pi] -= step;
              float* rows = &ewf[static_cast<size_t>(f) * L * S];
              rows[(gp - 1) * S + g] += 1;
              rows[(pp - 1) * S + p] -= 1;
            }
          }
          if (g != p || gp != pp) {
            tw[gp * L + g] += 1;
            tacc[gp * L + g] += step;
            tw[pp * L + p] -= 1;
            tacc[pp * L + p] -= step;
          }
        }
      }
      step += 1;
    }
    std::cerr << "train_references: epoch " << epoch + 1 << ": " << errors
              << " of " << tokens << " tokens wrong\n";
  }
  for (size_t i = 0; i < w.size(); ++i) w[i] -= acc[i] / step;
  for (size_t i = 0; i < tw.size(); ++i) tw[i] -= tacc[i] / step;
  for (size_t i = 0; i < ew.size(); ++i) ew[i] -= eacc[i] / step;
  WriteModel(out_path, keys, w, tw, edge_keys, ew, scale, prune);
}

// Reads a model file the trainer wrote into *tagger, or dies naming the
// file and what was wrong with it.
void LoadModel(const std::string& path, evq::cite::RefTagger* tagger) {
  std::ifstream m(path);
  if (!m) Die("cannot read " + path);
  std::stringstream buf;
  buf << m.rdbuf();
  std::string error;
  if (!tagger->Load(buf.str(), &error)) Die(path + ": " + error);
}

void Predict(const std::string& model_path, const std::string& in_path,
             const std::string& out_path) {
  if (model_path == "rules") {  // the rule parser alone, for comparison
    std::ifstream in(in_path);
    if (!in) Die("cannot read " + in_path);
    std::ofstream out(out_path);
    for (std::string line; std::getline(in, line);)
      out << evq::CslItemToJson(evq::cite::ParseReferenceRules(line)) << "\n";
    return;
  }
  evq::cite::RefTagger tagger;
  LoadModel(model_path, &tagger);
  std::ifstream in(in_path);
  if (!in) Die("cannot read " + in_path);
  std::ofstream out(out_path);
  std::string line;
  while (std::getline(in, line))
    out << evq::CslItemToJson(evq::cite::ParseReferenceWith(line, &tagger))
        << "\n";
}

// The fields the normalisers make of the gold labels: what a perfect
// tagger would score, which separates tagging errors from normalising ones.
void Oracle(const std::string& tsv_path, const std::string& out_path) {
  std::ifstream in(tsv_path);
  if (!in) Die("cannot read " + tsv_path);
  std::ofstream out(out_path);
  std::string line, text;
  std::vector<evq::cite::RefToken> tokens;
  std::vector<int> labels;
  while (std::getline(in, line)) {
    if (!TokenLabels(line, &text, &tokens, &labels))
      Die("bad line in " + tsv_path);
    evq::CslItem item;
    item.raw = text;
    evq::cite::FieldsFromLabels(text, tokens, labels, &item);
    out << evq::CslItemToJson(item) << "\n";
  }
}

// Token accuracy of a model on labelled strings, and which labels it
// confuses (gold row, predicted column; the largest cells first).
void Confusion(const std::string& model_path, const std::string& tsv_path) {
  evq::cite::RefTagger tagger;
  LoadModel(model_path, &tagger);
  std::ifstream in(tsv_path);
  if (!in) Die("cannot read " + tsv_path);
  std::map<std::pair<int, int>, size_t> cells;
  size_t right = 0, total = 0;
  std::string line, text;
  std::vector<evq::cite::RefToken> tokens;
  std::vector<int> gold, pred;
  while (std::getline(in, line)) {
    if (!TokenLabels(line, &text, &tokens, &gold))
      Die("bad line in " + tsv_path);
    evq::cite::TokenFeatures f;
    evq::cite::ExtractFeatures(tokens, &f);
    tagger.Tag(f, &pred);
    if (std::getenv("EVQ_SHOW") != nullptr && pred != gold) {
      std::string g, p;
      for (size_t t = 0; t < gold.size(); ++t) {
        std::string tag =
            std::string(evq::cite::kRefLabelNames[pred[t]]).substr(0, 3);
        std::string gt =
            std::string(evq::cite::kRefLabelNames[gold[t]]).substr(0, 3);
        p += tokens[t].text + (gold[t] == pred[t] ? "" : "/" + gt + ">" + tag) +
             " ";
      }
      std::printf("%s\n", p.c_str());
    }
    for (size_t t = 0; t < gold.size(); ++t) {
      ++total;
      if (gold[t] == pred[t])
        ++right;
      else
        ++cells[{gold[t], pred[t]}];
    }
  }
  std::printf("token accuracy %.4f (%zu of %zu)\n",
              total ? static_cast<double>(right) / total : 0.0, right, total);
  std::vector<std::pair<size_t, std::pair<int, int>>> sorted;
  for (const auto& [k, v] : cells) sorted.push_back({v, k});
  std::sort(sorted.rbegin(), sorted.rend());
  for (size_t i = 0; i < sorted.size() && i < 30; ++i)
    std::printf(
        "%6zu  %s -> %s\n", sorted[i].first,
        std::string(evq::cite::kRefLabelNames[sorted[i].second.first]).c_str(),
        std::string(evq::cite::kRefLabelNames[sorted[i].second.second])
            .c_str());
}

// Parse speed of the rule parser alone and of the tagger (with `model`,
// or the shipped one) over the same strings, serialised as the CLI does;
// alternated in rounds so a loaded machine slows both alike. Parse and
// serialise only: reading the file and loading the model are left out.
void Bench(const std::string& model_path, const std::string& in_path,
           int rounds) {
  evq::cite::RefTagger loaded;
  const evq::cite::RefTagger* tagger = &evq::cite::RefTagger::Builtin();
  if (!model_path.empty()) {
    LoadModel(model_path, &loaded);
    tagger = &loaded;
  }
  std::ifstream in(in_path);
  if (!in) Die("cannot read " + in_path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  double secs[2] = {0, 0};
  size_t bytes = 0;
  for (int r = 0; r < rounds; ++r) {
    for (int mode = 0; mode < 2; ++mode) {
      // CPU time, not wall time: the machine is shared.
      std::clock_t start = std::clock();
      for (const auto& line : lines)
        bytes += evq::CslItemToJson(evq::cite::ParseReferenceWith(
                                        line, mode == 0 ? nullptr : tagger))
                     .size();
      secs[mode] += static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    }
  }
  double n = static_cast<double>(lines.size()) * rounds;
  std::printf("rules %.0f refs/s, tagger %.0f refs/s, ratio %.2f (%zu bytes)\n",
              n / secs[0], n / secs[1], secs[0] / secs[1], bytes);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> train;
  std::string out, model, predict, pred_out, bench, oracle, confusion;
  int rounds = 5;
  int epochs = 12, min_count = 2, scale = 0;
  unsigned seed = 1;
  bool crf = false;
  double prune = 0;
  evq::train::CrfOptions crf_options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Die(a + " needs a value");
      return argv[++i];
    };
    if (a == "--train")
      train.push_back(value());
    else if (a == "--out")
      out = value();
    else if (a == "--model")
      model = value();
    else if (a == "--predict")
      predict = value();
    else if (a == "--pred-out")
      pred_out = value();
    else if (a == "--epochs")
      epochs = WholeArg(a, value(), 1);
    else if (a == "--min-count")
      min_count = WholeArg(a, value(), 1);
    else if (a == "--seed")
      seed = static_cast<unsigned>(WholeArg(a, value(), 0));
    else if (a == "--scale")
      scale = WholeArg(a, value(), 1);
    else if (a == "--prune")
      prune = NumberArg(a, value(), 0, false);
    else if (a == "--crf")
      crf = true;
    else if (a == "--c2")
      crf_options.c2 = NumberArg(a, value(), 0, false);
    else if (a == "--eta")
      crf_options.eta = NumberArg(a, value(), 0, true);
    else if (a == "--average-from")
      crf_options.average_from = WholeArg(a, value(), 0);
    else if (a == "--bench")
      bench = value();
    else if (a == "--oracle")
      oracle = value();
    else if (a == "--confusion")
      confusion = value();
    else if (a == "--rounds")
      rounds = WholeArg(a, value(), 1);
    else
      Die("unknown argument " + a);
  }
  if (!train.empty()) {
    if (out.empty()) Die("--train needs --out");
    crf_options.epochs = epochs;
    crf_options.seed = seed;
    // A CRF's weights are small (a few units), so they are kept finer.
    if (scale == 0) scale = crf ? 1000 : 100;
    Train(train, out, epochs, min_count, seed, scale, prune,
          crf ? &crf_options : nullptr);
    if (model.empty()) model = out;
  }
  if (!predict.empty()) {
    if (model.empty() || pred_out.empty())
      Die("--predict needs --model (or --train) and --pred-out");
    Predict(model, predict, pred_out);
  }
  if (!bench.empty()) Bench(model, bench, rounds);
  if (!oracle.empty()) {
    if (pred_out.empty()) Die("--oracle needs --pred-out");
    Oracle(oracle, pred_out);
  }
  if (!confusion.empty()) {
    if (model.empty()) Die("--confusion needs --model");
    Confusion(model, confusion);
  }
  if (train.empty() && predict.empty() && bench.empty() && oracle.empty() &&
      confusion.empty())
    Die("nothing to do; see the header");
  return 0;
}
