/* evq.h: the C API of evq, the evidence and reference query engine.
 *
 * evq reads health articles (plain text, Markdown, HTML), finds their claims
 * and tells which are backed by references. This API opens a corpus database,
 * imports articles into it, and walks the stored claims with a cursor.
 *
 *   evq_db *db;
 *   if (evq_open("corpus.db", &db) != EVQ_OK) {
 *     fprintf(stderr, "%s\n", evq_errmsg(db));
 *     evq_close(db);
 *     return 1;
 *   }
 *   evq_import_file(db, "article.md", NULL);
 *   evq_cursor *c;
 *   if (evq_claims(db, "back pain", EVQ_STATUS_NOT_BACKED, NULL, NULL, &c) == EVQ_OK) {
 *     while (evq_cursor_next(c) == EVQ_ROW) printf("%s\n", evq_cursor_text(c));
 *     evq_cursor_close(c);
 *   }
 *   evq_close(db);
 *
 * Conventions, for every function below:
 * - Strings in and out are NUL-terminated UTF-8.
 * - Functions that can fail return an int code: EVQ_OK or an error code.
 *   After a failure evq_errmsg(db) says what failed and why, naming the file
 *   (and line) when input was wrong: "notes.md: empty file".
 * - Booleans are ints: 0 false, anything else true.
 * - Strings returned are owned by the evq_db or evq_cursor they come from;
 *   the caller never frees them. Each stays valid until the next call on the
 *   same handle (evq_errmsg: the next call on that db or its cursors), so
 *   copy it to keep it.
 * - Thread safety: one evq_db, and the cursors made from it, must be used by
 *   one thread at a time. Any number of evq_db handles, in one process or
 *   many, may open the same file at once: the database is in WAL mode, so
 *   readers proceed while one writer imports, and a reader sees each
 *   document whole or not at all. The version functions may be called from
 *   any thread.
 * - No C++ exception ever leaves these functions.
 */
#ifndef EVQ_H_
#define EVQ_H_

#include <stddef.h>

#if defined(_WIN32)
#if defined(EVQ_BUILDING_LIBRARY)
#define EVQ_C_API __declspec(dllexport)
#else
#define EVQ_C_API
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define EVQ_C_API __attribute__((visibility("default")))
#else
#define EVQ_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The version this header belongs to. The library's own version comes from
 * evq_libversion() and evq_libversion_number(); compare them to detect a
 * program running against another library than it was built with. */
#define EVQ_VERSION "0.1.0"
/* MAJOR * 1000000 + MINOR * 1000 + PATCH. */
#define EVQ_VERSION_NUMBER 1000

/* Result codes. */
#define EVQ_OK 0        /* success */
#define EVQ_ERROR 1     /* a failure with no more specific code */
#define EVQ_NOTFOUND 2  /* a named file, directory or document does not exist */
#define EVQ_INVALID 3   /* malformed input: bad file, query or argument */
#define EVQ_IOERR 4     /* reading or writing a file failed */
#define EVQ_CORRUPT 5   /* the database is damaged or not an evq database */
#define EVQ_MISUSE 6    /* NULL handle or out-of-order call */
#define EVQ_BUSY 7      /* cursors still open (evq_close, imports) */
#define EVQ_NOMEM 8     /* out of memory */
#define EVQ_ROW 100     /* evq_cursor_next: a row is ready */
#define EVQ_DONE 101    /* evq_cursor_next: no more rows */

/* Backing statuses, as bits for evq_claims' `statuses` mask and as the value
 * of evq_cursor_status(). Meanings: README.md and the evidence model. */
#define EVQ_STATUS_CITED 0x01      /* a marker resolving to a reference */
#define EVQ_STATUS_ATTRIBUTED 0x02 /* names a findable source */
#define EVQ_STATUS_DANGLING 0x04   /* a marker resolving to nothing */
#define EVQ_STATUS_VAGUE 0x08      /* "studies show" */
#define EVQ_STATUS_LISTED 0x10     /* a reference list, nothing tied to it */
#define EVQ_STATUS_UNBACKED 0x20   /* none of the above */
/* Every status but cited: `evq claims --unbacked`. */
#define EVQ_STATUS_NOT_BACKED 0x3e
#define EVQ_STATUS_ALL 0x3f
/* Not a status: in evq_claims' `statuses`, keeps only claims citing a work
 * an imported authority marks retracted (with any status bits, or alone). */
