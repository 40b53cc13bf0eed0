/* tests/capi/capi_test.c: the C API (evq.h) from a C11 program: versions,
 * open/close, imports of files, buffers and directories, the claim cursor,
 * and the errors a caller can cause.
 *
 * usage: evq_capi_test CORPUS_DIR SCRATCH_DIR
 * CORPUS_DIR is evq's corpus/ (sample/ and fixtures/ in it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evq.h"

static int failures = 0;

#define CHECK(cond)                                                    \
  do {                                                                 \
    if (!(cond)) {                                                     \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
              #cond);                                                  \
      ++failures;                                                      \
    }                                                                  \
  } while (0)

#define CHECK_RC(db, call, want)                                           \
  do {                                                                     \
    int rc_ = (call);                                                      \
    if (rc_ != (want)) {                                                   \
      fprintf(stderr, "%s:%d: %s returned %d, want %d (errmsg: %s)\n",     \
              __FILE__, __LINE__, #call, rc_, (want), evq_errmsg(db));     \
      ++failures;                                                          \
    }                                                                      \
  } while (0)

static char corpus_dir[4096];
static char scratch_dir[4096];

/* `dir`/`name` in a static buffer (one at a time is enough here). */
static const char *path_in(const char *dir, const char *name) {
  static char buf[8192];
  snprintf(buf, sizeof buf, "%s/%s", dir, name);
  return buf;
}

static void remove_db(const char *path) {
  char buf[8200];
  unlink(path);
  snprintf(buf, sizeof buf, "%s-wal", path);
  unlink(buf);
  snprintf(buf, sizeof buf, "%s-shm", path);
  unlink(buf);
}

static void test_versions(void) {
  CHECK(strcmp(evq_libversion(), EVQ_VERSION) == 0);
  CHECK(evq_libversion_number() == EVQ_VERSION_NUMBER);
}

/* Counts the rows of a claim query, checking each row's accessors. */
static int count_claims(evq_db *db, const char *about, int statuses,
                        const char *document) {
  evq_cursor *c = NULL;
  int rc = evq_claims(db, about, statuses, document, NULL, &c);
  if (rc != EVQ_OK) {
    fprintf(stderr, "evq_claims: %d: %s\n", rc, evq_errmsg(db));
    ++failures;
    return -1;
  }
  int n = 0;
  while ((rc = evq_cursor_next(c)) == EVQ_ROW) {
    ++n;
    int status = evq_cursor_status(c);
    /* Exactly one status bit, inside the mask asked for. */
    CHECK(status != 0 && (status & (status - 1)) == 0);
    CHECK(statuses == 0 || (status & statuses) != 0);
    CHECK(strlen(evq_cursor_text(c)) > 0);
    CHECK(strlen(evq_cursor_document(c)) > 0);
    CHECK(strlen(evq_cursor_status_name(c)) > 0);
    const char *json = evq_cursor_json(c);
    CHECK(json[0] == '{' && strstr(json, evq_cursor_status_name(c)) != NULL);
    if (status == EVQ_STATUS_CITED) CHECK(evq_cursor_citation_count(c) > 0);
    if (document != NULL) CHECK(strcmp(evq_cursor_document(c), document) == 0);
  }
  CHECK(rc == EVQ_DONE);
  CHECK(evq_cursor_next(c) == EVQ_DONE); /* stays done */
  CHECK(strcmp(evq_cursor_text(c), "") == 0); /* no row after the end */
  evq_cursor_close(c);
  return n;
}

