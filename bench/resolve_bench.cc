// bench/resolve_bench.cc: resolving references against a large authority.
//
// Generates a deterministic synthetic authority (default 100,000 journal
// articles: authors from name lists, titles built from a health-research
// vocabulary with rare drug and gene names, a few hundred journals with ISO
// style abbreviations), builds a WorkIndex from it, renders references
// (default 5,000; half to works in the index, half to similar works that
// are not) as damaged APA and Vancouver strings with the same renderer the
// MEDLINE resolution test uses, then times ParseReference (after loading
// the tagger, timed apart; the strings repeated for 2 s) and
// WorkIndex::Resolve on one thread. Reports index build time, references
// parsed and resolved per second, latency quantiles, how the references
// resolved, and peak RSS.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "../tests/works/reference_render.h"  // the tests' reference renderer
#include "bench_modes.h"
#include "bench_util.h"
#include "evq/csl.h"
#include "evq/works.h"

namespace evq::bench {
namespace {

using evq::testing::Damage;
using evq::testing::RefStyle;
using evq::testing::RenderReference;
using evq::testing::Rng;

// CPU time of this thread, in seconds: on a shared machine the wall clock
// also counts the time other processes held the core.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) +
         static_cast<double>(ts.tv_nsec) * 1e-9;
}

double Quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(v.size())));
  return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

template <size_t N>
const char* Pick(const char* const (&list)[N], Rng& rng) {
  return list[rng.Below(N)];
}

