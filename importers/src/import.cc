// ImportFile and ImportBuffer: read, check, repair, dispatch by format.
#include <cstdio>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "evq/import.h"
#include "file_read.h"
#include "utf8_repair.h"

namespace evq {

namespace {

}  // namespace

Result<Format> DetectFileFormat(const std::string& path) {
  Result<std::string> head = internal::ReadFileHead(path);
  if (!head.ok()) return head.status();
  return DetectFormat(path, *head);
}

Result<Document> ImportBuffer(const std::string& source, std::string_view bytes,
                              Format format) {
  if (bytes.empty()) return Status::InvalidArgument(source + ": empty file");
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return Status::InvalidArgument(source + ": binary file (NUL byte at offset " +
                                   std::to_string(nul) + "), not a text document");
  }
  // 4 KiB: an XML prolog with a DOCTYPE and comments can push the root
  // element past the first few hundred bytes.
  if (format == Format::kAuto) format = DetectFormat(source, bytes.substr(0, 4096));

  std::vector<internal::InvalidUtf8Run> runs;
  std::string text = internal::RepairUtf8(bytes, &runs);
  // Skip a byte-order mark; offsets stay relative to the repaired text.
  Document doc;
  switch (format) {
    case Format::kHtml: doc = ImportHtml(source, text); break;
    case Format::kMarkdown: doc = ImportMarkdown(source, std::move(text)); break;
    case Format::kText:
    case Format::kAuto: doc = ImportText(source, std::move(text)); break;
    case Format::kJats:
    case Format::kTei: {
      Result<Document> r = format == Format::kJats ? ImportJats(source, text) : ImportTei(source, text);
      if (!r.ok()) return r.status();
      doc = std::move(r).value();
      break;
    }
    case Format::kPubmed: {
      Result<std::vector<Document>> r = ImportPubmed(source, text);
      if (!r.ok()) return r.status();
      if (r.value().size() != 1) {
        return Status::InvalidArgument(source + ": PubMed file holds " +
                                       std::to_string(r.value().size()) +
                                       " records; import it as a set of documents");
      }
      doc = std::move(r.value().front());
      doc.source = source;  // one record: the file is the document
      break;
    }
    case Format::kMesh:
      return Status::InvalidArgument(
          source + ": a MeSH descriptor file is a vocabulary, not a document (import it with "
                   "'evq vocab import')");
  }
  for (const auto& run : runs) {
    doc.diagnostics.insert(doc.diagnostics.begin(), internal::InvalidUtf8Diagnostic(source, run));
  }
  if (!runs.empty() && runs.size() > 1) {
    // Keep reading order: the insert above reversed them.
    std::reverse(doc.diagnostics.begin(), doc.diagnostics.begin() + runs.size());
  }
  return doc;
}

Result<Document> ImportFile(const std::string& path, Format format) {
  Result<std::string> data = internal::ReadFileBytes(path);
  if (!data.ok()) return data.status();
  return ImportBuffer(path, data.value(), format);
}

Result<std::vector<Document>> ImportFileDocuments(const std::string& path, Format format) {
  Result<std::string> data = internal::ReadFileBytes(path);
  if (!data.ok()) return data.status();
  std::string_view bytes = data.value();
  if (format == Format::kAuto && !bytes.empty() && bytes.find('\0') == std::string_view::npos) {
    format = DetectFormat(path, bytes.substr(0, 4096));
  }
  std::vector<Document> docs;
  if (format == Format::kPubmed) {
    std::vector<internal::InvalidUtf8Run> runs;
    std::string text = internal::RepairUtf8(bytes, &runs);
    return ImportPubmed(path, text);
  }
  Result<Document> one = ImportBuffer(path, bytes, format);
  if (!one.ok()) return one.status();
  docs.push_back(std::move(one).value());
  return docs;
}

}  // namespace evq
