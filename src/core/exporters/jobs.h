// Exports run as jobs by name, so that a platform can make them away from the editor: the web app's worker holds the
// exporters (the editor's first load does not), the native headless run calls them in place.
#pragma once

#include <string>

#include "core/model.h"

namespace hs {

// The numbers cross the page's message boundary (web/app.js, web/worker.js): append only.
enum class ExportJob : int {
    Markdown = 0,      // the .md download, Copy as Markdown, a history version's text
    Html = 1,          // the standalone .html page
    ReadView = 2,      // the read view's <article>, its timeline cut to kReadViewRows
    ReadViewRows = 3,  // the read view's next kReadViewRows timeline rows; arg: the first row's index
    ActionsCsv = 4,
    JiraCsv = 5,
    GitlabCsv = 6,
    Ics = 7,           // arg: the time now, ms since the epoch (a VTODO's DTSTAMP)
    // Not an export: a tracker's CSV export matched with the document's action items (core/tracker.h), the argument
    // from tracker_job_arg, the answer for tracker_update_from_json.
    TrackerMatch = 8,
    // Not an export either: the three-way merge of a version from a link into the draft (core/merge_job.h), the
    // argument from merge_job_arg, the answer the merged document and the conflicts.
    Merge = 9,
    // Nor this: the history view's changes from the job's document (a snapshot) to the document in the argument (the
    // draft), as core/diff_json.h's JSON.
    Diff = 10,
};
inline constexpr int kExportJobCount = 11;

// The read view lays out this many timeline events at a time: a link's document may hold 100,000, and the browser
// would take half a minute over them. The rest come a batch per click on the last row.
inline constexpr size_t kReadViewRows = 1000;

struct ExportJobResult {
    bool ok = false;
    std::string text;  // the export, or why there is none (a sentence for a person)
};

ExportJobResult run_export_job(ExportJob job, const Document& d, const std::string& arg);
// For a job that arrives as numbers and JSON text (the worker): an unknown job or a document that does not load is
// refused with a sentence, never a crash.
ExportJobResult run_export_job(int job, const std::string& doc_json, const std::string& arg);

}  // namespace hs
