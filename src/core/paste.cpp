// Paste to add: a small hand-written scanner for the time stamps people paste (chat logs, notes, terminals), with a
// reason for every line it rejects. No regex (slow and throwing in some standard libraries) and no locale.
//
// Index of this file:
//   cleaning a pasted line
//   what follows the stamp: separators, the author, chat headers
//   event types from keywords
//   the lines, one entry at a time
#include "paste.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "paste_detail.h"
#include "strings.h"

namespace hs {

namespace {

using namespace paste_detail;

// Pasted lines are trimmed of plain spaces only: normalize() has already turned tabs and no-break spaces into them.
std::string trim_spaces(const std::string& s) { return trim(s, " "); }

// ---- cleaning a pasted line -----------------------------------------------------------------------------------------
// Tabs and the no-break spaces chat apps put before "PM" (U+00A0, U+202F, U+2009) become plain spaces.
std::string normalize(const std::string& raw) {
    std::string s;
    s.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(raw[i]);
        if (c == '\t' || c == '\r') {
            s += ' ';
        } else if (c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
            s += ' ';
            ++i;
        } else if (c == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(raw[i + 2]) == 0xAF || static_cast<unsigned char>(raw[i + 2]) == 0x89)) {
            s += ' ';
            i += 2;
        } else {
            s += raw[i];
        }
    }
    return trim_spaces(s);
}

// Leading list markers and table pipes: "- 14:02 ...", "* ...", "• ...", "> ...", "| 14:02 | ... |".
std::string strip_markers(std::string s) {
    for (int round = 0; round < 2; ++round) {
        if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '>') && s[1] == ' ') s = trim_spaces(s.substr(2));
        if (s.rfind("\xE2\x80\xA2", 0) == 0) s = trim_spaces(s.substr(3));
        if (!s.empty() && s[0] == '|') {
            s = trim_spaces(s.substr(1));
            while (!s.empty() && (s.back() == '|' || s.back() == ' ')) s.pop_back();
        }
    }
    return s;
}

// ---- what follows the stamp -----------------------------------------------------------------------------------------
// After the stamp: separators such as " - ", ": ", " | ", " — ".
size_t skip_separators(const std::string& s, size_t p) {
    for (;;) {
        if (p < s.size() && (s[p] == ' ' || s[p] == '-' || s[p] == ':' || s[p] == '|' || s[p] == ',' || s[p] == '>')) {
            // Keep "-5%" or "-- flag": a dash directly followed by a non-space is text.
            if (s[p] == '-' && p + 1 < s.size() && s[p + 1] != ' ' && s[p + 1] != '-') return p;
            ++p;
        } else if (s.compare(p, 3, "\xE2\x80\x93") == 0 || s.compare(p, 3, "\xE2\x80\x94") == 0) {
            p += 3;
        } else {
            return p;
        }
    }
}

bool stop_word(const std::string& name) {
    static const char* const kWords[] = {
        "note",     "notes",     "update",     "updates",  "status",  "fyi",      "todo",     "action", "info",
        "warn",     "warning",   "error",      "errors",   "alert",   "incident", "impact",   "cause",  "fix",
        "edit",     "re",        "root",       "summary",  "deploy",  "rollback", "resolved", "ack",    "detected",
        "mitigated", "mitigation", "resolution", "customer", "customers", "http", "https",     "question", "decision",
        "result",   "timeline",  "p0",         "p1",       "p2",      "p3",       "p4",       "sev1",   "sev2"};
    const std::string l = lower(name);
    for (const char* w : kWords) {
        if (l == w) return true;
    }
    return false;
}

// "oncall-primary: text", "[oncall-primary] text", "<oncall-primary> text" -> author and the rest.
void split_author(const std::string& rest, std::string& author, std::string& text) {
    text = rest;
    if (rest.empty()) return;
    if (rest[0] == '[' || rest[0] == '<') {
        const char close = rest[0] == '[' ? ']' : '>';
        const size_t e = rest.find(close);
        if (e != std::string::npos && e > 1 && e <= 41) {
            const std::string name = trim_spaces(rest.substr(1, e - 1));
            if (!name.empty() && name.find(':') == std::string::npos && !stop_word(name)) {
                author = name;
                text = trim_spaces(rest.substr(e + 1));
                if (!text.empty() && text[0] == ':') text = trim_spaces(text.substr(1));
                return;
            }
        }
    }
    size_t q = 0;
    while (q < rest.size() && q <= 32 && (is_alnum(rest[q]) || rest[q] == '.' || rest[q] == '_' || rest[q] == '-' ||
                                          rest[q] == '@'))
        ++q;
    if (q > 0 && q <= 32 && q < rest.size() && rest[q] == ':' && (q + 1 == rest.size() || rest[q + 1] == ' ')) {
        const std::string name = rest.substr(0, q);
        if (!stop_word(name) && is_alpha(name[0])) {
            author = name;
            text = trim_spaces(rest.substr(q + 1));
        }
    }
}

