// evq/bibliography.h: reading bibliographies, the authority references are
// resolved against.
//
// A bibliography file lists publications, not articles to analyse: BibTeX
// (.bib: @string macros, nested braces, LaTeX accents), RIS (.ris),
// CSL-JSON (.json: an array of items), PubMed XML (PubmedArticleSet, plain
// or .xml.gz), MEDLINE/nbib text (.nbib, .medline: "PMID- ..." tagged
// lines), and Retraction Watch CSV exports (their standard columns; each row
// is the original paper, matched on DOI and PubMed ID, retracted when the
// row's RetractionNature is "Retraction"; a correction or expression of
// concern leaves it not retracted, with the notice in retraction_evidence).
// Each record becomes a Work (evq/works.h) with its identifiers, publication
// types, MeSH headings and retraction status.
//
// Readers never print. A malformed record is skipped and reported as a
// Diagnostic (file, line, why); the other records still import. Only a file
// that cannot be read, or holds no recognisable bibliography at all, fails.
//
// Ownership: results own their data. Thread safety: all functions are
// reentrant and may run concurrently on different inputs.
#ifndef EVQ_BIBLIOGRAPHY_H_
#define EVQ_BIBLIOGRAPHY_H_

#include <string>
#include <string_view>
#include <vector>

#include "evq/document.h"
#include "evq/export.h"
#include "evq/status.h"
#include "evq/works.h"

namespace evq {

enum class BibliographyFormat {
  kAuto,
  kBibtex,
  kRis,
  kCslJson,
  kPubmed,
  kMedline,
  kRetractionWatch,
};

// "auto", "bibtex", "ris", "csl-json", "pubmed", "medline",
// "retraction-watch".
EVQ_EXPORT const char* BibliographyFormatName(BibliographyFormat format);

// Parses a --format value ("bib", "nbib", "csljson" accepted); false if
// unknown.
EVQ_EXPORT bool ParseBibliographyFormat(std::string_view name,
                                        BibliographyFormat* out);

// The bibliography format of a file, by extension (.bib, .ris, .nbib,
// .medline; .json only when it holds a CSL-JSON array; .csv only with
// Retraction Watch's header) and by its first bytes (`head`, decompressed
// for ".gz"). kAuto when the file is not a bibliography. A PubMed XML file
// is both a bibliography and a set of documents (evq/import.h): this
// returns kPubmed for it.
EVQ_EXPORT BibliographyFormat DetectBibliographyFormat(const std::string& path,
                                                       std::string_view head);

// DetectBibliographyFormat on the first 4 KB of the file at `path`
// (decompressed for gzip). Errors: the file cannot be opened or read.
EVQ_EXPORT Result<BibliographyFormat> DetectBibliographyFileFormat(const std::string& path);

// One bibliography file read.
struct Bibliography {
  std::string source;  // the path as given
  BibliographyFormat format = BibliographyFormat::kAuto;
  std::vector<Work> works;              // in file order
  std::vector<Diagnostic> diagnostics;  // malformed records, skipped
};

// Reads the bibliography at `path` (".gz" decompressed). `format` kAuto
// detects it. Errors: unreadable file, or no record of the format in it
// ("refs.bib: no BibTeX entry found").
EVQ_EXPORT Result<Bibliography> ImportBibliography(
    const std::string& path,
    BibliographyFormat format = BibliographyFormat::kAuto);

// Reads `text` as if it were the file `source`; kAuto sniffs the text.
EVQ_EXPORT Result<Bibliography> ParseBibliography(const std::string& source,
                                                  std::string_view text,
                                                  BibliographyFormat format);

}  // namespace evq

#endif  // EVQ_BIBLIOGRAPHY_H_
