// The HTML importer: gumbo's tree -> Document blocks, reference list and
// markup citations.
//
// One pass over the tree in reading order. Text accumulates in an InlineText
// until a block element starts or ends; then it becomes a Block whose role
// comes from the innermost role-giving ancestor (heading, list item, table
// cell, caption; a paragraph otherwise) and from whether we are inside a
// reference list. Citation markers (<sup>1</sup>, <a href="#ref2">) are
// recorded as spans of the pending block and resolved to reference numbers
// only at the end, because the reference list usually follows the text that
// cites it.
#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "evq/document.h"
#include "evq/import.h"
#include "html_dom.h"
#include "html_markers.h"
#include "html_text.h"

namespace evq {
namespace {

using html::AnchorInfo;
using html::InlineText;
using html::NumberRange;
using html::PendingMarker;

// Deeper trees are cut (with a diagnostic): real articles nest a few dozen
// levels, and the walk recurses once per level.
constexpr int kMaxDepth = 1000;
// Beyond this many open elements in the source, parsing alone would take
// seconds (gumbo is quadratic in depth); the input is cut there.
constexpr int kMaxSourceDepth = 5000;
// heading_ref_level_ for a reference list introduced by a paragraph
// ("<p><b>References:</b></p>"): any real heading ends it.
constexpr int kEndsAtAnyHeading = 7;

bool IsTag(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

bool IsListElement(const GumboNode* node) {
  return IsTag(node, GUMBO_TAG_OL) || IsTag(node, GUMBO_TAG_UL) ||
         IsTag(node, GUMBO_TAG_MENU) || IsTag(node, GUMBO_TAG_DIR);
}

// <ol class="references">, <div id="bibliography">, <section
// role="doc-endnotes"> (the DPUB-ARIA roles that Pandoc and publishers use).
bool IsReferenceContainer(const GumboNode* node) {
  if (!IsListElement(node) && !IsTag(node, GUMBO_TAG_SECTION) &&
      !IsTag(node, GUMBO_TAG_DIV)) {
    return false;
  }
  std::string_view role = html::Attribute(node, "role");
  return role == "doc-bibliography" || role == "doc-endnotes" ||
         html::NamesReferenceList(html::Attribute(node, "class")) ||
         html::NamesReferenceList(html::Attribute(node, "id"));
}

// The <section> a heading belongs to: the list it names ends with it.
const GumboNode* EnclosingSection(const GumboNode* heading) {
  if (heading == nullptr) return nullptr;
  for (const GumboNode* p = heading->parent; p != nullptr; p = p->parent) {
    if (IsTag(p, GUMBO_TAG_SECTION)) return p;
    if (IsTag(p, GUMBO_TAG_ARTICLE) || IsTag(p, GUMBO_TAG_MAIN) ||
        IsTag(p, GUMBO_TAG_BODY)) {
      return nullptr;
    }
  }
  return nullptr;
}

class HtmlWalker {
 public:
  explicit HtmlWalker(Document* doc) : doc_(doc) {}

  void Run(const GumboNode* root) {
    EmitTitle(root);
    Visit(root, 0);
    Flush();
    doc_->markup_citations =
        html::ResolveMarkers(markers_, doc_->text, entry_by_id_, known_ids_);
  }

 private:
  struct Context {
    BlockRole role = BlockRole::kParagraph;
    int level = 0;
  };

  void EmitTitle(const GumboNode* root);
  void Visit(const GumboNode* node, int depth);
  void VisitChildren(const GumboNode* node, int depth);
  void VisitElement(const GumboNode* node, int depth);
  void VisitBlock(const GumboNode* node, int depth);
  void VisitSup(const GumboNode* node, int depth);
  void VisitAnchor(const GumboNode* node, int depth);
  void NoteComment(std::string_view text);
  void NoteId(const GumboNode* node);
  void AppendText(std::string_view text);
  void Break();
  void Flush();
  void EmitBlock(BlockRole role, int level);
  std::string LeadInForNewList() const;
  // The non-space part of buf_[begin, buf_.size()).
  std::pair<size_t, size_t> TrimmedTail(size_t begin) const;

  Document* doc_;
  // The <h1> already emitted as the title, skipped by the walk.
  const GumboNode* title_heading_ = nullptr;
  InlineText buf_;
  bool last_was_break_ = false;
  // Bumped at every flush: a marker whose element straddles a block
  // boundary has no single span, so it is dropped.
  uint64_t generation_ = 0;
  Context ctx_;
  // The heading whose text is in buf_.
  const GumboNode* heading_node_ = nullptr;
  int list_depth_ = 0;
  std::vector<std::string> lead_ins_;  // one per open list
  int ref_container_depth_ = 0;
  int heading_ref_level_ = 0;  // > 0 while under a reference-list heading
  const GumboNode* heading_ref_section_ = nullptr;  // its <section>, if any
  int entry_count_ = 0;
  bool in_reference_item_ = false;  // inside an <li> of the reference list
  std::vector<AnchorInfo>* sup_anchors_ = nullptr;  // set inside a <sup>
  std::vector<PendingMarker> block_markers_;
  std::vector<PendingMarker> markers_;
  std::vector<std::string> pending_ids_;  // ids opened since the last block
  std::unordered_map<std::string, int> entry_by_id_;
  std::unordered_set<std::string> known_ids_;
  bool ignore_next_ = false;
  bool ignore_after_current_ = false;
  bool depth_reported_ = false;
};

void HtmlWalker::EmitTitle(const GumboNode* root) {
  std::string title;
  if (const GumboNode* t = html::FindTitleElement(root))
    title = html::SubtreeText(t);
  const GumboNode* h1 = html::FindFirstHeading1(root);
  if (h1 != nullptr && (title.empty() || html::SubtreeText(h1) == title)) {
    if (title.empty()) title = html::SubtreeText(h1);
    title_heading_ = h1;
  }
  doc_->title = title;
  if (title.empty()) return;
  Block block;
  block.role = BlockRole::kTitle;
  block.start = doc_->text.size();
  doc_->text += title;
  block.end = doc_->text.size();
  doc_->text += '\n';
  doc_->blocks.push_back(block);
}

void HtmlWalker::Visit(const GumboNode* node, int depth) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      VisitChildren(node, depth);
      return;
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      AppendText(node->v.text.text);
      return;
    case GUMBO_NODE_COMMENT:
      NoteComment(node->v.text.text);
      return;
    case GUMBO_NODE_ELEMENT:
      if (depth >= kMaxDepth) {
        if (!depth_reported_) {
          depth_reported_ = true;
          Diagnostic d;
          d.severity = Diagnostic::Severity::kWarning;
          d.file = doc_->source;
          d.line = html::SourceLine(node);
          d.offset = node->v.element.start_pos.offset;
          d.message = "HTML nested deeper than " + std::to_string(kMaxDepth) +
                      " elements; the content below that depth was skipped";
          doc_->diagnostics.push_back(std::move(d));
        }
        return;
      }
      VisitElement(node, depth);
      return;
    case GUMBO_NODE_TEMPLATE:
      return;
  }
}

void HtmlWalker::VisitChildren(const GumboNode* node, int depth) {
  const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT
                                    ? node->v.document.children
                                    : node->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    Visit(static_cast<const GumboNode*>(children.data[i]), depth + 1);
  }
}

