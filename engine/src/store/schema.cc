// store/schema.cc: opening a store, the schema, and checks that a file is an
// evq database of a version this build understands.
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include "evq/store.h"
#include "store/db.h"
#include "store/store_internal.h"

namespace evq {
namespace store {
namespace {

// Schema version 1. Enumerations are stored as the integer values of their
// C++ enums (BlockRole, ClaimKind, BackingStatus, CitationStyle), checked by
// range so a bad value fails the Put instead of being stored. Checks on
// rows written per sentence use BETWEEN, not IN lists: SQLite builds an
// ephemeral table for every evaluation of an IN list of three or more
// constants, which cost a quarter of an import's time. Offsets are
// bytes into the document's normalized text. JSON columns hold arrays of
// strings (hedge_cues, evidence) or one CSL-JSON object (refs.csl).
//
// The FTS5 tables are external-content tables over sentences.text and the
// refs text columns. Deleting a document cascades through the foreign keys,
// and the cascaded deletes fire triggers that delete the index entries.
// There are no insert triggers: Put indexes new rows itself, after all other
// rows of the document, because FTS5 flushes its pending index data at every
// statement savepoint, and every insert into a table with triggers or
// foreign keys opens one: indexing row by row from a trigger made one tiny
// segment per sentence and an import ten times slower.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  title TEXT NOT NULL,
  has_reference_list INTEGER NOT NULL CHECK (has_reference_list BETWEEN 0 AND 1),
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  -- Counts of the document's rows, written by Put (CheckIntegrity verifies
  -- them), so that Stats reads one row per document instead of indexes by
  -- status that every import would have to update at random places.
  n_sentences INTEGER NOT NULL DEFAULT 0,
  n_claims INTEGER NOT NULL DEFAULT 0,
  n_references INTEGER NOT NULL DEFAULT 0,
  n_citations INTEGER NOT NULL DEFAULT 0,
  n_cited INTEGER NOT NULL DEFAULT 0,
  n_attributed INTEGER NOT NULL DEFAULT 0,
  n_dangling INTEGER NOT NULL DEFAULT 0,
  n_vague INTEGER NOT NULL DEFAULT 0,
  n_listed INTEGER NOT NULL DEFAULT 0,
  n_unbacked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  role INTEGER NOT NULL CHECK (role BETWEEN 0 AND 8),
  text TEXT NOT NULL,
  claim INTEGER NOT NULL CHECK (claim BETWEEN 0 AND 1),
  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 7),
  hedged INTEGER NOT NULL CHECK (hedged BETWEEN 0 AND 1),
  hedge_cues TEXT NOT NULL DEFAULT '[]',
  negated INTEGER NOT NULL CHECK (negated BETWEEN 0 AND 1),
  status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 5),
  backing_phrase TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '[]',
  UNIQUE (document_id, ordinal)
);

CREATE TABLE refs (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  csl TEXT NOT NULL,
  author_family TEXT NOT NULL DEFAULT '',
  authors TEXT NOT NULL DEFAULT '',
  year INTEGER,
  title TEXT NOT NULL DEFAULT '',
  container TEXT NOT NULL DEFAULT '',
  doi TEXT NOT NULL DEFAULT '',
  pmid TEXT NOT NULL DEFAULT '',
  citation_number TEXT NOT NULL DEFAULT '',
  raw TEXT NOT NULL DEFAULT '',
  UNIQUE (document_id, ordinal)
);
-- References by identifier, for matching them to known works.
CREATE INDEX refs_doi ON refs (doi) WHERE doi != '';
CREATE INDEX refs_pmid ON refs (pmid) WHERE pmid != '';

CREATE TABLE citations (
  id INTEGER PRIMARY KEY,
  sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  marker TEXT NOT NULL,
  style INTEGER NOT NULL CHECK (style BETWEEN 0 AND 3),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  UNIQUE (sentence_id, ordinal)
);

