// evq/store.h: the corpus database (SQLite with FTS5) and its queries.
//
// A Store keeps analysed documents: their sentences, claims, citations,
// references, and the vocabulary terms claims are about, with full-text
// indexes over sentence and reference text. Putting a document whose source
// is already stored replaces it in one transaction; a failed Put leaves the
// database as it was.
//
// Ownership: Open returns a Store that owns its database connection; the
// Store closes it when destroyed. Results are plain values.
// Thread safety: one Store must be used by one thread at a time. Several
// Stores (in one process or several) may open the same file: the database is
// in WAL mode, so readers proceed while one writer imports.
#ifndef EVQ_STORE_H_
#define EVQ_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "evq/analysis.h"
#include "evq/csl.h"
#include "evq/export.h"
#include "evq/status.h"
#include "evq/vocabulary.h"
#include "evq/works.h"

namespace evq {

// The schema version this build of evq reads and writes.
inline constexpr int kSchemaVersion = 2;

// Filters for Store::Claims. Empty fields do not filter.
struct ClaimQuery {
  // A condition (any name or synonym); claims about it or any narrower
  // condition, in their conditions or context_conditions, match.
  std::string about;
  std::vector<BackingStatus> statuses;  // any of these; empty: all
  std::string document;                 // exact source as imported
  // Claims citing a reference whose authors or title match this FTS5 query.
  std::string cites;
  // Claims citing a reference to this work (StoredWork::id); 0: any.
  int64_t cites_work = 0;
  // Only claims citing a work its authority marks retracted.
  bool cites_retracted = false;
  int limit = 0;  // 0: no limit
};

// How a stored reference was resolved against the known works.
struct ReferenceResolution {
  // Against the authority (bibliographies and scholarly documents):
  // matched, mismatch (conflicts says why) or unresolved.
  ResolutionStatus status = ResolutionStatus::kUnresolved;
  double score = 0;                    // of the candidate, 0 when none
  std::vector<std::string> conflicts;  // for a mismatch: "year: 2019 vs 2018"
  int64_t candidate = 0;  // the authority work matched or conflicting; 0 none
  // The work this reference names (StoredWork::id): the matched authority
  // work, else the work inferred from references that agree with each other
  // (the same publication cited in several documents). 0 when the reference
  // has too little to name one.
  int64_t work = 0;
  // True when `work` is retracted; evidence as its authority states it.
  bool retracted = false;
  std::string retraction_evidence;
};

// A known work as stored, and how much it is cited.
struct StoredWork {
  int64_t id = 0;
  Work work;
  // "bibliography" (imported as an authority), "document" (a scholarly
  // document evq imported, which is itself a publication) or "references"
  // (inferred from references no authority knows).
  std::string origin;
  int64_t references = 0;  // stored references that name it
  int64_t documents = 0;   // distinct documents whose references name it
  int64_t claims = 0;      // distinct claims citing it
};

// Filters and order for Store::Works.
struct WorkQuery {
  // An FTS5 query over authors, title and container ("stecco fascia");
  // empty: every work.
  std::string text;
  int64_t id = 0;             // only this work; 0: any
  std::string doi;            // only works with this DOI (any case); empty: any
  std::string pmid;           // only works with this PMID; empty: any
  bool cited_only = false;    // only works some stored reference names
  bool retracted_only = false;
  // Only works from an authority (origin "bibliography" or "document").
  bool authority_only = false;
  // Order by claims citing, then documents, then references, all
  // descending; otherwise by id.
  bool most_cited = false;
  int limit = 0;  // 0: no limit
};

// A stored claim with the references its citations resolve to.
struct StoredClaim {
  std::string document;  // source
  Sentence sentence;
  // The references cited by sentence.citations; Citation::references index
  // into this vector.
  std::vector<CslItem> references;
  // resolutions[i] is how references[i] was resolved.
  std::vector<ReferenceResolution> resolutions;
};

// The claim record of the evidence model (SentenceToJson) for a stored
// claim, with each citation's reference carrying "evq:resolution" (status,
// score, conflicts, work, retracted) and the record carrying
// "retracted_citations": one object per citation whose reference names a
// retracted work (marker, work, reference label, DOI, PMID, evidence);
// empty when none. One line, no trailing newline.
EVQ_EXPORT std::string StoredClaimToJson(const StoredClaim& claim);

// One full-text search hit.
struct SearchHit {
  std::string document;
  Sentence sentence;
  std::string snippet;  // with matches wrapped in [ and ]
  double rank = 0;      // bm25: lower is better
};

// A stored reference and the claims that cite it.
struct StoredReference {
  std::string document;
  CslItem item;
  ReferenceResolution resolution;
  std::vector<std::string> citing_claims;  // sentence texts
};

// Per-document import summary, and corpus totals.
struct StoreStats {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t claims = 0;
  int64_t references = 0;
  int64_t citations = 0;
  int64_t works = 0;  // known works (whole corpus only; 0 for one document)
  // References by resolution, indexed by ResolutionStatus.
  int64_t by_resolution[3] = {0, 0, 0};
  // Claims per status, indexed by BackingStatus.
  int64_t by_status[6] = {0, 0, 0, 0, 0, 0};
};

class ClaimCursor;

// The corpus database; see the top of this file for ownership and threads.
class EVQ_EXPORT Store {
 public:
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Opens (creating if absent) the database at `path`. `vocab` supplies the
  // terms and hierarchy recorded with each document; it is copied as needed
  // and need not outlive the call. Errors: a file that is not an evq
  // database, or one with a newer schema, gives kCorruption naming the path.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const Vocabulary& vocab);