void HtmlWalker::VisitElement(const GumboNode* node, int depth) {
  if (node == title_heading_ || html::IsSkipped(node)) {
    // A skipped box (<aside>, a hidden <div>) still separates the text
    // around it; a skipped inline element (<script>, <button>) does not.
    if (html::IsBlockElement(node)) Flush();
    return;
  }
  if (IsTag(node, GUMBO_TAG_BR)) {
    Break();
    return;
  }
  if (html::IsBlockElement(node)) {
    VisitBlock(node, depth);
    return;
  }
  NoteId(node);
  if (IsTag(node, GUMBO_TAG_SUP)) {
    VisitSup(node, depth);
  } else if (IsTag(node, GUMBO_TAG_A)) {
    VisitAnchor(node, depth);
  } else {
    VisitChildren(node, depth);
  }
}

void HtmlWalker::VisitBlock(const GumboNode* node, int depth) {
  if (in_reference_item_ && html::HeadingLevel(node) == 0 &&
      !IsListElement(node) && !IsTag(node, GUMBO_TAG_LI)) {
    // <li><p>Smith J.</p><p>doi:...</p></li> is one reference, not two:
    // splitting it would shift the numbers of all entries after it.
    NoteId(node);
    buf_.AppendSpace();
    VisitChildren(node, depth);
    buf_.AppendSpace();
    return;
  }
  Flush();
  NoteId(node);
  const bool saved_in_reference_item = in_reference_item_;
  if (IsTag(node, GUMBO_TAG_LI) &&
      (ref_container_depth_ > 0 || heading_ref_level_ > 0)) {
    in_reference_item_ = true;
  }
  const Context saved = ctx_;
  const GumboNode* saved_heading = heading_node_;
  if (int level = html::HeadingLevel(node); level > 0) {
    ctx_ = {BlockRole::kHeading, level};
    heading_node_ = node;
  } else if (IsTag(node, GUMBO_TAG_LI)) {
    ctx_ = {BlockRole::kListItem, list_depth_ > 0 ? list_depth_ : 1};
  } else if (IsTag(node, GUMBO_TAG_TD) || IsTag(node, GUMBO_TAG_TH)) {
    ctx_ = {BlockRole::kTableCell, 0};
  } else if (IsTag(node, GUMBO_TAG_FIGCAPTION) ||
             IsTag(node, GUMBO_TAG_CAPTION)) {
    ctx_ = {BlockRole::kCaption, 0};
  }
  const bool is_list = IsListElement(node);
  if (is_list) {
    lead_ins_.push_back(LeadInForNewList());
    ++list_depth_;
  }
  const bool is_ref_container = IsReferenceContainer(node);
  if (is_ref_container) {
    ++ref_container_depth_;
    doc_->has_reference_list = true;
  }

  VisitChildren(node, depth);
  Flush();

  if (is_ref_container) --ref_container_depth_;
  if (is_list) {
    --list_depth_;
    lead_ins_.pop_back();
  }
  ctx_ = saved;
  heading_node_ = saved_heading;
  in_reference_item_ = saved_in_reference_item;
  if (node == heading_ref_section_) {
    heading_ref_level_ = 0;
    heading_ref_section_ = nullptr;
  }
}

