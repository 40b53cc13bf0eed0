// bench/corpus_gen.cc: the synthetic health-article generator.
#include "corpus_gen.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench_util.h"

namespace evq::bench {
namespace {

const std::vector<std::string> kPopular = {
    "back pain", "low back pain", "sciatica",
    "neck pain", "fibromyalgia",  "osteoarthritis",
    "headache",  "migraine",      "tendinopathy",
    "knee pain", "shoulder pain", "plantar fasciitis",
    "arthritis", "chronic pain",  "myofascial pain syndrome",
    "whiplash"};

const std::vector<std::string> kSurnames = {
    "Smith",   "Jones",      "Hayden",   "Foster",   "Hartvigsen",
    "Chou",    "Maher",      "Koes",     "Qaseem",   "Stecco",
    "Furlan",  "Cherkin",    "Bialosky", "Nijs",     "Lee",
    "Garcia",  "Nguyen",     "Müller",   "O'Brien",  "van Tulder",
    "Kim",     "Wang",       "Rossi",    "Andersen", "Kongsted",
    "Traeger", "Buchbinder", "Ferreira", "Hancock",  "Moseley",
    "Lin",     "Saragiotto", "Williams", "Brown",    "Taylor"};
const std::vector<std::string> kInitials = {"J",  "M",  "A",  "K", "R", "S",
                                            "L",  "D",  "C",  "P", "T", "E",
                                            "JA", "MW", "KL", "RD"};
const std::vector<std::string> kJournals = {
    "The Lancet",
    "BMJ",
    "JAMA",
    "Spine",
    "Pain",
    "Journal of Pain",
    "Annals of Internal Medicine",
    "Cochrane Database of Systematic Reviews",
    "Physical Therapy",
    "Manual Therapy",
    "Clinical Journal of Pain",
    "Journal of Orthopaedic & Sports Physical Therapy",
    "Rheumatology",
    "European Spine Journal",
    "Arthritis Care & Research",
    "PLOS ONE"};
const std::vector<std::string> kOrgs = {
    "World Health Organization",
    "NHS",
    "National Institute for Health and Care Excellence",
    "American College of Physicians",
    "Mayo Clinic",
    "Arthritis Foundation"};
const std::vector<std::string> kHedges = {"may", "can", "might", "could"};
const std::vector<std::string> kVague = {
    "Studies show that ",       "Research suggests that ",
    "Many experts agree that ", "It is well known that ",
    "Science has shown that ",  "Evidence suggests that "};

struct Vocab {
  std::vector<std::string> conditions, popular, interventions, anatomy;
};

std::string Capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

struct RefInfo {
  std::string cite;  // author-year marker body: "Smith et al., 2019"
  std::string text;  // the entry as written
};

class DocWriter {
 public:
  DocWriter(const Vocab& v, uint64_t seed, bool markdown, bool numeric,
            int min_refs, int max_refs)
      : v_(v),
        rng_(seed),
        markdown_(markdown),
        numeric_(numeric),
        min_refs_(min_refs),
        max_refs_(max_refs) {}

  std::string Write(size_t target, int* ref_count);

 private:
  const std::string& Condition() {
    return rng_.Percent(60)
               ? (rng_.Percent(70) ? main_condition_ : rng_.Pick(v_.popular))
               : rng_.Pick(v_.conditions);
  }
  const std::string& Intervention() {
    return rng_.Percent(50) ? main_intervention_ : rng_.Pick(v_.interventions);
  }
  const std::string& Anatomy() { return rng_.Pick(v_.anatomy); }
  std::string Hedge() { return rng_.Pick(kHedges); }
  RefInfo MakeReference(int number);
  std::string Marker();
  std::string Claim();
  std::string Sentence();
  std::string Heading();

