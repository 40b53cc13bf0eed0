// Tests of the TEI (GROBID) importer on corpus/fixtures/tei: structure,
// biblStruct reference strings, <ref type="bibr"> links after Analyze,
// metadata, and exact errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evq/analysis.h"
#include "evq/import.h"
#include "evq/vocabulary.h"

namespace evq {
namespace {

const std::string kFixture =
    std::string(EVQ_SOURCE_DIR) + "/corpus/fixtures/tei/grobid-fascia-review.tei.xml";

TEST(TeiImporterTest, FixtureStructureAndLinks) {
  Result<Document> r = ImportFile(kFixture);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Document& d = r.value();
  EXPECT_EQ(d.format, "tei");
  EXPECT_EQ(d.title, "Thoracolumbar fascia and low back pain: a narrative review");
  EXPECT_EQ(d.metadata.doi, "10.5555/jbr.2021.0042");
  EXPECT_EQ(d.metadata.journal, "Journal of Bodywork Research");
  EXPECT_EQ(d.metadata.publication_date, "2021-05-04");
  EXPECT_EQ(d.metadata.authors, (std::vector<std::string>{"Rossi Maria", "Tanaka Jun"}));
  std::vector<std::string> got;
  for (const Block& b : d.blocks) {
    got.push_back(std::string(BlockRoleName(b.role)) + ": " + d.text.substr(b.start, b.end - b.start));
  }
  std::vector<std::string> want = {
      "title: Thoracolumbar fascia and low back pain: a narrative review",
      "heading: Abstract",
      "paragraph: The thoracolumbar fascia is richly innervated and may contribute to low back pain [1].",
      "heading: Introduction",
      "paragraph: Low back pain is the leading cause of disability worldwide [2]. Fascial thickening has "
      "been reported in people with chronic low back pain [3,4].",
      "heading: Manual therapy",
      "paragraph: Myofascial release reduced pain intensity in a randomized trial [4], although effects "
      "were small (Smith, in press).",
      "caption: Fig. 1 .",
      "caption: Layers of the thoracolumbar fascia [1].",
      "boilerplate: Acknowledgements",
      "boilerplate: We thank the clinic staff.",
      "reference_heading: References",
      "reference_entry: Willard FH, Vleeming A. The thoracolumbar fascia: anatomy, function and clinical "
      "considerations. J Anat. 2012;221(6):507-536. doi:10.1111/j.1469-7580.2012.01511.x.",
      "reference_entry: GBD 2019 Diseases and Injuries Collaborators. Global, regional, and national "
      "incidence of low back pain. Lancet. 2020;396:1204-1222.",
      "reference_entry: Langevin HM. Ultrasound characterization of the thoracolumbar fascia in low back "
      "pain. BMC Musculoskelet Disord. 2011;12:203.",
      "reference_entry: Arguisuelas C. Myofascial release for chronic low back pain: a randomized trial. "
      "Spine. 2017;42(9):627-634. PMID: 27548580.",
  };
  EXPECT_EQ(got, want);
  // 7 callouts: 5 with targets in body/abstract, 1 in the caption, 1 without a target.
  ASSERT_EQ(d.markup_citations.size(), 7u);
  Result<Vocabulary> vocab = Vocabulary::Builtin();
  ASSERT_TRUE(vocab.ok());
  Analysis a = Analyze(d, vocab.value());
  ASSERT_EQ(a.references.size(), 4u);
  EXPECT_EQ(a.references[0].doi, "10.1111/j.1469-7580.2012.01511.x");
  EXPECT_EQ(a.references[3].pmid, "27548580");
  int linked = 0, dangling = 0;
  for (const Sentence& s : a.sentences) {
    for (const Citation& c : s.citations) {
      if (c.style != CitationStyle::kMarkup) continue;
      c.references.empty() ? ++dangling : ++linked;
    }
  }
  // The caption's callout is not counted by Analyze (captions are not claims).
  EXPECT_EQ(linked, 5);
  EXPECT_EQ(dangling, 1);  // "(Smith, in press)": GROBID found no entry
}

TEST(TeiImporterTest, ErrorsAreExact) {
  Result<Document> r = ImportTei("t.xml", "<TEI>\n<text><body><p>x</body></text></TEI>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "t.xml:2: malformed XML at byte 24: Start-end tags mismatch");
  r = ImportTei("a.xml", "<article/>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "a.xml:1: unexpected root element <article> at byte 0: expected TEI <TEI>");
  Format f;
  ASSERT_TRUE(ParseFormat("tei", &f));
  EXPECT_EQ(f, Format::kTei);
  EXPECT_EQ(DetectFormat("x.xml", "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"),
            Format::kTei);
}

}  // namespace
}  // namespace evq
