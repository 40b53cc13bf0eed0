// store/writer.cc: Store::Put, writing one analysed document in one
// transaction.
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "evq/analysis.h"
#include "evq/csl.h"
#include "evq/store.h"
#include "store/db.h"
#include "store/store_internal.h"

namespace evq {
namespace {

// Broader chains longer than this are taken as a cycle in the vocabulary.
constexpr int kMaxBroaderDepth = 64;

std::string JsonArray(const std::vector<std::string>& values) {
  if (values.empty()) return "[]";  // most sentences: skip building a json
  // dump() throws on invalid UTF-8 unless told to replace it; a sentence's
  // text should be valid, but a bad cue must not abort the import.
  return nlohmann::json(values).dump(-1, ' ', false,
                                     nlohmann::json::error_handler_t::replace);
}

std::string FirstFamily(const CslItem& item) {
  const std::vector<CslName>& names =
      item.author.empty() ? item.editor : item.author;
  if (names.empty()) return {};
  return names[0].family.empty() ? names[0].literal : names[0].family;
}

}  // namespace

namespace store {

static std::string NameText(const CslName& name) {
  if (!name.literal.empty()) return name.literal;
  if (name.given.empty()) return name.family;
  if (name.family.empty()) return name.given;
  return name.family + ", " + name.given;
}

// All authors (editors when there are none), for the reference FTS index.
std::string AuthorsText(const CslItem& item) {
  const std::vector<CslName>& names =
      item.author.empty() ? item.editor : item.author;
  std::string out;
  for (const CslName& name : names) {
    if (!out.empty()) out += "; ";
    out += NameText(name);
  }
  return out;
}

}  // namespace store

Status Store::Put(const Analysis& analysis) {
  store::Transaction txn(rep_->db);
  Status s = txn.Begin();
  if (s.ok()) s = rep_->PutLocked(analysis);
  if (s.ok()) s = txn.Commit();
  if (!s.ok()) {
    // The transaction rolls back when txn goes out of scope, taking any
    // terms and works this Put inserted with it: forget their cached ids.
    rep_->term_ids.clear();
    rep_->works.reset();
    return store::WithPrefix("put " + analysis.source, s);
  }
  return Status::Ok();
}

Status Store::Rep::PutLocked(const Analysis& a) {
  Status s;
  store::Stmt* del = Cached("DELETE FROM documents WHERE source = ?1", &s);
  if (del == nullptr) return s;
  {
    store::StmtResetter reset(*del);
    del->Bind(1, a.source);
    if (s = del->Run(); !s.ok()) return s;
  }

  store::Stmt* doc = Cached(
      "INSERT INTO documents (source, format, title, has_reference_list) "
      "VALUES (?1, ?2, ?3, ?4)",
      &s);
  if (doc == nullptr) return s;
  {
    store::StmtResetter reset(*doc);
    doc->Bind(1, a.source);
    doc->Bind(2, a.format);
    doc->Bind(3, a.title);
    doc->Bind(4, int64_t{a.has_reference_list ? 1 : 0});
    if (s = doc->Run(); !s.ok()) return s;
  }
  const int64_t doc_id = sqlite3_last_insert_rowid(db);

  store::Stmt* ref = Cached(
      "INSERT INTO refs (document_id, ordinal, csl, author_family, authors, "
      "year, title, container, doi, pmid, citation_number, raw) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
      &s);
  if (ref == nullptr) return s;
  std::vector<int64_t> ref_ids;
  std::vector<std::string> ref_authors;
  ref_ids.reserve(a.references.size());
  ref_authors.reserve(a.references.size());
  for (size_t i = 0; i < a.references.size(); ++i) {
    const CslItem& item = a.references[i];
    store::StmtResetter reset(*ref);
    ref->Bind(1, doc_id);
    ref->Bind(2, static_cast<int64_t>(i));
    ref->Bind(3, CslItemToJson(item));
    ref->Bind(4, FirstFamily(item));
    std::string authors = store::AuthorsText(item);
    ref->Bind(5, authors);
    if (item.issued.year != 0) {
      ref->Bind(6, int64_t{item.issued.year});
    } else {
      ref->BindNull(6);
    }
    ref->Bind(7, item.title);
    ref->Bind(8, item.container_title);
    ref->Bind(9, item.doi);
    ref->Bind(10, item.pmid);
    ref->Bind(11, item.citation_number);
    ref->Bind(12, item.raw);
    if (s = ref->Run(); !s.ok()) return s;
    ref_ids.push_back(sqlite3_last_insert_rowid(db));
    ref_authors.push_back(std::move(authors));
  }
  if (s = PutDocumentWork(a); !s.ok()) return s;
  if (s = ResolveRefs(ref_ids, a.references); !s.ok()) return s;

  store::Stmt* sent = Cached(
      "INSERT INTO sentences (document_id, ordinal, start, \"end\", role, "
      "text, claim, kind, hedged, hedge_cues, negated, status, "
      "backing_phrase, evidence) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
      &s);
  if (sent == nullptr) return s;
  store::Stmt* term = Cached(
      "INSERT INTO sentence_terms (sentence_id, role, ordinal, term_id, "
      "document_id, claim, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      &s);
  if (term == nullptr) return s;
  store::Stmt* cit = Cached(
      "INSERT INTO citations (sentence_id, ordinal, marker, style, start, "
      "\"end\") VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      &s);
  if (cit == nullptr) return s;
  store::Stmt* cit_ref = Cached(
      "INSERT INTO citation_refs (citation_id, ordinal, ref_id) "
      "VALUES (?1, ?2, ?3)",
      &s);
  if (cit_ref == nullptr) return s;

  std::vector<int64_t> sentence_ids;
  sentence_ids.reserve(a.sentences.size());
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    const Sentence& x = a.sentences[i];
    {
      store::StmtResetter reset(*sent);
      sent->Bind(1, doc_id);
      sent->Bind(2, static_cast<int64_t>(i));
      sent->Bind(3, static_cast<int64_t>(x.start));
      sent->Bind(4, static_cast<int64_t>(x.end));
      sent->Bind(5, static_cast<int64_t>(x.role));
      sent->Bind(6, x.text);
      sent->Bind(7, int64_t{x.claim ? 1 : 0});
      sent->Bind(8, static_cast<int64_t>(x.kind));
      sent->Bind(9, int64_t{x.hedged ? 1 : 0});
      sent->Bind(10, JsonArray(x.hedge_cues));
      sent->Bind(11, int64_t{x.negated ? 1 : 0});
      sent->Bind(12, static_cast<int64_t>(x.status));
      sent->Bind(13, x.backing_phrase);
      sent->Bind(14, JsonArray(x.evidence));
      if (s = sent->Run(); !s.ok()) {
        return Status::InvalidArgument("sentence " + std::to_string(i) + ": " +
                                       s.message());
      }
    }
    const int64_t sentence_id = sqlite3_last_insert_rowid(db);
    sentence_ids.push_back(sentence_id);

    struct TermList {
      const std::vector<std::string>* names;
      TermKind kind;
      int64_t role;
    };
    const TermList lists[] = {
        {&x.conditions, TermKind::kCondition, store::kRoleCondition},
        {&x.context_conditions, TermKind::kCondition, store::kRoleContext},
        {&x.interventions, TermKind::kIntervention, store::kRoleIntervention},
        {&x.anatomy, TermKind::kAnatomy, store::kRoleAnatomy},
    };
    for (const TermList& list : lists) {
      for (size_t j = 0; j < list.names->size(); ++j) {
        int64_t term_id = 0;
        if (s = EnsureTerm(list.kind, (*list.names)[j], 0, &term_id); !s.ok()) {
          return s;
        }
        store::StmtResetter reset(*term);
        term->Bind(1, sentence_id);
        term->Bind(2, list.role);
        term->Bind(3, static_cast<int64_t>(j));
        term->Bind(4, term_id);
        term->Bind(5, doc_id);
        term->Bind(6, int64_t{x.claim ? 1 : 0});
        term->Bind(7, static_cast<int64_t>(x.status));
        if (s = term->Run(); !s.ok()) return s;
      }
    }

    for (size_t j = 0; j < x.citations.size(); ++j) {
      const Citation& c = x.citations[j];
      {
        store::StmtResetter reset(*cit);
        cit->Bind(1, sentence_id);
        cit->Bind(2, static_cast<int64_t>(j));
        cit->Bind(3, c.marker);
        cit->Bind(4, static_cast<int64_t>(c.style));
        cit->Bind(5, static_cast<int64_t>(c.start));
        cit->Bind(6, static_cast<int64_t>(c.end));
        if (s = cit->Run(); !s.ok()) {
          return Status::InvalidArgument("sentence " + std::to_string(i) +
                                         " citation " + std::to_string(j) +
                                         ": " + s.message());
        }
      }
      const int64_t citation_id = sqlite3_last_insert_rowid(db);
      for (size_t k = 0; k < c.references.size(); ++k) {
        int index = c.references[k];
        if (index < 0 || static_cast<size_t>(index) >= ref_ids.size()) {
          return Status::InvalidArgument(
              "sentence " + std::to_string(i) + " citation " +
              std::to_string(j) + ": reference index " + std::to_string(index) +
              " out of range (" + std::to_string(ref_ids.size()) +
              " references)");
        }
        store::StmtResetter reset(*cit_ref);
        cit_ref->Bind(1, citation_id);
        cit_ref->Bind(2, static_cast<int64_t>(k));
        cit_ref->Bind(3, ref_ids[static_cast<size_t>(index)]);
        if (s = cit_ref->Run(); !s.ok()) return s;
      }
    }
  }

  // The document's counts (see the schema): the row was written above, so
  // this touches no page that is not already dirty.
  int64_t claims = 0;
  int64_t citations = 0;
  int64_t by_status[6] = {0, 0, 0, 0, 0, 0};
  for (const Sentence& x : a.sentences) {
    citations += static_cast<int64_t>(x.citations.size());
    if (!x.claim) continue;
    ++claims;
    // Out-of-range statuses failed the CHECK constraint above already.
    int status = static_cast<int>(x.status);
    if (status >= 0 && status < 6) ++by_status[status];
  }
  store::Stmt* counts = Cached(
      "UPDATE documents SET n_sentences = ?2, n_claims = ?3, "
      "n_references = ?4, n_citations = ?5, n_cited = ?6, n_attributed = ?7, "
      "n_dangling = ?8, n_vague = ?9, n_listed = ?10, n_unbacked = ?11 "
      "WHERE id = ?1",
      &s);
  if (counts == nullptr) return s;
  {
    store::StmtResetter reset(*counts);
    counts->Bind(1, doc_id);
    counts->Bind(2, static_cast<int64_t>(a.sentences.size()));
    counts->Bind(3, claims);
    counts->Bind(4, static_cast<int64_t>(a.references.size()));
    counts->Bind(5, citations);
    for (int i = 0; i < 6; ++i) counts->Bind(6 + i, by_status[i]);
    if (s = counts->Run(); !s.ok()) return s;
  }

  // The full-text indexes last (see the schema's comment on why there are
  // no insert triggers): single-row inserts into the FTS tables open no
  // statement savepoint, so FTS5 buffers the whole document and writes it
  // as one segment at commit.
  store::Stmt* fts =
      Cached("INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)", &s);
  if (fts == nullptr) return s;
  for (size_t i = 0; i < sentence_ids.size(); ++i) {
    store::StmtResetter reset(*fts);
    fts->Bind(1, sentence_ids[i]);
    fts->Bind(2, a.sentences[i].text);
    if (s = fts->Run(); !s.ok()) return s;
  }
  store::Stmt* ref_fts = Cached(
      "INSERT INTO refs_fts (rowid, authors, title, container, raw) "
      "VALUES (?1, ?2, ?3, ?4, ?5)",
      &s);
  if (ref_fts == nullptr) return s;
  for (size_t i = 0; i < ref_ids.size(); ++i) {
    const CslItem& item = a.references[i];
    store::StmtResetter reset(*ref_fts);
    ref_fts->Bind(1, ref_ids[i]);
    ref_fts->Bind(2, ref_authors[i]);
    ref_fts->Bind(3, item.title);
    ref_fts->Bind(4, item.container_title);
    ref_fts->Bind(5, item.raw);
    if (s = ref_fts->Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status Store::Rep::EnsureTerm(TermKind kind, const std::string& given,
                              int depth, int64_t* id) {
  const std::string kind_text = store::KindText(kind);
  const std::string cache_key = kind_text + "\t" + given;
  if (auto it = term_ids.find(cache_key); it != term_ids.end()) {
    *id = it->second;
    return Status::Ok();
  }

  // The vocabulary's own entry for this name, if it has one: the analyzer
  // gives canonical names, but a name matched loosely or by synonym still
  // finds its term.
  const std::string key = store::NormalizeName(given);
  const Term* vocab_term = nullptr;
  if (auto it = vocab.by_name.find(kind_text + "\t" + key);
      it != vocab.by_name.end()) {
    vocab_term = &vocab.terms[it->second];
  } else if (auto it2 = vocab.by_synonym.find(kind_text + "\t" + key);
             it2 != vocab.by_synonym.end()) {
    vocab_term = &vocab.terms[it2->second];
  }
  const std::string& name = vocab_term != nullptr ? vocab_term->name : given;

  // The broader chain first, so the hierarchy is complete in the database.
  int64_t broader_id = 0;
  if (vocab_term != nullptr && !vocab_term->broader.empty() &&
      store::NormalizeName(vocab_term->broader) != key) {
    if (depth >= kMaxBroaderDepth) {
      // A cycle in the vocabulary: cut it here rather than recurse forever.
      broader_id = 0;
    } else if (Status s = EnsureTerm(kind, vocab_term->broader, depth + 1,
                                     &broader_id);
               !s.ok()) {
      return s;
    }
  }

  Status s;
  store::Stmt* find =
      Cached("SELECT id FROM terms WHERE kind = ?1 AND name = ?2", &s);
  if (find == nullptr) return s;
  int64_t term_id = 0;
  bool found = false;
  {
    store::StmtResetter reset(*find);
    find->Bind(1, kind_text);
    find->Bind(2, name);
    found = find->Step(&s);
    if (!s.ok()) return s;
    if (found) term_id = find->Int(0);
  }

  if (!found) {
    store::Stmt* insert = Cached(
        "INSERT INTO terms (kind, name, key, mesh_id, broader) "
        "VALUES (?1, ?2, ?3, ?4, ?5)",
        &s);
    if (insert == nullptr) return s;
    store::StmtResetter reset(*insert);
    insert->Bind(1, kind_text);
    insert->Bind(2, name);
    insert->Bind(3, store::NormalizeName(name));
    insert->Bind(4, vocab_term != nullptr ? vocab_term->mesh_id : "");
    if (broader_id != 0) {
      insert->Bind(5, broader_id);
    } else {
      insert->BindNull(5);
    }
    if (s = insert->Run(); !s.ok()) return s;
    term_id = sqlite3_last_insert_rowid(db);
  } else if (vocab_term != nullptr) {
    // The vocabulary of this run is the authority: it may have moved a term
    // under a new broader term since the database last saw it.
    store::Stmt* update = Cached(
        "UPDATE terms SET mesh_id = ?2, broader = ?3 "
        "WHERE id = ?1 AND (mesh_id != ?2 OR broader IS NOT ?3)",
        &s);
    if (update == nullptr) return s;
    store::StmtResetter reset(*update);
    update->Bind(1, term_id);
    update->Bind(2, vocab_term->mesh_id);
    if (broader_id != 0) {
      update->Bind(3, broader_id);
    } else {
      update->BindNull(3);
    }
    if (s = update->Run(); !s.ok()) return s;
  }

  if (vocab_term != nullptr) {
    store::Stmt* syn = Cached(
        "INSERT OR IGNORE INTO term_synonyms (term_id, name, key) "
        "VALUES (?1, ?2, ?3)",
        &s);
    if (syn == nullptr) return s;
    for (const std::string& synonym : vocab_term->synonyms) {
      store::StmtResetter reset(*syn);
      syn->Bind(1, term_id);
      syn->Bind(2, synonym);
      syn->Bind(3, store::NormalizeName(synonym));
      if (s = syn->Run(); !s.ok()) return s;
    }
  }
  term_ids.emplace(cache_key, term_id);
  *id = term_id;
  return Status::Ok();
}

}  // namespace evq
