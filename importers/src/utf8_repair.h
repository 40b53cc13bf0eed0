// UTF-8 validation: invalid bytes become U+FFFD, each run reported once.
#ifndef EVQ_IMPORTERS_UTF8_REPAIR_H_
#define EVQ_IMPORTERS_UTF8_REPAIR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "evq/document.h"

namespace evq::internal {

struct InvalidUtf8Run {
  size_t offset = 0;  // byte offset of the first invalid byte in the input
  size_t length = 0;  // invalid bytes in the run
  int line = 0;       // 1-based line of the input where the run starts
};

// Returns `bytes` with every maximal run of invalid UTF-8 replaced by one
// U+FFFD, and appends the runs found to `runs`. Overlong forms, surrogates and
// code points above U+10FFFF are invalid.
std::string RepairUtf8(std::string_view bytes,
                       std::vector<InvalidUtf8Run>* runs);

// The warning every importer gives for one repaired run of `source`:
// "invalid UTF-8 (2 bytes at byte offset 17) replaced with U+FFFD".
Diagnostic InvalidUtf8Diagnostic(const std::string& source,
                                 const InvalidUtf8Run& run);

}  // namespace evq::internal

#endif  // EVQ_IMPORTERS_UTF8_REPAIR_H_
