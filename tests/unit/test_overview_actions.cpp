// The overview's action items across drafts (core/overview.h): counts by status, closed ones included, and how long
// the open ones have waited (age), with overdue items first and then the longest waiting.
#include <catch2/catch.hpp>

#include "core/overview.h"

using namespace hs;

namespace {

Document written_on(const std::string& iso, const std::string& title) {
    Document d;
    d.title = title;
    d.created = *parse_iso8601(iso);
    return d;
}

ActionItem action(const std::string& id, const std::string& status, const std::string& due) {
    ActionItem a;
    a.id = id;
    a.title = "Item " + id;
    a.status = status;
    a.due = due;
    return a;
}

}  // namespace

TEST_CASE("overview: action items by status and age across drafts", "[overview]") {
    Document older = written_on("2026-10-01T23:30:00-02:00", "Сбой оплаты");  // 2026-10-02 in UTC
    older.action_items = {action("a1", "done", "2026-10-15"), action("a2", "open", ""),
                          action("a3", "in_progress", "2026-12-01"), action("a4", "blocked", "")};
    Document newer = written_on("2026-12-01T09:00:00+09:00", "決済APIのタイムアウト");
    newer.action_items = {action("b1", "open", ""), action("b2", "wont_do", ""), action("b3", "open", "2026-12-20")};
    Document undated;  // no created time: age unknown
    undated.action_items = {action("c1", "open", "")};
    Overview o = compute_overview({{"d-old", &older}, {"d-new", &newer}, {"d-undated", &undated}}, "2026-12-06");

    CHECK(o.actions_by_status == std::map<std::string, int>{
                                     {"done", 1}, {"open", 4}, {"in_progress", 1}, {"blocked", 1}, {"wont_do", 1}});
    CHECK(action_age_days(older, "2026-12-06") == 65);
    CHECK(action_age_days(newer, "2026-12-06") == 5);
    CHECK(action_age_days(undated, "2026-12-06") == -1);
    CHECK(action_age_days(newer, "") == -1);
    CHECK(action_age_days(newer, "2026-11-01") == 0);  // a clock behind the document: never negative

    std::vector<std::string> order;
    for (const auto& it : o.open_items) order.push_back(it.item.id + "@" + std::to_string(it.age_days));
    // Overdue first (a3), then by due date (b3), then undated ones, the longest waiting first.
    CHECK(order == std::vector<std::string>{"a3@65", "b3@5", "a2@65", "a4@65", "b1@5", "c1@-1"});
    CHECK(o.open_items[0].overdue);
}
