// The JATS importer: JATS / NLM full text (PubMed Central, PLOS, SciELO) to
// a Document.
//
// Reading order: title, abstracts (each under an "Abstract" heading or its
// own title), body sections (heading level = nesting depth), back matter,
// then sub-articles (translations, responses) with their language marked.
// Figure and table captions become kCaption, table cells kTableCell; floats
// nested inside a paragraph are emitted right after it. Acknowledgements,
// funding, competing interests and footnotes are kBoilerplate: they are not
// claims. Every <xref ref-type="bibr"> becomes a MarkupCitation numbered by
// the position of its rid targets in the reference list(s).
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <utility>
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

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::vector<std::string> SplitIds(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Elements that are blocks even when the markup nests them in a paragraph.
bool IsFloat(std::string_view n) {
  return n == "fig" || n == "fig-group" || n == "table-wrap" || n == "table-wrap-group" ||
         n == "list" || n == "boxed-text" || n == "disp-quote" || n == "def-list" ||
         n == "supplementary-material" || n == "statement" || n == "p" || n == "sec" ||
         n == "media" || n == "graphic" || n == "chem-struct-wrap";
}

// A citation element is "mixed" (printed punctuation between its fields) when
// it has text of its own; element-citation has none.
bool HasOwnText(const pugi::xml_node& cit) {
  for (pugi::xml_node c = cit.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_pcdata) continue;
    for (const char* p = c.value(); *p; ++p) {
      if (!std::isspace(static_cast<unsigned char>(*p))) return true;
    }
  }
  return false;
}

class JatsImporter {
 public:
  JatsImporter(Document* doc, const std::map<std::string, std::string>* entities)
      : doc_(doc), entities_(entities), builder_(doc, entities) {}

  void Run(const pugi::xml_node& article);

 private:
  std::string Text(const pugi::xml_node& n, bool spaced = false) const {
    return xml::Text(n, entities_, spaced);
  }
  std::string BlockLanguage(const pugi::xml_node& n, const std::string& inherited) const {
    std::string lang = Lower(Attr(n, "lang"));
    if (lang.empty()) return inherited;
    return lang == doc_->metadata.language ? "" : lang;
  }
  InlineAction Classify(const pugi::xml_node& n, std::vector<std::string>* targets) const;
  bool Add(const pugi::xml_node& n, BlockRole role, int level, const std::string& lang);
  void Metadata(const pugi::xml_node& article, const pugi::xml_node& meta);
  void Abstract(const pugi::xml_node& abs, const std::string& lang);
  void Container(const pugi::xml_node& n, int level, const std::string& lang, BlockRole role);
  void Node(const pugi::xml_node& n, int level, const std::string& lang, BlockRole role);
  void Captioned(const pugi::xml_node& n, const std::string& lang);
  void Table(const pugi::xml_node& n, const std::string& lang);
  void List(const pugi::xml_node& n, int depth, const std::string& lang);
  void Back(const pugi::xml_node& back, const std::string& lang);
  void RefList(const pugi::xml_node& n, const std::string& lang);
  std::string ReferenceString(const pugi::xml_node& ref) const;
  std::string StructuredReference(const pugi::xml_node& cit) const;

  Document* doc_;
  const std::map<std::string, std::string>* entities_;
  xml::DocBuilder builder_;
  std::vector<std::string> ref_ids_;
  bool ref_heading_done_ = false;
};

InlineAction JatsImporter::Classify(const pugi::xml_node& n,
                                    std::vector<std::string>* targets) const {
  std::string_view name = LocalName(n);
  if (name == "xref") {
    if (Attr(n, "ref-type") != "bibr") return InlineAction::kDescend;
    *targets = SplitIds(Attr(n, "rid"));
    return InlineAction::kCitation;
  }
  if (IsFloat(name)) return InlineAction::kDefer;
  // Footnotes inside running text and alternative renderings would repeat
  // or interrupt the sentence.
  if (name == "fn" || name == "alternatives" || name == "inline-graphic" || name == "label" ||
      name == "object-id") {
    return name == "alternatives" ? InlineAction::kDescend : InlineAction::kSkip;
  }
  return InlineAction::kDescend;
}

