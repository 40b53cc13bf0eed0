// Tests of the Retraction Watch CSV reader: RFC 4180 quoting (commas,
// doubled quotes, newlines), the original paper's fields, "0" and
// "unavailable" identifiers, retracted only for "Retraction" rows, the
// evidence text; malformed rows and headers with exact diagnostics.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evq/bibliography.h"

namespace evq {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(EVQ_SOURCE_DIR) + "/corpus/fixtures/bib/" + name;
}

TEST(BibliographyRetractionWatchTest, ExportFixture) {
  std::string path = Fixture("retraction-watch.csv");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, BibliographyFormat::kRetractionWatch);
  EXPECT_TRUE(r->diagnostics.empty()) << FormatDiagnostic(r->diagnostics[0]);
  ASSERT_EQ(r->works.size(), 3u);

  const Work& a = r->works[0];
  EXPECT_EQ(a.source, path);
  EXPECT_EQ(a.line, 2);
  EXPECT_EQ(a.item.id, "1001");
  EXPECT_EQ(a.item.title,
            "Spinal manipulation, massage and \"core\" exercise for chronic "
            "low back pain: a "
            "randomized trial");
  EXPECT_EQ(a.item.container_title, "Journal of Example Spine Research");
  EXPECT_EQ(a.item.publisher, "Example Publishing");
  ASSERT_EQ(a.item.author.size(), 3u);
  EXPECT_EQ(a.item.author[0].family, "Nordmann");
  EXPECT_EQ(a.item.author[0].given, "Kari");
  EXPECT_EQ(a.item.author[1].family, "van Beethoven");
  EXPECT_EQ(a.item.doi,
            "10.1234/jesr.2018.0042");  // the original, not the notice
  EXPECT_EQ(a.item.pmid, "29000042");
  EXPECT_EQ(a.item.issued.year, 2018);
  EXPECT_EQ(a.item.issued.month, 3);
  EXPECT_EQ(a.item.issued.day, 15);
  EXPECT_EQ(a.publication_types,
            (std::vector<std::string>{"Research Article", "Clinical Study"}));
  EXPECT_TRUE(a.retracted);
  EXPECT_EQ(a.retraction_evidence,
            "Retraction Watch record 1001: Retraction 2020-05-01");

  const Work& b = r->works[1];
  EXPECT_EQ(b.line, 4);        // the notes of the row above hold a newline
  EXPECT_EQ(b.item.pmid, "");  // "0"
  EXPECT_FALSE(b.retracted);
  EXPECT_EQ(b.retraction_evidence,
            "Retraction Watch record 1002: Correction 2023-11-14");

  const Work& c = r->works[2];
  EXPECT_EQ(c.item.doi, "");  // "unavailable"
  EXPECT_EQ(c.item.pmid, "27000003");
  EXPECT_EQ(c.item.author[0].family, "García");
  EXPECT_FALSE(c.retracted);
  EXPECT_EQ(c.retraction_evidence,
            "Retraction Watch record 1003: Expression of concern 2019-07-09");
}

TEST(BibliographyRetractionWatchTest, MalformedRowsWithExactDiagnostics) {
  std::string path = Fixture("malformed-retraction-watch.csv");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 1u);
  EXPECT_EQ(r->works[0].item.id, "2001");
  EXPECT_TRUE(r->works[0].retracted);
  EXPECT_EQ(r->works[0].retraction_evidence,
            "Retraction Watch record 2001: Retraction 2022-01-02");
  std::vector<std::string> got;
  for (const Diagnostic& d : r->diagnostics) got.push_back(FormatDiagnostic(d));
  std::vector<std::string> want = {
      path + ":3: error: row has 6 fields, the header has 20; skipped",
      path + ":4: error: unterminated quoted field; row skipped",
  };
  EXPECT_EQ(got, want);
}

TEST(BibliographyRetractionWatchTest, HeaderAndEmptyExport) {
  Result<Bibliography> r = ParseBibliography(
      "rw.csv", "Record ID,Title\n1,x\n", BibliographyFormat::kRetractionWatch);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "rw.csv: no Retraction Watch row found (not a Retraction Watch "
            "export: no column "
            "'OriginalPaperDOI')");
  r = ParseBibliography(
      "rw.csv",
      "\xEF\xBB\xBFRecord ID,Title,OriginalPaperDOI,RetractionNature\r\n",
      BibliographyFormat::kAuto);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "rw.csv: no Retraction Watch row found");
  // A minimal header: the missing standard columns are named in one warning.
  r = ParseBibliography("rw.csv",
                        "Record ID,Title,OriginalPaperDOI,RetractionNature\r\n"
                        "7,T,https://doi.org/10.1/x,Retraction\r\n",
                        BibliographyFormat::kAuto);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 1u);
  EXPECT_EQ(r->works[0].item.doi, "10.1/x");
  EXPECT_EQ(r->works[0].retraction_evidence,
            "Retraction Watch record 7: Retraction");
  ASSERT_EQ(r->diagnostics.size(), 1u);
  EXPECT_EQ(r->diagnostics[0].message,
            "standard columns missing from the header: Subject, Institution, "
            "Journal, "
            "Publisher, Country, Author, URLS, ArticleType, RetractionDate, "
            "RetractionDOI, "
            "RetractionPubMedID, OriginalPaperDate, OriginalPaperPubMedID, "
            "Reason, Paywalled, "
            "Notes");
}

}  // namespace
}  // namespace evq
