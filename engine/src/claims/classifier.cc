#include "claims/classifier.h"

namespace evq::internal {

namespace {

bool HasAny(const NormalizedText& t, std::initializer_list<std::string_view> phrases) {
  for (std::string_view p : phrases) {
    if (t.Has(p)) return true;
  }
  return false;
}

// A lead-in that introduces instructions ("Focus on:", "Steps:") rather than
// assertions ("it can:", "ASTR tools are:", "if your pain:").
bool LeadInIsInstruction(const NormalizedText& lead) {
  if (lead.words.empty()) return false;
  static const std::string_view kStarts[] = {"focus", "try", "remember", "follow", "do",
                                             "avoid", "use", "here", "steps", "tips"};
  for (std::string_view s : kStarts) {
    if (lead.words[0] == s) return true;
  }
  return HasAny(lead, {"steps", "tips", "following exercises", "you will need", "instructions"});
}

}  // namespace

ClaimDecision DecideClaim(const ClaimInput& in) {
  ClaimDecision d;
  const NormalizedText& t = *in.text;
  switch (in.role) {
    case BlockRole::kParagraph:
    case BlockRole::kListItem:
    case BlockRole::kTableCell:
      break;
    default:
      d.evidence.push_back(std::string("role: ") + BlockRoleName(in.role));
      return d;
  }
  std::string_view o = in.original;
  while (!o.empty() && o.back() == ' ') o.remove_suffix(1);
  if (!o.empty() && o.back() == ':' && t.words.size() <= 14) {
    d.evidence.push_back("lead-in ending in ':'");
    return d;
  }
  std::string reason = FindNonClaimReason(t, in.original);
  if (!reason.empty() && !(reason == "procedure" && in.has_vague_or_attribution)) {
    d.evidence.push_back("not a claim: " + reason);
    return d;
  }
  bool in_list_under_assertion = in.role == BlockRole::kListItem && in.lead_in != nullptr &&
                                 !in.lead_in->words.empty();
  // Short items under "Focus on:" are instructions; full sentences in such
  // a list still speak for themselves.
  if (in_list_under_assertion && LeadInIsInstruction(*in.lead_in) && t.words.size() < 7) {
    d.evidence.push_back("list item under an instruction lead-in");
    return d;
  }
  if (t.words.size() < 3 && !in_list_under_assertion) {
    d.evidence.push_back("fragment (fewer than 3 words)");
    return d;
  }
  if (!HasPredicate(t) && !in_list_under_assertion && in.role != BlockRole::kListItem) {
    d.evidence.push_back("no verb");
    return d;
  }
  if (!in.has_terms && !HasHealthWord(t) && !in.has_citation && !in.has_vague_or_attribution &&
      !in.follows_health_sentence) {
    d.evidence.push_back("no health subject");
    return d;
  }
  d.claim = true;
  if (in.has_terms) d.evidence.push_back("names a vocabulary term");
  if (in.has_vague_or_attribution) d.evidence.push_back("appeals to evidence");
  if (in_list_under_assertion) d.evidence.push_back("list item completing its lead-in");
  if (d.evidence.empty()) d.evidence.push_back("health assertion");
  return d;
}

ClaimKind ClassifyKind(const NormalizedText& t, bool has_intervention) {
  if (HasAny(t, {"safe", "safely", "safety", "side effect", "side effects", "adverse", "harm",
                 "harmful", "risk of injury", "dangerous", "contraindicated", "ergonomically"})) {
    return ClaimKind::kSafety;
  }
  if (HasAny(t, {"weeks", "months", "days", "sessions", "session", "how long", "recovery time",
                 "within a week", "a week", "over time", "recurrence", "if ignore",
                 "spread out to", "for about"}) &&
      !HasAny(t, {"over the period of"})) {
    return ClaimKind::kPrognosis;
  }
  if (HasAny(t, {"millions", "prevalence", "common ailment", "affects", "percent", "per cent",
                 "most common", "incidence", "one in", "worldwide", "population"})) {
    return ClaimKind::kEpidemiology;
  }
  bool effect = HasAny(t, {"help", "helps", "helpful", "relieve", "relieves", "relief", "ease",
                           "eases", "reduce", "reduces", "reducing", "improve", "improves",
                           "improving", "effective", "effectively", "benefit", "benefits",
                           "beneficial", "work", "works", "treat", "treats", "cure", "heal",
                           "alleviate", "speed up", "accelerates", "correct", "restore",
                           "restores", "release", "releases", "diminished", "less pain",
                           "enjoyed", "aims to", "approach", "address", "viable", "relieving",
                           "allow", "allows", "break down", "elongate", "eased", "enhance"});
  if (has_intervention && effect) return ClaimKind::kEfficacy;
  if (HasAny(t, {"refers to", "is defined as", "is a form of", "is a type of", "is a continuing",
                 "are stiff areas", "are tight knots", "is connective tissue", "looks like",
                 "wraps around", "consists of", "is made of", "is a syndrome", "is a condition",
                 "is a disorder", "is one of the most"})) {
    return ClaimKind::kDefinition;
  }
  if (HasAny(t, {"feel", "feels", "symptom", "symptoms", "experience", "radiates", "aching",
                 "burning", "debilitating", "unbearable", "hard to pinpoint", "mimic", "worsens",
                 "comes and goes", "show up", "toughest part", "deep", "originates in one"})) {
    return ClaimKind::kSymptom;
  }
  if (effect && !has_intervention) {
    if (HasAny(t, {"cause", "causes", "lead to", "leads to", "due to", "result", "because"})) {
      return ClaimKind::kMechanism;
    }
    return ClaimKind::kEfficacy;
  }
  return has_intervention ? ClaimKind::kEfficacy : ClaimKind::kMechanism;
}

}  // namespace evq::internal
