// store/stats.cc: Store::References, Store::Stats and Store::CheckIntegrity.
#include <string>
#include <vector>

#include "evq/store.h"
#include "store/db.h"
#include "store/store_internal.h"

namespace evq {

Status Store::Rep::FindDocument(const std::string& what,
                                const std::string& source, int64_t* id) {
  Status s;
  store::Stmt* stmt = Cached("SELECT id FROM documents WHERE source = ?1", &s);
  if (stmt == nullptr) return store::WithPrefix(what, s);
  store::StmtResetter reset(*stmt);
  stmt->Bind(1, source);
  if (!stmt->Step(&s)) {
    if (!s.ok()) return store::WithPrefix(what, s);
    return Status::NotFound(what + ": no document '" + source + "'");
  }
  *id = stmt->Int(0);
  return Status::Ok();
}

Status Store::Rep::Count(const char* sql, int64_t document_id, int64_t* out) {
  Status s;
  store::Stmt* stmt = Cached(sql, &s);
  if (stmt == nullptr) return s;
  store::StmtResetter reset(*stmt);
  stmt->Bind(1, document_id);
  *out = stmt->Step(&s) ? stmt->Int(0) : 0;
  return s;
}

Result<std::vector<StoredReference>> Store::References(
    const std::string& document) {
  Status s;
  int64_t doc_id = 0;
  if (!document.empty()) {
    if (s = rep_->FindDocument("references", document, &doc_id); !s.ok()) {
      return s;
    }
  }
  // ?1 = 0 means every document (ids start at 1).
  store::Stmt* refs = rep_->Cached(
      "SELECT r.id, d.source, r.csl FROM refs r "
      "JOIN documents d ON d.id = r.document_id "
      "WHERE ?1 = 0 OR r.document_id = ?1 ORDER BY d.source, r.ordinal",
      &s);
  if (refs == nullptr) return store::WithPrefix("references", s);
  std::vector<int64_t> ids;
  std::vector<StoredReference> out;
  {
    store::StmtResetter reset(*refs);
    refs->Bind(1, doc_id);
    while (refs->Step(&s)) {
      ids.push_back(refs->Int(0));
      StoredReference ref;
      ref.document = refs->Text(1);
      if (Status p = store::CslItemFromJson(refs->Text(2), &ref.item);
          !p.ok()) {
        return store::WithPrefix("references", p);
      }
      out.push_back(std::move(ref));
    }
    if (!s.ok()) return store::WithPrefix("references", s);
  }

  store::Stmt* citing = rep_->Cached(
      "SELECT s.text FROM citation_refs cr "
      "JOIN citations c ON c.id = cr.citation_id "
      "JOIN sentences s ON s.id = c.sentence_id "
      "WHERE cr.ref_id = ?1 AND s.claim = 1 "
      "GROUP BY s.id ORDER BY s.ordinal",
      &s);
  if (citing == nullptr) return store::WithPrefix("references", s);
  for (size_t i = 0; i < ids.size(); ++i) {
    store::StmtResetter reset(*citing);
    citing->Bind(1, ids[i]);
    while (citing->Step(&s)) out[i].citing_claims.push_back(citing->Text(0));
    if (!s.ok()) return store::WithPrefix("references", s);
  }
  return out;
}

Result<StoreStats> Store::Stats(const std::string& document) {
  StoreStats stats;
  Status s;
  int64_t doc_id = 0;
  if (!document.empty()) {
    if (s = rep_->FindDocument("stats", document, &doc_id); !s.ok()) {
      return s;
    }
  }
  // ?1 = 0 means the whole corpus. Two forms of each count, so each can use
  // its index (a per-document count must not scan the corpus).
  Rep* r = rep_.get();
  if (doc_id == 0) {
    s = r->Count("SELECT count(*) FROM documents WHERE ?1 = 0", 0,
                 &stats.documents);
    if (s.ok()) {
      s = r->Count("SELECT count(*) FROM sentences WHERE ?1 = 0", 0,
                   &stats.sentences);
    }
    if (s.ok()) {
      s = r->Count("SELECT count(*) FROM refs WHERE ?1 = 0", 0,
                   &stats.references);
    }
    if (s.ok()) {
      s = r->Count("SELECT count(*) FROM citations WHERE ?1 = 0", 0,
                   &stats.citations);
    }
  } else {
    stats.documents = 1;
    s = r->Count("SELECT count(*) FROM sentences WHERE document_id = ?1",
                 doc_id, &stats.sentences);
    if (s.ok()) {
      s = r->Count("SELECT count(*) FROM refs WHERE document_id = ?1", doc_id,
                   &stats.references);
    }
    if (s.ok()) {
      s = r->Count(
          "SELECT count(*) FROM citations c "
          "JOIN sentences s ON s.id = c.sentence_id "
          "WHERE s.document_id = ?1",
          doc_id, &stats.citations);
    }
  }
  if (!s.ok()) return store::WithPrefix("stats", s);

  store::Stmt* by_status = r->Cached(
      doc_id == 0 ? "SELECT status, count(*) FROM sentences WHERE claim = 1 "
                    "AND ?1 = 0 GROUP BY status"
                  : "SELECT status, count(*) FROM sentences WHERE claim = 1 "
                    "AND document_id = ?1 GROUP BY status",
      &s);
  if (by_status == nullptr) return store::WithPrefix("stats", s);
  store::StmtResetter reset(*by_status);
  by_status->Bind(1, doc_id);
  while (by_status->Step(&s)) {
    int64_t status = by_status->Int(0);
    int64_t n = by_status->Int(1);
    if (status >= 0 && status < 6) stats.by_status[status] = n;
    stats.claims += n;
  }
  if (!s.ok()) return store::WithPrefix("stats", s);
  return stats;
}

Status Store::CheckIntegrity() {
  Status s;
  store::Stmt* check = rep_->Cached("PRAGMA integrity_check", &s);
  if (check == nullptr) return store::WithPrefix("integrity", s);
  std::string problems;
  {
    store::StmtResetter reset(*check);
    while (check->Step(&s)) {
      std::string line = check->Text(0);
      if (line == "ok") continue;
      if (!problems.empty()) problems += "; ";
      problems += line;
    }
    if (!s.ok()) return store::WithPrefix(rep_->path + ": integrity", s);
  }
  if (!problems.empty()) {
    return Status::Corruption(rep_->path +
                              ": integrity check failed: " + problems);
  }
  // The FTS indexes must agree with the tables they index.
  for (const char* sql :
       {"INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')",
        "INSERT INTO refs_fts (refs_fts) VALUES ('integrity-check')"}) {
    if (Status f = store::Exec(rep_->db, sql); !f.ok()) {
      return Status::Corruption(
          rep_->path +
          ": full-text index check failed: " + sqlite3_errmsg(rep_->db));
    }
  }
  store::Stmt* fk = rep_->Cached("PRAGMA foreign_key_check", &s);
  if (fk == nullptr) return store::WithPrefix("integrity", s);
  store::StmtResetter reset(*fk);
  if (fk->Step(&s)) {
    return Status::Corruption(rep_->path + ": foreign key violation in " +
                              fk->Text(0));
  }
  if (!s.ok()) return store::WithPrefix(rep_->path + ": integrity", s);
  return Status::Ok();
}

}  // namespace evq
