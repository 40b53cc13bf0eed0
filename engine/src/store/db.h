// store/db.h: a thin RAII layer over the SQLite C API for the store.
//
// Only the store's sources include this header: SQLite types stay out of
// evq's public headers. Errors come back as evq::Status, never as exceptions.
#ifndef EVQ_STORE_DB_H_
#define EVQ_STORE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "evq/status.h"

namespace evq::store {

// A prepared statement. Owns the sqlite3_stmt; Reset() makes it reusable,
// so statements can be cached for the life of a connection.
class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Stmt();
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Binders take 1-based parameter indexes, as sqlite3_bind_* does. Text is
  // bound SQLITE_TRANSIENT, so the caller's string need not outlive Step.
  void Bind(int index, int64_t value);
  void Bind(int index, std::string_view value);
  void BindNull(int index);
  void BindDouble(int index, double value);

  // Advances: true with a row, false when done. On error returns false and
  // sets *status (left untouched on success).
  bool Step(Status* status);
  // Runs to completion, discarding rows.
  Status Run();

  int64_t Int(int column) const;
  std::string Text(int column) const;
  double Double(int column) const;
  bool IsNull(int column) const;

  // Makes the statement ready to run again and clears its bindings.
  void Reset();

  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets a statement when the scope ends, so that an early return leaves no
// statement holding a read transaction open.
class StmtResetter {
 public:
  explicit StmtResetter(Stmt& stmt) : stmt_(stmt) {}
  ~StmtResetter() { stmt_.Reset(); }
  StmtResetter(const StmtResetter&) = delete;
  StmtResetter& operator=(const StmtResetter&) = delete;

 private:
  Stmt& stmt_;
};

// "what: sqlite's message" ("sqlite's message" when `what` is empty) for the
// last error on `db`.
Status SqliteError(sqlite3* db, std::string_view what);

// The same failure with "prefix: " before its message.
Status WithPrefix(const std::string& prefix, const Status& s);

// Executes one or more statements without results.
Status Exec(sqlite3* db, const char* sql);

// Prepares `sql` into *out.
Status Prepare(sqlite3* db, std::string_view sql, Stmt* out);

// Rolls back on destruction unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // BEGIN IMMEDIATE: takes the write lock up front, so that a concurrent
  // writer makes us wait (busy timeout) instead of failing at commit time.
  Status Begin();
  Status Commit();

 private:
  sqlite3* db_;
  bool active_ = false;
};

}  // namespace evq::store

#endif  // EVQ_STORE_DB_H_