// "SRE On-call  2:02 PM" / "SRE On-call [2:02 PM]" / "PagerDuty APP  14:02": a chat header whose message follows on
// the next line(s). Returns the author and the stamp of the time at the end.
bool slack_header(const std::string& s, std::string& author, Stamp& st) {
    if (s.size() > 100) return false;
    std::string body = s;
    if (!body.empty() && body.back() == ']') {
        const size_t o = body.rfind('[');
        if (o == std::string::npos) return false;
        body = body.substr(0, o) + " " + body.substr(o + 1, body.size() - o - 2);
    }
    body = trim_spaces(body);
    // The time starts after the last space that is followed by a digit.
    size_t ts = std::string::npos;
    for (size_t i = body.size(); i-- > 1;) {
        if (body[i - 1] == ' ' && is_digit(body[i])) {
            ts = i;
            break;
        }
    }
    if (ts == std::string::npos) return false;
    const std::string time_text = body.substr(ts);
    Scan sc{time_text, 0};
    Stamp probe;
    if (!scan_time(sc, probe) || sc.p != time_text.size()) return false;
    std::string name = trim_spaces(body.substr(0, ts));
    if (name.empty() || name.size() > 64 || name.find(':') != std::string::npos) return false;
    int words = 1;
    for (char c : name) words += c == ' ';
    if (words > 5) return false;
    if (name.size() > 4 && name.compare(name.size() - 4, 4, " APP") == 0) name = trim_spaces(name.substr(0, name.size() - 4));
    author = name;
    st = probe;
    return true;
}

int64_t day_index(const std::string& iso) {
    return days_from_civil(std::stoi(iso.substr(0, 4)), static_cast<unsigned>(std::stoi(iso.substr(5, 2))),
                           static_cast<unsigned>(std::stoi(iso.substr(8, 2))));
}

std::string iso_from_day(int64_t day) {
    // Reuse the UTC formatter: midnight of that day, date part only.
    Instant t;
    t.set = true;
    t.unix_ms = day * 86400000;
    return format_utc(t).substr(0, 10);
}

}  // namespace

// ---- event types from keywords --------------------------------------------------------------------------------------
std::string infer_event_type(const std::string& description) {
    // Words only: lower case, everything else a space, padded so " ack " never matches "rollback".
    std::string w = " ";
    for (char c : description) w += is_alnum(c) ? lower(c) : ' ';
    w += ' ';
    struct Rule {
        const char* type;
        std::vector<std::string> phrases;
    };
    // First match wins; the order settles lines that say two things ("rolled back, error rate back to normal").
    // Phrases are stored padded with spaces so that matching is a plain find.
    static const std::vector<Rule> kRules = [] {
        const std::vector<std::pair<const char*, std::vector<const char*>>> raw = {
            {"communication", {"posted", "status page", "statuspage", "update to customers", "customer update",
                               "customers updated", "notified customers", "email to customers", "tweeted", "comms"}},
            {"resolved", {"resolved", "all clear", "incident closed", "closed the incident"}},
            {"mitigated", {"mitigated", "mitigation", "recovered", "error rate back", "errors back", "back to normal",
                           "latency back", "restored"}},
            {"acknowledged", {"ack", "acked", "acking", "acknowledged", "acknowledge", "acknowledges"}},
            {"detected", {"alert", "alerts", "alerted", "alerting", "paged", "paging", "fired", "firing", "triggered",
                          "detected"}},
            {"impact_start", {"impact started", "impact began", "outage started", "outage began", "errors started"}},
            {"escalated", {"escalated", "escalating", "escalation", "escalate"}},
            {"action", {"deploy", "deployed", "deploying", "deployment", "redeploy", "redeployed", "rollback",
                        "rolled back", "rolling back", "roll back", "revert", "reverted", "restart", "restarted",
                        "restarting", "scaled", "scaling", "scale up", "scale out", "failover", "failed over"}},
        };
        std::vector<Rule> rules;
        for (const auto& [type, phrases] : raw) {
            Rule r{type, {}};
            for (const char* p : phrases) r.phrases.push_back(std::string(" ") + p + " ");
            rules.push_back(std::move(r));
        }
        return rules;
    }();
    for (const Rule& r : kRules) {
        for (const std::string& p : r.phrases) {
            if (w.find(p) != std::string::npos) return r.type;
        }
    }
    return "note";
}

