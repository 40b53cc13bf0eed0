// bench/bench_util.h: what every benchmark mode shares: the clock, peak
// memory, the fatal-error exit, and the deterministic random generator the
// synthetic corpora are drawn from.
#ifndef EVQ_BENCH_BENCH_UTIL_H_
#define EVQ_BENCH_BENCH_UTIL_H_

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace evq::bench {

using Clock = std::chrono::steady_clock;
inline constexpr double kMB = 1e6;  // megabytes are 10^6 bytes in reports

inline double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// Peak resident set size of this process so far, in MB (ru_maxrss is in
// KiB on Linux).
inline double PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss * 1024.0 / kMB;
}

// Prints "evq_bench: WHAT" and exits 1: a benchmark that cannot set itself
// up has nothing to report.
[[noreturn]] inline void Die(const std::string& what) {
  std::fprintf(stderr, "evq_bench: %s\n", what.c_str());
  std::exit(1);
}

// splitmix64: small, fast and identical on every platform, so a seed names
// one corpus everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  // Uniform in [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(hi - lo + 1));
  }
  bool Percent(int p) { return Below(100) < static_cast<size_t>(p); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

 private:
  uint64_t state_;
};

}  // namespace evq::bench

#endif  // EVQ_BENCH_BENCH_UTIL_H_
