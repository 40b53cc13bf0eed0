// evq/ask.h: everyday questions turned into structured queries.
//
// ParseQuestion reads the forms people use ("which claims about sciatica are
// not backed by references?", "which claims cite Travell and Simons?",
// "which references are never cited?", "which documents have the most
// unbacked claims?", "what does the corpus say about foam rolling?") and
// returns a Question: what to list and with which filters. Running it is a
// matter of calling the Store (see AnswerQuestion).
//
// Ownership: plain values. Thread safety: ParseQuestion is reentrant and may
// share one Vocabulary across threads; AnswerQuestion uses the given Store,
// which must be used by one thread at a time.
#ifndef EVQ_ASK_H_
#define EVQ_ASK_H_

#include <string>
#include <vector>

#include "evq/export.h"
#include "evq/status.h"
#include "evq/store.h"
#include "evq/vocabulary.h"

namespace evq {

struct Question {
  enum class Kind {
    kClaims,                 // claims matching `claims` (about, status, cites)
    kTopic,                  // claims mentioning a treatment or body part
    kUncitedReferences,      // references no claim cites
    kDocumentsByStatus,      // documents ranked by claims with `claims.statuses`
    kUnresolvedReferences,   // references matching no known work
  };
  Kind kind = Kind::kClaims;
  ClaimQuery claims;         // filters for kClaims and kDocumentsByStatus
  std::string topic;         // canonical term for kTopic
  std::vector<std::string> topic_forms;  // the term's name and synonyms
};

// The question as the equivalent evq command line, for --explain:
// "evq claims --about sciatica --unbacked".
EVQ_EXPORT std::string DescribeQuestion(const Question& q);

// Reads a question. Errors (kInvalidArgument) say what was not understood
// and list the forms evq knows.
EVQ_EXPORT Result<Question> ParseQuestion(const std::string& text, const Vocabulary& vocab);

// The forms ParseQuestion understands, one example a line.
EVQ_EXPORT const std::vector<std::string>& QuestionForms();

// One row of a ranking of documents.
struct DocumentCount {
  std::string document;
  int64_t count = 0;
};

// What a question returns: claims (kClaims, kTopic), references
// (kUncitedReferences) or documents (kDocumentsByStatus).
struct Answer {
  std::vector<StoredClaim> claims;
  std::vector<StoredReference> references;
  std::vector<DocumentCount> documents;
};

// Runs `q` against `store`.
EVQ_EXPORT Result<Answer> AnswerQuestion(const Question& q, Store& store);

}  // namespace evq

#endif  // EVQ_ASK_H_
