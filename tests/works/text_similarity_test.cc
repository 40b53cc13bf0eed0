// The normalised forms works compare in, and the field similarities.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evq/csl.h"
#include "works/text_normalize.h"
#include "works/work_similarity.h"

namespace evq::internal {
namespace {

using Words = std::vector<std::string>;

TEST(TextNormalizeTest, FoldsCaseAndAccents) {
  EXPECT_EQ(FoldedWords("Fernández-de-las-Peñas, MÜLLER"),
            (Words{"fernandez", "de", "las", "penas", "muller"}));
  EXPECT_EQ(FoldedWords("Parkinson's disease"),
            (Words{"parkinsons", "disease"}));
  EXPECT_EQ(FoldedWords("Straße ﬁbre"), (Words{"strasse", "fibre"}));
  EXPECT_EQ(FoldedKey("Fernández-de-las-Peñas"), "fernandezdelaspenas");
  // Invalid UTF-8 separates words instead of failing.
  EXPECT_EQ(FoldedWords("ab\xff"
                        "cd"),
            (Words{"ab", "cd"}));
}

TEST(TextNormalizeTest, NormalizesIdentifiers) {
  EXPECT_EQ(NormalizeDoi("https://doi.org/10.1000/ABC.12"), "10.1000/abc.12");
  EXPECT_EQ(NormalizeDoi("doi: 10.1000/abc.12."), "10.1000/abc.12");
  EXPECT_EQ(NormalizeDoi("DOI:10.1000/Abc.12"), "10.1000/abc.12");
  EXPECT_EQ(NormalizeDoi("no doi here"), "");
  EXPECT_EQ(NormalizePmid("PMID: 0012345"), "12345");
  EXPECT_EQ(NormalizePmid("none"), "");
  EXPECT_EQ(NormalizePmcid("pmc98765"), "PMC98765");
  EXPECT_EQ(NormalizePmcid("98765"), "PMC98765");
}

TEST(TextNormalizeTest, PagesAndVolumes) {
  EXPECT_EQ(FirstPage("123-9"), "123");
  EXPECT_EQ(FirstPage("pp. 12-15"), "12");
  EXPECT_EQ(FirstPage("e0123456"), "e0123456");
  EXPECT_EQ(FirstPage("S12\u2013S15"), "s12");
  EXPECT_EQ(NormalizeVolume("Vol. 12"), "12");
  EXPECT_EQ(NormalizeVolume("12 Suppl 1"), "12suppl1");
}

TEST(TextNormalizeTest, EditDistanceCountsSwapsOnce) {
  EXPECT_EQ(EditDistance("lumbar", "lumbar", 1), 0);
  EXPECT_EQ(EditDistance("lumbar", "lubmar", 1), 1);
  EXPECT_EQ(EditDistance("lumbar", "lumbr", 1), 1);
  EXPECT_EQ(EditDistance("lumbar", "lumbars", 1), 1);
  EXPECT_EQ(EditDistance("lumbar", "cervical", 1), 2);
}

TEST(WordsCompatibleTest, AbbreviationsAndTypos) {
  EXPECT_TRUE(WordsCompatible("restor", "restorative"));
  EXPECT_TRUE(WordsCompatible("neurosci", "neuroscience"));
  EXPECT_TRUE(WordsCompatible("j", "journal"));
  EXPECT_TRUE(WordsCompatible("journal", "jrnl"));  // vowels dropped
  EXPECT_TRUE(WordsCompatible("natl", "national"));
  EXPECT_TRUE(WordsCompatible("surgery", "surgrey"));  // a typo
  EXPECT_FALSE(WordsCompatible("clin", "oncology"));
  EXPECT_FALSE(WordsCompatible("oncol", "neurology"));
  EXPECT_FALSE(WordsCompatible("med", "surgery"));
}

ItemKey Key(const CslItem& item) { return MakeItemKey(item, true); }

CslItem Journal(const std::string& full, const std::string& abbrev = "") {
  CslItem item;
  item.container_title = full;
  item.container_title_short = abbrev;
  return item;
}

TEST(ContainerSimilarityTest, AbbreviatedNamesMatchFullNames) {
  ItemKey bone =
      Key(Journal("The Journal of bone and joint surgery. American volume"));
  EXPECT_GE(ContainerSimilarity(Key(Journal("J Bone Joint Surg Am")), bone),
            0.85);
  ItemKey restor = Key(Journal("Restorative neurology and neuroscience"));
  EXPECT_DOUBLE_EQ(
      ContainerSimilarity(Key(Journal("Restor. Neurol. Neurosci.")), restor),
      1.0);
  EXPECT_DOUBLE_EQ(
      ContainerSimilarity(Key(Journal("Rstrtv Nrlgy Neurosci")), restor), 1.0);
  ItemKey pnas =
      Key(Journal("Proceedings of the National Academy of Sciences of the "
                  "United States of America",
                  "Proc. Natl. Acad. Sci. U.S.A."));
  EXPECT_DOUBLE_EQ(
      ContainerSimilarity(Key(Journal("Proc Natl Acad Sci U S A")), pnas), 1.0);
}

TEST(ContainerSimilarityTest, ComparesAgainstTheShortTitle) {
  // "BMJ" is no abbreviation of "British medical journal" word by word; the
  // work's own short title says it.
  ItemKey bmj = Key(Journal("British medical journal", "BMJ"));
  EXPECT_DOUBLE_EQ(ContainerSimilarity(Key(Journal("BMJ")), bmj), 1.0);
  EXPECT_LT(ContainerSimilarity(Key(Journal("BMJ")),
                                Key(Journal("British medical journal"))),
            0.7);
}

TEST(ContainerSimilarityTest, OtherJournalsScoreLow) {
  ItemKey oncol = Key(Journal("Journal of clinical oncology", "J Clin Oncol"));
  EXPECT_LT(ContainerSimilarity(Key(Journal("J Clin Med")), oncol), 0.7);
  EXPECT_LT(ContainerSimilarity(Key(Journal("Spine")), oncol), 0.3);
  EXPECT_EQ(ContainerSimilarity(Key(Journal("")), oncol), -1);
}

TEST(TitleSimilarityTest, ToleratesTypoSubtitleAndTruncation) {
  CslItem work;
  work.title =
      "Exercise therapy for chronic low back pain: a randomized controlled "
      "trial in primary care";
  ItemKey wk = Key(work);
  CslItem ref;
  ref.title = work.title;
  EXPECT_DOUBLE_EQ(TitleSimilarity(Key(ref), wk), 1.0);
  ref.title =
      "Exercise thearpy for chronic low back pain: a randomized controlled "
      "trial in primary care";
  EXPECT_DOUBLE_EQ(TitleSimilarity(Key(ref), wk), 1.0);
  ref.title = "Exercise therapy for chronic low back pain";
  EXPECT_DOUBLE_EQ(TitleSimilarity(Key(ref), wk), 1.0);
  ref.title = "Exercise therapy for chronic low back pain: a randomized";
  EXPECT_GE(TitleSimilarity(Key(ref), wk), 0.85);
  ref.title = "Manual therapy for acute neck pain";
  EXPECT_LT(TitleSimilarity(Key(ref), wk), 0.5);
}

TEST(TitleSimilarityTest, FindsATitleSplitIntoTheJournalField) {
  CslItem work;
  work.title =
      "Fascial tissue research in sports medicine: from molecules to tissue "
      "adaptation";
  CslItem ref;
  ref.title = "Fascial tissue research in sports medicine";
  ref.container_title = "from molecules to tissue adaptation. Br J Sports Med";
  ref.raw =
      "Zügel M, et al. Fascial tissue research in sports medicine: from "
      "molecules "
      "to tissue adaptation. Br J Sports Med. 2018;52(23):1497.";
  EXPECT_GE(TitleSimilarity(Key(ref), Key(work)), 0.9);
}

TEST(AuthorSimilarityTest, FamilyNamesInitialsAndCorporateAuthors) {
  CslItem work;
  work.author = {{"Fernández-de-las-Peñas", "César", ""},
                 {"Cleland", "Joshua", ""}};
  ItemKey wk = Key(work);
  CslItem ref;
  ref.author = {{"Fernandez-de-las-Penas", "C", ""}};
  EXPECT_DOUBLE_EQ(AuthorSimilarity(Key(ref), wk), 1.0);
  ref.author = {{"Fernández", "C.", ""}};
  EXPECT_DOUBLE_EQ(AuthorSimilarity(Key(ref), wk), 0.9);
  ref.author = {
      {"C.", "Fernández-de-las-Peñas", ""}};  // "C. Fernández..." mis-split
  EXPECT_GE(AuthorSimilarity(Key(ref), wk), 0.8);
  ref.author = {{"Cleland", "J", ""}};  // the second author cited first
  EXPECT_DOUBLE_EQ(AuthorSimilarity(Key(ref), wk), 0.5);
  ref.author = {{"Smith", "J", ""}};
  EXPECT_DOUBLE_EQ(AuthorSimilarity(Key(ref), wk), 0.0);

  CslItem who;
  who.author = {{"", "", "World Health Organization"}};
  ref.author = {{"", "", "World Health Organization"}};
  EXPECT_DOUBLE_EQ(AuthorSimilarity(Key(ref), Key(who)), 1.0);
  ref.author.clear();
  EXPECT_EQ(AuthorSimilarity(Key(ref), Key(who)), -1);
}

}  // namespace
}  // namespace evq::internal
