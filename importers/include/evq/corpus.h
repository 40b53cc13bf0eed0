// evq/corpus.h: the one-object API to an evq corpus database.
//
// A Corpus bundles what a program embedding evq otherwise wires up itself:
// the vocabulary (built in, plus the caller's files), the Store (evq/store.h),
// the importers (evq/import.h) and Analyze (evq/analysis.h). Open it, import
// files, buffers or whole directories, and query claims, full text,
// references and counts. AnalyzeText analyses a text without storing it.
//
//   auto corpus = evq::Corpus::Open("corpus.db");
//   if (!corpus.ok()) { fprintf(stderr, "%s\n", corpus.status().message().c_str()); ... }
//   (*corpus)->ImportDirectory("articles");
//   evq::ClaimQuery q;
//   q.about = "back pain";
//   (*corpus)->ForEachClaim(q, [](const evq::StoredClaim& c) { ...; return true; });
//
// Errors: no exception crosses this API. Calls return Status or Result<T>;
// messages name the file (and line, when the input was wrong at a line) and
// the cause: "notes.md: empty file", "my.tsv:3: unknown kind 'disease'".
//
// Ownership: Open returns a Corpus owned by the caller; it owns its database
// connection and vocabulary and closes the database when destroyed. Results
// are plain values owning their strings.
//
// Thread safety: one Corpus must be used by one thread at a time (it owns one
// SQLite connection). Any number of Corpus objects, in one process or many,
// may open the same database file at once: the database is in WAL mode, so
// readers proceed while one writer imports, and every reader sees each
// document either whole or not at all (one transaction per document).
// AnalyzeText touches no database.
#ifndef EVQ_CORPUS_H_
#define EVQ_CORPUS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "evq/analysis.h"
#include "evq/bibliography.h"
#include "evq/document.h"
#include "evq/export.h"
#include "evq/import.h"
#include "evq/status.h"
#include "evq/store.h"
#include "evq/vocabulary.h"

namespace evq {

// How Corpus::Open sets up the corpus.
struct CorpusOptions {
  // Vocabulary files (format in evq/vocabulary.h) added, in order, to the
  // built-in vocabulary. Their terms are recorded with each document
  // imported through this Corpus and used by `about` queries.
  std::vector<std::string> vocabulary_files;
  // Vocabulary text in the same format, added after the files; lets a
  // program ship its terms without a file. Errors name it "<vocabulary>".
  std::string vocabulary_text;
};

// What importing one document stored.
struct ImportSummary {
  std::string source;  // as given (the path, or the buffer's source name)
  int64_t sentences = 0;
  int64_t claims = 0;
  int64_t references = 0;
  // Claims per backing status, indexed by BackingStatus.
  int64_t by_status[6] = {0, 0, 0, 0, 0, 0};
  // Problems the importer worked around (invalid UTF-8, ...); the document
  // was stored anyway.
  std::vector<Diagnostic> diagnostics;
};

// The outcome for one file of Corpus::ImportDirectory.
struct FileOutcome {
  std::string path;
  // Ok when the file was stored; otherwise why not ("a.txt: empty file").
  Status status;
  ImportSummary summary;  // meaningful only when status.ok()
};

// Which files Corpus::ImportDirectory takes.
struct DirectoryImportOptions {
  bool recursive = false;  // descend into subdirectories
  // Files whose name ends with one of these (case-insensitive) are imported;
  // others, and names starting with '.', are skipped.
  std::vector<std::string> extensions = {".txt", ".md", ".markdown", ".html",
                                         ".htm"};
  Format format = Format::kAuto;  // kAuto: each file by extension and content
};

class EVQ_EXPORT Corpus {
 public:
  ~Corpus();
  Corpus(const Corpus&) = delete;
  Corpus& operator=(const Corpus&) = delete;

  // Opens (creating if absent) the corpus database at `path`. Errors: a
  // vocabulary file that is missing or malformed (kNotFound, kIoError or
  // kInvalidArgument, "FILE:LINE: cause"); a file that is not an evq
  // database, or has a newer schema (kCorruption, naming `path`); a path
  // that cannot be created (kIoError).
  static Result<std::unique_ptr<Corpus>> Open(const std::string& path,
                                              const CorpusOptions& options = {});

