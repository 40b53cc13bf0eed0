// BibTeX / BibLaTeX (.bib) to works.
//
// Grammar as BibTeX reads it: text outside "@type{...}" is a comment;
// @comment and @preamble are skipped; @string defines macros that values
// use bare and join with '#'; a value is {braced} (nested braces), "quoted"
// (braces inside count), a number or a macro name. An entry's fields are
// kept raw until the file is read, so a "crossref" may point forward, then
// decoded from LaTeX (latex_text.cc) and mapped to CSL.
//
// A malformed entry is skipped with a diagnostic and reading resumes at the
// next "@" that starts a line: an unclosed brace would otherwise swallow
// every entry after it.
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bibliography_readers.h"

namespace evq::internal {
namespace {

struct Field {
  std::string raw;  // LaTeX as written, macros expanded, parts joined
  int line = 0;
};

struct Entry {
  std::string type;  // lowercase
  std::string key;
  std::map<std::string, Field> fields;  // lowercase names
  int line = 0;
};

// A malformed entry: what and where; parsing resumes at `resume`.
struct ParseError {
  std::string why;
  int line = 0;
  size_t offset = 0;
  size_t resume = 0;
};

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
         c == ':' || c == '.' || c == '+' || c == '/' || c == '\'';
}

// True when a value holds a line that starts like a field ("  year = "):
// the value's brace was not closed where its author meant.
bool SwallowedField(std::string_view raw) {
  size_t nl = 0;
  while ((nl = raw.find('\n', nl)) != std::string_view::npos) {
    size_t j = ++nl;
    while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t')) ++j;
    size_t name = j;
    while (j < raw.size() && std::isalpha(static_cast<unsigned char>(raw[j])))
      ++j;
    if (j == name) continue;
    while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t')) ++j;
    if (j < raw.size() && raw[j] == '=') return true;
  }
  return false;
}

class BibtexParser {
 public:
  BibtexParser(std::string_view text, BibliographySink* sink)
      : t_(text), lines_(text), sink_(sink) {
    static const char* kMonths[] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    static const char* kShort[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int m = 0; m < 12; ++m) macros_[kShort[m]] = kMonths[m];
  }

  // Parses every entry; returns the entries read (malformed ones reported).
  std::vector<Entry> Run(int* records) {
    std::vector<Entry> entries;
    while ((i_ = t_.find('@', i_)) != std::string_view::npos) {
      size_t at = i_;
      ++i_;
      std::string type = Lower(Identifier());
      SkipSpace();
      if (type.empty() || i_ >= t_.size() || (t_[i_] != '{' && t_[i_] != '('))
        continue;
      char close = t_[i_] == '{' ? '}' : ')';
      ++i_;
      if (type == "comment" || type == "preamble") {
        SkipGroup(at, close);
        continue;
      }
      ParseError error;
      if (type == "string") {
        Entry macro;
        macro.key = "@string";
        if (!Fields(&macro, close, &error)) {
          Report(error);
          continue;
        }
        for (auto& [name, field] : macro.fields) macros_[name] = field.raw;
        continue;
      }
      ++*records;
      Entry entry;
      entry.type = type;
      entry.line = lines_.LineAt(at);
      if (!Key(&entry, close, at, &error) || !Fields(&entry, close, &error)) {
        Report(error);
        continue;
      }
      entries.push_back(std::move(entry));
    }
    return entries;
  }

