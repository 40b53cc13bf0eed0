// bench/pubmed_gen.cc: the synthetic PubMed baseline writer.
#include "pubmed_gen.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench_util.h"
#include "corpus_gen.h"

namespace evq::bench {
namespace {

struct Mesh {
  const char* ui;
  const char* name;
};
const std::vector<Mesh> kTopics = {{"D017116", "Low Back Pain"},
                                   {"D063806", "Myalgia"},
                                   {"D008403", "Massage"},
                                   {"D001416", "Back Pain"},
                                   {"D019547", "Neck Pain"},
                                   {"D005356", "Fibromyalgia"},
                                   {"D010003", "Osteoarthritis"},
                                   {"D012585", "Sciatica"},
                                   {"D059350", "Chronic Pain"},
                                   {"D009209", "Myofascial Pain Syndromes"},
                                   {"D052256", "Tendinopathy"},
                                   {"D020069", "Shoulder Pain"},
                                   {"D006261", "Headache"},
                                   {"D008881", "Migraine Disorders"},
                                   {"D005081", "Exercise Therapy"},
                                   {"D015670", "Acupuncture Therapy"},
                                   {"D026741", "Musculoskeletal Manipulations"},
                                   {"D026761", "Physical Therapy Modalities"}};
const std::vector<Mesh> kCheckTags = {
    {"D006801", "Humans"},
    {"D005260", "Female"},
    {"D008297", "Male"},
    {"D000328", "Adult"},
    {"D008875", "Middle Aged"},
    {"D016896", "Treatment Outcome"},
    {"D010147", "Pain Measurement"},
    {"D016032", "Randomized Controlled Trials as Topic"}};
const std::vector<Mesh> kQualifiers = {
    {"Q000628", "therapy"},      {"Q000175", "diagnosis"},
    {"Q000453", "epidemiology"}, {"Q000503", "physiopathology"},
    {"Q000379", "methods"},      {"Q000534", "rehabilitation"}};
const std::vector<Mesh> kPubTypes = {{"D016449", "Randomized Controlled Trial"},
                                     {"D016454", "Review"},
                                     {"D000078182", "Systematic Review"},
                                     {"D017418", "Meta-Analysis"},
                                     {"D003160", "Comparative Study"},
                                     {"D064888", "Observational Study"}};
const std::vector<std::string> kSurnames = {
    "Smith",   "Jones", "Hayden", "Foster",   "Hartvigsen", "Chou",
    "Maher",   "Koes",  "Qaseem", "Stecco",   "Furlan",     "Cherkin",
    "Nijs",    "Lee",   "Garcia", "Nguyen",   "Müller",     "O'Brien",
    "Kim",     "Wang",  "Rossi",  "Andersen", "Kongsted",   "Traeger",
    "Moseley", "Lin",   "Brown",  "Taylor",   "Søgaard",    "Ferreira"};
const std::vector<std::string> kForenames = {
    "Jan",  "Maria", "Anna",   "Kenji", "Robert",   "Sofia", "Lars", "David",
    "Chen", "Priya", "Thomas", "Elena", "Jean-Luc", "Mei",   "Kari", "Ahmed"};
const std::vector<std::string> kJournals = {
    "The Lancet",
    "BMJ (Clinical research ed.)",
    "Spine",
    "Pain",
    "The journal of pain",
    "Annals of internal medicine",
    "The Cochrane database of systematic reviews",
    "Physical therapy",
    "The Clinical journal of pain",
    "The Journal of orthopaedic & sports physical therapy",
    "European spine journal",
    "PloS one"};
const std::vector<std::string> kPlaces = {
    "Department of Physiotherapy, University of Sydney, Sydney, NSW, "
    "Australia.",
    "Department of Sports Science and Clinical Biomechanics, University of "
    "Southern Denmark, Odense, Denmark.",
    "Institute for Work & Health, Toronto, Ontario, Canada.",
    "Department of General Practice, Erasmus MC, Rotterdam, The Netherlands.",
    "Kaiser Permanente Washington Health Research Institute, Seattle, WA, "
    "USA.",
    "Department of Biomedical Sciences, University of Padova, Padova, Italy."};
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Escapes text for XML character data and attribute values.
std::string Esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

class RecordWriter {
 public:
  RecordWriter(const Vocabulary& vocab, uint64_t seed) : rng_(seed) {
    for (const Term* t : vocab.Terms()) {
      (t->kind == TermKind::kCondition      ? conditions_
       : t->kind == TermKind::kIntervention ? interventions_
                                            : anatomy_)
          .push_back(t->name);
    }
    if (conditions_.empty()) conditions_.push_back("low back pain");
    popular_ = PopularConditions(vocab);
    if (popular_.empty()) popular_ = conditions_;
    if (interventions_.empty()) interventions_.push_back("massage");
    if (anatomy_.empty()) anatomy_.push_back("lumbar spine");
  }
  // Appends one <PubmedArticle> to *out.
  void Write(int pmid, std::string* out);

