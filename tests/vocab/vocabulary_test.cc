// Loading vocabulary files: the format, its errors, merging, Lookup,
// Narrower and Terms.
#include "evq/vocabulary.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace evq {
namespace {

using Names = std::vector<std::string>;

Vocabulary Load(std::string_view text) {
  Vocabulary v;
  Status s = v.AddText(text, "test.tsv");
  EXPECT_TRUE(s.ok()) << s.message();
  return v;
}

std::string ErrorOf(std::string_view text) {
  Vocabulary v;
  Status s = v.AddText(text, "my.tsv");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  return s.message();
}

TEST(TermKindNameTest, NamesEveryKind) {
  EXPECT_STREQ(TermKindName(TermKind::kCondition), "condition");
  EXPECT_STREQ(TermKindName(TermKind::kIntervention), "intervention");
  EXPECT_STREQ(TermKindName(TermKind::kAnatomy), "anatomy");
}

TEST(AddTextTest, ReadsAllFields) {
  Vocabulary v = Load(
      "# kind\tname\tmesh_id\tbroader\tsynonyms\n"
      "condition\tback pain\tD001416\t\tbackache|back ache\n"
      "condition\tlow back pain\tD017116\tback pain\tLBP|lumbago\n");
  const Term* t = v.Lookup("low back pain");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->kind, TermKind::kCondition);
  EXPECT_EQ(t->name, "low back pain");
  EXPECT_EQ(t->mesh_id, "D017116");
  EXPECT_EQ(t->broader, "back pain");
  EXPECT_EQ(t->synonyms, Names({"LBP", "lumbago"}));
}

TEST(AddTextTest, AcceptsShortLinesCrlfBlankLinesAndComments) {
  Vocabulary v = Load(
      "\r\n"
      "  # indented comment\r\n"
      "anatomy\tfascia\r\n"
      "intervention\tmassage\tD008405\r\n");
  ASSERT_NE(v.Lookup("fascia"), nullptr);
  EXPECT_EQ(v.Lookup("fascia")->kind, TermKind::kAnatomy);
  EXPECT_EQ(v.Lookup("massage")->mesh_id, "D008405");
  EXPECT_EQ(v.Terms().size(), 2u);
}

TEST(AddTextTest, IgnoresEmptySynonymsAndTrimsFields) {
  Vocabulary v = Load("condition\t sciatica \t\t\t|sciatic pain|| \n");
  const Term* t = v.Lookup("sciatica");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->name, "sciatica");
  EXPECT_EQ(t->synonyms, Names({"sciatic pain"}));
}

TEST(AddTextTest, LaterLineAddsSynonymsAndOverridesGivenFields) {
  Vocabulary v = Load(
      "condition\tlow back pain\tD017116\tback pain\tLBP\n"
      "condition\tlow back pain\t\t\tlumbago|LBP\n"
      "condition\tlow back pain\t\tspinal pain\t\n");
  const Term* t = v.Lookup("low back pain");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->mesh_id, "D017116");  // not given again: kept
  EXPECT_EQ(t->broader, "spinal pain");
  EXPECT_EQ(t->synonyms, Names({"LBP", "lumbago"}));
  EXPECT_EQ(v.Terms().size(), 1u);
}

TEST(AddTextTest, SameNameInTwoKindsIsTwoTerms) {
  Vocabulary v = Load(
      "condition\trotator cuff\n"
      "anatomy\trotator cuff\n");
  EXPECT_EQ(v.Terms().size(), 2u);
}

TEST(AddTextTest, LaterTermTakesOverASharedSynonym) {
  Vocabulary v = Load(
      "condition\tmuscle pain\t\t\tsore muscles|myalgia\n"
      "condition\tdelayed onset muscle soreness\t\t\tsore muscles\n");
  EXPECT_EQ(v.Lookup("sore muscles")->name, "delayed onset muscle soreness");
  EXPECT_EQ(v.Lookup("muscle pain")->synonyms, Names({"myalgia"}));
}

TEST(AddTextErrorTest, UnknownKind) {
  EXPECT_EQ(ErrorOf("# header\n\ncondition\tok\ndisease\tflu\n"),
            "my.tsv:4: unknown kind 'disease'");
}

TEST(AddTextErrorTest, TooFewFields) {
  EXPECT_EQ(ErrorOf("condition back pain\n"),
            "my.tsv:1: expected tab-separated kind and name, got 1 field");
}

TEST(AddTextErrorTest, TooManyFields) {
  EXPECT_EQ(ErrorOf("condition\ta\t\t\t\tb\n"),
            "my.tsv:1: expected at most 5 tab-separated fields, got 6");
}

TEST(AddTextErrorTest, EmptyName) {
  EXPECT_EQ(ErrorOf("condition\t \tD001416\n"), "my.tsv:1: empty name");
}

TEST(AddTextErrorTest, NameNotLowercase) {
  EXPECT_EQ(ErrorOf("condition\tBack Pain\n"),
            "my.tsv:1: name 'Back Pain' is not lowercase");
}

TEST(AddTextErrorTest, NameWithoutWords) {
  EXPECT_EQ(ErrorOf("condition\t--\n"), "my.tsv:1: name '--' has no words");
}

TEST(AddTextErrorTest, BadMeshId) {
  EXPECT_EQ(ErrorOf("condition\tback pain\t1416\n"),
            "my.tsv:1: bad MeSH descriptor UI '1416'");
  EXPECT_EQ(ErrorOf("condition\tback pain\tC23.888\n"),
            "my.tsv:1: bad MeSH descriptor UI 'C23.888'");
}

