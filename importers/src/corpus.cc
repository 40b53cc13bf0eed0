// evq::Corpus: the vocabulary, the store, the importers and Analyze behind
// one object (evq/corpus.h).
#include "evq/corpus.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>
#include <utility>

namespace evq {

namespace {

ImportSummary Summarize(const Analysis& analysis,
                        std::vector<Diagnostic> diagnostics) {
  ImportSummary out;
  out.source = analysis.source;
  out.sentences = static_cast<int64_t>(analysis.sentences.size());
  out.references = static_cast<int64_t>(analysis.references.size());
  for (const Sentence& s : analysis.sentences) {
    if (!s.claim) continue;
    ++out.claims;
    ++out.by_status[static_cast<int>(s.status)];
  }
  out.diagnostics = std::move(diagnostics);
  return out;
}

bool HasExtension(const std::string& name,
                  const std::vector<std::string>& extensions) {
  for (const std::string& ext : extensions) {
    if (ext.size() > name.size()) continue;
    bool same = std::equal(
        ext.begin(), ext.end(), name.end() - static_cast<long>(ext.size()),
        [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        });
    if (same) return true;
  }
  return false;
}

Status DirectoryError(const std::string& dir, const std::error_code& ec) {
  if (ec == std::errc::no_such_file_or_directory) {
    return Status::NotFound(dir + ": no such directory");
  }
  return Status::IoError(dir + ": cannot read directory: " + ec.message());
}

// The files ImportDirectory takes, sorted. Errors only for `dir` itself; an
// unreadable subdirectory is skipped (its files get no outcome).
Result<std::vector<std::string>> ListFiles(
    const std::string& dir, const DirectoryImportOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (ec) return DirectoryError(dir, ec);
    if (!fs::exists(dir, ec)) {
      return DirectoryError(
          dir, std::make_error_code(std::errc::no_such_file_or_directory));
    }
    return Status::InvalidArgument(dir + ": not a directory");
  }
  std::vector<std::string> files;
  auto take = [&](const fs::directory_entry& entry) {
    std::string name = entry.path().filename().string();
    std::error_code type_ec;
    if (name.empty() || name[0] == '.') return;
    if (!entry.is_regular_file(type_ec)) return;
    if (HasExtension(name, options.extensions)) {
      files.push_back(entry.path().string());
    }
  };
  if (options.recursive) {
    fs::recursive_directory_iterator it(
        dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) return DirectoryError(dir, ec);
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      // Hidden directories (.git, .cache) are not articles.
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.' && it->is_directory(ec)) {
        it.disable_recursion_pending();
        continue;
      }
      take(*it);
    }
  } else {
    fs::directory_iterator it(dir, ec);
    if (ec) return DirectoryError(dir, ec);
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      take(*it);
    }
  }
  if (ec) return DirectoryError(dir, ec);
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

struct Corpus::Rep {
  Vocabulary vocab;
  std::unique_ptr<Store> store;

  Result<ImportSummary> Put(Result<Document> doc) {
    if (!doc.ok()) return doc.status();
    Analysis analysis = Analyze(*doc, vocab);
    if (Status put = store->Put(analysis); !put.ok()) return put;
    return Summarize(analysis, std::move(doc->diagnostics));
  }
};

Corpus::Corpus(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Corpus::~Corpus() = default;

Result<std::unique_ptr<Corpus>> Corpus::Open(const std::string& path,
                                             const CorpusOptions& options) {
  auto rep = std::make_unique<Rep>();
  Result<Vocabulary> builtin = Vocabulary::Builtin();
  if (!builtin.ok()) return builtin.status();
  rep->vocab = std::move(builtin).value();
  for (const std::string& file : options.vocabulary_files) {
    if (Status s = rep->vocab.AddFile(file); !s.ok()) return s;
  }
  if (!options.vocabulary_text.empty()) {
    Status s = rep->vocab.AddText(options.vocabulary_text, "<vocabulary>");
    if (!s.ok()) return s;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(path, rep->vocab);
  if (!store.ok()) return store.status();
  rep->store = std::move(store).value();
  return std::unique_ptr<Corpus>(new Corpus(std::move(rep)));
}

Result<ImportSummary> Corpus::ImportFile(const std::string& path,
                                         Format format) {
  return rep_->Put(evq::ImportFile(path, format));
}

Result<ImportSummary> Corpus::ImportBuffer(const std::string& source,
                                           std::string_view bytes,
                                           Format format) {
  return rep_->Put(evq::ImportBuffer(source, bytes, format));
}

Result<std::vector<FileOutcome>> Corpus::ImportDirectory(
    const std::string& dir, const DirectoryImportOptions& options) {
  Result<std::vector<std::string>> files = ListFiles(dir, options);
  if (!files.ok()) return files.status();
  std::vector<FileOutcome> out;
  out.reserve(files->size());
  for (std::string& path : *files) {
    FileOutcome outcome;
    Result<ImportSummary> summary = ImportFile(path, options.format);
    if (summary.ok()) {
      outcome.summary = std::move(summary).value();
    } else {
      outcome.status = summary.status();
    }
    outcome.path = std::move(path);
    out.push_back(std::move(outcome));
  }
  return out;
}

Result<Analysis> Corpus::AnalyzeText(std::string_view text, Format format,
                                     const std::string& source) const {
  Result<Document> doc = evq::ImportBuffer(source, text, format);
  if (!doc.ok()) return doc.status();
  return Analyze(*doc, rep_->vocab);
}

Result<std::vector<StoredClaim>> Corpus::Claims(const ClaimQuery& query) {
  return rep_->store->Claims(query);
}

Status Corpus::ForEachClaim(
    const ClaimQuery& query,
    const std::function<bool(const StoredClaim&)>& visit) {
  return rep_->store->ForEachClaim(query, visit);
}

Result<std::unique_ptr<ClaimCursor>> Corpus::OpenClaimCursor(
    const ClaimQuery& query) {
  return rep_->store->OpenClaimCursor(query);
}

Result<std::vector<SearchHit>> Corpus::Search(const std::string& query,
                                              int limit) {
  return rep_->store->Search(query, limit > 0 ? limit : 20);
}

Result<int64_t> Corpus::ImportBibliography(const std::string& path,
                                           BibliographyFormat format,
                                           std::vector<Diagnostic>* diagnostics) {
  Result<Bibliography> b = evq::ImportBibliography(path, format);
  if (!b.ok()) return b.status();
  if (diagnostics != nullptr) *diagnostics = b->diagnostics;
  int64_t skipped = 0;
  if (Status s = rep_->store->PutWorks(path, b->works, &skipped); !s.ok()) return s;
  return static_cast<int64_t>(b->works.size()) - skipped;
}

Result<std::vector<StoredWork>> Corpus::Works(const WorkQuery& query) {
  return rep_->store->Works(query);
}

Result<std::vector<StoredReference>> Corpus::References(
    const std::string& document) {
  return rep_->store->References(document);
}

Result<StoreStats> Corpus::Stats(const std::string& document) {
  return rep_->store->Stats(document);
}

const Vocabulary& Corpus::vocabulary() const { return rep_->vocab; }

Store& Corpus::store() { return *rep_->store; }

}  // namespace evq
