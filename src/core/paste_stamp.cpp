// Paste to add: the time stamps at the start of pasted lines, scanned by hand (no regex, no locale), with a reason for
// every stamp that is rejected ("ambiguous date 03/04", "2026-02-30 is not a calendar date").
//
// Index of this file:
//   digits and names of months and weekdays
//   dates
//   times
//   offsets
//   the whole stamp
#include <cstdio>
#include <optional>

#include "model.h"
#include "paste_detail.h"
#include "strings.h"

namespace hs::paste_detail {

// ---- digits and names of months and weekdays ------------------------------------------------------------------------
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


// ---- dates ----------------------------------------------------------------------------------------------------------
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
// ---- times ----------------------------------------------------------------------------------------------------------
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
// ---- offsets --------------------------------------------------------------------------------------------------------
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

// ---- the whole stamp ------------------------------------------------------------------------------------------------
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

}  // namespace hs::paste_detail