TEST(AddTextErrorTest, BroaderNotLowercase) {
  EXPECT_EQ(ErrorOf("condition\tlow back pain\t\tBack Pain\n"),
            "my.tsv:1: broader term 'Back Pain' is not lowercase");
}

TEST(AddTextErrorTest, OwnBroaderTerm) {
  EXPECT_EQ(ErrorOf("condition\tback pain\t\tback pain\n"),
            "my.tsv:1: 'back pain' cannot be its own broader term");
}

TEST(AddTextErrorTest, SynonymWithoutWords) {
  EXPECT_EQ(ErrorOf("condition\tback pain\t\t\tbackache|&\n"),
            "my.tsv:1: synonym '&' has no words");
}

TEST(AddTextErrorTest, InvalidUtf8) {
  EXPECT_EQ(ErrorOf("condition\tok\ncondition\tbad\xff\n"),
            "my.tsv:2: invalid UTF-8");
}

TEST(AddTextErrorTest, FailedTextAddsNothing) {
  Vocabulary v;
  EXPECT_FALSE(v.AddText("condition\tback pain\nnope\tx\n", "a.tsv").ok());
  EXPECT_TRUE(v.Terms().empty());
  EXPECT_TRUE(v.Find("back pain").empty());
}

TEST(AddFileTest, ReadsAFileAndNamesItInErrors) {
  std::string path = ::testing::TempDir() + "evq_vocab_test.tsv";
  {
    std::ofstream out(path);
    out << "condition\tback pain\n\nwrong\tx\n";
  }
  Vocabulary v;
  Status s = v.AddFile(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), path + ":3: unknown kind 'wrong'");
  {
    std::ofstream out(path);
    out << "condition\tback pain\t\t\tbackache\n";
  }
  ASSERT_TRUE(v.AddFile(path).ok());
  EXPECT_NE(v.Lookup("backache"), nullptr);
  std::remove(path.c_str());
}

TEST(AddFileTest, MissingFileIsAnIoError) {
  Vocabulary v;
  Status s = v.AddFile("/nonexistent/dir/vocab.tsv");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(s.message().rfind("cannot read '/nonexistent/dir/vocab.tsv'", 0),
            0u)
      << s.message();
}

TEST(LookupTest, AcceptsAnySynonymInAnySpelling) {
  Vocabulary v = Load(
      "condition\tlow back pain\t\t\tLBP|lumbago|lower-back pain\n"
      "anatomy\ttrigger points\t\t\ttrigger point\n");
  for (const char* q :
       {"low back pain", "Low Back Pain", "lumbago", "LUMBAGO",
        "lower back pain", "Lower-Back  Pain", "LBP", "low-back pain"}) {
    const Term* t = v.Lookup(q);
    ASSERT_NE(t, nullptr) << q;
    EXPECT_EQ(t->name, "low back pain") << q;
  }
  EXPECT_EQ(v.Lookup("trigger point")->name, "trigger points");
  EXPECT_EQ(v.Lookup("low back"), nullptr);
  EXPECT_EQ(v.Lookup("low back pain relief"), nullptr);
  EXPECT_EQ(v.Lookup(""), nullptr);
  // Abbreviations written in capitals match only in capitals.
  EXPECT_EQ(v.Lookup("lbp"), nullptr);
}

TEST(NarrowerTest, IsTransitiveAndStaysInKind) {
  Vocabulary v = Load(
      "condition\tpain\n"
      "condition\tback pain\t\tpain\n"
      "condition\tlow back pain\t\tback pain\tlumbago\n"
      "condition\tchronic low back pain\t\tlow back pain\n"
      "condition\tneck pain\t\tpain\n"
      "intervention\tback school\t\tback pain\n");
  EXPECT_EQ(v.Narrower("back pain"),
            Names({"back pain", "chronic low back pain", "low back pain"}));
  EXPECT_EQ(v.Narrower("pain"),
            Names({"pain", "back pain", "chronic low back pain",
                   "low back pain", "neck pain"}));
  EXPECT_EQ(v.Narrower("lumbago"),
            Names({"low back pain", "chronic low back pain"}));
  EXPECT_EQ(v.Narrower("neck pain"), Names({"neck pain"}));
  EXPECT_EQ(v.Narrower("unknown thing"), Names({"unknown thing"}));
}

TEST(NarrowerTest, SurvivesCycles) {
  Vocabulary v = Load(
      "condition\ta\t\tb\n"
      "condition\tb\t\tc\n"
      "condition\tc\t\ta\n");
  EXPECT_EQ(v.Narrower("a"), Names({"a", "b", "c"}));
}

TEST(TermsTest, SortedByKindThenName) {
  Vocabulary v = Load(
      "anatomy\tspine\n"
      "intervention\tmassage\n"
      "condition\tsciatica\n"
      "anatomy\tfascia\n"
      "condition\tback pain\n");
  std::vector<std::string> names;
  for (const Term* t : v.Terms()) {
    names.push_back(std::string(TermKindName(t->kind)) + ":" + t->name);
  }
  EXPECT_EQ(names,
            Names({"condition:back pain", "condition:sciatica",
                   "intervention:massage", "anatomy:fascia", "anatomy:spine"}));
}

TEST(VocabularyTest, MovesKeepTerms) {
  Vocabulary a = Load("condition\tback pain\t\t\tbackache\n");
  const Term* t = a.Lookup("backache");
  Vocabulary b(std::move(a));
  EXPECT_EQ(b.Lookup("backache"), t);
  Vocabulary c;
  c = std::move(b);
  EXPECT_EQ(c.Find("my backache").size(), 1u);
}

}  // namespace
}  // namespace evq
