// The audit as one self-contained HTML page (being written).
#include "audit_internal.h"

namespace evq::internal {

void RenderAuditHtml(const AuditReport& report, std::string* out) {
  *out += "<!DOCTYPE html><meta charset=\"utf-8\"><title>evq audit</title><p>" +
          HtmlEscape(std::to_string(report.totals.claims)) + " claims</p>\n";
}

}  // namespace evq::internal
