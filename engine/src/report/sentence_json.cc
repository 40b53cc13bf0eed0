// The evidence model's claim record as JSON, and the names of analysis enums.
#include <nlohmann/json.hpp>

#include "evq/analysis.h"
#include "evq/store.h"
#include "evq/works.h"

namespace evq {

const char* ClaimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kEfficacy: return "efficacy";
    case ClaimKind::kMechanism: return "mechanism";
    case ClaimKind::kEpidemiology: return "epidemiology";
    case ClaimKind::kPrognosis: return "prognosis";
    case ClaimKind::kSymptom: return "symptom";
    case ClaimKind::kSafety: return "safety";
    case ClaimKind::kDefinition: return "definition";
    case ClaimKind::kOther: return "other";
  }
  return "other";
}

const char* BackingStatusName(BackingStatus status) {
  switch (status) {
    case BackingStatus::kCited: return "cited";
    case BackingStatus::kAttributed: return "attributed";
    case BackingStatus::kDangling: return "dangling";
    case BackingStatus::kVague: return "vague";
    case BackingStatus::kListed: return "listed";
    case BackingStatus::kUnbacked: return "unbacked";
  }
  return "unbacked";
}

bool ParseBackingStatus(const std::string& name, BackingStatus* out) {
  for (int i = 0; i <= static_cast<int>(BackingStatus::kUnbacked); ++i) {
    auto s = static_cast<BackingStatus>(i);
    if (name == BackingStatusName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

namespace {

const char* StyleName(CitationStyle style) {
  switch (style) {
    case CitationStyle::kNumeric: return "numeric";
    case CitationStyle::kAuthorYear: return "author-year";
    case CitationStyle::kNarrative: return "narrative";
    case CitationStyle::kMarkup: return "markup";
  }
  return "numeric";
}

nlohmann::json CslJson(const CslItem& item) {
  // CslItemToJson is the one writer of CSL-JSON; parse its output back to
  // embed it. Invalid UTF-8 cannot occur: importers repair it.
  return nlohmann::json::parse(CslItemToJson(item), nullptr, /*allow_exceptions=*/false);
}

nlohmann::json ResolutionJson(const ReferenceResolution& r) {
  nlohmann::json j;
  j["status"] = ResolutionStatusName(r.status);
  j["score"] = static_cast<double>(static_cast<int>(r.score * 1000 + 0.5)) / 1000;
  if (!r.conflicts.empty()) j["conflicts"] = r.conflicts;
  if (r.candidate != 0) j["candidate"] = r.candidate;
  if (r.work != 0) j["work"] = r.work;
  j["retracted"] = r.retracted;
  if (r.retracted) j["retraction_evidence"] = r.retraction_evidence;
  return j;
}

// The claim record; with `resolutions` (parallel to `references`) each
// cited reference carries its resolution and retracted citations are listed.
nlohmann::json SentenceJson(const std::string& document, const Sentence& s,
                            const std::vector<CslItem>& references,
                            const std::vector<ReferenceResolution>* resolutions) {
  nlohmann::json j;
  j["document"] = document;
  j["text"] = s.text;
  j["start"] = s.start;
  j["end"] = s.end;
  j["line"] = s.line;
  j["column"] = s.column;
  j["role"] = BlockRoleName(s.role);
  j["claim"] = s.claim;
  j["kind"] = ClaimKindName(s.kind);
  j["hedged"] = s.hedged;
  j["hedge_cues"] = s.hedge_cues;
  j["negated"] = s.negated;
  j["status"] = BackingStatusName(s.status);
  if (!s.backing_phrase.empty()) j["backing_phrase"] = s.backing_phrase;
  j["conditions"] = s.conditions;
  j["context_conditions"] = s.context_conditions;
  j["interventions"] = s.interventions;
  j["anatomy"] = s.anatomy;
  nlohmann::json cites = nlohmann::json::array();
  nlohmann::json retracted = nlohmann::json::array();
  // One object per (marker, reference): "[3-5]" resolving to three entries
  // gives three objects with the same marker, each naming one reference.
  for (const Citation& c : s.citations) {
    nlohmann::json cj;
    cj["marker"] = c.marker;
    cj["style"] = StyleName(c.style);
    cj["start"] = c.start;
    cj["end"] = c.end;
    cj["reference"] = nullptr;
    bool any = false;
    for (int r : c.references) {
      if (r < 0 || static_cast<size_t>(r) >= references.size()) continue;
      nlohmann::json one = cj;
      one["reference"] = CslJson(references[r]);
      if (resolutions != nullptr && static_cast<size_t>(r) < resolutions->size()) {
        const ReferenceResolution& res = (*resolutions)[r];
        one["reference"]["evq:resolution"] = ResolutionJson(res);
        if (res.retracted) {
          nlohmann::json flag;
          flag["marker"] = c.marker;
          flag["work"] = res.work;
          flag["reference"] = CslItemLabel(references[r]);
          if (!references[r].doi.empty()) flag["DOI"] = references[r].doi;
          if (!references[r].pmid.empty()) flag["PMID"] = references[r].pmid;
          flag["evidence"] = res.retraction_evidence;
          retracted.push_back(std::move(flag));
        }
      }
      cites.push_back(std::move(one));
      any = true;
    }
    if (!any) cites.push_back(std::move(cj));
  }
  j["citations"] = std::move(cites);
  if (resolutions != nullptr) j["retracted_citations"] = std::move(retracted);
  j["evidence"] = s.evidence;
  return j;
}

}  // namespace

std::string SentenceToJson(const std::string& document, const Sentence& s,
                           const std::vector<CslItem>& references) {
  return SentenceJson(document, s, references, nullptr)
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string StoredClaimToJson(const StoredClaim& claim) {
  return SentenceJson(claim.document, claim.sentence, claim.references,
                      &claim.resolutions)
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace evq
