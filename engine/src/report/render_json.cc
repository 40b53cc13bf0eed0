// The audit as versioned JSON (docs/audit-json.md, docs/audit.schema.json).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "audit_internal.h"
#include "evq/store.h"

namespace evq::internal {

namespace {

using nlohmann::json;

json Csl(const CslItem& item) { return json::parse(CslItemToJson(item)); }

json Counts(const AuditCounts& c) {
  json j;
  j["claims"] = c.claims;
  json by = json::object();
  for (int i = 0; i < 6; ++i)
    by[BackingStatusName(static_cast<BackingStatus>(i))] = c.by_status[i];
  j["by_status"] = by;
  j["backed_share"] = c.backed_share;
  j["score"] = c.score;
  j["verdict"] = c.verdict;
  j["findings"] = {{"error", c.findings[2]},
                   {"warning", c.findings[1]},
                   {"note", c.findings[0]}};
  return j;
}

json Location(int line, int column) {
  if (line <= 0) return nullptr;
  return {{"line", line}, {"column", column > 0 ? column : 1}};
}

// Appends the member `"key": value` of the top-level object (depth 1).
void AppendMember(const char* key, const json& value, bool last,
                  std::string* out) {
  *out += "  ";
  *out += json(key).dump();
  *out += ": ";
  AppendJsonIndented(value, 1, out);
  *out += last ? "\n" : ",\n";
}

// Appends `"key": [ ... ]` with the elements made one at a time by
// `element(i)`; json.dump(2) prints an empty array as "[]".
template <typename Make>
void AppendArrayMember(const char* key, size_t n, const Make& element,
                       std::string* out) {
  *out += "  ";
  *out += json(key).dump();
  *out += ": ";
  if (n == 0) {
    *out += "[],\n";
    return;
  }
  *out += "[\n";
  for (size_t i = 0; i < n; ++i) {
    *out += "    ";
    AppendJsonIndented(element(i), 2, out);
    *out += i + 1 < n ? ",\n" : "\n";
  }
  *out += "  ],\n";
}

}  // namespace

void AppendJsonIndented(const json& j, int depth, std::string* out) {
  std::string text = j.dump(2, ' ', false, json::error_handler_t::replace);
  std::string pad(static_cast<size_t>(depth) * 2, ' ');
  out->reserve(out->size() + text.size() + text.size() / 8);
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    out->append(text, start,
                nl == std::string::npos ? std::string::npos : nl - start + 1);
    if (nl == std::string::npos) break;
    *out += pad;
    start = nl + 1;
  }
}

void RenderAuditJson(const AuditReport& report, std::string* out) {
  // Members in the order json (a sorted map) prints them.
  std::vector<std::vector<std::string>> claim_rules(report.claims.size());
  for (const Finding& f : report.findings) {
    if (f.claim_index < claim_rules.size()) {
      claim_rules[f.claim_index].push_back(AuditRuleDescription(f.rule).id);
    }
  }
  *out += "{\n";
  AppendArrayMember(
      "claims", report.claims.size(),
      [&](size_t i) {
        const AuditClaim& c = report.claims[i];
        json cj = json::parse(
            c.resolutions.empty()
                ? SentenceToJson(c.document, c.sentence, c.references)
                : StoredClaimToJson(StoredClaim{c.document, c.sentence,
                                                c.references, c.resolutions}));
        cj["findings"] = claim_rules[i];
        return cj;
      },
      out);

  json conditions = json::array();
  for (const ConditionSummary& c : report.conditions) {
    conditions.push_back({{"condition", c.condition},
                          {"documents", c.documents},
                          {"counts", Counts(c.counts)}});
  }
  AppendMember("conditions", conditions, false, out);

  AppendArrayMember(
      "documents", report.documents.size(),
      [&](size_t i) {
        const DocumentSummary& d = report.documents[i];
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
          markers.push_back(
              {{"marker", m.marker}, {"location", Location(m.line, m.column)}});
        }
        dj["dangling_markers"] = markers;
        dj["ignored_sentences"] = d.ignored_sentences;
        return dj;
      },
      out);

  AppendArrayMember(
      "findings", report.findings.size(),
      [&](size_t i) {
        const Finding& f = report.findings[i];
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
        return fj;
      },
      out);

  json fail_on = json::array();
  for (AuditRule r : report.options.fail_on)
    fail_on.push_back(AuditRuleDescription(r).id);
  if (report.options.fail_on_severity) {
    fail_on.push_back(AuditSeverityName(*report.options.fail_on_severity));
  }
  AppendMember("gate",
               {{"failed", report.gate.failed},
                {"fail_on", fail_on},
                {"fail_under", report.options.fail_under
                                   ? json(*report.options.fail_under)
                                   : json(nullptr)},
                {"reasons", report.gate.reasons}},
               false, out);

  json rules = json::array();
  for (const AuditRuleInfo& r : AuditRules()) {
    int i = static_cast<int>(r.rule);
    rules.push_back(
        {{"id", r.id},
         {"enabled", report.options.enabled[i]},
         {"severity", AuditSeverityName(report.options.severity[i])},
         {"default_severity", AuditSeverityName(r.default_severity)},
         {"summary", r.summary},
         {"help", r.help}});
  }
  AppendMember("rules", rules, false, out);
  AppendMember("schema_version", report.schema_version, false, out);
  AppendMember("skipped_documents", report.skipped_documents, false, out);
  AppendMember("tool", {{"name", "evq"}, {"version", report.tool_version}},
               false, out);
  json totals = Counts(report.totals);
  totals["documents"] = report.documents.size();
  AppendMember("totals", totals, true, out);
  *out += "}\n";
}

}  // namespace evq::internal