 private:
  void SkipSpace() {
    while (i_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[i_])))
      ++i_;
  }

  std::string Identifier() {
    size_t start = i_;
    while (i_ < t_.size() && IsIdentChar(t_[i_])) ++i_;
    return std::string(t_.substr(start, i_ - start));
  }

  // True when an entry ("@type{" or "@type(") starts at `pos`, first on
  // its line: the sign that what came before was never closed.
  bool EntryStartsAt(size_t pos) const {
    size_t b = pos;
    while (b > 0 && (t_[b - 1] == ' ' || t_[b - 1] == '\t')) --b;
    if (b > 0 && t_[b - 1] != '\n') return false;
    if (pos >= t_.size() || t_[pos] != '@') return false;
    size_t j = pos + 1;
    while (j < t_.size() && std::isalpha(static_cast<unsigned char>(t_[j])))
      ++j;
    if (j == pos + 1) return false;
    while (j < t_.size() && (t_[j] == ' ' || t_[j] == '\t')) ++j;
    return j < t_.size() && (t_[j] == '{' || t_[j] == '(');
  }

  // The next entry start at or after `pos`, or the end.
  size_t NextEntry(size_t pos) const {
    while ((pos = t_.find('@', pos)) != std::string_view::npos) {
      if (EntryStartsAt(pos)) return pos;
      ++pos;
    }
    return t_.size();
  }

  void Report(const ParseError& e) {
    sink_->Skip(e.line, e.offset, e.why);
    i_ = e.resume;
  }

  // Skips the body of @comment/@preamble up to its balanced close.
  void SkipGroup(size_t at, char close) {
    int depth = 1;
    for (; i_ < t_.size(); ++i_) {
      char c = t_[i_];
      if (c == '{') ++depth;
      if (c == '}' || (close == ')' && c == ')' && depth == 1)) {
        if (--depth == 0) {
          ++i_;
          return;
        }
      }
    }
    // Unbalanced: treat the rest of its line as the comment.
    i_ = t_.find('\n', at);
    if (i_ == std::string_view::npos) i_ = t_.size();
  }

  bool Key(Entry* entry, char close, size_t at, ParseError* error) {
    size_t start = i_;
    while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != close &&
           t_[i_] != '\n' && t_[i_] != '=') {
      ++i_;
    }
    entry->key = Trim(t_.substr(start, i_ - start));
    if (entry->key.empty() || (i_ < t_.size() && t_[i_] == '=')) {
      *error = {"@" + entry->type + " entry has no key", entry->line, at,
                NextEntry(at + 1)};
      return false;
    }
    return true;
  }

  std::string Where(const Entry& entry) const {
    return entry.key == "@string" ? "@string" : "entry '" + entry.key + "'";
  }

  // A lost brace in a value swallows the fields after it and the entry's
  // own close: then the value is named, where the mistake is.
  void BlameSwallowingField(Entry* entry, const std::string& last_field,
                            ParseError* error) {
    if (last_field.empty() || !SwallowedField(entry->fields[last_field].raw))
      return;
    error->why =
        "unterminated value of field '" + last_field + "' in " + Where(*entry);
    error->line = entry->fields[last_field].line;
  }

  // The fields up to the entry's closing delimiter.
  bool Fields(Entry* entry, char close, ParseError* error) {
    std::string last_field;
    for (;;) {
      SkipSpace();
      if (i_ >= t_.size()) {
        *error = {"missing closing brace of " + Where(*entry), entry->line, i_,
                  t_.size()};
        BlameSwallowingField(entry, last_field, error);
        return false;
      }
      if (t_[i_] == close) {
        ++i_;
        return true;
      }
      if (t_[i_] == ',') {
        ++i_;
        continue;
      }
      if (EntryStartsAt(i_)) {
        *error = {"missing closing brace of " + Where(*entry), entry->line, i_,
                  i_};
        BlameSwallowingField(entry, last_field, error);
        return false;
      }
      size_t name_at = i_;
      int line = lines_.LineAt(i_);
      std::string name = Lower(Identifier());
      if (name.empty()) {
        *error = {
            "unexpected '" + std::string(1, t_[i_]) + "' in " + Where(*entry),
            line, i_, NextEntry(i_)};
        return false;
      }
      SkipSpace();
      if (i_ >= t_.size() || t_[i_] != '=') {
        *error = {"expected '=' after field '" + name + "' in " + Where(*entry),
                  line, name_at, NextEntry(i_)};
        return false;
      }
      ++i_;
      Field field;
      field.line = line;
      if (!Value(*entry, name, &field.raw, error)) return false;
      if (entry->fields.count(name) != 0) {
        sink_->Warn(line, name_at,
                    "field '" + name + "' repeated in " + Where(*entry) +
                        "; the first is kept");
        continue;
      }
      entry->fields.emplace(name, std::move(field));
      last_field = name;
      SkipSpace();
      if (i_ < t_.size() && t_[i_] != ',' && t_[i_] != close &&
          !EntryStartsAt(i_)) {
        *error = {"missing ',' after field '" + name + "' in " + Where(*entry),
                  line, i_, NextEntry(i_)};
        return false;
      }
    }
  }

  // One value: parts joined by '#'.
  bool Value(const Entry& entry, const std::string& name, std::string* out,
             ParseError* error) {
    for (;;) {
      SkipSpace();
      size_t start = i_;
      int line = lines_.LineAt(i_);
      if (i_ < t_.size() && (t_[i_] == '{' || t_[i_] == '"')) {
        char open = t_[i_++];
        int depth = 0;
        size_t body = i_;
        for (;; ++i_) {
          // An entry starting a line inside a value: the value was never
          // closed (a lost brace), not a long value.
          if (i_ >= t_.size() || (t_[i_] == '@' && EntryStartsAt(i_))) {
            *error = {
                "unterminated value of field '" + name + "' in " + Where(entry),
                line, start, i_};
            return false;
          }
          char c = t_[i_];
          if (c == '{') {
            ++depth;
          } else if (c == '}') {
            if (depth == 0 && open == '{') break;
            if (depth > 0) --depth;
          } else if (c == '"' && open == '"' && depth == 0) {
            break;
          }
        }
        *out += t_.substr(body, i_ - body);
        ++i_;
      } else if (i_ < t_.size() &&
                 std::isdigit(static_cast<unsigned char>(t_[i_]))) {
        while (i_ < t_.size() &&
               std::isdigit(static_cast<unsigned char>(t_[i_])))
          ++i_;
        *out += t_.substr(start, i_ - start);
      } else {
        std::string macro = Lower(Identifier());
        if (macro.empty()) {
          *error = {"missing value of field '" + name + "' in " + Where(entry),
                    line, start, NextEntry(i_)};
          return false;
        }
        auto it = macros_.find(macro);
        if (it == macros_.end()) {
          sink_->Warn(line, start,
                      "undefined macro '" + macro + "' in field '" + name +
                          "' of " + Where(entry));
        } else {
          *out += it->second;
        }
      }
      SkipSpace();
      if (i_ < t_.size() && t_[i_] == '#') {
        ++i_;
        continue;
      }
      return true;
    }
  }

  std::string_view t_;
  size_t i_ = 0;
  LineIndex lines_;
  BibliographySink* sink_;
  std::map<std::string, std::string> macros_;  // lowercase names
};

