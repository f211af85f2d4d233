// Derived metrics: earliest event of each type; time to acknowledge from detection, the others from impact start
// (or, without one, from detection, which each figure's basis says); undefined (with a note) otherwise.
#include <catch2/catch.hpp>

#include "core/metrics.h"

using namespace hs;

namespace {

Event ev(const std::string& type, const std::string& iso) {
    Event e;
    e.type = type;
    auto t = parse_iso8601(iso);
    REQUIRE(t);
    e.time = *t;
    e.description = type;
    return e;
}

bool has_note(const Metrics& m, const std::string& text) {
    for (const auto& n : m.notes) {
        if (n.find(text) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("Metrics on a full timeline", "[metrics]") {
    Document d;
    d.timeline = {ev("impact_start", "2026-03-01T12:58:00Z"), ev("detected", "2026-03-01T14:02:10+01:00"),
                  ev("acknowledged", "2026-03-01T13:06:40Z"), ev("note", "2026-03-01T13:09:05Z"),
                  ev("mitigated", "2026-03-01T13:31:45Z"),    ev("resolved", "2026-03-01T13:47:20Z")};
    Metrics m = compute_metrics(d);
    CHECK(m.time_to_detect_s == 250);
    CHECK(m.time_to_acknowledge_s == 270);  // 13:02:10 (the alert) -> 13:06:40, as the paging tools measure it
    CHECK(m.time_to_mitigate_s == 2025);
    CHECK(m.time_to_resolve_s == 2960);
    CHECK(m.impact_duration_s == 2025);
    CHECK(m.notes.empty());
    CHECK(m.detect_basis == Basis::impact_start);
    CHECK(m.acknowledge_basis == Basis::detected);
    CHECK(m.resolve_basis == Basis::impact_start);
    CHECK(metrics_json(m).dump() ==
          R"({"basis":{"impact_duration_s":"impact_start","time_to_acknowledge_s":"detected",)"
          R"("time_to_detect_s":"impact_start","time_to_mitigate_s":"impact_start",)"
          R"("time_to_resolve_s":"impact_start"},"impact_duration_s":2025,"notes":[],"time_to_acknowledge_s":270,)"
          R"("time_to_detect_s":250,"time_to_mitigate_s":2025,"time_to_resolve_s":2960})");
}

TEST_CASE("Metrics without impact_start run from detection and say so", "[metrics]") {
    Document d;
    d.timeline = {ev("detected", "2026-03-01T23:52:10+09:00"), ev("acknowledged", "2026-03-01T14:58:05Z"),
                  ev("resolved", "2026-03-02T00:47:20+09:00")};
    Metrics m = compute_metrics(d);
    CHECK_FALSE(m.time_to_detect_s);
    CHECK(m.detect_basis == Basis::none);
    CHECK(m.time_to_acknowledge_s == 355);  // 14:52:10Z -> 14:58:05Z
    CHECK(m.acknowledge_basis == Basis::detected);
    CHECK_FALSE(m.time_to_mitigate_s);
    CHECK(m.mitigate_basis == Basis::none);
    CHECK(m.time_to_resolve_s == 3310);  // 14:52:10Z -> 15:47:20Z, across local midnight
    CHECK(m.resolve_basis == Basis::detected);
    CHECK(m.impact_duration_s == 3310);
    CHECK(m.impact_basis == Basis::detected);
    REQUIRE(m.notes.size() == 3);
    CHECK(m.notes[0] == "Impact start is unknown: time to detect is undefined, and time to mitigate, time to resolve "
                        "and the impact duration run from the first detected event (2026-03-01T14:52:10Z), as paging "
                        "tools measure them. Add an impact_start event to measure them from impact start.");
    CHECK(has_note(m, "Time to mitigate is undefined: there is no mitigated event."));
    CHECK(has_note(m, "Impact duration runs to the first resolved event"));
    Json j = metrics_json(m);
    CHECK(j["time_to_detect_s"].is_null());
    CHECK(j["basis"]["time_to_detect_s"].is_null());
    CHECK(j["basis"]["time_to_mitigate_s"].is_null());
    CHECK(j["time_to_resolve_s"] == 3310);
    CHECK(j["basis"]["time_to_resolve_s"] == "detected");
    CHECK(j["basis"]["impact_duration_s"] == "detected");
    CHECK(j["basis"]["time_to_acknowledge_s"] == "detected");

    // Adding the impact start moves the origin of the durations, not of the acknowledgement.
    d.timeline.push_back(ev("impact_start", "2026-03-01T14:40:00Z"));
    m = compute_metrics(d);
    CHECK(m.time_to_detect_s == 730);
    CHECK(m.time_to_acknowledge_s == 355);
    CHECK(m.time_to_resolve_s == 4040);
    CHECK(m.resolve_basis == Basis::impact_start);
    CHECK(m.impact_basis == Basis::impact_start);
}

TEST_CASE("Metrics with neither impact_start nor detected are undefined, with one note each", "[metrics]") {
    Document d;
    d.timeline = {ev("acknowledged", "2026-03-01T13:06:40Z"), ev("resolved", "2026-03-01T13:47:20Z")};
    Metrics m = compute_metrics(d);
    for (const MetricRow& r : metric_rows(m)) {
        INFO(r.key);
        CHECK_FALSE(r.seconds);
        CHECK(r.basis == Basis::none);
    }
    REQUIRE(m.notes.size() == 3);
    CHECK(m.notes[0] == "Time to detect is undefined: there is no impact_start event. Add one to the timeline to "
                        "compute the time from impact start to the first detected event.");
    CHECK(has_note(m, "Time to acknowledge is undefined: there is no detected event (the alert)."));
    CHECK(has_note(m, "Time to mitigate, time to resolve and the impact duration are undefined: there is no "
                      "impact_start or detected event"));
    Json j = metrics_json(m);
    for (const char* k : {"time_to_detect_s", "time_to_acknowledge_s", "time_to_mitigate_s", "time_to_resolve_s",
                          "impact_duration_s"}) {
        INFO(k);
        REQUIRE(j.contains(k));
        CHECK(j[k].is_null());
        CHECK(j["basis"][k].is_null());
    }
}

TEST_CASE("Metrics on a partial timeline: missing events are named", "[metrics]") {
    Document d;
    d.timeline = {ev("impact_start", "2026-03-01T12:00:00Z"), ev("detected", "2026-03-01T12:10:00Z"),
                  ev("resolved", "2026-03-01T13:00:00Z")};
    Metrics m = compute_metrics(d);
    CHECK(m.time_to_detect_s == 600);
    CHECK_FALSE(m.time_to_acknowledge_s);
    CHECK_FALSE(m.time_to_mitigate_s);
    CHECK(m.time_to_resolve_s == 3600);
    CHECK(m.impact_duration_s == 3600);  // no mitigation: impact ends at the resolution
    CHECK(has_note(m, "Time to acknowledge is undefined: there is no acknowledged event."));
    CHECK(has_note(m, "Time to mitigate is undefined: there is no mitigated event."));
    CHECK(has_note(m, "Impact duration runs to the first resolved event: there is no mitigated event."));
    CHECK(m.notes.size() == 3);

    d.timeline = {ev("impact_start", "2026-03-01T12:00:00Z"), ev("note", "2026-03-01T12:30:00Z")};
    m = compute_metrics(d);
    CHECK_FALSE(m.impact_duration_s);
    CHECK(has_note(m, "Impact duration is undefined: there is no mitigated or resolved event."));
    CHECK(m.notes.size() == 5);
}

TEST_CASE("Metrics: an event earlier than impact_start is an inconsistency, not a negative time", "[metrics]") {
    Document d;
    d.timeline = {ev("detected", "2026-03-01T11:50:00Z"), ev("impact_start", "2026-03-01T12:00:00Z"),
                  ev("acknowledged", "2026-03-01T12:05:00Z"), ev("mitigated", "2026-03-01T11:59:59Z"),
                  ev("resolved", "2026-03-01T12:30:00Z")};
    Metrics m = compute_metrics(d);
    CHECK_FALSE(m.time_to_detect_s);
    CHECK(has_note(m, "Time to detect is undefined: the first detected event (2026-03-01T11:50:00Z) is earlier than "
                      "impact_start (2026-03-01T12:00:00Z); check the order of the timeline."));
    CHECK(m.time_to_acknowledge_s == 900);  // from the detection at 11:50, whatever the impact start
    CHECK_FALSE(m.time_to_mitigate_s);
    CHECK(m.time_to_resolve_s == 1800);
    CHECK_FALSE(m.impact_duration_s);  // measured to the mitigation, which is inconsistent
    CHECK(has_note(m, "Impact duration is undefined: the first mitigated event"));
    Json j = metrics_json(m);
    CHECK(j["time_to_detect_s"].is_null());
    CHECK(j["time_to_acknowledge_s"] == 900);

    // An acknowledgement before the alert it acknowledges is as inconsistent.
    d.timeline = {ev("detected", "2026-03-01T12:10:00Z"), ev("acknowledged", "2026-03-01T12:09:30Z")};
    m = compute_metrics(d);
    CHECK_FALSE(m.time_to_acknowledge_s);
    CHECK(has_note(m, "Time to acknowledge is undefined: the first acknowledged event (2026-03-01T12:09:30Z) is "
                      "earlier than the first detected event (2026-03-01T12:10:00Z); check the order"));
}

TEST_CASE("Metrics use the earliest event of each type, in any list order", "[metrics]") {
    Document d;
    d.timeline = {ev("resolved", "2026-03-01T14:00:00Z"), ev("detected", "2026-03-01T12:20:00Z"),
                  ev("resolved", "2026-03-01T13:00:00Z"), ev("impact_start", "2026-03-01T12:30:00Z"),
                  ev("impact_start", "2026-03-01T12:00:00Z"), ev("detected", "2026-03-01T12:05:00.900Z")};
    Event untimed;  // an event without a time does not count
    untimed.type = "mitigated";
    d.timeline.push_back(untimed);
    Metrics m = compute_metrics(d);
    CHECK(m.time_to_detect_s == 300);  // 300.9 s, whole seconds
    CHECK(m.time_to_resolve_s == 3600);
    CHECK_FALSE(m.time_to_mitigate_s);
    CHECK(m.impact_duration_s == 3600);
}

TEST_CASE("Metrics on an empty timeline", "[metrics]") {
    Document d;
    Metrics m = compute_metrics(d);
    CHECK(m.notes.size() == 3);  // no impact start, no alert, nothing to measure the durations from
    CHECK_FALSE(m.time_to_resolve_s);
}

TEST_CASE("Metrics name each missing event type once, in the incident's order", "[metrics]") {
    Document d;
    CHECK(compute_metrics(d).missing ==
          std::vector<std::string>{"impact_start", "detected", "acknowledged", "mitigated", "resolved"});
    d.timeline = {ev("resolved", "2026-03-01T13:47:20Z"), ev("detected", "2026-03-01T13:02:10Z")};
    Metrics m = compute_metrics(d);
    CHECK(m.missing == std::vector<std::string>{"impact_start", "acknowledged", "mitigated"});
    CHECK(m.notes.size() == 4);  // impact start unknown, and why each other undefined figure is
    d.timeline.push_back(ev("impact_start", "2026-03-01T12:58:00Z"));
    d.timeline.push_back(ev("acknowledged", "2026-03-01T13:06:40Z"));
    d.timeline.push_back(ev("mitigated", "2026-03-01T13:31:45Z"));
    CHECK(compute_metrics(d).missing.empty());
}
