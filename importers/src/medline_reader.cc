// MEDLINE / nbib text (PubMed's "MEDLINE" format: .nbib, .medline, .txt)
// to works.
//
// Each line is "TAG - value" with the tag left-aligned in four columns and
// "- " in columns 5-6 ("PMID- 123", "TI  - ...", "FAU - ..."); a line that
// starts with six spaces continues the previous value. Records are
// separated by blank lines and start with PMID. Retraction status comes
// from the publication type "Retracted Publication" and from "RIN"
// (Retraction in) and "RRI" (Retracted and republished in) lines, the
// MEDLINE forms of PubMed XML's CommentsCorrections.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "bibliography_readers.h"

namespace evq::internal {
namespace {

struct TagLine {
  std::string tag;
  std::string value;
};

// "PMID- 123" / "TI  - x" -> tag and value; false when not a tag line.
bool SplitTag(std::string_view line, std::string* tag, std::string* value) {
  if (line.size() < 5 || line[4] != '-' || (line.size() > 5 && line[5] != ' '))
    return false;
  std::string_view t = line.substr(0, 4);
  if (!std::isupper(static_cast<unsigned char>(t[0]))) return false;
  for (char c : t) {
    if (c != ' ' && !std::isupper(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  *tag = Trim(t);
  *value = line.size() > 6 ? Trim(line.substr(6)) : "";
  return true;
}

// "S0140-6736(18)30480-X [pii]" -> ("S0140...", "pii").
std::string Tagged(const std::string& value, std::string_view kind) {
  std::string suffix = " [" + std::string(kind) + "]";
  if (!value.ends_with(suffix)) return "";
  return Trim(std::string_view(value).substr(0, value.size() - suffix.size()));
}

// The PMID in a comment/correction line ("Lancet. 2010;375:445. PMID:
// 20137807"); "" when it names none.
std::string PmidIn(const std::string& value) {
  size_t at = value.rfind("PMID: ");
  if (at == std::string::npos) return "";
  size_t i = at + 6, j = i;
  while (j < value.size() && std::isdigit(static_cast<unsigned char>(value[j])))
    ++j;
  return value.substr(i, j - i);
}

class MedlineRecord {
 public:
  explicit MedlineRecord(std::vector<TagLine> tags) : tags_(std::move(tags)) {}

  Work Build() const {
    Work work;
    CslItem& item = work.item;
    item.type = "article-journal";
    item.pmid = First("PMID");
    item.id = item.pmid;
    item.title = First("TI");
    if (item.title.empty()) item.title = First("BTI");
    // Full names (FAU) when given; AU ("Smith JA") otherwise; CN is a
    // group author.
    bool full = !First("FAU").empty();
    for (const TagLine& t : tags_) {
      if (t.tag == (full ? "FAU" : "AU")) {
        item.author.push_back(full ? PersonName(t.value)
                                   : MedlineShortName(t.value));
      } else if (t.tag == "CN") {
        CslName group;
        group.literal = t.value;
        item.author.push_back(std::move(group));
      } else if (t.tag == "FED") {
        item.editor.push_back(PersonName(t.value));
      } else if (t.tag == "PT") {
        work.publication_types.push_back(t.value);
      } else if (t.tag == "MH") {
        work.mesh_headings.push_back(Heading(t.value));
      }
    }
    item.container_title = First("JT");
    item.container_title_short = First("TA");
    item.volume = First("VI");
    item.issue = First("IP");
    item.page = First("PG");
    item.issued = ParseDateText(First("DP"));
    item.pmcid = First("PMC");
    for (const TagLine& t : tags_) {
      if ((t.tag == "LID" || t.tag == "AID") && item.doi.empty())
        item.doi = CleanDoi(Tagged(t.value, "doi"));
    }
    if (!First("BTI").empty() && First("JT").empty()) item.type = "book";
    Retraction(&work);
    return work;
  }

 private:
  std::string First(std::string_view tag) const {
    for (const TagLine& t : tags_) {
      if (t.tag == tag && !t.value.empty()) return t.value;
    }
    return "";
  }

  // "Low Back Pain/*therapy" or "*Low Back Pain": the descriptor, major
  // when a star marks it or any qualifier.
  static SubjectHeading Heading(const std::string& value) {
    SubjectHeading h;
    h.major_topic = value.find('*') != std::string::npos;
    std::string name = value.substr(0, value.find('/'));
    if (!name.empty() && name[0] == '*') name.erase(0, 1);
    h.name = Trim(name);
    return h;
  }

  void Retraction(Work* work) const {
    auto add = [&](const std::string& evidence) {
      work->retracted = true;
      if (work->retraction_evidence.find(evidence) != std::string::npos) return;
      if (!work->retraction_evidence.empty()) work->retraction_evidence += "; ";
      work->retraction_evidence += evidence;
    };
    for (const std::string& type : work->publication_types) {
      if (type == "Retracted Publication")
        add("publication type Retracted Publication");
    }
    for (const TagLine& t : tags_) {
      if (t.tag != "RIN" && t.tag != "RRI") continue;
      std::string pmid = PmidIn(t.value);
      std::string what =
          t.tag == "RIN" ? "Retraction in" : "Retracted and republished in";
      add(what + (pmid.empty() ? ": " + t.value : " PMID " + pmid));
    }
  }

  std::vector<TagLine> tags_;
};

}  // namespace

int ReadMedline(std::string_view text, BibliographySink* sink) {
  int records = 0;
  std::vector<TagLine> tags;
  int record_line = 0;
  size_t record_offset = 0;
  auto flush = [&]() {
    if (tags.empty()) return;
    ++records;
    if (tags.front().tag != "PMID") {
      sink->Skip(record_line, record_offset,
                 "record does not start with 'PMID- ' (starts with '" +
                     tags.front().tag + "'); skipped");
    } else if (tags.front().value.empty()) {
      sink->Skip(record_line, record_offset,
                 "record has an empty PMID; skipped");
    } else {
      sink->AddWork(MedlineRecord(std::move(tags)).Build(), record_line);
    }
    tags.clear();
  };
  int line_no = 0;
  size_t offset = 0;
  while (offset < text.size()) {
    size_t nl = text.find('\n', offset);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(offset, end - offset);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t line_offset = offset;
    offset = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (TrimView(line).empty()) {
      flush();
      continue;
    }
    std::string tag, value;
    if (SplitTag(line, &tag, &value)) {
      // PubMed separates records by a blank line; a PMID line without one
      // still starts a record.
      if (tag == "PMID" && !tags.empty()) flush();
      if (tags.empty()) {
        record_line = line_no;
        record_offset = line_offset;
      }
      tags.push_back({tag, value});
    } else if (line.starts_with("      ") && !tags.empty()) {
      std::string& v = tags.back().value;
      v += (v.empty() ? "" : " ") + Trim(line);
    } else {
      sink->Warn(line_no, line_offset,
                 "line is neither 'TAG - value' nor a continuation; ignored");
    }
  }
  flush();
  return records;
}

}  // namespace evq::internal
