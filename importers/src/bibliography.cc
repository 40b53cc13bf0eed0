// Bibliography formats: names, detection, reading files and handing the
// text to the reader of its format (bibliography_readers.h).
#include "evq/bibliography.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

#include "bibliography_readers.h"
#include "file_read.h"
#include "evq/import.h"
#include "utf8_repair.h"

namespace evq {

const char* BibliographyFormatName(BibliographyFormat format) {
  switch (format) {
    case BibliographyFormat::kAuto:
      return "auto";
    case BibliographyFormat::kBibtex:
      return "bibtex";
    case BibliographyFormat::kRis:
      return "ris";
    case BibliographyFormat::kCslJson:
      return "csl-json";
    case BibliographyFormat::kPubmed:
      return "pubmed";
    case BibliographyFormat::kMedline:
      return "medline";
    case BibliographyFormat::kRetractionWatch:
      return "retraction-watch";
  }
  return "auto";
}

bool ParseBibliographyFormat(std::string_view name, BibliographyFormat* out) {
  std::string n = internal::Lower(internal::TrimView(name));
  if (n == "auto")
    *out = BibliographyFormat::kAuto;
  else if (n == "bibtex" || n == "bib" || n == "biblatex")
    *out = BibliographyFormat::kBibtex;
  else if (n == "ris")
    *out = BibliographyFormat::kRis;
  else if (n == "csl-json" || n == "csljson" || n == "csl" || n == "json")
    *out = BibliographyFormat::kCslJson;
  else if (n == "pubmed" || n == "pubmed-xml" || n == "xml")
    *out = BibliographyFormat::kPubmed;
  else if (n == "medline" || n == "nbib")
    *out = BibliographyFormat::kMedline;
  else if (n == "retraction-watch" || n == "retractionwatch" || n == "rw") {
    *out = BibliographyFormat::kRetractionWatch;
  } else {
    return false;
  }
  return true;
}

namespace {

std::string LowerExtension(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    return "";
  return internal::Lower(std::string_view(path).substr(dot + 1));
}

std::string_view SkipBomAndSpace(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty() &&
         std::isspace(static_cast<unsigned char>(head.front()))) {
    head.remove_prefix(1);
  }
  return head;
}

// "TAG - " (MEDLINE: four-character tag column) or "TY  - " (RIS) as the
// first non-blank line.
bool StartsWithTag(std::string_view head, std::string_view tag) {
  return SkipBomAndSpace(head).starts_with(tag);
}

// A CSL-JSON array: "[" then an object (or nothing) holding CSL keys.
bool LooksLikeCslJson(std::string_view head) {
  std::string_view h = SkipBomAndSpace(head);
  if (h.starts_with("{")) {
    return h.find("\"title\"") != std::string_view::npos &&
           h.find("\"type\"") != std::string_view::npos;
  }
  if (!h.starts_with("[")) return false;
  h.remove_prefix(1);
  h = SkipBomAndSpace(h);
  if (h.starts_with("]")) return true;
  if (!h.starts_with("{")) return false;
  return h.find("\"id\"") != std::string_view::npos ||
         h.find("\"type\"") != std::string_view::npos ||
         h.find("\"title\"") != std::string_view::npos;
}

// Retraction Watch's header names these columns, whatever else it has.
bool LooksLikeRetractionWatch(std::string_view head) {
  std::string_view h = SkipBomAndSpace(head);
  std::string_view first = h.substr(0, h.find('\n'));
  return first.find("Record ID") != std::string_view::npos &&
         first.find("RetractionNature") != std::string_view::npos &&
         first.find("OriginalPaperDOI") != std::string_view::npos;
}

// "@type{" or "@type(" at the start of a line, after optional comments.
bool LooksLikeBibtex(std::string_view head) {
  size_t i = 0;
  while ((i = head.find('@', i)) != std::string_view::npos) {
    size_t line_start = i;
    while (line_start > 0 &&
           (head[line_start - 1] == ' ' || head[line_start - 1] == '\t')) {
      --line_start;
    }
    bool at_line_start =
        line_start == 0 || head[line_start - 1] == '\n' ||
        (line_start >= 3 && head.substr(line_start - 3, 3) == "\xEF\xBB\xBF");
    size_t j = i + 1;
    while (j < head.size() && std::isalpha(static_cast<unsigned char>(head[j])))
      ++j;
    size_t k = j;
    while (k < head.size() && std::isspace(static_cast<unsigned char>(head[k])))
      ++k;
    if (at_line_start && j > i + 1 && k < head.size() &&
        (head[k] == '{' || head[k] == '(')) {
      return true;
    }
    i = j;
  }
  return false;
}

BibliographyFormat Sniff(std::string_view head) {
  if (DetectFormat("", head) == Format::kPubmed)
    return BibliographyFormat::kPubmed;
  if (StartsWithTag(head, "PMID-")) return BibliographyFormat::kMedline;
  if (StartsWithTag(head, "TY  -")) return BibliographyFormat::kRis;
  if (LooksLikeCslJson(head)) return BibliographyFormat::kCslJson;
  if (LooksLikeRetractionWatch(head))
    return BibliographyFormat::kRetractionWatch;
  if (LooksLikeBibtex(head)) return BibliographyFormat::kBibtex;
  return BibliographyFormat::kAuto;
}

// The noun for "no ... found".
const char* RecordNoun(BibliographyFormat format) {
  switch (format) {
    case BibliographyFormat::kBibtex:
      return "BibTeX entry";
    case BibliographyFormat::kRis:
      return "RIS record";
    case BibliographyFormat::kCslJson:
      return "CSL-JSON item";
    case BibliographyFormat::kPubmed:
      return "PubMed record";
    case BibliographyFormat::kMedline:
      return "MEDLINE record";
    case BibliographyFormat::kRetractionWatch:
      return "Retraction Watch row";
    case BibliographyFormat::kAuto:
      break;
  }
  return "record";
}

Status NotABibliography(const std::string& source) {
  return Status::InvalidArgument(
      source +
      ": not a bibliography (BibTeX, RIS, CSL-JSON, PubMed XML, "
      "MEDLINE or Retraction Watch CSV)");
}

// Closes a read: a file in which no record at all was met fails.
Result<Bibliography> Finish(Bibliography bib, int records) {
  if (records == 0) {
    // Say why when the reader knew (a CSV without Retraction Watch's
    // columns, JSON that is not an array).
    std::string why;
    for (const Diagnostic& d : bib.diagnostics) {
      if (d.severity == Diagnostic::Severity::kError) {
        why = " (" + d.message + ")";
        break;
      }
    }
    return Status::InvalidArgument(bib.source + ": no " +
                                   RecordNoun(bib.format) + " found" + why);
  }
  return bib;
}

}  // namespace

