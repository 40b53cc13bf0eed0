// From labelled spans to fields. The tagger decides where each field is;
// the functions here decide what its value is, so "(2011)." becomes year
// 2011, "pp. 1477-81." page "1477-81" and "In J. Smith (Ed.)," one editor.
#include "cite/reference_fields.h"

#include <string>
#include <vector>

#include "cite/reference_model.h"
#include "cite/reference_parts.h"
#include "cite/reference_text.h"

namespace evq::cite {
namespace {

struct Segment {
  int label;
  size_t first;  // token indexes, inclusive
  size_t last;
};

// Drops a leading "In:", "In", "edited by", "ed. by" and the like.
std::string_view StripLeadIn(std::string_view s) {
  s = Trim(s, " ,;:.");
  static constexpr std::string_view kLeads[] = {
      "in:",     "in",        "edited by", "ed. by",
      "eds. by", "hrsg. von", "hg. v.",    "herausgegeben von",
      "ed.",     "eds.",      "dans",      "em:",
      "en:",     "en",        "em"};
  for (std::string_view lead : kLeads) {
    if (StartsWithIgnoreCase(s, lead) &&
        (s.size() == lead.size() || !IsLetter(s[lead.size()]) ||
         lead.back() == '.' || lead.back() == ':')) {
      return Trim(s.substr(lead.size()), " ,;:");
    }
  }
  return s;
}

// Drops a trailing "(Eds.)", ", editors", "ed.", "(Hrsg.)" from a name list.
std::string_view StripEditorMarks(std::string_view s) {
  static constexpr std::string_view kMarks[] = {
      "(eds.)",  "(eds)",   "(ed.)",   "(ed)",        "(editors)", "(editor)",
      "(hrsg.)", "(hrsg)",  "(hg.)",   "(dir.)",      "(dirs.)",   "(coord.)",
      "(org.)",  "(orgs.)", "(comp.)", "(a cura di)", "editors",   "editor",
      "eds.",    "eds",     "ed.",     "ed",          "(trans.)",  "trans.",
      "(tr.)",   "tr."};
  bool changed = true;
  while (changed) {
    changed = false;
    s = Trim(s, " ,;:.");
    for (std::string_view m : kMarks) {
      if (s.size() > m.size() &&
          EqualsIgnoreCase(s.substr(s.size() - m.size()), m) &&
          (m[0] == '(' || !IsLetter(s[s.size() - m.size() - 1]))) {
        s.remove_suffix(m.size());
        changed = true;
        break;
      }
    }
  }
  return Trim(s, " ,;:");
}

void SetNames(std::string_view s, std::vector<CslName>* names, bool* et_al) {
  s = Trim(s, " ,;:");
  // "(M. Cooper, J. C. Watson & W. B. Stiles, Eds.)": the brackets are not
  // part of the first or last name.
  if (s.size() > 2 && ((s.front() == '(' && s.back() == ')') ||
                       (s.front() == '[' && s.back() == ']')))
    s = Trim(s.substr(1, s.size() - 2), " ,;:");
  if (s.empty()) return;
  *names = ParseNames(s, et_al);
  if (names->empty()) {
    std::string_view lit = TrimPunct(s);
    if (!lit.empty() && !EqualsIgnoreCase(lit, "et al")) {
      CslName n;
      n.literal = std::string(lit);
      names->push_back(std::move(n));
    }
  }
}

std::string CleanTitle(std::string_view s) {
  s = Trim(s, " ,;:");
  // A period closing the title goes; "?" and "!" belong to it.
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) {
    s.remove_suffix(1);
    s = Trim(s, " ,;:");
  }
  s = StripQuotes(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) {
    s.remove_suffix(1);
    s = Trim(s, " ,;:");
  }
  return std::string(s);
}

// Whether s opens with a genre or status note ("Technical Report ...",
// "Masters Thesis", "to appear").
bool StartsWithNote(std::string_view s) {
  // clang-format off
  static constexpr std::string_view kNotes[] = {
      "technical report", "tech. rep", "tech report", "tech. report", "tr ",
      "report ", "master's thesis", "masters thesis", "phd thesis",
      "ph.d. thesis", "ph. d. thesis", "doctoral dissertation",
      "dissertation", "thesis", "internet-draft", "internet draft",
      "to appear", "submitted", "unpublished", "manuscript", "in press",
      "working paper", "personal communication", "draft paper", "us patent",
      "technical", "preprint"};
  // clang-format on
  for (std::string_view note : kNotes) {
    if (StartsWithIgnoreCase(s, note)) return true;
  }
  return false;
}

// "Condor Technical Summary. TR 1069", "Title, Masters Thesis": a note
// the tagger ran into the title ends it, at the sentence break or comma
// before it.
std::string_view CutGenreTail(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == ',') && s[i + 1] == ' ' &&
        StartsWithNote(s.substr(i + 2)))
      return s.substr(0, i + 1);
  }
  return s;
}

