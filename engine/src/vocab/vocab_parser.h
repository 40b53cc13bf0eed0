// Reads the vocabulary file format (see evq/vocabulary.h) into term lines.
//
// Thread safety: a free function without shared state.
#ifndef EVQ_VOCAB_VOCAB_PARSER_H_
#define EVQ_VOCAB_VOCAB_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "evq/status.h"
#include "evq/vocabulary.h"

namespace evq::internal {

// One term line of a vocabulary file, checked but not yet merged.
struct TermLine {
  TermKind kind = TermKind::kCondition;
  std::string name;     // lowercase, trimmed
  std::string mesh_id;  // empty when not given
  std::string broader;  // empty when not given
  std::vector<std::string> synonyms;
};

// Parses `text`, appending its term lines to *out. On the first malformed
// line, returns an error "origin:line: cause" and leaves *out unchanged.
Status ParseVocabText(std::string_view text, const std::string& origin,
                      std::vector<TermLine>* out);

}  // namespace evq::internal

#endif  // EVQ_VOCAB_VOCAB_PARSER_H_
