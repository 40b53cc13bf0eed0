// Tests of the HTML importer (ImportHtml): blocks, roles, offsets, skipped
// markup, reference lists and markup citations.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "evq/import.h"
#include "html_text.h"

namespace evq {
namespace {

using Lines = std::vector<std::string>;

std::string RoleTag(const Block& b) {
  switch (b.role) {
    case BlockRole::kTitle:
      return "title";
    case BlockRole::kHeading:
      return std::string("h").append(std::to_string(b.level));
    case BlockRole::kParagraph:
      return "p";
    case BlockRole::kListItem:
      return std::string("li").append(std::to_string(b.level));
    case BlockRole::kTableCell:
      return "cell";
    case BlockRole::kCaption:
      return "caption";
    case BlockRole::kReferenceHeading:
      return "refhead";
    case BlockRole::kReferenceEntry:
      return "ref";
    case BlockRole::kBoilerplate:
      return "boilerplate";
  }
  return "?";
}

std::string BlockText(const Document& doc, const Block& b) {
  return doc.text.substr(b.start, b.end - b.start);
}

// "role|text" per block: compact enough to compare whole documents.
std::vector<std::string> Describe(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks)
    out.push_back(RoleTag(b) + "|" + BlockText(doc, b));
  return out;
}

std::string Join(const std::vector<int>& numbers) {
  std::string out;
  for (int n : numbers) {
    if (!out.empty()) out += ',';
    out += std::to_string(n);
  }
  return out;
}

// "role@start-end" per block.
std::vector<std::string> Spans(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) {
    out.push_back(RoleTag(b) + "@" + std::to_string(b.start) + "-" +
                  std::to_string(b.end));
  }
  return out;
}

// "marker->numbers" per markup citation.
std::vector<std::string> Citations(const Document& doc) {
  std::vector<std::string> out;
  for (const MarkupCitation& c : doc.markup_citations) {
    out.push_back(c.marker + "->" + Join(c.reference_numbers));
  }
  return out;
}

bool IsValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// What every imported Document must satisfy, whatever the input.
void ExpectWellFormed(const Document& doc) {
  EXPECT_EQ(doc.format, "html");
  EXPECT_TRUE(IsValidUtf8(doc.text));
  size_t previous_end = 0;
  int titles = 0;
  for (const Block& b : doc.blocks) {
    ASSERT_LE(previous_end, b.start);
    ASSERT_LT(b.start, b.end);
    ASSERT_LE(b.end, doc.text.size());
    std::string t = BlockText(doc, b);
    EXPECT_EQ(t.find('\n'), std::string::npos) << t;
    EXPECT_NE(t.front(), ' ') << t;
    EXPECT_NE(t.back(), ' ') << t;
    EXPECT_EQ(t.find("  "), std::string::npos) << t;
    if (b.role == BlockRole::kTitle) ++titles;
    previous_end = b.end;
  }
  EXPECT_LE(titles, 1);
  size_t previous_start = 0;
  for (const MarkupCitation& c : doc.markup_citations) {
    EXPECT_LE(previous_start, c.start);
    previous_start = c.start;
    ASSERT_LT(c.start, c.end);
    ASSERT_LE(c.end, doc.text.size());
    EXPECT_EQ(doc.text.substr(c.start, c.end - c.start), c.marker);
    bool inside = false;
    for (const Block& b : doc.blocks)
      inside |= b.start <= c.start && c.end <= b.end;
    EXPECT_TRUE(inside) << c.marker;
  }
}

Document Import(std::string_view html) {
  Document doc = ImportHtml("test.html", html);
  ExpectWellFormed(doc);
  return doc;
}

