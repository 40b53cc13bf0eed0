// store/cursor.cc: ClaimCursor, Store::OpenClaimCursor and
// Store::ForEachClaim: the claims of a query one at a time.
//
// The cursor walks the documents in source order with a statement it keeps
// stepping, and asks Store::Claims for one document's claims at a time, so
// memory holds one document's claims, never the whole result, and the SQL
// of the filters lives in one place (claims.cc). While the document
// statement is active, SQLite keeps this connection's read transaction
// open: every batch, and the details Claims loads for it, come from the
// same snapshot, so a writer replacing a document meanwhile is seen wholly
// or not at all.
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "evq/store.h"
#include "store/db.h"
#include "store/store_internal.h"

namespace evq {

struct ClaimCursor::Rep {
  Store* store = nullptr;
  ClaimQuery query;
  store::Stmt documents;           // source of each document, in order
  std::vector<StoredClaim> batch;  // the current document's claims
  size_t next = 0;                 // index into batch of the next claim
  StoredClaim current;
  int64_t returned = 0;
  bool done = false;
  Status status;
};

ClaimCursor::ClaimCursor(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
ClaimCursor::~ClaimCursor() = default;

bool ClaimCursor::Next() {
  Rep& r = *rep_;
  if (r.done) return false;
  if (r.query.limit > 0 && r.returned >= r.query.limit) {
    // Finish the statement so the read transaction ends now.
    r.documents.Reset();
    r.done = true;
    return false;
  }
  while (r.next >= r.batch.size()) {
    r.batch.clear();
    r.next = 0;
    Status s;
    if (!r.documents.Step(&s)) {
      if (!s.ok()) r.status = store::WithPrefix("claims", s);
      r.documents.Reset();
      r.done = true;
      return false;
    }
    ClaimQuery one = r.query;
    one.document = r.documents.Text(0);
    one.limit = 0;
    Result<std::vector<StoredClaim>> claims = r.store->Claims(one);
    if (!claims.ok()) {
      r.status = claims.status();
      r.documents.Reset();
      r.done = true;
      return false;
    }
    r.batch = std::move(claims).value();
  }
  r.current = std::move(r.batch[r.next++]);
  ++r.returned;
  return true;
}

const StoredClaim& ClaimCursor::claim() const { return rep_->current; }

const Status& ClaimCursor::status() const { return rep_->status; }

Result<std::unique_ptr<ClaimCursor>> Store::OpenClaimCursor(
    const ClaimQuery& query) {
  auto rep = std::make_unique<ClaimCursor::Rep>();
  rep->store = this;
  rep->query = query;
  // Not a cached statement: it stays active while the cursor lives, and
  // Claims must stay free to run its own.
  Status s = store::Prepare(
      rep_->db,
      "SELECT source FROM documents WHERE ?1 IS NULL OR source = ?1 "
      "ORDER BY source",
      &rep->documents);
  if (!s.ok()) return store::WithPrefix("claims", s);
  if (query.document.empty()) {
    rep->documents.BindNull(1);
  } else {
    rep->documents.Bind(1, query.document);
  }
  return std::unique_ptr<ClaimCursor>(new ClaimCursor(std::move(rep)));
}

Status Store::ForEachClaim(
    const ClaimQuery& query,
    const std::function<bool(const StoredClaim&)>& visit) {
  Result<std::unique_ptr<ClaimCursor>> cursor = OpenClaimCursor(query);
  if (!cursor.ok()) return cursor.status();
  while ((*cursor)->Next()) {
    if (!visit((*cursor)->claim())) return Status::Ok();
  }
  return (*cursor)->status();
}

}  // namespace evq
