// The PubMed importer: PubmedArticleSet / MedlineCitationSet XML (current
// and 2006-era DTDs) to one Document per record.
//
// A record's text is its title and abstract (AbstractText Labels become
// headings) and, when PubmedData has one, its reference list. Everything
// else is metadata: identifiers, journal, date, authors, language,
// publication types, MeSH headings, and retraction status, which PubMed
// states three ways: the publication type "Retracted Publication",
// CommentsCorrections RefType="RetractionIn", and (before 2008) a
// <RetractionIn> element.
//
// Files are streamed record by record (xml_records.h): a 250 MB baseline is
// never one DOM.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evq/import.h"
#include "pubmed_records.h"
#include "xml_records.h"
#include "xml_util.h"

namespace evq {
namespace {

using xml::Attr;
using xml::Child;
using xml::Children;
using xml::LocalName;

const xml::RecordSetSpec& PubmedSpec() {
  static const xml::RecordSetSpec spec{
      {"PubmedArticleSet", "MedlineCitationSet", "PubmedArticle", "MedlineCitation"},
      {{"PubmedArticle", "PubmedBookArticle"}, {"MedlineCitation"}, {"PubmedArticle"},
       {"MedlineCitation"}},
      "<PubmedArticleSet> or <MedlineCitationSet>"};
  return spec;
}

std::string MonthNumber(const std::string& m) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (m.empty()) return "";
  if (std::isdigit(static_cast<unsigned char>(m[0]))) return m.size() == 1 ? "0" + m : m.substr(0, 2);
  std::string l = m.substr(0, 3);
  std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return std::tolower(c); });
  for (int i = 0; i < 12; ++i) {
    if (l == kMonths[i]) return (i < 9 ? "0" : "") + std::to_string(i + 1);
  }
  return "";
}

// "YYYY[-MM[-DD]]" from a PubDate/ArticleDate; MedlineDate ("1998 Dec-1999
// Jan") gives its first year.
std::string DateString(const pugi::xml_node& d) {
  std::string y = xml::Text(Child(d, "Year"), nullptr);
  if (y.empty()) {
    std::string md = xml::Text(Child(d, "MedlineDate"), nullptr);
    return md.size() >= 4 ? md.substr(0, 4) : "";
  }
  std::string m = MonthNumber(xml::Text(Child(d, "Month"), nullptr));
  std::string day = xml::Text(Child(d, "Day"), nullptr);
  if (m.empty()) return y;
  if (day.empty()) return y + "-" + m;
  return y + "-" + m + "-" + (day.size() == 1 ? "0" + day : day);
}

// Any descendant element named `name` (bounded depth).
void FindAll(const pugi::xml_node& n, std::string_view name, int depth,
             std::vector<pugi::xml_node>* out) {
  if (depth > 30) return;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (LocalName(c) == name) out->push_back(c);
    FindAll(c, name, depth + 1, out);
  }
}

class PubmedRecord {
 public:
  PubmedRecord(Document* doc) : doc_(doc), builder_(doc, nullptr) {}
  void Run(const pugi::xml_node& record);

 private:
  std::string Text(const pugi::xml_node& n) const { return xml::Text(n, nullptr); }
  void Citation(const pugi::xml_node& mc);
  void CitationItem(const pugi::xml_node& mc);
  void Retraction(const pugi::xml_node& mc);
  void References(const pugi::xml_node& list);

  Document* doc_;
  xml::DocBuilder builder_;
};

