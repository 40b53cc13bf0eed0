// Record-level access to PubMed files for the bibliography reader, which
// must skip a malformed record and keep the others, and give each work the
// line its record starts on; ForEachPubmedDocument (evq/import.h) stops at
// the first malformed record and knows no lines.
#ifndef EVQ_IMPORTERS_PUBMED_RECORDS_H_
#define EVQ_IMPORTERS_PUBMED_RECORDS_H_

#include <functional>
#include <string>
#include <string_view>

#include "evq/document.h"
#include "evq/status.h"

namespace evq::internal {

// Called with each record parsed (or its error, "FILE:LINE: malformed XML
// at byte N: why") and the 1-based line where the record starts; returns
// false to stop.
using PubmedRecordVisitor =
    std::function<bool(Result<Document> record, int line)>;

// Walks the PubMed file at `path` (plain or gzip) or, when `in_memory`, the
// `bytes` named `path`. Fails only when the file as a whole does: unreadable,
// wrong root element, truncated.
Status ForEachPubmedRecord(const std::string& path, std::string_view bytes,
                           bool in_memory, const PubmedRecordVisitor& visit);

}  // namespace evq::internal

#endif  // EVQ_IMPORTERS_PUBMED_RECORDS_H_
