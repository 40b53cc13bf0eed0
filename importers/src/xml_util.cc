// Checked XML parsing, entity decoding, text gathering and block layout for
// the scholarly importers. See xml_util.h.
#include "xml_util.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <set>
#include <utility>

namespace evq::xml {
namespace {

// Deeper element nesting is cut: real articles nest a few dozen levels and
// the walk recurses once per level.
constexpr int kMaxDepth = 200;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameStart(unsigned char c) { return std::isalpha(c) || c == '_' || c == ':' || c >= 0x80; }
bool IsNameChar(unsigned char c) {
  return IsNameStart(c) || std::isdigit(c) || c == '-' || c == '.';
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsPredefined(std::string_view name) {
  return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

// Checks the reference at s[i] == '&'. Sets *end past it; returns the
// problem or "" when it is fine.
std::string CheckReference(std::string_view s, size_t i, const std::map<std::string, std::string>& ents,
                           size_t* end) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    size_t digits = j;
    while (j < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[j]))
                                : std::isdigit(static_cast<unsigned char>(s[j])))) {
      ++j;
    }
    if (j == digits || j >= s.size() || s[j] != ';') return "malformed character reference";
    *end = j + 1;
    return "";
  }
  if (j >= s.size() || !IsNameStart(static_cast<unsigned char>(s[j]))) {
    return "'&' not followed by an entity name and ';'";
  }
  while (j < s.size() && IsNameChar(static_cast<unsigned char>(s[j])) && j - i < 64) ++j;
  if (j >= s.size() || s[j] != ';') return "'&' not followed by an entity name and ';'";
  std::string name(s.substr(i + 1, j - i - 1));
  *end = j + 1;
  if (IsPredefined(name) || ents.count(name) || LookupNamedEntity(name) != 0) return "";
  return "undeclared entity '&" + name + ";'";
}

// Reads <!ENTITY name "value"> declarations of an internal subset.
void ReadEntityDeclarations(std::string_view subset, std::map<std::string, std::string>* out) {
  size_t pos = 0;
  while ((pos = subset.find("<!ENTITY", pos)) != std::string_view::npos) {
    pos += 8;
    while (pos < subset.size() && IsSpace(subset[pos])) ++pos;
    if (pos < subset.size() && subset[pos] == '%') continue;  // parameter entity
    size_t name_start = pos;
    while (pos < subset.size() && IsNameChar(static_cast<unsigned char>(subset[pos]))) ++pos;
    std::string name(subset.substr(name_start, pos - name_start));
    while (pos < subset.size() && IsSpace(subset[pos])) ++pos;
    if (pos >= subset.size() || (subset[pos] != '"' && subset[pos] != '\'')) {
      (*out)[name] = "";  // external entity: declared, but we do not fetch it
      continue;
    }
    char q = subset[pos];
    size_t close = subset.find(q, pos + 1);
    if (close == std::string_view::npos) return;
    (*out)[name] = std::string(subset.substr(pos + 1, close - pos - 1));
    pos = close + 1;
  }
}

}  // namespace

Status Malformed(const Origin& origin, std::string_view piece, size_t offset,
                 const std::string& what) {
  offset = std::min(offset, piece.size());
  int line = origin.base_line +
             static_cast<int>(std::count(piece.begin(), piece.begin() + offset, '\n'));
  return Status::InvalidArgument(origin.source + ":" + std::to_string(line) +
                                 ": malformed XML at byte " +
                                 std::to_string(origin.base_offset + offset) + ": " + what);
}

