// The C API's claim cursor (evq.h): evq_claims and the evq_cursor_*
// accessors, over evq::ClaimCursor (one document's claims in memory at a
// time).
#include <memory>
#include <string>
#include <vector>

#include "evq.h"
#include "evq/analysis.h"
#include "evq/store.h"
#include "evq_c_internal.h"

struct evq_cursor {
  evq_db* db = nullptr;
  std::unique_ptr<evq::ClaimCursor> claims;
  // evq_claims reads the first row ahead, so that errors such as a
  // malformed `cites` query come back from evq_claims itself.
  bool primed = false;
  bool has_row = false;  // claims->claim() is the current row
  std::string json;      // evq_cursor_json's buffer
};

namespace {

const evq::StoredClaim* Current(evq_cursor* cursor) {
  if (cursor == nullptr || !cursor->has_row) return nullptr;
  return &cursor->claims->claim();
}

}  // namespace

extern "C" {

int evq_claims(evq_db* db, const char* about, int statuses,
               const char* document, const char* cites, evq_cursor** cursor) {
  if (cursor != nullptr) *cursor = nullptr;
  if (db == nullptr) return EVQ_MISUSE;
  if (cursor == nullptr || !db->corpus) {
    return db->Set(EVQ_MISUSE, "evq_claims: cursor is NULL or the database is not open");
  }
  return evq::capi::Guard(db, "evq_claims", [&] {
    evq::ClaimQuery query;
    if (about != nullptr) query.about = about;
    if (document != nullptr) query.document = document;
    if (cites != nullptr) query.cites = cites;
    if ((statuses & EVQ_CITES_RETRACTED) != 0) {
      query.cites_retracted = true;
      statuses &= ~EVQ_CITES_RETRACTED;
    }
    if ((statuses & ~EVQ_STATUS_ALL) != 0) {
      return db->Set(EVQ_INVALID, "evq_claims: unknown status bits " +
                                      std::to_string(statuses & ~EVQ_STATUS_ALL));
    }
    for (int i = 0; i < 6; ++i) {
      if (statuses & (1 << i)) {
        query.statuses.push_back(static_cast<evq::BackingStatus>(i));
      }
    }
    auto c = std::make_unique<evq_cursor>();
    c->db = db;
    evq::Result<std::unique_ptr<evq::ClaimCursor>> claims =
        db->corpus->OpenClaimCursor(query);
    if (!claims.ok()) return evq::capi::Fail(db, claims.status());
    c->claims = std::move(claims).value();
    c->has_row = c->claims->Next();
    if (!c->has_row && !c->claims->status().ok()) {
      return evq::capi::Fail(db, c->claims->status());
    }
    c->primed = true;
    ++db->open_cursors;
    *cursor = c.release();
    return db->Ok();
  });
}

int evq_cursor_next(evq_cursor* cursor) {
  if (cursor == nullptr) return EVQ_MISUSE;
  evq_db* db = cursor->db;
  return evq::capi::Guard(db, "evq_cursor_next", [&] {
    cursor->json.clear();
    if (cursor->primed) {
      cursor->primed = false;  // the row evq_claims read ahead
    } else if (cursor->has_row) {
      cursor->has_row = cursor->claims->Next();
    }
    if (cursor->has_row) {
      db->Ok();
      return EVQ_ROW;
    }
    if (!cursor->claims->status().ok()) {
      return evq::capi::Fail(db, cursor->claims->status());
    }
    db->Ok();
    return EVQ_DONE;
  });
}

const char* evq_cursor_document(evq_cursor* cursor) {
  const evq::StoredClaim* row = Current(cursor);
  return row == nullptr ? "" : row->document.c_str();
}

const char* evq_cursor_text(evq_cursor* cursor) {
  const evq::StoredClaim* row = Current(cursor);
  return row == nullptr ? "" : row->sentence.text.c_str();
}

int evq_cursor_status(evq_cursor* cursor) {
  const evq::StoredClaim* row = Current(cursor);
  return row == nullptr ? 0 : 1 << static_cast<int>(row->sentence.status);
}

const char* evq_cursor_status_name(evq_cursor* cursor) {
  const evq::StoredClaim* row = Current(cursor);
  return row == nullptr ? "" : evq::BackingStatusName(row->sentence.status);
}

int evq_cursor_hedged(evq_cursor* cursor) {
  const evq::StoredClaim* row = Current(cursor);
  return row != nullptr && row->sentence.hedged ? 1 : 0;
}

int evq_cursor_citation_count(evq_cursor* cursor) {
  const evq::StoredClaim* row = Current(cursor);
  return row == nullptr ? 0 : static_cast<int>(row->sentence.citations.size());
}

const char* evq_cursor_json(evq_cursor* cursor) {
  const evq::StoredClaim* row = Current(cursor);
  if (row == nullptr) return "";
  if (cursor->json.empty()) {
    try {
      cursor->json = evq::StoredClaimToJson(*row);
    } catch (...) {
      // Out of memory: the accessor has no error return; an empty record
      // is the documented "no row" answer.
      cursor->json.clear();
    }
  }
  return cursor->json.c_str();
}

void evq_cursor_close(evq_cursor* cursor) {
  if (cursor == nullptr) return;
  --cursor->db->open_cursors;
  delete cursor;
}

}  // extern "C"
