// store/db.cc: RAII wrappers over sqlite3 statements and transactions.
#include "store/db.h"

#include <utility>

namespace evq::store {

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt::Stmt(Stmt&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)) {}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

void Stmt::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
}

void Stmt::Bind(int index, std::string_view value) {
  // A null data pointer would bind NULL; bind "" for empty strings so that
  // NOT NULL text columns accept them.
  sqlite3_bind_text64(stmt_, index, value.data() ? value.data() : "",
                      value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Stmt::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

void Stmt::BindDouble(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
}

bool Stmt::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Callers add what they were doing; SQLite's message says why it failed.
  *status = SqliteError(db_, "");
  return false;
}

Status Stmt::Run() {
  Status status;
  while (Step(&status)) {
  }
  return status;
}

int64_t Stmt::Int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string Stmt::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  int size = sqlite3_column_bytes(stmt_, column);
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(size));
}

double Stmt::Double(int column) const {
  return sqlite3_column_double(stmt_, column);
}

bool Stmt::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Status SqliteError(sqlite3* db, std::string_view what) {
  std::string msg(what);
  if (!msg.empty()) msg += ": ";
  msg += db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  int code = db != nullptr ? sqlite3_errcode(db) & 0xff : SQLITE_NOMEM;
  switch (code) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(std::move(msg));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PERM:
      return Status::IoError(std::move(msg));
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
      return Status::InvalidArgument(std::move(msg));
    default:
      return Status::Internal(std::move(msg));
  }
}

Status WithPrefix(const std::string& prefix, const Status& s) {
  if (s.ok()) return s;
  std::string msg = prefix + ": " + s.message();
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
      return Status::InvalidArgument(std::move(msg));
    case StatusCode::kNotFound:
      return Status::NotFound(std::move(msg));
    case StatusCode::kIoError:
      return Status::IoError(std::move(msg));
    case StatusCode::kCorruption:
      return Status::Corruption(std::move(msg));
    default:
      return Status::Internal(std::move(msg));
  }
}

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);
    std::string_view s(sql);
    return SqliteError(db, s.substr(0, 40));
  }
  return Status::Ok();
}

Status Prepare(sqlite3* db, std::string_view sql, Stmt* out) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt,
                         nullptr) != SQLITE_OK) {
    return SqliteError(db, "prepare");
  }
  *out = Stmt(db, stmt);
  return Status::Ok();
}

Transaction::~Transaction() {
  if (active_) {
    // Nothing useful to do if rollback itself fails: the connection then
    // rolls back when it closes.
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

Status Transaction::Begin() {
  Status s = Exec(db_, "BEGIN IMMEDIATE");
  active_ = s.ok();
  return s;
}

Status Transaction::Commit() {
  Status s = Exec(db_, "COMMIT");
  if (s.ok()) active_ = false;
  return s;
}

}  // namespace evq::store
