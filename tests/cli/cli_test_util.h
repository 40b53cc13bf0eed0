// tests/cli/cli_test_util.h: running the evq binary (or another of the
// project's programs) as a user would.
#ifndef EVQ_TESTS_CLI_CLI_TEST_UTIL_H_
#define EVQ_TESTS_CLI_CLI_TEST_UTIL_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace evq::cli_test {

struct RunResult {
  int code = -1;
  std::string out;  // stdout and stderr together
};

// Runs `PROGRAM ARGS` through the shell (so ARGS may quote and glob),
// with standard input from `stdin_file` when given.
inline RunResult RunProgram(const std::string& program, const std::string& args,
                            const std::string& stdin_file = "") {
  std::string cmd = program + " " + args + " 2>&1";
  if (!stdin_file.empty()) cmd += " < " + stdin_file;
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Runs `evq ARGS` as RunProgram does.
inline RunResult RunEvq(const std::string& args,
                        const std::string& stdin_file = "") {
  return RunProgram(EVQ_BINARY, args, stdin_file);
}

}  // namespace evq::cli_test

#endif  // EVQ_TESTS_CLI_CLI_TEST_UTIL_H_
