// Names of document-model enums and diagnostic formatting.
#include "evq/document.h"

#include <string>

namespace evq {

const char* BlockRoleName(BlockRole role) {
  switch (role) {
    case BlockRole::kTitle: return "title";
    case BlockRole::kHeading: return "heading";
    case BlockRole::kParagraph: return "paragraph";
    case BlockRole::kListItem: return "list_item";
    case BlockRole::kTableCell: return "table_cell";
    case BlockRole::kCaption: return "caption";
    case BlockRole::kReferenceHeading: return "reference_heading";
    case BlockRole::kReferenceEntry: return "reference_entry";
    case BlockRole::kBoilerplate: return "boilerplate";
  }
  return "paragraph";
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out += ":" + std::to_string(d.line);
  out += ": ";
  switch (d.severity) {
    case Diagnostic::Severity::kNote: out += "note: "; break;
    case Diagnostic::Severity::kWarning: out += "warning: "; break;
    case Diagnostic::Severity::kError: out += "error: "; break;
  }
  out += d.message;
  return out;
}

}  // namespace evq
