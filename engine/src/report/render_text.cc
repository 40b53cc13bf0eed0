// The audit for people on a terminal: totals, then per document its counts,
// uncited references, dangling markers and findings, then per condition.
#include <cstdio>

#include "audit_internal.h"

namespace evq::internal {

namespace {

std::string CountsLine(const AuditCounts& c) {
  std::string out = std::to_string(c.claims) + (c.claims == 1 ? " claim" : " claims");
  if (c.claims > 0) out += " (" + StatusCountsText(c) + ")";
  out += "; backed " + PercentText(c.backed_share) + "; score " + std::to_string(c.score) +
         "/100: " + c.verdict;
  return out;
}

std::string FindingsLine(const std::array<int64_t, 3>& f) {
  return std::to_string(f[2]) + " errors, " + std::to_string(f[1]) + " warnings, " +
         std::to_string(f[0]) + " notes";
}

}  // namespace

void RenderAuditText(const AuditReport& report, std::string* out) {
  *out += "evq audit: " + std::to_string(report.documents.size()) + " documents, " +
          CountsLine(report.totals) + "\n";
  *out += "findings: " + FindingsLine(report.totals.findings) + "\n";
  if (!report.skipped_documents.empty()) {
    *out += "skipped by config: " + std::to_string(report.skipped_documents.size()) +
            " documents\n";
  }
  size_t next_finding = 0;
  for (const DocumentSummary& d : report.documents) {
    *out += "\n" + d.source;
    if (!d.title.empty()) *out += "  (" + d.title + ")";
    *out += "\n  " + CountsLine(d.counts) + "\n";
    *out += "  references: " + std::to_string(d.references) + ", never cited: " +
            std::to_string(d.uncited_references.size()) + "\n";
    for (const CslItem& r : d.uncited_references) {
      *out += "    never cited: " + AuditReferenceLabel(r) + "\n";
    }
    if (!d.dangling_markers.empty()) {
      *out += "  markers with no reference:";
      for (const DanglingMarker& m : d.dangling_markers) {
        *out += " " + m.marker + (m.line > 0 ? " (line " + std::to_string(m.line) + ")" : "");
      }
      *out += "\n";
    }
    if (d.ignored_sentences > 0) {
      *out += "  ignored (evq-ignore): " + std::to_string(d.ignored_sentences) + " sentences\n";
    }
    // Findings come in document order, so this document's are the next run.
    while (next_finding < report.findings.size() &&
           report.findings[next_finding].document == d.source) {
      const Finding& f = report.findings[next_finding++];
      char where[48] = "";
      if (f.line > 0) std::snprintf(where, sizeof where, "%d:%d ", f.line, f.column);
      *out += "  " + std::string(where) + AuditSeverityName(f.severity) + " [" +
              AuditRuleDescription(f.rule).id + "] " + f.message + "\n";
      *out += "      " + f.claim + "\n";
    }
  }
  if (!report.conditions.empty()) {
    *out += "\nconditions\n";
    for (const ConditionSummary& c : report.conditions) {
      *out += "  " + c.condition + ": " + std::to_string(c.documents) +
              (c.documents == 1 ? " document, " : " documents, ") + CountsLine(c.counts) + "\n";
    }
  }
  *out += "\ngate: ";
  if (!report.gate.failed) {
    *out += "passed\n";
  } else {
    *out += "failed:";
    for (size_t i = 0; i < report.gate.reasons.size(); ++i) {
      *out += (i ? "; " : " ") + report.gate.reasons[i];
    }
    *out += "\n";
  }
}

}  // namespace evq::internal
