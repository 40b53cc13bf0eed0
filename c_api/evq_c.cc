// The C API (evq.h): version, open/close, errors and imports. Claim cursors
// are in evq_cursor.cc.
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "evq.h"
#include "evq/corpus.h"
#include "evq/import.h"
#include "evq_c_internal.h"

namespace evq::capi {

int CodeOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return EVQ_OK;
    case StatusCode::kInvalidArgument: return EVQ_INVALID;
    case StatusCode::kNotFound: return EVQ_NOTFOUND;
    case StatusCode::kIoError: return EVQ_IOERR;
    case StatusCode::kCorruption: return EVQ_CORRUPT;
    case StatusCode::kInternal: return EVQ_ERROR;
  }
  return EVQ_ERROR;
}

namespace {

// The handle checks every entry point makes. Returns EVQ_OK when `db` is
// open; otherwise records (when it can) and returns EVQ_MISUSE.
int CheckOpen(evq_db* db, const char* what) {
  if (db == nullptr) return EVQ_MISUSE;
  if (!db->corpus) {
    return db->Set(EVQ_MISUSE, std::string(what) +
                                   ": the database is not open (evq_open failed)");
  }
  return EVQ_OK;
}

// Imports write; an open cursor holds a read snapshot on the same
// connection, which would make the write fail with a less helpful message.
int CheckWritable(evq_db* db, const char* what) {
  if (int rc = CheckOpen(db, what); rc != EVQ_OK) return rc;
  if (db->open_cursors > 0) {
    return db->Set(EVQ_BUSY, std::string(what) +
                                 ": a cursor is open on this database; close it first");
  }
  return EVQ_OK;
}

// Parses a C format name: NULL or "" is auto.
bool FormatFromName(evq_db* db, const char* what, const char* name,
                    Format* format) {
  *format = Format::kAuto;
  if (name == nullptr || *name == '\0') return true;
  if (ParseFormat(name, format)) return true;
  db->Set(EVQ_INVALID, std::string(what) + ": unknown format '" + name +
                           "' (expected auto, text, markdown or html)");
  return false;
}

int ImportResult(evq_db* db, const Result<ImportSummary>& summary,
                 int* claims) {
  if (!summary.ok()) return Fail(db, summary.status());
  if (claims != nullptr) *claims = static_cast<int>(summary->claims);
  return db->Ok();
}

}  // namespace

}  // namespace evq::capi

using evq::capi::CheckWritable;
using evq::capi::Fail;
using evq::capi::Guard;

