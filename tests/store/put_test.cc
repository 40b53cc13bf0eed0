// Store::Put: writing, replacing on re-import, rolling back on failure.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evq/store.h"
#include "store_test_util.h"

namespace evq::store_test {
namespace {

using PutTest = StoreTest;

StoreStats MustStats(Store& store, const std::string& document = "") {
  Result<StoreStats> stats = store.Stats(document);
  EXPECT_TRUE(stats.ok()) << stats.status().message();
  return stats.ok() ? stats.value() : StoreStats();
}

TEST_F(PutTest, CountsWhatWasPut) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  StoreStats stats = MustStats(*store);
  EXPECT_EQ(stats.documents, 1);
  EXPECT_EQ(stats.sentences, 6);
  EXPECT_EQ(stats.claims, 4);
  EXPECT_EQ(stats.references, 2);
  EXPECT_EQ(stats.citations, 2);
  EXPECT_EQ(stats.by_status[static_cast<int>(BackingStatus::kCited)], 2);
  EXPECT_EQ(stats.by_status[static_cast<int>(BackingStatus::kVague)], 1);
  EXPECT_EQ(stats.by_status[static_cast<int>(BackingStatus::kListed)], 1);
  EXPECT_EQ(stats.by_status[static_cast<int>(BackingStatus::kUnbacked)], 0);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(PutTest, StatsPerDocument) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(FasciaArticle("a.html")).ok());
  Analysis small;
  small.source = "b.txt";
  small.format = "text";
  small.sentences.push_back(
      MakeClaim("Back pain is common.", 0, BackingStatus::kUnbacked));
  ASSERT_TRUE(store->Put(small).ok());

  StoreStats b = MustStats(*store, "b.txt");
  EXPECT_EQ(b.documents, 1);
  EXPECT_EQ(b.sentences, 1);
  EXPECT_EQ(b.claims, 1);
  EXPECT_EQ(b.references, 0);
  EXPECT_EQ(b.citations, 0);
  EXPECT_EQ(b.by_status[static_cast<int>(BackingStatus::kUnbacked)], 1);
  StoreStats a = MustStats(*store, "a.html");
  EXPECT_EQ(a.sentences, 6);
  EXPECT_EQ(a.citations, 2);
  StoreStats all = MustStats(*store);
  EXPECT_EQ(all.documents, 2);
  EXPECT_EQ(all.claims, 5);

  Result<StoreStats> missing = store->Stats("nope.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "stats: no document 'nope.txt'");
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(PutTest, RePutReplacesTheDocument) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  StoreStats stats = MustStats(*store);
  EXPECT_EQ(stats.documents, 1);
  EXPECT_EQ(stats.sentences, 6);
  EXPECT_EQ(stats.references, 2);
  EXPECT_EQ(stats.citations, 2);

  // A new version of the same source, shorter and without references.
  Analysis v2;
  v2.source = "fascia.html";
  v2.format = "html";
  v2.title = "Fascia, revised";
  v2.sentences.push_back(MakeClaim("Fascia glides over muscle.", 0,
                                   BackingStatus::kUnbacked, {}, {}));
  ASSERT_TRUE(store->Put(v2).ok());
  stats = MustStats(*store);
  EXPECT_EQ(stats.documents, 1);
  EXPECT_EQ(stats.sentences, 1);
  EXPECT_EQ(stats.claims, 1);
  EXPECT_EQ(stats.references, 0);
  EXPECT_EQ(stats.citations, 0);
  EXPECT_EQ(stats.by_status[static_cast<int>(BackingStatus::kCited)], 0);

  // The old text is gone from the full-text index too.
  Result<std::vector<SearchHit>> old_hits = store->Search("thoracolumbar", 10);
  ASSERT_TRUE(old_hits.ok()) << old_hits.status().message();
  EXPECT_TRUE(old_hits->empty());
  Result<std::vector<SearchHit>> new_hits = store->Search("glides", 10);
  ASSERT_TRUE(new_hits.ok());
  EXPECT_EQ(new_hits->size(), 1u);
  Result<std::vector<StoredClaim>> about =
      store->Claims({.about = "back pain"});
  ASSERT_TRUE(about.ok());
  EXPECT_TRUE(about->empty());
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(PutTest, FailedPutRollsBackAndKeepsThePreviousVersion) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  const StoreStats before = MustStats(*store);

  // Same source, so the old rows are deleted first; the last sentence cites
  // a reference that does not exist, after several rows have been written.
  Analysis bad = FasciaArticle();
  bad.sentences.back().citations.push_back(MakeCitation("[5]", 270, {4}));
  Status s = store->Put(bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "put fascia.html: sentence 5 citation 0: reference index 4 out of "
            "range (2 references)");

  const StoreStats after = MustStats(*store);
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.sentences, before.sentences);
  EXPECT_EQ(after.claims, before.claims);
  EXPECT_EQ(after.references, before.references);
  EXPECT_EQ(after.citations, before.citations);
  Result<std::vector<SearchHit>> hits = store->Search("thoracolumbar", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 1u);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(PutTest, ConstraintViolationRollsBackNewTermsToo) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  // A sentence naming a condition no document has used yet, then one with a
  // status out of range: SQLite's CHECK constraint fails midway.
  Analysis bad;
  bad.source = "bad.txt";
  bad.format = "text";
  bad.sentences.push_back(MakeClaim("Sciatica radiates down the leg.", 0,
                                    BackingStatus::kUnbacked, {"sciatica"}));
  bad.sentences.push_back(
      MakeClaim("Broken.", 40, static_cast<BackingStatus>(42)));
  Status s = store->Put(bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "put bad.txt: sentence 1: CHECK constraint failed: status BETWEEN "
            "0 AND 5");
  StoreStats stats = MustStats(*store);
  EXPECT_EQ(stats.documents, 0);
  EXPECT_EQ(stats.sentences, 0);
  EXPECT_EQ(QueryText(Path(), "SELECT count(*) FROM terms"), "0");