void PubmedRecord::Citation(const pugi::xml_node& mc) {
  DocumentMetadata& md = doc_->metadata;
  md.pmid = Text(Child(mc, "PMID"));
  pugi::xml_node article = Child(mc, "Article");
  doc_->title = Text(Child(article, "ArticleTitle"));
  if (doc_->title.empty()) doc_->title = Text(Child(article, "VernacularTitle"));
  pugi::xml_node journal = Child(article, "Journal");
  md.journal = Text(Child(journal, "Title"));
  md.publication_date = DateString(Child(Child(journal, "JournalIssue"), "PubDate"));
  for (const pugi::xml_node& d : Children(article, "ArticleDate")) {
    if (Attr(d, "DateType") == "Electronic" || Attr(d, "DateType").empty()) {
      std::string s = DateString(d);
      if (!s.empty()) md.publication_date = s;
    }
  }
  for (const pugi::xml_node& a : Children(Child(article, "AuthorList"), "Author")) {
    std::string collective = Text(Child(a, "CollectiveName"));
    std::string last = Text(Child(a, "LastName"));
    std::string fore = Text(Child(a, "ForeName"));
    if (fore.empty()) fore = Text(Child(a, "Initials"));
    if (!last.empty()) md.authors.push_back(fore.empty() ? last : last + " " + fore);
    else if (!collective.empty()) md.authors.push_back(collective);
  }
  if (pugi::xml_node lang = Child(article, "Language")) md.language = Text(lang);
  for (const pugi::xml_node& t : Children(Child(article, "PublicationTypeList"), "PublicationType")) {
    md.publication_types.push_back(Text(t));
  }
  if (!md.publication_types.empty()) md.article_type = md.publication_types.front();
  for (const pugi::xml_node& e : Children(article, "ELocationID")) {
    if (Attr(e, "EIdType") == "doi" && md.doi.empty()) md.doi = Text(e);
  }
  for (const pugi::xml_node& h : Children(Child(mc, "MeshHeadingList"), "MeshHeading")) {
    pugi::xml_node d = Child(h, "DescriptorName");
    SubjectHeading sh;
    sh.descriptor_ui = Attr(d, "UI");
    sh.name = Text(d);
    sh.major_topic = Attr(d, "MajorTopicYN") == "Y";
    for (const pugi::xml_node& q : Children(h, "QualifierName")) {
      if (Attr(q, "MajorTopicYN") == "Y") sh.major_topic = true;
    }
    if (sh.name.empty()) continue;
    md.subject_headings.push_back(sh.name);
    md.mesh_headings.push_back(std::move(sh));
  }
  Retraction(mc);
  CitationItem(mc);

  if (!doc_->title.empty()) builder_.AddTextBlock(doc_->title, BlockRole::kTitle);
  pugi::xml_node abs = Child(article, "Abstract");
  for (const pugi::xml_node& t : Children(abs, "AbstractText")) {
    std::string label = Attr(t, "Label");
    if (!label.empty()) builder_.AddTextBlock(label, BlockRole::kHeading, 1);
    builder_.AddTextBlock(Text(t), BlockRole::kParagraph);
  }
  // Abstracts in other languages (OtherAbstract Language="por").
  for (const pugi::xml_node& other : Children(mc, "OtherAbstract")) {
    std::string lang = Attr(other, "Language");
    for (const pugi::xml_node& t : Children(other, "AbstractText")) {
      std::string label = Attr(t, "Label");
      if (!label.empty()) builder_.AddTextBlock(label, BlockRole::kHeading, 1, lang);
      builder_.AddTextBlock(Text(t), BlockRole::kParagraph, 0, lang);
    }
  }
}

// The record as a reference would state it (DocumentMetadata::citation).
void PubmedRecord::CitationItem(const pugi::xml_node& mc) {
  CslItem& item = doc_->metadata.citation;
  pugi::xml_node article = Child(mc, "Article");
  pugi::xml_node journal = Child(article, "Journal");
  pugi::xml_node issue = Child(journal, "JournalIssue");
  item.type = "article-journal";
  item.id = doc_->metadata.pmid;
  item.pmid = doc_->metadata.pmid;
  item.doi = doc_->metadata.doi;
  item.title = doc_->title;
  item.container_title = doc_->metadata.journal;
  item.container_title_short = Text(Child(journal, "ISOAbbreviation"));
  if (item.container_title_short.empty()) {
    item.container_title_short = Text(Child(Child(mc, "MedlineJournalInfo"), "MedlineTA"));
  }
  item.volume = Text(Child(issue, "Volume"));
  item.issue = Text(Child(issue, "Issue"));
  item.page = Text(Child(Child(article, "Pagination"), "MedlinePgn"));
  if (item.page.empty()) {
    std::string first = Text(Child(Child(article, "Pagination"), "StartPage"));
    std::string last = Text(Child(Child(article, "Pagination"), "EndPage"));
    item.page = last.empty() ? first : first + "-" + last;
  }
  // The print date is what references cite; the electronic date only when
  // the issue has none.
  std::string date = DateString(Child(issue, "PubDate"));
  if (date.empty()) date = doc_->metadata.publication_date;
  if (date.size() >= 4) item.issued.year = std::atoi(date.substr(0, 4).c_str());
  if (date.size() >= 7) item.issued.month = std::atoi(date.substr(5, 2).c_str());
  if (date.size() >= 10) item.issued.day = std::atoi(date.substr(8, 2).c_str());
  for (const pugi::xml_node& a : Children(Child(article, "AuthorList"), "Author")) {
    CslName name;
    name.family = Text(Child(a, "LastName"));
    name.given = Text(Child(a, "ForeName"));
    if (name.given.empty()) name.given = Text(Child(a, "Initials"));
    if (name.family.empty()) name.literal = Text(Child(a, "CollectiveName"));
    if (!name.family.empty() || !name.literal.empty()) item.author.push_back(std::move(name));
  }
}

