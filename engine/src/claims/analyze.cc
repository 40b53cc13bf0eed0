// Analyze(): the analysis stage of the pipeline. For each block of a
// Document: sentences, citation markers and their links, claim decision,
// kind, hedging, negation, backing status and subjects.
#include <algorithm>
#include <string>
#include <vector>

#include "cite/linker.h"
#include "cite/markers.h"
#include "claims/classifier.h"
#include "claims/cues.h"
#include "evq/analysis.h"
#include "text/sentence_splitter.h"

namespace evq {

namespace {

using internal::NormalizedText;

struct Subjects {
  std::vector<std::string> conditions, interventions, anatomy;
};

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(s);
}

Subjects FindSubjects(const Vocabulary& vocab, std::string_view text) {
  Subjects s;
  for (const TermMatch& m : vocab.Find(text)) {
    switch (m.kind) {
      case TermKind::kCondition: AddUnique(&s.conditions, m.name); break;
      case TermKind::kIntervention: AddUnique(&s.interventions, m.name); break;
      case TermKind::kAnatomy: AddUnique(&s.anatomy, m.name); break;
    }
  }
  return s;
}

// Sentence text for output: internal line breaks and runs of spaces folded.
std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool IsTextRole(BlockRole r) {
  return r == BlockRole::kParagraph || r == BlockRole::kListItem || r == BlockRole::kTableCell ||
         r == BlockRole::kCaption;
}

bool StartsWithPronoun(const NormalizedText& t) {
  if (t.words.empty()) return false;
  const std::string& w = t.words[0];
  return w == "it" || w == "it's" || w == "this" || w == "these" || w == "they" || w == "those";
}

}  // namespace

