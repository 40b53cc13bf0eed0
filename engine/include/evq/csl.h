// evq/csl.h: a reference as CSL-JSON fields, and the reference-string parser.
//
// CslItem holds the subset of CSL-JSON (https://citationstyles.org) that evq
// reads and writes. Empty strings and empty vectors mean "absent" and are left
// out of the JSON.
//
// Ownership: plain values. Thread safety: ParseReference and CslItemToJson
// are pure functions, safe to call from any number of threads.
#ifndef EVQ_CSL_H_
#define EVQ_CSL_H_

#include <string>
#include <string_view>
#include <vector>

#include "evq/export.h"
#include "evq/status.h"

namespace evq {

// A person or organisation. Either family/given, or literal for a corporate
// author ("World Health Organization").
struct CslName {
  std::string family;
  std::string given;
  std::string literal;
};

// A date: year 0 means absent; month and day 0 mean absent.
struct CslDate {
  int year = 0;
  int month = 0;
  int day = 0;
  std::string literal;  // "n.d.", "in press", when there is no year
};

// One reference. Fields follow CSL-JSON variable names (container_title is
// "container-title"); empty means absent.
struct CslItem {
  std::string id;    // unique within its document or authority
  std::string type;  // "article-journal", "book", "chapter", "webpage", ...
  std::vector<CslName> author;
  std::vector<CslName> editor;
  bool et_al = false;  // the author list ended with "et al."
  CslDate issued;
  CslDate accessed;
  std::string title;
  std::string container_title;
  std::string container_title_short;  // "J Bone Joint Surg Am"; authorities give it
  std::string collection_title;
  std::string volume;
  std::string issue;
  std::string page;
  std::string edition;
  std::string publisher;
  std::string publisher_place;
  std::string doi;
  std::string pmid;
  std::string pmcid;
  std::string isbn;
  std::string url;
  std::string citation_number;  // "1" for "1. Smith J..." or "[1] ..."
  std::string citation_label;   // a label given by the markup (JATS <label>)
  std::string raw;              // the string it was parsed from, if any
};

// Parses one reference string in any common style (APA, Vancouver, Harvard,
// MLA, Chicago, IEEE) into fields. Never fails: what it cannot place stays
// out, and `raw` keeps the input. Leading numbering ("1.", "[1]") goes to
// citation_number.
EVQ_EXPORT CslItem ParseReference(std::string_view text);

// A short label for people: up to two authors ("et al." after), year,
// title and container: "Stecco C, Schleip R et al. (2018) Fascial tissue
// research. J Sports Sci". The raw string when no field was parsed.
EVQ_EXPORT std::string CslItemLabel(const CslItem& item);

// The item as one CSL-JSON object on one line (no trailing newline).
EVQ_EXPORT std::string CslItemToJson(const CslItem& item);

// Reads one CSL-JSON object (what CslItemToJson writes, or another writer's:
// numbers for strings, "date-parts" with strings, {"literal"}/{"raw"}
// dates, "journalAbbreviation") into *item, replacing its contents. Unknown
// fields are ignored. Errors: kInvalidArgument "not JSON: <why>" or "not a
// JSON object"; *item is then unspecified.
[[nodiscard]] EVQ_EXPORT Status CslItemFromJson(std::string_view json, CslItem* item);

}  // namespace evq

#endif  // EVQ_CSL_H_
