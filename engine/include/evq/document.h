// evq/document.h: the one document model every importer produces.
//
// An importer turns a file (text, Markdown, HTML, JATS, ...) into a Document:
// its normalized text plus an ordered list of Blocks (title, headings,
// paragraphs, list items, reference entries) that are byte spans of that text.
// The engine (evq/analysis.h) splits blocks into sentences, finds citations
// and claims. Nothing in a Document depends on the format it came from, except
// MarkupCitation, which carries links the markup already states.
//
// Ownership: a Document owns all its strings. Thread safety: a plain value.
#ifndef EVQ_DOCUMENT_H_
#define EVQ_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "evq/csl.h"
#include "evq/export.h"

namespace evq {

// What part of a page a block is.
enum class BlockRole {
  kTitle,           // the document title (at most one)
  kHeading,         // a section heading; `level` says how deep (1 = top)
  kParagraph,       // running text
  kListItem,        // one item of a bulleted or numbered list
  kTableCell,       // one cell of a table
  kCaption,         // a figure or table caption
  kReferenceHeading,  // the heading of the reference list
  kReferenceEntry,  // one entry of the reference list
  kBoilerplate,     // navigation, notices, comments, bios: never claims
};

// "title", "heading", ... as used in JSON output.
EVQ_EXPORT const char* BlockRoleName(BlockRole role);

// A citation that the markup states (HTML <sup>/<a href="#ref1">, JATS xref).
// Offsets are bytes into Document::text.
struct MarkupCitation {
  size_t start = 0;
  size_t end = 0;
  std::string marker;  // as written, e.g. "1" or "[3-5]"
  // 1-based numbers of the reference entries it points to, when known.
  std::vector<int> reference_numbers;
};

// One structural unit of a document: a byte span [start, end) of
// Document::text.
struct Block {
  BlockRole role = BlockRole::kParagraph;
  int level = 0;       // heading depth, list nesting; 0 when not applicable
  size_t start = 0;
  size_t end = 0;
  // For list items: the text of the lead-in line that introduced the list
  // ("When it becomes restricted, it can:"), if any; empty otherwise.
  std::string lead_in;
  // True when the author wrote an "evq-ignore" marker for this block.
  bool ignored = false;
  // BCP 47 language tag ("pt", "es") when the markup says this block is in a
  // language other than the document's (JATS trans-abstract, sub-article
  // xml:lang); empty means the document's language.
  std::string language;
};

// A problem the importer found and worked around (or could not).
struct Diagnostic {
  enum class Severity { kNote, kWarning, kError };
  Severity severity = Severity::kWarning;
  std::string file;    // the source as given
  int line = 0;        // 1-based; 0 when not known
  size_t offset = 0;   // byte offset into the input file
  std::string message; // what was wrong, for a person
};

// "file:line: severity: message" (line omitted when 0).
EVQ_EXPORT std::string FormatDiagnostic(const Diagnostic& d);

// A MeSH heading of a PubMed record.
struct SubjectHeading {
  std::string descriptor_ui;  // MeSH descriptor UI, "D017116"; may be empty
  std::string name;           // descriptor name as printed, "Low Back Pain"
  bool major_topic = false;   // MajorTopicYN="Y" on the descriptor or a qualifier
};

// What the source states about the article itself, beyond its text. Filled
// by the scholarly importers (JATS, PubMed, TEI); text, Markdown and HTML
// leave it empty. Empty strings and vectors mean "not stated".
struct DocumentMetadata {
  std::string doi;    // bare DOI, "10.1371/journal.pmed.0020007"
  std::string pmid;   // PubMed ID, digits only
  std::string pmcid;  // PubMed Central ID with its prefix, "PMC3166277"
  std::string journal;  // full journal title as the source prints it
  // Publication date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (the most precise
  // the source gives; electronic date preferred over print).
  std::string publication_date;
  std::vector<std::string> authors;  // "Family Given" or a group name, in order
  // JATS @article-type ("research-article", "retraction") or TEI/PubMed
  // equivalent; PubMed records use publication_types instead.
  std::string article_type;
  std::string language;  // the article's main language, lowercase ("en", "pt", "eng")
  // PubMed PublicationType names, in order ("Journal Article", "Review").
  std::vector<std::string> publication_types;
  // MeSH headings of a PubMed record, in order. Meant for the analysis to map
  // through the vocabulary into document-level conditions.
  std::vector<SubjectHeading> mesh_headings;
  // The descriptor names of mesh_headings, in the same order ("Low Back
  // Pain"): the simple form for vocabulary lookup.
  std::vector<std::string> subject_headings;
  // True when the source marks the article as retracted; retraction_evidence
  // then says how ("publication type Retracted Publication", "RetractionIn
  // PMID 123"), joined by "; ".
  bool retracted = false;
  std::string retraction_evidence;
  // The article itself as a CSL item (type, title, authors with family and
  // given names, container-title and its abbreviation, issued, volume,
  // issue, page, DOI, PMID, PMCID), as far as the source states it: what a
  // reference to this article would say. PubMed fills it; empty (no title)
  // when the importer does not.
  CslItem citation;
};

// An imported article.
struct Document {
  std::string source;  // the path or URL exactly as given at import
  std::string format;  // "text", "markdown", "html", ...
  std::string title;   // may be empty
  std::string text;    // valid UTF-8; blocks and citations point into it
  std::vector<Block> blocks;  // in reading order
  // True when the document has a reference list, even an empty one.
  bool has_reference_list = false;
  std::vector<MarkupCitation> markup_citations;  // sorted by start
  std::vector<Diagnostic> diagnostics;
  DocumentMetadata metadata;  // empty for formats that state none
};

}  // namespace evq

#endif  // EVQ_DOCUMENT_H_
