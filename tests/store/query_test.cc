// Store queries: claims (about, statuses, document, cites), search,
// references.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evq/store.h"
#include "store_test_util.h"

namespace evq::store_test {
namespace {

class QueryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_ = OpenStore();
    ASSERT_NE(store_, nullptr);
    // Put "b" before "a": results must still come in source order.
    ASSERT_TRUE(store_->Put(FasciaArticle("b/fascia.html")).ok());
    Analysis other;
    other.source = "a/lumbago.txt";
    other.format = "text";
    other.sentences.push_back(
        MakeClaim("LBP affects most adults at some point.", 0,
                  BackingStatus::kAttributed, {"low back pain"}));
    other.sentences.push_back(MakeNonClaim("Is your back pain real?", 40));
    other.sentences.back().conditions = {"back pain"};
    other.sentences.push_back(
        MakeClaim("Le café soulage la douleur.", 70, BackingStatus::kUnbacked));
    ASSERT_TRUE(store_->Put(other).ok());
  }

  void TearDown() override {
    if (store_ != nullptr) {
      Status s = store_->CheckIntegrity();
      EXPECT_TRUE(s.ok()) << s.message();
    }
    store_.reset();
    StoreTest::TearDown();
  }

  std::vector<std::string> Texts(const ClaimQuery& query) {
    Result<std::vector<StoredClaim>> claims = store_->Claims(query);
    EXPECT_TRUE(claims.ok()) << claims.status().message();
    std::vector<std::string> out;
    if (!claims.ok()) return out;
    for (const StoredClaim& c : claims.value()) out.push_back(c.sentence.text);
    return out;
  }

  std::unique_ptr<Store> store_;
};

const char kCited[] =
    "The thoracolumbar fascia transmits load between the trunk and limbs (1).";
const char kBoth[] = "Tight fascia may refer pain down the legs [1-2].";
const char kVague[] = "Studies show foam rolling eases lumbago within weeks.";
const char kNeck[] = "Neck pain is rarely caused by fascia alone.";
const char kLbp[] = "LBP affects most adults at some point.";
const char kCafe[] = "Le café soulage la douleur.";

TEST_F(QueryTest, AllClaimsInSourceThenPositionOrder) {
  EXPECT_EQ(Texts({}), (std::vector<std::string>{kLbp, kCafe, kCited, kBoth,
                                                 kVague, kNeck}));
  EXPECT_EQ(Texts({.limit = 2}), (std::vector<std::string>{kLbp, kCafe}));
}

TEST_F(QueryTest, AboutIncludesNarrowerConditionsAndContext) {
  // back pain: itself (as context) and low back pain (condition).
  EXPECT_EQ(Texts({.about = "back pain"}),
            (std::vector<std::string>{kLbp, kCited, kBoth, kVague}));
  // The narrower term alone does not bring its broader one.
  EXPECT_EQ(Texts({.about = "low back pain"}),
            (std::vector<std::string>{kLbp, kVague}));
  // Synonyms, case, hyphens and a simple plural resolve to the same term.
  EXPECT_EQ(Texts({.about = "lumbago"}),
            (std::vector<std::string>{kLbp, kVague}));
  EXPECT_EQ(Texts({.about = "lbp"}), (std::vector<std::string>{kLbp, kVague}));
  EXPECT_EQ(Texts({.about = "Low-Back Pain"}),
            (std::vector<std::string>{kLbp, kVague}));
  EXPECT_EQ(Texts({.about = "back pains"}),
            (std::vector<std::string>{kLbp, kCited, kBoth, kVague}));
  EXPECT_EQ(Texts({.about = "neck pain"}), (std::vector<std::string>{kNeck}));
  EXPECT_TRUE(Texts({.about = "migraine"}).empty());
  // Anatomy terms are not conditions.
  EXPECT_TRUE(Texts({.about = "fascia"}).empty());
}

TEST_F(QueryTest, ClaimMatchingSeveralWaysComesOnce) {
  Analysis doc;
  doc.source = "c/twice.txt";
  doc.format = "text";
  // Matches "back pain" through its condition, a narrower condition and its
  // context condition.
  doc.sentences.push_back(
      MakeClaim("Back pain and lumbago differ.", 0, BackingStatus::kUnbacked,
                {"back pain", "low back pain"}, {"back pain"}));
  ASSERT_TRUE(store_->Put(doc).ok());
  EXPECT_EQ(Texts({.about = "back pain", .document = "c/twice.txt"}),
            std::vector<std::string>{"Back pain and lumbago differ."});
  Result<std::vector<StoredClaim>> claims =
      store_->Claims({.about = "back pain", .document = "c/twice.txt"});
  ASSERT_TRUE(claims.ok());
  ASSERT_EQ(claims->size(), 1u);
  EXPECT_EQ((*claims)[0].sentence.conditions,
            (std::vector<std::string>{"back pain", "low back pain"}));
  EXPECT_EQ((*claims)[0].sentence.context_conditions,
            std::vector<std::string>{"back pain"});
}

