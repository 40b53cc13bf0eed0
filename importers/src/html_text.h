// html_text.h: text helpers of the HTML importer that do not need the DOM.
//
// InlineText accumulates the text of one block the way a browser lays it
// out (runs of white space become one space, nothing at either end), so that
// byte offsets taken while it grows are already offsets into the final block
// text. The rest are small predicates on extracted text: reference-list
// headings and class names, and numeric citation markers ("1", "[3-5]").
//
// Thread safety: plain values and pure functions.
#ifndef EVQ_IMPORTERS_HTML_TEXT_H_
#define EVQ_IMPORTERS_HTML_TEXT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace evq::html {

// The text of one block, with white space collapsed as it is appended.
class InlineText {
 public:
  // Appends UTF-8 text. ASCII white space and Unicode spaces (NBSP, thin
  // space, ...) collapse to one space; invisible characters (soft hyphen,
  // zero-width space, BOM) and C0 controls are dropped.
  void Append(std::string_view utf8);
  // A break that renders as white space (a single <br>).
  void AppendSpace() { pending_space_ = true; }

  // The text so far: never starts or ends with a space.
  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }
  void Clear();

 private:
  void AppendVisible(std::string_view bytes);

  std::string text_;
  bool pending_space_ = false;
};

// Collapses white space of `utf8` as InlineText does.
std::string CollapseWhitespace(std::string_view utf8);

// True for a heading that names a reference list: "References",
// "Bibliography:", "Works cited", "5. Sources", case-insensitively.
bool IsReferenceHeadingText(std::string_view heading);

// True when a class or id attribute value names a reference list
// ("references", "reflist", "bibliography", "ref-list", "footnotes"),
// case-insensitively.
bool NamesReferenceList(std::string_view attribute);

// An inclusive range of citation numbers; lo == hi for a single number.
using NumberRange = std::pair<int, int>;

// Parses a numeric citation marker: "1", "1,2", "3-5", "3–5", "[2]",
// "(1, 4)", "[1][2]". Returns false (and leaves `out` empty) for anything
// else, including numbers outside 1..999 and descending ranges, so that
// years and exponents are not taken for citations.
bool ParseCitationNumbers(std::string_view marker,
                          std::vector<NumberRange>* out);

// Appends lo..hi to `out`, skipping numbers already present; ranges wider
// than a sane reference list are cut to their two ends.
void AppendRange(NumberRange range, std::vector<int>* out);

// True when the text before a numeric <sup> makes it an exponent rather than
// a citation: a digit ("10<sup>6</sup>") or a unit ("5 m<sup>2</sup>").
bool EndsWithExponentBase(std::string_view text_before);

// gumbo's tree building is quadratic in nesting depth (100,000 nested <div>s
// take most of a minute), so pathological input is cut before parsing.
// Returns the byte offset of the start tag at which a rough count of open
// elements first exceeds `max_depth`, or npos when it never does. The count
// ignores void elements, elements whose end tag is usually omitted (p, li,
// td, ...), comments and the content of script/style-like elements, so it
// errs towards the real depth or below it for ordinary pages.
size_t DeepNestingCutOffset(std::string_view html, int max_depth);

}  // namespace evq::html

#endif  // EVQ_IMPORTERS_HTML_TEXT_H_
