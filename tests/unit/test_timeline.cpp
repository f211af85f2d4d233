// Timeline maths: zones, axis ticks, formatting, lanes, clusters, phases, snapping and hit testing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "core/embedded.h"
#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/metrics.h"
#include "core/timeline.h"

using namespace hs;

namespace {

int64_t T(const std::string& iso) {
    auto t = parse_iso8601(iso);
    REQUIRE(t);
    return t->unix_ms;
}

std::vector<std::string> labels(const std::vector<Tick>& ticks) {
    std::vector<std::string> out;
    for (const auto& t : ticks) out.push_back(t.label);
    return out;
}

Event ev(const std::string& id, const std::string& type, int64_t ms) {
    Event e;
    e.id = id;
    e.type = type;
    e.time = Instant{ms, 0, true};
    return e;
}

}  // namespace

// ---- zones ---------------------------------------------------------------------------------------------------------

TEST_CASE("Zone labels", "[timeline]") {
    CHECK(TimeZone::utc().label(0) == "UTC");
    CHECK(TimeZone::fixed(60).label(0) == "UTC+01:00");
    CHECK(TimeZone::fixed(-330).label(0) == "UTC-05:30");
    CHECK(TimeZone::fixed(0).label(0) == "UTC");
    CHECK(TimeZone::relative(0).label(0) == "T = impact start");
}

// ---- formatting ----------------------------------------------------------------------------------------------------

TEST_CASE("format_time in UTC and a fixed offset", "[timeline]") {
    const int64_t t = T("2026-03-01T14:02:30Z");
    const TimeZone utc = TimeZone::utc();
    CHECK(format_time(t, utc, TimePrecision::Second) == "14:02:30");
    CHECK(format_time(t, utc, TimePrecision::Minute) == "14:02");
    CHECK(format_time(t, utc, TimePrecision::Day) == "Sun 1 Mar");
    CHECK(format_time(t, utc, TimePrecision::DayMinute) == "1 Mar 14:02");
    CHECK(format_time(t, utc, TimePrecision::DayYear) == "Sun 1 Mar 2026");
    CHECK(format_time(t, utc, TimePrecision::Full) == "Sun 1 Mar 2026 14:02:30 UTC");

    CHECK(format_time(t, TimeZone::fixed(60), TimePrecision::Minute) == "15:02");
    CHECK(format_time(t, TimeZone::fixed(-300), TimePrecision::DayMinute) == "1 Mar 09:02");
    CHECK(format_time(T("2026-03-01T23:30:00Z"), TimeZone::fixed(60), TimePrecision::DayMinute) == "2 Mar 00:30");
    CHECK(format_time(T("2026-03-01T00:30:00Z"), TimeZone::fixed(-60), TimePrecision::Day) == "Sat 28 Feb");
}

TEST_CASE("Relative times", "[timeline]") {
    CHECK(format_relative(250000, TimePrecision::Second) == "T+04:10");
    CHECK(format_relative(250000, TimePrecision::Minute) == "T+4m");
    CHECK(format_relative(3930000, TimePrecision::Minute) == "T+1h 05m");
    CHECK(format_relative(3930000, TimePrecision::Second) == "T+1h 05m 30s");
    CHECK(format_relative(-300000, TimePrecision::Minute) == "T-5m");
    CHECK(format_relative(-300000, TimePrecision::Second) == "T-05:00");
    CHECK(format_relative(-59000, TimePrecision::Minute) == "T-0m");
    CHECK(format_relative(0, TimePrecision::Second) == "T+00:00");
    CHECK(format_relative(7200000, TimePrecision::Minute) == "T+2h");
    CHECK(format_relative(2 * kDayMs + 3 * kHourMs, TimePrecision::Day) == "T+2d");
    CHECK(format_relative(kDayMs + 3 * kHourMs, TimePrecision::Minute) == "T+1d 3h");
    CHECK(format_relative(kDayMs + 5 * kMinuteMs, TimePrecision::Minute) == "T+1d 0h 05m");
    CHECK(format_relative(INT64_MIN, TimePrecision::Day).rfind("T-", 0) == 0);  // no overflow

    const TimeZone rel = TimeZone::relative(T("2026-03-01T14:00:00Z"));
    CHECK(format_time(T("2026-03-01T14:07:00Z"), rel, TimePrecision::Minute) == "T+7m");
    CHECK(format_time(T("2026-03-01T13:55:00Z"), rel, TimePrecision::DayMinute) == "T-5m");
    CHECK(format_time(T("2026-03-01T15:05:10Z"), rel, TimePrecision::Full) == "T+1h 05m 10s");
}

TEST_CASE("document_offset_min is the most common offset", "[timeline]") {
    Document d;
    CHECK(document_offset_min(d) == 0);
    d.timeline = {ev("a", "note", 1000), ev("b", "note", 2000), ev("c", "note", 3000)};
    d.timeline[0].time.offset_min = 60;
    d.timeline[1].time.offset_min = -300;
    d.timeline[2].time.offset_min = -300;
    CHECK(document_offset_min(d) == -300);
    d.timeline.pop_back();
    CHECK(document_offset_min(d) == 60);  // tie: the earliest event's
}

