// The overview across drafts (core/overview.h): counts, open and overdue action items, medians.
#include <catch2/catch.hpp>

#include "core/overview.h"

using namespace hs;

namespace {
constexpr int64_t kStart = 1772370000000;  // 2026-03-01T13:00:00Z

Document doc_with(int severity, const std::string& status, std::optional<int64_t> detect_s,
                  std::optional<int64_t> resolve_s) {
    Document d;
    d.title = "Incident sev " + std::to_string(severity);
    d.severity = severity;
    d.status = status;
    auto add = [&](const char* type, int64_t ms) {
        Event e;
        e.id = "ev-" + std::to_string(d.timeline.size());
        e.type = type;
        e.time.unix_ms = ms;
        e.time.set = true;
        d.timeline.push_back(e);
    };
    if (detect_s || resolve_s) add("impact_start", kStart);
    if (detect_s) add("detected", kStart + *detect_s * 1000);
    if (resolve_s) add("resolved", kStart + *resolve_s * 1000);
    return d;
}

ActionItem item(const std::string& title, const std::string& due, const std::string& status) {
    ActionItem a;
    a.id = "ai-" + title;
    a.title = title;
    a.due = due;
    a.status = status;
    return a;
}
}  // namespace

TEST_CASE("overview: median of odd, even and empty sets", "[overview]") {
    CHECK_FALSE(median_of({}).has_value());
    CHECK(median_of({42}) == 42);
    CHECK(median_of({300, 60, 120}) == 120);
    CHECK(median_of({60, 120, 300, 600}) == 210);
    CHECK(median_of({1, 2}) == 1);  // 1.5 rounds toward the lower value
}

TEST_CASE("overview: open and overdue rules", "[overview]") {
    CHECK(is_open_action(item("a", "", "open")));
    CHECK(is_open_action(item("a", "", "in_progress")));
    CHECK_FALSE(is_open_action(item("a", "", "done")));
    CHECK_FALSE(is_open_action(item("a", "", "wont_do")));
    CHECK(is_overdue(item("a", "2026-03-09", "open"), "2026-03-10"));
    CHECK_FALSE(is_overdue(item("a", "2026-03-10", "open"), "2026-03-10"));  // due today is not late yet
    CHECK_FALSE(is_overdue(item("a", "2026-03-01", "done"), "2026-03-10"));
    CHECK_FALSE(is_overdue(item("a", "next week", "open"), "2026-03-10"));    // not a date
    CHECK_FALSE(is_overdue(item("a", "2026-03-01", "open"), ""));             // today unknown
    // Closed either way is never overdue; any other status, even one outside the vocabulary, is still to do.
    CHECK(is_open_action(item("a", "", "blocked")));
    CHECK(is_overdue(item("a", "2026-03-09", "blocked"), "2026-03-10"));
    CHECK(is_overdue(item("a", "2026-03-09", "in_progress"), "2026-03-10"));
    CHECK_FALSE(is_overdue(item("a", "2026-03-01", "wont_do"), "2026-03-10"));
}

TEST_CASE("overview: counts, follow-up debt and medians across postmortems", "[overview]") {
    Document a = doc_with(1, "final", 60, 3600);
    a.action_items = {item("rotate", "2026-03-01", "open"), item("alert", "2026-04-01", "open"),
                      item("skip", "2026-01-01", "wont_do")};
    Document b = doc_with(2, "draft", 300, std::nullopt);  // resolution not recorded: counts for detection only
    b.action_items = {item("runbook", "2026-02-01", "in_progress"), item("nodate", "", "open")};
    Document c = doc_with(2, "in_review", 120, 1800);
    Document d = doc_with(0, "draft", std::nullopt, std::nullopt);

    Overview o = compute_overview({{"d1", &a}, {"d2", &b}, {"d3", &c}, {"d4", &d}, {"gone", nullptr}}, "2026-03-10");
    CHECK(o.drafts == 4);
    CHECK(o.by_severity == std::map<int, int>{{0, 1}, {1, 1}, {2, 2}});
    CHECK(o.by_status == std::map<std::string, int>{{"draft", 2}, {"final", 1}, {"in_review", 1}});
    CHECK(o.open_actions == 4);
    CHECK(o.overdue_actions == 2);
    REQUIRE(o.open_items.size() == 4);
    // Overdue first (earliest due first), then dated items, then items without a date.
    CHECK(o.open_items[0].item.title == "runbook");
    CHECK(o.open_items[0].draft_id == "d2");
    CHECK(o.open_items[0].overdue);
    CHECK(o.open_items[1].item.title == "rotate");
    CHECK(o.open_items[2].item.title == "alert");
    CHECK_FALSE(o.open_items[2].overdue);
    CHECK(o.open_items[3].item.title == "nodate");
    CHECK(o.detect_samples == 3);
    CHECK(o.median_time_to_detect_s == 120);
    CHECK(o.resolve_samples == 2);
    CHECK(o.median_time_to_resolve_s == 2700);  // (1800 + 3600) / 2
}

TEST_CASE("overview: times to resolve from detection get their own median, never mixed in", "[overview]") {
    Document a = doc_with(1, "final", 60, 3600);
    Document c = doc_with(2, "in_review", 120, 1800);
    // Two paging-tool imports: the alert and the resolution, no impact start.
    auto paged = [](const std::string& title, int64_t resolve_s) {
        Document d;
        d.title = title;
        Event det, res;
        det.type = "detected";
        det.time.set = res.time.set = true;
        det.time.unix_ms = kStart;
        res.type = "resolved";
        res.time.unix_ms = kStart + resolve_s * 1000;
        d.timeline = {det, res};
        return d;
    };
    Document p1 = paged("決済 API のタイムアウト", 600);
    Document p2 = paged("Задержка вебхуков", 900);
    Document p3 = paged("Search latency 🔍", 7200);
    Overview o = compute_overview({{"a", &a}, {"c", &c}, {"p1", &p1}, {"p2", &p2}, {"p3", &p3}}, "2026-03-10");
    CHECK(o.resolve_samples == 2);
    CHECK(o.median_time_to_resolve_s == 2700);  // from impact start: 1800 and 3600 only
    CHECK(o.resolve_detection_samples == 3);
    CHECK(o.median_time_to_resolve_from_detection_s == 900);
    CHECK(o.detect_samples == 2);  // without an impact start there is no time to detect

    Overview none = compute_overview({{"a", &a}}, "2026-03-10");
    CHECK(none.resolve_detection_samples == 0);
    CHECK_FALSE(none.median_time_to_resolve_from_detection_s.has_value());
}

TEST_CASE("overview: nothing stored", "[overview]") {
    Overview o = compute_overview({}, "2026-03-10");
    CHECK(o.drafts == 0);
    CHECK(o.open_actions == 0);
    CHECK(o.open_items.empty());
    CHECK_FALSE(o.median_time_to_detect_s.has_value());
    CHECK_FALSE(o.median_time_to_resolve_s.has_value());
}
