// bench/pubmed_gen.h: a deterministic synthetic PubMed baseline file.
//
// WritePubmedFile writes a PubmedArticleSet of `records` PubmedArticle
// records shaped like the annual baseline's: PMID, dates, Journal with
// JournalIssue and PubDate, ArticleTitle, Pagination, ELocationID, an
// Abstract (mostly labelled BACKGROUND/OBJECTIVE/METHODS/RESULTS/CONCLUSIONS
// sections, some unlabelled, a few records without one), AuthorList with
// affiliations and some ORCIDs, PublicationTypeList, MeshHeadingList (topics
// such as "Low Back Pain", "Myalgia", "Massage" with qualifiers, and check
// tags), KeywordList, PubmedData History and ArticleIdList, and for about a
// third of the records a ReferenceList. Sentences name the vocabulary's
// conditions (most often the popular ones of corpus_gen.h),
// interventions and anatomy. About 7 KB a record.
//
// The same seed, count and vocabulary give byte-identical files everywhere
// (splitmix64, no <random> distributions).
#ifndef EVQ_BENCH_PUBMED_GEN_H_
#define EVQ_BENCH_PUBMED_GEN_H_

#include <cstdint>
#include <string>

#include "evq/status.h"
#include "evq/vocabulary.h"

namespace evq::bench {

// Writes the file at `path`; returns its size in bytes.
Result<uint64_t> WritePubmedFile(const Vocabulary& vocab,
                                 const std::string& path, int records,
                                 uint64_t seed);

}  // namespace evq::bench

#endif  // EVQ_BENCH_PUBMED_GEN_H_
