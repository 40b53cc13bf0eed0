// The analysis stage on the real seed articles and on small hand-made ones.
#include <gtest/gtest.h>

#include <string>

#include "evq/analysis.h"
#include "evq/import.h"

namespace evq {
namespace {

const Vocabulary& Vocab() {
  static Vocabulary* v = [] {
    Result<Vocabulary> r = Vocabulary::Builtin();
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new Vocabulary(std::move(r).value());
  }();
  return *v;
}

Analysis AnalyzeSeed(const std::string& name) {
  Result<Document> doc = ImportFile(std::string(EVQ_SHARED_DIR) + "/seeds/" + name);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return Analyze(*doc, Vocab());
}

const Sentence* FindSentence(const Analysis& a, const std::string& fragment) {
  for (const Sentence& s : a.sentences) {
    if (s.text.find(fragment) != std::string::npos) return &s;
  }
  return nullptr;
}

Analysis AnalyzeText(const std::string& text) { return Analyze(ImportText("t.txt", text), Vocab()); }

TEST(SeedsTest, Seed004NumberedMarkersDangle) {
  Analysis a = AnalyzeSeed("004_873f2c709282803b.txt");
  EXPECT_TRUE(a.has_reference_list);
  EXPECT_TRUE(a.references.empty());
  int dangling = 0;
  for (const Sentence& s : a.sentences) {
    if (s.claim && s.status == BackingStatus::kDangling) {
      ++dangling;
      ASSERT_EQ(s.citations.size(), 1u);
      EXPECT_TRUE(s.citations[0].references.empty());
    }
  }
  EXPECT_EQ(dangling, 3);
  const Sentence* s = FindSentence(a, "group of muscles.(1)");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->citations[0].marker, "(1)");
}

TEST(SeedsTest, Seed003AccordingToAStudyIsVague) {
  Analysis a = AnalyzeSeed("003_614f4122732871e4.txt");
  const Sentence* s = FindSentence(a, "According to a study, fibromyalgia patients");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->claim);
  EXPECT_EQ(s->status, BackingStatus::kVague);
  EXPECT_EQ(s->backing_phrase, "according to a study");
  EXPECT_EQ(s->conditions, (std::vector<std::string>{"fibromyalgia"}));
}

TEST(SeedsTest, Seed000ReferenceListYieldsThreeCslItems) {
  Analysis a = AnalyzeSeed("000_c9751df4006f2f9e.txt");
  ASSERT_EQ(a.references.size(), 3u);
  for (const CslItem& r : a.references) {
    EXPECT_FALSE(r.author.empty()) << r.raw;
    EXPECT_NE(r.issued.year, 0) << r.raw;
    EXPECT_FALSE(r.title.empty()) << r.raw;
  }
  EXPECT_EQ(a.references[0].author[0].family, "Stecco");
  EXPECT_EQ(a.references[0].container_title, "Journal of Sports Sciences");
  EXPECT_EQ(a.references[2].container_title, "Current Pain and Headache Reports");
  // Claims without markers in a document with a list are "listed".
  const Sentence* s = FindSentence(a, "Tight thoracolumbar fascia can pull on the spine");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->claim);
  EXPECT_EQ(s->status, BackingStatus::kListed);
  EXPECT_EQ(s->context_conditions, (std::vector<std::string>{"back pain"}));
  EXPECT_EQ(s->hedge_cues, (std::vector<std::string>{"can"}));
}

TEST(SeedsTest, Seed000PiriformisClaimIsAboutSciatica) {
  Analysis a = AnalyzeSeed("000_c9751df4006f2f9e.txt");
  const Sentence* s = FindSentence(a, "Fascial tightness in the lower back and hips");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->claim);
  EXPECT_EQ(s->context_conditions, (std::vector<std::string>{"sciatica"}));
}

TEST(AnalyzeTest, ListItemsInheritTheLeadInsHedge) {
  Analysis a = AnalyzeText("Fascia Facts\nWhen fascia becomes restricted, it can:\n-\nCompress nerves\n");
  const Sentence* s = FindSentence(a, "Compress nerves");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->claim);
  EXPECT_TRUE(s->hedged);
  EXPECT_EQ(s->hedge_cues, (std::vector<std::string>{"can"}));
}

