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
      std::string("SELECT r.id, d.source, r.csl, ") + store::kResolutionColumns +
          " FROM refs r JOIN documents d ON d.id = r.document_id "
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
      if (Status p = CslItemFromJson(refs->Text(2), &ref.item);
          !p.ok()) {
        return store::WithPrefix("references", p);
      }
      ref.resolution = store::ReadResolution(*refs, 3);
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
  // ?1 = '' means the whole corpus. The counts are kept per document by
  // Put, so this reads one row per document.
  Status s;
  store::Stmt* stmt = rep_->Cached(
      "SELECT count(*), total(n_sentences), total(n_claims), "
      "total(n_references), total(n_citations), total(n_cited), "
      "total(n_attributed), total(n_dangling), total(n_vague), "
      "total(n_listed), total(n_unbacked) "
      "FROM documents WHERE ?1 = '' OR source = ?1",
      &s);
  if (stmt == nullptr) return store::WithPrefix("stats", s);
  store::StmtResetter reset(*stmt);
  stmt->Bind(1, document);
  if (!stmt->Step(&s)) return store::WithPrefix("stats", s);
  StoreStats stats;
  stats.documents = stmt->Int(0);
  if (!document.empty() && stats.documents == 0) {
    return Status::NotFound("stats: no document '" + document + "'");
  }
  stats.sentences = stmt->Int(1);
  stats.claims = stmt->Int(2);
  stats.references = stmt->Int(3);
  stats.citations = stmt->Int(4);
  for (int i = 0; i < 6; ++i) stats.by_status[i] = stmt->Int(5 + i);
  // References by resolution: read from refs, since resolutions change
  // after a document is stored (PutWorks, ResolveReferences).
  store::Stmt* res = rep_->Cached(
      "SELECT r.resolution, count(*) FROM refs r "
      "WHERE ?1 = '' OR r.document_id = "
      "(SELECT id FROM documents WHERE source = ?1) GROUP BY r.resolution",
      &s);
  if (res == nullptr) return store::WithPrefix("stats", s);
  {
    store::StmtResetter reset_res(*res);
    res->Bind(1, document);
    while (res->Step(&s)) {
      int64_t r = res->Int(0);
      if (r >= 0 && r < 3) stats.by_resolution[r] = res->Int(1);
    }
    if (!s.ok()) return store::WithPrefix("stats", s);
  }
  if (document.empty()) {
    store::Stmt* works = rep_->Cached(
        "SELECT count(*) FROM works w WHERE w.origin != 2 OR EXISTS "
        "(SELECT 1 FROM refs r WHERE r.work_id = w.id)",
        &s);
    if (works == nullptr) return store::WithPrefix("stats", s);
    store::StmtResetter reset_works(*works);
    if (works->Step(&s)) stats.works = works->Int(0);
    if (!s.ok()) return store::WithPrefix("stats", s);
  }
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
        "INSERT INTO refs_fts (refs_fts) VALUES ('integrity-check')",
        "INSERT INTO works_fts (works_fts) VALUES ('integrity-check')"}) {
    if (Status f = store::Exec(rep_->db, sql); !f.ok()) {
      return Status::Corruption(
          rep_->path +
          ": full-text index check failed: " + sqlite3_errmsg(rep_->db));
    }
  }
  // The per-document counts Stats relies on must match the rows.
  store::Stmt* counts = rep_->Cached(
      "SELECT d.source FROM documents d WHERE "
      "d.n_sentences != (SELECT count(*) FROM sentences s "
      "  WHERE s.document_id = d.id) "
      "OR d.n_claims != (SELECT count(*) FROM sentences s "
      "  WHERE s.document_id = d.id AND s.claim = 1) "
      "OR d.n_references != (SELECT count(*) FROM refs r "
      "  WHERE r.document_id = d.id) "
      "OR d.n_citations != (SELECT count(*) FROM sentences s "
      "  JOIN citations c ON c.sentence_id = s.id WHERE s.document_id = d.id) "
      "OR d.n_cited != (SELECT count(*) FROM sentences s "
      "  WHERE s.document_id = d.id AND s.claim = 1 AND s.status = 0) "
      "OR d.n_attributed != (SELECT count(*) FROM sentences s "
      "  WHERE s.document_id = d.id AND s.claim = 1 AND s.status = 1) "
      "OR d.n_dangling != (SELECT count(*) FROM sentences s "
      "  WHERE s.document_id = d.id AND s.claim = 1 AND s.status = 2) "
      "OR d.n_vague != (SELECT count(*) FROM sentences s "
      "  WHERE s.document_id = d.id AND s.claim = 1 AND s.status = 3) "
      "OR d.n_listed != (SELECT count(*) FROM sentences s "
      "  WHERE s.document_id = d.id AND s.claim = 1 AND s.status = 4) "
      "OR d.n_unbacked != (SELECT count(*) FROM sentences s "
      "  WHERE s.document_id = d.id AND s.claim = 1 AND s.status = 5) "
      "LIMIT 1",
      &s);
  if (counts == nullptr) return store::WithPrefix("integrity", s);
  {
    store::StmtResetter reset_counts(*counts);
    if (counts->Step(&s)) {
      return Status::Corruption(rep_->path + ": counts of document '" +
                                counts->Text(0) + "' do not match its rows");
    }
    if (!s.ok()) return store::WithPrefix(rep_->path + ": integrity", s);
  }
  // So must the sentence fields sentence_terms repeats for the about-query.
  store::Stmt* repeated = rep_->Cached(
      "SELECT s.id FROM sentence_terms st "
      "JOIN sentences s ON s.id = st.sentence_id "
      "WHERE st.document_id != s.document_id OR st.claim != s.claim "
      "OR st.status != s.status LIMIT 1",
      &s);
  if (repeated == nullptr) return store::WithPrefix("integrity", s);
  {
    store::StmtResetter reset_repeated(*repeated);
    if (repeated->Step(&s)) {
      return Status::Corruption(rep_->path + ": terms of sentence " +
                                std::to_string(repeated->Int(0)) +
                                " disagree with the sentence");
    }
    if (!s.ok()) return store::WithPrefix(rep_->path + ": integrity", s);
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
