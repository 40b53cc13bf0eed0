// The trained reference tagger: the shipped model loads, tags
// deterministically, and common citation styles parse to the right fields.
#include "cite/reference_model.h"

#include <cinttypes>
#include <cstdio>
#include <string>
#include <vector>

#include "cite/reference_features.h"
#include "cite/reference_fields.h"
#include "cite/reference_tokens.h"
#include "evq/csl.h"
#include "gtest/gtest.h"

namespace evq {
namespace {

using cite::RefTagger;

TEST(ReferenceModelTest, ShippedModelLoads) {
  const RefTagger& tagger = RefTagger::Builtin();
  ASSERT_FALSE(tagger.empty());
  EXPECT_GT(tagger.num_features(), 10000u);
}

TEST(ReferenceModelTest, TagsDeterministically) {
  std::string s = "Smith J, Jones AB. Title of it. BMJ. 2019;364:l1234.";
  std::vector<cite::RefToken> tokens = cite::TokenizeReference(s);
  cite::TokenFeatures f;
  cite::ExtractFeatures(tokens, &f);
  std::vector<int> a, b;
  RefTagger::Builtin().Tag(f, &a);
  RefTagger::Builtin().Tag(f, &b);
  EXPECT_EQ(a, b);
  ASSERT_EQ(a.size(), tokens.size());
}

TEST(ReferenceModelTest, RejectsMalformedModel) {
  RefTagger t;
  std::string error;
  EXPECT_FALSE(t.Load("not a model\n", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_TRUE(t.empty());
}

// A model with zero transitions and no token features, plus `extra` lines:
// every label ties, so Viterbi keeps label 0 (note) unless a line says
// otherwise.
std::string TinyModel(const std::string& extra) {
  std::string m = "evq-reference-tagger 1\nlabels";
  for (std::string_view n : cite::kRefLabelNames) m += " " + std::string(n);
  m += "\nscale 1\n";
  for (int r = 0; r <= cite::kNumRefLabels; ++r)
    m += "T" + std::to_string(r) + "\t\n";
  return m + extra;
}

// The first boundary feature of token 1 of `s`, as a model line's key.
std::string FirstBoundaryKey(const std::string& s) {
  cite::TokenFeatures f;
  cite::ExtractFeatures(cite::TokenizeReference(s), &f);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64, f.edges.at(0));
  return hex;
}

std::vector<int> TagWith(const RefTagger& tagger, const std::string& s) {
  cite::TokenFeatures f;
  cite::ExtractFeatures(cite::TokenizeReference(s), &f);
  std::vector<int> labels;
  tagger.Tag(f, &labels);
  return labels;
}

TEST(ReferenceModelTest, BoundaryWeightsApplyToTheirLabelPair) {
  const std::string s = "Smith. Title";
  RefTagger plain;
  std::string error;
  ASSERT_TRUE(plain.Load(TinyModel(""), &error)) << error;
  EXPECT_EQ(TagWith(plain, s), (std::vector<int>{0, 0}));
  // note -> title at the boundary before "Title": index note * L + title.
  RefTagger boundary;
  ASSERT_TRUE(boundary.Load(
      TinyModel("+" + FirstBoundaryKey(s) + "\t" +
                std::to_string(cite::kLabelNote * cite::kNumRefLabels +
                               cite::kLabelTitle) +
                ":100\n"),
      &error))
      << error;
  EXPECT_EQ(TagWith(boundary, s),
            (std::vector<int>{cite::kLabelNote, cite::kLabelTitle}));
}

TEST(ReferenceModelTest, OnlyDoiLikeTokensAreLabelledDoi) {
  // The same pull towards "doi" at the second token: a plain word refuses
  // it, a token shaped like a DOI takes it.
  auto model = [](const std::string& s) {
    return TinyModel("+" + FirstBoundaryKey(s) + "\t" +
                     std::to_string(cite::kLabelNote * cite::kNumRefLabels +
                                    cite::kLabelDoi) +
                     ":100\n");
  };
  std::string error;
  RefTagger word;
  ASSERT_TRUE(word.Load(model("Smith. Title"), &error)) << error;
  EXPECT_EQ(TagWith(word, "Smith. Title")[1], cite::kLabelNote);
  RefTagger doi;
  ASSERT_TRUE(doi.Load(model("Smith. 10.1000/xyz"), &error)) << error;
  EXPECT_EQ(TagWith(doi, "Smith. 10.1000/xyz")[1], cite::kLabelDoi);
}

TEST(ReferenceModelTest, ViterbiAddsEveryBoundaryRowOfAToken) {
  // Two tokens, no emissions or transitions: token 0 ties everywhere and
  // stays note, so token 1's label is decided by its boundary rows from
  // note. Row a alone picks title, row b alone leaves note; their sum
  // (title 1, author 2) picks author. The null row is skipped.
  constexpr int L = cite::kNumRefLabels;
  constexpr int E = cite::TokenFeatures::kEdgeFeatures;
  const std::vector<float> emit(2 * L, 0.0f), trans((L + 1) * L, 0.0f);
  std::vector<float> a(L * cite::kEdgeStride, 0.0f), b = a;
  a[cite::kLabelNote * cite::kEdgeStride + cite::kLabelTitle] = 3;
  a[cite::kLabelNote * cite::kEdgeStride + cite::kLabelAuthor] = 2;
  b[cite::kLabelNote * cite::kEdgeStride + cite::kLabelTitle] = -2;
  auto decode = [&](const float* r0, const float* r1) {
    std::vector<const float*> rows(2 * E, nullptr);
    rows[E + 0] = r0;
    rows[E + 2] = r1;
    std::vector<int> out;
    cite::ViterbiDecode(emit.data(), 2, trans.data(), rows.data(), &out);
    return out;
  };
  EXPECT_EQ(decode(a.data(), nullptr),
            (std::vector<int>{cite::kLabelNote, cite::kLabelTitle}));
  EXPECT_EQ(decode(nullptr, b.data()),
            (std::vector<int>{cite::kLabelNote, cite::kLabelNote}));
  EXPECT_EQ(decode(a.data(), b.data()),
            (std::vector<int>{cite::kLabelNote, cite::kLabelAuthor}));
}

TEST(ReferenceModelTest, RejectsMalformedBoundaryLine) {
  std::string error;
  RefTagger out_of_range;  // 19 * 19 label pairs: 361 is past the end
  EXPECT_FALSE(
      out_of_range.Load(TinyModel("+00000000000000ab\t361:5\n"), &error));
  EXPECT_EQ(error, "bad boundary line");
  RefTagger no_key;
  error.clear();
  EXPECT_FALSE(no_key.Load(TinyModel("+\t1:5\n"), &error));
  EXPECT_EQ(error, "bad boundary line");
}

// FieldsFromLabels on labels given by hand: what the normalisers make of a
// labelled span, whatever the tagger would have said.
CslItem FieldsOf(const std::string& s, const std::vector<int>& labels) {
  std::vector<cite::RefToken> tokens = cite::TokenizeReference(s);
  EXPECT_EQ(tokens.size(), labels.size());
  CslItem item;
  cite::FieldsFromLabels(s, tokens, labels, &item);
  return item;
}

TEST(ReferenceFieldsTest, FurtherNumbersInAVolumeSpanAreItsIssue) {
  using namespace cite;  // the label names
  CslItem it = FieldsOf(
      "Operations Research 36, 3 (1988).",
      {kLabelJournal, kLabelJournal, kLabelVolume, kLabelVolume, kLabelDate});
  EXPECT_EQ(it.container_title, "Operations Research");
  EXPECT_EQ(it.volume, "36");
  EXPECT_EQ(it.issue, "3");
  it = FieldsOf("Phys. Rev. 40.1 (2001).",
                {kLabelJournal, kLabelJournal, kLabelVolume, kLabelDate});
  EXPECT_EQ(it.volume, "40");
  EXPECT_EQ(it.issue, "1");
}

TEST(ReferenceFieldsTest, LoneInBeforeEditorsIsNotTheContainer) {
  using namespace cite;
  CslItem it =
      FieldsOf("In J. Smith (Ed.), Handbook of pain.",
               {kLabelContainer, kLabelEditor, kLabelEditor, kLabelEditor,
                kLabelContainer, kLabelContainer, kLabelContainer});
  EXPECT_EQ(it.container_title, "Handbook of pain");
  ASSERT_EQ(it.editor.size(), 1u);
  EXPECT_EQ(it.editor[0].family, "Smith");
}

TEST(ReferenceTokensTest, SplitsPackedVancouverNumbers) {
  std::vector<cite::RefToken> t =
      cite::TokenizeReference("BMJ. 2001;83(3):45-67. https://x.org/a;b:1");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[1].text, "2001;");
  EXPECT_EQ(t[2].text, "83(3):");
  EXPECT_EQ(t[3].text, "45-67.");
  EXPECT_EQ(t[4].text, "https://x.org/a;b:1");  // URLs stay whole
  EXPECT_EQ(t[2].begin, 10u);
}

TEST(ReferenceModelTest, VancouverWithEtAlAndDoi) {
  CslItem it = ParseReference(
      "Smith J, Jones AB, Brown C, et al. Effect of exercise on knee pain: a "
      "randomised trial. BMJ. 2019;364:l1234. doi:10.1136/bmj.l1234");
  ASSERT_EQ(it.author.size(), 3u);
  EXPECT_EQ(it.author[1].family, "Jones");
  EXPECT_TRUE(it.et_al);
  EXPECT_EQ(it.issued.year, 2019);
  EXPECT_EQ(it.title, "Effect of exercise on knee pain: a randomised trial");
  EXPECT_EQ(it.container_title, "BMJ");
  EXPECT_EQ(it.volume, "364");
  EXPECT_EQ(it.page, "l1234");
  EXPECT_EQ(it.doi, "10.1136/bmj.l1234");
  EXPECT_EQ(it.type, "article-journal");
}

TEST(ReferenceModelTest, ApaNonAsciiNamesAndNoDate) {
  CslItem it = ParseReference(
      "Müller, K., & Øster, L. (n.d.). Über die Behandlung der "
      "Rückenschmerzen. Zeitschrift für Physiotherapie, 12(3), 45–67.");
  ASSERT_EQ(it.author.size(), 2u);
  EXPECT_EQ(it.author[0].family, "Müller");
  EXPECT_EQ(it.author[1].family, "Øster");
  EXPECT_EQ(it.issued.year, 0);
  EXPECT_EQ(it.issued.literal, "n.d.");
  EXPECT_EQ(it.title, "Über die Behandlung der Rückenschmerzen");
  EXPECT_EQ(it.container_title, "Zeitschrift für Physiotherapie");
  EXPECT_EQ(it.volume, "12");
  EXPECT_EQ(it.issue, "3");
  EXPECT_EQ(it.page, "45-67");
}

TEST(ReferenceModelTest, ChapterWithInEds) {
  CslItem it = ParseReference(
      "Brown, A. (2010). Muscle repair. In: Green, B., White, C. (Eds.), "
      "Sports Medicine Handbook. Springer, New York, pp. 123–145.");
  ASSERT_EQ(it.author.size(), 1u);
  ASSERT_EQ(it.editor.size(), 2u);
  EXPECT_EQ(it.editor[0].family, "Green");
  EXPECT_EQ(it.editor[1].family, "White");
  EXPECT_EQ(it.title, "Muscle repair");
  EXPECT_EQ(it.container_title, "Sports Medicine Handbook");
  EXPECT_EQ(it.page, "123-145");
  EXPECT_EQ(it.type, "chapter");
}

TEST(ReferenceModelTest, WebPageRetrievedAndAccessed) {
  CslItem it = ParseReference(
      "World Health Organization. Physical activity fact sheet. 2020. "
      "Retrieved from https://www.who.int/news-room/fact-sheets/detail/"
      "physical-activity. Accessed 5 May 2021.");
  ASSERT_EQ(it.author.size(), 1u);
  EXPECT_EQ(it.author[0].literal, "World Health Organization");
  EXPECT_EQ(it.title, "Physical activity fact sheet");
  EXPECT_EQ(it.issued.year, 2020);
  EXPECT_EQ(it.accessed.year, 2021);
  EXPECT_EQ(it.accessed.month, 5);
  EXPECT_EQ(it.url,
            "https://www.who.int/news-room/fact-sheets/detail/"
            "physical-activity");
  EXPECT_EQ(it.type, "webpage");
}

TEST(ReferenceModelTest, InPress) {
  CslItem it = ParseReference(
      "Lee, H. (in press). Tendon loading in runners. Journal of "
      "Biomechanics.");
  EXPECT_EQ(it.issued.literal, "in press");
  EXPECT_EQ(it.title, "Tendon loading in runners");
  EXPECT_EQ(it.container_title, "Journal of Biomechanics");
}

TEST(ReferenceModelTest, IeeeNumbered) {
  CslItem it = ParseReference(
      "[3] A. Kumar and R. Patel, \"Deep learning for gait analysis,\" IEEE "
      "Trans. Biomed. Eng., vol. 67, no. 4, pp. 1021-1030, Apr. 2020.");
  EXPECT_EQ(it.citation_number, "3");
  ASSERT_EQ(it.author.size(), 2u);
  EXPECT_EQ(it.author[0].family, "Kumar");
  EXPECT_EQ(it.title, "Deep learning for gait analysis");
  EXPECT_EQ(it.volume, "67");
  EXPECT_EQ(it.issue, "4");
  EXPECT_EQ(it.page, "1021-1030");
  EXPECT_EQ(it.issued.year, 2020);
  EXPECT_EQ(it.issued.month, 4);
}

TEST(ReferenceModelTest, HarvardYearAfterAuthors) {
  CslItem it = ParseReference(
      "Taylor, J. 2015. Rehabilitation after ACL reconstruction. Journal of "
      "Orthopaedic Research 33(2): 100-110.");
  ASSERT_EQ(it.author.size(), 1u);
  EXPECT_EQ(it.issued.year, 2015);
  EXPECT_EQ(it.title, "Rehabilitation after ACL reconstruction");
  EXPECT_EQ(it.container_title, "Journal of Orthopaedic Research");
  EXPECT_EQ(it.volume, "33");
  EXPECT_EQ(it.issue, "2");
  EXPECT_EQ(it.page, "100-110");
}

// The organisation-author correction on labels set by hand (not the
// model's): a leading title followed by the date and another title becomes
// the author; without a date after it, or without a title after the date,
// it stays a title.
TEST(ReferenceModelTest, LeadingTitleBeforeDateAndTitleIsTheAuthor) {
  auto relabel = [](const std::string& s, std::vector<int> labels) {
    std::vector<cite::RefToken> tokens = cite::TokenizeReference(s);
    EXPECT_EQ(tokens.size(), labels.size()) << s;
    cite::TokenFeatures f;
    cite::ExtractFeatures(tokens, &f);
    cite::CorrectAuthorSpan(tokens, f, &labels);
    return labels;
  };
  const int t = cite::kLabelTitle, d = cite::kLabelDate, a = cite::kLabelAuthor,
            n = cite::kLabelNote;
  const std::string s =
      "Centers for Disease Control and Prevention. (2020). Diabetes basics.";
  EXPECT_EQ(relabel(s, {t, t, t, t, t, t, d, t, t}),
            (std::vector<int>{a, a, a, a, a, a, d, t, t}));
  // No title after the date: the leading title may be the only title.
  EXPECT_EQ(relabel(s, {t, t, t, t, t, t, d, n, n}),
            (std::vector<int>{t, t, t, t, t, t, d, n, n}));
  // No date right after it.
  EXPECT_EQ(relabel(s, {t, t, t, t, t, t, n, t, t}),
            (std::vector<int>{t, t, t, t, t, t, n, t, t}));
}

}  // namespace
}  // namespace evq
