// The machine formats validate against their schemas (SARIF 2.1.0, the audit
// JSON schema in docs/), and the HTML report renders in headless Chromium
// with its summary and charts and without running article script.
//
// Validation uses Debian's python3-jsonschema through
// tests/report/validate_json.py; rendering uses Debian's chromium. Both come
// from scripts/setup; a test is skipped (not failed) when its tool is absent,
// and says so.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>

#include "report_test_util.h"

namespace evq {
namespace {

using report_test::ReadFile;
using report_test::RunResult;
using report_test::RunShell;

// Debian's interpreter, so Debian's python3-jsonschema is the one used.
constexpr char kPython[] = "/usr/bin/python3";

bool HaveJsonSchema() {
  return RunShell(std::string(kPython) + " -c 'import jsonschema'").code == 0;
}

std::string Chromium() {
  for (const char* c : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (access(c, X_OK) == 0) return c;
  }
  return "";
}

class AuditFormatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("evq-formats-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    if (!std::getenv("EVQ_KEEP_TEST_OUTPUT")) std::filesystem::remove_all(dir_);
  }
  // Writes `evq audit --format FORMAT INPUTS` to a file; returns its path.
  std::string Audit(const std::string& format, const std::string& inputs,
                    const std::string& name) {
    std::string out = (dir_ / name).string();
    RunResult r = RunShell("cd " + dir_.string() + " && " + EVQ_BINARY +
                           " audit --quiet --no-config --format " + format + " --output " + out +
                           " " + inputs);
    EXPECT_EQ(r.code, 0) << r.err;
    return out;
  }
  RunResult Validate(const std::string& schema, const std::string& doc) {
    return RunShell(std::string(kPython) + " " + EVQ_SOURCE_DIR +
                    "/tests/report/validate_json.py " + schema + " " + doc);
  }
  // Chromium with the flags the brief fixes, a fresh profile, no network.
  RunResult RunChromium(const std::string& what, const std::string& html) {
    std::string profile = (dir_ / ("profile-" + std::to_string(profile_++))).string();
    std::filesystem::create_directories(profile);
    return RunShell("timeout 120 " + Chromium() +
                    " --headless --no-sandbox --disable-gpu --disable-background-networking "
                    "--disable-component-update --disable-sync --no-first-run --user-data-dir=" +
                    profile + " --window-size=1200,2000 " + what + " file://" + html);
  }
  static std::string Seeds() { return std::string(EVQ_SHARED_DIR) + "/seeds/*.txt"; }
  std::filesystem::path dir_;
  int profile_ = 0;
};

TEST_F(AuditFormatsTest, SarifValidatesAgainstSarif210Schema) {
  if (!HaveJsonSchema()) GTEST_SKIP() << "python3-jsonschema not installed (scripts/setup)";
  std::string sarif = Audit("sarif", Seeds(), "seeds.sarif");
  RunResult v = Validate(std::string(EVQ_SOURCE_DIR) + "/tests/report/data/sarif-schema-2.1.0.json",
                         sarif);
  EXPECT_EQ(v.code, 0) << v.out << v.err;
  EXPECT_EQ(v.out, "valid\n");
  // What GitHub code scanning needs: rules with help, results with locations.
  std::string text = ReadFile(sarif);
  EXPECT_NE(text.find("\"version\": \"2.1.0\""), std::string::npos);
  EXPECT_NE(text.find("\"help\": {"), std::string::npos);
  EXPECT_NE(text.find("\"startLine\": 11"), std::string::npos);
  EXPECT_NE(text.find("\"uri\": \"" + std::string(EVQ_SHARED_DIR) + "/seeds/004_873f2c709282803b.txt\""),
            std::string::npos);
}

TEST_F(AuditFormatsTest, JsonValidatesAgainstItsDocumentedSchema) {
  if (!HaveJsonSchema()) GTEST_SKIP() << "python3-jsonschema not installed (scripts/setup)";
  std::string schema = std::string(EVQ_SOURCE_DIR) + "/docs/audit.schema.json";
  std::string json = Audit("json", Seeds(), "seeds.json");
  RunResult v = Validate(schema, json);
  EXPECT_EQ(v.code, 0) << v.out << v.err;
  // Also a document with references, citations and an HTML source.
  std::string fixture = std::string(EVQ_SOURCE_DIR) + "/corpus/fixtures/script-injection.html";
  v = Validate(schema, Audit("json", fixture, "fixture.json"));
  EXPECT_EQ(v.code, 0) << v.out << v.err;
  // The validator does reject: a report missing its version fails.
  std::string broken = (dir_ / "broken.json").string();
  RunShell(std::string(kPython) + " -c \"import json,sys; d=json.load(open('" + json +
           "')); del d['schema_version']; json.dump(d, open('" + broken + "','w'))\"");
  v = Validate(schema, broken);
  EXPECT_EQ(v.code, 1);
  EXPECT_EQ(v.out, "/: 'schema_version' is a required property\n");
}

TEST_F(AuditFormatsTest, HtmlOfSeedsShowsSummaryAndCharts) {
  if (Chromium().empty()) GTEST_SKIP() << "chromium not installed (scripts/setup)";
  std::string html = Audit("html", Seeds(), "seeds.html");
  std::string png = (dir_ / "seeds.png").string();
  RunResult shot = RunChromium("--screenshot=" + png, html);
  ASSERT_EQ(shot.code, 0) << shot.err;
  ASSERT_TRUE(std::filesystem::exists(png));
  EXPECT_GT(std::filesystem::file_size(png), 20000u);  // not a blank page
  std::string png_head = ReadFile(png).substr(0, 8);
  EXPECT_EQ(png_head, "\x89PNG\r\n\x1a\n");

  RunResult dom = RunChromium("--dump-dom", html);
  ASSERT_EQ(dom.code, 0) << dom.err;
  for (const char* s : {"<section id=\"summary\">", "<h2>Summary</h2>", "<svg id=\"condition-chart\"",
                        "<h2>Documents</h2>", "004_873f2c709282803b.txt", "back pain",
                        "<input id=\"filter\"", "138 claims"}) {
    EXPECT_NE(dom.out.find(s), std::string::npos) << s;
  }
  // Per-document bars: one <svg> per document row, plus the summary bar.
  size_t svgs = 0;
  for (size_t p = dom.out.find("<svg"); p != std::string::npos; p = dom.out.find("<svg", p + 1)) {
    ++svgs;
  }
  EXPECT_GE(svgs, 7u);
}

TEST_F(AuditFormatsTest, HtmlRunsNoScriptFromArticleText) {
  if (Chromium().empty()) GTEST_SKIP() << "chromium not installed (scripts/setup)";
  std::string fixture = std::string(EVQ_SOURCE_DIR) + "/corpus/fixtures/script-injection.html";
  std::string html = Audit("html", fixture, "fixture.html");
  std::string raw = ReadFile(html);
  // The file itself: exactly one <script> element, ours, at the end.
  size_t scripts = 0;
  for (size_t p = raw.find("<script"); p != std::string::npos; p = raw.find("<script", p + 1)) {
    ++scripts;
  }
  EXPECT_EQ(scripts, 1u);
  EXPECT_EQ(raw.find("<img"), std::string::npos);
  // No tag carries an event handler: the article's attributes stay text.
  EXPECT_FALSE(std::regex_search(raw, std::regex("<[^>]* on[a-z]+=")));
  EXPECT_NE(raw.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);

  RunResult dom = RunChromium("--dump-dom", html);
  ASSERT_EQ(dom.code, 0) << dom.err;
  // The parsed page has no element the article's markup would have made.
  for (const std::regex& re :
       {std::regex("<script>\\s*alert"), std::regex("<img[^>]*src=\"?x"),
        std::regex("<[a-z]+[^>]* onerror="), std::regex("<[a-z]+[^>]* onmouseover="),
        std::regex("href=\"javascript:")}) {
    EXPECT_FALSE(std::regex_search(dom.out, re));
  }
  size_t dom_scripts = 0;
  for (size_t p = dom.out.find("<script"); p != std::string::npos;
       p = dom.out.find("<script", p + 1)) {
    ++dom_scripts;
  }
  EXPECT_EQ(dom_scripts, 1u);
  // The article's text is there, as text.
  EXPECT_NE(dom.out.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

}  // namespace
}  // namespace evq