// --- From raw fields to a work ---

// Splits at `sep` (a word, surrounded by white space) or a character, at
// brace depth 0.
std::vector<std::string> SplitTopLevel(std::string_view raw, bool on_and) {
  std::vector<std::string> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '{') ++depth;
    if (c == '}' && depth > 0) --depth;
    if (depth != 0) continue;
    if (on_and && std::isspace(static_cast<unsigned char>(c)) &&
        i + 4 < raw.size() && (raw[i + 1] == 'a' || raw[i + 1] == 'A') &&
        (raw[i + 2] == 'n' || raw[i + 2] == 'N') &&
        (raw[i + 3] == 'd' || raw[i + 3] == 'D') &&
        std::isspace(static_cast<unsigned char>(raw[i + 4]))) {
      parts.push_back(Trim(raw.substr(start, i - start)));
      start = i + 5;
      i += 4;
    } else if (!on_and && c == ',') {
      parts.push_back(Trim(raw.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(Trim(raw.substr(start)));
  return parts;
}

// One name as BibTeX reads it, braces protecting what they enclose.
CslName BibtexName(std::string_view raw) {
  CslName name;
  std::string_view t = TrimView(raw);
  // "{World Health Organization}": one group is a corporate name.
  if (t.size() >= 2 && t.front() == '{' && t.back() == '}') {
    int depth = 0;
    bool one_group = true;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '{') ++depth;
      if (t[i] == '}' && --depth == 0 && i + 1 < t.size()) one_group = false;
    }
    if (one_group) {
      name.literal = LatexToUtf8(t);
      return name;
    }
  }
  std::vector<std::string> parts = SplitTopLevel(t, false);
  if (parts.size() >= 2) {
    name.family = LatexToUtf8(parts[0]);
    name.given = LatexToUtf8(parts.back());
    if (parts.size() >= 3 && !parts[1].empty())
      name.given += ", " + LatexToUtf8(parts[1]);
    return name;
  }
  // "First von Last": words at depth 0; the family name starts at the
  // first lowercase word (not braced) before the last, else is the last.
  std::vector<std::string> words;
  int depth = 0;
  std::string word;
  for (char c : t) {
    if (c == '{') ++depth;
    if (c == '}' && depth > 0) --depth;
    if (depth == 0 && std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  if (words.empty()) return name;
  size_t family_at = words.size() - 1;
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (std::islower(static_cast<unsigned char>(words[i][0]))) {
      family_at = i;
      break;
    }
  }
  std::string given, family;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string& part = i < family_at ? given : family;
    if (!part.empty()) part += ' ';
    part += words[i];
  }
  name.given = LatexToUtf8(given);
  name.family = LatexToUtf8(family);
  return name;
}

