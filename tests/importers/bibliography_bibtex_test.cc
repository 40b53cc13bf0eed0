// Tests of the BibTeX reader: macros and concatenation, LaTeX accents and
// commands, name lists (both orders, corporate names, "and others"),
// entry types, crossref, CSL fields; malformed entries skipped with exact
// diagnostics; format names and detection.
#include <gtest/gtest.h>

#include <string>

#include "bibliography_readers.h"
#include "evq/bibliography.h"

namespace evq {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(EVQ_SOURCE_DIR) + "/corpus/fixtures/bib/" + name;
}

const Work* Find(const Bibliography& bib, const std::string& id) {
  for (const Work& w : bib.works) {
    if (w.item.id == id) return &w;
  }
  return nullptr;
}

TEST(BibliographyBibtexTest, ReferencesFixture) {
  std::string path = Fixture("references.bib");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, BibliographyFormat::kBibtex);
  EXPECT_TRUE(r->diagnostics.empty()) << FormatDiagnostic(r->diagnostics[0]);
  ASSERT_EQ(r->works.size(), 10u);

  const Work* h = Find(*r, "hartvigsen2018");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->source, path);
  EXPECT_EQ(h->line, 10);
  EXPECT_EQ(h->item.type, "article-journal");
  EXPECT_EQ(h->publication_types, std::vector<std::string>{"article"});
  EXPECT_EQ(h->item.container_title, "The Lancet");  // @string with '#'
  EXPECT_EQ(h->item.issued.year, 2018);
  EXPECT_EQ(h->item.issued.month, 6);  // the month macro "jun"
  EXPECT_EQ(h->item.volume, "391");
  EXPECT_EQ(h->item.issue, "10137");
  EXPECT_EQ(h->item.page, "2356-2367");
  EXPECT_EQ(h->item.doi, "10.1016/S0140-6736(18)30480-X");
  EXPECT_EQ(h->item.pmid, "29573870");
  ASSERT_EQ(h->item.author.size(), 3u);
  EXPECT_TRUE(h->item.et_al);  // "and others"
  EXPECT_EQ(h->item.author[1].family, "Hancock");
  EXPECT_EQ(h->item.author[1].given, "Mark J.");

  const Work* f =
      Find(*r, "fernandez2014");  // upper-case type and fields, quotes
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->item.author.size(), 2u);
  EXPECT_EQ(f->item.author[0].family, "Fernández-de-las-Peñas");
  EXPECT_EQ(f->item.author[0].given, "César");
  EXPECT_EQ(f->item.volume, "16");
  EXPECT_EQ(f->item.doi, "10.1007/s11926-013-0395-2");  // URL form cleaned
  EXPECT_EQ(f->item.title,
            "Myofascial trigger points: peripheral or central phenomenon?");

  const Work* t = Find(*r, "travell1999");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->item.type, "book");
  EXPECT_EQ(t->item.title,
            "Travell & Simons' Myofascial Pain and Dysfunction: The Trigger "
            "Point Manual");
  EXPECT_EQ(t->item.publisher, "Williams & Wilkins");
  EXPECT_EQ(t->item.publisher_place, "Baltimore");
  EXPECT_EQ(t->item.edition, "2");
  EXPECT_EQ(t->item.isbn, "978-0-683-08363-7");

  const Work* m = Find(*r, "mueller2010");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->item.type, "chapter");
  ASSERT_EQ(m->item.author.size(), 3u);
  EXPECT_EQ(m->item.author[0].family, "Müller");
  EXPECT_EQ(m->item.author[0].given, "Jörg");
  EXPECT_EQ(m->item.author[1].family, "Straßer");
  EXPECT_EQ(m->item.author[1].given, "François");
  EXPECT_EQ(m->item.author[2].family, "Østergaard");
  EXPECT_EQ(m->item.author[2].given, "Søren");
  ASSERT_EQ(m->item.editor.size(), 2u);
  EXPECT_EQ(m->item.editor[0].family, "van Beethoven");  // "First von Last"
  EXPECT_EQ(m->item.editor[0].given, "Ludwig");
  EXPECT_EQ(m->item.editor[1].family, "García");
  EXPECT_EQ(m->item.editor[1].given, "Ana María");
  EXPECT_EQ(m->item.title, "In vivo fascia — a review");
  EXPECT_EQ(m->item.container_title, "Handbook of Fascia Research");
  EXPECT_EQ(m->item.collection_title, "Pain Science");
  EXPECT_EQ(m->item.page, "10-25");

  const Work* w = Find(*r, "who2019");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->item.type, "report");
  ASSERT_EQ(w->item.author.size(), 1u);
  EXPECT_EQ(w->item.author[0].literal, "World Health Organization");
  EXPECT_EQ(w->item.author[0].family, "");
  EXPECT_EQ(w->item.title,
            "Guidelines on the management of chronic low back pain in adults");
  EXPECT_EQ(w->item.publisher, "WHO");  // institution
  EXPECT_EQ(w->item.url,
            "https://www.who.int/publications/back_pain~guide");  // verbatim

  const Work* l = Find(*r, "langevin2011");  // crossref, pointing forward
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->item.type, "paper-conference");
  EXPECT_EQ(l->item.title, "Fascia mobility in LBP");
  EXPECT_EQ(l->item.container_title,
            "Proceedings of the Third International Fascia Research Congress");
  EXPECT_EQ(l->item.issued.year, 2011);
  EXPECT_EQ(l->item.publisher, "Elsevier");

  const Work* s = Find(*r, "smith2020");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->item.type, "thesis");
  EXPECT_EQ(s->item.author[0].family, "Smith");
  EXPECT_EQ(s->item.author[0].given, "John, Jr");
  EXPECT_EQ(s->item.title, "Spinal manipulation – outcomes");
  EXPECT_EQ(s->item.publisher, "University of Oslo");

  const Work* n = Find(*r, "nhs2023");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->item.type, "webpage");
  EXPECT_EQ(n->item.issued.year, 2023);
  EXPECT_EQ(n->item.issued.month, 1);
  EXPECT_EQ(n->item.issued.day, 15);
  EXPECT_EQ(n->item.accessed.day, 4);

  const Work* p = Find(*r, "paper2021");  // @misc( ... )
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->item.type, "document");
  EXPECT_EQ(p->item.issued.year, 2021);
}

