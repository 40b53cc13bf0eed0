// Running shell commands from report tests, with stdout and stderr apart.
#ifndef EVQ_TESTS_REPORT_REPORT_TEST_UTIL_H_
#define EVQ_TESTS_REPORT_REPORT_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace evq::report_test {

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `command` with sh; stderr goes through a temporary file.
inline RunResult RunShell(const std::string& command) {
  static int counter = 0;
  std::string err_path = (std::filesystem::temp_directory_path() /
                          ("evq-report-err-" + std::to_string(getpid()) + "-" +
                           std::to_string(counter++)))
                             .string();
  RunResult r;
  FILE* p = popen(("(" + command + ") 2>" + err_path).c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = ReadFile(err_path);
  std::filesystem::remove(err_path);
  return r;
}

}  // namespace evq::report_test

#endif  // EVQ_TESTS_REPORT_REPORT_TEST_UTIL_H_
