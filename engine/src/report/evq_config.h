// A reader for the subset of TOML that .evq.toml uses: [table] and
// [table.sub] headers, key = value lines with bare or quoted keys, and
// values that are strings ("basic" with escapes, 'literal'), booleans,
// numbers (integer or float), and arrays of strings (may span lines);
// '#' comments anywhere outside strings. Dotted keys, inline tables, dates,
// multi-line strings and arrays of tables are not supported and are
// reported as errors rather than misread.
#ifndef EVQ_REPORT_EVQ_CONFIG_H_
#define EVQ_REPORT_EVQ_CONFIG_H_

#include <string>
#include <string_view>
#include <vector>

#include "evq/status.h"

namespace evq::internal {

struct TomlValue {
  enum class Type { kString, kBool, kNumber, kStringArray };
  Type type = Type::kString;
  std::string string;
  bool boolean = false;
  double number = 0;
  std::vector<std::string> strings;
};

// "string", "boolean", "number", "array of strings".
const char* TomlTypeName(TomlValue::Type type);

struct TomlEntry {
  std::string table;  // "" for keys before any header; "rules", "a.b"
  std::string key;
  TomlValue value;
  int line = 0;  // 1-based line of the key
};

// Parses `text`; entries come in file order. Errors are kInvalidArgument
// "ORIGIN:LINE: cause", e.g. "x.toml:3: expected '=' after key 'skip'".
// A key given twice in one table is an error.
Result<std::vector<TomlEntry>> ParseToml(std::string_view text, const std::string& origin);

}  // namespace evq::internal

#endif  // EVQ_REPORT_EVQ_CONFIG_H_