  const Vocab& v_;
  Rng rng_;
  bool markdown_;
  bool numeric_;
  int min_refs_, max_refs_;
  std::string main_condition_;
  std::string main_intervention_;
  std::vector<RefInfo> refs_;
};

RefInfo DocWriter::MakeReference(int number) {
  int authors = rng_.Between(1, 7);
  std::vector<std::pair<std::string, std::string>> names;
  for (int i = 0; i < authors; ++i)
    names.emplace_back(rng_.Pick(kSurnames), rng_.Pick(kInitials));
  int year = rng_.Between(1995, 2023);
  std::string cond =
      rng_.Percent(60) ? main_condition_ : rng_.Pick(v_.conditions);
  std::string inter =
      rng_.Percent(50) ? main_intervention_ : rng_.Pick(v_.interventions);
  std::string title;
  switch (rng_.Below(5)) {
    case 0:
      title = Capitalize(inter) + " for " + cond +
              ": a systematic review and meta-analysis";
      break;
    case 1:
      title = "Effect of " + inter + " on pain and function in adults with " +
              cond + ": a randomized controlled trial";
      break;
    case 2:
      title = "Prevalence and burden of " + cond + " in the general population";
      break;
    case 3:
      title = "The role of the " + rng_.Pick(v_.anatomy) + " in " + cond;
      break;
    default:
      title = "Clinical practice guideline for the management of " + cond;
      break;
  }
  std::string journal = rng_.Pick(kJournals);
  std::string vol = std::to_string(rng_.Between(5, 400));
  std::string issue = std::to_string(rng_.Between(1, 12));
  int p1 = rng_.Between(1, 2400);
  std::string pages =
      std::to_string(p1) + "-" + std::to_string(p1 + rng_.Between(5, 20));
  std::string doi = "10." + std::to_string(rng_.Between(1000, 9999)) + "/" +
                    std::to_string(rng_.Next() % 100000000ull);
  RefInfo r;
  r.cite = names[0].first +
           (authors == 1   ? ""
            : authors == 2 ? " & " + names[1].first
                           : " et al.") +
           ", " + std::to_string(year);
  if (numeric_) {  // Vancouver
    r.text = std::to_string(number) + ". ";
    for (int i = 0; i < authors && i < 6; ++i) {
      r.text += (i ? ", " : "") + names[i].first + " " + names[i].second;
    }
    if (authors > 6) r.text += ", et al";
    r.text += ". " + Capitalize(title) + ". " + journal + ". " +
              std::to_string(year) + ";" + vol + "(" + issue + "):" + pages +
              ". doi:" + doi;
    return r;
  }
  // APA.
  std::string list;
  for (int i = 0; i < authors; ++i) {
    std::string n = names[i].first + ", " + names[i].second.substr(0, 1) + ".";
    if (names[i].second.size() > 1)
      n += " " + names[i].second.substr(1, 1) + ".";
    if (i > 0) list += (i == authors - 1) ? ", & " : ", ";
    list += n;
  }
  std::string em = markdown_ ? "*" : "";
  if (rng_.Percent(10)) {  // a book
    r.text = list + " (" + std::to_string(year) + "). " + em +
             Capitalize(title) + em + " (" +
             std::to_string(rng_.Between(2, 5)) + "nd ed.). Elsevier.";
  } else if (rng_.Percent(8)) {  // an organisation's web page
    const std::string& org = rng_.Pick(kOrgs);
    r.cite = org + ", " + std::to_string(year);
    r.text = org + ". (" + std::to_string(year) + "). " + Capitalize(title) +
             ". Retrieved from https://www.example.org/health/" +
             std::to_string(number);
  } else {
    r.text = list + " (" + std::to_string(year) + "). " + Capitalize(title) +
             ". " + em + journal + ", " + vol + em + "(" + issue + "), " +
             pages + ". https://doi.org/" + doi;
  }
  if (markdown_) r.text = "- " + r.text;
  return r;
}

std::string DocWriter::Marker() {
  int n = static_cast<int>(refs_.size());
  bool dangle = rng_.Percent(6);
  if (numeric_) {
    int a = dangle ? n + rng_.Between(1, 9) : rng_.Between(1, n);
    switch (rng_.Below(4)) {
      case 0:
        return " [" + std::to_string(a) + "]";
      case 1:
        if (a + 2 <= n)
          return " [" + std::to_string(a) + "-" + std::to_string(a + 2) + "]";
        [[fallthrough]];
      case 2:
        if (a > 1)
          return " (" + std::to_string(a - 1) + ", " + std::to_string(a) + ")";
        [[fallthrough]];
      default:
        return " (" + std::to_string(a) + ")";
    }
  }
  if (dangle)
    return " (" + rng_.Pick(kSurnames) + " et al., " +
           std::to_string(rng_.Between(1990, 2024)) + ")";
  std::string m = " (" + refs_[rng_.Below(refs_.size())].cite;
  if (rng_.Percent(25)) m += "; " + refs_[rng_.Below(refs_.size())].cite;
  return m + ")";
}

std::string DocWriter::Claim() {
  std::string c = Condition(), i = Intervention(), a = Anatomy(), h = Hedge();
  std::string n = std::to_string(rng_.Between(2, 40));
  switch (rng_.Below(14)) {
    case 0:
      return i + " " + h + " reduce pain and improve function in people with " +
             c;
    case 1:
      return "in a randomised trial, " + i + " improved " + c +
             " symptoms more than usual care over " + n + " weeks";
    case 2:
      return i + " was no better than placebo for " + c +
             " in the largest trial to date";
    case 3: {
      std::string other = rng_.Pick(v_.interventions);
      if (other == i)
        return "adding exercise to " + i + " " + h + " speed recovery from " +
               c;
      return "adding " + i + " to " + other + " " + h +
             " speed recovery from " + c;
    }
    case 4:
      return i + " is thought to work by calming irritated nerves around the " +
             a;
    case 5:
      return "tight muscles around the " + a + " " + h +
             " increase the load on the joints and contribute to " + c;
    case 6:
      return "about " + n + "% of adults will experience " + c +
             " at some point in their lives";
    case 7:
      return c + " is more common in people over " +
             std::to_string(rng_.Between(30, 70)) +
             " and in those who sit for long periods";
    case 8:
      return "most episodes of " + c + " improve within " + n +
             " weeks, although symptoms often return";
    case 9:
      return c + " often causes stiffness in the " + a +
             " that is worse in the morning";
    case 10:
      return i + " is generally safe, but it " + h +
             " cause temporary soreness in the " + a;
    case 11:
      return c + " is a condition in which pain persists in the " + a +
             " for more than three months";
    case 12:
      return "people with " + c + " who receive " + i + " " + h +
             " return to work sooner";
    default:
      return i + " does not cure " + c + ", but it " + h +
             " help people stay active";
  }
}

std::string DocWriter::Sentence() {
  int r = static_cast<int>(rng_.Below(100));
  if (r < 12) {  // not a claim
    static const std::vector<std::string> kPlain = {
        "In this section we look at what you can do at home.",
        "Talk to your doctor before starting any new treatment.",
        "Here is what the research says.",
        "Everyone is different, so listen to your body.",
        "Keep a diary of your symptoms for a few weeks.",
        "We asked three physiotherapists for their advice."};
    return rng_.Pick(kPlain);
  }
  std::string s = Claim();
  if (r < 22) return rng_.Pick(kVague) + s + ".";
  if (r < 28) return "According to the " + rng_.Pick(kOrgs) + ", " + s + ".";
  if (r < 32 && !numeric_) {
    const RefInfo& ref = refs_[rng_.Below(refs_.size())];
    size_t comma = ref.cite.rfind(", ");
    return ref.cite.substr(0, comma) + " (" + ref.cite.substr(comma + 2) +
           ") found that " + s + ".";
  }
  if (r < 75) return Capitalize(s) + Marker() + ".";
  return Capitalize(s) + ".";
}

std::string DocWriter::Heading() {
  std::string c = Capitalize(Condition()), i = Capitalize(Intervention());
  switch (rng_.Below(8)) {
    case 0:
      return "What is " + c + "?";
    case 1:
      return "Does " + i + " help?";
    case 2:
      return "How " + i + " works";
    case 3:
      return "Who gets " + c + "?";
    case 4:
      return "What the research says about " + i;
    case 5:
      return "When to see a doctor";
    case 6:
      return "Living with " + c;
    default:
      return "Safety and side effects of " + i;
  }
}

std::string DocWriter::Write(size_t target, int* ref_count) {
  main_condition_ =
      rng_.Percent(70) ? rng_.Pick(v_.popular) : rng_.Pick(v_.conditions);
  main_intervention_ = rng_.Pick(v_.interventions);
  int nrefs = rng_.Between(min_refs_, max_refs_);
  for (int k = 1; k <= nrefs; ++k) refs_.push_back(MakeReference(k));
  *ref_count = nrefs;

  std::string out;
  out.reserve(target + 8192);
  std::string title = Capitalize(main_intervention_) + " for " +
                      Capitalize(main_condition_) + ": What the Evidence Says";
  out += (markdown_ ? "# " : "") + title + "\n\n";
  out += std::string(markdown_ ? "*" : "") + "By the evq bench team | " +
         std::to_string(rng_.Between(3, 15)) + " minute read" +
         (markdown_ ? "*" : "") + "\n\n";
  while (out.size() < target) {
    out += (markdown_ ? "## " : "") + Heading() + "\n\n";
    int paragraphs = rng_.Between(2, 5);
    for (int p = 0; p < paragraphs; ++p) {
      if (rng_.Percent(12)) {  // a list
        out += "Things that " + Hedge() + " help:\n\n";
        int items = rng_.Between(3, 5);
        for (int k = 0; k < items; ++k) {
          out += std::string(markdown_ ? "- " : "- ") +
                 Capitalize(Intervention()) + " for the " + Anatomy() + "\n";
        }
        out += "\n";
        continue;
      }
      int sentences = rng_.Between(3, 7);
      for (int k = 0; k < sentences; ++k) out += (k ? " " : "") + Sentence();
      out += "\n\n";
    }
  }
  out += markdown_ ? "## References\n\n" : "References\n";
  for (const RefInfo& r : refs_) out += r.text + "\n";
  return out;
}

Status WriteFile(const std::string& path, const std::string& data) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f)
    return Status::IoError(path + ": cannot create: " + std::strerror(errno));
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) return Status::IoError(path + ": cannot write");
  return Status::Ok();
}

}  // namespace