// ---- ticks ----------------------------------------------------------------------------------------------------------

TEST_CASE("Tick steps adapt from seconds to days", "[timeline]") {
    const int64_t t0 = T("2026-03-01T12:00:00Z");
    struct Case {
        int64_t span;
        int64_t step;
        const char* step_label;
    };
    // 1000 px wide, labels need 60 px.
    const Case cases[] = {
        {10 * kSecondMs, kSecondMs, "1 s"},       {60 * kSecondMs, 5 * kSecondMs, "5 s"},
        {3 * kMinuteMs, 15 * kSecondMs, "15 s"},  {10 * kMinuteMs, kMinuteMs, "1 min"},
        {kHourMs, 5 * kMinuteMs, "5 min"},        {6 * kHourMs, 30 * kMinuteMs, "30 min"},
        {kDayMs, 2 * kHourMs, "2 h"},             {3 * kDayMs, 6 * kHourMs, "6 h"},
        {10 * kDayMs, kDayMs, "1 d"},             {30 * kDayMs, 2 * kDayMs, "2 d"},
        {100 * kDayMs, 7 * kDayMs, "7 d"},
    };
    for (const Case& c : cases) {
        INFO("span " << c.span << " ms");
        TickSet ts = choose_ticks(t0, t0 + c.span, 1000, 60, TimeZone::utc());
        CHECK(ts.major_step_ms == c.step);
        CHECK(ts.step_label == c.step_label);
        REQUIRE(ts.majors.size() >= 2);
        // Majors are at least min_label_px apart on screen and never more than ~1000/60 + 2.
        const double px_per_ms = 1000.0 / static_cast<double>(c.span);
        for (size_t i = 1; i < ts.majors.size(); ++i) {
            CHECK(static_cast<double>(ts.majors[i].ms - ts.majors[i - 1].ms) * px_per_ms >= 60.0 - 1e-9);
        }
        for (const Tick& m : ts.majors) {
            CHECK(m.ms >= t0);
            CHECK(m.ms <= t0 + c.span);
            if (c.step <= kDayMs) CHECK(m.ms % c.step == 0);  // UTC: aligned to the step (weeks: to Mondays)
        }
    }
    // Years: whole weeks, doubling.
    TickSet years = choose_ticks(t0, t0 + 1000 * kDayMs, 1000, 60, TimeZone::utc());
    CHECK(years.major_step_ms % (7 * kDayMs) == 0);
    CHECK(years.major_step_ms > 7 * kDayMs);
    // Degenerate input gives no ticks rather than garbage.
    CHECK(choose_ticks(t0, t0, 1000, 60, TimeZone::utc()).majors.empty());
    CHECK(choose_ticks(t0 + 5, t0, 1000, 60, TimeZone::utc()).majors.empty());
    CHECK(choose_ticks(t0, t0 + kHourMs, 0, 60, TimeZone::utc()).majors.empty());
    // Absurd widths are capped.
    CHECK(choose_ticks(t0, t0 + 3650 * kDayMs, 1e9f, 0.001f, TimeZone::utc()).majors.size() <= 20000);
}

TEST_CASE("Tick labels in seconds, minutes and days", "[timeline]") {
    const int64_t t0 = T("2026-03-01T14:02:00Z");
    TickSet s = choose_ticks(t0, t0 + 10 * kSecondMs, 1000, 60, TimeZone::utc());
    REQUIRE(s.majors.size() == 11);
    CHECK(s.majors[0].label == "14:02:00");
    CHECK(s.majors[10].label == "14:02:10");
    CHECK(s.minors.empty());
    CHECK(s.context_label == "Sun 1 Mar 2026");
    CHECK(s.zone_label == "UTC");

    TickSet m = choose_ticks(T("2026-03-01T14:00:00Z"), T("2026-03-01T15:00:00Z"), 600, 60, TimeZone::utc());
    CHECK(m.major_step_ms == 10 * kMinuteMs);
    CHECK(labels(m.majors) == std::vector<std::string>{"14:00", "14:10", "14:20", "14:30", "14:40", "14:50", "15:00"});
    CHECK(m.minor_step_ms == 2 * kMinuteMs);
    CHECK(m.minors.size() == 24);  // 31 two-minute marks in [14:00, 15:00] minus the 7 majors
    for (const Tick& mi : m.minors) {
        CHECK(mi.ms % (10 * kMinuteMs) != 0);
        CHECK(mi.label.empty());
    }

    TickSet d = choose_ticks(T("2026-03-01T00:00:00Z"), T("2026-03-11T00:00:00Z"), 1000, 60, TimeZone::utc());
    CHECK(d.major_step_ms == kDayMs);
    REQUIRE(d.majors.size() == 11);
    CHECK(d.majors[0].label == "Sun 1 Mar");
    CHECK(d.majors[1].label == "Mon 2 Mar");
    CHECK(d.majors[0].day_start);

    // Weekly ticks start on Mondays.
    TickSet w = choose_ticks(T("2026-03-01T00:00:00Z"), T("2026-06-01T00:00:00Z"), 1000, 60, TimeZone::utc());
    CHECK(w.major_step_ms == 7 * kDayMs);
    REQUIRE(!w.majors.empty());
    for (const Tick& t : w.majors) CHECK(t.label.rfind("Mon ", 0) == 0);
    CHECK(w.majors[0].label == "Mon 2 Mar");
}

