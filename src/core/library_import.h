// Bringing a team's history in at once: a .zip (or a folder's files) of postmortems, as Hindsight JSON, Hindsight
// drafts exports ("Export all drafts") and Markdown, each becoming a document, with a report of what was imported
// and what was not and why.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

struct BulkFile {
    std::string path;       // inside the archive or relative to the folder dropped
    std::string kind;       // "hindsight", "drafts", "markdown", an importer's kind, or "skipped"
    size_t documents = 0;   // documents it gave
    std::string message;    // why it gave none, or what was read loosely (the Markdown report's first notes)
};

struct BulkImport {
    bool ok = false;                // false: the archive as a whole was refused (`error` says why)
    std::string error;
    std::vector<Document> documents;
    std::vector<BulkFile> files;    // by path
};

// More postmortems than this in one archive are refused: the library is meant for a team's history, not a dump.
inline constexpr size_t kMaxBulkDocuments = 5000;

// Files keyed by path. Names ending in .json or .md / .markdown are read; others are listed as skipped.
BulkImport import_bulk_files(const std::map<std::string, std::string>& files);
// A .zip archive of such files (read_zip's caps apply; its ignored entries are listed as skipped).
BulkImport import_bulk_zip(const std::string& bytes);
// Whether a .zip holds postmortems (Markdown files, or JSON in a Hindsight format) rather than a Slack export (its
// users.json or channels.json): the page's worker asks before choosing the import.
bool looks_like_postmortem_zip(const std::string& bytes);
// The documents and the report for the page: {"documents":["<canonical JSON>",...],"report":"<bulk_report_text>"}.
std::string bulk_import_json(const BulkImport& b);
// What a person reads: "Imported 48 postmortems from 50 files." then a line per file that gave none, and why.
std::string bulk_report_text(const BulkImport& b);

}  // namespace hs