const char* const kFamilies[] = {
    "Smith",     "Johnson",   "Williams",     "Brown",      "Jones",
    "Garcia",    "Miller",    "Davis",        "Rodriguez",  "Martinez",
    "Hernandez", "Lopez",     "Gonzalez",     "Wilson",     "Anderson",
    "Thomas",    "Taylor",    "Moore",        "Jackson",    "Martin",
    "Lee",       "Perez",     "Thompson",     "White",      "Harris",
    "Sanchez",   "Clark",     "Ramirez",      "Lewis",      "Robinson",
    "Walker",    "Young",     "Allen",        "King",       "Wright",
    "Scott",     "Torres",    "Nguyen",       "Hill",       "Flores",
    "Green",     "Adams",     "Nelson",       "Baker",      "Hall",
    "Rivera",    "Campbell",  "Mitchell",     "Carter",     "Roberts",
    "Wang",      "Li",        "Zhang",        "Liu",        "Chen",
    "Yang",      "Huang",     "Zhao",         "Wu",         "Zhou",
    "Xu",        "Sun",       "Ma",           "Kim",        "Park",
    "Choi",      "Jung",      "Kang",         "Tanaka",     "Suzuki",
    "Sato",      "Takahashi", "Watanabe",     "Ito",        "Yamamoto",
    "Nakamura",  "Kobayashi", "Müller",       "Schmidt",    "Schneider",
    "Fischer",   "Weber",     "Meyer",        "Wagner",     "Becker",
    "Schulz",    "Hoffmann",  "Rossi",        "Russo",      "Ferrari",
    "Esposito",  "Bianchi",   "Romano",       "Colombo",    "Ricci",
    "Dubois",    "Durand",    "Lefebvre",     "Moreau",     "Laurent",
    "Fernández", "González",  "Rodríguez",    "Pérez",      "Sánchez",
    "Silva",     "Santos",    "Oliveira",     "Souza",      "Costa",
    "Pereira",   "Kowalski",  "Nowak",        "Wiśniewski", "Jensen",
    "Nielsen",   "Hansen",    "Larsen",       "Andersson",  "Johansson",
    "Karlsson",  "Nilsson",   "Patel",        "Sharma",     "Singh",
    "Kumar",     "Gupta",     "Khan",         "Ali",        "Ahmed",
    "Hassan",    "Okafor",    "Mensah",       "Adeyemi",    "Kariuki",
    "Cohen",     "Levi",      "Murphy",       "Kelly",      "O'Brien",
    "Ryan",      "Walsh",     "Byrne",        "Novak",      "Horvat",
    "Popescu",   "Ionescu",   "Papadopoulos", "Yilmaz",     "Kaya",
    "Demir",     "Ivanov",    "Petrov",       "Smirnov",
};
const char* const kGiven[] = {
    "James",   "Mary",  "John",    "Patricia",    "Robert",    "Jennifer",
    "Michael", "Linda", "David",   "Sarah",       "Wei",       "Li Na",
    "Hiroshi", "Yuki",  "Min-jun", "Ji-woo",      "Anna",      "Lukas",
    "Sofia",   "Marco", "Giulia",  "Pierre",      "Camille",   "José",
    "María",   "João",  "Ana",     "Piotr",       "Agnieszka", "Lars",
    "Ingrid",  "Rahul", "Priya",   "Ahmed",       "Fatima",    "Chinedu",
    "Amara",   "Olga",  "Dmitri",  "Elif",        "Emma",      "Noah",
    "Olivia",  "Liam",  "Ava",     "Jean-Pierre", "Mei",       "Thanh",
};
const char* const kInterventions[] = {
    "exercise therapy",
    "manual therapy",
    "cognitive behavioural therapy",
    "acupuncture",
    "mindfulness training",
    "high-intensity interval training",
    "resistance training",
    "vitamin D supplementation",
    "omega-3 fatty acids",
    "metformin",
    "statin therapy",
    "early mobilisation",
    "telerehabilitation",
    "dry needling",
    "kinesio taping",
    "spinal manipulation",
    "motor control exercise",
    "yoga",
    "tai chi",
    "aerobic exercise",
    "pain neuroscience education",
    "corticosteroid injection",
    "platelet-rich plasma",
    "hyaluronic acid injection",
    "low-level laser therapy",
    "shockwave therapy",
    "transcutaneous electrical nerve stimulation",
    "dietary counselling",
    "smoking cessation support",
    "sleep hygiene education",
    "proton pump inhibitors",
    "selective serotonin reuptake inhibitors",
    "opioid tapering",
    "paracetamol",
    "nonsteroidal anti-inflammatory drugs",
    "gabapentin",
    "duloxetine",
    "botulinum toxin",
    "surgical decompression",
    "total knee arthroplasty",
    "anterior cruciate ligament reconstruction",
    "bariatric surgery",
    "cardiac rehabilitation",
    "pulmonary rehabilitation",
    "school-based physical activity",
    "workplace ergonomics",
    "text message reminders",
    "community health worker visits",
    "home-based care",
    "virtual reality training",
};
const char* const kOutcomes[] = {
    "pain intensity",
    "disability",
    "quality of life",
    "return to work",
    "mortality",
    "hospital readmission",
    "functional recovery",
    "muscle strength",
    "balance",
    "falls",
    "depressive symptoms",
    "anxiety",
    "sleep quality",
    "fatigue",
    "cognitive function",
    "blood pressure",
    "glycaemic control",
    "body weight",
    "bone mineral density",
    "cardiovascular events",
    "range of motion",
    "gait speed",
    "medication adherence",
    "health care costs",
    "patient satisfaction",
    "opioid use",
    "walking capacity",
    "inflammatory markers",
    "lung function",
    "recurrence",
};
const char* const kPopulations[] = {
    "adults with chronic low back pain",
    "older adults",
    "patients with knee osteoarthritis",
    "people with type 2 diabetes",
    "stroke survivors",
    "children with cerebral palsy",
    "office workers with neck pain",
    "patients after hip fracture",
    "women with fibromyalgia",
    "athletes with patellar tendinopathy",
    "patients with rheumatoid arthritis",
    "nursing home residents",
    "adolescents with scoliosis",
    "people with multiple sclerosis",
    "patients with heart failure",
    "patients with COPD",
    "breast cancer survivors",
    "people with Parkinson's disease",
    "patients with chronic neck pain",
    "patients with plantar fasciitis",
    "runners",
    "military recruits",
    "pregnant women",
    "postmenopausal women",
    "patients with migraine",
    "people living with HIV",
    "patients undergoing haemodialysis",
    "adults with obesity",
    "patients with shoulder pain",
    "healthcare workers",
};
const char* const kDesigns[] = {
    "a randomized controlled trial",
    "a systematic review and meta-analysis",
    "a prospective cohort study",
    "a cross-sectional study",
    "a pilot study",
    "a retrospective analysis",
    "a case-control study",
    "a cluster randomised trial",
    "a qualitative study",
    "a secondary analysis of a randomized trial",
    "results from a national registry",
    "a multicentre study",
    "a feasibility study",
    "a network meta-analysis",
    "a longitudinal study",
};
const char* const kLeads[] = {
    "Effect of",
    "Effects of",
    "Efficacy of",
    "Effectiveness of",
    "Safety of",
    "Association between",
    "Long-term outcomes of",
    "Cost-effectiveness of",
    "Comparison of",
    "Impact of",
    "Predictors of response to",
    "Adherence to",
};
const char* const kJournalHeads[] = {
    "Journal of",
    "Annals of",
    "Archives of",
    "International Journal of",
    "European Journal of",
    "American Journal of",
    "Clinical",
    "Scandinavian Journal of",
    "British Journal of",
    "Advances in",
    "Current Opinion in",
    "Research in",
    "Frontiers in",
    "Journal of Clinical",
    "Asian Journal of",
    "Brazilian Journal of",
};
const char* const kJournalFields[] = {
    "Rheumatology",
    "Physical Therapy",
    "Orthopaedic Surgery",
    "Sports Medicine",
    "Rehabilitation Medicine",
    "Pain Research",
    "Neurology",
    "Cardiology",
    "Epidemiology",
    "Public Health",
    "Geriatrics",
    "Nursing Studies",
    "Musculoskeletal Disorders",
    "Spine Surgery",
    "Psychiatry",
    "Endocrinology and Metabolism",
    "Occupational Medicine",
    "Physiotherapy Science",
    "Pulmonary Medicine",
    "Nutrition and Dietetics",
    "Oncology Nursing",
    "Pharmacotherapy",
    "Health Services Research",
    "Family Medicine",
    "Exercise Physiology",
    "Manual and Manipulative Therapy",
    "Bone and Mineral Research",
};
const char* const kSyllables[] = {"zol",  "bra", "xin", "tor", "mab", "vel",
                                  "quin", "dar", "lex", "tri", "pra", "zep",
                                  "nol",  "fen", "cor", "tul"};

