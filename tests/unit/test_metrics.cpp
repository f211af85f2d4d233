// Derived metrics: earliest event of each type, measured from impact_start; undefined (with a note) otherwise.
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
    CHECK(m.time_to_acknowledge_s == 520);
    CHECK(m.time_to_mitigate_s == 2025);
    CHECK(m.time_to_resolve_s == 2960);
    CHECK(m.impact_duration_s == 2025);
    CHECK(m.notes.empty());
    CHECK(metrics_json(m).dump() ==
          R"({"impact_duration_s":2025,"notes":[],"time_to_acknowledge_s":520,"time_to_detect_s":250,)"
          R"("time_to_mitigate_s":2025,"time_to_resolve_s":2960})");
}

TEST_CASE("Metrics without impact_start are all undefined, each with its note", "[metrics]") {
    Document d;
    d.timeline = {ev("detected", "2026-03-01T13:02:10Z"), ev("resolved", "2026-03-01T13:47:20Z")};
    Metrics m = compute_metrics(d);
    CHECK_FALSE(m.time_to_detect_s);
    CHECK_FALSE(m.time_to_acknowledge_s);
    CHECK_FALSE(m.time_to_mitigate_s);
    CHECK_FALSE(m.time_to_resolve_s);
    CHECK_FALSE(m.impact_duration_s);
    REQUIRE(m.notes.size() == 5);
    CHECK(m.notes[0] == "Time to detect is undefined: there is no impact_start event. Add one to the timeline to "
                        "compute the time from impact start to the first detected event.");
    CHECK(has_note(m, "Time to acknowledge is undefined: there is no impact_start event"));
    CHECK(has_note(m, "Time to mitigate is undefined: there is no impact_start event"));
    CHECK(has_note(m, "Time to resolve is undefined: there is no impact_start event"));
    CHECK(has_note(m, "Impact duration is undefined: there is no impact_start event"));
    Json j = metrics_json(m);
    for (const char* k : {"time_to_detect_s", "time_to_acknowledge_s", "time_to_mitigate_s", "time_to_resolve_s",
                          "impact_duration_s"}) {
        INFO(k);
        REQUIRE(j.contains(k));
        CHECK(j[k].is_null());
    }
    CHECK(j["notes"].size() == 5);
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
    CHECK(m.time_to_acknowledge_s == 300);
    CHECK_FALSE(m.time_to_mitigate_s);
    CHECK(m.time_to_resolve_s == 1800);
    CHECK_FALSE(m.impact_duration_s);  // measured to the mitigation, which is inconsistent
    CHECK(has_note(m, "Impact duration is undefined: the first mitigated event"));
    Json j = metrics_json(m);
    CHECK(j["time_to_detect_s"].is_null());
    CHECK(j["time_to_acknowledge_s"] == 300);
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
    CHECK(m.notes.size() == 5);
    CHECK_FALSE(m.time_to_resolve_s);
}

TEST_CASE("Metrics name each missing event type once, in the incident's order", "[metrics]") {
    Document d;
    CHECK(compute_metrics(d).missing ==
          std::vector<std::string>{"impact_start", "detected", "acknowledged", "mitigated", "resolved"});
    d.timeline = {ev("resolved", "2026-03-01T13:47:20Z"), ev("detected", "2026-03-01T13:02:10Z")};
    Metrics m = compute_metrics(d);
    CHECK(m.missing == std::vector<std::string>{"impact_start", "acknowledged", "mitigated"});
    CHECK(m.notes.size() == 5);  // the notes still say, per metric, why it is undefined
    d.timeline.push_back(ev("impact_start", "2026-03-01T12:58:00Z"));
    d.timeline.push_back(ev("acknowledged", "2026-03-01T13:06:40Z"));
    d.timeline.push_back(ev("mitigated", "2026-03-01T13:31:45Z"));
    CHECK(compute_metrics(d).missing.empty());
}