static void test_corpus(void) {
  char db_path[4200];
  snprintf(db_path, sizeof db_path, "%s/capi.db", scratch_dir);
  remove_db(db_path);

  evq_db *db = NULL;
  CHECK_RC(db, evq_open(db_path, &db), EVQ_OK);
  CHECK(db != NULL);
  CHECK(evq_errcode(db) == EVQ_OK && strcmp(evq_errmsg(db), "") == 0);

  int imported = -1, failed = -1;
  CHECK_RC(db, evq_import_directory(db, path_in(corpus_dir, "sample"), 0, &imported, &failed),
           EVQ_OK);
  CHECK(imported == 9);
  CHECK(failed == 0);

  int all = count_claims(db, NULL, 0, NULL);
  int backed = count_claims(db, "back pain", EVQ_STATUS_CITED, NULL);
  int not_backed = count_claims(db, "back pain", EVQ_STATUS_NOT_BACKED, NULL);
  int about = count_claims(db, "back pain", EVQ_STATUS_ALL, NULL);
  CHECK(all > 0 && backed > 0 && not_backed > 0);
  CHECK(backed + not_backed == about);
  CHECK(about < all); /* neck pain and fibromyalgia claims are not about back pain */

  /* "low back pain" is narrower than "back pain": a subset. */
  CHECK(count_claims(db, "low back pain", 0, NULL) <= about);

  /* One document, by its source as imported. */
  char doc[8192];
  snprintf(doc, sizeof doc, "%s", path_in(corpus_dir, "sample/lumbago-quick-relief.txt"));
  int in_doc = count_claims(db, NULL, 0, doc);
  CHECK(in_doc > 0 && in_doc < all);
  CHECK(count_claims(db, NULL, 0, "no/such/document.txt") == 0);

  /* Re-import replaces: the total does not change. */
  int claims = -1;
  CHECK_RC(db, evq_import_file(db, doc, NULL, &claims), EVQ_OK);
  CHECK(claims == in_doc);
  CHECK(count_claims(db, NULL, 0, NULL) == all);

  /* A buffer with a stated format; it is keyed by its source name. */
  const char *md =
      "# Heat for back pain\n\n"
      "Studies show that heat wraps cure low back pain in a day.\n\n"
      "Heat relieves lumbago within hours.\n";
  CHECK_RC(db, evq_import_buffer(db, "buffer://heat.md", md, strlen(md), "markdown", &claims),
           EVQ_OK);
  CHECK(claims >= 1);
  CHECK(count_claims(db, NULL, 0, "buffer://heat.md") == claims);
  CHECK(count_claims(db, NULL, EVQ_STATUS_VAGUE, "buffer://heat.md") >= 1);

  /* A cursor left open keeps the database open. */
  evq_cursor *c = NULL;
  CHECK_RC(db, evq_claims(db, "back pain", 0, NULL, NULL, &c), EVQ_OK);
  CHECK_RC(db, evq_cursor_next(c), EVQ_ROW);
  CHECK_RC(db, evq_close(db), EVQ_BUSY);
  CHECK(strstr(evq_errmsg(db), "cursor") != NULL);
  CHECK_RC(db, evq_import_buffer(db, "busy.txt", "Heat helps.", 11, NULL, NULL), EVQ_BUSY);
  CHECK(evq_cursor_status(c) != 0); /* the row is still readable */
  evq_cursor_close(c);

  CHECK_RC(db, evq_close(db), EVQ_OK);
}

