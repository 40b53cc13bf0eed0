// WorkIndex: resolving references by identifier and by fields, mismatches
// with their conflicts, unresolved references, ties and concurrent use.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "evq/csl.h"
#include "evq/works.h"

namespace evq {
namespace {

using Conflicts = std::vector<std::string>;

Work Article(const std::string& family, const std::string& given, int year,
             const std::string& title, const std::string& journal,
             const std::string& journal_short, const std::string& volume,
             const std::string& page, const std::string& doi = "",
             const std::string& pmid = "") {
  Work w;
  w.item.type = "article-journal";
  w.item.author = {{family, given, ""}, {"Okafor", "Ngozi", ""}};
  w.item.issued.year = year;
  w.item.title = title;
  w.item.container_title = journal;
  w.item.container_title_short = journal_short;
  w.item.volume = volume;
  w.item.page = page;
  w.item.doi = doi;
  w.item.pmid = pmid;
  return w;
}

// A small authority of similar-domain works.
class WorkIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.Add(Article(
        "Stecco", "Carla", 2018,
        "Fascial tissue research in sports medicine: from molecules to tissue "
        "adaptation",
        "British journal of sports medicine", "Br J Sports Med", "52", "1497-8",
        "10.1136/bjsports-2018-099308", "29764830"));
    index_.Add(
        Article("Hoffmann", "Jens", 2014,
                "Functional recovery after hip arthroplasty in older adults",
                "The Journal of bone and joint surgery. American volume",
                "J Bone Joint Surg Am", "96", "1201-9"));
    index_.Add(
        Article("Nakamura", "Yui", 2016,
                "Transcranial stimulation and motor learning after stroke",
                "Restorative neurology and neuroscience",
                "Restor Neurol Neurosci", "34", "455-63"));
    index_.Add(Article(
        "Stecco", "Carla", 2019,
        "Hyaluronan within fascia in the etiology of myofascial pain",
        "Surgical and radiologic anatomy", "Surg Radiol Anat", "41", "1-11"));
  }

  CslItem Ref(const std::string& family, const std::string& given, int year,
              const std::string& title, const std::string& journal,
              const std::string& volume = "", const std::string& page = "") {
    CslItem r;
    r.author = {{family, given, ""}};
    r.issued.year = year;
    r.title = title;
    r.container_title = journal;
    r.volume = volume;
    r.page = page;
    return r;
  }

  WorkIndex index_;
};

TEST_F(WorkIndexTest, IdentifiersDecide) {
  CslItem r;
  r.doi = "https://doi.org/10.1136/BJSPORTS-2018-099308";
  Resolution res = index_.Resolve(r);
  EXPECT_EQ(res.status, ResolutionStatus::kMatched);
  EXPECT_EQ(res.work, 0);
  EXPECT_GE(res.score, kMatchThreshold);

  r.doi = "doi:10.1136/bjsports-2018-099308";
  EXPECT_EQ(index_.Resolve(r).work, 0);

  CslItem p;
  p.pmid = "PMID: 29764830";
  EXPECT_EQ(index_.Resolve(p).status, ResolutionStatus::kMatched);
  EXPECT_EQ(index_.Resolve(p).work, 0);

  Work with_pmc =
      Article("Lee", "Ana", 2020, "A PMC work", "Pain", "", "1", "1");
  with_pmc.item.pmcid = "PMC7654321";
  int at = index_.Add(with_pmc);
  CslItem c;
  c.pmcid = "pmc7654321";
  EXPECT_EQ(index_.Resolve(c).work, at);
}

TEST_F(WorkIndexTest, IdentifierWithConflictingFieldsIsAMismatch) {
  CslItem r =
      Ref("Stecco", "C", 2015, "Fascial tissue research in sports medicine",
          "Br J Sports Med", "52", "1497");
  r.doi = "10.1136/bjsports-2018-099308";
  Resolution res = index_.Resolve(r);
  EXPECT_EQ(res.status, ResolutionStatus::kMismatch);
  EXPECT_EQ(res.work, 0);
  EXPECT_EQ(res.conflicts, (Conflicts{"year: 2015 vs 2018"}));

  // A DOI naming another work entirely: the title and author disagree.
  CslItem wrong =
      Ref("Nakamura", "Y", 2016,
          "Transcranial stimulation and motor learning after stroke", "");
  wrong.doi = "10.1136/bjsports-2018-099308";
  res = index_.Resolve(wrong);
  EXPECT_EQ(res.status, ResolutionStatus::kMismatch);
  EXPECT_EQ(res.work, 0);
  EXPECT_EQ(
      res.conflicts,
      (Conflicts{
          "first author: Nakamura Y vs Stecco Carla",
          "title: Transcranial stimulation and motor learning after stroke vs "
          "Fascial tissue research in sports medicine: from molecules to "
          "tissue "
          "adaptation",
          "year: 2016 vs 2018"}));
}

