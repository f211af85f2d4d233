// Paste to add: a table of real-world line formats, the lines that must be rejected (with the exact reason), chat
// headers, midnight roll-over, date headers and limits.
#include <catch2/catch.hpp>

#include <random>

#include "core/paste.h"

using namespace hs;

namespace {

PasteContext ctx(int offset_min = 60) {
    PasteContext c;
    c.date = "2026-03-01";
    c.offset_min = offset_min;
    return c;
}

std::string utc(const Event& e) { return format_utc(e.time); }

}  // namespace

TEST_CASE("Paste: a table of real-world lines", "[paste]") {
    struct Good {
        const char* line;
        const char* utc;
        int offset;
        const char* type;
        const char* author;
        const char* description;
    };
    // Context: incident date 2026-03-01, document offset +01:00.
    const Good table[] = {
        {"14:02 Deploy of config v42 started", "2026-03-01T13:02:00Z", 60, "action", "",
         "Deploy of config v42 started"},
        {"14:02:33 PagerDuty alert fired for checkout 5xx", "2026-03-01T13:02:33Z", 60, "detected", "",
         "PagerDuty alert fired for checkout 5xx"},
        {"2:02 PM Rolled back config v42", "2026-03-01T13:02:00Z", 60, "action", "", "Rolled back config v42"},
        {"2:02pm restart of the api pods", "2026-03-01T13:02:00Z", 60, "action", "", "restart of the api pods"},
        {"2pm Standup about the incident", "2026-03-01T13:00:00Z", 60, "note", "", "Standup about the incident"},
        {"12:15 AM Night shift noticed nothing", "2026-02-28T23:15:00Z", 60, "note", "", "Night shift noticed nothing"},
        {"2:02 p.m. Posted status page update", "2026-03-01T13:02:00Z", 60, "communication", "",
         "Posted status page update"},
        {"[14:02] oncall-primary: ack, looking", "2026-03-01T13:02:00Z", 60, "acknowledged", "oncall-primary",
         "ack, looking"},
        {"2026-03-01T14:02Z Error rate back to normal", "2026-03-01T14:02:00Z", 0, "mitigated", "",
         "Error rate back to normal"},
        {"2026-03-01 14:02:05 +0100 Incident resolved", "2026-03-01T13:02:05Z", 60, "resolved", "",
         "Incident resolved"},
        {"2026-03-01T14:02:00.250+05:30 Note from the SRE on-call", "2026-03-01T08:32:00.250Z", 330, "note", "",
         "Note from the SRE on-call"},
        {"Mar 1 14:02 Posted status page update", "2026-03-01T13:02:00Z", 60, "communication", "",
         "Posted status page update"},
        {"1 Mar 2026 14:02 Scaled checkout to 40 pods", "2026-03-01T13:02:00Z", 60, "action", "",
         "Scaled checkout to 40 pods"},
        {"March 1st, 2026 at 2:02 PM Mitigated by failover", "2026-03-01T13:02:00Z", 60, "mitigated", "",
         "Mitigated by failover"},
        {"Sun, 1 Mar 2026 14:02:05 +0000 Customer update sent", "2026-03-01T14:02:05Z", 0, "communication", "",
         "Customer update sent"},
        {"14h02 Redémarrage du service", "2026-03-01T13:02:00Z", 60, "note", "", "Redémarrage du service"},
        {"- 14:02 - db-oncall: restarted the pods", "2026-03-01T13:02:00Z", 60, "action", "db-oncall",
         "restarted the pods"},
        {"* 14:02: Escalated to the database team", "2026-03-01T13:02:00Z", 60, "escalated", "",
         "Escalated to the database team"},
        {"[2026-03-02 09:15:00] <oncall-secondary> all clear", "2026-03-02T08:15:00Z", 60, "resolved",
         "oncall-secondary", "all clear"},
        {"14:02 [oncall-bot] Alert triggered: HighErrorRate", "2026-03-01T13:02:00Z", 60, "detected", "oncall-bot",
         "Alert triggered: HighErrorRate"},
        {"14:02 UTC Paged the on-call", "2026-03-01T14:02:00Z", 0, "detected", "", "Paged the on-call"},
        {"14:02 UTC+2 Paged the on-call", "2026-03-01T12:02:00Z", 120, "detected", "", "Paged the on-call"},
        {"14:02 EST deployed hotfix", "2026-03-01T19:02:00Z", -300, "action", "", "deployed hotfix"},
        {"14:02 -0500 deployed hotfix", "2026-03-01T19:02:00Z", -300, "action", "", "deployed hotfix"},
        {"03/13/2026 14:02 Failover to eu-west-2", "2026-03-13T13:02:00Z", 60, "action", "", "Failover to eu-west-2"},
        {"13/03/2026 14:02 Failover to eu-west-2", "2026-03-13T13:02:00Z", 60, "action", "", "Failover to eu-west-2"},
        {"03/03/2026 14:02 Restarted workers", "2026-03-03T13:02:00Z", 60, "action", "", "Restarted workers"},
        {"01.03.2026 14:02 Restarted workers", "2026-03-01T13:02:00Z", 60, "action", "", "Restarted workers"},
        {"| 14:02 | Escalated to database team |", "2026-03-01T13:02:00Z", 60, "escalated", "",
         "Escalated to database team"},
        {"14:02 \xE2\x80\x94 Impact started for EU users", "2026-03-01T13:02:00Z", 60, "impact_start", "",
         "Impact started for EU users"},
        {"2:02\xE2\x80\xAFPM Deploy finished", "2026-03-01T13:02:00Z", 60, "action", "", "Deploy finished"},
        {"14:02 Note: watching the dashboards", "2026-03-01T13:02:00Z", 60, "note", "",
         "Note: watching the dashboards"},
        {"\t14:02\tstack trace in the logs\r", "2026-03-01T13:02:00Z", 60, "note", "", "stack trace in the logs"},
    };
    for (const Good& g : table) {
        INFO(g.line);
        PasteResult r = parse_paste(g.line, ctx());
        REQUIRE(r.lines.size() == 1);
        const PasteLine& l = r.lines[0];
        INFO(l.error);
        REQUIRE(l.ok());
        CHECK(r.events == 1);
        CHECK(r.errors == 0);
        CHECK(utc(l.event) == g.utc);
        CHECK(l.event.time.offset_min == g.offset);
        CHECK(l.event.type == g.type);
        CHECK(l.event.author == g.author);
        CHECK(l.event.description == g.description);
        CHECK(l.line_no == 1);
        CHECK(l.event.id.rfind("ev-", 0) == 0);
    }
}

