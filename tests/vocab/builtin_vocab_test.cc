// The built-in vocabulary (corpus/vocab/*.tsv): well-formed, and covering the
// names and surface forms of the hand-labelled seed articles.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "evq/vocabulary.h"

namespace evq {
namespace {

const Vocabulary& Builtin() {
  static const Vocabulary* vocab = [] {
    Result<Vocabulary> r = Vocabulary::Builtin();
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new Vocabulary(r.ok() ? std::move(r).value() : Vocabulary());
  }();
  return *vocab;
}

std::set<std::string> FoundIn(std::string_view text) {
  std::set<std::string> out;
  for (const TermMatch& m : Builtin().Find(text)) {
    out.insert(std::string(TermKindName(m.kind)) + ":" + m.name);
  }
  return out;
}

TEST(BuiltinVocabTest, LoadsAndCoversEveryKind) {
  size_t counts[3] = {0, 0, 0};
  size_t conditions_with_mesh = 0;
  for (const Term* t : Builtin().Terms()) {
    ++counts[static_cast<int>(t->kind)];
    if (t->kind == TermKind::kCondition && !t->mesh_id.empty()) {
      ++conditions_with_mesh;
    }
  }
  EXPECT_GE(counts[0], 150u);
  EXPECT_GE(conditions_with_mesh, 150u);
  EXPECT_GE(counts[1], 60u);
  EXPECT_GE(counts[2], 40u);
}

TEST(BuiltinVocabTest, BroaderTermsExistInTheSameKindWithoutCycles) {
  const Vocabulary& v = Builtin();
  for (const Term* t : v.Terms()) {
    std::set<std::string> seen{t->name};
    const Term* cur = t;
    while (!cur->broader.empty()) {
      const Term* up = v.Lookup(cur->broader);
      ASSERT_NE(up, nullptr) << cur->name << " -> " << cur->broader;
      ASSERT_EQ(up->name, cur->broader) << cur->name;
      ASSERT_EQ(up->kind, t->kind) << cur->name;
      ASSERT_TRUE(seen.insert(up->name).second) << "cycle at " << t->name;
      cur = up;
    }
  }
}

TEST(BuiltinVocabTest, EveryFormLooksUpItsOwnTerm) {
  const Vocabulary& v = Builtin();
  for (const Term* t : v.Terms()) {
    EXPECT_EQ(v.Lookup(t->name), t) << t->name;
    for (const std::string& s : t->synonyms) {
      const Term* found = v.Lookup(s);
      ASSERT_NE(found, nullptr) << s;
      EXPECT_EQ(found, t) << "'" << s << "' of " << t->name << " finds "
                          << found->name;
    }
  }
}

// Every name in the conditions, context_conditions, interventions and
// anatomy fields of shared/gold/seeds.jsonl.
TEST(BuiltinVocabTest, GoldNamesAreCanonical) {
  const std::vector<std::pair<TermKind, std::vector<std::string>>> gold = {
      {TermKind::kCondition,
       {"adhesions",
        "anxiety",
        "autoimmune disease",
        "back pain",
        "chronic fatigue syndrome",
        "chronic pain",
        "depression",
        "discogenic pain",
        "fibromyalgia",
        "inflammation",
        "injury",
        "muscle imbalance",
        "muscle pain",
        "muscle stiffness",
        "myofascial pain syndrome",
        "nerve entrapment",
        "nerve root compression",
        "postural issues",
        "referred pain",
        "rotator cuff irritation",
        "scar tissue",
        "sciatica",
        "shoulder pain"}},
      {TermKind::kIntervention,
       {"anti-inflammatory diet", "cesarean section", "exercise", "injections",
        "manual therapy", "massage", "mastectomy", "medication",
        "myofascial release", "spinal manipulation", "stretching", "surgery",
        "tool-assisted myofascial therapy"}},
      {TermKind::kAnatomy,
       {"bone",
        "connective tissue",
        "fascia",
        "gluteus medius",
        "gluteus minimus",
        "intervertebral disc",
        "joint",
        "latissimus dorsi",
        "levator scapulae",
        "muscle",
        "nerve",
        "organs",
        "pectoralis muscles",
        "piriformis",
        "quadratus lumborum",
        "sciatic nerve",
        "skin",
        "spine",
        "subscapularis",
        "thoracolumbar fascia",
        "trigger points",
        "upper trapezius"}},
  };
  for (const auto& [kind, names] : gold) {
    for (const std::string& name : names) {
      const Term* t = Builtin().Lookup(name);
      ASSERT_NE(t, nullptr) << name;
      EXPECT_EQ(t->name, name);
      EXPECT_EQ(t->kind, kind) << name;
    }
  }
}

TEST(BuiltinVocabTest, LowBackPainIsUnderBackPain) {
  const Term* t = Builtin().Lookup("lumbago");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->name, "low back pain");
  EXPECT_EQ(t->mesh_id, "D017116");
  EXPECT_EQ(t->broader, "back pain");
  std::vector<std::string> under = Builtin().Narrower("back pain");
  EXPECT_NE(std::find(under.begin(), under.end(), "low back pain"),
            under.end());
  EXPECT_NE(std::find(under.begin(), under.end(), "chronic low back pain"),
            under.end());
}

struct SeedCase {
  const char* text;
  std::vector<std::string> expected;
};

// Sentences of the seed articles with the terms their gold labels name.
TEST(BuiltinVocabTest, FindsSeedSurfaceForms) {
  const std::vector<SeedCase> cases = {
      {"Myofascial therapy targets the connective tissue surrounding muscles, "
       "which can become tight, inflamed, and restricted",
       {"intervention:myofascial release", "anatomy:connective tissue",
        "anatomy:muscle", "condition:inflammation"}},
      {"Myofascial pain refers to tension, inflammation, or trigger points in "
       "the fascia\u2014your body\u2019s internal support network.",
       {"condition:myofascial pain syndrome", "condition:inflammation",
        "anatomy:trigger points", "anatomy:fascia"}},
      {"Myofascial restrictions are a common but overlooked cause of back "
       "pain, shoulder pain, and sciatica-like symptoms.",
       {"anatomy:fascia", "condition:back pain", "condition:shoulder pain",
        "condition:sciatica"}},
      {"Tight thoracolumbar fascia can pull on the spine, compress discs, and "
       "refer pain down the legs.",
       {"anatomy:thoracolumbar fascia", "anatomy:spine",
        "anatomy:intervertebral disc"}},
      {"Fascial adhesions from past injury, surgery, or poor posture can limit "
       "spinal movement and cause chronic tension.",
       {"condition:adhesions", "condition:injury", "intervention:surgery",
        "condition:postural issues", "anatomy:spine"}},
      {"Trigger points in the quadratus lumborum or gluteus medius can mimic "
       "disc-related pain.",
       {"anatomy:trigger points", "anatomy:quadratus lumborum",
        "anatomy:gluteus medius", "condition:discogenic pain"}},
      {"The upper trapezius, levator scapulae, and subscapularis often harbor "
       "trigger points that refer pain into the shoulder blade or down the "
       "arm.",
       {"anatomy:upper trapezius", "anatomy:levator scapulae",
        "anatomy:subscapularis", "anatomy:trigger points"}},
      {"Adhesions in the pecs and lats can limit shoulder mobility and lead to "
       "rotator cuff irritation.",
       {"condition:adhesions", "anatomy:pectoralis muscles",
        "anatomy:latissimus dorsi", "condition:rotator cuff irritation"}},
      {"Scars (from C-section, mastectomy, or abdominal surgery) can create "
       "fascial tension that pulls on the upper body.",
       {"condition:scar tissue", "intervention:cesarean section",
        "intervention:mastectomy", "intervention:surgery", "anatomy:fascia"}},
      {"The piriformis and gluteus minimus can refer pain down the "
       "leg\u2014mimicking sciatica even without nerve root compression.",
       {"anatomy:piriformis", "anatomy:gluteus minimus", "condition:sciatica",
        "condition:nerve root compression"}},
      {"Fascial tightness in the lower back and hips can irritate the sciatic "
       "nerve or reduce blood flow.",
       {"anatomy:fascia", "anatomy:sciatic nerve"}},
      {"True nerve entrapment may be worsened by fascial inflammation.",
       {"condition:nerve entrapment", "anatomy:fascia",
        "condition:inflammation"}},
      {"Worsens with pressure on certain muscle knots",
       {"anatomy:trigger points"}},
      {"Effective for chronic back, shoulder, and sciatic pain",
       {"condition:sciatica"}},
      {"The ASTR Diet helps reduce inflammatory triggers and support long-term "
       "recovery.",
       {"intervention:anti-inflammatory diet", "condition:inflammation"}},
      {"Many studies have found that massage, spine manipulation and other "
       "therapies done by hand work as well as other treatments for back pain.",
       {"intervention:massage", "intervention:spinal manipulation",
        "intervention:manual therapy", "condition:back pain"}},
      {"These stiff areas, or trigger points, are thought to limit muscle and "
       "joint movements, which can play a part in widespread muscle pain.",
       {"anatomy:trigger points", "anatomy:muscle", "anatomy:joint",
        "condition:muscle pain"}},
      {"Myofascial release can help correct postural imbalances, reducing "
       "strain on the back and promoting proper alignment.",
       {"intervention:myofascial release", "condition:postural issues"}},
      {"These stretches help elongate the fascia, further releasing tension "
       "and promoting flexibility.",
       {"intervention:stretching", "anatomy:fascia"}},
      {"A: Myofascial release is a technique that focuses on the fascia, a "
       "thin layer of connective tissue that surrounds and supports muscles, "
       "bones, and organs in the body.",
       {"intervention:myofascial release", "anatomy:fascia",
        "anatomy:connective tissue", "anatomy:muscle", "anatomy:bone",
        "anatomy:organs"}},
      {"Trauma and autoimmune disease can cause this fascia to become dry, "
       "form adhesions and clump together.",
       {"condition:injury", "condition:autoimmune disease",
        "condition:adhesions", "anatomy:fascia"}},
      {"This can occur because of a car accident, sports injury or other "
       "physical trauma.",
       {"condition:injury"}},
      {"Conventional medical treatments rely on pain-relieving drugs that may "
       "mask the symptoms but never get to the cause of the problem.",
       {"intervention:medication"}},
      {"Those suffering with fibromyalgia and chronic fatigue syndrome often "
       "experience widespread pain throughout their bodies.",
       {"condition:fibromyalgia", "condition:chronic fatigue syndrome"}},
      {"Myofascial release is a naturopathic technique that can help you heal "
       "from traumatic injury and get back to living life.",
       {"intervention:myofascial release", "condition:injury"}},
      {"In its normal healthy state fascia is found to be like the weave in a "
       "finely knitted sweater , but due to any external damage or "
       "inflammation it may become rigid and stiff .",
       {"anatomy:fascia", "condition:injury", "condition:inflammation"}},
      {"Myofascial Pain Syndrome or MPS is a continuing syndrome that impact "
       "fascia .",
       {"condition:myofascial pain syndrome", "anatomy:fascia"}},
      {"Trauma , surgical procedures and inflammatory responses make "
       "Myofascial limitation that can create malleable pressures",
       {"condition:injury", "intervention:surgery", "condition:inflammation",
        "anatomy:fascia"}},
      {"Most cases of back pains are due to Myofascial Restrictions .",
       {"condition:back pain", "anatomy:fascia"}},
      {"For back painfulness , this proficiency can be in effect applied for "
       "getting rid of mild to high back infliction when correct process is "
       "used.(2)",
       {"condition:back pain"}},
      {"In such occasions ego - assistance Myofascial Release Technique is "
       "immensely helpful and effective .",
       {"intervention:myofascial release"}},
      {"Although initiation points may persist insensible , a little bit of "
       "drive can help the affected role to find out the spots .",
       {"anatomy:trigger points"}},
  };
  for (const SeedCase& c : cases) {
    std::set<std::string> found = FoundIn(c.text);
    for (const std::string& e : c.expected) {
      EXPECT_TRUE(found.count(e)) << e << " not found in: " << c.text;
    }
  }
}

// Words the gold labels leave uncoded must not turn into terms.
TEST(BuiltinVocabTest, LeavesGenericWordsAlone) {
  for (const char* text : {
           "Patients commonly report better sleep, reduced pain, and improved "
           "flexibility after just a few weeks.",
           "Comes and goes with stress or overuse",
           "Radiates in patterns (e.g., from shoulder to hand, or back to leg)",
           "Enhanced Posture: improve posture, reducing strain on the back",
           "refer pain into the shoulder blade or down the arm",
           "In this condition it can create stress , or pressure .",
           "The rest of the team took part.",
           "Tens of thousands of readers.",
           "It took 200 ms; the lbp flag and ra index.",
           "non-surgical, anti-inflammatory, pre-exercise",
       }) {
    std::set<std::string> found = FoundIn(text);
    EXPECT_TRUE(found.empty()) << text << ": " << *found.begin();
  }
}

}  // namespace
}  // namespace evq
