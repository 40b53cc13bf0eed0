// store/store_internal.h: the state behind evq::Store, shared by the store's
// source files (schema, writer, claim queries, search, references/stats).
#ifndef EVQ_STORE_STORE_INTERNAL_H_
#define EVQ_STORE_STORE_INTERNAL_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evq/analysis.h"
#include "evq/csl.h"
#include "evq/status.h"
#include "evq/store.h"
#include "evq/vocabulary.h"
#include "evq/works.h"
#include "store/db.h"

namespace evq {

namespace store {

// PRAGMA application_id of evq databases: "EVQ1".
inline constexpr int32_t kApplicationId = 0x45565131;

// Roles of a term in a sentence, as stored in sentence_terms.role. The
// about-query relies on condition and context being the two lowest.
inline constexpr int64_t kRoleCondition = 0;
inline constexpr int64_t kRoleContext = 1;
inline constexpr int64_t kRoleIntervention = 2;
inline constexpr int64_t kRoleAnatomy = 3;

// Lets maps keyed by std::string be searched with a string_view, without
// building a string for every statement lookup.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};

// The vocabulary terms a Store needs, copied at Open so that the Vocabulary
// need not outlive it. Keys are "<kind>\t<normalized name>".
struct VocabCopy {
  std::vector<Term> terms;
  std::unordered_map<std::string, size_t> by_name;     // canonical names
  std::unordered_map<std::string, size_t> by_synonym;  // synonyms
};

// The form names are compared in: ASCII lowercase, '-' and '_' as spaces,
// runs of spaces collapsed, trimmed. Matches the Vocabulary's loose matching
// closely enough for lookups by name or synonym.
std::string NormalizeName(std::string_view name);

// "condition", "intervention", "anatomy" (the store's own spelling, so the
// database does not depend on how other modules name kinds).
const char* KindText(TermKind kind);

// Origins of works, as stored in works.origin.
inline constexpr int64_t kOriginBibliography = 0;
inline constexpr int64_t kOriginDocument = 1;
inline constexpr int64_t kOriginReferences = 2;

// The known works held in memory for resolving references (works.cc):
// authority works (bibliographies and documents) and works inferred from
// references, each with the database ids of its entries. Rows are only ever
// added to it; anything that deletes or changes a works row bumps
// meta.works_epoch, and the next sync reloads everything.
struct WorkCache {
  bool loaded = false;
  int64_t epoch = -1;
  int64_t max_id = 0;
  WorkIndex authority;
  std::vector<int64_t> authority_ids;
  WorkIndex inferred;
  std::vector<int64_t> inferred_ids;
};

// Schema creation and checks (schema.cc).
Status CheckAndMigrate(sqlite3* db, const std::string& path);

}  // namespace store

struct Store::Rep {
  sqlite3* db = nullptr;
  std::string path;
  store::VocabCopy vocab;
  // Prepared statements, keyed by their SQL text, kept for the life of the
  // connection: preparing costs more than running for the small statements
  // a Put issues per sentence.
  std::unordered_map<std::string, std::unique_ptr<store::Stmt>,
                     store::StringHash, std::equal_to<>>
      statements;
  // Term ids by "<kind>\t<name>" already written (and brought up to date
  // with the vocabulary) through this connection. Cleared when a Put rolls
  // back, since the rows it inserted are gone.
  std::unordered_map<std::string, int64_t> term_ids;
  // Known works in memory; reset when a write rolls back (works.cc).
  std::unique_ptr<store::WorkCache> works;

  ~Rep();

  // The cached statement for `sql`, preparing it on first use. On error
  // returns nullptr and sets *status.
  store::Stmt* Cached(std::string_view sql, Status* status);

  // Writer (writer.cc).
  Status PutLocked(const Analysis& analysis);
  Status EnsureTerm(TermKind kind, const std::string& name, int depth,
                    int64_t* id);

  // Works (works.cc). All run inside the caller's write transaction.
  // Brings `works` up to date with the works table.
  Status SyncWorks();
  // Inserts a work row (with id `explicit_id` when not 0); *id receives its
  // id. The row is not in works_fts until IndexWorks runs.
  Status InsertWork(int64_t origin, const Work& work, int64_t* id,
                    int64_t explicit_id = 0);
  // Adds the works rows with ids in [first_id, last_id] to works_fts, in
  // one statement; they must not be in it yet.
  Status IndexWorks(int64_t first_id, int64_t last_id);
  // Records the work a stored document is (or forgets it when the document
  // names no publication any more).
  Status PutDocumentWork(const Analysis& analysis);
  // Resolves references `ref_ids` (whose parsed items are `items`) and
  // writes the outcome to their rows, inferring works for the unresolved.
  Status ResolveRefs(const std::vector<int64_t>& ref_ids,
                     const std::vector<CslItem>& items);
  // Re-resolves every stored reference, rebuilding the inferred works.
  Status ResolveAllLocked(int64_t* resolved);
  Status BumpWorksEpoch();

  // The id of the document with `source`; NotFound ("what: no document
  // 'x'") when there is none (stats.cc).
  Status FindDocument(const std::string& what, const std::string& source,
                      int64_t* id);

  // Readers: fill in a batch of Sentences (everything but the columns of
  // kSentenceColumns, already read) and the references their citations
  // resolve to (claims.cc). `references` may be shared by no two targets.
  struct DetailTarget {
    int64_t id;  // sentences.id
    Sentence* sentence;
    std::vector<CslItem>* references;
    std::vector<ReferenceResolution>* resolutions;  // parallel to references
  };
  Status LoadDetails(const std::vector<DetailTarget>& targets);
};

// Column list and reader shared by the queries that return sentences:
// "s.id, d.source, s.start, ..." in this order.
namespace store {
inline constexpr const char* kSentenceColumns =
    "s.id, d.source, s.text, s.start, s.\"end\", s.role, s.claim, s.kind, "
    "s.hedged, s.hedge_cues, s.negated, s.status, s.backing_phrase, "
    "s.evidence";
inline constexpr int kSentenceColumnCount = 14;
// Reads the kSentenceColumns of the current row into *sentence and *source;
// returns the sentence id.
int64_t ReadSentenceRow(const Stmt& stmt, Sentence* sentence,
                        std::string* source);
// The kind of failure a bad FTS5 query gives: true when `status` came from
// SQLite rejecting a MATCH expression (rather than I/O or corruption).
bool IsQueryError(sqlite3* db);
// The resolution columns of refs r: status, score, conflicts, candidate,
// work, and the retraction evidence of the work (NULL when not retracted,
// from the work_retractions view), read by ReadResolution from `column` on.
inline constexpr const char* kResolutionColumns =
    "r.resolution, r.resolution_score, r.conflicts, r.candidate_id, "
    "r.work_id, (SELECT group_concat(e, '; ') FROM (SELECT DISTINCT "
    "evidence AS e FROM work_retractions WHERE work_id = r.work_id))";
ReferenceResolution ReadResolution(const Stmt& stmt, int column);
// All authors (editors when there are none), "Family, Given; ...", for the
// FTS indexes (writer.cc).
std::string AuthorsText(const CslItem& item);
// A JSON array of strings read back, tolerating damage (claims.cc).
std::vector<std::string> ParseStringArray(const std::string& text);
}  // namespace store

}  // namespace evq

#endif  // EVQ_STORE_STORE_INTERNAL_H_
