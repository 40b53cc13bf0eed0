// evq audit as a user runs it: the gate on the seeds, evq-ignore, config
// files, and exact error messages.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "report_test_util.h"

namespace evq {
namespace {

using report_test::RunResult;
using report_test::RunShell;

class AuditCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("evq-audit-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  // Runs evq in dir_ (so no .evq.toml above the build tree interferes).
  RunResult Evq(const std::string& args) {
    return RunShell("cd " + dir_.string() + " && " + std::string(EVQ_BINARY) + " " + args);
  }
  static std::string Seeds() { return std::string(EVQ_SHARED_DIR) + "/seeds/*.txt"; }
  static std::string Seed004() {
    return std::string(EVQ_SHARED_DIR) + "/seeds/004_873f2c709282803b.txt";
  }
  std::filesystem::path dir_;
};

TEST_F(AuditCliTest, FailOnDanglingNamesSeed004Markers) {
  RunResult r = Evq("audit --fail-on dangling --format diagnostics " + Seeds());
  EXPECT_EQ(r.code, 1) << r.err;
  const std::string seed = Seed004();
  for (const std::string& line :
       {seed + ":11:605: error: citation marker (1) resolves to no reference",
        seed + ":17:107: error: citation marker (2) resolves to no reference",
        seed + ":51:63: error: citation marker (2) resolves to no reference"}) {
    EXPECT_NE(r.out.find(line), std::string::npos) << line;
  }
  EXPECT_NE(r.err.find("gate failed: 3 dangling findings"), std::string::npos) << r.err;
  // Without a gate the same audit passes.
  EXPECT_EQ(Evq("audit --quiet " + Seeds()).code, 0);
}

TEST_F(AuditCliTest, EvqIgnoreBeforeTheParagraphsPassesTheGate) {
  std::ifstream in(Seed004());
  std::string line, copy;
  int inserted = 0;
  while (std::getline(in, line)) {
    if (line.find(".(1)") != std::string::npos || line.find(".(2)") != std::string::npos) {
      copy += "evq-ignore\n";
      ++inserted;
    }
    copy += line + "\n";
  }
  ASSERT_EQ(inserted, 3);
  std::string path = Write("004-ignored.txt", copy);
  RunResult r = Evq("audit --fail-on dangling " + path);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("dangling]"), std::string::npos);
  EXPECT_NE(r.out.find("ignored (evq-ignore): "), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("gate passed"), std::string::npos) << r.err;
  // The other seeds have no dangling markers either way.
  std::string others = std::string(EVQ_SHARED_DIR) + "/seeds/00[0-3]*.txt";
  EXPECT_EQ(Evq("audit --quiet --fail-on dangling " + others + " " + path).code, 0);
}

TEST_F(AuditCliTest, FailUnderShare) {
  RunResult r = Evq("audit --fail-under 50% " + Seeds());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("backed share 0.0% is under 50.0%"), std::string::npos) << r.err;
  EXPECT_EQ(Evq("audit --quiet --fail-under 0 " + Seeds()).code, 0);
}

TEST_F(AuditCliTest, ConfigFileFromAbove) {
  Write(".evq.toml",
        "[audit]\nfail-on = [\"dangling\"]\nskip = [\"*/004_*\"]\n\n[rules]\nunbacked = \"off\"\n");
  std::filesystem::create_directories(dir_ / "sub");
  RunResult r = RunShell("cd " + (dir_ / "sub").string() + " && " + EVQ_BINARY +
                    " audit --format diagnostics " + Seeds());
  EXPECT_EQ(r.code, 0) << r.err;  // 004 skipped: no dangling findings
  EXPECT_EQ(r.out.find("[unbacked]"), std::string::npos);
  EXPECT_NE(r.out.find("[vague]"), std::string::npos);
  EXPECT_NE(r.err.find("1 skipped"), std::string::npos) << r.err;
  // --no-config brings 004 back, and the gate is the command line's.
  r = Evq("audit --no-config --fail-on dangling " + Seeds());
  EXPECT_EQ(r.code, 1);
}

TEST_F(AuditCliTest, ExactErrors) {
  std::string cfg = Write("bad.toml", "[rules]\nvague = \"loud\"\n");
  RunResult r = Evq("audit --config " + cfg + " " + Seeds());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "evq: " + cfg +
                       ":2: unknown severity 'loud' for rule 'vague' (expected error, warning, "
                       "note or off)\n");
  r = Evq("audit --format pdf " + Seeds());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "evq: audit: unknown format 'pdf' (expected text, md, html, json, csv, sarif or "
            "diagnostics)\n");
  r = Evq("audit --fail-on dangled " + Seeds());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "evq: audit: unknown rule 'dangled' for --fail-on (expected unbacked, vague, "
            "dangling, listed-only, cites-retracted, cites-unresolved, or a severity: error, "
            "warning, note)\n");
  r = Evq("audit --fail-under 1.5 " + Seeds());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "evq: audit: --fail-under wants a share between 0 and 1 or a percentage, not '1.5'\n");
  r = Evq("audit --db x.db " + Seeds());
  EXPECT_EQ(r.err, "evq: audit: give files or --db, not both\n");
  r = Evq("audit --db none.db");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "evq: none.db: no such database (give articles to audit, or import them first: evq "
            "import --db none.db FILE...)\n");
  // A missing file is reported, the rest audited, and the exit status is 2.
  r = Evq("audit --quiet missing.txt " + Seed004());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("004_873f2c709282803b.txt"), std::string::npos);
}

TEST_F(AuditCliTest, FromDatabase) {
  RunResult imp = Evq("import --quiet --db c.db " + Seeds());
  ASSERT_EQ(imp.code, 0) << imp.err;
  RunResult r = Evq("audit --db c.db --fail-on dangling --format diagnostics");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("citation marker (1) resolves to no reference"), std::string::npos);
  EXPECT_NE(r.err.find("5 documents"), std::string::npos) << r.err;
}

TEST_F(AuditCliTest, OutputFileAndHelp) {
  std::string out = (dir_ / "report.md").string();
  RunResult r = Evq("audit --quiet --format md --output " + out + " " + Seed004());
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(r.out.empty());
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str().rfind("# evq audit\n", 0), 0u);
  RunResult h = Evq("audit --help");
  EXPECT_EQ(h.code, 0);
  for (const char* s : {"--fail-on", "--fail-under", "evq-ignore", ".evq.toml", "sarif",
                        "cites-retracted", "examples:"}) {
    EXPECT_NE(h.out.find(s), std::string::npos) << s;
  }
}

}  // namespace
}  // namespace evq
