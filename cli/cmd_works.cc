// evq works, evq cites: the known publications, and the claims citing one.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common.h"
#include "evq/csl.h"
#include "evq/store.h"
#include "printers.h"

namespace evq::cli {
namespace {

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

nlohmann::json WorkJson(const StoredWork& w) {
  nlohmann::json j;
  j["id"] = w.id;
  j["origin"] = w.origin;
  j["work"] = nlohmann::json::parse(CslItemToJson(w.work.item));
  j["label"] = CslItemLabel(w.work.item);
  if (!w.work.source.empty()) j["source"] = w.work.source;
  if (w.work.line > 0) j["line"] = w.work.line;
  if (!w.work.publication_types.empty())
    j["publication_types"] = w.work.publication_types;
  j["retracted"] = w.work.retracted;
  if (w.work.retracted) j["retraction_evidence"] = w.work.retraction_evidence;
  j["references"] = w.references;
  j["documents"] = w.documents;
  j["claims"] = w.claims;
  return j;
}

// "10.1/x" -> doi, "pmid:123" or "PMID 123" -> pmid, "W12" or "12" -> id,
// anything else -> full-text query.
WorkQuery QueryForSpec(const std::string& spec) {
  WorkQuery q;
  std::string lower;
  for (char c : spec)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto digits = [](std::string_view s) {
    return !s.empty() &&
           s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (lower.starts_with("https://doi.org/")) {
    q.doi = spec.substr(16);
  } else if (lower.starts_with("doi:")) {
    q.doi = spec.substr(4);
  } else if (lower.starts_with("10.") && spec.find('/') != std::string::npos) {
    q.doi = spec;
  } else if (lower.starts_with("pmid:") || lower.starts_with("pmid ")) {
    q.pmid = spec.substr(5);
    while (!q.pmid.empty() && q.pmid[0] == ' ') q.pmid.erase(0, 1);
  } else if (lower.size() > 1 && lower[0] == 'w' &&
             digits(std::string_view(lower).substr(1))) {
    q.id = std::stoll(lower.substr(1));
  } else if (digits(lower) && lower.size() < 12) {
    q.id = std::stoll(lower);
  } else {
    q.text = spec;
  }
  return q;
}

}  // namespace

int RunWorks(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddDbOption(options);
  AddFormatOption(options);
  options.add_options()("most-cited",
                        "most cited first (by claims, then documents)")(
      "retracted", "only works their authority marks retracted")(
      "cited", "only works some stored reference names")(
      "limit", po::value<int>()->default_value(0),
      "at most this many (0: all)")(
      "query", po::value<std::vector<std::string>>(), "words to look for");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args,
                 "evq works [--db PATH] [QUERY] [--most-cited] [--retracted] "
                 "[--cited] "
                 "[--limit N] [--format text|json|jsonl|csv]",
                 "Lists known works: publications from imported bibliographies "
                 "(BibTeX, RIS,\n"
                 "CSL-JSON, PubMed, MEDLINE, Retraction Watch), scholarly "
                 "documents, and works\n"
                 "inferred from references that name the same publication in "
                 "several documents.\n"
                 "Each comes with how many references, documents and claims "
                 "cite it. QUERY is\n"
                 "full-text (authors, title, journal; FTS5 syntax). Exit "
                 "status 1 when none.\n\n"
                 "examples:\n"
                 "  evq works --most-cited --limit 10\n"
                 "  evq works stecco fascia\n"
                 "  evq works --retracted --cited",
                 options, "query", &vm, &code)) {
    return code;
  }
  OutputFormat format;
  if (!FormatOption(vm, &format)) return kExitError;
  WorkQuery q;
  if (vm.count("query"))
    q.text = Joined(vm["query"].as<std::vector<std::string>>());
  q.most_cited = vm.count("most-cited") > 0;
  q.retracted_only = vm.count("retracted") > 0;
  q.cited_only = vm.count("cited") > 0;
  q.limit = vm["limit"].as<int>();
  std::unique_ptr<Store> store = OpenForQuery(vm);
  if (!store) return kExitError;
  Result<std::vector<StoredWork>> works = store->Works(q);
  if (!works.ok()) {
    PrintError(works.status().message());
    return kExitError;
  }
  if (format == OutputFormat::kCsv) {
    std::puts("id,origin,claims,documents,references,retracted,doi,pmid,label");
  }
  nlohmann::json all = nlohmann::json::array();
  for (const StoredWork& w : *works) {
    switch (format) {
      case OutputFormat::kText: {
        std::string ids;
        if (!w.work.item.doi.empty()) ids += " doi:" + w.work.item.doi;
        if (!w.work.item.pmid.empty()) ids += " PMID:" + w.work.item.pmid;
        std::printf("W%-6lld %3lld claims %3lld docs  %s%s%s\n",
                    static_cast<long long>(w.id),
                    static_cast<long long>(w.claims),
                    static_cast<long long>(w.documents),
                    w.work.retracted ? "RETRACTED " : "",
                    CslItemLabel(w.work.item).c_str(), ids.c_str());
        break;
      }
      case OutputFormat::kCsv:
        std::printf("%lld,%s,%lld,%lld,%lld,%s,%s,%s,%s\n",
                    static_cast<long long>(w.id), w.origin.c_str(),
                    static_cast<long long>(w.claims),
                    static_cast<long long>(w.documents),
                    static_cast<long long>(w.references),
                    w.work.retracted ? "true" : "false",
                    CsvField(w.work.item.doi).c_str(),
                    CsvField(w.work.item.pmid).c_str(),
                    CsvField(CslItemLabel(w.work.item)).c_str());
        break;
      case OutputFormat::kJsonl:
        std::puts(
            WorkJson(w)
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                .c_str());
        break;
      case OutputFormat::kJson:
        all.push_back(WorkJson(w));
        break;
    }
  }
  if (format == OutputFormat::kJson) {
    std::puts(all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  .c_str());
  }
  return works->empty() ? kExitNothing : kExitOk;
}