 private:
  std::string Date(const char* tag, int year, const char* attrs = "");
  std::string Sentence(const std::string& cond, const std::string& inter);
  std::string Number(int lo, int hi) {
    return std::to_string(rng_.Between(lo, hi)) + "." +
           std::to_string(rng_.Below(10));
  }

  Rng rng_;
  std::vector<std::string> conditions_, interventions_, anatomy_, popular_;
};

std::string RecordWriter::Date(const char* tag, int year, const char* attrs) {
  return std::string("<") + tag + attrs + "><Year>" + std::to_string(year) +
         "</Year><Month>" + std::to_string(rng_.Between(1, 12)) +
         "</Month><Day>" + std::to_string(rng_.Between(1, 28)) + "</Day></" +
         tag + ">\n";
}

std::string RecordWriter::Sentence(const std::string& cond,
                                   const std::string& inter) {
  switch (rng_.Below(8)) {
    case 0:
      return "Compared with usual care, " + inter + " reduced " + cond +
             " intensity by " + Number(0, 3) +
             " points on a 0-10 scale (95% "
             "CI " +
             Number(0, 1) + " to " + Number(1, 4) + ").";
    case 1:
      return "We randomised " + std::to_string(rng_.Between(40, 900)) +
             " adults with " + cond + " to " + inter +
             " or a sham procedure for " + std::to_string(rng_.Between(4, 12)) +
             " weeks.";
    case 2:
      return Esc("The prevalence of " + cond + " was " + Number(2, 40) +
                 "% among participants aged " +
                 std::to_string(rng_.Between(18, 40)) + " to " +
                 std::to_string(rng_.Between(50, 80)) + " years.");
    case 3:
      return "Altered loading of the " + rng_.Pick(anatomy_) +
             " may contribute to persistent " + cond + ".";
    case 4:
      return "Adverse events were mild and transient, and no serious adverse "
             "events related to " +
             inter + " were reported.";
    case 5:
      return "Participants receiving " + inter +
             " reported better function "
             "at " +
             std::to_string(rng_.Between(3, 12)) +
             " months than "
             "controls (standardised mean difference " +
             Number(0, 1) + ").";
    case 6:
      return "Most people with " + cond + " recover within " +
             std::to_string(rng_.Between(2, 12)) +
             " weeks, although a "
             "minority develop chronic symptoms.";
    default:
      return "These findings suggest that " + inter +
             " can be considered as part of a multimodal programme for " +
             cond + ", although the certainty of evidence was low.";
  }
}

void RecordWriter::Write(int pmid, std::string* out) {
  std::string& o = *out;
  int year = rng_.Between(1995, 2024);
  std::string cond =
      rng_.Percent(60) ? rng_.Pick(popular_) : rng_.Pick(conditions_);
  std::string inter = rng_.Pick(interventions_);
  std::string journal = rng_.Pick(kJournals);
  std::string doi = "10." + std::to_string(rng_.Between(1000, 9999)) + "/" +
                    std::to_string(rng_.Next() % 100000000ull);
  std::string id = std::to_string(pmid);
  o += "<PubmedArticle>\n<MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">\n";
  o += "<PMID Version=\"1\">" + id + "</PMID>\n";
  o += Date("DateCompleted", year + 1) + Date("DateRevised", 2024);
  o += "<Article PubModel=\"Print-Electronic\">\n<Journal>\n<ISSN "
       "IssnType=\"Electronic\">" +
       std::to_string(rng_.Between(1000, 9999)) + "-" +
       std::to_string(rng_.Between(1000, 9999)) +
       "</ISSN>\n<JournalIssue CitedMedium=\"Internet\"><Volume>" +
       std::to_string(rng_.Between(1, 400)) + "</Volume><Issue>" +
       std::to_string(rng_.Between(1, 12)) + "</Issue><PubDate><Year>" +
       std::to_string(year) + "</Year><Month>" + kMonths[rng_.Below(12)] +
       "</Month></PubDate></JournalIssue>\n<Title>" + Esc(journal) +
       "</Title>\n<ISOAbbreviation>" + Esc(journal.substr(0, 12)) +
       "</ISOAbbreviation>\n</Journal>\n";
  std::string title = "Effect of " + inter + " on pain and function in " +
                      "adults with " + cond +
                      ": a randomised controlled trial.";
  if (rng_.Percent(30)) {
    title = "Prevalence, burden and management of " + cond +
            ": a systematic review and meta-analysis.";
  }
  int page = rng_.Between(1, 2400);
  o += "<ArticleTitle>" + Esc(title) + "</ArticleTitle>\n<Pagination>" +
       "<StartPage>" + std::to_string(page) + "</StartPage><EndPage>" +
       std::to_string(page + 9) + "</EndPage><MedlinePgn>" +
       std::to_string(page) + "-" + std::to_string(page + 9) +
       "</MedlinePgn></Pagination>\n<ELocationID EIdType=\"doi\" "
       "ValidYN=\"Y\">" +
       doi + "</ELocationID>\n";
  if (rng_.Percent(92)) {  // some records have no abstract
    o += "<Abstract>\n";
    if (rng_.Percent(70)) {
      static const char* const kSections[] = {
          "BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"};
      for (const char* label : kSections) {
        o += std::string("<AbstractText Label=\"") + label +
             "\" NlmCategory=\"" + label + "\">";
        int n = rng_.Between(1, 4);
        for (int i = 0; i < n; ++i) o += (i ? " " : "") + Sentence(cond, inter);
        o += "</AbstractText>\n";
      }
    } else {
      o += "<AbstractText>";
      int n = rng_.Between(5, 12);
      for (int i = 0; i < n; ++i) o += (i ? " " : "") + Sentence(cond, inter);
      o += "</AbstractText>\n";
    }
    o += "<CopyrightInformation>© " + std::to_string(year) +
         " The Authors.</CopyrightInformation>\n</Abstract>\n";
  }
  o += "<AuthorList CompleteYN=\"Y\">\n";
  int authors = rng_.Between(1, 9);
  for (int i = 0; i < authors; ++i) {
    std::string fore = rng_.Pick(kForenames);
    o += "<Author ValidYN=\"Y\"><LastName>" + rng_.Pick(kSurnames) +
         "</LastName><ForeName>" + fore + "</ForeName><Initials>" +
         fore.substr(0, 1) + "</Initials>";
    if (rng_.Percent(30)) {
      o += "<Identifier Source=\"ORCID\">0000-000" +
           std::to_string(rng_.Between(1, 9)) + "-" +
           std::to_string(rng_.Between(1000, 9999)) + "-" +
           std::to_string(rng_.Between(1000, 9999)) + "</Identifier>";
    }
    o += "<AffiliationInfo><Affiliation>" + Esc(rng_.Pick(kPlaces)) +
         "</Affiliation></AffiliationInfo></Author>\n";
  }
  o += "</AuthorList>\n<Language>eng</Language>\n<PublicationTypeList>\n"
       "<PublicationType UI=\"D016428\">Journal Article</PublicationType>\n";
  const Mesh& pt = rng_.Pick(kPubTypes);
  o += std::string("<PublicationType UI=\"") + pt.ui + "\">" + pt.name +
       "</PublicationType>\n</PublicationTypeList>\n";
  o += Date("ArticleDate", year, " DateType=\"Electronic\"");
  o += "</Article>\n<MedlineJournalInfo><Country>England</Country>"
       "<MedlineTA>" +
       Esc(journal.substr(0, 12)) +
       "</MedlineTA>"
       "<NlmUniqueID>" +
       std::to_string(rng_.Between(7000000, 9999999)) +
       "</NlmUniqueID></MedlineJournalInfo>\n<CitationSubset>IM"
       "</CitationSubset>\n<MeshHeadingList>\n";
  std::vector<Mesh> headings;
  int topics = rng_.Between(1, 4);
  for (int i = 0; i < topics; ++i) headings.push_back(rng_.Pick(kTopics));
  int tags = rng_.Between(2, 6);
  for (int i = 0; i < tags; ++i) headings.push_back(rng_.Pick(kCheckTags));
  for (size_t i = 0; i < headings.size(); ++i) {
    o += std::string("<MeshHeading><DescriptorName UI=\"") + headings[i].ui +
         "\" MajorTopicYN=\"" + (i < static_cast<size_t>(topics) ? "Y" : "N") +
         "\">" + headings[i].name + "</DescriptorName>";
    if (i < static_cast<size_t>(topics)) {
      const Mesh& q = rng_.Pick(kQualifiers);
      o += std::string("<QualifierName UI=\"") + q.ui +
           "\" MajorTopicYN=\"N\">" + q.name + "</QualifierName>";
    }
    o += "</MeshHeading>\n";
  }
  o += "</MeshHeadingList>\n<KeywordList Owner=\"NOTNLM\"><Keyword "
       "MajorTopicYN=\"N\">" +
       cond + "</Keyword><Keyword MajorTopicYN=\"N\">" + inter +
       "</Keyword></KeywordList>\n</MedlineCitation>\n";
  o += "<PubmedData>\n<History>\n";
  for (const char* status : {"received", "accepted", "pubmed", "medline"}) {
    o += std::string("<PubMedPubDate PubStatus=\"") + status + "\"><Year>" +
         std::to_string(year) + "</Year><Month>" +
         std::to_string(rng_.Between(1, 12)) + "</Month><Day>" +
         std::to_string(rng_.Between(1, 28)) + "</Day></PubMedPubDate>\n";
  }
  o += "</History>\n<PublicationStatus>ppublish</PublicationStatus>\n"
       "<ArticleIdList><ArticleId IdType=\"pubmed\">" +
       id + "</ArticleId><ArticleId IdType=\"doi\">" + doi +
       "</ArticleId></ArticleIdList>\n";
  if (rng_.Percent(30)) {
    o += "<ReferenceList>\n";
    int refs = rng_.Between(8, 40);
    for (int i = 0; i < refs; ++i) {
      int ry = rng_.Between(1980, year);
      o += "<Reference><Citation>" + rng_.Pick(kSurnames) + " " +
           rng_.Pick(kForenames).substr(0, 1) + ", " + rng_.Pick(kSurnames) +
           " " + rng_.Pick(kForenames).substr(0, 1) + ". " +
           Esc(rng_.Percent(50)
                   ? "Efficacy of " + rng_.Pick(interventions_) + " for " +
                         rng_.Pick(conditions_)
                   : "Natural course of " + rng_.Pick(conditions_)) +
           ". " + Esc(rng_.Pick(kJournals)) + ". " + std::to_string(ry) + ";" +
           std::to_string(rng_.Between(1, 300)) + ":" +
           std::to_string(rng_.Between(1, 900)) + "-" +
           std::to_string(rng_.Between(901, 999)) +
           ".</Citation><ArticleIdList><ArticleId IdType=\"pubmed\">" +
           std::to_string(rng_.Between(1000000, 39000000)) +
           "</ArticleId></ArticleIdList></Reference>\n";
    }
    o += "</ReferenceList>\n";
  }
  o += "</PubmedData>\n</PubmedArticle>\n";
}

}  // namespace

Result<uint64_t> WritePubmedFile(const Vocabulary& vocab,
                                 const std::string& path, int records,
                                 uint64_t seed) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f)
    return Status::IoError(path + ": cannot create: " + std::strerror(errno));
  std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE PubmedArticleSet "
      "PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2024//EN\" "
      "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd\">\n"
      "<PubmedArticleSet>\n";
  uint64_t bytes = 0;
  bool ok = std::fwrite(head.data(), 1, head.size(), f) == head.size();
  bytes += head.size();
  RecordWriter writer(vocab, seed);
  std::string rec;
  for (int i = 0; i < records && ok; ++i) {
    rec.clear();
    writer.Write(30000000 + i, &rec);
    ok = std::fwrite(rec.data(), 1, rec.size(), f) == rec.size();
    bytes += rec.size();
  }
  const char tail[] = "</PubmedArticleSet>\n";
  ok = ok && std::fwrite(tail, 1, sizeof tail - 1, f) == sizeof tail - 1;
  bytes += sizeof tail - 1;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) return Status::IoError(path + ": cannot write");
  return bytes;
}

}  // namespace evq::bench