Status ParseChecked(const Origin& origin, std::string* buffer, pugi::xml_document* doc,
                    std::map<std::string, std::string>* entities) {
  std::string_view s = *buffer;
  size_t text_start = 0;
  size_t i = 0;
  auto run_too_long = [&](size_t start, size_t end) {
    return end - start > kMaxTextRun
               ? Malformed(origin, s, start,
                           "character data longer than " + std::to_string(kMaxTextRun) + " bytes")
               : Status::Ok();
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == '&') {
      size_t end = i + 1;
      std::string problem = CheckReference(s, i, *entities, &end);
      if (!problem.empty()) return Malformed(origin, s, i, problem);
      i = end;
      continue;
    }
    if (c != '<') {
      ++i;
      continue;
    }
    if (Status st = run_too_long(text_start, i); !st.ok()) return st;
    std::string_view rest = s.substr(i);
    size_t close = std::string_view::npos;
    if (rest.starts_with("<!--")) {
      close = s.find("-->", i + 4);
      if (close != std::string_view::npos) close += 3;
    } else if (rest.starts_with("<![CDATA[")) {
      close = s.find("]]>", i + 9);
      if (close != std::string_view::npos) {
        if (Status st = run_too_long(i + 9, close); !st.ok()) return st;
        close += 3;
      }
    } else if (rest.starts_with("<?")) {
      close = s.find("?>", i + 2);
      if (close != std::string_view::npos) close += 2;
    } else if (rest.starts_with("<!DOCTYPE")) {
      size_t open = s.find_first_of("[>", i);
      if (open != std::string_view::npos && s[open] == '[') {
        size_t subset_end = s.find("]", open);
        if (subset_end != std::string_view::npos) {
          ReadEntityDeclarations(s.substr(open + 1, subset_end - open - 1), entities);
          close = s.find('>', subset_end);
        }
      } else {
        close = open;
      }
      if (close != std::string_view::npos) close += 1;
    } else {
      // A tag: check references in attribute values; '>' inside quotes is
      // allowed by XML.
      char quote = 0;
      size_t j = i + 1;
      for (; j < s.size(); ++j) {
        char d = s[j];
        if (quote) {
          if (d == quote) quote = 0;
          else if (d == '&') {
            size_t end = j + 1;
            std::string problem = CheckReference(s, j, *entities, &end);
            if (!problem.empty()) return Malformed(origin, s, j, problem);
            j = end - 1;
          }
        } else if (d == '"' || d == '\'') {
          quote = d;
        } else if (d == '>') {
          break;
        } else if (d == '<') {
          break;  // a broken tag: pugixml reports it
        }
      }
      close = j < s.size() && s[j] == '>' ? j + 1 : std::string_view::npos;
    }
    if (close == std::string_view::npos) break;  // unterminated: pugixml reports it
    i = close;
    text_start = i;
  }
  if (i >= s.size()) {
    if (Status st = run_too_long(text_start, s.size()); !st.ok()) return st;
  }

  unsigned options = (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_escapes;
  pugi::xml_parse_result result =
      doc->load_buffer(buffer->data(), buffer->size(), options, pugi::encoding_utf8);
  if (!result) {
    return Malformed(origin, *buffer, static_cast<size_t>(result.offset), result.description());
  }
  return Status::Ok();
}

Status CheckRoot(const Origin& origin, std::string_view piece, const pugi::xml_document& doc,
                 const std::vector<std::string_view>& names, std::string_view want,
                 pugi::xml_node* root) {
  pugi::xml_node r = doc.document_element();
  std::string_view local = r ? LocalName(r) : std::string_view();
  for (std::string_view n : names) {
    if (local == n) {
      *root = r;
      return Status::Ok();
    }
  }
  size_t offset = r ? static_cast<size_t>(std::max<ptrdiff_t>(r.offset_debug(), 0)) : 0;
  offset = std::min(offset, piece.size());
  // pugixml points at the name; the element starts at its '<'.
  if (offset > 0 && piece[offset - 1] == '<') --offset;
  int line = origin.base_line +
             static_cast<int>(std::count(piece.begin(), piece.begin() + offset, '\n'));
  std::string name = r ? std::string(r.name()) : std::string("(none)");
  return Status::InvalidArgument(origin.source + ":" + std::to_string(line) +
                                 ": unexpected root element <" + name + "> at byte " +
                                 std::to_string(origin.base_offset + offset) + ": expected " +
                                 std::string(want));
}