bool JatsImporter::Add(const pugi::xml_node& n, BlockRole role, int level,
                       const std::string& lang) {
  std::vector<pugi::xml_node> deferred;
  bool added = builder_.AddBlock(
      n, role, level, lang,
      [this](const pugi::xml_node& c, std::vector<std::string>* t) { return Classify(c, t); },
      &deferred);
  BlockRole inner = role == BlockRole::kBoilerplate ? role : BlockRole::kParagraph;
  for (const pugi::xml_node& d : deferred) Node(d, level + 1, lang, inner);
  return added;
}

void JatsImporter::Metadata(const pugi::xml_node& article, const pugi::xml_node& meta) {
  DocumentMetadata& md = doc_->metadata;
  md.article_type = Attr(article, "article-type");
  md.language = Lower(Attr(article, "lang"));
  for (const pugi::xml_node& id : Children(meta, "article-id")) {
    std::string type = Attr(id, "pub-id-type");
    std::string value = Text(id);
    if (type == "doi") md.doi = value;
    else if (type == "pmid") md.pmid = value;
    else if (type == "pmc" || type == "pmcid") md.pmcid = value.starts_with("PMC") ? value : "PMC" + value;
  }
  pugi::xml_node jmeta = Child(Child(article, "front"), "journal-meta");
  pugi::xml_node jt = Child(Child(jmeta, "journal-title-group"), "journal-title");
  if (!jt) jt = Child(jmeta, "journal-title");
  md.journal = Text(jt);
  // Prefer the electronic date: it is the earliest the article was public.
  pugi::xml_node best;
  for (const pugi::xml_node& d : Children(meta, "pub-date")) {
    std::string type = Attr(d, "pub-type") + Attr(d, "date-type") + Attr(d, "publication-format");
    bool electronic = type.find("epub") != std::string::npos ||
                      type.find("electronic") != std::string::npos;
    if (!best || electronic) best = d;
    if (electronic) break;
  }
  if (best) {
    std::string y = Text(Child(best, "year"));
    std::string m = Text(Child(best, "month"));
    std::string d = Text(Child(best, "day"));
    auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
    md.publication_date = y;
    if (!y.empty() && !m.empty() && std::isdigit(static_cast<unsigned char>(m[0]))) {
      md.publication_date += "-" + two(m);
      if (!d.empty()) md.publication_date += "-" + two(d);
    }
  }
  // The article as a reference to it would state it (Work identity).
  CslItem& item = md.citation;
  item.type = "article-journal";
  item.container_title = md.journal;
  for (const pugi::xml_node& a : Children(jmeta, "abbrev-journal-title")) {
    if (item.container_title_short.empty() || Attr(a, "abbrev-type") == "nlm-ta") {
      item.container_title_short = Text(a);
    }
  }
  item.volume = Text(Child(meta, "volume"));
  item.issue = Text(Child(meta, "issue"));
  std::string first = Text(Child(meta, "fpage"));
  std::string last = Text(Child(meta, "lpage"));
  item.page = first.empty() ? Text(Child(meta, "elocation-id"))
              : last.empty() || last == first ? first
                                              : first + "-" + last;
  for (const pugi::xml_node& group : Children(meta, "contrib-group")) {
    for (const pugi::xml_node& c : Children(group, "contrib")) {
      std::string type = Attr(c, "contrib-type");
      if (!type.empty() && type != "author") continue;
      pugi::xml_node name = Child(c, "name");
      if (name) {
        std::string family = Text(Child(name, "surname"));
        std::string given = Text(Child(name, "given-names"));
        md.authors.push_back(given.empty() ? family : family + " " + given);
        item.author.push_back(CslName{family, given, ""});
      } else if (pugi::xml_node collab = Child(c, "collab")) {
        md.authors.push_back(Text(collab));
        item.author.push_back(CslName{"", "", Text(collab)});
      }
    }
  }
}

