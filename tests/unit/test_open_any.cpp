// open_any: a dropped or picked file is recognised by its content and opened or imported.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/format.h"
#include "core/importers/importers.h"

using namespace hs;

namespace {
std::string read(const std::string& rel) {
    std::ifstream f(std::string(HS_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("open_any recognises each kind of file by its content", "[import][open]") {
    struct Case {
        const char* file;
        const char* name;  // as the browser reports it
        const char* kind;
    } cases[] = {
        {"assets/samples/sre-checkout-outage.json", "checkout.hindsight.json", "hindsight"},
        {"tests/data/import/pagerduty/incident_log_entries.json", "log.json", "pagerduty"},
        {"tests/data/import/pagerduty/bare_array_newest_first.json", "export.json", "pagerduty"},
        {"tests/data/import/opsgenie/incident_timeline.json", "timeline.json", "opsgenie"},
        {"tests/data/import/slack/day_2026-03-01.json", "2026-03-01.json", "slack"},
        {"tests/data/import/csv/timeline.csv", "timeline.csv", "csv"},
        {"tests/data/import/csv/timeline.csv", "timeline.txt", "csv"},  // no extension, but a Time header
    };
    for (const Case& c : cases) {
        INFO(c.file);
        std::string kind;
        ImportResult r = open_any(c.name, read(c.file), &kind);
        CHECK(kind == c.kind);
        CHECK(r.ok);
        CHECK_FALSE(r.doc.timeline.empty());
    }
    // A Hindsight document opens exactly as load_document reads it.
    const std::string text = read("assets/samples/sre-checkout-outage.json");
    CHECK(save_document(open_any("x.json", text).doc) == save_document(load_document(text).doc));
}

TEST_CASE("open_any refuses what it cannot read, saying what is accepted", "[import][open]") {
    std::string kind;
    ImportResult r = open_any("notes.txt", "just some notes\nnothing else", &kind);
    CHECK_FALSE(r.ok);
    CHECK(kind == "unknown");
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].message.find("PagerDuty") != std::string::npos);
    r = open_any("data.json", "{\"hello\": 1}", &kind);
    CHECK_FALSE(r.ok);
    CHECK(kind == "unknown");
    r = open_any("broken.json", "{\"format\": \"hindsight.postmortem\", \"version\": 1, \"title\": 5}", &kind);
    CHECK(kind == "hindsight");
    CHECK_FALSE(r.ok);
    CHECK_FALSE(r.problems.empty());
    r = open_any("bad.csv", "Time,Type\n", &kind);
    CHECK(kind == "csv");
    CHECK_FALSE(r.ok);
}

TEST_CASE("open_any says where a JSON file that was cut short breaks", "[import][open]") {
    const std::string whole = read("assets/samples/lint-demo.json");
    for (const size_t cut : {size_t(1), size_t(40), whole.size() / 2, whole.size() - 2}) {
        std::string kind;
        ImportResult r = open_any("cut.hindsight.json", whole.substr(0, cut), &kind);
        CHECK_FALSE(r.ok);
        CHECK(kind == "unknown");
        REQUIRE_FALSE(r.problems.empty());
        const std::string& m = r.problems[0].message;
        CHECK(m.find("not valid JSON") != std::string::npos);
        CHECK(m.find("line ") != std::string::npos);  // where it breaks
        CHECK(m.find("check that the file is complete") != std::string::npos);
        CHECK(m.find("neither JSON nor CSV") == std::string::npos);
    }
}

TEST_CASE("open_any refuses JSON nested deeper than a postmortem could be, before parsing it", "[import][open]") {
    std::string kind;
    // A postmortem whose extension field nests 100 levels (as a dropped file): refused, with the depth named.
    std::string deep = "{\"format\": \"hindsight.postmortem\", \"version\": 1, \"title\": \"T\", \"x_deep\": ";
    deep += std::string(100, '[') + std::string(100, ']') + "}";
    ImportResult r = open_any("deep.hindsight.json", deep, &kind);
    CHECK_FALSE(r.ok);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].message.find("nested more than") != std::string::npos);
    // 100,000 levels: refused the same way, without recursing per level.
    r = open_any("bomb.json", std::string(100000, '[') + std::string(100000, ']'), &kind);
    CHECK_FALSE(r.ok);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].message.find("nested more than") != std::string::npos);
}