TEST(BibliographyBibtexTest, MalformedEntriesAreSkippedWithExactDiagnostics) {
  std::string path = Fixture("malformed.bib");
  Result<Bibliography> r = ImportBibliography(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 2u);
  EXPECT_EQ(r->works[0].item.id, "good1");
  EXPECT_EQ(r->works[1].item.id, "good2");
  EXPECT_EQ(r->works[1].line, 26);
  EXPECT_EQ(r->works[1].item.container_title, "");  // the undefined macro
  EXPECT_EQ(r->works[1].item.author[1].family, "Krause");
  std::vector<std::string> got;
  for (const Diagnostic& d : r->diagnostics) got.push_back(FormatDiagnostic(d));
  std::vector<std::string> want = {
      path +
          ":9: error: unterminated value of field 'title' in entry 'smith2019'",
      path +
          ":15: error: expected '=' after field 'year' in entry 'noequals2017'",
      path + ":18: error: @article entry has no key",
      path + ":22: error: missing closing brace of entry 'open2015'",
      path +
          ":29: warning: undefined macro 'undefinedmacro' in field 'journal' "
          "of entry 'good2'",
  };
  EXPECT_EQ(got, want);
}

TEST(BibliographyBibtexTest, UnterminatedValueAtEndOfFile) {
  Result<Bibliography> r =
      ParseBibliography("refs.bib",
                        "@article{a, title={A}}\n\n@article{smith2019,\n  "
                        "title = {Never closed,\n",
                        BibliographyFormat::kBibtex);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 1u);
  ASSERT_EQ(r->diagnostics.size(), 1u);
  EXPECT_EQ(FormatDiagnostic(r->diagnostics[0]),
            "refs.bib:4: error: unterminated value of field 'title' in entry "
            "'smith2019'");
}

TEST(BibliographyBibtexTest, BomCrlfAndNoEntry) {
  Result<Bibliography> r =
      ParseBibliography("crlf.bib",
                        "\xEF\xBB\xBF@article{k,\r\n  title = {T\\^{e}te},\r\n "
                        " year = 2001\r\n}\r\n",
                        BibliographyFormat::kAuto);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->works.size(), 1u);
  EXPECT_EQ(r->works[0].item.title, "Tête");
  EXPECT_EQ(r->works[0].item.issued.year, 2001);
  r = ParseBibliography("refs.bib", "% only a comment\n@comment{x}\n",
                        BibliographyFormat::kBibtex);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "refs.bib: no BibTeX entry found");
}

