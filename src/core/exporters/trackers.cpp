// Action items as CSV for Jira's and GitLab's own CSV importers. Each tracker reads its header names, so the columns
// are named as its documentation names them; cells use the same quoting and formula neutralisation as the plain CSV
// export (export_detail::csv_cell). The item's stable id travels as a label and in the description, which is how the
// tracker's own CSV export is matched back to the items (core/tracker.cpp).
#include "exporters.h"

namespace hs {

using export_detail::csv_cell;

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Jira labels and GitLab label names cannot hold white space, and a comma would split a label in both: such
// characters become "-". Other characters (any script) are kept.
std::string label_safe(const std::string& raw) {
    std::string s = sanitize_text(raw), out;
    for (char c : s) out += (c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ';') ? '-' : c;
    return out;
}

// Jira's default priority scheme, highest first, in the order of vocab::kPriorities (P0..P4).
const char* jira_priority(const std::string& p) {
    if (p == "P0") return "Highest";
    if (p == "P1") return "High";
    if (p == "P3") return "Low";
    if (p == "P4") return "Lowest";
    return "Medium";  // P2, the default, and any value a newer build might write
}

// The status names of Jira's default workflows; the importer maps them when the project's workflow has them.
const char* jira_status(const std::string& s) {
    if (s == "in_progress") return "In Progress";
    if (s == "done" || s == "wont_do") return "Done";
    return "To Do";
}

// The item's own description and context, then the line that names the item for the way back.
std::string tracker_description(const Document& d, const ActionItem& a) {
    std::string desc = export_detail::action_csv_description(d, a);
    std::string label = tracker_label(a);
    if (label.empty()) return desc;
    return desc + (desc.empty() ? "" : "\n\n") + "Hindsight item: " + label;
}

}  // namespace

std::string tracker_label(const ActionItem& a) { return blank(a.id) ? std::string() : "hindsight-" + label_safe(a.id); }

std::string export_jira_csv(const Document& d) {
    // Two Labels columns: Jira's importer takes one label per column and joins repeated columns into one field.
    std::string out = "Summary,Issue Type,Status,Priority,Assignee,Due date,Labels,Labels,Description\r\n";
    const std::string incident = blank(d.incident_id) ? std::string() : label_safe(d.incident_id);
    for (const ActionItem& a : d.action_items) {
        std::string title = blank(a.title) ? std::string("Action item") : a.title;
        std::string due = is_calendar_date(a.due) ? a.due : std::string();
        out += csv_cell(title) + ",Task," + jira_status(a.status) + "," + jira_priority(a.priority) + "," +
               csv_cell(a.owner) + "," + due + "," + csv_cell(tracker_label(a)) + "," + csv_cell(incident) + "," +
               csv_cell(tracker_description(d, a)) + "\r\n";
    }
    return out;
}

std::string export_gitlab_csv(const Document& d) {
    std::string out = "title,description,due_date\r\n";
    for (const ActionItem& a : d.action_items) {
        std::string title = blank(a.title) ? std::string("Action item") : a.title;
        std::string due = is_calendar_date(a.due) ? a.due : std::string();
        out += csv_cell(title) + "," + csv_cell(tracker_description(d, a)) + "," + due + "\r\n";
    }
    return out;
}

}  // namespace hs
