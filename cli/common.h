// What every evq command shares: exit codes, option parsing helpers, the
// database path, the vocabulary, and how diagnostics are shown.
#ifndef EVQ_CLI_COMMON_H_
#define EVQ_CLI_COMMON_H_

#include <boost/program_options.hpp>
#include <memory>
#include <string>
#include <vector>

#include "evq/document.h"
#include "evq/import.h"
#include "evq/status.h"
#include "evq/store.h"
#include "evq/vocabulary.h"

namespace evq::cli {

namespace po = boost::program_options;

// Exit codes: 0 ok, 1 nothing found (or a failed gate), 2 error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitNothing = 1;
inline constexpr int kExitError = 2;

// A subcommand: its name, one-line summary, and entry point.
struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& Commands();

// Parses `args` against `options` (and positional `positional_name`, if
// any). Returns false after printing the error or the help text;
// *exit_code says which.
bool ParseArgs(const std::vector<std::string>& args, const char* usage, const char* description,
               po::options_description& options, const char* positional_name, po::variables_map* vm,
               int* exit_code);

// --db, else $EVQ_DB, else "evq.db".
std::string DatabasePath(const po::variables_map& vm);

// The built-in vocabulary plus --vocab files. Prints the error and returns
// false on failure.
bool LoadVocabulary(const po::variables_map& vm, Vocabulary* vocab);

void AddVocabOption(po::options_description& options);
void AddDbOption(po::options_description& options);

// Prints "evq: message" to stderr.
void PrintError(const std::string& message);
enum class OutputFormat;

// --input-format of import and analyze: a document format (auto when not
// given); prints the error and returns false when unknown.
bool ParseFormatOption(const po::variables_map& vm, Format* format);
// "3 cited, 2 unbacked" from counts indexed by BackingStatus.
std::string StatusCounts(const int64_t by_status[6]);

// Opens the database of --db for reading (it must exist); prints the error
// and returns null on failure.
std::unique_ptr<Store> OpenForQuery(const po::variables_map& vm);
// --format text|json|jsonl|csv.
void AddFormatOption(po::options_description& options);
// Reads --format; prints the error and returns false when unknown.
bool FormatOption(const po::variables_map& vm, OutputFormat* out);
void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics);

int RunImport(const std::vector<std::string>& args);
int RunAnalyze(const std::vector<std::string>& args);
int RunParseReferences(const std::vector<std::string>& args);
int RunClaims(const std::vector<std::string>& args);
int RunSearch(const std::vector<std::string>& args);
int RunReferences(const std::vector<std::string>& args);
int RunStats(const std::vector<std::string>& args);
int RunWorks(const std::vector<std::string>& args);
int RunCites(const std::vector<std::string>& args);
int RunVocab(const std::vector<std::string>& args);
int RunAsk(const std::vector<std::string>& args);
int RunAudit(const std::vector<std::string>& args);

}  // namespace evq::cli

#endif  // EVQ_CLI_COMMON_H_