-- A citation resolves to zero (dangling) or more references ("[3-5]").
CREATE TABLE citation_refs (
  citation_id INTEGER NOT NULL REFERENCES citations (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  ref_id INTEGER NOT NULL REFERENCES refs (id) ON DELETE CASCADE,
  PRIMARY KEY (citation_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX citation_refs_ref ON citation_refs (ref_id);

-- Vocabulary terms used by stored documents, with their broader chain, so
-- that queries about a condition work from the database alone. Terms are
-- shared by all documents and never deleted.
CREATE TABLE terms (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('condition', 'intervention', 'anatomy')),
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  mesh_id TEXT NOT NULL DEFAULT '',
  broader INTEGER REFERENCES terms (id),
  UNIQUE (kind, name)
);
CREATE INDEX terms_key ON terms (key, kind);
CREATE INDEX terms_broader ON terms (broader);

-- The primary-key columns come first: SQLite 3.40's integrity_check
-- misreports NOT NULL columns placed before them in WITHOUT ROWID tables.
CREATE TABLE term_synonyms (
  term_id INTEGER NOT NULL REFERENCES terms (id),
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (term_id, key)
) WITHOUT ROWID;
CREATE INDEX term_synonyms_key ON term_synonyms (key);

-- document_id, claim and status repeat the sentence's, so that the
-- about-query finds, filters and orders the matching claims from the index
-- alone and reads only the sentence rows it returns.
CREATE TABLE sentence_terms (
  sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
  -- 0 condition, 1 context (a condition inherited from a heading or the
  -- title), 2 intervention, 3 anatomy.
  role INTEGER NOT NULL CHECK (role BETWEEN 0 AND 3),
  ordinal INTEGER NOT NULL,
  term_id INTEGER NOT NULL REFERENCES terms (id),
  document_id INTEGER NOT NULL,
  claim INTEGER NOT NULL,
  status INTEGER NOT NULL,
  PRIMARY KEY (sentence_id, role, ordinal)
) WITHOUT ROWID;
-- The about-query: claims by term, covering everything it filters and
-- orders on.
CREATE INDEX sentence_terms_term
  ON sentence_terms (term_id, claim, role, status, document_id, sentence_id);

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
  text,
  content = 'sentences', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
    VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE OF text ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
    VALUES ('delete', old.id, old.text);
  INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE refs_fts USING fts5 (
  authors, title, container, raw,
  content = 'refs', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER refs_fts_delete AFTER DELETE ON refs BEGIN
  INSERT INTO refs_fts (refs_fts, rowid, authors, title, container, raw)
    VALUES ('delete', old.id, old.authors, old.title, old.container, old.raw);
END;
CREATE TRIGGER refs_fts_update
  AFTER UPDATE OF authors, title, container, raw ON refs BEGIN
  INSERT INTO refs_fts (refs_fts, rowid, authors, title, container, raw)
    VALUES ('delete', old.id, old.authors, old.title, old.container, old.raw);
  INSERT INTO refs_fts (rowid, authors, title, container, raw)
    VALUES (new.id, new.authors, new.title, new.container, new.raw);
END;
)sql";

// Schema version 2: known works and how references resolve to them.
// works.origin: 0 bibliography (PutWorks), 1 document (a stored scholarly
// document that is itself a publication; source is the document's), 2
// references (inferred: references no authority knows that name the same
// publication). refs.work_id is the work a reference names; refs.candidate_id
// the authority work it matched or conflicts with (resolution 1 matched,
// 2 mismatch, 0 unresolved, as ResolutionStatus). Deleting a work leaves its
// references pointing nowhere until they are resolved again, which every
// path that deletes works does in the same transaction.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE works (
  id INTEGER PRIMARY KEY,
  origin INTEGER NOT NULL CHECK (origin BETWEEN 0 AND 2),
  source TEXT NOT NULL DEFAULT '',
  line INTEGER NOT NULL DEFAULT 0,
  csl TEXT NOT NULL,
  authors TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  container TEXT NOT NULL DEFAULT '',
  doi TEXT NOT NULL DEFAULT '',
  pmid TEXT NOT NULL DEFAULT '',
  publication_types TEXT NOT NULL DEFAULT '[]',
  mesh TEXT NOT NULL DEFAULT '[]',
  retracted INTEGER NOT NULL DEFAULT 0 CHECK (retracted BETWEEN 0 AND 1),
  retraction_evidence TEXT NOT NULL DEFAULT ''
);
CREATE INDEX works_source ON works (source, origin);
CREATE INDEX works_doi ON works (doi COLLATE NOCASE) WHERE doi != '';
CREATE INDEX works_pmid ON works (pmid) WHERE pmid != '';
CREATE INDEX works_retracted ON works (id) WHERE retracted = 1;

ALTER TABLE refs ADD COLUMN work_id INTEGER;
ALTER TABLE refs ADD COLUMN candidate_id INTEGER;
ALTER TABLE refs ADD COLUMN resolution INTEGER NOT NULL DEFAULT 0
  CHECK (resolution BETWEEN 0 AND 2);
ALTER TABLE refs ADD COLUMN resolution_score REAL NOT NULL DEFAULT 0;
ALTER TABLE refs ADD COLUMN conflicts TEXT NOT NULL DEFAULT '[]';
CREATE INDEX refs_work ON refs (work_id) WHERE work_id IS NOT NULL;

-- No insert trigger, for the reason given for sentences_fts: writers index
-- new works rows themselves, in one statement per transaction.
CREATE VIRTUAL TABLE works_fts USING fts5 (
  authors, title, container,
  content = 'works', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER works_fts_delete AFTER DELETE ON works BEGIN
  INSERT INTO works_fts (works_fts, rowid, authors, title, container)
    VALUES ('delete', old.id, old.authors, old.title, old.container);
END;
-- Retraction of a work as any authority states it: its own record, or
-- another authority work with the same DOI or PMID (a Retraction Watch row
-- for a PubMed record that is not flagged yet).
CREATE VIEW work_retractions (work_id, evidence) AS
  SELECT id, retraction_evidence FROM works WHERE retracted = 1
  UNION ALL
  SELECT w.id, x.retraction_evidence FROM works x
    CROSS JOIN works w ON w.doi = x.doi COLLATE NOCASE AND w.doi != ''
  WHERE x.retracted = 1 AND x.doi != '' AND w.id != x.id AND w.origin != 2
  UNION ALL
  SELECT w.id, x.retraction_evidence FROM works x
    CROSS JOIN works w ON w.pmid = x.pmid AND w.pmid != ''
  WHERE x.retracted = 1 AND x.pmid != '' AND w.id != x.id AND w.origin != 2;
INSERT INTO meta (key, value) VALUES ('works_epoch', '0');
)sql";

// Runs a query that returns one integer; *found says whether it had a row.
Status QueryInt(sqlite3* db, const char* sql, int64_t* value,
                bool* found = nullptr) {
  Stmt stmt;
  if (Status s = Prepare(db, sql, &stmt); !s.ok()) return s;
  Status status;
  bool row = stmt.Step(&status);
  if (!status.ok()) return status;
  if (found != nullptr) *found = row;
  *value = row ? stmt.Int(0) : 0;
  return Status::Ok();
}

Status CreateSchema(sqlite3* db) {
  if (Status s = Exec(db, kSchemaV1); !s.ok()) return s;
  if (Status s = Exec(db, kSchemaV2); !s.ok()) return s;
  std::string sql =
      "PRAGMA application_id = " + std::to_string(kApplicationId) +
      "; PRAGMA user_version = " + std::to_string(kSchemaVersion) +
      "; INSERT INTO meta (key, value) VALUES "
      "('schema_version', '" +
      std::to_string(kSchemaVersion) + "')";
  return Exec(db, sql.c_str());
}

// Brings a database of `version` up to kSchemaVersion, inside the caller's
// transaction. References stored by version 1 start unresolved; the next
// PutWorks or ResolveReferences resolves them.
Status Migrate(sqlite3* db, int64_t version) {
  if (version < 1) {
    return Status::Corruption("schema version " + std::to_string(version) +
                              " is not a valid evq schema version");
  }
  if (version < 2) {
    if (Status s = Exec(db, kSchemaV2); !s.ok()) return s;
  }
  std::string sql = "PRAGMA user_version = " + std::to_string(kSchemaVersion) +
                    "; UPDATE meta SET value = '" +
                    std::to_string(kSchemaVersion) +
                    "' WHERE key = 'schema_version'";
  return Exec(db, sql.c_str());
}

// What a database file says about itself.
struct FileState {
  int64_t tables = 0;
  int64_t app_id = 0;
  bool has_version = false;
  int64_t version = 0;
};

Status ReadState(sqlite3* db, const std::string& path, FileState* state) {
  Status s = QueryInt(db, "SELECT count(*) FROM sqlite_schema", &state->tables);
  if (!s.ok()) {
    if ((sqlite3_errcode(db) & 0xff) == SQLITE_NOTADB) {
      return Status::Corruption(path + ": not an SQLite database (" +
                                sqlite3_errmsg(db) + ")");
    }
    return WithPrefix(path, s);
  }
  if (s = QueryInt(db, "PRAGMA application_id", &state->app_id); !s.ok()) {
    return WithPrefix(path, s);
  }
  // A foreign application id marks the file as someone else's even before
  // it has tables.
  if ((state->tables > 0 || state->app_id != 0) &&
      state->app_id != kApplicationId) {
    return Status::Corruption(path + ": not an evq database (application_id " +
                              std::to_string(state->app_id) + ")");
  }
  if (state->tables == 0) return Status::Ok();
  int64_t has_meta = 0;
  if (s = QueryInt(db,
                   "SELECT count(*) FROM sqlite_schema "
                   "WHERE type = 'table' AND name = 'meta'",
                   &has_meta);
      !s.ok()) {
    return WithPrefix(path, s);
  }
  if (has_meta > 0) {
    s = QueryInt(db,
                 "SELECT CAST(value AS INTEGER) FROM meta "
                 "WHERE key = 'schema_version'",
                 &state->version, &state->has_version);
    if (!s.ok()) return WithPrefix(path, s);
  }
  if (!state->has_version) {
    return Status::Corruption(path + ": evq database without a schema version");
  }
  if (state->version > kSchemaVersion) {
    return Status::Corruption(
        path + ": schema version " + std::to_string(state->version) +
        " is newer than this evq (" + std::to_string(kSchemaVersion) + ")");
  }
  return Status::Ok();
}

}  // namespace

