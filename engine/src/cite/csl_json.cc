// CslItemToJson: one CSL-JSON object per item. Field names follow the CSL-JSON
// schema; evq's own additions use the "evq:" prefix so they cannot collide
// with CSL variables.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "evq/csl.h"

namespace evq {
namespace {

nlohmann::json NamesToJson(const std::vector<CslName>& names) {
  nlohmann::json out = nlohmann::json::array();
  for (const CslName& n : names) {
    nlohmann::json j = nlohmann::json::object();
    if (!n.literal.empty()) {
      j["literal"] = n.literal;
    } else {
      if (!n.family.empty()) j["family"] = n.family;
      if (!n.given.empty()) j["given"] = n.given;
    }
    if (!j.empty()) out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json DateToJson(const CslDate& d) {
  nlohmann::json j = nlohmann::json::object();
  if (d.year != 0) {
    nlohmann::json parts = nlohmann::json::array({d.year});
    if (d.month != 0) {
      parts.push_back(d.month);
      if (d.day != 0) parts.push_back(d.day);
    }
    j["date-parts"] = nlohmann::json::array({parts});
  } else if (!d.literal.empty()) {
    j["literal"] = d.literal;
  }
  return j;
}

}  // namespace

std::string CslItemToJson(const CslItem& item) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  auto put = [&j](const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
  };
  put("id", item.id);
  put("type", item.type);
  if (!item.author.empty()) j["author"] = NamesToJson(item.author);
  if (!item.editor.empty()) j["editor"] = NamesToJson(item.editor);
  if (item.et_al) j["evq:et-al"] = true;
  nlohmann::json issued = DateToJson(item.issued);
  if (!issued.empty()) j["issued"] = issued;
  nlohmann::json accessed = DateToJson(item.accessed);
  if (!accessed.empty()) j["accessed"] = accessed;
  put("title", item.title);
  put("container-title", item.container_title);
  put("container-title-short", item.container_title_short);
  put("collection-title", item.collection_title);
  put("volume", item.volume);
  put("issue", item.issue);
  put("page", item.page);
  put("edition", item.edition);
  put("publisher", item.publisher);
  put("publisher-place", item.publisher_place);
  put("DOI", item.doi);
  put("PMID", item.pmid);
  put("PMCID", item.pmcid);
  put("ISBN", item.isbn);
  put("URL", item.url);
  put("citation-number", item.citation_number);
  put("citation-label", item.citation_label);
  // Not a CSL variable; the scorers ignore it and readers can re-parse.
  put("evq:raw", item.raw);
  // Invalid UTF-8 in the input must not abort serialisation.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string CslItemLabel(const CslItem& item) {
  std::string out;
  for (size_t i = 0; i < item.author.size() && i < 2; ++i) {
    if (i) out += ", ";
    const CslName& n = item.author[i];
    out += n.family.empty() ? n.literal : n.family + (n.given.empty() ? "" : " " + n.given);
  }
  if (item.author.size() > 2 || item.et_al) out += " et al.";
  if (item.issued.year) out += " (" + std::to_string(item.issued.year) + ")";
  if (!item.title.empty()) out += (out.empty() ? "" : " ") + item.title;
  if (!item.container_title.empty()) {
    // Titles often end with their own stop ("...activity.", "...pain?").
    char last = out.empty() ? '\0' : out.back();
    out += (last == '.' || last == '?' || last == '!' ? " " : ". ") + item.container_title;
  }
  if (out.empty()) out = item.raw;
  return out;
}

}  // namespace evq
