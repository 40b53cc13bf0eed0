// Tokens of a reference string for the sequence tagger: whitespace-separated
// words, with the numbers Vancouver style packs into one word
// ("2001;83(3):45-67") split apart so each can take its own label.
#ifndef EVQ_CITE_REFERENCE_TOKENS_H_
#define EVQ_CITE_REFERENCE_TOKENS_H_

#include <string>
#include <string_view>
#include <vector>

namespace evq::cite {

struct RefToken {
  size_t begin = 0;  // byte range in the original string
  size_t end = 0;
  // The token with typographic quotes and dashes mapped to ASCII (the same
  // mapping as NormalizeReference), so "“Title" and "\"Title" look alike.
  std::string text;
};

// Splits `s` into tokens. Offsets refer to `s` itself, so labels given to
// tokens map back to spans of the input.
std::vector<RefToken> TokenizeReference(std::string_view s);

}  // namespace evq::cite

#endif  // EVQ_CITE_REFERENCE_TOKENS_H_
