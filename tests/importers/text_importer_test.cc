#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "evq/import.h"

namespace evq {
namespace {

std::string BlockText(const Document& d, const Block& b) { return d.text.substr(b.start, b.end - b.start); }

std::vector<std::pair<BlockRole, std::string>> Blocks(const Document& d) {
  std::vector<std::pair<BlockRole, std::string>> out;
  for (const Block& b : d.blocks) out.emplace_back(b.role, BlockText(d, b));
  return out;
}

TEST(TextImporterTest, RecoversStructureOfWebText) {
  Document d = ImportText("a.txt",
                          "Myofascial Therapy for Back Pain\n"
                          "Search terms: back pain\n"
                          "Back pain is common. It hurts.\n"
                          "\xF0\x9F\xA7\xA0 What Is Myofascial Pain?\n"
                          "When it becomes restricted, it can:\n"
                          "-\n"
                          "Compress nerves\n"
                          "- Limit movement\n"
                          "1. Manual Myofascial Release\n"
                          "  2. Trigger Points: Trigger points are knots that can cause pain.\n"
                          "References\n"
                          "-\n"
                          "Stecco, C. (2018). Fascial tissue. J Sports Sci, 36, 1393.\n");
  using R = BlockRole;
  std::vector<std::pair<BlockRole, std::string>> want = {
      {R::kTitle, "Myofascial Therapy for Back Pain"},
      {R::kBoilerplate, "Search terms: back pain"},
      {R::kParagraph, "Back pain is common. It hurts."},
      {R::kHeading, "What Is Myofascial Pain?"},
      {R::kParagraph, "When it becomes restricted, it can:"},
      {R::kListItem, "Compress nerves"},
      {R::kListItem, "Limit movement"},
      {R::kHeading, "Manual Myofascial Release"},
      {R::kListItem, "Trigger Points: Trigger points are knots that can cause pain."},
      {R::kReferenceHeading, "References"},
      {R::kReferenceEntry, "Stecco, C. (2018). Fascial tissue. J Sports Sci, 36, 1393."},
  };
  EXPECT_EQ(Blocks(d), want);
  EXPECT_EQ(d.title, "Myofascial Therapy for Back Pain");
  EXPECT_TRUE(d.has_reference_list);
  EXPECT_EQ(d.blocks[5].lead_in, "When it becomes restricted, it can:");
}

TEST(TextImporterTest, PrivacyNoticeIsBoilerplateAndTitleComesAfter) {
  Document d = ImportText("b.txt",
                          "Consumer Privacy Notice\n\nVisit our Privacy Policy for details.\n\n"
                          "Myofascial release therapy: Can it relieve back pain?\n\nIt may help.\n");
  EXPECT_EQ(d.title, "Myofascial release therapy: Can it relieve back pain?");
  EXPECT_EQ(d.blocks[1].role, BlockRole::kBoilerplate);
}

TEST(TextImporterTest, CommentsRunToTheEnd) {
  Document d = ImportText("c.txt",
                          "Title Here\n\nFascia hurts a lot when tight.\n\nOne thought on \xE2\x80\x9CTitle\n\n"
                          "I have severe arthritis.\n\nLeonard Wenston\n\nLeave a Reply\n");
  for (size_t i = 2; i < d.blocks.size(); ++i) EXPECT_EQ(d.blocks[i].role, BlockRole::kBoilerplate) << i;
}

TEST(TextImporterTest, EmptyReferenceHeadingIsAnEmptyList) {
  Document d = ImportText("d.txt", "Title\n\nIt works.(1)\n\nReferences :\n");
  EXPECT_TRUE(d.has_reference_list);
  EXPECT_EQ(d.blocks.back().role, BlockRole::kReferenceHeading);
}

TEST(TextImporterTest, JoinsHardWrappedLines) {
  Document d = ImportText("e.txt",
                          "Title\n\nMyofascial release is a gentle technique that applies sustained\n"
                          "pressure to the fascia. It helps.\n");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(BlockText(d, d.blocks[1]),
            "Myofascial release is a gentle technique that applies sustained\npressure to the fascia. It helps.");
}

TEST(MarkdownImporterTest, HeadingsListsCommentsAndIgnore) {
  Document d = ImportMarkdown("f.md",
                              "# Low Back Pain\n\nFirst line of a\nparagraph.\n\n## Causes\n\n"
                              "- Tight fascia can hurt.\n* Discs bulge.\n\n<!-- evq-ignore -->\n"
                              "Foam rolling cures everything.\n\n```\ncode block\n```\n\n## References\n\n"
                              "1. Smith J. Title. J Pain. 2019;1:2-3.\n");
  using R = BlockRole;
  std::vector<std::pair<BlockRole, std::string>> want = {
      {R::kTitle, "Low Back Pain"},
      {R::kParagraph, "First line of a\nparagraph."},
      {R::kHeading, "Causes"},
      {R::kListItem, "Tight fascia can hurt."},
      {R::kListItem, "Discs bulge."},
      {R::kParagraph, "Foam rolling cures everything."},
      {R::kReferenceHeading, "References"},
      {R::kReferenceEntry, "1. Smith J. Title. J Pain. 2019;1:2-3."},
  };
  EXPECT_EQ(Blocks(d), want);
  EXPECT_TRUE(d.blocks[5].ignored);
  EXPECT_FALSE(d.blocks[4].ignored);
}

TEST(ImportBufferTest, EmptyFileIsAnError) {
  Result<Document> r = ImportBuffer("empty.txt", "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "empty.txt: empty file");
}

TEST(ImportBufferTest, BinaryFileIsAnError) {
  Result<Document> r = ImportBuffer("bin.txt", std::string("PNG\0\x01\x02", 6));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "bin.txt: binary file (NUL byte at offset 3), not a text document");
}

TEST(ImportBufferTest, InvalidUtf8IsReplacedAndReported) {
  Result<Document> r = ImportBuffer("bad.txt", "Title\nFascia \xff\xfe hurts.\n\xc3\x28 ok\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->diagnostics.size(), 2u);
  EXPECT_EQ(FormatDiagnostic(r->diagnostics[0]),
            "bad.txt:2: warning: invalid UTF-8 (2 bytes at byte offset 13) replaced with U+FFFD");
  EXPECT_EQ(FormatDiagnostic(r->diagnostics[1]),
            "bad.txt:3: warning: invalid UTF-8 (1 byte at byte offset 23) replaced with U+FFFD");
  EXPECT_NE(r->text.find("Fascia \xEF\xBF\xBD hurts."), std::string::npos);
}

TEST(ImportFileTest, MissingFileNamesThePath) {
  Result<Document> r = ImportFile("/nonexistent/x.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "/nonexistent/x.txt: cannot open: No such file or directory");
}

TEST(ImportFileTest, FixturesImportOrFailClearly) {
  std::string dir = std::string(EVQ_SOURCE_DIR) + "/corpus/fixtures/";
  EXPECT_FALSE(ImportFile(dir + "empty.txt").ok());
  EXPECT_FALSE(ImportFile(dir + "binary.txt").ok());
  Result<Document> bad = ImportFile(dir + "invalid-utf8.txt");
  ASSERT_TRUE(bad.ok());
  EXPECT_FALSE(bad->diagnostics.empty());
  Result<Document> crlf = ImportFile(dir + "crlf.txt");
  ASSERT_TRUE(crlf.ok());
  for (const Block& b : crlf->blocks) EXPECT_EQ(crlf->text.substr(b.start, b.end - b.start).find('\r'), std::string::npos);
  Result<Document> nobody = ImportFile(dir + "no-body.html");
  ASSERT_TRUE(nobody.ok());
  EXPECT_FALSE(nobody->title.empty());
}

TEST(ImportFileTest, FiftyMegabyteSingleLine) {
  std::string big;
  big.reserve(50u << 20);
  while (big.size() < (50u << 20)) big += "fascia pain muscle tension relief ";
  Result<Document> r = ImportBuffer("big.txt", big);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->blocks.size(), 1u);
}

TEST(FormatTest, DetectsByExtensionThenContent) {
  EXPECT_EQ(DetectFormat("a.HTM", ""), Format::kHtml);
  EXPECT_EQ(DetectFormat("a.md", ""), Format::kMarkdown);
  EXPECT_EQ(DetectFormat("page", "  <!DOCTYPE html><html>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("notes", "# Heading\n"), Format::kMarkdown);
  EXPECT_EQ(DetectFormat("notes", "Plain words"), Format::kText);
}

}  // namespace
}  // namespace evq