namespace {

// ---- the lines, one entry at a time ---------------------------------------------------------------------------------
// The pasted text as lines, at most `max_lines` of them; the lines after those are counted in `ignored`.
std::vector<std::string> split_lines(const std::string& text, size_t max_lines, size_t& ignored) {
    std::vector<std::string> raw;
    size_t b = 0;
    while (b <= text.size()) {
        size_t e = text.find('\n', b);
        if (e == std::string::npos) e = text.size();
        if (raw.size() >= max_lines) {
            ++ignored;
        } else {
            raw.push_back(text.substr(b, e - b));
        }
        if (e == text.size()) break;
        b = e + 1;
    }
    // A final newline does not make an ignored line.
    if (!text.empty() && text.back() == '\n' && ignored > 0) --ignored;
    return raw;
}

// The lines one entry at a time: a date line, an event on one line, or a stamp (or a chat header) whose message is
// on the lines after it. The date of time-only lines carries from line to line.
struct LineParser {
    const PasteContext& ctx;
    const std::vector<std::string>& raw;    // as pasted
    const std::vector<std::string>& lines;  // normalised, list markers stripped
    PasteResult& res;
    std::optional<int64_t> current_day;  // the date for time-only lines
    std::optional<int64_t> prev_utc;

    void err(size_t i, const std::string& why, int count = 1) {
        PasteLine pl;
        pl.kind = PasteLine::Kind::Error;
        pl.line_no = static_cast<int>(i) + 1;
        pl.line_count = count;
        pl.source = raw[i];
        pl.error = "line " + std::to_string(i + 1) + ": " + why;
        res.lines.push_back(std::move(pl));
        ++res.errors;
    }

    // A chat header at line i whose message follows (on a line that has no stamp of its own).
    bool header_at(size_t i, std::string& author, Stamp& st) const {
        return slack_header(lines[i], author, st) && i + 1 < lines.size() && !lines[i + 1].empty() &&
               !scan_stamp(lines[i + 1]);
    }

    // A line that holds a date alone ("2026-03-02", "Monday, March 2nd"): the date of the lines after it.
    void date_line(size_t i, const Stamp& st) {
        int y = st.y;
        if (!st.year_given) {
            if (!current_day) {
                err(i, "the date has no year and the document has no date");
                return;
            }
            y = std::stoi(iso_from_day(*current_day).substr(0, 4));
        }
        if (!real_date(y, st.mo, st.d)) {
            err(i, trim_spaces(lines[i]) + " is not a calendar date");
            return;
        }
        PasteLine pl;
        pl.kind = PasteLine::Kind::Date;
        pl.line_no = static_cast<int>(i) + 1;
        pl.source = raw[i];
        pl.date = iso_date(y, st.mo, st.d);
        current_day = day_index(pl.date);
        res.lines.push_back(std::move(pl));
    }

    // The message of a stamp or header at line i, on the lines after it up to a blank line, a stamp or another
    // header. Returns the lines consumed, the stamp's line included.
    size_t gather_message(size_t i, std::string& rest, std::string& source) const {
        std::string msg;
        size_t j = i + 1;
        while (j < lines.size() && !lines[j].empty() && !scan_stamp(lines[j])) {
            std::string a2;
            Stamp s2;
            if (header_at(j, a2, s2)) break;
            msg += (msg.empty() ? "" : " ") + lines[j];
            source += "\n" + raw[j];
            ++j;
        }
        rest = trim_spaces(msg);
        return j - i;
    }

    // The instant of the stamp's time on `day` and the offset it was written in: the stamp's own, else the
    // context's.
    int64_t to_utc(const Stamp& st, int64_t day, int& off) const {
        const int64_t time_of_day = ((st.h * 60LL + st.mi) * 60 + st.sec) * 1000 + st.ms;
        const int64_t local = day * 86400000 + time_of_day;
        off = st.has_offset ? st.offset : ctx.offset_min;
        return local - static_cast<int64_t>(off) * kMin;
    }