void JatsImporter::Abstract(const pugi::xml_node& abs, const std::string& lang) {
  // Graphical and table-of-contents teasers repeat the abstract.
  std::string type = Attr(abs, "abstract-type");
  if (type == "toc" || type == "teaser" || type == "graphical") return;
  pugi::xml_node title = Child(abs, "title");
  std::string heading = title ? Text(title) : "";
  builder_.AddTextBlock(heading.empty() ? "Abstract" : heading, BlockRole::kHeading, 1, lang);
  Container(abs, 2, lang, BlockRole::kParagraph);
}

// Children of a section-like element: `role` is kParagraph, or
// kBoilerplate for back matter that holds no claims.
void JatsImporter::Container(const pugi::xml_node& n, int level, const std::string& lang,
                             BlockRole role) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    if (name == "title" || name == "label" || name == "caption") continue;  // the parent's
    Node(c, level, lang, role);
  }
}

void JatsImporter::Node(const pugi::xml_node& n, int level, const std::string& lang,
                        BlockRole role) {
  std::string_view name = LocalName(n);
  std::string l = BlockLanguage(n, lang);
  bool boiler = role == BlockRole::kBoilerplate;
  if (name == "sec" || name == "app" || name == "boxed-text" || name == "disp-quote" ||
      name == "glossary" || name == "notes" || name == "bio") {
    pugi::xml_node title = Child(n, "title");
    if (!title && name == "boxed-text") title = Child(Child(n, "caption"), "title");
    if (title) Add(title, boiler ? role : BlockRole::kHeading, level, l);
    BlockRole inner = (name == "bio" || name == "glossary") ? BlockRole::kBoilerplate : role;
    Container(n, title ? level + 1 : level, l, inner);
  } else if (name == "p" || name == "statement" || name == "def" || name == "term") {
    if (name == "statement") {
      Container(n, level, l, role);
    } else {
      Add(n, role, 0, l);
    }
  } else if (name == "list") {
    List(n, boiler ? 0 : 1, l);
  } else if (name == "fig" || name == "supplementary-material" || name == "media" ||
             name == "chem-struct-wrap") {
    Captioned(n, l);
  } else if (name == "table-wrap") {
    Table(n, l);
  } else if (name == "fig-group" || name == "table-wrap-group" || name == "def-list" ||
             name == "def-item" || name == "app-group" || name == "floats-group") {
    Container(n, level, l, role);
  } else if (name == "ref-list") {
    RefList(n, l);
  } else if (name == "ack" || name == "fn-group" || name == "fn" || name == "funding-group") {
    pugi::xml_node title = Child(n, "title");
    if (title) Add(title, BlockRole::kBoilerplate, level, l);
    Container(n, level + 1, l, BlockRole::kBoilerplate);
  } else if (name == "graphic" || name == "disp-formula" || name == "alternatives" ||
             name == "object-id" || name == "permissions" || name == "attrib") {
    // Nothing a reader reads as a sentence.
  } else {
    Container(n, level, l, role);
  }
}

void JatsImporter::Captioned(const pugi::xml_node& n, const std::string& lang) {
  pugi::xml_node caption = Child(n, "caption");
  if (!caption) return;
  pugi::xml_node title = Child(caption, "title");
  if (title) Add(title, BlockRole::kCaption, 0, lang);
  for (pugi::xml_node c = caption.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == "p") Add(c, BlockRole::kCaption, 0, lang);
  }
}

// Elements named `a` or `b` under `n`, in document order, not below a match.
void Collect(const pugi::xml_node& n, std::string_view a, std::string_view b, int depth,
             std::vector<pugi::xml_node>* out) {
  if (depth > 100) return;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    if (name == a || name == b) out->push_back(c);
    else Collect(c, a, b, depth + 1, out);
  }
}

void JatsImporter::Table(const pugi::xml_node& n, const std::string& lang) {
  Captioned(n, lang);
  std::vector<pugi::xml_node> cells;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    std::string_view name = LocalName(c);
    if (name == "table" || name == "alternatives") Collect(c, "td", "th", 0, &cells);
  }
  for (const pugi::xml_node& cell : cells) Add(cell, BlockRole::kTableCell, 0, lang);
  // Table notes explain and cite like cells do; they are not captions.
  std::vector<pugi::xml_node> notes;
  if (pugi::xml_node foot = Child(n, "table-wrap-foot")) Collect(foot, "p", "p", 0, &notes);
  for (const pugi::xml_node& p : notes) Add(p, BlockRole::kTableCell, 0, lang);
}

