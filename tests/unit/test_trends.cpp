// Trends across postmortems (core/trends.h): months without gaps, severities, medians, factor categories, services,
// action items opened and closed, overdue ageing, and the JSON and Markdown forms.
#include <catch2/catch.hpp>

#include "core/trends.h"

using namespace hs;

namespace {
Document incident(const std::string& created, int severity, int detect_min, int resolve_min) {
    Document d;
    d.id = "pm-" + created;
    d.title = "Сбой " + created;
    d.severity = severity;
    d.created = *parse_iso8601(created + "T09:00:00Z");
    auto add = [&](const char* type, int minutes) {
        Event e;
        e.id = "ev-" + std::to_string(d.timeline.size());
        e.type = type;
        e.time = d.created;
        e.time.unix_ms += minutes * 60000LL;
        d.timeline.push_back(e);
    };
    add("impact_start", 0);
    add("detected", detect_min);
    add("acknowledged", detect_min + 2);
    add("resolved", resolve_min);
    return d;
}
ActionItem action(const std::string& status, const std::string& due) {
    ActionItem a;
    a.id = "ai-" + status + due;
    a.title = "障害対応の手順書を更新する";
    a.status = status;
    a.due = due;
    return a;
}
}  // namespace

TEST_CASE("trends: incidents and medians per month, with the empty months between") {
    Document a = incident("2026-01-10", 1, 4, 60), b = incident("2026-01-25", 3, 10, 120),
             c = incident("2026-04-02", 2, 30, 45);
    c.timeline.erase(c.timeline.begin());  // no impact start: time to resolve from detection, left out of the median
    Document undated;
    undated.id = "pm-undated";
    const Trends t = compute_trends({&a, &b, &c, &undated, nullptr}, "2026-05-01");
    CHECK(t.incidents == 4);
    CHECK(t.undated == 1);
    REQUIRE(t.months.size() == 4);
    CHECK(t.months[0].month == "2026-01");
    CHECK(t.months[1].month == "2026-02");
    CHECK(t.months[1].incidents == 0);
    CHECK_FALSE(t.months[1].median_detect_s);
    CHECK(t.months[3].month == "2026-04");
    CHECK(t.months[0].incidents == 2);
    CHECK(t.months[0].by_severity.at(1) == 1);
    CHECK(t.months[0].by_severity.at(3) == 1);
    CHECK(*t.months[0].median_detect_s == 7 * 60);   // (4 + 10) / 2 minutes
    CHECK(*t.months[0].median_acknowledge_s == 120);
    CHECK(*t.months[0].median_resolve_s == 90 * 60);
    CHECK(t.months[3].resolve_samples == 0);
    CHECK(t.months[3].acknowledge_samples == 1);
}

TEST_CASE("trends: factor categories, services, detection methods and action items") {
    Document a = incident("2026-01-10", 2, 5, 30), b = incident("2026-03-01", 2, 5, 30);
    a.services = {"payments-api", "ledger-db"};
    b.services = {"payments-api"};
    a.detection_method = "alert";
    Item f1, f2, f3;
    f1.category = "configuration";
    f2.category = "configuration";
    f3.text = "Без категории";
    a.contributing_factors = {f1, f3};
    b.contributing_factors = {f2};
    a.action_items = {action("done", "2026-01-20"), action("open", "2026-04-28"), action("open", "2026-03-01"),
                      action("wont_do", "2025-01-01")};
    b.action_items = {action("in_progress", "2025-12-01"), action("open", "2026-05-01"), action("open", "")};
    const Trends t = compute_trends({&a, &b}, "2026-05-01");
    REQUIRE(t.factor_categories.size() == 2);
    CHECK(t.factor_categories[0].name == "configuration");
    CHECK(t.factor_categories[0].count == 2);
    CHECK(t.factor_categories[1].name == "(none)");
    CHECK(t.services[0].name == "payments-api");
    CHECK(t.services[0].count == 2);
    CHECK(t.detection_methods[0].name == "(none)");
    CHECK(t.months[0].actions_opened == 4);
    CHECK(t.months[0].actions_closed == 2);
    CHECK(t.months[2].actions_opened == 3);
    CHECK(t.months[2].actions_closed == 0);
    CHECK(t.open_actions == 5);
    CHECK(t.overdue_actions == 3);  // due 04-28 (3 days), 03-01 (61 days), 2025-12-01 (151 days); due today is not late
    REQUIRE(t.overdue_ageing.size() == 4);
    CHECK(t.overdue_ageing[0].count == 1);
    CHECK(t.overdue_ageing[1].count == 0);
    CHECK(t.overdue_ageing[2].count == 1);
    CHECK(t.overdue_ageing[3].count == 1);

    const Json j = trends_json(t);
    CHECK(j["months"].size() == 3);
    CHECK(j["months"][1]["median_time_to_detect_s"].is_null());
    CHECK(j["months"][0]["by_severity"]["2"] == 1);
    CHECK(j["overdue_ageing"][3]["max_days"].is_null());
    const std::string md = trends_markdown(t);
    CHECK(md.find("# Postmortem trends\n\n2 postmortems, 2026-01 to 2026-03.") == 0);
    CHECK(md.find("| 2026-01 | 1 | 0 | 1 | 0 | 0 | 0 | 0 |") != std::string::npos);
    CHECK(md.find("| 2026-02 | - | - | - |") != std::string::npos);
    CHECK(md.find("| configuration | 2 |") != std::string::npos);
    CHECK(md.find("| over 90 days | 1 |") != std::string::npos);
}
