// Importers: PagerDuty, Opsgenie, Slack and CSV fixtures in tests/data/import, canonical output compared with
// tests/golden/import. Regenerate goldens (then read them!) with: HS_UPDATE_GOLDEN=1 ./hs_unit_tests "[import]"
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/format.h"
#include "core/importers/importers.h"
#include "core/metrics.h"
#include "import_support.h"

using namespace hs;
using namespace hs::import_test;
namespace fs = std::filesystem;

namespace {

// All files of a folder, keyed by path relative to it with '/' separators, as the Slack folder importer takes them.
std::map<std::string, std::string> read_folder(const std::string& rel) {
    std::map<std::string, std::string> files;
    fs::path root = data_path(rel);
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file()) continue;
        files[fs::relative(e.path(), root).generic_string()] = read_text(e.path().string());
    }
    return files;
}

}  // namespace

// ---- PagerDuty ------------------------------------------------------------------------------------------------

TEST_CASE("PagerDuty log entries become a typed timeline", "[import][pagerduty]") {
    seed_ids(101);
    ImportResult r = import_pagerduty(fixture("pagerduty/incident_log_entries.json"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    CHECK(d.title == "Checkout API 5xx errors after database failover");
    CHECK(d.incident_id == "Q1CK7X4RPLW9D2");
    CHECK(d.severity == 2);  // priority P2
    CHECK(d.services == std::vector<std::string>{"Checkout API"});
    REQUIRE(d.timeline.size() == 9);
    CHECK(types_of(d) == std::vector<std::string>{"detected", "communication", "acknowledged", "note", "escalated",
                                                  "action", "note", "note", "resolved"});
    CHECK(format_utc(d.timeline[0].time) == "2026-03-01T13:02:10Z");
    CHECK(d.timeline[0].author == "Datadog");
    CHECK(d.timeline[0].description == "[Datadog] checkout-api 5xx rate above 5% for 5 minutes");  // alert text
    CHECK(d.timeline[1].author == "PagerDuty");  // notify entry without an agent
    CHECK(d.timeline[2].author == "SRE On-call");
    CHECK(d.timeline[3].description.rfind("Primary DB failed over to the replica at 12:58", 0) == 0);  // annotate
    // Escalate and assign share a second: source order is kept.
    CHECK(d.timeline[4].description.find("Escalated") == 0);
    CHECK(d.timeline[5].description == "Assigned to DB On-call.");
    CHECK(d.timeline[6].description == "Acknowledged by DB On-call.");  // second acknowledge: a note
    CHECK(d.timeline[8].author == "DB On-call");
    CHECK(format_utc(d.timeline[8].time) == "2026-03-01T13:47:20Z");
    CHECK(d.timeline[0].time.offset_min == 0);
    // No impact_start is invented: PagerDuty does not say when impact started, and the import says so.
    CHECK(has_problem(r.problems, "/timeline", "impact_start"));
    for (const auto& e : d.timeline) CHECK(e.type != "impact_start");
    check_common(d);
    check_golden("pagerduty_incident", d);
}

TEST_CASE("PagerDuty bare array: newest first, offsets, urgency, unknown types", "[import][pagerduty]") {
    seed_ids(102);
    ImportResult r = import_pagerduty(fixture("pagerduty/bare_array_newest_first.json"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    CHECK(d.title == "Search index lag above 10 minutes");  // "[#977] " prefix dropped
    CHECK(d.incident_id == "Q0SRCH977IDX");
    CHECK(d.severity == 4);  // no priority: low urgency -> 4, with a warning
    CHECK(has_problem(r.problems, "/severity", "low urgency"));
    REQUIRE(d.timeline.size() == 5);
    // Sorted by time; the earliest trigger is the detection, the repeat trigger a note.
    CHECK(types_of(d) == std::vector<std::string>{"detected", "acknowledged", "note", "note", "resolved"});
    CHECK(format_utc(d.timeline[0].time) == "2026-02-14T07:51:00Z");
    CHECK(d.timeline[0].time.offset_min == 60);
    CHECK(d.timeline[0].description == "IndexLagHigh: lag 11m");
    CHECK(d.timeline[2].description == "IndexLagHigh: lag 14m (repeat)");
    CHECK(d.timeline[3].description == "Webhook delivered to ops-bot.");
    CHECK(d.timeline[3].author == "PagerDuty");
    CHECK(has_problem(r.problems, "/1/type", "Unknown log entry type \"webhook_delivery_log_entry\"; imported as a note."));
    CHECK(d.timeline[4].author == "Prometheus Alertmanager");
    check_common(d);
    check_golden("pagerduty_bare_array", d);
}

TEST_CASE("PagerDuty malformed input is refused with the element named", "[import][pagerduty]") {
    struct Case {
        const char* file;
        const char* pointer;
        const char* text;
    };
    const Case cases[] = {
        {"pagerduty/bad_created_at.json", "/log_entries/3/created_at", "\"yesterday 3pm\" is not ISO 8601"},
        {"pagerduty/bad_entry_type.json", "/log_entries/1/type", "The log entry type is missing or not a string"},
        {"pagerduty/bad_entry_not_object.json", "/log_entries/2", "Expected a log entry object."},
        {"pagerduty/bad_truncated.json", "", "not valid JSON"},
        {"pagerduty/bad_no_log_entries.json", "", "no \"log_entries\""},
        {"pagerduty/bad_log_entries_not_array.json", "/log_entries", "Expected an array of log entries."},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        ImportResult r = import_pagerduty(fixture(c.file));
        CHECK_FALSE(r.ok);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].pointer == c.pointer);
        CHECK_THAT(r.problems[0].message, Catch::Contains(c.text));
    }
    CHECK_FALSE(import_pagerduty("[]").ok);
    CHECK_FALSE(import_pagerduty("42").ok);
    CHECK_FALSE(import_pagerduty("").ok);
    CHECK(import_pagerduty("[{\"type\":\"trigger_log_entry\"}]").problems[0].pointer == "/0/created_at");
}

TEST_CASE("Importers refuse inputs larger than 64 MiB", "[import]") {
    std::string big(kMaxImportBytes + 1, ' ');
    for (auto* f : {&import_pagerduty, &import_opsgenie, &import_csv}) {
        ImportResult r = (*f)(big);
        CHECK_FALSE(r.ok);
        REQUIRE_FALSE(r.problems.empty());
        CHECK_THAT(r.problems[0].message, Catch::Contains("64 MiB"));
    }
    CHECK_FALSE(import_slack(big).ok);
    CHECK_FALSE(import_slack_export({{"c/2026-03-01.json", big}}).ok);
}

// ---- Opsgenie -------------------------------------------------------------------------------------------------

TEST_CASE("Opsgenie incident timeline becomes a typed timeline", "[import][opsgenie]") {
    seed_ids(201);
    ImportResult r = import_opsgenie(fixture("opsgenie/incident_timeline.json"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    REQUIRE(d.timeline.size() == 9);  // 10 entries, one hidden
    CHECK(types_of(d) == std::vector<std::string>{"detected", "escalated", "acknowledged", "note", "communication",
                                                  "escalated", "note", "resolved", "note"});
    CHECK(format_utc(d.timeline[0].time) == "2026-03-05T21:14:07.512Z");
    CHECK(d.timeline[0].author == "Datadog");
    CHECK(d.timeline[0].description == "Login API p99 latency above 2 s in us-east-1");
    CHECK(d.timeline[1].author == "Opsgenie");
    CHECK(d.timeline[4].author == "Incident Commander");
    CHECK(d.timeline[8].description == "Incident closed");  // no description: the title
    CHECK(has_problem(r.problems, "/data/entries/2", "Hidden entry \"AlertNotificationSent\" skipped."));
    CHECK(has_problem(r.problems, "/data/entries/7/type", "Unknown timeline entry type \"ServiceImpactUpdated\"; imported as a note."));
    CHECK(has_problem(r.problems, "/title", "write a title"));
    CHECK(d.title.empty());
    CHECK(d.severity == 0);
    check_common(d);
    check_golden("opsgenie_timeline", d);
}

TEST_CASE("Opsgenie timeline with its incident: title, priority, impact window, offsets", "[import][opsgenie]") {
    seed_ids(202);
    ImportResult r = import_opsgenie(fixture("opsgenie/with_incident.json"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    CHECK(d.title == "Payment webhooks delayed for Indian merchants");
    CHECK(d.incident_id == "112");
    CHECK(d.severity == 1);
    REQUIRE(d.timeline.size() == 5);
    CHECK(types_of(d) == std::vector<std::string>{"impact_start", "detected", "acknowledged", "mitigated", "resolved"});
    CHECK(format_utc(d.timeline[0].time) == "2026-01-20T05:10:00Z");
    CHECK(d.timeline[0].time.offset_min == 330);
    CHECK(d.timeline[2].author == "Payments On-call");
    CHECK(d.timeline[2].description == "Acknowledge");  // no text: the type, made readable
    CHECK(d.timeline[4].description == "Queue drained; consumers scaled back to 6.");
    CHECK_FALSE(has_problem(r.problems, "/timeline", "impact_start"));
    Metrics m = compute_metrics(d);
    CHECK(m.time_to_detect_s == 731);
    CHECK(m.time_to_acknowledge_s == 169);  // IncidentCreated 10:52:11 -> Acknowledge 10:55:00
    CHECK(m.impact_duration_s == 75 * 60);
    CHECK(m.time_to_resolve_s == 90 * 60);
    check_common(d);
    check_golden("opsgenie_with_incident", d);
}

TEST_CASE("Opsgenie accepts a plain array of entries", "[import][opsgenie]") {
    ImportResult r = import_opsgenie(
        R"([{"type":"Resolve","eventTime":"2026-03-05T22:00:00Z","actor":{"name":"Identity On-call"}},
            {"type":"IncidentCreated","eventTime":"2026-03-05T21:00:00Z","description":"Latency"}])");
    REQUIRE(r.ok);
    CHECK(types_of(r.doc) == std::vector<std::string>{"detected", "resolved"});
    CHECK(r.doc.timeline[0].description == "Latency");
    CHECK(r.doc.timeline[1].description == "Resolve");
    r = import_opsgenie(R"([{"type":"IncidentPriorityUpdated","eventTime":"2026-03-05T21:00:00Z"}])");
    REQUIRE(r.ok);
    CHECK(r.doc.timeline[0].description == "Incident priority updated");
}

TEST_CASE("Opsgenie malformed input is refused with the element named", "[import][opsgenie]") {
    struct Case {
        const char* file;
        const char* pointer;
        const char* text;
    };
    const Case cases[] = {
        {"opsgenie/bad_event_time.json", "/data/entries/2/eventTime", "\"2026-13-05T21:14:09Z\" is not ISO 8601"},
        {"opsgenie/bad_missing_event_time.json", "/data/entries/4/eventTime", "The time is missing"},
        {"opsgenie/bad_entry_not_object.json", "/data/entries/1", "Expected a timeline entry object."},
        {"opsgenie/bad_data_not_object.json", "/data", "Expected an object with \"entries\"."},
        {"opsgenie/bad_not_json.json", "", "not valid JSON"},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        ImportResult r = import_opsgenie(fixture(c.file));
        CHECK_FALSE(r.ok);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].pointer == c.pointer);
        CHECK_THAT(r.problems[0].message, Catch::Contains(c.text));
    }
    CHECK_FALSE(import_opsgenie(R"({"entries": []})").ok);
    CHECK(import_opsgenie(R"({"entries": [{"eventTime": "2026-03-05T21:00:00Z"}]})").problems[0].pointer ==
          "/entries/0/type");
}

// ---- Slack ----------------------------------------------------------------------------------------------------

TEST_CASE("Slack day file with users.json: communication events, names and mentions resolved", "[import][slack]") {
    seed_ids(301);
    ImportResult r = import_slack(fixture("slack/day_2026-03-01.json"), fixture("slack/users.json"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    REQUIRE(d.timeline.size() == 7);  // 10 messages, 3 joins/leaves skipped
    for (const auto& e : d.timeline) CHECK(e.type == "communication");
    CHECK(has_problem(r.problems, "", "Skipped 3 join/leave messages."));
    // The bot message is the earliest, although it is third in the file.
    CHECK(d.timeline[0].author == "Datadog");
    CHECK(format_utc(d.timeline[0].time) == "2026-03-01T13:02:10Z");
    CHECK(d.timeline[0].description ==
          "[Triggered] checkout-api 5xx rate above 5% monitor 42 (https://app.example.com/monitors/42)");
    CHECK(d.timeline[1].author == "sre.oncall");  // display name first
    CHECK(format_utc(d.timeline[1].time) == "2026-03-01T13:04:30Z");  // ".000200": below a millisecond
    CHECK(d.timeline[1].description ==
          "Declaring an incident: checkout 5xx at 6%. @DB On-call can you look at the DB side?");
    CHECK(d.timeline[2].author == "DB On-call");  // empty display name: real name
    CHECK(d.timeline[2].description ==
          "Primary failed over at 12:58 & the pool still targets the old host <db-1>. cc @comms-lead @here");
    CHECK(d.timeline[3].author == "comms-lead");  // no real or display name: handle
    CHECK(d.timeline[3].description == "Status page posted: Checkout degraded "
                                       "(https://status.example.com/incidents/4821) see #inc-4821-checkout");
    CHECK(d.timeline[4].description == "Shared a file: 5xx rate during failover");
    CHECK(d.timeline[5].description ==
          "Restarted checkout-api pods with the new endpoint; 5xx back under 0.5% :tada: db-team@example.com notified");
    CHECK(d.timeline[6].author == "U09GUEST");  // not in users.json: the id, with a warning
    CHECK(has_problem(r.problems, "", "The user U09GUEST is not in users.json"));
    check_common(d);
    check_golden("slack_day", d);
}

TEST_CASE("Slack day file without users.json falls back to ids", "[import][slack]") {
    ImportResult r = import_slack(fixture("slack/day_2026-03-01.json"));
    REQUIRE(r.ok);
    REQUIRE(r.doc.timeline.size() == 7);
    CHECK(r.doc.timeline[0].author == "Datadog");  // bot username needs no users.json
    CHECK(r.doc.timeline[1].author == "U01ONCALL");
    CHECK(r.doc.timeline[1].description.find("@U02DBONCALL can you") != std::string::npos);
    CHECK(has_problem(r.problems, "", "The user U02DBONCALL is not in users.json"));
}

TEST_CASE("Slack mention and link forms", "[import][slack]") {
    const std::string users = R"([{"id":"U1","name":"dba","profile":{"display_name":"DBA"}}])";
    auto one = [&](const std::string& text) {
        Json day = Json::array({{{"type", "message"}, {"ts", "1772370000.000100"}, {"user", "U1"}, {"text", text}}});
        ImportResult r = import_slack(day.dump(), users);
        REQUIRE(r.ok);
        REQUIRE(r.doc.timeline.size() == 1);
        return r.doc.timeline[0].description;
    };
    CHECK(one("hi <@U1>") == "hi @DBA");
    CHECK(one("hi <@U1|dba>") == "hi @DBA");
    CHECK(one("hi <@U7|zed>") == "hi @zed");
    CHECK(one("<!channel> and <!subteam^S1|@oncall>") == "@channel and @oncall");
    CHECK(one("<https://x.example/a?b=1&amp;c=2>") == "https://x.example/a?b=1&c=2");
    CHECK(one("<https://x.example|https://x.example>") == "https://x.example");
    CHECK(one("a &lt;b&gt; &amp;lt; c") == "a <b> &lt; c");
    CHECK(one("unclosed <@U1 here") == "unclosed <@U1 here");
    CHECK(one("<#C1>") == "#C1");
}

TEST_CASE("Slack folder export merges day files of all channels in time order", "[import][slack]") {
    seed_ids(302);
    auto files = read_folder("slack/export");
    REQUIRE(files.count("users.json") == 1);
    ImportResult r = import_slack_export(files);
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    REQUIRE(d.timeline.size() == 7);
    CHECK(d.timeline[0].description == "Heads up: DB maintenance failover finished at 12:58.");
    CHECK(d.timeline[0].tags == std::vector<std::string>{"sre-oncall"});
    CHECK(d.timeline[1].tags == std::vector<std::string>{"inc-4821-checkout"});
    CHECK(d.timeline[5].description == "Morning: no 5xx since the restart.");  // 08:15 before 09:00, same day file
    CHECK(d.timeline[6].description == "Postmortem draft is up; @DB On-call please add the DB timeline.");
    CHECK(d.timeline[6].author == "sre.oncall");
    CHECK(has_problem(r.problems, "", "Skipped 3 join/leave messages."));
    check_common(d);
    check_golden("slack_export", d);

    // The same export inside a top folder (as unzipped) gives the same timeline.
    std::map<std::string, std::string> nested;
    for (const auto& kv : files) nested["slack-export/" + kv.first] = kv.second;
    ImportResult r2 = import_slack_export(nested);
    REQUIRE(r2.ok);
    REQUIRE(r2.doc.timeline.size() == 7);
    CHECK(r2.doc.timeline[6].author == "sre.oncall");
}

TEST_CASE("Slack malformed input is refused with the element named", "[import][slack]") {
    const std::string users = fixture("slack/users.json");
    ImportResult r = import_slack(fixture("slack/bad_ts.json"), users);
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/2/ts");
    CHECK_THAT(r.problems[0].message, Catch::Contains("\"yesterday\" is not a Slack timestamp"));

    r = import_slack(fixture("slack/bad_missing_ts.json"), users);
    CHECK_FALSE(r.ok);
    CHECK(r.problems[0].pointer == "/4/ts");

    r = import_slack(fixture("slack/bad_not_array.json"), users);
    CHECK_FALSE(r.ok);
    CHECK(r.problems[0].pointer.empty());
    CHECK_THAT(r.problems[0].message, Catch::StartsWith("Expected an array of messages"));

    r = import_slack(fixture("slack/bad_day_truncated.json"), users);
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.problems[0].message, Catch::StartsWith("Not valid JSON"));

    r = import_slack(fixture("slack/day_2026-03-01.json"), fixture("slack/bad_users.json"));
    CHECK_FALSE(r.ok);
    CHECK(r.problems[0].pointer == "users.json");
    CHECK_THAT(r.problems[0].message, Catch::StartsWith("Expected an array of users"));

    // In a folder export the error names the day file.
    auto files = read_folder("slack/export");
    files["inc-4821-checkout/2026-03-03.json"] = fixture("slack/bad_ts.json");
    r = import_slack_export(files);
    CHECK_FALSE(r.ok);
    CHECK(r.problems[0].pointer == "inc-4821-checkout/2026-03-03.json#/2/ts");
    CHECK_THAT(r.problems[0].message, Catch::StartsWith("\"yesterday\" is not a Slack timestamp"));

    r = import_slack_export({{"users.json", users}, {"notes.txt", "hello"}});
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.problems[0].message, Catch::Contains("no day files"));

    CHECK_FALSE(import_slack("[]").ok);  // nothing to import
    CHECK_FALSE(import_slack(R"([{"type":"message","ts":"-5","text":"x"}])").ok);
    CHECK_FALSE(import_slack(R"([{"type":"message","ts":"1772370000.","text":"x"}])").ok);
    CHECK_FALSE(import_slack(R"([{"type":"message","ts":"99999999999999","text":"x"}])").ok);
}

// ---- CSV ------------------------------------------------------------------------------------------------------

TEST_CASE("CSV timeline with BOM, CRLF, quoting and mixed offsets", "[import][csv]") {
    seed_ids(401);
    ImportResult r = import_csv(fixture("csv/timeline.csv"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    REQUIRE(d.timeline.size() == 9);
    CHECK(types_of(d) == std::vector<std::string>{"impact_start", "detected", "acknowledged", "note", "escalated",
                                                  "mitigated", "note", "resolved", "communication"});
    CHECK(d.timeline[0].description == "Primary DB failed over; checkout requests start failing");
    CHECK(d.timeline[0].author.empty());
    CHECK(d.timeline[0].tags == std::vector<std::string>{"db", "failover"});
    CHECK(format_utc(d.timeline[1].time) == "2026-03-01T13:02:10Z");  // written as 14:02:10+01:00
    CHECK(d.timeline[1].time.offset_min == 60);
    CHECK(d.timeline[1].description == "Alert: \"checkout-api 5xx rate\" above 5%, paging on-call");
    CHECK(d.timeline[3].description == "Pool config checked:\nhost=db-1 (old primary)\nport=5432");
    CHECK(d.timeline[3].tags == std::vector<std::string>{"db", "config"});
    CHECK(d.timeline[5].description == "Restarted checkout-api pods, pointing at db-2");
    CHECK(d.timeline[6].description == "Paused the deploy pipeline, just in case");
    CHECK(has_problem(r.problems, "", "line 10: unknown type \"rollback\"; imported as a note"));
    CHECK(d.timeline[8].description == "Status page: \"Resolved\" posted");
    CHECK(d.timeline[8].author == "Comms Lead");
    CHECK(d.timeline[8].tags == std::vector<std::string>{"status", "comms"});
    Metrics m = compute_metrics(d);
    CHECK(m.time_to_detect_s == 250);
    CHECK(m.time_to_mitigate_s == 33 * 60 + 45);
    CHECK(m.impact_duration_s == 33 * 60 + 45);
    check_common(d);
    check_golden("csv_timeline", d);
}

TEST_CASE("CSV columns in any order and case; times without offset read as UTC", "[import][csv]") {
    seed_ids(402);
    ImportResult r = import_csv(fixture("csv/reordered_no_offset.csv"));
    INFO(dump_problems(r.problems));
    REQUIRE(r.ok);
    const Document& d = r.doc;
    REQUIRE(d.timeline.size() == 3);  // the blank line is skipped
    CHECK(types_of(d) == std::vector<std::string>{"note", "note", "note"});
    CHECK(format_utc(d.timeline[0].time) == "2026-01-20T05:10:00Z");
    CHECK(d.timeline[0].author == "Payments Support");
    CHECK(d.timeline[1].description == "Scaled consumers from 2 to 6, queue draining");
    CHECK(d.timeline[2].description == "Queue empty");  // last line without a newline
    // One warning for the times without an offset, naming the first such line.
    int offset_warnings = 0;
    for (const auto& p : r.problems) offset_warnings += p.message.find("has no UTC offset") != std::string::npos;
    CHECK(offset_warnings == 1);
    CHECK(has_problem(r.problems, "", "line 2: the time \"2026-01-20 05:10\" has no UTC offset"));
    check_common(d);
    check_golden("csv_reordered", d);
}

TEST_CASE("CSV quoting edge cases (RFC 4180)", "[import][csv]") {
    auto rows = [](const std::string& text) {
        ImportResult r = import_csv(text);
        INFO(dump_problems(r.problems));
        REQUIRE(r.ok);
        return r.doc.timeline;
    };
    // A field that is only an escaped quote, an empty quoted field, and a quoted last field without a newline.
    auto t = rows("time,description,author\n2026-03-01T10:00:00Z,\"\"\"\"\"\",\"\"\n2026-03-01T10:01:00Z,x,\"a,b\"");
    REQUIRE(t.size() == 2);
    CHECK(t[0].description == "\"\"");
    CHECK(t[0].author.empty());
    CHECK(t[1].author == "a,b");
    // Old Mac line ends (CR only) and a CR LF inside quotes, stored as LF.
    t = rows("time,description\r2026-03-01T10:00:00Z,\"one\r\ntwo\"\r2026-03-01T10:01:00Z,three\r");
    REQUIRE(t.size() == 2);
    CHECK(t[0].description == "one\ntwo");
    CHECK(t[1].description == "three");
    // A stray quote inside an unquoted field is kept as text, like spreadsheets do.
    t = rows("time,description\n2026-03-01T10:00:00Z,5\" disk\n");
    CHECK(t[0].description == "5\" disk");
    // Surrounding spaces are trimmed; type names fold case, spaces and hyphens.
    t = rows("Time , Type,Description\n 2026-03-01T10:00:00Z , Impact-Start ,  padded  \n");
    CHECK(t[0].type == "impact_start");
    CHECK(t[0].description == "padded");
    // Equal times keep the file order.
    t = rows("time,description\n2026-03-01T10:00:00Z,b\n2026-03-01T09:00:00Z,a\n2026-03-01T10:00:00Z,c\n");
    CHECK(t[0].description == "a");
    CHECK(t[1].description == "b");
    CHECK(t[2].description == "c");
    // Unknown columns are ignored with a warning.
    ImportResult r = import_csv("time,description,severity\n2026-03-01T10:00:00Z,x,high\n");
    REQUIRE(r.ok);
    CHECK(has_problem(r.problems, "", "line 1: the column \"severity\" is not known"));
}

TEST_CASE("CSV malformed input is refused with the line named", "[import][csv]") {
    struct Case {
        const char* file;
        const char* message;  // exact
    };
    const Case cases[] = {
        {"csv/bad_time.csv", "line 7: the time \"yesterday 3pm\" is not ISO 8601 (write 2026-03-01T14:02:00Z)."},
        {"csv/bad_unclosed_quote.csv", "line 3: a quoted field starts here but its closing quote (\") is missing."},
        {"csv/bad_header.csv", "line 1: the header must name a \"time\" and a \"description\" column, e.g. "
                               "time,type,description,author,tags."},
        {"csv/bad_field_count.csv", "line 3: 5 fields, but the header has 4 columns (put fields that contain commas "
                                    "in double quotes)."},
        {"csv/bad_empty_description.csv", "line 3: the description is empty; say what happened."},
        {"csv/bad_text_after_quote.csv", "line 2: unexpected text after a closing quote; inside a quoted field write "
                                         "a quote as \"\"."},
        {"csv/bad_header_only.csv", "line 2: the file has a header but no rows; there is nothing to import."},
        {"csv/bad_empty.csv", "line 1: the file is empty; the first line must be a header such as "
                              "time,type,description,author,tags."},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        ImportResult r = import_csv(fixture(c.file));
        CHECK_FALSE(r.ok);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].message == c.message);
    }
    ImportResult dup = import_csv("time,description,TIME\n2026-03-01T10:00:00Z,x,y\n");
    CHECK_FALSE(dup.ok);
    CHECK_THAT(dup.problems[0].message, Catch::Contains("appears twice"));
}

TEST_CASE("CSV row limit: 100,000 rows", "[import][csv]") {
    std::string text = "time,description\n";
    for (size_t i = 0; i < kMaxCsvRows; ++i) text += "2026-03-01T10:00:00Z,row\n";
    ImportResult ok = import_csv(text);
    REQUIRE(ok.ok);
    CHECK(ok.doc.timeline.size() == kMaxCsvRows);
    text += "2026-03-01T10:00:00Z,one too many\n";
    ImportResult over = import_csv(text);
    CHECK_FALSE(over.ok);
    REQUIRE(over.problems.size() == 1);
    CHECK(over.problems[0].message == "line 100002: more than 100000 rows; split the file.");
}

TEST_CASE("CSV with millions of header columns is refused at once, and many unknown columns make one warning",
          "[import][csv]") {
    // A 31 MB line of commas once took 18 s and 3.3 GB natively and aborted the wasm runtime.
    std::string bomb = "time,description";
    bomb.reserve(8u << 20);
    while (bomb.size() < (8u << 20)) bomb += ",c";
    bomb += "\n2026-03-01T10:00:00Z,row\n";
    ImportResult r = import_csv(bomb);
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("line 1: more than 64 columns") == 0);
    // 40 unknown columns: imported, one warning naming five of them.
    std::string wide = "time,description";
    for (int i = 0; i < 40; ++i) wide += ",extra" + std::to_string(i);
    wide += "\n2026-03-01T10:00:00Z,row" + std::string(40, ',') + "\n";
    ImportResult w = import_csv(wide);
    REQUIRE(w.ok);
    int column_warnings = 0;
    for (const Problem& p : w.problems)
        if (p.message.find("not known") != std::string::npos) {
            ++column_warnings;
            CHECK(p.message.find("\"extra0\", \"extra1\", \"extra2\", \"extra3\", \"extra4\" and 35 more") !=
                  std::string::npos);
        }
    CHECK(column_warnings == 1);
    // Unknown types: at most ten warnings and a count of the rest.
    std::string types = "time,type,description\n";
    for (int i = 0; i < 500; ++i) types += "2026-03-01T10:00:00Z,weird" + std::to_string(i) + ",row\n";
    ImportResult t = import_csv(types);
    REQUIRE(t.ok);
    CHECK(t.problems.size() <= 12);
    bool counted = false;
    for (const Problem& p : t.problems) counted = counted || p.message == "and 490 more rows with an unknown type, imported as notes.";
    CHECK(counted);
}

// ---- regressions found by fuzzing -------------------------------------------------------------------------------

TEST_CASE("Fuzz regressions: importers return without crashing", "[import]") {
    fs::path dir = data_path("regress");
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        const std::string text = read_text(e.path().string());
        // Every importer must answer (ok or not) without throwing or crashing on every regression input.
        for (auto* f : {&import_pagerduty, &import_opsgenie, &import_csv, &import_alertmanager, &import_grafana}) {
            ImportResult r = (*f)(text);
            CHECK((r.ok || !r.problems.empty()));
        }
        ImportResult sp = import_statuspage(text);
        CHECK((sp.ok || !sp.problems.empty()));
        ImportResult s = import_slack(text, text);
        CHECK((s.ok || !s.problems.empty()));
        ++n;
    }
    CHECK(n >= 1);
}