TEST_F(WorkIndexTest, UnknownIdentifierFallsBackToFields) {
  CslItem r = Ref("Hoffmann", "J", 2014,
                  "Functional recovery after hip arthroplasty in older adults",
                  "J Bone Joint Surg Am", "96", "1201");
  r.doi = "10.9999/not-in-the-authority";
  Resolution res = index_.Resolve(r);
  // The work states no DOI, so the reference's cannot conflict with it.
  EXPECT_EQ(res.status, ResolutionStatus::kMatched);
  EXPECT_EQ(res.work, 1);
}

TEST_F(WorkIndexTest, AbbreviatedJournalsMatch) {
  Resolution res = index_.Resolve(
      Ref("Hoffmann", "J", 2014,
          "Functional recovery after hip arthroplasty in older adults",
          "J Bone Joint Surg Am", "96", "1201-9"));
  EXPECT_EQ(res.status, ResolutionStatus::kMatched);
  EXPECT_EQ(res.work, 1);
  EXPECT_DOUBLE_EQ(res.score, 1.0);

  res = index_.Resolve(
      Ref("Nakamura", "Y.", 2016,
          "Transcranial stimulation and motor learning after stroke",
          "Restor. Neurol. Neurosci.", "34", "455"));
  EXPECT_EQ(res.status, ResolutionStatus::kMatched);
  EXPECT_EQ(res.work, 2);
  EXPECT_DOUBLE_EQ(res.score, 1.0);
}

TEST_F(WorkIndexTest, TyposTruncationAndInitialsMatch) {
  Resolution res = index_.Resolve(
      Ref("Stecco", "C", 2018, "Fascial tisue research in sports medicine",
          "Br J Sports Med", "52", "1497"));
  EXPECT_EQ(res.status, ResolutionStatus::kMatched);
  EXPECT_EQ(res.work, 0);
  EXPECT_GE(res.score, 0.95);

  // "G. Family" parsed the wrong way round, no journal, a year off by one
  // (epub against print).
  res = index_.Resolve(
      Ref("N.", "Nakamura", 2015,
          "Transcranial stimulation and motor lerning after stroke", ""));
  EXPECT_EQ(res.status, ResolutionStatus::kMatched);
  EXPECT_EQ(res.work, 2);
  EXPECT_GE(res.score, kMatchThreshold);
  EXPECT_LT(res.score, 1.0);
}

TEST_F(WorkIndexTest, ConflictingFieldsAreListed) {
  Resolution res = index_.Resolve(
      Ref("Hoffmann", "J", 2011,
          "Functional recovery after hip arthroplasty in older adults",
          "Clin Orthop Relat Res", "469", "88-95"));
  EXPECT_EQ(res.status, ResolutionStatus::kMismatch);
  EXPECT_EQ(res.work, 1);
  EXPECT_EQ(
      res.conflicts,
      (Conflicts{
          "year: 2011 vs 2014",
          "journal: Clin Orthop Relat Res vs The Journal of bone and joint "
          "surgery. American volume",
          "volume: 469 vs 96", "page: 88-95 vs 1201-9"}));
  EXPECT_GT(res.score, 0);

  // Only the first page is off.
  res = index_.Resolve(
      Ref("Nakamura", "Y", 2016,
          "Transcranial stimulation and motor learning after stroke",
          "Restor Neurol Neurosci", "34", "465-73"));
  EXPECT_EQ(res.status, ResolutionStatus::kMismatch);
  EXPECT_EQ(res.work, 2);
  EXPECT_EQ(res.conflicts, (Conflicts{"page: 465-73 vs 455-63"}));
}

TEST_F(WorkIndexTest, AbsentWorksAreUnresolved) {
  // Same author, same journal family, another paper.
  Resolution res = index_.Resolve(
      Ref("Stecco", "C", 2018,
          "Thoracolumbar fascia thickness in chronic low back pain",
          "Br J Sports Med", "52", "1520"));
  EXPECT_EQ(res.status, ResolutionStatus::kUnresolved);
  EXPECT_EQ(res.work, -1);
  EXPECT_TRUE(res.conflicts.empty());

  CslItem book;
  book.type = "book";
  book.author = {{"Myers", "Thomas", ""}};
  book.issued.year = 2014;
  book.title =
      "Anatomy Trains: Myofascial Meridians for Manual and Movement Therapists";
  book.publisher = "Churchill Livingstone";
  EXPECT_EQ(index_.Resolve(book).status, ResolutionStatus::kUnresolved);

  EXPECT_EQ(index_.Resolve(CslItem{}).status, ResolutionStatus::kUnresolved);
}

