// Timeline maths: zones, axis ticks, lanes, clusters, phases. All calendar arithmetic is on civil dates (no
// localtime/mktime), so results do not depend on the machine's time zone.
#include "timeline.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "metrics.h"

#include "time.h"
#include "sort.h"

namespace hs {

namespace {

int64_t floor_mod(int64_t a, int64_t b) { return a - floor_div(a, b) * b; }
int64_t ceil_div(int64_t a, int64_t b) { return -floor_div(-a, b); }

struct Civil {
    int64_t year;
    unsigned month, day;
    int weekday;  // 0 = Sunday
    int hour, minute, second;
};

Civil civil_from_ms(int64_t local_ms) {
    const int64_t days = floor_div(local_ms, kDayMs);
    const int64_t rem = local_ms - days * kDayMs;
    int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    Civil c;
    c.day = doy - (153 * mp + 2) / 5 + 1;
    c.month = mp < 10 ? mp + 3 : mp - 9;
    c.year = y + (c.month <= 2);
    c.weekday = static_cast<int>(floor_mod(days + 4, 7));  // 1970-01-01 was a Thursday
    c.hour = static_cast<int>(rem / kHourMs);
    c.minute = static_cast<int>(rem / kMinuteMs % 60);
    c.second = static_cast<int>(rem / kSecondMs % 60);
    return c;
}

const char* const kWeekdays[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string two(int v) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d", v);
    return b;
}

}  // namespace

// ---- display zone ---------------------------------------------------------------------------------------------------

TimeZone TimeZone::utc() { return TimeZone{}; }

TimeZone TimeZone::fixed(int offset_min) {
    TimeZone z;
    z.kind = Kind::Fixed;
    z.fixed_offset_min = offset_min;
    return z;
}

TimeZone TimeZone::relative(int64_t origin_ms, std::string origin_name) {
    TimeZone z;
    z.kind = Kind::Relative;
    z.origin_ms = origin_ms;
    z.origin_name = std::move(origin_name);
    return z;
}

int TimeZone::offset_min_at(int64_t utc_ms) const {
    switch (kind) {
        case Kind::Fixed: return fixed_offset_min;
        default: return 0;
    }
}

std::string TimeZone::label(int64_t at_ms) const {
    switch (kind) {
        case Kind::Utc: return "UTC";
        case Kind::Fixed: return fixed_offset_min == 0 ? "UTC" : "UTC" + format_offset(fixed_offset_min);
        case Kind::Relative: return "T = " + origin_name;
    }
    return "UTC";
}

// ---- formatting -----------------------------------------------------------------------------------------------------

std::string format_relative(int64_t delta_ms, TimePrecision precision) {
    const char* sign = delta_ms < 0 ? "T-" : "T+";
    // Truncate toward zero on the magnitude; uint64 avoids overflow at INT64_MIN.
    const uint64_t a = delta_ms < 0 ? static_cast<uint64_t>(-(delta_ms + 1)) + 1 : static_cast<uint64_t>(delta_ms);
    const uint64_t s = a / 1000;
    const uint64_t d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, sec = s % 60;
    char buf[64];
    if (precision == TimePrecision::Day) {
        std::snprintf(buf, sizeof buf, "%s%llud", sign, static_cast<unsigned long long>(d));
        return buf;
    }
    const bool seconds = precision == TimePrecision::Second || precision == TimePrecision::Full;
    if (seconds && s < 3600) {
        std::snprintf(buf, sizeof buf, "%s%02llu:%02llu", sign, static_cast<unsigned long long>(m),
                      static_cast<unsigned long long>(sec));
        return buf;
    }
    if (s < 60) return std::string(sign) + "0m";
    // The leading unit unpadded, minutes and seconds after it two digits ("1h 05m", "1d 3h", "2h 00m 30s");
    // trailing zero units dropped ("2h", "1d").
    std::string out = sign;
    char b[32];
    auto add = [&](uint64_t v, const char* unit, bool pad) {
        std::snprintf(b, sizeof b, pad && out.size() > 2 ? "%s%02llu%s" : "%s%llu%s", out.size() > 2 ? " " : "",
                      static_cast<unsigned long long>(v), unit);
        out += b;
    };
    const bool want_s = seconds && sec;
    if (d) add(d, "d", false);
    if (h || (d && (m || want_s))) add(h, "h", false);
    if (m || want_s) add(m, "m", true);
    if (want_s) add(sec, "s", true);
    return out;
}

std::string format_time(int64_t utc_ms, const TimeZone& zone, TimePrecision precision) {
    if (zone.kind == TimeZone::Kind::Relative) {
        return format_relative(utc_ms - zone.origin_ms, precision == TimePrecision::DayMinute ? TimePrecision::Minute
                                                                                                : precision);
    }
    const Civil c = civil_from_ms(utc_ms + static_cast<int64_t>(zone.offset_min_at(utc_ms)) * kMinuteMs);
    const std::string hm = two(c.hour) + ":" + two(c.minute);
    const std::string date = std::to_string(c.day) + " " + kMonths[c.month - 1];
    switch (precision) {
        case TimePrecision::Second: return hm + ":" + two(c.second);
        case TimePrecision::Minute: return hm;
        case TimePrecision::Day: return std::string(kWeekdays[c.weekday]) + " " + date;
        case TimePrecision::DayMinute: return date + " " + hm;
        case TimePrecision::DayYear:
            return std::string(kWeekdays[c.weekday]) + " " + date + " " + std::to_string(c.year);
        case TimePrecision::Full:
            return std::string(kWeekdays[c.weekday]) + " " + date + " " + std::to_string(c.year) + " " + hm + ":" +
                   two(c.second) + " " + zone.label(utc_ms);
    }
    return hm;
}

int document_offset_min(const Document& d) {
    std::vector<std::pair<int, int>> counts;  // (offset, events): a document has few offsets, so no map
    const auto count = [&](int off) -> int& {
        for (auto& c : counts)
            if (c.first == off) return c.second;
        counts.emplace_back(off, 0);
        return counts.back().second;
    };
    const Event* earliest = nullptr;
    for (const Event& e : d.timeline) {
        if (!e.time.set) continue;
        ++count(e.time.offset_min);
        if (!earliest || e.time.unix_ms < earliest->time.unix_ms) earliest = &e;
    }
    if (!earliest) return 0;
    sort_stable(counts.begin(), counts.end());  // ties go to the smallest offset
    int best = earliest->time.offset_min, best_n = count(best);
    for (const auto& [off, n] : counts) {
        if (n > best_n) best = off, best_n = n;
    }
    return best;
}

// ---- ticks ----------------------------------------------------------------------------------------------------------

const std::vector<int64_t>& tick_steps_ms() {
    static const std::vector<int64_t> steps = {
        1 * kSecondMs,  2 * kSecondMs,  5 * kSecondMs,  10 * kSecondMs, 15 * kSecondMs, 30 * kSecondMs,
        1 * kMinuteMs,  2 * kMinuteMs,  5 * kMinuteMs,  10 * kMinuteMs, 15 * kMinuteMs, 30 * kMinuteMs,
        1 * kHourMs,    2 * kHourMs,    3 * kHourMs,    6 * kHourMs,    12 * kHourMs,   1 * kDayMs,
        2 * kDayMs,     7 * kDayMs};
    return steps;
}

namespace {

// Minor subdivision for each major step: round values that divide the step.
int64_t minor_for(int64_t major) {
    switch (major) {
        case 1 * kSecondMs: return 0;
        case 2 * kSecondMs: return kSecondMs;
        case 5 * kSecondMs: return kSecondMs;
        case 10 * kSecondMs: return 2 * kSecondMs;
        case 15 * kSecondMs: return 5 * kSecondMs;
        case 30 * kSecondMs: return 10 * kSecondMs;
        case 1 * kMinuteMs: return 10 * kSecondMs;
        case 2 * kMinuteMs: return 30 * kSecondMs;
        case 5 * kMinuteMs: return kMinuteMs;
        case 10 * kMinuteMs: return 2 * kMinuteMs;
        case 15 * kMinuteMs: return 5 * kMinuteMs;
        case 30 * kMinuteMs: return 10 * kMinuteMs;
        case 1 * kHourMs: return 15 * kMinuteMs;
        case 2 * kHourMs: return 30 * kMinuteMs;
        case 3 * kHourMs: return kHourMs;
        case 6 * kHourMs: return kHourMs;
        case 12 * kHourMs: return 3 * kHourMs;
        case 1 * kDayMs: return 6 * kHourMs;
        case 2 * kDayMs: return 12 * kHourMs;
        case 7 * kDayMs: return kDayMs;
        default: return major % (7 * kDayMs) == 0 ? kDayMs * 7 : 0;  // multi-week steps: weekly minors
    }
}

std::string step_text(int64_t step) {
    if (step < kMinuteMs) return std::to_string(step / kSecondMs) + " s";
    if (step < kHourMs) return std::to_string(step / kMinuteMs) + " min";
    if (step < kDayMs) return std::to_string(step / kHourMs) + " h";
    return std::to_string(step / kDayMs) + " d";
}

// Local-aligned positions of a step in [t0, t1]: for steps up to a day, local_ms % step == 0 (every step divides a
// day, so this is "time of day % step"); for multi-day steps, local midnights of days whose number is a multiple of
// the step (weeks start on Monday). A display zone has one offset (UTC or a fixed one), so local = UTC + offset.
template <typename Fn>
void for_each_aligned(int64_t t0, int64_t t1, int64_t step, const TimeZone& zone, size_t cap, Fn&& fn) {
    const int64_t off_ms = static_cast<int64_t>(zone.offset_min_at(t0)) * kMinuteMs;
    const int64_t local0 = t0 + off_ms;
    int64_t first;
    if (step <= kDayMs) {
        first = ceil_div(local0, step) * step;
    } else {
        const int64_t k = step / kDayMs;
        const int64_t phase = step % (7 * kDayMs) == 0 ? 3 : 0;  // day 4 (1970-01-05) was a Monday
        int64_t day = ceil_div(local0, kDayMs);
        day += floor_mod(-(day + phase), k);
        first = day * kDayMs;
    }
    size_t n = 0;
    for (int64_t local = first; local - off_ms <= t1 && n < cap; local += step, ++n) fn(local - off_ms, local);
}

}  // namespace

TickSet choose_ticks(int64_t t0_ms, int64_t t1_ms, float pixel_width, float min_label_px, const TimeZone& zone) {
    TickSet ts;
    ts.zone_label = zone.label(t0_ms);
    if (!(t1_ms > t0_ms) || !(pixel_width > 0)) return ts;
    const bool relative = zone.kind == TimeZone::Kind::Relative;
    if (!relative) ts.context_label = format_time(t0_ms, zone, TimePrecision::DayYear);

    const double px_per_ms = static_cast<double>(pixel_width) / static_cast<double>(t1_ms - t0_ms);
    const double min_px = std::max(1.0f, min_label_px);
    int64_t step = 0;
    for (int64_t s : tick_steps_ms()) {
        if (static_cast<double>(s) * px_per_ms >= min_px) {
            step = s;
            break;
        }
    }
    if (step == 0) {  // very long ranges: whole weeks, doubling
        step = 14 * kDayMs;
        while (static_cast<double>(step) * px_per_ms < min_px && step < (int64_t{1} << 50)) step *= 2;
    }
    ts.major_step_ms = step;
    ts.step_label = step_text(step);
    int64_t minor = minor_for(step);
    if (minor && static_cast<double>(minor) * px_per_ms < 4.0) minor = 0;  // too dense to see
    ts.minor_step_ms = minor;

    // Enough for any sane screen; protects against absurd inputs (a huge width with a tiny min_label_px).
    const size_t kCap = 20000;
    if (relative) {
        const TimePrecision prec = step < kMinuteMs ? TimePrecision::Second
                                   : step < kDayMs  ? TimePrecision::Minute
                                                    : TimePrecision::Day;
        for (int64_t k = ceil_div(t0_ms - zone.origin_ms, step); ts.majors.size() < kCap; ++k) {
            const int64_t t = zone.origin_ms + k * step;
            if (t > t1_ms) break;
            ts.majors.push_back({t, false, format_relative(t - zone.origin_ms, prec)});
        }
        if (minor) {
            for (int64_t k = ceil_div(t0_ms - zone.origin_ms, minor); ts.minors.size() < kCap; ++k) {
                const int64_t t = zone.origin_ms + k * minor;
                if (t > t1_ms) break;
                if ((t - zone.origin_ms) % step != 0) ts.minors.push_back({t, false, {}});
            }
        }
        return ts;
    }

    const TimePrecision prec = step < kMinuteMs ? TimePrecision::Second : TimePrecision::Minute;
    for_each_aligned(t0_ms, t1_ms, step, zone, kCap, [&](int64_t utc, int64_t local) {
        Tick t;
        t.ms = utc;
        t.day_start = floor_mod(local, kDayMs) == 0;
        t.label = t.day_start || step >= kDayMs ? format_time(utc, zone, TimePrecision::Day)
                                                : format_time(utc, zone, prec);
        ts.majors.push_back(std::move(t));
    });
    if (minor) {
        size_t mi = 0;  // skip positions of majors (both lists are sorted)
        for_each_aligned(t0_ms, t1_ms, minor, zone, kCap, [&](int64_t utc, int64_t) {
            while (mi < ts.majors.size() && ts.majors[mi].ms < utc) ++mi;
            if (mi < ts.majors.size() && ts.majors[mi].ms == utc) return;
            ts.minors.push_back({utc, false, {}});
        });
    }
    return ts;
}

// ---- editing helpers ------------------------------------------------------------------------------------------------

std::optional<int64_t> parse_time_edit(const std::string& text, int64_t near_utc_ms, int offset_min) {
    size_t b = text.find_first_not_of(" \t"), e = text.find_last_not_of(" \t");
    if (b == std::string::npos) return std::nullopt;
    const std::string s = text.substr(b, e - b + 1);
    int parts[3] = {0, 0, 0};
    int n = 0, digits = 0;
    bool clock = true;
    for (char c : s) {
        if (c >= '0' && c <= '9' && digits < 2) {
            parts[n] = parts[n] * 10 + (c - '0');
            ++digits;
        } else if (c == ':' && digits > 0 && n < 2) {
            ++n;
            digits = 0;
        } else {
            clock = false;
            break;
        }
    }
    if (clock && n >= 1 && digits > 0) {
        if (parts[0] > 23 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
        const int64_t off = static_cast<int64_t>(offset_min) * kMinuteMs;
        const int64_t local = near_utc_ms + off;
        const int64_t day = (local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs) * kDayMs;
        return day + parts[0] * kHourMs + parts[1] * kMinuteMs + parts[2] * kSecondMs - off;
    }
    if (auto t = parse_iso8601(s, offset_min)) return t->unix_ms;
    return std::nullopt;
}

int64_t snap_time(int64_t ms, SnapUnit unit) {
    const int64_t u = unit == SnapUnit::Minute ? kMinuteMs : unit == SnapUnit::Second ? kSecondMs : 0;
    if (!u) return ms;
    return floor_div(ms + u / 2, u) * u;
}

TimeView zoom_view(const TimeView& v, float cursor_x, double factor, double min_ms_per_px, double max_ms_per_px) {
    if (!(factor > 0)) return v;
    TimeView out;
    out.ms_per_px = std::clamp(v.ms_per_px / factor, min_ms_per_px, max_ms_per_px);
    const double t_cursor = v.t0_ms + static_cast<double>(cursor_x) * v.ms_per_px;
    out.t0_ms = t_cursor - static_cast<double>(cursor_x) * out.ms_per_px;
    return out;
}

TimeView fit_view(int64_t t_min, int64_t t_max, float pixel_width, float margin_px) {
    TimeView v;
    const double usable = std::max(1.0, static_cast<double>(pixel_width) - 2.0 * margin_px);
    const double span = std::max<double>(static_cast<double>(t_max - t_min), static_cast<double>(kMinuteMs));
    v.ms_per_px = span / usable;
    const double mid = (static_cast<double>(t_min) + static_cast<double>(t_max)) / 2;
    v.t0_ms = mid - v.ms_per_px * static_cast<double>(pixel_width) / 2;
    return v;
}

}  // namespace hs

namespace hs {

namespace {
bool event_before(const Event& a, const Event& b) {
    if (a.time.set != b.time.set) return a.time.set;  // events without a time go last
    return a.time.set && a.time.unix_ms < b.time.unix_ms;
}
}  // namespace

bool sort_events_by_time(std::vector<Event>& events) {
    if (std::is_sorted(events.begin(), events.end(), event_before)) return false;
    sort_stable(events.begin(), events.end(), event_before);
    return true;
}

std::vector<const Event*> events_in_time_order(const Document& d) {
    std::vector<const Event*> out;
    out.reserve(d.timeline.size());
    for (const Event& e : d.timeline) out.push_back(&e);
    sort_stable(out.begin(), out.end(), [](const Event* a, const Event* b) { return event_before(*a, *b); });
    return out;
}

}  // namespace hs
