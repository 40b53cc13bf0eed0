// evq/import.h: turning files into evq Documents.
//
// One importer per format (plain text, Markdown, HTML); each turns bytes into
// the Document model of evq/document.h. Importers never print: what they
// find wrong comes back as Document::diagnostics (worked around) or as a
// failed Result (nothing imported).
//
// Ownership: results own their data. Thread safety: all functions are
// reentrant and may run concurrently on different inputs.
#ifndef EVQ_IMPORT_H_
#define EVQ_IMPORT_H_

#include <string>
#include <string_view>

#include "evq/document.h"
#include "evq/status.h"

namespace evq {

enum class Format { kAuto, kText, kMarkdown, kHtml };

// "auto", "text", "markdown", "html".
const char* FormatName(Format format);
// Parses a --format value ("txt" and "md" and "htm" accepted); false if unknown.
bool ParseFormat(std::string_view name, Format* out);

// The format of a file: by extension (.txt, .md, .markdown, .html, .htm),
// else by sniffing its first bytes ("<!doctype html", "<html", leading '#').
Format DetectFormat(const std::string& path, std::string_view head);

// Reads and imports the file at `path`. Errors (file named in the message):
// unreadable, empty, or binary (NUL bytes). Invalid UTF-8 is replaced with
// U+FFFD and reported as a diagnostic with its byte offset.
Result<Document> ImportFile(const std::string& path, Format format = Format::kAuto);

// Imports `bytes` as if read from `source`. `format` kAuto sniffs.
Result<Document> ImportBuffer(const std::string& source, std::string_view bytes,
                              Format format = Format::kAuto);

// Format-specific entry points; `text` must be valid UTF-8.
Document ImportText(const std::string& source, std::string text);
Document ImportMarkdown(const std::string& source, std::string text);
Document ImportHtml(const std::string& source, std::string_view html);

}  // namespace evq

#endif  // EVQ_IMPORT_H_
