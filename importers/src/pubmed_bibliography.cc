// PubMed XML as a bibliography: each PubmedArticle / MedlineCitation is a
// Work, built by WorkFromDocument from what the PubMed importer states
// (citation item, publication types, MeSH headings, retraction flags from
// "Retracted Publication", CommentsCorrections RefType="RetractionIn" and
// the 2006 <RetractionIn>).
#include <string>
#include <string_view>

#include "bibliography_readers.h"
#include "evq/works.h"
#include "pubmed_records.h"

namespace evq::internal {
namespace {

// "FILE:LINE: why" without "FILE:LINE: ": the diagnostic carries both.
std::string WithoutPosition(const std::string& message,
                            const std::string& source) {
  if (!message.starts_with(source + ":")) return message;
  size_t i = source.size() + 1;
  size_t j = i;
  while (j < message.size() && message[j] >= '0' && message[j] <= '9') ++j;
  if (j > i && message.compare(j, 2, ": ") == 0) return message.substr(j + 2);
  return message.substr(i);
}

// The line named in "FILE:LINE: ...", or 0.
int LineOf(const std::string& message, const std::string& source) {
  if (!message.starts_with(source + ":")) return 0;
  int line = 0;
  for (size_t i = source.size() + 1;
       i < message.size() && message[i] >= '0' && message[i] <= '9'; ++i) {
    line = line * 10 + (message[i] - '0');
    if (line > 100000000) return 0;
  }
  return line;
}

Result<int> Read(const std::string& path, std::string_view bytes,
                 bool in_memory, BibliographySink* sink) {
  int records = 0;
  Status st = ForEachPubmedRecord(
      path, bytes, in_memory, [&](Result<Document> record, int line) {
        ++records;
        if (!record.ok()) {
          const std::string& m = record.status().message();
          int at = LineOf(m, sink->source());
          sink->Skip(at != 0 ? at : line, 0,
                     WithoutPosition(m, sink->source()));
          return true;
        }
        Work work = WorkFromDocument(record.value());
        // WorkFromDocument types journal articles; a record without a journal
        // is a PubmedBookArticle.
        if (work.item.type.empty()) work.item.type = "book";
        sink->AddWork(std::move(work), line);
        return true;
      });
  if (!st.ok()) {
    // Wrong root, unreadable file: nothing to keep. A file cut short after
    // some records keeps them.
    if (records == 0) return st;
    const std::string& m = st.message();
    sink->Skip(LineOf(m, sink->source()), 0,
               WithoutPosition(m, sink->source()));
  }
  return records;
}

}  // namespace

Result<int> ReadPubmedBuffer(std::string_view text, BibliographySink* sink) {
  return Read(sink->source(), text, true, sink);
}

Result<int> ReadPubmedFile(const std::string& path, BibliographySink* sink) {
  return Read(path, {}, false, sink);
}

}  // namespace evq::internal
