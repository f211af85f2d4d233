// Alert webhook importers: Prometheus Alertmanager (version 4) and Grafana alerting (version 1) payloads from
// tests/data/import/{alertmanager,grafana}, canonical output compared with tests/golden/import.
// Regenerate goldens (then read them!) with: HS_UPDATE_GOLDEN=1 ./hs_unit_tests "[import]"
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/format.h"
#include "core/importers/importers.h"
#include "import_support.h"

using namespace hs;
using namespace hs::import_test;

namespace {

// The payloads of a JSON-lines fixture, as one JSON array.
std::string lines_as_array(const std::string& text) {
    Json arr = Json::array();
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) arr.push_back(Json::parse(text.substr(start, end - start)));
        start = end + 1;
    }
    return arr.dump();
}

// A version 4 payload holding `n` firing alerts with distinct fingerprints.
std::string payload_with_alerts(size_t n) {
    std::string s = R"({"version":"4","receiver":"oncall","status":"firing","alerts":[)";
    for (size_t i = 0; i < n; ++i) {
        s += std::string(i ? "," : "") + R"({"status":"firing","labels":{"alertname":"DiskFull"},)" +
             R"("startsAt":"2026-03-10T05:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"f)" +
             std::to_string(i) + "\"}";
    }
    return s + "]}";
}

}  // namespace

// ---- Alertmanager -----------------------------------------------------------------------------------------------

