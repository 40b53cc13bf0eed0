// bench/audit_bench.cc: building and rendering an audit of many documents.
//
// Generates small synthetic articles (default 10,000 of about 2 KB) with the
// corpus generator, imports and analyses them all (the analyses are held in
// memory, as `evq audit` holds them), times BuildAudit, then RenderAudit to
// every AuditFormat, and reports times, output sizes and peak RSS.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_modes.h"
#include "bench_util.h"
#include "corpus_gen.h"
#include "evq/analysis.h"
#include "evq/audit.h"
#include "evq/import.h"
#include "evq/vocabulary.h"

namespace evq::bench {
namespace {

struct RenderFigures {
  AuditFormat format;
  double seconds = 0;
  size_t bytes = 0;
  double peak_mb = 0;  // peak RSS after this render
};

}  // namespace

int RunAuditBench(const AuditBenchOptions& o) {
  Result<Vocabulary> vocab = Vocabulary::Builtin();
  if (!vocab.ok()) Die("Vocabulary::Builtin: " + vocab.status().message());
  std::string dir = o.work + "/audit";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);

  std::fprintf(stderr, "[audit 1/4] generating %d documents of ~%llu bytes\n",
               o.docs, static_cast<unsigned long long>(o.document_bytes));
  CorpusOptions copt;
  copt.seed = o.seed;
  // Small documents: short reference lists (2-5 entries, ~0.7 KB) and a
  // body target of a quarter of the requested size (the generator ends a
  // document after the section that reaches its target, which adds ~1 KB).
  copt.min_references = 2;
  copt.max_references = 5;
  copt.average_document_bytes = o.document_bytes / 4;
  copt.target_bytes =
      copt.average_document_bytes * static_cast<uint64_t>(o.docs);
  Result<Corpus> corpus = GenerateCorpus(vocab.value(), dir, copt);
  if (!corpus.ok()) Die(corpus.status().message());
  double base_mb = PeakRssMb();

  std::fprintf(stderr, "[audit 2/4] ImportFile + Analyze, %zu documents\n",
               corpus->paths.size());
  std::vector<Analysis> analyses;
  analyses.reserve(corpus->paths.size());
  Clock::time_point t0 = Clock::now();
  for (const std::string& path : corpus->paths) {
    Result<Document> doc = ImportFile(path);
    if (!doc.ok()) Die("ImportFile: " + doc.status().message());
    analyses.push_back(Analyze(doc.value(), vocab.value()));
  }
  double analyze_s = Seconds(Clock::now() - t0);
  double analyze_mb = PeakRssMb();
  uint64_t sentences = 0, claims = 0;
  for (const Analysis& a : analyses) {
    sentences += a.sentences.size();
    for (const Sentence& s : a.sentences) claims += s.claim ? 1 : 0;
  }

  std::fprintf(stderr, "[audit 3/4] BuildAudit\n");
  AuditOptions aopt;
  t0 = Clock::now();
  Result<AuditReport> report = BuildAudit(analyses, aopt);
  double build_s = Seconds(Clock::now() - t0);
  if (!report.ok()) Die("BuildAudit: " + report.status().message());
  double build_mb = PeakRssMb();

  std::fprintf(stderr, "[audit 4/4] RenderAudit to every format\n");
  std::vector<RenderFigures> renders;
  for (AuditFormat f :
       {AuditFormat::kText, AuditFormat::kMarkdown, AuditFormat::kHtml,
        AuditFormat::kJson, AuditFormat::kCsv, AuditFormat::kSarif,
        AuditFormat::kDiagnostics}) {
    RenderFigures r;
    r.format = f;
    std::string out;
    t0 = Clock::now();
    Status st = RenderAudit(report.value(), f, &out);
    r.seconds = Seconds(Clock::now() - t0);
    if (!st.ok())
      Die(std::string("RenderAudit ") + AuditFormatName(f) + ": " +
          st.message());
    r.bytes = out.size();
    r.peak_mb = PeakRssMb();
    renders.push_back(r);
  }

  const AuditReport& rep = report.value();
  std::printf(
      "\nAudit: BuildAudit and RenderAudit (one thread, one process)"
      "\n=========================================================="
      "================\n");
  std::printf(
      "corpus       %.1f MB in %zu documents (%.1f KB each), seed "
      "%llu\n",
      corpus->bytes / kMB, corpus->paths.size(),
      corpus->bytes / 1e3 / static_cast<double>(corpus->paths.size()),
      static_cast<unsigned long long>(o.seed));
  std::printf(
      "analysis     %llu sentences, %llu claims; ImportFile + Analyze "
      "%.1f s (%.0f documents/s)\n",
      static_cast<unsigned long long>(sentences),
      static_cast<unsigned long long>(claims), analyze_s,
      corpus->paths.size() / analyze_s);
  std::printf(
      "report       %zu claims, %zu findings, %zu documents, %zu "
      "conditions, backed share %.1f%%\n\n",
      rep.claims.size(), rep.findings.size(), rep.documents.size(),
      rep.conditions.size(), rep.totals.backed_share * 100);
  std::printf("%-34s %10s %12s %14s %12s\n", "step", "time", "output",
              "output rate", "peak RSS");
  std::printf("%-34s %10s %12s %14s %12s\n",
              "----------------------------------", "----------",
              "------------", "--------------", "------------");
  std::printf("%-34s %8.3f s %12s %14s %9.1f MB\n",
              "BuildAudit (from analyses)", build_s, "-", "-", build_mb);
  double render_total = 0;
  for (const RenderFigures& r : renders) {
    std::string name = std::string("RenderAudit ") + AuditFormatName(r.format);
    std::printf("%-34s %8.3f s %9.2f MB %9.1f MB/s %9.1f MB\n", name.c_str(),
                r.seconds, r.bytes / kMB, r.bytes / kMB / r.seconds, r.peak_mb);
    render_total += r.seconds;
  }
  std::printf("%-34s %8.3f s\n", "all seven formats", render_total);
  std::printf(
      "\nPeak RSS is the process's ru_maxrss after each step, so it only "
      "grows: %.1f MB\nafter generating the corpus, %.1f MB with all %zu "
      "analyses held in memory.\nEach rendered report is held in one string "
      "while it is written, then freed.\n",
      base_mb, analyze_mb, analyses.size());
  if (!o.keep) std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace evq::bench
