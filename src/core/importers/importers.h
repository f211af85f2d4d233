// Importers: an incident's record in, a pre-filled postmortem out. Never throw; on bad input return ok=false with
// problems naming the line (CSV) or element (JSON Pointer).
#pragma once
#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "../model.h"
#include "../sort.h"

namespace hs {

struct ImportResult {
    bool ok = false;
    Document doc;
    std::vector<Problem> problems;  // errors when !ok, else warnings (skipped rows, inferred values)
};

ImportResult import_pagerduty(const std::string& text);   // REST API log_entries JSON
ImportResult import_opsgenie(const std::string& text);    // incident timeline entries JSON
// Slack: one day file (array of messages); `users_json` may be empty, else the export's users.json text.
ImportResult import_slack(const std::string& day_json, const std::string& users_json = "");
// Slack export (a folder, or its .zip unpacked by read_zip in zip.h): files keyed by relative path ("users.json",
// "inc-123/2026-03-01.json", ...). Mentions resolve through users.json, else through any message's user_profile.
struct SlackExportOptions {
    std::vector<std::string> channels;  // channel folder names to keep; empty keeps all
    std::optional<Instant> from, to;    // keep only messages in [from, to] (either end may be open)
};
ImportResult import_slack_export(const std::map<std::string, std::string>& files,
                                 const SlackExportOptions& options = {});
// What an export holds, for choosing before importing: its channels with their message counts (as the import would
// keep them, join/leave notices left out) and the first and last message's time. ok=false with the problems when
// the export cannot be read (the same refusal import_slack_export would give).
struct SlackChannelCount {
    std::string name;
    size_t messages = 0;
};
struct SlackExportScan {
    bool ok = false;
    std::vector<Problem> problems;
    std::vector<SlackChannelCount> channels;  // by name
    Instant first, last;
};
SlackExportScan scan_slack_export(const std::map<std::string, std::string>& files);
// The same for the export's .zip (unpacked with read_zip, zip.h, under its default caps): the entries the reader
// ignored come first among the warnings, each with its path; a refused archive gives ok=false with its message.
SlackExportScan scan_slack_zip(const std::string& bytes);
ImportResult import_slack_zip(const std::string& bytes, const SlackExportOptions& options = {});
// The same for an unzipped export dropped or picked as several files at once, which the page packs into one bundle
// (pack_slack_files: "HSFILES1", then per file a little-endian u32 path length, the path relative to the folder
// dropped, a u32 size and the bytes). Day files without a folder (picked inside a channel's folder) go under the
// channel channels.json names when it names only one, else the one their messages name, else "dropped-day-files",
// with a warning. Refused as a whole: a cut-short bundle, two files with one path, more than 64 MiB or 20,000 files.
bool looks_like_slack_files(const std::string& bytes);
std::string pack_slack_files(const std::vector<std::pair<std::string, std::string>>& files);
bool unpack_slack_files(const std::string& bytes, std::map<std::string, std::string>& files,
                        std::vector<Problem>& problems);
SlackExportScan scan_slack_files(const std::string& bytes);
ImportResult import_slack_files(const std::string& bytes, const SlackExportOptions& options = {});
// What passes between the app's dialog and the worker that holds the archive (web): the scan as
// {"channels":[{"name","messages"}],"first","last"} (times as ISO 8601 UTC), the options as
// {"channels":[names],"from","to"} (either time may be absent). The readers return false on anything else.
std::string slack_scan_json(const SlackExportScan& scan);
bool slack_scan_from_json(const std::string& text, SlackExportScan& scan);
std::string slack_options_json(const SlackExportOptions& options);
bool slack_options_from_json(const std::string& text, SlackExportOptions& options);
ImportResult import_csv(const std::string& text);  // header: time,type,description,author,tags (docs/importers.md)
// Alert webhooks: one payload, a JSON array of payloads, or one payload per line; all build one timeline.
ImportResult import_alertmanager(const std::string& text);  // Prometheus Alertmanager webhook, version 4
ImportResult import_grafana(const std::string& text);       // Grafana alerting webhook, version 1
// Atlassian Statuspage incident object, a webhook body ({"incident": {...}}) or the list ({"incidents": [...]}): from
// a list, the incident whose id (or shortlink) is `incident_id`, else the first, with a warning.
ImportResult import_statuspage(const std::string& text, const std::string& incident_id = "");
// Markdown postmortems (the SRE book's example, Atlassian's template, Hindsight's own export; docs/importers.md):
// headings map to sections, tables and time-led lines to the timeline and action items, and what fits no field stays
// as prose at the end of the summary. `report`, when given, gets a line per part saying what it became.
ImportResult import_markdown(const std::string& text, std::vector<std::string>* report = nullptr);

// Any file a person opens or drops: a Hindsight document ("format"), PagerDuty log entries, an Opsgenie timeline,
// a Slack day file (JSON), Alertmanager or Grafana webhook payloads, a Statuspage incident, CSV (by the .csv
// extension or a Time header), or Markdown (.md, or a text that opens with "# " or has "## " headings). `kind` gets
// "hindsight", "pagerduty", "opsgenie", "slack", "alertmanager", "grafana", "statuspage", "csv", "markdown",
// "tracker" or "unknown". Never throws; a refusal says what the file is not and what is accepted.
// "tracker" (always refused as an import): a tracker's CSV export naming action items by their hindsight- labels,
// which updates an open postmortem instead (core/tracker.h).
ImportResult open_any(const std::string& name, const std::string& text, std::string* kind = nullptr);

// What a person reads when a file is refused: "<name> could not be opened", that nothing they had open was changed,
// and the first problems as bullets (what is wrong and where).
std::string refusal_message(const std::string& name, const std::vector<Problem>& problems);

// Inputs larger than this are refused (ok=false) by every importer. See docs/importers.md.
inline constexpr size_t kMaxImportBytes = 64u * 1024u * 1024u;
// CSV: more data rows than this are refused.
inline constexpr size_t kMaxCsvRows = 100000;
// Alert webhooks: more alerts than this, over all payloads of a file, are refused.
inline constexpr size_t kMaxAlerts = 50000;
// Statuspage: more updates than this in an incident are refused.
inline constexpr size_t kMaxStatusUpdates = 10000;

// Shared helpers of the importers (import_common.cpp). Not a stable API.
namespace import_detail {
// An empty "google-sre" document (all sections, fresh id) for an importer to fill.
Document new_import_document();
// Sorts the timeline by time (stable: equal times keep the source order).
void sort_timeline(Document& d);
// Sorts entries (anything with an Instant `time`) by time, stably: "first" means earliest, whatever order the source
// listed them in.
template <class Entry>
void sort_by_time(std::vector<Entry>& entries) {
    sort_stable(entries.begin(), entries.end(),
                [](const Entry& a, const Entry& b) { return a.time.unix_ms < b.time.unix_ms; });
}
// A new event (fresh id) at `time`.
Event new_event(const Instant& time, std::string type, std::string description, std::string author);
// "P1".."P5" (any case, optional "SEV"/"SEV-" prefix also accepted) -> 1..5; 0 when not such a value.
int severity_from_priority(const std::string& s);
// An alert's severity label ("critical", "warning", "P2", ...) -> 1..5; 0 when not a known value.
int severity_from_label(const std::string& s);
// A string member of a JSON object, or "" when absent or not a string.
std::string json_string(const Json& obj, const char* key);
// One past the end of the JSON object that starts at text[i] ('{'), found by matching brackets outside strings;
// npos when the text ends first. Splits JSON values written one after another; the parser judges each piece.
size_t json_object_end(const std::string& text, size_t i);
// ok=false result with one problem.
ImportResult import_error(const std::string& pointer, const std::string& message);
// The ISO 8601 time in member `key` of an entry (at `pointer`) into `out`; an error result when it is missing or
// not a time.
std::optional<ImportResult> entry_time(const Json& entry, const char* key, const std::string& pointer, Instant& out);
// True when `s` (an ISO 8601 time) carries its own UTC offset ("Z", "+01:00", ...).
bool has_explicit_offset(const std::string& s);
// Lower-cases ASCII and drops ' ', '_', '-' so that "Impact start", "impact-start", "IMPACT_START" compare equal.
std::string fold_key(const std::string& s);
}  // namespace import_detail

}  // namespace hs
