// importers/src/file_read.cc: reading input files, gzip or plain.
#include "file_read.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace evq::internal {
namespace {

bool EndsWithGz(const std::string& path) {
  return path.size() > 3 && (path.ends_with(".gz") || path.ends_with(".GZ"));
}

// A gzip file, decompressed whole. PubMed baselines are better streamed
// (ForEachPubmedDocument); this is for single articles and small sets.
Result<std::string> ReadGzipFile(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr)
    return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0)
    data.append(buf, static_cast<size_t>(n));
  int err = 0;
  std::string why = n < 0 ? gzerror(f, &err) : "";
  gzclose(f);
  if (n < 0) return Status::IoError(path + ": cannot decompress: " + why);
  return data;
}

}  // namespace

Result<std::string> ReadFileBytes(const std::string& path) {
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
  if (failed)
    return Status::IoError(path + ": cannot read: " + std::strerror(err));
  return data;
}

Result<std::string> ReadFileHead(const std::string& path, size_t limit) {
  // gzread passes a file that is not gzip through unchanged.
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr)
    return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  std::string head(limit, '\0');
  int n = gzread(f, head.data(), static_cast<unsigned>(limit));
  int err = 0;
  std::string why = n < 0 ? gzerror(f, &err) : "";
  gzclose(f);
  if (n < 0) return Status::IoError(path + ": cannot read: " + why);
  head.resize(static_cast<size_t>(n));
  return head;
}

}  // namespace evq::internal
