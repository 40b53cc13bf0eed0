// Internals shared by the audit builder and its renderers.
#ifndef EVQ_REPORT_AUDIT_INTERNAL_H_
#define EVQ_REPORT_AUDIT_INTERNAL_H_

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "evq/audit.h"

namespace evq::internal {

// One document as the builder needs it, whether it came from an Analysis or
// from a Store.
struct AuditDocumentInput {
  std::string source;
  std::string title;
  std::vector<CslItem> references;    // the reference list
  std::vector<bool> reference_cited;  // parallel to references
  std::vector<AuditClaim> claims;     // claims only, in order
  // Markers resolving to nothing in sentences that are not claims (headings,
  // lists); claims' dangling markers are taken from the claims.
  std::vector<DanglingMarker> other_dangling;
  int64_t ignored_sentences = 0;
};

// Builds the report from documents in input order; skips by pattern.
AuditReport BuildAuditFromInputs(std::vector<AuditDocumentInput> inputs,
                                 const AuditOptions& options);

// True when `source` matches one of options.skip (see AuditOptions::skip).
bool SkippedByPattern(const std::string& source, const AuditOptions& options);

// Appends `j` as nlohmann's dump(2) prints it `depth` levels down in an
// enclosing document (every line after the first indented by 2 * depth):
// the JSON renderers write large arrays one element at a time with it, so a
// report is never one tree in memory (a tree costs about nine bytes per
// byte of output) and the bytes are those of dumping the whole at once.
void AppendJsonIndented(const nlohmann::json& j, int depth, std::string* out);

// Renderers, one a file (render_*.cc). Each appends to *out.
void RenderAuditText(const AuditReport& report, std::string* out);
void RenderAuditMarkdown(const AuditReport& report, std::string* out);
void RenderAuditHtml(const AuditReport& report, std::string* out);
void RenderAuditJson(const AuditReport& report, std::string* out);
void RenderAuditCsv(const AuditReport& report, std::string* out);
void RenderAuditSarif(const AuditReport& report, std::string* out);
void RenderAuditDiagnostics(const AuditReport& report, std::string* out);

// Helpers for renderers.
std::string HtmlEscape(std::string_view s);  // & < > " ' escaped
std::string CsvEscape(std::string_view s);   // RFC 4180 field
// "12.5%" (one decimal), for a share 0..1.
std::string PercentText(double share);
// "Stecco C, Schleip R (2018) Title. Journal", else the raw string.
std::string AuditReferenceLabel(const CslItem& item);
// "3 cited, 10 unbacked" (statuses with claims only), or "no claims".
std::string StatusCountsText(const AuditCounts& counts);
// "file:line:col" or "file" when the line is unknown.
std::string LocationText(const std::string& document, int line, int column);

}  // namespace evq::internal

#endif  // EVQ_REPORT_AUDIT_INTERNAL_H_