TEST_CASE("A day label at midnight crossings", "[timeline]") {
    TickSet ts = choose_ticks(T("2026-03-01T22:00:00Z"), T("2026-03-02T02:00:00Z"), 400, 60, TimeZone::utc());
    CHECK(ts.major_step_ms == kHourMs);
    CHECK(labels(ts.majors) == std::vector<std::string>{"22:00", "23:00", "Mon 2 Mar", "01:00", "02:00"});
    CHECK(ts.majors[2].day_start);
    CHECK_FALSE(ts.majors[1].day_start);
    // In a fixed offset, the crossing is local midnight, not UTC midnight.
    TickSet f = choose_ticks(T("2026-03-01T21:00:00Z"), T("2026-03-02T01:00:00Z"), 400, 60, TimeZone::fixed(120));
    CHECK(labels(f.majors) == std::vector<std::string>{"23:00", "Mon 2 Mar", "01:00", "02:00", "03:00"});
    CHECK(f.majors[1].ms == T("2026-03-01T22:00:00Z"));
    CHECK(f.zone_label == "UTC+02:00");
    // Half-hour offsets keep round local labels.
    TickSet h = choose_ticks(T("2026-03-01T12:00:00Z"), T("2026-03-01T16:00:00Z"), 400, 60, TimeZone::fixed(330));
    CHECK(labels(h.majors) == std::vector<std::string>{"18:00", "19:00", "20:00", "21:00"});
    CHECK(h.majors[0].ms == T("2026-03-01T12:30:00Z"));
}

TEST_CASE("Relative ticks count from the origin", "[timeline]") {
    const int64_t origin = T("2026-03-01T14:03:00Z");
    const TimeZone rel = TimeZone::relative(origin);
    TickSet ts = choose_ticks(origin - 10 * kMinuteMs, origin + 50 * kMinuteMs, 600, 60, rel);
    CHECK(ts.major_step_ms == 10 * kMinuteMs);
    CHECK(labels(ts.majors) == std::vector<std::string>{"T-10m", "T+0m", "T+10m", "T+20m", "T+30m", "T+40m", "T+50m"});
    CHECK(ts.majors[1].ms == origin);  // not aligned to wall-clock minutes of ten
    CHECK(ts.context_label.empty());
    CHECK(ts.zone_label == "T = impact start");
    for (const Tick& m : ts.minors) CHECK((m.ms - origin) % (10 * kMinuteMs) != 0);

    TickSet sec = choose_ticks(origin, origin + 10 * kSecondMs, 1000, 60, rel);
    CHECK(sec.majors[3].label == "T+00:03");
    TickSet hours = choose_ticks(origin, origin + 2 * kDayMs, 800, 60, rel);
    CHECK(hours.major_step_ms == 6 * kHourMs);
    CHECK(labels(hours.majors)[1] == "T+6h");
    CHECK(labels(hours.majors)[5] == "T+1d 6h");
    TickSet days = choose_ticks(origin, origin + 10 * kDayMs, 1000, 60, rel);
    CHECK(labels(days.majors)[2] == "T+2d");
}

// ---- index, lanes, clusters -----------------------------------------------------------------------------------------

TEST_CASE("The index updated in place equals a new one, after edits and over another document's index", "[timeline]") {
    std::mt19937 rng(5);
    std::vector<Event> evs;
    for (int i = 0; i < 400; ++i) {
        // Times on a coarse grid, so many events share an instant and only their ids order them.
        Event e = ev("e" + std::to_string(rng() % 1000), vocab::kEventTypes[rng() % vocab::kEventTypes.size()],
                     static_cast<int64_t>(rng() % 50) * 1000);
        e.time.set = rng() % 20 != 0;
        evs.push_back(e);
    }
    std::vector<float> widths;
    for (size_t i = 0; i < evs.size(); ++i) widths.push_back(static_cast<float>(rng() % 300));
    const auto same = [](const TimelineIndex& a, const TimelineIndex& b) {
        if (a.entries.size() != b.entries.size() || a.untimed != b.untimed || a.t_min != b.t_min || a.t_max != b.t_max)
            return false;
        for (size_t i = 0; i < a.entries.size(); ++i) {
            const TimelineEntry &x = a.entries[i], &y = b.entries[i];
            if (std::tie(x.event_index, x.time_ms, x.id, x.type_index, x.label_px) !=
                std::tie(y.event_index, y.time_ms, y.id, y.type_index, y.label_px))
                return false;
        }
        return true;
    };
    TimelineIndex idx = build_timeline_index({ev("old", "note", 5)}, {1});
    for (int round = 0; round < 60; ++round) {
        if (round % 2) sort_events_by_time(evs);  // the editor's order, and every other round an unsorted one
        update_timeline_index(idx, evs, widths);
        REQUIRE(same(idx, build_timeline_index(evs, widths)));
        Event& e = evs[rng() % evs.size()];  // an edit: retime, rename, or add / delete
        switch (round % 3) {
            case 0: e.time.unix_ms = static_cast<int64_t>(rng() % 50) * 1000; break;
            case 1: e.id = "e" + std::to_string(rng() % 1000); break;
            default:
                if (round % 2) evs.erase(evs.begin() + static_cast<std::ptrdiff_t>(rng() % evs.size()));
                else evs.push_back(ev("n" + std::to_string(round), "action", static_cast<int64_t>(rng() % 50) * 1000));
                widths.resize(evs.size(), 12.0f);
        }
    }
    update_timeline_index(idx, {}, {});
    CHECK(same(idx, build_timeline_index({}, {})));
}

