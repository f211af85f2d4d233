// The JSON format: loading with actionable problems, canonical saving, unknown-field preservation, migrations.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

#include "core/embedded.h"
#include "core/format.h"

using namespace hs;

namespace {

std::string problems_text(const std::vector<Problem>& ps) {
    std::string s;
    for (const auto& p : ps) s += (p.pointer.empty() ? "(root)" : p.pointer) + ": " + p.message + "\n";
    return s;
}

// The problem at `pointer`, or nullptr.
const Problem* at(const std::vector<Problem>& ps, const std::string& pointer) {
    for (const auto& p : ps)
        if (p.pointer == pointer) return &p;
    return nullptr;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// save(load(text)) and then again; returns the first save and checks that the second gives the same bytes.
std::string round_trip_twice(const std::string& text, bool pretty = false) {
    LoadResult a = load_document(text);
    INFO(problems_text(a.problems));
    REQUIRE(a.ok);
    std::string s1 = save_document(a.doc, pretty);
    LoadResult b = load_document(s1);
    INFO("first save:\n" << s1);
    REQUIRE(b.ok);
    std::string s2 = save_document(b.doc, pretty);
    if (s1 != s2) {
        size_t i = 0;
        while (i < s1.size() && i < s2.size() && s1[i] == s2[i]) ++i;
        FAIL("saves differ at byte " << i << ":\n first: ..." << s1.substr(i > 40 ? i - 40 : 0, 120)
                                     << "\nsecond: ..." << s2.substr(i > 40 ? i - 40 : 0, 120));
    }
    return s1;
}

const char* kMinimal = R"({"format":"hindsight.postmortem","version":1,"id":"pm-00000001","title":"Test"})";

}  // namespace

TEST_CASE("a small document loads into the typed model", "[format]") {
    const std::string text = R"({
      "format": "hindsight.postmortem", "version": 1, "id": "pm-1", "title": "Checkout errors",
      "incident_id": "INC-7", "severity": 2, "status": "in_review", "authors": ["SRE On-call"], "tags": ["payments"],
      "created": "2026-03-01T15:00:00Z",
      "impact": {"users_affected": 1200, "revenue_lost": 4200.5, "currency": "USD", "regions": ["eu-west-1"]},
      "timeline": [
        {"id": "ev-1", "time": "2026-03-01T13:02:00Z", "utc_offset": "+01:00", "type": "detected",
         "description": "Alert fired", "author": "PagerDuty", "tags": ["alert"]},
        {"id": "ev-2", "time": "2026-03-01T14:30:00+01:00", "description": "Written with an offset"}
      ],
      "action_items": [{"id": "ai-1", "title": "Add a canary", "priority": "P1", "due": "2026-03-15",
                        "ticket_url": "https://tracker.example/T-1"}],
      "open_questions": [{"id": "oq-1", "text": "Why no page?", "resolved": true}],
      "lessons": {"went_well": [{"id": "ll-1", "text": "Rollback was quick"}]}
    })";
    LoadResult r = load_document(text);
    INFO(problems_text(r.problems));
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    const Document& d = r.doc;
    CHECK(d.title == "Checkout errors");
    CHECK(d.severity == 2);
    CHECK(d.status == "in_review");
    CHECK(d.authors == std::vector<std::string>{"SRE On-call"});
    CHECK(format_utc(d.created) == "2026-03-01T15:00:00Z");
    CHECK(d.impact.users_affected == Approx(1200));
    CHECK(d.impact.revenue_lost == Approx(4200.5));
    REQUIRE(d.timeline.size() == 2);
    CHECK(d.timeline[0].type == "detected");
    CHECK(d.timeline[0].time.offset_min == 60);
    CHECK(format_local(d.timeline[0].time) == "2026-03-01 14:02:00 +01:00");
    CHECK(d.timeline[1].type == "note");
    CHECK(format_utc(d.timeline[1].time) == "2026-03-01T13:30:00Z");
    CHECK(d.timeline[1].time.offset_min == 60);
    REQUIRE(d.action_items.size() == 1);
    CHECK(d.action_items[0].type == "prevent");
    CHECK(d.action_items[0].priority == "P1");
    CHECK(d.action_items[0].status == "open");
    CHECK(d.open_questions.at(0).resolved);
    CHECK(d.lessons.went_well.at(0).text == "Rollback was quick");
}

