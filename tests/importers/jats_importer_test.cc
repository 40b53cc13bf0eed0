// Tests of the JATS importer: every shared JATS file imports and every
// <xref ref-type="bibr"> links after Analyze; structure, references,
// metadata, ranges, languages; malformed input gives exact errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "evq/analysis.h"
#include "evq/import.h"
#include "evq/vocabulary.h"

namespace evq {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string BlockText(const Document& d, const Block& b) {
  return d.text.substr(b.start, b.end - b.start);
}

std::vector<std::string> JatsFiles() {
  std::vector<std::string> out;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(std::string(EVQ_SHARED_DIR) + "/data/jats")) {
    std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".xml" || ext == ".nxml")) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The must-show: each file's bibr xrefs all become linked citations. Every
// xref yields one MarkupCitation; Analyze links those in paragraphs, list
// items and table cells. Analyze does not look for citations in captions
// (they are never claims), so xrefs in figure captions are counted out of
// the Analyze count here and checked instead on the Document: their
// MarkupCitation must resolve to reference entries. No file has an xref
// whose rid is missing from its ref-list, so none is excused for that.
TEST(JatsImporterTest, EveryBibrXrefLinksInEveryFile) {
  Result<Vocabulary> vocab = Vocabulary::Builtin();
  ASSERT_TRUE(vocab.ok()) << vocab.status().message();
  std::vector<std::string> files = JatsFiles();
  ASSERT_GE(files.size(), 30u);
  const std::regex xref_re(R"(<xref\b[^>]*\bref-type="bibr")");
  for (const std::string& path : files) {
    std::string raw = ReadAll(path);
    size_t xrefs = std::distance(std::sregex_iterator(raw.begin(), raw.end(), xref_re),
                                 std::sregex_iterator());
    Result<Document> doc = ImportFile(path);
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    EXPECT_EQ(doc.value().format, "jats") << path;
    EXPECT_EQ(doc.value().markup_citations.size(), xrefs) << path;
    size_t in_captions = 0;
    for (const MarkupCitation& mc : doc.value().markup_citations) {
      for (const Block& b : doc.value().blocks) {
        if (b.role == BlockRole::kCaption && mc.start >= b.start && mc.end <= b.end) {
          EXPECT_FALSE(mc.reference_numbers.empty()) << path << " caption marker " << mc.marker;
          ++in_captions;
        }
      }
    }
    Analysis a = Analyze(doc.value(), vocab.value());
    size_t linked = 0;
    for (const Sentence& s : a.sentences) {
      for (const Citation& c : s.citations) {
        if (c.style == CitationStyle::kMarkup && !c.references.empty()) ++linked;
      }
    }
    std::cout << "[jats] " << std::filesystem::path(path).filename().string() << " xrefs=" << xrefs
              << " linked=" << linked << " in_captions=" << in_captions
              << " refs=" << a.references.size() << "\n";
    EXPECT_EQ(linked + in_captions, xrefs) << path;
  }
}

