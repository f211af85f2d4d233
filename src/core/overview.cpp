#include "overview.h"

#include <algorithm>

#include "metrics.h"
#include "sort.h"

namespace hs {

bool is_open_action(const ActionItem& a) { return a.status != "done" && a.status != "wont_do"; }

bool is_overdue(const ActionItem& a, const std::string& today) {
    return is_open_action(a) && is_calendar_date(a.due) && !today.empty() && a.due < today;
}

int action_age_days(const Document& d, const std::string& today) {
    if (!d.created.set || !is_calendar_date(today)) return -1;
    auto day_number = [](const std::string& date) {
        return days_from_civil(std::stoi(date.substr(0, 4)), static_cast<unsigned>(std::stoi(date.substr(5, 2))),
                               static_cast<unsigned>(std::stoi(date.substr(8, 2))));
    };
    const std::string created = format_utc(d.created).substr(0, 10);
    if (!is_calendar_date(created)) return -1;
    return static_cast<int>(std::max<int64_t>(0, day_number(today) - day_number(created)));
}

std::optional<int64_t> median_of(std::vector<int64_t> v) {
    if (v.empty()) return std::nullopt;
    sort_stable(v.begin(), v.end());
    const size_t m = v.size() / 2;
    if (v.size() % 2) return v[m];
    return v[m - 1] + (v[m] - v[m - 1]) / 2;
}

Overview compute_overview(const std::vector<OverviewEntry>& entries, const std::string& today) {
    Overview o;
    std::vector<int64_t> ttd, ttr, ttr_detection;
    for (const OverviewEntry& e : entries) {
        if (!e.doc) continue;
        const Document& d = *e.doc;
        ++o.drafts;
        ++o.by_severity[d.severity];
        ++o.by_status[d.status];
        const int age = action_age_days(d, today);
        for (const auto& a : d.action_items) {
            ++o.actions_by_status[a.status];
            if (!is_open_action(a)) continue;
            ++o.open_actions;
            const bool late = is_overdue(a, today);
            o.overdue_actions += late;
            o.open_items.push_back({e.draft_id, d.title, a, late, age});
        }
        Metrics m = compute_metrics(d);
        if (m.time_to_detect_s) ttd.push_back(*m.time_to_detect_s);
        if (m.time_to_resolve_s) {
            std::vector<int64_t>& by_basis = m.resolve_basis == Basis::impact_start ? ttr : ttr_detection;
            by_basis.push_back(*m.time_to_resolve_s);
        }
    }
    sort_stable(o.open_items.begin(), o.open_items.end(), [](const OverdueItem& a, const OverdueItem& b) {
        if (a.overdue != b.overdue) return a.overdue;
        const bool da = is_calendar_date(a.item.due), db = is_calendar_date(b.item.due);
        if (da != db) return da;
        if (a.item.due != b.item.due) return a.item.due < b.item.due;
        return a.age_days > b.age_days;  // then the longest waiting first
    });
    o.detect_samples = static_cast<int>(ttd.size());
    o.resolve_samples = static_cast<int>(ttr.size());
    o.median_time_to_detect_s = median_of(std::move(ttd));
    o.median_time_to_resolve_s = median_of(std::move(ttr));
    o.resolve_detection_samples = static_cast<int>(ttr_detection.size());
    o.median_time_to_resolve_from_detection_s = median_of(std::move(ttr_detection));
    return o;
}

}  // namespace hs
