// Derived metrics: durations between the first events of each type. Never typed in; undefined (with a note saying
// why and what to add) when an event is missing or the timeline's order contradicts itself.
//
// Time to acknowledge runs from the first detected event (the alert), as PagerDuty and Opsgenie measure it, so an
// imported page shows the tool's own figure. Time to mitigate, time to resolve and the impact duration run from
// impact start when the timeline has one, else from the first detected event; each figure carries that basis.
#include "metrics.h"

#include <map>

namespace hs {

const char* basis_key(Basis b) {
    switch (b) {
        case Basis::impact_start: return "impact_start";
        case Basis::detected: return "detected";
        case Basis::none: break;
    }
    return "";
}

const char* basis_words(Basis b) {
    switch (b) {
        case Basis::impact_start: return "from impact start";
        case Basis::detected: return "from detection";
        case Basis::none: break;
    }
    return "";
}

namespace {

// Earliest event of each type (events without a time do not count).
std::map<std::string, const Event*> earliest_by_type(const Document& d) {
    std::map<std::string, const Event*> first;
    for (const Event& ev : d.timeline) {
        if (!ev.time.set) continue;
        auto it = first.find(ev.type);
        if (it == first.end() || ev.time.unix_ms < it->second->time.unix_ms) first[ev.type] = &ev;
    }
    return first;
}

// Where a duration starts: the event, its type as the notes name it, and the basis it gives the figure.
struct Origin {
    const Event* ev = nullptr;
    const char* type = "";
    Basis basis = Basis::none;
};

// The seconds from `from` to `to`, with its basis; undefined with a note when `to` is missing or earlier. A missing
// origin is explained by the caller, once for all the metrics it leaves undefined.
void measure(const char* label, const Origin& from, const Event* to, const char* to_type,
             std::optional<int64_t>& out, Basis& basis, std::vector<std::string>& notes) {
    if (!from.ev) return;
    if (!to) {
        notes.push_back(std::string(label) + " is undefined: there is no " + to_type +
                        " event. Add one to the timeline to compute it.");
        return;
    }
    if (to->time.unix_ms < from.ev->time.unix_ms) {
        notes.push_back(std::string(label) + " is undefined: the first " + to_type + " event (" +
                        format_utc(to->time) + ") is earlier than " + from.type + " (" + format_utc(from.ev->time) +
                        "); check the order of the timeline.");
        return;
    }
    out = (to->time.unix_ms - from.ev->time.unix_ms) / 1000;
    basis = from.basis;
}

}  // namespace

Metrics compute_metrics(const Document& d) {
    Metrics m;
    auto first = earliest_by_type(d);
    auto find = [&](const char* type) -> const Event* {
        auto it = first.find(type);
        return it == first.end() ? nullptr : it->second;
    };
    for (const char* t : {"impact_start", "detected", "acknowledged", "mitigated", "resolved"})
        if (!find(t)) m.missing.push_back(t);

    const Origin start{find("impact_start"), "impact_start", Basis::impact_start};
    const Origin alert{find("detected"), "the first detected event", Basis::detected};
    const Origin& origin = start.ev ? start : alert;  // of time to mitigate, time to resolve and impact duration

    if (!start.ev && alert.ev) {
        m.notes.push_back("Impact start is unknown: time to detect is undefined, and time to mitigate, time to "
                          "resolve and the impact duration run from the first detected event (" +
                          format_utc(alert.ev->time) + "), as paging tools measure them. Add an impact_start event "
                          "to measure them from impact start.");
    } else if (!start.ev) {
        m.notes.push_back("Time to detect is undefined: there is no impact_start event. Add one to the timeline to "
                          "compute the time from impact start to the first detected event.");
    }
    if (!alert.ev) {
        m.notes.push_back("Time to acknowledge is undefined: there is no detected event (the alert). Add one to "
                          "the timeline to compute the time from detection to the first acknowledged event.");
    }
    if (!origin.ev) {
        m.notes.push_back("Time to mitigate, time to resolve and the impact duration are undefined: there is no "
                          "impact_start or detected event to measure them from. Add one to the timeline.");
    }

    measure("Time to detect", start, alert.ev, "detected", m.time_to_detect_s, m.detect_basis, m.notes);
    measure("Time to acknowledge", alert, find("acknowledged"), "acknowledged", m.time_to_acknowledge_s,
            m.acknowledge_basis, m.notes);
    measure("Time to mitigate", origin, find("mitigated"), "mitigated", m.time_to_mitigate_s, m.mitigate_basis,
            m.notes);
    measure("Time to resolve", origin, find("resolved"), "resolved", m.time_to_resolve_s, m.resolve_basis, m.notes);

    // Impact ends when it is mitigated; without a mitigation, the resolution is the end.
    const Event* end = find("mitigated");
    const char* end_type = "mitigated";
    if (!end) {
        end = find("resolved");
        end_type = "resolved";
    }
    if (origin.ev && !end) {
        m.notes.push_back("Impact duration is undefined: there is no mitigated or resolved event. Add one to the "
                          "timeline to compute it.");
    } else if (origin.ev) {
        measure("Impact duration", origin, end, end_type, m.impact_duration_s, m.impact_basis, m.notes);
        if (m.impact_duration_s && std::string(end_type) == "resolved") {
            m.notes.push_back("Impact duration runs to the first resolved event: there is no mitigated event.");
        }
    }
    return m;
}

std::vector<MetricRow> metric_rows(const Metrics& m) {
    return {{"time_to_detect_s", "Time to detect", m.time_to_detect_s, m.detect_basis},
            {"time_to_acknowledge_s", "Time to acknowledge", m.time_to_acknowledge_s, m.acknowledge_basis},
            {"time_to_mitigate_s", "Time to mitigate", m.time_to_mitigate_s, m.mitigate_basis},
            {"time_to_resolve_s", "Time to resolve", m.time_to_resolve_s, m.resolve_basis},
            {"impact_duration_s", "Impact duration", m.impact_duration_s, m.impact_basis}};
}

Json metrics_json(const Metrics& m) {
    Json j = Json::object();
    Json basis = Json::object();
    for (const MetricRow& r : metric_rows(m)) {
        j[r.key] = r.seconds ? Json(*r.seconds) : Json(nullptr);
        basis[r.key] = r.basis == Basis::none ? Json(nullptr) : Json(basis_key(r.basis));
    }
    j["basis"] = basis;
    j["notes"] = m.notes;
    return j;
}

}  // namespace hs
