// Tests of the MeSH descriptor reader: the shared 2006 sample imports;
// tree-number hierarchy gives broader terms; entry terms become synonyms;
// categories map to kinds; exact errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "evq/mesh.h"
#include "evq/vocabulary.h"

namespace evq {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string Descriptor(const std::string& ui, const std::string& name, const std::string& trees,
                       const std::string& terms) {
  return "<DescriptorRecord DescriptorClass=\"1\"><DescriptorUI>" + ui +
         "</DescriptorUI><DescriptorName><String>" + name + "</String></DescriptorName>"
         "<TreeNumberList>" + trees + "</TreeNumberList><ConceptList><Concept PreferredConceptYN=\"Y\">"
         "<TermList>" + terms + "</TermList></Concept></ConceptList></DescriptorRecord>\n";
}

TEST(MeshReaderTest, SharedSampleImports) {
  Vocabulary v;
  MeshImportStats stats;
  Status st = ImportMeshDescriptors(
      std::string(EVQ_SHARED_DIR) + "/data/pubmed/mesh-w3c-exi-testsuite/xml2006sample.xml", &v, &stats);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(stats.descriptors, 1);
  EXPECT_EQ(stats.skipped, 1);  // Calcimycin is a chemical (D03): not a tracked kind
  EXPECT_EQ(v.Terms().size(), 0u);
}

TEST(MeshReaderTest, TreeHierarchyAndEntryTerms) {
  std::string path = WriteTemp(
      "evq_mesh.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE DescriptorRecordSet SYSTEM \"desc2024.dtd\">\n"
      "<DescriptorRecordSet LanguageCode=\"eng\">\n" +
          Descriptor("D001416", "Back Pain", "<TreeNumber>C23.888.592.612.107</TreeNumber>",
                     "<Term><String>Back Pain</String></Term><Term><String>Backache</String></Term>") +
          Descriptor("D017116", "Low Back Pain", "<TreeNumber>C23.888.592.612.107.400</TreeNumber>",
                     "<Term><String>Lumbago</String></Term><Term><String>Low Back Ache</String></Term>") +
          Descriptor("D009209", "Myofascial Pain Syndromes",
                     "<TreeNumber>C05.651.550</TreeNumber><TreeNumber>C10.668.491.550</TreeNumber>",
                     "<Term><String>Myofascial Trigger Point Pain</String></Term>") +
          Descriptor("D026741", "Physical Therapy Modalities", "<TreeNumber>E02.779</TreeNumber>", "") +
          Descriptor("D008407", "Massage", "<TreeNumber>E02.779.483</TreeNumber>",
                     "<Term><String>Massage Therapy</String></Term>") +
          Descriptor("D005205", "Fascia", "<TreeNumber>A02.340</TreeNumber>", "") +
          Descriptor("D000001", "Calcimycin", "<TreeNumber>D03.438.221.173</TreeNumber>", "") +
          "</DescriptorRecordSet>\n");
  Vocabulary v;
  MeshImportStats stats;
  Status st = ImportMeshDescriptors(path, &v, &stats);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(stats.descriptors, 7);
  EXPECT_EQ(stats.conditions, 3);
  EXPECT_EQ(stats.interventions, 2);
  EXPECT_EQ(stats.anatomy, 1);
  EXPECT_EQ(stats.skipped, 1);
  EXPECT_EQ(stats.broader_links, 2);
  EXPECT_EQ(stats.entry_terms, 5);
  const Term* lbp = v.Lookup("lumbago");
  ASSERT_NE(lbp, nullptr);
  EXPECT_EQ(lbp->name, "low back pain");
  EXPECT_EQ(lbp->mesh_id, "D017116");
  EXPECT_EQ(lbp->broader, "back pain");
  EXPECT_EQ(lbp->kind, TermKind::kCondition);
  std::vector<std::string> narrower = v.Narrower("back pain");
  EXPECT_NE(std::find(narrower.begin(), narrower.end(), "low back pain"), narrower.end());
  const Term* massage = v.Lookup("massage therapy");
  ASSERT_NE(massage, nullptr);
  EXPECT_EQ(massage->kind, TermKind::kIntervention);
  EXPECT_EQ(massage->broader, "physical therapy modalities");
  const Term* fascia = v.Lookup("fascia");
  ASSERT_NE(fascia, nullptr);
  EXPECT_EQ(fascia->kind, TermKind::kAnatomy);
  EXPECT_EQ(v.Lookup("calcimycin"), nullptr);
  std::vector<TermMatch> m = v.Find("Chronic lumbago and backache.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].name, "low back pain");
  EXPECT_EQ(m[1].name, "back pain");
}

TEST(MeshReaderTest, ErrorsAreExactAndAddNothing) {
  Vocabulary v;
  std::string wrong = WriteTemp("evq_mesh_wrong.xml", "<?xml version=\"1.0\"?>\n<PubmedArticleSet/>\n");
  Status st = ImportMeshDescriptors(wrong, &v, nullptr);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message(), wrong + ":2: unexpected root element <PubmedArticleSet> at byte 22: "
                                  "expected <DescriptorRecordSet>");
  std::string bad = WriteTemp(
      "evq_mesh_bad.xml",
      "<DescriptorRecordSet>\n" + Descriptor("D1", "Pain", "<TreeNumber>C23</TreeNumber>", "") +
          "<DescriptorRecord><DescriptorUI>D2</DescriptorUI><DescriptorName><String>A &foo; B"
          "</String></DescriptorName></DescriptorRecord>\n</DescriptorRecordSet>\n");
  st = ImportMeshDescriptors(bad, &v, nullptr);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message(), bad + ":3: malformed XML at byte 391: undeclared entity '&foo;'");
  EXPECT_EQ(v.Lookup("pain"), nullptr);  // the good first record was not added
  st = ImportMeshDescriptors("/nonexistent/desc.xml", &v, nullptr);
  ASSERT_FALSE(st.ok());
}

}  // namespace
}  // namespace evq
