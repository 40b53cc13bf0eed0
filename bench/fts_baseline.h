// bench/fts_baseline.h: the bare FTS5 insert that the import is compared to.
//
// A fresh SQLite database with one FTS5 table; all sentence texts are
// inserted with one prepared statement inside one transaction. This is the
// floor under evq's own import: the cost of indexing the text and nothing
// else (no claims, citations, references or term rows).
#ifndef EVQ_BENCH_FTS_BASELINE_H_
#define EVQ_BENCH_FTS_BASELINE_H_

#include <string>
#include <string_view>

#include "evq/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace evq::bench {

class FtsBaseline {
 public:
  FtsBaseline() = default;
  ~FtsBaseline();
  FtsBaseline(const FtsBaseline&) = delete;
  FtsBaseline& operator=(const FtsBaseline&) = delete;

  // Creates the database at `path` (removing any old file), the table, and
  // opens the transaction. Uses the same journal mode as the evq store (WAL).
  [[nodiscard]] Status Open(const std::string& path);
  // Inserts one sentence.
  [[nodiscard]] Status Insert(std::string_view text);
  // Commits the transaction.
  [[nodiscard]] Status Commit();

 private:
  Status Exec(const char* sql);
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

}  // namespace evq::bench

#endif  // EVQ_BENCH_FTS_BASELINE_H_
