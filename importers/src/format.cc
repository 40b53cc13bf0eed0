// Format names and detection by extension or content.
#include <algorithm>
#include <cctype>
#include <string>

#include "evq/import.h"

namespace evq {

const char* FormatName(Format format) {
  switch (format) {
    case Format::kAuto: return "auto";
    case Format::kText: return "text";
    case Format::kMarkdown: return "markdown";
    case Format::kHtml: return "html";
  }
  return "auto";
}

bool ParseFormat(std::string_view name, Format* out) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (n == "auto") *out = Format::kAuto;
  else if (n == "text" || n == "txt") *out = Format::kText;
  else if (n == "markdown" || n == "md") *out = Format::kMarkdown;
  else if (n == "html" || n == "htm") *out = Format::kHtml;
  else return false;
  return true;
}

namespace {

std::string LowerExtension(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

}  // namespace

Format DetectFormat(const std::string& path, std::string_view head) {
  std::string ext = LowerExtension(path);
  if (ext == "txt" || ext == "text") return Format::kText;
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  // Sniff: skip a BOM and leading white space.
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  std::string start(head.substr(i, 64));
  std::transform(start.begin(), start.end(), start.begin(), [](unsigned char c) { return std::tolower(c); });
  if (start.rfind("<!doctype html", 0) == 0 || start.rfind("<html", 0) == 0 ||
      start.rfind("<head", 0) == 0 || start.rfind("<body", 0) == 0) {
    return Format::kHtml;
  }
  if (start.rfind("# ", 0) == 0 || start.rfind("## ", 0) == 0) return Format::kMarkdown;
  return Format::kText;
}

}  // namespace evq
