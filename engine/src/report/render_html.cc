// The audit as one self-contained HTML page: summary, per-document table with
// backed/unbacked bars, per-condition chart (inline SVG), claims grouped by
// status with their references, and a filter box.
//
// Safety: every piece of article text (sources, titles, claims, references,
// markers, condition names) goes through HtmlEscape, in text and attribute
// positions alike. The page loads nothing from the network, and its Content-
// Security-Policy allows only the one inline script below, by its SHA-256, so
// even markup that slipped through could not run script.
#include <algorithm>
#include <cstdio>

#include "audit_internal.h"
#include "audit_sha256.h"

namespace evq::internal {

namespace {

constexpr int kStatusCount = 6;
// Indexed by BackingStatus: cited, attributed, dangling, vague, listed,
// unbacked. Chosen to stay distinct for the common colour blindnesses.
constexpr const char* kStatusColor[kStatusCount] = {"#1b7837", "#5aae61", "#b2182b",
                                                    "#ef8a62", "#c2a5cf", "#878787"};
// The order in which claims are listed: worst first.
constexpr BackingStatus kListOrder[kStatusCount] = {
    BackingStatus::kDangling, BackingStatus::kUnbacked, BackingStatus::kVague,
    BackingStatus::kListed,   BackingStatus::kAttributed, BackingStatus::kCited};

// The filter: hides claim rows whose text does not contain the query. It
// reads textContent and sets `hidden`; it never writes markup.
constexpr char kScript[] =
    "(function(){var box=document.getElementById('filter');"
    "box.addEventListener('input',function(){var q=box.value.toLowerCase();"
    "var rows=document.querySelectorAll('tr.claim');var shown=0;"
    "for(var i=0;i<rows.length;i++){var hit=!q||rows[i].textContent.toLowerCase()"
    ".indexOf(q)>=0;rows[i].hidden=!hit;if(hit)shown++;}"
    "document.getElementById('shown').textContent=shown+' of '+rows.length+' claims';});})();";

constexpr char kStyle[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
    "margin:0 auto;max-width:1100px;padding:24px;color:#1a1a1a;background:#fff}"
    "h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid "
    "#ddd;padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}"
    ".sub{color:#555;margin:0 0 16px}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}"
    ".card{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:130px}"
    ".card b{display:block;font-size:24px}.card span{color:#555;font-size:13px}"
    ".fail{color:#b2182b}.pass{color:#1b7837}"
    "table{border-collapse:collapse;width:100%;font-size:14px}"
    "th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eee;vertical-align:top}"
    "th{background:#f6f6f6}td.n{text-align:right;white-space:nowrap}"
    ".legend span{display:inline-block;margin-right:14px;font-size:13px}"
    ".legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}"
    ".refs{color:#444;font-size:13px;margin:2px 0 0 0;padding-left:18px}"
    ".rule{font:12px monospace;background:#f1f1f1;border-radius:3px;padding:1px 4px;"
    "margin-right:4px}.loc{font:12px monospace;color:#555;white-space:nowrap}"
    "input[type=search]{font-size:15px;padding:6px 8px;width:340px;max-width:100%}"
    ".verdict{font-weight:600}";

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A horizontal stacked bar of the statuses of `c`, `width` px for all claims
// (or for `scale` claims when given, so bars of a chart compare).
std::string StackedBar(const AuditCounts& c, double width, int64_t scale, double height) {
  std::string out = "<svg width=\"" + Num(width) + "\" height=\"" + Num(height) +
                    "\" role=\"img\" aria-label=\"" + HtmlEscape(StatusCountsText(c)) + "\">";
  int64_t total = scale > 0 ? scale : c.claims;
  if (total <= 0) {
    out += "<rect width=\"" + Num(width) + "\" height=\"" + Num(height) + "\" fill=\"#eee\"/>";
    return out + "</svg>";
  }
  double x = 0;
  for (int i = 0; i < kStatusCount; ++i) {
    if (!c.by_status[i]) continue;
    double w = width * static_cast<double>(c.by_status[i]) / static_cast<double>(total);
    out += "<rect x=\"" + Num(x) + "\" width=\"" + Num(w) + "\" height=\"" + Num(height) +
           "\" fill=\"" + kStatusColor[i] + "\"><title>" + std::to_string(c.by_status[i]) + " " +
           BackingStatusName(static_cast<BackingStatus>(i)) + "</title></rect>";
    x += w;
  }
  return out + "</svg>";
}

std::string Legend() {
  std::string out = "<p class=\"legend\">";
  for (int i = 0; i < kStatusCount; ++i) {
    out += "<span><i style=\"background:" + std::string(kStatusColor[i]) + "\"></i>" +
           BackingStatusName(static_cast<BackingStatus>(i)) + "</span>";
  }
  return out + "</p>\n";
}

std::string Card(const std::string& value, const std::string& label, const char* cls = "") {
  return std::string("<div class=\"card\"><b class=\"") + cls + "\">" + value + "</b><span>" +
         label + "</span></div>";
}

void Summary(const AuditReport& r, std::string* out) {
  const AuditCounts& t = r.totals;
  *out += "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">";
  *out += Card(std::to_string(r.documents.size()), "documents");
  *out += Card(std::to_string(t.claims), "claims");
  *out += Card(PercentText(t.backed_share), "backed (cited)");
  *out += Card(std::to_string(t.score) + "/100", "score: " + HtmlEscape(t.verdict));
  *out += Card(std::to_string(t.findings[2]) + " / " + std::to_string(t.findings[1]) + " / " +
                   std::to_string(t.findings[0]),
               "errors / warnings / notes");
  *out += Card(r.gate.failed ? "failed" : "passed", "gate", r.gate.failed ? "fail" : "pass");
  *out += "</div>";
  if (r.gate.failed) {
    *out += "<p class=\"fail\">Gate failed: ";
    for (size_t i = 0; i < r.gate.reasons.size(); ++i) {
      *out += (i ? "; " : "") + HtmlEscape(r.gate.reasons[i]);
    }
    *out += ".</p>";
  }
  *out += "<p>" + StackedBar(t, 600, 0, 22) + "</p>" + Legend();
  if (!r.skipped_documents.empty()) {
    *out += "<p>Skipped by configuration: " + std::to_string(r.skipped_documents.size()) +
            " documents.</p>";
  }
  *out += "</section>\n";
}

void Documents(const AuditReport& r, std::string* out) {
  *out += "<section id=\"documents\"><h2>Documents</h2><table><thead><tr><th>document</th>"
          "<th>claims</th><th>by status</th><th>backed</th><th>score</th><th>verdict</th>"
          "<th>references never cited</th><th>markers with no reference</th></tr></thead><tbody>";
  for (const DocumentSummary& d : r.documents) {
    *out += "<tr><td>" + HtmlEscape(d.source);
    if (!d.title.empty()) *out += "<br><small>" + HtmlEscape(d.title) + "</small>";
    *out += "</td><td class=\"n\">" + std::to_string(d.counts.claims) + "</td><td>" +
            StackedBar(d.counts, 200, 0, 14) + "<br><small>" +
            HtmlEscape(StatusCountsText(d.counts)) + "</small></td><td class=\"n\">" +
            PercentText(d.counts.backed_share) + "</td><td class=\"n\">" +
            std::to_string(d.counts.score) + "</td><td class=\"verdict\">" +
            HtmlEscape(d.counts.verdict) + "</td><td>";
    std::string count =
        std::to_string(d.uncited_references.size()) + " of " + std::to_string(d.references);
    if (d.uncited_references.empty()) {
      *out += count;
    } else {
      // Collapsed: long reference lists would stretch the row.
      *out += "<details><summary>" + count + "</summary><ul class=\"refs\">";
      for (const CslItem& ref : d.uncited_references) {
        *out += "<li>" + HtmlEscape(AuditReferenceLabel(ref)) + "</li>";
      }
      *out += "</ul></details>";
    }
    *out += "</td><td>";
    if (d.dangling_markers.empty()) *out += "none";
    for (const DanglingMarker& m : d.dangling_markers) {
      *out += "<span class=\"loc\">" + HtmlEscape(m.marker) +
              (m.line > 0 ? " line " + std::to_string(m.line) : std::string()) + "</span> ";
    }
    *out += "</td></tr>\n";
  }
  *out += "</tbody></table></section>\n";
}

void Conditions(const AuditReport& r, std::string* out) {
  *out += "<section id=\"conditions\"><h2>Conditions</h2>";
  if (r.conditions.empty()) {
    *out += "<p>No claim names a known condition.</p></section>\n";
    return;
  }
  // One bar per condition, scaled to the condition with the most claims.
  constexpr double kLabel = 230, kBar = 560, kRow = 24, kTextW = 260;
  size_t n = r.conditions.size();
  int64_t max = 1;
  for (const ConditionSummary& c : r.conditions) max = std::max(max, c.counts.claims);
  double height = kRow * static_cast<double>(n) + 8;
  *out += "<svg id=\"condition-chart\" width=\"" + Num(kLabel + kBar + kTextW) + "\" height=\"" +
          Num(height) + "\" role=\"img\" aria-label=\"claims per condition by status\" "
          "font-size=\"13\">";
  for (size_t i = 0; i < n; ++i) {
    const ConditionSummary& c = r.conditions[i];
    double y = kRow * static_cast<double>(i) + 4;
    *out += "<text x=\"" + Num(kLabel - 8) + "\" y=\"" + Num(y + 15) +
            "\" text-anchor=\"end\">" + HtmlEscape(c.condition) + "</text>";
    *out += "<g transform=\"translate(" + Num(kLabel) + "," + Num(y + 2) + ")\">" +
            StackedBar(c.counts, kBar, max, 16) + "</g>";
    double bar_end = kBar * static_cast<double>(c.counts.claims) / static_cast<double>(max);
    *out += "<text x=\"" + Num(kLabel + bar_end + 6) + "\" y=\"" + Num(y + 15) + "\">" +
            std::to_string(c.counts.claims) + (c.counts.claims == 1 ? " claim, " : " claims, ") +
            PercentText(c.counts.backed_share) +
            " backed</text>";
  }
  *out += "</svg>" + Legend();
  *out += "<table><thead><tr><th>condition</th><th>documents</th><th>claims</th><th>backed</th>"
          "<th>score</th><th>verdict</th></tr></thead><tbody>";
  for (const ConditionSummary& c : r.conditions) {
    *out += "<tr><td>" + HtmlEscape(c.condition) + "</td><td class=\"n\">" +
            std::to_string(c.documents) + "</td><td class=\"n\">" +
            std::to_string(c.counts.claims) + "</td><td class=\"n\">" +
            PercentText(c.counts.backed_share) + "</td><td class=\"n\">" +
            std::to_string(c.counts.score) + "</td><td>" + HtmlEscape(c.counts.verdict) +
            "</td></tr>";
  }
  *out += "</tbody></table></section>\n";
}

void Claims(const AuditReport& r, std::string* out) {
  *out += "<section id=\"claims\"><h2>Claims by status</h2>"
          "<p><label for=\"filter\">Filter: </label><input id=\"filter\" type=\"search\" "
          "placeholder=\"words in the claim, document, rule or reference\" "
          "autocomplete=\"off\"> <span id=\"shown\">" +
          std::to_string(r.claims.size()) + " claims</span></p>";
  // The findings of each claim, by claim index.
  std::vector<std::vector<const Finding*>> findings(r.claims.size());
  for (const Finding& f : r.findings) {
    if (f.claim_index < findings.size()) findings[f.claim_index].push_back(&f);
  }
  for (BackingStatus status : kListOrder) {
    int64_t count = r.totals.by_status[static_cast<int>(status)];
    if (count == 0) continue;
    *out += "<h3 id=\"status-" + std::string(BackingStatusName(status)) + "\">" +
            BackingStatusName(status) + " (" + std::to_string(count) + ")</h3>";
    *out += "<table><thead><tr><th>where</th><th>claim</th><th>findings</th></tr></thead><tbody>";
    for (size_t i = 0; i < r.claims.size(); ++i) {
      const AuditClaim& c = r.claims[i];
      const Sentence& s = c.sentence;
      if (s.status != status) continue;
      *out += "<tr class=\"claim\"><td class=\"loc\">" +
              HtmlEscape(LocationText(c.document, s.line, s.column)) + "</td><td>" +
              HtmlEscape(s.text);
      if (!s.backing_phrase.empty()) {
        *out += "<br><small>backing: \"" + HtmlEscape(s.backing_phrase) + "\"</small>";
      }
      if (!s.citations.empty()) {
        *out += "<ul class=\"refs\">";
        for (const Citation& cit : s.citations) {
          if (cit.references.empty()) {
            *out += "<li>" + HtmlEscape(cit.marker) + " &rarr; <b>no such reference</b></li>";
          }
          for (int ref : cit.references) {
            if (ref < 0 || static_cast<size_t>(ref) >= c.references.size()) continue;
            *out += "<li>" + HtmlEscape(cit.marker) + " &rarr; " +
                    HtmlEscape(AuditReferenceLabel(c.references[ref])) + "</li>";
          }
        }
        *out += "</ul>";
      }
      *out += "</td><td>";
      for (const Finding* f : findings[i]) {
        *out += "<span class=\"rule\" title=\"" + HtmlEscape(f->message) + "\">" +
                AuditSeverityName(f->severity) + " " + AuditRuleDescription(f->rule).id +
                "</span>";
      }
      *out += "</td></tr>\n";
    }
    *out += "</tbody></table>";
  }
  *out += "</section>\n";
}

void Rules(const AuditReport& r, std::string* out) {
  *out += "<section id=\"rules\"><h2>Rules</h2><table><thead><tr><th>rule</th><th>severity</th>"
          "<th>what it means</th></tr></thead><tbody>";
  for (const AuditRuleInfo& rule : AuditRules()) {
    int i = static_cast<int>(rule.rule);
    *out += "<tr><td class=\"loc\">" + std::string(rule.id) + "</td><td>" +
            (r.options.enabled[i] ? AuditSeverityName(r.options.severity[i]) : "off") +
            "</td><td>" + HtmlEscape(rule.help) + "</td></tr>";
  }
  *out += "</tbody></table></section>\n";
}

}  // namespace

void RenderAuditHtml(const AuditReport& report, std::string* out) {
  *out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'; script-src 'sha256-" +
          Sha256Base64(kScript) +
          "'\">"
          "<title>evq audit</title><style>" +
          std::string(kStyle) + "</style></head><body>\n";
  *out += "<h1>evq audit</h1><p class=\"sub\">Which health claims are backed by references. "
          "Generated by evq " +
          HtmlEscape(report.tool_version) + "; report schema " +
          std::to_string(report.schema_version) + ".</p>\n";
  Summary(report, out);
  Documents(report, out);
  Conditions(report, out);
  Claims(report, out);
  Rules(report, out);
  *out += "<script>" + std::string(kScript) + "</script>\n</body></html>\n";
}

}  // namespace evq::internal
