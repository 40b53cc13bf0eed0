// The Vocabulary: terms from vocabulary files, a word trie over every
// surface form for Find and Lookup, and the broader-term hierarchy.
#include "evq/vocabulary.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "vocab/builtin_vocab.h"
#include "vocab/term_index.h"
#include "vocab/tokenizer.h"
#include "vocab/vocab_parser.h"

namespace evq {

const char* TermKindName(TermKind kind) {
  switch (kind) {
    case TermKind::kCondition:
      return "condition";
    case TermKind::kIntervention:
      return "intervention";
    case TermKind::kAnatomy:
      return "anatomy";
  }
  return "condition";
}

namespace {

std::string KindKey(TermKind kind, std::string_view name) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(kind)));
  key += name;
  return key;
}

// The key two surface forms share when the trie treats them alike.
std::string FormKey(const std::vector<internal::Token>& words) {
  std::string key;
  for (const internal::Token& w : words) {
    if (!key.empty()) key += ' ';
    key += w.upper_after_first ? "\x01" + w.exact : w.folded;
  }
  return key;
}

}  // namespace

struct Vocabulary::Rep {
  // A deque keeps the Term pointers handed out by Lookup and Terms valid
  // while later files add terms.
  std::deque<Term> terms;
  std::unordered_map<std::string, int> by_kind_name;  // KindKey -> index
  internal::TermIndex index;

  // Indexes one surface form of term `id`. When the form belonged to another
  // term, the later file wins and the form leaves the other term's synonyms.
  void IndexForm(const std::string& form, int id) {
    std::vector<internal::Token> words;
    internal::Tokenize(form, &words);
    if (words.empty()) return;
    int old = index.Insert(words, id);
    if (old < 0 || old == id) return;
    std::string key = FormKey(words);
    auto& syns = terms[old].synonyms;
    syns.erase(std::remove_if(syns.begin(), syns.end(),
                              [&](const std::string& s) {
                                std::vector<internal::Token> w;
                                internal::Tokenize(s, &w);
                                return FormKey(w) == key;
                              }),
               syns.end());
  }

  void Merge(internal::TermLine&& line) {
    std::string key = KindKey(line.kind, line.name);
    auto it = by_kind_name.find(key);
    int id;
    if (it == by_kind_name.end()) {
      id = static_cast<int>(terms.size());
      Term& t = terms.emplace_back();
      t.kind = line.kind;
      t.name = line.name;
      by_kind_name.emplace(std::move(key), id);
      IndexForm(terms[id].name, id);
    } else {
      id = it->second;
    }
    Term& t = terms[id];
    if (!line.mesh_id.empty()) t.mesh_id = std::move(line.mesh_id);
    if (!line.broader.empty()) t.broader = std::move(line.broader);
    for (std::string& s : line.synonyms) {
      if (s == t.name || std::find(t.synonyms.begin(), t.synonyms.end(), s) !=
                             t.synonyms.end()) {
        continue;
      }
      t.synonyms.push_back(s);
      IndexForm(s, id);
    }
  }

  const Term* ByName(TermKind kind, std::string_view name) const {
    auto it = by_kind_name.find(KindKey(kind, name));
    return it == by_kind_name.end() ? nullptr : &terms[it->second];
  }
};

Vocabulary::Vocabulary() : rep_(std::make_unique<Rep>()) {}
Vocabulary::~Vocabulary() = default;
Vocabulary::Vocabulary(Vocabulary&&) noexcept = default;
Vocabulary& Vocabulary::operator=(Vocabulary&&) noexcept = default;

Result<Vocabulary> Vocabulary::Builtin() {
  Vocabulary vocab;
  for (const internal::BuiltinVocabFile* f = internal::kBuiltinVocabFiles;
       f->name != nullptr; ++f) {
    Status s = vocab.AddText(f->contents, f->name);
    if (!s.ok()) {
      return Status::Internal("built-in vocabulary: " + s.message());
    }
  }
  return vocab;
}

