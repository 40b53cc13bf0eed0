// cite/csl_json_reader.cc: one CSL-JSON object back into a CslItem.
//
// Reads what CslItemToJson writes (the store keeps references that way) and
// what other CSL-JSON writers (Zotero, citeproc tools) produce, with the
// common variants: numbers where strings
// are usual ("volume": 12), strings in date-parts, dates given as
// {"literal": ...} or {"raw": ...}.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "evq/csl.h"
#include "evq/status.h"

namespace evq {
namespace {

using nlohmann::json;

// A string field, accepting numbers; absent or other types give "".
std::string Str(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  if (it->is_number()) return it->dump();
  return {};
}

int DatePart(const json& value) {
  if (value.is_number_integer()) return static_cast<int>(value.get<int64_t>());
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    int n = 0;
    for (char c : s) {
      if (c < '0' || c > '9' || n > 100000) return 0;
      n = n * 10 + (c - '0');
    }
    return n;
  }
  return 0;
}

CslDate ReadDate(const json& object, const char* key) {
  CslDate date;
  auto it = object.find(key);
  if (it == object.end() || !it->is_object()) return date;
  auto parts = it->find("date-parts");
  if (parts != it->end() && parts->is_array() && !parts->empty() &&
      (*parts)[0].is_array()) {
    const json& first = (*parts)[0];
    if (first.size() > 0) date.year = DatePart(first[0]);
    if (first.size() > 1) date.month = DatePart(first[1]);
    if (first.size() > 2) date.day = DatePart(first[2]);
  }
  date.literal = Str(*it, "literal");
  if (date.literal.empty() && date.year == 0) date.literal = Str(*it, "raw");
  return date;
}

std::vector<CslName> ReadNames(const json& object, const char* key) {
  std::vector<CslName> names;
  auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return names;
  for (const json& entry : *it) {
    if (!entry.is_object()) continue;
    CslName name;
    name.family = Str(entry, "family");
    name.given = Str(entry, "given");
    name.literal = Str(entry, "literal");
    names.push_back(std::move(name));
  }
  return names;
}

bool Bool(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return false;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_number_integer()) return it->get<int64_t>() != 0;
  return false;
}

CslItem ItemFromObject(const json& object) {
  CslItem out;
  CslItem* item = &out;
  item->id = Str(object, "id");
  item->type = Str(object, "type");
  item->author = ReadNames(object, "author");
  item->editor = ReadNames(object, "editor");
  // evq's own fields carry an "evq:" prefix (see cite/csl_json.cc).
  item->et_al = Bool(object, "evq:et-al");
  item->issued = ReadDate(object, "issued");
  item->accessed = ReadDate(object, "accessed");
  item->title = Str(object, "title");
  item->container_title = Str(object, "container-title");
  item->container_title_short = Str(object, "container-title-short");
  if (item->container_title_short.empty()) {
    item->container_title_short = Str(object, "journalAbbreviation");
  }
  item->collection_title = Str(object, "collection-title");
  item->volume = Str(object, "volume");
  item->issue = Str(object, "issue");
  item->page = Str(object, "page");
  item->edition = Str(object, "edition");
  item->publisher = Str(object, "publisher");
  item->publisher_place = Str(object, "publisher-place");
  item->doi = Str(object, "DOI");
  item->pmid = Str(object, "PMID");
  item->pmcid = Str(object, "PMCID");
  item->isbn = Str(object, "ISBN");
  item->url = Str(object, "URL");
  item->citation_number = Str(object, "citation-number");
  item->citation_label = Str(object, "citation-label");
  item->raw = Str(object, "evq:raw");
  if (item->raw.empty()) item->raw = Str(object, "raw");
  return out;
}

}  // namespace

Status CslItemFromJson(std::string_view text, CslItem* item) {
  // nlohmann throws on malformed input; no exception may leave evq.
  json object;
  try {
    object = json::parse(text);
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string("not JSON: ") + e.what());
  }
  if (!object.is_object()) {
    return Status::InvalidArgument("not a JSON object");
  }
  *item = ItemFromObject(object);
  return Status::Ok();
}


}  // namespace evq