Status CheckAndMigrate(sqlite3* db, const std::string& path) {
  // Read-only checks first: nothing is written to a file until we know it is
  // ours (or empty), and opening a current database for queries takes no
  // write lock.
  FileState state;
  if (Status s = ReadState(db, path, &state); !s.ok()) return s;
  if (state.tables > 0 && state.version == kSchemaVersion) {
    return Status::Ok();
  }

  // Create or migrate inside a write transaction, checking again there:
  // another process may be doing the same to this file at this moment.
  Transaction txn(db);
  if (Status s = txn.Begin(); !s.ok()) return WithPrefix(path, s);
  if (Status s = ReadState(db, path, &state); !s.ok()) return s;
  Status s;
  if (state.tables == 0) {
    s = CreateSchema(db);
  } else if (state.version < kSchemaVersion) {
    s = Migrate(db, state.version);
  }
  if (s.ok()) s = txn.Commit();
  return s.ok() ? s : WithPrefix(path, s);
}

std::string NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool space = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ' || c == '\t' || c == '\n' ||
        c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

const char* KindText(TermKind kind) {
  switch (kind) {
    case TermKind::kCondition:
      return "condition";
    case TermKind::kIntervention:
      return "intervention";
    case TermKind::kAnatomy:
      return "anatomy";
  }
  return "condition";
}

}  // namespace store

