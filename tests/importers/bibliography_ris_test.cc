// Tests of the RIS reader: CRLF export with wrapped values, types, names,
// container titles and abbreviations, dates, pages, identifiers; records
// without ER skipped with exact diagnostics.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evq/bibliography.h"

namespace evq {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(EVQ_SOURCE_DIR) + "/corpus/fixtures/bib/" + name;
}

TEST(BibliographyRisTest, ReferencesFixture) {
  std::string path = Fixture("references.ris");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, BibliographyFormat::kRis);
  EXPECT_TRUE(r->diagnostics.empty()) << FormatDiagnostic(r->diagnostics[0]);
  ASSERT_EQ(r->works.size(), 4u);

  const Work& q = r->works[0];
  EXPECT_EQ(q.source, path);
  EXPECT_EQ(q.line, 1);
  EXPECT_EQ(q.item.id, "qaseem2017");
  EXPECT_EQ(q.item.type, "article-journal");
  EXPECT_EQ(q.publication_types, std::vector<std::string>{"JOUR"});
  ASSERT_EQ(q.item.author.size(), 4u);
  EXPECT_EQ(q.item.author[1].family, "Wilt");
  EXPECT_EQ(q.item.author[1].given, "Timothy J.");
  EXPECT_EQ(
      q.item.title,
      "Noninvasive treatments for acute, subacute, and chronic low back pain: "
      "a clinical "
      "practice guideline from the American College of Physicians");  // wrapped
  EXPECT_EQ(q.item.container_title, "Annals of Internal Medicine");
  EXPECT_EQ(q.item.container_title_short, "Ann Intern Med");
  EXPECT_EQ(q.item.issued.year, 2017);
  EXPECT_EQ(q.item.issued.month, 4);
  EXPECT_EQ(q.item.issued.day, 4);
  EXPECT_EQ(q.item.volume, "166");
  EXPECT_EQ(q.item.issue, "7");
  EXPECT_EQ(q.item.page, "514-530");
  EXPECT_EQ(q.item.doi, "10.7326/M16-2367");
  EXPECT_EQ(q.item.pmid, "28192789");  // AN with DB PubMed
  EXPECT_EQ(q.item.pmcid, "PMC5423453");
  EXPECT_EQ(q.item.isbn, "");  // a journal's SN is an ISSN

  const Work& c = r->works[1];
  EXPECT_EQ(c.line, 28);
  EXPECT_EQ(c.item.type, "chapter");
  EXPECT_EQ(c.item.title, "Connective tissue: a body-wide signaling network?");
  EXPECT_EQ(c.item.container_title,
            "Fascia: The Tensional Network of the Human Body");
  ASSERT_EQ(c.item.editor.size(), 2u);
  EXPECT_EQ(c.item.editor[0].family, "Schleip");
  EXPECT_EQ(c.item.publisher, "Churchill Livingstone");
  EXPECT_EQ(c.item.publisher_place, "Edinburgh");
  EXPECT_EQ(c.item.page, "141-144");
  EXPECT_EQ(c.item.isbn, "978-0-7020-3425-1");
  EXPECT_EQ(c.item.edition, "1");

  const Work& b = r->works[2];
  EXPECT_EQ(b.item.type, "book");
  EXPECT_EQ(b.item.collection_title, "Volume 1");
  EXPECT_EQ(b.item.issued.year, 1983);

  const Work& e = r->works[3];
  EXPECT_EQ(e.item.type, "webpage");
  ASSERT_EQ(e.item.author.size(), 1u);
  EXPECT_EQ(e.item.author[0].literal,
            "National Institute for Health and Care Excellence");
  EXPECT_EQ(e.item.url, "https://www.nice.org.uk/guidance/ng59");
  EXPECT_EQ(e.item.issued.day, 30);
  EXPECT_EQ(e.item.accessed.month, 3);
}

TEST(BibliographyRisTest, MalformedRecordsAreSkippedWithExactDiagnostics) {
  std::string path = Fixture("malformed.ris");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 2u);
  EXPECT_EQ(r->works[0].line, 7);
  EXPECT_EQ(r->works[0].item.container_title, "The Lancet");
  EXPECT_EQ(r->works[0].item.doi, "10.1016/S0140-6736(18)30489-6");
  EXPECT_EQ(r->works[0].item.author[1].family, "Anema");
  EXPECT_EQ(r->works[1].item.type, "document");
  EXPECT_EQ(r->works[1].publication_types, std::vector<std::string>{"ZZZZ"});
  std::vector<std::string> got;
  for (const Diagnostic& d : r->diagnostics) got.push_back(FormatDiagnostic(d));
  std::vector<std::string> want = {
      path + ":1: warning: text outside a record (expected 'TY  - ') ignored",
      path +
          ":3: error: record of type 'JOUR' has no 'ER' before the next 'TY' "
          "(line 7)",
      path + ":18: warning: unknown record type 'ZZZZ' read as a document",
      path +
          ":23: error: record of type 'JOUR' has no 'ER' before the end of the "
          "file",
  };
  EXPECT_EQ(got, want);
}

TEST(BibliographyRisTest, NoRecordFails) {
  Result<Bibliography> r =
      ParseBibliography("refs.ris", "Nothing here\n", BibliographyFormat::kRis);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "refs.ris: no RIS record found");
  // BOM and sniffing without an extension.
  r = ParseBibliography("export", "\xEF\xBB\xBFTY  - JOUR\nTI  - T\nER  - \n",
                        BibliographyFormat::kAuto);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, BibliographyFormat::kRis);
  ASSERT_EQ(r->works.size(), 1u);
  EXPECT_EQ(r->works[0].item.title, "T");
}

}  // namespace
}  // namespace evq