void HtmlWalker::VisitSup(const GumboNode* node, int depth) {
  if (sup_anchors_ != nullptr) {  // nested <sup>: part of the outer marker
    VisitChildren(node, depth);
    return;
  }
  std::vector<AnchorInfo> anchors;
  sup_anchors_ = &anchors;
  const size_t begin = buf_.size();
  const uint64_t generation = generation_;
  VisitChildren(node, depth);
  sup_anchors_ = nullptr;
  if (generation != generation_) return;
  auto [start, end] = TrimmedTail(begin);
  if (start == end) return;
  std::string_view text =
      std::string_view(buf_.text()).substr(start, end - start);
  std::vector<NumberRange> ranges;
  if (html::ParseCitationNumbers(text, &ranges) &&
      !html::EndsWithExponentBase(
          std::string_view(buf_.text()).substr(0, start))) {
    block_markers_.push_back({start, end, true, std::move(anchors)});
    return;
  }
  // Not a numeric marker ("<sup><a href="#r1">a</a></sup>"): its anchors
  // may still point into the reference list on their own.
  for (AnchorInfo& anchor : anchors) {
    block_markers_.push_back(
        {anchor.start, anchor.end, false, {std::move(anchor)}});
  }
}

void HtmlWalker::VisitAnchor(const GumboNode* node, int depth) {
  std::string_view href = html::Attribute(node, "href");
  const size_t hash = href.find('#');
  if (hash == std::string_view::npos) {
    VisitChildren(node, depth);
    return;
  }
  const size_t begin = buf_.size();
  const size_t markers_before = block_markers_.size();
  const uint64_t generation = generation_;
  VisitChildren(node, depth);
  if (generation != generation_) return;
  auto [start, end] = TrimmedTail(begin);
  if (start == end) return;
  AnchorInfo anchor{html::PercentDecode(href.substr(hash + 1)), hash == 0,
                    start, end};
  // <a href="#fn1"><sup>1</sup></a> (Pandoc, many CMSs): one marker, the
  // <sup>'s, which this anchor resolves.
  bool attached = false;
  for (size_t i = markers_before; i < block_markers_.size(); ++i) {
    if (block_markers_[i].from_sup) {
      block_markers_[i].anchors.push_back(anchor);
      attached = true;
    }
  }
  if (attached) return;
  if (sup_anchors_ != nullptr) {
    sup_anchors_->push_back(std::move(anchor));
  } else {
    block_markers_.push_back({start, end, false, {std::move(anchor)}});
  }
}

