// The audit rules table and the names of audit enums.
#include <cstring>

#include "evq/audit.h"

namespace evq {

const std::vector<AuditRuleInfo>& AuditRules() {
  // Severities here must match AuditOptions' defaults (audit.h); the test
  // AuditRules.DefaultsMatchTable keeps them in step.
  static const std::vector<AuditRuleInfo> kRules = {
      {AuditRule::kUnbacked, "unbacked", AuditSeverity::kWarning,
       "Claim is not backed by any reference",
       "The sentence makes a health claim but carries no citation, names no findable source, "
       "and the document has no reference list. Add a citation to a reference that supports "
       "it, name the source, or soften or remove the claim."},
      {AuditRule::kVague, "vague", AuditSeverity::kWarning,
       "Claim appeals to unnamed evidence",
       "The claim rests on unnamed evidence or authority (\"studies show\", \"experts "
       "believe\", \"clinically proven\"). Name the study or cite it."},
      {AuditRule::kDangling, "dangling", AuditSeverity::kError,
       "Citation marker resolves to no reference",
       "The sentence carries a citation marker such as (1) or (Smith, 2019) that points at "
       "nothing: the document has no reference list, the number is out of range, or no entry "
       "has that author and year. Add the missing entry or fix the marker."},
      {AuditRule::kListedOnly, "listed-only", AuditSeverity::kNote,
       "Claim is not tied to the reference list",
       "The document has a reference list, but no marker ties this claim to an entry: the "
       "reader cannot tell which reference, if any, backs it. Add an in-text citation."},
      {AuditRule::kCitesRetracted, "cites-retracted", AuditSeverity::kError,
       "Claim cites a retracted work",
       "A reference the claim cites matches a work that an imported authority (PubMed, "
       "Retraction Watch) records as retracted. Replace it. Reported only when such "
       "retraction data has been imported."},
      {AuditRule::kCitesUnresolved, "cites-unresolved", AuditSeverity::kNote,
       "Claim cites a reference that matches no known work",
       "A reference the claim cites could not be matched to a known work (no DOI, PMID or "
       "authority record), so it cannot be checked. Reported only when work resolution has "
       "been run against an imported authority."},
  };
  return kRules;
}

const AuditRuleInfo& AuditRuleDescription(AuditRule rule) {
  return AuditRules()[static_cast<size_t>(rule)];
}

bool ParseAuditRule(std::string_view id, AuditRule* out) {
  for (const AuditRuleInfo& r : AuditRules()) {
    if (id == r.id) {
      *out = r.rule;
      return true;
    }
  }
  return false;
}

const char* AuditSeverityName(AuditSeverity severity) {
  switch (severity) {
    case AuditSeverity::kNote: return "note";
    case AuditSeverity::kWarning: return "warning";
    case AuditSeverity::kError: return "error";
  }
  return "warning";
}

bool ParseAuditSeverity(std::string_view name, AuditSeverity* out) {
  for (AuditSeverity s : {AuditSeverity::kNote, AuditSeverity::kWarning, AuditSeverity::kError}) {
    if (name == AuditSeverityName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

const char* AuditFormatName(AuditFormat format) {
  switch (format) {
    case AuditFormat::kText: return "text";
    case AuditFormat::kMarkdown: return "md";
    case AuditFormat::kHtml: return "html";
    case AuditFormat::kJson: return "json";
    case AuditFormat::kCsv: return "csv";
    case AuditFormat::kSarif: return "sarif";
    case AuditFormat::kDiagnostics: return "diagnostics";
  }
  return "text";
}

bool ParseAuditFormat(std::string_view name, AuditFormat* out) {
  if (name == "markdown") name = "md";
  for (AuditFormat f : {AuditFormat::kText, AuditFormat::kMarkdown, AuditFormat::kHtml,
                        AuditFormat::kJson, AuditFormat::kCsv, AuditFormat::kSarif,
                        AuditFormat::kDiagnostics}) {
    if (name == AuditFormatName(f)) {
      *out = f;
      return true;
    }
  }
  return false;
}

}  // namespace evq