TEST(JatsImporterTest, StructureReferencesAndRanges) {
  const std::string xml = R"(<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN" "JATS-journalpublishing1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article" xml:lang="en">
<front><journal-meta><journal-title-group><journal-title>Pain Medicine</journal-title></journal-title-group><abbrev-journal-title abbrev-type="publisher">PM</abbrev-journal-title><abbrev-journal-title abbrev-type="nlm-ta">Pain Med</abbrev-journal-title></journal-meta>
<article-meta><article-id pub-id-type="doi">10.1000/pm.1</article-id><article-id pub-id-type="pmid">123</article-id>
<article-id pub-id-type="pmc">456</article-id>
<title-group><article-title>Fascia and back pain</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Lee</surname><given-names>Ann</given-names></name></contrib></contrib-group>
<pub-date pub-type="ppub"><year>2020</year></pub-date><pub-date pub-type="epub"><day>3</day><month>2</month><year>2020</year></pub-date>
<volume>21</volume><issue>3</issue><fpage>100</fpage><lpage>109</lpage>
<abstract><p>Massage helps&nbsp;low back pain.</p></abstract>
<trans-abstract xml:lang="pt"><p>A massagem ajuda.</p></trans-abstract>
</article-meta></front>
<body><sec><title>Background</title><p>Foam rolling reduces stiffness [<xref ref-type="bibr" rid="r1">1</xref>&#x2013;<xref ref-type="bibr" rid="r3">3</xref>].</p>
<sec><title>Sub</title><p>Stretching helps <xref ref-type="bibr" rid="r2">2</xref>.<fig id="f1"><caption><p>Figure text <xref ref-type="bibr" rid="r1">1</xref>.</p></caption></fig></p>
<list><list-item><p>Item one.</p></list-item></list></sec></sec></body>
<back><ack><p>We thank everyone.</p></ack><ref-list><title>References</title>
<ref id="r1"><label>1</label><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Smith</surname><given-names>John A</given-names></name><etal/></person-group><article-title>Fascia</article-title><source>J Pain</source><year>2001</year><volume>4</volume><issue>2</issue><fpage>10</fpage><lpage>19</lpage><pub-id pub-id-type="doi">10.1/x</pub-id></element-citation></ref>
<ref id="r2"><label>2</label><mixed-citation publication-type="journal"><name><surname>Doe</surname><given-names>J</given-names></name> (<year>2002</year>) <article-title>Stretch</article-title>. <source>Spine</source> <volume>5</volume>: <fpage>1</fpage>.</mixed-citation></ref>
<ref id="r3"><label>3</label><mixed-citation>Roe R. Massage. BMJ. 2003.</mixed-citation></ref>
</ref-list></back></article>)";
  Result<Document> r = ImportBuffer("t.xml", xml);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Document& d = r.value();
  EXPECT_EQ(d.format, "jats");
  EXPECT_EQ(d.title, "Fascia and back pain");
  EXPECT_EQ(d.metadata.doi, "10.1000/pm.1");
  EXPECT_EQ(d.metadata.pmid, "123");
  EXPECT_EQ(d.metadata.pmcid, "PMC456");
  EXPECT_EQ(d.metadata.journal, "Pain Medicine");
  EXPECT_EQ(d.metadata.publication_date, "2020-02-03");
  EXPECT_EQ(d.metadata.authors, std::vector<std::string>{"Lee Ann"});
  EXPECT_EQ(d.metadata.article_type, "research-article");
  EXPECT_EQ(d.metadata.language, "en");
  // The article as a reference would cite it.
  const CslItem& self = d.metadata.citation;
  EXPECT_EQ(self.container_title, "Pain Medicine");
  EXPECT_EQ(self.container_title_short, "Pain Med");
  EXPECT_EQ(self.volume, "21");
  EXPECT_EQ(self.issue, "3");
  EXPECT_EQ(self.page, "100-109");
  ASSERT_EQ(self.author.size(), 1u);
  EXPECT_EQ(self.author[0].family, "Lee");
  EXPECT_EQ(self.title, "Fascia and back pain");
  std::vector<std::string> got;
  for (const Block& b : d.blocks) {
    got.push_back(std::string(BlockRoleName(b.role)) + ":" + std::to_string(b.level) + ":" +
                  b.language + ":" + BlockText(d, b));
  }
  std::vector<std::string> want = {
      "title:0::Fascia and back pain",
      "heading:1::Abstract",
      "paragraph:0::Massage helps\xC2\xA0low back pain.",
      "heading:1:pt:Abstract",
      "paragraph:0:pt:A massagem ajuda.",
      "heading:1::Background",
      "paragraph:0::Foam rolling reduces stiffness [1\xE2\x80\x93" "3].",
      "heading:2::Sub",
      "paragraph:0::Stretching helps 2.",
      "caption:0::Figure text 1.",
      "list_item:1::Item one.",
      "boilerplate:0::We thank everyone.",
      "reference_heading:1::References",
      "reference_entry:0::Smith JA, et al. Fascia. J Pain. 2001;4(2):10-19. doi:10.1/x.",
      "reference_entry:0::Doe J (2002) Stretch. Spine 5: 1.",
      "reference_entry:0::Roe R. Massage. BMJ. 2003.",
  };
  EXPECT_EQ(got, want);
  ASSERT_EQ(d.markup_citations.size(), 4u);
  EXPECT_EQ(d.markup_citations[0].marker, "1");
  EXPECT_EQ(d.markup_citations[0].reference_numbers, (std::vector<int>{1, 2}));
  EXPECT_EQ(d.markup_citations[1].reference_numbers, (std::vector<int>{3}));
  EXPECT_EQ(d.markup_citations[2].reference_numbers, (std::vector<int>{2}));
  EXPECT_TRUE(d.has_reference_list);
}

