// Known works in the store: bibliographies as authority, references resolved
// on Put and again on PutWorks, works inferred across documents, retracted
// citations in claims, and the works and cites queries.
#include "evq/works.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "evq/store.h"
#include "store_test_util.h"

namespace evq::store_test {
namespace {

using WorksTest = StoreTest;

// The authority: Stecco 2018 (by DOI), retracted; and an unrelated paper.
std::vector<Work> Authority() {
  Work stecco;
  stecco.item = MakeReference("Stecco", "Carla", 2018,
                              "Fascial anatomy of the lumbar spine",
                              "Journal of Anatomy");
  stecco.item.doi = "10.1111/JOA.12345";
  stecco.item.pmid = "29000001";
  stecco.item.volume = "232";
  stecco.retracted = true;
  stecco.retraction_evidence =
      "Retraction Watch record 7: Retraction 2020-01-02";
  stecco.publication_types = {"Journal Article", "Retracted Publication"};
  Work other;
  other.item = MakeReference("Langevin", "Helene", 2011,
                             "Reduced thoracolumbar fascia shear strain in "
                             "human chronic low back pain",
                             "BMC Musculoskeletal Disorders");
  return {stecco, other};
}

const StoredWork* FindWork(const std::vector<StoredWork>& works,
                           const std::string& title) {
  for (const StoredWork& w : works) {
    if (w.work.item.title == title) return &w;
  }
  return nullptr;
}

TEST_F(WorksTest, ReferencesResolveAgainstWorksImportedBefore) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  int64_t skipped = -1;
  ASSERT_TRUE(store->PutWorks("authority.bib", Authority(), &skipped).ok());
  EXPECT_EQ(skipped, 0);
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());

