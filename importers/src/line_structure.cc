#include "line_structure.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace evq::internal {

namespace {

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Decodes the code point at s[i] (valid UTF-8 assumed) and its length.
char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (i + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  char32_t cp = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

// Pictographs and symbols that web pages put before headings (emoji,
// dingbats, arrows, check marks), and the joiners that go with them.
bool IsEmojiLike(char32_t cp) {
  return (cp >= 0x2190 && cp <= 0x2BFF) || cp >= 0x1F000 || cp == 0xFE0F ||
         cp == 0x200D || cp == 0x00A9 || cp == 0x00AE || cp == 0x20E3;
}

// Non-breaking and other Unicode spaces count as space at line edges.
bool IsUnicodeSpace(char32_t cp) {
  return cp == 0xA0 || cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000;
}

struct Line {
  size_t start = 0;  // trimmed content start (byte offset into text)
  size_t end = 0;    // trimmed content end
  int number = 0;    // 1-based line number
  bool blank = true;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Trims spaces, NBSPs and BOMs from both ends of [*b, *e).
void Trim(std::string_view text, size_t* b, size_t* e) {
  while (*b < *e) {
    if (IsSpace(static_cast<unsigned char>(text[*b]))) {
      ++*b;
      continue;
    }
    size_t len;
    char32_t cp = DecodeAt(text, *b, &len);
    if (IsUnicodeSpace(cp)) {
      *b += len;
      continue;
    }
    break;
  }
  while (*e > *b) {
    if (IsSpace(static_cast<unsigned char>(text[*e - 1]))) {
      --*e;
      continue;
    }
    // A trailing NBSP (C2 A0).
    if (*e - *b >= 2 && static_cast<unsigned char>(text[*e - 2]) == 0xC2 &&
        static_cast<unsigned char>(text[*e - 1]) == 0xA0) {
      *e -= 2;
      continue;
    }
    break;
  }
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  int number = 1;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Line line;
    line.start = pos;
    line.end = nl;
    line.number = number++;
    Trim(text, &line.start, &line.end);
    line.blank = line.start >= line.end;
    lines.push_back(line);
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = IsSpace(static_cast<unsigned char>(c));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Length of a bullet marker ("- ", "* ", "• ", "– ", "+ ") at the start, or 0.
size_t BulletLength(std::string_view s, bool markdown) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || (markdown && s[0] == '+')) &&
      IsSpace(static_cast<unsigned char>(s[1]))) {
    return 2;
  }
  // U+2022 bullet, U+2013 en dash, U+25CF black circle, U+25AA small square.
  static const char* const kBullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x97\x8F",
                                         "\xE2\x96\xAA", "\xC2\xB7"};
  for (const char* b : kBullets) {
    std::string_view bv(b);
    if (s.substr(0, bv.size()) == bv) {
      size_t n = bv.size();
      if (n == s.size()) return n;
      if (IsSpace(static_cast<unsigned char>(s[n]))) return n + 1;
    }
  }
  return 0;
}

// A line that is only a bullet marker: the item text is on the next line.
bool IsLoneBullet(std::string_view s) {
  return s == "-" || s == "*" || s == "\xE2\x80\xA2" || s == "\xE2\x80\x93" ||
         s == "\xE2\x97\x8F" || s == "\xC2\xB7";
}