std::vector<std::string> PopularConditions(const Vocabulary& vocab) {
  std::vector<std::string> out;
  for (const std::string& name : kPopular) {
    const Term* t = vocab.Lookup(name);
    if (t != nullptr && t->kind == TermKind::kCondition) out.push_back(name);
  }
  return out;
}

Result<Corpus> GenerateCorpus(const Vocabulary& vocab, const std::string& dir,
                              const CorpusOptions& options) {
  Vocab v;
  for (const Term* t : vocab.Terms()) {
    std::vector<std::string>* list =
        t->kind == TermKind::kCondition      ? &v.conditions
        : t->kind == TermKind::kIntervention ? &v.interventions
                                             : &v.anatomy;
    list->push_back(t->name);
    if (t->kind != TermKind::kCondition) continue;
    // Some condition synonyms too, as articles use them ("lumbago"):
    // lowercase ones only, so that sentence case stays natural.
    for (const std::string& s : t->synonyms) {
      bool lower =
          !s.empty() &&
          s.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
      if (lower && list->size() % 4 == 0) list->push_back(s);
    }
  }
  v.popular = PopularConditions(vocab);
  if (v.conditions.empty() || v.interventions.empty() || v.anatomy.empty()) {
    return Status::InvalidArgument(
        "vocabulary lacks conditions, interventions or anatomy");
  }
  if (v.popular.empty()) v.popular = v.conditions;

  Corpus corpus;
  uint64_t count = options.target_bytes / options.average_document_bytes;
  if (count == 0) count = 1;
  Rng sizes(options.seed);
  for (uint64_t i = 0; i < count; ++i) {
    bool markdown = sizes.Percent(75);
    bool numeric = sizes.Percent(50);
    size_t avg = options.average_document_bytes;
    size_t target =
        avg / 2 +
        sizes.Below(avg);  // avg/2 .. 3avg/2 (minus the reference list)
    DocWriter writer(v, options.seed ^ (0xA24BAED4963EE407ull * (i + 1)),
                     markdown, numeric, options.min_references,
                     options.max_references);
    int refs = 0;
    std::string text =
        writer.Write(target > 4096 ? target - 3072 : target, &refs);
    char name[64];
    std::snprintf(name, sizeof name, "/article-%05llu.%s",
                  static_cast<unsigned long long>(i), markdown ? "md" : "txt");
    std::string path = dir + name;
    Status s = WriteFile(path, text);
    if (!s.ok()) return s;
    corpus.paths.push_back(path);
    corpus.bytes += text.size();
    corpus.reference_entries += refs;
    (markdown ? corpus.markdown_documents : corpus.text_documents)++;
  }
  return corpus;
}

}  // namespace evq::bench