TEST(HtmlImporterTest, SmallPageHasExactBlocksAndOffsets) {
  Document doc = Import(
      "<!doctype html><html><head><title>Fascia and Back Pain</title></head>"
      "<body><h1>Fascia and Back Pain</h1>\n"
      "<p>Fascia   is\n  connective <em>tissue</em>.</p>"
      "<h2>Causes</h2><p>Sitting a lot.</p></body></html>");
  EXPECT_EQ(doc.source, "test.html");
  EXPECT_EQ(doc.format, "html");
  EXPECT_EQ(doc.title, "Fascia and Back Pain");
  EXPECT_EQ(doc.text,
            "Fascia and Back Pain\nFascia is connective "
            "tissue.\nCauses\nSitting a lot.\n");
  EXPECT_EQ(Spans(doc),
            Lines({"title@0-20", "p@21-49", "h2@50-56", "p@57-71"}));
  EXPECT_FALSE(doc.has_reference_list);
  EXPECT_TRUE(doc.markup_citations.empty());
  EXPECT_TRUE(doc.diagnostics.empty());
}

TEST(HtmlImporterTest, TitleDifferentFromH1KeepsBoth) {
  Document doc = Import(
      "<title>Neck Pain | Example Clinic</title><h1>Neck "
      "Pain</h1><p>Text.</p>");
  EXPECT_EQ(doc.title, "Neck Pain | Example Clinic");
  EXPECT_EQ(Describe(doc), Lines({"title|Neck Pain | Example Clinic",
                                  "h1|Neck Pain", "p|Text."}));
}

TEST(HtmlImporterTest, FirstH1IsTheTitleWhenThereIsNoTitleElement) {
  Document doc = Import(
      "<body><p>Site banner</p><h1> Sciatica <small>explained</small></h1>"
      "<p>Body.</p><h1>Second</h1></body>");
  EXPECT_EQ(doc.title, "Sciatica explained");
  EXPECT_EQ(Describe(doc), Lines({"title|Sciatica explained", "p|Site banner",
                                  "p|Body.", "h1|Second"}));
}

TEST(HtmlImporterTest, PageWithoutBodyStillHasItsTitle) {
  Document doc = Import(
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
      "<title>Back Pain Basics</title><meta name=\"description\" "
      "content=\"Heat helps.\">"
      "</head></html>");
  EXPECT_EQ(doc.title, "Back Pain Basics");
  EXPECT_EQ(Describe(doc), Lines({"title|Back Pain Basics"}));
  EXPECT_EQ(doc.text, "Back Pain Basics\n");
}

TEST(HtmlImporterTest, EmptyAndTextlessInputsGiveEmptyDocuments) {
  for (std::string_view html :
       {"", "   \n", "<html></html>", "<!-- only a comment -->",
        "<img src=x><hr><br>"}) {
    Document doc = Import(html);
    EXPECT_TRUE(doc.blocks.empty()) << html;
    EXPECT_EQ(doc.text, "") << html;
    EXPECT_EQ(doc.title, "") << html;
  }
}

TEST(HtmlImporterTest, SkipsNonArticleElements) {
  Document doc = Import(
      "<html><head><title>T</title><style>p { color: red } SECRET0</style>"
      "<script>var SECRET1 = 1;</script></head><body>"
      "<header><p>SECRET2 site header</p></header>"
      "<nav><ul><li>SECRET3</li></ul></nav>"
      "<p>Keep one.<script>document.write('SECRET4')</script></p>"
      "<noscript>SECRET5</noscript><template><p>SECRET6</p></template>"
      "<aside>SECRET7</aside><form><p>SECRET8</p><input value=SECRET9></form>"
      "<button>SECRET10</button><select><option>SECRET11</option></select>"
      "<svg><title>SECRET12</title><text>SECRET13</text></svg>"
      "<iframe>SECRET14</iframe>"
      "<!-- SECRET15 -->"
      "<p hidden>SECRET16</p><div aria-hidden=\"true\">SECRET17</div>"
      "<div aria-hidden=\"false\">Keep two.</div>"
      "<p style=\"display: none\">SECRET18</p>"
      "<p>Keep <span class=\"sr-only\">SECRET19</span>three.</p>"
      "<div>Four<aside>SECRET21</aside>five<b hidden>SECRET22</b>six</div>"
      "<footer><p>SECRET20 copyright</p></footer>"
      "</body></html>");
  EXPECT_EQ(doc.text.find("SECRET"), std::string::npos) << doc.text;
  EXPECT_EQ(Describe(doc), Lines({"title|T", "p|Keep one.", "p|Keep two.",
                                  "p|Keep three.", "p|Four", "p|fivesix"}));
}