TEST_CASE("canonical form: sorted keys, minified, defaults and empties omitted", "[format]") {
    Document d;
    d.id = "pm-1";
    d.title = "T";
    Event e;
    e.id = "ev-1";
    e.time = *parse_iso8601("2026-03-01T14:02:00+01:00");
    d.timeline.push_back(e);
    ActionItem a;
    a.id = "ai-1";
    a.title = "Fix";
    d.action_items.push_back(a);
    d.impact.users_affected = 1200;
    d.impact.error_budget_consumed_pct = 37.5;
    CHECK(save_document(d) ==
          R"({"action_items":[{"id":"ai-1","title":"Fix"}],"format":"hindsight.postmortem","id":"pm-1",)"
          R"("impact":{"error_budget_consumed_pct":37.5,"users_affected":1200},)"
          R"("timeline":[{"id":"ev-1","time":"2026-03-01T13:02:00Z","utc_offset":"+01:00"}],"title":"T","version":1})");
    // Explicit defaults in the input disappear; the bytes are those of the minimal form.
    const std::string with_defaults =
        R"({"format":"hindsight.postmortem","version":1,"id":"pm-1","status":"draft","severity":0,"tags":[],)"
        R"("impact":{},"lessons":{"went_well":[]},"summary":"","action_items":[{"id":"ai-1","type":"prevent",)"
        R"("priority":"P2","status":"open","owner":""}],"timeline":[{"id":"ev-1","type":"note","utc_offset":"+00:00",)"
        R"("time":"2026-03-01T13:02:00Z"}]})";
    CHECK(round_trip_twice(with_defaults) ==
          R"({"action_items":[{"id":"ai-1"}],"format":"hindsight.postmortem","id":"pm-1",)"
          R"("timeline":[{"id":"ev-1","time":"2026-03-01T13:02:00Z"}],"version":1})");
    // Pretty output is the same JSON value.
    LoadResult r = load_document(save_document(d, true));
    REQUIRE(r.ok);
    CHECK(save_document(r.doc) == save_document(d));
}

TEST_CASE("every embedded template and sample round-trips byte-identically", "[format]") {
    std::vector<std::string> files = list_embedded("templates/");
    for (const auto& s : list_embedded("samples/")) files.push_back(s);
    REQUIRE(!files.empty());
    for (const auto& path : files) {
        INFO(path);
        const EmbeddedFile* f = find_embedded(path);
        REQUIRE(f);
        const std::string text(f->data, f->size);
        LoadResult r = load_document(text);
        INFO(problems_text(r.problems));
        REQUIRE(r.ok);
        CHECK(r.problems.empty());
        round_trip_twice(text, false);
        round_trip_twice(text, true);
        // Nothing the file says is lost: the canonical form equals the input minus default-valued members.
        CHECK(Json::parse(save_document(r.doc)).size() > 2);
    }
}

TEST_CASE("saving in slices (each event, then the document around them) gives save_document's bytes", "[format]") {
    auto in_slices = [](const Document& d) -> std::optional<std::string> {
        std::vector<std::string> events;
        for (const Event& e : d.timeline) {
            std::optional<std::string> t = save_event(e);
            if (!t) return std::nullopt;
            events.push_back(*t);
        }
        return save_document_with_events(d, events);
    };
    std::vector<std::string> files = list_embedded("templates/");
    for (const auto& s : list_embedded("samples/")) files.push_back(s);
    for (const auto& path : files) {
        INFO(path);
        const EmbeddedFile* f = find_embedded(path);
        REQUIRE(f);
        LoadResult r = load_document(std::string(f->data, f->size));
        REQUIRE(r.ok);
        std::optional<std::string> sliced = in_slices(r.doc);
        REQUIRE(sliced);
        CHECK(*sliced == save_document(r.doc));
    }
    LoadResult r = load_document(std::string(find_embedded("samples/sre-checkout-outage.json")->data,
                                             find_embedded("samples/sre-checkout-outage.json")->size));
    REQUIRE(r.ok);
    REQUIRE(r.doc.timeline.size() > 2);
    // Unknown fields on an event, a time with an offset, and a stale list of texts (one event short) is refused.
    r.doc.timeline[1].extra["x_pager"] = Json{{"id", "P1"}, {"nested", {1, 2, 3}}};
    CHECK(*in_slices(r.doc) == save_document(r.doc));
    std::vector<std::string> short_list;
    for (size_t i = 1; i < r.doc.timeline.size(); ++i) short_list.push_back(*save_event(r.doc.timeline[i]));
    CHECK_FALSE(save_document_with_events(r.doc, short_list));
    // Invalid UTF-8 in an event: save_document's replacing path, so the slices say no rather than differ.
    r.doc.timeline[0].description = "bad \xff byte";
    CHECK_FALSE(save_event(r.doc.timeline[0]));
    CHECK(save_document(r.doc).find("bad ") != std::string::npos);
}

