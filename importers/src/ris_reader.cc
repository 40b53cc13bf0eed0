// RIS (.ris) to works.
//
// A record is "TY  - CODE" ... "ER  - ", one "XX  - value" tag line per
// field (two-character tag, two spaces, dash). Exporters wrap long values:
// a line without a tag continues the previous value. The tag set follows
// the 2011 RIS specification and what Zotero, EndNote, Mendeley and PubMed
// write; repeated tags (AU, UR) accumulate.
//
// A record without its ER (the next TY or the end of the file comes first)
// is skipped: it was cut, and its last fields cannot be trusted.
#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "bibliography_readers.h"

namespace evq::internal {
namespace {

struct TagLine {
  std::string tag;
  std::string value;
  int line = 0;
};

// "TY  - JOUR" -> {"TY", "JOUR"}; false when the line is not a tag line.
// The space after the dash may be missing ("ER  -") and some writers use
// one space before it.
bool SplitTag(std::string_view line, std::string* tag, std::string* value) {
  if (line.size() < 5) return false;
  if (!std::isupper(static_cast<unsigned char>(line[0])) ||
      !std::isalnum(static_cast<unsigned char>(line[1]))) {
    return false;
  }
  size_t dash = line[2] == ' ' && line[3] == ' ' && line[4] == '-' ? 4
                : line[2] == ' ' && line[3] == '-'                 ? 3
                                                   : std::string_view::npos;
  if (dash == std::string_view::npos) return false;
  if (dash + 1 < line.size() && line[dash + 1] != ' ') return false;
  *tag = std::string(line.substr(0, 2));
  *value = Trim(line.substr(std::min(dash + 1, line.size())));
  return true;
}

const char* CslType(const std::string& ty) {
  static const struct {
    const char* ris;
    const char* csl;
  } kTypes[] = {
      {"JOUR", "article-journal"},
      {"JFULL", "article-journal"},
      {"EJOUR", "article-journal"},
      {"ABST", "article-journal"},
      {"INPR", "article-journal"},
      {"MGZN", "article-magazine"},
      {"NEWS", "article-newspaper"},
      {"BOOK", "book"},
      {"EBOOK", "book"},
      {"EDBOOK", "book"},
      {"CHAP", "chapter"},
      {"ECHAP", "chapter"},
      {"CONF", "paper-conference"},
      {"CPAPER", "paper-conference"},
      {"THES", "thesis"},
      {"RPRT", "report"},
      {"GOVDOC", "report"},
      {"ELEC", "webpage"},
      {"WEB", "webpage"},
      {"BLOG", "post-weblog"},
      {"DATA", "dataset"},
      {"COMP", "software"},
      {"PAT", "patent"},
      {"UNPB", "manuscript"},
      {"MANSCPT", "manuscript"},
      {"ENCYC", "entry-encyclopedia"},
      {"DICT", "entry-dictionary"},
      {"GEN", "document"},
      {"STAND", "standard"},
      {"LEGAL", "legal_case"},
      {"CASE", "legal_case"},
      {"STAT", "legislation"},
      {"BILL", "bill"},
      {"MAP", "map"},
      {"VIDEO", "motion_picture"},
  };
  for (const auto& t : kTypes) {
    if (ty == t.ris) return t.csl;
  }
  return nullptr;
}

// RIS names are "Last, First". One without a comma is an organisation
// when it is long or reads like one ("National Institute for Health and
// Care Excellence"); else "First Last".
CslName RisName(std::string_view text) {
  std::string t = CollapseSpace(text);
  if (t.find(',') == std::string::npos) {
    int words = 1;
    for (char c : t) words += c == ' ';
    std::string padded = " " + Lower(t) + " ";
    if (words >= 4 || padded.find(" of ") != std::string::npos ||
        padded.find(" for ") != std::string::npos ||
        padded.find(" and ") != std::string::npos) {
      CslName name;
      name.literal = t;
      return name;
    }
  }
  return PersonName(t);
}

class RisRecord {
 public:
  RisRecord(std::string type, int line) : type_(std::move(type)), line_(line) {}
  void Add(TagLine t) { tags_.push_back(std::move(t)); }
  std::vector<TagLine>& tags() { return tags_; }
  int line() const { return line_; }
  const std::string& type() const { return type_; }

