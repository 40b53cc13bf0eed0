#include "printers.h"

#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

namespace evq::cli {

bool ParseOutputFormat(const std::string& name, OutputFormat* out) {
  if (name == "text") *out = OutputFormat::kText;
  else if (name == "json") *out = OutputFormat::kJson;
  else if (name == "jsonl") *out = OutputFormat::kJsonl;
  else if (name == "csv") *out = OutputFormat::kCsv;
  else return false;
  return true;
}

bool UseColor(FILE* f) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(fileno(f)) != 0;
}

std::string JsonQuote(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

}  // namespace

std::string ReferenceLabel(const CslItem& item) { return CslItemLabel(item); }

ClaimPrinter::ClaimPrinter(FILE* out, OutputFormat format, bool explain)
    : out_(out), format_(format), explain_(explain), color_(UseColor(out)) {
  if (format_ == OutputFormat::kCsv) {
    std::fputs(
        "document,start,end,status,kind,hedged,negated,conditions,context_conditions,"
        "interventions,anatomy,markers,text\n",
        out_);
  }
}

void ClaimPrinter::Print(const StoredClaim& claim) {
  stored_ = &claim;
  Print(claim.document, claim.sentence, claim.references);
  stored_ = nullptr;
}

void ClaimPrinter::Print(const std::string& document, const Sentence& s,
                         const std::vector<CslItem>& references) {
  const std::vector<ReferenceResolution>* resolutions =
      stored_ != nullptr ? &stored_->resolutions : nullptr;
  switch (format_) {
    case OutputFormat::kJson:
      std::fputs(count_ == 0 ? "[\n" : ",\n", out_);
      std::fputs((stored_ != nullptr ? StoredClaimToJson(*stored_)
                                     : SentenceToJson(document, s, references))
                     .c_str(),
                 out_);
      break;
    case OutputFormat::kJsonl:
      std::fputs((stored_ != nullptr ? StoredClaimToJson(*stored_)
                                     : SentenceToJson(document, s, references))
                     .c_str(),
                 out_);
      std::fputc('\n', out_);
      break;
    case OutputFormat::kCsv: {
      std::vector<std::string> markers;
      for (const Citation& c : s.citations) markers.push_back(c.marker);
      std::string row = CsvField(document) + "," + std::to_string(s.start) + "," +
                        std::to_string(s.end) + "," + BackingStatusName(s.status) + "," +
                        ClaimKindName(s.kind) + "," + (s.hedged ? "true" : "false") + "," +
                        (s.negated ? "true" : "false") + "," + CsvField(Join(s.conditions, ";")) +
                        "," + CsvField(Join(s.context_conditions, ";")) + "," +
                        CsvField(Join(s.interventions, ";")) + "," +
                        CsvField(Join(s.anatomy, ";")) + "," + CsvField(Join(markers, " ")) + "," +
                        CsvField(s.text) + "\n";
      std::fputs(row.c_str(), out_);
      break;
    }
    case OutputFormat::kText: {
      if (document != last_document_) {
        if (!last_document_.empty()) std::fputc('\n', out_);
        std::fprintf(out_, "%s%s%s\n", color_ ? "\x1b[1m" : "", document.c_str(),
                     color_ ? "\x1b[0m" : "");
        last_document_ = document;
      }
      const char* status = BackingStatusName(s.status);
      const char* color = "";
      if (color_) color = s.status == BackingStatus::kCited ? "\x1b[32m" : "\x1b[33m";
      std::fprintf(out_, "  %s%-10s%s %s\n", color, status, color_ ? "\x1b[0m" : "", s.text.c_str());
      std::string about = Join(s.conditions, ", ");
      if (about.empty() && !s.context_conditions.empty()) {
        about = "(context) " + Join(s.context_conditions, ", ");
      }
      std::fprintf(out_, "             %s%s%s%s\n", ClaimKindName(s.kind),
                   s.hedged ? ", hedged" : "", s.negated ? ", negated" : "",
                   about.empty() ? "" : ("; about: " + about).c_str());
      for (const Citation& c : s.citations) {
        if (c.references.empty()) {
          std::fprintf(out_, "             %s -> no such reference\n", c.marker.c_str());
        }
        for (int r : c.references) {
          if (r >= 0 && static_cast<size_t>(r) < references.size()) {
            std::fprintf(out_, "             %s -> %s\n", c.marker.c_str(),
                         ReferenceLabel(references[r]).c_str());
            if (resolutions != nullptr && static_cast<size_t>(r) < resolutions->size() &&
                (*resolutions)[r].retracted) {
              std::fprintf(out_, "             %sRETRACTED%s work %lld: %s\n",
                           color_ ? "\x1b[31m" : "", color_ ? "\x1b[0m" : "",
                           static_cast<long long>((*resolutions)[r].work),
                           (*resolutions)[r].retraction_evidence.c_str());
            }
          }
        }
      }
      if (!s.backing_phrase.empty()) {
        std::fprintf(out_, "             backing: \"%s\"\n", s.backing_phrase.c_str());
      }
      if (explain_) {
        std::fprintf(out_, "             why: %s\n", Join(s.evidence, "; ").c_str());
      }
      break;
    }
  }
  ++count_;
}

void ClaimPrinter::Finish() {
  if (format_ == OutputFormat::kJson) std::fputs(count_ == 0 ? "[]\n" : "\n]\n", out_);
  std::fflush(out_);
}

}  // namespace evq::cli
