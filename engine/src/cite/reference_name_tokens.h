// Word-level view of name lists, shared by the author-list finder and the
// name splitter: each word is classified as an initial, a capitalised word,
// a particle, a connector, ... so both read a list the same way.
#ifndef EVQ_CITE_REFERENCE_NAME_TOKENS_H_
#define EVQ_CITE_REFERENCE_NAME_TOKENS_H_

#include <cstddef>
#include <string_view>

namespace evq::cite {

enum class NameKind {
  kInitial,    // "J", "Á", "J-P"
  kCluster,    // "JA", "ABC": Vancouver initials (or an acronym)
  kCap,        // a capitalised word
  kParticle,   // van, de, la, ...
  kSuffix,     // Jr, Sr, II
  kConnector,  // and, &, und, et, e, y
  kEtAl,       // et al
  kLower,      // running text
  kOther,      // digits, brackets, anything else
};

struct NameToken {
  size_t b = 0;
  size_t e = 0;  // end of the word (before any '.')
  NameKind kind = NameKind::kOther;
  bool dot = false;  // immediately followed by '.'
};

// Whether w is a lowercase family-name particle ("van", "de", "al").
bool IsParticle(std::string_view w);
// Number of UTF-8 characters in w.
size_t CharCount(std::string_view w);
// Reads the token at i (after spaces). Words include internal hyphens and
// apostrophes; "&" is a connector; other characters are one-char kOther.
NameToken ReadNameToken(std::string_view s, size_t i);
// Whether an editor marker starts at s[i]: "(Eds.)", "(ed.)", "(Hrsg.)",
// "eds.", "editors". Returns its length, 0 if none.
size_t EditorMarker(std::string_view s, size_t i);
// Whether s contains an organisation word ("Institute", "Society", ...).
bool HasOrgWord(std::string_view s);

}  // namespace evq::cite

#endif  // EVQ_CITE_REFERENCE_NAME_TOKENS_H_