std::string Decode(std::string_view raw, const std::map<std::string, std::string>* entities) {
  if (raw.find('&') == std::string_view::npos) return std::string(raw);
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    if (raw[i] != '&') {
      out.push_back(raw[i++]);
      continue;
    }
    size_t semi = raw.find(';', i);
    if (semi == std::string_view::npos || semi - i > 64) {
      out.push_back(raw[i++]);
      continue;
    }
    std::string_view ref = raw.substr(i + 1, semi - i - 1);
    bool done = true;
    if (!ref.empty() && ref[0] == '#') {
      bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      std::string digits(ref.substr(hex ? 2 : 1));
      if (digits.empty() || digits.size() > 8) {
        done = false;
      } else {
        char* endp = nullptr;
        unsigned long v = std::strtoul(digits.c_str(), &endp, hex ? 16 : 10);
        if (*endp != '\0') done = false;
        else AppendUtf8(static_cast<char32_t>(v), &out);
      }
    } else if (ref == "amp") out.push_back('&');
    else if (ref == "lt") out.push_back('<');
    else if (ref == "gt") out.push_back('>');
    else if (ref == "quot") out.push_back('"');
    else if (ref == "apos") out.push_back('\'');
    else if (char32_t cp = LookupNamedEntity(ref); cp != 0) AppendUtf8(cp, &out);
    else if (entities != nullptr && entities->count(std::string(ref))) {
      // One level only: a declared value naming itself must not loop.
      out += Decode(entities->at(std::string(ref)), nullptr);
    } else {
      done = false;
    }
    if (done) {
      i = semi + 1;
    } else {
      out.push_back(raw[i++]);
    }
  }
  return out;
}

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view n = node.name();
  size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) return c;
  }
  return pugi::xml_node();
}

std::vector<pugi::xml_node> Children(const pugi::xml_node& node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) out.push_back(c);
  }
  return out;
}

std::string Attr(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view n = a.name();
    size_t colon = n.find(':');
    std::string_view local = colon == std::string_view::npos ? n : n.substr(colon + 1);
    if (local == name) return Decode(a.value(), nullptr);
  }
  return "";
}

namespace {

void GatherText(const pugi::xml_node& node, const std::map<std::string, std::string>* entities,
                bool space_between, int depth, std::string* out) {
  if (depth > kMaxDepth) return;
  bool prev_element = false;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata) {
      *out += Decode(c.value(), entities);
      prev_element = false;
    } else if (c.type() == pugi::node_cdata) {
      *out += c.value();
      prev_element = false;
    } else if (c.type() == pugi::node_element) {
      if (space_between && prev_element) out->push_back(' ');
      GatherText(c, entities, space_between, depth + 1, out);
      prev_element = true;
    }
  }
}

}  // namespace