TEST_CASE("The index sorts by time then id and keeps untimed events apart", "[timeline]") {
    std::vector<Event> evs = {ev("b", "note", 2000), ev("a", "detected", 2000), ev("c", "weird", 1000)};
    Event untimed;
    untimed.id = "u";
    evs.push_back(untimed);
    TimelineIndex idx = build_timeline_index(evs, {10, 20, 30, 40});
    REQUIRE(idx.entries.size() == 3);
    CHECK(idx.entries[0].id == "c");
    CHECK(idx.entries[1].id == "a");
    CHECK(idx.entries[2].id == "b");
    CHECK(idx.entries[1].label_px == 20);
    CHECK(idx.entries[0].type_index == event_type_index("note"));  // unknown types draw as notes
    CHECK(idx.untimed == std::vector<int>{3});
    CHECK(idx.t_min == 1000);
    CHECK(idx.t_max == 2000);
    CHECK(visible_range(idx, 1500, 2500) == std::pair<int, int>(1, 3));
    CHECK(visible_range(idx, 1500, 2500, 600) == std::pair<int, int>(0, 3));
    CHECK(visible_range(idx, 3000, 4000) == std::pair<int, int>(3, 3));
}

TEST_CASE("Lanes: a small case by hand", "[timeline]") {
    LaneParams p;
    p.px_per_ms = 0.01;  // 10 px per second
    p.gap_px = 5;
    p.max_lanes = 2;
    // x = 0, 50, 100, 100, 100: widths 60 -> [0,65) [50,115) ...
    std::vector<LaneItem> items = {{0, 60, "a"}, {5000, 60, "b"}, {10000, 30, "c"}, {10000, 30, "d"},
                                   {10000, 30, "e"}};
    LaneLayout l = layout_lanes(items, p);
    CHECK(l.lane == std::vector<int>{0, 1, 0, -1, -1});
    CHECK(l.lanes_used == 2);
    CHECK(l.hidden == 2);
    p.max_lanes = 6;
    l = layout_lanes(items, p);
    CHECK(l.lane == std::vector<int>{0, 1, 0, 2, 3});
    CHECK(l.hidden == 0);
    // Zooming in far enough puts everything in one lane... except equal times, which always stack.
    p.px_per_ms = 1;
    CHECK(layout_lanes(items, p).lane == std::vector<int>{0, 0, 0, 1, 2});
}

