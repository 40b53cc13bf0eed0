// Questions in everyday English -> structured queries, and their answers.
#include "evq/ask.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace evq {

namespace {

// Lowercase, curly quotes straightened, punctuation other than ' & - as
// spaces, single spaces, padded with a space at each end.
std::string NormalizeQuestion(const std::string& text) {
  std::string out = " ";
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
         static_cast<unsigned char>(text[i + 2]) == 0x99)) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    if (std::isalnum(c) || c >= 0x80 || c == '\'' || c == '&' || c == '-') {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

bool Has(const std::string& q, const char* phrase) {
  return q.find(std::string(" ") + phrase + " ") != std::string::npos;
}

bool HasAny(const std::string& q, std::initializer_list<const char*> phrases) {
  for (const char* p : phrases) {
    if (Has(q, p)) return true;
  }
  return false;
}

// The text after the first of `keys`, cut at the first stop phrase.
std::string PhraseAfter(const std::string& q,
                        std::initializer_list<const char*> keys) {
  size_t best = std::string::npos;
  size_t len = 0;
  for (const char* k : keys) {
    std::string needle = std::string(" ") + k + " ";
    size_t p = q.find(needle);
    if (p != std::string::npos && p < best) {
      best = p;
      len = needle.size();
    }
  }
  if (best == std::string::npos) return "";
  std::string rest = q.substr(best + len - 1);  // keeps a leading space
  static const char* const kStops[] = {
      " are ",    " is ",         " that ",     " which ",     " backed ",
      " not ",    " with ",       " without ",  " supported ", " cited ",
      " in the ", " in my ",      " have ",     " has ",       " by ",
      " say ",    " says ",       " unbacked ", " dangling ",  " vague ",
      " listed ", " attributed ", " claims "};
  size_t cut = rest.size();
  for (const char* s : kStops) {
    size_t p = rest.find(s, 1);
    if (p != std::string::npos && p < cut) cut = p;
  }
  std::string phrase = rest.substr(0, cut);
  while (!phrase.empty() && phrase.front() == ' ') phrase.erase(0, 1);
  while (!phrase.empty() && phrase.back() == ' ') phrase.pop_back();
  // Leading articles are not part of a condition's name.
  for (const char* a : {"the ", "a ", "an "}) {
    if (phrase.rfind(a, 0) == 0) phrase.erase(0, std::string(a).size());
  }
  return phrase;
}

std::vector<BackingStatus> NotBacked() {
  return {BackingStatus::kAttributed, BackingStatus::kDangling,
          BackingStatus::kVague, BackingStatus::kListed,
          BackingStatus::kUnbacked};
}

// Status filters named in the question, or empty.
std::vector<BackingStatus> StatusesIn(const std::string& q) {
  if (HasAny(q, {"not backed", "unbacked", "not supported", "unsupported",
                 "without references", "without a reference", "not cited",
                 "uncited", "no references", "no reference", "not referenced",
                 "lack references"})) {
    return NotBacked();
  }
  std::vector<BackingStatus> out;
  static const std::pair<const char*, BackingStatus> kNames[] = {
      {"dangling", BackingStatus::kDangling},
      {"vague", BackingStatus::kVague},
      {"attributed", BackingStatus::kAttributed},
      {"listed", BackingStatus::kListed}};
  for (const auto& [name, status] : kNames) {
    if (Has(q, name)) out.push_back(status);
  }
  if (out.empty() && HasAny(q, {"backed", "supported", "referenced", "cited",
                                "with references"})) {
    out.push_back(BackingStatus::kCited);
  }
  return out;
}

// "Travell and Simons" -> "\"travell\" \"simons\"" (FTS5: all words, any
// order).
std::string NamesToFts(const std::string& names) {
  std::string out;
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && names[i] == ' ') ++i;
    size_t j = i;
    while (j < names.size() && names[j] != ' ') ++j;
    std::string w = names.substr(i, j - i);
    i = j;
    if (w.empty() || w == "and" || w == "&" || w == "et" || w == "al" ||
        w == "the" || w == "work" || w == "works" || w == "of" || w == "by") {
      continue;
    }
    std::string quoted;
    for (char c : w) {
      if (c != '"') quoted += c;
    }
    out += (out.empty() ? "\"" : " \"") + quoted + "\"";
  }
  return out;
}

