// Timeline maths for the timeline panel: time zones and the adaptive time axis, lane layout, clustering, phases,
// snapping and hit testing. Pure C++17; no ImGui. See docs/timeline.md.
//
// Intended use by the UI:
//   - once per document change: build_timeline_index(doc.timeline, label widths), compute_phases(doc)
//   - once per zoom level (not per pan frame: both are translation invariant): layout_lanes(), cluster_events()
//   - per frame, for the visible range only: choose_ticks(), visible_range(), visible_clusters()
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model.h"
#include "time_units.h"

namespace hs {


// ---- display zone ---------------------------------------------------------------------------------------------------
// How the axis and the labels show time: UTC, a fixed offset (the document's), or relative to an origin (impact
// start): "T+05:30", "T+1h 05m", "T-5m".
struct TimeZone {
    enum class Kind { Utc, Fixed, Relative };
    Kind kind = Kind::Utc;
    int fixed_offset_min = 0;
    int64_t origin_ms = 0;                   // Kind::Relative: T = 0
    std::string origin_name = "impact start";

    static TimeZone utc();
    static TimeZone fixed(int offset_min);
    static TimeZone relative(int64_t origin_ms, std::string origin_name = "impact start");

    int offset_min_at(int64_t utc_ms) const;  // 0 for Utc and Relative
    // "UTC", "UTC+01:00", "T = impact start".
    std::string label(int64_t at_ms) const;
};

// Precision of format_time. Examples for 2026-03-02T13:02:30Z shown in CET:
enum class TimePrecision {
    Second,     // "14:02:30"
    Minute,     // "14:02"
    Day,        // "Mon 2 Mar"
    DayMinute,  // "2 Mar 14:02"
    DayYear,    // "Mon 2 Mar 2026"
    Full,       // "Mon 2 Mar 2026 14:02:30 CET"
};
// In a relative zone every precision gives the relative form: Second "T+04:10" (under an hour) or "T+1h 05m 30s",
// Minute / DayMinute "T+4m", "T+1h 05m", Day "T+2d", Full as Second. Components are truncated toward zero.
std::string format_time(int64_t utc_ms, const TimeZone& zone, TimePrecision precision);
std::string format_relative(int64_t delta_ms, TimePrecision precision);

// The most common utc_offset among the timed events (ties: the earliest event's), 0 when there are none. This is
// "the document's offset" for TimeZone::fixed and for parsing pasted times.
int document_offset_min(const Document& d);

// ---- time axis ------------------------------------------------------------------------------------------------------
struct Tick {
    int64_t ms = 0;          // UTC
    bool day_start = false;  // at local midnight: the label is the date ("Mon 2 Mar")
    std::string label;       // majors only
};

struct TickSet {
    int64_t major_step_ms = 0;  // the step between majors
    int64_t minor_step_ms = 0;  // 0 = no minor ticks
    std::vector<Tick> majors;   // sorted, labelled
    std::vector<Tick> minors;   // sorted, unlabelled, never at a major's position
    std::string zone_label;     // "UTC", "UTC+01:00", "T = impact start"
    std::string context_label;  // the date at t0 for a sticky header ("Sun 1 Mar 2026"); "" when relative
    std::string step_label;     // "5 min", "1 h", "7 d"
};

// The major steps, smallest first: 1,2,5,10,15,30 s; 1,2,5,10,15,30 min; 1,2,3,6,12 h; 1,2,7 d (then 14, 28, 56...
// days for very long ranges). The smallest step whose width on screen is at least min_label_px is chosen. Ticks sit
// on local wall-clock boundaries (round labels in the zone's offset); relative zones tick at origin + k * step.
// Labels: "14:02:30" (steps under a minute), "14:02" (minutes and hours), "Mon 2 Mar" (days, and at every local
// midnight crossed by smaller steps), "T+5m" / "T+02:30" in a relative zone. Cost: O(ticks in [t0, t1]).
TickSet choose_ticks(int64_t t0_ms, int64_t t1_ms, float pixel_width, float min_label_px, const TimeZone& zone);
const std::vector<int64_t>& tick_steps_ms();  // the list above (without the week multiples)

// ---- events index (build once per document change) ------------------------------------------------------------------
struct TimelineEntry {
    int event_index = 0;  // index in the document's timeline
    int64_t time_ms = 0;
    std::string id;
    int type_index = 0;    // index in vocab::kEventTypes; unknown types count as "note"
    float label_px = 0;    // label width on screen, from the UI's font
};

struct TimelineIndex {
    std::vector<TimelineEntry> entries;  // timed events sorted by (time, id, event_index)
    std::vector<int> untimed;            // event indices without a time (list view only)
    int64_t t_min = 0, t_max = 0;        // of entries; both 0 when empty
};

// label_px[i] is the label width of events[i] (missing values count as 0).
TimelineIndex build_timeline_index(const std::vector<Event>& events, const std::vector<float>& label_px = {});
// The same index, rebuilt in place for the editor's per-edit update: the entries keep their storage, and a timeline
// already in time order (the editor keeps it so) is not sorted again, only its runs of equal times. The result equals
// build_timeline_index(events, label_px) in every field, whatever idx held before.
void update_timeline_index(TimelineIndex& idx, const std::vector<Event>& events, const std::vector<float>& label_px = {});
int event_type_index(const std::string& type);
// [begin, end) of entries with time in [t0, t1], widened by margin_ms on both sides, for culling.
std::pair<int, int> visible_range(const TimelineIndex& index, int64_t t0_ms, int64_t t1_ms, int64_t margin_ms = 0);

// ---- lanes ----------------------------------------------------------------------------------------------------------
struct LaneItem {
    int64_t time_ms = 0;
    float width_px = 0;
    std::string id;  // tie-break for equal times
};

struct LaneParams {
    double px_per_ms = 0.01;
    float gap_px = 8;
    int max_lanes = 6;
};

struct LaneLayout {
    std::vector<int> lane;  // per item: 0..max_lanes-1, or -1 = label hidden (the marker is still drawn)
    int lanes_used = 0;
    int hidden = 0;
};

// Greedy first-fit in (time, id) order: a label occupies [x, x + width + gap) with x = time * px_per_ms and goes
// to the lowest lane free at x. Deterministic, no overlaps; depends on the zoom only, not on panning.
LaneLayout layout_lanes(const std::vector<LaneItem>& items, const LaneParams& params);
LaneLayout layout_lanes(const TimelineIndex& index, const LaneParams& params);  // lane[i] for index.entries[i]

// ---- clusters -------------------------------------------------------------------------------------------------------
struct Cluster {
    int first = 0;  // index into TimelineIndex::entries
    int count = 0;
    int64_t t_min = 0, t_max = 0;
    std::string dominant_type;  // most frequent; ties go to the earlier type in vocab::kEventTypes
    uint32_t type_mask = 0;     // bit i set when a vocab::kEventTypes[i] event is inside
};

// Neighbouring entries closer than merge_px on screen join one cluster (single linkage over the sorted order), so
// zooming in only ever splits clusters and zooming out only merges them. Singletons are clusters of count 1.
// O(n); 10,000 events take well under a millisecond.
//
// Options for dense logs, where single linkage would chain a whole day into one cluster: max_span_px > 0 closes a
// cluster before it grows wider than that on screen, and entries whose type bit is set in alone_types (bit i for
// vocab::kEventTypes[i], e.g. the milestones) never join a cluster. Clusters stay disjoint and sorted either way.
//
// include_types (bit i for vocab::kEventTypes[i]; all by default) keeps only the entries of those types, as if the
// others were absent: the timeline canvas clusters its communication lane apart from the rest this way. Then a
// cluster's `first` is its earliest member and its `count` members need not be consecutive in the index.
std::vector<Cluster> cluster_events(const TimelineIndex& index, double px_per_ms, float merge_px, float max_span_px = 0,
                                    uint32_t alone_types = 0, uint32_t include_types = ~0u);
std::pair<int, int> visible_clusters(const std::vector<Cluster>& clusters, int64_t t0_ms, int64_t t1_ms);

// ---- phases ---------------------------------------------------------------------------------------------------------
struct Phase {
    std::string name;      // "Detect", "Acknowledge", "Mitigate", "Resolve"
    std::string end_type;  // "detected", "acknowledged", "mitigated", "resolved"
    int64_t start_ms = 0, end_ms = 0;
    int64_t duration_s = 0;      // this span
    int64_t since_impact_s = 0;  // end - impact start: the compute_metrics figure for end_type (but acknowledged)
    // "Time to detect 7m": the compute_metrics figure; time to acknowledge runs from detection, not impact start.
    std::string label;           // "Detect 7m"
    std::string metric_label;
};

struct PhaseSet {
    bool has_impact_start = false;
    int64_t impact_start_ms = 0;
    std::vector<Phase> phases;    // consecutive spans, in time order
    std::optional<Phase> impact;  // impact start -> mitigated (or resolved): Metrics::impact_duration_s
    std::vector<std::string> notes;
};

// Uses the earliest event of each type, as compute_metrics does. Milestones earlier than impact start are left out
// (the metric is undefined there); the others are sorted by time, so an out-of-order timeline still gives spans
// that tile the incident.
PhaseSet compute_phases(const Document& d);

// ---- editing helpers ------------------------------------------------------------------------------------------------
enum class SnapUnit { None, Second, Minute };
int64_t snap_time(int64_t ms, SnapUnit unit);  // to the nearest unit (halves round up)

// The timeline is kept in time order: events with a time by time (stable: equal times keep their order), then those
// without one, as they were. Returns true when the order changed. Called after every timeline edit, so a document
// lists, exports and lints its events in the order they happened.
bool sort_events_by_time(std::vector<Event>& events);
// The events in time order without changing the document (exporters: a document from elsewhere may be unsorted).
std::vector<const Event*> events_in_time_order(const Document& d);
// The entry nearest to t_ms within radius_px on screen, or -1. Ties go to the earlier entry.
int hit_test(const TimelineIndex& index, int64_t t_ms, double px_per_ms, float radius_px);

// A time typed in the list view: "HH:MM" or "HH:MM:SS" (surrounding spaces allowed) on the wall-clock day of
// near_utc_ms at offset_min, or a full ISO 8601 time (read at offset_min when it has no offset). nullopt when the
// text is neither, or a field is out of range ("24:00", "12:60").
std::optional<int64_t> parse_time_edit(const std::string& text, int64_t near_utc_ms, int offset_min);

// View maths: zoom around a cursor keeping the time under it fixed, and fit a range with a margin.
struct TimeView {
    double t0_ms = 0;      // UTC ms at the left edge
    double ms_per_px = 1;  // zoom
};
TimeView zoom_view(const TimeView& v, float cursor_x, double factor, double min_ms_per_px = 1.0 / 50,
                   double max_ms_per_px = 365.0 * 86400000 / 100);
TimeView fit_view(int64_t t_min, int64_t t_max, float pixel_width, float margin_px = 40);

}  // namespace hs
