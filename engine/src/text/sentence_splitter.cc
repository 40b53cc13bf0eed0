#include "text/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <cctype>
#include <memory>

namespace evq::internal {

namespace {

// Abbreviations after which a full stop does not end a sentence. ICU's
// filter matches the end of the text before a break, not whole words, so it
// gets only abbreviations that cannot end an ordinary word ("manual." ends in
// "al.", "improved." in "ed."); lowercase ones are checked as whole words in
// EndsWithAbbreviation below.
const char* const kFilterAbbreviations[] = {
    "e.g.", "i.e.", "et al.", "Fig.", "Figs.", "Dr.", "Drs.", "Mr.", "Mrs.", "Ms.", "Prof.",
    "No.", "Vol.", "Eq.", "St.", "Jr.", "Sr.", "Inc.", "Ltd.", "Co.", "Ref.", "Refs.", "Ch.",
    "Ed.", "Eds.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.",
    "Dec.", "Mt.", "U.S.", "U.K.", "Ph.D.", "M.D.", "D.C.", "P.T."};

const char* const kWordAbbreviations[] = {"vs.", "cf.", "approx.", "no.", "vol.", "pp.", "p.",
                                          "ed.", "eds.", "fig.", "min.", "max.", "resp.",
                                          "ca.", "viz.", "al.", "etc.,"};

std::unique_ptr<icu::BreakIterator> MakeIterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return nullptr;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  if (U_FAILURE(status)) return base;
  for (const char* a : kFilterAbbreviations) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(a), status);
  }
  std::unique_ptr<icu::BreakIterator> filtered(builder->wrapIteratorWithFilter(base.release(), status));
  if (U_FAILURE(status)) return nullptr;
  return filtered;
}

icu::BreakIterator* ThreadIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = MakeIterator();
  return it.get();
}

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

void TrimSpan(std::string_view text, Span* s) {
  while (s->start < s->end && IsSpaceByte(text[s->start])) ++s->start;
  while (s->end > s->start && IsSpaceByte(text[s->end - 1])) --s->end;
  // Non-breaking spaces at the edges.
  while (s->end - s->start >= 2 && text.substr(s->end - 2, 2) == "\xC2\xA0") s->end -= 2;
  while (s->end - s->start >= 2 && text.substr(s->start, 2) == "\xC2\xA0") s->start += 2;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The last word of `s` is a lowercase abbreviation ("pp.", "vs.").
bool EndsWithAbbreviation(std::string_view s) {
  size_t b = s.find_last_of(" (\n");
  std::string_view word = b == std::string_view::npos ? s : s.substr(b + 1);
  for (const char* a : kWordAbbreviations) {
    if (word == a) return true;
  }
  return false;
}

// "... D. G." : the sentence ends in a single capital initial.
bool EndsWithInitial(std::string_view s) {
  if (s.size() < 2 || s.back() != '.') return false;
  char c = s[s.size() - 2];
  if (!IsUpper(c)) return false;
  return s.size() == 2 || IsSpaceByte(s[s.size() - 3]) || s[s.size() - 3] == '.';
}

// Splits after a bracketed numeric marker that follows sentence-final
// punctuation and runs straight into a capitalised word: "pain.(1)The".
void SplitGluedMarkers(std::string_view text, Span s, std::vector<Span>* out) {
  size_t from = s.start;
  for (size_t i = s.start; i + 2 < s.end; ++i) {
    char c = text[i];
    if ((c != '.' && c != '!' && c != '?') || (text[i + 1] != '(' && text[i + 1] != '[')) continue;
    char close = text[i + 1] == '(' ? ')' : ']';
    size_t j = i + 2;
    bool digits = false;
    while (j < s.end && (IsDigit(text[j]) || text[j] == ',' || text[j] == '-' || text[j] == ' ')) {
      digits |= IsDigit(text[j]);
      ++j;
    }
    if (!digits || j >= s.end || text[j] != close) continue;
    size_t after = j + 1;
    if (after < s.end && IsUpper(text[after])) {
      out->push_back({from, after});
      from = after;
      i = after;
    }
  }
  out->push_back({from, s.end});
}

// Cuts an over-long span at spaces so no piece exceeds kMaxSentenceBytes.
void CapLength(std::string_view text, Span s, std::vector<Span>* out) {
  while (s.end - s.start > kMaxSentenceBytes) {
    size_t cut = s.start + kMaxSentenceBytes;
    size_t space = cut;
    while (space > s.start + kMaxSentenceBytes / 2 && !IsSpaceByte(text[space])) --space;
    if (space > s.start + kMaxSentenceBytes / 2) {
      cut = space;
    } else {
      // No space: cut on a UTF-8 character boundary.
      while (cut > s.start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    out->push_back({s.start, cut});
    s.start = cut;
  }
  out->push_back(s);
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text, size_t start, size_t end) {
  std::vector<Span> raw;
  icu::BreakIterator* it = ThreadIterator();
  std::string_view part = text.substr(start, end - start);
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, part.data(), static_cast<int64_t>(part.size()), &status);
  if (it == nullptr || U_FAILURE(status)) {
    if (ut) utext_close(ut);
    raw.push_back({start, end});
  } else {
    it->setText(ut, status);
    int32_t prev = it->first();
    for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; pos = it->next()) {
      raw.push_back({start + static_cast<size_t>(prev), start + static_cast<size_t>(pos)});
      prev = pos;
    }
    // Detach the iterator from the text before closing it.
    icu::UnicodeString empty;
    it->setText(empty);
    utext_close(ut);
  }

  std::vector<Span> merged;
  for (Span s : raw) {
    TrimSpan(text, &s);
    if (s.start >= s.end) continue;
    if (!merged.empty()) {
      std::string_view prev_text = text.substr(merged.back().start, merged.back().end - merged.back().start);
      // ICU may break inside "muscles.(1)The" after the "("; rejoin, and
      // SplitGluedMarkers cuts after the marker instead.
      if (prev_text.back() == '(' || prev_text.back() == '[' ||
          EndsWithAbbreviation(prev_text) ||
          (EndsWithInitial(prev_text) && IsUpper(text[s.start]))) {
        merged.back().end = s.end;
        continue;
      }
      // A bare marker ("(2)") or a stray lowercase fragment after a break
      // belongs to the sentence before it.
      char first = text[s.start];
      if (first == '(' || first == '[') {
        std::string_view t = text.substr(s.start, s.end - s.start);
        bool marker_only = t.size() <= 12;
        for (char c : t) {
          if (!(IsDigit(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == '-' || c == ' ')) {
            marker_only = false;
          }
        }
        if (marker_only) {
          merged.back().end = s.end;
          continue;
        }
      }
    }
    merged.push_back(s);
  }

  std::vector<Span> glued;
  for (const Span& s : merged) SplitGluedMarkers(text, s, &glued);
  std::vector<Span> out;
  for (Span s : glued) {
    TrimSpan(text, &s);
    if (s.start < s.end) CapLength(text, s, &out);
  }
  return out;
}

}  // namespace evq::internal
