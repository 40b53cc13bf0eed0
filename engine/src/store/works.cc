// store/works.cc: known works in the store, and resolving stored references
// to them (Store::PutWorks, Store::ResolveReferences, and the resolution step
// of Store::Put).
//
// Resolution runs in memory against a WorkCache (store_internal.h) that
// mirrors the works table: authority works (bibliographies and scholarly
// documents) and works inferred from references. The cache is brought up to
// date inside each write transaction, by reading only rows added since the
// last sync unless meta.works_epoch says rows were changed or deleted; then
// it is rebuilt. Another process writing the same database is seen the same
// way.
#include "evq/works.h"

#include <sqlite3.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "evq/csl.h"
#include "evq/store.h"
#include "store/db.h"
#include "store/store_internal.h"

namespace evq {
namespace {

std::string JsonDump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string MeshJson(const std::vector<SubjectHeading>& headings) {
  nlohmann::json array = nlohmann::json::array();
  for (const SubjectHeading& h : headings) {
    array.push_back(
        {{"ui", h.descriptor_ui}, {"name", h.name}, {"major", h.major_topic}});
  }
  return JsonDump(array);
}

std::string ConflictsJson(const std::vector<std::string>& conflicts) {
  if (conflicts.empty()) return "[]";
  return JsonDump(nlohmann::json(conflicts));
}

// A work must name something to be stored or inferred.
bool Identifiable(const CslItem& item) {
  return !item.title.empty() || !item.doi.empty() || !item.pmid.empty() ||
         !item.pmcid.empty();
}

Status QueryInt(store::Stmt* stmt, int64_t* out) {
  Status s;
  store::StmtResetter reset(*stmt);
  *out = stmt->Step(&s) ? stmt->Int(0) : 0;
  return s;
}

}  // namespace

namespace store {

ReferenceResolution ReadResolution(const Stmt& stmt, int column) {
  ReferenceResolution r;
  int64_t status = stmt.Int(column);
  if (status == 1) r.status = ResolutionStatus::kMatched;
  if (status == 2) r.status = ResolutionStatus::kMismatch;
  r.score = stmt.Double(column + 1);
  r.conflicts = ParseStringArray(stmt.Text(column + 2));
  r.candidate = stmt.IsNull(column + 3) ? 0 : stmt.Int(column + 3);
  r.work = stmt.IsNull(column + 4) ? 0 : stmt.Int(column + 4);
  r.retracted = !stmt.IsNull(column + 5);
  r.retraction_evidence = r.retracted ? stmt.Text(column + 5) : "";
  return r;
}

}  // namespace store

Status Store::Rep::BumpWorksEpoch() {
  Status s;
  store::Stmt* bump = Cached(
      "UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
      "WHERE key = 'works_epoch'",
      &s);
  if (bump == nullptr) return s;
  store::StmtResetter reset(*bump);
  return bump->Run();
}

Status Store::Rep::SyncWorks() {
  Status s;
  store::Stmt* epoch_stmt = Cached(
      "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'works_epoch'", &s);
  if (epoch_stmt == nullptr) return s;
  int64_t epoch = 0;
  if (s = QueryInt(epoch_stmt, &epoch); !s.ok()) return s;
  if (works == nullptr || works->epoch != epoch) {
    works = std::make_unique<store::WorkCache>();
    works->epoch = epoch;
  }
  store::Stmt* rows =
      Cached("SELECT id, origin, csl FROM works WHERE id > ?1 ORDER BY id", &s);
  if (rows == nullptr) return s;
  store::StmtResetter reset(*rows);
  rows->Bind(1, works->max_id);
  while (rows->Step(&s)) {
    Work work;
    if (Status p = CslItemFromJson(rows->Text(2), &work.item); !p.ok()) {
      return Status::Corruption("stored work " + std::to_string(rows->Int(0)) +
                                ": " + p.message());
    }
    const int64_t id = rows->Int(0);
    if (rows->Int(1) == store::kOriginReferences) {
      works->inferred.Add(std::move(work));
      works->inferred_ids.push_back(id);
    } else {
      works->authority.Add(std::move(work));
      works->authority_ids.push_back(id);
    }
    works->max_id = id;
  }
  works->loaded = true;
  return s;
}

Status Store::Rep::IndexWorks(int64_t first_id, int64_t last_id) {
  Status s;
  store::Stmt* index = Cached(
      "INSERT INTO works_fts (rowid, authors, title, container) "
      "SELECT id, authors, title, container FROM works "
      "WHERE id BETWEEN ?1 AND ?2",
      &s);
  if (index == nullptr) return s;
  store::StmtResetter reset(*index);
  index->Bind(1, first_id);
  index->Bind(2, last_id);
  return index->Run();
}

Status Store::Rep::InsertWork(int64_t origin, const Work& work, int64_t* id,
                              int64_t explicit_id) {
  Status s;
  store::Stmt* ins = Cached(
      "INSERT INTO works (id, origin, source, line, csl, authors, title, "
      "container, doi, pmid, publication_types, mesh, retracted, "
      "retraction_evidence) "
      "VALUES (?14, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
      &s);
  if (ins == nullptr) return s;
  store::StmtResetter reset(*ins);
  if (explicit_id != 0) {
    ins->Bind(14, explicit_id);
  } else {
    ins->BindNull(14);
  }
  const CslItem& item = work.item;
  ins->Bind(1, origin);
  ins->Bind(2, work.source);
  ins->Bind(3, int64_t{work.line});
  ins->Bind(4, CslItemToJson(item));
  ins->Bind(5, store::AuthorsText(item));
  ins->Bind(6, item.title);
  ins->Bind(7, item.container_title.empty() ? item.container_title_short
                                            : item.container_title);
  ins->Bind(8, item.doi);
  ins->Bind(9, item.pmid);
  ins->Bind(10, work.publication_types.empty()
                    ? std::string("[]")
                    : JsonDump(nlohmann::json(work.publication_types)));
  ins->Bind(11, work.mesh_headings.empty() ? std::string("[]")
                                           : MeshJson(work.mesh_headings));
  ins->Bind(12, int64_t{work.retracted ? 1 : 0});
  ins->Bind(13, work.retraction_evidence);
  if (s = ins->Run(); !s.ok()) return s;
  *id = sqlite3_last_insert_rowid(db);
  return Status::Ok();
}

Status Store::Rep::PutDocumentWork(const Analysis& a) {
  const DocumentMetadata& md = a.metadata;
  const bool names_work = !md.doi.empty() || !md.pmid.empty();
  Document doc;
  doc.source = a.source;
  doc.title = a.title;
  doc.metadata = md;
  Work work = WorkFromDocument(doc);
  const std::string csl = CslItemToJson(work.item);

  Status s;
  store::Stmt* find = Cached(
      "SELECT id, csl, retracted, retraction_evidence, publication_types "
      "FROM works WHERE source = ?1 AND origin = 1",
      &s);
  if (find == nullptr) return s;
  int64_t existing = 0;
  bool same = false;
  {
    store::StmtResetter reset(*find);
    find->Bind(1, a.source);
    if (find->Step(&s)) {
      existing = find->Int(0);
      std::string types =
          work.publication_types.empty()
              ? std::string("[]")
              : JsonDump(nlohmann::json(work.publication_types));
      same = find->Text(1) == csl && (find->Int(2) != 0) == work.retracted &&
             find->Text(3) == work.retraction_evidence &&
             find->Text(4) == types;
    }
    if (!s.ok()) return s;
  }
  if (existing != 0 && names_work && same) return Status::Ok();
  if (existing != 0 && names_work && Identifiable(work.item)) {
    // The document changed what it says about itself: the row keeps its id
    // (references keep naming it) and the cached index, which holds the old
    // fields, is rebuilt at the next sync.
    store::Stmt* del = Cached("DELETE FROM works WHERE id = ?1", &s);
    if (del == nullptr) return s;
    {
      store::StmtResetter reset(*del);
      del->Bind(1, existing);
      if (s = del->Run(); !s.ok()) return s;
    }
    int64_t id = 0;
    if (s = InsertWork(store::kOriginDocument, work, &id, existing); !s.ok()) {
      return s;
    }
    if (s = IndexWorks(existing, existing); !s.ok()) return s;
    return BumpWorksEpoch();
  }
  if (existing != 0) {
    // The document no longer names a publication: references that named
    // it become unresolved until the next full resolution.
    if (s = store::Exec(
            db, ("DELETE FROM works WHERE id = " + std::to_string(existing) +
                 "; UPDATE refs SET work_id = NULL, candidate_id = "
                 "NULL, resolution = 0, resolution_score = 0, "
                 "conflicts = '[]' WHERE work_id = " +
                 std::to_string(existing) +
                 " OR candidate_id = " + std::to_string(existing))
                    .c_str());
        !s.ok()) {
      return s;
    }
    if (s = BumpWorksEpoch(); !s.ok()) return s;
  }
  if (!names_work || !Identifiable(work.item)) return Status::Ok();
  int64_t id = 0;
  if (s = InsertWork(store::kOriginDocument, work, &id); !s.ok()) return s;
  return IndexWorks(id, id);
}

Status Store::Rep::ResolveRefs(const std::vector<int64_t>& ref_ids,
                               const std::vector<CslItem>& items) {
  if (ref_ids.empty()) return Status::Ok();
  Status s = SyncWorks();
  if (!s.ok()) return s;
  store::Stmt* upd = Cached(
      "UPDATE refs SET work_id = ?2, candidate_id = ?3, resolution = ?4, "
      "resolution_score = ?5, conflicts = ?6 WHERE id = ?1",
      &s);
  if (upd == nullptr) return s;
  store::WorkCache& cache = *works;
  int64_t first_new = 0;  // the first inferred work this call adds
  for (size_t i = 0; i < ref_ids.size(); ++i) {
    const CslItem& item = items[i];
    Resolution r = cache.authority.Resolve(item);
    int64_t candidate = r.work >= 0 ? cache.authority_ids[r.work] : 0;
    int64_t work = 0;
    if (r.status == ResolutionStatus::kMatched) {
      work = candidate;
    } else if (Identifiable(item)) {
      // Not in the authority: the same publication cited elsewhere is one
      // inferred work; a new one starts here otherwise.
      Resolution same = cache.inferred.Resolve(item);
      if (same.status == ResolutionStatus::kMatched) {
        work = cache.inferred_ids[same.work];
      } else {
        Work inferred;
        inferred.item = item;
        inferred.item.raw.clear();
        inferred.item.citation_number.clear();
        inferred.item.citation_label.clear();
        if (s = InsertWork(store::kOriginReferences, inferred, &work);
            !s.ok()) {
          return s;
        }
        if (first_new == 0) first_new = work;
        cache.inferred.Add(std::move(inferred));
        cache.inferred_ids.push_back(work);
        cache.max_id = work;
      }
    }
    store::StmtResetter reset(*upd);
    upd->Bind(1, ref_ids[i]);
    if (work != 0) {
      upd->Bind(2, work);
    } else {
      upd->BindNull(2);
    }
    if (candidate != 0) {
      upd->Bind(3, candidate);
    } else {
      upd->BindNull(3);
    }
    upd->Bind(4, static_cast<int64_t>(r.status));
    upd->BindDouble(5, r.score);
    upd->Bind(6, ConflictsJson(r.conflicts));
    if (s = upd->Run(); !s.ok()) return s;
  }
  return first_new != 0 ? IndexWorks(first_new, INT64_MAX) : Status::Ok();
}

Status Store::Rep::ResolveAllLocked(int64_t* resolved) {
  // Inferred works are rebuilt from scratch: references that now match an
  // authority work leave theirs, and what is left regroups.
  Status s =
      store::Exec(db,
                  "UPDATE refs SET work_id = NULL WHERE work_id IS NOT NULL;"
                  "DELETE FROM works WHERE origin = 2");
  if (!s.ok()) return s;
  if (s = BumpWorksEpoch(); !s.ok()) return s;
  works.reset();
  if (s = SyncWorks(); !s.ok()) return s;

  // In batches, so memory stays bounded by the batch and not the corpus.
  constexpr int64_t kBatch = 2000;
  store::Stmt* page =
      Cached("SELECT id, csl FROM refs WHERE id > ?1 ORDER BY id LIMIT ?2", &s);
  if (page == nullptr) return s;
  int64_t after = 0;
  int64_t count = 0;
  while (true) {
    std::vector<int64_t> ids;
    std::vector<CslItem> items;
    {
      store::StmtResetter reset(*page);
      page->Bind(1, after);
      page->Bind(2, kBatch);
      while (page->Step(&s)) {
        CslItem item;
        if (Status p = CslItemFromJson(page->Text(1), &item); !p.ok()) {
          return Status::Corruption("stored reference " +
                                    std::to_string(page->Int(0)) + ": " +
                                    p.message());
        }
        ids.push_back(page->Int(0));
        items.push_back(std::move(item));
      }
      if (!s.ok()) return s;
    }
    if (ids.empty()) break;
    after = ids.back();
    count += static_cast<int64_t>(ids.size());
    if (s = ResolveRefs(ids, items); !s.ok()) return s;
  }
  if (resolved != nullptr) *resolved = count;
  return Status::Ok();
}

Status Store::PutWorks(const std::string& source,
                       const std::vector<Work>& works, int64_t* skipped) {
  store::Transaction txn(rep_->db);
  Status s = txn.Begin();
  int64_t not_stored = 0;
  if (s.ok()) {
    store::Stmt* del =
        rep_->Cached("DELETE FROM works WHERE source = ?1 AND origin = 0", &s);
    if (del != nullptr) {
      store::StmtResetter reset(*del);
      del->Bind(1, source);
      s = del->Run();
    }
  }
  int64_t first_new = 0;
  for (size_t i = 0; s.ok() && i < works.size(); ++i) {
    if (!Identifiable(works[i].item)) {
      ++not_stored;
      continue;
    }
    // Replacing by source needs every row of this call under `source`.
    Work w = works[i];
    w.source = source;
    int64_t id = 0;
    s = rep_->InsertWork(store::kOriginBibliography, w, &id);
    if (first_new == 0) first_new = id;
  }
  if (s.ok() && first_new != 0) s = rep_->IndexWorks(first_new, INT64_MAX);
  if (s.ok()) s = rep_->ResolveAllLocked(nullptr);
  if (s.ok()) s = txn.Commit();
  if (!s.ok()) {
    rep_->works.reset();
    return store::WithPrefix("works " + source, s);
  }
  if (skipped != nullptr) *skipped = not_stored;
  return Status::Ok();
}

Status Store::ResolveReferences(int64_t* resolved) {
  store::Transaction txn(rep_->db);
  Status s = txn.Begin();
  if (s.ok()) s = rep_->ResolveAllLocked(resolved);
  if (s.ok()) s = txn.Commit();
  if (!s.ok()) {
    rep_->works.reset();
    return store::WithPrefix("resolve", s);
  }
  return Status::Ok();
}

Result<std::vector<StoredWork>> Store::Works(const WorkQuery& query) {
  // Counts per work come from the refs_work index; orphaned inferred works
  // (their documents were replaced) are not listed.
  std::string sql =
      "WITH counted AS (SELECT w.id, w.origin, w.source, w.line, w.csl, "
      "w.publication_types, w.mesh, "
      "(SELECT group_concat(e, '; ') FROM (SELECT DISTINCT evidence AS e "
      " FROM work_retractions WHERE work_id = w.id)) AS evidence, "
      "(SELECT count(*) FROM refs r WHERE r.work_id = w.id) AS n_refs, "
      "(SELECT count(DISTINCT r.document_id) FROM refs r "
      " WHERE r.work_id = w.id) AS n_docs, "
      "(SELECT count(DISTINCT c.sentence_id) FROM refs r "
      " CROSS JOIN citation_refs cr ON cr.ref_id = r.id "
      " CROSS JOIN citations c ON c.id = cr.citation_id "
      " CROSS JOIN sentences s ON s.id = c.sentence_id "
      " WHERE r.work_id = w.id AND s.claim = 1) AS n_claims "
      "FROM works w WHERE 1";
  if (!query.text.empty()) {
    sql +=
        " AND w.id IN (SELECT rowid FROM works_fts WHERE works_fts MATCH ?1)";
  }
  if (query.id != 0) sql += " AND w.id = ?2";
  if (!query.doi.empty()) sql += " AND w.doi = ?3 COLLATE NOCASE";
  if (!query.pmid.empty()) sql += " AND w.pmid = ?4";
  if (query.retracted_only) {
    sql += " AND w.id IN (SELECT work_id FROM work_retractions)";
  }
  if (query.authority_only) sql += " AND w.origin != 2";
  sql += ") SELECT * FROM counted WHERE (origin != 2 OR n_refs > 0)";
  if (query.cited_only) sql += " AND n_refs > 0";
  sql += query.most_cited
             ? " ORDER BY n_claims DESC, n_docs DESC, n_refs DESC, id"
             : " ORDER BY id";
  sql += " LIMIT ?5";

  Status s;
  store::Stmt* stmt = rep_->Cached(sql, &s);
  if (stmt == nullptr) return store::WithPrefix("works", s);
  store::StmtResetter reset(*stmt);
  if (!query.text.empty()) stmt->Bind(1, query.text);
  if (query.id != 0) stmt->Bind(2, query.id);
  if (!query.doi.empty()) stmt->Bind(3, query.doi);
  if (!query.pmid.empty()) stmt->Bind(4, query.pmid);
  stmt->Bind(5, int64_t{query.limit > 0 ? query.limit : -1});
  std::vector<StoredWork> out;
  while (stmt->Step(&s)) {
    StoredWork w;
    w.id = stmt->Int(0);
    const int64_t origin = stmt->Int(1);
    w.origin = origin == store::kOriginBibliography ? "bibliography"
               : origin == store::kOriginDocument   ? "document"
                                                    : "references";
    w.work.source = stmt->Text(2);
    w.work.line = static_cast<int>(stmt->Int(3));
    if (Status p = CslItemFromJson(stmt->Text(4), &w.work.item); !p.ok()) {
      return Status::Corruption("works: stored work " + std::to_string(w.id) +
                                ": " + p.message());
    }
    w.work.publication_types = store::ParseStringArray(stmt->Text(5));
    try {
      for (const nlohmann::json& h : nlohmann::json::parse(stmt->Text(6))) {
        SubjectHeading sh;
        sh.descriptor_ui = h.value("ui", "");
        sh.name = h.value("name", "");
        sh.major_topic = h.value("major", false);
        w.work.mesh_headings.push_back(std::move(sh));
      }
    } catch (const nlohmann::json::exception&) {
      // Written by the store itself; a damaged list is left empty.
    }
    w.work.retracted = !stmt->IsNull(7);
    w.work.retraction_evidence = w.work.retracted ? stmt->Text(7) : "";
    w.references = stmt->Int(8);
    w.documents = stmt->Int(9);
    w.claims = stmt->Int(10);
    out.push_back(std::move(w));
  }
  if (!s.ok()) {
    if (!query.text.empty() && store::IsQueryError(rep_->db)) {
      return Status::InvalidArgument("works: malformed query '" + query.text +
                                     "': " + s.message());
    }
    return store::WithPrefix("works", s);
  }
  return out;
}

}  // namespace evq