TEST_CASE("unknown fields are preserved at every level", "[format]") {
    const std::string text = R"({"format":"hindsight.postmortem","version":1,"id":"pm-1",
      "x_doc":{"nested":[1,2,{"a":null}]},
      "impact":{"x_impact":"kept","users_affected":3},
      "timeline":[{"id":"ev-1","time":"2026-03-01T13:02:00Z","x_event":[true,false]}],
      "root_causes":[{"id":"rc-1","text":"t","x_item":1.5}],
      "contributing_factors":[{"id":"cf-1","x_cf":"y"}],
      "five_whys":[{"id":"why-1","x_why":{}}],
      "lessons":{"x_lessons":"kept","went_wrong":[{"id":"ll-1","x_ll":"z"}],"x_new_bucket":[{"text":"future"}]},
      "action_items":[{"id":"ai-1","x_action":{"jira":"OPS-1"}}],
      "open_questions":[{"id":"oq-1","x_q":0}],
      "links":[{"id":"ln-1","url":"https://example.com","x_link":"k"}],
      "approvals":[{"reviewer":"DB On-call","at":"2026-03-02T10:00:00Z","x_ap":"v"}]})";
    const std::string out = round_trip_twice(text);
    Json j = Json::parse(out);
    CHECK(j["x_doc"] == Json::parse(R"({"nested":[1,2,{"a":null}]})"));
    CHECK(j["impact"]["x_impact"] == "kept");
    CHECK(j["timeline"][0]["x_event"] == Json::parse("[true,false]"));
    CHECK(j["root_causes"][0]["x_item"] == 1.5);
    CHECK(j["contributing_factors"][0]["x_cf"] == "y");
    CHECK(j["five_whys"][0]["x_why"] == Json::object());
    CHECK(j["lessons"]["x_lessons"] == "kept");
    CHECK(j["lessons"]["went_wrong"][0]["x_ll"] == "z");
    CHECK(j["lessons"]["x_new_bucket"][0]["text"] == "future");
    CHECK(j["action_items"][0]["x_action"]["jira"] == "OPS-1");
    CHECK(j["open_questions"][0]["x_q"] == 0);
    CHECK(j["links"][0]["x_link"] == "k");
    CHECK(j["approvals"][0]["x_ap"] == "v");
    // The input, with keys sorted, is exactly the output: nothing was added or dropped.
    CHECK(Json::parse(text) == j);
}

TEST_CASE("a known key placed in extra does not override the typed field", "[format]") {
    Document d;
    d.id = "pm-1";
    d.title = "typed";
    d.extra["title"] = "stale";
    d.extra["version"] = 99;
    d.extra["x"] = 1;
    Json j = to_json(d);
    CHECK(j["title"] == "typed");
    CHECK(j["version"] == kFormatVersion);
    CHECK(j["x"] == 1);
}

TEST_CASE("numbers keep their canonical form", "[format]") {
    const std::string text = R"({"format":"hindsight.postmortem","version":1,"id":"pm-1",)"
                             R"("impact":{"users_affected":1200.0,"revenue_lost":0.1,"requests_failed":1e3,)"
                             R"("support_tickets":9007199254740993}})";
    Json j = Json::parse(round_trip_twice(text));
    CHECK(j["impact"]["users_affected"].is_number_integer());
    CHECK(j["impact"]["users_affected"] == 1200);
    CHECK(j["impact"]["revenue_lost"] == 0.1);
    CHECK(j["impact"]["requests_failed"] == 1000);
}

