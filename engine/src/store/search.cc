// store/search.cc: Store::Search, full-text search over sentence text.
#include <string>
#include <vector>

#include "evq/store.h"
#include "store/db.h"
#include "store/store_internal.h"

namespace evq {

Result<std::vector<SearchHit>> Store::Search(const std::string& query,
                                             int limit) {
  // bm25() is lower for better matches, so ascending order is best first.
  // snippet() picks the best window of up to 16 tokens from column 0.
  static const std::string kSql =
      std::string("SELECT ") + store::kSentenceColumns +
      ", snippet(sentences_fts, 0, '[', ']', '...', 16), "
      "bm25(sentences_fts) AS rank "
      "FROM sentences_fts "
      "CROSS JOIN sentences s ON s.id = sentences_fts.rowid "
      "CROSS JOIN documents d ON d.id = s.document_id "
      "WHERE sentences_fts MATCH ?1 ORDER BY rank LIMIT ?2";
  Status s;
  store::Stmt* stmt = rep_->Cached(kSql, &s);
  if (stmt == nullptr) return store::WithPrefix("search", s);

  std::vector<std::pair<int64_t, SearchHit>> rows;
  {
    store::StmtResetter reset(*stmt);
    stmt->Bind(1, query);
    stmt->Bind(2, int64_t{limit > 0 ? limit : -1});
    while (stmt->Step(&s)) {
      SearchHit hit;
      int64_t id = store::ReadSentenceRow(*stmt, &hit.sentence, &hit.document);
      hit.snippet = stmt->Text(store::kSentenceColumnCount);
      hit.rank = stmt->Double(store::kSentenceColumnCount + 1);
      rows.emplace_back(id, std::move(hit));
    }
    if (!s.ok()) {
      if (store::IsQueryError(rep_->db)) {
        return Status::InvalidArgument("search: malformed query '" + query +
                                       "': " + s.message());
      }
      return store::WithPrefix("search", s);
    }
  }

  // Hits carry no StoredClaim::references to point into: keep the
  // citations' markers and offsets, drop their reference indexes.
  std::vector<std::vector<CslItem>> unused(rows.size());
  std::vector<Rep::DetailTarget> targets;
  targets.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    targets.push_back(
        {rows[i].first, &rows[i].second.sentence, &unused[i], nullptr});
  }
  if (Status d = rep_->LoadDetails(targets); !d.ok()) {
    return store::WithPrefix("search", d);
  }
  std::vector<SearchHit> out;
  out.reserve(rows.size());
  for (auto& [id, hit] : rows) {
    for (Citation& c : hit.sentence.citations) c.references.clear();
    out.push_back(std::move(hit));
  }
  return out;
}

}  // namespace evq