TEST(HtmlImporterTest, ArticleHeaderIsKeptButPageHeaderIsNot) {
  // A page <header> is site chrome; an <article>'s header holds its title.
  Document doc = Import(
      "<body><header><h1>Clinic Name</h1></header><main><article>"
      "<header><h1>Whiplash Recovery</h1><p>By A. Writer</p></header>"
      "<p>Most people recover.</p></article></main></body>");
  EXPECT_EQ(doc.title, "Whiplash Recovery");
  EXPECT_EQ(Describe(doc), Lines({"title|Whiplash Recovery", "p|By A. Writer",
                                  "p|Most people recover."}));
}

TEST(HtmlImporterTest, ScriptTextNeverReachesDocumentText) {
  Document doc = Import(
      "<title>Back Pain &lt;script&gt; Myths</title>"
      "<p>Manipulation relieves lumbago <script>alert(1)</script>for some "
      "(2).</p>"
      "<p>Escaped &lt;script&gt;alert(3)&lt;/script&gt; stays.</p>");
  EXPECT_EQ(doc.title, "Back Pain <script> Myths");
  EXPECT_EQ(doc.text.find("alert(1)"), std::string::npos);
  EXPECT_EQ(Describe(doc),
            Lines({"title|Back Pain <script> Myths",
                   "p|Manipulation relieves lumbago for some (2).",
                   "p|Escaped <script>alert(3)</script> stays."}));
}

TEST(HtmlImporterTest, DecodesEntities) {
  Document doc = Import(
      "<p>Tom &amp; Jerry&#8217;s&nbsp;&nbsp;back &lt;3 &eacute;t&eacute; "
      "&#x2014; "
      "caf&#233;&shy;s</p>");
  EXPECT_EQ(Describe(doc),
            Lines({"p|Tom & Jerry\u2019s back <3 \u00e9t\u00e9 \u2014 "
                   "caf\u00e9s"}));
}

TEST(HtmlImporterTest, NestedListsHaveDepthAndLeadIn) {
  Document doc = Import(
      "<p>When it becomes restricted, it can:</p>"
      "<ul><li>Pull on the spine</li>"
      "<li>Cause pain:<ol><li>in the <b>low</b> back</li><li>down the "
      "legs</li></ol></li>"
      "<li><p>Limit movement</p></li></ul>"
      "<p>After.</p><ul><li>No lead-in</li></ul>");
  EXPECT_EQ(
      Describe(doc),
      Lines({"p|When it becomes restricted, it can:", "li1|Pull on the spine",
             "li1|Cause pain:", "li2|in the low back", "li2|down the legs",
             "li1|Limit movement", "p|After.", "li1|No lead-in"}));
  EXPECT_EQ(doc.blocks[1].lead_in, "When it becomes restricted, it can:");
  EXPECT_EQ(doc.blocks[3].lead_in, "Cause pain:");
  EXPECT_EQ(doc.blocks[5].lead_in, "When it becomes restricted, it can:");
  EXPECT_EQ(doc.blocks[7].lead_in, "");
  EXPECT_EQ(doc.blocks[0].lead_in, "");
}

TEST(HtmlImporterTest, BreaksAndDivsWithDirectText) {
  Document doc = Import(
      "<p>Line one<br>line two<br/>\n<br>Next paragraph<br><br><br>Third</p>"
      "<div>Loose text <div>inner block</div> tail <span>text</span></div>"
      "<div><div><p>Only blocks</p></div></div>"
      "<blockquote>Quoted.</blockquote><dl><dt>Term</dt><dd>Definition.</dd></"
      "dl>");
  EXPECT_EQ(Describe(doc),
            Lines({"p|Line one line two", "p|Next paragraph", "p|Third",
                   "p|Loose text", "p|inner block", "p|tail text",
                   "p|Only blocks", "p|Quoted.", "p|Term", "p|Definition."}));
}

