// Statuspage importer (tests/data/import/statuspage) and open_any's recognition of the alert and Statuspage files
// next to the formats it already told apart. Goldens in tests/golden/import.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/format.h"
#include "core/importers/importers.h"
#include "core/metrics.h"
#include "import_support.h"

using namespace hs;
using namespace hs::import_test;

namespace {

size_t count_tagged(const Document& d, const std::string& tag) {
    size_t n = 0;
    for (const Event& e : d.timeline) {
        if (std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end()) ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("Statuspage incident: updates as communications, status changes as typed events", "[import][statuspage]") {
    seed_ids(401);
    ImportResult r = import_statuspage(fixture("statuspage/incident.json"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    CHECK(types_of(d) == std::vector<std::string>{"impact_start", "detected", "communication", "note",
                                                  "communication", "communication", "mitigated", "communication",
                                                  "resolved", "communication"});
    // Newest first in the file; display_at (backdated here) is the time the page shows.
    CHECK(format_utc(d.timeline[1].time) == "2026-03-10T05:19:00Z");
    CHECK(d.timeline[2].description.rfind("Investigating: We are investigating elevated error rates", 0) == 0);
    CHECK(d.timeline[3].description == "Cause identified");
    CHECK(d.timeline[5].description.rfind("Update: We are still rolling back", 0) == 0);
    CHECK(d.timeline[9].description.find("お客様にはご迷惑をおかけしました。") != std::string::npos);
    // Every customer-facing update, and only those, carries the tag.
    CHECK(count_tagged(d, "customer-facing") == 5);
    CHECK(d.timeline[2].tags == std::vector<std::string>{"customer-facing"});
    const Json& first = d.timeline[2].extra.at("x_statuspage");
    CHECK(first.at("affected_components").at(0).at("new_status") == "partial_outage");
    CHECK(first.at("status") == "investigating");
    CHECK(d.title == "Checkout payments failing for some customers");
    CHECK(d.incident_id == "p31zjtct2jer");
    CHECK(d.severity == 2);  // impact major
    CHECK(d.services == std::vector<std::string>{"Checkout API", "決済 (Japan)"});
    REQUIRE(d.links.size() == 1);
    CHECK(d.links[0].url == "https://stspg.io/x7k2m9q4");
    Metrics m = compute_metrics(d);
    CHECK(m.time_to_detect_s == 10 * 60);
    CHECK(m.time_to_mitigate_s == 49 * 60 + 40);
    CHECK(m.time_to_resolve_s == 71 * 60 + 13);
    CHECK(r.problems.empty());
    check_common(d);
    check_golden("statuspage_incident", d);
}

TEST_CASE("Statuspage list: the first incident with a note, or the one asked for", "[import][statuspage]") {
    seed_ids(402);
    ImportResult r = import_statuspage(fixture("statuspage/incidents_list.json"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    CHECK(d.title == "Задержка уведомлений по e-mail");
    CHECK(has_problem(r.problems, "/incidents", "The file holds 2 incidents; imported the first"));
    CHECK(types_of(d) == std::vector<std::string>{"impact_start", "detected", "communication", "mitigated",
                                                  "communication"});
    CHECK(d.timeline[0].time.offset_min == 180);
    CHECK(d.severity == 3);  // impact minor
    check_common(d);
    check_golden("statuspage_list_first", d);
    for (const char* id : {"p31zjtct2jer", "https://stspg.io/x7k2m9q4"}) {
        ImportResult one = import_statuspage(fixture("statuspage/incidents_list.json"), id);
        REQUIRE(one.ok);
        CHECK(one.doc.title == "Checkout payments failing for some customers");
        CHECK(one.problems.empty());
    }
    ImportResult none = import_statuspage(fixture("statuspage/incidents_list.json"), "zzz");
    CHECK_FALSE(none.ok);
    CHECK_THAT(none.problems.at(0).message, Catch::Contains("r8f5vb0qk2tn, p31zjtct2jer"));
}

TEST_CASE("Statuspage: webhook body, missing updates and times, maintenance statuses", "[import][statuspage]") {
    // A webhook body wraps the incident; "update" does not change the status; an unknown status is flagged.
    ImportResult r = import_statuspage(R"({"meta":{"unsubscribe":"x"},"page":{"id":"p"},"incident":{"name":"DNS",
        "impact":"critical","incident_updates":[
        {"status":"update","body":"Still on it","created_at":"2026-03-10T05:30:00Z"},
        {"status":"investigating","body":"DNS lookups fail 🌐","created_at":"2026-03-10T05:00:00Z"},
        {"status":"escalated","body":"","created_at":"2026-03-10T05:40:00Z"}]}})");
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    CHECK(r.doc.severity == 1);
    CHECK(types_of(r.doc) ==
          std::vector<std::string>{"detected", "communication", "communication", "communication"});
    CHECK(r.doc.timeline[3].description == "Escalated (no message)");
    CHECK(has_problem(r.problems, "/incident/incident_updates/2/status", "Unknown update status \"escalated\""));
    CHECK(has_problem(r.problems, "/timeline", "started_at"));
    // No updates: the incident's own times.
    r = import_statuspage(R"({"name":"Queue stuck","impact":"none","created_at":"2026-03-10T05:00:00Z",
        "monitoring_at":"2026-03-10T05:10:00Z","resolved_at":"2026-03-10T05:20:00Z"})");
    REQUIRE(r.ok);
    CHECK(types_of(r.doc) == std::vector<std::string>{"detected", "mitigated", "resolved"});
    CHECK(r.doc.severity == 5);
    CHECK(has_problem(r.problems, "/incident_updates", "no updates"));
    // Scheduled maintenance.
    r = import_statuspage(R"({"name":"DB upgrade","impact":"maintenance","incident_updates":[
        {"status":"scheduled","body":"Planned","created_at":"2026-03-01T00:00:00Z"},
        {"status":"in_progress","body":"Started","created_at":"2026-03-10T01:00:00Z"},
        {"status":"verifying","body":"Checking","created_at":"2026-03-10T02:00:00Z"},
        {"status":"completed","body":"Done","created_at":"2026-03-10T02:30:00Z"}]})");
    REQUIRE(r.ok);
    CHECK(types_of(r.doc) == std::vector<std::string>{"detected", "note", "communication", "action",
                                                      "communication", "mitigated", "communication", "resolved",
                                                      "communication"});
    CHECK(has_problem(r.problems, "/impact", "\"maintenance\" is not none, minor, major or critical"));
}

TEST_CASE("Statuspage: bad input is refused, saying what and where", "[import][statuspage]") {
    struct Case {
        const char* file;
        const char* pointer;
        const char* text;
    } cases[] = {
        {"statuspage/bad_not_json.json", "", "not valid JSON; expected a Statuspage incident"},
        {"statuspage/bad_updates_not_array.json", "/incident_updates", "Expected an array of incident updates."},
        {"statuspage/bad_display_at.json", "/incident_updates/2/display_at", "\"yesterday afternoon\" is not ISO"},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        check_refusal(import_statuspage(fixture(c.file)), c.pointer, c.text);
    }
    CHECK_THAT(import_statuspage("[1, 2]").problems.at(0).message, Catch::Contains("Expected a Statuspage incident"));
    CHECK_THAT(import_statuspage(R"({"incidents": []})").problems.at(0).message, Catch::Contains("empty"));
    CHECK_THAT(import_statuspage(R"({"hello": 1})").problems.at(0).message, Catch::Contains("neither \"name\""));
    CHECK_THAT(import_statuspage("\"text\"").problems.at(0).message, Catch::Contains("Expected a Statuspage"));
    std::string many = R"({"name":"x","incident_updates":[)";
    for (size_t i = 0; i <= kMaxStatusUpdates; ++i) many += std::string(i ? "," : "") + "{}";
    ImportResult r = import_statuspage(many + "]}");
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.problems.at(0).message, Catch::Contains("More than 10000 updates"));
    CHECK_FALSE(import_statuspage(std::string(kMaxImportBytes + 1, ' ')).ok);
}

TEST_CASE("open_any recognises Alertmanager, Grafana and Statuspage files and still tells the others apart",
          "[import][open]") {
    struct Case {
        const char* file;
        const char* kind;
    } cases[] = {
        {"alertmanager/firing_then_resolved.jsonl", "alertmanager"},
        {"alertmanager/flapping.json", "alertmanager"},
        {"alertmanager/many_labels_truncated.json", "alertmanager"},
        {"grafana/firing_then_resolved.jsonl", "grafana"},
        {"grafana/single_firing_v9.json", "grafana"},
        {"statuspage/incident.json", "statuspage"},
        {"statuspage/incidents_list.json", "statuspage"},
        {"pagerduty/incident_log_entries.json", "pagerduty"},
        {"pagerduty/bare_array_newest_first.json", "pagerduty"},
        {"opsgenie/incident_timeline.json", "opsgenie"},
        {"opsgenie/with_incident.json", "opsgenie"},
        {"slack/day_2026-03-01.json", "slack"},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        std::string kind;
        ImportResult r = open_any("dropped.json", fixture(c.file), &kind);
        CHECK(kind == c.kind);
        CHECK(r.ok);
        CHECK_FALSE(r.doc.timeline.empty());
    }
    // Recognised, then refused by its importer, which says where.
    std::string kind;
    ImportResult r = open_any("alerts.log", fixture("alertmanager/bad_line_cut_short.jsonl"), &kind);
    CHECK(kind == "alertmanager");
    CHECK_FALSE(r.ok);
    CHECK(r.problems.at(0).pointer == "line 2");
    r = open_any("status.json", fixture("statuspage/bad_display_at.json"), &kind);
    CHECK(kind == "statuspage");
    CHECK_FALSE(r.ok);
    // A Hindsight document that carries such members as its own extensions is still a Hindsight document.
    r = open_any("doc.json", R"({"format":"hindsight.postmortem","version":1,"id":"pm-1","receiver":"x",
        "alerts":[],"incident_updates":[]})", &kind);
    CHECK(kind == "hindsight");
    CHECK(r.ok);
    // A JSON object with an "alerts" member but nothing of a webhook payload is not taken for one.
    r = open_any("x.json", R"({"alerts": []})", &kind);
    CHECK(kind == "unknown");
    CHECK_THAT(r.problems.at(0).message, Catch::Contains("Statuspage"));
}
