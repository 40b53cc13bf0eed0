// Readers and a writer on one database at once (the WAL promise of
// evq/store.h): four reader threads, each with its own Store, query while a
// writer thread imports 200 documents (and, in the cursor test, replaces
// some). No call may fail, and every reader must see each document whole:
// all of its claims, each with its citations and references, or none.
#include <atomic>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store_test_util.h"

namespace evq::store_test {
namespace {

constexpr int kDocuments = 200;
constexpr int kReaders = 4;
// FasciaArticle has four claims: two cited, one vague, one listed; three of
// them are about back pain (two by context, one about low back pain).
constexpr int kClaimsPerDocument = 4;
constexpr int kBackPainClaimsPerDocument = 3;

std::string Source(int i) {
  char name[32];
  std::snprintf(name, sizeof name, "doc-%03d.html", i);
  return name;
}

class ConcurrencyTest : public StoreTest {
 protected:
  // Records the first failure seen by any thread; gtest's EXPECTs are safe
  // from threads, but one message reads better than thousands.
  void Fail(const std::string& message) {
    std::lock_guard<std::mutex> lock(mu_);
    if (failures_++ == 0) first_failure_ = message;
  }

  // Reads with Store::Claims, or with a ClaimCursor when `cursor`.
  void Reader(int id, const std::atomic<bool>& writer_done, bool cursor) {
    Result<std::unique_ptr<Store>> opened = Store::Open(Path(), vocab_);
    if (!opened.ok()) return Fail("reader open: " + opened.status().message());
    Store& store = **opened;
    size_t last_documents = 0;
    bool last_pass = false;
    int passes = 0;
    while (!last_pass) {
      // One more pass after the writer is done, so every reader checks the
      // final state.
      last_pass = writer_done.load();
      ++passes;
      Result<std::vector<StoredClaim>> all = cursor ? Walk(store, ClaimQuery())
                                                    : store.Claims(ClaimQuery());
      if (!all.ok()) return Fail("reader claims: " + all.status().message());
      std::map<std::string, int> per_document;
      for (const StoredClaim& c : *all) {
        ++per_document[c.document];
        // A cited claim comes with the references it cites.
        if (c.sentence.status == BackingStatus::kCited &&
            (c.sentence.citations.empty() || c.references.empty())) {
          Fail("reader " + std::to_string(id) + ": cited claim without references in " +
               c.document);
        }
      }
      for (const auto& [doc, n] : per_document) {
        if (n != kClaimsPerDocument) {
          Fail("reader " + std::to_string(id) + " saw " + std::to_string(n) + " claims of " +
               doc + ", want " + std::to_string(kClaimsPerDocument));
        }
      }
      // Documents only ever get added: a reader never sees fewer.
      if (per_document.size() < last_documents) {
        Fail("reader " + std::to_string(id) + ": documents went from " +
             std::to_string(last_documents) + " to " + std::to_string(per_document.size()));
      }
      last_documents = per_document.size();

      ClaimQuery about;
      about.about = "back pain";
      Result<std::vector<StoredClaim>> back = cursor ? Walk(store, about) : store.Claims(about);
      if (!back.ok()) return Fail("reader about: " + back.status().message());
      std::map<std::string, int> back_per_document;
      for (const StoredClaim& c : *back) ++back_per_document[c.document];
      for (const auto& [doc, n] : back_per_document) {
        if (n != kBackPainClaimsPerDocument) {
          Fail("reader " + std::to_string(id) + " saw " + std::to_string(n) +
               " back pain claims of " + doc);
        }
      }

      Result<std::vector<SearchHit>> hits = store.Search("fascia", 5);
      if (!hits.ok()) return Fail("reader search: " + hits.status().message());
      Result<StoreStats> stats = store.Stats();
      if (!stats.ok()) return Fail("reader stats: " + stats.status().message());
    }
    if (last_documents != static_cast<size_t>(kDocuments)) {
      Fail("reader " + std::to_string(id) + " ended with " + std::to_string(last_documents) +
           " documents");
    }
    reader_passes_ += passes;
  }

  // Every claim of `query` through a cursor (the test needs them all at
  // once to count per document).
  static Result<std::vector<StoredClaim>> Walk(Store& store, const ClaimQuery& query) {
    std::vector<StoredClaim> out;
    Status s = store.ForEachClaim(query, [&out](const StoredClaim& c) {
      out.push_back(c);
      return true;
    });
    if (!s.ok()) return s;
    return out;
  }

  // Four readers and one writer putting kDocuments documents; with
  // `reimport`, every tenth Put also replaces an earlier document.
  void Run(bool cursor, bool reimport) {
    // Create the database before the readers open it.
    std::unique_ptr<Store> writer_store = OpenStore();
    ASSERT_NE(writer_store, nullptr);
    std::atomic<bool> writer_done{false};
    std::vector<std::thread> readers;
    for (int i = 0; i < kReaders; ++i) {
      readers.emplace_back([this, i, cursor, &writer_done] { Reader(i, writer_done, cursor); });
    }
    std::thread writer([&] {
      for (int i = 0; i < kDocuments; ++i) {
        Status s = writer_store->Put(FasciaArticle(Source(i)));
        if (!s.ok()) Fail("writer put " + Source(i) + ": " + s.message());
        if (reimport && i % 10 == 9) {
          s = writer_store->Put(FasciaArticle(Source(i / 2)));
          if (!s.ok()) Fail("writer re-put " + Source(i / 2) + ": " + s.message());
        }
      }
      writer_done = true;
    });
    writer.join();
    for (std::thread& t : readers) t.join();

    EXPECT_EQ(failures_, 0) << "first of " << failures_ << ": " << first_failure_;
    EXPECT_GE(reader_passes_.load(), kReaders);
    Result<StoreStats> stats = writer_store->Stats();
    ASSERT_TRUE(stats.ok()) << stats.status().message();
    EXPECT_EQ(stats->documents, kDocuments);
    EXPECT_EQ(stats->claims, kDocuments * kClaimsPerDocument);
    EXPECT_TRUE(writer_store->CheckIntegrity().ok());
  }

  std::mutex mu_;
  int failures_ = 0;
  std::string first_failure_;
  std::atomic<int> reader_passes_{0};
};

TEST_F(ConcurrencyTest, ReadersSeeWholeDocumentsWhileOneWriterImports) {
  Run(/*cursor=*/false, /*reimport=*/false);
}

// Store::Claims reads a query's rows and their citation details from one
// snapshot too: a replaced document never shows a cited claim without its
// references.
TEST_F(ConcurrencyTest, ClaimsReadersSeeWholeDocumentsWhileDocumentsAreReplaced) {
  Run(/*cursor=*/false, /*reimport=*/true);
}

// A cursor reads from one snapshot, so even documents replaced while it
// walks come whole, with their citations and references.
TEST_F(ConcurrencyTest, CursorReadersSeeWholeDocumentsWhileDocumentsAreReplaced) {
  Run(/*cursor=*/true, /*reimport=*/true);
}

}  // namespace
}  // namespace evq::store_test