TEST_CASE("not JSON: one root problem naming the byte", "[format]") {
    for (const std::string& text : {std::string("{\"format\": \"hindsight.postmortem\", "), std::string("[1,2"),
                                   std::string("{\"a\":1} trailing"), std::string("[\"\xc3\x28\"]")}) {
        INFO(text);
        LoadResult r = load_document(text);
        CHECK_FALSE(r.ok);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].pointer == "");
        CHECK(has(r.problems[0].message, "This is not valid JSON (error at byte "));
        CHECK(has(r.problems[0].message, "check that the file is complete"));
    }
    LoadResult r = load_document("{\"a\":tru}");
    CHECK(has(r.problems.at(0).message, "error at byte 8"));
    LoadResult empty = load_document("  \n");
    CHECK(has(empty.problems.at(0).message, "empty"));
    CHECK(has(load_document("\xff\xfe{\0}\0").problems.at(0).message, "UTF-16"));
}

TEST_CASE("JSON that is not a postmortem says so", "[format]") {
    LoadResult arr = load_document("[]");
    CHECK_FALSE(arr.ok);
    CHECK(has(arr.problems.at(0).message, "not a Hindsight postmortem"));
    CHECK(has(arr.problems.at(0).message, "got a list"));

    LoadResult nofmt = load_document(R"({"title":"x"})");
    CHECK_FALSE(nofmt.ok);
    CHECK(nofmt.problems.at(0).pointer == "");
    CHECK(has(nofmt.problems.at(0).message, "not a Hindsight postmortem"));
    CHECK(has(nofmt.problems.at(0).message, "\"format\""));

    LoadResult wrong = load_document(R"({"format":"something.else","version":1})");
    CHECK_FALSE(wrong.ok);
    CHECK(wrong.problems.at(0).pointer == "/format");
    CHECK(has(wrong.problems.at(0).message, "\"something.else\""));

    LoadResult nover = load_document(R"({"format":"hindsight.postmortem"})");
    CHECK_FALSE(nover.ok);
    CHECK(has(nover.problems.at(0).message, "\"version\""));
}

TEST_CASE("a newer version asks to update Hindsight", "[format]") {
    LoadResult r = load_document(R"({"format":"hindsight.postmortem","version":2,"id":"pm-1"})");
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/version");
    CHECK(has(r.problems[0].message, "newer"));
    CHECK(has(r.problems[0].message, "Update Hindsight"));
    LoadResult huge = load_document(R"({"format":"hindsight.postmortem","version":18446744073709551615})");
    CHECK_FALSE(huge.ok);
    CHECK(has(huge.problems.at(0).message, "Update Hindsight"));
    LoadResult neg = load_document(R"({"format":"hindsight.postmortem","version":-1})");
    CHECK_FALSE(neg.ok);
    CHECK(neg.problems.at(0).pointer == "/version");
    LoadResult str = load_document(R"({"format":"hindsight.postmortem","version":"1"})");
    CHECK_FALSE(str.ok);
    CHECK(has(str.problems.at(0).message, "expected a whole number"));
}

TEST_CASE("wrong types are reported with pointers and all at once", "[format]") {
    const std::string text = R"({"format":"hindsight.postmortem","version":1,"id":"pm-1","title":42,"tags":["a",7],
      "severity":"high","impact":{"users_affected":"1,200"},"lessons":[],
      "timeline":[{"id":"ev-0","time":"2026-03-01T13:02:00Z"},{},{},{"id":"ev-3","time":"yesterday"},
                  {"id":"ev-4","time":"2026-03-01T13:02:00Z","utc_offset":"CET"}, "not an event"],
      "action_items":{"id":"ai-1"},"open_questions":[{"id":"oq-1","resolved":"yes"}]})";
    LoadResult r = load_document(text);
    CHECK_FALSE(r.ok);
    INFO(problems_text(r.problems));
    const Problem* p = at(r.problems, "/timeline/3/time");
    REQUIRE(p);
    CHECK(p->message == "expected an ISO 8601 time such as 2026-03-01T14:02:00Z, got \"yesterday\".");
    REQUIRE(at(r.problems, "/title"));
    CHECK(has(at(r.problems, "/title")->message, "got 42"));
    REQUIRE(at(r.problems, "/tags/1"));
    REQUIRE(at(r.problems, "/severity"));
    CHECK(has(at(r.problems, "/severity")->message, "1 (most severe) to 5"));
    REQUIRE(at(r.problems, "/impact/users_affected"));
    CHECK(has(at(r.problems, "/impact/users_affected")->message, "\"1,200\""));
    REQUIRE(at(r.problems, "/lessons"));
    REQUIRE(at(r.problems, "/timeline/4/utc_offset"));
    CHECK(has(at(r.problems, "/timeline/4/utc_offset")->message, "+01:00"));
    REQUIRE(at(r.problems, "/timeline/5"));
    CHECK(has(at(r.problems, "/timeline/5")->message, "expected an object"));
    REQUIRE(at(r.problems, "/action_items"));
    CHECK(has(at(r.problems, "/action_items")->message, "expected a list"));
    REQUIRE(at(r.problems, "/open_questions/0/resolved"));
    CHECK(r.problems.size() == 10);
}