void Names(std::string_view raw, std::vector<CslName>* out, bool* et_al) {
  for (const std::string& part : SplitTopLevel(raw, true)) {
    if (part.empty()) continue;
    if (Lower(part) == "others") {
      if (et_al != nullptr) *et_al = true;
      continue;
    }
    out->push_back(BibtexName(part));
  }
}

// URLs and identifiers are verbatim: only escapes and braces go ("~" is a
// tilde in a URL, not a space).
std::string Verbatim(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '{' || raw[i] == '}') continue;
    if (raw[i] == '\\' && i + 1 < raw.size() &&
        std::string_view("_%&#$~").find(raw[i + 1]) != std::string_view::npos) {
      continue;
    }
    out += raw[i];
  }
  return CollapseSpace(out);
}

const char* CslType(const std::string& type) {
  static const struct {
    const char* bibtex;
    const char* csl;
  } kTypes[] = {
      {"article", "article-journal"},
      {"book", "book"},
      {"mvbook", "book"},
      {"booklet", "pamphlet"},
      {"inbook", "chapter"},
      {"incollection", "chapter"},
      {"inreference", "entry-encyclopedia"},
      {"inproceedings", "paper-conference"},
      {"conference", "paper-conference"},
      {"proceedings", "book"},
      {"collection", "book"},
      {"manual", "report"},
      {"mastersthesis", "thesis"},
      {"phdthesis", "thesis"},
      {"thesis", "thesis"},
      {"techreport", "report"},
      {"report", "report"},
      {"online", "webpage"},
      {"electronic", "webpage"},
      {"www", "webpage"},
      {"unpublished", "manuscript"},
      {"patent", "patent"},
      {"dataset", "dataset"},
      {"software", "software"},
      {"periodical", "periodical"},
      {"misc", "document"},
  };
  for (const auto& t : kTypes) {
    if (type == t.bibtex) return t.csl;
  }
  return "document";
}

class WorkBuilder {
 public:
  WorkBuilder(const Entry& entry, const Entry* parent)
      : entry_(entry), parent_(parent) {}