// "Logics of Programs, volume 193, of Lecture Notes", "Handbook (Vol. 3,
// Part A": the volume the tagger ran into a container ends it.
std::string_view CutVolumeTail(std::string_view s) {
  static constexpr std::string_view kMarks[] = {", volume ", ", vol. ",
                                                " (vol. ", ", pp. "};
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ',' && s[i] != ' ') continue;
    for (std::string_view mark : kMarks) {
      if (StartsWithIgnoreCase(s.substr(i), mark) && i > 0)
        return s.substr(0, i);
    }
  }
  return s;
}

// "(Toronto" -> "Toronto": a bracket whose partner fell in another field
// ("(Toronto, 2005)" is place and date).
std::string_view StripLoneBrackets(std::string_view s) {
  if (!s.empty() && (s.front() == '(' || s.front() == '[') &&
      s.find(s.front() == '(' ? ')' : ']') == std::string_view::npos)
    s.remove_prefix(1);
  if (!s.empty() && (s.back() == ')' || s.back() == ']') &&
      s.find(s.back() == ')' ? '(' : '[') == std::string_view::npos)
    s.remove_suffix(1);
  return s;
}

// "pp. 1477-81." -> "1477-81"; "p. A62" -> "A62"; "S. 12-14" -> "12-14".
std::string CleanPages(std::string_view s) {
  s = Trim(s, " ,;:.()[]");
  static constexpr std::string_view kKeys[] = {
      "pp.", "pp", "p.", "p", "pages", "page", "s.", "pg.", "págs.", "pág."};
  for (std::string_view k : kKeys) {
    if (StartsWithIgnoreCase(s, k) && s.size() > k.size() &&
        (k.back() == '.' || !IsLetter(s[k.size()]))) {
      s = Trim(s.substr(k.size()), " .:");
      break;
    }
  }
  // A range has no sentence break: what follows one ("811-816. 5809519",
  // a bare PubMed id) was run into the span by the tagger.
  size_t brk = s.find(". ");
  if (brk != std::string_view::npos) s = s.substr(0, brk);
  return std::string(Trim(s, " ,;:.()[]"));
}