TEST_CASE("pointers escape ~ and / in keys", "[format]") {
    // Only known keys are reported, but their values can hold unknown keys; here a known key with a bad type is
    // nested below an index, and the pointer is built with RFC 6901 rules.
    LoadResult r = load_document(R"({"format":"hindsight.postmortem","version":1,"links":[{"id":1}]})");
    CHECK_FALSE(r.ok);
    CHECK(at(r.problems, "/links/0/id"));
}

TEST_CASE("validate: semantic problems with pointers and actionable messages", "[format]") {
    const std::string text = R"J({"format":"hindsight.postmortem","version":1,"status":"published","severity":5,
      "severity_labels":["a","b"],"sections":["summary","impacts","summary"],
      "impact":{"users_affected":-3,"currency":"usd"},
      "timeline":[{"id":"ev-1","time":"2026-03-01T13:02:00Z"},{"id":"ev-1"},{"time":"2026-03-01T13:02:00Z"},
                  {"id":"ev-4","type":""}],
      "root_causes":[{"id":"ev-4","text":"dup across lists"}],
      "action_items":[{"id":"ai-1","type":"fix","priority":"P7","status":"closed","due":"2026-02-30",
                       "ticket_url":"javascript:alert(1)"},
                      {"id":"ai-2","due":"2026-03-15","ticket_url":"https://tracker.example/T-2"}],
      "links":[{"id":"ln-1","url":"ftp://files.example/x"},{"id":"ln-2"},{"id":"ln-3","url":"https://ok.example"}],
      "approvals":[{"reviewer":"DB On-call","decision":"lgtm"}]})J";
    LoadResult r = load_document(text);
    REQUIRE(r.ok);  // loadable: the UI opens it and shows the problems
    const auto& ps = r.problems;
    INFO(problems_text(ps));
    auto msg = [&](const std::string& ptr) {
        const Problem* p = at(ps, ptr);
        INFO("pointer " << ptr);
        REQUIRE(p);
        return p->message;
    };
    CHECK(has(msg("/id"), "no id"));
    CHECK(has(msg("/status"), "\"published\""));
    CHECK(has(msg("/status"), "\"in_review\""));
    CHECK(has(msg("/severity_labels"), "exactly 5"));
    CHECK(has(msg("/sections/1"), "Unknown section \"impacts\""));
    CHECK(has(msg("/sections/2"), "listed twice"));
    CHECK(has(msg("/impact/users_affected"), "-3"));
    CHECK(has(msg("/impact/currency"), "ISO 4217"));
    CHECK(has(msg("/timeline/1/id"), "already used at /timeline/0"));
    CHECK(has(msg("/timeline/2/id"), "no id"));
    CHECK(has(msg("/timeline/3/type"), "empty"));
    CHECK(has(msg("/root_causes/0/id"), "already used at /timeline/3"));
    CHECK(has(msg("/action_items/0/type"), "\"fix\""));
    CHECK(has(msg("/action_items/0/priority"), "\"P7\""));
    CHECK(has(msg("/action_items/0/status"), "\"closed\""));
    CHECK(has(msg("/action_items/0/due"), "2026-03-15"));
    CHECK(has(msg("/action_items/0/ticket_url"), "https://"));
    CHECK(has(msg("/links/0/url"), "ftp://files.example/x"));
    CHECK(has(msg("/links/1/url"), "no URL"));
    CHECK(has(msg("/approvals/0/decision"), "\"lgtm\""));
    CHECK_FALSE(at(ps, "/action_items/1/due"));
    CHECK_FALSE(at(ps, "/action_items/1/ticket_url"));
    CHECK_FALSE(at(ps, "/links/2/url"));
    CHECK_FALSE(at(ps, "/severity"));
    CHECK(ps.size() == 19);
}

