// Commands that read documents: import, analyze, parse-references.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common.h"
#include "evq/analysis.h"
#include "evq/csl.h"
#include "evq/import.h"
#include "evq/store.h"
#include "printers.h"

namespace evq::cli {

namespace {

bool ParseFormatOption(const po::variables_map& vm, Format* format) {
  *format = Format::kAuto;
  if (!vm.count("input-format")) return true;
  std::string name = vm["input-format"].as<std::string>();
  if (!ParseFormat(name, format)) {
    PrintError("unknown input format '" + name +
               "' (expected auto, text, markdown or html)");
    return false;
  }
  return true;
}

std::string StatusCounts(const int64_t by_status[6]) {
  std::string out;
  for (int i = 0; i < 6; ++i) {
    if (!by_status[i]) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(by_status[i]) + " " +
           BackingStatusName(static_cast<BackingStatus>(i));
  }
  return out.empty() ? "none" : out;
}

}  // namespace

int RunImport(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddDbOption(options);
  AddVocabOption(options);
  options.add_options()(
      "input-format", po::value<std::string>(),
      "treat inputs as auto (default: by extension, then content), text, "
      "markdown or html")("quiet,q", "print only the totals")(
      "file", po::value<std::vector<std::string>>(), "article to import");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args, "evq import [--db PATH] [--vocab FILE] FILE...",
                 "Imports articles (.txt, .md, .html) into the corpus "
                 "database: splits them into\n"
                 "sentences, finds citations, the reference list and claims, "
                 "and stores it all.\n"
                 "Re-importing a file replaces it. A file that cannot be read "
                 "is reported and the\n"
                 "rest still import; the exit status is then 2.",
                 options, "file", &vm, &code)) {
    return code;
  }
  if (!vm.count("file")) {
    PrintError("import: no files given (see 'evq import --help')");
    return kExitError;
  }
  Format format;
  if (!ParseFormatOption(vm, &format)) return kExitError;
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
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& path = files[i];
    if (progress)
      std::fprintf(stderr, "\r[%zu/%zu] %s\x1b[K", i + 1, files.size(),
                   path.c_str());
    // A PubMed file holds many records: each becomes a document.
    Result<std::vector<Document>> docs = ImportFileDocuments(path, format);
    if (!docs.ok()) {
      if (progress) std::fputs("\n", stderr);
      PrintError(docs.status().message());
      ++failed;
      continue;
    }
    for (const Document& doc : *docs) {
      PrintDiagnostics(doc.diagnostics);
      Analysis analysis = Analyze(doc, vocab);
      Status put = (*store)->Put(analysis);
      if (!put.ok()) {
        PrintError(put.message());
        ++failed;
        continue;
      }
      if (quiet) continue;
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
      if (analysis.metadata.retracted)
        extra += "; RETRACTED (" + analysis.metadata.retraction_evidence + ")";
      std::printf("%s: %zu sentences, %d claims (%s), %zu references%s\n",
                  doc.source.c_str(), analysis.sentences.size(), claims,
                  StatusCounts(by_status).c_str(), analysis.references.size(),
                  extra.c_str());
    }
    ++imported;
  }
  if (progress) std::fputs("\n", stderr);
  Result<StoreStats> stats = (*store)->Stats();
  if (stats.ok()) {
    std::printf(
        "imported %d of %zu files into %s; corpus: %lld documents, %lld "
        "sentences, %lld claims (%s), %lld references\n",
        imported, files.size(), db.c_str(),
        static_cast<long long>(stats->documents),
        static_cast<long long>(stats->sentences),
        static_cast<long long>(stats->claims),
        StatusCounts(stats->by_status).c_str(),
        static_cast<long long>(stats->references));
  }
  return failed ? kExitError : kExitOk;
}

