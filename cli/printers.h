// Output formats for the evq command line. Printers only format: they take
// results the library returned and write them; they never query.
#ifndef EVQ_CLI_PRINTERS_H_
#define EVQ_CLI_PRINTERS_H_

#include <cstdio>
#include <string>
#include <vector>

#include "evq/analysis.h"
#include "evq/store.h"

namespace evq::cli {

enum class OutputFormat { kText, kJson, kJsonl, kCsv };

// Parses "text", "json", "jsonl", "csv"; false when unknown.
bool ParseOutputFormat(const std::string& name, OutputFormat* out);

// Colour codes are used only when writing to a terminal and NO_COLOR is unset.
bool UseColor(FILE* f);

// Streams claim records: json opens an array at the first record and
// Finish() closes it, so large results need not be held.
class ClaimPrinter {
 public:
  ClaimPrinter(FILE* out, OutputFormat format, bool explain);
  // One sentence of `document`; `references` is what its citations index.
  void Print(const std::string& document, const Sentence& s,
             const std::vector<CslItem>& references);
  // A stored claim: as above, with each reference's resolution and the
  // claim's retracted citations.
  void Print(const StoredClaim& claim);
  void Finish();
  int count() const { return count_; }

 private:
  FILE* out_;
  OutputFormat format_;
  bool explain_;
  bool color_;
  int count_ = 0;
  std::string last_document_;
  const StoredClaim* stored_ = nullptr;  // set while Print(StoredClaim) runs
};

// A short human label for a reference: "Stecco C, Schleip R (2018) Title".
std::string ReferenceLabel(const CslItem& item);

// A JSON string literal for `s` (quotes and escapes; invalid UTF-8 replaced).
std::string JsonQuote(const std::string& s);

// RFC 4180 field quoting.
std::string CsvField(const std::string& s);

}  // namespace evq::cli

#endif  // EVQ_CLI_PRINTERS_H_