void JatsImporter::List(const pugi::xml_node& n, int depth, const std::string& lang) {
  for (const pugi::xml_node& item : Children(n, "list-item")) {
    bool has_p = false;
    for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = LocalName(c);
      if (name == "p") {
        has_p = true;
        Add(c, BlockRole::kListItem, depth, lang);
      } else if (name == "list") {
        has_p = true;
        List(c, depth + 1, lang);
      }
    }
    if (!has_p) Add(item, BlockRole::kListItem, depth, lang);
  }
}

void JatsImporter::Back(const pugi::xml_node& back, const std::string& lang) {
  for (pugi::xml_node c = back.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    if (name == "ref-list") {
      RefList(c, lang);
    } else if (name == "app-group" || name == "app") {
      Node(c, 1, lang, BlockRole::kParagraph);
    } else {
      // ack, fn-group, notes, sec "Competing interests" / "Funding" ...
      Node(c, 1, lang, BlockRole::kBoilerplate);
    }
  }
}

void JatsImporter::RefList(const pugi::xml_node& n, const std::string& lang) {
  doc_->has_reference_list = true;
  pugi::xml_node title = Child(n, "title");
  if (title) {
    Add(title, BlockRole::kReferenceHeading, 1, lang);
  } else if (!ref_heading_done_) {
    builder_.AddTextBlock("References", BlockRole::kReferenceHeading, 1, lang);
  }
  ref_heading_done_ = true;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    if (name == "ref-list") {
      RefList(c, lang);
    } else if (name == "ref") {
      std::string s = ReferenceString(c);
      // An entry must exist even when empty so positions stay right.
      if (!builder_.AddTextBlock(s.empty() ? "[no reference text]" : s,
                                 BlockRole::kReferenceEntry, 0, lang)) {
        continue;
      }
      ref_ids_.push_back(Attr(c, "id"));
    }
  }
}

std::string JatsImporter::ReferenceString(const pugi::xml_node& ref) const {
  pugi::xml_node mixed, structured;
  for (pugi::xml_node c = ref.first_child(); c; c = c.next_sibling()) {
    std::string_view name = LocalName(c);
    if (name == "mixed-citation" && !mixed) mixed = c;
    if ((name == "element-citation" || name == "citation" || name == "nlm-citation") &&
        !structured) {
      structured = c;
    }
  }
  if (!mixed && structured && HasOwnText(structured)) std::swap(mixed, structured);
  if (!mixed && !structured) return Text(ref, true);
  if (!mixed) return StructuredReference(structured);
  std::string s = Text(mixed, true);
  // Identifiers given only as markup, so ParseReference finds them.
  for (const pugi::xml_node& id : Children(mixed, "pub-id")) {
    std::string type = Attr(id, "pub-id-type");
    std::string v = Text(id);
    if (v.empty()) continue;
    if (type == "doi" && s.find("doi") == std::string::npos) xml::AppendUnique(&s, " ", "doi:" + v);
    if (type == "pmid" && s.find("PMID") == std::string::npos) {
      xml::AppendUnique(&s, " ", "PMID: " + v);
    }
  }
  return s;
}