void SetVolume(std::string_view s, CslItem* item) {
  std::string_view t = Trim(s, " ,;:.");
  CslItem probe;
  ParseTail(t, &probe);
  std::string volume = probe.volume;
  std::string issue = probe.issue;
  if (volume.empty() && !issue.empty()) volume.swap(issue);
  if (volume.empty()) {
    // No number the tail rules place: keep the first digit run.
    size_t i = 0;
    while (i < t.size() && !IsDigit(t[i])) ++i;
    size_t d = DigitRun(t, i);
    volume = d != 0 ? std::string(t.substr(i, d)) : std::string(TrimPunct(t));
  }
  // A volume is a number, in digits or Roman numerals; words ("to appear",
  // "CS") are the tagger's mistakes and left out.
  bool numeral = !volume.empty();
  for (char c : volume) {
    if (IsDigit(c)) {
      numeral = true;
      break;
    }
    if (std::string_view("IVXLCivxlc").find(c) == std::string_view::npos)
      numeral = false;
  }
  if (!numeral) volume.clear();
  if (issue.empty() && !volume.empty() && IsDigit(volume[0])) {
    // More numbers after the volume in its own span ("36, 3", "40.1",
    // "No. 134, Part 3", "45/4") are its issue or part: two numbers are a
    // double issue ("no. 3/4" -> "3-4"), more are listed ("2, 36, 1").
    std::vector<std::string_view> runs;
    for (size_t i = 0; i < t.size();) {
      size_t d = DigitRun(t, i);
      if (d == 0) {
        ++i;
        continue;
      }
      runs.push_back(t.substr(i, d));
      i += d;
    }
    if (runs.size() >= 2 && runs[0] == volume) {
      for (size_t k = 1; k < runs.size(); ++k) {
        if (k > 1) issue += runs.size() == 3 ? "-" : ", ";
        issue += runs[k];
      }
    }
  }
  if (item->volume.empty()) item->volume = volume;
  if (item->issue.empty()) item->issue = issue;
}

std::string CleanEdition(std::string_view s) {
  std::string_view t = Trim(s, " ,;:.()");
  CslItem probe;
  ParseTail(t, &probe);
  if (!probe.edition.empty()) return probe.edition;
  return std::string(TrimPunct(t));
}

CslDate CleanDate(std::string_view s) {
  CslDate d = ParseDate(s);
  if (d.year != 0) return d;
  std::string_view t = StripQuotes(Trim(s, " ,;:.()[]"));
  std::string key;
  for (char c : t)
    if (IsAlnum(c) || c == ' ') key += ToLower(c);
  if (key == "nd" || key == "sd" || key == "n d" || key == "s d") {
    d.literal = "n.d.";
  } else if (key == "in press" || key == "forthcoming" || key == "im druck" ||
             key == "sous presse" || key == "no prelo" || key == "en prensa") {
    d.literal = "in press";
  }
  return d;
}

}  // namespace

std::string GuessType(const CslItem& item, bool journal_label,
                      std::string_view genre) {
  std::string g;
  for (char c : genre) g += ToLower(c);
  auto has = [&](std::string_view s, std::string_view w) {
    return FindIgnoreCase(s, w) != std::string_view::npos;
  };
  if (has(g, "thesis") || has(g, "dissertation") || has(g, "tese") ||
      has(g, "these"))
    return "thesis";
  if (has(g, "report") || has(g, "working paper")) return "report";
  if (has(g, "preprint") || has(g, "arxiv")) return "preprint";
  const std::string& c = item.container_title;
  if (!c.empty() &&
      (has(c, "proceedings") || has(c, "conference") || has(c, "symposium") ||
       has(c, "workshop") || has(c, "congress")))
    return "paper-conference";
  if (!c.empty() && !item.editor.empty()) return "chapter";
  if (!c.empty() &&
      (journal_label || !item.volume.empty() || !item.issue.empty()))
    return "article-journal";
  if (!c.empty() && (!item.publisher.empty() || !item.isbn.empty()))
    return "chapter";
  if (!item.publisher.empty() || !item.isbn.empty()) return "book";
  if (!item.url.empty() && c.empty()) return "webpage";
  if (!c.empty()) return "article-journal";
  return "document";
}