int RunCites(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddDbOption(options);
  AddFormatOption(options);
  options.add_options()("explain",
                        "with text output: say why each sentence is a claim")(
      "work", po::value<std::vector<std::string>>(), "the work");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args,
                 "evq cites [--db PATH] [--format text|json|jsonl|csv] WORK",
                 "Lists the claims that cite a work, in every document. WORK "
                 "is a work id from\n"
                 "'evq works' (W12 or 12), a DOI (10.1016/...), pmid:NNN, or "
                 "words that match\n"
                 "exactly one work's authors, title or journal.\n"
                 "Exit status 1 when no claim cites it, 2 when WORK names no "
                 "work or several.\n\n"
                 "examples:\n"
                 "  evq cites W12\n"
                 "  evq cites 10.1097/00007632-199505150-00003\n"
                 "  evq cites travell simons myofascial --format jsonl",
                 options, "work", &vm, &code)) {
    return code;
  }
  if (!vm.count("work")) {
    PrintError("cites: no work given (see 'evq cites --help')");
    return kExitError;
  }
  OutputFormat format;
  if (!FormatOption(vm, &format)) return kExitError;
  const std::string spec = Joined(vm["work"].as<std::vector<std::string>>());
  std::unique_ptr<Store> store = OpenForQuery(vm);
  if (!store) return kExitError;
  WorkQuery q = QueryForSpec(spec);
  q.most_cited = true;
  q.limit = 6;
  Result<std::vector<StoredWork>> works = store->Works(q);
  if (!works.ok()) {
    PrintError("cites: " + works.status().message());
    return kExitError;
  }
  if (works->empty()) {
    PrintError("cites: no work matches '" + spec + "' (see 'evq works')");
    return kExitError;
  }
  // Several works with one DOI are one publication imported twice; words
  // must name exactly one.
  if (works->size() > 1 && !q.text.empty()) {
    std::string list;
    for (size_t i = 0; i < works->size() && i < 5; ++i) {
      list += "\n  W" + std::to_string((*works)[i].id) + "  " +
              CslItemLabel((*works)[i].work.item);
    }
    PrintError("cites: '" + spec +
               "' matches several works; give one id:" + list);
    return kExitError;
  }
  ClaimPrinter printer(stdout, format, vm.count("explain") > 0);
  for (const StoredWork& w : *works) {
    if (!q.text.empty() && &w != &works->front()) break;
    ClaimQuery cq;
    cq.cites_work = w.id;
    Result<std::vector<StoredClaim>> claims = store->Claims(cq);
    if (!claims.ok()) {
      PrintError("cites: " + claims.status().message());
      return kExitError;
    }
    if (format == OutputFormat::kText) {
      std::fprintf(stderr, "W%lld %s%s: %zu claims\n",
                   static_cast<long long>(w.id),
                   w.work.retracted ? "(RETRACTED) " : "",
                   CslItemLabel(w.work.item).c_str(), claims->size());
    }
    for (const StoredClaim& c : *claims) printer.Print(c);
  }
  printer.Finish();
  return printer.count() == 0 ? kExitNothing : kExitOk;
}

}  // namespace evq::cli
