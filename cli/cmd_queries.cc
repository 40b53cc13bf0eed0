// Commands that answer from the corpus database: claims, search, references,
// stats.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common.h"
#include "evq/store.h"
#include "printers.h"

namespace evq::cli {

namespace {


}  // namespace

int RunClaims(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddDbOption(options);
  AddVocabOption(options);
  AddFormatOption(options);
  options.add_options()("about", po::value<std::string>(),
                        "claims about this condition or any narrower one (\"back pain\" includes "
                        "\"low back pain\"), named in the sentence or its heading/title")(
      "status", po::value<std::vector<std::string>>()->multitoken(),
      "only these statuses: cited attributed dangling vague listed unbacked")(
      "backed", "only claims backed by a reference (status cited)")(
      "unbacked", "only claims not backed by a reference (every status but cited)")(
      "document", po::value<std::string>(), "only this document (its source as imported)")(
      "cites", po::value<std::string>(), "only claims citing a reference matching this text")(
      "cites-retracted", "only claims citing a work its authority marks retracted")(
      "cites-work", po::value<int64_t>(), "only claims citing this work (an id from evq works)")(
      "limit", po::value<int>()->default_value(0), "at most this many (0: all)")(
      "explain", "with text output: say why each sentence is a claim and has its status");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args,
                 "evq claims [--db PATH] [--about CONDITION] [--status S...] [--backed|--unbacked] "
                 "[--document SOURCE] [--cites TEXT] [--cites-retracted] [--cites-work ID] "
                 "[--format text|json|jsonl|csv]",
                 "Lists stored claims with their backing status, citations and subjects.\n"
                 "Exit status 1 when nothing matches.\n\n"
                 "examples:\n"
                 "  evq claims --about \"back pain\" --unbacked\n"
                 "  evq claims --status dangling vague --format csv\n"
                 "  evq claims --cites-retracted --format jsonl",
                 options, nullptr, &vm, &code)) {
    return code;
  }
  OutputFormat format;
  if (!FormatOption(vm, &format)) return kExitError;
  if (vm.count("backed") && vm.count("unbacked")) {
    PrintError("claims: --backed and --unbacked exclude each other");
    return kExitError;
  }
  ClaimQuery q;
  if (vm.count("about")) q.about = vm["about"].as<std::string>();
  if (vm.count("document")) q.document = vm["document"].as<std::string>();
  if (vm.count("cites")) q.cites = vm["cites"].as<std::string>();
  if (vm.count("cites-retracted")) q.cites_retracted = true;
  if (vm.count("cites-work")) q.cites_work = vm["cites-work"].as<int64_t>();
  q.limit = vm["limit"].as<int>();
  if (vm.count("status")) {
    for (const std::string& name : vm["status"].as<std::vector<std::string>>()) {
      BackingStatus s;
      if (!ParseBackingStatus(name, &s)) {
        PrintError("claims: unknown status '" + name +
                   "' (expected cited, attributed, dangling, vague, listed or unbacked)");
        return kExitError;
      }
      q.statuses.push_back(s);
    }
  }
  if (vm.count("backed")) q.statuses = {BackingStatus::kCited};
  if (vm.count("unbacked")) {
    q.statuses = {BackingStatus::kAttributed, BackingStatus::kDangling, BackingStatus::kVague,
                  BackingStatus::kListed, BackingStatus::kUnbacked};
  }
  std::unique_ptr<Store> store = OpenForQuery(vm);
  if (!store) return kExitError;
  Result<std::vector<StoredClaim>> claims = store->Claims(q);
  if (!claims.ok()) {
    PrintError(claims.status().message());
    return kExitError;
  }
  ClaimPrinter printer(stdout, format, vm.count("explain") > 0);
  for (const StoredClaim& c : *claims) printer.Print(c);
  printer.Finish();
  return claims->empty() ? kExitNothing : kExitOk;
}