std::string Text(const pugi::xml_node& node, const std::map<std::string, std::string>* entities,
                 bool space_between_elements) {
  std::string raw;
  GatherText(node, entities, space_between_elements, 0, &raw);
  return CollapseSpace(raw);
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void DocBuilder::StartBlock() {
  if (!doc_->text.empty()) doc_->text += "\n\n";
  block_start_ = doc_->text.size();
  first_citation_ = citations_.size();
  pending_space_ = false;
}

void DocBuilder::Append(std::string_view decoded) {
  std::string& t = doc_->text;
  for (char c : decoded) {
    if (IsSpace(c)) {
      if (t.size() > block_start_) pending_space_ = true;
      continue;
    }
    if (pending_space_) t.push_back(' ');
    pending_space_ = false;
    t.push_back(c);
  }
}

bool DocBuilder::FinishBlock(BlockRole role, int level, const std::string& language) {
  std::string& t = doc_->text;
  pending_space_ = false;
  while (t.size() > block_start_ && t.back() == ' ') t.pop_back();
  if (t.size() == block_start_) {
    // Nothing to show: drop the separator and any citations (empty xrefs).
    t.resize(block_start_ >= 2 ? block_start_ - 2 : 0);
    citations_.resize(first_citation_);
    return false;
  }
  for (size_t k = first_citation_; k < citations_.size(); ++k) {
    citations_[k].start = std::min(citations_[k].start, t.size());
    citations_[k].end = std::min(citations_[k].end, t.size());
  }
  Block b;
  b.role = role;
  b.level = level;
  b.start = block_start_;
  b.end = t.size();
  b.language = language;
  doc_->blocks.push_back(std::move(b));
  return true;
}

void DocBuilder::Walk(
    const pugi::xml_node& node,
    const std::function<InlineAction(const pugi::xml_node&, std::vector<std::string>*)>& classify,
    std::vector<pugi::xml_node>* deferred, int depth) {
  if (depth > kMaxDepth) return;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata) {
      Append(Decode(c.value(), entities_));
      continue;
    }
    if (c.type() == pugi::node_cdata) {
      Append(c.value());
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    std::vector<std::string> targets;
    switch (classify(c, &targets)) {
      case InlineAction::kSkip:
        break;
      case InlineAction::kDefer:
        if (deferred != nullptr) deferred->push_back(c);
        break;
      case InlineAction::kDescend:
        Walk(c, classify, deferred, depth + 1);
        break;
      case InlineAction::kCitation: {
        if (pending_space_) doc_->text.push_back(' ');
        pending_space_ = false;
        PendingCitation pc;
        pc.start = doc_->text.size();
        Append(Text(c, entities_));
        pending_space_ = false;
        pc.end = doc_->text.size();
        pc.targets = std::move(targets);
        citations_.push_back(std::move(pc));
        break;
      }
    }
  }
}

bool DocBuilder::AddBlock(
    const pugi::xml_node& node, BlockRole role, int level, const std::string& language,
    const std::function<InlineAction(const pugi::xml_node&, std::vector<std::string>*)>& classify,
    std::vector<pugi::xml_node>* deferred) {
  StartBlock();
  Walk(node, classify, deferred, 0);
  return FinishBlock(role, level, language);
}

bool DocBuilder::AddTextBlock(std::string_view text, BlockRole role, int level,
                              const std::string& language) {
  StartBlock();
  Append(text);
  return FinishBlock(role, level, language);
}

void ResolveCitations(const std::vector<PendingCitation>& pending,
                      const std::vector<std::string>& ref_ids, Document* doc) {
  std::map<std::string, int, std::less<>> number;
  for (size_t i = 0; i < ref_ids.size(); ++i) {
    if (!ref_ids[i].empty()) number.emplace(ref_ids[i], static_cast<int>(i) + 1);
  }
  size_t first = doc->markup_citations.size();
  for (const PendingCitation& pc : pending) {
    MarkupCitation mc;
    mc.start = pc.start;
    mc.end = pc.end;
    mc.marker = doc->text.substr(pc.start, pc.end - pc.start);
    for (const std::string& id : pc.targets) {
      auto it = number.find(id);
      if (it != number.end() &&
          std::find(mc.reference_numbers.begin(), mc.reference_numbers.end(), it->second) ==
              mc.reference_numbers.end()) {
        mc.reference_numbers.push_back(it->second);
      }
    }
    doc->markup_citations.push_back(std::move(mc));
  }
  // Ranges: "[2]–[5]" or PLOS's "2<xref/>–<xref/>5": the dash between two
  // non-empty citations stands for the numbers between them.
  static const std::set<std::string, std::less<>> kDashes = {
      "-", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x92", "\xE2\x88\x92", "\xE2\x80\x90",
      "\xE2\x80\x91"};
  auto& mcs = doc->markup_citations;
  for (size_t i = first; i < mcs.size(); ++i) {
    if (mcs[i].start == mcs[i].end || mcs[i].reference_numbers.empty()) continue;
    size_t j = i + 1;
    while (j < mcs.size() && mcs[j].start == mcs[j].end) ++j;
    if (j >= mcs.size() || mcs[j].reference_numbers.empty() || mcs[j].start < mcs[i].end) continue;
    std::string between = CollapseSpace(doc->text.substr(mcs[i].end, mcs[j].start - mcs[i].end));
    std::erase(between, ' ');
    if (!kDashes.count(between)) continue;
    int lo = *std::max_element(mcs[i].reference_numbers.begin(), mcs[i].reference_numbers.end());
    int hi = *std::min_element(mcs[j].reference_numbers.begin(), mcs[j].reference_numbers.end());
    if (hi - lo < 2 || hi - lo > 500) continue;
    std::set<int> covered;
    for (size_t k = i + 1; k < j; ++k) {
      covered.insert(mcs[k].reference_numbers.begin(), mcs[k].reference_numbers.end());
    }
    for (int n = lo + 1; n < hi; ++n) {
      if (!covered.count(n)) mcs[i].reference_numbers.push_back(n);
    }
  }
}