    // The day of an event: the stamp's date, else the current one. False (with an error) when there is none.
    bool event_day(size_t i, int count, const Stamp& st, int64_t& day, bool& inferred) {
        inferred = !st.has_date;
        if (!st.has_date) {
            if (!current_day) {
                err(i, "the time has no date and the document has no date; write it as YYYY-MM-DD HH:MM", count);
                return false;
            }
            day = *current_day;
            return true;
        }
        int y = st.y;
        if (!st.year_given) {
            if (!current_day) {
                err(i, "the date has no year and the document has no date; write the year", count);
                return false;
            }
            y = std::stoi(iso_from_day(*current_day).substr(0, 4));
        }
        if (!real_date(y, st.mo, st.d)) {
            err(i, iso_date(y, st.mo, st.d) + " is not a calendar date", count);
            return false;
        }
        day = days_from_civil(y, static_cast<unsigned>(st.mo), static_cast<unsigned>(st.d));
        current_day = day;  // a dated line sets the date for the time-only lines after it
        return true;
    }

    void add_event(size_t i, size_t consumed, const Stamp& st, const std::string& source, const std::string& author,
                   const std::string& rest) {
        PasteLine pl;
        pl.kind = PasteLine::Kind::Event;
        pl.line_no = static_cast<int>(i) + 1;
        pl.line_count = static_cast<int>(consumed);
        pl.source = source;
        int64_t day = 0;
        if (!event_day(i, pl.line_count, st, day, pl.date_inferred)) return;
        int off = 0;
        int64_t utc = to_utc(st, day, off);
        // Chat logs cross midnight: a time-only line more than 12 h before the previous event is on the next day.
        if (pl.date_inferred && prev_utc) {
            for (int k = 0; k < 400 && utc < *prev_utc - 12 * 3600000LL; ++k) {
                ++day;
                utc = to_utc(st, day, off);
                pl.rolled_over = true;
            }
            if (pl.rolled_over) current_day = day;
        }
        prev_utc = utc;
        pl.event.id = new_id("ev");
        pl.event.time.set = true;
        pl.event.time.unix_ms = utc;
        pl.event.time.offset_min = off;
        pl.event.description = rest;
        pl.event.author = author;
        pl.event.type = infer_event_type(rest);
        pl.type_inferred = true;
        res.lines.push_back(std::move(pl));
        ++res.events;
    }

    // The entry that starts at line i (not blank); returns the lines it takes.
    size_t entry(size_t i) {
        const std::string& s = lines[i];
        Stamp st;
        std::string author, rest;
        std::string source = raw[i];
        bool from_header = false;
        if (auto got = scan_stamp(s)) {
            st = *got;
            if (!st.error.empty()) {
                err(i, st.error);
                return 1;
            }
            if (st.has_date && !st.has_time) {
                date_line(i, st);
                return 1;
            }
            const size_t p = skip_separators(s, st.end);
            split_author(trim_spaces(s.substr(std::min(p, s.size()))), author, rest);
            // A time alone on its line ("[14:02]", "2:03 PM"): the message is on the next line(s).
            from_header = rest.empty();
        } else if (header_at(i, author, st)) {
            from_header = true;
        } else {
            err(i, "no time found at the start of the line");
            return 1;
        }
        size_t consumed = 1;
        if (from_header) {
            consumed = gather_message(i, rest, source);
            if (rest.empty()) {
                err(i, "no description after the time");
                return 1;
            }
        }
        add_event(i, consumed, st, source, author, rest);
        return consumed;
    }
};

}  // namespace

PasteResult parse_paste(const std::string& text, const PasteContext& ctx) {
    PasteResult res;
    const std::vector<std::string> raw = split_lines(text, ctx.max_lines, res.lines_ignored);
    std::vector<std::string> lines(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) lines[i] = strip_markers(normalize(raw[i]));
    res.lines.reserve(lines.size());

    LineParser parser{ctx, raw, lines, res, std::nullopt, std::nullopt};
    if (is_calendar_date(ctx.date)) parser.current_day = day_index(ctx.date);
    size_t i = 0;
    while (i < lines.size()) {
        if (lines[i].empty()) {
            ++i;
            continue;
        }
        i += parser.entry(i);
    }
    return res;
}

}  // namespace hs