void PubmedRecord::Retraction(const pugi::xml_node& mc) {
  DocumentMetadata& md = doc_->metadata;
  for (const std::string& t : md.publication_types) {
    if (t == "Retracted Publication") {
      md.retracted = true;
      xml::AppendUnique(&md.retraction_evidence, "; ", "publication type Retracted Publication");
    }
  }
  for (const pugi::xml_node& cc :
       Children(Child(mc, "CommentsCorrectionsList"), "CommentsCorrections")) {
    // "RetractedandRepublishedIn" retracts this version too (MEDLINE's RRI).
    std::string type = Attr(cc, "RefType");
    if (type != "RetractionIn" && type != "RetractedandRepublishedIn") continue;
    md.retracted = true;
    std::string pmid = Text(Child(cc, "PMID"));
    xml::AppendUnique(&md.retraction_evidence, "; ",
                      "CommentsCorrections " + type + (pmid.empty() ? "" : " PMID " + pmid));
  }
  // The 2006 DTD: <CommentsCorrections><RetractionIn>...</RetractionIn>.
  std::vector<pugi::xml_node> old;
  FindAll(mc, "RetractionIn", 0, &old);
  for (const pugi::xml_node& r : old) {
    md.retracted = true;
    std::string pmid = Text(Child(r, "PMID"));
    xml::AppendUnique(&md.retraction_evidence, "; ",
                      "RetractionIn element" + (pmid.empty() ? "" : " PMID " + pmid));
  }
}

void PubmedRecord::References(const pugi::xml_node& list) {
  for (pugi::xml_node c = list.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    if (name == "Title") {
      builder_.AddTextBlock(Text(c), BlockRole::kReferenceHeading, 1);
    } else if (name == "ReferenceList") {
      References(c);
    } else if (name == "Reference") {
      std::string s = Text(Child(c, "Citation"));
      for (const pugi::xml_node& id : Children(Child(c, "ArticleIdList"), "ArticleId")) {
        std::string type = Attr(id, "IdType");
        std::string v = Text(id);
        if (type == "pubmed" && s.find(v) == std::string::npos) xml::AppendUnique(&s, " ", "PMID: " + v);
        if (type == "doi" && s.find(v) == std::string::npos) xml::AppendUnique(&s, " ", "doi:" + v);
      }
      if (!s.empty()) builder_.AddTextBlock(s, BlockRole::kReferenceEntry);
    }
  }
}

