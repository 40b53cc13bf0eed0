// evq vocab: list the vocabulary, or show one term with its hierarchy.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common.h"
#include "evq/mesh.h"
#include "printers.h"

namespace evq::cli {

namespace {

std::string JoinNames(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " | ") + s;
  return out;
}

nlohmann::json TermJson(const Vocabulary& vocab, const Term& t) {
  nlohmann::json j;
  j["kind"] = TermKindName(t.kind);
  j["name"] = t.name;
  j["mesh_id"] = t.mesh_id;
  j["broader"] = t.broader;
  j["synonyms"] = t.synonyms;
  std::vector<std::string> narrower = vocab.Narrower(t.name);
  narrower.erase(std::remove(narrower.begin(), narrower.end(), t.name), narrower.end());
  j["narrower"] = narrower;
  return j;
}

}  // namespace

int RunVocab(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddVocabOption(options);
  options.add_options()("kind", po::value<std::string>(), "only condition, intervention or anatomy")(
      "format", po::value<std::string>()->default_value("text"), "text, json, jsonl or csv")(
      "output,o", po::value<std::string>(), "with import: write the TSV here (default: stdout)")(
      "words", po::value<std::vector<std::string>>(), "list | show TERM | import FILE");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args,
                 "evq vocab [list] [--kind KIND] | evq vocab show TERM | evq vocab import DESC.xml "
                 "[-o FILE]",
                 "Lists the vocabulary evq recognises (the built-in one from corpus/vocab/ plus\n"
                 "--vocab files), or shows one term: its MeSH ID, synonyms, broader and narrower\n"
                 "terms. TERM may be any name or synonym (\"LBP\", \"lumbago\").\n"
                 "'import' reads MeSH DescriptorRecordSet XML (diseases C and F03 as conditions,\n"
                 "procedures E as interventions, anatomy A) and writes it in the TSV vocabulary\n"
                 "format for --vocab; --vocab also takes the XML file directly.",
                 options, "words", &vm, &code)) {
    return code;
  }
  Vocabulary vocab;
  if (!LoadVocabulary(vm, &vocab)) return kExitError;
  std::vector<std::string> words;
  if (vm.count("words")) words = vm["words"].as<std::vector<std::string>>();
  std::string fmt = vm["format"].as<std::string>();
  OutputFormat format;
  if (!ParseOutputFormat(fmt, &format)) {
    PrintError("vocab: unknown format '" + fmt + "' (expected text, json, jsonl or csv)");
    return kExitError;
  }
  if (!words.empty() && words[0] == "show") {
    if (words.size() < 2) {
      PrintError("vocab show: which term? (evq vocab show \"low back pain\")");
      return kExitError;
    }
    std::string name;
    for (size_t i = 1; i < words.size(); ++i) name += (i > 1 ? " " : "") + words[i];
    const Term* t = vocab.Lookup(name);
    if (!t) {
      PrintError("vocab show: no term '" + name + "' (see 'evq vocab list')");
      return kExitNothing;
    }
    nlohmann::json j = TermJson(vocab, *t);
    if (format == OutputFormat::kText) {
      std::printf("%s (%s)\n", t->name.c_str(), TermKindName(t->kind));
      std::printf("  MeSH      %s\n", t->mesh_id.empty() ? "-" : t->mesh_id.c_str());
      std::printf("  broader   %s\n", t->broader.empty() ? "-" : t->broader.c_str());
      std::printf("  narrower  %s\n", JoinNames(j["narrower"].get<std::vector<std::string>>()).c_str());
      std::printf("  synonyms  %s\n", JoinNames(t->synonyms).c_str());
    } else {
      std::puts(j.dump(format == OutputFormat::kJson ? 2 : -1).c_str());
    }
    return kExitOk;
  }
  if (!words.empty() && words[0] == "import") {
    if (words.size() != 2) {
      PrintError("vocab import: give one MeSH descriptor file (desc2024.xml or .xml.gz)");
      return kExitError;
    }
    Vocabulary mesh;
    MeshImportStats stats;
    Status s = ImportMeshDescriptors(words[1], &mesh, &stats);
    if (!s.ok()) {
      PrintError(s.message());
      return kExitError;
    }
    FILE* out = stdout;
    std::string out_path = vm.count("output") ? vm["output"].as<std::string>() : "";
    if (!out_path.empty() && !(out = std::fopen(out_path.c_str(), "w"))) {
      PrintError(out_path + ": cannot write");
      return kExitError;
    }
    // The TSV vocabulary format (evq/vocabulary.h), usable with --vocab.
    auto clean = [](std::string v) {
      for (char& c : v) {
        if (c == '\t' || c == '\n' || c == '|') c = ' ';
      }
      return v;
    };
    std::fprintf(out, "# kind\tname\tmesh_id\tbroader\tsynonyms (from %s)\n", words[1].c_str());
    for (const Term* t : mesh.Terms()) {
      std::string syn;
      for (const std::string& x : t->synonyms) syn += (syn.empty() ? "" : "|") + clean(x);
      std::fprintf(out, "%s\t%s\t%s\t%s\t%s\n", TermKindName(t->kind), clean(t->name).c_str(),
                   t->mesh_id.c_str(), clean(t->broader).c_str(), syn.c_str());
    }
    if (out != stdout) std::fclose(out);
    std::fprintf(stderr,
                 "vocab import: %d descriptors: %d conditions, %d interventions, %d anatomy, %d "
                 "skipped; %d entry terms, %d broader links\n",
                 stats.descriptors, stats.conditions, stats.interventions, stats.anatomy,
                 stats.skipped, stats.entry_terms, stats.broader_links);
    return kExitOk;
  }
  if (!words.empty() && words[0] != "list") {
    PrintError("vocab: unknown action '" + words[0] + "' (expected list or show TERM)");
    return kExitError;
  }
  std::string kind = vm.count("kind") ? vm["kind"].as<std::string>() : "";
  if (!kind.empty() && kind != "condition" && kind != "intervention" && kind != "anatomy") {
    PrintError("vocab: unknown kind '" + kind + "' (expected condition, intervention or anatomy)");
    return kExitError;
  }
  if (format == OutputFormat::kCsv) std::puts("kind,name,mesh_id,broader,synonyms");
  nlohmann::json all = nlohmann::json::array();
  int n = 0;
  for (const Term* t : vocab.Terms()) {
    if (!kind.empty() && kind != TermKindName(t->kind)) continue;
    ++n;
    switch (format) {
      case OutputFormat::kText:
        std::printf("%-12s %-40s %-9s %s\n", TermKindName(t->kind), t->name.c_str(),
                    t->mesh_id.empty() ? "-" : t->mesh_id.c_str(),
                    t->broader.empty() ? "" : ("< " + t->broader).c_str());
        break;
      case OutputFormat::kCsv:
        std::printf("%s,%s,%s,%s,%s\n", TermKindName(t->kind), CsvField(t->name).c_str(),
                    t->mesh_id.c_str(), CsvField(t->broader).c_str(),
                    CsvField(JoinNames(t->synonyms)).c_str());
        break;
      case OutputFormat::kJsonl:
        std::puts(TermJson(vocab, *t).dump().c_str());
        break;
      case OutputFormat::kJson:
        all.push_back(TermJson(vocab, *t));
        break;
    }
  }
  if (format == OutputFormat::kJson) std::puts(all.dump(2).c_str());
  return n ? kExitOk : kExitNothing;
}

}  // namespace evq::cli
