#include "common.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "evq/mesh.h"
#include "printers.h"

namespace evq::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"import", "import articles, and bibliographies as known works, into the corpus database", RunImport},
      {"analyze", "analyse articles without storing them, one record per sentence", RunAnalyze},
      {"claims", "list stored claims: about a condition, by backing status, by document", RunClaims},
      {"search", "full-text search over stored sentences", RunSearch},
      {"references", "list stored references and the claims that cite them", RunReferences},
      {"works", "list known works (bibliographies, cited publications) and how much each is cited", RunWorks},
      {"cites", "list the claims that cite a work, across documents", RunCites},
      {"stats", "counts of documents, sentences, claims by status, references", RunStats},
      {"ask", "answer a question in plain English from the corpus database", RunAsk},
      {"audit", "audit articles or a database: findings, per-document report, CI gate", RunAudit},
      {"vocab", "list the vocabulary, or show a term's MeSH ID, synonyms and hierarchy", RunVocab},
      {"parse-references", "parse reference strings (one a line) into CSL-JSON", RunParseReferences},
  };
  return kCommands;
}

bool ParseArgs(const std::vector<std::string>& args, const char* usage, const char* description,
               po::options_description& options, const char* positional_name, po::variables_map* vm,
               int* exit_code) {
  options.add_options()("help,h", "show this help");
  po::positional_options_description positional;
  if (positional_name) positional.add(positional_name, -1);
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    PrintError(std::string(e.what()) + "\nusage: " + usage + "\n(see 'evq " +
               usage + "' --help)");
    *exit_code = kExitError;
    return false;
  }
  if (vm->count("help")) {
    std::cout << "usage: " << usage << "\n\n" << description << "\n\n" << options << std::endl;
    *exit_code = kExitOk;
    return false;
  }
  return true;
}

std::string DatabasePath(const po::variables_map& vm) {
  if (vm.count("db")) return vm["db"].as<std::string>();
  const char* env = std::getenv("EVQ_DB");
  if (env && *env) return env;
  return "evq.db";
}

void AddVocabOption(po::options_description& options) {
  options.add_options()("vocab", po::value<std::vector<std::string>>()->composing(),
                        "extra vocabulary file (TSV: kind, name, mesh_id, broader, synonyms); "
                        "may be repeated");
}

void AddDbOption(po::options_description& options) {
  options.add_options()("db", po::value<std::string>(),
                        "corpus database (default: $EVQ_DB, else ./evq.db)");
}

bool LoadVocabulary(const po::variables_map& vm, Vocabulary* vocab) {
  Result<Vocabulary> builtin = Vocabulary::Builtin();
  if (!builtin.ok()) {
    PrintError(builtin.status().message());
    return false;
  }
  *vocab = std::move(builtin).value();
  if (vm.count("vocab")) {
    for (const std::string& path : vm["vocab"].as<std::vector<std::string>>()) {
      // MeSH descriptor XML is read directly; anything else is the TSV form.
      bool mesh = path.size() > 4 && (path.compare(path.size() - 4, 4, ".xml") == 0 ||
                                      (path.size() > 7 && path.compare(path.size() - 7, 7, ".xml.gz") == 0));
      Status s = mesh ? ImportMeshDescriptors(path, vocab, nullptr) : vocab->AddFile(path);
      if (!s.ok()) {
        PrintError(s.message());
        return false;
      }
    }
  }
  return true;
}

void PrintError(const std::string& message) {
  std::fprintf(stderr, "evq: %s\n", message.c_str());
}

void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    std::fprintf(stderr, "%s\n", FormatDiagnostic(d).c_str());
  }
}

// Opens the database for reading; prints the error and returns null.
std::unique_ptr<Store> OpenForQuery(const po::variables_map& vm) {
  Vocabulary vocab;
  if (!LoadVocabulary(vm, &vocab)) return nullptr;
  std::string db = DatabasePath(vm);
  if (FILE* f = std::fopen(db.c_str(), "rb")) {
    std::fclose(f);
  } else {
    PrintError(db + ": no such database (import articles first: evq import --db " + db + " FILE...)");
    return nullptr;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(db, vocab);
  if (!store.ok()) {
    PrintError(store.status().message());
    return nullptr;
  }
  return std::move(store).value();
}

bool FormatOption(const po::variables_map& vm, OutputFormat* out) {
  std::string name = vm["format"].as<std::string>();
  if (!ParseOutputFormat(name, out)) {
    PrintError("unknown format '" + name + "' (expected text, json, jsonl or csv)");
    return false;
  }
  return true;
}

void AddFormatOption(po::options_description& options) {
  options.add_options()("format", po::value<std::string>()->default_value("text"),
                        "output: text (default, for people), json, jsonl or csv");
}

}  // namespace evq::cli
