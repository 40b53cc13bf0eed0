// works/text_normalize.h: the text forms works are compared in.
//
// References spell the same publication in many ways: capitals, accents
// ("Peñas" / "Penas"), punctuation, "doi:" prefixes. Comparing works happens
// on these normalised forms only, so that a difference left after
// normalising is a real one.
//
// Thread safety: free functions without shared state.
#ifndef EVQ_WORKS_TEXT_NORMALIZE_H_
#define EVQ_WORKS_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

namespace evq::internal {

// Case-folded words of `text` with accents removed ("Peñas-López" gives
// "penas", "lopez"). Letters with no ASCII base keep their folded form; any
// character that is not a letter or digit separates words. Apostrophes are
// dropped ("Parkinson's" gives "parkinsons") so styles that drop them agree.
std::vector<std::string> FoldedWords(std::string_view text);

// The folded words joined without separators ("Fernández-de-las-Peñas" gives
// "fernandezdelaspenas"): how a family name compares across styles.
std::string FoldedKey(std::string_view text);

// Whether `word` (folded) is a function word that carries nothing when
// comparing titles and journal names ("of", "the", "and", "der", "de").
bool IsStopword(std::string_view word);

// A DOI as it compares: "https://doi.org/10.1/ABC", "doi: 10.1/abc." and
// "10.1/abc" all give "10.1/abc". Empty when `text` holds no "10." prefix.
std::string NormalizeDoi(std::string_view text);

// The digits of a PMID ("PMID: 123" gives "123"); empty if there are none.
std::string NormalizePmid(std::string_view text);

// "PMC123" from "pmc123", "PMCID: PMC123" or "123"; empty if no digits.
std::string NormalizePmcid(std::string_view text);

// The first page of a range, folded ("123-9" gives "123", "e0123" gives
// "e0123", "S12–S15" gives "s12"). Empty when `page` is.
std::string FirstPage(std::string_view page);

// A volume as it compares: folded letters and digits only ("Vol. 12" gives
// "12": a leading "vol" is dropped).
std::string NormalizeVolume(std::string_view volume);

// Optimal-string-alignment edit distance between `a` and `b` (insertions,
// deletions, substitutions and swaps of neighbours cost 1), or `limit` + 1
// as soon as it is known to exceed `limit`.
int EditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace evq::internal

#endif  // EVQ_WORKS_TEXT_NORMALIZE_H_