int RunAnalyze(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddVocabOption(options);
  options.add_options()(
      "format", po::value<std::string>()->default_value("jsonl"),
      "output: jsonl (default), json, csv, or text (claims only, for people)")(
      "lines",
      "treat every input line as one sentence (for line-per-sentence data "
      "sets)")("claims-only", "print claims only")("explain",
                                                   "with text output: say why")(
      "input-format", po::value<std::string>(), "auto, text, markdown or html")(
      "file", po::value<std::vector<std::string>>(), "article to analyse");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args,
                 "evq analyze [--lines] [--format jsonl|json|csv|text] FILE...",
                 "Analyses articles without storing them and prints one record "
                 "per sentence:\n"
                 "\"claim\" true or false plus the claim record of the "
                 "evidence model (kind,\n"
                 "hedging, negation, backing status, citations, conditions, "
                 "context, interventions,\n"
                 "anatomy). A file that cannot be read is reported and the "
                 "rest still run.",
                 options, "file", &vm, &code)) {
    return code;
  }
  if (!vm.count("file")) {
    PrintError("analyze: no files given (see 'evq analyze --help')");
    return kExitError;
  }
  OutputFormat out_format;
  std::string fname = vm["format"].as<std::string>();
  if (!ParseOutputFormat(fname, &out_format)) {
    PrintError("analyze: unknown format '" + fname +
               "' (expected text, json, jsonl or csv)");
    return kExitError;
  }
  Format format;
  if (!ParseFormatOption(vm, &format)) return kExitError;
  bool lines = vm.count("lines") > 0;
  if (lines) format = Format::kText;
  Vocabulary vocab;
  if (!LoadVocabulary(vm, &vocab)) return kExitError;
  bool claims_only =
      vm.count("claims-only") > 0 || out_format == OutputFormat::kText;
  ClaimPrinter printer(stdout, out_format, vm.count("explain") > 0);
  int failed = 0;
  for (const std::string& path : vm["file"].as<std::vector<std::string>>()) {
    Result<std::vector<Document>> docs = ImportFileDocuments(path, format);
    if (!docs.ok()) {
      PrintError(docs.status().message());
      ++failed;
      continue;
    }
    for (Document& one : *docs) {
      Document* doc = &one;
      PrintDiagnostics(doc->diagnostics);
      AnalyzeOptions aopts;
      if (lines) {
        // Every non-empty line is one block and one sentence.
        Document& d = *doc;
        d.blocks.clear();
        d.title.clear();
        size_t pos = 0;
        while (pos < d.text.size()) {
          size_t nl = d.text.find('\n', pos);
          if (nl == std::string::npos) nl = d.text.size();
          size_t b = pos, e = nl;
          while (b < e && (d.text[b] == ' ' || d.text[b] == '\t')) ++b;
          while (e > b && (d.text[e - 1] == ' ' || d.text[e - 1] == '\r' ||
                           d.text[e - 1] == '\t'))
            --e;
          if (e > b) {
            Block block;
            block.role = BlockRole::kParagraph;
            block.start = b;
            block.end = e;
            d.blocks.push_back(block);
          }
          pos = nl + 1;
        }
        aopts.one_sentence_per_block = true;
      }
      Analysis analysis = Analyze(*doc, vocab, aopts);
      for (const Sentence& s : analysis.sentences) {
        if (claims_only && !s.claim) continue;
        printer.Print(analysis.source, s, analysis.references);
      }
    }
  }
  printer.Finish();
  return failed ? kExitError : kExitOk;
}

int RunParseReferences(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("format",
                        po::value<std::string>()->default_value("jsonl"),
                        "output: jsonl (default), json, or text")(
      "file", po::value<std::vector<std::string>>(),
      "file with one reference a line (default: stdin)");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args, "evq parse-references [--format jsonl|json|text] [FILE]",
                 "Parses reference strings, one a line, into CSL-JSON items, "
                 "one a line, in the\n"
                 "same order (an empty line gives an empty item).",
                 options, "file", &vm, &code)) {
    return code;
  }
  std::string fmt = vm["format"].as<std::string>();
  if (fmt != "jsonl" && fmt != "json" && fmt != "text") {
    PrintError("parse-references: unknown format '" + fmt +
               "' (expected jsonl, json or text)");
    return kExitError;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (vm.count("file")) {
    const auto& files = vm["file"].as<std::vector<std::string>>();
    if (files.size() > 1) {
      PrintError("parse-references: give at most one FILE");
      return kExitError;
    }
    file.open(files[0]);
    if (!file) {
      PrintError(files[0] + ": cannot open");
      return kExitError;
    }
    in = &file;
  }
  std::string line;
  int n = 0;
  if (fmt == "json") std::fputs("[", stdout);
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    CslItem item = ParseReference(line);
    item.id = "ref" + std::to_string(n + 1);
    if (fmt == "text") {
      std::printf("%d. %s\n", n + 1, ReferenceLabel(item).c_str());
    } else {
      if (fmt == "json" && n > 0) std::fputs(",", stdout);
      std::fputs(CslItemToJson(item).c_str(), stdout);
      std::fputs("\n", stdout);
    }
    ++n;
  }
  if (fmt == "json") std::fputs("]\n", stdout);
  return kExitOk;
}

}  // namespace evq::cli
