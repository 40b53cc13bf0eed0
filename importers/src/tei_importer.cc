// The TEI importer: GROBID's TEI output to a Document.
//
// teiHeader gives the title and metadata; profileDesc/abstract and
// text/body give the text (div/head headings, level = div depth; p
// paragraphs; figure heads and figDesc captions; list/item list items);
// <ref type="bibr" target="#b0"> callouts become MarkupCitations numbered by
// the position of the target biblStruct in listBibl. Back matter other than
// annexes (acknowledgements, funding) is kBoilerplate. Each biblStruct
// becomes a Vancouver-style string (as JATS element-citation does), or its
// printed raw_reference note when GROBID kept one.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "evq/import.h"
#include "xml_util.h"

namespace evq {
namespace {

using xml::Attr;
using xml::Child;
using xml::Children;
using xml::InlineAction;
using xml::LocalName;

class TeiImporter {
 public:
  TeiImporter(Document* doc, const std::map<std::string, std::string>* entities)
      : doc_(doc), entities_(entities), builder_(doc, entities) {}
  void Run(const pugi::xml_node& tei);

 private:
  std::string Text(const pugi::xml_node& n, bool spaced = false) const {
    return xml::Text(n, entities_, spaced);
  }
  InlineAction Classify(const pugi::xml_node& n, std::vector<std::string>* targets) const {
    std::string_view name = LocalName(n);
    if (name == "ref" && Attr(n, "type") == "bibr") {
      std::string t = Attr(n, "target");
      size_t i = 0;
      while (i < t.size()) {
        size_t j = t.find(' ', i);
        if (j == std::string::npos) j = t.size();
        std::string id = t.substr(i, j - i);
        if (!id.empty() && id[0] == '#') id.erase(0, 1);
        if (!id.empty()) targets->push_back(id);
        i = j + 1;
      }
      return InlineAction::kCitation;
    }
    if (name == "figure" || name == "list" || name == "table") return InlineAction::kDefer;
    if (name == "note" || name == "formula") return InlineAction::kSkip;
    return InlineAction::kDescend;
  }
  void Add(const pugi::xml_node& n, BlockRole role, int level) {
    std::vector<pugi::xml_node> deferred;
    builder_.AddBlock(
        n, role, level, "",
        [this](const pugi::xml_node& c, std::vector<std::string>* t) { return Classify(c, t); },
        &deferred);
    for (const pugi::xml_node& d : deferred) Node(d, level + 1, BlockRole::kParagraph);
  }
  void Container(const pugi::xml_node& n, int level, BlockRole role);
  void Node(const pugi::xml_node& n, int level, BlockRole role);
  void Bibl(const pugi::xml_node& list);
  std::string BiblString(const pugi::xml_node& b) const;
  void Header(const pugi::xml_node& header);

  Document* doc_;
  const std::map<std::string, std::string>* entities_;
  xml::DocBuilder builder_;
  std::vector<std::string> ref_ids_;
};

void TeiImporter::Header(const pugi::xml_node& header) {
  DocumentMetadata& md = doc_->metadata;
  pugi::xml_node file = Child(header, "fileDesc");
  doc_->title = Text(Child(Child(file, "titleStmt"), "title"));
  pugi::xml_node bibl = Child(Child(file, "sourceDesc"), "biblStruct");
  pugi::xml_node analytic = Child(bibl, "analytic");
  pugi::xml_node monogr = Child(bibl, "monogr");
  for (const pugi::xml_node& a : Children(analytic, "author")) {
    pugi::xml_node p = Child(a, "persName");
    std::string name = Text(Child(p, "surname"));
    std::string given;
    for (const pugi::xml_node& f : Children(p, "forename")) given += (given.empty() ? "" : " ") + Text(f);
    if (!name.empty()) md.authors.push_back(given.empty() ? name : name + " " + given);
  }
  for (const pugi::xml_node& b : {analytic, monogr, bibl}) {
    for (const pugi::xml_node& id : Children(b, "idno")) {
      std::string type = Attr(id, "type");
      if (type == "DOI" && md.doi.empty()) md.doi = Text(id);
      if (type == "PMID" && md.pmid.empty()) md.pmid = Text(id);
      if (type == "PMCID" && md.pmcid.empty()) md.pmcid = Text(id);
    }
  }
  for (const pugi::xml_node& t : Children(monogr, "title")) {
    if (Attr(t, "level") == "j" && md.journal.empty()) md.journal = Text(t);
  }
  pugi::xml_node date = Child(Child(monogr, "imprint"), "date");
  if (!date) date = Child(Child(file, "publicationStmt"), "date");
  md.publication_date = Attr(date, "when");
  md.language = Attr(header, "lang");
}

void TeiImporter::Container(const pugi::xml_node& n, int level, BlockRole role) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) != "head") Node(c, level, role);
  }
}

void TeiImporter::Node(const pugi::xml_node& n, int level, BlockRole role) {
  std::string_view name = LocalName(n);
  if (name == "div") {
    std::string type = Attr(n, "type");
    BlockRole inner = role;
    if (type == "acknowledgement" || type == "funding" || type == "availability" ||
        type == "contribution" || type == "conflict") {
      inner = BlockRole::kBoilerplate;
    }
    if (Child(n, "listBibl")) {
      Bibl(Child(n, "listBibl"));
      return;
    }
    pugi::xml_node head = Child(n, "head");
    if (head) Add(head, inner == BlockRole::kBoilerplate ? inner : BlockRole::kHeading, level);
    Container(n, head ? level + 1 : level, inner);
  } else if (name == "p" || name == "ab") {
    Add(n, role, 0);
  } else if (name == "list") {
    for (const pugi::xml_node& item : Children(n, "item")) Add(item, BlockRole::kListItem, 1);
  } else if (name == "figure") {
    if (pugi::xml_node head = Child(n, "head")) Add(head, BlockRole::kCaption, 0);
    if (pugi::xml_node desc = Child(n, "figDesc")) Add(desc, BlockRole::kCaption, 0);
    // GROBID puts table content in <table><row><cell>.
    for (const pugi::xml_node& table : Children(n, "table")) {
      for (const pugi::xml_node& row : Children(table, "row")) {
        for (const pugi::xml_node& cell : Children(row, "cell")) Add(cell, BlockRole::kTableCell, 0);
      }
    }
  } else if (name == "listBibl") {
    Bibl(n);
  } else if (name == "formula" || name == "note" || name == "graphic") {
    // Not sentences.
  } else {
    Container(n, level, role);
  }
}