  Result<std::vector<StoredReference>> refs = store->References("fascia.html");
  ASSERT_TRUE(refs.ok()) << refs.status().message();
  ASSERT_EQ(refs->size(), 2u);
  const ReferenceResolution& stecco = (*refs)[0].resolution;
  EXPECT_EQ(stecco.status, ResolutionStatus::kMatched);
  EXPECT_GE(stecco.score, kMatchThreshold);
  EXPECT_NE(stecco.work, 0);
  EXPECT_EQ(stecco.work, stecco.candidate);
  EXPECT_TRUE(stecco.retracted);
  EXPECT_EQ(stecco.retraction_evidence,
            "Retraction Watch record 7: Retraction 2020-01-02");
  // Travell's book is in no authority: unresolved, never "fake", and still
  // a work of its own (inferred).
  const ReferenceResolution& travell = (*refs)[1].resolution;
  EXPECT_EQ(travell.status, ResolutionStatus::kUnresolved);
  EXPECT_EQ(travell.candidate, 0);
  EXPECT_NE(travell.work, 0);
  EXPECT_FALSE(travell.retracted);

  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->by_resolution[static_cast<int>(ResolutionStatus::kMatched)],
            1);
  EXPECT_EQ(
      stats->by_resolution[static_cast<int>(ResolutionStatus::kUnresolved)], 1);
  EXPECT_EQ(stats->works, 3);  // two from the bibliography, one inferred
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(WorksTest, BibliographyImportedAfterDocumentsResolvesThemAgain) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  Result<std::vector<StoredReference>> before = store->References("");
  ASSERT_TRUE(before.ok());
  EXPECT_EQ((*before)[0].resolution.status, ResolutionStatus::kUnresolved);

  ASSERT_TRUE(store->PutWorks("authority.bib", Authority()).ok());
  Result<std::vector<StoredReference>> after = store->References("");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)[0].resolution.status, ResolutionStatus::kMatched);
  EXPECT_TRUE((*after)[0].resolution.retracted);
  // The inferred work Stecco had is gone: it is now the authority's.
  WorkQuery all;
  Result<std::vector<StoredWork>> works = store->Works(all);
  ASSERT_TRUE(works.ok());
  int stecco_works = 0;
  for (const StoredWork& w : *works) {
    stecco_works +=
        w.work.item.title == "Fascial anatomy of the lumbar spine" ? 1 : 0;
  }
  EXPECT_EQ(stecco_works, 1);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(WorksTest, PutWorksReplacesTheWorksOfTheSameSource) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  ASSERT_TRUE(store->PutWorks("authority.bib", Authority()).ok());
  std::vector<Work> fixed = Authority();
  fixed[0].retracted = false;
  fixed[0].retraction_evidence.clear();
  ASSERT_TRUE(store->PutWorks("authority.bib", fixed).ok());
  WorkQuery q;
  q.authority_only = true;
  Result<std::vector<StoredWork>> works = store->Works(q);
  ASSERT_TRUE(works.ok());
  EXPECT_EQ(works->size(), 2u);
  Result<std::vector<StoredReference>> refs = store->References("");
  ASSERT_TRUE(refs.ok());
  EXPECT_EQ((*refs)[0].resolution.status, ResolutionStatus::kMatched);
  EXPECT_FALSE((*refs)[0].resolution.retracted);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(WorksTest, ClaimsCitingRetractedWorksAreFlagged) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutWorks("authority.bib", Authority()).ok());
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());

  ClaimQuery q;
  q.cites_retracted = true;
  Result<std::vector<StoredClaim>> claims = store->Claims(q);
  ASSERT_TRUE(claims.ok()) << claims.status().message();
  // Both cited claims cite Stecco ([1] and [1-2]).
  ASSERT_EQ(claims->size(), 2u);
  const StoredClaim& both = (*claims)[1];
  ASSERT_EQ(both.references.size(), 2u);
  ASSERT_EQ(both.resolutions.size(), 2u);
  EXPECT_TRUE(both.resolutions[0].retracted);
  EXPECT_FALSE(both.resolutions[1].retracted);

  nlohmann::json j = nlohmann::json::parse(StoredClaimToJson(both));
  ASSERT_EQ(j["retracted_citations"].size(), 1u);
  EXPECT_EQ(j["retracted_citations"][0]["marker"], "[1-2]");
  EXPECT_EQ(j["retracted_citations"][0]["DOI"], "10.1111/joa.12345");
  EXPECT_EQ(j["retracted_citations"][0]["evidence"],
            "Retraction Watch record 7: Retraction 2020-01-02");
  EXPECT_EQ(j["citations"][0]["reference"]["evq:resolution"]["status"],
            "matched");
  EXPECT_EQ(j["citations"][1]["reference"]["evq:resolution"]["status"],
            "unresolved");
  // Claims that cite nothing retracted carry an empty list.
  ClaimQuery vague;
  vague.statuses = {BackingStatus::kVague};
  Result<std::vector<StoredClaim>> others = store->Claims(vague);
  ASSERT_TRUE(others.ok());
  ASSERT_EQ(others->size(), 1u);
  EXPECT_TRUE(nlohmann::json::parse(
                  StoredClaimToJson((*others)[0]))["retracted_citations"]
                  .empty());

  // Filters combine: retracted and cited together with a status.
  q.statuses = {BackingStatus::kVague};
  claims = store->Claims(q);
  ASSERT_TRUE(claims.ok());
  EXPECT_TRUE(claims->empty());
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(WorksTest, OnePublicationCitedInTwoStylesIsOneWork) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Put(FasciaArticle("a.html")).ok());
  // The same book cited APA-style elsewhere: initials, "&", another title
  // case, and the second author first only in the given names.
  Analysis b = FasciaArticle("b.html");
  b.references[1].author = {CslName{"Travell", "J. G.", ""},
                            CslName{"Simons", "D. G.", ""}};
  b.references[1].title = "Myofascial Pain and Dysfunction";
  b.references[1].container_title.clear();
  b.references[1].publisher = "Williams & Wilkins";
  ASSERT_TRUE(store->Put(b).ok());

  WorkQuery q;
  q.most_cited = true;
  Result<std::vector<StoredWork>> works = store->Works(q);
  ASSERT_TRUE(works.ok()) << works.status().message();
  const StoredWork* travell =
      FindWork(*works, "Myofascial pain and dysfunction");
  ASSERT_NE(travell, nullptr);
  EXPECT_EQ(travell->origin, "references");
  EXPECT_EQ(travell->references, 2);
  EXPECT_EQ(travell->documents, 2);
  EXPECT_EQ(travell->claims, 2);  // the [1-2] claim of each document
  // Stecco is cited by two claims in each document: first when most cited.
  EXPECT_EQ(works->front().work.item.title,
            "Fascial anatomy of the lumbar spine");
  EXPECT_EQ(works->front().claims, 4);

  ClaimQuery cites;
  cites.cites_work = travell->id;
  Result<std::vector<StoredClaim>> claims = store->Claims(cites);
  ASSERT_TRUE(claims.ok());
  ASSERT_EQ(claims->size(), 2u);
  EXPECT_EQ((*claims)[0].document, "a.html");
  EXPECT_EQ((*claims)[1].document, "b.html");
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(WorksTest, ReimportingDocumentsKeepsWorksConsistent) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  for (int round = 0; round < 3; ++round) {
    ASSERT_TRUE(store->Put(FasciaArticle("a.html")).ok());
    ASSERT_TRUE(store->Put(FasciaArticle("b.html")).ok());
  }
  WorkQuery q;
  Result<std::vector<StoredWork>> works = store->Works(q);
  ASSERT_TRUE(works.ok());
  // Orphaned inferred works of replaced documents are not listed.
  EXPECT_EQ(works->size(), 2u);
  for (const StoredWork& w : *works) EXPECT_EQ(w.documents, 2);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(WorksTest, ScholarlyDocumentsAreWorksOthersCanCite) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  // A citing article stored first, the PubMed record it cites second.
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());
  Analysis record;
  record.source = "pubmed.xml#29000001";
  record.format = "pubmed";
  record.title = "Fascial anatomy of the lumbar spine";
  record.metadata.pmid = "29000001";
  record.metadata.doi = "10.1111/joa.12345";
  record.metadata.journal = "Journal of Anatomy";
  record.metadata.retracted = true;
  record.metadata.retraction_evidence =
      "publication type Retracted Publication";
  record.metadata.citation = Authority()[0].item;
  ASSERT_TRUE(store->Put(record).ok());
  int64_t resolved = 0;
  ASSERT_TRUE(store->ResolveReferences(&resolved).ok());
  EXPECT_EQ(resolved, 2);

  ClaimQuery q;
  q.cites_retracted = true;
  Result<std::vector<StoredClaim>> claims = store->Claims(q);
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims->size(), 2u);
  WorkQuery wq;
  wq.pmid = "29000001";
  Result<std::vector<StoredWork>> works = store->Works(wq);
  ASSERT_TRUE(works.ok());
  ASSERT_EQ(works->size(), 1u);
  EXPECT_EQ(works->front().origin, "document");
  EXPECT_EQ(works->front().work.source, "pubmed.xml#29000001");
  EXPECT_EQ(works->front().documents, 1);
  // Re-storing the record unchanged keeps its id.
  ASSERT_TRUE(store->Put(record).ok());
  Result<std::vector<StoredWork>> again = store->Works(wq);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ(again->front().id, works->front().id);
  // Changed (the retraction withdrawn), it keeps its id too, and the
  // references naming it see the change.
  record.metadata.retracted = false;
  record.metadata.retraction_evidence.clear();
  ASSERT_TRUE(store->Put(record).ok());
  again = store->Works(wq);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ(again->front().id, works->front().id);
  EXPECT_FALSE(again->front().work.retracted);
  claims = store->Claims(q);
  ASSERT_TRUE(claims.ok());
  EXPECT_TRUE(claims->empty());
  WorkQuery text;
  text.text = "fascial lumbar";
  Result<std::vector<StoredWork>> found = store->Works(text);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 1u);  // the record: both references name it
  EXPECT_TRUE(store->CheckIntegrity().ok())
      << store->CheckIntegrity().message();
}

