// The stages of the reference-string parser, one file each:
//   reference_ids.cc     identifiers and access notes (DOI, PMID, URL, ...)
//   reference_dates.cc   dates and years
//   reference_names.cc   the author list at the start, and editor lists
//   reference_tail.cc    what follows the title (container, volume, pages,
//                        publisher)
//   reference_places.cc  places and publishers
//   reference_sentences.cc  where a period ends a part
//   reference_parser.cc  the overall order: number, ids, authors, date,
//                        title, tail
#ifndef EVQ_CITE_REFERENCE_PARTS_H_
#define EVQ_CITE_REFERENCE_PARTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "evq/csl.h"

namespace evq::cite {

// Removes identifiers, URLs and their labels ("doi:", "Retrieved from",
// "Available at", "[cited ...]", "Accessed ...") from *s, filling the
// matching fields of *item.
void ExtractIdentifiers(std::string* s, CslItem* item);

// Month number for an English (or common Romance) month name or
// abbreviation, 0 if `word` is none.
int MonthNumber(std::string_view word);
// The first date in `s`: year, and month and day when written next to it
// ("2019 Jan 5", "May 5, 2019", "5 May 2019", "2019-05-05").
CslDate ParseDate(std::string_view s);
// Position of the first plausible year in s from `from`, npos if none.
size_t FindYear(std::string_view s, size_t from = 0);

// Length of the author list at the start of `s` (0 when the reference does
// not start with names). *role_editor is set when the list is marked as
// editors ("(Eds.)").
size_t FindAuthorEnd(std::string_view s, bool* role_editor);
// Splits a name list ("Smith, J. A., & Jones, B.", "Smith J, Jones AB",
// "A. Smith and B. Jones") into names; sets *et_al for "et al.".
std::vector<CslName> ParseNames(std::string_view list, bool* et_al);

// Fills container, volume, issue, pages, publisher, place, edition and a
// missing date from what follows the title.
void ParseTail(std::string_view tail, CslItem* item);

// Whether `s` names a publisher ("MIT Press", "Springer-Verlag", "Wiley").
bool LooksLikePublisher(std::string_view s);
// Whether `s` is a place of publication: a known city or country, or
// "Town, ST" / "Town, Country".
bool LooksLikePlace(std::string_view s);
// A known country or US state / Canadian province name.
bool IsCountryOrState(std::string_view s);
// A state code or abbreviation after a town ("CA", "Mass.", "N.Y.", "D.C.").
bool IsStateCode(std::string_view s);
// "New York: Springer" in `piece`: sets place and publisher of *item.
bool PlacePublisher(std::string_view piece, CslItem* item);

// Whether the word ending at s[end) (before a '.') is an abbreviation or an
// initial, so that the period does not end a sentence.
bool IsAbbreviationBefore(std::string_view s, size_t dot);
// End of the first sentence of s (index of its terminating '.', '?' or '!'
// or of a closing quote), npos when s is one sentence.
size_t FindSentenceEnd(std::string_view s, size_t from = 0);

}  // namespace evq::cite

#endif  // EVQ_CITE_REFERENCE_PARTS_H_