TEST(HtmlImporterTest, TablesAndCaptions) {
  Document doc = Import(
      "<table><caption>Table 1. "
      "Trials</caption><thead><tr><th>Therapy</th><th>Effect</th>"
      "</tr></thead><tr><td>Massage</td><td><p>Small</p></td></tr></table>"
      "<figure><img src=a.png alt=\"ignored alt\"><figcaption>Figure 1: The "
      "fascia."
      "</figcaption></figure>");
  EXPECT_EQ(Describe(doc), Lines({"caption|Table 1. Trials", "cell|Therapy",
                                  "cell|Effect", "cell|Massage", "cell|Small",
                                  "caption|Figure 1: The fascia."}));
}

TEST(HtmlImporterTest, ReferenceListUnderHeadingWithSupMarkers) {
  Document doc = Import(
      "<h1>Fascia</h1>"
      "<p>Fascia can refer pain<sup>1</sup>. Rolling helps<sup>2,3</sup> and "
      "stretching too<sup>[3-5]</sup>.</p>"
      "<h2>References:</h2>"
      "<ol><li>Ref one.</li><li>Ref two.</li><li>Ref three<sup>4</sup>.</li>"
      "<li>Ref four.</li><li>Ref five.</li></ol>"
      "<h3>Further notes</h3><p>Still in the list.</p>"
      "<h2>About the author</h2><p>Jane writes.</p>");
  EXPECT_TRUE(doc.has_reference_list);
  EXPECT_EQ(Describe(doc),
            Lines({"title|Fascia",
                   "p|Fascia can refer pain1. Rolling helps2,3 and stretching "
                   "too[3-5].",
                   "refhead|References:", "ref|Ref one.", "ref|Ref two.",
                   "ref|Ref three4.", "ref|Ref four.", "ref|Ref five.",
                   "h3|Further notes", "ref|Still in the list.",
                   "h2|About the author", "p|Jane writes."}));
  EXPECT_EQ(doc.blocks[2].level, 2);
  EXPECT_EQ(Citations(doc), Lines({"1->1", "2,3->2,3", "[3-5]->3,4,5"}));
  // The span of "1" in "pain1.".
  const MarkupCitation& first = doc.markup_citations[0];
  EXPECT_EQ(first.start, doc.text.find("pain1.") + 4);
  EXPECT_EQ(first.end, first.start + 1);
}

TEST(HtmlImporterTest, SupAnchorsResolveByTargetId) {
  // Wikipedia-style markup whose ids do not carry the numbers.
  Document doc = Import(
      "<p>Massage helps.<sup id=\"cite_ref-a\"><a "
      "href=\"#note-jones\">[1]</a></sup> "
      "Heat helps.<sup><a href=\"#note-smith\">2</a>&ndash;<a "
      "href=\"#note-lee\">4</a></sup>"
      " Ice too.<sup><a href=\"#missing\">[9]</a></sup></p>"
      "<div class=\"reflist\"><ol class=\"references\">"
      "<li id=\"note-x\"><a href=\"#cite_ref-x\">^</a> Unused 2001.</li>"
      "<li id=\"note-jones\"><a href=\"#cite_ref-a\">^</a> Jones 2019.</li>"
      "<li id=\"note-smith\">Smith 2018.</li><li id=\"note-mid\">Mid.</li>"
      "<li><span id=\"note-lee\">Lee 2020.</span></li></ol></div>");
  EXPECT_TRUE(doc.has_reference_list);
  EXPECT_EQ(Describe(doc),
            Lines({"p|Massage helps.[1] Heat helps.2\u20134 Ice too.[9]",
                   "ref|^ Unused 2001.", "ref|^ Jones 2019.", "ref|Smith 2018.",
                   "ref|Mid.", "ref|Lee 2020."}));
  EXPECT_EQ(Citations(doc), Lines({"[1]->2", "2\u20134->3,4,5", "[9]->9"}));
}

TEST(HtmlImporterTest, AnchorMarkersOutsideSup) {
  Document doc = Import(
      "<p>Rolling reduces soreness <a href=\"#ref2\">[2]</a>, as <a "
      "href=\"#ref1\">Smith "
      "(2015)</a> found. See <a href=\"#fig2\">2</a> and <a "
      "href=\"#top\">top</a>; "
      "an unresolved <a href=\"#nowhere\">[4]</a>; elsewhere "
      "<a href=\"https://example.com/#ref1\">link</a>.</p>"
      "<figure id=\"fig2\"><figcaption>Figure 2</figcaption></figure>"
      "<h2>Sources</h2><ul><li id=\"ref1\">Smith 2015.</li><li "
      "id=\"ref2\">Cheng 2016.</li>"
      "</ul>");
  EXPECT_EQ(Citations(doc),
            Lines({"[2]->2", "Smith (2015)->1", "[4]->4", "link->1"}));
}

