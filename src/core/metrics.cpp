// Derived metrics: durations from impact_start to the first event of each type. Never typed in; undefined (with a
// note saying why and what to add) when an event is missing or the timeline's order contradicts itself.
#include "metrics.h"

#include <map>

namespace hs {

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

struct Spec {
    const char* label;   // "Time to detect"
    const char* target;  // "detected"
    std::optional<int64_t> Metrics::*field;
};

}  // namespace

Metrics compute_metrics(const Document& d) {
    Metrics m;
    auto first = earliest_by_type(d);
    auto find = [&](const char* type) -> const Event* {
        auto it = first.find(type);
        return it == first.end() ? nullptr : it->second;
    };
    const Event* start = find("impact_start");

    const Spec specs[] = {
        {"Time to detect", "detected", &Metrics::time_to_detect_s},
        {"Time to acknowledge", "acknowledged", &Metrics::time_to_acknowledge_s},
        {"Time to mitigate", "mitigated", &Metrics::time_to_mitigate_s},
        {"Time to resolve", "resolved", &Metrics::time_to_resolve_s},
    };

    for (const char* t : {"impact_start", "detected", "acknowledged", "mitigated", "resolved"})
        if (!find(t)) m.missing.push_back(t);
    if (!start) {
        for (const Spec& s : specs) {
            m.notes.push_back(std::string(s.label) + " is undefined: there is no impact_start event. Add one to the "
                              "timeline to compute the time from impact start to the first " + s.target + " event.");
        }
        m.notes.push_back("Impact duration is undefined: there is no impact_start event. Add one to the timeline to "
                          "compute the time from impact start to the first mitigated (or resolved) event.");
        return m;
    }

    const std::string start_at = format_utc(start->time);
    for (const Spec& s : specs) {
        const Event* ev = find(s.target);
        if (!ev) {
            m.notes.push_back(std::string(s.label) + " is undefined: there is no " + s.target +
                              " event. Add one to the timeline to compute it.");
            continue;
        }
        if (ev->time.unix_ms < start->time.unix_ms) {
            m.notes.push_back(std::string(s.label) + " is undefined: the first " + s.target + " event (" +
                              format_utc(ev->time) + ") is earlier than impact_start (" + start_at +
                              "); check the order of the timeline.");
            continue;
        }
        m.*(s.field) = (ev->time.unix_ms - start->time.unix_ms) / 1000;
    }

    // Impact ends when it is mitigated; without a mitigation, the resolution is the end.
    const Event* end = find("mitigated");
    const char* end_type = "mitigated";
    if (!end) {
        end = find("resolved");
        end_type = "resolved";
    }
    if (!end) {
        m.notes.push_back("Impact duration is undefined: there is no mitigated or resolved event. Add one to the "
                          "timeline to compute it.");
    } else if (end->time.unix_ms < start->time.unix_ms) {
        m.notes.push_back(std::string("Impact duration is undefined: the first ") + end_type + " event (" +
                          format_utc(end->time) + ") is earlier than impact_start (" + start_at +
                          "); check the order of the timeline.");
    } else {
        m.impact_duration_s = (end->time.unix_ms - start->time.unix_ms) / 1000;
        if (std::string(end_type) == "resolved") {
            m.notes.push_back("Impact duration runs to the first resolved event: there is no mitigated event.");
        }
    }
    return m;
}

Json metrics_json(const Metrics& m) {
    auto value = [](const std::optional<int64_t>& v) -> Json { return v ? Json(*v) : Json(nullptr); };
    Json j = Json::object();
    j["time_to_detect_s"] = value(m.time_to_detect_s);
    j["time_to_acknowledge_s"] = value(m.time_to_acknowledge_s);
    j["time_to_mitigate_s"] = value(m.time_to_mitigate_s);
    j["time_to_resolve_s"] = value(m.time_to_resolve_s);
    j["impact_duration_s"] = value(m.impact_duration_s);
    j["notes"] = m.notes;
    return j;
}

}  // namespace hs