std::string VancouverName(std::string_view family, std::string_view given) {
  std::string initials;
  bool at_word_start = true;
  for (size_t i = 0; i < given.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(given[i]);
    if (c == ' ' || c == '-' || c == '.') {
      at_word_start = true;
      continue;
    }
    if (at_word_start) {
      // Keep a whole UTF-8 sequence for non-ASCII initials ("Á").
      size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
      initials.append(given.substr(i, len));
      i += len - 1;
    }
    at_word_start = false;
  }
  std::string out = CollapseSpace(family);
  if (!initials.empty()) {
    if (!out.empty()) out.push_back(' ');
    out += initials;
  }
  return out;
}

namespace {

// Appends `segment` as a sentence: ". " before it, its own final '.' kept.
void AddSentence(std::string* out, std::string_view segment) {
  std::string s = CollapseSpace(segment);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';')) s.pop_back();
  if (s.empty()) return;
  if (!out->empty()) {
    char last = out->back();
    if (last != '.' && last != '?' && last != '!') out->push_back('.');
    out->push_back(' ');
  }
  *out += s;
}

}  // namespace

std::string VancouverString(const RefFields& f, std::string_view label) {
  std::string out;
  std::string names;
  for (const std::string& a : f.authors) {
    if (a.empty()) continue;
    if (!names.empty()) names += ", ";
    names += a;
  }
  if (f.et_al && !names.empty()) names += ", et al";
  AddSentence(&out, names);
  AddSentence(&out, f.title);
  AddSentence(&out, f.source);
  std::string numbers = f.year;
  if (!f.volume.empty()) numbers += (numbers.empty() ? "" : ";") + f.volume;
  if (!f.issue.empty()) numbers += "(" + f.issue + ")";
  if (!f.fpage.empty()) {
    numbers += (numbers.empty() ? "" : ":") + f.fpage;
    if (!f.lpage.empty() && f.lpage != f.fpage) numbers += "-" + f.lpage;
  }
  if (!f.publisher.empty() && f.source.empty()) AddSentence(&out, f.publisher);
  AddSentence(&out, numbers);
  if (!f.doi.empty()) AddSentence(&out, "doi:" + f.doi);
  if (!f.pmid.empty()) AddSentence(&out, "PMID: " + f.pmid);
  if (!f.url.empty() && f.doi.empty()) AddSentence(&out, "Available from: " + f.url);
  if (!out.empty() && out.back() != '.') out.push_back('.');
  if (!label.empty()) out = std::string(label) + ". " + out;
  return out;
}

void AppendUnique(std::string* out, std::string_view sep, std::string_view s) {
  if (s.empty() || out->find(s) != std::string::npos) return;
  if (!out->empty()) out->append(sep);
  out->append(s);
}

}  // namespace evq::xml