Status NotUnderstood(const std::string& text, const std::string& why) {
  std::string msg = "ask: cannot read '" + text + "'" +
                    (why.empty() ? "" : ": " + why) +
                    "\nquestions evq understands:";
  for (const std::string& f : QuestionForms()) msg += "\n  " + f;
  return Status::InvalidArgument(msg);
}

}  // namespace

const std::vector<std::string>& QuestionForms() {
  static const std::vector<std::string> kForms = {
      "which claims about CONDITION are not backed by references?",
      "what claims about CONDITION are backed?",
      "which claims about CONDITION are dangling | vague | attributed | "
      "listed?",
      "which claims cite AUTHOR [and AUTHOR]?",
      "which references are never cited?",
      "which references resolve to no known work?",
      "which claims cite retracted works?",
      "which documents have the most unbacked claims?",
      "what does the corpus say about TREATMENT | BODY PART | CONDITION?"};
  return kForms;
}

Result<Question> ParseQuestion(const std::string& text,
                               const Vocabulary& vocab) {
  std::string q = NormalizeQuestion(text);
  Question out;
  if (q.find(" reference") != std::string::npos &&
      HasAny(q, {"resolve to nothing", "resolves to nothing", "unresolved",
                 "match no", "matches no", "no known work",
                 "not in any bibliography", "cannot be found", "can't be found",
                 "not found"})) {
    out.kind = Question::Kind::kUnresolvedReferences;
    return out;
  }
  if (HasAny(q, {"retracted", "retraction"}) &&
      q.find(" cite") != std::string::npos) {
    out.claims.cites_retracted = true;
    out.claims.statuses = StatusesIn(q);
    return out;
  }
  if (q.find(" reference") != std::string::npos &&
      HasAny(q, {"never cited", "not cited", "uncited", "unused", "never used",
                 "no claim cites", "nothing cites", "not used"})) {
    out.kind = Question::Kind::kUncitedReferences;
    return out;
  }
  if ((q.find(" document") != std::string::npos ||
       q.find(" article") != std::string::npos ||
       q.find(" page") != std::string::npos ||
       q.find(" file") != std::string::npos) &&
      HasAny(q, {"most", "worst", "rank", "ranked", "top"})) {
    out.kind = Question::Kind::kDocumentsByStatus;
    out.claims.statuses = StatusesIn(q);
    if (out.claims.statuses.empty() ||
        out.claims.statuses ==
            std::vector<BackingStatus>{BackingStatus::kCited}) {
      // "most unbacked" reads as backed by the word list; an explicit
      // "backed" without "not" asks for the best-cited documents.
      if (!HasAny(q, {"most backed", "most cited", "best backed",
                      "most supported"})) {
        out.claims.statuses = NotBacked();
      }
    }
    return out;
  }
  std::string cites =
      PhraseAfter(q, {"cite", "cites", "citing", "reference", "references"});
  if (!cites.empty() && HasAny(q, {"cite", "cites", "citing"})) {
    std::string fts = NamesToFts(cites);
    if (fts.empty())
      return NotUnderstood(text, "no author or title after 'cite'");
    out.claims.cites = fts;
    return out;
  }
  std::string about =
      PhraseAfter(q, {"about", "regarding", "concerning", "on", "for"});
  std::vector<BackingStatus> statuses = StatusesIn(q);
  if (about.empty()) {
    if (!statuses.empty() && q.find(" claim") != std::string::npos) {
      out.claims.statuses = statuses;
      return out;
    }
    return NotUnderstood(text, "");
  }
  const Term* term = vocab.Lookup(about);
  if (!term) {
    // Abbreviations match only as written ("LBP"); questions are lowercased.
    std::string upper = about;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    term = vocab.Lookup(upper);
  }
  if (!term) {
    return NotUnderstood(
        text, "no condition, treatment or body part called '" + about +
                  "' in the vocabulary (see 'evq vocab list')");
  }
  if (term->kind == TermKind::kCondition) {
    out.kind = Question::Kind::kClaims;
    out.claims.about = term->name;
  } else {
    out.kind = Question::Kind::kTopic;
    out.topic = term->name;
    out.topic_forms.push_back(term->name);
    for (const std::string& s : term->synonyms) out.topic_forms.push_back(s);
  }
  out.claims.statuses = statuses;
  return out;
}

