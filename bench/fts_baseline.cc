// bench/fts_baseline.cc: one FTS5 table, one transaction, one statement.
#include "fts_baseline.h"

#include <sqlite3.h>

#include <cstdio>
#include <string>

namespace evq::bench {

FtsBaseline::~FtsBaseline() {
  if (insert_ != nullptr) sqlite3_finalize(insert_);
  if (db_ != nullptr) sqlite3_close(db_);
}

Status FtsBaseline::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = std::string(sql) + ": " + (err ? err : "unknown error");
    sqlite3_free(err);
    return Status::Internal(msg);
  }
  return Status::Ok();
}

Status FtsBaseline::Open(const std::string& path) {
  std::remove(path.c_str());
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
    return Status::IoError(path + ": " + sqlite3_errmsg(db_));
  }
  for (const char* sql :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
        "CREATE VIRTUAL TABLE sentences USING fts5(text, tokenize = 'unicode61 "
        "remove_diacritics 2')",
        "BEGIN"}) {
    Status s = Exec(sql);
    if (!s.ok()) return s;
  }
  if (sqlite3_prepare_v2(db_, "INSERT INTO sentences(text) VALUES (?)", -1,
                         &insert_, nullptr) != SQLITE_OK) {
    return Status::Internal(std::string("prepare: ") + sqlite3_errmsg(db_));
  }
  return Status::Ok();
}

Status FtsBaseline::Insert(std::string_view text) {
  sqlite3_bind_text(insert_, 1, text.data(), static_cast<int>(text.size()),
                    SQLITE_STATIC);
  int rc = sqlite3_step(insert_);
  sqlite3_reset(insert_);
  if (rc != SQLITE_DONE)
    return Status::Internal(std::string("insert: ") + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status FtsBaseline::Commit() { return Exec("COMMIT"); }

}  // namespace evq::bench