int RunSearch(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddDbOption(options);
  AddFormatOption(options);
  options.add_options()("limit", po::value<int>()->default_value(20), "at most this many hits")(
      "query", po::value<std::vector<std::string>>(), "FTS5 query");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args, "evq search [--db PATH] [--limit N] QUERY",
                 "Full-text search over stored sentences (SQLite FTS5 syntax: words, \"phrases\",\n"
                 "AND/OR/NOT, prefix*, NEAR(a b)), best match first (bm25), matches in [brackets].",
                 options, "query", &vm, &code)) {
    return code;
  }
  if (!vm.count("query")) {
    PrintError("search: no query given (see 'evq search --help')");
    return kExitError;
  }
  std::string query;
  for (const std::string& w : vm["query"].as<std::vector<std::string>>()) {
    query += (query.empty() ? "" : " ") + w;
  }
  OutputFormat format;
  if (!FormatOption(vm, &format)) return kExitError;
  std::unique_ptr<Store> store = OpenForQuery(vm);
  if (!store) return kExitError;
  Result<std::vector<SearchHit>> hits = store->Search(query, vm["limit"].as<int>());
  if (!hits.ok()) {
    PrintError(hits.status().message());
    return kExitError;
  }
  if (format == OutputFormat::kText) {
    for (const SearchHit& h : *hits) {
      std::printf("%s:%zu: %s%s\n", h.document.c_str(), h.sentence.start, h.snippet.c_str(),
                  h.sentence.claim ? "" : "  (not a claim)");
    }
  } else if (format == OutputFormat::kCsv) {
    std::puts("document,start,end,claim,rank,snippet");
    for (const SearchHit& h : *hits) {
      std::printf("%s,%zu,%zu,%s,%.4f,%s\n", CsvField(h.document).c_str(), h.sentence.start,
                  h.sentence.end, h.sentence.claim ? "true" : "false", h.rank,
                  CsvField(h.snippet).c_str());
    }
  } else {
    nlohmann::json all = nlohmann::json::array();
    for (const SearchHit& h : *hits) {
      nlohmann::json j = nlohmann::json::parse(SentenceToJson(h.document, h.sentence, {}));
      j["snippet"] = h.snippet;
      j["rank"] = h.rank;
      if (format == OutputFormat::kJsonl) {
        std::puts(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      } else {
        all.push_back(std::move(j));
      }
    }
    if (format == OutputFormat::kJson) {
      std::puts(all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
  }
  return hits->empty() ? kExitNothing : kExitOk;
}

namespace {

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// "matched W12 (score 0.93)", "mismatch with W12 (year: 2019 vs 2018)",
// "unresolved (no known work)", with RETRACTED when it is.
std::string ResolutionLine(const ReferenceResolution& r) {
  char score[32];
  std::snprintf(score, sizeof score, "%.2f", r.score);
  std::string out;
  switch (r.status) {
    case ResolutionStatus::kMatched:
      out = "matched W" + std::to_string(r.candidate) + " (score " + score + ")";
      break;
    case ResolutionStatus::kMismatch:
      out = "mismatch with W" + std::to_string(r.candidate) + " (" + Join(r.conflicts, "; ") + ")";
      break;
    case ResolutionStatus::kUnresolved:
      out = "unresolved (no known work)";
      break;
  }
  if (r.retracted) out += "; RETRACTED: " + r.retraction_evidence;
  return out;
}

}  // namespace

int RunReferences(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddDbOption(options);
  AddFormatOption(options);
  options.add_options()("document", po::value<std::string>(), "only this document")(
      "never-cited", "only references that no claim cites")(
      "resolution", po::value<std::string>(),
      "only references resolved so against the known works: matched, mismatch or unresolved");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args, "evq references [--db PATH] [--document SOURCE] [--never-cited] "
                 "[--resolution matched|mismatch|unresolved] [--format ...]",
                 "Lists the parsed references of stored documents, how each resolved against the\n"
                 "known works (matched with a score, mismatch with the conflicting fields, or\n"
                 "unresolved: not in any imported authority, which does not make it fake), and\n"
                 "the claims citing each. Exit status 1 when none.\n\n"
                 "examples:\n"
                 "  evq references --resolution unresolved --format csv\n"
                 "  evq references --never-cited --document article.md",
                 options, nullptr, &vm, &code)) {
    return code;
  }
  OutputFormat format;
  if (!FormatOption(vm, &format)) return kExitError;
  std::unique_ptr<Store> store = OpenForQuery(vm);
  if (!store) return kExitError;
  std::string doc = vm.count("document") ? vm["document"].as<std::string>() : "";
  Result<std::vector<StoredReference>> refs = store->References(doc);
  if (!refs.ok()) {
    PrintError(refs.status().message());
    return kExitError;
  }
  if (vm.count("never-cited")) {
    std::erase_if(*refs, [](const StoredReference& r) { return !r.citing_claims.empty(); });
  }
  if (vm.count("resolution")) {
    std::string want = vm["resolution"].as<std::string>();
    if (want != "matched" && want != "mismatch" && want != "unresolved") {
      PrintError("references: unknown resolution '" + want +
                 "' (expected matched, mismatch or unresolved)");
      return kExitError;
    }
    std::erase_if(*refs, [&](const StoredReference& r) {
      return want != ResolutionStatusName(r.resolution.status);
    });
  }
  if (format == OutputFormat::kCsv) {
    std::puts("document,id,cited_by,resolution,score,work,retracted,conflicts,reference");
  }
  nlohmann::json all = nlohmann::json::array();
  std::string last;
  for (const StoredReference& r : *refs) {
    switch (format) {
      case OutputFormat::kText:
        if (r.document != last) {
          std::printf("%s%s\n", last.empty() ? "" : "\n", r.document.c_str());
          last = r.document;
        }
        std::printf("  %s  %s\n", r.item.id.c_str(), ReferenceLabel(r.item).c_str());
        std::printf("      %s\n", ResolutionLine(r.resolution).c_str());
        if (r.citing_claims.empty()) std::puts("      (never cited)");
        for (const std::string& c : r.citing_claims) std::printf("      cited by: %s\n", c.c_str());
        break;
      case OutputFormat::kCsv:
        std::printf("%s,%s,%zu,%s,%.3f,%lld,%s,%s,%s\n", CsvField(r.document).c_str(),
                    CsvField(r.item.id).c_str(), r.citing_claims.size(),
                    ResolutionStatusName(r.resolution.status), r.resolution.score,
                    static_cast<long long>(r.resolution.work),
                    r.resolution.retracted ? "true" : "false",
                    CsvField(Join(r.resolution.conflicts, "; ")).c_str(),
                    CsvField(ReferenceLabel(r.item)).c_str());
        break;
      default: {
        nlohmann::json j;
        j["document"] = r.document;
        j["reference"] = nlohmann::json::parse(CslItemToJson(r.item));
        j["resolution"] = {{"status", ResolutionStatusName(r.resolution.status)},
                           {"score", r.resolution.score},
                           {"conflicts", r.resolution.conflicts},
                           {"candidate", r.resolution.candidate},
                           {"work", r.resolution.work},
                           {"retracted", r.resolution.retracted}};
        if (r.resolution.retracted) {
          j["resolution"]["retraction_evidence"] = r.resolution.retraction_evidence;
        }
        j["cited_by"] = r.citing_claims;
        if (format == OutputFormat::kJsonl) {
          std::puts(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        } else {
          all.push_back(std::move(j));
        }
      }
    }
  }
  if (format == OutputFormat::kJson) {
    std::puts(all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
  return refs->empty() ? kExitNothing : kExitOk;
}

int RunStats(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddDbOption(options);
  AddFormatOption(options);
  options.add_options()("document", po::value<std::string>(), "only this document");
  po::variables_map vm;
  int code;
  if (!ParseArgs(args, "evq stats [--db PATH] [--document SOURCE] [--format text|json]",
                 "Counts documents, sentences, claims by backing status, references, citations.",
                 options, nullptr, &vm, &code)) {
    return code;
  }
  OutputFormat format;
  if (!FormatOption(vm, &format)) return kExitError;
  std::unique_ptr<Store> store = OpenForQuery(vm);
  if (!store) return kExitError;
  Result<StoreStats> st = store->Stats(vm.count("document") ? vm["document"].as<std::string>() : "");
  if (!st.ok()) {
    PrintError(st.status().message());
    return kExitError;
  }
  if (format == OutputFormat::kText) {
    std::printf("documents   %lld\nsentences   %lld\nclaims      %lld\n",
                static_cast<long long>(st->documents), static_cast<long long>(st->sentences),
                static_cast<long long>(st->claims));
    for (int i = 0; i < 6; ++i) {
      std::printf("  %-10s %lld\n", BackingStatusName(static_cast<BackingStatus>(i)),
                  static_cast<long long>(st->by_status[i]));
    }
    std::printf("references  %lld\n", static_cast<long long>(st->references));
    for (int i = 0; i < 3; ++i) {
      std::printf("  %-10s %lld\n", ResolutionStatusName(static_cast<ResolutionStatus>(i)),
                  static_cast<long long>(st->by_resolution[i]));
    }
    std::printf("citations   %lld\n", static_cast<long long>(st->citations));
    if (vm.count("document") == 0) {
      std::printf("works       %lld\n", static_cast<long long>(st->works));
    }
  } else {
    nlohmann::json j;
    j["documents"] = st->documents;
    j["sentences"] = st->sentences;
    j["claims"] = st->claims;
    for (int i = 0; i < 6; ++i) {
      j["by_status"][BackingStatusName(static_cast<BackingStatus>(i))] = st->by_status[i];
    }
    j["references"] = st->references;
    for (int i = 0; i < 3; ++i) {
      j["by_resolution"][ResolutionStatusName(static_cast<ResolutionStatus>(i))] =
          st->by_resolution[i];
    }
    j["citations"] = st->citations;
    if (vm.count("document") == 0) j["works"] = st->works;
    std::puts(j.dump(format == OutputFormat::kJson ? 2 : -1).c_str());
  }
  return kExitOk;
}

}  // namespace evq::cli