// Length of "12. " / "3) " at the start, or 0.
size_t NumberLength(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && i < 3 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
  ++i;
  if (i < s.size() && !IsSpace(static_cast<unsigned char>(s[i]))) return 0;
  while (i < s.size() && IsSpace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// Bytes of leading emoji and symbols (with following spaces), or 0.
size_t EmojiPrefixLength(std::string_view s) {
  size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    size_t len;
    char32_t cp = DecodeAt(s, i, &len);
    if (IsEmojiLike(cp)) {
      any = true;
      i += len;
    } else if (any && (cp == ' ' || cp == '\t' || IsUnicodeSpace(cp))) {
      i += len;
    } else {
      break;
    }
  }
  return any ? i : 0;
}

// Lines that a page prints around an article, never part of it.
bool IsMetadataLine(std::string_view lower) {
  static const char* const kPrefixes[] = {
      "search terms:", "tags:", "keywords:", "updated:", "published:", "last updated",
      "posted on", "posted in", "filed under", "share this", "categories:", "category:",
      "medically reviewed by", "written by", "reviewed by", "by:"};
  for (const char* p : kPrefixes) {
    if (lower.rfind(p, 0) == 0) return true;
  }
  return false;
}

// A short line without final sentence punctuation reads as a heading.
bool LooksLikeHeading(std::string_view s) {
  if (s.empty()) return false;
  if (EmojiPrefixLength(s) > 0) return true;
  size_t words = CountWords(s);
  char last = s.back();
  if (last == '?') return words <= 20;
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!') return false;
  if (words > 12 || s.size() > 100) return false;
  // Closing quotes or brackets after a period end a sentence too.
  if (s.size() >= 4 && (s.substr(s.size() - 4) == ".\xE2\x80\x9D" ||
                        s.substr(s.size() - 2) == ".\"" || s.substr(s.size() - 2) == ".)")) {
    return false;
  }
  return true;
}

bool EndsSentence(std::string_view s) {
  if (s.empty()) return true;
  char last = s.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' ||
      last == '"' || last == ')' || last == ']') {
    return true;
  }
  return s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||
                           s.substr(s.size() - 3) == "\xE2\x80\x99");
}

}  // namespace

bool IsReferenceHeadingText(std::string_view line) {
  std::string l = Lower(line);
  size_t e = EmojiPrefixLength(l);
  l = l.substr(e);
  while (!l.empty() && (l.back() == ':' || l.back() == ' ' || l.back() == '.')) l.pop_back();
  while (!l.empty() && l.front() == '#') l.erase(0, 1);
  while (!l.empty() && l.front() == ' ') l.erase(0, 1);
  static const char* const kNames[] = {
      "references", "reference", "reference list", "bibliography", "sources", "source",
      "works cited", "literature", "literature cited", "citations", "cited works",
      "sources and references", "references and sources", "scientific references",
      "further reading and references", "notes and references"};
  for (const char* n : kNames) {
    if (l == n) return true;
  }
  return false;
}

BoilerplateSection ClassifyBoilerplateHeading(std::string_view line) {
  std::string l = Lower(line);
  static const char* const kComments[] = {"leave a reply", "leave a comment", "thoughts on",
                                          "thought on", "comments", "responses to",
                                          "reader comments", "post a comment"};
  for (const char* c : kComments) {
    if (l.find(c) != std::string::npos) return BoilerplateSection::kComments;
  }
  static const char* const kNotices[] = {
      "privacy", "cookie", "disclaimer", "terms of use", "terms of service",
      "editorial policy", "advertis", "newsletter", "subscribe", "about the author",
      "related posts", "related articles", "follow us", "sign up"};
  for (const char* c : kNotices) {
    if (l.find(c) != std::string::npos) return BoilerplateSection::kNotice;
  }
  return BoilerplateSection::kNone;
}

