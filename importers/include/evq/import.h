// evq/import.h: turning files into evq Documents.
//
// One importer per format (plain text, Markdown, HTML, and the scholarly XML
// formats JATS, PubMed and TEI); each turns bytes into
// the Document model of evq/document.h. Importers never print: what they
// find wrong comes back as Document::diagnostics (worked around) or as a
// failed Result (nothing imported).
//
// Ownership: results own their data. Thread safety: all functions are
// reentrant and may run concurrently on different inputs.
#ifndef EVQ_IMPORT_H_
#define EVQ_IMPORT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "evq/document.h"
#include "evq/export.h"
#include "evq/status.h"

namespace evq {

// kJats: JATS/NLM full text (<article>); kPubmed: PubmedArticleSet or
// MedlineCitationSet (many documents a file); kTei: GROBID TEI; kMesh: a MeSH
// DescriptorRecordSet, which is a vocabulary (evq/mesh.h), not a document.
enum class Format { kAuto, kText, kMarkdown, kHtml, kJats, kPubmed, kTei, kMesh };

// "auto", "text", "markdown", "html", "jats", "pubmed", "tei", "mesh".
EVQ_EXPORT const char* FormatName(Format format);
// Parses a --format value ("txt", "md", "htm", "nxml", "medline" accepted);
// false if unknown.
EVQ_EXPORT bool ParseFormat(std::string_view name, Format* out);

// The format of a file: by extension (.txt, .md, .markdown, .html, .htm;
// .nxml is JATS), else by sniffing its first bytes: the XML root element
// (<article> JATS, <PubmedArticleSet>/<MedlineCitationSet>, <TEI>,
// <DescriptorRecordSet>), "<!doctype html", "<html", leading '#'. For a
// ".gz" path, `head` must be the decompressed start and the extension before
// ".gz" counts.
EVQ_EXPORT Format DetectFormat(const std::string& path, std::string_view head);

// The format of the file at `path` by DetectFormat on its first 4 KB (a
// ".gz" file decompressed). Errors: the file cannot be opened or read.
EVQ_EXPORT Result<Format> DetectFileFormat(const std::string& path);

// Reads and imports the file at `path` (".gz" files are decompressed).
// Errors (file named in the message): unreadable, empty, or binary (NUL
// bytes); for XML formats, malformed XML ("FILE:LINE: malformed XML at byte
// OFFSET: why") or an unexpected root element. Invalid UTF-8 is replaced with
// U+FFFD and reported as a diagnostic with its byte offset. A PubMed file
// must hold exactly one record here (use ImportFileDocuments for more); a
// MeSH file is refused (it is a vocabulary: see evq/mesh.h).
EVQ_EXPORT Result<Document> ImportFile(const std::string& path, Format format = Format::kAuto);

// Every document of the file at `path`: one for single-document formats,
// one per PubmedArticle / MedlineCitation for PubMed files. Holds them all in
// memory: for large PubMed files prefer ForEachPubmedDocument. Fails as a
// whole (returns no documents) if any record is malformed.
EVQ_EXPORT Result<std::vector<Document>> ImportFileDocuments(const std::string& path,
                                                  Format format = Format::kAuto);

// Streams the PubMed file at `path` (plain or gzip; PubmedArticleSet or
// MedlineCitationSet) record by record, calling `visit` with each document
// in file order; memory stays bounded by the largest record, not the file.
// `visit` returns false to stop early (the result is then ok). A malformed
// record stops the walk with its error; documents already visited stay
// visited.
EVQ_EXPORT Status ForEachPubmedDocument(const std::string& path,
                             const std::function<bool(Document&&)>& visit);

// Imports `bytes` as if read from `source`. `format` kAuto sniffs.
EVQ_EXPORT Result<Document> ImportBuffer(const std::string& source, std::string_view bytes,
                              Format format = Format::kAuto);

// Format-specific entry points; `text` must be valid UTF-8.
EVQ_EXPORT Document ImportText(const std::string& source, std::string text);
EVQ_EXPORT Document ImportMarkdown(const std::string& source, std::string text);
EVQ_EXPORT Document ImportHtml(const std::string& source, std::string_view html);
// XML entry points (the same errors as ImportFile, named after `source`).
EVQ_EXPORT Result<Document> ImportJats(const std::string& source, std::string_view xml);
EVQ_EXPORT Result<Document> ImportTei(const std::string& source, std::string_view xml);
// Every record of a PubMed file held in memory.
EVQ_EXPORT Result<std::vector<Document>> ImportPubmed(const std::string& source, std::string_view xml);

}  // namespace evq

#endif  // EVQ_IMPORT_H_