TEST_CASE("Paste: bad lines are rejected with the reason", "[paste]") {
    struct Bad {
        const char* line;
        const char* error;
    };
    const Bad table[] = {
        {"Deploy started at some point", "line 1: no time found at the start of the line"},
        {"25:61 Deploy", "line 1: 25:61 is not a time of day"},
        {"14:60:00 Deploy", "line 1: 14:60:00 is not a time of day"},
        {"13:02 PM Deploy", "line 1: 13:02 PM is not a time of day"},
        {"0:30 am Deploy", "line 1: 0:30 am is not a time of day"},
        {"14:02", "line 1: no description after the time"},
        {"14:02   -  ", "line 1: no description after the time"},
        {"[14:02] oncall-primary:", "line 1: no description after the time"},
        {"03/01/2026 14:02 Deploy",
         "line 1: ambiguous date 03/01/2026 (3 January or 1 March?); write it as YYYY-MM-DD"},
        {"2026-02-30 14:02 Deploy", "line 1: 2026-02-30 is not a calendar date"},
        // Found by fuzz_paste: a zero day or month used to index the month names at -1.
        {"1/0 14:02 Deploy", "line 1: 1/0 is not a calendar date"},
        {"0/3/2026 14:02 Deploy", "line 1: 0/3/2026 is not a calendar date"},
        {"Feb 30 14:02 Deploy", "line 1: 2026-02-30 is not a calendar date"},
        {"2026-03-01 Deploy", "line 1: no time found after the date"},
        {"[oncall-primary] 14:02 deploy", "line 1: no time found at the start of the line"},
        {"1402 Deploy", "line 1: no time found at the start of the line"},
        {"v1.2 rolled out", "line 1: no time found at the start of the line"},
    };
    for (const Bad& b : table) {
        INFO(b.line);
        PasteResult r = parse_paste(b.line, ctx());
        REQUIRE(r.lines.size() == 1);
        CHECK_FALSE(r.lines[0].ok());
        CHECK(r.lines[0].error == b.error);
        CHECK(r.errors == 1);
        CHECK(r.events == 0);
    }
    // Without an incident date, a bare time cannot be placed.
    PasteContext none;
    PasteResult r = parse_paste("14:02 Deploy", none);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0].error ==
          "line 1: the time has no date and the document has no date; write it as YYYY-MM-DD HH:MM");
    r = parse_paste("Mar 1 14:02 Deploy", none);
    CHECK(r.lines[0].error == "line 1: the date has no year and the document has no date; write the year");
    // ...but a full date works without one.
    r = parse_paste("2026-03-01T14:02Z Deploy", none);
    CHECK(r.lines[0].ok());
}