void TeiImporter::Bibl(const pugi::xml_node& list) {
  doc_->has_reference_list = true;
  builder_.AddTextBlock("References", BlockRole::kReferenceHeading, 1);
  for (const pugi::xml_node& b : Children(list, "biblStruct")) {
    std::string s = BiblString(b);
    if (!builder_.AddTextBlock(s.empty() ? "[no reference text]" : s, BlockRole::kReferenceEntry)) {
      continue;
    }
    ref_ids_.push_back(Attr(b, "id"));
  }
}

std::string TeiImporter::BiblString(const pugi::xml_node& b) const {
  for (const pugi::xml_node& note : Children(b, "note")) {
    if (Attr(note, "type") == "raw_reference") return Text(note);
  }
  xml::RefFields f;
  pugi::xml_node analytic = Child(b, "analytic");
  pugi::xml_node monogr = Child(b, "monogr");
  pugi::xml_node with_authors = Child(analytic, "author") ? analytic : monogr;
  for (const pugi::xml_node& a : Children(with_authors, "author")) {
    pugi::xml_node p = Child(a, "persName");
    if (!p) {
      if (pugi::xml_node org = Child(a, "orgName")) f.authors.push_back(Text(org));
      continue;
    }
    std::string given;
    for (const pugi::xml_node& fn : Children(p, "forename")) given += " " + Text(fn);
    f.authors.push_back(xml::VancouverName(Text(Child(p, "surname")), given));
  }
  for (const pugi::xml_node& t : Children(analytic, "title")) {
    if (f.title.empty()) f.title = Text(t);
  }
  for (const pugi::xml_node& t : Children(monogr, "title")) {
    if (f.source.empty()) f.source = Text(t);
  }
  pugi::xml_node imprint = Child(monogr, "imprint");
  for (const pugi::xml_node& d : Children(imprint, "date")) {
    std::string when = Attr(d, "when");
    if (f.year.empty()) f.year = when.size() >= 4 ? when.substr(0, 4) : Text(d);
  }
  for (const pugi::xml_node& s : Children(imprint, "biblScope")) {
    std::string unit = Attr(s, "unit");
    std::string v = Text(s);
    if (unit == "volume") f.volume = v;
    else if (unit == "issue") f.issue = v;
    else if (unit == "page") {
      f.fpage = Attr(s, "from").empty() ? v : Attr(s, "from");
      f.lpage = Attr(s, "to");
    }
  }
  f.publisher = Text(Child(imprint, "publisher"));
  for (const pugi::xml_node& src : {analytic, monogr, b}) {
    for (const pugi::xml_node& id : Children(src, "idno")) {
      std::string type = Attr(id, "type");
      if (type == "DOI" && f.doi.empty()) f.doi = Text(id);
      if (type == "PMID" && f.pmid.empty()) f.pmid = Text(id);
    }
    if (pugi::xml_node ptr = Child(src, "ptr"); ptr && f.url.empty()) f.url = Attr(ptr, "target");
  }
  return xml::VancouverString(f, "");
}

void TeiImporter::Run(const pugi::xml_node& tei) {
  pugi::xml_node header = Child(tei, "teiHeader");
  Header(header);
  if (!doc_->title.empty()) builder_.AddTextBlock(doc_->title, BlockRole::kTitle);
  for (const pugi::xml_node& abs : Children(Child(header, "profileDesc"), "abstract")) {
    builder_.AddTextBlock("Abstract", BlockRole::kHeading, 1);
    Container(abs, 2, BlockRole::kParagraph);
  }
  pugi::xml_node text = Child(tei, "text");
  if (pugi::xml_node body = Child(text, "body")) Container(body, 1, BlockRole::kParagraph);
  if (pugi::xml_node back = Child(text, "back")) {
    for (pugi::xml_node c = back.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      BlockRole role = Attr(c, "type") == "annex" ? BlockRole::kParagraph : BlockRole::kBoilerplate;
      if (LocalName(c) == "div" && Attr(c, "type") == "references") role = BlockRole::kParagraph;
      Node(c, 1, role);
    }
  }
  xml::ResolveCitations(builder_.citations(), ref_ids_, doc_);
}

}  // namespace

Result<Document> ImportTei(const std::string& source, std::string_view bytes) {
  xml::Origin origin{source, 0, 1};
  std::string buffer(bytes);
  pugi::xml_document x;
  std::map<std::string, std::string> entities;
  if (Status st = xml::ParseChecked(origin, &buffer, &x, &entities); !st.ok()) return st;
  pugi::xml_node tei;
  if (Status st = xml::CheckRoot(origin, buffer, x, {"TEI"}, "TEI <TEI>", &tei); !st.ok()) {
    return st;
  }
  Document doc;
  doc.source = source;
  doc.format = "tei";
  TeiImporter importer(&doc, &entities);
  importer.Run(tei);
  return doc;
}

}  // namespace evq
