// Name lists. FindAuthorEnd walks the start of a reference segment by segment
// (segments are separated by commas, semicolons and "and"/"&") and stops at
// the first segment that does not look like a name or at a period that ends
// the list; ParseNames then turns the accepted text into family/given pairs.
#include <string>
#include <string_view>
#include <vector>

#include "cite/reference_name_tokens.h"
#include "cite/reference_parts.h"
#include "cite/reference_text.h"

namespace evq::cite {
namespace {

using Kind = NameKind;
using Token = NameToken;

Token ReadToken(std::string_view s, size_t i) { return ReadNameToken(s, i); }


// A corporate author written as the first sentence ("World Health
// Organization. Title ..."): short, no digits, an organisation word.
size_t CorporateAuthorEnd(std::string_view s) {
  size_t end = FindSentenceEnd(s);
  if (end == std::string_view::npos || end > 120) return 0;
  std::string_view first = s.substr(0, end);
  if (first.find('"') != std::string_view::npos) return 0;
  for (char c : first) {
    if (IsDigit(c)) return 0;
  }
  size_t words = 1;
  for (char c : first) words += c == ' ';
  if (words > 12 || !StartsUpper(first)) return 0;
  if (!HasOrgWord(first)) return 0;
  return end;
}

bool InitialAhead(std::string_view s, size_t i) {
  Token t = ReadToken(s, i);
  return t.kind == Kind::kInitial ||
         (t.kind == Kind::kCluster && (t.e >= s.size() || s[t.e] != ' ' ||
                                       !StartsLower(s, t.e + 1)));
}

// A given name after "Smith,": a capitalised word, then perhaps initials,
// then a separator ("John;", "Mary K. (1994)", "Duy,").
bool GivenWordAhead(std::string_view s, size_t i) {
  Token t = ReadToken(s, i);
  if (t.kind != Kind::kCap) return false;
  if (t.dot) return true;  // "Paul." ends the list
  size_t k = t.e;
  Token n = ReadToken(s, k);
  while (n.kind == Kind::kInitial) {
    k = n.dot ? n.e + 1 : n.e;
    n = ReadToken(s, k);
  }
  while (k < s.size() && s[k] == ' ') ++k;
  return k >= s.size() || s[k] == ',' || s[k] == ';' || s[k] == '(' ||
         s[k] == '.' || n.kind == Kind::kConnector;
}

// "De", "Di", "Van", "Le": a particle written with a capital at the start
// of a family name.
bool IsCapitalParticle(std::string_view w) {
  if (w.size() < 2 || w.size() > 5 || !IsAsciiUpper(w[0])) return false;
  std::string lower;
  for (char c : w) lower += ToLower(c);
  return IsParticle(lower);
}

}  // namespace

size_t FindAuthorEnd(std::string_view s, bool* role_editor) {
  *role_editor = false;
  size_t corporate = CorporateAuthorEnd(s);
  if (corporate != 0) return corporate;
  size_t i = 0;
  size_t end = 0;
  bool pending_family = false;  // the last segment was "Smith" of "Smith, J."
  bool vancouver = false;       // a name was written "Smith JA"
  int names_with_initials = 0;
  bool connector_before = false;  // "and" or "&" precedes this segment
  bool semicolon_before = false;  // ';' separates the names
  bool given_words = false;       // a name was written "Smith, John"
  int segments = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t marker = EditorMarker(s, i);
    if (marker != 0 && segments > 0) {
      *role_editor = true;
      end = i + marker;
      break;
    }
    // One segment: words up to a separator.
    size_t seg_start = i;
    bool after_connector = connector_before;
    bool after_semicolon = semicolon_before;
    connector_before = false;
    semicolon_before = false;
    size_t seg_end = i;        // end of the last word taken
    size_t cut_end = 0;        // end of an acceptable prefix ending at '.'
    int caps = 0;
    int initials = 0;
    int words = 0;
    bool first_cap = false;    // first name word (not particle) is a Cap
    bool bad = false;
    bool stop_after = false;   // a period ended the list
    bool et_al = false;
    Kind last_kind = Kind::kOther;
    while (true) {
      Token t = ReadToken(s, i);
      if (t.b >= s.size()) break;
      if (t.kind == Kind::kConnector || t.kind == Kind::kOther) break;
      if (t.kind == Kind::kEtAl) {
        et_al = true;
        seg_end = t.dot ? t.e + 1 : t.e;
        i = seg_end;
        break;
      }
      if (t.kind == Kind::kLower) {
        bad = true;
        break;
      }
      ++words;
      if (t.kind == Kind::kCap) {
        if (caps == 0 && initials == 0) first_cap = true;
        ++caps;
      }
      if (t.kind == Kind::kInitial || t.kind == Kind::kCluster) ++initials;
      last_kind = t.kind;
      seg_end = t.e;
      i = t.e;
      if (!t.dot) continue;
      seg_end = t.e + 1;
      i = t.e + 1;
      Token next = ReadToken(s, i);
      bool next_sep = next.b >= s.size() || next.kind == Kind::kConnector ||
                      next.kind == Kind::kEtAl ||
                      (next.kind == Kind::kOther &&
                       (s[next.b] == ',' || s[next.b] == ';' ||
                        s[next.b] == '('));
      if (next_sep) continue;
      if (t.kind == Kind::kCap && CharCount(s.substr(t.b, t.e - t.b)) > 1) {
        stop_after = true;  // "Smith. Title"
        break;
      }
      if (t.kind == Kind::kSuffix) continue;
      bool after_family = first_cap && !pending_family;
      // "Recum HA. A study": after Vancouver initials a period ends the
      // list even when the title starts with a one-letter word.
      if (after_family && t.kind == Kind::kCluster && next.kind == Kind::kInitial &&
          ReadToken(s, next.e).kind != Kind::kInitial && !next.dot) {
        stop_after = true;
        break;
      }
      if (next.kind == Kind::kInitial) continue;  // "J. A." or "B.R."
      if (after_family && (vancouver || t.kind == Kind::kCluster)) {
        stop_after = true;  // "Smith J. Title", "Slade GD. Title"
        break;
      }
      if (next.kind == Kind::kCap || next.kind == Kind::kParticle) {
        // "Warren R. Greiff." goes on; "Smith J. Diabetes in ..." stops.
        Token after = ReadToken(s, next.e);
        bool name_follows = after.kind != Kind::kLower &&
                            !(after.b < s.size() && IsDigit(s[after.b]));
        if (!name_follows) {
          stop_after = true;
          break;
        }
        cut_end = seg_end;
        continue;
      }
      stop_after = true;
      break;
    }
    if (bad && cut_end != 0) {
      bad = false;
      seg_end = cut_end;
      stop_after = true;
    }
    if (et_al) {
      if (words > 0 || segments > 0) end = seg_end;
      i = seg_end;
      while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
      size_t m = EditorMarker(s, i);
      if (m != 0) {
        *role_editor = true;
        end = i + m;
      }
      break;
    }
    if (bad || words == 0 || words > 6) break;
    if (segments > 0 && words == 1 && last_kind == Kind::kSuffix) {
      // "Mason EO, Jr., Baker CJ": the suffix of the name before.
      end = seg_end;
      if (stop_after) break;
      i = seg_end;
      while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == ';')) ++i;
      if (i < s.size() && s[i] == '(') break;
      continue;
    }
    if (caps > 3 && initials == 0) break;  // a title, not a name
    // A lone capitalised word is a name only as a given name after "Smith,",
    // as the first segment, or as a family name before initials.
    bool lone = initials == 0 && caps <= 1;
    if (lone && caps == 1 && !pending_family && segments > 0 && !after_connector) {
      size_t k = seg_end;
      while (k < s.size() && s[k] == ' ') ++k;
      bool given_next = k < s.size() && s[k] == ',' &&
                        (InitialAhead(s, k + 1) ||
                         ((after_semicolon || given_words) && GivenWordAhead(s, k + 1)));
      if (!given_next) break;
    }
    if (caps == 0 && initials == 0) break;  // particles only
    // Once names carry initials, a segment of bare words ("Attribute
    // Grammars") is the title, unless it is a family name before initials.
    if (initials == 0 && !pending_family && segments > 0 &&
        names_with_initials > 0 && !after_connector && caps > 3) {
      size_t k = seg_end;
      while (k < s.size() && s[k] == ' ') ++k;
      if (k >= s.size() || s[k] != ',' || !InitialAhead(s, k + 1)) break;
    }
    {
      size_t k = seg_end;
      while (k < s.size() && s[k] == ' ') ++k;
      if (k < s.size() && s[k] == ':' && initials == 0) break;
    }
    if (first_cap && caps == 1 && initials > 0 && !pending_family &&
        (last_kind == Kind::kInitial || last_kind == Kind::kCluster)) {
      // "Smith JA" unless the initials come first ("J. Smith").
      Token first = ReadToken(s, seg_start);
      if (first.kind == Kind::kCap && !first.dot) vancouver = true;
    }
    if (initials > 0) ++names_with_initials;
    if (pending_family && caps >= 1 && first_cap) given_words = true;
    if (lone && !pending_family) {
      pending_family = true;
    } else if (segments == 0 && initials == 0 && caps == 2 &&
               IsCapitalParticle(s.substr(seg_start, WordLength(s, seg_start)))) {
      pending_family = true;  // "De Smet, Brecht"
    } else {
      pending_family = false;
    }
    ++segments;
    end = seg_end;
    if (stop_after) break;
    // Separator.
    i = seg_end;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    marker = EditorMarker(s, i);
    if (marker != 0) {
      *role_editor = true;
      end = i + marker;
      break;
    }
    char c = s[i];
    if (c == ',' || c == ';') {
      semicolon_before = c == ';';
      ++i;
      while (i < s.size() && s[i] == ' ') ++i;
      Token t = ReadToken(s, i);
      if (t.kind == Kind::kConnector) {
        i = t.e;
        connector_before = true;
      }
      continue;
    }
    Token t = ReadToken(s, i);
    if (t.kind == Kind::kConnector) {
      i = t.e;
      connector_before = true;
      continue;
    }
    break;
  }
  return end;
}