std::string JatsImporter::StructuredReference(const pugi::xml_node& cit) const {
  xml::RefFields f;
  auto add_names = [&](const pugi::xml_node& group) {
    for (pugi::xml_node c = group.first_child(); c; c = c.next_sibling()) {
      std::string_view name = LocalName(c);
      if (name == "name") {
        f.authors.push_back(
            xml::VancouverName(Text(Child(c, "surname")), Text(Child(c, "given-names"))));
      } else if (name == "string-name" || name == "collab") {
        f.authors.push_back(Text(c, true));
      } else if (name == "etal") {
        f.et_al = true;
      }
    }
  };
  bool have_authors = false;
  for (const pugi::xml_node& g : Children(cit, "person-group")) {
    std::string type = Attr(g, "person-group-type");
    if (!type.empty() && type != "author") continue;
    add_names(g);
    have_authors = true;
  }
  if (!have_authors) add_names(cit);  // names directly in the citation
  for (pugi::xml_node c = cit.first_child(); c; c = c.next_sibling()) {
    std::string_view name = LocalName(c);
    std::string v = Text(c);
    if (name == "article-title" || name == "chapter-title" || name == "part-title") {
      if (f.title.empty()) f.title = v;
    } else if (name == "source") f.source = v;
    else if (name == "year" && f.year.empty()) f.year = v;
    else if (name == "date" && f.year.empty()) f.year = Text(Child(c, "year"));
    else if (name == "volume") f.volume = v;
    else if (name == "issue") f.issue = v;
    else if (name == "fpage") f.fpage = v;
    else if (name == "lpage") f.lpage = v;
    else if (name == "elocation-id" && f.fpage.empty()) f.fpage = v;
    else if (name == "publisher-name") f.publisher = v;
    else if (name == "pub-id") {
      std::string type = Attr(c, "pub-id-type");
      if (type == "doi") f.doi = v;
      else if (type == "pmid") f.pmid = v;
    } else if ((name == "ext-link" || name == "uri") && f.url.empty()) {
      f.url = Attr(c, "href").empty() ? v : Attr(c, "href");
    }
  }
  return xml::VancouverString(f, "");
}

void JatsImporter::Run(const pugi::xml_node& article) {
  pugi::xml_node front = Child(article, "front");
  pugi::xml_node meta = Child(front, "article-meta");
  Metadata(article, meta);
  doc_->title = Text(Child(Child(meta, "title-group"), "article-title"));
  doc_->metadata.citation.title = doc_->title;
  if (!doc_->title.empty()) builder_.AddTextBlock(doc_->title, BlockRole::kTitle);
  for (const pugi::xml_node& abs : Children(meta, "abstract")) Abstract(abs, BlockLanguage(abs, ""));
  for (const pugi::xml_node& abs : Children(meta, "trans-abstract")) {
    Abstract(abs, BlockLanguage(abs, ""));
  }
  if (pugi::xml_node body = Child(article, "body")) Container(body, 1, "", BlockRole::kParagraph);
  if (pugi::xml_node back = Child(article, "back")) Back(back, "");
  if (pugi::xml_node floats = Child(article, "floats-group")) {
    Container(floats, 1, "", BlockRole::kParagraph);
  }
  for (const pugi::xml_node& sub : Children(article, "sub-article")) {
    std::string lang = BlockLanguage(sub, "");
    pugi::xml_node stub = Child(sub, "front-stub");
    if (!stub) stub = Child(Child(sub, "front"), "article-meta");
    pugi::xml_node title = Child(Child(stub, "title-group"), "article-title");
    if (title) Add(title, BlockRole::kHeading, 1, lang);
    for (const pugi::xml_node& abs : Children(stub, "abstract")) Abstract(abs, lang);
    if (pugi::xml_node body = Child(sub, "body")) Container(body, 2, lang, BlockRole::kParagraph);
    if (pugi::xml_node back = Child(sub, "back")) Back(back, lang);
  }
  xml::ResolveCitations(builder_.citations(), ref_ids_, doc_);
}

}  // namespace

Result<Document> ImportJats(const std::string& source, std::string_view bytes) {
  xml::Origin origin{source, 0, 1};
  std::string buffer(bytes);
  pugi::xml_document x;
  std::map<std::string, std::string> entities;
  if (Status st = xml::ParseChecked(origin, &buffer, &x, &entities); !st.ok()) return st;
  pugi::xml_node article;
  if (Status st = xml::CheckRoot(origin, buffer, x, {"article"}, "JATS <article>", &article);
      !st.ok()) {
    return st;
  }
  Document doc;
  doc.source = source;
  doc.format = "jats";
  JatsImporter importer(&doc, &entities);
  importer.Run(article);
  return doc;
}

}  // namespace evq
