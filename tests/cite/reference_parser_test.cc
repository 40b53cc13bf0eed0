// Reference-string parsing: one real-style string per case, exact fields.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "evq/csl.h"

namespace evq {
namespace {

TEST(ReferenceParserTest, ApaJournalArticle) {
  CslItem it = ParseReference(
      "Stecco, C., Schleip, R., & Macchi, V. (2018). Fascial tissue research "
      "in sports medicine. Journal of Sports Sciences, 36(12), 1393\xE2\x80\x93"
      "1402.");
  ASSERT_EQ(it.author.size(), 3u);
  EXPECT_EQ(it.author[0].family, "Stecco");
  EXPECT_EQ(it.author[0].given, "C.");
  EXPECT_EQ(it.author[2].family, "Macchi");
  EXPECT_EQ(it.issued.year, 2018);
  EXPECT_EQ(it.title, "Fascial tissue research in sports medicine");
  EXPECT_EQ(it.container_title, "Journal of Sports Sciences");
  EXPECT_EQ(it.volume, "36");
  EXPECT_EQ(it.issue, "12");
  EXPECT_EQ(it.page, "1393-1402");
  EXPECT_EQ(it.type, "article-journal");
}

TEST(ReferenceParserTest, ApaNonAsciiHyphenatedFamilyName) {
  CslItem it = ParseReference(
      "Fern\xC3\xA1ndez-de-Las-Pe\xC3\xB1" "as, C., & Dommerholt, J. (2010). "
      "Myofascial trigger points in myofascial pain syndrome. Current Pain "
      "and Headache Reports, 14(5), 379\xE2\x80\x93" "386.");
  ASSERT_EQ(it.author.size(), 2u);
  EXPECT_EQ(it.author[0].family, "Fern\xC3\xA1ndez-de-Las-Pe\xC3\xB1" "as");
  EXPECT_EQ(it.author[0].given, "C.");
  EXPECT_EQ(it.author[1].family, "Dommerholt");
  EXPECT_EQ(it.issued.year, 2010);
  EXPECT_EQ(it.container_title, "Current Pain and Headache Reports");
  EXPECT_EQ(it.page, "379-386");
}

TEST(ReferenceParserTest, ApaBookWithoutContainer) {
  CslItem it = ParseReference(
      "Simons, D. G., Travell, J. G., & Simons, L. S. (1999). Travell & "
      "Simons\xE2\x80\x99 Myofascial Pain and Dysfunction: The Trigger Point "
      "Manual.");
  ASSERT_EQ(it.author.size(), 3u);
  EXPECT_EQ(it.author[1].family, "Travell");
  EXPECT_EQ(it.author[1].given, "J. G.");
  EXPECT_EQ(it.issued.year, 1999);
  EXPECT_EQ(it.title,
            "Travell & Simons' Myofascial Pain and Dysfunction: The Trigger "
            "Point Manual");
  EXPECT_TRUE(it.container_title.empty());
}

TEST(ReferenceParserTest, VancouverWithIdentifiers) {
  CslItem it = ParseReference(
      "1. Smith J, Jones AB. Title of the study. J Name. 2019;12(3):45-67. "
      "doi:10.1000/xyz. PMID: 12345.");
  EXPECT_EQ(it.citation_number, "1");
  ASSERT_EQ(it.author.size(), 2u);
  EXPECT_EQ(it.author[0].family, "Smith");
  EXPECT_EQ(it.author[0].given, "J");
  EXPECT_EQ(it.author[1].family, "Jones");
  EXPECT_EQ(it.author[1].given, "AB");
  EXPECT_EQ(it.title, "Title of the study");
  EXPECT_EQ(it.container_title, "J Name");
  EXPECT_EQ(it.issued.year, 2019);
  EXPECT_EQ(it.volume, "12");
  EXPECT_EQ(it.issue, "3");
  EXPECT_EQ(it.page, "45-67");
  EXPECT_EQ(it.doi, "10.1000/xyz");
  EXPECT_EQ(it.pmid, "12345");
}

TEST(ReferenceParserTest, VancouverPmcidAndArticleNumber) {
  CslItem it = ParseReference(
      "Jones A, Brown B. Vitamin D and bone health. BMJ. 2018;360:k123. "
      "PMID: 29000000; PMCID: PMC5800000.");
  ASSERT_EQ(it.author.size(), 2u);
  EXPECT_EQ(it.author[1].given, "B");
  EXPECT_EQ(it.container_title, "BMJ");
  EXPECT_EQ(it.volume, "360");
  EXPECT_EQ(it.page, "k123");
  EXPECT_EQ(it.pmid, "29000000");
  EXPECT_EQ(it.pmcid, "PMC5800000");
}

TEST(ReferenceParserTest, VancouverEtAlAndAccessed) {
  CslItem it = ParseReference(
      "Peters OA, et al. Root canal outcomes. J Endod. 2014;40(9):1477-81. "
      "Accessed 12 March 2020.");
  ASSERT_EQ(it.author.size(), 1u);
  EXPECT_TRUE(it.et_al);
  EXPECT_EQ(it.title, "Root canal outcomes");
  EXPECT_EQ(it.page, "1477-81");
  EXPECT_EQ(it.accessed.year, 2020);
  EXPECT_EQ(it.accessed.month, 3);
  EXPECT_EQ(it.accessed.day, 12);
}

TEST(ReferenceParserTest, VancouverChapterWithEditors) {
  CslItem it = ParseReference(
      "Meltzer PS, Kallioniemi A, Trent JM. Chromosome alterations in human "
      "solid tumors. In: Vogelstein B, Kinzler KW, editors. The genetic basis "
      "of human cancer. New York: McGraw-Hill; 2002. p. 93-113.");
  ASSERT_EQ(it.author.size(), 3u);
  ASSERT_EQ(it.editor.size(), 2u);
  EXPECT_EQ(it.editor[0].family, "Vogelstein");
  EXPECT_EQ(it.editor[1].given, "KW");
  EXPECT_EQ(it.title, "Chromosome alterations in human solid tumors");
  EXPECT_EQ(it.container_title, "The genetic basis of human cancer");
  EXPECT_EQ(it.publisher, "McGraw-Hill");
  EXPECT_EQ(it.publisher_place, "New York");
  EXPECT_EQ(it.issued.year, 2002);
  EXPECT_EQ(it.page, "93-113");
  EXPECT_EQ(it.type, "chapter");
}

TEST(ReferenceParserTest, ApaChapterWithEds) {
  CslItem it = ParseReference(
      "Clarke, M., Zinman, H., & Bomba, E. (2016). Geriatric care and the "
      "LGBT older adult. In K. L. Eckstrand & J. M. Ehrenfeld (Eds.), "
      "Lesbian, gay, bisexual, and transgender healthcare (pp. 169-199). New "
      "York: Springer.");
  ASSERT_EQ(it.editor.size(), 2u);
  EXPECT_EQ(it.editor[0].family, "Eckstrand");
  EXPECT_EQ(it.editor[0].given, "K. L.");
  EXPECT_EQ(it.container_title,
            "Lesbian, gay, bisexual, and transgender healthcare");
  EXPECT_EQ(it.page, "169-199");
  EXPECT_EQ(it.publisher, "Springer");
  EXPECT_EQ(it.publisher_place, "New York");
}

TEST(ReferenceParserTest, ChicagoAuthorDateWithUrl) {
  CslItem it = ParseReference(
      "Brophy, Paul C, and Rhonda N Smith. 1997. \xE2\x80\x9CMixed-Income "
      "Housing: Factors for Success.\xE2\x80\x9D Cityscape 3 (2): 3\xE2\x80\x93"
      "31. http://www.jstor.org/stable/10.2307/41486509.");
  ASSERT_EQ(it.author.size(), 2u);
  EXPECT_EQ(it.author[0].family, "Brophy");
  EXPECT_EQ(it.author[0].given, "Paul C");
  EXPECT_EQ(it.author[1].family, "Smith");
  EXPECT_EQ(it.author[1].given, "Rhonda N");
  EXPECT_EQ(it.issued.year, 1997);
  EXPECT_EQ(it.title, "Mixed-Income Housing: Factors for Success");
  EXPECT_EQ(it.container_title, "Cityscape");
  EXPECT_EQ(it.volume, "3");
  EXPECT_EQ(it.issue, "2");
  EXPECT_EQ(it.page, "3-31");
  EXPECT_EQ(it.url, "http://www.jstor.org/stable/10.2307/41486509");
}

TEST(ReferenceParserTest, MlaJournalArticle) {
  CslItem it = ParseReference(
      "Helsen, Kate, Jennifer Bain, and Debra Lacoste. \xE2\x80\x9COptical "
      "music recognition and manuscript chant sources.\xE2\x80\x9D Early "
      "Music 42 (2014): 555-558.");
  ASSERT_EQ(it.author.size(), 3u);
  EXPECT_EQ(it.author[0].family, "Helsen");
  EXPECT_EQ(it.author[0].given, "Kate");
  EXPECT_EQ(it.author[1].family, "Bain");
  EXPECT_EQ(it.author[1].given, "Jennifer");
  EXPECT_EQ(it.title, "Optical music recognition and manuscript chant sources");
  EXPECT_EQ(it.container_title, "Early Music");
  EXPECT_EQ(it.volume, "42");
  EXPECT_EQ(it.issued.year, 2014);
  EXPECT_EQ(it.page, "555-558");
}

TEST(ReferenceParserTest, IeeeWithKeywords) {
  CslItem it = ParseReference(
      "[59] E. Vaghefi, K. Walker, and P. J. Donaldson, \xE2\x80\x9CMagnetic "
      "resonance imaging of the lens,\xE2\x80\x9D Am. J. Physiol., vol. 302, "
      "no. 11, pp. R1250\xE2\x80\x93R1259, Jun. 2012.");
  EXPECT_EQ(it.citation_number, "59");
  ASSERT_EQ(it.author.size(), 3u);
  EXPECT_EQ(it.author[0].family, "Vaghefi");
  EXPECT_EQ(it.author[0].given, "E.");
  EXPECT_EQ(it.author[2].given, "P. J.");
  EXPECT_EQ(it.title, "Magnetic resonance imaging of the lens");
  EXPECT_EQ(it.container_title, "Am. J. Physiol");
  EXPECT_EQ(it.volume, "302");
  EXPECT_EQ(it.issue, "11");
  EXPECT_EQ(it.page, "R1250-R1259");
  EXPECT_EQ(it.issued.year, 2012);
  EXPECT_EQ(it.issued.month, 6);
}

TEST(ReferenceParserTest, HarvardBookWithPlaceAndPublisher) {
  CslItem it =
      ParseReference("Horn, B. K. P. (1986). Robot vision. Cambridge, MA: MIT Press.");
  EXPECT_EQ(it.title, "Robot vision");
  EXPECT_EQ(it.publisher, "MIT Press");
  EXPECT_EQ(it.publisher_place, "Cambridge, MA");
  EXPECT_EQ(it.type, "book");
}

TEST(ReferenceParserTest, BookEditionAndIsbn) {
  CslItem it = ParseReference(
      "Smith, A. (2015). Nutrition science (3rd ed.). London: Routledge. "
      "ISBN 978-0-415-12345-6.");
  EXPECT_EQ(it.title, "Nutrition science");
  EXPECT_EQ(it.edition, "3");
  EXPECT_EQ(it.publisher, "Routledge");
  EXPECT_EQ(it.publisher_place, "London");
  EXPECT_EQ(it.isbn, "978-0-415-12345-6");
}

TEST(ReferenceParserTest, CorporateAuthorWebPageCited) {
  CslItem it = ParseReference(
      "World Health Organization. Global report on diabetes. Geneva: World "
      "Health Organization; 2016. Available from: "
      "https://www.who.int/publications/i/item/9789241565257 [cited 2020 Mar "
      "5].");
  ASSERT_EQ(it.author.size(), 1u);
  EXPECT_EQ(it.author[0].literal, "World Health Organization");
  EXPECT_EQ(it.title, "Global report on diabetes");
  EXPECT_EQ(it.publisher_place, "Geneva");
  EXPECT_EQ(it.issued.year, 2016);
  EXPECT_EQ(it.url, "https://www.who.int/publications/i/item/9789241565257");
  EXPECT_EQ(it.accessed.year, 2020);
  EXPECT_EQ(it.accessed.month, 3);
  EXPECT_EQ(it.accessed.day, 5);
}

TEST(ReferenceParserTest, CorporateAuthorRetrievedFrom) {
  CslItem it = ParseReference(
      "Centers for Disease Control and Prevention. (2020). Diabetes basics. "
      "Retrieved from https://www.cdc.gov/diabetes/basics");
  ASSERT_EQ(it.author.size(), 1u);
  EXPECT_EQ(it.author[0].literal,
            "Centers for Disease Control and Prevention");
  EXPECT_EQ(it.issued.year, 2020);
  EXPECT_EQ(it.title, "Diabetes basics");
  EXPECT_EQ(it.url, "https://www.cdc.gov/diabetes/basics");
  EXPECT_EQ(it.type, "webpage");
}

TEST(ReferenceParserTest, RetrievedWithAccessDate) {
  CslItem it = ParseReference(
      "Bloggs, J. (2019, May 3). How to sleep well. The Sleep Blog. Retrieved "
      "May 5, 2020, from https://sleep.example.org/well");
  EXPECT_EQ(it.issued.year, 2019);
  EXPECT_EQ(it.issued.month, 5);
  EXPECT_EQ(it.issued.day, 3);
  EXPECT_EQ(it.accessed.year, 2020);
  EXPECT_EQ(it.accessed.day, 5);
  EXPECT_EQ(it.url, "https://sleep.example.org/well");
  EXPECT_EQ(it.title, "How to sleep well");
}

// A doi.org link is kept as printed in URL and also gives the DOI.
TEST(ReferenceParserTest, DoiUrlGivesDoi) {
  CslItem it = ParseReference(
      "Doe, J. (2020). A study. Some Journal, 1(2), 3-4. "
      "https://doi.org/10.1234/abc.5678");
  EXPECT_EQ(it.doi, "10.1234/abc.5678");
  EXPECT_EQ(it.url, "https://doi.org/10.1234/abc.5678");
}

TEST(ReferenceParserTest, NeverFailsOnOddInput) {
  for (const char* s : {"", " ", "[1]", "(", "\"", "10.", "et al.", "1999",
                        "\xC3", "In: ", "Smith J."}) {
    CslItem it = ParseReference(s);
    EXPECT_EQ(it.raw, s);
    EXPECT_FALSE(CslItemToJson(it).empty());
  }
}

TEST(ReferenceParserTest, PublisherThenTownAndStateCode) {
  CslItem it = ParseReference(
      "R. Lang. Tissue Mechanics. Harbor Press, Springfield, MA, 2004.");
  EXPECT_EQ(it.title, "Tissue Mechanics");
  EXPECT_EQ(it.publisher, "Harbor Press");
  EXPECT_EQ(it.publisher_place, "Springfield, MA");
  EXPECT_TRUE(it.container_title.empty());
  EXPECT_EQ(it.issued.year, 2004);
}

TEST(ReferenceParserTest, AbbreviatedStateAfterTown) {
  CslItem it = ParseReference(
      "T. Wu. Wound Care. Lakeside Univ. Press, Cambridge, Mass., 1991.");
  EXPECT_EQ(it.publisher_place, "Cambridge, Mass");
  EXPECT_EQ(it.issued.year, 1991);
}

TEST(ReferenceParserTest, DoubledCommasBetweenVancouverNames) {
  CslItem it = ParseReference(
      "Okafor AB,, Lind K,, Sato M. 2010. Sleep and recovery in athletes. "
      "Sleep Med 11: 120\xE2\x80\x93" "128.");
  ASSERT_EQ(it.author.size(), 3u);
  EXPECT_EQ(it.author[1].family, "Lind");
  EXPECT_EQ(it.title, "Sleep and recovery in athletes");
  EXPECT_EQ(it.container_title, "Sleep Med");
  EXPECT_EQ(it.volume, "11");
  EXPECT_EQ(it.page, "120-128");
}

TEST(ReferenceParserTest, SubtitleSentenceBeforeJournal) {
  // Two sentences before the volume: the one next to the numbers is the
  // journal, the other continues the title.
  CslItem it = ParseReference(
      "Berg, K. (2003). Fatigue in runners. A cohort study of two seasons. "
      "Journal of Running Science, 12, 44-51.");
  EXPECT_EQ(it.title, "Fatigue in runners. A cohort study of two seasons");
  EXPECT_EQ(it.container_title, "Journal of Running Science");
  EXPECT_EQ(it.volume, "12");
  EXPECT_EQ(it.page, "44-51");
}

TEST(ReferenceParserTest, QuestionTitleThenSubtitle) {
  CslItem it = ParseReference(
      "Berg, K. (2003). Does rest help? A trial in runners. Sports Health "
      "Review, 4, 1-9.");
  EXPECT_EQ(it.title, "Does rest help? A trial in runners");
  EXPECT_EQ(it.container_title, "Sports Health Review");
}

TEST(ReferenceParserTest, AbbreviatedJournalWithLongAbbreviations) {
  CslItem it = ParseReference(
      "L. Chen, \"Lens stiffness with age,\" J. Ocular Physiol. Biomech., "
      "vol. 8, no. 2, pp. 10-19, 2012.");
  EXPECT_EQ(it.title, "Lens stiffness with age");
  EXPECT_EQ(it.container_title, "J. Ocular Physiol. Biomech");
  EXPECT_EQ(it.volume, "8");
  EXPECT_EQ(it.issue, "2");
  EXPECT_EQ(it.page, "10-19");
}

TEST(ReferenceParserTest, BookTitleColonIsNotPlace) {
  CslItem it = ParseReference(
      "Ames, P. (2001). Early motion. In R. Cole (Ed.), Healing tissues after "
      "injury: A guide for therapists (pp. 3-14). Albany, New York: Hill "
      "Press.");
  EXPECT_EQ(it.container_title,
            "Healing tissues after injury: A guide for therapists");
  EXPECT_EQ(it.page, "3-14");
  EXPECT_EQ(it.publisher, "Hill Press");
  EXPECT_EQ(it.publisher_place, "Albany, New York");
}

TEST(ReferenceParserTest, VancouverListEndsBeforeOneLetterTitleWord) {
  CslItem it = ParseReference(
      "Ode K, van Dam HA. A pilot trial of cold water immersion. Sports Med "
      "4: 1-9.");
  ASSERT_EQ(it.author.size(), 2u);
  EXPECT_EQ(it.author[1].family, "van Dam");
  EXPECT_EQ(it.author[1].given, "HA");
  EXPECT_EQ(it.title, "A pilot trial of cold water immersion");
}

TEST(ReferenceParserTest, SuffixSegmentStaysWithItsName) {
  CslItem it = ParseReference(
      "Lee JR, Hart EO, Jr., Moss CJ. Gait after knee surgery. Gait Posture "
      "2001;12(3): 24-8.");
  ASSERT_EQ(it.author.size(), 3u);
  EXPECT_EQ(it.author[1].family, "Hart");
  EXPECT_EQ(it.author[1].given, "EO Jr");
  EXPECT_EQ(it.author[2].family, "Moss");
  EXPECT_EQ(it.title, "Gait after knee surgery");
}

TEST(ReferenceParserTest, SemicolonListWithFullGivenNames) {
  CslItem it = ParseReference(
      "Ward, K.; Olsen, Dag; Reyes, Ana. Balance training in older adults. "
      "Aging Res 3: 5-9.");
  ASSERT_EQ(it.author.size(), 3u);
  EXPECT_EQ(it.author[1].family, "Olsen");
  EXPECT_EQ(it.author[1].given, "Dag");
  EXPECT_EQ(it.author[2].given, "Ana");
  EXPECT_EQ(it.title, "Balance training in older adults");
}

TEST(ReferenceParserTest, CapitalParticleFamilyName) {
  CslItem it = ParseReference(
      "Van Loon, Pieter. Muscle recovery. Utrecht: Spectrum, 2004.");
  ASSERT_EQ(it.author.size(), 1u);
  EXPECT_EQ(it.author[0].family, "Van Loon");
  EXPECT_EQ(it.author[0].given, "Pieter");
  EXPECT_EQ(it.title, "Muscle recovery");
  EXPECT_EQ(it.publisher_place, "Utrecht");
  EXPECT_EQ(it.publisher, "Spectrum");
}

TEST(ReferenceParserTest, MeetingPlaceInBracketsEndsTheContainer) {
  CslItem it = ParseReference(
      "Rao, S. Fast gait tracking. In Proc. Workshop on Motion Capture "
      "(Toronto, 2005), pp. 7-12.");
  EXPECT_EQ(it.container_title, "In Proc. Workshop on Motion Capture");
  EXPECT_EQ(it.publisher_place, "Toronto");
  EXPECT_EQ(it.issued.year, 2005);
  EXPECT_EQ(it.page, "7-12");
}

// URLs broken by a space where the source had a line break: the pieces
// join when the URL stops open ("www.", "/"), the next piece starts with
// "/", or ends in a file name; a closed URL ("url/ Accessed ...") stays.
TEST(ReferenceParserTest, UrlBrokenAtASpaceIsJoined) {
  EXPECT_EQ(ParseReference("Kerber R. Cost of data breach. Boston Globe, "
                           "2007. http://www. boston.com/business/2007/tjx")
                .url,
            "http://www.boston.com/business/2007/tjx");
  EXPECT_EQ(
      ParseReference("CIA World Factbook. Available at "
                     "https://www.cia.gov/ library/publications/index.html")
          .url,
      "https://www.cia.gov/library/publications/index.html");
  EXPECT_EQ(ParseReference("Levy, Steven. Great Minds. Newsweek 27 May 2002. "
                           "<http://www.msnbc.com /news/754336.asp>.")
                .url,
            "http://www.msnbc.com/news/754336.asp");
  EXPECT_EQ(ParseReference("WHO. Counterfeit drugs kill! Retrieved from "
                           "http://www.who.int/impact/Final Brochure2008.pdf")
                .url,
            "http://www.who.int/impact/FinalBrochure2008.pdf");
  CslItem doi = ParseReference(
      "Weishaar JL, 2003. Evaluation. http://dx.doi.org/10.1021/ es030360x.");
  EXPECT_EQ(doi.url, "http://dx.doi.org/10.1021/es030360x");
  EXPECT_EQ(doi.doi, "10.1021/es030360x");
  EXPECT_EQ(ParseReference("Resilience Alliance (2011) Applying it. "
                           "< http:// www.resalliance.org/ index.php >.")
                .url,
            "http://www.resalliance.org/index.php");
  EXPECT_EQ(ParseReference("Smith J. A page. http://x.org/ 2020.").url,
            "http://x.org/");
  CslItem closed = ParseReference(
      "Smith J. Title of it. Available at http://x.org/ Accessed 3 May 2020.");
  EXPECT_EQ(closed.url, "http://x.org/");
  EXPECT_EQ(closed.accessed.year, 2020);
  EXPECT_EQ(ParseReference("Smith J. A page. Retrieved from www.scopus.com, "
                           "tools/list.")
                .url,
            "www.scopus.com");
}

TEST(CslJsonTest, FieldNamesAndOmission) {
  CslItem it;
  it.type = "article-journal";
  it.author.push_back({"Smith", "J.", ""});
  it.author.push_back({"", "", "World Health Organization"});
  it.et_al = true;
  it.issued.year = 2019;
  it.issued.month = 3;
  it.title = "T";
  it.container_title = "C";
  it.doi = "10.1/x";
  it.pmid = "1";
  nlohmann::json j = nlohmann::json::parse(CslItemToJson(it));
  EXPECT_EQ(j["author"][0]["family"], "Smith");
  EXPECT_EQ(j["author"][1]["literal"], "World Health Organization");
  EXPECT_EQ(j["issued"]["date-parts"][0][0], 2019);
  EXPECT_EQ(j["issued"]["date-parts"][0][1], 3);
  EXPECT_EQ(j["container-title"], "C");
  EXPECT_EQ(j["DOI"], "10.1/x");
  EXPECT_EQ(j["PMID"], "1");
  EXPECT_EQ(j["evq:et-al"], true);
  EXPECT_FALSE(j.contains("volume"));
  EXPECT_FALSE(j.contains("editor"));
  EXPECT_FALSE(j.contains("accessed"));
}

TEST(CslJsonTest, LiteralDate) {
  CslItem it = ParseReference("Smith, J. (n.d.). Something undated.");
  EXPECT_EQ(it.issued.literal, "n.d.");
  nlohmann::json j = nlohmann::json::parse(CslItemToJson(it));
  EXPECT_EQ(j["issued"]["literal"], "n.d.");
}

}  // namespace
}  // namespace evq

namespace evq {
namespace {

TEST(CslItemLabelTest, AuthorsYearTitleContainer) {
  CslItem item;
  item.author = {{"Stecco", "C", ""}, {"Schleip", "R", ""}, {"Macchi", "V", ""}};
  item.issued.year = 2018;
  item.title = "Fascial tissue research";
  item.container_title = "J Sports Sci";
  EXPECT_EQ(CslItemLabel(item), "Stecco C, Schleip R et al. (2018) Fascial tissue research. J Sports Sci");
  CslItem corporate;
  corporate.author = {{"", "", "World Health Organization"}};
  corporate.title = "Guidelines";
  EXPECT_EQ(CslItemLabel(corporate), "World Health Organization Guidelines");
  CslItem unparsed;
  unparsed.raw = "something odd";
  EXPECT_EQ(CslItemLabel(unparsed), "something odd");
}

}  // namespace
}  // namespace evq
