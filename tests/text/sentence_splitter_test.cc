#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace evq::internal {
namespace {

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text, 0, text.size())) {
    out.push_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

TEST(SentenceSplitterTest, SplitsPlainSentences) {
  EXPECT_EQ(Split("Back pain. Shoulder tension. Sciatica."),
            (std::vector<std::string>{"Back pain.", "Shoulder tension.", "Sciatica."}));
}

TEST(SentenceSplitterTest, KeepsAbbreviationsTogether) {
  EXPECT_EQ(Split("Pain radiates (e.g., from shoulder to hand). Stecco et al. found it. Dr. Lee agrees."),
            (std::vector<std::string>{"Pain radiates (e.g., from shoulder to hand).",
                                      "Stecco et al. found it.", "Dr. Lee agrees."}));
  EXPECT_EQ(Split("See Fig. 2 for the result. It is clear."),
            (std::vector<std::string>{"See Fig. 2 for the result.", "It is clear."}));
}

TEST(SentenceSplitterTest, KeepsRunsOfInitials) {
  EXPECT_EQ(Split("Simons, D. G. and Travell, J. G. wrote the manual. It is long."),
            (std::vector<std::string>{"Simons, D. G. and Travell, J. G. wrote the manual.", "It is long."}));
}

TEST(SentenceSplitterTest, SplitsAfterGluedMarker) {
  EXPECT_EQ(Split("It may involve a group of muscles.(1)The toughest part is the source."),
            (std::vector<std::string>{"It may involve a group of muscles.(1)",
                                      "The toughest part is the source."}));
  EXPECT_EQ(Split("Relieving pain.(2)This proficiency works."),
            (std::vector<std::string>{"Relieving pain.(2)", "This proficiency works."}));
}

TEST(SentenceSplitterTest, HandlesSpacedPunctuationOfSpunText) {
  EXPECT_EQ(Split("Fascial tightening can also leave in back pain . It is on debate that it helps ."),
            (std::vector<std::string>{"Fascial tightening can also leave in back pain .",
                                      "It is on debate that it helps ."}));
}

TEST(SentenceSplitterTest, OffsetsAreBytesIntoTheWholeText) {
  std::string text = "Title\nFascia is tissue. It glides.";
  std::vector<Span> spans = SplitSentences(text, 6, text.size());
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start, 6u);
  EXPECT_EQ(text.substr(spans[1].start, spans[1].end - spans[1].start), "It glides.");
}

TEST(SentenceSplitterTest, CutsOverlongRunsAtSpaces) {
  std::string text;
  while (text.size() < 3 * kMaxSentenceBytes) text += "word ";
  std::vector<Span> spans = SplitSentences(text, 0, text.size());
  ASSERT_GE(spans.size(), 3u);
  for (const Span& s : spans) EXPECT_LE(s.end - s.start, kMaxSentenceBytes);
}

TEST(SentenceSplitterTest, NonAsciiTextKeepsByteOffsets) {
  std::string text = "Fernández-de-las-Peñas studied it. Fascia hurts.";
  std::vector<std::string> parts = Split(text);
  EXPECT_EQ(parts, (std::vector<std::string>{"Fernández-de-las-Peñas studied it.", "Fascia hurts."}));
}

}  // namespace
}  // namespace evq::internal
