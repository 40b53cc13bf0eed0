#include "vocab/vocab_parser.h"

#include <string>
#include <utility>

#include "vocab/tokenizer.h"

namespace evq::internal {
namespace {

constexpr size_t kMaxFields = 5;

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t at = 0;
  for (;;) {
    size_t p = s.find(sep, at);
    parts.push_back(s.substr(at, p == std::string_view::npos ? p : p - at));
    if (p == std::string_view::npos) return parts;
    at = p + 1;
  }
}

bool ParseKind(std::string_view s, TermKind* kind) {
  for (TermKind k :
       {TermKind::kCondition, TermKind::kIntervention, TermKind::kAnatomy}) {
    if (s == TermKindName(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

// A MeSH descriptor UI: 'D' and six or nine digits ("D001416", "D000089803").
bool IsMeshId(std::string_view s) {
  if (s.size() != 7 && s.size() != 10) return false;
  if (s[0] != 'D') return false;
  for (char c : s.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool HasWords(std::string_view s) {
  std::vector<Token> words;
  Tokenize(s, &words);
  return !words.empty();
}

// Checks a canonical name (the term's own or its broader term's).
std::string CheckName(std::string_view name, std::string_view what) {
  if (!HasWords(name)) {
    return std::string(what) + " '" + std::string(name) + "' has no words";
  }
  if (FoldCase(name) != name) {
    return std::string(what) + " '" + std::string(name) + "' is not lowercase";
  }
  return "";
}

// Parses one non-comment line; returns the cause of an error, or "".
std::string ParseLine(std::string_view line, TermLine* term) {
  std::vector<std::string_view> fields = Split(line, '\t');
  if (fields.size() < 2) {
    return "expected tab-separated kind and name, got 1 field";
  }
  if (fields.size() > kMaxFields) {
    return "expected at most 5 tab-separated fields, got " +
           std::to_string(fields.size());
  }
  fields.resize(kMaxFields);
  std::string_view kind = Trim(fields[0]);
  if (!ParseKind(kind, &term->kind)) {
    return "unknown kind '" + std::string(kind) + "'";
  }
  std::string_view name = Trim(fields[1]);
  if (name.empty()) return "empty name";
  if (std::string cause = CheckName(name, "name"); !cause.empty()) return cause;
  term->name = std::string(name);
  std::string_view mesh = Trim(fields[2]);
  if (!mesh.empty() && !IsMeshId(mesh)) {
    return "bad MeSH descriptor UI '" + std::string(mesh) + "'";
  }
  term->mesh_id = std::string(mesh);
  std::string_view broader = Trim(fields[3]);
  if (!broader.empty()) {
    if (std::string cause = CheckName(broader, "broader term");
        !cause.empty()) {
      return cause;
    }
    if (broader == name) {
      return "'" + std::string(name) + "' cannot be its own broader term";
    }
  }
  term->broader = std::string(broader);
  for (std::string_view syn : Split(fields[4], '|')) {
    syn = Trim(syn);
    if (syn.empty()) continue;
    if (!HasWords(syn))
      return "synonym '" + std::string(syn) + "' has no words";
    term->synonyms.emplace_back(syn);
  }
  return "";
}

}  // namespace

Status ParseVocabText(std::string_view text, const std::string& origin,
                      std::vector<TermLine>* out) {
  std::vector<TermLine> lines;
  size_t line_no = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    std::string_view line = text.substr(
        at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto error = [&](const std::string& cause) {
      return Status::InvalidArgument(origin + ":" + std::to_string(line_no) +
                                     ": " + cause);
    };
    if (!IsValidUtf8(line)) return error("invalid UTF-8");
    std::string_view content = Trim(line);
    if (content.empty() || content[0] == '#') continue;
    TermLine term;
    if (std::string cause = ParseLine(line, &term); !cause.empty()) {
      return error(cause);
    }
    lines.push_back(std::move(term));
  }
  for (TermLine& t : lines) out->push_back(std::move(t));
  return Status::Ok();
}

}  // namespace evq::internal
