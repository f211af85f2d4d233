// ISO 8601 / RFC 3339 times without the machine's time zone: all arithmetic is on civil dates (no localtime/mktime),
// so results are identical natively, in wasm and in CI.
#include <cstdio>
#include <string>

#include "model.h"
#include "time.h"

namespace hs {

namespace {

bool digits(const std::string& s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = 0; i < n; ++i) {
        char c = s[pos + i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
    static const unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// "YYYY-MM-DDTHH:MM:SS" (+ ".mmm" when ms != 0) of a UTC-shifted millisecond count.
std::string civil_text(int64_t ms, char sep) {
    const int64_t days = floor_div(ms, 86400000);
    const int64_t rem = ms - days * 86400000;
    int64_t y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    const int hh = static_cast<int>(rem / 3600000), mi = static_cast<int>(rem / 60000 % 60);
    const int ss = static_cast<int>(rem / 1000 % 60), frac = static_cast<int>(rem % 1000);
    char buf[64];
    if (frac)
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u%c%02d:%02d:%02d.%03d", static_cast<long long>(y), m, d, sep,
                      hh, mi, ss, frac);
    else
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u%c%02d:%02d:%02d", static_cast<long long>(y), m, d, sep, hh,
                      mi, ss);
    return buf;
}

}  // namespace

void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += (m <= 2);
}

int64_t days_from_civil(int y, unsigned m, unsigned d) {
    const int64_t yy = static_cast<int64_t>(y) - (m <= 2);
    const int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(yy - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool is_calendar_date(const std::string& s) {
    int y, m, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return false;
    return m >= 1 && m <= 12 && d >= 1 && static_cast<unsigned>(d) <= days_in_month(y, static_cast<unsigned>(m));
}

std::optional<Instant> parse_iso8601(const std::string& in, int default_offset_min) {
    // Tolerate surrounding whitespace (CSV cells, hand-edited files); nothing else.
    size_t b = 0, e = in.size();
    while (b < e && (in[b] == ' ' || in[b] == '\t' || in[b] == '\r' || in[b] == '\n')) ++b;
    while (e > b && (in[e - 1] == ' ' || in[e - 1] == '\t' || in[e - 1] == '\r' || in[e - 1] == '\n')) --e;
    if (e - b > 64) return std::nullopt;
    const std::string s = in.substr(b, e - b);

    int y, mo, d, h, mi, sec = 0, ms = 0;
    if (s.size() < 16 || !is_calendar_date(s.substr(0, 10))) return std::nullopt;
    digits(s, 0, 4, y);
    digits(s, 5, 2, mo);
    digits(s, 8, 2, d);
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
    if (!digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi)) return std::nullopt;
    size_t p = 16;
    bool has_fraction_digits = false;
    if (p < s.size() && s[p] == ':') {
        if (!digits(s, p + 1, 2, sec)) return std::nullopt;
        p += 3;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            int scale = 100;
            size_t start = p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
                ms += (s[p] - '0') * scale;  // truncate beyond milliseconds
                scale /= 10;
                ++p;
            }
            if (p == start) return std::nullopt;
            has_fraction_digits = ms != 0;
        }
    }
    // 24:00 is the end of the day in ISO 8601; any other time past 23:59 is out of range. Leap seconds are refused:
    // a postmortem never needs them and they have no Unix-time representation.
    if (h == 24) {
        if (mi != 0 || sec != 0 || has_fraction_digits) return std::nullopt;
    } else if (h > 23) {
        return std::nullopt;
    }
    if (mi > 59 || sec > 59) return std::nullopt;

    int offset = default_offset_min;
    if (p < s.size()) {
        char c = s[p];
        if ((c == 'Z' || c == 'z') && p + 1 == s.size()) {
            offset = 0;
        } else if (c == '+' || c == '-') {
            int oh, om = 0;
            if (!digits(s, p + 1, 2, oh)) return std::nullopt;
            size_t q = p + 3;
            if (q == s.size()) {
                // "+01": hours only
            } else if (s[q] == ':' && q + 3 == s.size() && digits(s, q + 1, 2, om)) {
            } else if (q + 2 == s.size() && digits(s, q, 2, om)) {
            } else {
                return std::nullopt;
            }
            if (oh > 23 || om > 59) return std::nullopt;
            offset = (oh * 60 + om) * (c == '-' ? -1 : 1);
        } else {
            return std::nullopt;
        }
    }
    Instant t;
    const int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    const int64_t secs = days * 86400 + h * 3600 + mi * 60 + sec - static_cast<int64_t>(offset) * 60;
    t.unix_ms = secs * 1000 + ms;
    t.offset_min = offset;
    t.set = true;
    return t;
}

std::string format_utc(const Instant& t) {
    if (!t.set) return "";
    return civil_text(t.unix_ms, 'T') + "Z";
}

std::string format_offset(int offset_min, bool z_for_zero) {
    if (offset_min == 0 && z_for_zero) return "Z";
    char buf[16];
    const int a = offset_min < 0 ? -offset_min : offset_min;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_min < 0 ? '-' : '+', (a / 60) % 100, a % 60);
    return buf;
}

std::string format_local(const Instant& t) {
    if (!t.set) return "";
    return civil_text(t.unix_ms + static_cast<int64_t>(t.offset_min) * 60000, ' ') + " " + format_offset(t.offset_min);
}

std::string format_duration(int64_t seconds) {
    std::string sign;
    uint64_t s;
    if (seconds < 0) {
        sign = "-";
        s = static_cast<uint64_t>(-(seconds + 1)) + 1;  // no overflow at INT64_MIN
    } else {
        s = static_cast<uint64_t>(seconds);
    }
    char buf[64];
    const unsigned long long d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, sec = s % 60;
    if (s < 60)
        std::snprintf(buf, sizeof buf, "%llus", sec);
    else if (s < 3600)
        sec ? std::snprintf(buf, sizeof buf, "%llum %02llus", m, sec) : std::snprintf(buf, sizeof buf, "%llum", m);
    else if (s < 86400)
        std::snprintf(buf, sizeof buf, "%lluh %02llum", h, m);
    else
        h ? std::snprintf(buf, sizeof buf, "%llud %lluh", d, h) : std::snprintf(buf, sizeof buf, "%llud", d);
    return sign + buf;
}

}  // namespace hs
