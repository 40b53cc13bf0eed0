// The built-in vocabulary against the hand labels of the seed articles
// (shared/gold/seeds.jsonl): Find on each gold claim should yield the terms
// the labels name explicitly. Context conditions are left out: they come from
// headings, not from the sentence. Skipped when the shared data is absent.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "evq/vocabulary.h"

namespace evq {
namespace {

// Just enough JSON for the flat gold records: the raw value of a top-level
// field ("true", a string, or an array), and the strings in it.
std::string_view RawField(std::string_view line, std::string_view field) {
  std::string key = "\"" + std::string(field) + "\": ";
  size_t at = line.find(key);
  if (at == std::string_view::npos) return {};
  at += key.size();
  bool in_string = false;
  size_t end = at;
  for (; end < line.size(); ++end) {
    char c = line[end];
    if (in_string) {
      if (c == '\\') {
        ++end;
      } else if (c == '"') {
        in_string = false;
        if (line[at] == '"') return line.substr(at, end + 1 - at);
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == ']') {
      return line.substr(at, end + 1 - at);
    } else if ((c == ',' || c == '}') && line[at] != '[') {
      break;
    }
  }
  return line.substr(at, end - at);
}

void AppendUtf8(unsigned c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::vector<std::string> Strings(std::string_view raw) {
  std::vector<std::string> out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '"') continue;
    std::string s;
    for (++i; i < raw.size() && raw[i] != '"'; ++i) {
      if (raw[i] != '\\') {
        s.push_back(raw[i]);
        continue;
      }
      char e = raw[++i];
      if (e == 'u') {
        AppendUtf8(std::stoul(std::string(raw.substr(i + 1, 4)), nullptr, 16),
                   &s);
        i += 4;
      } else {
        s.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
      }
    }
    out.push_back(s);
  }
  return out;
}

TEST(GoldSeedsTest, FindYieldsTheLabelledTerms) {
  std::ifstream in(std::string(EVQ_SHARED_DIR) + "/gold/seeds.jsonl");
  if (!in) GTEST_SKIP() << "no shared/gold/seeds.jsonl";
  Result<Vocabulary> vocab = Vocabulary::Builtin();
  ASSERT_TRUE(vocab.ok()) << vocab.status().message();
  const std::pair<const char*, TermKind> fields[] = {
      {"conditions", TermKind::kCondition},
      {"interventions", TermKind::kIntervention},
      {"anatomy", TermKind::kAnatomy}};
  int gold_total = 0;
  int found_total = 0;
  int extra_total = 0;
  std::string misses;
  std::string line;
  while (std::getline(in, line)) {
    if (RawField(line, "claim") != "true") continue;
    std::vector<std::string> text = Strings(RawField(line, "text"));
    ASSERT_EQ(text.size(), 1u) << line;
    std::set<std::string> found;
    for (const TermMatch& m : vocab->Find(text[0])) {
      found.insert(std::string(TermKindName(m.kind)) + ":" + m.name);
    }
    std::set<std::string> gold;
    for (const auto& [field, kind] : fields) {
      for (const std::string& name : Strings(RawField(line, field))) {
        gold.insert(std::string(TermKindName(kind)) + ":" + name);
      }
    }
    // Context conditions may be named in the sentence too.
    for (const std::string& name :
         Strings(RawField(line, "context_conditions"))) {
      found.erase("condition:" + name);
    }
    for (const std::string& g : gold) {
      ++gold_total;
      if (found.count(g)) {
        ++found_total;
      } else {
        misses += "  missed " + g + " in: " + text[0] + "\n";
      }
    }
    for (const std::string& f : found) {
      if (gold.count(f)) continue;
      ++extra_total;
      misses += "  extra " + f + " in: " + text[0] + "\n";
    }
  }
  ASSERT_GT(gold_total, 200);
  double recall = static_cast<double>(found_total) / gold_total;
  double precision =
      static_cast<double>(found_total) / (found_total + extra_total);
  std::printf("gold seed terms: recall %.3f (%d/%d), precision %.3f\n%s",
              recall, found_total, gold_total, precision, misses.c_str());
  // Most misses are terms the labels resolve from pronouns or list lead-ins,
  // which no vocabulary can find in the sentence itself.
  EXPECT_GE(recall, 0.85);
  EXPECT_GE(precision, 0.9);
}

}  // namespace
}  // namespace evq
