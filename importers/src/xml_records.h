// Splitting large record-set XML files (PubMed baselines, MeSH descriptor
// files: hundreds of megabytes) into records parsed one at a time, so memory
// stays bounded by the largest record rather than the file.
//
// The byte stream is cut at the record element's start and end tags; the
// text between records (white space, <DeleteCitation>) is skipped. A record
// is handed over with its file offset and line so errors name file
// positions.
#ifndef EVQ_IMPORTERS_XML_RECORDS_H_
#define EVQ_IMPORTERS_XML_RECORDS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "evq/status.h"
#include "xml_util.h"

namespace evq::xml {

// Longest record accepted: real PubMed records are under 1 MB.
constexpr size_t kMaxRecord = size_t{64} << 20;

// A record set: which roots it may have and, per root, the record elements.
struct RecordSetSpec {
  std::vector<std::string> roots;    // "PubmedArticleSet", "MedlineCitationSet"
  // record_tags[i] are the record element names under roots[i].
  std::vector<std::vector<std::string>> record_tags;
  std::string expected;  // for the wrong-root message: "<PubmedArticleSet>"
};

// Called with one complete record element, its origin in the file, and the
// record element's name. Return a failed Status to stop with it; an ok
// Status with *stop set to true stops quietly.
using RecordVisitor =
    std::function<Status(std::string_view record, const Origin& origin, bool* stop)>;

// Streams the file at `path` (gzip or plain: zlib reads both) through
// `visit`. Errors: unreadable file, wrong root element, a record longer
// than kMaxRecord, a truncated file ("malformed XML at byte N: end of file
// inside <PubmedArticle>" or "... before </PubmedArticleSet>").
Status ForEachRecordInFile(const std::string& path, const RecordSetSpec& spec,
                           const RecordVisitor& visit);
// The same over bytes in memory; `source` names them in errors.
Status ForEachRecordInBuffer(const std::string& source, std::string_view bytes,
                             const RecordSetSpec& spec, const RecordVisitor& visit);

}  // namespace evq::xml

#endif  // EVQ_IMPORTERS_XML_RECORDS_H_
