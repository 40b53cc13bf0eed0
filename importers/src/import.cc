// ImportFile and ImportBuffer: read, check, repair, dispatch by format.
#include <cstdio>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "evq/import.h"
#include "utf8_repair.h"

namespace evq {

namespace {

Result<std::string> ReadWholeFile(const std::string& path) {
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

Result<Document> ImportBuffer(const std::string& source, std::string_view bytes,
                              Format format) {
  if (bytes.empty()) return Status::InvalidArgument(source + ": empty file");
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return Status::InvalidArgument(source + ": binary file (NUL byte at offset " +
                                   std::to_string(nul) + "), not a text document");
  }
  if (format == Format::kAuto) format = DetectFormat(source, bytes.substr(0, 512));

  std::vector<internal::InvalidUtf8Run> runs;
  std::string text = internal::RepairUtf8(bytes, &runs);
  // Skip a byte-order mark; offsets stay relative to the repaired text.
  Document doc;
  switch (format) {
    case Format::kHtml: doc = ImportHtml(source, text); break;
    case Format::kMarkdown: doc = ImportMarkdown(source, std::move(text)); break;
    case Format::kText:
    case Format::kAuto: doc = ImportText(source, std::move(text)); break;
  }
  for (const auto& run : runs) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::kWarning;
    d.file = source;
    d.line = run.line;
    d.offset = run.offset;
    d.message = "invalid UTF-8 (" + std::to_string(run.length) + " byte" +
                (run.length == 1 ? "" : "s") + " at byte offset " +
                std::to_string(run.offset) + ") replaced with U+FFFD";
    doc.diagnostics.insert(doc.diagnostics.begin(), d);
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

}  // namespace evq