TEST_CASE("Alertmanager payloads, one per line, build one timeline", "[import][alertmanager]") {
    seed_ids(301);
    ImportResult r = import_alertmanager(fixture("alertmanager/firing_then_resolved.jsonl"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    // Five payloads: the error-rate alert is notified three times but fires once.
    CHECK(types_of(d) == std::vector<std::string>{"detected", "detected", "resolved", "resolved"});
    CHECK(format_utc(d.timeline[0].time) == "2026-03-10T05:12:30.481Z");  // nanoseconds cut to milliseconds
    CHECK(d.timeline[0].description == "CheckoutHighErrorRate: チェックアウトの5xxエラー率が5%を超えています 🔥");
    CHECK(d.timeline[1].description == "PostgresReplicationLag: Отставание реплики orders-db больше 30 секунд");
    CHECK(d.timeline[2].description == "Resolved: PostgresReplicationLag");
    CHECK(format_utc(d.timeline[3].time) == "2026-03-10T05:48:45.120Z");
    CHECK(d.timeline[0].author == "Alertmanager");
    // Labels and annotations are kept as the event's details.
    const Json& details = d.timeline[0].extra.at("x_alert");
    CHECK(details.at("labels").at("cluster") == "tokyo-1");
    CHECK(details.at("annotations").at("runbook_url") == "https://runbooks.example.com/checkout/5xx");
    CHECK(details.at("fingerprint") == "8d2c1f0e5b7a9c34");
    CHECK(d.title == "CheckoutHighErrorRate");
    CHECK(d.severity == 1);  // critical outranks the replica's warning
    CHECK(d.services == std::vector<std::string>{"checkout-api", "orders-db"});
    REQUIRE(d.links.size() == 2);
    CHECK(d.links[0].url == "http://alertmanager.prod.internal:9093");
    CHECK(d.links[1].title == "Alert rule: CheckoutHighErrorRate");
    CHECK(has_problem(r.problems, "/timeline", "add an impact_start event"));
    check_common(d);
    check_golden("alertmanager_firing_then_resolved", d);
    // The same payloads as a JSON array give the same timeline.
    seed_ids(301);
    ImportResult a = import_alertmanager(lines_as_array(fixture("alertmanager/firing_then_resolved.jsonl")));
    REQUIRE(a.ok);
    CHECK(save_document(a.doc) == save_document(d));
    // And so do the payloads pretty-printed one after another, as `jq .` writes them; open_any knows them too.
    std::string pretty;
    for (const Json& p : Json::parse(lines_as_array(fixture("alertmanager/firing_then_resolved.jsonl"))))
        pretty += p.dump(2) + "\n";
    seed_ids(301);
    std::string kind;
    ImportResult b = open_any("alerts.txt", pretty, &kind);
    CHECK(kind == "alertmanager");
    REQUIRE(b.ok);
    CHECK(save_document(b.doc) == save_document(d));
    // A payload cut short is named by the line where it starts.
    ImportResult cut = import_alertmanager(pretty.substr(0, pretty.size() - 40));
    CHECK_FALSE(cut.ok);
    CHECK(cut.problems.at(0).pointer.rfind("line ", 0) == 0);
    CHECK(cut.problems.at(0).pointer != "line 1");
}

TEST_CASE("Alertmanager: a flapping alert is detected once and resolved at its last resolution",
          "[import][alertmanager]") {
    seed_ids(302);
    ImportResult r = import_alertmanager(fixture("alertmanager/flapping.json"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    CHECK(types_of(d) == std::vector<std::string>{"detected", "note", "note", "resolved"});
    CHECK(d.timeline[1].description == "Resolved for a while: KafkaConsumerLagHigh (it fired again)");
    CHECK(d.timeline[2].description == "Fired again: KafkaConsumerLagHigh: Consumer lag above 50k messages on "
                                       "orders.v3 📈");
    CHECK(format_utc(d.timeline[3].time) == "2026-02-14T22:41:56Z");
    CHECK(d.severity == 2);  // severity="P2"
    check_common(d);
    check_golden("alertmanager_flapping", d);
}

TEST_CASE("Alertmanager: many labels, truncated alerts and missing optional fields", "[import][alertmanager]") {
    seed_ids(303);
    ImportResult r = import_alertmanager(fixture("alertmanager/many_labels_truncated.json"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    // No fingerprints: the two nodes' alerts differ by their labels and stay two.
    CHECK(types_of(d) == std::vector<std::string>{"detected", "detected"});
    CHECK(d.timeline[1].description == "NodeFilesystemAlmostFull");  // no annotations: the alert's name
    CHECK(d.timeline[0].extra.at("x_alert").at("labels").size() == 16);
    CHECK_FALSE(d.timeline[1].extra.at("x_alert").contains("annotations"));
    CHECK(has_problem(r.problems, "/truncatedAlerts", "3 alerts were left out"));
    CHECK(d.links.empty());  // no externalURL, no generatorURL
    CHECK(d.severity == 3);
    check_common(d);
    check_golden("alertmanager_many_labels_truncated", d);
}

TEST_CASE("Alertmanager: a later payload's word on an alert is applied, a resolution stands",
          "[import][alertmanager]") {
    const std::string firing = R"({"version":"4","status":"firing","receiver":"r","alerts":[{"status":"firing",
        "labels":{"alertname":"ApiDown","severity":"page"},"annotations":{"summary":"API down"},
        "startsAt":"2026-03-10T05:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"aa"}]})";
    const std::string resolved = R"({"version":"4","status":"resolved","receiver":"r","alerts":[{"status":"resolved",
        "labels":{"alertname":"ApiDown","severity":"page"},"annotations":{"summary":"API down, back now"},
        "startsAt":"2026-03-10T05:00:00Z","endsAt":"2026-03-10T05:20:00Z","fingerprint":"aa"}]})";
    auto flat = [](std::string s) {
        s.erase(std::remove(s.begin(), s.end(), '\n'), s.end());
        return s;
    };
    for (const std::string& text : {flat(firing) + "\n" + flat(resolved) + "\n",
                                    flat(resolved) + "\n" + flat(firing) + "\n"}) {
        ImportResult r = import_alertmanager(text);
        REQUIRE(r.ok);
        CHECK(types_of(r.doc) == std::vector<std::string>{"detected", "resolved"});
        CHECK(format_utc(r.doc.timeline[1].time) == "2026-03-10T05:20:00Z");
        CHECK(r.doc.severity == 1);
    }
    // The firing reads as the alert did when it fired; the resolution carries the later payload's annotations.
    ImportResult r = import_alertmanager(flat(firing) + "\n" + flat(resolved));
    REQUIRE(r.ok);
    CHECK(r.doc.timeline[0].description == "ApiDown: API down");
    CHECK(r.doc.timeline[1].extra.at("x_alert").at("annotations").at("summary") == "API down, back now");
    // Resolved without endsAt: a warning, and no resolved event is made up.
    std::string no_end = flat(resolved);
    no_end.replace(no_end.find("2026-03-10T05:20:00Z"), 20, "0001-01-01T00:00:00Z");
    r = import_alertmanager(no_end);
    REQUIRE(r.ok);
    CHECK(types_of(r.doc) == std::vector<std::string>{"detected"});
    CHECK(has_problem(r.problems, "/alerts/0/endsAt", "resolved but has no endsAt"));
}

TEST_CASE("Alertmanager: bad input is refused, saying what and where", "[import][alertmanager]") {
    struct Case {
        const char* file;
        const char* pointer;
        const char* text;
    } cases[] = {
        {"alertmanager/bad_not_json.txt", "", "not valid JSON; expected Alertmanager webhook payloads (version 4)"},
        {"alertmanager/bad_alerts_not_array.json", "/alerts", "Expected an array of alerts."},
        {"alertmanager/bad_starts_at.json", "/alerts/0/startsAt", "\"10 March 2026 05:12\" is not ISO 8601"},
        {"alertmanager/bad_line_cut_short.jsonl", "line 2", "cut short or not valid JSON"},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        check_refusal(import_alertmanager(fixture(c.file)), c.pointer, c.text);
    }
    CHECK(import_alertmanager("").problems[0].message.find("empty") != std::string::npos);
    CHECK(import_alertmanager("[]").problems[0].message.find("empty") != std::string::npos);
    CHECK(import_alertmanager("42").problems[0].message.find("single value") != std::string::npos);
    CHECK(import_alertmanager(R"({"version":"4","alerts":[]})").problems[0].message.find("no alerts") !=
          std::string::npos);
    CHECK(import_alertmanager(R"({"receiver":"x"})").problems[0].message.find("no \"alerts\" array") !=
          std::string::npos);
    CHECK(import_alertmanager(R"([{"alerts":[7]}])").problems[0].pointer == "/0/alerts/0");
}

TEST_CASE("Alertmanager: huge inputs are refused before they are held", "[import][alertmanager]") {
    ImportResult ok = import_alertmanager(payload_with_alerts(200));
    REQUIRE(ok.ok);
    CHECK(ok.doc.timeline.size() == 200);
    ImportResult r = import_alertmanager(payload_with_alerts(kMaxAlerts + 1));
    CHECK_FALSE(r.ok);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].pointer == "/alerts");
    CHECK_THAT(r.problems[0].message, Catch::Contains("More than 50000 alerts"));
    std::string big(kMaxImportBytes + 1, ' ');
    for (auto* f : {&import_alertmanager, &import_grafana}) {
        ImportResult b = (*f)(big);
        CHECK_FALSE(b.ok);
        CHECK_THAT(b.problems.at(0).message, Catch::Contains("64 MiB"));
    }
}