extern "C" {

const char* evq_libversion(void) { return EVQ_VERSION; }

int evq_libversion_number(void) { return EVQ_VERSION_NUMBER; }

int evq_open(const char* path, evq_db** db) {
  return evq_open_v2(path, nullptr, db);
}

int evq_open_v2(const char* path, const char* const* vocab_files,
                evq_db** db) {
  if (db == nullptr) return EVQ_MISUSE;
  *db = new (std::nothrow) evq_db();
  if (*db == nullptr) return EVQ_NOMEM;
  evq_db* handle = *db;
  return Guard(handle, "evq_open", [&] {
    if (path == nullptr) {
      return handle->Set(EVQ_MISUSE, "evq_open: path is NULL");
    }
    evq::CorpusOptions options;
    for (const char* const* f = vocab_files; f != nullptr && *f != nullptr;
         ++f) {
      options.vocabulary_files.emplace_back(*f);
    }
    evq::Result<std::unique_ptr<evq::Corpus>> corpus =
        evq::Corpus::Open(path, options);
    if (!corpus.ok()) return Fail(handle, corpus.status());
    handle->corpus = std::move(corpus).value();
    return handle->Ok();
  });
}

int evq_close(evq_db* db) {
  if (db == nullptr) return EVQ_OK;
  if (db->open_cursors > 0) {
    return db->Set(EVQ_BUSY, "evq_close: " + std::to_string(db->open_cursors) +
                                 " cursor(s) still open; close them first");
  }
  delete db;  // ~Corpus closes the database and never throws
  return EVQ_OK;
}

const char* evq_errmsg(const evq_db* db) {
  if (db == nullptr) return "out of memory";
  return db->errmsg.c_str();
}

int evq_errcode(const evq_db* db) {
  if (db == nullptr) return EVQ_NOMEM;
  return db->errcode;
}

int evq_import_file(evq_db* db, const char* path, const char* format,
                    int* claims) {
  if (int rc = CheckWritable(db, "evq_import_file"); rc != EVQ_OK) return rc;
  return Guard(db, "evq_import_file", [&] {
    if (path == nullptr) {
      return db->Set(EVQ_MISUSE, "evq_import_file: path is NULL");
    }
    evq::Format f;
    if (!evq::capi::FormatFromName(db, path, format, &f)) return db->errcode;
    return evq::capi::ImportResult(db, db->corpus->ImportFile(path, f), claims);
  });
}

int evq_import_bibliography(evq_db* db, const char* path, const char* format,
                            int* works) {
  if (works != nullptr) *works = 0;
  if (int rc = CheckWritable(db, "evq_import_bibliography"); rc != EVQ_OK) return rc;
  return Guard(db, "evq_import_bibliography", [&] {
    if (path == nullptr) {
      return db->Set(EVQ_MISUSE, "evq_import_bibliography: path is NULL");
    }
    evq::BibliographyFormat f = evq::BibliographyFormat::kAuto;
    if (format != nullptr && *format != '\0' &&
        !evq::ParseBibliographyFormat(format, &f)) {
      return db->Set(EVQ_INVALID, std::string("evq_import_bibliography: unknown format '") +
                                      format +
                                      "' (expected auto, bibtex, ris, csl-json, medline, "
                                      "pubmed or retraction-watch)");
    }
    evq::Result<int64_t> stored = db->corpus->ImportBibliography(path, f);
    if (!stored.ok()) return Fail(db, stored.status());
    if (works != nullptr) *works = static_cast<int>(*stored);
    return db->Ok();
  });
}

int evq_import_buffer(evq_db* db, const char* source, const char* bytes,
                      size_t size, const char* format, int* claims) {
  if (int rc = CheckWritable(db, "evq_import_buffer"); rc != EVQ_OK) return rc;
  return Guard(db, "evq_import_buffer", [&] {
    if (source == nullptr || (bytes == nullptr && size > 0)) {
      return db->Set(EVQ_MISUSE, "evq_import_buffer: source or bytes is NULL");
    }
    evq::Format f;
    if (!evq::capi::FormatFromName(db, source, format, &f)) {
      return db->errcode;
    }
    std::string_view view(bytes == nullptr ? "" : bytes, size);
    return evq::capi::ImportResult(
        db, db->corpus->ImportBuffer(source, view, f), claims);
  });
}

int evq_import_directory(evq_db* db, const char* dir, int recursive,
                         int* imported, int* failed) {
  if (imported != nullptr) *imported = 0;
  if (failed != nullptr) *failed = 0;
  if (int rc = CheckWritable(db, "evq_import_directory"); rc != EVQ_OK) return rc;
  return Guard(db, "evq_import_directory", [&] {
    if (dir == nullptr) {
      return db->Set(EVQ_MISUSE, "evq_import_directory: dir is NULL");
    }
    evq::DirectoryImportOptions options;
    options.recursive = recursive != 0;
    evq::Result<std::vector<evq::FileOutcome>> outcomes =
        db->corpus->ImportDirectory(dir, options);
    if (!outcomes.ok()) return Fail(db, outcomes.status());
    int ok = 0, bad = 0;
    std::string messages;
    for (const evq::FileOutcome& o : *outcomes) {
      if (o.status.ok()) {
        ++ok;
        continue;
      }
      ++bad;
      if (!messages.empty()) messages += '\n';
      messages += o.status.message();
    }
    if (imported != nullptr) *imported = ok;
    if (failed != nullptr) *failed = bad;
    if (bad > 0) return db->Set(EVQ_ERROR, messages);
    return db->Ok();
  });
}

}  // extern "C"
