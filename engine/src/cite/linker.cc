#include "cite/linker.h"

#include <algorithm>
#include <cctype>

namespace evq::internal {

namespace {

// Base letter of a Latin-1 Supplement / Latin Extended-A letter, encoded as
// the second byte after C3 (U+00C0..U+00FF), or 0.
char FoldC3(unsigned char b) {
  static const char kMap[64] = {
      'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
      'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   's',
      'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
      'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y'};
  if (b < 0x80 || b > 0xBF) return 0;
  return kMap[b - 0x80];
}

}  // namespace

std::string FoldName(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {
      char f = FoldC3(static_cast<unsigned char>(name[i + 1]));
      if (f) out.push_back(f);
      ++i;
      continue;
    }
    if (c >= 0x80) {
      // Other multi-byte letters: skip continuation bytes, keep nothing.
      continue;
    }
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

ReferenceLinker::ReferenceLinker(const std::vector<CslItem>& references) : refs_(references) {
  for (const CslItem& r : refs_) {
    std::string family;
    if (!r.author.empty()) {
      family = r.author[0].family.empty() ? r.author[0].literal : r.author[0].family;
    }
    first_family_.push_back(FoldName(family));
    if (!r.citation_number.empty()) numbered_ = true;
  }
}

int ReferenceLinker::ResolveNumber(int n) const {
  if (numbered_) {
    std::string want = std::to_string(n);
    for (size_t i = 0; i < refs_.size(); ++i) {
      if (refs_[i].citation_number == want || refs_[i].citation_label == want) return static_cast<int>(i);
    }
    return -1;
  }
  if (n >= 1 && static_cast<size_t>(n) <= refs_.size()) return n - 1;
  return -1;
}

int ReferenceLinker::ResolveAuthorYear(const AuthorYear& source) const {
  std::string want = FoldName(source.family);
  if (want.empty()) return -1;
  std::vector<int> hits;
  for (size_t i = 0; i < refs_.size(); ++i) {
    const std::string& fam = first_family_[i];
    if (fam.empty()) continue;
    bool name_ok = fam == want ||
                   // "Fernández-de-las-Peñas" cited as "Fernández" or a
                   // corporate author cited by a leading part of its name.
                   (want.size() >= 4 && fam.rfind(want, 0) == 0);
    if (!name_ok) continue;
    if (refs_[i].issued.year != source.year) continue;
    hits.push_back(static_cast<int>(i));
  }
  if (hits.empty()) return -1;
  if (source.suffix) {
    // A suffix printed in the entry ("2020a") wins; else list order.
    std::string printed = std::to_string(source.year) + source.suffix;
    for (int h : hits) {
      if (refs_[h].raw.find(printed) != std::string::npos) return h;
    }
    size_t k = static_cast<size_t>(source.suffix - 'a');
    return k < hits.size() ? hits[k] : -1;
  }
  return hits[0];
}

std::vector<int> ReferenceLinker::Resolve(const FoundMarker& marker) const {
  std::vector<int> out;
  auto add = [&](int i) {
    if (i >= 0 && std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
  };
  for (int n : marker.numbers) add(ResolveNumber(n));
  for (const AuthorYear& s : marker.sources) add(ResolveAuthorYear(s));
  return out;
}

}  // namespace evq::internal
