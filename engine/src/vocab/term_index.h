// A word trie from surface forms to term ids, built once at load so that
// matching a sentence costs a few hash lookups per word, however many
// synonyms the vocabulary has.
//
// Each edge is keyed by one word: its case-folded form, or, for a form word
// written with a capital after its first letter ("LBP"), that exact spelling,
// so that abbreviations do not fire on ordinary lowercase words. The last word
// of a form also matches its simple plural or possessive ("trigger points"
// matches "trigger point" forms, "injuries" matches "injury", "NSAIDs" matches
// "NSAID"); inner words match only as written.
//
// Thread safety: const methods may run concurrently; Insert may not.
#ifndef EVQ_VOCAB_TERM_INDEX_H_
#define EVQ_VOCAB_TERM_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vocab/tokenizer.h"

namespace evq::internal {

class TermIndex {
 public:
  TermIndex();

  // Maps the form made of `words` (non-empty) to term `id`. Returns the id
  // the form was mapped to before, or -1.
  int Insert(const std::vector<Token>& words, int id);

  // The longest form that starts at words[first], continues only across
  // soft gaps, and does not start inside a hyphenated compound. Returns its
  // term id and sets *last to the index of its last word, or returns -1.
  int LongestAt(const std::vector<Token>& words, size_t first,
                size_t* last) const;

  // The term whose form is exactly `words` (gaps ignored), or -1.
  int Exact(const std::vector<Token>& words) const;

 private:
  // Walks from words[first]; reports the longest terminal reached.
  int Walk(const std::vector<Token>& words, size_t first, bool soft_gaps_only,
           size_t* last) const;
  int Child(int32_t node, std::string_view key) const;
  int AddChild(int32_t node, const std::string& key);

  // node id (4 bytes) + word key -> child node id.
  std::unordered_map<std::string, int32_t> edges_;
  std::vector<int32_t> term_of_node_;  // -1: no form ends here
};

}  // namespace evq::internal

#endif  // EVQ_VOCAB_TERM_INDEX_H_
