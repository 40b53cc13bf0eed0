// The audit as CSV: one row per claim, with its findings' rule ids, so a
// spreadsheet can sort and filter claims (RFC 4180 quoting).
#include "audit_internal.h"

namespace evq::internal {

namespace {

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

}  // namespace

void RenderAuditCsv(const AuditReport& report, std::string* out) {
  *out +=
      "document,line,column,start,end,status,kind,hedged,negated,conditions,"
      "context_conditions,markers,references,findings,severity,text\n";
  // Findings are in claim order; walk both at once.
  size_t f = 0;
  for (size_t i = 0; i < report.claims.size(); ++i) {
    const AuditClaim& c = report.claims[i];
    const Sentence& s = c.sentence;
    std::vector<std::string> rules;
    int worst = -1;
    while (f < report.findings.size() && report.findings[f].claim_index == i) {
      rules.push_back(AuditRuleDescription(report.findings[f].rule).id);
      worst = std::max(worst, static_cast<int>(report.findings[f].severity));
      ++f;
    }
    std::vector<std::string> markers, refs;
    for (const Citation& cit : s.citations) markers.push_back(cit.marker);
    for (const CslItem& r : c.references) refs.push_back(AuditReferenceLabel(r));
    *out += CsvEscape(c.document) + "," + std::to_string(s.line) + "," +
            std::to_string(s.column) + "," + std::to_string(s.start) + "," +
            std::to_string(s.end) + "," + BackingStatusName(s.status) + "," +
            ClaimKindName(s.kind) + "," + (s.hedged ? "true" : "false") + "," +
            (s.negated ? "true" : "false") + "," + CsvEscape(Join(s.conditions, ";")) + "," +
            CsvEscape(Join(s.context_conditions, ";")) + "," + CsvEscape(Join(markers, " ")) +
            "," + CsvEscape(Join(refs, " | ")) + "," + CsvEscape(Join(rules, ";")) + "," +
            (worst < 0 ? "" : AuditSeverityName(static_cast<AuditSeverity>(worst))) + "," +
            CsvEscape(s.text) + "\n";
  }
}

}  // namespace evq::internal