TEST(HtmlImporterTest, PandocFootnotesAreOneMarkerEach) {
  // <a><sup>1</sup></a>: one citation, resolved through the anchor.
  Document doc = Import(
      "<p>Heat eases pain.<a href=\"#fn2\" class=\"footnote-ref\" "
      "id=\"fnref1\">"
      "<sup>1</sup></a></p>"
      "<section class=\"footnotes\" role=\"doc-endnotes\"><hr><ol>"
      "<li id=\"fn1\"><p>First note.</p></li>"
      "<li id=\"fn2\"><p>Smith J.</p><p>doi:10.1/x <a "
      "href=\"#fnref1\">\u21a9</a></p></li>"
      "</ol></section>");
  EXPECT_EQ(Describe(doc), Lines({"p|Heat eases pain.1", "ref|First note.",
                                  "ref|Smith J. doi:10.1/x \u21a9"}));
  EXPECT_EQ(Citations(doc), Lines({"1->2"}));
}

TEST(HtmlImporterTest, ExponentsAndOrdinalsAreNotCitations) {
  Document doc = Import(
      "<p>About 10<sup>6</sup> cells; a BMI over 30 kg/m<sup>2</sup>; the "
      "1<sup>st</sup> "
      "visit; swim<sup>2</sup>; year<sup>2019</sup>; pain <sup>(1)</sup>.</p>");
  EXPECT_EQ(Citations(doc), Lines({"2->2", "(1)->1"}));
  EXPECT_FALSE(doc.has_reference_list);
}

TEST(HtmlImporterTest, ReferenceContainerWithoutHeading) {
  Document doc = Import(
      "<p>Claim<sup>1</sup>.</p><section id=\"bibliography\"><p>Alpha 2001.</p>"
      "<p>Beta 2002.</p></section><p>After the section.</p>");
  EXPECT_TRUE(doc.has_reference_list);
  EXPECT_EQ(Describe(doc), Lines({"p|Claim1.", "ref|Alpha 2001.",
                                  "ref|Beta 2002.", "p|After the section."}));
}

TEST(HtmlImporterTest, EmptyReferenceListStillCounts) {
  Document doc = Import("<p>Claim.</p><ol class=\"references\"></ol>");
  EXPECT_TRUE(doc.has_reference_list);
  EXPECT_EQ(Describe(doc), Lines({"p|Claim."}));
}

TEST(HtmlImporterTest, BoldParagraphCanIntroduceReferences) {
  Document doc = Import(
      "<p>Claim [1].</p><p><strong>Sources:</strong></p><p>1. Smith J. "
      "2019.</p>"
      "<p>2. Lee K. 2020.</p><h2>Comments</h2><p>Great post!</p>");
  EXPECT_TRUE(doc.has_reference_list);
  EXPECT_EQ(Describe(doc),
            Lines({"p|Claim [1].", "refhead|Sources:", "ref|1. Smith J. 2019.",
                   "ref|2. Lee K. 2020.", "h2|Comments", "p|Great post!"}));
}

TEST(HtmlImporterTest, ReferenceSectionEndsWithItsSection) {
  Document doc = Import(
      "<section><h2>Bibliography</h2><ul><li>One.</li></ul></section>"
      "<section><p>Share this article.</p></section>");
  EXPECT_EQ(Describe(doc), Lines({"refhead|Bibliography", "ref|One.",
                                  "p|Share this article."}));
}

TEST(HtmlImporterTest, SubheadingsInsideTheReferenceListKeepItOpen) {
  Document doc = Import(
      "<h2>References</h2><h3>Notes</h3><ol><li>N1.</li></ol><h3>Books</"
      "h3><ol><li>B1.</li>"
      "</ol><section><div><h2>Works "
      "cited</h2></div><p>W1.</p></section><p>Share.</p>"
      "<h2>Next</h2><ul><li>Item</li></ul>");
  EXPECT_EQ(Describe(doc),
            Lines({"refhead|References", "refhead|Notes", "ref|N1.", "h3|Books",
                   "ref|B1.", "refhead|Works cited", "ref|W1.", "p|Share.",
                   "h2|Next", "li1|Item"}));
}

