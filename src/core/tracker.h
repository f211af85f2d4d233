// Updating action items from a tracker's own CSV export (Jira's "Export Excel CSV", GitLab's issue export): rows are
// matched to items by the label "hindsight-<item id>" that the tracker exports carry (exporters.h), in a Labels
// column or in the description, and the tracker's status, ticket and due date become proposed changes that a person
// confirms before they are applied. No server, no API key. Pure C++17; docs/cli.md ("actions update").
#pragma once
#include <string>
#include <vector>

#include "model.h"

namespace hs {

struct TrackerChange {
    std::string item_id;
    std::string field;  // "status", "due" or "ticket_url"
    std::string old_value, new_value;
};

struct TrackerUnmatchedRow {
    size_t line = 0;    // physical line the row starts on (1-based)
    std::string key;    // "OPS-12", "#34", or "" when the row has none
    std::string title;  // the row's summary or title
};

struct TrackerUpdate {
    bool ok = false;
    std::string error;      // when !ok: what is wrong with the CSV and what to do
    std::string tracker;    // "jira", "gitlab" or "csv" (a header with Status and Labels or Description columns)
    size_t rows = 0;        // rows under the header, matched or not
    std::vector<TrackerChange> changes;
    std::vector<TrackerUnmatchedRow> unmatched_rows;  // rows that name no item of this document
    std::vector<std::string> unmatched_items;         // ids of items no row names
    std::vector<std::string> notes;                   // values left alone, each with why (unknown status, ...)
};

struct TrackerOptions {
    // Where Jira tickets live ("https://example.atlassian.net"): a Jira row's Issue key becomes the ticket URL
    // <base>/browse/<key>. When empty, the base is taken from an item's ticket URL that already has "/browse/".
    std::string jira_base_url;
};

// The largest tracker export the app takes (the editor holds its text while the change is confirmed): a project's
// whole "all fields" export runs to a few megabytes.
constexpr size_t kMaxTrackerCsvBytes = 16u << 20;

// The changes the tracker's CSV export proposes for `d`'s action items. Never throws.
TrackerUpdate tracker_update(const Document& d, const std::string& csv_text, const TrackerOptions& opts = {});
// Applies changes to the items they name (by id); returns how many values changed.
size_t apply_tracker_changes(Document& d, const std::vector<TrackerChange>& changes);
// A tracker date as a calendar date: "2026-12-12", "2026-12-12 15:45", Jira's "12/Dec/26 3:45 PM", "12/Dec/2026".
// "" when the text is none of these or not a real date.
std::string tracker_date(const std::string& text);
// Whether a file's text looks like a tracker export naming Hindsight items (a header row, then some
// "hindsight-" label): for recognising a dropped or opened file.
bool looks_like_tracker_csv(const std::string& text);
// How many rows of `u` name an action item of the document (the others are in unmatched_rows).
size_t tracker_matched_rows(const TrackerUpdate& u);
// What to tell a person when no row names an item of `d` (says how many rows there were and what to do).
std::string tracker_no_match_message(const Document& d, const TrackerUpdate& u);

// The matching as a job (core/exporters/jobs.h ExportJob::TrackerMatch), so that the web app runs it in its worker:
// the argument carries the CSV and the Jira site, the answer the TrackerUpdate and, when no row names an item, the
// message to show. tracker_update_from_json refuses (false) anything that is not such an answer.
std::string tracker_job_arg(const std::string& csv_text, const std::string& jira_base_url);
bool tracker_match_job(const Document& d, const std::string& arg, std::string& answer);
bool tracker_update_from_json(const std::string& answer, TrackerUpdate& u, std::string& no_match_message);

}  // namespace hs
