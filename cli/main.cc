// evq: the command-line client of the evq library.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "common.h"

namespace {

void PrintUsage(FILE* out) {
  std::fputs(
      "usage: evq COMMAND [OPTIONS] [ARGS]\n"
      "\n"
      "evq reads health articles and tells which claims are backed by references.\n"
      "\n"
      "commands:\n",
      out);
  for (const auto& c : evq::cli::Commands()) std::fprintf(out, "  %-18s %s\n", c.name, c.summary);
  std::fputs(
      "\n"
      "Run 'evq COMMAND --help' for a command's options.\n"
      "\n"
      "examples:\n"
      "  evq import --db corpus.db articles/*.txt pages/*.html\n"
      "  evq claims --db corpus.db --about \"back pain\" --unbacked\n"
      "  evq claims --db corpus.db --status dangling --format jsonl\n"
      "  evq analyze article.md --format jsonl\n"
      "  evq search --db corpus.db 'fascia NEAR(pain)'\n"
      "\n"
      "exit status: 0 ok, 1 nothing found, 2 error.\n"
      "The database is --db PATH, else $EVQ_DB, else ./evq.db.\n",
      out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(stderr);
    return evq::cli::kExitError;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(stdout);
    return evq::cli::kExitOk;
  }
  if (name == "--version") {
    std::puts("evq 0.1.0");
    return evq::cli::kExitOk;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& c : evq::cli::Commands()) {
    if (name == c.name) return c.run(args);
  }
  std::fprintf(stderr, "evq: unknown command '%s'\n\n", name.c_str());
  PrintUsage(stderr);
  return evq::cli::kExitError;
}
