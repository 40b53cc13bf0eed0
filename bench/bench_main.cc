// bench/bench_main.cc: evq's end-to-end benchmark.
//
// The main mode: generate a synthetic corpus, import it the full way
// (ImportFile + Analyze + Store::Put), time the analysis stage alone and a
// bare FTS5 insert of the same sentences, query claims --about, parse
// references, and report the figures with the run's peak RSS. All its
// figures come from one process.
//
// Three more modes (bench_modes.h): "pubmed", a PubMed baseline-sized file
// imported with ForEachPubmedDocument against a bare pugixml parse,
// "audit", BuildAudit and RenderAudit to every format, and "resolve",
// ParseReference and WorkIndex::Resolve against a synthetic authority.
// Without --only, all four run, the extra modes first, each in a child
// process, so that the main mode's peak RSS stays its own.
//
//   evq_bench [--only main|pubmed|audit|resolve] [--size-mb N] [--queries N]
//             [--records N] [--put] [--docs N] [--works N] [--refs N]
//             [--seed N] [--dir DIR] [--keep]
#include <sched.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench_modes.h"
#include "bench_util.h"
#include "corpus_gen.h"
#include "evq/analysis.h"
#include "evq/csl.h"
#include "evq/import.h"
#include "evq/store.h"
#include "evq/vocabulary.h"
#include "fts_baseline.h"

namespace evq::bench {
namespace {

struct Options {
  double size_mb = 100;
  int queries = 200;
  uint64_t seed = 20240611;
  std::string dir;  // empty: a fresh directory under $TMPDIR or /tmp
  bool keep = false;
  std::string only;     // "main", "pubmed", "audit", "resolve"; empty: all
  int records = 30000;  // pubmed
  bool put = false;     // pubmed: also Store::Put
  int docs = 10000;     // audit
  int works = 100000;   // resolve
  int refs = 5000;      // resolve
};

int CpuCount() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
  return static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
}

void Check(const Status& s, const char* what) {
  if (!s.ok()) Die(std::string(what) + ": " + s.message());
}

// Progress to stderr, so that stdout holds only the report.
__attribute__((format(printf, 1, 2))) void Progress(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  std::vfprintf(stderr, fmt, args);
  va_end(args);
  std::fflush(stderr);
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Die(a + " needs a value");
      return argv[++i];
    };
    if (a == "--size-mb") {
      o.size_mb = std::atof(value().c_str());
      if (!(o.size_mb > 0)) Die("--size-mb must be positive");
    } else if (a == "--queries") {
      o.queries = std::atoi(value().c_str());
      if (o.queries < 1) Die("--queries must be at least 1");
    } else if (a == "--seed") {
      o.seed = std::strtoull(value().c_str(), nullptr, 10);
    } else if (a == "--dir") {
      o.dir = value();
    } else if (a == "--keep") {
      o.keep = true;
    } else if (a == "--only") {
      o.only = value();
      if (o.only != "main" && o.only != "pubmed" && o.only != "audit" &&
          o.only != "resolve")
        Die("--only takes main, pubmed, audit or resolve");
    } else if (a == "--records") {
      o.records = std::atoi(value().c_str());
      if (o.records < 1) Die("--records must be at least 1");
    } else if (a == "--put") {
      o.put = true;
    } else if (a == "--docs") {
      o.docs = std::atoi(value().c_str());
      if (o.docs < 1) Die("--docs must be at least 1");
    } else if (a == "--works") {
      o.works = std::atoi(value().c_str());
      if (o.works < 1) Die("--works must be at least 1");
    } else if (a == "--refs") {
      o.refs = std::atoi(value().c_str());
      if (o.refs < 2) Die("--refs must be at least 2");
    } else if (a == "-h" || a == "--help") {
      std::printf(
          "usage: evq_bench [--only main|pubmed|audit|resolve] [--size-mb N] "
          "[--queries N]\n"
          "                 [--records N] [--put] [--docs N] [--works N] "
          "[--refs N]\n"
          "                 [--seed N] [--dir DIR] [--keep]\n");
      std::exit(0);
    } else {
      Die("unknown argument '" + a + "' (see --help)");
    }
  }
  return o;
}