  // Imports, analyses and stores the file at `path`, replacing a document
  // previously imported from the same path. Errors (nothing stored): the
  // importer's ("PATH: cannot open: No such file or directory", "PATH:
  // empty file", "PATH: binary file ...") or the store's.
  Result<ImportSummary> ImportFile(const std::string& path,
                                   Format format = Format::kAuto);

  // Imports `bytes` as a document named `source` (a path or URL; it is the
  // document's key, so importing the same source again replaces it).
  // `format` kAuto detects it from `source`'s extension and the bytes.
  Result<ImportSummary> ImportBuffer(const std::string& source,
                                     std::string_view bytes,
                                     Format format = Format::kAuto);

  // Imports every matching file under `dir` (see DirectoryImportOptions), in
  // sorted path order. A file that fails does not stop the others: each gets
  // a FileOutcome. The Result fails only when `dir` itself cannot be read
  // (kNotFound or kIoError naming it).
  Result<std::vector<FileOutcome>> ImportDirectory(
      const std::string& dir, const DirectoryImportOptions& options = {});

  // Imports the bibliography at `path` (evq/bibliography.h: BibTeX, RIS,
  // CSL-JSON, MEDLINE, Retraction Watch CSV, PubMed XML) as known works,
  // replacing the works an earlier import of `path` stored, and resolves
  // every stored reference again. Returns the number of works stored;
  // malformed records skipped go to *diagnostics (may be null). Errors: the
  // reader's (unreadable file, no record found) or the store's.
  Result<int64_t> ImportBibliography(
      const std::string& path,
      BibliographyFormat format = BibliographyFormat::kAuto,
      std::vector<Diagnostic>* diagnostics = nullptr);

  // Known works matching `query` with their citation counts (evq/store.h).
  Result<std::vector<StoredWork>> Works(const WorkQuery& query);

  // Analyses `text` as a document named `source` without storing it.
  // Errors: empty or binary text (kInvalidArgument naming `source`).
  Result<Analysis> AnalyzeText(std::string_view text,
                               Format format = Format::kAuto,
                               const std::string& source = "<text>") const;

  // Stored claims matching `query` (filters as in evq/store.h, the same as
  // `evq claims`), ordered by document then position, all in memory. For
  // large results prefer ForEachClaim or OpenClaimCursor.
  Result<std::vector<StoredClaim>> Claims(const ClaimQuery& query);

  // Calls `visit` with each claim matching `query`, in the order of Claims,
  // holding one document's claims in memory at a time, all from one
  // snapshot of the database. `visit` returns false to stop early (the
  // result is then ok). Errors: a malformed `cites` query
  // (kInvalidArgument), database errors.
  Status ForEachClaim(const ClaimQuery& query,
                      const std::function<bool(const StoredClaim&)>& visit);

  // The same walk as a cursor (evq/store.h): the caller owns it, and it must
  // not outlive this Corpus; do not import while it is open.
  Result<std::unique_ptr<ClaimCursor>> OpenClaimCursor(const ClaimQuery& query);

  // FTS5 full-text search over sentence text, best first, at most `limit`
  // hits (0: 20). A malformed query gives kInvalidArgument with the reason.
  Result<std::vector<SearchHit>> Search(const std::string& query,
                                        int limit = 20);

  // References of `document` (every document when empty) with the claims
  // citing each. kNotFound when `document` is not stored.
  Result<std::vector<StoredReference>> References(
      const std::string& document = "");

  // Counts for the corpus, or for one stored document.
  Result<StoreStats> Stats(const std::string& document = "");

  // The vocabulary in use (built in plus the options' files). Valid as long
  // as the Corpus; const methods may be called from any thread.
  const Vocabulary& vocabulary() const;

  // The underlying store, for calls Corpus does not wrap. Owned by the
  // Corpus; the same one-thread-at-a-time rule applies.
  Store& store();

 private:
  struct Rep;
  explicit Corpus(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace evq

#endif  // EVQ_CORPUS_H_
