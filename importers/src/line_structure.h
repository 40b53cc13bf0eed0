// Recovering document structure from lines of plain text or Markdown.
//
// Web pages saved as text lose their markup: headings become short lines,
// list bullets may stand on their own line ("-" then the item on the next
// line), reference lists follow a "References" line. This module classifies
// lines into Blocks; the text and Markdown importers share it.
#ifndef EVQ_IMPORTERS_LINE_STRUCTURE_H_
#define EVQ_IMPORTERS_LINE_STRUCTURE_H_

#include <string>
#include <string_view>

#include "evq/document.h"

namespace evq::internal {

struct LineStructureOptions {
  bool markdown = false;  // '#' headings, joined paragraph lines, <!-- -->
};

// Fills doc->blocks, doc->title and doc->has_reference_list from doc->text.
void StructureLines(Document* doc, const LineStructureOptions& options);

// True when `line` (trimmed) names a reference list: "References",
// "Sources:", "Works Cited", "Bibliography", ...
bool IsReferenceHeadingText(std::string_view line);

// The kind of boilerplate section a heading opens, if any.
enum class BoilerplateSection { kNone, kNotice, kComments };
BoilerplateSection ClassifyBoilerplateHeading(std::string_view line);

}  // namespace evq::internal

#endif  // EVQ_IMPORTERS_LINE_STRUCTURE_H_
