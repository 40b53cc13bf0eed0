// Vocabulary::Find: which spans of a text name which terms.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evq/vocabulary.h"

namespace evq {
namespace {

constexpr char kVocab[] =
    "condition\tback pain\tD001416\t\tbackache|back pains\n"
    "condition\tlow back pain\tD017116\tback pain\tLBP|lumbago|lower back "
    "pain\n"
    "condition\tinflammation\tD007249\t\tinflamed|inflammatory\n"
    "condition\tinjury\tD014947\t\tinjuries|trauma\n"
    "condition\tmyofascial pain syndrome\tD009209\t\tmyofascial pain|MPS\n"
    "condition\tsjogren's syndrome\tD012859\t\tsjögren's syndrome\n"
    "intervention\tmyofascial release\tD000089803\t\tmyofascial therapy|"
    "self-myofascial release\n"
    "intervention\tanti-inflammatory diet\n"
    "intervention\tcesarean section\tD002585\t\tC-section\n"
    "intervention\tstretching\t\t\tstretches\n"
    "intervention\tnsaids\t\t\tNSAID\n"
    "anatomy\tfascia\tD005205\t\tfascial\n"
    "anatomy\ttrigger points\tD061028\t\ttrigger point|TrP\n"
    "anatomy\tspine\tD013131\t\tspinal\n"
    "anatomy\tspinal cord\tD013116\n"
    "anatomy\tintervertebral disc\tD007403\t\tdisc\n";

class FindTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = vocab_.AddText(kVocab, "test.tsv");
    ASSERT_TRUE(s.ok()) << s.message();
  }

  // "kind:name@matched text" for every match, in order.
  std::vector<std::string> Found(std::string_view text) const {
    std::vector<std::string> out;
    for (const TermMatch& m : vocab_.Find(text)) {
      EXPECT_LE(m.start, m.end);
      EXPECT_LE(m.end, text.size());
      out.push_back(std::string(TermKindName(m.kind)) + ":" + m.name + "@" +
                    std::string(text.substr(m.start, m.end - m.start)));
    }
    return out;
  }

  Vocabulary vocab_;
};

using Names = std::vector<std::string>;

TEST_F(FindTest, FindsNamesAndSynonymsInTextOrder) {
  EXPECT_EQ(Found("Fascia can cause back pain and lumbago."),
            Names({"anatomy:fascia@Fascia", "condition:back pain@back pain",
                   "condition:low back pain@lumbago"}));
}

TEST_F(FindTest, LongestMatchWinsWithoutOverlaps) {
  EXPECT_EQ(Found("lower back pain"),
            Names({"condition:low back pain@lower back pain"}));
  EXPECT_EQ(Found("the spinal cord and the spinal column"),
            Names({"anatomy:spinal cord@spinal cord", "anatomy:spine@spinal"}));
  EXPECT_EQ(Found("myofascial pain syndrome"),
            Names({"condition:myofascial pain syndrome@myofascial pain "
                   "syndrome"}));
}

TEST_F(FindTest, FallsBackToAShorterFormWhenALongerOneBreaksOff) {
  // "myofascial pain" is a form; "myofascial pain relief" is not.
  EXPECT_EQ(Found("myofascial pain relief"),
            Names({"condition:myofascial pain syndrome@myofascial pain"}));
  EXPECT_EQ(Found("low back"), Names({}));
}

TEST_F(FindTest, IgnoresCase) {
  EXPECT_EQ(Found("BACK PAIN, Back Pain, bAcK pAiN").size(), 3u);
  EXPECT_EQ(Found("SJÖGREN'S SYNDROME"),
            Names({"condition:sjogren's syndrome@SJÖGREN'S SYNDROME"}));
}

TEST_F(FindTest, AbbreviationsInCapitalsMatchOnlyInCapitals) {
  EXPECT_EQ(Found("LBP and MPS"),
            Names({"condition:low back pain@LBP",
                   "condition:myofascial pain syndrome@MPS"}));
  EXPECT_EQ(Found("lbp and mps"), Names({}));
  EXPECT_EQ(Found("TrPs in the trp"), Names({"anatomy:trigger points@TrPs"}));
}

