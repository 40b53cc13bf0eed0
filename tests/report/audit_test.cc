// BuildAudit and RenderAudit on small documents: findings, summaries, gate,
// escaping, and the .evq.toml reader with its exact error messages.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "evq/analysis.h"
#include "evq/audit.h"
#include "evq/import.h"
#include "report/evq_config.h"

namespace evq {
namespace {

const Vocabulary& Vocab() {
  static const Vocabulary* v = [] {
    Result<Vocabulary> b = Vocabulary::Builtin();
    return new Vocabulary(std::move(b).value());
  }();
  return *v;
}

Analysis AnalyzeMd(const std::string& source, const std::string& text) {
  return Analyze(ImportMarkdown(source, text), Vocab());
}

AuditReport Audit(const std::vector<Analysis>& a, const AuditOptions& o = {}) {
  Result<AuditReport> r = BuildAudit(a, o);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return std::move(r).value();
}

TEST(AuditRules, DefaultsMatchTable) {
  AuditOptions o;
  ASSERT_EQ(AuditRules().size(), static_cast<size_t>(kAuditRuleCount));
  for (const AuditRuleInfo& r : AuditRules()) {
    EXPECT_EQ(o.severity[static_cast<int>(r.rule)], r.default_severity) << r.id;
    AuditRule parsed;
    EXPECT_TRUE(ParseAuditRule(r.id, &parsed));
    EXPECT_EQ(parsed, r.rule);
  }
  AuditRule rule;
  EXPECT_FALSE(ParseAuditRule("listed", &rule));
}

TEST(AuditBuild, FindingsPerStatus) {
  AuditReport r = Audit({AnalyzeMd("a.md",
                                   "# Back pain\n\n"
                                   "Massage relieves low back pain in most adults.\n\n"
                                   "Studies show that stretching cures sciatica.\n\n"
                                   "Foam rolling reduces back pain within a week (4).\n")});
  ASSERT_EQ(r.documents.size(), 1u);
  std::vector<std::string> rules;
  for (const Finding& f : r.findings) rules.push_back(AuditRuleDescription(f.rule).id);
  EXPECT_EQ(rules, (std::vector<std::string>{"unbacked", "vague", "dangling"}));
  const Finding& d = r.findings[2];
  EXPECT_EQ(d.severity, AuditSeverity::kError);
  EXPECT_EQ(d.document, "a.md");
  EXPECT_EQ(d.line, 7);
  EXPECT_EQ(d.column, 1);
  EXPECT_EQ(d.markers, (std::vector<std::string>{"(4)"}));
  EXPECT_EQ(d.message, "citation marker (4) resolves to no reference");
  ASSERT_EQ(r.documents[0].dangling_markers.size(), 1u);
  EXPECT_EQ(r.documents[0].dangling_markers[0].marker, "(4)");
  EXPECT_EQ(r.totals.claims, 3);
  EXPECT_EQ(r.totals.backed_share, 0);
  EXPECT_FALSE(r.gate.failed);  // no gate asked for
}

TEST(AuditBuild, CitedClaimsAndUncitedReferences) {
  AuditReport r = Audit({AnalyzeMd("b.md",
                                   "# Back pain\n\n"
                                   "Massage relieves low back pain in most adults (1).\n\n"
                                   "## References\n\n"
                                   "1. Furlan AD, Giraldo M. Massage for low-back pain. Cochrane "
                                   "Database Syst Rev. 2015;(9):CD001929.\n"
                                   "2. Paige NM. Spinal manipulative therapy. JAMA. 2017;317:1451.\n")});
  ASSERT_EQ(r.documents.size(), 1u);
  const DocumentSummary& d = r.documents[0];
  EXPECT_EQ(d.counts.by_status[static_cast<int>(BackingStatus::kCited)], 1);
  EXPECT_EQ(d.references, 2);
  ASSERT_EQ(d.uncited_references.size(), 1u);
  EXPECT_EQ(d.uncited_references[0].citation_number, "2");
  EXPECT_DOUBLE_EQ(d.counts.backed_share, 1.0);
  EXPECT_EQ(d.counts.score, 100);
  EXPECT_EQ(d.counts.verdict, "well referenced");
  ASSERT_EQ(r.claims.size(), 1u);
  ASSERT_EQ(r.claims[0].references.size(), 1u);  // only what it cites
  EXPECT_TRUE(r.findings.empty());
}

TEST(AuditBuild, EvqIgnoreSuppresses) {
  AuditReport r = Audit({AnalyzeMd("c.md",
                                   "# Back pain\n\n<!-- evq-ignore -->\n"
                                   "Foam rolling reduces back pain within a week (4).\n")});
  EXPECT_TRUE(r.findings.empty());
  EXPECT_TRUE(r.documents[0].dangling_markers.empty());
  EXPECT_EQ(r.documents[0].ignored_sentences, 1);
}

TEST(AuditBuild, GateRulesSeverityAndShare) {
  std::vector<Analysis> a = {AnalyzeMd("a.md",
                                       "# Back pain\n\nMassage relieves low back pain in most "
                                       "adults.\n\nFoam rolling reduces back pain (4).\n")};
  AuditOptions o;
  o.fail_on = {AuditRule::kVague};
  EXPECT_FALSE(Audit(a, o).gate.failed);
  o.fail_on = {AuditRule::kDangling};
  AuditReport r = Audit(a, o);
  EXPECT_TRUE(r.gate.failed);
  EXPECT_EQ(r.gate.reasons, (std::vector<std::string>{"1 dangling finding"}));
  o.fail_on.clear();
  o.fail_on_severity = AuditSeverity::kWarning;
  EXPECT_EQ(Audit(a, o).gate.reasons,
            (std::vector<std::string>{"2 findings of severity warning or worse"}));
  o.fail_on_severity.reset();
  o.fail_under = 0.5;
  EXPECT_EQ(Audit(a, o).gate.reasons,
            (std::vector<std::string>{"backed share 0.0% is under 50.0%"}));
  o.enabled[static_cast<int>(AuditRule::kDangling)] = false;
  o.fail_under.reset();
  o.fail_on = {AuditRule::kDangling};
  EXPECT_FALSE(Audit(a, o).gate.failed);
}

TEST(AuditBuild, SkipPatterns) {
  AuditOptions o;
  o.skip = {"drafts/*"};
  AuditReport r = Audit({AnalyzeMd("drafts/x.md", "Massage cures back pain.\n"),
                         AnalyzeMd("final/y.md", "Massage cures back pain.\n")},
                        o);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].source, "final/y.md");
  EXPECT_EQ(r.skipped_documents, (std::vector<std::string>{"drafts/x.md"}));
}

