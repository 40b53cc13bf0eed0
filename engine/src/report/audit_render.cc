// RenderAudit: picks the renderer; helpers the renderers share.
#include <cstdio>

#include "audit_internal.h"
#include "evq/audit.h"

namespace evq {
namespace internal {

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string CsvEscape(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string PercentText(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
  return buf;
}

std::string AuditReferenceLabel(const CslItem& item) { return CslItemLabel(item); }

std::string StatusCountsText(const AuditCounts& counts) {
  std::string out;
  for (int i = 0; i < 6; ++i) {
    if (!counts.by_status[i]) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(counts.by_status[i]) + " " +
           BackingStatusName(static_cast<BackingStatus>(i));
  }
  return out.empty() ? "no claims" : out;
}

std::string LocationText(const std::string& document, int line, int column) {
  if (line <= 0) return document;
  return document + ":" + std::to_string(line) + ":" + std::to_string(column > 0 ? column : 1);
}

}  // namespace internal

Status RenderAudit(const AuditReport& report, AuditFormat format, std::string* out) {
  out->clear();
  switch (format) {
    case AuditFormat::kText: internal::RenderAuditText(report, out); break;
    case AuditFormat::kMarkdown: internal::RenderAuditMarkdown(report, out); break;
    case AuditFormat::kHtml: internal::RenderAuditHtml(report, out); break;
    case AuditFormat::kJson: internal::RenderAuditJson(report, out); break;
    case AuditFormat::kCsv: internal::RenderAuditCsv(report, out); break;
    case AuditFormat::kSarif: internal::RenderAuditSarif(report, out); break;
    case AuditFormat::kDiagnostics: internal::RenderAuditDiagnostics(report, out); break;
  }
  return Status::Ok();
}

}  // namespace evq
