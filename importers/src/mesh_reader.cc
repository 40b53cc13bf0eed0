// MeSH DescriptorRecordSet -> Vocabulary terms. See evq/mesh.h.
//
// Two passes over memory, one over the file: descriptors are read record by
// record into plain terms (the full MeSH is ~30,000 descriptors, a few MB
// as terms), then broader terms are resolved through the tree numbers, and
// only then added, so a failure adds nothing.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "evq/mesh.h"
#include "xml_records.h"
#include "xml_util.h"

namespace evq {
namespace {

using xml::Child;
using xml::Children;

struct Descriptor {
  Term term;
  std::vector<std::string> trees;  // tree numbers of the term's kind
};

// The kind a tree number files a descriptor under, or false.
bool KindOfTree(const std::string& tree, TermKind* kind) {
  if (tree.empty()) return false;
  if (tree[0] == 'C' || tree.rfind("F03", 0) == 0) *kind = TermKind::kCondition;
  else if (tree[0] == 'E') *kind = TermKind::kIntervention;
  else if (tree[0] == 'A') *kind = TermKind::kAnatomy;
  else return false;
  return true;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

Status ImportMeshDescriptors(const std::string& path, Vocabulary* vocab, MeshImportStats* stats) {
  MeshImportStats local;
  MeshImportStats& st = stats != nullptr ? *stats : local;
  st = MeshImportStats{};
  static const xml::RecordSetSpec kSpec{
      {"DescriptorRecordSet"}, {{"DescriptorRecord"}}, "<DescriptorRecordSet>"};
  std::vector<Descriptor> found;
  Status s = xml::ForEachRecordInFile(
      path, kSpec, [&](std::string_view rec, const xml::Origin& origin, bool*) {
        std::string buffer(rec);
        pugi::xml_document x;
        std::map<std::string, std::string> entities;
        if (Status p = xml::ParseChecked(origin, &buffer, &x, &entities); !p.ok()) return p;
        pugi::xml_node d = x.document_element();
        ++st.descriptors;
        Descriptor out;
        out.term.mesh_id = xml::Text(Child(d, "DescriptorUI"), nullptr);
        std::string name = xml::Text(Child(Child(d, "DescriptorName"), "String"), nullptr);
        bool have_kind = false;
        for (const pugi::xml_node& t : Children(Child(d, "TreeNumberList"), "TreeNumber")) {
          std::string tree = xml::Text(t, nullptr);
          TermKind kind;
          if (!KindOfTree(tree, &kind)) continue;
          // A descriptor filed under two kinds keeps its first.
          if (have_kind && kind != out.term.kind) continue;
          out.term.kind = kind;
          have_kind = true;
          out.trees.push_back(tree);
        }
        if (!have_kind || name.empty()) {
          ++st.skipped;
          return Status::Ok();
        }
        out.term.name = Lower(name);
        for (const pugi::xml_node& c : Children(Child(d, "ConceptList"), "Concept")) {
          for (const pugi::xml_node& t : Children(Child(c, "TermList"), "Term")) {
            std::string entry = xml::Text(Child(t, "String"), &entities);
            if (entry.empty() || Lower(entry) == out.term.name) continue;
            if (std::find(out.term.synonyms.begin(), out.term.synonyms.end(), entry) ==
                out.term.synonyms.end()) {
              out.term.synonyms.push_back(entry);
            }
          }
        }
        found.push_back(std::move(out));
        return Status::Ok();
      });
  if (!s.ok()) return s;

  std::map<std::string, size_t> by_tree;
  for (size_t i = 0; i < found.size(); ++i) {
    for (const std::string& t : found[i].trees) by_tree.emplace(t, i);
  }
  for (Descriptor& d : found) {
    for (const std::string& t : d.trees) {
      size_t dot = t.rfind('.');
      if (dot == std::string::npos) continue;
      auto it = by_tree.find(t.substr(0, dot));
      if (it == by_tree.end() || found[it->second].term.kind != d.term.kind) continue;
      d.term.broader = found[it->second].term.name;
      ++st.broader_links;
      break;
    }
  }
  for (const Descriptor& d : found) {
    if (Status a = vocab->AddTerm(d.term); !a.ok()) return Status::Internal(path + ": " + a.message());
    st.entry_terms += static_cast<int>(d.term.synonyms.size());
    if (d.term.kind == TermKind::kCondition) ++st.conditions;
    else if (d.term.kind == TermKind::kIntervention) ++st.interventions;
    else ++st.anatomy;
  }
  return Status::Ok();
}

}  // namespace evq
