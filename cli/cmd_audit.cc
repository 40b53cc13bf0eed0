// evq audit: findings per claim, per-document and per-condition summaries,
// seven output formats, and a CI gate (--fail-on, --fail-under).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "common.h"
#include "evq/analysis.h"
#include "evq/audit.h"
#include "evq/import.h"
#include "evq/store.h"

namespace evq::cli {

namespace {

constexpr char kUsage[] =
    "evq audit [FILE... | --db PATH] [--format text|md|html|json|csv|sarif|diagnostics] "
    "[--output FILE] [--fail-on RULE,...] [--fail-under SHARE]";

constexpr char kDescription[] =
    "Audits articles (or every document of a corpus database) for health claims their\n"
    "references do not back. Each problem is a finding with a rule id, a severity, the\n"
    "file, line and column, the claim and the references or markers involved:\n"
    "\n"
    "  unbacked          warning  claim with no citation, named source or reference list\n"
    "  vague             warning  claim resting on \"studies show\", \"experts believe\"\n"
    "  dangling          error    citation marker that resolves to no reference\n"
    "  listed-only       note     reference list exists, nothing ties the claim to it\n"
    "  cites-retracted   error    cites a retracted work (needs retraction data; none yet)\n"
    "  cites-unresolved  note     cites a reference matching no known work (needs work\n"
    "                             resolution; none yet)\n"
    "\n"
    "The report also gives, per document and per condition, claims by status, the share\n"
    "backed (cited), references never cited, markers with no reference, a 0-100 score and\n"
    "a verdict.\n"
    "\n"
    "Gate: with --fail-on or --fail-under the exit status is 1 when findings reach them,\n"
    "0 otherwise; 2 on errors (an unreadable file, a bad config). Suppress a claim with an\n"
    "'evq-ignore' comment before its paragraph (<!-- evq-ignore --> or a line 'evq-ignore');\n"
    "configure rules, severities, vocabulary files and paths to skip in .evq.toml, found\n"
    "from the working directory upward (see docs/audit.md).\n"
    "\n"
    "examples:\n"
    "  evq audit articles/*.md\n"
    "  evq audit --fail-on dangling,unbacked --format diagnostics articles/*.md\n"
    "  evq audit --db corpus.db --format html --output audit.html\n"
    "  evq audit --format sarif --output evq.sarif --fail-under 0.5 docs/*.md";

// Parses "unbacked,dangling" (and repeated options) into rules and at most one
// severity ("error": any finding of severity error or worse).
bool ParseFailOn(const std::vector<std::string>& values, AuditOptions* o) {
  o->fail_on.clear();
  o->fail_on_severity.reset();
  for (const std::string& value : values) {
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      std::string name = value.substr(start, comma - start);
      start = comma + 1;
      if (name.empty()) continue;
      AuditRule rule;
      AuditSeverity severity;
      if (ParseAuditRule(name, &rule)) {
        o->fail_on.push_back(rule);
      } else if (ParseAuditSeverity(name, &severity)) {
        o->fail_on_severity = severity;
      } else {
        PrintError("audit: unknown rule '" + name +
                   "' for --fail-on (expected unbacked, vague, dangling, listed-only, "
                   "cites-retracted, cites-unresolved, or a severity: error, warning, note)");
        return false;
      }
    }
  }
  return true;
}

// "0.5" or "50%".
bool ParseShare(const std::string& text, double* out) {
  std::string t = text;
  bool percent = !t.empty() && t.back() == '%';
  if (percent) t.pop_back();
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (t.empty() || end != t.c_str() + t.size()) return false;
  if (percent) v /= 100.0;
  if (v < 0 || v > 1) return false;
  *out = v;
  return true;
}

bool WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    PrintError(path + ": cannot write");
    return false;
  }
  return true;
}

std::string SummaryLine(const AuditReport& r) {
  const AuditCounts& t = r.totals;
  char share[32];
  std::snprintf(share, sizeof share, "%.1f%%", t.backed_share * 100.0);
  std::string line = "audit: " + std::to_string(r.documents.size()) + " documents, " +
                     std::to_string(t.claims) + " claims, " + share + " backed; " +
                     std::to_string(t.findings[2]) + " errors, " + std::to_string(t.findings[1]) +
                     " warnings, " + std::to_string(t.findings[0]) + " notes";
  if (!r.skipped_documents.empty()) {
    line += "; " + std::to_string(r.skipped_documents.size()) + " skipped";
  }
  if (r.gate.failed) {
    line += "; gate failed:";
    for (size_t i = 0; i < r.gate.reasons.size(); ++i) {
      line += (i ? "; " : " ") + r.gate.reasons[i];
    }
  } else if (!r.options.fail_on.empty() || r.options.fail_on_severity || r.options.fail_under) {
    line += "; gate passed";
  }
  return line;
}

}  // namespace