TEST(HtmlImporterTest, EvqIgnoreCommentMarksTheNextBlock) {
  Document doc = Import(
      "<p>First.</p><!-- evq-ignore --><p>Ignored.</p><p>Third.</p>"
      "<p>Fourth <!-- evq-ignore: next one --> still fourth.</p><p>Fifth.</p>");
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_FALSE(doc.blocks[0].ignored);
  EXPECT_TRUE(doc.blocks[1].ignored);
  EXPECT_FALSE(doc.blocks[2].ignored);
  EXPECT_FALSE(doc.blocks[3].ignored);
  EXPECT_EQ(BlockText(doc, doc.blocks[3]), "Fourth still fourth.");
  EXPECT_TRUE(doc.blocks[4].ignored);
}

TEST(HtmlImporterTest, DeepNestingIsCutWithADiagnostic) {
  std::string html = "<p>Shallow text.</p>";
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 5000; ++i) html += "</div>";
  html += "<p>After.</p>";
  Document doc = Import(html);
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_EQ(doc.diagnostics[0].file, "test.html");
  EXPECT_NE(doc.diagnostics[0].message.find("nested"), std::string::npos);
  EXPECT_EQ(Describe(doc), Lines({"p|Shallow text.", "p|After."}));
}

TEST(HtmlImporterTest, PathologicalNestingIsCutBeforeParsing) {
  // gumbo needs most of a minute for this; the importer cuts it first.
  std::string html = "<title>Deep</title><p>Shallow text.</p>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep text";
  Document doc = Import(html);
  ASSERT_FALSE(doc.diagnostics.empty());
  EXPECT_NE(doc.diagnostics[0].message.find("rest of the file"),
            std::string::npos);
  EXPECT_EQ(doc.diagnostics[0].offset, html.find("<div>") + 5000 * 5);
  EXPECT_EQ(doc.diagnostics[0].line, 1);
  EXPECT_EQ(Describe(doc), Lines({"title|Deep", "p|Shallow text."}));
}

TEST(HtmlImporterTest, DeepInlineNestingDoesNotCrash) {
  std::string html = "<p>";
  for (int i = 0; i < 20000; ++i) html += "<span><b><sup><a href=\"#x\">";
  html += "1";
  Document doc = Import(html);
  EXPECT_FALSE(doc.diagnostics.empty());
}

TEST(HtmlImporterTest, MalformedHtmlNeverCrashes) {
  static constexpr char kNulAndInvalidUtf8[] =
      "nul\0byte <p>text\xff\xfe invalid utf8 \xe2\x80";
  const std::vector<std::string> inputs = {
      "<p>unclosed <b>bold <i>italic</p> after</b> text",
      "<<<>>><p <p>>>",
      "<table><p>misnested</td></tr><li>item</table>",
      "<sup><sup><a href=#>[1]</sup></a>",
      "<a href=\"#%zz%\">[1]</a><a href=\"#\">2</a><a href>3</a>",
      std::string(kNulAndInvalidUtf8, sizeof(kNulAndInvalidUtf8) - 1),
      "<li>orphan item<li>another",
      "<h2>References</h2><h2>References</h2><li>x",
      "<!-- evq-ignore",
      "<title>a</title><title>b</title><h1></h1><h1>  </h1>",
      "<sup>1-</sup><sup>-1</sup><sup>5-2</sup><sup>1--2</sup><sup>0</"
      "sup><sup>1000</sup>",
  };
  for (const std::string& html : inputs) {
    Document doc = Import(html);
    EXPECT_EQ(doc.source, "test.html");
  }
}