void FieldsFromLabels(std::string_view text,
                      const std::vector<RefToken>& tokens,
                      const std::vector<int>& labels, CslItem* item) {
  {
    std::string s = NormalizeReference(text);
    ExtractIdentifiers(&s, item);
  }
  std::vector<Segment> segments;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!segments.empty() && segments.back().label == labels[i] &&
        segments.back().last + 1 == i) {
      segments.back().last = i;
    } else {
      segments.push_back({labels[i], i, i});
    }
  }
  bool seen[kNumRefLabels] = {};
  bool journal = false;
  std::string genre;
  for (const Segment& seg : segments) {
    size_t b = tokens[seg.first].begin;
    size_t e = tokens[seg.last].end;
    std::string s = NormalizeReference(text.substr(b, e - b));
    bool first = !seen[seg.label];
    seen[seg.label] = true;
    switch (seg.label) {
      case kLabelNumber:
        if (first) {
          // "[12]", "12.", "3a": a list number has digits; the tagger
          // sometimes takes an acronym author ("GBD 2019 ...") for one, and
          // a wrong number would break numeric citation linking.
          std::string digits;
          bool has_digit = false;
          for (char c : s) {
            if (IsAlnum(c)) digits += c;
            has_digit = has_digit || IsDigit(c);
          }
          if (has_digit && digits.size() <= 5) item->citation_number = digits;
        }
        break;
      case kLabelAuthor:
        if (first) SetNames(StripEditorMarks(s), &item->author, &item->et_al);
        break;
      case kLabelEditor:
        if (first && item->editor.empty()) {
          bool et_al = false;
          SetNames(StripEditorMarks(StripLeadIn(s)), &item->editor, &et_al);
        }
        break;
      case kLabelDate:
        if (item->issued.year == 0) {
          CslDate d = CleanDate(s);
          if (d.year != 0 || item->issued.literal.empty()) item->issued = d;
        }
        break;
      case kLabelTitle:
        if (first) item->title = CleanTitle(CutGenreTail(s));
        break;
      case kLabelJournal:
      case kLabelContainer:
        if (item->container_title.empty()) {
          // "In Proceedings of X" stays whole, as the rule parser and
          // AnyStyle's data both keep it: the "In" tells a chapter or paper
          // from an article (GuessType).
          std::string_view c = CutVolumeTail(s);
          // "Technical Report KSL-91-71" names the genre, not a container.
          if (StartsWithNote(c)) break;
          // A lone "In" before the editors ("In J. Smith (Ed.), Book"):
          // the book is the next container span.
          std::string_view bare = TrimPunct(c);
          if (bare == "In" || bare == "in" || bare == "IN") break;
          item->container_title = CleanTitle(c);
          journal = seg.label == kLabelJournal;
        }
        break;
      case kLabelCollection:
        if (first) item->collection_title = CleanTitle(s);
        break;
      case kLabelVolume:
        if (first) SetVolume(s, item);
        break;
      case kLabelPages:
        if (first) {
          // A bare PubMed id after the range ("52-57 20682906") is the
          // identifier the extractor already took, not a page.
          if (!item->pmid.empty()) {
            size_t at = s.find(" " + item->pmid);
            if (at != std::string::npos) s.erase(at);
          }
          item->page = CleanPages(s);
        }
        break;
      case kLabelPublisher:
        if (first) {
          std::string_view pub = TrimPunct(StripQuotes(s));
          if (!StartsWithNote(pub)) item->publisher = std::string(pub);
        }
        break;
      case kLabelLocation:
        if (first)
          item->publisher_place = std::string(
              TrimPunct(StripLoneBrackets(TrimPunct(StripQuotes(s)))));
        break;
      case kLabelEdition:
        if (first) item->edition = CleanEdition(s);
        break;
      case kLabelUrl:
        if (item->url.empty()) item->url = std::string(Trim(s, " ,;.<>()[]"));
        break;
      case kLabelDoi:
        if (item->doi.empty()) {
          std::string_view d = Trim(s, " ,;.<>()[]");
          size_t p = d.find("10.");
          if (p != std::string_view::npos) item->doi = std::string(d.substr(p));
        }
        break;
      case kLabelIsbn:
        if (item->isbn.empty()) {
          std::string_view d = Trim(s, " ,;.()[]");
          if (StartsWithIgnoreCase(d, "isbn")) d = Trim(d.substr(4), " :");
          item->isbn = std::string(d);
        }
        break;
      case kLabelNote:
        genre += s;
        genre += ' ';
        break;
      default:
        break;
    }
  }
  item->type = GuessType(*item, journal, genre);
}

}  // namespace evq::cite
