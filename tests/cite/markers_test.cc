#include "cite/markers.h"

#include <gtest/gtest.h>

#include "cite/linker.h"
#include "evq/csl.h"

namespace evq::internal {
namespace {

std::vector<FoundMarker> Find(const std::string& s) { return FindMarkers(s, 0, s.size()); }

std::string MarkerText(const std::string& s, const FoundMarker& m) {
  return s.substr(m.start, m.end - m.start);
}

TEST(MarkersTest, NumericForms) {
  std::string s = "Pain (1) and [2] and [3-5] and [1, 4] and [6–7].";
  auto m = Find(s);
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0].numbers, (std::vector<int>{1}));
  EXPECT_EQ(m[2].numbers, (std::vector<int>{3, 4, 5}));
  EXPECT_EQ(m[3].numbers, (std::vector<int>{1, 4}));
  EXPECT_EQ(m[4].numbers, (std::vector<int>{6, 7}));
  EXPECT_EQ(MarkerText(s, m[2]), "[3-5]");
}

TEST(MarkersTest, NotMarkers) {
  EXPECT_TRUE(Find("Improvement in (1–3 sessions) and (20 weeks) or (1999) alone.").empty());
  EXPECT_TRUE(Find("Myofascial (my-o-FASH-e-ul) release.").empty());
}

TEST(MarkersTest, ParentheticalAuthorYear) {
  std::string s = "Fascia matters (Stecco et al., 2018). Points refer (Simons & Travell 1999; "
                  "Fernández-de-las-Peñas 2010).";
  auto m = Find(s);
  // A group of two sources is two citations, each spanning its own part.
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].style, CitationStyle::kAuthorYear);
  EXPECT_EQ(MarkerText(s, m[0]), "(Stecco et al., 2018)");
  ASSERT_EQ(m[0].sources.size(), 1u);
  EXPECT_EQ(m[0].sources[0].family, "Stecco");
  EXPECT_EQ(m[0].sources[0].year, 2018);
  EXPECT_EQ(MarkerText(s, m[1]), "Simons & Travell 1999");
  EXPECT_EQ(m[1].sources[0].family, "Simons");
  EXPECT_EQ(MarkerText(s, m[2]), "Fernández-de-las-Peñas 2010");
  EXPECT_EQ(m[2].sources[0].family, "Fernández-de-las-Peñas");
  EXPECT_EQ(m[2].sources[0].year, 2010);
}

TEST(MarkersTest, NarrativeAndSuffix) {
  std::string s = "Travell and Simons (1999) showed it, and Hayden et al. (2005b) agreed.";
  auto m = Find(s);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].style, CitationStyle::kNarrative);
  EXPECT_EQ(MarkerText(s, m[0]), "Travell and Simons (1999)");
  EXPECT_EQ(m[0].sources[0].family, "Travell");
  EXPECT_EQ(m[1].sources[0].family, "Hayden");
  EXPECT_EQ(m[1].sources[0].suffix, 'b');
}

TEST(LinkerTest, NumbersAndAuthorYear) {
  std::vector<CslItem> refs(3);
  refs[0].author = {{"Stecco", "C.", ""}};
  refs[0].issued.year = 2018;
  refs[1].author = {{"Hayden", "J. A.", ""}};
  refs[1].issued.year = 2005;
  refs[2].author = {{"Hayden", "J. A.", ""}};
  refs[2].issued.year = 2005;
  ReferenceLinker linker(refs);
  EXPECT_EQ(linker.ResolveNumber(1), 0);
  EXPECT_EQ(linker.ResolveNumber(4), -1);
  EXPECT_EQ(linker.ResolveAuthorYear({"Stecco", 2018, 0}), 0);
  EXPECT_EQ(linker.ResolveAuthorYear({"Stecco", 2019, 0}), -1);
  EXPECT_EQ(linker.ResolveAuthorYear({"Hayden", 2005, 'a'}), 1);
  EXPECT_EQ(linker.ResolveAuthorYear({"Hayden", 2005, 'b'}), 2);
  EXPECT_EQ(FoldName("Fernández-de-Las-Peñas"), "fernandezdelaspenas");
}

TEST(LinkerTest, PrintedNumbersWinOverPosition) {
  std::vector<CslItem> refs(2);
  refs[0].citation_number = "3";
  refs[1].citation_number = "7";
  ReferenceLinker linker(refs);
  EXPECT_EQ(linker.ResolveNumber(7), 1);
  EXPECT_EQ(linker.ResolveNumber(1), -1);
}

}  // namespace
}  // namespace evq::internal