#define EVQ_CITES_RETRACTED 0x100

/* A corpus database connection. Opaque. */
typedef struct evq_db evq_db;
/* A position in the result of a claim query. Opaque. */
typedef struct evq_cursor evq_cursor;

/* The library's version, "MAJOR.MINOR.PATCH". Static storage; never free. */
EVQ_C_API const char *evq_libversion(void);
/* The library's version as MAJOR * 1000000 + MINOR * 1000 + PATCH. */
EVQ_C_API int evq_libversion_number(void);

/* Opens (creating if absent) the corpus database at `path` with the built-in
 * vocabulary. Equivalent to evq_open_v2(path, NULL, db). */
EVQ_C_API int evq_open(const char *path, evq_db **db);

/* Opens (creating if absent) the corpus database at `path`. `vocab_files`
 * is NULL or a NULL-terminated array of vocabulary files (TSV, format in
 * evq/vocabulary.h) added to the built-in vocabulary, in order.
 * Ownership: on return *db is a handle the caller must pass to evq_close,
 * even when the open failed (then it only carries the error message for
 * evq_errmsg), except that *db is NULL when there was no memory for it.
 * Errors: EVQ_MISUSE (path or db NULL), EVQ_NOTFOUND/EVQ_IOERR/EVQ_INVALID
 * for a vocabulary file ("my.tsv:3: unknown kind 'disease'"), EVQ_CORRUPT
 * when `path` is not an evq database or has a newer schema, EVQ_IOERR when
 * it cannot be created. */
EVQ_C_API int evq_open_v2(const char *path, const char *const *vocab_files,
                          evq_db **db);

/* Closes `db` and frees it. NULL is a no-op returning EVQ_OK. Returns
 * EVQ_BUSY, and leaves `db` open, while cursors made from it are open. */
EVQ_C_API int evq_close(evq_db *db);

/* The message of the last failed call on `db` or its cursors ("" after a
 * success). Owned by `db`; valid until the next call on `db` or its
 * cursors. evq_errmsg(NULL) describes running out of memory in evq_open. */
EVQ_C_API const char *evq_errmsg(const evq_db *db);
/* The code of the last call on `db` or its cursors (EVQ_OK after a success;
 * EVQ_NOMEM for NULL). */
EVQ_C_API int evq_errcode(const evq_db *db);

/* Imports, analyses and stores the file at `path`, replacing a document
 * previously imported from the same path. `format` is NULL or "auto" (by
 * extension, then content), or a format name: "text", "markdown", "html"
 * (any name ParseFormat in evq/import.h accepts). On success, and
 * when `claims` is not NULL, *claims is the number of claims stored.
 * Errors (nothing stored): EVQ_NOTFOUND/EVQ_IOERR (cannot read), EVQ_INVALID
 * (empty or binary file, unknown format), EVQ_BUSY (a cursor of `db` is
 * open), database errors. */
EVQ_C_API int evq_import_file(evq_db *db, const char *path, const char *format,
                              int *claims);

/* Imports `size` bytes at `bytes` (need not be NUL-terminated) as a
 * document named `source`, which keys it: importing the same source again
 * replaces it. `format` and `claims` as for evq_import_file; "auto" detects
 * the format from `source`'s extension and the bytes. The bytes are copied;
 * the caller keeps ownership. */
EVQ_C_API int evq_import_buffer(evq_db *db, const char *source,
                                const char *bytes, size_t size,
                                const char *format, int *claims);

/* Imports every article (.txt, .md, .markdown, .html, .htm; not hidden
 * files) in the directory `dir`, and in its subdirectories when `recursive`
 * is true, in sorted path order. A file that fails does not stop the rest.
 * *imported and *failed (each may be NULL) receive the counts. Returns
 * EVQ_OK when every file imported; when some failed, EVQ_ERROR with
 * evq_errmsg naming each failed file and its cause, one per line; when
 * `dir` cannot be read, EVQ_NOTFOUND or EVQ_IOERR. */
