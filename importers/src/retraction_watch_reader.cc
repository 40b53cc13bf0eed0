// Retraction Watch CSV exports to works.
//
// The export (RFC 4180: quoted fields may hold commas, doubled quotes and
// newlines) has one row per notice, with the columns Record ID, Title,
// Subject, Institution, Journal, Publisher, Country, Author, URLS,
// ArticleType, RetractionDate, RetractionDOI, RetractionPubMedID,
// OriginalPaperDate, OriginalPaperDOI, OriginalPaperPubMedID,
// RetractionNature, Reason, Paywalled, Notes. Columns are found by name.
//
// A row becomes the work of the ORIGINAL paper (what references cite),
// not of the notice. Only RetractionNature "Retraction" makes it
// retracted; corrections, expressions of concern and reinstatements are
// works too (the paper exists) with retracted false, and their notice in
// retraction_evidence so a report can still say one was issued.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bibliography_readers.h"

namespace evq::internal {
namespace {

struct Row {
  std::vector<std::string> fields;
  int line = 0;
  size_t offset = 0;
  bool unterminated = false;
};

// Reads the row at `*pos` and advances past its line end.
Row ReadRow(std::string_view t, size_t* pos, int* line) {
  Row row;
  row.line = *line;
  row.offset = *pos;
  std::string field;
  bool quoted = false;
  size_t i = *pos;
  for (;;) {
    if (i >= t.size()) {
      row.unterminated = quoted;
      row.fields.push_back(std::move(field));
      break;
    }
    char c = t[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < t.size() && t[i + 1] == '"') {
          field += '"';
          i += 2;
        } else {
          quoted = false;
          ++i;
        }
        continue;
      }
      if (c == '\n') ++*line;
      field += c;
      ++i;
      continue;
    }
    if (c == '"' && field.empty()) {
      quoted = true;
      ++i;
    } else if (c == ',') {
      row.fields.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (c == '\n' || c == '\r') {
      row.fields.push_back(std::move(field));
      if (c == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
      ++i;
      ++*line;
      break;
    } else {
      field += c;
      ++i;
    }
  }
  *pos = i;
  return row;
}

const char* const kColumns[] = {"Record ID",
                                "Title",
                                "Subject",
                                "Institution",
                                "Journal",
                                "Publisher",
                                "Country",
                                "Author",
                                "URLS",
                                "ArticleType",
                                "RetractionDate",
                                "RetractionDOI",
                                "RetractionPubMedID",
                                "OriginalPaperDate",
                                "OriginalPaperDOI",
                                "OriginalPaperPubMedID",
                                "RetractionNature",
                                "Reason",
                                "Paywalled",
                                "Notes"};

// Retraction Watch writes "Unavailable" or "0" for a missing identifier.
std::string Identifier(const std::string& value) {
  std::string v = Trim(value);
  std::string lower = Lower(v);
  if (v.empty() || v == "0" || lower == "unavailable" || lower == "n/a" ||
      lower == "none") {
    return "";
  }
  return v;
}

// ";"-separated lists ("Research Article;Review;") without empty items.
std::vector<std::string> SplitList(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ';') {
      std::string item = Trim(std::string_view(value).substr(start, i - start));
      if (!item.empty()) out.push_back(item);
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

int ReadRetractionWatch(std::string_view text, BibliographySink* sink) {
  size_t pos = 0;
  int line = 1;
  Row header = ReadRow(text, &pos, &line);
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < header.fields.size(); ++i)
    column[Trim(header.fields[i])] = i;
  for (const char* name :
       {"Record ID", "Title", "OriginalPaperDOI", "RetractionNature"}) {
    if (column.count(name) == 0) {
      sink->Skip(1, 0,
                 std::string("not a Retraction Watch export: no column '") +
                     name + "'");
      return 0;
    }
  }
  std::string missing;
  for (const char* name : kColumns) {
    if (column.count(name) == 0)
      missing += (missing.empty() ? "" : ", ") + std::string(name);
  }
  if (!missing.empty())
    sink->Warn(1, 0, "standard columns missing from the header: " + missing);
  int records = 0;
  while (pos < text.size()) {
    Row row = ReadRow(text, &pos, &line);
    if (row.fields.size() == 1 && TrimView(row.fields[0]).empty() &&
        !row.unterminated)
      continue;
    ++records;
    if (row.unterminated) {
      sink->Skip(row.line, row.offset,
                 "unterminated quoted field; row skipped");
      continue;
    }
    if (row.fields.size() != header.fields.size()) {
      sink->Skip(row.line, row.offset,
                 "row has " + std::to_string(row.fields.size()) +
                     " fields, the header has " +
                     std::to_string(header.fields.size()) + "; skipped");
      continue;
    }
    auto get = [&](const char* name) -> std::string {
      auto it = column.find(name);
      return it == column.end() ? "" : Trim(row.fields[it->second]);
    };
    Work work;
    CslItem& item = work.item;
    item.id = get("Record ID");
    item.type = "article-journal";
    item.title = CollapseSpace(get("Title"));
    item.container_title = get("Journal");
    item.publisher = get("Publisher");
    for (const std::string& a : SplitList(get("Author")))
      item.author.push_back(PersonName(a));
    item.doi = CleanDoi(Identifier(get("OriginalPaperDOI")));
    item.pmid = Identifier(get("OriginalPaperPubMedID"));
    item.issued = ParseDateText(get("OriginalPaperDate"));
    work.publication_types = SplitList(get("ArticleType"));
    if (item.title.empty() && item.doi.empty() && item.pmid.empty()) {
      sink->Skip(
          row.line, row.offset,
          "row " + item.id + " names no title, DOI or PubMed ID; skipped");
      continue;
    }
    std::string nature = get("RetractionNature");
    CslDate when = ParseDateText(get("RetractionDate"));
    std::string date = IsoDate(when);
    work.retracted = Lower(nature) == "retraction";
    work.retraction_evidence = "Retraction Watch record " + item.id + ": " +
                               (nature.empty() ? "notice" : nature) +
                               (date.empty() ? "" : " " + date);
    sink->AddWork(std::move(work), row.line);
  }
  return records;
}

}  // namespace evq::internal