// The q-th quantile (0..1) of `v`, nearest rank.
double Quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t rank =
      static_cast<size_t>(std::ceil(q * static_cast<double>(v.size())));
  rank = std::clamp<size_t>(rank, 1, v.size());
  return v[rank - 1];
}

struct ImportFigures {
  double seconds = 0;
  double import_s = 0, analyze_s = 0, put_s = 0;
  double rss_mb = 0;
  StoreStats stats;
};

// The full import path into a fresh database at `db_path`.
ImportFigures FullImport(const Corpus& corpus, const Vocabulary& vocab,
                         const std::string& db_path) {
  ImportFigures f;
  std::filesystem::remove(db_path);
  Result<std::unique_ptr<Store>> store = Store::Open(db_path, vocab);
  if (!store.ok()) Die("Store::Open: " + store.status().message());
  Clock::time_point start = Clock::now();
  for (size_t i = 0; i < corpus.paths.size(); ++i) {
    Clock::time_point t0 = Clock::now();
    Result<Document> doc = ImportFile(corpus.paths[i]);
    if (!doc.ok()) Die("ImportFile: " + doc.status().message());
    Clock::time_point t1 = Clock::now();
    Analysis analysis = Analyze(doc.value(), vocab);
    Clock::time_point t2 = Clock::now();
    Check((*store)->Put(analysis), "Store::Put");
    Clock::time_point t3 = Clock::now();
    f.import_s += Seconds(t1 - t0);
    f.analyze_s += Seconds(t2 - t1);
    f.put_s += Seconds(t3 - t2);
    if (i % 500 == 499) Progress("  imported %zu documents\n", i + 1);
  }
  f.seconds = Seconds(Clock::now() - start);
  f.rss_mb = PeakRssMb();
  Result<StoreStats> stats = (*store)->Stats();
  if (!stats.ok()) Die("Store::Stats: " + stats.status().message());
  f.stats = stats.value();
  return f;
}

struct AnalysisFigures {
  double analysis_s = 0;  // ImportFile + Analyze
  double fts_s = 0;       // bare FTS5: open, inserts, commit
  uint64_t sentences = 0, sentence_bytes = 0, claims = 0;
  std::vector<std::string> references;  // reference-entry texts, as imported
  double rss_mb = 0;
};

// The analysis stage alone, and the bare FTS5 insert of the sentences it
// produced; each timed on its own, interleaved per document so that no
// sentence list is held for the whole corpus.
AnalysisFigures AnalysisAndBareFts(const Corpus& corpus,
                                   const Vocabulary& vocab,
                                   const std::string& fts_path) {
  AnalysisFigures f;
  FtsBaseline fts;
  Clock::time_point t = Clock::now();
  Check(fts.Open(fts_path), "bare FTS5 open");
  f.fts_s += Seconds(Clock::now() - t);
  for (size_t i = 0; i < corpus.paths.size(); ++i) {
    Clock::time_point t0 = Clock::now();
    Result<Document> doc = ImportFile(corpus.paths[i]);
    if (!doc.ok()) Die("ImportFile: " + doc.status().message());
    Analysis analysis = Analyze(doc.value(), vocab);
    Clock::time_point t1 = Clock::now();
    for (const Sentence& s : analysis.sentences)
      Check(fts.Insert(s.text), "bare FTS5 insert");
    Clock::time_point t2 = Clock::now();
    f.analysis_s += Seconds(t1 - t0);
    f.fts_s += Seconds(t2 - t1);
    for (const Sentence& s : analysis.sentences) {
      f.sentence_bytes += s.text.size();
      f.claims += s.claim ? 1 : 0;
    }
    f.sentences += analysis.sentences.size();
    for (const Block& b : doc->blocks) {
      if (b.role == BlockRole::kReferenceEntry) {
        f.references.push_back(doc->text.substr(b.start, b.end - b.start));
      }
    }
  }
  t = Clock::now();
  Check(fts.Commit(), "bare FTS5 commit");
  f.fts_s += Seconds(Clock::now() - t);
  f.rss_mb = PeakRssMb();
  return f;
}