std::string DescribeQuestion(const Question& q) {
  auto quote = [](const std::string& s) { return "'" + s + "'"; };
  std::string statuses;
  std::vector<BackingStatus> not_backed = NotBacked();
  if (q.claims.statuses == not_backed) {
    statuses = " --unbacked";
  } else if (q.claims.statuses ==
             std::vector<BackingStatus>{BackingStatus::kCited}) {
    statuses = " --backed";
  } else if (!q.claims.statuses.empty()) {
    statuses = " --status";
    for (BackingStatus s : q.claims.statuses)
      statuses += std::string(" ") + BackingStatusName(s);
  }
  switch (q.kind) {
    case Question::Kind::kUncitedReferences:
      return "evq references --never-cited";
    case Question::Kind::kUnresolvedReferences:
      return "evq references --resolution unresolved";
    case Question::Kind::kDocumentsByStatus:
      return "evq claims" + statuses + " | count by document, most first";
    case Question::Kind::kTopic: {
      std::string fts;
      for (const std::string& f : q.topic_forms)
        fts += (fts.empty() ? "\"" : " OR \"") + f + "\"";
      return "evq search " + quote(fts) + " (claims only)" + statuses;
    }
    case Question::Kind::kClaims:
      break;
  }
  std::string out = "evq claims";
  if (!q.claims.about.empty()) out += " --about " + quote(q.claims.about);
  if (!q.claims.cites.empty()) out += " --cites " + quote(q.claims.cites);
  if (q.claims.cites_retracted) out += " --cites-retracted";
  return out + statuses;
}

Result<Answer> AnswerQuestion(const Question& q, Store& store) {
  Answer answer;
  switch (q.kind) {
    case Question::Kind::kClaims: {
      Result<std::vector<StoredClaim>> r = store.Claims(q.claims);
      if (!r.ok()) return r.status();
      answer.claims = std::move(r).value();
      break;
    }
    case Question::Kind::kTopic: {
      std::string fts;
      for (const std::string& f : q.topic_forms) {
        std::string clean;
        for (char c : f) {
          if (c != '"') clean += c;
        }
        fts += (fts.empty() ? "\"" : " OR \"") + clean + "\"";
      }
      Result<std::vector<SearchHit>> hits = store.Search(fts, 100000);
      if (!hits.ok()) return hits.status();
      std::set<std::pair<std::string, size_t>> seen;
      for (SearchHit& h : *hits) {
        if (!h.sentence.claim) continue;
        if (!q.claims.statuses.empty() &&
            std::find(q.claims.statuses.begin(), q.claims.statuses.end(),
                      h.sentence.status) == q.claims.statuses.end()) {
          continue;
        }
        if (!seen.insert({h.document, h.sentence.start}).second) continue;
        StoredClaim c;
        c.document = h.document;
        c.sentence = std::move(h.sentence);
        // Search hits carry no reference details: citations show markers.
        for (Citation& cit : c.sentence.citations) cit.references.clear();
        answer.claims.push_back(std::move(c));
      }
      std::sort(answer.claims.begin(), answer.claims.end(),
                [](const StoredClaim& a, const StoredClaim& b) {
                  return a.document != b.document
                             ? a.document < b.document
                             : a.sentence.start < b.sentence.start;
                });
      break;
    }
    case Question::Kind::kUncitedReferences: {
      Result<std::vector<StoredReference>> r = store.References("");
      if (!r.ok()) return r.status();
      for (StoredReference& ref : *r) {
        if (ref.citing_claims.empty())
          answer.references.push_back(std::move(ref));
      }
      break;
    }
    case Question::Kind::kUnresolvedReferences: {
      Result<std::vector<StoredReference>> r = store.References("");
      if (!r.ok()) return r.status();
      for (StoredReference& ref : *r) {
        if (ref.resolution.status == ResolutionStatus::kUnresolved) {
          answer.references.push_back(std::move(ref));
        }
      }
      break;
    }
    case Question::Kind::kDocumentsByStatus: {
      Result<std::vector<StoredClaim>> r = store.Claims(q.claims);
      if (!r.ok()) return r.status();
      std::map<std::string, int64_t> counts;
      for (const StoredClaim& c : *r) ++counts[c.document];
      for (const auto& [doc, n] : counts) answer.documents.push_back({doc, n});
      std::stable_sort(answer.documents.begin(), answer.documents.end(),
                       [](const DocumentCount& a, const DocumentCount& b) {
                         return a.count > b.count;
                       });
      break;
    }
  }
  return answer;
}

}  // namespace evq
