// The C API's claim cursor (evq.h): evq_claims and the evq_cursor_*
// accessors.
#include <string>
#include <vector>

#include "evq.h"
#include "evq/analysis.h"
#include "evq/store.h"
#include "evq_c_internal.h"

struct evq_cursor {
  evq_db* db = nullptr;
  std::vector<evq::StoredClaim> rows;
  size_t next = 0;
  const evq::StoredClaim* row = nullptr;  // the current row, or null
  std::string json;                       // evq_cursor_json's buffer
  bool done = false;
};

namespace {

const evq::StoredClaim* Current(evq_cursor* cursor) {
  return cursor == nullptr ? nullptr : cursor->row;
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
    evq::Result<std::vector<evq::StoredClaim>> rows = db->corpus->Claims(query);
    if (!rows.ok()) return evq::capi::Fail(db, rows.status());
    c->rows = std::move(rows).value();
    ++db->open_cursors;
    *cursor = c.release();
    return db->Ok();
  });
}

int evq_cursor_next(evq_cursor* cursor) {
  if (cursor == nullptr) return EVQ_MISUSE;
  evq_db* db = cursor->db;
  return evq::capi::Guard(db, "evq_cursor_next", [&] {
    cursor->row = nullptr;
    cursor->json.clear();
    if (cursor->done || cursor->next >= cursor->rows.size()) {
      cursor->done = true;
      db->Ok();
      return EVQ_DONE;
    }
    cursor->row = &cursor->rows[cursor->next++];
    db->Ok();
    return EVQ_ROW;
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
      cursor->json = evq::SentenceToJson(row->document, row->sentence, row->references);
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
