// tests/works/reference_render.h: reference strings as authors write them,
// with the damage real reference lists carry, for resolution tests.
//
// RenderReference writes a known work as an APA or Vancouver reference
// string: initials for given names, a journal abbreviated (the ISO
// abbreviation, or words truncated or stripped of vowels), usually no DOI,
// sometimes a typo in the title, a dropped subtitle, a shortened author list
// ending in "et al.", a year one off (epub against print), volume or pages
// left out. The damage is drawn from a seeded generator, so a run is
// reproducible.
#ifndef EVQ_TESTS_WORKS_REFERENCE_RENDER_H_
#define EVQ_TESTS_WORKS_REFERENCE_RENDER_H_

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "evq/csl.h"

namespace evq::testing {

// A deterministic generator: std::mt19937's raw output is specified by the
// standard, unlike its distributions, so the same seed gives the same
// strings with every standard library.
class Rng {
 public:
  explicit Rng(uint32_t seed) : gen_(seed) {}
  // 0 <= result < n (n > 0).
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(gen_() % n); }
  // True with probability percent / 100.
  bool Percent(uint32_t percent) { return Below(100) < percent; }

 private:
  std::mt19937 gen_;
};

enum class RefStyle { kApa, kVancouver };

// How much damage a rendering may carry, in percent of references.
struct Damage {
  int title_typo = 35;
  int drop_subtitle = 20;
  int year_off_by_one = 4;
  int keep_doi = 20;
  int drop_volume = 8;
  int drop_pages = 8;
  // Vancouver journals: the ISO abbreviation, else a generated one. APA
  // journals: the full name, else a generated abbreviation.
  int iso_abbreviation = 60;
  int apa_full_journal = 60;
};

// The journal name abbreviated the way people do it without a list:
// stopwords dropped, each long word cut to its first letters or stripped of
// inner vowels ("Restorative neurology and neuroscience" gives
// "Restor Nrlgy Neurosc").
inline std::string AbbreviateJournal(const std::string& full, Rng& rng);

// `title` with one typo (a swap of neighbours, a dropped, doubled or
// replaced letter) in a word of five letters or more; unchanged when it has
// none.
inline std::string WithTypo(const std::string& title, Rng& rng);

// `item` as a reference string in `style`, damaged per `damage`.
inline std::string RenderReference(const CslItem& item, RefStyle style,
                                   const Damage& damage, Rng& rng);

