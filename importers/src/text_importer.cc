// Plain text and Markdown importers: the text is kept byte for byte, so
// offsets in the document are offsets in the file; structure comes from
// line_structure.
#include <string>

#include "evq/import.h"
#include "line_structure.h"

namespace evq {

Document ImportText(const std::string& source, std::string text) {
  Document doc;
  doc.source = source;
  doc.format = "text";
  doc.text = std::move(text);
  internal::StructureLines(&doc, internal::LineStructureOptions{});
  return doc;
}

Document ImportMarkdown(const std::string& source, std::string text) {
  Document doc;
  doc.source = source;
  doc.format = "markdown";
  doc.text = std::move(text);
  internal::LineStructureOptions options;
  options.markdown = true;
  internal::StructureLines(&doc, options);
  return doc;
}

}  // namespace evq