struct QueryFigures {
  int queries = 0;
  double p50_ms = 0, p99_ms = 0, mean_results = 0;
};

QueryFigures ClaimsAbout(Store* store,
                         const std::vector<std::string>& conditions,
                         int queries, int limit) {
  QueryFigures f;
  ClaimQuery q;
  q.limit = limit;
  for (const std::string& c :
       conditions) {  // warm-up: one of each, not counted
    q.about = c;
    Result<std::vector<StoredClaim>> r = store->Claims(q);
    if (!r.ok()) Die("Store::Claims: " + r.status().message());
  }
  std::vector<double> ms;
  double results = 0;
  for (int i = 0; i < queries; ++i) {
    q.about = conditions[i % conditions.size()];
    Clock::time_point t0 = Clock::now();
    Result<std::vector<StoredClaim>> r = store->Claims(q);
    ms.push_back(Seconds(Clock::now() - t0) * 1e3);
    if (!r.ok()) Die("Store::Claims: " + r.status().message());
    results += static_cast<double>(r->size());
  }
  f.queries = queries;
  f.p50_ms = Quantile(ms, 0.50);
  f.p99_ms = Quantile(ms, 0.99);
  f.mean_results = results / queries;
  return f;
}

struct ParseFigures {
  uint64_t parsed = 0;
  double seconds = 0;
  int rounds = 0;
  double with_year = 0;  // share of references whose year was found
};

// ParseReference over all reference strings, on this thread, repeated until
// at least 3 s have passed (and at least 2 rounds).
ParseFigures ParseReferences(const std::vector<std::string>& refs) {
  ParseFigures f;
  if (refs.empty()) return f;
  uint64_t years = 0;
  Clock::time_point start = Clock::now();
  while (f.rounds < 2 || Seconds(Clock::now() - start) < 3.0) {
    for (const std::string& r : refs) {
      CslItem item = ParseReference(r);
      if (f.rounds == 0 && item.issued.year != 0) ++years;
    }
    f.parsed += refs.size();
    ++f.rounds;
  }
  f.seconds = Seconds(Clock::now() - start);
  f.with_year = static_cast<double>(years) / static_cast<double>(refs.size());
  return f;
}

std::string MakeWorkDir(const Options& o) {
  if (!o.dir.empty()) {
    std::filesystem::create_directories(o.dir);
    return o.dir;
  }
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp && *tmp ? tmp : "/tmp") + "/evq-bench-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr)
    Die("mkdtemp " + pattern + ": " + std::strerror(errno));
  return buf.data();
}

