// evq import of bibliographies, evq works, evq cites, claims citing retracted
// works, and reference resolution as a user sees them.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_test_util.h"

namespace {

using EvqRun = evq::cli_test::RunResult;

EvqRun Evq(const std::string& args) { return evq::cli_test::RunEvq(args); }

class WorksCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("evq-works-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Db() const { return " --db " + db_ + " "; }
  static std::string Source(const std::string& rel) {
    return std::string(EVQ_SOURCE_DIR) + "/" + rel;
  }
  static std::string Shared(const std::string& rel) {
    return std::string(EVQ_SHARED_DIR) + "/" + rel;
  }
  std::filesystem::path dir_;
  std::string db_;
};

// The retracted PubMed records import as retracted, and a document citing
// one (by its fields: no identifier in the reference) shows the flag.
TEST_F(WorksCliTest, RetractedRecordsFlagTheClaimsCitingThem) {
  const std::string article = Source("corpus/fixtures/cites-retracted.md");
  EvqRun imp = Evq(
      "import" + Db() + article + " " +
      Shared("data/pubmed/retractobot/pubmed_retracted_publication.xml") + " " +
      Shared("data/pubmed/retractobot/pubmed_retraction_notice.xml") + " " +
      Shared("data/pubmed/neilfws-PubMed/retracted-example-pmid993.xml"));
  ASSERT_EQ(imp.code, 0) << imp.out;
  EXPECT_NE(imp.out.find("#993: 10 sentences"), std::string::npos) << imp.out;
  EXPECT_NE(imp.out.find("RETRACTED (publication type Retracted Publication"),
            std::string::npos);

  EvqRun works = Evq("works" + Db() + "--retracted --format jsonl");
  ASSERT_EQ(works.code, 0) << works.out;
  std::istringstream lines(works.out);
  std::string line;
  std::vector<std::string> pmids;
  while (std::getline(lines, line)) {
    nlohmann::json w = nlohmann::json::parse(line);
    EXPECT_TRUE(w["retracted"].get<bool>());
    pmids.push_back(w["work"]["PMID"].get<std::string>());
  }
  // The retraction notice itself is not retracted.
  EXPECT_EQ(pmids, (std::vector<std::string>{"10066780", "993"}));

  EvqRun claims = Evq("claims" + Db() + "--cites-retracted --format jsonl");
  ASSERT_EQ(claims.code, 0) << claims.out;
  nlohmann::json c =
      nlohmann::json::parse(claims.out.substr(0, claims.out.find('\n')));
  EXPECT_EQ(c["text"],
            "Synaptic transmitters stimulate the incorporation of oleate into "
            "the phospholipid "
            "of synaptic membranes [1].");
  ASSERT_EQ(c["retracted_citations"].size(), 1u);
  EXPECT_EQ(c["retracted_citations"][0]["marker"], "[1]");
  EXPECT_EQ(c["retracted_citations"][0]["evidence"],
            "publication type Retracted Publication; CommentsCorrections "
            "RetractionIn PMID 195582");
  // Only that claim: the second reference names PMID 10066780 but another
  // first author, so it is a mismatch, not a citation of the retracted work.
  EXPECT_EQ(std::count(claims.out.begin(), claims.out.end(), '\n'), 1);

  EvqRun text = Evq("claims" + Db() + "--cites-retracted");
  EXPECT_NE(text.out.find("RETRACTED work"), std::string::npos) << text.out;

  EvqRun refs = Evq("references" + Db() + "--document " + article);
  ASSERT_EQ(refs.code, 0) << refs.out;
  EXPECT_NE(refs.out.find("matched W"), std::string::npos) << refs.out;
  EXPECT_NE(refs.out.find("mismatch with W"), std::string::npos);
  EXPECT_NE(refs.out.find("(first author: Name LF vs Last Name Fore Name)"),
            std::string::npos);
  EXPECT_NE(refs.out.find("unresolved (no known work)"), std::string::npos);

  EvqRun unresolved =
      Evq("references" + Db() + "--resolution unresolved --format csv");
  ASSERT_EQ(unresolved.code, 0);
  EXPECT_NE(unresolved.out.find("Myofascial Pain and Dysfunction"),
            std::string::npos);
  EXPECT_EQ(unresolved.out.find("Gullis"), std::string::npos);
}

TEST_F(WorksCliTest, BibliographiesImportAsWorksAndReportBadRecords) {
  EvqRun imp =
      Evq("import" + Db() + Source("corpus/fixtures/bib/references.bib") + " " +
          Source("corpus/fixtures/bib/malformed.ris") + " " +
          Source("corpus/fixtures/bib/retraction-watch.csv"));
  // A malformed record is reported with file and line, and the rest import.
  EXPECT_EQ(imp.code, 0) << imp.out;
  EXPECT_NE(imp.out.find("references.bib: bibtex, "), std::string::npos)
      << imp.out;
  EXPECT_NE(imp.out.find("malformed.ris:"), std::string::npos);
  EXPECT_NE(imp.out.find(" malformed records skipped\n"), std::string::npos)
      << imp.out;
  EXPECT_NE(imp.out.find("retraction-watch.csv: retraction-watch, "),
            std::string::npos);
  EXPECT_NE(imp.out.find(" works\n"), std::string::npos);

  EvqRun works = Evq("works" + Db() + "fascia");
  EXPECT_EQ(works.code, 0) << works.out;
  EXPECT_NE(works.out.find("W"), std::string::npos);
  EvqRun none = Evq("works" + Db() + "zzzunknownword");
  EXPECT_EQ(none.code, 1) << none.out;
  EvqRun bad = Evq("works" + Db() + "'\"unbalanced'");
  EXPECT_EQ(bad.code, 2) << bad.out;
  EXPECT_NE(bad.out.find("works: malformed query"), std::string::npos)
      << bad.out;

  EvqRun retracted = Evq("works" + Db() + "--retracted --format csv");
  EXPECT_EQ(retracted.code, 0) << retracted.out;
  EXPECT_NE(retracted.out.find("10.1234/jesr.2018.0042"), std::string::npos)
      << retracted.out;
  // A Retraction Watch correction is not a retraction.
  EXPECT_EQ(retracted.out.find("10.1234/jefs.2021.0007"), std::string::npos);

  // Words that name several works are refused, with the candidates listed.
  EvqRun several = Evq("cites" + Db() + "low back pain");
  ASSERT_EQ(several.code, 2) << several.out;
  EXPECT_NE(several.out.find("matches several works; give one id:\n  W"),
            std::string::npos)
      << several.out;
  EvqRun unreadable = Evq("import" + Db() + (dir_ / "missing.bib").string());
  EXPECT_EQ(unreadable.code, 2);
}

TEST_F(WorksCliTest, OneBookCitedByTwoArticlesIsOneWorkWithItsClaims) {
  std::ofstream(dir_ / "a.md") << "# Trigger points\n\nTrigger points in the "
                                  "quadratus lumborum refer pain to the "
                                  "buttock [1].\n\n## References\n\n1. Simons "
                                  "DG, Travell JG, Simons LS. Myofascial "
                                  "Pain and Dysfunction: The Trigger Point "
                                  "Manual. 2nd ed. Baltimore: Williams & "
                                  "Wilkins; 1999.\n";
  std::ofstream(dir_ / "b.md")
      << "# Low back pain\n\nMyofascial trigger points cause low back pain in "
         "many adults "
         "(Simons et al., 1999).\n\n## References\n\nSimons, D. G., Travell, "
         "J. G., & Simons, "
         "L. S. (1999). Myofascial pain and dysfunction: The trigger point "
         "manual (2nd ed.). "
         "Williams & Wilkins.\n";
  EvqRun imp = Evq("import" + Db() + (dir_ / "a.md").string() + " " +
                   (dir_ / "b.md").string());
  ASSERT_EQ(imp.code, 0) << imp.out;

  EvqRun works = Evq("works" + Db() + "--most-cited --format jsonl --limit 1");
  ASSERT_EQ(works.code, 0) << works.out;
  nlohmann::json w = nlohmann::json::parse(works.out);
  EXPECT_EQ(w["origin"], "references");
  EXPECT_EQ(w["documents"], 2);
  EXPECT_EQ(w["claims"], 2);
  const std::string id = std::to_string(w["id"].get<int64_t>());

  EvqRun cites = Evq("cites" + Db() + "W" + id + " --format jsonl");
  ASSERT_EQ(cites.code, 0) << cites.out;
  EXPECT_EQ(std::count(cites.out.begin(), cites.out.end(), '\n'), 2)
      << cites.out;
  EvqRun by_words = Evq("cites" + Db() + "trigger point manual");
  EXPECT_EQ(by_words.code, 0) << by_words.out;
  EvqRun nothing = Evq("cites" + Db() + "W999999");
  EXPECT_EQ(nothing.code, 2);
  EXPECT_NE(
      nothing.out.find("cites: no work matches 'W999999' (see 'evq works')"),
      std::string::npos)
      << nothing.out;
}

}  // namespace
