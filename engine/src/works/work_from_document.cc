// works/work_from_document.cc: the work a scholarly document is.
#include <cstdlib>
#include <string>
#include <utility>

#include "evq/works.h"

namespace evq {

const char* ResolutionStatusName(ResolutionStatus status) {
  switch (status) {
    case ResolutionStatus::kMatched:
      return "matched";
    case ResolutionStatus::kMismatch:
      return "mismatch";
    case ResolutionStatus::kUnresolved:
      break;
  }
  return "unresolved";
}

namespace {

// "Family Given" as DocumentMetadata::authors writes it; a single word (or a
// group name of several words with no given part we can tell) is literal.
CslName NameFromMetadata(const std::string& author) {
  CslName name;
  size_t space = author.find(' ');
  if (space == std::string::npos) {
    name.literal = author;
  } else {
    name.family = author.substr(0, space);
    name.given = author.substr(space + 1);
  }
  return name;
}

}  // namespace

Work WorkFromDocument(const Document& document) {
  const DocumentMetadata& md = document.metadata;
  Work work;
  work.item = md.citation;
  CslItem& item = work.item;
  // What the importer did not put in the citation item, from the flat fields.
  if (item.title.empty()) item.title = document.title;
  if (item.doi.empty()) item.doi = md.doi;
  if (item.pmid.empty()) item.pmid = md.pmid;
  if (item.pmcid.empty()) item.pmcid = md.pmcid;
  if (item.container_title.empty()) item.container_title = md.journal;
  if (item.author.empty()) {
    for (const std::string& a : md.authors)
      item.author.push_back(NameFromMetadata(a));
  }
  if (item.issued.year == 0 && md.publication_date.size() >= 4) {
    item.issued.year = std::atoi(md.publication_date.substr(0, 4).c_str());
  }
  if (item.type.empty() && !md.journal.empty()) item.type = "article-journal";
  if (item.id.empty()) item.id = !item.pmid.empty() ? item.pmid : item.doi;
  work.publication_types = md.publication_types;
  if (work.publication_types.empty() && !md.article_type.empty()) {
    work.publication_types.push_back(md.article_type);
  }
  work.mesh_headings = md.mesh_headings;
  work.retracted = md.retracted;
  work.retraction_evidence = md.retraction_evidence;
  work.source = document.source;
  return work;
}

}  // namespace evq