Status Vocabulary::AddFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IoError("cannot read '" + path +
                           "': " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError("error reading '" + path + "'");
  return AddText(text.str(), path);
}

Status Vocabulary::AddText(std::string_view text, const std::string& origin) {
  if (!rep_) rep_ = std::make_unique<Rep>();
  std::vector<internal::TermLine> lines;
  Status s = internal::ParseVocabText(text, origin, &lines);
  if (!s.ok()) return s;
  for (internal::TermLine& line : lines) rep_->Merge(std::move(line));
  return Status::Ok();
}

Status Vocabulary::AddTerm(const Term& term) {
  if (!rep_) rep_ = std::make_unique<Rep>();
  internal::TermLine line;
  line.kind = term.kind;
  line.name = internal::FoldCase(term.name);
  // The file format trims names; a name that is only white space is no name.
  while (!line.name.empty() && line.name.back() == ' ') line.name.pop_back();
  while (!line.name.empty() && line.name.front() == ' ') line.name.erase(line.name.begin());
  if (line.name.empty()) return Status::InvalidArgument("vocabulary term with an empty name");
  line.mesh_id = term.mesh_id;
  line.broader = internal::FoldCase(term.broader);
  for (const std::string& s : term.synonyms) {
    if (!s.empty()) line.synonyms.push_back(s);
  }
  rep_->Merge(std::move(line));
  return Status::Ok();
}

std::vector<TermMatch> Vocabulary::Find(std::string_view text) const {
  std::vector<TermMatch> matches;
  if (!rep_) return matches;
  thread_local std::vector<internal::Token> words;
  internal::Tokenize(text, &words);
  for (size_t i = 0; i < words.size();) {
    size_t last = i;
    int id = rep_->index.LongestAt(words, i, &last);
    if (id < 0) {
      ++i;
      continue;
    }
    const Term& t = rep_->terms[id];
    matches.push_back({t.kind, t.name, words[i].start, words[last].end});
    i = last + 1;
  }
  return matches;
}

const Term* Vocabulary::Lookup(std::string_view name) const {
  if (!rep_) return nullptr;
  std::string folded = internal::FoldCase(name);
  for (TermKind k :
       {TermKind::kCondition, TermKind::kIntervention, TermKind::kAnatomy}) {
    if (const Term* t = rep_->ByName(k, folded)) return t;
  }
  std::vector<internal::Token> words;
  internal::Tokenize(name, &words);
  int id = rep_->index.Exact(words);
  return id < 0 ? nullptr : &rep_->terms[id];
}

std::vector<std::string> Vocabulary::Narrower(std::string_view name) const {
  const Term* root = Lookup(name);
  if (root == nullptr) return {std::string(name)};
  // Children by broader name, for the root's kind only: broader links never
  // cross kinds.
  std::unordered_map<std::string_view, std::vector<const Term*>> children;
  for (const Term& t : rep_->terms) {
    if (t.kind == root->kind && !t.broader.empty()) {
      children[t.broader].push_back(&t);
    }
  }
  std::vector<std::string> out{root->name};
  std::unordered_set<std::string_view> seen{root->name};
  std::vector<const Term*> todo{root};
  while (!todo.empty()) {
    const Term* t = todo.back();
    todo.pop_back();
    auto it = children.find(t->name);
    if (it == children.end()) continue;
    for (const Term* c : it->second) {
      if (seen.insert(c->name).second) {  // a cycle ends here
        out.push_back(c->name);
        todo.push_back(c);
      }
    }
  }
  std::sort(out.begin() + 1, out.end());
  return out;
}

std::vector<const Term*> Vocabulary::Terms() const {
  std::vector<const Term*> out;
  if (!rep_) return out;
  for (const Term& t : rep_->terms) out.push_back(&t);
  std::sort(out.begin(), out.end(), [](const Term* a, const Term* b) {
    if (a->kind != b->kind) return a->kind < b->kind;
    return a->name < b->name;
  });
  return out;
}

}  // namespace evq