  Work Build() const {
    Work work;
    CslItem& item = work.item;
    const char* csl = CslType(type_);
    item.type = csl != nullptr ? csl : "document";
    work.publication_types.push_back(type_);
    bool book_part = type_ == "CHAP" || type_ == "ECHAP" || type_ == "CONF" ||
                     type_ == "CPAPER";
    bool whole_book = type_ == "BOOK" || type_ == "EBOOK" || type_ == "EDBOOK";
    for (const TagLine& t : tags_) {
      if (t.tag == "AU" || t.tag == "A1")
        item.author.push_back(RisName(t.value));
      // A2 is the book's editor for chapters; ED everywhere.
      if (t.tag == "ED" || (t.tag == "A2" && (book_part || whole_book))) {
        item.editor.push_back(RisName(t.value));
      }
    }
    item.id = First({"ID"});
    item.title = First({"TI", "T1", "CT"});
    if (item.title.empty() && whole_book) item.title = First({"BT"});
    item.container_title =
        book_part ? First({"T2", "BT", "JF", "JO"}) : First({"JF", "T2", "JO"});
    item.container_title_short = First({"J2", "JA", "J1"});
    item.collection_title = First({"T3"});
    item.volume = First({"VL"});
    item.issue = First({"IS", "CP"});
    std::string sp = First({"SP"});
    std::string ep = First({"EP"});
    item.page = NormalizePages(
        ep.empty() || sp.find('-') != std::string::npos ? sp : sp + "-" + ep);
    item.edition = First({"ET"});
    item.publisher = First({"PB"});
    item.publisher_place = First({"CY", "PP"});
    item.doi = CleanDoi(First({"DO"}));
    item.url = First({"UR", "L2"});
    if (item.doi.empty() && item.url.find("doi.org/") != std::string::npos) {
      item.doi = CleanDoi(item.url);
    }
    if (whole_book || book_part) item.isbn = First({"SN"});
    // PubMed IDs: Zotero writes "AN - 123" with "DB - PubMed"; PMC IDs
    // come as C2 "PMC123" (PubMed's own RIS) or elsewhere.
    std::string db = Lower(First({"DB", "DP"}));
    std::string an = First({"AN"});
    if (!an.empty() && AllDigits(an) &&
        (db.find("pubmed") != std::string::npos ||
         db.find("medline") != std::string::npos)) {
      item.pmid = an;
    }
    for (const TagLine& t : tags_) {
      if (t.value.starts_with("PMC") && t.value.size() > 3 &&
          AllDigits(t.value.substr(3)) && item.pmcid.empty()) {
        item.pmcid = t.value;
      }
      if (t.value.starts_with("PMID: ") && item.pmid.empty() &&
          AllDigits(t.value.substr(6))) {
        item.pmid = t.value.substr(6);
      }
    }
    // PY "2019///" or "2019/05/03/"; DA, the full date, may add the month.
    item.issued = ParseDateText(First({"PY", "Y1", "DA"}));
    CslDate da = ParseDateText(First({"DA"}));
    if (da.year == item.issued.year && item.issued.month == 0) item.issued = da;
    std::string y2 = First({"Y2"});
    if (!y2.empty() && (type_ == "ELEC" || type_ == "WEB"))
      item.accessed = ParseDateText(y2);
    return work;
  }

 private:
  static bool AllDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  // The first non-empty value of the first of `tags` present.
  std::string First(std::initializer_list<const char*> tags) const {
    for (const char* tag : tags) {
      for (const TagLine& t : tags_) {
        if (t.tag == tag && !t.value.empty()) return t.value;
      }
    }
    return "";
  }

  std::string type_;
  int line_;
  std::vector<TagLine> tags_;
};

}  // namespace

int ReadRis(std::string_view text, BibliographySink* sink) {
  int records = 0;
  std::vector<RisRecord> open;  // zero or one record being read
  bool stray_reported = false;
  int line_no = 0;
  size_t offset = 0;
  size_t record_offset = 0;
  while (offset < text.size()) {
    size_t nl = text.find('\n', offset);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(offset, end - offset);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t line_offset = offset;
    offset = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    std::string tag, value;
    if (!SplitTag(line, &tag, &value)) {
      if (TrimView(line).empty()) continue;
      if (!open.empty() && !open.back().tags().empty()) {
        // A wrapped value.
        std::string& v = open.back().tags().back().value;
        v += (v.empty() ? "" : " ") + Trim(line);
      } else if (open.empty() && !stray_reported) {
        sink->Warn(line_no, line_offset,
                   "text outside a record (expected 'TY  - ') ignored");
        stray_reported = true;
      }
      continue;
    }
    if (tag == "TY") {
      ++records;
      if (!open.empty()) {
        sink->Skip(open.back().line(), record_offset,
                   "record of type '" + open.back().type() +
                       "' has no 'ER' before the next 'TY' (line " +
                       std::to_string(line_no) + ")");
        open.clear();
      }
      if (CslType(value) == nullptr) {
        sink->Warn(line_no, line_offset,
                   "unknown record type '" + value + "' read as a document");
      }
      open.emplace_back(value, line_no);
      record_offset = line_offset;
      stray_reported = false;
      continue;
    }
    if (open.empty()) {
      if (!stray_reported) {
        sink->Warn(
            line_no, line_offset,
            "'" + tag + "' outside a record (expected 'TY  - ') ignored");
        stray_reported = true;
      }
      continue;
    }
    if (tag == "ER") {
      sink->AddWork(open.back().Build(), open.back().line());
      open.clear();
      continue;
    }
    open.back().Add({tag, value, line_no});
  }
  if (!open.empty()) {
    sink->Skip(open.back().line(), record_offset,
               "record of type '" + open.back().type() +
                   "' has no 'ER' before the end of the file");
  }
  return records;
}

}  // namespace evq::internal
