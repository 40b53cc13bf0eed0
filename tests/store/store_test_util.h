// tests/store/store_test_util.h: fixtures shared by the store tests: a
// scratch directory per test, a small vocabulary with a hierarchy, and
// builders for hand-made Analysis values.
#ifndef EVQ_TESTS_STORE_STORE_TEST_UTIL_H_
#define EVQ_TESTS_STORE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "evq/analysis.h"
#include "evq/csl.h"
#include "evq/store.h"
#include "evq/vocabulary.h"

namespace evq::store_test {

// "back pain" > "low back pain" (LBP, lumbago); "fascia" > "thoracolumbar
// fascia"; "foam rolling".
inline const char* kVocabText =
    "condition\tback pain\tD001416\t\t\n"
    "condition\tlow back pain\tD017116\tback pain\tLBP|lumbago\n"
    "condition\tneck pain\tD019547\t\t\n"
    "anatomy\tfascia\tD005205\t\t\n"
    "anatomy\tthoracolumbar fascia\t\tfascia\tTLF\n"
    "intervention\tfoam rolling\t\t\tfoam roller\n";

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info =
        ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("evq_store_" + std::string(info->test_suite_name()) + "_" +
            info->name() + "_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ASSERT_TRUE(vocab_.AddText(kVocabText, "test.tsv").ok());
  }

  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::string Path(const std::string& name = "corpus.db") const {
    return (dir_ / name).string();
  }

  std::unique_ptr<Store> OpenStore(const std::string& name = "corpus.db") {
    Result<std::unique_ptr<Store>> store = Store::Open(Path(name), vocab_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return nullptr;
    return std::move(store).value();
  }

  std::filesystem::path dir_;
  Vocabulary vocab_;
};

// A claim sentence at [start, start + text size).
inline Sentence MakeClaim(const std::string& text, size_t start,
                          BackingStatus status,
                          std::vector<std::string> conditions = {},
                          std::vector<std::string> context = {}) {
  Sentence s;
  s.text = text;
  s.start = start;
  s.end = start + text.size();
  s.claim = true;
  s.kind = ClaimKind::kMechanism;
  s.status = status;
  s.conditions = std::move(conditions);
  s.context_conditions = std::move(context);
  return s;
}

inline Sentence MakeNonClaim(const std::string& text, size_t start,
                             BlockRole role = BlockRole::kParagraph) {
  Sentence s;
  s.text = text;
  s.start = start;
  s.end = start + text.size();
  s.role = role;
  return s;
}

inline Citation MakeCitation(const std::string& marker, size_t start,
                             std::vector<int> references,
                             CitationStyle style = CitationStyle::kNumeric) {
  Citation c;
  c.marker = marker;
  c.start = start;
  c.end = start + marker.size();
  c.style = style;
  c.references = std::move(references);
  return c;
}

inline CslItem MakeReference(const std::string& family,
                             const std::string& given, int year,
                             const std::string& title,
                             const std::string& container) {
  CslItem item;
  item.type = "article-journal";
  item.author.push_back(CslName{family, given, ""});
  item.issued.year = year;
  item.title = title;
  item.container_title = container;
  return item;
}

// A document about fascia and back pain with two references:
//   0: Stecco 2018, 1: Travell 1999.
// Sentences: a title, a cited claim [1], a claim citing both [1-2] with
// context back pain, a vague claim about lumbago, a heading, an unbacked
// claim about neck pain.
inline Analysis FasciaArticle(const std::string& source = "fascia.html") {
  Analysis a;
  a.source = source;
  a.format = "html";
  a.title = "Back Pain & Fascia";
  a.has_reference_list = true;
  CslItem stecco = MakeReference("Stecco", "Carla", 2018,
                                 "Fascial anatomy of the lumbar spine",
                                 "Journal of Anatomy");
  stecco.id = "ref-1";
  stecco.doi = "10.1111/joa.12345";
  stecco.citation_number = "1";
  stecco.raw =
      "1. Stecco C. Fascial anatomy of the lumbar spine. J Anat. 2018.";
  CslItem travell =
      MakeReference("Travell", "Janet", 1999, "Myofascial pain and dysfunction",
                    "Williams & Wilkins");
  travell.type = "book";
  travell.author.push_back(CslName{"Simons", "David", ""});
  travell.id = "ref-2";
  travell.citation_number = "2";
  a.references = {stecco, travell};

  a.sentences.push_back(
      MakeNonClaim("Back Pain & Fascia", 0, BlockRole::kTitle));
  Sentence cited = MakeClaim(
      "The thoracolumbar fascia transmits load between the trunk and limbs "
      "(1).",
      19, BackingStatus::kCited);
  cited.anatomy = {"thoracolumbar fascia"};
  cited.context_conditions = {"back pain"};
  cited.citations.push_back(MakeCitation("(1)", 19 + 71, {0}));
  a.sentences.push_back(cited);

  Sentence both = MakeClaim("Tight fascia may refer pain down the legs [1-2].",
                            100, BackingStatus::kCited, {}, {"back pain"});
  both.hedged = true;
  both.hedge_cues = {"may"};
  both.anatomy = {"fascia"};
  both.citations.push_back(MakeCitation("[1-2]", 141, {0, 1}));
  a.sentences.push_back(both);

  Sentence vague =
      MakeClaim("Studies show foam rolling eases lumbago within weeks.", 160,
                BackingStatus::kVague, {"low back pain"});
  vague.kind = ClaimKind::kEfficacy;
  vague.backing_phrase = "Studies show";
  vague.interventions = {"foam rolling"};
  vague.evidence = {"vague:studies show", "kind:efficacy"};
  a.sentences.push_back(vague);

  a.sentences.push_back(MakeNonClaim("Neck Pain", 220, BlockRole::kHeading));
  Sentence neck = MakeClaim("Neck pain is rarely caused by fascia alone.", 230,
                            BackingStatus::kListed, {"neck pain"});
  neck.negated = true;
  a.sentences.push_back(neck);
  return a;
}

// Runs one query returning one text value on a separate connection.
inline std::string QueryText(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
      SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      if (text != nullptr) out = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return out;
}

// Runs statements on a separate read-write connection; true on success.
inline bool ExecSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  bool ok =
      sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
      sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

}  // namespace evq::store_test

#endif  // EVQ_TESTS_STORE_STORE_TEST_UTIL_H_