TEST(BibliographyBibtexTest, LatexDecoding) {
  using internal::LatexToUtf8;
  EXPECT_EQ(LatexToUtf8("{\\\"u}ber"), "über");
  EXPECT_EQ(LatexToUtf8("\\'{e}t\\'e"), "été");
  EXPECT_EQ(LatexToUtf8("\\c{c} \\c c"), "ç ç");
  EXPECT_EQ(LatexToUtf8("\\v{S}koda \\H{o} \\k{a} \\r{a} \\u{g}"),
            "Škoda ő ą å ğ");
  EXPECT_EQ(LatexToUtf8("Stra{\\ss}e {\\o}re {\\AE}sir \\l{}\\'{o}d\\'z"),
            "Straße øre Æsir łódź");
  EXPECT_EQ(LatexToUtf8("\\\"{\\i}"), "ï");
  EXPECT_EQ(LatexToUtf8("A \\& B, 50\\%, \\$5, a\\_b"), "A & B, 50%, $5, a_b");
  EXPECT_EQ(LatexToUtf8("1--2 a---b ``q''"), "1–2 a—b “q”");
  EXPECT_EQ(LatexToUtf8("TNF-$\\alpha$ and IL-1$\\beta$"), "TNF-α and IL-1β");
  EXPECT_EQ(LatexToUtf8("\\emph{in vivo} \\textbf{x} \\href{http://a}{link}"),
            "in vivo x link");
  EXPECT_EQ(LatexToUtf8("a~b\n   c"), "a b c");
}

TEST(BibliographyBibtexTest, FormatNamesAndDetection) {
  BibliographyFormat f;
  for (BibliographyFormat each :
       {BibliographyFormat::kAuto, BibliographyFormat::kBibtex,
        BibliographyFormat::kRis, BibliographyFormat::kCslJson,
        BibliographyFormat::kPubmed, BibliographyFormat::kMedline,
        BibliographyFormat::kRetractionWatch}) {
    ASSERT_TRUE(ParseBibliographyFormat(BibliographyFormatName(each), &f));
    EXPECT_EQ(f, each);
  }
  ASSERT_TRUE(ParseBibliographyFormat("bib", &f));
  EXPECT_EQ(f, BibliographyFormat::kBibtex);
  ASSERT_TRUE(ParseBibliographyFormat("NBIB", &f));
  EXPECT_EQ(f, BibliographyFormat::kMedline);
  ASSERT_TRUE(ParseBibliographyFormat("csljson", &f));
  EXPECT_EQ(f, BibliographyFormat::kCslJson);
  EXPECT_FALSE(ParseBibliographyFormat("endnote", &f));

  EXPECT_EQ(DetectBibliographyFormat("a.bib", ""), BibliographyFormat::kBibtex);
  EXPECT_EQ(DetectBibliographyFormat("a.RIS", ""), BibliographyFormat::kRis);
  EXPECT_EQ(DetectBibliographyFormat("a.nbib", ""),
            BibliographyFormat::kMedline);
  EXPECT_EQ(DetectBibliographyFormat("a.medline", ""),
            BibliographyFormat::kMedline);
  EXPECT_EQ(DetectBibliographyFormat("a.txt", "\nPMID- 1\nTI  - x"),
            BibliographyFormat::kMedline);
  EXPECT_EQ(DetectBibliographyFormat("a.txt", "TY  - JOUR\r\n"),
            BibliographyFormat::kRis);
  EXPECT_EQ(DetectBibliographyFormat("a.txt", "Back pain is common."),
            BibliographyFormat::kAuto);
  EXPECT_EQ(DetectBibliographyFormat("a.json",
                                     "[{\"id\": \"x\", \"type\": \"book\"}]"),
            BibliographyFormat::kCslJson);
  EXPECT_EQ(DetectBibliographyFormat("package.json", "{\"name\": \"x\"}"),
            BibliographyFormat::kAuto);
  EXPECT_EQ(
      DetectBibliographyFormat(
          "rw.csv", "Record ID,Title,RetractionNature,OriginalPaperDOI\n"),
      BibliographyFormat::kRetractionWatch);
  EXPECT_EQ(DetectBibliographyFormat("data.csv", "a,b,c\n"),
            BibliographyFormat::kAuto);
  EXPECT_EQ(DetectBibliographyFormat(
                "set.xml.gz", "<?xml version=\"1.0\"?>\n<PubmedArticleSet>"),
            BibliographyFormat::kPubmed);
  EXPECT_EQ(DetectBibliographyFormat("a.xml", "<article>"),
            BibliographyFormat::kAuto);
  EXPECT_EQ(DetectBibliographyFormat("refs", "% JabRef\n@Article{k,"),
            BibliographyFormat::kBibtex);
  EXPECT_EQ(DetectBibliographyFormat("notes.md", "@article{k,"),
            BibliographyFormat::kAuto);
  EXPECT_EQ(DetectBibliographyFormat("mail", "write to me@example.org{x"),
            BibliographyFormat::kAuto);
}

}  // namespace
}  // namespace evq
