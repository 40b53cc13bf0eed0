#include "cite/reference_model.h"

#include <charconv>
#include <cstdlib>
#include <limits>

namespace evq::cite {

// The shipped model's text in pieces (a single literal of a few MB would
// exceed the length compilers must accept); null-terminated list, generated
// by engine/CMakeLists.txt from corpus/models/reference-tagger.txt.
extern const char* const kBuiltinReferenceTaggerChunks[];

const std::string_view kRefLabelNames[kNumRefLabels] = {
    "note",  "author",    "editor",    "translator", "date",
    "title", "journal",   "container", "collection", "volume",
    "pages", "publisher", "location",  "edition",    "doi",
    "url",   "isbn",      "number",    "accessed"};

int RefLabelFromName(std::string_view name) {
  for (int i = 0; i < kNumRefLabels; ++i)
    if (kRefLabelNames[i] == name) return i;
  return -1;
}

void ViterbiDecode(const float* emit, size_t n, const float* trans,
                   const float* const* edge, std::vector<int>* out) {
  constexpr int L = kNumRefLabels;
  out->assign(n, 0);
  if (n == 0) return;
  // Labels in groups of four (GNU vector extensions, which GCC and Clang
  // compile to SIMD on any target): for each previous label the scores of
  // all labels update at once. Strict '>' keeps the lowest previous label
  // on ties, as a scan per label would. Padding lanes hold -inf.
  using V4f = float __attribute__((vector_size(16)));
  using V4i = int32_t __attribute__((vector_size(16)));
  constexpr int G = (L + 3) / 4;
  constexpr int S = G * 4;  // row stride of score and back
  static_assert(kEdgeStride == S);
  constexpr float kNegInf = -std::numeric_limits<float>::infinity();
  // Reused between calls: this runs once per reference. Rows of S lanes,
  // so each group is stored and loaded whole.
  thread_local std::vector<float> score;
  thread_local std::vector<int32_t> back;
  score.resize(n * S);
  back.resize(n * S);
  V4f rows[L + 1][G];
  for (int r = 0; r <= L; ++r)
    for (int l = 0; l < S; ++l)
      rows[r][l / 4][l % 4] = l < L ? trans[r * L + l] : kNegInf;
  // Token t's emissions as groups (the last group's padding lanes 0).
  auto emission = [&](size_t t, int g) {
    V4f v = {0, 0, 0, 0};
    const float* e = emit + t * L + g * 4;
    if (g * 4 + 4 <= L) {
      __builtin_memcpy(&v, e, sizeof v);
    } else {
      for (int k = 0; g * 4 + k < L; ++k) v[k] = e[k];
    }
    return v;
  };
  for (int g = 0; g < G; ++g) {
    V4f v = rows[0][g] + emission(0, g);
    __builtin_memcpy(&score[g * 4], &v, sizeof v);
  }
  constexpr int E = TokenFeatures::kEdgeFeatures;
  // This boundary's transitions when it has boundary rows: built here, per
  // token, so they stay in L1 (a buffer for the whole string did not).
  V4f with_edges[L][G];
  for (size_t t = 1; t < n; ++t) {
    const float* prev = &score[(t - 1) * S];
    const V4f(*step)[G] = &rows[1];
    if (edge != nullptr) {
      const float* const* e = edge + t * E;
      bool any = false;
      for (int k = 0; k < E; ++k) {
        if (e[k] == nullptr) continue;
        for (int p = 0; p < L; ++p)
          for (int g = 0; g < G; ++g) {
            V4f v;
            __builtin_memcpy(&v, e[k] + p * kEdgeStride + g * 4, sizeof v);
            with_edges[p][g] = (any ? with_edges[p][g] : rows[p + 1][g]) + v;
          }
        any = true;
      }
      if (any) step = with_edges;
    }
    V4f best[G];
    V4i arg[G];
    for (int g = 0; g < G; ++g) {
      best[g] = prev[0] + step[0][g];
      arg[g] = V4i{0, 0, 0, 0};
    }
    for (int p = 1; p < L; ++p) {
      const float from = prev[p];
      const V4i pv = {p, p, p, p};
      for (int g = 0; g < G; ++g) {
        V4f s = from + step[p][g];
        V4i better = s > best[g];
        best[g] = better ? s : best[g];
        arg[g] = better ? pv : arg[g];
      }
    }
    for (int g = 0; g < G; ++g) {
      V4f v = best[g] + emission(t, g);
      __builtin_memcpy(&score[t * S + g * 4], &v, sizeof v);
      __builtin_memcpy(&back[t * S + g * 4], &arg[g], sizeof arg[g]);
    }
  }
  int best = 0;
  for (int l = 1; l < L; ++l)
    if (score[(n - 1) * S + l] > score[(n - 1) * S + best]) best = l;
  for (size_t t = n; t-- > 0;) {
    (*out)[t] = best;
    best = back[t * S + best];
  }
}

namespace {

// Splits off the next line of *text.
std::string_view NextLine(std::string_view* text) {
  size_t e = text->find('\n');
  std::string_view line = text->substr(0, e);
  *text =
      e == std::string_view::npos ? std::string_view() : text->substr(e + 1);
  return line;
}

bool ParseInt(std::string_view s, long* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// "label:weight label:weight ..." into row (16-bit weights). By hand, not
// with find/from_chars per pair: the shipped model's ~28k rows are parsed
// at every process start.
bool ParseRow(std::string_view s, int16_t* row) {
  const char* p = s.data();
  const char* e = p + s.size();
  auto digit = [&] { return p < e && *p >= '0' && *p <= '9'; };
  while (p < e) {
    if (!digit()) return false;
    long l = 0;
    while (digit() && l < 1000) l = l * 10 + (*p++ - '0');
    if (l >= kNumRefLabels || p >= e || *p != ':') return false;
    ++p;
    bool neg = p < e && *p == '-';
    if (neg) ++p;
    if (!digit()) return false;
    long w = 0;
    while (digit() && w <= 32768) w = w * 10 + (*p++ - '0');
    if (neg) w = -w;
    if (w < -32768 || w > 32767) return false;
    row[l] = static_cast<int16_t>(w);
    if (p < e) {
      if (*p != ' ') return false;
      ++p;
    }
  }
  return true;
}

uint64_t Mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  return k;
}

}  // namespace

bool RefTagger::Load(std::string_view text, std::string* error) {
  constexpr int L = kNumRefLabels;
  // Header: format line, label names (must match this build), the scale
  // that turns the stored integers back into weights, then transitions.
  if (NextLine(&text) != "evq-reference-tagger 1") {
    *error = "not a reference tagger model";
    return false;
  }
  std::string_view labels = NextLine(&text);
  std::string expected = "labels";
  for (std::string_view n : kRefLabelNames) expected += " " + std::string(n);
  if (labels != expected) {
    *error = "model labels differ from this build's";
    return false;
  }
  std::string_view scale_line = NextLine(&text);
  long scale = 0;
  if (scale_line.substr(0, 6) != "scale " ||
      !ParseInt(scale_line.substr(6), &scale) || scale <= 0) {
    *error = "bad scale line";
    return false;
  }
  scale_ = static_cast<float>(scale);
  edge_weights_.clear();
  edge_keys_.clear();
  edge_at_.clear();
  std::vector<std::pair<uint64_t, uint32_t>> edge_rows;
  // Transition rows: weights may exceed 16 bits, so parsed apart.
  // "index:weight index:weight ..." into row[0 .. size); for transition
  // rows (weights may exceed 16 bits) and boundary rows (prev * L + label).
  auto parse_pairs = [&](std::string_view s, float* row, long size) {
    while (!s.empty()) {
      size_t sp = s.find(' ');
      std::string_view pair = s.substr(0, sp);
      s = sp == std::string_view::npos ? std::string_view() : s.substr(sp + 1);
      size_t colon = pair.find(':');
      long l = 0;
      long w = 0;
      if (colon == std::string_view::npos ||
          !ParseInt(pair.substr(0, colon), &l) || l < 0 || l >= size ||
          !ParseInt(pair.substr(colon + 1), &w))
        return false;
      row[l] = static_cast<float>(w) / static_cast<float>(scale);
    }
    return true;
  };
  trans_.assign((L + 1) * L, 0.0f);
  for (int r = 0; r <= L; ++r) {
    std::string_view line = NextLine(&text);
    if (!parse_pairs(line.substr(line.find('\t') + 1), &trans_[r * L], L)) {
      *error = "bad transition line";
      return false;
    }
  }
  // Feature rows: "<16 hex digits>\t<label>:<weight> ...".
  std::vector<std::pair<uint64_t, std::string_view>> rows;
  rows.reserve(text.size() / 64);
  while (!text.empty()) {
    std::string_view line = NextLine(&text);
    if (line.empty()) continue;
    // Boundary rows: "+<16 hex digits>\t<prev * L + label>:<weight> ...".
    if (line[0] == '+') {
      uint64_t key = 0;
      auto r =
          std::from_chars(line.data() + 1, line.data() + line.size(), key, 16);
      float pairs[L * L] = {};
      if (r.ec != std::errc() || r.ptr == line.data() + line.size() ||
          *r.ptr != '\t' || key == 0 ||
          !parse_pairs(line.substr(r.ptr + 1 - line.data()), pairs, L * L)) {
        *error = "bad boundary line";
        return false;
      }
      size_t at = edge_weights_.size();
      edge_weights_.resize(at + L * kEdgeStride, 0.0f);
      for (int p = 0; p < L; ++p)
        for (int l = 0; l < L; ++l)
          edge_weights_[at + p * kEdgeStride + l] = pairs[p * L + l];
      edge_rows.emplace_back(key, static_cast<uint32_t>(at));
      continue;
    }
    uint64_t key = 0;
    auto r = std::from_chars(line.data(), line.data() + line.size(), key, 16);
    if (r.ec != std::errc() || r.ptr == line.data() + line.size() ||
        *r.ptr != '\t' || key == 0) {
      *error = "bad feature line";
      return false;
    }
    rows.emplace_back(key, line.substr(r.ptr + 1 - line.data()));
  }
  size_t edge_cap = 16;
  while (edge_cap < edge_rows.size() * 2) edge_cap *= 2;
  edge_keys_.assign(edge_rows.empty() ? 0 : edge_cap, 0);
  edge_at_.assign(edge_keys_.size(), 0);
  edge_mask_ = edge_cap - 1;
  for (const auto& [key, at] : edge_rows) {
    uint64_t slot = Mix(key) & edge_mask_;
    while (edge_keys_[slot] != 0 && edge_keys_[slot] != key)
      slot = (slot + 1) & edge_mask_;
    edge_keys_[slot] = key;  // a repeated key: the last row wins
    edge_at_[slot] = at;
  }
  size_t cap = 16;
  while (cap < rows.size() * 2) cap *= 2;
  slots_.assign(cap, Slot{});
  tags_.assign(cap, 0);
  mask_ = cap - 1;
  rows_ = rows.size();
  for (const auto& [key, pairs] : rows) {
    uint64_t slot = Mix(key) & mask_;
    while (slots_[slot].key != 0) slot = (slot + 1) & mask_;
    slots_[slot].key = key;
    tags_[slot] = Tag8(key);
    if (!ParseRow(pairs, slots_[slot].w)) {
      *error = "bad feature weights";
      slots_.clear();
      tags_.clear();
      return false;
    }
  }
  return true;
}

uint8_t RefTagger::Tag8(uint64_t key) {
  return static_cast<uint8_t>(key >> 56) | 1;
}

const int16_t* RefTagger::Find(uint64_t key) const {
  uint64_t slot = Mix(key) & mask_;
  const uint8_t want = Tag8(key);
  for (uint8_t have; (have = tags_[slot]) != 0; slot = (slot + 1) & mask_) {
    if (have == want && slots_[slot].key == key) return slots_[slot].w;
  }
  return nullptr;
}

const float* RefTagger::FindEdge(uint64_t key) const {
  for (uint64_t slot = Mix(key) & edge_mask_; edge_keys_[slot] != 0;
       slot = (slot + 1) & edge_mask_) {
    if (edge_keys_[slot] == key) return &edge_weights_[edge_at_[slot]];
  }
  return nullptr;
}

void RefTagger::Tag(const TokenFeatures& f, std::vector<int>* labels) const {
  constexpr int L = kNumRefLabels;
  size_t n = f.offsets.size() - 1;
  if (empty()) {
    labels->assign(n, 0);
    return;
  }
  thread_local std::vector<float> emit;
  emit.resize(n * L);
  // The probes are independent cache misses: prefetching a few features
  // ahead lets them overlap instead of waiting for each in turn.
  constexpr size_t kAhead = 32;
  const size_t total = f.hashes.size();
  auto prefetch = [&](uint64_t key) {
    uint64_t slot = Mix(key) & mask_;
    if (tags_[slot] != 0) __builtin_prefetch(&slots_[slot]);
  };
  for (size_t k = 0; k < kAhead && k < total; ++k) prefetch(f.hashes[k]);
  for (size_t t = 0; t < n; ++t) {
    int32_t sum[kRowWidth] = {};
    for (uint32_t k = f.offsets[t]; k < f.offsets[t + 1]; ++k) {
      if (k + kAhead < total) prefetch(f.hashes[k + kAhead]);
      const int16_t* row = Find(f.hashes[k]);
      if (row == nullptr) continue;
      for (int l = 0; l < kRowWidth; ++l) sum[l] += row[l];
    }
    for (int l = 0; l < L; ++l)
      emit[t * L + l] = static_cast<float>(sum[l]) / scale_;
    if (t < f.not_doi.size() && f.not_doi[t]) emit[t * L + kLabelDoi] = kNever;
  }
  const float* const* edge_rows = nullptr;
  thread_local std::vector<const float*> edge;
  if (!edge_keys_.empty() && n > 1) {
    constexpr int E = TokenFeatures::kEdgeFeatures;
    edge.assign(n * E, nullptr);
    for (size_t t = 1; t < n && t * E <= f.edges.size(); ++t)
      for (int k = 0; k < E; ++k)
        edge[t * E + k] = FindEdge(f.edges[(t - 1) * E + k]);
    edge_rows = edge.data();
  }
  ViterbiDecode(emit.data(), n, trans_.data(), edge_rows, labels);
}

const RefTagger& RefTagger::Builtin() {
  static const RefTagger* tagger = [] {
    auto* t = new RefTagger;
    std::string text;
    for (const char* const* c = kBuiltinReferenceTaggerChunks; *c != nullptr;
         ++c)
      text += *c;
    std::string error;
    // A malformed shipped model is a build defect (a test loads it); the
    // rule parser then runs alone rather than failing every parse.
    if (!text.empty() && !t->Load(text, &error)) *t = RefTagger();
    return t;
  }();
  return *tagger;
}

}  // namespace evq::cite
