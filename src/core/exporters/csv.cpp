// Action items as CSV for tracker imports (Jira, Linear, GitHub via spreadsheet): RFC 4180 quoting, CRLF line ends,
// and cells neutralised against formula injection (OWASP "CSV Injection"): a cell that starts with = + - @, a tab or
// a carriage return gets a leading apostrophe so a spreadsheet shows it as text instead of evaluating it.
#include "exporters.h"

namespace hs {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

namespace export_detail {

std::string csv_cell(const std::string& raw) {
    std::string s = sanitize_text(raw);  // also turns CR into LF: a cell never holds a bare CR
    // Checked after sanitising too: dropped control characters must not uncover a leading "=".
    auto risky = [](char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; };
    if ((!raw.empty() && risky(raw[0])) || (!s.empty() && risky(s[0]))) s = "'" + s;
    bool quote = s.find_first_of(",\"\n\r") != std::string::npos;
    if (!quote) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string action_csv_description(const Document& d, const ActionItem& a) {
    // The description carries the context a tracker ticket needs: the type, the ticket and the postmortem.
    std::string desc = sanitize_text(a.description);
    while (!desc.empty() && (desc.back() == '\n' || desc.back() == ' ')) desc.pop_back();
    std::string ctx;
    if (!blank(a.type)) ctx += "Type: " + action_type_label(a.type) + "\n";
    // Only http(s) ticket URLs are passed on; another scheme could be made clickable by the importer.
    if (is_http_url(a.ticket_url)) ctx += "Ticket: " + a.ticket_url + "\n";
    if (!blank(d.title) || !blank(d.incident_id)) {
        ctx += "Postmortem: " + d.title;
        if (!blank(d.incident_id)) ctx += (blank(d.title) ? "" : " ") + std::string("(") + d.incident_id + ")";
        ctx += "\n";
    }
    if (!ctx.empty()) ctx.pop_back();
    if (!desc.empty() && !ctx.empty()) desc += "\n\n";
    desc += ctx;
    return desc;
}

}  // namespace export_detail

using export_detail::csv_cell;

std::string export_actions_csv(const Document& d) {
    std::string out = "Summary,Assignee,Due date,Priority,Status,Description\r\n";
    for (const ActionItem& a : d.action_items) {
        std::string desc = export_detail::action_csv_description(d, a);
        out += csv_cell(a.title) + "," + csv_cell(a.owner) + "," + csv_cell(a.due) + "," + csv_cell(a.priority) + "," +
               csv_cell(action_status_label(a.status)) + "," + csv_cell(desc) + "\r\n";
    }
    return out;
}

}  // namespace hs