BibliographyFormat DetectBibliographyFormat(const std::string& path,
                                            std::string_view head) {
  std::string ext = LowerExtension(path);
  if (ext == "gz") ext = LowerExtension(path.substr(0, path.size() - 3));
  if (ext == "bib" || ext == "bibtex" || ext == "biblatex")
    return BibliographyFormat::kBibtex;
  if (ext == "ris") return BibliographyFormat::kRis;
  if (ext == "nbib" || ext == "medline") return BibliographyFormat::kMedline;
  if (ext == "json") {
    return LooksLikeCslJson(head) ? BibliographyFormat::kCslJson
                                  : BibliographyFormat::kAuto;
  }
  if (ext == "csv") {
    return LooksLikeRetractionWatch(head) ? BibliographyFormat::kRetractionWatch
                                          : BibliographyFormat::kAuto;
  }
  if (ext == "xml" || ext == "nxml") {
    return DetectFormat(path, head) == Format::kPubmed
               ? BibliographyFormat::kPubmed
               : BibliographyFormat::kAuto;
  }
  // PubMed's own downloads: "pubmed-xyz-set.txt" is MEDLINE text, and
  // reference managers save RIS as .txt too.
  if (ext == "txt" || ext == "text") {
    if (StartsWithTag(head, "PMID-")) return BibliographyFormat::kMedline;
    if (StartsWithTag(head, "TY  -")) return BibliographyFormat::kRis;
    return BibliographyFormat::kAuto;
  }
  // Documents are never bibliographies, whatever they start with.
  if (ext == "md" || ext == "markdown" || ext == "html" || ext == "htm" ||
      ext == "xhtml") {
    return BibliographyFormat::kAuto;
  }
  return Sniff(head);
}

