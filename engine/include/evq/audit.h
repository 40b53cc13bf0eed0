// evq/audit.h: auditing articles for claims their references do not back.
//
// BuildAudit turns analysed documents (or a whole corpus Store) into an
// AuditReport: one Finding per problem with a claim (rule id, severity, file,
// line, column, claim text, references involved), a summary per document and
// per condition, and the result of the CI gate (--fail-on, --fail-under).
// RenderAudit writes the report in one of seven formats: text, Markdown,
// self-contained HTML, versioned JSON (docs/audit-json.md), CSV (one row per
// claim), SARIF 2.1.0 and compiler-style diagnostics.
//
// Suppressions: a sentence the author marked with "evq-ignore" is not a claim
// (Sentence::ignored) and so never gives a finding; a .evq.toml config file
// (LoadAuditConfig, format in docs/audit.md) turns rules off, changes their
// severity and skips paths.
//
// Ownership: all types are plain values owning their strings.
// Thread safety: every function is reentrant; BuildAudit from a Store uses
// the Store, which must not be used by another thread meanwhile.
// No exception crosses these functions.
#ifndef EVQ_AUDIT_H_
#define EVQ_AUDIT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evq/analysis.h"
#include "evq/csl.h"
#include "evq/export.h"
#include "evq/status.h"
#include "evq/store.h"