TEST_F(WorksTest, WorksQueryFiltersAndReportsBadQueries) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutWorks("authority.bib", Authority()).ok());
  WorkQuery q;
  q.text = "thoracolumbar shear";
  Result<std::vector<StoredWork>> works = store->Works(q);
  ASSERT_TRUE(works.ok());
  ASSERT_EQ(works->size(), 1u);
  EXPECT_EQ(works->front().work.item.author[0].family, "Langevin");
  EXPECT_EQ(works->front().origin, "bibliography");
  EXPECT_EQ(works->front().work.source, "authority.bib");

  WorkQuery doi;
  doi.doi = "10.1111/joa.12345";  // DOIs compare without case
  works = store->Works(doi);
  ASSERT_TRUE(works.ok());
  ASSERT_EQ(works->size(), 1u);
  EXPECT_TRUE(works->front().work.retracted);
  EXPECT_EQ(works->front().work.publication_types.size(), 2u);

  WorkQuery retracted;
  retracted.retracted_only = true;
  retracted.cited_only = true;  // nothing cites it yet
  works = store->Works(retracted);
  ASSERT_TRUE(works.ok());
  EXPECT_TRUE(works->empty());

  WorkQuery bad;
  bad.text = "\"unbalanced";
  works = store->Works(bad);
  ASSERT_FALSE(works.ok());
  EXPECT_EQ(works.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(works.status().message().rfind(
                "works: malformed query '\"unbalanced': ", 0),
            0u)
      << works.status().message();
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(WorksTest, WorksWithoutTitleOrIdentifierAreSkipped) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  std::vector<Work> works = Authority();
  works.push_back(Work());  // nothing to name it by
  int64_t skipped = 0;
  ASSERT_TRUE(store->PutWorks("authority.bib", works, &skipped).ok());
  EXPECT_EQ(skipped, 1);
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->works, 2);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(WorksTest, RetractionWatchFlagsThePubmedRecordItNamesByIdentifier) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  // PubMed knows the paper but does not flag it; the Retraction Watch row
  // names it by PMID (and a DOI in another case).
  std::vector<Work> pubmed = Authority();
  pubmed[0].retracted = false;
  pubmed[0].retraction_evidence.clear();
  ASSERT_TRUE(store->PutWorks("pubmed.xml", pubmed).ok());
  Work row;
  row.item.title = "Fascial anatomy of the lumbar spine";
  row.item.pmid = "29000001";
  row.item.doi = "10.1111/joa.12345";
  row.retracted = true;
  row.retraction_evidence = "Retraction Watch record 9: Retraction 2021-03-04";
  ASSERT_TRUE(store->PutWorks("rw.csv", {row}).ok());
  ASSERT_TRUE(store->Put(FasciaArticle()).ok());

  ClaimQuery q;
  q.cites_retracted = true;
  Result<std::vector<StoredClaim>> claims = store->Claims(q);
  ASSERT_TRUE(claims.ok()) << claims.status().message();
  ASSERT_EQ(claims->size(), 2u);
  EXPECT_TRUE((*claims)[0].resolutions[0].retracted);
  EXPECT_EQ((*claims)[0].resolutions[0].retraction_evidence,
            "Retraction Watch record 9: Retraction 2021-03-04");
  WorkQuery wq;
  wq.retracted_only = true;
  Result<std::vector<StoredWork>> works = store->Works(wq);
  ASSERT_TRUE(works.ok()) << works.status().message();
  EXPECT_EQ(works->size(), 2u);  // the PubMed record and the row itself
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

}  // namespace
}  // namespace evq::store_test
