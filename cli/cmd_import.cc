// evq import: articles into the corpus database, and bibliographies as the
// authority their references are resolved against.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "common.h"
#include "evq/analysis.h"
#include "evq/bibliography.h"
#include "evq/import.h"
#include "evq/store.h"

namespace evq::cli {
namespace {

// Which bibliography format `path` is, kAuto for documents. PubMed XML is
// both: it goes the document way, and Store::Put records each record as a
// known work.
BibliographyFormat BibliographyKind(const std::string& path,
                                    const std::string& forced) {
  BibliographyFormat format = BibliographyFormat::kAuto;
  if (!forced.empty()) {
    ParseBibliographyFormat(forced, &format);
  } else if (Result<BibliographyFormat> detected =
                 DetectBibliographyFileFormat(path);
             detected.ok()) {
    // An unreadable file goes the document way, which says why.
    format = *detected;
  }
  return format == BibliographyFormat::kPubmed ? BibliographyFormat::kAuto
                                               : format;
}

std::string ResolutionCounts(const int64_t counts[3]) {
  return std::to_string(counts[static_cast<int>(ResolutionStatus::kMatched)]) +
         " matched, " +
         std::to_string(counts[static_cast<int>(ResolutionStatus::kMismatch)]) +
         " mismatch, " +
         std::to_string(
             counts[static_cast<int>(ResolutionStatus::kUnresolved)]) +
         " unresolved";
}

}  // namespace

int RunImport(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddDbOption(options);
  AddVocabOption(options);
  options.add_options()("input-format", po::value<std::string>(),
                        "treat inputs as this format instead of guessing (by "
                        "extension, then content): "
                        "documents text, markdown, html, jats, pubmed (also "
                        "'medline': PubMed XML), tei; "
                        "bibliographies bibtex, ris, csl-json, nbib (MEDLINE "
                        "text), retraction-watch")(
      "quiet,q", "print only the totals")("file",
                                          po::value<std::vector<std::string>>(),
                                          "article or bibliography to import");
  po::variables_map vm;
  int code;
  if (!ParseArgs(
          args,
          "evq import [--db PATH] [--vocab FILE] [--input-format F] FILE...",
          "Imports articles (.txt, .md, .html, JATS .nxml, PubMed .xml[.gz], "
          "TEI) into the\n"
          "corpus database: splits them into sentences, finds citations, the "
          "reference\n"
          "list and claims, and stores it all. Re-importing a file replaces "
          "it.\n\n"
          "Bibliographies (.bib, .ris, CSL-JSON .json, MEDLINE .nbib, "
          "Retraction Watch\n"
          ".csv) and PubMed XML records become known works: the authority "
          "references are\n"
          "resolved against (matched, mismatch, unresolved) and the source of "
          "retraction\n"
          "flags. A malformed record is reported (file:line: why) and the rest "
          "import; a\n"
          "file that cannot be read is reported and the other files still "
          "import; the\n"
          "exit status is then 2.\n\n"
          "examples:\n"
          "  evq import articles/*.txt pages/*.html\n"
          "  evq import library.bib retraction_watch.csv pubmed_result.xml\n"
          "  evq works --retracted --cited",
          options, "file", &vm, &code)) {
    return code;
  }
  if (!vm.count("file")) {
    PrintError("import: no files given (see 'evq import --help')");
    return kExitError;
  }
  Format format = Format::kAuto;
  std::string forced_bibliography;
  if (vm.count("input-format")) {
    std::string name = vm["input-format"].as<std::string>();
    BibliographyFormat b;
    if (ParseFormat(name, &format)) {
      if (format == Format::kMesh) {
        PrintError(
            "import: a MeSH file is a vocabulary: use 'evq vocab import'");
        return kExitError;
      }
    } else if (ParseBibliographyFormat(name, &b) &&
               b != BibliographyFormat::kAuto) {
      forced_bibliography = name;
      format = Format::kAuto;
    } else {
      PrintError("unknown input format '" + name +
                 "' (expected auto, text, markdown, html, jats, pubmed, tei, "
                 "bibtex, ris, "
                 "csl-json, nbib or retraction-watch)");
      return kExitError;
    }
  }
  Vocabulary vocab;
  if (!LoadVocabulary(vm, &vocab)) return kExitError;
  std::string db = DatabasePath(vm);
  Result<std::unique_ptr<Store>> store = Store::Open(db, vocab);
  if (!store.ok()) {
    PrintError(store.status().message());
    return kExitError;
  }
  const auto& files = vm["file"].as<std::vector<std::string>>();
  bool quiet = vm.count("quiet") > 0;
  bool progress = isatty(fileno(stderr)) && files.size() > 20;
  int failed = 0, imported = 0;
  // Documents that are themselves works (PubMed records, JATS articles with
  // a DOI) may be cited by documents stored earlier: those are resolved
  // again once at the end.
  bool new_document_works = false;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& path = files[i];
    if (progress) {
      std::fprintf(stderr, "\r[%zu/%zu] %s\x1b[K", i + 1, files.size(),
                   path.c_str());
    }
    BibliographyFormat bib = format == Format::kAuto
                                 ? BibliographyKind(path, forced_bibliography)
                                 : BibliographyFormat::kAuto;
    if (bib != BibliographyFormat::kAuto) {
      Result<Bibliography> b = ImportBibliography(path, bib);
      if (!b.ok()) {
        if (progress) std::fputs("\n", stderr);
        PrintError(b.status().message());
        ++failed;
        continue;
      }
      PrintDiagnostics(b->diagnostics);
      int64_t skipped = 0;
      Status put = (*store)->PutWorks(path, b->works, &skipped);
      if (!put.ok()) {
        PrintError(put.message());
        ++failed;
        continue;
      }
      ++imported;
      if (quiet) continue;
      int retracted = 0;
      for (const Work& w : b->works) retracted += w.retracted ? 1 : 0;
      // Errors are records left out; warnings are records read with a
      // problem worked around (an undefined macro, a stray line).
      int64_t bad = 0;
      for (const Diagnostic& d : b->diagnostics) {
        bad += d.severity == Diagnostic::Severity::kError ? 1 : 0;
      }
      std::string extra;
      if (skipped)
        extra +=
            ", " + std::to_string(skipped) + " without title or identifier";
      if (bad)
        extra += ", " + std::to_string(bad) + " malformed records skipped";
      std::printf("%s: %s, %lld works (%d retracted)%s\n", path.c_str(),
                  BibliographyFormatName(b->format),
                  static_cast<long long>(b->works.size()) -
                      static_cast<long long>(skipped),
                  retracted, extra.c_str());
      continue;
    }
    // One document, analysed and stored.
    auto put_document = [&](const Document& doc) {
      PrintDiagnostics(doc.diagnostics);
      Analysis analysis = Analyze(doc, vocab);
      Status put = (*store)->Put(analysis);
      if (!put.ok()) {
        PrintError(put.message());
        ++failed;
        return;
      }
      if (!doc.metadata.doi.empty() || !doc.metadata.pmid.empty())
        new_document_works = true;
      if (quiet) return;
      int64_t by_status[6] = {0, 0, 0, 0, 0, 0};
      int claims = 0;
      for (const Sentence& s : analysis.sentences) {
        if (!s.claim) continue;
        ++claims;
        ++by_status[static_cast<int>(s.status)];
      }
      std::string extra;
      if (!analysis.conditions.empty()) {
        extra += "; subject:";
        for (const std::string& c : analysis.conditions) extra += " " + c + ",";
        extra.pop_back();
      }
      if (analysis.metadata.retracted) {
        extra += "; RETRACTED (" + analysis.metadata.retraction_evidence + ")";
      }
      std::printf("%s: %zu sentences, %d claims (%s), %zu references%s\n",
                  doc.source.c_str(), analysis.sentences.size(), claims,
                  StatusCounts(by_status).c_str(), analysis.references.size(),
                  extra.c_str());
    };
    Format file_format = format;
    if (file_format == Format::kAuto) {
      Result<Format> detected = DetectFileFormat(path);
      if (detected.ok()) file_format = *detected;  // else the import says why
    }
    if (file_format == Format::kPubmed) {
      // A PubMed file holds many records (a baseline file 30,000): each is
      // stored as it is read, so memory stays bounded by one record.
      Status walk = ForEachPubmedDocument(path, [&](Document&& doc) {
        put_document(doc);
        return true;
      });
      if (!walk.ok()) {
        if (progress) std::fputs("\n", stderr);
        PrintError(walk.message());
        ++failed;
        continue;
      }
      ++imported;
      continue;
    }
    Result<std::vector<Document>> docs = ImportFileDocuments(path, file_format);
    if (!docs.ok()) {
      if (progress) std::fputs("\n", stderr);
      PrintError(docs.status().message());
      ++failed;
      continue;
    }
    for (const Document& doc : *docs) put_document(doc);
    ++imported;
  }
  if (progress) std::fputs("\n", stderr);
  if (new_document_works) {
    if (progress)
      std::fputs("resolving references against the new works...\n", stderr);
    Status s = (*store)->ResolveReferences();
    if (!s.ok()) {
      PrintError(s.message());
      ++failed;
    }
  }
  Result<StoreStats> stats = (*store)->Stats();
  if (stats.ok()) {
    std::printf(
        "imported %d of %zu files into %s; corpus: %lld documents, %lld "
        "sentences, %lld claims "
        "(%s), %lld references (%s), %lld works\n",
        imported, files.size(), db.c_str(),
        static_cast<long long>(stats->documents),
        static_cast<long long>(stats->sentences),
        static_cast<long long>(stats->claims),
        StatusCounts(stats->by_status).c_str(),
        static_cast<long long>(stats->references),
        ResolutionCounts(stats->by_resolution).c_str(),
        static_cast<long long>(stats->works));
  }
  return failed ? kExitError : kExitOk;
}

}  // namespace evq::cli