Analysis Analyze(const Document& doc, const Vocabulary& vocab, const AnalyzeOptions& options) {
  Analysis a;
  a.source = doc.source;
  a.format = doc.format;
  a.title = doc.title;
  a.has_reference_list = doc.has_reference_list;
  a.diagnostics = doc.diagnostics;

  std::string_view text = doc.text;
  for (const Block& b : doc.blocks) {
    if (b.role != BlockRole::kReferenceEntry) continue;
    std::string entry = CollapseSpace(text.substr(b.start, b.end - b.start));
    if (doc.format == "markdown") {
      // Emphasis marks (*Journal*, _Title_) are markup, not part of fields.
      std::erase(entry, '*');
    }
    CslItem item = ParseReference(entry);
    item.id = "ref" + std::to_string(a.references.size() + 1);
    a.references.push_back(std::move(item));
  }
  internal::ReferenceLinker linker(a.references);

  a.metadata = doc.metadata;
  for (const std::string& heading : doc.metadata.subject_headings) {
    const Term* t = vocab.Lookup(heading);
    if (t && t->kind == TermKind::kCondition) AddUnique(&a.conditions, t->name);
  }
  std::vector<std::string> title_conditions = FindSubjects(vocab, doc.title).conditions;
  std::vector<std::string> heading_conditions;
  size_t markup_pos = 0;

  for (const Block& b : doc.blocks) {
    if (b.role == BlockRole::kTitle || b.role == BlockRole::kHeading ||
        b.role == BlockRole::kReferenceHeading) {
      Sentence s;
      s.text = CollapseSpace(text.substr(b.start, b.end - b.start));
      s.start = b.start;
      s.end = b.end;
      s.role = b.role;
      Subjects sub = FindSubjects(vocab, s.text);
      s.conditions = sub.conditions;
      s.interventions = sub.interventions;
      s.anatomy = sub.anatomy;
      s.evidence.push_back(std::string("role: ") + BlockRoleName(b.role));
      if (b.role == BlockRole::kTitle && title_conditions.empty()) title_conditions = sub.conditions;
      heading_conditions = b.role == BlockRole::kTitle ? std::vector<std::string>{} : sub.conditions;
      a.sentences.push_back(std::move(s));
      continue;
    }
    std::vector<internal::Span> spans;
    if (options.one_sentence_per_block || !IsTextRole(b.role)) {
      spans.push_back({b.start, b.end});
    } else {
      spans = internal::SplitSentences(text, b.start, b.end);
    }
    NormalizedText lead_in;
    if (!b.lead_in.empty()) lead_in = internal::Normalize(b.lead_in);
    std::vector<std::string> lead_hedges;
    if (!b.lead_in.empty()) lead_hedges = internal::FindHedgeCues(lead_in);

    long prev_index = -1;  // index into a.sentences; pointers would dangle
    for (const internal::Span& span : spans) {
      Sentence s;
      s.start = span.start;
      s.end = span.end;
      s.role = b.role;
      std::string_view raw = text.substr(span.start, span.end - span.start);
      s.text = CollapseSpace(raw);
      if (!IsTextRole(b.role) || b.role == BlockRole::kCaption) {
        s.evidence.push_back(std::string("role: ") + BlockRoleName(b.role));
        a.sentences.push_back(std::move(s));
        continue;
      }

      // Citations: markup first, then markers written in the text.
      while (markup_pos < doc.markup_citations.size() &&
             doc.markup_citations[markup_pos].start < span.start) {
        ++markup_pos;
      }
      for (size_t k = markup_pos; k < doc.markup_citations.size(); ++k) {
        const MarkupCitation& mc = doc.markup_citations[k];
        if (mc.start >= span.end) break;
        Citation c;
        c.marker = mc.marker;
        c.style = CitationStyle::kMarkup;
        c.start = mc.start;
        c.end = mc.end;
        for (int n : mc.reference_numbers) {
          int r = linker.ResolveNumber(n);
          if (r >= 0 && std::find(c.references.begin(), c.references.end(), r) == c.references.end()) {
            c.references.push_back(r);
          }
        }
        s.citations.push_back(std::move(c));
      }
      for (const internal::FoundMarker& m : internal::FindMarkers(text, span.start, span.end)) {
        bool overlaps = false;
        for (const Citation& c : s.citations) {
          if (c.style == CitationStyle::kMarkup && m.start < c.end && c.start < m.end) overlaps = true;
        }
        if (overlaps) continue;
        Citation c;
        c.marker = std::string(text.substr(m.start, m.end - m.start));
        c.style = m.style;
        c.start = m.start;
        c.end = m.end;
        c.references = linker.Resolve(m);
        s.citations.push_back(std::move(c));
      }
      std::sort(s.citations.begin(), s.citations.end(),
                [](const Citation& x, const Citation& y) { return x.start < y.start; });

      const Sentence* prev_in_block = prev_index >= 0 ? &a.sentences[prev_index] : nullptr;
      NormalizedText norm = internal::Normalize(s.text);
      Subjects sub = FindSubjects(vocab, s.text);
      s.conditions = sub.conditions;
      s.interventions = sub.interventions;
      s.anatomy = sub.anatomy;

      std::string vague = internal::FindVagueAppeal(norm);
      std::string attribution = internal::FindAttribution(s.text, norm);

      internal::ClaimInput in;
      in.text = &norm;
      in.original = s.text;
      in.role = b.role;
      in.lead_in = b.lead_in.empty() ? nullptr : &lead_in;
      in.has_terms = !sub.conditions.empty() || !sub.interventions.empty() || !sub.anatomy.empty();
      in.has_intervention = !sub.interventions.empty();
      in.has_condition = !sub.conditions.empty();
      in.has_vague_or_attribution = !vague.empty() || !attribution.empty();
      in.has_citation = !s.citations.empty();
      in.follows_health_sentence =
          prev_in_block && StartsWithPronoun(norm) &&
          (prev_in_block->claim || !prev_in_block->conditions.empty() ||
           !prev_in_block->anatomy.empty() || !prev_in_block->interventions.empty());
      internal::ClaimDecision decision = internal::DecideClaim(in);
      s.claim = b.ignored ? false : decision.claim;
      s.evidence = decision.evidence;
      if (b.ignored) s.evidence.push_back("evq-ignore");
      s.ignored = b.ignored;

      s.hedge_cues = internal::FindHedgeCues(norm);
      for (const std::string& h : lead_hedges) {
        if (std::find(s.hedge_cues.begin(), s.hedge_cues.end(), h) == s.hedge_cues.end()) {
          s.hedge_cues.push_back(h);
        }
      }
      s.hedged = !s.hedge_cues.empty();
      s.negated = !internal::FindNegationCues(norm).empty();
      s.kind = internal::ClassifyKind(norm, in.has_intervention);

      // Backing status: the first that applies, in the evidence model's order.
      bool resolved = false;
      for (const Citation& c : s.citations) resolved |= !c.references.empty();
      bool any_reference_entries = !a.references.empty();
      if (resolved) {
        s.status = BackingStatus::kCited;
      } else if (!attribution.empty()) {
        s.status = BackingStatus::kAttributed;
        s.backing_phrase = attribution;
      } else if (!s.citations.empty()) {
        s.status = BackingStatus::kDangling;
      } else if (!vague.empty()) {
        s.status = BackingStatus::kVague;
        s.backing_phrase = vague;
      } else if (prev_in_block && prev_in_block->claim &&
                 (prev_in_block->status == BackingStatus::kVague ||
                  prev_in_block->status == BackingStatus::kAttributed) &&
                 norm.Has("also")) {
        // "Anxiety and depression were also diminished" continues the
        // finding the previous sentence reported, with the same backing.
        s.status = prev_in_block->status;
        s.backing_phrase = prev_in_block->backing_phrase;
        s.evidence.push_back("continues the previous sentence's report");
      } else if (any_reference_entries) {
        s.status = BackingStatus::kListed;
      } else {
        s.status = BackingStatus::kUnbacked;
      }
      if (!s.backing_phrase.empty()) s.evidence.push_back("backing: " + s.backing_phrase);
      for (const std::string& h : s.hedge_cues) s.evidence.push_back("hedge: " + h);

      // Context: the enclosing heading's conditions, else the title's, else
      // the previous sentence's when this one refers back to it.
      if (s.conditions.empty()) {
        if (!heading_conditions.empty()) {
          s.context_conditions = heading_conditions;
        } else if (!title_conditions.empty()) {
          s.context_conditions = title_conditions;
        } else if (!a.conditions.empty()) {
          s.context_conditions = a.conditions;
        } else if (prev_in_block && StartsWithPronoun(norm)) {
          s.context_conditions = prev_in_block->conditions.empty() ? prev_in_block->context_conditions
                                                                   : prev_in_block->conditions;
        }
      }
      a.sentences.push_back(std::move(s));
      prev_index = static_cast<long>(a.sentences.size()) - 1;
    }
  }
  // Lines and columns, in one pass over the text (sentences are in order).
  size_t pos = 0;
  int line = 1;
  size_t line_start = 0;
  for (Sentence& s : a.sentences) {
    if (s.start < pos) {
      pos = 0, line = 1, line_start = 0;
    }
    for (; pos < s.start && pos < text.size(); ++pos) {
      if (text[pos] == '\n') {
        ++line;
        line_start = pos + 1;
      }
    }
    s.line = line;
    s.column = static_cast<int>(s.start - line_start) + 1;
  }
  return a;
}

}  // namespace evq