TEST_F(QueryTest, StatusAndDocumentFilters) {
  EXPECT_EQ(Texts({.statuses = {BackingStatus::kCited}}),
            (std::vector<std::string>{kCited, kBoth}));
  EXPECT_EQ(
      Texts({.statuses = {BackingStatus::kVague, BackingStatus::kAttributed}}),
      (std::vector<std::string>{kLbp, kVague}));
  EXPECT_EQ(
      Texts({.about = "back pain",
             .statuses = {BackingStatus::kVague, BackingStatus::kAttributed}}),
      (std::vector<std::string>{kLbp, kVague}));
  EXPECT_EQ(Texts({.document = "a/lumbago.txt"}),
            (std::vector<std::string>{kLbp, kCafe}));
  EXPECT_EQ(Texts({.about = "back pain", .document = "b/fascia.html"}),
            (std::vector<std::string>{kCited, kBoth, kVague}));
  EXPECT_EQ(Texts({.document = "b/fascia.html", .cites = "travell"}),
            (std::vector<std::string>{kBoth}));
  EXPECT_TRUE(Texts({.document = "a/lumbago.txt", .cites = "travell"}).empty());
  EXPECT_TRUE(Texts({.about = "back pain", .document = "missing.txt"}).empty());
  EXPECT_TRUE(Texts({.document = "missing.txt"}).empty());
  EXPECT_EQ(Texts({.about = "back pain", .limit = 1}),
            (std::vector<std::string>{kLbp}));
}

