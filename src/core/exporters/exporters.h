// Exporters: Markdown (GFM), standalone HTML (also the read view), action items as CSV and ICS.
#pragma once
#include <string>
#include <vector>

#include "../model.h"

namespace hs {

std::string export_markdown(const Document& d);
struct HtmlOptions {
    bool standalone = true;  // full <!doctype html> page with inline print stylesheet; false = <article> fragment
    // The read view lays out at most this many timeline events at first (a document from a link may hold 100,000):
    // then a row says how many there are, with a button (data-hs-more="<next index>") that asks for the next ones
    // (export_html_timeline_rows). Files always hold every event.
    size_t timeline_rows = static_cast<size_t>(-1);
};
std::string export_html(const Document& d, const HtmlOptions& opts = {});
// Rows [from, from + count) of the HTML timeline table in time order, followed by the "more" row when events remain.
std::string export_html_timeline_rows(const Document& d, size_t from, size_t count);
std::string export_actions_csv(const Document& d);
// One VTODO per open or in-progress action item with a valid due date. `now_ms` is used for DTSTAMP so output is
// reproducible in tests. Returns "" when no item qualifies: RFC 5545 forbids an empty calendar, so callers say why
// instead (ics_item_count tells them beforehand).
std::string export_actions_ics(const Document& d, int64_t now_ms);
size_t ics_item_count(const Document& d);

// Action items for the trackers' own CSV importers (trackers.cpp; docs/exporters.md has the column mapping and the
// importer settings). Every row carries the item's stable id as the label tracker_label(item) and in the
// description, so that the tracker's CSV export of the tickets can be matched back (core/tracker.h).
// Jira: Summary, Issue Type, Status, Priority (Highest..Lowest), Assignee, Due date (yyyy-MM-dd), Labels (twice:
// the id label and the incident id), Description.
std::string export_jira_csv(const Document& d);
// GitLab: title, description, due_date (YYYY-MM-DD), the header names GitLab's issue importer reads.
std::string export_gitlab_csv(const Document& d);
// "hindsight-<item id>": a tracker label (no spaces or commas, which labels cannot hold) naming the item.
std::string tracker_label(const ActionItem& a);

// ---- helpers shared by the exporters and the read view (exporters/common.cpp) -----------------------------------
// True for absolute http:// or https:// URLs with a host and no whitespace or control characters. Only these are
// ever turned into links or opened; anything else (javascript:, data:, relative) is shown as text.
bool is_http_url(const std::string& url);
// A short label for a ticket link, like a person would write it: the last path segment ("OPS-1" for
// https://tracker.example.com/browse/OPS-1), with the one before it when the last is a number ("issues/123"),
// or the host when there is no path.
std::string ticket_label(const std::string& url);
// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(const std::string& s);
// Valid UTF-8 (invalid bytes become U+FFFD), CR LF / CR -> LF, other C0 controls and DEL dropped (tab kept).
std::string sanitize_text(const std::string& s);
// Human labels: "SEV2" (or the document's own label; "" when not set), "In review", "Impact start", "Won't do".
std::string severity_label(const Document& d);
std::string status_label(const std::string& status);
std::string event_type_label(const std::string& type);
std::string action_type_label(const std::string& type);
std::string action_status_label(const std::string& status);
// Display times computed from Instant alone: "2026-03-01 13:02" (":05" seconds only when non-zero) in UTC, and the
// same in the kept offset, "14:02 +01:00" (with the date when it differs from the UTC date). "" when not set.
std::string display_utc(const Instant& t);
std::string display_local(const Instant& t);
// Same as display_utc in ISO form for machine-readable attributes: "2026-03-01T13:02:00Z".
std::string iso_utc(const Instant& t);
// Numbers for people: "1,200", "4,200.50" (money: two decimals unless whole), "37.5". "n/a" if not finite.
std::string display_number(double v, bool money = false);

// Internals shared by the Markdown and HTML exporters and lint. Not a stable API.
namespace export_detail {
std::vector<std::string> section_order(const Document& d);  // d.sections, or vocab::kSections when empty
const std::string* prose_field(const Document& d, const std::string& key);  // summary, leadup, ...; else nullptr
bool impact_is_empty(const Impact& i);
bool section_is_empty(const Document& d, const std::string& key);  // unknown keys count as empty
std::string heading(const std::string& key);  // section_title(key), or the key made readable if that is empty
// A CSV cell: RFC 4180 quoting, and a leading apostrophe where the text would start a spreadsheet formula.
std::string csv_cell(const std::string& raw);
// The description the action-item CSV exports carry: the item's own text, then its type, ticket and postmortem.
std::string action_csv_description(const Document& d, const ActionItem& a);
}  // namespace export_detail

}  // namespace hs
