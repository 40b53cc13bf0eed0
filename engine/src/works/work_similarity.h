// works/work_similarity.h: how alike a reference and a known work are.
//
// Both sides are first reduced to an ItemKey (folded words, first author,
// year, volume, first page, identifiers), once per work and once per
// reference; CompareItems then scores the fields both state and lists the
// ones that conflict. References come from an imperfect parser, so the
// comparison tolerates a typo, an abbreviated journal, a dropped subtitle or
// a title that ran into the journal field; what it reports as a conflict is
// a difference left after all of that.
//
// Thread safety: free functions without shared state.
#ifndef EVQ_WORKS_WORK_SIMILARITY_H_
#define EVQ_WORKS_WORK_SIMILARITY_H_

#include <string>
#include <string_view>
#include <vector>

#include "evq/csl.h"

namespace evq::internal {

// The comparable form of a CslItem. Word lists are folded (text_normalize.h)
// and hold no stopwords.
struct ItemKey {
  // First author: folded family name (or the folded corporate name), the
  // folded first letter of the given name (0 if none) and, for a corporate
  // author, its words.
  std::string first_family;
  char first_initial = 0;
  // When the parser may have swapped "G. Family" into family "G", given
  // "Family": the folded given name, tried as a family name too.
  std::string swapped_family;
  // Folded family names of the first few authors (order slips happen).
  std::vector<std::string> families;
  int year = 0;
  std::vector<std::string> title;
  // The title before a subtitle separator (":", "?", ". ", " - "); empty
  // when there is none.
  std::vector<std::string> main_title;
  std::vector<std::string> container;
  // The journal name before " : " or " = " (NLM titles append the society's
  // "official publication of ..." or a translation), or empty.
  std::vector<std::string> container_main;
  std::vector<std::string> container_short;
  // The journal field holds names ("et al."): the parser misplaced it.
  bool container_is_names = false;
  // Every word of the reference string (or of title and container when
  // there is none): where a title split across fields can still be found.
  std::vector<std::string> all_words;
  // The reference string's words made of digits only ("2015", "12", "228"):
  // where a year, volume or page the parser misplaced can still be found.
  std::vector<std::string> numbers;
  std::string volume;
  std::string first_page;
  std::string doi;
  std::string pmid;
  std::string pmcid;
};

// The key of `item`. `with_all_words` fills all_words (references only).
ItemKey MakeItemKey(const CslItem& item, bool with_all_words);

// Whether `a` and `b` may be one word written in full and abbreviated (ISO
// 4 style "Neurosci" for "neuroscience", vowels dropped "Jrnl" for
// "journal"), or with one typo. Symmetric.
bool WordsCompatible(std::string_view a, std::string_view b);

// 0 to 1: how alike two titles are (Dice coefficient on words, a typo
// forgiven; a dropped subtitle or truncation costs little). -1 when either
// side has no title. Looks for the work's title among all the reference's
// words too, so a title the parser split into the journal field still
// scores.
double TitleSimilarity(const ItemKey& ref, const ItemKey& work);

// 0 to 1: how alike the journal names are, abbreviations aligned to full
// names in order and compared against the work's short title too; -1 when
// either side names none.
double ContainerSimilarity(const ItemKey& ref, const ItemKey& work);

// 0 to 1: how alike the first authors are (family names folded; initials
// compared when both give them); -1 when either side has no author.
double AuthorSimilarity(const ItemKey& ref, const ItemKey& work);

// The outcome of comparing a reference with one work.
struct Comparison {
  double score = 0;   // weighted mean of the comparable fields, 0 to 1
  double title = -1;  // the field similarities; -1 when not comparable
  double author = -1;
  double container = -1;
  bool identifier_agrees = false;  // a DOI, PMID or PMCID both state agrees
  // Conflicting fields, "year: 2019 vs 2018" (reference's value first).
  std::vector<std::string> conflicts;
};

// Compares reference `ref` (key `rk`) with work `work` (key `wk`). With
// `by_identifier`, the work was found by an identifier: a first author or
// title that clearly differs then counts as a conflict too. Without
// `describe`, conflicts name only their field ("year"), which is cheaper.
Comparison CompareItems(const CslItem& ref, const ItemKey& rk,
                        const CslItem& work, const ItemKey& wk,
                        bool by_identifier, bool describe);

}  // namespace evq::internal

#endif  // EVQ_WORKS_WORK_SIMILARITY_H_
