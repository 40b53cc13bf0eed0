// The audit as Markdown (GitHub flavour), e.g. for a pull-request comment.
// Article text goes into table cells and quotes, so characters Markdown or
// HTML would interpret are escaped.
#include "audit_internal.h"

namespace evq::internal {

namespace {

// Escapes text for a Markdown table cell: HTML is escaped (GitHub renders
// inline HTML), Markdown punctuation is backslashed, newlines become spaces.
std::string Md(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': case '\r': out += ' '; break;
      case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '#':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void RenderAuditMarkdown(const AuditReport& report, std::string* out) {
  const AuditCounts& t = report.totals;
  *out += "# evq audit\n\n";
  *out += "**" + std::to_string(report.documents.size()) + " documents, " +
          std::to_string(t.claims) + " claims, " + PercentText(t.backed_share) +
          " backed.** Score " + std::to_string(t.score) + "/100: " + t.verdict + ". Findings: " +
          std::to_string(t.findings[2]) + " errors, " + std::to_string(t.findings[1]) +
          " warnings, " + std::to_string(t.findings[0]) + " notes.\n\n";
  *out += "Gate: ";
  if (report.gate.failed) {
    *out += "**failed**";
    for (size_t i = 0; i < report.gate.reasons.size(); ++i) {
      *out += (i ? "; " : ": ") + Md(report.gate.reasons[i]);
    }
  } else {
    *out += "passed";
  }
  *out += "\n\n## Documents\n\n";
  *out += "| document | claims | cited | attributed | dangling | vague | listed | unbacked | "
          "backed | score | verdict | uncited refs | dangling markers |\n";
  *out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n";
  for (const DocumentSummary& d : report.documents) {
    *out += "| " + Md(d.source) + " | " + std::to_string(d.counts.claims);
    for (int i = 0; i < 6; ++i) *out += " | " + std::to_string(d.counts.by_status[i]);
    *out += " | " + PercentText(d.counts.backed_share) + " | " + std::to_string(d.counts.score) +
            " | " + d.counts.verdict + " | " + std::to_string(d.uncited_references.size()) +
            " | " + std::to_string(d.dangling_markers.size()) + " |\n";
  }
  if (!report.conditions.empty()) {
    *out += "\n## Conditions\n\n| condition | documents | claims | backed | score | verdict |\n";
    *out += "|---|---:|---:|---:|---:|---|\n";
    for (const ConditionSummary& c : report.conditions) {
      *out += "| " + Md(c.condition) + " | " + std::to_string(c.documents) + " | " +
              std::to_string(c.counts.claims) + " | " + PercentText(c.counts.backed_share) +
              " | " + std::to_string(c.counts.score) + " | " + c.counts.verdict + " |\n";
    }
  }
  *out += "\n## Findings\n\n";
  if (report.findings.empty()) *out += "None.\n";
  else *out += "| location | severity | rule | message | claim |\n|---|---|---|---|---|\n";
  for (const Finding& f : report.findings) {
    *out += "| " + Md(LocationText(f.document, f.line, f.column)) + " | " +
            AuditSeverityName(f.severity) + " | `" + AuditRuleDescription(f.rule).id + "` | " +
            Md(f.message) + " | " + Md(f.claim) + " |\n";
  }
}

}  // namespace evq::internal
