#include "vocab/term_index.h"

#include <array>
#include <cstring>

namespace evq::internal {
namespace {

// Marks keys that must match a word's exact spelling; never starts a folded
// UTF-8 word.
constexpr char kExactMark = '\x01';

constexpr int32_t kRoot = 0;

std::string_view Strip(std::string_view w, size_t n) {
  return w.substr(0, w.size() - n);
}

// The singular or non-possessive forms a final word may stand for:
// "points" -> "point", "stretches" -> "stretch", "injuries" -> "injury",
// "spine's" -> "spine". Writes up to 3 candidates into *out; returns how many.
// `y` holds the "ies" -> "y" candidate's storage.
int SingularForms(std::string_view w, std::string* y,
                  std::array<std::string_view, 3>* out) {
  int n = 0;
  size_t len = w.size();
  if (len > 2 && w[len - 2] == '\'' &&
      (w[len - 1] == 's' || w[len - 1] == 'S')) {
    (*out)[n++] = Strip(w, 2);
    return n;
  }
  if (len < 3 || w[len - 1] != 's' || w[len - 2] == 's' || w[len - 2] == '\'') {
    return n;
  }
  (*out)[n++] = Strip(w, 1);
  if (len > 3 && w[len - 2] == 'e') {
    (*out)[n++] = Strip(w, 2);
    if (len > 4 && w[len - 3] == 'i') {
      y->assign(w.substr(0, len - 3));
      y->push_back('y');
      (*out)[n++] = *y;
    }
  }
  return n;
}

}  // namespace

TermIndex::TermIndex() { term_of_node_.push_back(-1); }

int TermIndex::Child(int32_t node, std::string_view key) const {
  // A per-thread buffer keeps lookups free of allocation on the hot path.
  thread_local std::string buf;
  buf.assign(reinterpret_cast<const char*>(&node), sizeof(node));
  buf.append(key);
  auto it = edges_.find(buf);
  return it == edges_.end() ? -1 : it->second;
}

int TermIndex::AddChild(int32_t node, const std::string& key) {
  std::string k(reinterpret_cast<const char*>(&node), sizeof(node));
  k += key;
  auto [it, added] =
      edges_.emplace(std::move(k), static_cast<int32_t>(term_of_node_.size()));
  if (added) term_of_node_.push_back(-1);
  return it->second;
}

int TermIndex::Insert(const std::vector<Token>& words, int id) {
  int32_t node = kRoot;
  for (const Token& w : words) {
    std::string key =
        w.upper_after_first ? std::string(1, kExactMark) + w.exact : w.folded;
    node = AddChild(node, key);
  }
  int old = term_of_node_[node];
  term_of_node_[node] = id;
  return old;
}

int TermIndex::Walk(const std::vector<Token>& words, size_t first,
                    bool soft_gaps_only, size_t* last) const {
  // Usually one live node; two when a word matches both a folded and an
  // exact-case form. Paths beyond kMaxLive are dropped (never seen in
  // practice: it takes many words that are forms in both spellings).
  constexpr int kMaxLive = 8;
  std::array<int32_t, kMaxLive> live{kRoot};
  std::array<int32_t, kMaxLive> next{};
  int live_count = 1;
  thread_local std::string exact_key;
  thread_local std::string y;
  std::array<std::string_view, 3> singular;
  int best = -1;
  for (size_t j = first; j < words.size() && live_count > 0; ++j) {
    const Token& w = words[j];
    if (j > first && soft_gaps_only && !w.soft_gap_before) break;
    int keys = 1;
    if (w.has_upper) {
      exact_key.assign(1, kExactMark).append(w.exact);
      keys = 2;
    }
    int next_count = 0;
    for (int l = 0; l < live_count; ++l) {
      int32_t node = live[l];
      for (int k = 0; k < keys; ++k) {
        int child = Child(node, k == 0 ? std::string_view(w.folded)
                                       : std::string_view(exact_key));
        if (child < 0) continue;
        if (next_count < kMaxLive) next[next_count++] = child;
        if (term_of_node_[child] >= 0) {
          best = term_of_node_[child];
          *last = j;
        }
      }
      // A plural may only end a form, and loses to a form that ends here as
      // written.
      for (int k = 0; k < keys && !(best >= 0 && *last == j); ++k) {
        std::string_view word =
            k == 0 ? std::string_view(w.folded) : std::string_view(exact_key);
        int count = SingularForms(word, &y, &singular);
        for (int s = 0; s < count; ++s) {
          if (k == 1 && singular[s].size() <= 1) continue;
          int child = Child(node, singular[s]);
          if (child >= 0 && term_of_node_[child] >= 0) {
            best = term_of_node_[child];
            *last = j;
            break;
          }
        }
      }
    }
    live = next;
    live_count = next_count;
  }
  return best;
}

int TermIndex::LongestAt(const std::vector<Token>& words, size_t first,
                         size_t* last) const {
  // "anti-inflammatory" is one compound word, not a mention of inflammation;
  // a form that spans the compound ("self-myofascial release") still matches
  // from its first word.
  if (words[first].joined_before) return -1;
  return Walk(words, first, /*soft_gaps_only=*/true, last);
}

int TermIndex::Exact(const std::vector<Token>& words) const {
  if (words.empty()) return -1;
  size_t last = 0;
  int id = Walk(words, 0, /*soft_gaps_only=*/false, &last);
  // Walk keeps going past shorter forms; only a form covering every word
  // counts. Retry is unnecessary: the last terminal found is the longest.
  return id >= 0 && last == words.size() - 1 ? id : -1;
}

}  // namespace evq::internal