TEST_CASE("Lanes never overlap and are deterministic (random inputs, fixed seed)", "[timeline]") {
    std::mt19937 rng(12345);
    for (int round = 0; round < 40; ++round) {
        const int n = 1 + static_cast<int>(rng() % 400);
        std::vector<LaneItem> items;
        for (int i = 0; i < n; ++i) {
            items.push_back({static_cast<int64_t>(rng() % 3600000), static_cast<float>(10 + rng() % 150),
                             "ev-" + std::to_string(rng() % 100000)});
        }
        LaneParams p;
        p.px_per_ms = 0.0001 * (1 + rng() % 50);
        p.gap_px = static_cast<float>(rng() % 10);
        p.max_lanes = 1 + static_cast<int>(rng() % 8);
        const LaneLayout l = layout_lanes(items, p);
        REQUIRE(l.lane.size() == items.size());

        // Visit order (time, id, input index), as the layout defines it.
        std::vector<int> order(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) order[static_cast<size_t>(i)] = i;
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            const auto &x = items[static_cast<size_t>(a)], &y = items[static_cast<size_t>(b)];
            return std::tie(x.time_ms, x.id, a) < std::tie(y.time_ms, y.id, b);
        });
        auto x_of = [&](int i) { return static_cast<double>(items[static_cast<size_t>(i)].time_ms) * p.px_per_ms; };
        auto end_of = [&](int i) { return x_of(i) + items[static_cast<size_t>(i)].width_px + p.gap_px; };
        int hidden = 0, used = 0;
        for (size_t k = 0; k < order.size(); ++k) {
            const int i = order[k];
            const int lane = l.lane[static_cast<size_t>(i)];
            REQUIRE(lane >= -1);
            REQUIRE(lane < p.max_lanes);
            if (lane < 0) ++hidden;
            used = std::max(used, lane + 1);
            // First fit: every lower lane (all lanes when hidden) is busy at x: an earlier label there still covers x.
            const int busy_upto = lane < 0 ? p.max_lanes : lane;
            for (int b = 0; b < busy_upto; ++b) {
                bool busy = false;
                for (size_t j = 0; j < k && !busy; ++j) {
                    const int o = order[j];
                    busy = l.lane[static_cast<size_t>(o)] == b && end_of(o) > x_of(i) + 1e-6;
                }
                CHECK(busy);
            }
            // No overlap with any earlier label in the same lane.
            for (size_t j = 0; j < k && lane >= 0; ++j) {
                const int o = order[j];
                if (l.lane[static_cast<size_t>(o)] == lane) CHECK(end_of(o) <= x_of(i) + 1e-6);
            }
        }
        CHECK(hidden == l.hidden);
        CHECK(used == l.lanes_used);

        // Deterministic: shuffling the input gives each item the same lane.
        std::vector<int> perm(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) perm[static_cast<size_t>(i)] = i;
        std::shuffle(perm.begin(), perm.end(), rng);
        std::vector<LaneItem> shuffled;
        for (int i : perm) shuffled.push_back(items[static_cast<size_t>(i)]);
        const LaneLayout l2 = layout_lanes(shuffled, p);
        // Items equal in (time, id) may swap with each other; compare lanes as multisets per (time, id) key.
        std::map<std::pair<int64_t, std::string>, std::multiset<int>> a, b;
        for (int i = 0; i < n; ++i) {
            a[{items[static_cast<size_t>(i)].time_ms, items[static_cast<size_t>(i)].id}].insert(
                l.lane[static_cast<size_t>(i)]);
            b[{shuffled[static_cast<size_t>(i)].time_ms, shuffled[static_cast<size_t>(i)].id}].insert(
                l2.lane[static_cast<size_t>(i)]);
        }
        CHECK(a == b);
    }
}

TEST_CASE("Lanes from the index match the generic layout and ignore panning", "[timeline]") {
    std::mt19937 rng(7);
    std::vector<Event> evs;
    std::vector<float> widths;
    for (int i = 0; i < 300; ++i) {
        evs.push_back(ev("ev-" + std::to_string(i), "note", static_cast<int64_t>(rng() % 7200000) + 1700000000000));
        widths.push_back(static_cast<float>(20 + rng() % 100));
    }
    TimelineIndex idx = build_timeline_index(evs, widths);
    LaneParams p;
    p.px_per_ms = 0.0005;
    const LaneLayout a = layout_lanes(idx, p);
    std::vector<LaneItem> items;
    for (const auto& e : idx.entries) items.push_back({e.time_ms, e.label_px, e.id});
    CHECK(layout_lanes(items, p).lane == a.lane);
    for (auto& it : items) it.time_ms += 123456789;  // shifting every time is a pan: same lanes
    CHECK(layout_lanes(items, p).lane == a.lane);
}

TEST_CASE("Clusters merge close events and split on zoom", "[timeline]") {
    std::vector<Event> evs = {ev("a", "note", 0),         ev("b", "detected", 1000), ev("c", "detected", 2000),
                              ev("d", "action", 10000),   ev("e", "note", 11000),    ev("f", "resolved", 60000)};
    TimelineIndex idx = build_timeline_index(evs);
    // 1 px per second, merge below 5 px: gaps are 1, 1, 8, 1, 49 px.
    auto c = cluster_events(idx, 0.001, 5);
    REQUIRE(c.size() == 3);
    CHECK(c[0].first == 0);
    CHECK(c[0].count == 3);
    CHECK(c[0].t_min == 0);
    CHECK(c[0].t_max == 2000);
    CHECK(c[0].dominant_type == "detected");
    CHECK(c[0].type_mask == ((1u << event_type_index("note")) | (1u << event_type_index("detected"))));
    CHECK(c[1].first == 3);
    CHECK(c[1].count == 2);
    CHECK(c[1].dominant_type == "action");  // tie: earlier in the vocabulary
    CHECK(c[2].count == 1);
    CHECK(c[2].dominant_type == "resolved");
    // Zoom in 10x: every event on its own.
    CHECK(cluster_events(idx, 0.01, 5).size() == 6);
    // Zoom out 10x: gaps 0.1 .. 4.9 px, all one cluster.
    auto one = cluster_events(idx, 0.0001, 5);
    REQUIRE(one.size() == 1);
    CHECK(one[0].count == 6);
    CHECK(visible_clusters(c, 1500, 10500) == std::pair<int, int>(0, 2));
    CHECK(visible_clusters(c, 2500, 9000) == std::pair<int, int>(1, 1));
    CHECK(cluster_events(TimelineIndex{}, 0.001, 5).empty());
}

