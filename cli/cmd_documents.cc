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