  // Stores an analysed document, replacing any with the same source. Its
  // references are resolved against the works known at that moment (see
  // ResolveReferences). A document whose metadata names it (a DOI or PMID:
  // PubMed, JATS, TEI) is itself recorded as a known work, with its
  // publication types and retraction status.
  [[nodiscard]] Status Put(const Analysis& analysis);

  // Stores `works` as the authority read from `source` (a bibliography
  // file), replacing the works an earlier call stored for the same source,
  // then resolves every stored reference again. One transaction: on error
  // nothing changes. Works with no title and no identifier are skipped and
  // counted in *skipped (may be null).
  [[nodiscard]] Status PutWorks(const std::string& source,
                                const std::vector<Work>& works,
                                int64_t* skipped = nullptr);

  // Resolves every stored reference again against the current works, and
  // groups the unresolved ones into inferred works. Put resolves each
  // document's references as it stores them, so this is needed only when a
  // document that is itself a work was imported after documents citing it.
  // *resolved (may be null) receives the number of references processed.
  [[nodiscard]] Status ResolveReferences(int64_t* resolved = nullptr);

  // Works matching `query` with their citation counts.
  Result<std::vector<StoredWork>> Works(const WorkQuery& query);

  // Claims matching `query`, ordered by document then position.
  Result<std::vector<StoredClaim>> Claims(const ClaimQuery& query);

  // The claims of `query`, in the order of Claims, read one document at a
  // time as the cursor advances, from one snapshot of the database (a
  // document replaced meanwhile is seen in its old version). The cursor
  // must not outlive this Store; while it is open, do not Put through this
  // Store (the snapshot it holds would make the write fail). Errors, such
  // as a malformed `cites` query, come from ClaimCursor::status().
  Result<std::unique_ptr<ClaimCursor>> OpenClaimCursor(const ClaimQuery& query);

  // Calls `visit` with each claim of `query` through a ClaimCursor; `visit`
  // returns false to stop early (the result is then ok). Errors as Claims.
  [[nodiscard]] Status ForEachClaim(
      const ClaimQuery& query,
      const std::function<bool(const StoredClaim&)>& visit);

  // FTS5 query over sentence text (FTS5 syntax; a malformed query gives
  // kInvalidArgument with SQLite's reason), best first.
  Result<std::vector<SearchHit>> Search(const std::string& query, int limit);

  // References of `document` (all documents when empty), in list order.
  Result<std::vector<StoredReference>> References(const std::string& document);

  // Counts for the whole corpus, or one document when `document` is given.
  Result<StoreStats> Stats(const std::string& document = "");

  // Runs SQLite's integrity check; ok when the database is sound.
  [[nodiscard]] Status CheckIntegrity();

 private:
  struct Rep;
  explicit Store(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// A forward-only walk over the claims of a query (Store::OpenClaimCursor).
// Holds one document's claims at a time, not the whole result.
//
// Ownership: owned by the caller; the Store that made it must outlive it.
// Thread safety: used by its Store's thread only, like the Store.
class EVQ_EXPORT ClaimCursor {
 public:
  ~ClaimCursor();
  ClaimCursor(const ClaimCursor&) = delete;
  ClaimCursor& operator=(const ClaimCursor&) = delete;

  // Moves to the next claim: true when there is one (read it with claim()),
  // false at the end or on an error (status() tells which). Once false,
  // stays false.
  bool Next();
  // The current claim; valid after Next() returned true, until the next
  // call to Next().
  const StoredClaim& claim() const;
  // Ok, or why Next() stopped early ("claims: malformed cites query ...").
  const Status& status() const;

 private:
  friend class Store;
  struct Rep;
  explicit ClaimCursor(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace evq

#endif  // EVQ_STORE_H_
