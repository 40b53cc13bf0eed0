// Turns the tagger's labelled token spans into CSL fields, reusing the rule
// parser's normalisers for each field (names, dates, numbers).
#ifndef EVQ_CITE_REFERENCE_FIELDS_H_
#define EVQ_CITE_REFERENCE_FIELDS_H_

#include <string_view>
#include <vector>

#include "cite/reference_tokens.h"
#include "evq/csl.h"

namespace evq::cite {

// Fills *item from `text` (the original string), its tokens and one label
// per token (RefLabel values). Identifiers (DOI, PMID, URL, ISBN, access
// date) come from the rule extractor, which is exact, before the labels are
// read; labelled spans only fill what it left empty.
void FieldsFromLabels(std::string_view text,
                      const std::vector<RefToken>& tokens,
                      const std::vector<int>& labels, CslItem* item);

// The CSL type the filled fields suggest: "article-journal", "chapter",
// "book", "paper-conference", "thesis", "report", "webpage" or "document".
std::string GuessType(const CslItem& item, bool journal_label,
                      std::string_view genre);

}  // namespace evq::cite

#endif  // EVQ_CITE_REFERENCE_FIELDS_H_
