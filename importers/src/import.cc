// ImportFile and ImportBuffer: read, check, repair, dispatch by format.
#include <cstdio>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include <zlib.h>

#include "evq/import.h"
#include "utf8_repair.h"

namespace evq {

namespace {

bool EndsWithGz(const std::string& path) {
  return path.size() > 3 && (path.ends_with(".gz") || path.ends_with(".GZ"));
}

// A gzip file, decompressed whole. PubMed baselines are better streamed
// (ForEachPubmedDocument); this is for single articles and small sets.
Result<std::string> ReadGzipFile(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) data.append(buf, static_cast<size_t>(n));
  int err = 0;
  std::string why = n < 0 ? gzerror(f, &err) : "";
  gzclose(f);
  if (n < 0) return Status::IoError(path + ": cannot decompress: " + why);
  return data;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  if (EndsWithGz(path)) return ReadGzipFile(path);
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  }
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool failed = std::ferror(f) != 0;
  int err = errno;
  std::fclose(f);
  if (failed) return Status::IoError(path + ": cannot read: " + std::strerror(err));
  return data;
}

}  // namespace

Result<Format> DetectFileFormat(const std::string& path) {
  // gzread passes a file that is not gzip through unchanged.
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::string head(4096, '\0');
  int n = gzread(f, head.data(), static_cast<unsigned>(head.size()));
  int err = 0;
  std::string why = n < 0 ? gzerror(f, &err) : "";
  gzclose(f);
  if (n < 0) return Status::IoError(path + ": cannot read: " + why);
  head.resize(static_cast<size_t>(n));
  return DetectFormat(path, head);
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
  Result<std::string> data = ReadWholeFile(path);
  if (!data.ok()) return data.status();
  return ImportBuffer(path, data.value(), format);
}

Result<std::vector<Document>> ImportFileDocuments(const std::string& path, Format format) {
  Result<std::string> data = ReadWholeFile(path);
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