TEST_F(FindTest, HyphenAndSpaceAreAlike) {
  EXPECT_EQ(Found("lower-back pain"),
            Names({"condition:low back pain@lower-back pain"}));
  EXPECT_EQ(Found("back\u2010pain"),
            Names({"condition:back pain@back\u2010pain"}));
  EXPECT_EQ(Found("c section and C-Section"),
            Names({"intervention:cesarean section@c section",
                   "intervention:cesarean section@C-Section"}));
  EXPECT_EQ(Found("back  \n pain"),
            Names({"condition:back pain@back  \n pain"}));
}

TEST_F(FindTest, FormsDoNotSpanPunctuation) {
  EXPECT_EQ(Found("my back, pain"), Names({}));
  EXPECT_EQ(Found("low back. Pain"), Names({}));
  EXPECT_EQ(Found("back\u2014pain"), Names({}));
}

TEST_F(FindTest, CurlyApostrophesEqualStraightOnes) {
  EXPECT_EQ(Found("Sjogren\u2019s syndrome"),
            Names({"condition:sjogren's syndrome@Sjogren\u2019s syndrome"}));
}

TEST_F(FindTest, AcceptsSimplePluralsAndPossessives) {
  EXPECT_EQ(Found("injuries"), Names({"condition:injury@injuries"}));
  EXPECT_EQ(Found("stretches"), Names({"intervention:stretching@stretches"}));
  EXPECT_EQ(Found("discs"), Names({"anatomy:intervertebral disc@discs"}));
  EXPECT_EQ(Found("trigger points"),
            Names({"anatomy:trigger points@trigger points"}));
  EXPECT_EQ(Found("a trigger point"),
            Names({"anatomy:trigger points@trigger point"}));
  EXPECT_EQ(Found("the spine's curve"), Names({"anatomy:spine@spine's"}));
  EXPECT_EQ(Found("NSAIDs"), Names({"intervention:nsaids@NSAIDs"}));
  EXPECT_EQ(Found("C-sections"),
            Names({"intervention:cesarean section@C-sections"}));
  // Only the last word of a form may be plural.
  EXPECT_EQ(Found("backs pain"), Names({}));
}

TEST_F(FindTest, MatchesWholeWordsOnly) {
  EXPECT_EQ(Found("discotheque spineless fascialike"), Names({}));
  EXPECT_EQ(Found("injury"), Names({"condition:injury@injury"}));
  EXPECT_EQ(Found("traumatic"), Names({}));
}

TEST_F(FindTest, DoesNotMatchInsideAHyphenatedCompound) {
  EXPECT_EQ(Found("anti-inflammatory effects"), Names({}));
  EXPECT_EQ(Found("an anti-inflammatory diet"),
            Names({"intervention:anti-inflammatory diet@anti-inflammatory "
                   "diet"}));
  EXPECT_EQ(Found("self-myofascial release"),
            Names({"intervention:myofascial release@self-myofascial "
                   "release"}));
  // A word followed by a hyphen still matches.
  EXPECT_EQ(Found("sciatica-like back-pain-related"),
            Names({"condition:back pain@back-pain"}));
  EXPECT_EQ(Found("anti - inflammatory"),
            Names({"condition:inflammation@inflammatory"}));
}

TEST_F(FindTest, OffsetsAreBytesIntoTheText) {
  std::string text = "Die Ärzte: Rückenschmerzen? No: back pain.";
  std::vector<TermMatch> m = vocab_.Find(text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(text.substr(m[0].start, m[0].end - m[0].start), "back pain");
  EXPECT_EQ(m[0].start, text.find("back pain"));
}

TEST_F(FindTest, SurvivesInvalidUtf8AndEmptyText) {
  EXPECT_EQ(Found(""), Names({}));
  EXPECT_EQ(Found("\xff\xfe back pain \xc3"),
            Names({"condition:back pain@back pain"}));
}

TEST_F(FindTest, FindsTheSeedSentenceTerms) {
  EXPECT_EQ(Found("Fascial tightness can be worsened by fascial inflammation "
                  "and inflamed discs."),
            Names({"anatomy:fascia@Fascial", "anatomy:fascia@fascial",
                   "condition:inflammation@inflammation",
                   "condition:inflammation@inflamed",
                   "anatomy:intervertebral disc@discs"}));
}

}  // namespace
}  // namespace evq
