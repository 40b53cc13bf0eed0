// The audit as versioned JSON (docs/audit-json.md, docs/audit.schema.json).
#include <nlohmann/json.hpp>

#include "audit_internal.h"

namespace evq::internal {

namespace {

using nlohmann::json;

json Csl(const CslItem& item) { return json::parse(CslItemToJson(item)); }

json Counts(const AuditCounts& c) {
  json j;
  j["claims"] = c.claims;
  json by = json::object();
  for (int i = 0; i < 6; ++i) by[BackingStatusName(static_cast<BackingStatus>(i))] = c.by_status[i];
  j["by_status"] = by;
  j["backed_share"] = c.backed_share;
  j["score"] = c.score;
  j["verdict"] = c.verdict;
  j["findings"] = {{"error", c.findings[2]}, {"warning", c.findings[1]}, {"note", c.findings[0]}};
  return j;
}

json Location(int line, int column) {
  if (line <= 0) return nullptr;
  return {{"line", line}, {"column", column > 0 ? column : 1}};
}

}  // namespace

void RenderAuditJson(const AuditReport& report, std::string* out) {
  json j;
  j["schema_version"] = report.schema_version;
  j["tool"] = {{"name", "evq"}, {"version", report.tool_version}};
  json rules = json::array();
  for (const AuditRuleInfo& r : AuditRules()) {
    int i = static_cast<int>(r.rule);
    rules.push_back({{"id", r.id},
                     {"enabled", report.options.enabled[i]},
                     {"severity", AuditSeverityName(report.options.severity[i])},
                     {"default_severity", AuditSeverityName(r.default_severity)},
                     {"summary", r.summary},
                     {"help", r.help}});
  }
  j["rules"] = rules;
  j["totals"] = Counts(report.totals);
  j["totals"]["documents"] = report.documents.size();

  json docs = json::array();
  for (const DocumentSummary& d : report.documents) {
    json dj;
    dj["source"] = d.source;
    dj["title"] = d.title;
    dj["counts"] = Counts(d.counts);
    dj["references"] = d.references;
    json uncited = json::array();
    for (const CslItem& r : d.uncited_references) uncited.push_back(Csl(r));
    dj["uncited_references"] = uncited;
    json markers = json::array();
    for (const DanglingMarker& m : d.dangling_markers) {
      markers.push_back({{"marker", m.marker}, {"location", Location(m.line, m.column)}});
    }
    dj["dangling_markers"] = markers;
    dj["ignored_sentences"] = d.ignored_sentences;
    docs.push_back(std::move(dj));
  }
  j["documents"] = docs;

  json conditions = json::array();
  for (const ConditionSummary& c : report.conditions) {
    conditions.push_back(
        {{"condition", c.condition}, {"documents", c.documents}, {"counts", Counts(c.counts)}});
  }
  j["conditions"] = conditions;

  json claims = json::array();
  for (const AuditClaim& c : report.claims) {
    claims.push_back(json::parse(SentenceToJson(c.document, c.sentence, c.references)));
    claims.back()["findings"] = json::array();
  }
  json findings = json::array();
  for (const Finding& f : report.findings) {
    json fj;
    fj["rule"] = AuditRuleDescription(f.rule).id;
    fj["severity"] = AuditSeverityName(f.severity);
    fj["document"] = f.document;
    fj["location"] = Location(f.line, f.column);
    fj["start"] = f.start;
    fj["end"] = f.end;
    fj["status"] = BackingStatusName(f.status);
    fj["message"] = f.message;
    fj["claim"] = f.claim;
    fj["claim_index"] = f.claim_index;
    fj["markers"] = f.markers;
    json refs = json::array();
    for (const CslItem& r : f.references) refs.push_back(Csl(r));
    fj["references"] = refs;
    if (f.claim_index < claims.size()) claims[f.claim_index]["findings"].push_back(fj["rule"]);
    findings.push_back(std::move(fj));
  }
  j["claims"] = claims;
  j["findings"] = findings;
  j["skipped_documents"] = report.skipped_documents;

  json fail_on = json::array();
  for (AuditRule r : report.options.fail_on) fail_on.push_back(AuditRuleDescription(r).id);
  if (report.options.fail_on_severity) {
    fail_on.push_back(AuditSeverityName(*report.options.fail_on_severity));
  }
  j["gate"] = {{"failed", report.gate.failed},
               {"fail_on", fail_on},
               {"fail_under", report.options.fail_under ? json(*report.options.fail_under)
                                                        : json(nullptr)},
               {"reasons", report.gate.reasons}};
  *out += j.dump(2, ' ', false, json::error_handler_t::replace);
  *out += "\n";
}

}  // namespace evq::internal