static void test_errors(void) {
  char db_path[4200];
  snprintf(db_path, sizeof db_path, "%s/errors.db", scratch_dir);
  remove_db(db_path);
  evq_db *db = NULL;
  CHECK_RC(db, evq_open(db_path, &db), EVQ_OK);

  /* A missing file: named in the message. */
  const char *missing = path_in(scratch_dir, "missing.txt");
  int rc = evq_import_file(db, missing, NULL, NULL);
  CHECK(rc == EVQ_IOERR || rc == EVQ_NOTFOUND);
  CHECK(strstr(evq_errmsg(db), "missing.txt") != NULL);
  CHECK(evq_errcode(db) == rc);

  /* Empty and binary files. */
  CHECK_RC(db, evq_import_file(db, path_in(corpus_dir, "fixtures/empty.txt"), NULL, NULL),
           EVQ_INVALID);
  CHECK(strstr(evq_errmsg(db), "empty.txt: empty file") != NULL);
  CHECK_RC(db, evq_import_file(db, path_in(corpus_dir, "fixtures/binary.txt"), NULL, NULL),
           EVQ_INVALID);
  CHECK(strstr(evq_errmsg(db), "binary.txt") != NULL);
  CHECK_RC(db, evq_import_buffer(db, "empty-buffer", "", 0, NULL, NULL), EVQ_INVALID);

  /* A success clears the message. */
  CHECK_RC(db, evq_import_buffer(db, "ok.txt", "Heat eases back pain.", 21, "text", NULL),
           EVQ_OK);
  CHECK(strcmp(evq_errmsg(db), "") == 0);

  /* Unknown format name. */
  CHECK_RC(db, evq_import_buffer(db, "x.txt", "Heat.", 5, "docx", NULL), EVQ_INVALID);
  CHECK(strstr(evq_errmsg(db), "docx") != NULL);

  /* A directory with bad files: the good ones still import, each bad one
   * is named. */
  int imported = 0, failed = 0;
  CHECK_RC(db, evq_import_directory(db, path_in(corpus_dir, "fixtures"), 0, &imported, &failed),
           EVQ_ERROR);
  CHECK(imported > 0);
  CHECK(failed == 2);
  CHECK(strstr(evq_errmsg(db), "empty.txt") != NULL);
  CHECK(strstr(evq_errmsg(db), "binary.txt") != NULL);
  rc = evq_import_directory(db, path_in(scratch_dir, "no-such-dir"), 1, &imported, &failed);
  CHECK(rc == EVQ_NOTFOUND);
  CHECK(strstr(evq_errmsg(db), "no-such-dir") != NULL);

  /* A malformed FTS5 query in `cites`. */
  evq_cursor *c = (evq_cursor *)1;
  CHECK_RC(db, evq_claims(db, NULL, 0, NULL, "\"unterminated", &c), EVQ_INVALID);
  CHECK(c == NULL);
  CHECK_RC(db, evq_claims(db, NULL, 0x40, NULL, NULL, &c), EVQ_INVALID);

  /* NULL arguments. */
  CHECK(evq_import_file(NULL, "x", NULL, NULL) == EVQ_MISUSE);
  CHECK_RC(db, evq_import_file(db, NULL, NULL, NULL), EVQ_MISUSE);
  CHECK(evq_claims(NULL, NULL, 0, NULL, NULL, &c) == EVQ_MISUSE);
  CHECK(evq_cursor_next(NULL) == EVQ_MISUSE);
  CHECK(strcmp(evq_cursor_text(NULL), "") == 0);
  evq_cursor_close(NULL);
  CHECK(evq_close(NULL) == EVQ_OK);
  CHECK(evq_open(db_path, NULL) == EVQ_MISUSE);
  CHECK_RC(db, evq_close(db), EVQ_OK);

  /* Not an evq database: the handle carries the message and must be closed. */
  db = NULL;
  rc = evq_open(path_in(corpus_dir, "sample/lumbago-quick-relief.txt"), &db);
  CHECK(rc == EVQ_CORRUPT);
  CHECK(db != NULL && strstr(evq_errmsg(db), "lumbago-quick-relief.txt") != NULL);
  CHECK(evq_import_file(db, "x.txt", NULL, NULL) == EVQ_MISUSE);
  CHECK_RC(db, evq_close(db), EVQ_OK);

  /* A malformed vocabulary file: file and line named. */
  const char *vocab_path = path_in(scratch_dir, "bad.tsv");
  char vocab_copy[8192];
  snprintf(vocab_copy, sizeof vocab_copy, "%s", vocab_path);
  FILE *f = fopen(vocab_copy, "w");
  CHECK(f != NULL);
  if (f != NULL) {
    fputs("condition\tshin splints\t\t\t\ndisease\tgout\t\t\t\n", f);
    fclose(f);
  }
  const char *files[] = {vocab_copy, NULL};
  db = NULL;
  rc = evq_open_v2(db_path, files, &db);
  CHECK(rc == EVQ_INVALID);
  CHECK(db != NULL && strstr(evq_errmsg(db), "bad.tsv:2") != NULL);
  CHECK_RC(db, evq_close(db), EVQ_OK);
  unlink(vocab_copy);
  remove_db(db_path);
}

