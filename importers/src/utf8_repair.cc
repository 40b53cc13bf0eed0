#include "utf8_repair.h"

namespace evq::internal {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n;
  unsigned min;
  unsigned cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

std::string RepairUtf8(std::string_view bytes,
                       std::vector<InvalidUtf8Run>* runs) {
  std::string out;
  out.reserve(bytes.size());
  int line = 1;
  size_t i = 0;
  while (i < bytes.size()) {
    // Fast path for ASCII.
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      if (c == '\n') ++line;
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t n = ValidSequenceLength(bytes, i);
    if (n > 0) {
      out.append(bytes.substr(i, n));
      i += n;
      continue;
    }
    InvalidUtf8Run run;
    run.offset = i;
    run.line = line;
    while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) >= 0x80 &&
           ValidSequenceLength(bytes, i) == 0) {
      ++i;
    }
    run.length = i - run.offset;
    out.append("\xEF\xBF\xBD");
    if (runs) runs->push_back(run);
  }
  return out;
}

Diagnostic InvalidUtf8Diagnostic(const std::string& source,
                                 const InvalidUtf8Run& run) {
  Diagnostic d;
  d.severity = Diagnostic::Severity::kWarning;
  d.file = source;
  d.line = run.line;
  d.offset = run.offset;
  d.message = "invalid UTF-8 (" + std::to_string(run.length) + " byte" +
              (run.length == 1 ? "" : "s") + " at byte offset " +
              std::to_string(run.offset) + ") replaced with U+FFFD";
  return d;
}

}  // namespace evq::internal
