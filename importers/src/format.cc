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
    case Format::kJats: return "jats";
    case Format::kPubmed: return "pubmed";
    case Format::kTei: return "tei";
    case Format::kMesh: return "mesh";
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
  else if (n == "jats" || n == "nxml") *out = Format::kJats;
  else if (n == "pubmed" || n == "medline") *out = Format::kPubmed;
  else if (n == "tei") *out = Format::kTei;
  else if (n == "mesh") *out = Format::kMesh;
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

// The local name of the first element of an XML document, skipping the
// declaration, comments, processing instructions and the DOCTYPE; "" when
// `head` does not start like XML. A DOCTYPE naming JATS/NLM or PubMed
// decides when the root itself lies beyond `head`.
std::string XmlRootName(std::string_view head, std::string* doctype) {
  size_t i = 0;
  while (i < head.size()) {
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (i >= head.size() || head[i] != '<') return "";
    std::string_view rest = head.substr(i);
    size_t close;
    if (rest.starts_with("<?")) {
      close = head.find("?>", i);
      if (close == std::string_view::npos) return "";
      i = close + 2;
    } else if (rest.starts_with("<!--")) {
      close = head.find("-->", i);
      if (close == std::string_view::npos) return "";
      i = close + 3;
    } else if (rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype")) {
      close = head.find('>', i);
      *doctype = std::string(head.substr(i, close == std::string_view::npos ? 512 : close - i));
      if (close == std::string_view::npos) return "";
      i = close + 1;
    } else {
      size_t j = i + 1;
      while (j < head.size() && !std::isspace(static_cast<unsigned char>(head[j])) &&
             head[j] != '>' && head[j] != '/') {
        ++j;
      }
      std::string name(head.substr(i + 1, j - i - 1));
      size_t colon = name.find(':');
      return colon == std::string::npos ? name : name.substr(colon + 1);
    }
  }
  return "";
}

Format XmlFormat(std::string_view head) {
  std::string doctype;
  std::string root = XmlRootName(head, &doctype);
  if (root == "article") return Format::kJats;
  if (root == "PubmedArticleSet" || root == "MedlineCitationSet" || root == "PubmedArticle") {
    return Format::kPubmed;
  }
  if (root == "TEI" || root == "teiCorpus") return Format::kTei;
  if (root == "DescriptorRecordSet") return Format::kMesh;
  if (root.empty() && !doctype.empty()) {
    if (doctype.find("JATS") != std::string::npos || doctype.find("NLM//DTD") != std::string::npos) {
      return Format::kJats;
    }
    if (doctype.find("PubmedArticleSet") != std::string::npos ||
        doctype.find("MedlineCitationSet") != std::string::npos) {
      return Format::kPubmed;
    }
  }
  return Format::kAuto;
}

}  // namespace

Format DetectFormat(const std::string& path, std::string_view head) {
  std::string ext = LowerExtension(path);
  if (ext == "gz") ext = LowerExtension(path.substr(0, path.size() - 3));
  if (ext == "txt" || ext == "text") return Format::kText;
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "nxml") return Format::kJats;
  // Sniff: skip a BOM and leading white space.
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (Format xml = XmlFormat(head.substr(i)); xml != Format::kAuto) return xml;
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