TEST(AuditRender, DiagnosticsLines) {
  AuditReport r = Audit({AnalyzeMd("a.md", "# Back pain\n\nFoam rolling reduces back pain (4).\n")});
  std::string out;
  ASSERT_TRUE(RenderAudit(r, AuditFormat::kDiagnostics, &out).ok());
  EXPECT_EQ(out,
            "a.md:3:1: error: citation marker (4) resolves to no reference: \"Foam rolling reduces "
            "back pain (4).\" [dangling]\n");
}

TEST(AuditRender, HtmlAndMarkdownEscapeArticleText) {
  AuditReport r = Audit({AnalyzeMd(
      "<x>.md", "# Back pain <script>alert(1)</script>\n\n"
                "Massage <img src=x onerror=alert(2)> relieves low back pain </script>.\n")});
  std::string html;
  ASSERT_TRUE(RenderAudit(r, AuditFormat::kHtml, &html).ok());
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("</script>."), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  std::string md;
  ASSERT_TRUE(RenderAudit(r, AuditFormat::kMarkdown, &md).ok());
  EXPECT_EQ(md.find("<img"), std::string::npos);
}

TEST(AuditRender, CsvOneRowPerClaim) {
  AuditReport r = Audit({AnalyzeMd("a.md",
                                   "# Back pain\n\nMassage relieves low back pain, \"often\".\n\n"
                                   "Foam rolling reduces back pain (4).\n")});
  std::string out;
  ASSERT_TRUE(RenderAudit(r, AuditFormat::kCsv, &out).ok());
  size_t lines = 0;
  for (char c : out) lines += c == '\n';
  EXPECT_EQ(lines, 1 + r.claims.size());
  EXPECT_NE(out.find(",dangling,error,"), std::string::npos) << out;
  EXPECT_NE(out.find("\"Massage relieves low back pain, \"\"often\"\".\""), std::string::npos);
}

// --- .evq.toml -------------------------------------------------------------

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("evq-config-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "a" / "b");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& text) {
    std::string path = (dir_ / ".evq.toml").string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::string Error(const std::string& text) {
    std::string path = Write(text);
    Result<AuditConfig> c = LoadAuditConfig(path);
    EXPECT_FALSE(c.ok());
    std::string m = c.ok() ? "" : c.status().message();
    // Messages start with the path; compare the rest.
    return m.rfind(path, 0) == 0 ? m.substr(path.size()) : m;
  }
  std::filesystem::path dir_;
};