TEST_CASE("Paste: line numbers count blank lines; CRLF; good and bad mixed", "[paste]") {
    PasteResult r = parse_paste("\r\n\n14:02 Deploy\r\nfoo bar\n\n14:05 oncall-primary: ack\n", ctx(0));
    REQUIRE(r.lines.size() == 3);
    CHECK(r.lines[0].ok());
    CHECK(r.lines[0].line_no == 3);
    CHECK(r.lines[0].event.description == "Deploy");
    CHECK(r.lines[1].error == "line 4: no time found at the start of the line");
    CHECK(r.lines[1].source == "foo bar");
    CHECK(r.lines[2].line_no == 6);
    CHECK(r.lines[2].event.author == "oncall-primary");
    CHECK(r.events == 2);
    CHECK(r.errors == 1);
    CHECK(r.lines_ignored == 0);
}

TEST_CASE("Paste: Slack copies put the message under 'name  time'", "[paste]") {
    const std::string text =
        "SRE On-call  2:02 PM\n"
        "Deploy of config v42 started\n"
        "DB On-call  2:05 PM\n"
        "seeing 5xx alerts\n"
        "on checkout\n"
        "\n"
        "PagerDuty APP  [2:06 PM]\n"
        "Alert fired: HighErrorRate\n"
        "2:07 PM\n"
        "Rolled back config v42\n";
    PasteResult r = parse_paste(text, ctx(-300));
    REQUIRE(r.lines.size() == 4);
    for (const auto& l : r.lines) REQUIRE(l.ok());
    CHECK(r.lines[0].event.author == "SRE On-call");
    CHECK(r.lines[0].event.description == "Deploy of config v42 started");
    CHECK(r.lines[0].event.type == "action");
    CHECK(utc(r.lines[0].event) == "2026-03-01T19:02:00Z");
    CHECK(r.lines[0].line_count == 2);
    CHECK(r.lines[1].event.author == "DB On-call");
    CHECK(r.lines[1].event.description == "seeing 5xx alerts on checkout");
    CHECK(r.lines[1].event.type == "detected");
    CHECK(r.lines[1].line_no == 3);
    CHECK(r.lines[1].line_count == 3);
    CHECK(r.lines[1].source == "DB On-call  2:05 PM\nseeing 5xx alerts\non checkout");
    CHECK(r.lines[2].event.author == "PagerDuty");
    CHECK(r.lines[2].line_no == 7);
    CHECK(r.lines[2].event.type == "detected");
    // A time alone on its line takes the next line as its message (Slack's follow-up messages).
    CHECK(r.lines[3].event.description == "Rolled back config v42");
    CHECK(utc(r.lines[3].event) == "2026-03-01T19:07:00Z");

    // A "name time" line with nothing under it is not a header.
    r = parse_paste("SRE On-call  2:02 PM\n14:03 Deploy", ctx());
    REQUIRE(r.lines.size() == 2);
    CHECK(r.lines[0].error == "line 1: no time found at the start of the line");
    CHECK(r.lines[1].ok());
    r = parse_paste("SRE On-call  2:02 PM", ctx());
    CHECK(r.lines[0].error == "line 1: no time found at the start of the line");
}

TEST_CASE("Paste: chat logs crossing midnight roll over to the next day", "[paste]") {
    const std::string text =
        "23:58 Alert fired\n"
        "23:59 oncall-primary: ack\n"
        "00:03 Rolled back\n"
        "00:10 Error rate back to normal\n"
        "23:50 Late note\n";
    PasteResult r = parse_paste(text, ctx(0));
    REQUIRE(r.lines.size() == 5);
    CHECK(utc(r.lines[0].event) == "2026-03-01T23:58:00Z");
    CHECK(utc(r.lines[1].event) == "2026-03-01T23:59:00Z");
    CHECK(utc(r.lines[2].event) == "2026-03-02T00:03:00Z");
    CHECK(r.lines[2].rolled_over);
    CHECK(r.lines[2].date_inferred);
    CHECK(utc(r.lines[3].event) == "2026-03-02T00:10:00Z");
    CHECK_FALSE(r.lines[3].rolled_over);
    // 23:50 after 00:10 is 23 h 40 m later on the same day, not earlier: no roll-over needed, stays on 2 Mar.
    CHECK(utc(r.lines[4].event) == "2026-03-02T23:50:00Z");

    // Going back less than 12 hours stays on the same day (out-of-order notes).
    r = parse_paste("14:02 Deploy\n13:50 Earlier note\n03:00 Much earlier\n\n14:00 Later\n01:00 Next night", ctx(0));
    REQUIRE(r.lines.size() == 5);
    CHECK(utc(r.lines[1].event) == "2026-03-01T13:50:00Z");
    CHECK_FALSE(r.lines[1].rolled_over);
    CHECK(utc(r.lines[2].event) == "2026-03-01T03:00:00Z");  // 10 h 50 m back: same day
    CHECK(utc(r.lines[3].event) == "2026-03-01T14:00:00Z");
    CHECK(utc(r.lines[4].event) == "2026-03-02T01:00:00Z");  // 13 h back: the next night
    CHECK(r.lines[4].rolled_over);
}