void RunMain(const Options& o, const std::string& work) {
  Result<Vocabulary> vocab = Vocabulary::Builtin();
  if (!vocab.ok()) Die("Vocabulary::Builtin: " + vocab.status().message());
  std::vector<std::string> conditions = PopularConditions(vocab.value());
  if (conditions.empty())
    Die("none of the query conditions is in the builtin vocabulary");

  std::string corpus_dir = work + "/corpus";
  std::filesystem::remove_all(corpus_dir);
  std::filesystem::create_directories(corpus_dir);

  // 1. Corpus.
  Progress("[1/5] generating a %.0f MB corpus in %s\n", o.size_mb,
           corpus_dir.c_str());
  CorpusOptions copt;
  copt.seed = o.seed;
  copt.target_bytes = static_cast<uint64_t>(o.size_mb * kMB);
  Clock::time_point t0 = Clock::now();
  Result<Corpus> corpus = GenerateCorpus(vocab.value(), corpus_dir, copt);
  if (!corpus.ok()) Die(corpus.status().message());
  double gen_s = Seconds(Clock::now() - t0);
  double mb = static_cast<double>(corpus->bytes) / kMB;

  // 2. Full import.
  Progress(
      "[2/5] full import: ImportFile + Analyze + Store::Put (%zu documents)\n",
      corpus->paths.size());
  std::string db_path = work + "/evq.db";
  ImportFigures imp = FullImport(corpus.value(), vocab.value(), db_path);

  // 3. Analysis alone, and the bare FTS5 baseline.
  Progress(
      "[3/5] analysis stage alone, and bare FTS5 insert of its sentences\n");
  AnalysisFigures ana =
      AnalysisAndBareFts(corpus.value(), vocab.value(), work + "/bare-fts.db");

  // 4. claims --about.
  Progress(
      "[4/5] claims --about: %d queries over %zu conditions, unlimited and "
      "limit 100\n",
      o.queries, conditions.size());
  Result<std::unique_ptr<Store>> store = Store::Open(db_path, vocab.value());
  if (!store.ok()) Die("Store::Open: " + store.status().message());
  QueryFigures all = ClaimsAbout(store->get(), conditions, o.queries, 0);
  QueryFigures top = ClaimsAbout(store->get(), conditions, o.queries, 100);
  store->reset();

  // 5. Reference parsing.
  Progress("[5/5] ParseReference over %zu reference strings, one core\n",
           ana.references.size());
  ParseFigures parse = ParseReferences(ana.references);

  double peak = PeakRssMb();
  uint64_t db_bytes = std::filesystem::file_size(db_path);
  double import_mbs = mb / imp.seconds;
  double analysis_mbs = mb / ana.analysis_s;
  double bare_mbs = mb / ana.fts_s;

  std::printf("\n");
  std::printf(
      "evq end-to-end benchmark (all figures from this one run, one "
      "process)\n");
  std::printf(
      "========================================================================"
      "==\n");
  std::printf("machine      nproc %d; all stages run on one thread\n",
              CpuCount());
  std::printf(
      "corpus       %.1f MB (10^6 bytes) in %zu documents (%llu Markdown, %llu "
      "text),\n",
      mb, corpus->paths.size(),
      static_cast<unsigned long long>(corpus->markdown_documents),
      static_cast<unsigned long long>(corpus->text_documents));
  std::printf("             seed %llu, generated in %.1f s\n",
              static_cast<unsigned long long>(o.seed), gen_s);
  std::printf(
      "analysis     %llu sentences (%.1f MB of sentence text), %llu claims, "
      "%zu references\n",
      static_cast<unsigned long long>(ana.sentences), ana.sentence_bytes / kMB,
      static_cast<unsigned long long>(ana.claims), ana.references.size());
  std::printf(
      "store        %lld documents, %lld sentences, %lld claims, %lld "
      "references, "
      "%lld citations; %.1f MB on disk\n",
      static_cast<long long>(imp.stats.documents),
      static_cast<long long>(imp.stats.sentences),
      static_cast<long long>(imp.stats.claims),
      static_cast<long long>(imp.stats.references),
      static_cast<long long>(imp.stats.citations), db_bytes / kMB);
  std::printf("\n");
  std::printf("%-52s %14s  %s\n", "measure", "value", "detail");
  std::printf("%-52s %14s  %s\n",
              "----------------------------------------------------",
              "--------------", "------");
  std::printf(
      "%-52s %9.2f MB/s  %.1f s (import %.1f, analyze %.1f, put %.1f)\n",
      "import: ImportFile + Analyze + Store::Put", import_mbs, imp.seconds,
      imp.import_s, imp.analyze_s, imp.put_s);
  std::printf("%-52s %9.2f MB/s  %.1f s\n",
              "analysis stage alone: ImportFile + Analyze", analysis_mbs,
              ana.analysis_s);
  std::printf("%-52s %9.2f MB/s  %.1f s; %.2f MB/s of sentence text\n",
              "bare FTS5 insert of the same sentences", bare_mbs, ana.fts_s,
              ana.sentence_bytes / kMB / ana.fts_s);
  std::printf("%-52s %11.3f x   import is %.1fx slower than bare FTS5\n",
              "ratio import / bare FTS5 (throughput)", import_mbs / bare_mbs,
              bare_mbs / import_mbs);
  std::printf("%-52s %11.2f ms  mean %.0f claims returned\n",
              "claims --about p50 (no limit)", all.p50_ms, all.mean_results);
  std::printf("%-52s %11.2f ms  %d queries\n", "claims --about p99 (no limit)",
              all.p99_ms, all.queries);
  std::printf("%-52s %11.2f ms  mean %.0f claims returned\n",
              "claims --about p50 (limit 100)", top.p50_ms, top.mean_results);
  std::printf("%-52s %11.2f ms  %d queries\n", "claims --about p99 (limit 100)",
              top.p99_ms, top.queries);
  std::printf(
      "%-52s %12.0f /s  %llu parses in %.1f s (%d rounds); year found in "
      "%.0f%%\n",
      "references parsed per second (one core)", parse.parsed / parse.seconds,
      static_cast<unsigned long long>(parse.parsed), parse.seconds,
      parse.rounds, parse.with_year * 100);
  std::printf("%-52s %11.1f MB  after import %.1f MB, after analysis %.1f MB\n",
              "peak RSS of the run (getrusage ru_maxrss)", peak, imp.rss_mb,
              ana.rss_mb);
  std::printf("\n");
  std::printf(
      "MB/s is corpus bytes (%.1f MB of article files) per second of wall time "
      "for every\n"
      "throughput row, so the ratio compares the same input. The bare FTS5 "
      "baseline is one\n"
      "FTS5 table (unicode61 remove_diacritics 2), one transaction, one "
      "prepared INSERT per\n"
      "sentence that Analyze produced. claims --about cycles through these "
      "conditions\n"
      "(one warm-up query each, not counted):",
      mb);
  size_t column = 80;
  for (size_t i = 0; i < conditions.size(); ++i) {
    std::string item =
        " " + conditions[i] + (i + 1 < conditions.size() ? "," : ".");
    if (column + item.size() > 88) {
      std::printf("\n ");
      column = 1;
    }
    std::printf("%s", item.c_str());
    column += item.size();
  }
  std::printf("\n");
  if (!o.keep && !o.dir.empty()) {
    for (const char* name :
         {"/corpus", "/evq.db", "/evq.db-wal", "/evq.db-shm", "/bare-fts.db",
          "/bare-fts.db-wal", "/bare-fts.db-shm"}) {
      std::filesystem::remove_all(work + name);
    }
  }
}