TEST_F(ConfigTest, ReadsEverySetting) {
  std::string path = Write(
      "# evq audit settings\n"
      "[audit]\n"
      "skip = [\"drafts/*\",  # drafts are not published\n"
      "        'vendor/*']\n"
      "vocab = [\"terms.tsv\"]\n"
      "fail-on = [\"dangling\", \"error\"]\n"
      "fail-under = 0.25\n"
      "\n"
      "[rules]\n"
      "vague = \"note\"   # trailing comment\n"
      "listed-only = false\n"
      "\"unbacked\" = \"error\"\n");
  Result<AuditConfig> c = LoadAuditConfig(path);
  ASSERT_TRUE(c.ok()) << c.status().message();
  const AuditOptions& o = c->options;
  EXPECT_EQ(o.skip, (std::vector<std::string>{"drafts/*", "vendor/*"}));
  EXPECT_EQ(o.base_dir, dir_.string());
  EXPECT_EQ(c->vocab_files, (std::vector<std::string>{(dir_ / "terms.tsv").string()}));
  EXPECT_EQ(o.fail_on, (std::vector<AuditRule>{AuditRule::kDangling}));
  EXPECT_EQ(o.fail_on_severity, AuditSeverity::kError);
  EXPECT_EQ(o.fail_under, 0.25);
  EXPECT_EQ(o.severity[static_cast<int>(AuditRule::kVague)], AuditSeverity::kNote);
  EXPECT_FALSE(o.enabled[static_cast<int>(AuditRule::kListedOnly)]);
  EXPECT_EQ(o.severity[static_cast<int>(AuditRule::kUnbacked)], AuditSeverity::kError);
}

TEST_F(ConfigTest, FoundFromBelow) {
  std::string path = Write("[rules]\n");
  EXPECT_EQ(FindAuditConfig((dir_ / "a" / "b").string()), path);
}

TEST_F(ConfigTest, ExactErrors) {
  EXPECT_EQ(Error("[audit]\nskip = \"x\"\n"), ":2: 'skip' must be an array of strings, not a string");
  EXPECT_EQ(Error("[audit\n"), ":1: expected ']' after table name 'audit'");
  EXPECT_EQ(Error("[rules]\nvague \"note\"\n"), ":2: expected '=' after key 'vague'");
  EXPECT_EQ(Error("[rules]\nvague = \"note\n"), ":2: unterminated string");
  EXPECT_EQ(Error("[rules]\nvague = \"loud\"\n"),
            ":2: unknown severity 'loud' for rule 'vague' (expected error, warning, note or off)");
  EXPECT_EQ(Error("[rules]\nfuzzy = \"note\"\n"), ":2: unknown rule 'fuzzy'");
  EXPECT_EQ(Error("\n[paths]\nskip = []\n"),
            ":3: unknown table [paths] (expected [audit] or [rules])");
  EXPECT_EQ(Error("skip = []\n"), ":1: key 'skip' outside a table (expected [audit] or [rules])");
  EXPECT_EQ(Error("[audit]\nskip = [\"a\", 3]\n"), ":2: arrays may hold only strings");
  EXPECT_EQ(Error("[audit]\nskip = [\"a\",\n\"b\"\n"), ":2: unterminated array");
  EXPECT_EQ(Error("[audit]\nfail-under = 2\n"), ":2: 'fail-under' must be between 0 and 1");
  EXPECT_EQ(Error("[audit]\nfail-under = 0.5 0.6\n"),
            ":2: unexpected '0' after value (one key a line)");
  EXPECT_EQ(Error("[audit]\nfail-under = 0.5\nfail-under = 0.6\n"),
            ":3: key 'fail-under' given twice in [audit]");
  EXPECT_EQ(Error("[audit]\nfail-on = [\"dangled\"]\n"),
            ":2: unknown rule or severity 'dangled' in 'fail-on'");
  EXPECT_EQ(Error("[audit]\ncolour = true\n"),
            ":2: unknown key 'colour' in [audit] (expected skip, vocab, fail-on or fail-under)");
  EXPECT_EQ(Error("[rules]\nvague = yes\n"), ":2: invalid value 'yes'");
  EXPECT_EQ(Error("[rules]\nvague = \"\\q\"\n"), ":2: bad escape '\\q'");
  Result<AuditConfig> missing = LoadAuditConfig((dir_ / "none.toml").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), (dir_ / "none.toml").string() + ": cannot read");
}

TEST(Toml, StringsAndNumbers) {
  Result<std::vector<internal::TomlEntry>> e = internal::ParseToml(
      "[t]\na = \"x\\u00e9\\\"y\"\nb = 'c:\\path'\nc = 1_000\nd = -0.5\ne = true\n", "t.toml");
  ASSERT_TRUE(e.ok()) << e.status().message();
  ASSERT_EQ(e->size(), 5u);
  EXPECT_EQ((*e)[0].value.string, "x\xC3\xA9\"y");
  EXPECT_EQ((*e)[1].value.string, "c:\\path");
  EXPECT_EQ((*e)[2].value.number, 1000);
  EXPECT_EQ((*e)[3].value.number, -0.5);
  EXPECT_TRUE((*e)[4].value.boolean);
  EXPECT_EQ((*e)[4].line, 6);
}

}  // namespace
}  // namespace evq
