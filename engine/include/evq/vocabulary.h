// evq/vocabulary.h: the conditions, interventions and anatomy evq recognises.
//
// A Vocabulary maps surface forms (names, synonyms, abbreviations, spelling
// variants) to canonical terms, and knows each term's broader term, so that a
// question about "back pain" also finds "low back pain".
//
// File format (corpus/vocab/*.tsv, and files given with --vocab): UTF-8,
// tab-separated, one term a line, '#' starts a comment line:
//
//   kind  name  mesh_id  broader  synonyms
//
// kind is condition, intervention or anatomy; name is the canonical name
// (lowercase); mesh_id is a MeSH descriptor UI or empty; broader is the
// canonical name of the broader term of the same kind, or empty; synonyms are
// '|'-separated surface forms. Matching ignores case, treats '-' and ' ' alike
// and accepts simple plurals and possessives on the last word. A synonym word
// with a capital after its first letter ("LBP", "TENS", "NSAIDs") is an
// abbreviation and matches only as written, so "tens of thousands" is not
// TENS. Matches are whole words: nothing matches inside a hyphenated compound
// ("anti-inflammatory") unless the compound itself is a form, and no form
// matches across a comma or full stop. A later line for the same kind and
// name adds synonyms and overrides mesh_id and broader when they are given; a
// synonym given later to another term moves to that term.
//
// Ownership: a Vocabulary owns its data. Thread safety: after loading, const
// methods may be called from any number of threads; Add* is not thread-safe.
#ifndef EVQ_VOCABULARY_H_
#define EVQ_VOCABULARY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "evq/export.h"
#include "evq/status.h"

namespace evq {

// What a term names.
enum class TermKind { kCondition, kIntervention, kAnatomy };

// "condition", "intervention", "anatomy".
EVQ_EXPORT const char* TermKindName(TermKind kind);

// One canonical term and its surface forms (one line of a vocabulary file).
struct Term {
  TermKind kind = TermKind::kCondition;
  std::string name;     // canonical, lowercase
  std::string mesh_id;  // MeSH descriptor UI ("D001416") or empty
  std::string broader;  // canonical name of the broader term, or empty
  std::vector<std::string> synonyms;
};

// One occurrence of a term in a text. Offsets are bytes into the text given.
struct TermMatch {
  TermKind kind = TermKind::kCondition;
  std::string name;  // canonical
  size_t start = 0;
  size_t end = 0;
};

// A set of Terms with their hierarchy and a matcher over their surface
// forms. Ownership and threads: see the top of this file. Movable, not
// copyable (it may be large); a moved-from Vocabulary may only be assigned
// to or destroyed.
class EVQ_EXPORT Vocabulary {
 public:
  // An empty vocabulary; add terms with AddFile or AddText.
  Vocabulary();
  ~Vocabulary();
  Vocabulary(Vocabulary&&) noexcept;
  Vocabulary& operator=(Vocabulary&&) noexcept;

  // The vocabulary shipped with evq (compiled in from corpus/vocab/). Fails
  // only if the compiled-in text is malformed (kInternal): a build error.
  static Result<Vocabulary> Builtin();

  // Adds the terms of a vocabulary file (format above). Errors name the file
  // and line: "my.tsv:3: unknown kind 'disease'".
  [[nodiscard]] Status AddFile(const std::string& path);
  // Adds terms from text in the file format; `origin` names it in errors.
  [[nodiscard]] Status AddText(std::string_view text, const std::string& origin);
  // Adds one term as if it were a file line (same merge rules): `name` and
  // `broader` are lowercased; synonyms are kept as given. Fails only on an
  // empty name. For importers of other vocabularies (MeSH, evq/mesh.h).
  [[nodiscard]] Status AddTerm(const Term& term);

  // All occurrences of known terms in `text`, longest match first at each
  // position, without overlaps, in text order.
  std::vector<TermMatch> Find(std::string_view text) const;

  // The term with this canonical name (or any synonym), or nullptr.
  const Term* Lookup(std::string_view name) const;

  // `name` and the canonical names of all terms under it, transitively.
  std::vector<std::string> Narrower(std::string_view name) const;

  // All terms, sorted by kind then name.
  std::vector<const Term*> Terms() const;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace evq

#endif  // EVQ_VOCABULARY_H_