  // The term inserted by the failed Put is gone; a later Put must insert it
  // again rather than reuse a stale id.
  Analysis good;
  good.source = "good.txt";
  good.format = "text";
  good.sentences.push_back(MakeClaim("Sciatica often resolves.", 0,
                                     BackingStatus::kUnbacked, {"sciatica"}));
  ASSERT_TRUE(store->Put(good).ok());
  Result<std::vector<StoredClaim>> claims =
      store->Claims({.about = "Sciatica"});
  ASSERT_TRUE(claims.ok()) << claims.status().message();
  ASSERT_EQ(claims->size(), 1u);
  EXPECT_EQ((*claims)[0].document, "good.txt");
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(PutTest, IntegrityCheckCatchesCountsThatDisagreeWithRows) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  ASSERT_TRUE(store->CheckIntegrity().ok());
  ASSERT_TRUE(ExecSql(Path(),
                      "UPDATE documents SET n_vague = n_vague + 1, "
                      "n_listed = n_listed - 1"));
  Status s = store->CheckIntegrity();
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_EQ(s.message(), Path() +
                             ": counts of document 'fascia.html' do not "
                             "match its rows");
  // A re-import writes them afresh.
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(PutTest, RecordsVocabularyTermsWithTheirBroaderChain) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  // "low back pain" brought "back pain" (already used as context) and its
  // synonyms; "thoracolumbar fascia" brought "fascia".
  EXPECT_EQ(QueryText(Path(),
                      "SELECT b.name FROM terms t JOIN terms b ON b.id = "
                      "t.broader WHERE t.name = 'low back pain'"),
            "back pain");
  EXPECT_EQ(QueryText(Path(),
                      "SELECT mesh_id FROM terms WHERE name = 'low back pain'"),
            "D017116");
  EXPECT_EQ(QueryText(Path(),
                      "SELECT group_concat(s.name, '|') FROM (SELECT ts.name "
                      "FROM term_synonyms ts JOIN terms t ON t.id = ts.term_id "
                      "WHERE t.name = 'low back pain' ORDER BY ts.name) s"),
            "LBP|lumbago");
  EXPECT_EQ(QueryText(Path(),
                      "SELECT b.name FROM terms t JOIN terms b ON b.id = "
                      "t.broader WHERE t.name = 'thoracolumbar fascia'"),
            "fascia");
  // Terms of the vocabulary no document uses are not copied.
  EXPECT_EQ(QueryText(Path(), "SELECT count(*) FROM terms WHERE name = 'x'"),
            "0");
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

}  // namespace
}  // namespace evq::store_test