// A made-up drug or gene name ("zolbraxin"): the rare words real titles
// carry, which make titles distinct.
std::string RareWord(Rng& rng) {
  std::string w;
  int n = 2 + static_cast<int>(rng.Below(2));
  for (int i = 0; i < n; ++i) w += Pick(kSyllables, rng);
  return w;
}

// ISO 4 style: "International Journal of Sports Medicine" gives
// "Int J Sport Med" (words cut after their first consonant past letter 3).
std::string IsoAbbreviation(const std::string& name) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty() || word == "of" || word == "and" || word == "in") {
      word.clear();
      return;
    }
    std::string a = word;
    if (word == "Journal") {
      a = "J";
    } else if (word.size() > 5) {
      size_t cut = 4;
      while (cut < word.size() &&
             std::string("aeiou").find(word[cut - 1]) != std::string::npos) {
        ++cut;
      }
      a = word.substr(0, cut);
    }
    if (!out.empty()) out += ' ';
    out += a;
    word.clear();
  };
  for (char c : name) {
    if (c == ' ') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

struct Journal {
  std::string name;
  std::string iso;
};

std::vector<Journal> MakeJournals(Rng& rng) {
  std::vector<Journal> journals;
  for (const char* head : kJournalHeads) {
    for (const char* field : kJournalFields) {
      if (!rng.Percent(70)) continue;
      std::string name = std::string(head) + " " + field;
      journals.push_back({name, IsoAbbreviation(name)});
    }
  }
  return journals;
}

std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 32);
  return s;
}

Work MakeWork(int n, const std::vector<Journal>& journals, Rng& rng) {
  Work w;
  CslItem& item = w.item;
  item.type = "article-journal";
  item.id = "W" + std::to_string(n);
  int authors = 1 + static_cast<int>(rng.Below(9));
  for (int a = 0; a < authors; ++a) {
    item.author.push_back({Pick(kFamilies, rng), Pick(kGiven, rng), ""});
  }
  item.issued.year = 1995 + static_cast<int>(rng.Below(30));
  std::string title;
  switch (rng.Below(4)) {
    case 0:
      title = std::string(Pick(kLeads, rng)) + " " + Pick(kInterventions, rng) +
              " on " + Pick(kOutcomes, rng) + " in " + Pick(kPopulations, rng) +
              ": " + Pick(kDesigns, rng);
      break;
    case 1:
      title = Capitalized(Pick(kOutcomes, rng)) + " after " +
              Pick(kInterventions, rng) + " versus " +
              Pick(kInterventions, rng) + " in " + Pick(kPopulations, rng);
      break;
    case 2:
      title = Capitalized(RareWord(rng)) + " and " + Pick(kOutcomes, rng) +
              " in " + Pick(kPopulations, rng) + ": " + Pick(kDesigns, rng);
      break;
    default:
      title = std::string(Pick(kLeads, rng)) + " " + RareWord(rng) + " " +
              Pick(kInterventions, rng) + " for " + Pick(kOutcomes, rng) +
              " in " + Pick(kPopulations, rng);
      break;
  }
  item.title = title;
  const Journal& j =
      journals[rng.Below(static_cast<uint32_t>(journals.size()))];
  item.container_title = j.name;
  item.container_title_short = j.iso;
  item.volume = std::to_string(1 + rng.Below(80));
  item.issue = std::to_string(1 + rng.Below(12));
  int first = 1 + static_cast<int>(rng.Below(2000));
  item.page =
      std::to_string(first) + "-" + std::to_string(first + 3 + rng.Below(12));
  item.doi = "10." + std::to_string(1000 + rng.Below(9000)) + "/syn." +
             std::to_string(n);
  return w;
}

}  // namespace

