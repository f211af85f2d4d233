// Action items as iCalendar (RFC 5545): one VTODO per open or in-progress item that has a due date, so the owners
// get reminders. TEXT values are escaped (backslash, semicolon, comma, newline) so no user text can start a new
// property line; lines end in CRLF and are folded at 75 octets without splitting a UTF-8 sequence.
#include <cstdio>

#include "../strings.h"
#include "exporters.h"

namespace hs {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// RFC 5545 3.3.11 TEXT: escape \ ; , and newlines; other control characters (except tab) are not allowed at all.
std::string ics_text(const std::string& raw) {
    std::string s = sanitize_text(raw);
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            default: out += c;
        }
    }
    return out;
}

// RFC 5545 3.1: a content line longer than 75 octets continues on the next line after CRLF and one space.
// Folding only happens before a byte that starts a UTF-8 sequence, so no character is split.
void emit(std::string& out, const std::string& line) {
    size_t pos = 0, limit = 75;
    while (line.size() - pos > limit) {
        size_t cut = utf8_cut(line, pos + limit, pos);
        if (cut == pos) cut = pos + limit;  // cannot happen with valid UTF-8; never loop forever
        out.append(line, pos, cut - pos);
        out += "\r\n ";
        pos = cut;
        limit = 74;  // the leading space counts towards the 75 octets
    }
    out.append(line, pos, std::string::npos);
    out += "\r\n";
}

std::string utc_stamp(int64_t ms) {
    Instant t;
    t.unix_ms = ms;
    t.set = true;
    std::string iso = iso_utc(t);  // 2026-03-01T15:00:00[.123]Z
    std::string out;
    for (char c : iso.substr(0, 19))
        if (c != '-' && c != ':') out += c;
    return out + "Z";
}

int ics_priority(const std::string& p) {
    if (p == "P0") return 1;
    if (p == "P1") return 3;
    if (p == "P2") return 5;
    if (p == "P3") return 7;
    if (p == "P4") return 9;
    return 0;  // undefined
}

}  // namespace

namespace {
bool ics_item(const ActionItem& a) {
    return (a.status == "open" || a.status == "in_progress") && is_calendar_date(a.due);
}
}  // namespace

size_t ics_item_count(const Document& d) {
    size_t n = 0;
    for (const ActionItem& a : d.action_items) n += ics_item(a) ? 1 : 0;
    return n;
}

std::string export_actions_ics(const Document& d, int64_t now_ms) {
    if (ics_item_count(d) == 0) return "";  // RFC 5545: a calendar holds at least one component
    std::string out;
    emit(out, "BEGIN:VCALENDAR");
    emit(out, "VERSION:2.0");
    emit(out, "PRODID:-//Hindsight//Postmortem//EN");
    emit(out, "CALSCALE:GREGORIAN");
    const std::string stamp = utc_stamp(now_ms);
    size_t n = 0;
    for (const ActionItem& a : d.action_items) {
        ++n;
        if (!ics_item(a)) continue;
        std::string uid = blank(a.id) ? (blank(d.id) ? std::string("pm") : d.id) + "-action-" + std::to_string(n)
                                      : a.id;
        std::string desc = sanitize_text(a.description);
        while (!desc.empty() && (desc.back() == '\n' || desc.back() == ' ')) desc.pop_back();
        std::string ctx = "Postmortem: " + (blank(d.title) ? std::string("Untitled postmortem") : d.title);
        if (!blank(d.incident_id)) ctx += " (" + d.incident_id + ")";
        if (!blank(a.owner)) ctx += "\nOwner: " + a.owner;
        // Only http(s) ticket URLs are passed on; another scheme could be made clickable by the importer.
        if (is_http_url(a.ticket_url)) ctx += "\nTicket: " + a.ticket_url;
        desc += (desc.empty() ? "" : "\n\n") + ctx;

        emit(out, "BEGIN:VTODO");
        emit(out, "UID:" + ics_text(uid) + "@hindsight");
        emit(out, "DTSTAMP:" + stamp);
        emit(out, "DUE;VALUE=DATE:" + a.due.substr(0, 4) + a.due.substr(5, 2) + a.due.substr(8, 2));
        emit(out, "SUMMARY:" + ics_text(blank(a.title) ? std::string("Action item") : a.title));
        emit(out, "DESCRIPTION:" + ics_text(desc));
        if (int p = ics_priority(a.priority)) emit(out, "PRIORITY:" + std::to_string(p));
        emit(out, std::string("STATUS:") + (a.status == "open" ? "NEEDS-ACTION" : "IN-PROCESS"));
        // URL is a URI value, not TEXT: only an http(s) URL (no spaces or controls) is ever written there.
        if (is_http_url(a.ticket_url)) emit(out, "URL:" + a.ticket_url);
        emit(out, "END:VTODO");
    }
    emit(out, "END:VCALENDAR");
    return out;
}

}  // namespace hs