TEST_F(QueryTest, CitesFilterMatchesReferenceText) {
  EXPECT_EQ(Texts({.cites = "stecco"}),
            (std::vector<std::string>{kCited, kBoth}));
  EXPECT_EQ(Texts({.cites = "travell AND simons"}),
            (std::vector<std::string>{kBoth}));
  EXPECT_EQ(Texts({.cites = "title:myofascial"}),
            (std::vector<std::string>{kBoth}));
  EXPECT_EQ(Texts({.cites = "\"journal of anatomy\""}),
            (std::vector<std::string>{kCited, kBoth}));
  EXPECT_EQ(Texts({.about = "back pain", .cites = "travell"}),
            (std::vector<std::string>{kBoth}));
  EXPECT_TRUE(Texts({.cites = "nobody"}).empty());

  Result<std::vector<StoredClaim>> bad =
      store_->Claims({.cites = "\"unbalanced"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(
      bad.status().message(),
      "claims: malformed cites query '\"unbalanced': unterminated string");
}

TEST_F(QueryTest, ClaimsComeBackWhole) {
  Result<std::vector<StoredClaim>> claims =
      store_->Claims({.document = "b/fascia.html"});
  ASSERT_TRUE(claims.ok()) << claims.status().message();
  ASSERT_EQ(claims->size(), 4u);
  const Analysis original = FasciaArticle("b/fascia.html");

  // The claim citing both references: [1-2].
  const StoredClaim& both = (*claims)[1];
  const Sentence& want = original.sentences[2];
  EXPECT_EQ(both.document, "b/fascia.html");
  EXPECT_EQ(both.sentence.text, want.text);
  EXPECT_EQ(both.sentence.start, want.start);
  EXPECT_EQ(both.sentence.end, want.end);
  EXPECT_EQ(both.sentence.role, BlockRole::kParagraph);
  EXPECT_TRUE(both.sentence.claim);
  EXPECT_EQ(both.sentence.kind, ClaimKind::kMechanism);
  EXPECT_TRUE(both.sentence.hedged);
  EXPECT_EQ(both.sentence.hedge_cues, std::vector<std::string>{"may"});
  EXPECT_FALSE(both.sentence.negated);
  EXPECT_EQ(both.sentence.status, BackingStatus::kCited);
  EXPECT_TRUE(both.sentence.conditions.empty());
  EXPECT_EQ(both.sentence.context_conditions,
            std::vector<std::string>{"back pain"});
  EXPECT_EQ(both.sentence.anatomy, std::vector<std::string>{"fascia"});
  ASSERT_EQ(both.sentence.citations.size(), 1u);
  const Citation& c = both.sentence.citations[0];
  EXPECT_EQ(c.marker, "[1-2]");
  EXPECT_EQ(c.style, CitationStyle::kNumeric);
  EXPECT_EQ(c.start, 141u);
  EXPECT_EQ(c.end, 146u);
  EXPECT_EQ(c.references, (std::vector<int>{0, 1}));
  ASSERT_EQ(both.references.size(), 2u);
  const CslItem& stecco = both.references[0];
  EXPECT_EQ(stecco.id, "ref-1");
  EXPECT_EQ(stecco.type, "article-journal");
  ASSERT_EQ(stecco.author.size(), 1u);
  EXPECT_EQ(stecco.author[0].family, "Stecco");
  EXPECT_EQ(stecco.author[0].given, "Carla");
  EXPECT_EQ(stecco.issued.year, 2018);
  EXPECT_EQ(stecco.title, "Fascial anatomy of the lumbar spine");
  EXPECT_EQ(stecco.container_title, "Journal of Anatomy");
  EXPECT_EQ(stecco.doi, "10.1111/joa.12345");
  EXPECT_EQ(stecco.citation_number, "1");
  const CslItem& travell = both.references[1];
  EXPECT_EQ(travell.type, "book");
  ASSERT_EQ(travell.author.size(), 2u);
  EXPECT_EQ(travell.author[1].family, "Simons");
  EXPECT_EQ(travell.issued.year, 1999);

  // The vague claim: backing phrase, interventions, evidence.
  const StoredClaim& vague = (*claims)[2];
  EXPECT_EQ(vague.sentence.kind, ClaimKind::kEfficacy);
  EXPECT_EQ(vague.sentence.status, BackingStatus::kVague);
  EXPECT_EQ(vague.sentence.backing_phrase, "Studies show");
  EXPECT_EQ(vague.sentence.conditions,
            std::vector<std::string>{"low back pain"});
  EXPECT_EQ(vague.sentence.interventions,
            std::vector<std::string>{"foam rolling"});
  EXPECT_EQ(vague.sentence.evidence,
            (std::vector<std::string>{"vague:studies show", "kind:efficacy"}));
  EXPECT_TRUE(vague.references.empty());
  EXPECT_TRUE((*claims)[3].sentence.negated);
}

TEST_F(QueryTest, SearchRanksAndMarksMatches) {
  Result<std::vector<SearchHit>> hits = store_->Search("fascia", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 4u);  // title, cited, both, neck
  for (size_t i = 1; i < hits->size(); ++i) {
    EXPECT_LE((*hits)[i - 1].rank, (*hits)[i].rank);
  }
  for (const SearchHit& hit : hits.value()) {
    EXPECT_EQ(hit.document, "b/fascia.html");
    const bool marked = hit.snippet.find("[fascia]") != std::string::npos ||
                        hit.snippet.find("[Fascia]") != std::string::npos;
    EXPECT_TRUE(marked) << hit.snippet;
  }
  // The shortest text with the word ranks first under bm25.
  EXPECT_EQ((*hits)[0].sentence.text, "Back Pain & Fascia");
  EXPECT_EQ((*hits)[0].sentence.role, BlockRole::kTitle);

  Result<std::vector<SearchHit>> limited = store_->Search("fascia", 2);
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->size(), 2u);

  // Diacritics are folded both ways.
  Result<std::vector<SearchHit>> cafe = store_->Search("cafe", 10);
  ASSERT_TRUE(cafe.ok());
  ASSERT_EQ(cafe->size(), 1u);
  EXPECT_EQ((*cafe)[0].snippet, "Le [café] soulage la douleur.");
  EXPECT_EQ((*cafe)[0].document, "a/lumbago.txt");

  Result<std::vector<SearchHit>> phrase = store_->Search("\"foam rolling\"", 0);
  ASSERT_TRUE(phrase.ok());
  ASSERT_EQ(phrase->size(), 1u);
  EXPECT_EQ((*phrase)[0].sentence.interventions,
            std::vector<std::string>{"foam rolling"});
}

TEST_F(QueryTest, MalformedSearchIsAnInvalidArgument) {
  Result<std::vector<SearchHit>> hits = store_->Search("\"unbalanced", 10);
  ASSERT_FALSE(hits.ok());
  EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(hits.status().message(),
            "search: malformed query '\"unbalanced': unterminated string");

  hits = store_->Search("AND", 10);
  ASSERT_FALSE(hits.ok());
  EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(hits.status().message(),
            "search: malformed query 'AND': fts5: syntax error near \"AND\"");

  hits = store_->Search("nosuchcolumn:pain", 10);
  ASSERT_FALSE(hits.ok());
  EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument);

  // The store still works afterwards.
  hits = store_->Search("lumbago", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 1u);
}

TEST_F(QueryTest, ReferencesWithTheirCitingClaims) {
  Result<std::vector<StoredReference>> refs =
      store_->References("b/fascia.html");
  ASSERT_TRUE(refs.ok()) << refs.status().message();
  ASSERT_EQ(refs->size(), 2u);
  EXPECT_EQ((*refs)[0].document, "b/fascia.html");
  EXPECT_EQ((*refs)[0].item.author[0].family, "Stecco");
  EXPECT_EQ((*refs)[0].citing_claims,
            (std::vector<std::string>{kCited, kBoth}));
  EXPECT_EQ((*refs)[1].item.author[0].family, "Travell");
  EXPECT_EQ((*refs)[1].citing_claims, std::vector<std::string>{kBoth});

  Result<std::vector<StoredReference>> all = store_->References("");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);

  Result<std::vector<StoredReference>> none =
      store_->References("a/lumbago.txt");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());

  Result<std::vector<StoredReference>> missing = store_->References("x.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "references: no document 'x.txt'");
}

}  // namespace
}  // namespace evq::store_test