TEST_CASE("Zooming in only splits clusters (random, fixed seed)", "[timeline]") {
    std::mt19937 rng(99);
    std::vector<Event> evs;
    for (int i = 0; i < 2000; ++i) {
        const auto& types = vocab::kEventTypes;
        evs.push_back(
            ev("ev-" + std::to_string(i), types[rng() % types.size()], static_cast<int64_t>(rng() % 86400000)));
    }
    TimelineIndex idx = build_timeline_index(evs);
    std::vector<Cluster> coarse = cluster_events(idx, 1e-5, 6);
    for (double scale = 2e-5; scale < 1; scale *= 2) {
        std::vector<Cluster> fine = cluster_events(idx, scale, 6);
        CHECK(fine.size() >= coarse.size());
        // Every fine cluster sits inside one coarse cluster, and the counts add up.
        size_t ci = 0;
        int total = 0;
        for (const Cluster& f : fine) {
            while (ci < coarse.size() && coarse[ci].first + coarse[ci].count <= f.first) ++ci;
            REQUIRE(ci < coarse.size());
            CHECK(f.first >= coarse[ci].first);
            CHECK(f.first + f.count <= coarse[ci].first + coarse[ci].count);
            total += f.count;
        }
        CHECK(total == 2000);
        coarse = fine;
    }
}

// ---- phases -------------------------------------------------------------------------------------------------------

TEST_CASE("Phases match compute_metrics on the embedded samples", "[timeline]") {
    const auto samples = list_embedded("samples/");
    REQUIRE(samples.size() >= 3);
    int checked = 0;
    for (const std::string& path : samples) {
        INFO(path);
        const EmbeddedFile* f = find_embedded(path);
        REQUIRE(f);
        LoadResult r = load_document(std::string(f->data, f->size));
        REQUIRE(r.ok);
        const Metrics m = compute_metrics(r.doc);
        const PhaseSet ps = compute_phases(r.doc);
        const std::pair<const char*, std::optional<int64_t>> expect[] = {{"detected", m.time_to_detect_s},
                                                                         {"acknowledged", m.time_to_acknowledge_s},
                                                                         {"mitigated", m.time_to_mitigate_s},
                                                                         {"resolved", m.time_to_resolve_s}};
        for (const auto& [type, metric] : expect) {
            const Phase* found = nullptr;
            for (const Phase& p : ps.phases) {
                if (p.end_type == type) found = &p;
            }
            CHECK(static_cast<bool>(found) == metric.has_value());
            if (found && metric) {
                // Time to acknowledge runs from detection; the others, with an impact start, from it.
                if (std::string(type) != "acknowledged") CHECK(found->since_impact_s == *metric);
                CHECK(found->metric_label.find(format_duration(*metric)) != std::string::npos);
                ++checked;
            }
        }
        CHECK(ps.impact.has_value() == m.impact_duration_s.has_value());
        if (ps.impact && m.impact_duration_s) CHECK(ps.impact->duration_s == *m.impact_duration_s);
        // Spans tile the incident from impact start without gaps.
        for (size_t i = 0; i < ps.phases.size(); ++i) {
            CHECK(ps.phases[i].start_ms == (i == 0 ? ps.impact_start_ms : ps.phases[i - 1].end_ms));
            CHECK(ps.phases[i].end_ms >= ps.phases[i].start_ms);
        }
    }
    CHECK(checked >= 8);
}

TEST_CASE("Phases of the checkout outage, and out-of-order timelines", "[timeline]") {
    const EmbeddedFile* f = find_embedded("samples/sre-checkout-outage.json");
    REQUIRE(f);
    LoadResult r = load_document(std::string(f->data, f->size));
    REQUIRE(r.ok);
    PhaseSet ps = compute_phases(r.doc);
    REQUIRE(ps.phases.size() == 4);
    CHECK(ps.phases[0].label == "Detect 7m");
    CHECK(ps.phases[0].metric_label == "Time to detect 7m");
    CHECK(ps.phases[1].label == "Acknowledge 2m");
    CHECK(ps.phases[1].metric_label == "Time to acknowledge 2m");  // from detection, as the metrics panel says
    CHECK(ps.phases[2].label == "Mitigate 38m");
    CHECK(ps.phases[3].label == "Resolve 41m");
    REQUIRE(ps.impact);
    CHECK(ps.impact->label == "Impact 47m");

    Document d;
    d.timeline = {ev("s", "impact_start", T("2026-03-01T14:00:00Z")), ev("m", "mitigated", T("2026-03-01T14:20:00Z")),
                  ev("a", "acknowledged", T("2026-03-01T14:30:00Z")), ev("x", "detected", T("2026-03-01T13:50:00Z"))};
    ps = compute_phases(d);
    REQUIRE(ps.phases.size() == 2);  // detected before impact start is left out, as the metric is undefined
    CHECK(ps.phases[0].name == "Mitigate");
    CHECK(ps.phases[1].name == "Acknowledge");
    CHECK(ps.phases[1].duration_s == 600);
    CHECK(ps.phases[1].since_impact_s == 1800);
    CHECK(ps.notes.size() == 1);
    REQUIRE(ps.impact);
    CHECK(ps.impact->duration_s == 1200);

    d.timeline = {ev("m", "mitigated", 1000)};
    ps = compute_phases(d);
    CHECK_FALSE(ps.has_impact_start);
    CHECK(ps.phases.empty());
    CHECK_FALSE(ps.impact);
}

