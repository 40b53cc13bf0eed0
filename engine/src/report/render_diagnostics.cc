// Compiler-style audit output: "file:line:col: severity: message [rule]", one
// finding a line, so editors and Vale-style tooling can jump to each claim.
#include "audit_internal.h"

namespace evq::internal {

namespace {

// Newlines in a claim would break the one-finding-a-line contract.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

// Claims can be long; a diagnostic line quotes only their start.
std::string Excerpt(std::string_view s) {
  constexpr size_t kMax = 80;
  if (s.size() <= kMax) return OneLine(s);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return OneLine(s.substr(0, cut)) + "...";
}

}  // namespace

void RenderAuditDiagnostics(const AuditReport& report, std::string* out) {
  for (const Finding& f : report.findings) {
    *out += LocationText(f.document, f.line, f.column);
    *out += ": ";
    *out += AuditSeverityName(f.severity);
    *out += ": ";
    *out += f.message;
    *out += ": \"" + Excerpt(f.claim) + "\"";
    *out += " [";
    *out += AuditRuleDescription(f.rule).id;
    *out += "]\n";
  }
}

}  // namespace evq::internal
