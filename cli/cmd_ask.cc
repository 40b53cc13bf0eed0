// evq ask: everyday questions answered from the corpus database.
#include <cstdio>
#include <string>
#include <vector>

#include "common.h"
#include "evq/ask.h"
#include "evq/store.h"
#include "printers.h"

namespace evq::cli {

int RunAsk(const std::vector<std::string>& args) {
  po::options_description options("options");
  AddDbOption(options);
  AddVocabOption(options);
  options.add_options()("format", po::value<std::string>()->default_value("text"),
                        "output: text (default), json, jsonl or csv")(
      "explain", "print the structured query the question became, then the answer")(
      "question", po::value<std::vector<std::string>>(), "the question");
  po::variables_map vm;
  int code;
  std::string forms;
  for (const std::string& f : QuestionForms()) forms += "\n  " + f;
  std::string description =
      "Answers a question about the corpus from the database. Questions evq understands:" + forms +
      "\nCONDITION, TREATMENT and BODY PART are any names or synonyms in the vocabulary\n"
      "(\"LBP\", \"lumbago\"); a broader condition includes its narrower ones.";
  if (!ParseArgs(args, "evq ask [--db PATH] [--explain] \"QUESTION\"", description.c_str(), options,
                 "question", &vm, &code)) {
    return code;
  }
  if (!vm.count("question")) {
    PrintError("ask: no question given (see 'evq ask --help')");
    return kExitError;
  }
  std::string text;
  for (const std::string& w : vm["question"].as<std::vector<std::string>>()) {
    text += (text.empty() ? "" : " ") + w;
  }
  OutputFormat format;
  std::string fname = vm["format"].as<std::string>();
  if (!ParseOutputFormat(fname, &format)) {
    PrintError("ask: unknown format '" + fname + "' (expected text, json, jsonl or csv)");
    return kExitError;
  }
  Vocabulary vocab;
  if (!LoadVocabulary(vm, &vocab)) return kExitError;
  Result<Question> question = ParseQuestion(text, vocab);
  if (!question.ok()) {
    PrintError(question.status().message());
    return kExitError;
  }
  if (vm.count("explain")) std::fprintf(stderr, "query: %s\n", DescribeQuestion(*question).c_str());
  std::string db = DatabasePath(vm);
  if (FILE* f = std::fopen(db.c_str(), "rb")) {
    std::fclose(f);
  } else {
    PrintError(db + ": no such database (import articles first: evq import --db " + db + " FILE...)");
    return kExitError;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(db, vocab);
  if (!store.ok()) {
    PrintError(store.status().message());
    return kExitError;
  }
  Result<Answer> answer = AnswerQuestion(*question, **store);
  if (!answer.ok()) {
    PrintError(answer.status().message());
    return kExitError;
  }
  switch (question->kind) {
    case Question::Kind::kClaims:
    case Question::Kind::kTopic: {
      ClaimPrinter printer(stdout, format, false);
      for (const StoredClaim& c : answer->claims) printer.Print(c);
      printer.Finish();
      return answer->claims.empty() ? kExitNothing : kExitOk;
    }
    case Question::Kind::kUncitedReferences:
    case Question::Kind::kUnresolvedReferences:
      for (const StoredReference& r : answer->references) {
        if (format == OutputFormat::kText) {
          std::printf("%s  %s  %s\n", r.document.c_str(), r.item.id.c_str(), ReferenceLabel(r.item).c_str());
        } else if (format == OutputFormat::kCsv) {
          std::printf("%s,%s,%s\n", CsvField(r.document).c_str(), CsvField(r.item.id).c_str(),
                      CsvField(ReferenceLabel(r.item)).c_str());
        } else {
          std::printf("{\"document\":%s,\"reference\":%s}\n",
                      JsonQuote(r.document).c_str(), CslItemToJson(r.item).c_str());
        }
      }
      return answer->references.empty() ? kExitNothing : kExitOk;
    case Question::Kind::kDocumentsByStatus:
      for (const DocumentCount& d : answer->documents) {
        if (format == OutputFormat::kCsv) {
          std::printf("%s,%lld\n", CsvField(d.document).c_str(), static_cast<long long>(d.count));
        } else if (format == OutputFormat::kText) {
          std::printf("%6lld  %s\n", static_cast<long long>(d.count), d.document.c_str());
        } else {
          std::printf("{\"document\":%s,\"claims\":%lld}\n", JsonQuote(d.document).c_str(),
                      static_cast<long long>(d.count));
        }
      }
      return answer->documents.empty() ? kExitNothing : kExitOk;
  }
  return kExitOk;
}

}  // namespace evq::cli
