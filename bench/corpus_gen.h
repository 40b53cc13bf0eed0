// bench/corpus_gen.h: a deterministic synthetic corpus of health articles.
//
// GenerateCorpus writes Markdown and plain-text articles built from the
// vocabulary's conditions, interventions and anatomy: a title, a byline,
// headed sections of paragraphs whose sentences make efficacy, mechanism,
// epidemiology, prognosis, symptom, safety and definition claims, hedged
// ("may", "can") or not, some backed by numeric "(1)" / "[2-4]" or
// author-year "(Smith et al., 2019)" markers, some by vague appeals ("studies
// show"), some dangling, and a reference list in Vancouver or APA style.
//
// The same seed, size and vocabulary give byte-identical files on every
// platform: the generator uses its own random number generator, not <random>'s
// distributions (whose results are implementation-defined).
#ifndef EVQ_BENCH_CORPUS_GEN_H_
#define EVQ_BENCH_CORPUS_GEN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "evq/status.h"
#include "evq/vocabulary.h"

namespace evq::bench {

struct CorpusOptions {
  uint64_t seed = 20240611;
  // Total bytes of article text to write (approximately; whole documents).
  uint64_t target_bytes = 100ull << 20;
  // Average document size in bytes; the count is target_bytes / this.
  uint64_t average_document_bytes = 20 << 10;
  // Entries per reference list, drawn uniformly from [min, max].
  int min_references = 8;
  int max_references = 25;
};

struct Corpus {
  std::vector<std::string> paths;  // in generation order
  uint64_t bytes = 0;              // total size of the files
  uint64_t markdown_documents = 0;
  uint64_t text_documents = 0;
  uint64_t reference_entries = 0;  // reference-list entries written
};

// The conditions the corpus mentions most often (present in the builtin
// vocabulary), used for the claims --about queries too.
std::vector<std::string> PopularConditions(const Vocabulary& vocab);

// Writes the corpus into the existing directory `dir`.
Result<Corpus> GenerateCorpus(const Vocabulary& vocab, const std::string& dir,
                              const CorpusOptions& options);

}  // namespace evq::bench

#endif  // EVQ_BENCH_CORPUS_GEN_H_
