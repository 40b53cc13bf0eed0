// Shared helpers of the scholarly XML importers (JATS, PubMed, TEI, MeSH):
// checked parsing with file:line:offset errors, entity decoding, text
// gathering, and a builder that lays blocks and markup citations out in
// Document::text.
//
// pugixml parses with entity expansion off (parse_escapes cleared): it would
// keep undeclared entities as literal text without complaint, and we want
// to refuse them. CheckXml validates every reference first; Decode expands
// them when text is taken out of the tree.
#ifndef EVQ_IMPORTERS_XML_UTIL_H_
#define EVQ_IMPORTERS_XML_UTIL_H_

#include <pugixml.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "evq/document.h"
#include "evq/status.h"

namespace evq::xml {

// Longest run of character data between two tags that we accept. Real
// articles have paragraphs of a few kilobytes; a 100 MB text node is an
// attack or a broken export, and refusing it keeps memory bounded.
constexpr size_t kMaxTextRun = size_t{16} << 20;

// Where a piece of XML sits in its file, so errors name file positions even
// when a record was cut out of a larger stream.
struct Origin {
  std::string source;     // the file as given
  size_t base_offset = 0;  // byte offset of the piece in the file
  int base_line = 1;       // line of the piece's first byte
};

// The code point of a named entity from the JATS/HTML sets, 0 if unknown.
char32_t LookupNamedEntity(std::string_view name);

// "FILE:LINE: malformed XML at byte OFFSET: WHAT", OFFSET and LINE in the
// file, for a problem at byte `offset` of `piece`.
Status Malformed(const Origin& origin, std::string_view piece, size_t offset,
                 const std::string& what);

// Parses `buffer` into `doc` (which keeps its own copy; `buffer` is left
// as it was, so error positions can be computed from it). Checks entity references (undeclared names are errors),
// bare '&', and text runs over kMaxTextRun before pugixml sees the bytes.
// `entities` receives the internal subset's declarations.
Status ParseChecked(const Origin& origin, std::string* buffer, pugi::xml_document* doc,
                    std::map<std::string, std::string>* entities);

// The document element, or an error "FILE:LINE: unexpected root element
// <NAME> at byte OFFSET: expected WANT" when its local name is not one of
// `names`.
Status CheckRoot(const Origin& origin, std::string_view piece, const pugi::xml_document& doc,
                 const std::vector<std::string_view>& names, std::string_view want,
                 pugi::xml_node* root);

// `raw` with entity and character references expanded (named ones through
// LookupNamedEntity and `entities`); unknown ones are kept as written.
std::string Decode(std::string_view raw, const std::map<std::string, std::string>* entities);

// The element name without a namespace prefix ("mml:math" -> "math").
std::string_view LocalName(const pugi::xml_node& node);
// First child element with local name `name`, or an empty node.
pugi::xml_node Child(const pugi::xml_node& node, std::string_view name);
// All child elements with local name `name`.
std::vector<pugi::xml_node> Children(const pugi::xml_node& node, std::string_view name);
// An attribute value by local name ("xml:lang" found as "lang"), decoded.
std::string Attr(const pugi::xml_node& node, std::string_view name);

// All text under `node`, decoded, white space collapsed and trimmed. With
// `space_between_elements`, a space separates the text of two adjacent
// elements with nothing between them (<surname>Smith</surname><given-names>
// J</given-names> -> "Smith J"), as reference markup needs.
std::string Text(const pugi::xml_node& node, const std::map<std::string, std::string>* entities,
                 bool space_between_elements = false);

// Folds runs of white space to one space and trims both ends.
std::string CollapseSpace(std::string_view s);

// A citation met while laying text out, before its targets are numbered.
struct PendingCitation {
  size_t start = 0;
  size_t end = 0;
  std::vector<std::string> targets;  // ids of the reference entries it names
};

// What the inline walker does with an element inside a block.
enum class InlineAction {
  kDescend,   // its text is part of the block
  kSkip,      // leave it and its text out
  kCitation,  // a citation: record it, with `targets`
  kDefer,     // a block nested in running text (JATS <fig> in <p>): emit after
};

// Lays out blocks in Document::text: blocks are separated by a blank line,
// white space inside a block is collapsed.
class DocBuilder {
 public:
  DocBuilder(Document* doc, const std::map<std::string, std::string>* entities)
      : doc_(doc), entities_(entities) {}

  // Appends `node`'s text as one block with `role`; `classify` says what to
  // do with each descendant element (kDefer nodes are appended to
  // `deferred`). Returns false (and adds nothing) when the text is empty.
  bool AddBlock(const pugi::xml_node& node, BlockRole role, int level, const std::string& language,
                const std::function<InlineAction(const pugi::xml_node&, std::vector<std::string>*)>&
                    classify,
                std::vector<pugi::xml_node>* deferred = nullptr);
  // Appends `text` (already decoded) as one block; false when empty.
  bool AddTextBlock(std::string_view text, BlockRole role, int level = 0,
                    const std::string& language = "");

  std::vector<PendingCitation>& citations() { return citations_; }

 private:
  void Walk(const pugi::xml_node& node,
            const std::function<InlineAction(const pugi::xml_node&, std::vector<std::string>*)>&
                classify,
            std::vector<pugi::xml_node>* deferred, int depth);
  void Append(std::string_view decoded);
  void StartBlock();
  bool FinishBlock(BlockRole role, int level, const std::string& language);

  Document* doc_;
  const std::map<std::string, std::string>* entities_;
  std::vector<PendingCitation> citations_;
  size_t block_start_ = 0;
  size_t first_citation_ = 0;  // citations_ index where the open block's begin
  bool pending_space_ = false;
};

// Turns pending citations into Document::markup_citations: each target id is
// numbered by its position in `ref_ids` (1-based). A range written as two
// citations joined by a dash ("2–4", with or without empty citations in the
// middle, as PLOS writes them) also links the numbers in between, on its
// first citation. Citations whose targets are all unknown keep an empty
// reference_numbers (they dangle).
void ResolveCitations(const std::vector<PendingCitation>& pending,
                      const std::vector<std::string>& ref_ids, Document* doc);

// A reference's fields, from JATS element-citation or TEI biblStruct.
struct RefFields {
  std::vector<std::string> authors;  // "Family GI" or a group name
  bool et_al = false;
  std::string title;      // article or chapter title
  std::string source;     // journal or book title
  std::string year;
  std::string volume;
  std::string issue;
  std::string fpage;
  std::string lpage;
  std::string publisher;
  std::string doi;
  std::string pmid;
  std::string url;
};

// "Family GI, Family GI, et al. Title. Source. Year;Volume(Issue):fpage-lpage.
// doi:DOI. PMID: N" (Vancouver, which ParseReference reads); `label` ("12")
// leads as "12. " when given.
std::string VancouverString(const RefFields& f, std::string_view label);

// "Family GI" from a family name and given names ("John James" -> "JJ";
// "J.-P." -> "JP"). Either may be empty.
std::string VancouverName(std::string_view family, std::string_view given);

// Appends ", " or "" then `s` unless `s` is already in `out` (used for
// retraction_evidence and similar lists).
void AppendUnique(std::string* out, std::string_view sep, std::string_view s);

}  // namespace evq::xml

#endif  // EVQ_IMPORTERS_XML_UTIL_H_