int RunAudit(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddDbOption(options);
  AddVocabOption(options);
  options.add_options()(
      "format", po::value<std::string>()->default_value("text"),
      "output: text (default), md, html (one self-contained page), json (docs/audit-json.md), "
      "csv (one row per claim), sarif (SARIF 2.1.0), diagnostics (file:line:col: severity: "
      "message [rule])")("output,o", po::value<std::string>(), "write the report here, not stdout")(
      "fail-on", po::value<std::vector<std::string>>()->composing(),
      "exit 1 when any finding of these rules (comma-separated) is reported; a severity "
      "(error, warning, note) means any finding that severe or worse")(
      "fail-under", po::value<std::string>(),
      "exit 1 when the corpus share of claims backed (cited) is below SHARE (0.5 or 50%)")(
      "config", po::value<std::string>(),
      "read this config file instead of the nearest .evq.toml")(
      "no-config", "ignore .evq.toml files")("input-format", po::value<std::string>(),
                                             "auto (default), text, markdown or html")(
      "quiet,q", "no progress and no summary line on stderr")(
      "file", po::value<std::vector<std::string>>(), "article to audit");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args, kUsage, kDescription, options, "file", &vm, &code)) return code;

  AuditFormat format;
  std::string format_name = vm["format"].as<std::string>();
  if (!ParseAuditFormat(format_name, &format)) {
    PrintError("audit: unknown format '" + format_name +
               "' (expected text, md, html, json, csv, sarif or diagnostics)");
    return kExitError;
  }
  if (vm.count("file") && vm.count("db")) {
    PrintError("audit: give files or --db, not both");
    return kExitError;
  }
  Format input_format = Format::kAuto;
  if (vm.count("input-format") &&
      !ParseFormat(vm["input-format"].as<std::string>(), &input_format)) {
    PrintError("audit: unknown input format '" + vm["input-format"].as<std::string>() +
               "' (expected auto, text, markdown or html)");
    return kExitError;
  }

  // Config first; the command line overrides it.
  AuditOptions audit_options;
  std::vector<std::string> config_vocab;
  std::string config_path;
  if (vm.count("config")) {
    config_path = vm["config"].as<std::string>();
  } else if (!vm.count("no-config")) {
    config_path = FindAuditConfig(".");
  }
  if (!config_path.empty()) {
    Result<AuditConfig> config = LoadAuditConfig(config_path);
    if (!config.ok()) {
      PrintError(config.status().message());
      return kExitError;
    }
    audit_options = config->options;
    config_vocab = config->vocab_files;
  }
  if (vm.count("fail-on") &&
      !ParseFailOn(vm["fail-on"].as<std::vector<std::string>>(), &audit_options)) {
    return kExitError;
  }
  if (vm.count("fail-under")) {
    double share;
    if (!ParseShare(vm["fail-under"].as<std::string>(), &share)) {
      PrintError("audit: --fail-under wants a share between 0 and 1 or a percentage, not '" +
                 vm["fail-under"].as<std::string>() + "'");
      return kExitError;
    }
    audit_options.fail_under = share;
  }

  Vocabulary vocab;
  if (!LoadVocabulary(vm, &vocab)) return kExitError;
  for (const std::string& path : config_vocab) {
    Status s = vocab.AddFile(path);
    if (!s.ok()) {
      PrintError(s.message());
      return kExitError;
    }
  }

  bool quiet = vm.count("quiet") > 0;
  int failed = 0;
  Result<AuditReport> report = Status::Internal("audit: no input");
  if (vm.count("file")) {
    const auto& files = vm["file"].as<std::vector<std::string>>();
    bool progress = !quiet && isatty(fileno(stderr));
    std::vector<Analysis> analyses;
    std::vector<std::string> skipped;
    for (size_t i = 0; i < files.size(); ++i) {
      const std::string& path = files[i];
      if (AuditSkips(audit_options, path)) {
        skipped.push_back(path);
        continue;
      }
      if (progress) {
        std::fprintf(stderr, "\r[%zu/%zu] %s\x1b[K", i + 1, files.size(), path.c_str());
      }
      Result<Document> doc = ImportFile(path, input_format);
      if (!doc.ok()) {
        if (progress) std::fputs("\r\x1b[K", stderr);
        PrintError(doc.status().message());
        ++failed;
        continue;
      }
      analyses.push_back(Analyze(*doc, vocab));
    }
    if (progress) std::fputs("\r\x1b[K", stderr);
    report = BuildAudit(analyses, audit_options);
    if (report.ok()) {
      report->skipped_documents.insert(report->skipped_documents.begin(), skipped.begin(),
                                       skipped.end());
    }
  } else {
    std::string db = DatabasePath(vm);
    if (FILE* f = std::fopen(db.c_str(), "rb")) {
      std::fclose(f);
    } else {
      PrintError(db + ": no such database (give articles to audit, or import them first: "
                      "evq import --db " + db + " FILE...)");
      return kExitError;
    }
    Result<std::unique_ptr<Store>> store = Store::Open(db, vocab);
    if (!store.ok()) {
      PrintError(store.status().message());
      return kExitError;
    }
    report = BuildAudit(**store, audit_options);
  }
  if (!report.ok()) {
    PrintError(report.status().message());
    return kExitError;
  }
  std::string text;
  Status rendered = RenderAudit(*report, format, &text);
  if (!rendered.ok()) {
    PrintError(rendered.message());
    return kExitError;
  }
  if (!WriteOutput(vm.count("output") ? vm["output"].as<std::string>() : "", text)) {
    return kExitError;
  }
  if (!quiet) std::fprintf(stderr, "%s\n", SummaryLine(*report).c_str());
  if (failed) return kExitError;
  if (report->documents.empty()) {
    PrintError("audit: nothing to audit");
    return kExitNothing;
  }
  return report->gate.failed ? kExitNothing : kExitOk;
}

}  // namespace evq::cli