TEST_CASE("Paste: dated lines and date headers set the date of the lines after them", "[paste]") {
    PasteResult r = parse_paste("2026-03-05 10:00 Standup\n11:00 Deploy\nMonday, March 9th\n09:00 Review", ctx(0));
    REQUIRE(r.lines.size() == 4);
    CHECK(utc(r.lines[0].event) == "2026-03-05T10:00:00Z");
    CHECK_FALSE(r.lines[0].date_inferred);
    CHECK(utc(r.lines[1].event) == "2026-03-05T11:00:00Z");
    CHECK(r.lines[1].date_inferred);
    CHECK(r.lines[2].kind == PasteLine::Kind::Date);
    CHECK(r.lines[2].date == "2026-03-09");
    CHECK(utc(r.lines[3].event) == "2026-03-09T09:00:00Z");
    CHECK(r.events == 3);
    CHECK(r.errors == 0);
}

TEST_CASE("Paste: offsets from the context", "[paste]") {
    PasteResult r = parse_paste("14:02 Deploy", ctx(-300));
    CHECK(utc(r.lines[0].event) == "2026-03-01T19:02:00Z");
    CHECK(r.lines[0].event.time.offset_min == -300);
    // An explicit offset wins over the context's.
    r = parse_paste("14:02Z Explicit", ctx(-300));
    CHECK(utc(r.lines[0].event) == "2026-03-01T14:02:00Z");
    CHECK(r.lines[0].event.time.offset_min == 0);
}

TEST_CASE("Paste: at most max_lines lines are read", "[paste]") {
    PasteContext c = ctx(0);
    c.max_lines = 3;
    PasteResult r = parse_paste("10:00 a\n10:01 b\n10:02 c\n10:03 d\n10:04 e\n", c);
    CHECK(r.events == 3);
    CHECK(r.lines_ignored == 2);

    std::string big;
    for (int i = 0; i < 10005; ++i) big += "10:00 line " + std::to_string(i) + "\n";
    r = parse_paste(big, ctx(0));
    CHECK(r.events == 10000);
    CHECK(r.lines_ignored == 5);
}

TEST_CASE("Paste: keyword type inference", "[paste]") {
    CHECK(infer_event_type("Deploy of config v42 started") == "action");
    CHECK(infer_event_type("Rollback complete") == "action");  // "rollback" is not "ack"
    CHECK(infer_event_type("stack trace shows a nil map") == "note");
    CHECK(infer_event_type("Rolled back; error rate back to normal") == "mitigated");
    CHECK(infer_event_type("ACK") == "acknowledged");
    CHECK(infer_event_type("Paged the on-call") == "detected");
    CHECK(infer_event_type("Posted update to customers") == "communication");
    CHECK(infer_event_type("All clear") == "resolved");
    CHECK(infer_event_type("Scaled the fleet to 40") == "action");
    CHECK(infer_event_type("Recovered after the failover") == "mitigated");
    CHECK(infer_event_type("Looked at the graphs") == "note");
    CHECK(infer_event_type("") == "note");
}

TEST_CASE("Paste: arbitrary bytes never crash or throw", "[paste]") {
    std::mt19937 rng(2026);
    const std::string alphabet = "0123456789:-/.+ []()<>APMapmZTUCGhst\n\r\t|,\xE2\x80\xAF\xC2\xA0MarJanFebSun";
    for (int i = 0; i < 3000; ++i) {
        std::string s;
        const size_t n = rng() % 80;
        for (size_t k = 0; k < n; ++k) s += alphabet[rng() % alphabet.size()];
        PasteResult r;
        CHECK_NOTHROW(r = parse_paste(s, ctx()));
        int events = 0, errors = 0;
        for (const auto& l : r.lines) {
            events += l.ok();
            errors += l.kind == PasteLine::Kind::Error;
            if (l.kind == PasteLine::Kind::Error) CHECK(l.error.rfind("line ", 0) == 0);
            if (l.ok()) CHECK_FALSE(l.event.description.empty());
        }
        CHECK(events == r.events);
        CHECK(errors == r.errors);
    }
}
