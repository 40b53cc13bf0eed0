// The bibliography readers behind evq/bibliography.h, one per format, and
// the field helpers they share (dates, person names, page ranges, DOIs).
//
// Every reader gets the whole file as valid UTF-8 without a byte-order mark
// (bibliography.cc repairs and strips it) and may see CRLF line ends. It
// appends works and diagnostics to a BibliographySink and returns how many
// records it met, read or skipped: zero means the file holds none, which
// ParseBibliography turns into an error.
#ifndef EVQ_IMPORTERS_BIBLIOGRAPHY_READERS_H_
#define EVQ_IMPORTERS_BIBLIOGRAPHY_READERS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "evq/bibliography.h"
#include "evq/csl.h"
#include "evq/document.h"
#include "evq/status.h"
#include "evq/works.h"

namespace evq::internal {

// 1-based line numbers of byte offsets, in O(log n) each: readers report
// lines of records found by scanning, not line by line.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  int LineAt(size_t offset) const;

 private:
  std::vector<size_t> starts_;  // offset of each line's first byte
};

// Where a reader puts what it reads.
class BibliographySink {
 public:
  // `base_offset`: bytes of the file before the text (a stripped BOM), so
  // diagnostic offsets are file offsets.
  BibliographySink(Bibliography* out, size_t base_offset)
      : out_(out), base_offset_(base_offset) {}

  const std::string& source() const { return out_->source; }
  // Adds a work, stamping it with the source and `line`.
  void AddWork(Work work, int line);
  // A record skipped because it is malformed (severity error).
  void Skip(int line, size_t offset, std::string why);
  // Something worked around in a record that was kept (severity warning).
  void Warn(int line, size_t offset, std::string why);

 private:
  Bibliography* out_;
  size_t base_offset_;
};

// The readers. Each returns the number of records met (read or skipped).
int ReadBibtex(std::string_view text, BibliographySink* sink);
int ReadRis(std::string_view text, BibliographySink* sink);
int ReadCslJson(std::string_view text, BibliographySink* sink);
int ReadMedline(std::string_view text, BibliographySink* sink);
int ReadRetractionWatch(std::string_view text, BibliographySink* sink);
// PubMed XML in memory, or streamed from the file at `path` (plain or gzip)
// so a baseline file is never held whole. A malformed record is skipped; a
// file that breaks off (truncated, wrong root element) keeps the records
// before the break and reports it, or fails with its error when there were
// none.
Result<int> ReadPubmedBuffer(std::string_view text, BibliographySink* sink);
Result<int> ReadPubmedFile(const std::string& path, BibliographySink* sink);

// LaTeX text as written in BibTeX values to plain UTF-8: accents ({\"u},
// \'{e}, \c{c}), letters ({\ss}, {\o}), escapes (\&, \%), dashes (--, ---),
// ties (~), quotes (``, ''), formatting commands (\emph{x} keeps x), group
// braces dropped, white space collapsed. Math is not typeset: "$" is
// dropped and Greek letters and a few symbols become their characters.
std::string LatexToUtf8(std::string_view latex);

// --- Field helpers (bibliography_fields.cc) ---

std::string_view TrimView(std::string_view s);
std::string Trim(std::string_view s);
std::string Lower(std::string_view s);
// White space runs (including newlines) as one space, trimmed.
std::string CollapseSpace(std::string_view s);

// A date as sources write it: "2019", "2019-05-03", "2019/05/03/",
// "2019 May 3", "2018 Dec-2019 Jan", "May 2019", "5/3/2019 0:00" (US
// month/day/year, as Retraction Watch writes). Text without a year goes to
// `literal`.
CslDate ParseDateText(std::string_view text);
// "January", "jan", "Jan." or "1".."12" to 1..12; 0 when not a month.
int MonthFromText(std::string_view text);
// "YYYY[-MM[-DD]]" for a date; "" when it has no year.
std::string IsoDate(const CslDate& date);

// One person's name as written: "Last, First", "Last, Jr, First" or
// "First von Last" (lowercase particles join the family name). A name of
// one word is a family name.
CslName PersonName(std::string_view text);
// A MEDLINE AU name, "Smith JA": family, then initials.
CslName MedlineShortName(std::string_view text);

// A DOI without "https://doi.org/", "doi:" prefixes and trailing dots;
// "" when it does not start with "10.".
std::string CleanDoi(std::string_view text);
// "123--130", "123–130" to "123-130".
std::string NormalizePages(std::string_view text);

}  // namespace evq::internal

#endif  // EVQ_IMPORTERS_BIBLIOGRAPHY_READERS_H_
