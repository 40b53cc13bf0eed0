// The train_references program as scripts/train-references runs it: bad
// options are refused by name, --prune leaves out exactly the small rows,
// and CRF training is deterministic.
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "../cli/cli_test_util.h"
#include "gtest/gtest.h"

namespace evq {
namespace {

using cli_test::RunProgram;
using cli_test::RunResult;

RunResult Train(const std::string& args) {
  return RunProgram(TRAIN_REFERENCES_BINARY, args);
}

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "train_references_test_" +
         std::to_string(::getpid()) + "_" + name;
}

// One training line: the parts joined by spaces, a tab, their byte spans.
std::string Line(
    const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string text, spans;
  for (const auto& [piece, label] : parts) {
    if (!text.empty()) text += ' ';
    size_t b = text.size();
    text += piece;
    if (!spans.empty()) spans += ' ';
    spans +=
        std::to_string(b) + "-" + std::to_string(text.size()) + "=" + label;
  }
  return text + "\t" + spans + "\n";
}

// A small labelled set: Vancouver articles and APA books, a few of each.
std::string WriteSet() {
  std::string path = TempPath("set.tsv");
  std::ofstream out(path);
  const char* names[] = {"Smith J, Jones A.", "Brown K, Lee C.",
                         "Garcia M, Chen L.", "Novak P, Ito H."};
  const char* titles[] = {"Fascia and pain.", "Sleep in athletes.",
                          "Knee injuries in runners.", "Back pain at work."};
  for (int i = 0; i < 4; ++i) {
    out << Line({{names[i], "author"},
                 {titles[i], "title"},
                 {"BMJ.", "journal"},
                 {"2019;", "date"},
                 {std::to_string(300 + i) + ":", "volume"},
                 {std::to_string(10 + i) + "-" + std::to_string(20 + i) + ".",
                  "pages"}});
    out << Line({{names[3 - i], "author"},
                 {"(2010).", "date"},
                 {titles[3 - i], "title"},
                 {"New York:", "location"},
                 {"Springer.", "publisher"}});
  }
  return path;
}

// The feature rows of a model file (key -> its largest weight in size, in
// the file's integer units), and the file's scale.
std::map<std::string, long> Rows(const std::string& path, long* scale) {
  std::ifstream in(path);
  std::map<std::string, long> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("scale ", 0) == 0) *scale = std::stol(line.substr(6));
    size_t tab = line.find('\t');
    if (tab == std::string::npos || line[0] == 'T') continue;
    std::istringstream pairs(line.substr(tab + 1));
    std::string pair;
    long top = 0;
    while (pairs >> pair)
      top =
          std::max(top, std::labs(std::stol(pair.substr(pair.find(':') + 1))));
    rows[line.substr(0, tab)] = top;
  }
  return rows;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(TrainReferencesTest, BadOptionsAreRefusedByName) {
  RunResult r = Train("--train x.tsv --out m.txt --epochs abc");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out,
            "train_references: --epochs wants a whole number of at least 1, "
            "not \"abc\"\n");
  r = Train("--train x.tsv --out m.txt --crf --eta 0");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out,
            "train_references: --eta wants a number above 0, not \"0\"\n");
  r = Train("--train x.tsv --out m.txt --prune -0.5");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out,
            "train_references: --prune wants a number of at least 0, not "
            "\"-0.5\"\n");
  std::string empty = TempPath("empty.tsv");
  std::ofstream(empty).close();
  r = Train("--train " + empty + " --out " + TempPath("m.txt"));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "train_references: 0 references from " + empty +
                       "\ntrain_references: no labelled reference in the "
                       "--train files\n");
}

TEST(TrainReferencesTest, PruneLeavesOutExactlyTheSmallRows) {
  std::string set = WriteSet();
  std::string full = TempPath("full.txt"), pruned = TempPath("pruned.txt");
  const std::string fit = " --crf --epochs 4 --average-from 2 --min-count 1";
  ASSERT_EQ(Train("--train " + set + fit + " --out " + full).code, 0);
  ASSERT_EQ(Train("--train " + set + fit + " --prune 0.2 --out " + pruned).code,
            0);
  long scale = 0, pruned_scale = 0;
  std::map<std::string, long> all = Rows(full, &scale);
  std::map<std::string, long> kept = Rows(pruned, &pruned_scale);
  ASSERT_EQ(scale, 1000);  // a CRF's default
  ASSERT_EQ(pruned_scale, 1000);
  ASSERT_FALSE(kept.empty());
  EXPECT_LT(kept.size(), all.size());
  // Rounding moves a weight by half a unit at most.
  for (const auto& [key, top] : all) {
    if (top >= 201) {
      EXPECT_EQ(kept.count(key), 1u) << key << " " << top;
    }
    if (top <= 199) {
      EXPECT_EQ(kept.count(key), 0u) << key << " " << top;
    }
  }
  for (const auto& [key, top] : kept) EXPECT_EQ(all.at(key), top) << key;
}

TEST(TrainReferencesTest, CrfTrainingIsDeterministic) {
  std::string set = WriteSet();
  std::string a = TempPath("a.txt"), b = TempPath("b.txt");
  const std::string fit = " --crf --epochs 3 --min-count 1 --seed 5";
  ASSERT_EQ(Train("--train " + set + fit + " --out " + a).code, 0);
  ASSERT_EQ(Train("--train " + set + fit + " --out " + b).code, 0);
  std::string first = ReadFile(a);
  EXPECT_GT(first.size(), 1000u);
  EXPECT_EQ(first, ReadFile(b));
}

}  // namespace
}  // namespace evq
