// store/claims.cc: Store::Claims, and reading stored sentences back into
// evq::Sentence values (shared with search).
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <string>
#include <unordered_map>
#include <vector>

#include "evq/analysis.h"
#include "evq/store.h"
#include "store/db.h"
#include "store/store_internal.h"

namespace evq {
namespace store {

std::vector<std::string> ParseStringArray(const std::string& text) {
  std::vector<std::string> out;
  if (text == "[]") return out;  // most sentences; skip the parser
  // The column is written by the store itself; tolerate damage rather than
  // fail a whole query over one sentence's cue list.
  try {
    nlohmann::json array = nlohmann::json::parse(text);
    if (!array.is_array()) return out;
    for (const nlohmann::json& value : array) {
      if (value.is_string()) out.push_back(value.get<std::string>());
    }
  } catch (const nlohmann::json::exception&) {
  }
  return out;
}

namespace {

// The singular a user may have meant by a simple plural ("migraines").
std::string Singular(const std::string& key) {
  if (key.size() > 3 && key.back() == 's' && key[key.size() - 2] != 's') {
    return key.substr(0, key.size() - 1);
  }
  return key;
}

}  // namespace

int64_t ReadSentenceRow(const Stmt& stmt, Sentence* s, std::string* source) {
  *s = Sentence();
  int64_t id = stmt.Int(0);
  *source = stmt.Text(1);
  s->text = stmt.Text(2);
  s->start = static_cast<size_t>(stmt.Int(3));
  s->end = static_cast<size_t>(stmt.Int(4));
  s->role = static_cast<BlockRole>(stmt.Int(5));
  s->claim = stmt.Int(6) != 0;
  s->kind = static_cast<ClaimKind>(stmt.Int(7));
  s->hedged = stmt.Int(8) != 0;
  s->hedge_cues = ParseStringArray(stmt.Text(9));
  s->negated = stmt.Int(10) != 0;
  s->status = static_cast<BackingStatus>(stmt.Int(11));
  s->backing_phrase = stmt.Text(12);
  s->evidence = ParseStringArray(stmt.Text(13));
  return id;
}

bool IsQueryError(sqlite3* db) {
  // FTS5 reports syntax errors (and unknown columns) as plain SQLITE_ERROR;
  // I/O trouble and corruption have codes of their own.
  return (sqlite3_errcode(db) & 0xff) == SQLITE_ERROR;
}

}  // namespace store

Status Store::Rep::LoadDetails(const std::vector<DetailTarget>& targets) {
  if (targets.empty()) return Status::Ok();
  // One statement per kind of detail for the whole batch, the sentence ids
  // passed as a JSON array: a statement per sentence costs more in
  // step/reset overhead than the lookups themselves.
  std::string ids = "[";
  std::unordered_map<int64_t, size_t> target_of;
  target_of.reserve(targets.size());
  for (size_t i = 0; i < targets.size(); ++i) {
    if (i > 0) ids += ',';
    ids += std::to_string(targets[i].id);
    target_of.emplace(targets[i].id, i);
  }
  ids += ']';

  Status s;
  store::Stmt* terms = Cached(
      "SELECT st.sentence_id, st.role, t.name FROM json_each(?1) j "
      "CROSS JOIN sentence_terms st ON st.sentence_id = j.value "
      "CROSS JOIN terms t ON t.id = st.term_id "
      "ORDER BY j.key, st.role, st.ordinal",
      &s);
  if (terms == nullptr) return s;
  {
    store::StmtResetter reset(*terms);
    terms->Bind(1, ids);
    while (terms->Step(&s)) {
      auto it = target_of.find(terms->Int(0));
      if (it == target_of.end()) continue;
      Sentence* sentence = targets[it->second].sentence;
      int64_t role = terms->Int(1);
      std::string name = terms->Text(2);
      if (role == store::kRoleCondition) {
        sentence->conditions.push_back(std::move(name));
      } else if (role == store::kRoleContext) {
        sentence->context_conditions.push_back(std::move(name));
      } else if (role == store::kRoleIntervention) {
        sentence->interventions.push_back(std::move(name));
      } else {
        sentence->anatomy.push_back(std::move(name));
      }
    }
    if (!s.ok()) return s;
  }

  store::Stmt* cits = Cached(
      "SELECT c.sentence_id, c.id, c.marker, c.style, c.start, c.\"end\" "
      "FROM json_each(?1) j "
      "CROSS JOIN citations c ON c.sentence_id = j.value "
      "ORDER BY j.key, c.ordinal",
      &s);
  if (cits == nullptr) return s;
  // Citation id -> (target, index in its sentence's citations).
  std::unordered_map<int64_t, std::pair<size_t, size_t>> citation_of;
  {
    store::StmtResetter reset(*cits);
    cits->Bind(1, ids);
    while (cits->Step(&s)) {
      auto it = target_of.find(cits->Int(0));
      if (it == target_of.end()) continue;
      Sentence* sentence = targets[it->second].sentence;
      citation_of.emplace(
          cits->Int(1), std::make_pair(it->second, sentence->citations.size()));
      Citation c;
      c.marker = cits->Text(2);
      c.style = static_cast<CitationStyle>(cits->Int(3));
      c.start = static_cast<size_t>(cits->Int(4));
      c.end = static_cast<size_t>(cits->Int(5));
      sentence->citations.push_back(std::move(c));
    }
    if (!s.ok()) return s;
  }
  if (citation_of.empty()) return Status::Ok();

  store::Stmt* refs = Cached(
      std::string("SELECT cr.citation_id, r.id, r.csl, ") +
          store::kResolutionColumns +
          " FROM json_each(?1) j "
          "CROSS JOIN citations c ON c.sentence_id = j.value "
          "CROSS JOIN citation_refs cr ON cr.citation_id = c.id "
          "CROSS JOIN refs r ON r.id = cr.ref_id "
          "ORDER BY j.key, c.ordinal, cr.ordinal",
      &s);
  if (refs == nullptr) return s;
  // Each target's references: each cited reference once, in order of first
  // citation. Claims citing the same reference share one parse.
  std::vector<std::unordered_map<int64_t, int>> index_of(targets.size());
  std::unordered_map<int64_t, CslItem> parsed;
  store::StmtResetter reset(*refs);
  refs->Bind(1, ids);
  while (refs->Step(&s)) {
    auto cit = citation_of.find(refs->Int(0));
    if (cit == citation_of.end()) continue;
    const auto [target, citation] = cit->second;
    const int64_t ref_id = refs->Int(1);
    std::vector<CslItem>* references = targets[target].references;
    auto [it, inserted] =
        index_of[target].emplace(ref_id, static_cast<int>(references->size()));
    if (inserted) {
      auto cached = parsed.find(ref_id);
      if (cached == parsed.end()) {
        CslItem item;
        if (Status p = CslItemFromJson(refs->Text(2), &item); !p.ok()) {
          return Status::Corruption("stored reference: " + p.message());
        }
        cached = parsed.emplace(ref_id, std::move(item)).first;
      }
      references->push_back(cached->second);
      if (targets[target].resolutions != nullptr) {
        targets[target].resolutions->push_back(store::ReadResolution(*refs, 3));
      }
    }
    targets[target].sentence->citations[citation].references.push_back(
        it->second);
  }
  return s;
}

namespace store {
namespace {

// One read snapshot over the rows query and LoadDetails, so that a writer
// replacing a document between the two cannot leave a claim without its
// references. Inside a transaction, or while another statement is stepping
// (ClaimCursor keeps one open), the connection already holds a snapshot and
// nothing is done.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(sqlite3* db) : db_(db) {
    if (!sqlite3_get_autocommit(db)) return;
    for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s != nullptr;
         s = sqlite3_next_stmt(db, s)) {
      if (sqlite3_stmt_busy(s)) return;
    }
    active_ = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~ReadSnapshot() {
    if (active_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  sqlite3* db_;
  bool active_ = false;
};

}  // namespace
}  // namespace store

Result<std::vector<StoredClaim>> Store::Claims(const ClaimQuery& query) {
  store::ReadSnapshot snapshot(rep_->db);
  // The statement differs with the filters given; each variant is prepared
  // once and cached. With `about` or `cites`, the matching sentence ids are
  // found first through the indexes and the sentences looked up by id
  // (CROSS JOIN fixes that order, which SQLite's planner, without
  // statistics, does not always pick), so a selective query never scans the
  // corpus.
  std::string sql;
  std::vector<std::string> ctes;
  const bool about = !query.about.empty();
  const bool cites_text = !query.cites.empty();
  const bool cites =
      cites_text || query.cites_work != 0 || query.cites_retracted;
  if (about) {
    ctes.push_back(
        "roots(id) AS ("
        "SELECT id FROM terms WHERE key IN (?1, ?2) AND kind = 'condition' "
        "UNION SELECT ts.term_id FROM term_synonyms ts "
        "CROSS JOIN terms t ON t.id = ts.term_id "
        "WHERE ts.key IN (?1, ?2) AND t.kind = 'condition')");
    ctes.push_back(
        "under(id) AS (SELECT id FROM roots "
        "UNION SELECT t.id FROM terms t JOIN under u ON t.broader = u.id)");
  }
  std::string statuses;  // " IN (0, 3)", or empty: all
  if (!query.statuses.empty()) {
    statuses = " IN (";
    for (size_t i = 0; i < query.statuses.size(); ++i) {
      if (i > 0) statuses += ", ";
      statuses += std::to_string(static_cast<int>(query.statuses[i]));
    }
    statuses += ")";
  }
  const std::string in_document =
      " = (SELECT id FROM documents WHERE source = ?4)";
  if (cites) {
    // One query per reference filter, each the claims citing a matching
    // reference (from, where); "cited" is their intersection.
    std::vector<std::pair<std::string, std::string>> sources;
    if (cites_text) {
      sources.emplace_back(
          "refs_fts CROSS JOIN citation_refs cr ON cr.ref_id = refs_fts.rowid",
          "refs_fts MATCH ?3");
    }
    if (query.cites_work != 0) {
      sources.emplace_back(
          "refs r CROSS JOIN citation_refs cr ON cr.ref_id = r.id",
          "r.work_id = ?6");
    }
    if (query.cites_retracted) {
      sources.emplace_back(
          "(SELECT DISTINCT work_id FROM work_retractions) wr "
          "CROSS JOIN refs r ON r.work_id = wr.work_id "
          "CROSS JOIN citation_refs cr ON cr.ref_id = r.id",
          "1");
    }
    std::string cited = "cited(id, document_id) AS (";
    for (size_t i = 0; i < sources.size(); ++i) {
      if (i > 0) cited += " INTERSECT ";
      cited += "SELECT c.sentence_id, s2.document_id FROM " + sources[i].first +
               " CROSS JOIN citations c ON c.id = cr.citation_id "
               "CROSS JOIN sentences s2 ON s2.id = c.sentence_id WHERE " +
               sources[i].second + " AND s2.claim = 1";
      if (!statuses.empty()) cited += " AND s2.status" + statuses;
      if (!query.document.empty()) cited += " AND s2.document_id" + in_document;
    }
    cited += ")";
    ctes.push_back(cited);
  }
  if (about || cites) {
    // The matching claims, each once (a sentence may match through several
    // terms, or both a condition and a context condition), found, filtered
    // and put in order from indexes alone (sentence_terms repeats the
    // sentence's document, claim flag and status). Put inserts a
    // document's sentences in order, so their ids follow their ordinals.
    // Only the rows within the limit are then read.
    std::string matched =
        "matched(id, document_id) AS MATERIALIZED "
        "(SELECT DISTINCT id, document_id FROM (";
    if (about) {
      matched +=
          "SELECT sentence_id AS id, document_id FROM sentence_terms "
          "WHERE term_id IN (SELECT id FROM under) AND claim = 1 "
          "AND role <= 1";  // kRoleCondition, kRoleContext
      if (!statuses.empty()) matched += " AND status" + statuses;
      if (!query.document.empty()) matched += " AND document_id" + in_document;
      if (cites) matched += " INTERSECT SELECT id, document_id FROM cited";
    } else {
      matched += "SELECT id, document_id FROM cited";
    }
    matched += "))";
    ctes.push_back(matched);
    ctes.push_back(
        "chosen(id) AS MATERIALIZED (SELECT m.id FROM matched m "
        "CROSS JOIN documents d ON d.id = m.document_id "
        "ORDER BY d.source, m.id LIMIT ?5)");
  }
  if (!ctes.empty()) {
    sql = "WITH RECURSIVE ";
    for (size_t i = 0; i < ctes.size(); ++i) {
      if (i > 0) sql += ", ";
      sql += ctes[i];
    }
    sql += " ";
  }
  sql += "SELECT ";
  sql += store::kSentenceColumns;
  if (about || cites) {
    sql +=
        " FROM chosen c CROSS JOIN sentences s ON s.id = c.id "
        "CROSS JOIN documents d ON d.id = s.document_id "
        "ORDER BY d.source, s.ordinal";
  } else {
    // Documents in source order, each one's sentences in order: rows come
    // out sorted, so a LIMIT stops early instead of sorting every claim.
    sql +=
        " FROM documents d CROSS JOIN sentences s ON s.document_id = d.id "
        "WHERE s.claim = 1";
    if (!statuses.empty()) sql += " AND s.status" + statuses;
    if (!query.document.empty()) sql += " AND d.source = ?4";
    sql += " ORDER BY d.source, s.ordinal LIMIT ?5";
  }

  Status s;
  store::Stmt* stmt = rep_->Cached(sql, &s);
  if (stmt == nullptr) return store::WithPrefix("claims", s);
  std::vector<std::pair<int64_t, StoredClaim>> rows;
  {
    store::StmtResetter reset(*stmt);
    if (about) {
      std::string key = store::NormalizeName(query.about);
      stmt->Bind(1, key);
      stmt->Bind(2, store::Singular(key));
    }
    if (cites_text) stmt->Bind(3, query.cites);
    if (query.cites_work != 0) stmt->Bind(6, query.cites_work);
    if (!query.document.empty()) stmt->Bind(4, query.document);
    stmt->Bind(5, int64_t{query.limit > 0 ? query.limit : -1});
    while (stmt->Step(&s)) {
      StoredClaim claim;
      int64_t id =
          store::ReadSentenceRow(*stmt, &claim.sentence, &claim.document);
      rows.emplace_back(id, std::move(claim));
    }
    if (!s.ok()) {
      if (cites_text && store::IsQueryError(rep_->db)) {
        return Status::InvalidArgument("claims: malformed cites query '" +
                                       query.cites + "': " + s.message());
      }
      return store::WithPrefix("claims", s);
    }
  }

  std::vector<Rep::DetailTarget> targets;
  targets.reserve(rows.size());
  for (auto& [id, claim] : rows) {
    targets.push_back(
        {id, &claim.sentence, &claim.references, &claim.resolutions});
  }
  if (Status d = rep_->LoadDetails(targets); !d.ok()) {
    return store::WithPrefix("claims", d);
  }
  std::vector<StoredClaim> out;
  out.reserve(rows.size());
  for (auto& row : rows) out.push_back(std::move(row.second));
  return out;
}

}  // namespace evq
