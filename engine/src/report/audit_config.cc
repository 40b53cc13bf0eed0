// .evq.toml: finding it from a directory upward, and reading it into
// AuditOptions (format in evq/audit.h and docs/audit.md).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "evq/audit.h"
#include "evq_config.h"

namespace evq {

namespace {

namespace fs = std::filesystem;
using internal::TomlEntry;
using internal::TomlValue;

Status ErrorAt(const std::string& path, int line, const std::string& cause) {
  return Status::InvalidArgument(path + ":" + std::to_string(line) + ": " + cause);
}

// "a string", "an array of strings".
std::string WithArticle(TomlValue::Type type) {
  std::string name = internal::TomlTypeName(type);
  return (name[0] == 'a' ? "an " : "a ") + name;
}

Status WantType(const std::string& path, const TomlEntry& e, TomlValue::Type type) {
  if (e.value.type == type) return Status::Ok();
  return ErrorAt(path, e.line,
                 "'" + e.key + "' must be " + WithArticle(type) + ", not " +
                     WithArticle(e.value.type));
}

// Relative paths in the file are relative to the file's directory, so the
// same config works from any working directory below it.
std::string Resolve(const std::string& dir, const std::string& p) {
  if (p.empty() || fs::path(p).is_absolute() || dir.empty()) return p;
  return (fs::path(dir) / p).lexically_normal().string();
}

Status ApplyAudit(const std::string& path, const std::string& dir, const TomlEntry& e,
                  AuditConfig* config) {
  AuditOptions& o = config->options;
  if (e.key == "skip") {
    Status s = WantType(path, e, TomlValue::Type::kStringArray);
    if (!s.ok()) return s;
    o.skip.insert(o.skip.end(), e.value.strings.begin(), e.value.strings.end());
    o.base_dir = dir;
  } else if (e.key == "vocab") {
    Status s = WantType(path, e, TomlValue::Type::kStringArray);
    if (!s.ok()) return s;
    for (const std::string& v : e.value.strings) config->vocab_files.push_back(Resolve(dir, v));
  } else if (e.key == "fail-on") {
    Status s = WantType(path, e, TomlValue::Type::kStringArray);
    if (!s.ok()) return s;
    o.fail_on.clear();
    o.fail_on_severity.reset();
    for (const std::string& name : e.value.strings) {
      AuditRule rule;
      AuditSeverity severity;
      if (ParseAuditRule(name, &rule)) {
        o.fail_on.push_back(rule);
      } else if (ParseAuditSeverity(name, &severity)) {
        o.fail_on_severity = severity;
      } else {
        return ErrorAt(path, e.line, "unknown rule or severity '" + name + "' in 'fail-on'");
      }
    }
  } else if (e.key == "fail-under") {
    Status s = WantType(path, e, TomlValue::Type::kNumber);
    if (!s.ok()) return s;
    if (e.value.number < 0 || e.value.number > 1) {
      return ErrorAt(path, e.line, "'fail-under' must be between 0 and 1");
    }
    o.fail_under = e.value.number;
  } else {
    return ErrorAt(path, e.line,
                   "unknown key '" + e.key + "' in [audit] (expected skip, vocab, fail-on or "
                   "fail-under)");
  }
  return Status::Ok();
}

Status ApplyRule(const std::string& path, const TomlEntry& e, AuditOptions* o) {
  AuditRule rule;
  if (!ParseAuditRule(e.key, &rule)) return ErrorAt(path, e.line, "unknown rule '" + e.key + "'");
  int i = static_cast<int>(rule);
  if (e.value.type == TomlValue::Type::kBool) {
    o->enabled[i] = e.value.boolean;
    return Status::Ok();
  }
  if (e.value.type != TomlValue::Type::kString) {
    return ErrorAt(path, e.line,
                   "rule '" + e.key + "' must be a severity string or a boolean, not " +
                       WithArticle(e.value.type));
  }
  if (e.value.string == "off") {
    o->enabled[i] = false;
    return Status::Ok();
  }
  AuditSeverity severity;
  if (!ParseAuditSeverity(e.value.string, &severity)) {
    return ErrorAt(path, e.line,
                   "unknown severity '" + e.value.string + "' for rule '" + e.key +
                       "' (expected error, warning, note or off)");
  }
  o->enabled[i] = true;
  o->severity[i] = severity;
  return Status::Ok();
}

}  // namespace

std::string FindAuditConfig(const std::string& start_dir) {
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir.empty() ? "." : start_dir, ec);
  if (ec) return "";
  dir = dir.lexically_normal();
  while (true) {
    fs::path candidate = dir / ".evq.toml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return "";
    dir = dir.parent_path();
  }
}

Result<AuditConfig> LoadAuditConfig(const std::string& path, const AuditOptions& defaults) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot read");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": cannot read");
  Result<std::vector<TomlEntry>> entries = internal::ParseToml(buf.str(), path);
  if (!entries.ok()) return entries.status();
  AuditConfig config;
  config.path = path;
  config.options = defaults;
  std::string dir = fs::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  for (const TomlEntry& e : *entries) {
    Status s;
    if (e.table == "audit") {
      s = ApplyAudit(path, dir, e, &config);
    } else if (e.table == "rules") {
      s = ApplyRule(path, e, &config.options);
    } else if (e.table.empty()) {
      s = ErrorAt(path, e.line, "key '" + e.key + "' outside a table (expected [audit] or [rules])");
    } else {
      s = ErrorAt(path, e.line, "unknown table [" + e.table + "] (expected [audit] or [rules])");
    }
    if (!s.ok()) return s;
  }
  return config;
}

}  // namespace evq