TEST_CASE("severity outside 1..5 is refused", "[format]") {
    for (const char* s : {"6", "-1", "2.5", "1e10", "9223372036854775808"}) {
        INFO(s);
        const std::string head = R"({"format":"hindsight.postmortem","version":1,"id":"p","severity":)";
        LoadResult r = load_document(head + s + "}");
        CHECK_FALSE(r.ok);
        CHECK(at(r.problems, "/severity"));
    }
    Document d;
    d.id = "pm-1";
    d.severity = 9;
    CHECK(at(validate(d), "/severity"));
}

TEST_CASE("migration from the version 0 pre-release shape", "[format]") {
    const std::string v0 = R"({"format":"hindsight.postmortem","version":0,"id":"pm-old","severity":"SEV2",
      "created":"2025-11-02T09:30:00+01:00",
      "events":[{"id":"ev-1","time":"2025-11-01T14:02:00+01:00","type":"detected","x":1},
                {"id":"ev-2","time":"2025-11-01 13:10Z","type":"resolved"},
                {"id":"ev-3","time":"2025-11-01T08:15:00-05:00","utc_offset":"-04:00"}],
      "actions":[{"id":"ai-1","title":"Add alert"}],
      "approvals":[{"reviewer":"DB On-call","at":"2025-11-03T10:00:00+02:00"}]})";
    Json j = Json::parse(v0);
    std::vector<Problem> ps;
    REQUIRE(migrate(j, ps));
    CHECK(ps.empty());
    CHECK(j["version"] == 1);
    CHECK_FALSE(j.contains("events"));
    CHECK_FALSE(j.contains("actions"));
    CHECK(j["severity"] == 2);
    CHECK(j["created"] == "2025-11-02T08:30:00Z");
    CHECK(j["timeline"][0]["time"] == "2025-11-01T13:02:00Z");
    CHECK(j["timeline"][0]["utc_offset"] == "+01:00");
    CHECK(j["timeline"][1]["time"] == "2025-11-01T13:10:00Z");
    CHECK_FALSE(j["timeline"][1].contains("utc_offset"));
    CHECK(j["timeline"][2]["utc_offset"] == "-04:00");  // an explicit offset is kept
    CHECK(j["approvals"][0]["at"] == "2025-11-03T08:00:00Z");

    LoadResult r = load_document(v0);
    INFO(problems_text(r.problems));
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    CHECK(r.doc.severity == 2);
    REQUIRE(r.doc.timeline.size() == 3);
    CHECK(r.doc.timeline[0].time.offset_min == 60);
    CHECK(r.doc.timeline[0].extra["x"] == 1);
    REQUIRE(r.doc.action_items.size() == 1);
    CHECK(r.doc.action_items[0].title == "Add alert");
    const std::string v1 = round_trip_twice(v0);
    CHECK(has(v1, R"("version":1)"));
    CHECK(has(v1, R"("action_items":[{"id":"ai-1","title":"Add alert"}])"));
}

TEST_CASE("migration: v0 with both old and new keys keeps the new one and preserves the old as unknown", "[format]") {
    Json j = Json::parse(R"({"format":"hindsight.postmortem","version":0,"timeline":[],"events":[{"id":"ev-1"}]})");
    std::vector<Problem> ps;
    REQUIRE(migrate(j, ps));
    CHECK(j["timeline"].empty());
    CHECK(j["events"].size() == 1);
}

TEST_CASE("deeply nested or huge input does not crash", "[format]") {
    std::string deep = R"({"format":"hindsight.postmortem","version":1,"x":)" + std::string(100000, '[') +
                       std::string(100000, ']') + "}";
    LoadResult r = load_document(deep);
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(has(r.problems[0].message, "nested more than 64 levels"));
    // Brackets inside strings do not count.
    std::string in_string = R"({"format":"hindsight.postmortem","version":1,"id":"pm-1","x":")" +
                            std::string(1000, '[') + "\\\"" + R"("})";
    CHECK(load_document(in_string).ok);
    // 60 levels of unknown nesting is fine and survives a round trip.
    std::string ok = R"({"format":"hindsight.postmortem","version":1,"id":"pm-1","x":)" + std::string(60, '[') +
                     std::string(60, ']') + "}";
    round_trip_twice(ok);
    // A long unterminated string.
    LoadResult unterminated = load_document("{\"format\":\"" + std::string(1 << 20, 'a'));
    CHECK_FALSE(unterminated.ok);
}

