// importers/src/file_read.h: reading input files, gzip or plain, for every
// importer (documents and bibliographies alike).
#ifndef EVQ_IMPORTERS_FILE_READ_H_
#define EVQ_IMPORTERS_FILE_READ_H_

#include <cstddef>
#include <string>

#include "evq/status.h"

namespace evq::internal {

// The whole file at `path`, decompressed when the name ends in ".gz".
// Errors name the file: "PATH: cannot open: No such file or directory",
// "PATH: cannot read: ...", "PATH: cannot decompress: ...".
Result<std::string> ReadFileBytes(const std::string& path);

// At most `limit` bytes from the start of the file at `path`, decompressed
// when it is gzip (whatever its name), for format detection.
Result<std::string> ReadFileHead(const std::string& path, size_t limit = 4096);

}  // namespace evq::internal

#endif  // EVQ_IMPORTERS_FILE_READ_H_