TEST(JatsImporterTest, PlosEmptyXrefsInsideRange) {
  const std::string xml =
      "<article><body><p>Text <xref ref-type=\"bibr\" rid=\"a\">1</xref>&#8211;"
      "<xref ref-type=\"bibr\" rid=\"b\"/><xref ref-type=\"bibr\" rid=\"d\">4</xref>.</p></body>"
      "<back><ref-list><ref id=\"a\"><mixed-citation>A</mixed-citation></ref>"
      "<ref id=\"b\"><mixed-citation>B</mixed-citation></ref>"
      "<ref id=\"c\"><mixed-citation>C</mixed-citation></ref>"
      "<ref id=\"d\"><mixed-citation>D</mixed-citation></ref></ref-list></back></article>";
  Result<Document> r = ImportJats("p.xml", xml);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const auto& mcs = r.value().markup_citations;
  ASSERT_EQ(mcs.size(), 3u);
  EXPECT_EQ(mcs[0].reference_numbers, (std::vector<int>{1, 3}));
  EXPECT_EQ(mcs[1].reference_numbers, (std::vector<int>{2}));
  EXPECT_EQ(mcs[1].start, mcs[1].end);
  EXPECT_EQ(mcs[2].reference_numbers, (std::vector<int>{4}));
}

TEST(JatsImporterTest, MalformedXmlErrors) {
  Result<Document> r = ImportJats("cut.xml", "<article>\n<body><p>Text</p>\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "cut.xml:2: malformed XML at byte 27: Start-end tags mismatch");
  r = ImportJats("ent.xml", "<article>\n<body><p>Caf&eacute; &bogus; x</p></body></article>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "ent.xml:2: malformed XML at byte 31: undeclared entity '&bogus;'");
  r = ImportJats("amp.xml", "<article><p>Salt & pepper</p></article>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "amp.xml:1: malformed XML at byte 17: '&' not followed by an entity name and ';'");
  r = ImportJats("root.xml", "<?xml version=\"1.0\"?>\n<TEI><text/></TEI>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "root.xml:2: unexpected root element <TEI> at byte 22: expected JATS <article>");
  std::string big = "<article><body><p>" + std::string(100u << 20, 'a') + "</p></body></article>";
  r = ImportJats("big.xml", big);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "big.xml:1: malformed XML at byte 18: character data longer than 16777216 bytes");
}

TEST(JatsImporterTest, DeclaredEntityIsExpanded) {
  Result<Document> r = ImportJats(
      "d.xml", "<!DOCTYPE article [<!ENTITY evq \"evidence query\">]><article><body><p>An &evq; "
               "tool.</p></body></article>");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NE(r.value().text.find("An evidence query tool."), std::string::npos);
}

TEST(JatsImporterTest, DetectsJatsByRootAndExtension) {
  EXPECT_EQ(DetectFormat("a.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"x\">\n<article>"),
            Format::kJats);
  EXPECT_EQ(DetectFormat("a.nxml", ""), Format::kJats);
  Format f;
  ASSERT_TRUE(ParseFormat("jats", &f));
  EXPECT_EQ(f, Format::kJats);
  EXPECT_STREQ(FormatName(Format::kJats), "jats");
}

}  // namespace
}  // namespace evq
