// Imported paging-tool incidents show the paging tool's own figures: PagerDuty's time to acknowledge is trigger ->
// first acknowledgement and its time to resolve trigger -> resolution; Opsgenie's run from creation to the first
// acknowledgement and to the resolution (or close). The expected seconds are worked out by hand from the fixtures'
// timestamps (written with offsets, across midnight), never read back from the code.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/exporters/exporters.h"
#include "core/importers/importers.h"
#include "core/metrics.h"

using namespace hs;

namespace {

std::string fixture(const std::string& rel) {
    std::ifstream in(std::string(HS_SOURCE_DIR) + "/tests/data/import/" + rel, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Expect {
    const char* file;
    std::optional<int64_t> tta, ttr;
};

void check_paged(const ImportResult& r, const Expect& e) {
    INFO(e.file);
    REQUIRE(r.ok);
    const Metrics m = compute_metrics(r.doc);
    CHECK(m.time_to_acknowledge_s == e.tta);
    CHECK(m.time_to_resolve_s == e.ttr);
    CHECK(m.resolve_basis == (e.ttr ? Basis::detected : Basis::none));
    if (e.tta) CHECK(m.acknowledge_basis == Basis::detected);
    // No impact start: said once, not a wall of "undefined".
    CHECK_FALSE(m.time_to_detect_s);
    REQUIRE_FALSE(m.notes.empty());
    CHECK(m.notes[0].rfind("Impact start is unknown", 0) == 0);
    CHECK(metrics_json(m)["basis"]["time_to_resolve_s"] == (e.ttr ? Json("detected") : Json(nullptr)));
}

}  // namespace

TEST_CASE("PagerDuty imports give PagerDuty's time to acknowledge and to resolve", "[import][metrics]") {
    const Expect cases[] = {
        // Trigger 23:48:30+09:00; acked 00:05:12+09:00, unacked by timeout, acked again, reassigned, escalated;
        // resolved 01:22:05+09:00: the first acknowledgement counts.
        {"pagerduty/reacked_escalated_midnight.json", 16 * 60 + 42, 60 * 60 + 33 * 60 + 35},
        // Trigger 23:58:00-05:00, auto-resolved 00:04:30-05:00 the next day, never acknowledged.
        {"pagerduty/resolved_without_ack.json", std::nullopt, 6 * 60 + 30},
        // A page of the log without the trigger or the resolve: the incident's created_at (09:00:00Z) and its
        // last_status_change_at (11:15:00+02:00); acked 11:07:30+02:00.
        {"pagerduty/page_without_trigger.json", 7 * 60 + 30, 15 * 60},
    };
    for (const Expect& e : cases) check_paged(import_pagerduty(fixture(e.file)), e);

    ImportResult r = import_pagerduty(fixture("pagerduty/reacked_escalated_midnight.json"));
    CHECK(r.doc.title == "決済 API のタイムアウトが急増");
    int acks = 0, detected = 0;
    for (const Event& ev : r.doc.timeline) {
        acks += ev.type == "acknowledged";
        detected += ev.type == "detected";
    }
    CHECK(acks == 1);  // the second acknowledgement is a note: it does not move time to acknowledge
    CHECK(detected == 1);
    ImportResult page = import_pagerduty(fixture("pagerduty/page_without_trigger.json"));
    CHECK(page.doc.title == "Καθυστέρηση ειδοποιήσεων push 📱");
    bool said = false;
    for (const auto& p : page.problems) said = said || p.message.find("created_at was used") != std::string::npos;
    CHECK(said);
}

TEST_CASE("Opsgenie imports give Opsgenie's time to acknowledge and to resolve", "[import][metrics]") {
    const Expect cases[] = {
        // Created 23:50:00+03:00; first ack 00:02:30+03:00 (a second one later); resolved 01:10:00+03:00, closed
        // later still: the resolution counts.
        {"opsgenie/reacked_escalated_midnight.json", 12 * 60 + 30, 80 * 60},
        // Only the report: ackTime 95000 ms and closeTime 3605500 ms after createdAt (whole seconds).
        {"opsgenie/alert_report_only.json", 95, 3605},
    };
    for (const Expect& e : cases) check_paged(import_opsgenie(fixture(e.file)), e);
}

TEST_CASE("Opsgenie: a close without a resolve is the resolution", "[import][metrics]") {
    ImportResult r = import_opsgenie(
        R"([{"type":"Close","eventTime":"2026-03-06T00:40:00+01:00","actor":{"name":"Дежурный SRE"}},
            {"type":"Acknowledge","eventTime":"2026-03-05T23:10:00Z"},
            {"type":"Close","eventTime":"2026-03-06T01:00:00+01:00"},
            {"type":"IncidentCreated","eventTime":"2026-03-05T22:55:00Z","description":"Очередь заказов растёт"}])");
    REQUIRE(r.ok);
    const Metrics m = compute_metrics(r.doc);
    CHECK(m.time_to_acknowledge_s == 15 * 60);
    CHECK(m.time_to_resolve_s == 45 * 60);  // to the first close, 23:40Z
    int resolved = 0;
    for (const Event& ev : r.doc.timeline) resolved += ev.type == "resolved";
    CHECK(resolved == 1);
}

TEST_CASE("Exports of a paging-tool import say the durations run from detection", "[import][metrics][export]") {
    ImportResult r = import_pagerduty(fixture("pagerduty/reacked_escalated_midnight.json"));
    REQUIRE(r.ok);
    const std::string md = export_markdown(r.doc);
    CHECK(md.find("- Time to acknowledge: " + format_duration(1002) + " (from detection)") != std::string::npos);
    CHECK(md.find("- Time to resolve: " + format_duration(5615) + " (from detection)") != std::string::npos);
    CHECK(md.find("- Time to detect: not defined") != std::string::npos);
    CHECK(md.find("Impact start is unknown") != std::string::npos);
    const std::string html = export_html(r.doc);
    CHECK(html.find("<dt>Time to resolve</dt><dd>" + format_duration(5615) +
                    " <span class=\"muted\">from detection</span></dd>") != std::string::npos);
    CHECK(html.find("<span class=\"muted\">from impact start</span>") == std::string::npos);
}