Result<BibliographyFormat> DetectBibliographyFileFormat(const std::string& path) {
  Result<std::string> head = internal::ReadFileHead(path);
  if (!head.ok()) return head.status();
  return DetectBibliographyFormat(path, *head);
}

Result<Bibliography> ParseBibliography(const std::string& source,
                                       std::string_view text,
                                       BibliographyFormat format) {
  if (text.empty()) return Status::InvalidArgument(source + ": empty file");
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return Status::InvalidArgument(
        source + ": binary file (NUL byte at offset " + std::to_string(nul) +
        "), not a bibliography");
  }
  if (format == BibliographyFormat::kAuto) format = Sniff(text.substr(0, 4096));
  if (format == BibliographyFormat::kAuto) return NotABibliography(source);

  Bibliography bib;
  bib.source = source;
  bib.format = format;
  std::vector<internal::InvalidUtf8Run> runs;
  std::string repaired = internal::RepairUtf8(text, &runs);
  for (const auto& run : runs) {
    bib.diagnostics.push_back(internal::InvalidUtf8Diagnostic(source, run));
  }
  std::string_view body = repaired;
  size_t bom = body.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  body.remove_prefix(bom);
  internal::BibliographySink sink(&bib, bom);
  int records = 0;
  switch (format) {
    case BibliographyFormat::kBibtex:
      records = internal::ReadBibtex(body, &sink);
      break;
    case BibliographyFormat::kRis:
      records = internal::ReadRis(body, &sink);
      break;
    case BibliographyFormat::kCslJson:
      records = internal::ReadCslJson(body, &sink);
      break;
    case BibliographyFormat::kPubmed: {
      Result<int> n = internal::ReadPubmedBuffer(body, &sink);
      if (!n.ok()) return n.status();
      records = n.value();
      break;
    }
    case BibliographyFormat::kMedline:
      records = internal::ReadMedline(body, &sink);
      break;
    case BibliographyFormat::kRetractionWatch:
      records = internal::ReadRetractionWatch(body, &sink);
      break;
    case BibliographyFormat::kAuto:
      break;
  }
  return Finish(std::move(bib), records);
}

Result<Bibliography> ImportBibliography(const std::string& path,
                                        BibliographyFormat format) {
  // 4 KiB, as for documents: enough for an XML prolog and a CSV header.
  Result<std::string> head = internal::ReadFileHead(path);
  if (!head.ok()) return head.status();
  if (head.value().empty())
    return Status::InvalidArgument(path + ": empty file");
  if (format == BibliographyFormat::kAuto)
    format = DetectBibliographyFormat(path, head.value());
  if (format == BibliographyFormat::kAuto) return NotABibliography(path);
  if (format == BibliographyFormat::kPubmed) {
    // Streamed: a PubMed baseline is hundreds of megabytes.
    Bibliography bib;
    bib.source = path;
    bib.format = format;
    internal::BibliographySink sink(&bib, 0);
    Result<int> records = internal::ReadPubmedFile(path, &sink);
    if (!records.ok()) return records.status();
    return Finish(std::move(bib), records.value());
  }
  Result<std::string> data = internal::ReadFileBytes(path);
  if (!data.ok()) return data.status();
  return ParseBibliography(path, data.value(), format);
}

}  // namespace evq