TEST_CASE("saving never throws on invalid UTF-8 set by a caller", "[format]") {
    Document d;
    d.id = "pm-1";
    d.title = std::string("bad \xff\xfe bytes");
    std::string s;
    CHECK_NOTHROW(s = save_document(d));
    CHECK(load_document(s).ok);
}

TEST_CASE("load_document_json takes a parsed value", "[format]") {
    Json j = Json::parse(kMinimal);
    LoadResult r = load_document_json(j);
    REQUIRE(r.ok);
    CHECK(r.doc.title == "Test");
    CHECK(j["version"] == 1);  // the caller's value is untouched
}

TEST_CASE("save_document's direct writer gives exactly to_json().dump()", "[format]") {
    std::vector<std::string> texts;
    for (const char* dir : {"templates/", "samples/"})
        for (const auto& p : list_embedded(dir)) {
            const EmbeddedFile* f = find_embedded(p);
            texts.emplace_back(f->data, f->size);
        }
    // Unknown keys that sort before, between and after known ones, at every level; escapes; numbers; non-ASCII.
    texts.push_back(R"({"format":"hindsight.postmortem","version":1,"id":"pm-1","A":1,"hz":[1.5,"x"],"zz":{"b":1,"a":2},
      "title":"quote \" backslash \\ tab \t nl \n ctl \u0001 del \u007f é ☃ 𝄞 </script>","severity":3,
      "impact":{"a":0,"users_affected":12,"revenue_lost":0.1,"error_budget_consumed_pct":1e-7,"zzz":null},
      "timeline":[{"id":"ev-1","time":"2026-03-01T14:02:00.5+05:45","aa":1,"type":"x","tags":["a","b"]},{}],
      "lessons":{"a":1,"got_lucky":[{"id":"ll-1","resolved":true,"text_":2}]},
      "action_items":[{"id":"ai-1","due":"2026-03-01","owner":"o","status":"done","priority":"P0","type":"detect",
        "ticket_url":"https://t.example/1","description":"d","title":"t","id_":1}],
      "links":[{"id":"ln-1","url":"https://x.example","title":"t","~/":"escaped key"}],
      "approvals":[{"reviewer":"r","decision":"commented","at":"2026-03-01T00:00:00Z","comment":"c","zz":[]}],
      "open_questions":[{"id":"oq-1","resolved":false},{"id":"oq-2","resolved":true}],
      "root_causes":[{"id":"rc-1"}],"contributing_factors":[{"id":"cf-1"}],"five_whys":[{"id":"why-1"}],
      "authors":["a"],"owner":"o","tags":["t"],"services":["s"],"related_incidents":["r"],"reviewers":["v"],
      "severity_labels":["1","2","3","4","5"],"status":"final","created":"2026-03-01T00:00:00Z",
      "updated":"2026-03-02T00:00:00Z","template":"minimal","sections":["summary"],"summary":"s","leadup":"l",
      "trigger":"t","fault":"f","detection":"d","response":"r","recovery":"c","resolution":"n","incident_id":"I"})");
    for (const auto& t : texts) {
        LoadResult r = load_document(t);
        REQUIRE(r.ok);
        const std::string fast = save_document(r.doc);
        const std::string slow = to_json(r.doc).dump();
        if (fast != slow) {
            size_t i = 0;
            while (i < fast.size() && i < slow.size() && fast[i] == slow[i]) ++i;
            FAIL("differ at byte " << i << "\n fast: ..." << fast.substr(i > 60 ? i - 60 : 0, 140)
                                   << "\n slow: ..." << slow.substr(i > 60 ? i - 60 : 0, 140));
        }
    }
    // Invalid UTF-8 (only possible when set by code) falls back to replacement characters, like dump().
    Document d;
    d.id = "pm-1";
    d.title = "a\xC3(b\xF0\x9F";
    d.extra["x"] = std::string("\xFF");
    CHECK(save_document(d) == to_json(d).dump(-1, ' ', false, Json::error_handler_t::replace));
}
