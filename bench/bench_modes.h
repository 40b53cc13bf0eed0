// bench/bench_modes.h: the benchmark's extra modes (evq_bench --only NAME).
//
// Each mode prints its own report to stdout and progress to stderr, and
// works in a subdirectory of the run's work directory, which it removes
// afterwards unless `keep` is set.
#ifndef EVQ_BENCH_BENCH_MODES_H_
#define EVQ_BENCH_BENCH_MODES_H_

#include <cstdint>
#include <string>

namespace evq::bench {

// PubMed baseline import (bench/pubmed_bench.cc).
struct PubmedBenchOptions {
  int records = 30000;
  uint64_t seed = 20240611;
  bool put = false;  // also Store::Put every document into a fresh database
  std::string work;  // existing directory for the file and the database
  bool keep = false;
};
int RunPubmedBench(const PubmedBenchOptions& options);

// Audit build and rendering (bench/audit_bench.cc).
struct AuditBenchOptions {
  int docs = 10000;
  uint64_t document_bytes = 2048;  // average size of a generated document
  uint64_t seed = 20240611;
  std::string work;
  bool keep = false;
};
int RunAuditBench(const AuditBenchOptions& options);

// Reference resolution against a synthetic authority
// (bench/resolve_bench.cc).
struct ResolveBenchOptions {
  int works = 100000;      // works in the index
  int references = 5000;   // reference strings, half to absent works
  uint64_t seed = 20240611;
};
int RunResolveBench(const ResolveBenchOptions& options);

}  // namespace evq::bench

#endif  // EVQ_BENCH_BENCH_MODES_H_
