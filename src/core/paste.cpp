// Paste to add: a small hand-written scanner for the time stamps people paste (chat logs, notes, terminals), with a
// reason for every line it rejects. No regex (slow and throwing in some standard libraries) and no locale.
#include "paste.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "strings.h"

namespace hs {

namespace {

constexpr int64_t kMin = 60000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
// Pasted lines are trimmed of plain spaces only: normalize() has already turned tabs and no-break spaces into them.
std::string trim_spaces(const std::string& s) { return trim(s, " "); }

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

struct Scan {
    const std::string& s;
    size_t p = 0;
    char at(size_t i) const { return i < s.size() ? s[i] : '\0'; }
    char cur() const { return at(p); }
    void spaces() {
        while (p < s.size() && s[p] == ' ') ++p;
    }
    // Up to max_n digits (at least min_n) at p.
    bool number(int min_n, int max_n, int& out, size_t& len) const {
        size_t q = p;
        int v = 0;
        while (q < s.size() && is_digit(s[q]) && static_cast<int>(q - p) < max_n) v = v * 10 + (s[q++] - '0');
        len = q - p;
        if (static_cast<int>(len) < min_n || (q < s.size() && is_digit(s[q]))) return false;
        out = v;
        return true;
    }
    std::string word() const {  // letters at p
        size_t q = p;
        while (q < s.size() && is_alpha(s[q])) ++q;
        return s.substr(p, q - p);
    }
};

// Exactly n digits at pos (more may follow).
bool exact_digits(const std::string& s, size_t pos, int n, int& out) {
    if (pos + static_cast<size_t>(n) > s.size()) return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (!is_digit(s[pos + static_cast<size_t>(i)])) return false;
        v = v * 10 + (s[pos + static_cast<size_t>(i)] - '0');
    }
    out = v;
    return true;
}

int month_from_name(const std::string& w) {
    static const char* const kNames[12] = {"january", "february", "march",     "april",   "may",      "june",
                                           "july",    "august",   "september", "october", "november", "december"};
    const std::string l = lower(w);
    if (l.size() < 3) return 0;
    for (int i = 0; i < 12; ++i) {
        const std::string full = kNames[i];
        if (l == full || l == full.substr(0, 3) || (l == "sept" && i == 8)) return i + 1;
    }
    return 0;
}

bool is_weekday_name(const std::string& w) {
    static const char* const kNames[7] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    const std::string l = lower(w);
    for (const char* n : kNames) {
        const std::string full = n;
        if (l == full || l == full.substr(0, 3)) return true;
    }
    return l == "tues" || l == "thur" || l == "thurs";
}

// A parsed stamp at the start of a line.
struct Stamp {
    bool has_date = false, year_given = false;
    int y = 0, mo = 0, d = 0;
    bool has_time = false;
    int h = 0, mi = 0, sec = 0, ms = 0;
    bool has_offset = false;
    int offset = 0;
    size_t end = 0;     // where the rest of the line begins
    std::string error;  // set: the line is rejected with this reason (without the "line N: " prefix)
};

bool real_date(int y, int m, int d) {
    char buf[32];
    if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return is_calendar_date(buf);
}

std::string iso_date(int y, int m, int d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

const char* const kMonthLong[12] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};

// Day suffixes: "1st", "2nd", "3rd", "4th".
void skip_ordinal(Scan& sc) {
    const std::string w = lower(sc.word());
    if (w == "st" || w == "nd" || w == "rd" || w == "th") sc.p += 2;
}

// A year after a month-day date: 4 digits not followed by ':' (that would be a time), or 2 digits after a comma.
bool optional_year(Scan& sc, Stamp& st) {
    const size_t save = sc.p;
    if (sc.cur() == ',') ++sc.p;
    sc.spaces();
    int y;
    size_t len;
    if (sc.number(4, 4, y, len) && sc.at(sc.p + 4) != ':' && sc.at(sc.p + 4) != 'h') {
        sc.p += 4;
        st.y = y;
        st.year_given = true;
        return true;
    }
    sc.p = save;
    return false;
}

// Tries the date forms at sc.p. Returns true when one matched (st.error may then be set).
bool scan_date(Scan& sc, Stamp& st) {
    const size_t start = sc.p;
    int a, b, c;
    size_t la, lb, lc;
    // ISO: 2026-03-01, 2026/03/01
    if (sc.number(4, 4, a, la) && (sc.at(sc.p + 4) == '-' || sc.at(sc.p + 4) == '/')) {
        const char sep = sc.at(sc.p + 4);
        Scan t{sc.s, sc.p + 5};
        if (t.number(1, 2, b, lb) && t.at(t.p + lb) == sep) {
            t.p += lb + 1;
            if (t.number(1, 2, c, lc)) {
                t.p += lc;
                sc.p = t.p;
                st.has_date = st.year_given = true;
                st.y = a, st.mo = b, st.d = c;
                if (!real_date(a, b, c)) st.error = sc.s.substr(start, sc.p - start) + " is not a calendar date";
                return true;
            }
        }
    }
    // Month name first: "Mar 1", "March 1st, 2026"
    if (int m = month_from_name(sc.word())) {
        Scan t{sc.s, sc.p + sc.word().size()};
        if (t.cur() == '.') ++t.p;
        t.spaces();
        if (t.number(1, 2, b, lb)) {
            t.p += lb;
            skip_ordinal(t);
            sc.p = t.p;
            st.has_date = true;
            st.mo = m, st.d = b;
            optional_year(sc, st);
            if (st.year_given && !real_date(st.y, m, b))
                st.error = sc.s.substr(start, sc.p - start) + " is not a calendar date";
            else if (b < 1 || b > 31)
                st.error = sc.s.substr(start, sc.p - start) + " is not a calendar date";
            return true;
        }
    }
    // Day first: "1 Mar 2026", "1st March"
    if (sc.number(1, 2, a, la)) {
        Scan t{sc.s, sc.p + la};
        skip_ordinal(t);
        t.spaces();
        if (int m = month_from_name(t.word())) {
            t.p += t.word().size();
            if (t.cur() == '.') ++t.p;
            sc.p = t.p;
            st.has_date = true;
            st.mo = m, st.d = a;
            optional_year(sc, st);
            if ((st.year_given && !real_date(st.y, m, a)) || a < 1 || a > 31)
                st.error = sc.s.substr(start, sc.p - start) + " is not a calendar date";
            return true;
        }
    }
    // Numeric: "13/03/2026", "3/13", "01.03.2026" (dots: day first, as written in Europe)
    if (sc.number(1, 2, a, la) && (sc.at(sc.p + la) == '/' || sc.at(sc.p + la) == '.')) {
        const char sep = sc.at(sc.p + la);
        Scan t{sc.s, sc.p + la + 1};
        if (t.number(1, 2, b, lb)) {
            t.p += lb;
            bool has_year = false;
            int y = 0;
            if (t.cur() == sep) {
                Scan u{sc.s, t.p + 1};
                if (u.number(4, 4, y, lc) || u.number(2, 2, y, lc)) {
                    if (lc == 2) y += 2000;
                    t.p = u.p + lc;
                    has_year = true;
                }
            }
            if (sep == '.' && !has_year) return false;  // "14.02" is more likely a version or a time
            // A date must be followed by a space (then the time); "1/2" inside text is not a date.
            if (t.cur() != ' ' && t.cur() != ',' && t.cur() != '\0' && t.cur() != 'T') return false;
            const std::string text = sc.s.substr(start, t.p - start);
            sc.p = t.p;
            st.has_date = true;
            st.year_given = has_year;
            st.y = y;
            int day, month;
            if (a < 1 || b < 1) {  // "1/0", "0.3": no day or month is numbered 0
                st.error = text + " is not a calendar date";
                return true;
            }
            if (sep == '.') {
                day = a, month = b;
            } else if (a == b || (a > 12 && b <= 12)) {
                day = a, month = b;
            } else if (b > 12 && a <= 12) {
                day = b, month = a;
            } else if (a <= 12 && b <= 12) {
                st.error = "ambiguous date " + text + " (" + std::to_string(a) + " " + kMonthLong[b - 1] + " or " +
                           std::to_string(b) + " " + kMonthLong[a - 1] + "?); write it as YYYY-MM-DD";
                return true;
            } else {
                st.error = text + " is not a calendar date";
                return true;
            }
            st.mo = month, st.d = day;
            if (month < 1 || (has_year ? !real_date(y, month, day) : (day < 1 || day > 31)))
                st.error = text + " is not a calendar date";
            return true;
        }
    }
    return false;
}

// "14:02", "14:02:33", "14:02:33.123", "14h02", "2:02 PM", "2pm". Returns false when nothing time-like is at sc.p.
bool scan_time(Scan& sc, Stamp& st) {
    const size_t start = sc.p;
    int h, m = 0, s = 0;
    size_t lh, lm, ls;
    if (!sc.number(1, 2, h, lh)) return false;
    Scan t{sc.s, sc.p + lh};
    bool minutes = false;
    if ((t.cur() == ':' || t.cur() == 'h') && is_digit(t.at(t.p + 1))) {
        Scan u{sc.s, t.p + 1};
        if (!u.number(2, 2, m, lm)) return false;
        t.p = u.p + 2;
        minutes = true;
        if (t.cur() == ':' && is_digit(t.at(t.p + 1))) {
            Scan v{sc.s, t.p + 1};
            if (!v.number(2, 2, s, ls)) return false;
            t.p = v.p + 2;
            if ((t.cur() == '.' || t.cur() == ',') && is_digit(t.at(t.p + 1))) {
                ++t.p;
                int scale = 100;
                st.ms = 0;
                while (is_digit(t.cur())) {
                    st.ms += (t.cur() - '0') * scale;
                    scale /= 10;
                    ++t.p;
                }
            }
        }
    }
    // AM / PM (also "a.m.", "p.m."), attached or after a space.
    Scan ap{sc.s, t.p};
    ap.spaces();
    int half = 0;  // 1 = AM, 2 = PM
    const std::string w = lower(ap.word());
    if (w == "am" || w == "pm") {
        half = w == "am" ? 1 : 2;
        ap.p += 2;
    } else if ((w == "a" || w == "p") && ap.at(ap.p + 1) == '.' && lower(ap.at(ap.p + 2)) == 'm' &&
               ap.at(ap.p + 3) == '.') {
        half = w == "a" ? 1 : 2;
        ap.p += 4;
    }
    if (!minutes && !half) return false;  // a bare number is not a time
    if (half) t.p = ap.p;
    const std::string text = sc.s.substr(start, t.p - start);
    if (half) {
        if (h < 1 || h > 12 || m > 59 || s > 59) {
            st.error = text + " is not a time of day";
        } else {
            h = h % 12 + (half == 2 ? 12 : 0);
        }
    } else if (h > 23 || m > 59 || s > 59) {
        st.error = text + " is not a time of day";
    }
    sc.p = t.p;
    st.has_time = true;
    st.h = h, st.mi = m, st.sec = s;
    return true;
}

// Offsets after the time: "Z", "UTC", "GMT", "UTC+1", "+01:00", "+0100" (and "+01" attached to the time), or a
// common unambiguous zone abbreviation. CST and IST are left alone: each names several zones.
void scan_offset(Scan& sc, Stamp& st) {
    const size_t save = sc.p;
    const bool attached = sc.cur() != ' ';
    sc.spaces();
    auto end_ok = [&](size_t q) { return q >= sc.s.size() || !is_alnum(sc.s[q]); };
    auto numeric = [&](size_t q, bool allow_short) -> bool {
        const char sign = sc.at(q);
        if (sign != '+' && sign != '-') return false;
        Scan t{sc.s, q + 1};
        int oh, om = 0;
        if (exact_digits(sc.s, t.p, 2, oh)) {  // "+01", "+0100", "+01:00"
            t.p += 2;
        } else if (allow_short && exact_digits(sc.s, t.p, 1, oh)) {  // "UTC+1"
            t.p += 1;
        } else {
            return false;
        }
        if (t.cur() == ':' && exact_digits(sc.s, t.p + 1, 2, om)) {
            t.p += 3;
        } else if (exact_digits(sc.s, t.p, 2, om)) {
            t.p += 2;
        } else if (!allow_short) {
            return false;
        }
        if (!end_ok(t.p) || oh > 23 || om > 59) return false;
        st.has_offset = true;
        st.offset = (oh * 60 + om) * (sign == '-' ? -1 : 1);
        sc.p = t.p;
        return true;
    };
    if (sc.cur() == 'Z' && end_ok(sc.p + 1)) {
        st.has_offset = true;
        st.offset = 0;
        ++sc.p;
        return;
    }
    const std::string w = sc.word();
    if ((w == "UTC" || w == "GMT") && (end_ok(sc.p + 3) || sc.at(sc.p + 3) == '+' || sc.at(sc.p + 3) == '-')) {
        if (!numeric(sc.p + 3, true)) {
            st.has_offset = true;
            st.offset = 0;
            sc.p += 3;
        }
        return;
    }
    static const struct {
        const char* name;
        int offset;
    } kAbbrevs[] = {{"CET", 60},   {"CEST", 120}, {"EET", 120},  {"EEST", 180}, {"WET", 0},     {"WEST", 60},
                    {"BST", 60},   {"EST", -300}, {"EDT", -240}, {"CDT", -300}, {"MST", -420},  {"MDT", -360},
                    {"PST", -480}, {"PDT", -420}, {"JST", 540},  {"AEST", 600}, {"AEDT", 660}, {"NZST", 720},
                    {"NZDT", 780}};
    for (const auto& a : kAbbrevs) {
        if (w == a.name) {
            st.has_offset = true;
            st.offset = a.offset;
            sc.p += w.size();
            return;
        }
    }
    if (numeric(sc.p, attached)) return;
    sc.p = save;
}

// The stamp at the start of the line: [weekday,] [date] time [am/pm] [offset], optionally in [] or ().
// Returns nullopt when the line does not start with a date or a time.
std::optional<Stamp> scan_stamp(const std::string& s) {
    Stamp st;
    Scan sc{s, 0};
    char close = 0;
    if (sc.cur() == '[' || sc.cur() == '(') {
        close = sc.cur() == '[' ? ']' : ')';
        ++sc.p;
        sc.spaces();
    }
    if (is_weekday_name(sc.word())) {
        Scan t{s, sc.p + sc.word().size()};
        if (t.cur() == ',' || t.cur() == '.') ++t.p;
        t.spaces();
        Stamp probe;
        const size_t keep = t.p;
        if (scan_date(t, probe)) sc.p = keep;  // only a weekday in front of a date is skipped
    }
    const bool dated = scan_date(sc, st);
    if (dated && !st.error.empty()) return st;
    if (dated) {
        if (sc.cur() == 'T' || sc.cur() == 't') {
            ++sc.p;
        } else {
            if (sc.cur() == ',') ++sc.p;
            sc.spaces();
            if (lower(sc.cur()) == 'a' && lower(sc.at(sc.p + 1)) == 't' && sc.at(sc.p + 2) == ' ') sc.p += 3;
            sc.spaces();
        }
    }
    const size_t time_at = sc.p;
    if (!scan_time(sc, st)) {
        sc.p = time_at;
        if (!dated) return std::nullopt;
        // A date alone: "2026-03-02", "Monday, March 2nd" (a date header in a chat log).
        Scan rest{s, time_at};
        rest.spaces();
        if (close && rest.cur() == close) ++rest.p;
        rest.spaces();
        if (rest.p < s.size()) st.error = "no time found after the date";
        st.end = rest.p;
        return st;
    }
    if (!st.error.empty()) return st;
    // "Mar 1 14:02 2026" (ctime / syslog variants put the year after the time)
    if (dated && !st.year_given) {
        Scan y{s, sc.p};
        y.spaces();
        int year;
        size_t l;
        if (y.number(4, 4, year, l) && (y.at(y.p + 4) == ' ' || y.at(y.p + 4) == '\0')) {
            st.y = year;
            st.year_given = true;
            sc.p = y.p + 4;
        }
    }
    scan_offset(sc, st);
    if (close) {
        Scan c{s, sc.p};
        c.spaces();
        if (c.cur() == close) sc.p = c.p + 1;
    }
    st.end = sc.p;
    return st;
}

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

PasteResult parse_paste(const std::string& text, const PasteContext& ctx) {
    PasteResult res;
    std::vector<std::string> raw;
    {
        size_t b = 0;
        while (b <= text.size()) {
            size_t e = text.find('\n', b);
            if (e == std::string::npos) e = text.size();
            if (raw.size() >= ctx.max_lines) {
                ++res.lines_ignored;
            } else {
                raw.push_back(text.substr(b, e - b));
            }
            if (e == text.size()) break;
            b = e + 1;
        }
        // A final newline does not make an ignored line.
        if (!text.empty() && text.back() == '\n' && res.lines_ignored > 0) --res.lines_ignored;
    }
    std::vector<std::string> lines(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) lines[i] = strip_markers(normalize(raw[i]));

    res.lines.reserve(lines.size());
    const bool ctx_date_ok = is_calendar_date(ctx.date);
    std::optional<int64_t> current_day;  // the date for time-only lines
    if (ctx_date_ok) current_day = day_index(ctx.date);
    std::optional<int64_t> prev_utc;

    auto err = [&](size_t i, const std::string& why, int count = 1) {
        PasteLine pl;
        pl.kind = PasteLine::Kind::Error;
        pl.line_no = static_cast<int>(i) + 1;
        pl.line_count = count;
        pl.source = raw[i];
        pl.error = "line " + std::to_string(i + 1) + ": " + why;
        res.lines.push_back(std::move(pl));
        ++res.errors;
    };


    size_t i = 0;
    while (i < lines.size()) {
        const std::string& s = lines[i];
        if (s.empty()) {
            ++i;
            continue;
        }
        Stamp st;
        std::string author, rest;
        size_t consumed = 1;
        std::string source = raw[i];
        bool from_header = false;
        if (auto got = scan_stamp(s)) {
            st = *got;
            if (!st.error.empty()) {
                err(i, st.error);
                ++i;
                continue;
            }
            if (st.has_date && !st.has_time) {  // a date header line
                int y = st.y;
                if (!st.year_given) {
                    if (!current_day) {
                        err(i, "the date has no year and the document has no date");
                        ++i;
                        continue;
                    }
                    y = std::stoi(iso_from_day(*current_day).substr(0, 4));
                }
                if (!real_date(y, st.mo, st.d)) {
                    err(i, trim_spaces(s) + " is not a calendar date");
                    ++i;
                    continue;
                }
                PasteLine pl;
                pl.kind = PasteLine::Kind::Date;
                pl.line_no = static_cast<int>(i) + 1;
                pl.source = raw[i];
                pl.date = iso_date(y, st.mo, st.d);
                current_day = day_index(pl.date);
                res.lines.push_back(std::move(pl));
                ++i;
                continue;
            }
            const size_t p = skip_separators(s, st.end);
            split_author(trim_spaces(s.substr(std::min(p, s.size()))), author, rest);
            if (rest.empty()) {
                // A time alone on its line ("[14:02]", "2:03 PM"): the message is on the next line(s).
                from_header = true;
            }
        } else if (slack_header(s, author, st) && i + 1 < lines.size() && !lines[i + 1].empty() &&
                   !scan_stamp(lines[i + 1])) {
            from_header = true;
        } else {
            err(i, "no time found at the start of the line");
            ++i;
            continue;
        }
        if (from_header) {
            std::string msg;
            size_t j = i + 1;
            while (j < lines.size() && !lines[j].empty() && !scan_stamp(lines[j])) {
                std::string a2;
                Stamp s2;
                if (slack_header(lines[j], a2, s2) && j + 1 < lines.size() && !lines[j + 1].empty() &&
                    !scan_stamp(lines[j + 1]))
                    break;
                msg += (msg.empty() ? "" : " ") + lines[j];
                source += "\n" + raw[j];
                ++j;
            }
            consumed = j - i;
            rest = trim_spaces(msg);
            if (rest.empty()) {
                err(i, "no description after the time");
                ++i;
                continue;
            }
        }

        // Resolve the date and the offset.
        PasteLine pl;
        pl.kind = PasteLine::Kind::Event;
        pl.line_no = static_cast<int>(i) + 1;
        pl.line_count = static_cast<int>(consumed);
        pl.source = source;
        int64_t day;
        if (st.has_date) {
            int y = st.y;
            if (!st.year_given) {
                if (!current_day) {
                    err(i, "the date has no year and the document has no date; write the year",
                        static_cast<int>(consumed));
                    i += consumed;
                    continue;
                }
                y = std::stoi(iso_from_day(*current_day).substr(0, 4));
            }
            if (!real_date(y, st.mo, st.d)) {
                err(i, iso_date(y, st.mo, st.d) + " is not a calendar date", static_cast<int>(consumed));
                i += consumed;
                continue;
            }
            day = days_from_civil(y, static_cast<unsigned>(st.mo), static_cast<unsigned>(st.d));
            current_day = day;  // a dated line sets the date for the time-only lines after it
        } else {
            if (!current_day) {
                err(i, "the time has no date and the document has no date; write it as YYYY-MM-DD HH:MM",
                    static_cast<int>(consumed));
                i += consumed;
                continue;
            }
            day = *current_day;
            pl.date_inferred = true;
        }
        const int64_t time_of_day = ((st.h * 60LL + st.mi) * 60 + st.sec) * 1000 + st.ms;
        auto to_utc = [&](int64_t d, int& off) {
            const int64_t local = d * 86400000 + time_of_day;
            if (st.has_offset) {
                off = st.offset;
                return local - static_cast<int64_t>(off) * kMin;
            }
            if (ctx.zone) {
                const int64_t u = local_to_utc(local, *ctx.zone);
                off = ctx.zone->offset_min_at(u);
                return u;
            }
            off = ctx.offset_min;
            return local - static_cast<int64_t>(off) * kMin;
        };
        int off = 0;
        int64_t utc = to_utc(day, off);
        // Chat logs cross midnight: a time-only line more than 12 h before the previous event is on the next day.
        if (pl.date_inferred && prev_utc) {
            for (int k = 0; k < 400 && utc < *prev_utc - 12 * 3600000LL; ++k) {
                ++day;
                utc = to_utc(day, off);
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
        i += consumed;
    }
    return res;
}

}  // namespace hs
