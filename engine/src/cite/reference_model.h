// The reference-string tagger: a first-order linear-chain model (weights
// of a conditional random field, Viterbi decoding) that labels each token
// of a reference with the field it belongs to. Trained by
// engine/tools/train_references.cc (engine/tools/crf_trainer.cc); the
// shipped weights are compiled into the library
// (corpus/models/reference-tagger.txt).
#ifndef EVQ_CITE_REFERENCE_MODEL_H_
#define EVQ_CITE_REFERENCE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cite/reference_features.h"
#include "evq/csl.h"

namespace evq::cite {

// Field labels, AnyStyle's tag set folded to what evq keeps apart. The
// order is the model file's; kRefLabelNames spells them.
enum RefLabel : uint8_t {
  kLabelNote = 0,  // anything unscored: notes, genre, medium, access labels
  kLabelAuthor,
  kLabelEditor,
  kLabelTranslator,
  kLabelDate,
  kLabelTitle,
  kLabelJournal,
  kLabelContainer,  // a book, proceedings or other non-journal container
  kLabelCollection,
  kLabelVolume,
  kLabelPages,
  kLabelPublisher,
  kLabelLocation,
  kLabelEdition,
  kLabelDoi,
  kLabelUrl,
  kLabelIsbn,
  kLabelNumber,  // citation number
  kLabelAccessed,
  kNumRefLabels,
};
extern const std::string_view kRefLabelNames[kNumRefLabels];
// The label named `name`, or -1.
int RefLabelFromName(std::string_view name);

// The emission score of a label a token cannot have (finite, so sums stay
// ordered).
inline constexpr float kNever = -1e9f;

// Row width of a boundary feature's weights: the labels padded to a
// multiple of four (one SIMD group), padding lanes 0.
inline constexpr int kEdgeStride = (kNumRefLabels + 3) / 4 * 4;

// Best label sequence under emission scores emit[t * L + l] and transition
// scores trans[(prev + 1) * L + l] (row 0 is the start state). When `edge`
// is not null, token t >= 1 also has TokenFeatures::kEdgeFeatures boundary
// rows at edge[t * kEdgeFeatures + k] (nullptr where a feature is unknown),
// each L * kEdgeStride weights for (prev, l) at [prev * kEdgeStride + l],
// added to that boundary's transitions. Writes n labels to *out.
void ViterbiDecode(const float* emit, size_t n, const float* trans,
                   const float* const* edge, std::vector<int>* out);

class RefTagger {
 public:
  // The model compiled into the library; empty() if none was shipped.
  static const RefTagger& Builtin();

  // Reads the text format written by the trainer (see
  // corpus/models/README.md). Returns false and sets *error when malformed.
  bool Load(std::string_view text, std::string* error);
  bool empty() const { return slots_.empty(); }
  size_t num_features() const { return rows_; }

  // Labels for one reference's tokens (features from ExtractFeatures).
  void Tag(const TokenFeatures& features, std::vector<int>* labels) const;

 private:
  // Weights for a feature hash (kNumRefLabels of them), nullptr when
  // unknown.
  const int16_t* Find(uint64_t key) const;

  // Tagging is bound by memory latency (about 900 probes per reference), so
  // a slot holds its key and all labels' weights in one 64-byte cache line:
  // a probe is one miss. The weights are the file's integers (they fit in
  // 16 bits); the padding lets the row sum vectorise.
  static constexpr int kRowWidth = 24;
  struct alignas(64) Slot {
    uint64_t key;  // 0 = empty
    int16_t w[kRowWidth];
  };
  static_assert(sizeof(Slot) == 64);
  std::vector<float> trans_;  // (kNumRefLabels + 1) * kNumRefLabels
  std::vector<Slot> slots_;   // open addressing, linear probing
  // A byte per slot (0 = empty, else 8 bits of the key with the low bit
  // set), small enough to stay in cache: most unknown features are turned
  // away here without touching their slot's line.
  std::vector<uint8_t> tags_;
  static uint8_t Tag8(uint64_t key);
  // Boundary features (TokenFeatures::edges): an open-addressing table
  // of keys (0 = empty) whose weights start at edge_at_[slot] in
  // edge_weights_, L * kEdgeStride of them (ViterbiDecode's row layout).
  const float* FindEdge(uint64_t key) const;
  std::vector<uint64_t> edge_keys_;
  std::vector<uint32_t> edge_at_;
  std::vector<float> edge_weights_;
  uint64_t edge_mask_ = 0;
  float scale_ = 1;
  size_t rows_ = 0;
  uint64_t mask_ = 0;
};

// ParseReference with a given tagger (the trainer scores models it has not
// shipped); a null or empty tagger means the rule parser alone.
CslItem ParseReferenceWith(std::string_view text, const RefTagger* tagger);
// The rule parser (reference_parser.cc), which the tagger's output falls
// back on.
CslItem ParseReferenceRules(std::string_view text);
// Relabels the tagger's *labels (one per token of `tokens`, whose features
// are `features`) as author where the rule parser reads an organisation
// author at the start: over tokens labelled author, title or note with no
// comma, and over a leading title only when the date and another title
// follow it (reference_parser.cc says why).
void CorrectAuthorSpan(const std::vector<RefToken>& tokens,
                       const TokenFeatures& features, std::vector<int>* labels);

}  // namespace evq::cite

#endif  // EVQ_CITE_REFERENCE_MODEL_H_