/* Extra vocabulary: a term evq does not know becomes queryable. */
static void test_vocabulary(void) {
  char vocab_path[4200], db_path[4200];
  snprintf(vocab_path, sizeof vocab_path, "%s/extra.tsv", scratch_dir);
  snprintf(db_path, sizeof db_path, "%s/vocab.db", scratch_dir);
  remove_db(db_path);
  FILE *f = fopen(vocab_path, "w");
  CHECK(f != NULL);
  if (f == NULL) return;
  fputs("condition\tzorblax syndrome\t\t\tzorblax\n", f);
  fclose(f);
  const char *files[] = {vocab_path, NULL};
  evq_db *db = NULL;
  CHECK_RC(db, evq_open_v2(db_path, files, &db), EVQ_OK);
  const char *text = "Daily stretching cures zorblax syndrome in most adults.\n";
  CHECK_RC(db, evq_import_buffer(db, "zorblax.txt", text, strlen(text), NULL, NULL), EVQ_OK);
  CHECK(count_claims(db, "zorblax syndrome", 0, NULL) == 1);
  CHECK(count_claims(db, "zorblax", EVQ_STATUS_UNBACKED, NULL) == 1);
  CHECK_RC(db, evq_close(db), EVQ_OK);
  unlink(vocab_path);
  remove_db(db_path);
}

/* A bibliography as authority: a Retraction Watch export flags the claim of
 * an article citing a retracted paper by DOI. */
static void test_bibliography(void) {
  char bib_path[4200], db_path[4200];
  snprintf(bib_path, sizeof bib_path, "%s/fixtures/bib/retraction-watch.csv", corpus_dir);
  snprintf(db_path, sizeof db_path, "%s/works.db", scratch_dir);
  remove_db(db_path);
  evq_db *db = NULL;
  CHECK_RC(db, evq_open(db_path, &db), EVQ_OK);
  const char *text =
      "# Back pain\n\nSpinal manipulation relieves chronic low back pain [1].\n\n"
      "Massage eases neck pain in office workers.\n\n## References\n\n"
      "1. Nordmann K, van Beethoven L, Hansen J. Spinal manipulation, massage and core "
      "exercise for chronic low back pain: a randomized trial. J Ex Spine Res. 2018;3:1-9. "
      "doi:10.1234/jesr.2018.0042\n";
  CHECK_RC(db, evq_import_buffer(db, "cites.md", text, strlen(text), NULL, NULL), EVQ_OK);
  int works = -1;
  CHECK_RC(db, evq_import_bibliography(db, bib_path, NULL, &works), EVQ_OK);
  CHECK(works == 3);
  evq_cursor *c = NULL;
  CHECK_RC(db, evq_claims(db, NULL, EVQ_CITES_RETRACTED, NULL, NULL, &c), EVQ_OK);
  int n = 0;
  while (c != NULL && evq_cursor_next(c) == EVQ_ROW) {
    ++n;
    CHECK(strstr(evq_cursor_json(c), "\"retracted_citations\":[{") != NULL);
  }
  evq_cursor_close(c);
  CHECK(n == 1);
  CHECK_RC(db, evq_import_bibliography(db, "no/such.bib", NULL, NULL), EVQ_IOERR);
  CHECK_RC(db, evq_import_bibliography(db, bib_path, "endnote", NULL), EVQ_INVALID);
  CHECK(strcmp(evq_errmsg(db),
               "evq_import_bibliography: unknown format 'endnote' (expected auto, bibtex, ris, "
               "csl-json, medline, pubmed or retraction-watch)") == 0);
  CHECK_RC(db, evq_close(db), EVQ_OK);
  remove_db(db_path);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s CORPUS_DIR SCRATCH_DIR\n", argv[0]);
    return 2;
  }
  snprintf(corpus_dir, sizeof corpus_dir, "%s", argv[1]);
  snprintf(scratch_dir, sizeof scratch_dir, "%s", argv[2]);
  test_versions();
  test_corpus();
  test_errors();
  test_vocabulary();
  test_bibliography();
  if (failures > 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("capi_test: all checks passed (evq %s)\n", evq_libversion());
  return 0;
}