// ---- editing helpers -----------------------------------------------------------------------------------------------

TEST_CASE("Snapping and hit testing", "[timeline]") {
    const int64_t t = T("2026-03-01T14:02:00Z");
    CHECK(snap_time(t + 29999, SnapUnit::Minute) == t);
    CHECK(snap_time(t + 30000, SnapUnit::Minute) == t + kMinuteMs);
    CHECK(snap_time(t - 29999, SnapUnit::Minute) == t);
    CHECK(snap_time(t + 1499, SnapUnit::Second) == t + 1000);
    CHECK(snap_time(t + 1499, SnapUnit::None) == t + 1499);
    CHECK(snap_time(-1400, SnapUnit::Second) == -1000);
    CHECK(snap_time(-1600, SnapUnit::Second) == -2000);

    TimelineIndex idx = build_timeline_index({ev("a", "note", 0), ev("b", "note", 1000), ev("c", "note", 1000),
                                              ev("d", "note", 5000)});
    // 10 px per second.
    CHECK(hit_test(idx, 1400, 0.01, 6) == 1);  // first of the two at 1000
    CHECK(hit_test(idx, 600, 0.01, 6) == 1);   // 4 px from b, 6 px from a
    CHECK(hit_test(idx, 3000, 0.01, 6) == -1);
    CHECK(hit_test(idx, 3000, 0.01, 25) == 1);  // tie at 20 px: the earlier
    CHECK(hit_test(idx, 9000, 0.01, 50) == 3);
    CHECK(hit_test(idx, -100, 0.01, 2) == 0);
    CHECK(hit_test(TimelineIndex{}, 0, 0.01, 5) == -1);
}

TEST_CASE("Zoom keeps the time under the cursor; fit frames the range", "[timeline]") {
    TimeView v{1000000, 100};
    TimeView z = zoom_view(v, 250, 2.0);
    CHECK(z.ms_per_px == Approx(50));
    CHECK(z.t0_ms + 250 * z.ms_per_px == Approx(v.t0_ms + 250 * v.ms_per_px));
    CHECK(zoom_view(v, 0, 1e12).ms_per_px == Approx(1.0 / 50));  // clamped
    TimeView f = fit_view(0, kHourMs, 1080, 40);
    CHECK(f.ms_per_px == Approx(kHourMs / 1000.0));
    CHECK(f.t0_ms == Approx(-40 * kHourMs / 1000.0));
}

TEST_CASE("parse_time_edit: clock times on the event's wall-clock day, ISO times, bad input") {
    const int64_t ev = T("2026-03-01T23:30:00Z");  // 00:30 on 2 March at +01:00
    // UTC: the same UTC day.
    CHECK(parse_time_edit("14:02", ev, 0) == T("2026-03-01T14:02:00Z"));
    CHECK(parse_time_edit(" 9:05:30 ", ev, 0) == T("2026-03-01T09:05:30Z"));
    // +01:00: the event is on 2 March there, so 14:02 local is 13:02Z on 2 March.
    CHECK(parse_time_edit("14:02", ev, 60) == T("2026-03-02T13:02:00Z"));
    // -05:00: 18:30 local on 1 March; 00:15 local is 05:15Z the same day.
    CHECK(parse_time_edit("00:15", ev, -300) == T("2026-03-01T05:15:00Z"));
    // Full ISO times keep their own offset; without one they are read at the given offset.
    CHECK(parse_time_edit("2026-03-05T10:00:00Z", ev, 60) == T("2026-03-05T10:00:00Z"));
    CHECK(parse_time_edit("2026-03-05T10:00:00", ev, 60) == T("2026-03-05T09:00:00Z"));
    // Before 1970 the day is still found (floor, not truncation).
    CHECK(parse_time_edit("01:00", -kHourMs, 0) == -23 * kHourMs);
    for (const char* bad : {"", "  ", "24:00", "12:60", "12:30:61", "12", "1:2:3:4", "12:", ":30", "123:00", "noon",
                            "12h30", "-1:00"})
        CHECK_FALSE(parse_time_edit(bad, ev, 0).has_value());
}

namespace {
// n events a minute apart from 0 ("e1000", "e1001", ...), event i of the type type_of(i).
template <class TypeOf>
std::vector<Event> minute_events(int n, TypeOf type_of) {
    std::vector<Event> evs;
    for (int i = 0; i < n; ++i) {
        Event e;
        e.id = "e" + std::to_string(1000 + i);
        e.time.set = true;
        e.time.unix_ms = i * kMinuteMs;
        e.type = type_of(i);
        evs.push_back(e);
    }
    return evs;
}
}  // namespace