  Work Build() {
    Work work;
    CslItem& item = work.item;
    item.id = entry_.key;
    item.type = CslType(entry_.type);
    work.publication_types.push_back(entry_.type);
    if (const Field* f = Get("author"))
      Names(f->raw, &item.author, &item.et_al);
    if (const Field* f = Get("editor")) Names(f->raw, &item.editor, nullptr);
    item.title = Text("title");
    bool in_book = entry_.type == "incollection" ||
                   entry_.type == "inproceedings" || entry_.type == "inbook" ||
                   entry_.type == "conference" || entry_.type == "inreference";
    item.container_title = Text("journal");
    if (item.container_title.empty())
      item.container_title = Text("journaltitle");
    if (item.container_title.empty()) item.container_title = Text("booktitle");
    // A crossref'd proceedings or collection names the book by its title.
    if (item.container_title.empty() && in_book && parent_ != nullptr) {
      auto it = parent_->fields.find("title");
      if (it != parent_->fields.end())
        item.container_title = LatexToUtf8(it->second.raw);
    }
    item.container_title_short = Text("shortjournal");
    if (item.container_title_short.empty())
      item.container_title_short = Text("journalabbrev");
    item.collection_title = Text("series");
    item.volume = Text("volume");
    item.issue = Text("number");
    if (item.issue.empty()) item.issue = Text("issue");
    item.page = NormalizePages(Text("pages"));
    item.edition = Text("edition");
    item.publisher = Text("publisher");
    for (const char* f : {"school", "institution", "organization"}) {
      if (item.publisher.empty()) item.publisher = Text(f);
    }
    item.publisher_place = Text("address");
    if (item.publisher_place.empty()) item.publisher_place = Text("location");
    item.doi = CleanDoi(Raw("doi"));
    item.pmid = Raw("pmid");
    if (item.pmid.empty() && Lower(Raw("eprinttype")) == "pubmed")
      item.pmid = Raw("eprint");
    item.pmcid = Raw("pmcid");
    item.isbn = Raw("isbn");
    item.url = Raw("url");
    if (item.doi.empty() && item.url.find("doi.org/") != std::string::npos) {
      item.doi = CleanDoi(item.url);
    }
    Dates(&item);
    return work;
  }

 private:
  // The field, or the crossref parent's (BibTeX's inheritance).
  const Field* Get(const char* name) const {
    auto it = entry_.fields.find(name);
    if (it != entry_.fields.end()) return &it->second;
    if (parent_ == nullptr) return nullptr;
    it = parent_->fields.find(name);
    return it != parent_->fields.end() ? &it->second : nullptr;
  }
  std::string Text(const char* name) const {
    const Field* f = Get(name);
    return f == nullptr ? "" : LatexToUtf8(f->raw);
  }
  std::string Raw(const char* name) const {
    const Field* f = Get(name);
    return f == nullptr ? "" : Verbatim(f->raw);
  }

  void Dates(CslItem* item) const {
    std::string date = Text("date");
    if (!date.empty()) item->issued = ParseDateText(date);
    std::string year = Text("year");
    if (item->issued.year == 0 && !year.empty()) {
      item->issued = ParseDateText(year);
      if (item->issued.year != 0) {
        item->issued.month = MonthFromText(Text("month"));
        item->issued.day = 0;
      }
    }
    std::string urldate = Text("urldate");
    if (!urldate.empty()) item->accessed = ParseDateText(urldate);
  }

  const Entry& entry_;
  const Entry* parent_;
};

}  // namespace

int ReadBibtex(std::string_view text, BibliographySink* sink) {
  int records = 0;
  BibtexParser parser(text, sink);
  std::vector<Entry> entries = parser.Run(&records);
  std::map<std::string, const Entry*>
      by_key;  // lowercase: BibTeX keys ignore case
  for (const Entry& e : entries) by_key.emplace(Lower(e.key), &e);
  for (const Entry& e : entries) {
    const Entry* parent = nullptr;
    if (auto it = e.fields.find("crossref"); it != e.fields.end()) {
      auto p = by_key.find(Lower(Verbatim(it->second.raw)));
      if (p == by_key.end()) {
        sink->Warn(it->second.line, 0,
                   "crossref '" + Verbatim(it->second.raw) + "' of entry '" +
                       e.key + "' names no entry in the file");
      } else if (p->second != &e) {
        parent = p->second;
      }
    }
    sink->AddWork(WorkBuilder(e, parent).Build(), e.line);
  }
  return records;
}

}  // namespace evq::internal
