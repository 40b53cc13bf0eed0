// Unit tests of the HTML text helpers (whitespace, heading names, citation
// numbers, exponents, the nesting pre-scan).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html_text.h"

namespace evq {
namespace {

std::string Join(const std::vector<int>& numbers) {
  std::string out;
  for (int n : numbers) {
    if (!out.empty()) out += ',';
    out += std::to_string(n);
  }
  return out;
}

TEST(HtmlTextTest, InlineTextCollapsesWhitespace) {
  html::InlineText text;
  text.Append("  a \t\n b\u00a0\u00a0c\u200bd\u00ad");
  text.AppendSpace();
  EXPECT_EQ(text.text(), "a b cd");
  text.Append("e ");
  EXPECT_EQ(text.text(), "a b cd e");
  EXPECT_EQ(html::CollapseWhitespace("\u2009x\u3000y\n"), "x y");
}

TEST(HtmlTextTest, ReferenceHeadingNames) {
  for (const char* yes :
       {"References", "REFERENCES:", " Works  Cited ", "Literature cited",
        "Bibliography", "Sources", "Notes", "Citations", "7. References",
        "Literature", "References[edit]"}) {
    EXPECT_TRUE(html::IsReferenceHeadingText(yes)) << yes;
  }
  for (const char* no :
       {"Reference ranges for adults", "Sources of vitamin D", "", ":",
        "My notes on fascia", "References and further reading list"}) {
    EXPECT_FALSE(html::IsReferenceHeadingText(no)) << no;
  }
  EXPECT_TRUE(html::NamesReferenceList("mw-references-wrap"));
  EXPECT_TRUE(html::NamesReferenceList("RefList columns"));
  EXPECT_FALSE(html::NamesReferenceList("related-posts"));
}

TEST(HtmlTextTest, CitationNumbers) {
  auto parse = [](std::string_view marker) {
    std::vector<html::NumberRange> ranges;
    if (!html::ParseCitationNumbers(marker, &ranges))
      return std::string("none");
    std::vector<int> numbers;
    for (const html::NumberRange& r : ranges) html::AppendRange(r, &numbers);
    return Join(numbers);
  };
  EXPECT_EQ(parse("1"), "1");
  EXPECT_EQ(parse("[2]"), "2");
  EXPECT_EQ(parse("1,2"), "1,2");
  EXPECT_EQ(parse("3-5"), "3,4,5");
  EXPECT_EQ(parse("(1, 4\u20136)"), "1,4,5,6");
  EXPECT_EQ(parse("[1][2]"), "1,2");
  EXPECT_EQ(parse("2; 2"), "2");
  EXPECT_EQ(parse("1-500"), "1,500");
  for (std::string_view bad : {"", "a", "1a", "st", "0", "1000", "5-2", "-1",
                               "1-", "1--2", "[]", "1.5", "*"}) {
    EXPECT_EQ(parse(bad), "none") << bad;
  }
}

TEST(HtmlTextTest, ExponentBases) {
  EXPECT_TRUE(html::EndsWithExponentBase("10"));
  EXPECT_TRUE(html::EndsWithExponentBase("30 kg/m"));
  EXPECT_TRUE(html::EndsWithExponentBase("3 cm"));
  EXPECT_FALSE(html::EndsWithExponentBase("swim"));
  EXPECT_FALSE(html::EndsWithExponentBase("pain"));
  EXPECT_FALSE(html::EndsWithExponentBase("pain "));
  EXPECT_FALSE(html::EndsWithExponentBase(""));
}

TEST(HtmlTextTest, NestingCutOffset) {
  EXPECT_EQ(html::DeepNestingCutOffset("<div><div></div></div>", 2),
            std::string::npos);
  EXPECT_EQ(html::DeepNestingCutOffset("<div><div><div>", 2), 10u);
  // Void elements, omitted end tags, comments and script text do not nest.
  EXPECT_EQ(html::DeepNestingCutOffset(
                "<div><p><p><li><br><img><span/><!-- <div><div> -->"
                "<script>'<div><div>'</script>",
                2),
            std::string::npos);
  EXPECT_EQ(html::DeepNestingCutOffset("<div", 0), std::string::npos);
  EXPECT_EQ(html::DeepNestingCutOffset("< div><<>></", 0), std::string::npos);
}

// Whatever pages the corpus holds must import cleanly.

}  // namespace
}  // namespace evq
