// evq/analysis.h: what evq decides about every sentence of a document.
//
// Analyze() takes an imported Document and returns its sentences, each with
// the claim record of the evidence model (shared/evidence-model.md): whether
// it is a claim, its kind, hedging, negation, backing status, citations, and
// the conditions, interventions and anatomy it is about. It also returns the
// document's reference list parsed into CSL items.
//
// Ownership: results are plain values that own their strings.
// Thread safety: Analyze is reentrant; one Vocabulary may be shared by any
// number of threads calling Analyze at once.
#ifndef EVQ_ANALYSIS_H_
#define EVQ_ANALYSIS_H_

#include <string>
#include <vector>

#include "evq/csl.h"
#include "evq/document.h"
#include "evq/export.h"
#include "evq/vocabulary.h"

namespace evq {

// What a claim asserts, per the evidence model ("efficacy": a treatment
// works; "mechanism": how the body works; ...).
enum class ClaimKind {
  kEfficacy,
  kMechanism,
  kEpidemiology,
  kPrognosis,
  kSymptom,
  kSafety,
  kDefinition,
  kOther,
};

// Backing status, in the evidence model's order of precedence.
enum class BackingStatus {
  kCited,
  kAttributed,
  kDangling,
  kVague,
  kListed,
  kUnbacked,
};

EVQ_EXPORT const char* ClaimKindName(ClaimKind kind);          // "efficacy", ...
EVQ_EXPORT const char* BackingStatusName(BackingStatus status);  // "cited", ...
// Parses "cited", "dangling", ... ; false when `name` is not a status.
EVQ_EXPORT bool ParseBackingStatus(const std::string& name, BackingStatus* out);

// How a citation marker is written: "(1)" / "[3-5]", "(Stecco et al.,
// 2018)", "Travell and Simons (1999)", or a link the markup states.
enum class CitationStyle { kNumeric, kAuthorYear, kNarrative, kMarkup };

// A citation marker found in a sentence.
struct Citation {
  std::string marker;  // as written: "(1)", "[3-5]", "(Stecco et al., 2018)"
  CitationStyle style = CitationStyle::kNumeric;
  size_t start = 0;  // bytes into Document::text
  size_t end = 0;
  // Indexes into Analysis::references of the entries it resolves to; empty
  // when it dangles. A range "[3-5]" resolves to three.
  std::vector<int> references;
};

// One sentence (or heading, list item, ...) and what evq decided about it.
struct Sentence {
  std::string text;
  size_t start = 0;  // bytes into Document::text
  size_t end = 0;
  // 1-based line and column (in bytes) of `start` in Document::text; for
  // text and Markdown these are positions in the file.
  int line = 0;
  int column = 0;
  BlockRole role = BlockRole::kParagraph;
  bool claim = false;
  // The author marked this sentence's block with "evq-ignore".
  bool ignored = false;
  ClaimKind kind = ClaimKind::kOther;
  bool hedged = false;
  std::vector<std::string> hedge_cues;
  bool negated = false;
  BackingStatus status = BackingStatus::kUnbacked;
  // The phrase that made a claim vague or attributed ("studies show").
  std::string backing_phrase;
  std::vector<std::string> conditions;
  std::vector<std::string> context_conditions;
  std::vector<std::string> interventions;
  std::vector<std::string> anatomy;
  std::vector<Citation> citations;
  // Why evq decided what it did: cue words and rules, for --explain.
  std::vector<std::string> evidence;
};

// A document after analysis.
struct Analysis {
  std::string source;
  std::string format;
  std::string title;
  bool has_reference_list = false;
  std::vector<CslItem> references;  // the reference list, parsed, in order
  std::vector<Sentence> sentences;  // in reading order
  std::vector<Diagnostic> diagnostics;
  // Conditions the source itself assigns the document (PubMed MeSH
  // headings found in the vocabulary), canonical names; claims that name no
  // condition and have no heading or title context take these as context.
  std::vector<std::string> conditions;
  DocumentMetadata metadata;  // as imported
};

// Options for Analyze.
struct AnalyzeOptions {
  // Treat every block as one sentence (for line-per-sentence inputs).
  bool one_sentence_per_block = false;
};

// Splits, classifies and links the whole document. Never fails on odd text:
// the worst input yields sentences that are not claims. Reads `doc` and
// `vocab` only during the call; the result owns copies of what it needs.
EVQ_EXPORT Analysis Analyze(const Document& doc, const Vocabulary& vocab,
                 const AnalyzeOptions& options = {});

// The evidence model's JSON record of sentence `s` of document `document`
// (one line, no trailing newline), with "claim" and "role" added.
// `references` is the vector that s.citations[i].references index into
// (Analysis::references, or StoredClaim::references).
EVQ_EXPORT std::string SentenceToJson(const std::string& document, const Sentence& s,
                           const std::vector<CslItem>& references);

}  // namespace evq

#endif  // EVQ_ANALYSIS_H_
