// Tests of the CSL-JSON reader: an array of items with each item's line,
// the shared gold references, one object alone; broken items skipped with
// exact diagnostics while the others import.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evq/bibliography.h"

namespace evq {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(EVQ_SOURCE_DIR) + "/corpus/fixtures/bib/" + name;
}

TEST(BibliographyCslJsonTest, ReferencesFixture) {
  std::string path = Fixture("references.json");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, BibliographyFormat::kCslJson);
  EXPECT_TRUE(r->diagnostics.empty()) << FormatDiagnostic(r->diagnostics[0]);
  ASSERT_EQ(r->works.size(), 3u);
  const Work& h = r->works[0];
  EXPECT_EQ(h.source, path);
  EXPECT_EQ(h.line, 2);
  EXPECT_EQ(h.item.id, "hayden2005a");
  EXPECT_EQ(h.publication_types, std::vector<std::string>{"article-journal"});
  EXPECT_EQ(h.item.container_title_short,
            "Ann Intern Med");  // journalAbbreviation
  EXPECT_EQ(h.item.author[1].family, "van Tulder");
  EXPECT_EQ(h.item.issued.year, 2005);  // date-parts as strings
  EXPECT_EQ(h.item.issued.day, 3);
  EXPECT_EQ(h.item.volume, "142");  // a number
  EXPECT_EQ(h.item.pmid, "15867409");
  EXPECT_EQ(r->works[1].line, 21);
  EXPECT_EQ(r->works[1].item.author[0].literal, "World Health Organization");
  EXPECT_EQ(r->works[1].item.isbn, "978-92-4-008178-9");
  EXPECT_EQ(r->works[2].item.issued.literal, "n.d.");
  EXPECT_EQ(r->works[2].item.accessed.month, 5);
}

TEST(BibliographyCslJsonTest, SharedGoldReferences) {
  std::string path = std::string(EVQ_SHARED_DIR) + "/gold/seed-references.json";
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->diagnostics.empty());
  ASSERT_EQ(r->works.size(), 3u);
  EXPECT_EQ(r->works[0].item.id, "stecco2018");
  EXPECT_EQ(r->works[0].item.author[0].family, "Stecco");
  EXPECT_EQ(r->works[0].item.issued.year, 2018);
  EXPECT_EQ(r->works[0].line, 2);
  EXPECT_EQ(r->works[1].line, 34);
  EXPECT_EQ(r->works[2].line, 62);
}

TEST(BibliographyCslJsonTest, BrokenItemsAreSkippedWithExactDiagnostics) {
  std::string path = Fixture("malformed.json");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 2u);
  EXPECT_EQ(r->works[0].item.id, "ok1");
  EXPECT_EQ(r->works[1].item.id, "ok2");
  EXPECT_EQ(r->works[1].line, 7);
  std::vector<std::string> got;
  for (const Diagnostic& d : r->diagnostics) got.push_back(FormatDiagnostic(d));
  std::vector<std::string> want = {
      path +
          ":3: error: item 2 is not valid JSON (syntax error at line 4, column "
          "42)",
      path + ":5: error: item 3 is not a JSON object",
      path + ":6: error: item 4 has no id, title, DOI or PMID",
      path +
          ":9: error: item 6 is not valid JSON (syntax error at line 9, column "
          "57)",
      path + ":10: error: the array of items is not closed (file cut short?)",
  };
  EXPECT_EQ(got, want);
}

TEST(BibliographyCslJsonTest, OneObjectEmptyArrayAndNonJson) {
  Result<Bibliography> r = ParseBibliography(
      "one.json",
      "{\"id\": \"a\", \"type\": \"book\", \"title\": \"Explain Pain\"}",
      BibliographyFormat::kAuto);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 1u);
  EXPECT_EQ(r->works[0].item.title, "Explain Pain");
  r = ParseBibliography("empty.json", "[ ]\n", BibliographyFormat::kCslJson);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "empty.json: no CSL-JSON item found");
  r = ParseBibliography("x.json", "\"just a string\"",
                        BibliographyFormat::kCslJson);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "x.json: no CSL-JSON item found (not a CSL-JSON array of items)");
}

}  // namespace
}  // namespace evq