namespace evq {

class Store;

// What an audit rule flags. The order is the order of the rules table.
enum class AuditRule {
  kUnbacked,        // a claim with no citation, attribution or reference list
  kVague,           // a claim backed only by "studies show", "experts believe"
  kDangling,        // a citation marker that resolves to no reference
  kListedOnly,      // a claim in a document with references, none tied to it
  kCitesRetracted,  // cites a work whose authority record says retracted
  kCitesUnresolved, // cites a reference that matches no known work
};
inline constexpr int kAuditRuleCount = 6;

enum class AuditSeverity { kNote, kWarning, kError };

// One row of the rules table: stable id (used in output, --fail-on and
// .evq.toml), default severity, one-line summary and help text for people.
struct AuditRuleInfo {
  AuditRule rule;
  const char* id;  // "unbacked", "vague", "dangling", "listed-only", ...
  AuditSeverity default_severity;
  const char* summary;
  const char* help;
};

// The rules table, in AuditRule order.
EVQ_EXPORT const std::vector<AuditRuleInfo>& AuditRules();
EVQ_EXPORT const AuditRuleInfo& AuditRuleDescription(AuditRule rule);
// Parses a rule id; false when `id` names no rule.
EVQ_EXPORT bool ParseAuditRule(std::string_view id, AuditRule* out);
// "note", "warning", "error".
EVQ_EXPORT const char* AuditSeverityName(AuditSeverity severity);
EVQ_EXPORT bool ParseAuditSeverity(std::string_view name, AuditSeverity* out);

// Output formats of RenderAudit.
enum class AuditFormat { kText, kMarkdown, kHtml, kJson, kCsv, kSarif, kDiagnostics };
// "text", "md", "html", "json", "csv", "sarif", "diagnostics".
EVQ_EXPORT const char* AuditFormatName(AuditFormat format);
// Accepts the names above and "markdown"; false when unknown.
EVQ_EXPORT bool ParseAuditFormat(std::string_view name, AuditFormat* out);

// The version of the JSON report's schema (docs/audit-json.md). It changes
// only when a field is renamed or removed or changes meaning.
inline constexpr int kAuditJsonVersion = 1;

// How to audit.
struct AuditOptions {
  // Per rule (indexed by AuditRule): whether it gives findings, and at what
  // severity. Defaults come from the rules table.
  std::array<bool, kAuditRuleCount> enabled = {true, true, true, true, true, true};
  std::array<AuditSeverity, kAuditRuleCount> severity = {
      AuditSeverity::kWarning, AuditSeverity::kWarning, AuditSeverity::kError,
      AuditSeverity::kNote,    AuditSeverity::kError,   AuditSeverity::kNote};
  // Documents whose source matches one of these fnmatch(3) patterns ('*'
  // also crosses '/') are left out of the audit. A pattern matches the source
  // as given, and, when `base_dir` is set, the source relative to it.
  std::vector<std::string> skip;
  std::string base_dir;  // the directory of the config file, or empty
  // The gate: it fails when a finding of one of these rules is reported, or
  // one of this severity or worse (fail_on_severity) ...
  std::vector<AuditRule> fail_on;
  std::optional<AuditSeverity> fail_on_severity;
  // ... or when the corpus share of claims backed (cited) is below this
  // (0..1). Documents without claims do not count.
  std::optional<double> fail_under;
  std::string tool_version = "0.1.0";  // reported in JSON and SARIF
};

// True when `source` is left out by options.skip (see AuditOptions::skip);
// callers use it to avoid importing such files at all.
EVQ_EXPORT bool AuditSkips(const AuditOptions& options, const std::string& source);

// A claim of the audit, with the references its citations resolve to.
struct AuditClaim {
  std::string document;  // source as imported
  Sentence sentence;
  // What sentence.citations[i].references index into.
  std::vector<CslItem> references;
  // How each of `references` resolved against the known works (parallel to
  // it); empty when the audit was built from analyses, not a Store.
  std::vector<ReferenceResolution> resolutions;
  // True when the Store held authority works (a bibliography or scholarly
  // documents) to resolve against: only then is "unresolved" news.
  bool authority_known = false;
};

// One problem with one claim.
struct Finding {
  AuditRule rule = AuditRule::kUnbacked;
  AuditSeverity severity = AuditSeverity::kWarning;
  std::string document;  // source as imported
  // 1-based line and column (bytes) of the claim; 0 when not known (a
  // database written before positions were stored).
  int line = 0;
  int column = 0;
  size_t start = 0;  // bytes into the document's normalized text
  size_t end = 0;
  std::string claim;  // the claim's text
  BackingStatus status = BackingStatus::kUnbacked;
  std::string message;  // one line for people, without the rule id
  // The citation markers involved (for dangling: the ones that resolve to
  // nothing), and the references involved (for cites-*: the cited items).
  std::vector<std::string> markers;
  std::vector<CslItem> references;
  size_t claim_index = 0;  // into AuditReport::claims
};

// Claim counts and the backed share, shared by documents, conditions and the
// corpus.
struct AuditCounts {
  int64_t claims = 0;
  // Indexed by BackingStatus.
  std::array<int64_t, 6> by_status = {0, 0, 0, 0, 0, 0};
  // by_status[cited] / claims; 0 when there are no claims.
  double backed_share = 0;
  // 0..100: the mean over claims of a weight per status (cited 100,
  // attributed 75, listed 30, vague 15, dangling and unbacked 0), less 5 per
  // dangling marker, never below 0. 100 when there are no claims.
  int score = 100;
  // A few words: "well referenced", "partly referenced", "weakly
  // referenced", "unreferenced", "no claims".
  std::string verdict;
  // Findings per severity, indexed by AuditSeverity.
  std::array<int64_t, 3> findings = {0, 0, 0};
};

// A marker that resolves to no reference, where it is.
struct DanglingMarker {
  std::string marker;
  int line = 0;
  int column = 0;
};

struct DocumentSummary {
  std::string source;
  std::string title;  // may be empty
  AuditCounts counts;
  int64_t references = 0;                  // entries of the reference list
  std::vector<CslItem> uncited_references;  // never cited by any sentence
  std::vector<DanglingMarker> dangling_markers;
  int64_t ignored_sentences = 0;  // marked evq-ignore (0 from a Store)
};

struct ConditionSummary {
  std::string condition;  // canonical name
  // Claims about it: named in the sentence or inherited from the heading or
  // title (a claim counts once per condition).
  AuditCounts counts;
  int64_t documents = 0;  // documents with such claims
};

// The outcome of the gate.
struct GateResult {
  bool failed = false;
  // Why, one per reason: "3 dangling findings", "backed share 1.8% < 50%".
  std::vector<std::string> reasons;
};

struct AuditReport {
  int schema_version = kAuditJsonVersion;
  std::string tool_version;
  AuditOptions options;  // as used
  std::vector<AuditClaim> claims;  // by document, then position
  std::vector<Finding> findings;   // by document, then position, then rule
  std::vector<DocumentSummary> documents;  // in input order
  std::vector<ConditionSummary> conditions;  // most claims first
  AuditCounts totals;                        // the whole corpus
  std::vector<std::string> skipped_documents;  // by the skip patterns
  GateResult gate;
};

// Audits analysed documents. Errors: none today (a Result so that later
// checks, such as work resolution, can fail cleanly).
EVQ_EXPORT Result<AuditReport> BuildAudit(const std::vector<Analysis>& analyses,
                               const AuditOptions& options);

// Audits every document of `store` from its stored claims and references.
// Documents with neither do not appear. Errors: the store's, as is.
EVQ_EXPORT Result<AuditReport> BuildAudit(Store& store, const AuditOptions& options);

// Writes `report` in `format` to *out (replacing its contents). Errors:
// kInternal when a renderer fails (a bug). Article text is escaped for the
// format: nothing from an article is markup or script in the HTML.
EVQ_EXPORT Status RenderAudit(const AuditReport& report, AuditFormat format, std::string* out);

// A .evq.toml configuration (docs/audit.md):
//
//   [audit]
//   skip = ["drafts/*"]         # fnmatch patterns, relative to this file's dir
//   vocab = ["terms.tsv"]       # extra vocabulary files, relative likewise
//   fail-on = ["dangling"]      # rule ids or severities
//   fail-under = 0.5            # share of claims backed, 0..1
//
//   [rules]
//   vague = "note"              # error, warning, note, or "off"
//   listed-only = false         # false: off; true: on at default severity
struct AuditConfig {
  std::string path;  // the file read
  AuditOptions options;
  std::vector<std::string> vocab_files;  // resolved against the file's dir
};

// The nearest ".evq.toml" in `start_dir` or its ancestors, or "" if none.
EVQ_EXPORT std::string FindAuditConfig(const std::string& start_dir);

// Reads the config file at `path` over `defaults`. Errors are
// kInvalidArgument "FILE:LINE: cause" (syntax, unknown table or key, wrong
// value type, unknown rule or severity), or kIoError "FILE: cannot read".
EVQ_EXPORT Result<AuditConfig> LoadAuditConfig(const std::string& path,
                                    const AuditOptions& defaults = {});

}  // namespace evq

#endif  // EVQ_AUDIT_H_