TEST_CASE("cluster_events: span limit and types that stand alone") {
    // 200 events a minute apart, with a "detected" (type 1) in the middle: one chain at 1 px per minute.
    const std::vector<Event> evs = minute_events(200, [](int i) { return i == 100 ? "detected" : "note"; });
    const TimelineIndex idx = build_timeline_index(evs);
    const double px_per_ms = 1.0 / kMinuteMs;
    REQUIRE(cluster_events(idx, px_per_ms, 12).size() == 1);  // single linkage chains them all
    const auto limited = cluster_events(idx, px_per_ms, 12, 30);
    CHECK(limited.size() >= 200 / 31);
    int total = 0;
    for (size_t i = 0; i < limited.size(); ++i) {
        CHECK(limited[i].t_max - limited[i].t_min <= 30 * kMinuteMs);
        if (i) CHECK(limited[i].t_min > limited[i - 1].t_max);  // disjoint and sorted
        total += limited[i].count;
    }
    CHECK(total == 200);
    const auto alone = cluster_events(idx, px_per_ms, 12, 0, 1u << event_type_index("detected"));
    REQUIRE(alone.size() == 3);
    CHECK(alone[0].count == 100);
    CHECK(alone[1].count == 1);
    CHECK(alone[1].dominant_type == "detected");
    CHECK(alone[2].count == 99);
    auto [b, e] = visible_clusters(alone, 100 * kMinuteMs, 100 * kMinuteMs);
    CHECK(b == 1);
    CHECK(e == 2);
}

TEST_CASE("cluster_events: only the types asked for, as if the others were absent", "[timeline]") {
    // Notes every minute with a customer update every 7 minutes among them, as a Statuspage incident's are.
    const std::vector<Event> evs = minute_events(120, [](int i) { return i % 7 == 3 ? "communication" : "note"; });
    const TimelineIndex idx = build_timeline_index(evs);
    const uint32_t comm = 1u << event_type_index("communication");
    // At 1 px a minute the notes chain into one cluster (2 px where an update was); the updates, 7 px apart, chain
    // apart from them.
    const auto rest = cluster_events(idx, 1.0 / kMinuteMs, 3, 0, 0, ~comm);
    const auto updates = cluster_events(idx, 1.0 / kMinuteMs, 12, 0, 0, comm);
    REQUIRE(rest.size() == 1);
    CHECK(rest[0].count == 120 - 17);
    CHECK(rest[0].type_mask == 1u << event_type_index("note"));
    REQUIRE(updates.size() == 1);
    CHECK(updates[0].count == 17);
    CHECK(updates[0].first == 3);  // the earliest member, though the notes lie between the members
    CHECK(updates[0].t_min == 3 * kMinuteMs);
    CHECK(updates[0].t_max == 115 * kMinuteMs);
    CHECK(updates[0].dominant_type == "communication");
    // Closer than the updates' spacing: each update alone, each the index entry of its own event.
    const auto single = cluster_events(idx, 1.0 / kMinuteMs, 6, 0, 0, comm);
    REQUIRE(single.size() == 17);
    for (size_t i = 0; i < single.size(); ++i) {
        CHECK(single[i].count == 1);
        CHECK(evs[static_cast<size_t>(idx.entries[static_cast<size_t>(single[i].first)].event_index)].type ==
              "communication");
    }
    // None of a type asked for: no clusters; all types (the default) as before.
    CHECK(cluster_events(idx, 1.0 / kMinuteMs, 12, 0, 0, 1u << event_type_index("resolved")).empty());
    CHECK(cluster_events(idx, 1.0 / kMinuteMs, 2).size() == 1);
}

TEST_CASE("the timeline is kept in time order: stable for equal times, events without a time last", "[timeline]") {
    auto ev = [](const char* id, bool set, int64_t ms) {
        Event e;
        e.id = id;
        e.time.set = set;
        e.time.unix_ms = ms;
        return e;
    };
    std::vector<Event> v = {ev("c", true, 3000), ev("none", false, 0), ev("a1", true, 1000), ev("b", true, 2000),
                            ev("a2", true, 1000)};
    CHECK(sort_events_by_time(v));
    std::vector<std::string> ids;
    for (const Event& e : v) ids.push_back(e.id);
    CHECK(ids == std::vector<std::string>{"a1", "a2", "b", "c", "none"});
    CHECK_FALSE(sort_events_by_time(v));  // already in order: nothing changes
    // Exporters list a document's events in time order even when the document does not keep them so.
    Document d;
    d.timeline = {ev("late", true, 2000), ev("early", true, 1000)};
    d.timeline[0].description = "Fifteen ten";
    d.timeline[1].description = "Fourteen fifty-four";
    const std::string md = export_markdown(d);
    CHECK(md.find("Fourteen fifty-four") < md.find("Fifteen ten"));
    const std::string html = export_html(d);
    CHECK(html.find("Fourteen fifty-four") < html.find("Fifteen ten"));
    CHECK(d.timeline[0].id == "late");  // the document itself is untouched
}