void HtmlWalker::NoteComment(std::string_view text) {
  if (text.find("evq-ignore") == std::string_view::npos) return;
  // The mark is for the block that follows the comment, not for the one
  // whose text is already accumulating around it.
  if (buf_.empty()) {
    ignore_next_ = true;
  } else {
    ignore_after_current_ = true;
  }
}

void HtmlWalker::NoteId(const GumboNode* node) {
  std::string_view id = html::Attribute(node, "id");
  if (id.empty()) return;
  known_ids_.emplace(id);
  // The id of a whole list or section names the list, not its first entry.
  if (IsListElement(node) || IsTag(node, GUMBO_TAG_DL) ||
      IsTag(node, GUMBO_TAG_TABLE) || IsTag(node, GUMBO_TAG_SECTION) ||
      IsTag(node, GUMBO_TAG_ARTICLE) || IsTag(node, GUMBO_TAG_MAIN) ||
      IsTag(node, GUMBO_TAG_BODY) || IsReferenceContainer(node)) {
    return;
  }
  pending_ids_.emplace_back(id);
}

void HtmlWalker::AppendText(std::string_view text) {
  const size_t before = buf_.size();
  buf_.Append(text);
  if (buf_.size() != before) last_was_break_ = false;
}

void HtmlWalker::Break() {
  // One <br> is a line break inside the paragraph; two in a row are how many
  // pages separate paragraphs.
  if (last_was_break_) {
    Flush();
    return;
  }
  buf_.AppendSpace();
  last_was_break_ = true;
}

void HtmlWalker::Flush() {
  ++generation_;
  last_was_break_ = false;
  if (buf_.empty()) {
    block_markers_.clear();
    return;
  }
  BlockRole role = ctx_.role;
  int level = ctx_.level;
  const bool in_reference_list =
      ref_container_depth_ > 0 || heading_ref_level_ > 0;
  if (role == BlockRole::kHeading) {
    if (heading_ref_level_ > 0 && level <= heading_ref_level_) {
      heading_ref_level_ = 0;
      heading_ref_section_ = nullptr;
    }
    if (html::IsReferenceHeadingText(buf_.text())) {
      role = BlockRole::kReferenceHeading;
      // "Notes" (h3) under "References" (h2) does not narrow the list.
      if (heading_ref_level_ == 0) {
        heading_ref_level_ = level;
        heading_ref_section_ = EnclosingSection(heading_node_);
      }
    }
  } else if (role == BlockRole::kParagraph &&
             html::IsReferenceHeadingText(buf_.text())) {
    // "<p><strong>References:</strong></p>": a heading in all but markup.
    role = BlockRole::kReferenceHeading;
    if (heading_ref_level_ == 0) heading_ref_level_ = kEndsAtAnyHeading;
  } else if (in_reference_list &&
             (role == BlockRole::kParagraph || role == BlockRole::kListItem)) {
    role = BlockRole::kReferenceEntry;
  }
  if (role == BlockRole::kReferenceHeading) doc_->has_reference_list = true;
  EmitBlock(role, level);
}

