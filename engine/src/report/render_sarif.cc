// The audit as SARIF 2.1.0, the format GitHub code scanning uploads take:
// one run, the rules table as the driver's rules (with help text), one result
// per finding with a physical location.
#include <nlohmann/json.hpp>

#include "audit_internal.h"

namespace evq::internal {

namespace {

using nlohmann::json;

const char* Level(AuditSeverity s) {
  switch (s) {
    case AuditSeverity::kError:
      return "error";
    case AuditSeverity::kWarning:
      return "warning";
    case AuditSeverity::kNote:
      return "note";
  }
  return "warning";
}

// A source path as a relative URI reference (RFC 3986): percent-encodes what
// may not appear in a path; '/' stays. Backslashes become '/'.
std::string PathUri(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (c == '\\') c = '/';
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                 (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                 c == '~' || c == '/' || c == ':' || c == '@' || c == '!' ||
                 c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' ||
                 c == '*' || c == '+' || c == ',' || c == ';' || c == '=';
    // A ':' before the first '/' would read as a scheme.
    if (c == ':' && out.find('/') == std::string::npos) plain = false;
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

void RenderAuditSarif(const AuditReport& report, std::string* out) {
  json rules = json::array();
  for (const AuditRuleInfo& r : AuditRules()) {
    int i = static_cast<int>(r.rule);
    json rule = {
        {"id", r.id},
        {"name", r.id},
        {"shortDescription", {{"text", r.summary}}},
        {"fullDescription", {{"text", r.help}}},
        {"help",
         {{"text", r.help},
          {"markdown", std::string("**") + r.summary + "**\n\n" + r.help}}},
        {"defaultConfiguration",
         {{"level", Level(report.options.severity[i])},
          {"enabled", report.options.enabled[i]}}},
        {"properties", {{"tags", json::array({"documentation", "evidence"})}}},
    };
    rules.push_back(std::move(rule));
  }
  // Written by hand around the results, which go one at a time (see
  // AppendJsonIndented), in the key order json (a sorted map) prints.
  auto result_of = [&](const Finding& f) {
    json region = json::object();
    json physical = {{"artifactLocation", {{"uri", PathUri(f.document)}}}};
    if (f.line > 0) {
      region["startLine"] = f.line;
      region["startColumn"] = f.column > 0 ? f.column : 1;
      region["snippet"] = {{"text", f.claim}};
      physical["region"] = region;
    }
    std::string message = f.message + ": \"" + f.claim + "\"";
    json result = {
        {"ruleId", AuditRuleDescription(f.rule).id},
        {"ruleIndex", static_cast<int>(f.rule)},
        {"level", Level(f.severity)},
        {"message", {{"text", message}}},
        {"locations", json::array({{{"physicalLocation", physical}}})},
        // Stable across runs even when lines move: the document and the claim.
        {"partialFingerprints",
         {{"evqClaim/v1", std::to_string(std::hash<std::string>{}(
                              f.document + '\n' + f.claim))}}},
    };
    if (!f.markers.empty()) result["properties"]["markers"] = f.markers;
    return result;
  };
  json tool = {{"driver",
                {{"name", "evq"},
                 {"version", report.tool_version},
                 {"semanticVersion", report.tool_version},
                 {"informationUri", "https://github.com/evq/evq"},
                 {"rules", rules}}}};
  *out +=
      "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n";
  *out +=
      "  \"runs\": [\n    {\n      \"columnKind\": \"unicodeCodePoints\",\n";
  *out += "      \"invocations\": ";
  AppendJsonIndented(json::array({{{"executionSuccessful", true}}}), 3, out);
  *out += ",\n      \"results\": ";
  if (report.findings.empty()) {
    *out += "[]";
  } else {
    *out += "[\n";
    for (size_t i = 0; i < report.findings.size(); ++i) {
      *out += "        ";
      AppendJsonIndented(result_of(report.findings[i]), 4, out);
      *out += i + 1 < report.findings.size() ? ",\n" : "\n";
    }
    *out += "      ]";
  }
  *out += ",\n      \"tool\": ";
  AppendJsonIndented(tool, 3, out);
  *out += "\n    }\n  ],\n  \"version\": \"2.1.0\"\n}";
  *out += "\n";
}

}  // namespace evq::internal