int RunResolveBench(const ResolveBenchOptions& o) {
  auto seed = static_cast<uint32_t>(o.seed);
  evq::testing::Rng rng(seed);
  std::fprintf(stderr, "[resolve 1/4] generating %d works and %d absent ones\n",
               o.works, o.references / 2);
  std::vector<Journal> journals = MakeJournals(rng);
  std::vector<Work> works;
  works.reserve(static_cast<size_t>(o.works));
  for (int i = 0; i < o.works; ++i) works.push_back(MakeWork(i, journals, rng));
  std::vector<Work> absent;
  for (int i = 0; i < o.references / 2; ++i) {
    absent.push_back(MakeWork(o.works + i, journals, rng));
  }
  // The references: half to works of the index, half to absent ones.
  struct Ref {
    std::string text;
    int expected;
  };
  std::vector<Ref> refs;
  Damage damage;
  for (int i = 0; i < o.references; ++i) {
    RefStyle style = rng.Percent(50) ? RefStyle::kApa : RefStyle::kVancouver;
    if (i % 2 == 0) {
      int w = static_cast<int>(rng.Below(static_cast<uint32_t>(o.works)));
      refs.push_back({RenderReference(works[w].item, style, damage, rng), w});
    } else {
      refs.push_back(
          {RenderReference(absent[i / 2].item, style, damage, rng), -1});
    }
  }
  double gen_mb = PeakRssMb();

  std::fprintf(stderr, "[resolve 2/4] WorkIndex::Add x %d\n", o.works);
  Clock::time_point t0 = Clock::now();
  double cpu0 = ThreadCpuSeconds();
  WorkIndex index;
  for (Work& w : works) index.Add(std::move(w));
  double build_s = Seconds(Clock::now() - t0);
  double build_cpu = ThreadCpuSeconds() - cpu0;
  works.clear();
  works.shrink_to_fit();
  double build_mb = PeakRssMb();

  std::fprintf(stderr, "[resolve 3/4] ParseReference x %d\n", o.references);
  // The first call loads the shipped tagger (once per process): timed on
  // its own, so the parse rate below is the steady one a long import sees.
  t0 = Clock::now();
  cpu0 = ThreadCpuSeconds();
  (void)ParseReference("Smith J. A title. J Example. 2001;1:1-2.");
  double load_s = Seconds(Clock::now() - t0);
  double load_cpu = ThreadCpuSeconds() - cpu0;
  // Repeated over the strings until 2 s have passed (at least one round):
  // a single 0.25 s pass varied by a third between runs on a shared VM.
  std::vector<CslItem> parsed;
  parsed.reserve(refs.size());
  size_t parse_n = 0;
  t0 = Clock::now();
  cpu0 = ThreadCpuSeconds();
  do {
    for (const Ref& r : refs) {
      CslItem item = ParseReference(r.text);
      if (parsed.size() < refs.size()) parsed.push_back(std::move(item));
    }
    parse_n += refs.size();
  } while (Seconds(Clock::now() - t0) < 2.0);
  double parse_s = Seconds(Clock::now() - t0);
  double parse_cpu = ThreadCpuSeconds() - cpu0;

  std::fprintf(stderr, "[resolve 4/4] WorkIndex::Resolve x %d\n", o.references);
  std::vector<Resolution> results;
  results.reserve(refs.size());
  std::vector<double> latency_us;
  latency_us.reserve(refs.size());
  t0 = Clock::now();
  cpu0 = ThreadCpuSeconds();
  for (const CslItem& item : parsed) {
    Clock::time_point s = Clock::now();
    results.push_back(index.Resolve(item));
    latency_us.push_back(Seconds(Clock::now() - s) * 1e6);
  }
  double resolve_s = Seconds(Clock::now() - t0);
  double resolve_cpu = ThreadCpuSeconds() - cpu0;
  double resolve_mb = PeakRssMb();

  int present = 0, right = 0, wrong = 0, absent_matched = 0, mismatch = 0,
      unresolved = 0;
  for (size_t i = 0; i < refs.size(); ++i) {
    const Resolution& r = results[i];
    bool matched = r.status == ResolutionStatus::kMatched;
    if (r.status == ResolutionStatus::kMismatch) ++mismatch;
    if (r.status == ResolutionStatus::kUnresolved) ++unresolved;
    if (refs[i].expected >= 0) {
      ++present;
      if (matched && r.work == refs[i].expected) ++right;
      if (matched && r.work != refs[i].expected) ++wrong;
    } else if (matched) {
      ++absent_matched;
    }
  }
  int matched = right + wrong + absent_matched;
  auto n = static_cast<double>(refs.size());

  std::printf(
      "\nResolve: ParseReference + WorkIndex::Resolve (one thread, one process)"
      "\n======================================================================"
      "\n");
  std::printf("authority    %d synthetic works (%zu journals), seed %llu\n",
              o.works, journals.size(),
              static_cast<unsigned long long>(o.seed));
  std::printf(
      "references   %zu damaged APA/Vancouver strings: %d to indexed works, "
      "%zu to absent "
      "ones\n\n",
      refs.size(), present, refs.size() - static_cast<size_t>(present));
  std::printf("%-26s %10s %10s %16s %16s %11s\n", "step", "wall", "CPU",
              "rate (wall)", "rate (CPU)", "peak RSS");
  std::printf("%-26s %10s %10s %16s %16s %11s\n", "--------------------------",
              "----------", "----------", "----------------",
              "----------------", "-----------");
  std::printf("%-26s %10s %10s %16s %16s %8.1f MB\n",
              "generate works + strings", "-", "-", "-", "-", gen_mb);
  std::printf("%-26s %8.3f s %8.3f s %10.0f works/s %10.0f works/s %8.1f MB\n",
              "WorkIndex::Add (build)", build_s, build_cpu, o.works / build_s,
              o.works / build_cpu, build_mb);
  std::printf("%-26s %8.3f s %8.3f s %16s %16s %11s\n",
              "tagger model load (once)", load_s, load_cpu, "-", "-", "-");
  auto pn = static_cast<double>(parse_n);
  std::printf("%-26s %8.3f s %8.3f s %11.0f refs/s %11.0f refs/s %11s\n",
              "ParseReference", parse_s, parse_cpu, pn / parse_s,
              pn / parse_cpu, "-");
  std::printf("%-26s %8.3f s %8.3f s %11.0f refs/s %11.0f refs/s %8.1f MB\n",
              "WorkIndex::Resolve", resolve_s, resolve_cpu, n / resolve_s,
              n / resolve_cpu, resolve_mb);
  // Per reference: one parse (the repeated rounds' mean) and one resolve.
  double parse1_s = parse_s / pn, parse1_cpu = parse_cpu / pn;
  std::printf("%-26s %8.3f s %8.3f s %11.0f refs/s %11.0f refs/s\n",
              "parse + resolve", parse1_s * n + resolve_s,
              parse1_cpu * n + resolve_cpu, n / (parse1_s * n + resolve_s),
              n / (parse1_cpu * n + resolve_cpu));
  std::printf(
      "\nResolve latency (wall): p50 %.0f us, p90 %.0f us, p99 %.0f us, max "
      "%.0f us\n",
      Quantile(latency_us, 0.5), Quantile(latency_us, 0.9),
      Quantile(latency_us, 0.99), Quantile(latency_us, 1.0));
  std::printf(
      "Outcome: matched %d (right work %d, wrong work %d, absent work %d), "
      "mismatch %d, "
      "unresolved %d;\n         precision %.4f, recall %.4f\n",
      matched, right, wrong, absent_matched, mismatch, unresolved,
      matched > 0 ? static_cast<double>(right) / matched : 1.0,
      present > 0 ? static_cast<double>(right) / present : 0.0);
  return 0;
}

}  // namespace evq::bench