void PubmedRecord::Run(const pugi::xml_node& record) {
  std::string_view kind = LocalName(record);
  pugi::xml_node mc = kind == "MedlineCitation" ? record : Child(record, "MedlineCitation");
  if (kind == "PubmedBookArticle") {
    // Books: BookDocument holds what MedlineCitation/Article holds.
    pugi::xml_node book = Child(record, "BookDocument");
    doc_->metadata.pmid = Text(Child(book, "PMID"));
    doc_->title = Text(Child(book, "ArticleTitle"));
    if (doc_->title.empty()) doc_->title = Text(Child(Child(book, "Book"), "BookTitle"));
    if (!doc_->title.empty()) builder_.AddTextBlock(doc_->title, BlockRole::kTitle);
    for (const pugi::xml_node& t : Children(Child(book, "Abstract"), "AbstractText")) {
      std::string label = Attr(t, "Label");
      if (!label.empty()) builder_.AddTextBlock(label, BlockRole::kHeading, 1);
      builder_.AddTextBlock(Text(t), BlockRole::kParagraph);
    }
  } else {
    Citation(mc);
  }
  pugi::xml_node data = Child(record, "PubmedData");
  if (!data) data = Child(record, "PubmedBookData");
  for (const pugi::xml_node& id : Children(Child(data, "ArticleIdList"), "ArticleId")) {
    std::string type = Attr(id, "IdType");
    std::string v = Text(id);
    if (type == "doi" && doc_->metadata.doi.empty()) doc_->metadata.doi = v;
    if (type == "pmc" && doc_->metadata.pmcid.empty()) doc_->metadata.pmcid = v;
    if (type == "pubmed" && doc_->metadata.pmid.empty()) doc_->metadata.pmid = v;
  }
  CslItem& item = doc_->metadata.citation;
  if (!item.type.empty()) {
    if (item.doi.empty()) item.doi = doc_->metadata.doi;
    if (item.pmid.empty()) item.pmid = item.id = doc_->metadata.pmid;
    item.pmcid = doc_->metadata.pmcid;
  }
  std::vector<pugi::xml_node> lists = Children(data, "ReferenceList");
  if (!lists.empty()) {
    doc_->has_reference_list = true;
    if (!Child(lists.front(), "Title")) {
      builder_.AddTextBlock("References", BlockRole::kReferenceHeading, 1);
    }
    for (const pugi::xml_node& l : lists) References(l);
  }
}

// Parses one record; `source` is the file, the document's source adds
// "#PMID" so documents of one file are distinct.
Result<Document> ParseRecord(std::string_view record, const xml::Origin& origin) {
  std::string buffer(record);
  pugi::xml_document x;
  std::map<std::string, std::string> entities;
  if (Status st = xml::ParseChecked(origin, &buffer, &x, &entities); !st.ok()) return st;
  Document doc;
  doc.format = "pubmed";
  PubmedRecord r(&doc);
  r.Run(x.document_element());
  doc.source = origin.source + "#" + doc.metadata.pmid;
  return doc;
}

}  // namespace

Status ForEachPubmedDocument(const std::string& path,
                             const std::function<bool(Document&&)>& visit) {
  return xml::ForEachRecordInFile(
      path, PubmedSpec(), [&](std::string_view rec, const xml::Origin& o, bool* stop) {
        Result<Document> d = ParseRecord(rec, o);
        if (!d.ok()) return d.status();
        *stop = !visit(std::move(d).value());
        return Status::Ok();
      });
}

Result<std::vector<Document>> ImportPubmed(const std::string& source, std::string_view bytes) {
  std::vector<Document> docs;
  Status st = xml::ForEachRecordInBuffer(
      source, bytes, PubmedSpec(), [&](std::string_view rec, const xml::Origin& o, bool*) {
        Result<Document> d = ParseRecord(rec, o);
        if (!d.ok()) return d.status();
        docs.push_back(std::move(d).value());
        return Status::Ok();
      });
  if (!st.ok()) return st;
  return docs;
}

}  // namespace evq

namespace evq::internal {

// The bibliography reader's walk (pubmed_records.h): like
// ForEachPubmedDocument, but a record that fails to parse is handed over as
// its error instead of ending the walk, and each record comes with its line.
Status ForEachPubmedRecord(const std::string& path, std::string_view bytes, bool in_memory,
                           const PubmedRecordVisitor& visit) {
  auto each = [&](std::string_view rec, const xml::Origin& o, bool* stop) {
    *stop = !visit(ParseRecord(rec, o), o.base_line);
    return Status::Ok();
  };
  if (in_memory) return xml::ForEachRecordInBuffer(path, bytes, PubmedSpec(), each);
  return xml::ForEachRecordInFile(path, PubmedSpec(), each);
}

}  // namespace evq::internal
