// html_dom.h: questions the HTML importer asks of gumbo's tree.
//
// Which elements hold no article text (scripts, navigation, hidden
// elements), which start a block, what their attributes say, and the
// collapsed text of a subtree. Everything here walks iteratively, so a
// pathologically deep tree cannot overflow the stack.
//
// Thread safety: pure functions over a tree that the caller owns.
#ifndef EVQ_IMPORTERS_HTML_DOM_H_
#define EVQ_IMPORTERS_HTML_DOM_H_

#include <gumbo.h>

#include <string>
#include <string_view>

namespace evq::html {

// The value of attribute `name`, or an empty view when absent.
std::string_view Attribute(const GumboNode* element, const char* name);
bool HasAttribute(const GumboNode* element, const char* name);

// True for elements whose content is not article text: scripts, styles,
// forms, navigation, page headers and footers, asides, embedded objects,
// <head>, and elements hidden by `hidden`, aria-hidden="true", a
// display:none style or a landmark role of navigation or page chrome.
bool IsSkipped(const GumboNode* element);

// True for elements that render as their own box: their start and end
// separate the text before and after them into different blocks.
bool IsBlockElement(const GumboNode* element);

// h1..h6 -> 1..6, else 0.
int HeadingLevel(const GumboNode* element);

// The text of `node` and its descendants, skipping what IsSkipped skips,
// with white space collapsed.
std::string SubtreeText(const GumboNode* node);

// The first <title> outside <svg>/<math> (preferring the one in <head>),
// or nullptr.
const GumboNode* FindTitleElement(const GumboNode* root);

// The first <h1> with non-empty text that is not skipped, or nullptr.
const GumboNode* FindFirstHeading1(const GumboNode* root);

// The 1-based source line where `node` starts (0 when unknown).
int SourceLine(const GumboNode* node);

}  // namespace evq::html

#endif  // EVQ_IMPORTERS_HTML_DOM_H_
