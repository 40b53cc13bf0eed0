// CslItemFromJson: what CslItemToJson writes comes back whole, and other
// writers' variants are read.
#include <gtest/gtest.h>

#include <string>

#include "evq/csl.h"

namespace evq {
namespace {

TEST(CslReaderTest, RoundTripsEveryField) {
  CslItem item;
  item.id = "r7";
  item.type = "chapter";
  item.author = {{"Stecco", "Carla", ""},
                 {"", "", "World Health Organization"}};
  item.editor = {{"Schleip", "Robert", ""}};
  item.et_al = true;
  item.issued = {2012, 3, 14, ""};
  item.accessed = {0, 0, 0, "n.d."};
  item.title = "Fascia: the tensional network";
  item.container_title = "The Human Body";
  item.collection_title = "Series";
  item.volume = "12";
  item.issue = "3";
  item.page = "101-109";
  item.edition = "2";
  item.publisher = "Elsevier";
  item.publisher_place = "Edinburgh";
  item.doi = "10.1016/x";
  item.pmid = "123456";
  item.pmcid = "PMC42";
  item.isbn = "978-0-7020-3425-1";
  item.url = "https://example.org/f";
  item.citation_number = "7";
  item.citation_label = "7a";
  item.raw = "7. Stecco C, et al. Fascia. 2012.";

  CslItem back;
  ASSERT_TRUE(CslItemFromJson(CslItemToJson(item), &back).ok());
  EXPECT_EQ(back.id, item.id);
  EXPECT_EQ(back.type, item.type);
  ASSERT_EQ(back.author.size(), 2u);
  EXPECT_EQ(back.author[0].family, "Stecco");
  EXPECT_EQ(back.author[0].given, "Carla");
  EXPECT_EQ(back.author[1].literal, "World Health Organization");
  ASSERT_EQ(back.editor.size(), 1u);
  EXPECT_EQ(back.editor[0].family, "Schleip");
  EXPECT_TRUE(back.et_al);
  EXPECT_EQ(back.issued.year, 2012);
  EXPECT_EQ(back.issued.month, 3);
  EXPECT_EQ(back.issued.day, 14);
  EXPECT_EQ(back.accessed.year, 0);
  EXPECT_EQ(back.accessed.literal, "n.d.");
  EXPECT_EQ(back.title, item.title);
  EXPECT_EQ(back.container_title, item.container_title);
  EXPECT_EQ(back.collection_title, item.collection_title);
  EXPECT_EQ(back.volume, item.volume);
  EXPECT_EQ(back.issue, item.issue);
  EXPECT_EQ(back.page, item.page);
  EXPECT_EQ(back.edition, item.edition);
  EXPECT_EQ(back.publisher, item.publisher);
  EXPECT_EQ(back.publisher_place, item.publisher_place);
  EXPECT_EQ(back.doi, item.doi);
  EXPECT_EQ(back.pmid, item.pmid);
  EXPECT_EQ(back.pmcid, item.pmcid);
  EXPECT_EQ(back.isbn, item.isbn);
  EXPECT_EQ(back.url, item.url);
  EXPECT_EQ(back.citation_number, item.citation_number);
  EXPECT_EQ(back.citation_label, item.citation_label);
  EXPECT_EQ(back.raw, item.raw);
}

TEST(CslReaderTest, AcceptsCommonCslJsonVariants) {
  CslItem item;
  ASSERT_TRUE(CslItemFromJson(R"({"volume": 12, "issued": {"date-parts":
      [["2019", "7"]]}, "author": [{"family": "Lee"}, 5], "title": null})",
                              &item)
                  .ok());
  EXPECT_EQ(item.volume, "12");
  EXPECT_EQ(item.issued.year, 2019);
  EXPECT_EQ(item.issued.month, 7);
  ASSERT_EQ(item.author.size(), 1u);
  EXPECT_EQ(item.author[0].family, "Lee");
  EXPECT_EQ(item.title, "");
}

TEST(CslReaderTest, MalformedJsonIsAnErrorNotAnException) {
  CslItem item;
  Status s = CslItemFromJson("{\"title\": ", &item);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message().rfind("not JSON: ", 0), 0u) << s.message();
  s = CslItemFromJson("[1, 2]", &item);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "not a JSON object");
}

}  // namespace
}  // namespace evq
