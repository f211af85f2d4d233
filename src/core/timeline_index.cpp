// Timeline maths over the events: the sorted index, lane layout, clustering, phases and hit testing (split from
// timeline.cpp, which keeps the zones, the axis and the view maths).
#include <algorithm>
#include <array>
#include <cmath>

#include "metrics.h"
#include "timeline.h"
#include "sort.h"

namespace hs {

// ---- index ----------------------------------------------------------------------------------------------------------

int event_type_index(const std::string& type) {
    const auto& types = vocab::kEventTypes;
    for (size_t i = 0; i < types.size(); ++i) {
        if (types[i] == type) return static_cast<int>(i);
    }
    return static_cast<int>(types.size()) - 1;  // "note"
}

namespace {

bool entry_before(const TimelineEntry& a, const TimelineEntry& b) {
    if (a.time_ms != b.time_ms) return a.time_ms < b.time_ms;
    if (a.id != b.id) return a.id < b.id;
    return a.event_index < b.event_index;
}

// The timed events in document order, written over idx's entries so that their strings keep their storage: an edit
// of one event in a large timeline then allocates nothing here.
void fill_entries(TimelineIndex& idx, const std::vector<Event>& events, const std::vector<float>& label_px) {
    idx.untimed.clear();
    size_t n = 0;
    for (size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        if (!e.time.set) {
            idx.untimed.push_back(static_cast<int>(i));
            continue;
        }
        if (n == idx.entries.size()) idx.entries.emplace_back();
        TimelineEntry& t = idx.entries[n++];
        t.event_index = static_cast<int>(i);
        t.time_ms = e.time.unix_ms;
        t.id = e.id;
        t.type_index = event_type_index(e.type);
        t.label_px = i < label_px.size() ? label_px[i] : 0.0f;
    }
    idx.entries.resize(n);
}

void set_range(TimelineIndex& idx) {
    idx.t_min = idx.entries.empty() ? 0 : idx.entries.front().time_ms;
    idx.t_max = idx.entries.empty() ? 0 : idx.entries.back().time_ms;
}

}  // namespace

TimelineIndex build_timeline_index(const std::vector<Event>& events, const std::vector<float>& label_px) {
    TimelineIndex idx;
    idx.entries.reserve(events.size());
    fill_entries(idx, events, label_px);
    sort_stable(idx.entries.begin(), idx.entries.end(), entry_before);
    set_range(idx);
    return idx;
}

void update_timeline_index(TimelineIndex& idx, const std::vector<Event>& events, const std::vector<float>& label_px) {
    fill_entries(idx, events, label_px);
    auto& e = idx.entries;
    const bool time_ordered =
        std::is_sorted(e.begin(), e.end(), [](const TimelineEntry& a, const TimelineEntry& b) { return a.time_ms < b.time_ms; });
    if (!time_ordered) {
        sort_stable(e.begin(), e.end(), entry_before);
    } else {
        // Only events at the same instant can be out of order: sort each such run by (id, event index).
        for (size_t i = 0; i < e.size();) {
            size_t j = i + 1;
            while (j < e.size() && e[j].time_ms == e[i].time_ms) ++j;
            if (j - i > 1 && !std::is_sorted(e.begin() + static_cast<std::ptrdiff_t>(i), e.begin() + static_cast<std::ptrdiff_t>(j), entry_before))
                sort_stable(e.begin() + static_cast<std::ptrdiff_t>(i), e.begin() + static_cast<std::ptrdiff_t>(j), entry_before);
            i = j;
        }
    }
    set_range(idx);
}

std::pair<int, int> visible_range(const TimelineIndex& index, int64_t t0_ms, int64_t t1_ms, int64_t margin_ms) {
    const auto& e = index.entries;
    auto lo = std::lower_bound(e.begin(), e.end(), t0_ms - margin_ms,
                               [](const TimelineEntry& x, int64_t t) { return x.time_ms < t; });
    auto hi = std::upper_bound(lo, e.end(), t1_ms + margin_ms,
                               [](int64_t t, const TimelineEntry& x) { return t < x.time_ms; });
    return {static_cast<int>(lo - e.begin()), static_cast<int>(hi - e.begin())};
}

// ---- lanes ----------------------------------------------------------------------------------------------------------

namespace {

// Shared by both overloads: items visited in sorted order; returns lane per visit position.
template <typename Get>
LaneLayout lanes_sorted(size_t n, const LaneParams& p, Get&& get) {
    LaneLayout out;
    out.lane.assign(n, -1);
    if (n == 0) return out;
    const int max_lanes = std::max(1, p.max_lanes);
    std::vector<double> lane_end(static_cast<size_t>(max_lanes), -1e300);
    const int64_t ref = get(0).first;  // x relative to the first item keeps doubles exact-ish and pan-invariant
    for (size_t i = 0; i < n; ++i) {
        const auto [t, w] = get(i);
        const double x = static_cast<double>(t - ref) * p.px_per_ms;
        for (int l = 0; l < max_lanes; ++l) {
            if (lane_end[static_cast<size_t>(l)] <= x) {
                lane_end[static_cast<size_t>(l)] = x + std::max(0.0f, w) + std::max(0.0f, p.gap_px);
                out.lane[i] = l;
                out.lanes_used = std::max(out.lanes_used, l + 1);
                break;
            }
        }
        if (out.lane[i] < 0) ++out.hidden;
    }
    return out;
}

}  // namespace

LaneLayout layout_lanes(const std::vector<LaneItem>& items, const LaneParams& params) {
    std::vector<int> order(items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    sort_stable(order.begin(), order.end(), [&](int a, int b) {
        const LaneItem &x = items[static_cast<size_t>(a)], &y = items[static_cast<size_t>(b)];
        if (x.time_ms != y.time_ms) return x.time_ms < y.time_ms;
        if (x.id != y.id) return x.id < y.id;
        return a < b;
    });
    LaneLayout sorted = lanes_sorted(order.size(), params, [&](size_t i) {
        const LaneItem& it = items[static_cast<size_t>(order[i])];
        return std::pair<int64_t, float>(it.time_ms, it.width_px);
    });
    LaneLayout out = sorted;
    for (size_t i = 0; i < order.size(); ++i) out.lane[static_cast<size_t>(order[i])] = sorted.lane[i];
    return out;
}

LaneLayout layout_lanes(const TimelineIndex& index, const LaneParams& params) {
    return lanes_sorted(index.entries.size(), params, [&](size_t i) {
        return std::pair<int64_t, float>(index.entries[i].time_ms, index.entries[i].label_px);
    });
}

// ---- clusters -------------------------------------------------------------------------------------------------------

std::vector<Cluster> cluster_events(const TimelineIndex& index, double px_per_ms, float merge_px, float max_span_px,
                                    uint32_t alone_types, uint32_t include_types) {
    std::vector<Cluster> out;
    const auto& e = index.entries;
    const size_t ntypes = vocab::kEventTypes.size();
    std::array<int, 32> counts{};
    // Two neighbours merge when their gap on screen is below merge_px, i.e. gap_ms < merge_px / px_per_ms.
    const double limit_ms = px_per_ms > 0 ? static_cast<double>(merge_px) / px_per_ms : 0.0;
    const double span_ms = px_per_ms > 0 && max_span_px > 0 ? static_cast<double>(max_span_px) / px_per_ms : 0.0;
    const auto alone = [&](size_t i) { return ((alone_types >> e[i].type_index) & 1u) != 0; };
    const auto included = [&](size_t i) { return ((include_types >> e[i].type_index) & 1u) != 0; };
    auto close = [&](Cluster& c) {
        int best = -1;
        for (size_t t = 0; t < ntypes; ++t) {
            if (counts[t] > 0) c.type_mask |= 1u << t;
            if (counts[t] > 0 && (best < 0 || counts[t] > counts[static_cast<size_t>(best)]))
                best = static_cast<int>(t);
        }
        c.dominant_type = vocab::kEventTypes[static_cast<size_t>(best)];
        counts.fill(0);
        out.push_back(std::move(c));
    };
    Cluster cur;
    size_t prev = e.size();  // the last entry taken in; e.size() before the first
    for (size_t i = 0; i < e.size(); ++i) {
        if (!included(i)) continue;
        const bool first = prev == e.size();
        const double gap = first ? 0.0 : static_cast<double>(e[i].time_ms - e[prev].time_ms);
        const bool too_wide = span_ms > 0 && !first && static_cast<double>(e[i].time_ms - cur.t_min) > span_ms;
        if (!first && gap < limit_ms && !too_wide && !alone(i) && !alone(prev)) {
            ++cur.count;
            cur.t_max = e[i].time_ms;
        } else {
            if (!first) close(cur);
            cur = Cluster{};
            cur.first = static_cast<int>(i);
            cur.count = 1;
            cur.t_min = cur.t_max = e[i].time_ms;
        }
        ++counts[static_cast<size_t>(e[i].type_index)];
        prev = i;
    }
    if (prev != e.size()) close(cur);
    return out;
}

std::pair<int, int> visible_clusters(const std::vector<Cluster>& clusters, int64_t t0_ms, int64_t t1_ms) {
    // Clusters are disjoint and sorted, so t_max is sorted too.
    auto lo = std::lower_bound(clusters.begin(), clusters.end(), t0_ms,
                               [](const Cluster& c, int64_t t) { return c.t_max < t; });
    auto hi = std::upper_bound(lo, clusters.end(), t1_ms, [](int64_t t, const Cluster& c) { return t < c.t_min; });
    return {static_cast<int>(lo - clusters.begin()), static_cast<int>(hi - clusters.begin())};
}

// ---- phases ---------------------------------------------------------------------------------------------------------

PhaseSet compute_phases(const Document& d) {
    PhaseSet ps;
    // Same rule as compute_metrics: the earliest timed event of each type. Only milestone types are looked up, and
    // those are all in the vocabulary, so a slot per vocabulary type (unknown types share the last, "note") suffices.
    std::array<const Event*, 32> first{};
    for (const Event& ev : d.timeline) {
        if (!ev.time.set) continue;
        const Event*& f = first[static_cast<size_t>(event_type_index(ev.type))];
        if (!f || ev.time.unix_ms < f->time.unix_ms) f = &ev;
    }
    auto find = [&](const char* type) -> const Event* { return first[static_cast<size_t>(event_type_index(type))]; };
    const Event* start = find("impact_start");
    if (!start) {
        ps.notes.push_back("No phases: there is no impact_start event.");
        return ps;
    }
    ps.has_impact_start = true;
    ps.impact_start_ms = start->time.unix_ms;

    struct Milestone {
        const char* type;
        const char* name;
        const char* metric;
        int order;
        int64_t t;
    };
    const Milestone specs[] = {{"detected", "Detect", "Time to detect", 0, 0},
                               {"acknowledged", "Acknowledge", "Time to acknowledge", 1, 0},
                               {"mitigated", "Mitigate", "Time to mitigate", 2, 0},
                               {"resolved", "Resolve", "Time to resolve", 3, 0}};
    std::vector<Milestone> ms;
    for (Milestone m : specs) {
        const Event* ev = find(m.type);
        if (!ev) continue;
        if (ev->time.unix_ms < start->time.unix_ms) {
            ps.notes.push_back(std::string("The first ") + m.type + " event is earlier than impact_start; no phase.");
            continue;
        }
        m.t = ev->time.unix_ms;
        ms.push_back(m);
    }
    sort_stable(ms.begin(), ms.end(), [](const Milestone& a, const Milestone& b) { return a.t < b.t; });
    // The labels show the metrics' own figures: time to acknowledge runs from detection, not from impact start.
    const std::vector<MetricRow> figures = metric_rows(compute_metrics(d));
    int64_t prev = start->time.unix_ms;
    for (const Milestone& m : ms) {
        Phase p;
        p.name = m.name;
        p.end_type = m.type;
        p.start_ms = prev;
        p.end_ms = m.t;
        p.duration_s = (p.end_ms - p.start_ms) / 1000;
        p.since_impact_s = (p.end_ms - start->time.unix_ms) / 1000;  // as compute_metrics
        p.label = p.name + " " + format_duration(p.duration_s);
        const std::optional<int64_t> figure = figures[static_cast<size_t>(m.order)].seconds;
        p.metric_label = std::string(m.metric) + " " + format_duration(figure.value_or(p.since_impact_s));
        ps.phases.push_back(std::move(p));
        prev = m.t;
    }
    const Event* end = find("mitigated");  // as compute_metrics: mitigation ends the impact, else resolution
    if (!end) end = find("resolved");
    if (end && end->time.unix_ms >= start->time.unix_ms) {
        Phase p;
        p.name = "Impact";
        p.end_type = end->type;
        p.start_ms = start->time.unix_ms;
        p.end_ms = end->time.unix_ms;
        p.duration_s = p.since_impact_s = (p.end_ms - p.start_ms) / 1000;
        p.label = "Impact " + format_duration(p.duration_s);
        p.metric_label = "Impact duration " + format_duration(p.duration_s);
        ps.impact = std::move(p);
    }
    return ps;
}

int hit_test(const TimelineIndex& index, int64_t t_ms, double px_per_ms, float radius_px) {
    const auto& e = index.entries;
    if (e.empty() || !(px_per_ms > 0)) return -1;
    auto it =
        std::lower_bound(e.begin(), e.end(), t_ms, [](const TimelineEntry& x, int64_t t) { return x.time_ms < t; });
    int best = -1;
    double best_px = static_cast<double>(radius_px);
    auto consider = [&](std::vector<TimelineEntry>::const_iterator c) {
        const double px = std::fabs(static_cast<double>(c->time_ms - t_ms)) * px_per_ms;
        if (px <= best_px && (best < 0 || px < best_px)) {
            best = static_cast<int>(c - e.begin());
            best_px = px;
        }
    };
    // The nearest is the last entry before t (first of its equal-time run) or the first at/after t.
    if (it != e.begin()) {
        auto b = std::prev(it);
        const int64_t bt = b->time_ms;
        while (b != e.begin() && std::prev(b)->time_ms == bt) --b;
        consider(b);
    }
    if (it != e.end()) consider(it);
    return best;
}

}  // namespace hs