EVQ_C_API int evq_import_directory(evq_db *db, const char *dir, int recursive,
                                   int *imported, int *failed);

/* Imports the bibliography at `path` (BibTeX .bib, RIS .ris, CSL-JSON .json,
 * MEDLINE .nbib, Retraction Watch .csv, PubMed XML; `format` NULL or "auto"
 * detects it, else "bibtex", "ris", "csl-json", "medline", "pubmed" or
 * "retraction-watch") as known works, replacing those an earlier import of
 * `path` stored, and resolves every stored reference against the works
 * again. Malformed records are skipped (evq import reports them); when
 * `works` is not NULL, *works is the number of works stored.
 * Errors: EVQ_NOTFOUND/EVQ_IOERR (cannot read), EVQ_INVALID (no record of
 * the format, unknown format), EVQ_BUSY (a cursor of `db` is open),
 * database errors. */
EVQ_C_API int evq_import_bibliography(evq_db *db, const char *path,
                                      const char *format, int *works);

/* Starts a query over the stored claims, ordered by document then position.
 * Filters (NULL or "" or 0 do not filter), the same as `evq claims`:
 *   about     claims about this condition or any narrower one ("back pain"
 *             includes "low back pain"), in the sentence or its context;
 *   statuses  a mask of EVQ_STATUS_* bits; 0 means all; with
 *             EVQ_CITES_RETRACTED, only claims citing a retracted work;
 *   document  the exact source of one document as imported;
 *   cites     claims citing a reference whose authors or title match this
 *             FTS5 query.
 * Ownership: on EVQ_OK *cursor is a new cursor the caller must close with
 * evq_cursor_close before evq_close(db); on failure *cursor is NULL.
 * Rows are read one document at a time as evq_cursor_next advances, not all
 * at once, from one snapshot of the database: imports by other connections
 * meanwhile are not seen. While a cursor is open, imports through the same
 * `db` fail with EVQ_BUSY; other cursors on it may be open at once.
 * Errors: EVQ_MISUSE, EVQ_INVALID (malformed `cites`), database errors. */
EVQ_C_API int evq_claims(evq_db *db, const char *about, int statuses,
                         const char *document, const char *cites,
                         evq_cursor **cursor);

/* Advances to the next claim: EVQ_ROW when there is one, EVQ_DONE at the
 * end (and on every later call), or an error code (the message in
 * evq_errmsg of the cursor's db). The accessors below read the current row
 * and are valid only after EVQ_ROW. */
EVQ_C_API int evq_cursor_next(evq_cursor *cursor);

/* The source of the document the claim is in, as imported. */
EVQ_C_API const char *evq_cursor_document(evq_cursor *cursor);
/* The claim sentence's text. */
EVQ_C_API const char *evq_cursor_text(evq_cursor *cursor);
/* The claim's backing status: one EVQ_STATUS_* bit. */
EVQ_C_API int evq_cursor_status(evq_cursor *cursor);
/* The status as a word: "cited", "attributed", "dangling", "vague",
 * "listed" or "unbacked". Static storage. */
EVQ_C_API const char *evq_cursor_status_name(evq_cursor *cursor);
/* Whether the claim is hedged ("may", "might help"): 1 or 0. */
EVQ_C_API int evq_cursor_hedged(evq_cursor *cursor);
/* How many citation markers the claim has. */
EVQ_C_API int evq_cursor_citation_count(evq_cursor *cursor);
/* The whole claim record (kind, hedging, negation, status, citations with
 * their references as CSL-JSON, conditions, interventions, anatomy) as one
 * line of JSON, the record `evq claims --format jsonl` prints. */
EVQ_C_API const char *evq_cursor_json(evq_cursor *cursor);

/* Closes `cursor` and frees it. NULL is a no-op. Never fails. */
EVQ_C_API void evq_cursor_close(evq_cursor *cursor);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* EVQ_H_ */