namespace render_internal {

inline bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

inline bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (c == ' ') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

inline std::string StripTrailingStop(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  return s;
}

// "Ngozi Ann" as "NA" (Vancouver) or "N. A." (APA); "Jean-Pierre" as "JP" or
// "J.-P.". Initials are ASCII letters or the UTF-8 letter they start with.
inline std::string Initials(const std::string& given, bool apa) {
  std::string out;
  bool start = true;
  for (size_t i = 0; i < given.size(); ++i) {
    char c = given[i];
    if (c == ' ' || c == '-' || c == '.') {
      if (c == '-' && apa && !out.empty()) out += "-";
      start = true;
      continue;
    }
    if (!start) continue;
    start = false;
    size_t len = 1;
    auto u = static_cast<unsigned char>(c);
    if (u >= 0xF0)
      len = 4;
    else if (u >= 0xE0)
      len = 3;
    else if (u >= 0xC0)
      len = 2;
    if (apa && !out.empty() && out.back() == '.') out += " ";
    out += given.substr(i, len);
    if (apa) out += ".";
  }
  return out;
}

// The journal's common name: NLM titles append " : official publication of
// ..." or " = <translation>", which reference lists leave out.
inline std::string CommonJournalName(const std::string& full) {
  std::string s = full.substr(0, std::min(full.find(" : "), full.find(" = ")));
  // And the place in brackets: "Science (New York, N.Y.)".
  size_t paren = s.find(" (");
  if (paren != std::string::npos) s = s.substr(0, paren);
  s = StripTrailingStop(s);
  // Title case, as APA prints journal names.
  static const char* kSmall[] = {"of", "and", "the", "in", "for",
                                 "on", "de",  "la",  "i"};
  std::vector<std::string> words = SplitWords(s);
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    bool small = false;
    for (const char* k : kSmall) small = small || w == k;
    if (!small || i == 0) {
      if (!w.empty() && w[0] >= 'a' && w[0] <= 'z')
        w[0] = static_cast<char>(w[0] - 32);
    }
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

inline std::string DropSubtitle(const std::string& title) {
  size_t colon = title.find(": ");
  if (colon == std::string::npos || colon < 20) return title;
  return title.substr(0, colon);
}

}  // namespace render_internal

inline std::string AbbreviateJournal(const std::string& full, Rng& rng) {
  using namespace render_internal;
  static const char* kStop[] = {"of", "and", "the", "&",  "for",
                                "in", "on",  "de",  "la", "i"};
  std::string name = CommonJournalName(full);
  std::string out;
  bool vowel_style = rng.Percent(40);  // one habit per reference
  for (std::string w : SplitWords(name)) {
    while (!w.empty() && !IsAsciiLetter(w.back()) && !(w.back() & 0x80))
      w.pop_back();
    if (w.empty()) continue;
    std::string lower = w;
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    bool stop = false;
    for (const char* k : kStop) stop = stop || lower == k;
    if (stop) continue;
    std::string a = w;
    if (w.size() > 5) {
      if (vowel_style) {
        // Keep the first letter and every consonant: "Nrlgy".
        a = w.substr(0, 1);
        for (size_t i = 1; i < w.size(); ++i) {
          char c = static_cast<char>(w[i] | 0x20);
          if (!IsVowel(c)) a += w[i];
        }
      } else {
        // Cut after the first consonant following letter four to seven.
        size_t cut = 4 + rng.Below(3);
        while (cut < w.size() && IsVowel(static_cast<char>(w[cut - 1] | 0x20)))
          ++cut;
        a = w.substr(0, cut);
      }
    }
    if (!a.empty() && a[0] >= 'a' && a[0] <= 'z')
      a[0] = static_cast<char>(a[0] - 32);
    if (!out.empty()) out += ' ';
    out += a;
  }
  return out;
}

inline std::string WithTypo(const std::string& title, Rng& rng) {
  using namespace render_internal;
  // Words of five ASCII letters or more, by start offset.
  std::vector<std::pair<size_t, size_t>> words;
  size_t i = 0;
  while (i < title.size()) {
    while (i < title.size() && !IsAsciiLetter(title[i])) ++i;
    size_t b = i;
    while (i < title.size() && IsAsciiLetter(title[i])) ++i;
    if (i - b >= 5 && (i >= title.size() || !(title[i] & 0x80)))
      words.push_back({b, i - b});
  }
  if (words.empty()) return title;
  auto [start, len] = words[rng.Below(static_cast<uint32_t>(words.size()))];
  // Never the first letter: people rarely get that wrong.
  size_t at = start + 1 + rng.Below(static_cast<uint32_t>(len - 2));
  std::string out = title;
  switch (rng.Below(4)) {
    case 0:
      std::swap(out[at], out[at + 1]);
      if (out[at] == out[at + 1]) out.erase(at, 1);  // a swap of equals is none
      break;
    case 1:
      out.erase(at, 1);
      break;
    case 2:
      out.insert(at, 1, out[at]);
      break;
    default:
      out[at] = out[at] == 'e' ? 'a' : 'e';
      break;
  }
  return out;
}

inline std::string RenderReference(const CslItem& item, RefStyle style,
                                   const Damage& damage, Rng& rng) {
  using namespace render_internal;
  bool apa = style == RefStyle::kApa;
  // Authors: Vancouver lists six then "et al."; APA here lists up to seven,
  // and some writers cut either to three.
  size_t limit = apa ? 7 : 6;
  if (rng.Percent(30)) limit = 3;
  std::string authors;
  bool et_al = item.author.size() > limit;
  size_t n = std::min(item.author.size(), limit);
  for (size_t k = 0; k < n; ++k) {
    const CslName& a = item.author[k];
    std::string name;
    if (a.family.empty()) {
      name = a.literal;
    } else if (apa) {
      name = a.family + (a.given.empty() ? "" : ", " + Initials(a.given, true));
    } else {
      name = a.family + (a.given.empty() ? "" : " " + Initials(a.given, false));
    }
    if (k > 0) authors += (apa && k + 1 == n && !et_al) ? ", & " : ", ";
    authors += name;
  }
  if (et_al) authors += apa ? ", et al." : ", et al.";

  std::string title = StripTrailingStop(item.title);
  if (!title.empty() && (title.front() == '[')) {
    // PubMed brackets translated titles: "[Title in English]".
    title = title.substr(1, title.size() > 2 ? title.size() - 2 : 0);
    title = StripTrailingStop(title);
  }
  if (rng.Percent(static_cast<uint32_t>(damage.drop_subtitle)))
    title = DropSubtitle(title);
  if (rng.Percent(static_cast<uint32_t>(damage.title_typo)))
    title = WithTypo(title, rng);

  std::string journal;
  if (apa) {
    journal = rng.Percent(static_cast<uint32_t>(damage.apa_full_journal))
                  ? CommonJournalName(item.container_title)
                  : AbbreviateJournal(item.container_title, rng);
  } else {
    journal = (!item.container_title_short.empty() &&
               rng.Percent(static_cast<uint32_t>(damage.iso_abbreviation)))
                  ? StripTrailingStop(item.container_title_short)
                  : AbbreviateJournal(item.container_title, rng);
    // Vancouver drops the full stops of ISO abbreviations.
    std::erase(journal, '.');
  }

  int year = item.issued.year;
  if (year > 0 && rng.Percent(static_cast<uint32_t>(damage.year_off_by_one))) {
    year += rng.Percent(50) ? 1 : -1;
  }
  std::string volume =
      rng.Percent(static_cast<uint32_t>(damage.drop_volume)) ? "" : item.volume;
  std::string pages =
      rng.Percent(static_cast<uint32_t>(damage.drop_pages)) ? "" : item.page;
  // APA prints pages after the volume only; without one they would read as
  // the volume.
  if (apa && volume.empty()) pages.clear();
  std::string doi = rng.Percent(static_cast<uint32_t>(damage.keep_doi))
                        ? item.doi
                        : std::string();
  std::string year_s = year > 0 ? std::to_string(year) : "n.d.";

  std::string out;
  if (apa) {
    out = authors.empty() ? "" : authors + " ";
    out += "(" + year_s + "). " + title + ". " + journal;
    if (!volume.empty()) {
      out += ", " + volume;
      if (!item.issue.empty()) out += "(" + item.issue + ")";
    }
    if (!pages.empty()) out += ", " + pages;
    out += ".";
    if (!doi.empty()) out += " https://doi.org/" + doi;
  } else {
    // "et al." already ends with the full stop that closes the authors.
    out = authors.empty() ? "" : authors + (authors.back() == '.' ? " " : ". ");
    out += title + ". " + journal + ". " + year_s;
    if (!volume.empty()) {
      out += ";" + volume;
      if (!item.issue.empty()) out += "(" + item.issue + ")";
    }
    if (!pages.empty()) out += ":" + pages;
    out += ".";
    if (!doi.empty()) out += " doi:" + doi;
  }
  return out;
}

}  // namespace evq::testing

#endif  // EVQ_TESTS_WORKS_REFERENCE_RENDER_H_