TEST_CASE("Alert severity labels map to SEV1..SEV5", "[import][alertmanager]") {
    using import_detail::severity_from_label;
    CHECK(severity_from_label("critical") == 1);
    CHECK(severity_from_label("Page") == 1);
    CHECK(severity_from_label("error") == 2);
    CHECK(severity_from_label("high") == 2);
    CHECK(severity_from_label("warning") == 3);
    CHECK(severity_from_label("low") == 4);
    CHECK(severity_from_label("info") == 5);
    CHECK(severity_from_label("P4") == 4);
    CHECK(severity_from_label("SEV-1") == 1);
    CHECK(severity_from_label("whenever") == 0);
    ImportResult r = import_alertmanager(R"({"version":"4","alerts":[{"labels":{"alertname":"X","severity":"blocker"},
        "startsAt":"2026-03-10T05:00:00Z","status":"firing"}]})");
    REQUIRE(r.ok);
    CHECK(r.doc.severity == 0);
    CHECK(has_problem(r.problems, "/severity", "\"blocker\" is not one Hindsight knows"));
}

// ---- Grafana ----------------------------------------------------------------------------------------------------

TEST_CASE("Grafana alerting webhooks build one timeline, offsets and values kept", "[import][grafana]") {
    seed_ids(311);
    ImportResult r = import_grafana(fixture("grafana/firing_then_resolved.jsonl"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    CHECK(types_of(d) == std::vector<std::string>{"detected", "detected", "resolved", "resolved"});
    CHECK(format_utc(d.timeline[0].time) == "2026-03-10T05:12:30Z");
    CHECK(d.timeline[0].time.offset_min == 9 * 60);  // written in JST, shown in JST
    CHECK(d.timeline[0].author == "Grafana");
    CHECK(d.timeline[0].description == "Checkout p99 latency: 決済ページのp99レイテンシが2秒を超えました ⏱️");
    CHECK(format_utc(d.timeline[3].time) == "2026-03-10T05:41:00Z");
    // The detected event keeps the values the alert fired with; the resolved payloads carry none.
    CHECK(d.timeline[0].extra.at("x_alert").at("values").at("A") == Approx(2.84));
    CHECK_FALSE(d.timeline[3].extra.at("x_alert").contains("values"));
    CHECK(d.timeline[1].extra.at("x_alert").at("labels").at("region") == "ap-southeast-1");
    CHECK(d.title == "Checkout p99 latency");
    CHECK(d.severity == 1);
    REQUIRE(d.links.size() == 4);
    CHECK(d.links[0].url == "https://grafana.example.jp/");
    CHECK(d.links[2].title == "Dashboard: Checkout p99 latency");
    CHECK_FALSE(has_problem(r.problems, "/version", ""));
    check_common(d);
    check_golden("grafana_firing_then_resolved", d);
}

TEST_CASE("Grafana 9 payload: valueString, empty dashboard links, no severity", "[import][grafana]") {
    seed_ids(312);
    ImportResult r = import_grafana(fixture("grafana/single_firing_v9.json"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    CHECK(types_of(d) == std::vector<std::string>{"detected"});
    CHECK(d.timeline[0].time.offset_min == 60);
    CHECK(d.timeline[0].extra.at("x_alert").at("valueString") == "[ metric='' labels={} value=97.2 ]");
    CHECK(d.timeline[0].extra.at("x_alert").at("annotations").at("description") ==
          "Η χρήση δίσκου στο ceph-osd-3 είναι 97%");
    CHECK(d.severity == 0);
    CHECK(d.links.size() == 2);  // Grafana itself and the rule; the empty dashboard and panel URLs are not links
    check_common(d);
    check_golden("grafana_single_firing_v9", d);
}

TEST_CASE("Grafana: bad input, and a payload read by the other importer is flagged", "[import][grafana]") {
    ImportResult r = import_grafana(fixture("grafana/bad_no_alerts.json"));
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.problems.at(0).message, Catch::Contains("Grafana webhook payload (version 1)"));
    r = import_grafana(fixture("grafana/bad_starts_at_number.json"));
    CHECK_FALSE(r.ok);
    CHECK(r.problems.at(0).pointer == "/alerts/1/startsAt");
    r = import_alertmanager(fixture("grafana/single_firing_v9.json"));
    REQUIRE(r.ok);
    CHECK(has_problem(r.problems, "/version", "reads Alertmanager version 4"));
}
