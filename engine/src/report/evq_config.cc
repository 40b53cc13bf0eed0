// The TOML-subset reader behind .evq.toml (see evq_config.h for the subset).
#include "evq_config.h"

#include <cstdlib>
#include <set>
#include <utility>

namespace evq::internal {

const char* TomlTypeName(TomlValue::Type type) {
  switch (type) {
    case TomlValue::Type::kString: return "string";
    case TomlValue::Type::kBool: return "boolean";
    case TomlValue::Type::kNumber: return "number";
    case TomlValue::Type::kStringArray: return "array of strings";
  }
  return "string";
}

namespace {

bool IsBareKeyChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-';
}

void AppendUtf8(unsigned long cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A cursor over the whole text that knows its line, so arrays may span lines
// and errors name the line where the problem is.
class Parser {
 public:
  Parser(std::string_view text, const std::string& origin) : text_(text), origin_(origin) {}

  Result<std::vector<TomlEntry>> Run() {
    std::vector<TomlEntry> entries;
    std::set<std::string> seen_keys, seen_tables;
    std::string table;
    while (true) {
      SkipBlankLinesAndComments();
      if (AtEnd()) break;
      int line = line_;
      if (Peek() == '[') {
        ++pos_;
        if (Peek() == '[') return Error("arrays of tables ([[...]]) are not supported");
        std::string name;
        while (true) {
          SkipSpaces();
          std::string part;
          Status s = ReadKey(&part);
          if (!s.ok()) return s;
          name += (name.empty() ? "" : ".") + part;
          SkipSpaces();
          if (Peek() == '.') {
            ++pos_;
            continue;
          }
          break;
        }
        if (Peek() != ']') return Error("expected ']' after table name '" + name + "'");
        ++pos_;
        if (!seen_tables.insert(name).second) return Error("table [" + name + "] defined twice");
        table = name;
        Status end = ExpectLineEnd();
        if (!end.ok()) return end;
        (void)line;
        continue;
      }
      TomlEntry e;
      e.table = table;
      e.line = line;
      Status s = ReadKey(&e.key);
      if (!s.ok()) return s;
      SkipSpaces();
      if (Peek() == '.') return Error("dotted keys are not supported ('" + e.key + ".')");
      if (Peek() != '=') return Error("expected '=' after key '" + e.key + "'");
      ++pos_;
      SkipSpaces();
      s = ReadValue(&e.value);
      if (!s.ok()) return s;
      if (!seen_keys.insert(table + "\n" + e.key).second) {
        return ErrorAt(line, "key '" + e.key + "' given twice" +
                                 (table.empty() ? std::string() : " in [" + table + "]"));
      }
      s = ExpectLineEnd();
      if (!s.ok()) return s;
      entries.push_back(std::move(e));
    }
    return entries;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }

  Status ErrorAt(int line, const std::string& cause) const {
    return Status::InvalidArgument(origin_ + ":" + std::to_string(line) + ": " + cause);
  }
  Status Error(const std::string& cause) const { return ErrorAt(line_, cause); }

  void SkipSpaces() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t')) ++pos_;
  }
  void SkipComment() {
    if (Peek() != '#') return;
    while (!AtEnd() && Peek() != '\n') ++pos_;
  }
  // Spaces, comments and newlines (inside arrays, and between entries).
  void SkipBlankLinesAndComments() {
    while (!AtEnd()) {
      SkipSpaces();
      SkipComment();
      if (Peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
      if (Peek() != '\n') return;
      ++pos_;
      ++line_;
    }
  }
  Status ExpectLineEnd() {
    SkipSpaces();
    SkipComment();
    if (Peek() == '\r') ++pos_;
    if (AtEnd()) return Status::Ok();
    if (Peek() != '\n') {
      return Error("unexpected '" + std::string(1, Peek()) + "' after value (one key a line)");
    }
    ++pos_;
    ++line_;
    return Status::Ok();
  }

  Status ReadKey(std::string* key) {
    if (Peek() == '"' || Peek() == '\'') return ReadString(key);
    size_t start = pos_;
    while (!AtEnd() && IsBareKeyChar(Peek())) ++pos_;
    if (pos_ == start) {
      if (AtEnd() || Peek() == '\n') return Error("expected a key");
      return Error("unexpected '" + std::string(1, Peek()) + "' where a key should be");
    }
    *key = std::string(text_.substr(start, pos_ - start));
    return Status::Ok();
  }

  Status ReadString(std::string* out) {
    char quote = Peek();
    ++pos_;
    if (Peek() == quote && pos_ + 1 < text_.size() && text_[pos_ + 1] == quote) {
      return Error("multi-line strings are not supported");
    }
    out->clear();
    while (true) {
      if (AtEnd() || Peek() == '\n') return Error("unterminated string");
      char c = text_[pos_++];
      if (c == quote) return Status::Ok();
      if (c != '\\' || quote == '\'') {
        *out += c;
        continue;
      }
      if (AtEnd()) return Error("unterminated string");
      char e = text_[pos_++];
      switch (e) {
        case 'n': *out += '\n'; break;
        case 't': *out += '\t'; break;
        case 'r': *out += '\r'; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case '"': *out += '"'; break;
        case '\\': *out += '\\'; break;
        case 'u':
        case 'U': {
          size_t n = e == 'u' ? 4 : 8;
          if (pos_ + n > text_.size()) return Error("bad escape '\\" + std::string(1, e) + "'");
          std::string hex(text_.substr(pos_, n));
          char* end = nullptr;
          unsigned long cp = std::strtoul(hex.c_str(), &end, 16);
          if (end != hex.c_str() + n || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return Error("bad escape '\\" + std::string(1, e) + hex + "'");
          }
          pos_ += n;
          AppendUtf8(cp, out);
          break;
        }
        default:
          return Error("bad escape '\\" + std::string(1, e) + "'");
      }
    }
  }

  Status ReadValue(TomlValue* v) {
    char c = Peek();
    if (c == '"' || c == '\'') {
      v->type = TomlValue::Type::kString;
      return ReadString(&v->string);
    }
    if (c == '[') {
      // An unclosed array is reported where it opened, not at the end of file.
      int open_line = line_;
      ++pos_;
      v->type = TomlValue::Type::kStringArray;
      while (true) {
        SkipBlankLinesAndComments();
        if (Peek() == ']') {
          ++pos_;
          return Status::Ok();
        }
        if (Peek() != '"' && Peek() != '\'') {
          if (AtEnd()) return ErrorAt(open_line, "unterminated array");
          return Error("arrays may hold only strings");
        }
        std::string s;
        Status st = ReadString(&s);
        if (!st.ok()) return st;
        v->strings.push_back(std::move(s));
        SkipBlankLinesAndComments();
        if (Peek() == ',') {
          ++pos_;
          continue;
        }
        if (Peek() == ']') continue;
        if (AtEnd()) return ErrorAt(open_line, "unterminated array");
        return Error("expected ',' or ']' in array");
      }
    }
    if (c == '{') return Error("inline tables are not supported");
    size_t start = pos_;
    while (!AtEnd() && Peek() != '\n' && Peek() != '#' && Peek() != ' ' && Peek() != '\t' &&
           Peek() != '\r') {
      ++pos_;
    }
    std::string word(text_.substr(start, pos_ - start));
    if (word.empty()) return Error("expected a value");
    if (word == "true" || word == "false") {
      v->type = TomlValue::Type::kBool;
      v->boolean = word == "true";
      return Status::Ok();
    }
    std::string digits;
    for (char d : word) {
      if (d != '_') digits += d;  // TOML allows 1_000
    }
    char* end = nullptr;
    double n = std::strtod(digits.c_str(), &end);
    bool numeric = !digits.empty() && end == digits.c_str() + digits.size() &&
                   digits.find_first_of("xXnN") == std::string::npos;  // no hex, nan, inf
    if (!numeric) return Error("invalid value '" + word + "'");
    v->type = TomlValue::Type::kNumber;
    v->number = n;
    return Status::Ok();
  }

  std::string_view text_;
  const std::string& origin_;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

Result<std::vector<TomlEntry>> ParseToml(std::string_view text, const std::string& origin) {
  return Parser(text, origin).Run();
}

}  // namespace evq::internal
