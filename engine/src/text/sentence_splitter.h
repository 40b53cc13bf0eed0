// Sentence segmentation: ICU's sentence BreakIterator, wrapped in a filter
// that starts empty and holds only our abbreviation list (ICU's built-in
// list splits or joins where health writing does not), plus repairs ICU
// cannot know about: runs of initials ("D. G. Simons") and citation markers
// glued to the next sentence ("pain.(1)The").
#ifndef EVQ_TEXT_SENTENCE_SPLITTER_H_
#define EVQ_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace evq::internal {

struct Span {
  size_t start = 0;
  size_t end = 0;
};

// Longest sentence evq keeps whole; longer runs (a megabyte line with no
// full stop) are cut at a space near this length.
inline constexpr size_t kMaxSentenceBytes = 8192;

// Sentences of text[start, end), as byte spans of `text`, trimmed of white
// space, in order. `text` must be valid UTF-8. Thread-safe: each thread uses
// its own iterator.
std::vector<Span> SplitSentences(std::string_view text, size_t start, size_t end);

}  // namespace evq::internal

#endif  // EVQ_TEXT_SENTENCE_SPLITTER_H_
