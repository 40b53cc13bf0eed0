// BuildAudit: findings per claim, summaries per document and condition, and
// the gate.
#include <fnmatch.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "audit_internal.h"
#include "evq/audit.h"
#include "evq/store.h"

namespace evq {
namespace internal {

namespace {

constexpr int kStatusCount = 6;

// Weights of the score (audit.h, AuditCounts::score).
constexpr int kStatusWeight[kStatusCount] = {100, 75, 0, 15, 30, 0};
constexpr int kDanglingPenalty = 5;

void AddClaim(const Sentence& s, AuditCounts* c) {
  ++c->claims;
  ++c->by_status[static_cast<int>(s.status)];
}

void Finish(int64_t dangling_markers, AuditCounts* c) {
  if (c->claims == 0) {
    c->backed_share = 0;
    c->score = 100;
    c->verdict = "no claims";
    return;
  }
  c->backed_share =
      static_cast<double>(c->by_status[static_cast<int>(BackingStatus::kCited)]) / c->claims;
  int64_t sum = 0;
  for (int i = 0; i < kStatusCount; ++i) sum += kStatusWeight[i] * c->by_status[i];
  int64_t score = static_cast<int64_t>(std::llround(static_cast<double>(sum) / c->claims));
  score -= kDanglingPenalty * dangling_markers;
  c->score = static_cast<int>(std::clamp<int64_t>(score, 0, 100));
  if (c->score >= 80) c->verdict = "well referenced";
  else if (c->score >= 50) c->verdict = "partly referenced";
  else if (c->score >= 20) c->verdict = "weakly referenced";
  else c->verdict = "unreferenced";
}

std::vector<std::string> DanglingMarkersOf(const Sentence& s) {
  std::vector<std::string> out;
  for (const Citation& c : s.citations) {
    if (c.references.empty()) out.push_back(c.marker);
  }
  return out;
}

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

std::string JoinMarkers(const std::vector<std::string>& markers) {
  std::string out;
  for (const std::string& m : markers) out += (out.empty() ? "" : ", ") + m;
  return out;
}

// The findings of one claim, in rule order.
void FindingsOf(const AuditClaim& c, size_t claim_index, const AuditOptions& options,
                std::vector<Finding>* out) {
  const Sentence& s = c.sentence;
  auto add = [&](AuditRule rule, std::string message) -> Finding* {
    int r = static_cast<int>(rule);
    if (!options.enabled[r]) return nullptr;
    Finding f;
    f.rule = rule;
    f.severity = options.severity[r];
    f.document = c.document;
    f.line = s.line;
    f.column = s.column;
    f.start = s.start;
    f.end = s.end;
    f.claim = s.text;
    f.status = s.status;
    f.message = std::move(message);
    f.claim_index = claim_index;
    out->push_back(std::move(f));
    return &out->back();
  };
  switch (s.status) {
    case BackingStatus::kUnbacked:
      add(AuditRule::kUnbacked, "claim is not backed by any reference");
      break;
    case BackingStatus::kVague:
      add(AuditRule::kVague, s.backing_phrase.empty()
                                 ? "claim appeals to unnamed evidence"
                                 : "claim appeals to unnamed evidence (" +
                                       Quote(s.backing_phrase) + ")");
      break;
    case BackingStatus::kListed:
      add(AuditRule::kListedOnly,
          "claim is not tied to any entry of the document's reference list");
      break;
    default:
      break;
  }
  // A claim may cite one reference and carry another marker that dangles, so
  // dangling markers are looked for whatever the status.
  std::vector<std::string> dangling = DanglingMarkersOf(s);
  if (!dangling.empty()) {
    Finding* f = add(AuditRule::kDangling,
                     std::string(dangling.size() == 1 ? "citation marker " : "citation markers ") +
                         JoinMarkers(dangling) + (dangling.size() == 1 ? " resolves" : " resolve") +
                         " to no reference");
    if (f) f->markers = std::move(dangling);
  }
  // cites-retracted and cites-unresolved need references resolved against
  // known works: only claims read from a Store have them.
  std::vector<std::string> retracted_markers, unresolved_markers;
  std::vector<CslItem> retracted_refs, unresolved_refs;
  std::string evidence;
  for (const Citation& cit : s.citations) {
    for (int r : cit.references) {
      if (r < 0 || static_cast<size_t>(r) >= c.resolutions.size()) continue;
      const ReferenceResolution& res = c.resolutions[r];
      if (res.retracted) {
        retracted_markers.push_back(cit.marker);
        retracted_refs.push_back(c.references[r]);
        if (evidence.empty()) evidence = res.retraction_evidence;
      } else if (c.authority_known && res.status != ResolutionStatus::kMatched) {
        unresolved_markers.push_back(cit.marker);
        unresolved_refs.push_back(c.references[r]);
      }
    }
  }
  if (!retracted_refs.empty()) {
    Finding* f = add(AuditRule::kCitesRetracted,
                     "claim cites a retracted work: " + CslItemLabel(retracted_refs[0]) +
                         (evidence.empty() ? "" : " (" + evidence + ")"));
    if (f) {
      f->markers = std::move(retracted_markers);
      f->references = std::move(retracted_refs);
    }
  }
  if (!unresolved_refs.empty()) {
    Finding* f = add(AuditRule::kCitesUnresolved,
                     std::string(unresolved_refs.size() == 1 ? "cited reference matches"
                                                             : "cited references match") +
                         " no known work: " + CslItemLabel(unresolved_refs[0]));
    if (f) {
      f->markers = std::move(unresolved_markers);
      f->references = std::move(unresolved_refs);
    }
  }
}

}  // namespace

bool SkippedByPattern(const std::string& source, const AuditOptions& options) {
  if (options.skip.empty()) return false;
  std::string relative;
  if (!options.base_dir.empty()) {
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(source, ec);
    if (!ec) {
      std::filesystem::path rel =
          abs.lexically_normal().lexically_relative(
              std::filesystem::absolute(options.base_dir, ec).lexically_normal());
      if (!ec && !rel.empty()) relative = rel.generic_string();
    }
  }
  for (const std::string& p : options.skip) {
    if (fnmatch(p.c_str(), source.c_str(), 0) == 0) return true;
    if (!relative.empty() && fnmatch(p.c_str(), relative.c_str(), 0) == 0) return true;
  }
  return false;
}

AuditReport BuildAuditFromInputs(std::vector<AuditDocumentInput> inputs,
                                 const AuditOptions& options) {
  AuditReport report;
  report.options = options;
  report.tool_version = options.tool_version;
  std::map<std::string, ConditionSummary> conditions;
  std::map<std::string, int64_t> condition_dangling;
  int64_t total_dangling = 0;
  for (AuditDocumentInput& in : inputs) {
    if (SkippedByPattern(in.source, options)) {
      report.skipped_documents.push_back(in.source);
      continue;
    }
    DocumentSummary doc;
    doc.source = in.source;
    doc.title = in.title;
    doc.references = static_cast<int64_t>(in.references.size());
    doc.ignored_sentences = in.ignored_sentences;
    for (size_t i = 0; i < in.references.size(); ++i) {
      if (i >= in.reference_cited.size() || !in.reference_cited[i]) {
        doc.uncited_references.push_back(in.references[i]);
      }
    }
    std::set<std::string> doc_conditions;
    for (AuditClaim& c : in.claims) {
      const Sentence& s = c.sentence;
      size_t index = report.claims.size();
      size_t first_finding = report.findings.size();
      FindingsOf(c, index, options, &report.findings);
      for (size_t f = first_finding; f < report.findings.size(); ++f) {
        ++doc.counts.findings[static_cast<int>(report.findings[f].severity)];
      }
      AddClaim(s, &doc.counts);
      int64_t dangling = 0;
      for (const Citation& cit : s.citations) {
        if (!cit.references.empty()) continue;
        doc.dangling_markers.push_back({cit.marker, s.line, s.column});
        ++dangling;
      }
      std::set<std::string> about(s.conditions.begin(), s.conditions.end());
      about.insert(s.context_conditions.begin(), s.context_conditions.end());
      for (const std::string& name : about) {
        ConditionSummary& cs = conditions[name];
        cs.condition = name;
        AddClaim(s, &cs.counts);
        for (size_t f = first_finding; f < report.findings.size(); ++f) {
          ++cs.counts.findings[static_cast<int>(report.findings[f].severity)];
        }
        condition_dangling[name] += dangling;
        if (doc_conditions.insert(name).second) ++cs.documents;
      }
      report.claims.push_back(std::move(c));
    }
    for (DanglingMarker& m : in.other_dangling) doc.dangling_markers.push_back(std::move(m));
    std::stable_sort(doc.dangling_markers.begin(), doc.dangling_markers.end(),
                     [](const DanglingMarker& a, const DanglingMarker& b) {
                       return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    Finish(static_cast<int64_t>(doc.dangling_markers.size()), &doc.counts);
    total_dangling += static_cast<int64_t>(doc.dangling_markers.size());
    for (int i = 0; i < kStatusCount; ++i) report.totals.by_status[i] += doc.counts.by_status[i];
    for (int i = 0; i < 3; ++i) report.totals.findings[i] += doc.counts.findings[i];
    report.totals.claims += doc.counts.claims;
    report.documents.push_back(std::move(doc));
  }
  Finish(total_dangling, &report.totals);
  for (auto& [name, cs] : conditions) {
    Finish(condition_dangling[name], &cs.counts);
    report.conditions.push_back(std::move(cs));
  }
  std::stable_sort(report.conditions.begin(), report.conditions.end(),
                   [](const ConditionSummary& a, const ConditionSummary& b) {
                     return a.counts.claims > b.counts.claims;
                   });

  // The gate.
  std::array<int64_t, kAuditRuleCount> by_rule{};
  std::array<int64_t, 3> by_severity{};
  for (const Finding& f : report.findings) {
    ++by_rule[static_cast<int>(f.rule)];
    ++by_severity[static_cast<int>(f.severity)];
  }
  for (AuditRule rule : options.fail_on) {
    int64_t n = by_rule[static_cast<int>(rule)];
    if (n == 0) continue;
    report.gate.reasons.push_back(std::to_string(n) + " " + AuditRuleDescription(rule).id +
                                  (n == 1 ? " finding" : " findings"));
  }
  if (options.fail_on_severity) {
    int64_t n = 0;
    for (int i = static_cast<int>(*options.fail_on_severity); i < 3; ++i) n += by_severity[i];
    if (n > 0) {
      report.gate.reasons.push_back(std::to_string(n) + (n == 1 ? " finding" : " findings") +
                                    " of severity " + AuditSeverityName(*options.fail_on_severity) +
                                    " or worse");
    }
  }
  if (options.fail_under && report.totals.claims > 0 &&
      report.totals.backed_share < *options.fail_under) {
    report.gate.reasons.push_back("backed share " + PercentText(report.totals.backed_share) +
                                  " is under " + PercentText(*options.fail_under));
  }
  report.gate.failed = !report.gate.reasons.empty();
  return report;
}

namespace {

// The claims of an analysis, each with only the references it cites
// (re-indexed), so a report does not copy the whole list per claim.
AuditDocumentInput InputFromAnalysis(const Analysis& a) {
  AuditDocumentInput in;
  in.source = a.source;
  in.title = a.title;
  in.references = a.references;
  in.reference_cited.assign(a.references.size(), false);
  for (const Sentence& s : a.sentences) {
    if (s.ignored) ++in.ignored_sentences;
    for (const Citation& c : s.citations) {
      for (int r : c.references) {
        if (r >= 0 && static_cast<size_t>(r) < in.reference_cited.size()) {
          in.reference_cited[r] = true;
        }
      }
    }
    if (!s.claim) {
      if (s.ignored) continue;
      for (const Citation& c : s.citations) {
        if (c.references.empty()) in.other_dangling.push_back({c.marker, s.line, s.column});
      }
      continue;
    }
    AuditClaim claim;
    claim.document = a.source;
    claim.sentence = s;
    std::map<int, int> remap;
    for (Citation& c : claim.sentence.citations) {
      std::vector<int> kept;
      for (int r : c.references) {
        if (r < 0 || static_cast<size_t>(r) >= a.references.size()) continue;
        auto [it, added] = remap.emplace(r, static_cast<int>(claim.references.size()));
        if (added) claim.references.push_back(a.references[r]);
        kept.push_back(it->second);
      }
      // A citation whose indexes were all out of range stays non-empty in
      // the analysis' eyes only by a bug; keep it dangling here.
      c.references = std::move(kept);
    }
    in.claims.push_back(std::move(claim));
  }
  return in;
}

}  // namespace
}  // namespace internal

bool AuditSkips(const AuditOptions& options, const std::string& source) {
  return internal::SkippedByPattern(source, options);
}

Result<AuditReport> BuildAudit(const std::vector<Analysis>& analyses,
                               const AuditOptions& options) {
  std::vector<internal::AuditDocumentInput> inputs;
  inputs.reserve(analyses.size());
  for (const Analysis& a : analyses) inputs.push_back(internal::InputFromAnalysis(a));
  return internal::BuildAuditFromInputs(std::move(inputs), options);
}

Result<AuditReport> BuildAudit(Store& store, const AuditOptions& options) {
  Result<std::vector<StoredClaim>> claims = store.Claims(ClaimQuery{});
  if (!claims.ok()) return claims.status();
  Result<std::vector<StoredReference>> refs = store.References("");
  if (!refs.ok()) return refs.status();
  // Unresolved references are news only when there was an authority to
  // resolve them against.
  WorkQuery authority;
  authority.limit = 1;
  authority.authority_only = true;
  Result<std::vector<StoredWork>> any_work = store.Works(authority);
  if (!any_work.ok()) return any_work.status();
  const bool authority_known = !any_work->empty();
  std::vector<internal::AuditDocumentInput> inputs;
  std::map<std::string, size_t> index;
  auto input_for = [&](const std::string& source) -> internal::AuditDocumentInput& {
    auto [it, added] = index.emplace(source, inputs.size());
    if (added) {
      inputs.emplace_back();
      inputs.back().source = source;
    }
    return inputs[it->second];
  };
  for (StoredClaim& c : *claims) {
    internal::AuditDocumentInput& in = input_for(c.document);
    in.claims.push_back({c.document, std::move(c.sentence), std::move(c.references),
                         std::move(c.resolutions), authority_known});
  }
  for (StoredReference& r : *refs) {
    internal::AuditDocumentInput& in = input_for(r.document);
    in.reference_cited.push_back(!r.citing_claims.empty());
    in.references.push_back(std::move(r.item));
  }
  return internal::BuildAuditFromInputs(std::move(inputs), options);
}

}  // namespace evq
