// Tests of the MEDLINE/nbib reader: tags and continuation lines, full and
// short author names, group authors, journal title and abbreviation, DOI
// from LID/AID, MeSH with major topics, retraction from the publication
// type and from RIN/RRI lines; malformed records with exact diagnostics.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evq/bibliography.h"

namespace evq {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(EVQ_SOURCE_DIR) + "/corpus/fixtures/bib/" + name;
}

TEST(BibliographyMedlineTest, ReferencesFixture) {
  std::string path = Fixture("references.nbib");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, BibliographyFormat::kMedline);
  EXPECT_TRUE(r->diagnostics.empty()) << FormatDiagnostic(r->diagnostics[0]);
  ASSERT_EQ(r->works.size(), 3u);

  const Work& h = r->works[0];
  EXPECT_EQ(h.source, path);
  EXPECT_EQ(h.line, 2);
  EXPECT_EQ(h.item.pmid, "29573870");
  EXPECT_EQ(h.item.id, "29573870");
  EXPECT_EQ(h.item.title,
            "What low back pain is and why we need to pay attention.");
  EXPECT_EQ(h.item.container_title, "Lancet (London, England)");
  EXPECT_EQ(h.item.container_title_short, "Lancet");
  EXPECT_EQ(h.item.volume, "391");
  EXPECT_EQ(h.item.issue, "10137");
  EXPECT_EQ(h.item.page, "2356-2367");
  EXPECT_EQ(h.item.doi, "10.1016/S0140-6736(18)30480-X");  // [doi], not [pii]
  EXPECT_EQ(h.item.issued.year, 2018);
  EXPECT_EQ(h.item.issued.month, 6);
  EXPECT_EQ(h.item.issued.day, 9);
  ASSERT_EQ(h.item.author.size(), 3u);
  EXPECT_EQ(h.item.author[1].family, "Hancock");  // FAU preferred
  EXPECT_EQ(h.item.author[1].given, "Mark J");
  EXPECT_EQ(h.item.author[2].literal,
            "Lancet Low Back Pain Series Working Group");
  EXPECT_EQ(h.publication_types,
            (std::vector<std::string>{"Journal Article", "Review"}));
  ASSERT_EQ(h.mesh_headings.size(), 4u);
  EXPECT_EQ(h.mesh_headings[2].name, "Low Back Pain");
  EXPECT_TRUE(h.mesh_headings[2].major_topic);
  EXPECT_EQ(h.mesh_headings[3].name, "Risk Factors");
  EXPECT_TRUE(h.mesh_headings[3].major_topic);  // a starred qualifier
  EXPECT_FALSE(h.mesh_headings[0].major_topic);
  EXPECT_FALSE(h.retracted);

  const Work& w = r->works[1];
  EXPECT_EQ(w.line, 42);
  EXPECT_EQ(
      w.item.title,
      "Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive "
      "developmental disorder in children.");       // continued
  EXPECT_EQ(w.item.author[0].family, "Wakefield");  // AU only: "Wakefield AJ"
  EXPECT_EQ(w.item.author[0].given, "AJ");
  EXPECT_TRUE(w.retracted);
  EXPECT_EQ(
      w.retraction_evidence,
      "publication type Retracted Publication; Retraction in PMID 20137807");

  const Work& d = r->works[2];
  EXPECT_TRUE(d.retracted);  // RRI alone
  EXPECT_EQ(d.retraction_evidence,
            "Retracted and republished in PMID 31900001");
  EXPECT_EQ(d.item.pmcid, "PMC6543210");
  EXPECT_EQ(d.item.issued.year, 2019);
  EXPECT_EQ(d.item.issued.month, 0);  // "Spring"
}

TEST(BibliographyMedlineTest, MalformedRecordsWithExactDiagnostics) {
  std::string path = Fixture("malformed.nbib");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 2u);
  EXPECT_EQ(r->works[0].item.pmid, "11111111");
  EXPECT_EQ(r->works[0].item.author[0].family, "Roe");
  EXPECT_EQ(r->works[1].item.pmid, "22222222");
  EXPECT_EQ(r->works[1].line, 12);
  EXPECT_EQ(r->works[1].item.issued.year, 2003);  // "2003 Dec-2004 Jan"
  EXPECT_EQ(r->works[1].item.issued.month, 12);
  std::vector<std::string> got;
  for (const Diagnostic& d : r->diagnostics) got.push_back(FormatDiagnostic(d));
  std::vector<std::string> want = {
      path +
          ":6: error: record does not start with 'PMID- ' (starts with 'TI'); "
          "skipped",
      path + ":9: error: record has an empty PMID; skipped",
      path +
          ":14: warning: line is neither 'TAG - value' nor a continuation; "
          "ignored",
  };
  EXPECT_EQ(got, want);
}

TEST(BibliographyMedlineTest, CrlfTxtSniffedAndNoRecord) {
  std::string text =
      "PMID- 5\r\nTI  - Title\r\n      continued.\r\nPT  - Retracted "
      "Publication\r\n";
  Result<Bibliography> r =
      ParseBibliography("pubmed-set.txt", text, BibliographyFormat::kAuto);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, BibliographyFormat::kMedline);
  ASSERT_EQ(r->works.size(), 1u);
  EXPECT_EQ(r->works[0].item.title, "Title continued.");
  EXPECT_TRUE(r->works[0].retracted);
  r = ParseBibliography("x.nbib", "\n\n", BibliographyFormat::kMedline);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "x.nbib: no MEDLINE record found");
}

}  // namespace
}  // namespace evq