Store::Rep::~Rep() {
  // Statements must be finalized before the connection closes.
  statements.clear();
  // Lets SQLite gather the statistics its planner uses when they are
  // stale (SQLite's advice for every close); the analysis limit keeps that
  // to milliseconds on a large corpus.
  if (db != nullptr) {
    sqlite3_exec(db, "PRAGMA analysis_limit = 400; PRAGMA optimize", nullptr,
                 nullptr, nullptr);
  }
  sqlite3_close_v2(db);
}

store::Stmt* Store::Rep::Cached(std::string_view sql, Status* status) {
  auto it = statements.find(sql);
  if (it != statements.end()) return it->second.get();
  auto stmt = std::make_unique<store::Stmt>();
  if (Status s = store::Prepare(db, sql, stmt.get()); !s.ok()) {
    *status = s;
    return nullptr;
  }
  store::Stmt* raw = stmt.get();
  statements.emplace(std::string(sql), std::move(stmt));
  return raw;
}

Store::Store(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                           const Vocabulary& vocab) {
  auto rep = std::make_unique<Rep>();
  rep->path = path;
  int rc = sqlite3_open_v2(
      path.c_str(), &rep->db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
      nullptr);
  if (rc != SQLITE_OK) {
    std::string why =
        rep->db != nullptr ? sqlite3_errmsg(rep->db) : "out of memory";
    return Status::IoError(path + ": cannot open: " + why);
  }
  sqlite3* db = rep->db;
  sqlite3_extended_result_codes(db, 0);
  // Wait for a concurrent writer rather than failing at once.
  sqlite3_busy_timeout(db, 5000);
  if (Status s = store::CheckAndMigrate(db, path); !s.ok()) return s;
  // WAL lets readers proceed while one writer imports; NORMAL sync is safe
  // in WAL mode (a crash loses at most the last commits, never integrity).
  // Queries about a condition read sentence rows scattered over the file:
  // memory-mapping it spares a read system call and a copy per page, and a
  // larger page cache keeps an import's index pages in memory. Every Put
  // rewrites the pages its rows land on, many of them the same from one Put
  // to the next: checkpointing every 32 MB of WAL instead of every 4 MB
  // copies each such page back to the database file less often.
  if (Status s = store::Exec(db,
                             "PRAGMA journal_mode = WAL; "
                             "PRAGMA synchronous = NORMAL; "
                             "PRAGMA foreign_keys = ON; "
                             "PRAGMA temp_store = MEMORY; "
                             "PRAGMA mmap_size = 1073741824; "
                             "PRAGMA cache_size = -32768; "
                             "PRAGMA wal_autocheckpoint = 8192");
      !s.ok()) {
    return Status::IoError(path + ": " + s.message());
  }

  // Copy what Put needs from the vocabulary: names, MeSH ids, broader terms
  // and synonyms.
  for (const Term* term : vocab.Terms()) {
    size_t index = rep->vocab.terms.size();
    rep->vocab.terms.push_back(*term);
    std::string kind = std::string(store::KindText(term->kind)) + "\t";
    rep->vocab.by_name.emplace(kind + store::NormalizeName(term->name), index);
    for (const std::string& synonym : term->synonyms) {
      rep->vocab.by_synonym.emplace(kind + store::NormalizeName(synonym),
                                    index);
    }
  }
  return std::unique_ptr<Store>(new Store(std::move(rep)));
}

}  // namespace evq