TEST(AnalyzeTest, NumericAndAuthorYearCitationsResolve) {
  Analysis a = AnalyzeText(
      "Back Pain Facts\n\nMassage relieves low back pain [1]. Fascia causes pain (Stecco et al., 2018). "
      "Travell and Simons (1999) showed trigger points refer pain. Foam rolling cures sciatica [7].\n\n"
      "References\n\n1. Furlan AD, Giraldo M. Massage for low-back pain. Cochrane Database Syst Rev. "
      "2015;(9):CD001929.\n2. Stecco C, Schleip R, Macchi V. Fascial tissue research in sports medicine. "
      "J Sports Sci. 2018;36(12):1393-1402.\n3. Travell JG, Simons DG. Myofascial Pain and Dysfunction: "
      "The Trigger Point Manual. Baltimore: Williams & Wilkins; 1999.\n");
  ASSERT_EQ(a.references.size(), 3u);
  const Sentence* s1 = FindSentence(a, "Massage relieves");
  ASSERT_NE(s1, nullptr);
  EXPECT_EQ(s1->status, BackingStatus::kCited);
  EXPECT_EQ(s1->citations[0].references, (std::vector<int>{0}));
  EXPECT_EQ(s1->conditions, (std::vector<std::string>{"low back pain"}));
  const Sentence* s2 = FindSentence(a, "Fascia causes pain");
  ASSERT_NE(s2, nullptr);
  EXPECT_EQ(s2->status, BackingStatus::kCited);
  EXPECT_EQ(s2->citations[0].references, (std::vector<int>{1}));
  const Sentence* s3 = FindSentence(a, "Travell and Simons (1999) showed");
  ASSERT_NE(s3, nullptr);
  EXPECT_EQ(s3->status, BackingStatus::kCited);
  EXPECT_EQ(s3->citations[0].style, CitationStyle::kNarrative);
  const Sentence* s4 = FindSentence(a, "Foam rolling cures");
  ASSERT_NE(s4, nullptr);
  EXPECT_EQ(s4->status, BackingStatus::kDangling);
}

TEST(AnalyzeTest, AttributedAndVagueAndUnbacked) {
  Analysis a = AnalyzeText(
      "Neck Pain\n\nA 2019 study in JAMA Pediatrics found that neck pain improved with exercise. "
      "NICE guidelines recommend exercise for low back pain. Studies show massage eases neck pain. "
      "Spinal manipulation cures neck pain.\n");
  EXPECT_EQ(FindSentence(a, "A 2019 study")->status, BackingStatus::kAttributed);
  EXPECT_EQ(FindSentence(a, "NICE guidelines")->status, BackingStatus::kAttributed);
  EXPECT_EQ(FindSentence(a, "Studies show")->status, BackingStatus::kVague);
  const Sentence* s = FindSentence(a, "Spinal manipulation cures");
  EXPECT_TRUE(s->claim);
  EXPECT_EQ(s->status, BackingStatus::kUnbacked);
  EXPECT_EQ(s->kind, ClaimKind::kEfficacy);
}

TEST(AnalyzeTest, NonClaims) {
  Analysis a = AnalyzeText(
      "Back Pain Help\n\nWhat causes back pain? Consult a therapist about your back pain. "
      "Back pain. I have severe back pain every night.\n");
  for (const Sentence& s : a.sentences) EXPECT_FALSE(s.claim) << s.text;
}

TEST(AnalyzeTest, EvqIgnoreSuppressesTheClaim) {
  Analysis a = Analyze(ImportMarkdown("m.md", "# Back pain\n\n<!-- evq-ignore -->\nMassage cures back pain.\n"),
                       Vocab());
  const Sentence* s = FindSentence(a, "Massage cures");
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(s->claim);
}

TEST(AnalyzeTest, JsonRecordHasTheEvidenceModelFields) {
  Analysis a = AnalyzeText("Back Pain\n\nMassage relieves back pain [1].\n\nReferences\n\n1. Furlan AD. Massage. Cochrane. 2015.\n");
  const Sentence* s = FindSentence(a, "Massage relieves");
  ASSERT_NE(s, nullptr);
  std::string j = SentenceToJson("t.txt", *s, a.references);
  for (const char* field : {"\"document\":\"t.txt\"", "\"text\":", "\"start\":", "\"end\":", "\"kind\":",
                            "\"hedged\":", "\"hedge_cues\":", "\"negated\":", "\"status\":\"cited\"",
                            "\"conditions\":", "\"context_conditions\":", "\"interventions\":",
                            "\"anatomy\":", "\"citations\":[{", "\"marker\":\"[1]\"", "\"reference\":{"}) {
    EXPECT_NE(j.find(field), std::string::npos) << field << " in " << j;
  }
}

}  // namespace
}  // namespace evq