// Runs `mode` in a child process (so that neither its memory nor its peak
// RSS reaches this process) and dies if it fails.
void RunInChild(const std::function<int()>& mode) {
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) Die(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    int rc = mode();
    std::fflush(stdout);
    std::fflush(stderr);
    _exit(rc);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    Die("a benchmark mode failed");
  }
}

int Run(const Options& o) {
  std::string work = MakeWorkDir(o);
  bool all = o.only.empty();
  PubmedBenchOptions popt;
  popt.records = o.records;
  popt.seed = o.seed;
  popt.put = o.put;
  popt.work = work;
  popt.keep = o.keep;
  AuditBenchOptions aopt;
  aopt.docs = o.docs;
  aopt.seed = o.seed;
  aopt.work = work;
  aopt.keep = o.keep;
  ResolveBenchOptions ropt;
  ropt.works = o.works;
  ropt.references = o.refs;
  ropt.seed = o.seed;
  if (o.only == "pubmed") RunPubmedBench(popt);
  if (o.only == "audit") RunAuditBench(aopt);
  if (o.only == "resolve") RunResolveBench(ropt);
  if (all) {
    RunInChild([&] { return RunPubmedBench(popt); });
    RunInChild([&] { return RunAuditBench(aopt); });
    RunInChild([&] { return RunResolveBench(ropt); });
  }
  if (all || o.only == "main") RunMain(o, work);
  if (o.keep) {
    std::fprintf(stderr, "evq_bench: kept %s\n", work.c_str());
  } else if (o.dir.empty()) {
    std::filesystem::remove_all(work);
  }
  return 0;
}

}  // namespace
}  // namespace evq::bench

int main(int argc, char** argv) {
  return evq::bench::Run(evq::bench::ParseArgs(argc, argv));
}
