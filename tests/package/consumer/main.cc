// Imports a directory of articles and prints the claims about back pain that
// no reference backs: the README's main job, through the installed library.
//
// usage: unbacked_back_pain DATABASE ARTICLE_DIR
#include <cstdio>

#include "evq/corpus.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DATABASE ARTICLE_DIR\n", argv[0]);
    return 2;
  }
  auto corpus = evq::Corpus::Open(argv[1]);
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s\n", corpus.status().message().c_str());
    return 2;
  }
  auto outcomes = (*corpus)->ImportDirectory(argv[2]);
  if (!outcomes.ok()) {
    std::fprintf(stderr, "%s\n", outcomes.status().message().c_str());
    return 2;
  }
  for (const evq::FileOutcome& file : *outcomes) {
    if (!file.status.ok()) std::fprintf(stderr, "%s\n", file.status.message().c_str());
  }
  evq::ClaimQuery query;
  query.about = "back pain";
  query.statuses = {evq::BackingStatus::kAttributed, evq::BackingStatus::kDangling,
                    evq::BackingStatus::kVague, evq::BackingStatus::kListed,
                    evq::BackingStatus::kUnbacked};
  int n = 0;
  evq::Status s = (*corpus)->ForEachClaim(query, [&n](const evq::StoredClaim& claim) {
    std::printf("%s [%s] %s\n", claim.document.c_str(),
                evq::BackingStatusName(claim.sentence.status), claim.sentence.text.c_str());
    ++n;
    return true;
  });
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 2;
  }
  std::printf("%d unbacked claims about back pain in %zu files\n", n, outcomes->size());
  return n > 0 ? 0 : 1;
}