std::vector<CslName> ParseNames(std::string_view list, bool* et_al) {
  std::vector<CslName> out;
  {
    // "Centers for Disease Control and Prevention": one corporate name.
    std::string_view whole = Trim(list, " .,;:");
    if (HasOrgWord(whole) && whole.find(',') == std::string_view::npos &&
        whole.find(';') == std::string_view::npos) {
      CslName n;
      n.literal = std::string(whole);
      out.push_back(std::move(n));
      return out;
    }
  }
  // Pieces between separators, with editor markers and "et al." removed.
  std::vector<std::string_view> pieces;
  size_t i = 0;
  size_t start = 0;
  auto flush = [&](size_t e) {
    std::string_view p = Trim(list.substr(start, e - start), " ,;:");
    // Keep the period of a final initial ("J. A."), drop a sentence period.
    if (!p.empty() && p.back() == '.') {
      size_t b = p.size() - 1;
      while (b > 0 && IsLetter(p[b - 1])) --b;
      if (CharCount(p.substr(b, p.size() - 1 - b)) != 1) p.remove_suffix(1);
      p = Trim(p, " ,;:");
    }
    if (StartsWithIgnoreCase(p, "in ") || StartsWithIgnoreCase(p, "in:")) {
      p = Trim(p.substr(3), " ,;:");
    }
    if (!p.empty()) pieces.push_back(p);
  };
  while (i < list.size()) {
    char c = list[i];
    if (c == ',' || c == ';') {
      flush(i);
      start = ++i;
      continue;
    }
    if (c == '(' || c == '&' || ((c == 'e' || c == 'E') && (i == 0 || list[i - 1] == ' '))) {
      size_t m = EditorMarker(list, i);
      if (m != 0) {
        flush(i);
        start = i += m;
        continue;
      }
    }
    if (c == '&') {
      flush(i);
      start = ++i;
      continue;
    }
    if (IsLetter(c) && (i == 0 || list[i - 1] == ' ')) {
      Token t = ReadToken(list, i);
      if (t.kind == Kind::kConnector || t.kind == Kind::kEtAl) {
        if (t.kind == Kind::kEtAl) *et_al = true;
        flush(i);
        start = i = t.dot ? t.e + 1 : t.e;
        continue;
      }
      if (t.kind == Kind::kLower && (list.substr(t.b, t.e - t.b) == "others")) {
        *et_al = true;
        flush(i);
        start = i = t.e;
        continue;
      }
      i = t.e;
      continue;
    }
    ++i;
  }
  flush(list.size());

  auto tokens_of = [](std::string_view p) {
    std::vector<Token> ts;
    size_t k = 0;
    while (k < p.size()) {
      Token t = ReadToken(p, k);
      if (t.b >= p.size()) break;
      if (t.kind != Kind::kOther) ts.push_back(t);
      k = t.e > t.b ? t.e : t.b + 1;
    }
    return ts;
  };
  auto only_initials = [&](std::string_view p) {
    std::vector<Token> ts = tokens_of(p);
    if (ts.empty()) return false;
    for (const Token& t : ts) {
      if (t.kind != Kind::kInitial && t.kind != Kind::kCluster &&
          t.kind != Kind::kSuffix)
        return false;
    }
    return true;
  };
  auto no_initials = [&](std::string_view p) {
    for (const Token& t : tokens_of(p)) {
      if (t.kind == Kind::kInitial || t.kind == Kind::kCluster) return false;
    }
    return true;
  };
  auto single_word = [&](std::string_view p) {
    std::vector<Token> ts = tokens_of(p);
    return ts.size() == 1 && ts[0].kind == Kind::kCap;
  };

  // A list written "Smith J, Jones AB" (no periods in its initials).
  bool vancouver_list = false;
  for (std::string_view p : pieces) {
    std::vector<Token> ts = tokens_of(p);
    if (ts.size() >= 2 && ts[0].kind == Kind::kCap &&
        (ts.back().kind == Kind::kCluster || ts.back().kind == Kind::kInitial) &&
        !ts.back().dot) {
      vancouver_list = true;
      break;
    }
  }
  for (size_t k = 0; k < pieces.size(); ++k) {
    std::string_view p = pieces[k];
    CslName name;
    {
      // "Jr." on its own belongs to the name before it.
      std::vector<Token> ts = tokens_of(p);
      if (ts.size() == 1 && ts[0].kind == Kind::kSuffix && !out.empty()) {
        std::string& given = out.back().given;
        given += given.empty() ? "" : " ";
        given += std::string(p);
        continue;
      }
    }
    if (HasOrgWord(p) || tokens_of(p).size() > 5) {
      name.literal = std::string(p);
      out.push_back(std::move(name));
      continue;
    }
    // "Smith, J. A." / "Smith, John": a family piece then a given piece.
    if (no_initials(p) && k + 1 < pieces.size() &&
        (only_initials(pieces[k + 1]) ||
         (single_word(pieces[k + 1]) && (k == 0 || out.empty() ||
                                         !out.back().given.empty())) ||
         (tokens_of(pieces[k + 1]).size() <= 3 &&
          !no_initials(pieces[k + 1]) &&
          tokens_of(pieces[k + 1]).front().kind == Kind::kCap &&
          (k + 2 >= pieces.size() || !only_initials(pieces[k + 2]))))) {
      std::vector<Token> ts = tokens_of(pieces[k + 1]);
      // "Paul C" after "Brophy," is a given name; "Jones AB" is not.
      bool given_like = only_initials(pieces[k + 1]) || single_word(pieces[k + 1]) ||
                        (ts.size() >= 2 && ts.back().kind == Kind::kInitial);
      if (given_like) {
        name.family = std::string(p);
        name.given = std::string(pieces[k + 1]);
        out.push_back(std::move(name));
        ++k;
        continue;
      }
    }
    std::vector<Token> ts = tokens_of(p);
    if (ts.empty()) continue;
    // Family first, initials after: "Smith JA", "de la Macorra JC".
    size_t first_init = ts.size();
    for (size_t t = 0; t < ts.size(); ++t) {
      if (ts[t].kind == Kind::kInitial || ts[t].kind == Kind::kCluster) {
        first_init = t;
        break;
      }
    }
    bool family_first = first_init > 0 && first_init < ts.size();
    for (size_t t = first_init; t < ts.size() && family_first; ++t) {
      if (ts[t].kind != Kind::kInitial && ts[t].kind != Kind::kCluster &&
          ts[t].kind != Kind::kSuffix)
        family_first = false;
    }
    if (family_first && ts[first_init - 1].dot) family_first = false;
    if (family_first) {
      name.family = std::string(Trim(p.substr(0, ts[first_init].b), " ,."));
      std::string_view given = Trim(p.substr(ts[first_init].b), " ,");
      // Vancouver "Brown B." at the end of the list: the period is the
      // list's, not the initial's.
      if (given.size() > 1 && given.back() == '.' &&
          given.find('.') == given.size() - 1 && ts.size() - first_init == 1 &&
          ts[first_init].kind == Kind::kCluster)
        given.remove_suffix(1);
      if (given.size() == 2 && given.back() == '.' && first_init == 1 &&
          ts.size() == 2 && !ts[0].dot && vancouver_list)
        given.remove_suffix(1);
      name.given = std::string(given);
    } else if (ts.size() == 1) {
      name.family = std::string(Trim(p, " ,."));
    } else {
      // Given names first: the family is the last word with the particles
      // and suffixes around it.
      size_t f = ts.size() - 1;
      while (f > 0 && ts[f].kind == Kind::kSuffix) --f;
      while (f > 0 && ts[f - 1].kind == Kind::kParticle) --f;
      name.given = std::string(Trim(p.substr(0, ts[f].b), " ,"));
      name.family = std::string(Trim(p.substr(ts[f].b), " ,."));
    }
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace evq::cite
