// The words vocabulary matching works on.
//
// A word is a run of letters and digits, with apostrophes inside it
// ("parkinson's"; curly apostrophes count as straight ones). Everything else
// separates words. Matching compares words, never characters, so a term can
// only match whole words, and "low-back pain" has the same words as "low back
// pain". The gap before each word is classified so that a multi-word term
// matches only across spaces and hyphens, not across commas or full stops.
//
// Thread safety: free functions without shared state.
#ifndef EVQ_VOCAB_TOKENIZER_H_
#define EVQ_VOCAB_TOKENIZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace evq::internal {

struct Token {
  size_t start = 0;  // byte offsets of the word in the text
  size_t end = 0;
  std::string folded;  // case-folded (Unicode simple folding), apostrophes as '
  // The word in its own case, apostrophes as '; only set when has_upper.
  std::string exact;
  bool has_upper = false;  // some letter is upper or title case
  // A capital after the first letter ("LBP", "TrP", "NSAIDs"): a vocabulary
  // form written so must match in that case.
  bool upper_after_first = false;
  // Only whitespace and hyphens separate this word from the previous one.
  bool soft_gap_before = false;
  // Glued to the previous word by hyphens alone ("anti-inflammatory").
  bool joined_before = false;
};

// Replaces *out with the words of `text`. Invalid UTF-8 bytes separate words.
void Tokenize(std::string_view text, std::vector<Token>* out);

// `text` with every letter case-folded (the `folded` form of its words, with
// the separators kept as they are).
std::string FoldCase(std::string_view text);

// Whether `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace evq::internal

#endif  // EVQ_VOCAB_TOKENIZER_H_