TEST_F(WorkIndexTest, CorporateAuthors) {
  Work w;
  w.item.author = {{"", "", "World Health Organization"}};
  w.item.issued.year = 2021;
  w.item.title =
      "Guidelines on the management of chronic primary low back pain in adults";
  int at = index_.Add(w);
  CslItem r;
  r.author = {{"", "", "World Health Organization"}};
  r.issued.year = 2021;
  r.title =
      "Guidelines on the management of chronic primary low back pain in adults";
  r.publisher = "WHO";
  Resolution res = index_.Resolve(r);
  EXPECT_EQ(res.status, ResolutionStatus::kMatched);
  EXPECT_EQ(res.work, at);
}

TEST(WorkIndexTieTest, TiesGoToTheLowerIndex) {
  WorkIndex index;
  Work w =
      Article("Berg", "Ida", 2020, "Sleep quality and chronic pain in nurses",
              "Pain Medicine", "Pain Med", "21", "100-8");
  index.Add(Work{});  // a work with nothing to match
  index.Add(w);
  index.Add(w);
  Resolution res = index.Resolve(w.item);
  EXPECT_EQ(res.status, ResolutionStatus::kMatched);
  EXPECT_EQ(res.work, 1);
  EXPECT_EQ(index.size(), 3u);
  EXPECT_EQ(index.work(2).item.title, w.item.title);
}

TEST(WorkIndexMoveTest, MovedIndexKeepsItsWorks) {
  WorkIndex a;
  a.Add(Article("Berg", "Ida", 2020, "Sleep quality and chronic pain in nurses",
                "Pain Medicine", "Pain Med", "21", "100-8"));
  WorkIndex b = std::move(a);
  EXPECT_EQ(b.size(), 1u);
  CslItem r;
  r.author = {{"Berg", "I", ""}};
  r.issued.year = 2020;
  r.title = "Sleep quality and chronic pain in nurses";
  EXPECT_EQ(b.Resolve(r).work, 0);
}

TEST_F(WorkIndexTest, ParsedReferenceStringsResolve) {
  Resolution res = index_.Resolve(
      ParseReference("Nakamura Y, Okafor N. Transcranial stimulation and motor "
                     "learning after stroke. "
                     "Restor Neurol Neurosci. 2016;34(3):455-63."));
  EXPECT_EQ(res.status, ResolutionStatus::kMatched);
  EXPECT_EQ(res.work, 2);
  res = index_.Resolve(
      ParseReference("Hoffmann, J., & Okafor, N. (2014). Functional recovery "
                     "after hip arthroplasty in "
                     "older adults. The Journal of Bone and Joint Surgery, "
                     "96(14), 1201-1209."));
  EXPECT_EQ(res.status, ResolutionStatus::kMatched);
  EXPECT_EQ(res.work, 1);
}

TEST_F(WorkIndexTest, ConcurrentResolveGivesTheSameResults) {
  std::vector<CslItem> refs = {
      Ref("Stecco", "C", 2018, "Fascial tissue research in sports medicine",
          "Br J Sports Med"),
      Ref("Hoffmann", "J", 2011,
          "Functional recovery after hip arthroplasty in older adults",
          "Clin Orthop Relat Res", "469", "88-95"),
      Ref("Nakamura", "Y", 2016,
          "Transcranial stimulation and motor learning after stroke",
          "Restor Neurol Neurosci", "34", "455"),
      Ref("Myers", "T", 2014, "Anatomy trains", ""),
  };
  std::vector<Resolution> expected;
  for (const CslItem& r : refs) expected.push_back(index_.Resolve(r));
  // Every thread resolves every reference many times; any result that
  // differs from the single-threaded one is counted.
  std::vector<int> differing(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < refs.size(); ++i) {
          size_t k = (i + static_cast<size_t>(t)) % refs.size();
          Resolution r = index_.Resolve(refs[k]);
          const Resolution& want = expected[k];
          if (r.status != want.status || r.work != want.work ||
              r.score != want.score || r.conflicts != want.conflicts) {
            ++differing[static_cast<size_t>(t)];
          }
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(differing, (std::vector<int>{0, 0, 0, 0}));
  EXPECT_EQ(expected[0].status, ResolutionStatus::kMatched);
  EXPECT_EQ(expected[1].status, ResolutionStatus::kMismatch);
  EXPECT_EQ(expected[3].status, ResolutionStatus::kUnresolved);
}

}  // namespace
}  // namespace evq