TEST(HtmlImporterTest, RealisticArticle) {
  Document doc = Import(R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Myofascial Release for Back Pain | Wellness Hub</title>
<script type="application/ld+json">{"headline": "Myofascial release cures back pain"}</script>
</head><body>
<div class="cookie-banner" hidden>We use cookies.</div>
<header class="site"><a href="/">Wellness Hub</a><nav><a href="/a">Articles</a></nav></header>
<main><article>
<h1>Myofascial Release for Back Pain</h1>
<p class="meta">Medically reviewed by Dr.&nbsp;A. Reviewer &middot; Updated May 2024</p>
<p>Fascia is a web of connective tissue that surrounds every muscle.<sup><a href="#r1">1</a></sup>
When it becomes restricted, it can pull on the spine.</p>
<h2>Back Pain &amp; Fascia</h2>
<p>Tight thoracolumbar fascia can pull on the spine, compress discs, and refer pain
down the legs.<sup><a href="#r2">2</a>,<a href="#r3">3</a></sup></p>
<p>Studies show myofascial release is clinically supported.</p>
<h3>What to expect</h3>
<ul>
<li>Gentle, sustained pressure</li>
<li>Results in 3&ndash;6 sessions <a href="#r3">[3]</a></li>
</ul>
<aside class="callout"><p>Book a session today!</p></aside>
<h2 id="refs">References</h2>
<ol>
<li id="r1">Schleip R. Fascial plasticity. J Bodyw Mov Ther. 2003;7(1):11-19.</li>
<li id="r2">Wilke J, et al. The lumbodorsal fascia. Biomed Res Int. 2017.</li>
<li id="r3">Ajimsha MS, et al. Effectiveness of myofascial release. J Bodyw Mov Ther. 2015.</li>
</ol>
</article></main>
<footer><p>&copy; 2024 Wellness Hub</p></footer>
</body></html>)");
  EXPECT_EQ(doc.title, "Myofascial Release for Back Pain | Wellness Hub");
  EXPECT_TRUE(doc.has_reference_list);
  EXPECT_EQ(
      Describe(doc),
      Lines(
          {"title|Myofascial Release for Back Pain | Wellness Hub",
           "h1|Myofascial Release for Back Pain",
           "p|Medically reviewed by Dr. A. Reviewer \u00b7 Updated May 2024",
           "p|Fascia is a web of connective tissue that surrounds every "
           "muscle.1 When it "
           "becomes restricted, it can pull on the spine.",
           "h2|Back Pain & Fascia",
           "p|Tight thoracolumbar fascia can pull on the spine, compress "
           "discs, "
           "and refer "
           "pain down the legs.2,3",
           "p|Studies show myofascial release is clinically supported.",
           "h3|What to expect", "li1|Gentle, sustained pressure",
           "li1|Results in 3\u20136 sessions [3]", "refhead|References",
           "ref|Schleip R. Fascial plasticity. J Bodyw Mov Ther. "
           "2003;7(1):11-19.",
           "ref|Wilke J, et al. The lumbodorsal fascia. Biomed Res Int. 2017.",
           "ref|Ajimsha MS, et al. Effectiveness of myofascial release. J "
           "Bodyw "
           "Mov Ther. "
           "2015."}));
  EXPECT_EQ(Citations(doc), Lines({"1->1", "2,3->2,3", "[3]->3"}));
  EXPECT_EQ(doc.text.find("cookies"), std::string::npos);
  EXPECT_EQ(doc.text.find("Book a session"), std::string::npos);
}

TEST(HtmlImporterTest, CorpusPagesImportCleanly) {
  namespace fs = std::filesystem;
  int pages = 0;
  for (const char* dir : {"/corpus/sample", "/corpus/fixtures"}) {
    fs::path path = fs::path(EVQ_SOURCE_DIR) / fs::path(dir).relative_path();
    std::error_code ec;
    if (!fs::is_directory(path, ec)) continue;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
      if (entry.path().extension() != ".html") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      SCOPED_TRACE(entry.path().string());
      Document doc = ImportHtml(entry.path().string(), bytes.str());
      ExpectWellFormed(doc);
      EXPECT_FALSE(doc.title.empty());
      EXPECT_EQ(doc.text.find("dataLayer"), std::string::npos);
      ++pages;
    }
  }
  if (pages == 0) GTEST_SKIP() << "no HTML pages in corpus/";
}

}  // namespace
}  // namespace evq
