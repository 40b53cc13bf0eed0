// Store::Open: creating, reopening, and refusing files that are not evq
// databases of a version this build reads.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "evq/store.h"
#include "store/store_internal.h"
#include "store_test_util.h"

namespace evq::store_test {
namespace {

using OpenTest = StoreTest;

TEST_F(OpenTest, CreatesDatabaseInWalModeWithEvqIds) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(QueryText(Path(), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryText(Path(), "PRAGMA application_id"),
            std::to_string(store::kApplicationId));
  EXPECT_EQ(store::kApplicationId, 0x45565131);
  EXPECT_EQ(
      QueryText(Path(), "SELECT value FROM meta WHERE key = 'schema_version'"),
      std::to_string(kSchemaVersion));
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->documents, 0);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(OpenTest, ReopenKeepsDocuments) {
  {
    auto store = OpenStore();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  }
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->sentences, 6);
  // The about-query works from the database alone: reopen with an empty
  // vocabulary.
  Vocabulary empty;
  Result<std::unique_ptr<Store>> bare = Store::Open(Path(), empty);
  ASSERT_TRUE(bare.ok()) << bare.status().message();
  Result<std::vector<StoredClaim>> claims =
      bare.value()->Claims({.about = "lumbago"});
  ASSERT_TRUE(claims.ok()) << claims.status().message();
  ASSERT_EQ(claims->size(), 1u);
  EXPECT_EQ((*claims)[0].sentence.conditions,
            std::vector<std::string>{"low back pain"});
  EXPECT_TRUE(bare.value()->CheckIntegrity().ok());
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(OpenTest, RejectsFileThatIsNotSqlite) {
  {
    std::ofstream out(Path("notes.db"));
    for (int i = 0; i < 64; ++i) out << "These are my notes, not a database.\n";
  }
  Result<std::unique_ptr<Store>> store = Store::Open(Path("notes.db"), vocab_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(
      store.status().message(),
      Path("notes.db") + ": not an SQLite database (file is not a database)");
}

TEST_F(OpenTest, RejectsOtherApplicationsDatabase) {
  ASSERT_TRUE(ExecSql(Path("other.db"),
                      "CREATE TABLE t (x); INSERT INTO t VALUES (1)"));
  Result<std::unique_ptr<Store>> store = Store::Open(Path("other.db"), vocab_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(store.status().message(),
            Path("other.db") + ": not an evq database (application_id 0)");
  // Refusing must not have touched the file: still one table, not WAL.
  EXPECT_EQ(QueryText(Path("other.db"), "SELECT count(*) FROM sqlite_schema"),
            "1");
  EXPECT_EQ(QueryText(Path("other.db"), "PRAGMA journal_mode"), "delete");
}

TEST_F(OpenTest, RejectsForeignApplicationIdEvenWhenEmpty) {
  ASSERT_TRUE(ExecSql(Path("gpkg.db"), "PRAGMA application_id = 1196444487"));
  Result<std::unique_ptr<Store>> store = Store::Open(Path("gpkg.db"), vocab_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(
      store.status().message(),
      Path("gpkg.db") + ": not an evq database (application_id 1196444487)");
}

TEST_F(OpenTest, RejectsNewerSchema) {
  {
    auto store = OpenStore();
    ASSERT_NE(store, nullptr);
  }
  ASSERT_TRUE(ExecSql(
      Path(), "UPDATE meta SET value = '7' WHERE key = 'schema_version'"));
  Result<std::unique_ptr<Store>> store = Store::Open(Path(), vocab_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(store.status().message(),
            Path() + ": schema version 7 is newer than this evq (2)");
}

TEST_F(OpenTest, RejectsEvqDatabaseWithoutSchemaVersion) {
  {
    auto store = OpenStore();
    ASSERT_NE(store, nullptr);
  }
  ASSERT_TRUE(ExecSql(Path(), "DELETE FROM meta"));
  Result<std::unique_ptr<Store>> store = Store::Open(Path(), vocab_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(store.status().message(),
            Path() + ": evq database without a schema version");
}

TEST_F(OpenTest, EmptyFileBecomesADatabase) {
  { std::ofstream out(Path("empty.db")); }
  auto store = OpenStore("empty.db");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(OpenTest, MissingDirectoryIsAnIoError) {
  Result<std::unique_ptr<Store>> store =
      Store::Open(Path("no/such/dir/corpus.db"), vocab_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIoError);
  EXPECT_EQ(store.status().message(),
            Path("no/such/dir/corpus.db") +
                ": cannot open: unable to open database file");
}

TEST_F(OpenTest, TwoStoresShareOneFile) {
  auto writer = OpenStore();
  auto reader = OpenStore();
  ASSERT_NE(writer, nullptr);
  ASSERT_NE(reader, nullptr);
  ASSERT_TRUE(writer->Put(FasciaArticle("a.html")).ok());
  Result<StoreStats> stats = reader->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1);
  ASSERT_TRUE(reader->Put(FasciaArticle("b.html")).ok());
  stats = writer->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 2);
  EXPECT_TRUE(writer->CheckIntegrity().ok());
  EXPECT_TRUE(reader->CheckIntegrity().ok());
}

TEST_F(OpenTest, OpeningForQueriesTakesNoWriteLock) {
  {
    auto store = OpenStore();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  }
  // Another process is in the middle of an import.
  sqlite3* writer = nullptr;
  ASSERT_EQ(sqlite3_open(Path().c_str(), &writer), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(writer, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr),
            SQLITE_OK);
  auto reader = OpenStore();
  ASSERT_NE(reader, nullptr);
  Result<std::vector<StoredClaim>> claims = reader->Claims({.about = "LBP"});
  ASSERT_TRUE(claims.ok()) << claims.status().message();
  EXPECT_EQ(claims->size(), 1u);
  sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(writer);
  // (FTS5's integrity check is an INSERT command: it needs the write lock.)
  EXPECT_TRUE(reader->CheckIntegrity().ok());
}

}  // namespace
}  // namespace evq::store_test
