// Questions the HTML importer asks of gumbo's tree: skipped elements, block
// elements, attributes, subtree text.
#include "html_dom.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "html_text.h"

namespace evq::html {
namespace {

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

const GumboVector* Children(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (IsElement(node)) return &node->v.element.children;
  return nullptr;
}

std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (!std::isspace(c)) out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

bool HasClassToken(std::string_view classes, std::string_view token) {
  size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() &&
           std::isspace(static_cast<unsigned char>(classes[i])))
      ++i;
    size_t start = i;
    while (i < classes.size() &&
           !std::isspace(static_cast<unsigned char>(classes[i])))
      ++i;
    if (classes.substr(start, i - start) == token) return true;
  }
  return false;
}

bool HasAncestor(const GumboNode* node, GumboTag a, GumboTag b) {
  for (const GumboNode* p = node->parent; p != nullptr; p = p->parent) {
    if (IsElement(p) && (p->v.element.tag == a || p->v.element.tag == b))
      return true;
  }
  return false;
}

bool SkippedByTag(const GumboNode* element) {
  switch (element->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME:
    // Not in the brief's list but never article text: <head> (its <title>
    // is read separately), a stray <title> in the body, form fields and the
    // fallback text of embedded media ("Your browser does not support...").
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
      return true;
    case GUMBO_TAG_HEADER:
      // A page header is site chrome, but the <header> of an <article> (or
      // of <main>) holds the article's own title and byline.
      return !HasAncestor(element, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN);
    default:
      return element->v.element.tag_namespace == GUMBO_NAMESPACE_SVG;
  }
}

bool SkippedByAttributes(const GumboNode* element) {
  if (element->v.element.attributes.length == 0) return false;
  if (HasAttribute(element, "hidden")) return true;
  if (Lower(Attribute(element, "aria-hidden")) == "true") return true;
  std::string style = Lower(Attribute(element, "style"));
  if (style.find("display:none") != std::string::npos ||
      style.find("visibility:hidden") != std::string::npos) {
    return true;
  }
  // ARIA landmarks for the same page chrome that <nav>, <header>, <footer>
  // and <aside> mark.
  std::string role = Lower(Attribute(element, "role"));
  if (role == "navigation" || role == "banner" || role == "contentinfo" ||
      role == "complementary" || role == "search") {
    return true;
  }
  // Text for screen readers only ("(opens in a new tab)").
  std::string_view classes = Attribute(element, "class");
  return HasClassToken(classes, "sr-only") ||
         HasClassToken(classes, "visually-hidden") ||
         HasClassToken(classes, "screen-reader-text");
}

}  // namespace

std::string_view Attribute(const GumboNode* element, const char* name) {
  if (!IsElement(element)) return {};
  const GumboAttribute* attr =
      gumbo_get_attribute(&element->v.element.attributes, name);
  if (attr == nullptr || attr->value == nullptr) return {};
  return attr->value;
}

bool HasAttribute(const GumboNode* element, const char* name) {
  return IsElement(element) &&
         gumbo_get_attribute(&element->v.element.attributes, name) != nullptr;
}

bool IsSkipped(const GumboNode* element) {
  if (element->type == GUMBO_NODE_TEMPLATE) return true;
  if (element->type != GUMBO_NODE_ELEMENT) return false;
  return SkippedByTag(element) || SkippedByAttributes(element);
}

bool IsBlockElement(const GumboNode* element) {
  if (!IsElement(element)) return false;
  switch (element->v.element.tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

int HeadingLevel(const GumboNode* element) {
  if (element->type != GUMBO_NODE_ELEMENT) return 0;
  switch (element->v.element.tag) {
    case GUMBO_TAG_H1:
      return 1;
    case GUMBO_TAG_H2:
      return 2;
    case GUMBO_TAG_H3:
      return 3;
    case GUMBO_TAG_H4:
      return 4;
    case GUMBO_TAG_H5:
      return 5;
    case GUMBO_TAG_H6:
      return 6;
    default:
      return 0;
  }
}

std::string SubtreeText(const GumboNode* node) {
  InlineText text;
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        text.Append(n->v.text.text);
        continue;
      case GUMBO_NODE_COMMENT:
        continue;
      default:
        break;
    }
    // The root itself is read even when it would be skipped elsewhere: the
    // caller asks for the text of a <title> on purpose.
    if (n != node && IsSkipped(n)) continue;
    if (n->type == GUMBO_NODE_ELEMENT &&
        (n->v.element.tag == GUMBO_TAG_BR || IsBlockElement(n))) {
      text.AppendSpace();
    }
    const GumboVector* children = Children(n);
    if (children == nullptr) continue;
    for (unsigned int i = children->length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
    }
  }
  return text.text();
}

const GumboNode* FindTitleElement(const GumboNode* root) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_ELEMENT) {
      if (n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
        continue;  // <svg><title>
      if (n->v.element.tag == GUMBO_TAG_TITLE) return n;
    }
    const GumboVector* children = Children(n);
    if (children == nullptr || n->type == GUMBO_NODE_TEMPLATE) continue;
    for (unsigned int i = children->length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
    }
  }
  return nullptr;
}

const GumboNode* FindFirstHeading1(const GumboNode* root) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (IsSkipped(n)) continue;
    if (HeadingLevel(n) == 1) {
      if (!SubtreeText(n).empty()) return n;
      continue;
    }
    const GumboVector* children = Children(n);
    if (children == nullptr) continue;
    for (unsigned int i = children->length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
    }
  }
  return nullptr;
}

int SourceLine(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return static_cast<int>(node->v.element.start_pos.line);
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_COMMENT:
    case GUMBO_NODE_WHITESPACE:
      return static_cast<int>(node->v.text.start_pos.line);
    default:
      return 0;
  }
}

}  // namespace evq::html