void HtmlWalker::EmitBlock(BlockRole role, int level) {
  Block block;
  block.role = role;
  block.level = level;
  block.start = doc_->text.size();
  doc_->text += buf_.text();
  block.end = doc_->text.size();
  doc_->text += '\n';
  if (role == BlockRole::kListItem && !lead_ins_.empty())
    block.lead_in = lead_ins_.back();
  block.ignored = ignore_next_;
  ignore_next_ = ignore_after_current_;
  ignore_after_current_ = false;
  if (role == BlockRole::kReferenceEntry) {
    ++entry_count_;
    for (const std::string& id : pending_ids_)
      entry_by_id_.emplace(id, entry_count_);
  }
  // Numbers inside a reference entry or heading are page numbers, years and
  // back-links, not citations.
  if (role != BlockRole::kReferenceEntry &&
      role != BlockRole::kReferenceHeading) {
    for (PendingMarker& m : block_markers_) {
      m.start += block.start;
      m.end += block.start;
      for (AnchorInfo& a : m.anchors) {
        a.start += block.start;
        a.end += block.start;
      }
      markers_.push_back(std::move(m));
    }
  }
  doc_->blocks.push_back(std::move(block));
  block_markers_.clear();
  pending_ids_.clear();
  buf_.Clear();
}

std::string HtmlWalker::LeadInForNewList() const {
  // "When it becomes restricted, it can:" right before the list.
  if (doc_->blocks.empty()) return "";
  const Block& last = doc_->blocks.back();
  if (last.role == BlockRole::kTitle ||
      last.role == BlockRole::kReferenceEntry ||
      last.role == BlockRole::kReferenceHeading || last.end == last.start ||
      doc_->text[last.end - 1] != ':') {
    return "";
  }
  return doc_->text.substr(last.start, last.end - last.start);
}

std::pair<size_t, size_t> HtmlWalker::TrimmedTail(size_t begin) const {
  const std::string& t = buf_.text();
  size_t start = std::min(begin, t.size());
  size_t end = t.size();
  while (start < end && t[start] == ' ') ++start;
  while (end > start && t[end - 1] == ' ') --end;
  return {start, end};
}

}  // namespace

Document ImportHtml(const std::string& source, std::string_view html) {
  Document doc;
  doc.source = source;
  doc.format = "html";
  // gumbo wants a NUL-terminated buffer for its error reporting.
  std::string input(html);
  if (size_t cut = html::DeepNestingCutOffset(input, kMaxSourceDepth);
      cut != std::string::npos) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::kWarning;
    d.file = source;
    d.line =
        static_cast<int>(std::count(input.begin(), input.begin() + cut, '\n')) +
        1;
    d.offset = cut;
    d.message = "HTML nested deeper than " + std::to_string(kMaxSourceDepth) +
                " elements; the rest of the file was not read";
    doc.diagnostics.push_back(std::move(d));
    input.resize(cut);
  }
  GumboOptions options = kGumboDefaultOptions;
  // Parse errors are routine on the web and never reported; do not keep them.
  options.max_errors = 0;
  GumboOutput* output =
      gumbo_parse_with_options(&options, input.c_str(), input.size());
  if (output == nullptr) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::kError;
    d.file = source;
    d.message = "the HTML parser gave up on this input; nothing was imported";
    doc.diagnostics.push_back(std::move(d));
    return doc;
  }
  HtmlWalker walker(&doc);
  walker.Run(output->document);
  gumbo_destroy_output(&options, output);
  return doc;
}

}  // namespace evq