void StructureLines(Document* doc, const LineStructureOptions& options) {
  std::string_view text = doc->text;
  std::vector<Line> lines = SplitLines(text);

  // Markdown comments and fenced code: mark lines to skip, and carry
  // "evq-ignore" comments onto the next block.
  std::vector<bool> skip(lines.size(), false);
  std::vector<bool> ignore_next(lines.size(), false);
  if (options.markdown) {
    bool in_fence = false, in_comment = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view s = text.substr(lines[i].start, lines[i].end - lines[i].start);
      if (in_comment) {
        skip[i] = true;
        if (s.find("evq-ignore") != std::string_view::npos) ignore_next[i] = true;
        if (s.find("-->") != std::string_view::npos) in_comment = false;
        continue;
      }
      if (s.rfind("```", 0) == 0 || s.rfind("~~~", 0) == 0) {
        in_fence = !in_fence;
        skip[i] = true;
        continue;
      }
      if (in_fence) {
        skip[i] = true;
        continue;
      }
      if (s.rfind("<!--", 0) == 0) {
        skip[i] = true;
        if (s.find("evq-ignore") != std::string_view::npos) ignore_next[i] = true;
        if (s.find("-->") == std::string_view::npos) in_comment = true;
      }
    }
  }

  bool refs_mode = false;
  BoilerplateSection section = BoilerplateSection::kNone;
  bool pending_bullet = false;
  bool pending_ignore = false;
  bool title_done = false;
  std::string pending_lead_in;  // a paragraph ending in ':' before a list
  bool prev_blank = true;

  auto add_block = [&](BlockRole role, int level, size_t start, size_t end) {
    Block b;
    b.role = role;
    b.level = level;
    b.start = start;
    b.end = end;
    b.ignored = pending_ignore;
    pending_ignore = false;
    doc->blocks.push_back(b);
  };

  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (skip[i]) {
      if (ignore_next[i]) pending_ignore = true;
      continue;
    }
    if (line.blank) {
      prev_blank = true;
      continue;
    }
    size_t start = line.start;
    std::string_view s = text.substr(line.start, line.end - line.start);
    bool was_prev_blank = prev_blank;
    prev_blank = false;

    std::string lower = Lower(s);
    if (lower == "evq-ignore" || lower == "<!-- evq-ignore -->" || lower == "[evq-ignore]") {
      pending_ignore = true;
      continue;
    }
    if (IsLoneBullet(s)) {
      pending_bullet = true;
      continue;
    }
    // Shortcodes such as [box type="note"] and [/box] are page-builder markup.
    if (s.front() == '[' && s.size() > 2 && std::isalpha(static_cast<unsigned char>(s[1]))) {
      size_t close = s.find(']');
      if (close != std::string_view::npos && s.substr(0, close).find(' ') != std::string_view::npos &&
          s.substr(1, close).find('=') != std::string_view::npos) {
        start += close + 1;
        s.remove_prefix(close + 1);
      }
    }
    {
      size_t close = s.rfind("[/");
      if (close != std::string_view::npos && s.back() == ']' && close > 0) s = s.substr(0, close);
    }
    if (s.empty()) continue;

    int md_level = 0;
    if (options.markdown && s.front() == '#') {
      size_t h = 0;
      while (h < s.size() && s[h] == '#') ++h;
      if (h <= 6 && h < s.size() && s[h] == ' ') {
        md_level = static_cast<int>(h);
        size_t skipn = h;
        while (skipn < s.size() && s[skipn] == ' ') ++skipn;
        start += skipn;
        s.remove_prefix(skipn);
        while (!s.empty() && (s.back() == '#' || s.back() == ' ')) s.remove_suffix(1);
      }
    }
    size_t end = start + s.size();

    // Headings (by markup or by shape) first: they open and close sections.
    bool bullet = pending_bullet;
    pending_bullet = false;
    size_t blen = bullet ? 0 : BulletLength(s, options.markdown);
    size_t nlen = (bullet || blen) ? 0 : NumberLength(s);
    bool heading = md_level > 0 ||
                   (!options.markdown && !bullet && blen == 0 && nlen == 0 && LooksLikeHeading(s));
    // A heading-shaped line whose next line continues in lowercase is the
    // first line of a hard-wrapped paragraph.
    if (heading && md_level == 0 && i + 1 < lines.size() && !lines[i + 1].blank &&
        std::islower(static_cast<unsigned char>(text[lines[i + 1].start]))) {
      heading = false;
    }
    if (md_level == 0 && section == BoilerplateSection::kNone && IsMetadataLine(lower)) {
      add_block(BlockRole::kBoilerplate, 0, start, end);
      continue;
    }
    if (options.markdown && md_level == 0 && !bullet && blen == 0 && nlen == 0 &&
        EmojiPrefixLength(s) > 0 && LooksLikeHeading(s)) {
      heading = true;
    }
    (void)was_prev_blank;

    if (heading || (md_level == 0 && nlen == 0 && blen == 0 && !bullet && IsReferenceHeadingText(s))) {
      if (IsReferenceHeadingText(s)) {
        refs_mode = true;
        section = BoilerplateSection::kNone;
        doc->has_reference_list = true;
        add_block(BlockRole::kReferenceHeading, md_level ? md_level : 2, start, end);
        pending_lead_in.clear();
        continue;
      }
      BoilerplateSection b = ClassifyBoilerplateHeading(s);
      if (section == BoilerplateSection::kComments) b = BoilerplateSection::kComments;
      if (b != BoilerplateSection::kNone) {
        section = b;
        refs_mode = false;
        add_block(BlockRole::kBoilerplate, 0, start, end);
        continue;
      }
      if (refs_mode && md_level == 0) {
        // Inside a reference list, short lines are entries, not headings.
        add_block(BlockRole::kReferenceEntry, 0, start, end);
        continue;
      }
      refs_mode = false;
      section = BoilerplateSection::kNone;
      pending_lead_in.clear();
      size_t e = EmojiPrefixLength(s);
      if (!title_done) {
        title_done = true;
        doc->title = std::string(s.substr(e));
        add_block(BlockRole::kTitle, 1, start + e, end);
      } else {
        add_block(BlockRole::kHeading, md_level ? md_level : 2, start + e, end);
      }
      continue;
    }

    if (section != BoilerplateSection::kNone) {
      add_block(BlockRole::kBoilerplate, 0, start + blen, end);
      continue;
    }
    if (IsMetadataLine(lower)) {
      add_block(BlockRole::kBoilerplate, 0, start, end);
      continue;
    }
    if (refs_mode) {
      add_block(BlockRole::kReferenceEntry, 0, start + blen, end);
      continue;
    }
    if (bullet || blen > 0) {
      add_block(BlockRole::kListItem, 1, start + blen, end);
      doc->blocks.back().lead_in = pending_lead_in;
      continue;
    }
    if (nlen > 0) {
      std::string_view item = s.substr(nlen);
      if (!options.markdown && LooksLikeHeading(item) && item.back() != '?') {
        pending_lead_in.clear();
        add_block(BlockRole::kHeading, 3, start + nlen, end);
      } else {
        add_block(BlockRole::kListItem, 1, start + nlen, end);
        doc->blocks.back().lead_in = pending_lead_in;
      }
      continue;
    }
    // Paragraph text. Join hard-wrapped lines: Markdown always joins adjacent
    // lines; plain text joins when the previous line stops mid-sentence.
    if (!doc->blocks.empty() && !was_prev_blank) {
      Block& last = doc->blocks.back();
      std::string_view prev = text.substr(last.start, last.end - last.start);
      bool join = last.role == BlockRole::kParagraph &&
                  (options.markdown || (!EndsSentence(prev) && prev.size() >= 40));
      if (join) {
        last.end = end;
        continue;
      }
    }
    add_block(BlockRole::kParagraph, 0, start, end);
    if (!s.empty() && s.back() == ':') {
      // The lead-in is the paragraph's last sentence ("... recurrence. Focus on:").
      std::string_view lead = s;
      for (std::string_view stop : {". ", "! ", "? "}) {
        size_t p = lead.rfind(stop);
        if (p != std::string_view::npos) lead = lead.substr(p + stop.size());
      }
      pending_lead_in = std::string(lead);
    } else {
      pending_lead_in.clear();
    }
  }
}

}  // namespace evq::internal
