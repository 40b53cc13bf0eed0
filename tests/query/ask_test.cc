#include "evq/ask.h"

#include <gtest/gtest.h>

namespace evq {
namespace {

const Vocabulary& Vocab() {
  static Vocabulary* v =
      new Vocabulary(std::move(Vocabulary::Builtin()).value());
  return *v;
}

Question Parse(const std::string& text) {
  Result<Question> q = ParseQuestion(text, Vocab());
  EXPECT_TRUE(q.ok()) << q.status().message();
  return q.ok() ? *q : Question{};
}

TEST(AskTest, ClaimsAboutAConditionNotBacked) {
  Question q =
      Parse("Which claims about sciatica are not backed by references?");
  EXPECT_EQ(q.kind, Question::Kind::kClaims);
  EXPECT_EQ(q.claims.about, "sciatica");
  EXPECT_EQ(q.claims.statuses.size(), 5u);
  EXPECT_EQ(DescribeQuestion(q), "evq claims --about 'sciatica' --unbacked");
}

TEST(AskTest, SynonymsResolveToTheCanonicalCondition) {
  Question q = Parse("what claims about LBP are backed?");
  EXPECT_EQ(q.claims.about, "low back pain");
  EXPECT_EQ(DescribeQuestion(q), "evq claims --about 'low back pain' --backed");
  EXPECT_EQ(Parse("which claims about lumbago are dangling?").claims.statuses,
            std::vector<BackingStatus>{BackingStatus::kDangling});
}

TEST(AskTest, CitesAuthors) {
  Question q = Parse("Which claims cite Travell & Simons?");
  EXPECT_EQ(q.claims.cites, "\"travell\" \"simons\"");
}

TEST(AskTest, ReferencesAndDocuments) {
  EXPECT_EQ(Parse("which references are never cited?").kind,
            Question::Kind::kUncitedReferences);
  Question d = Parse("Which documents have the most unbacked claims?");
  EXPECT_EQ(d.kind, Question::Kind::kDocumentsByStatus);
  EXPECT_EQ(d.claims.statuses.size(), 5u);
}

TEST(AskTest, UnresolvedReferencesAndRetractedCitations) {
  for (const char* q : {"which references resolve to nothing?",
                        "Which references resolve to no known work?",
                        "which references are unresolved?"}) {
    Question u = Parse(q);
    EXPECT_EQ(u.kind, Question::Kind::kUnresolvedReferences) << q;
    EXPECT_EQ(DescribeQuestion(u), "evq references --resolution unresolved");
  }
  Question r = Parse("which claims cite retracted works?");
  EXPECT_EQ(r.kind, Question::Kind::kClaims);
  EXPECT_TRUE(r.claims.cites_retracted);
  EXPECT_TRUE(r.claims.cites.empty());
  EXPECT_EQ(DescribeQuestion(r), "evq claims --cites-retracted");
  // "never cited" is still the other question.
  EXPECT_EQ(Parse("which references are never cited?").kind,
            Question::Kind::kUncitedReferences);
}

TEST(AskTest, TopicForATreatment) {
  Question q = Parse("What does the corpus say about foam rolling?");
  EXPECT_EQ(q.kind, Question::Kind::kTopic);
  EXPECT_EQ(q.topic, "foam rolling");
  EXPECT_FALSE(q.topic_forms.empty());
}

TEST(AskTest, UnreadableQuestionsListTheForms) {
  Result<Question> q = ParseQuestion("how tall is the moon", Vocab());
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().message().rfind("ask: cannot read 'how tall is the "
                                       "moon'\nquestions evq understands:\n",
                                       0),
            0u)
      << q.status().message();
  Result<Question> unknown =
      ParseQuestion("which claims about moonburn are not backed?", Vocab());
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(
      unknown.status().message().find("no condition, treatment or body part "
                                      "called 'moonburn' in the vocabulary"),
      std::string::npos);
}

}  // namespace
}  // namespace evq
