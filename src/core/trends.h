// Trends across a library of postmortems: incidents per month by severity; median time to detect, acknowledge and
// resolve per month (metrics.h); the most frequent contributing-factor categories and services; action items opened
// and closed per month and the ageing of the overdue ones. The figures behind the trends charts, their table views
// and the trends report (JSON and Markdown), computed the same way for the CLI (hindsight stats) and the UI.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

struct TrendMonth {
    std::string month;                 // "2026-03" (UTC, from the postmortem's created time)
    int incidents = 0;
    std::map<int, int> by_severity;    // severity (0 = not set) -> postmortems
    // Medians over the postmortems of the month whose timeline defines the figure (samples: how many). Time to
    // detect and to resolve run from impact start; time to acknowledge from the first detected event. A time to
    // resolve measured from detection (no impact start) is left out, so that the medians never mix bases.
    std::optional<int64_t> median_detect_s, median_acknowledge_s, median_resolve_s;
    int detect_samples = 0, acknowledge_samples = 0, resolve_samples = 0;
    // The action items of the month's postmortems (the format keeps no date per item: an item counts as opened in
    // its postmortem's month), and how many of those are closed now (done or won't do).
    int actions_opened = 0, actions_closed = 0;
};

struct TrendCount {
    std::string name;
    int count = 0;
};

struct AgeBucket {
    std::string label;  // "1-7 days"
    int min_days = 0, max_days = 0;  // days past due, inclusive; max_days -1 = no upper bound
    int count = 0;
};

struct Trends {
    std::string today;                 // "YYYY-MM-DD": the date overdue is measured against
    int incidents = 0;
    int undated = 0;                   // postmortems without a created time: in the totals, not in a month
    std::vector<TrendMonth> months;    // every month from the first to the last, empty ones included
    std::vector<TrendCount> factor_categories;  // most frequent first (ties by name); "(none)" for no category
    std::vector<TrendCount> services;           // most frequent first (ties by name)
    std::vector<TrendCount> detection_methods;  // most frequent first; "(none)" when not recorded
    int open_actions = 0, overdue_actions = 0;
    std::vector<AgeBucket> overdue_ageing;      // 1-7, 8-30, 31-90 and over 90 days past due
};

// `today` ("YYYY-MM-DD", UTC) decides what is overdue (overview.h is_overdue). Null documents are skipped.
Trends compute_trends(const std::vector<const Document*>& docs, const std::string& today);

// {"today", "incidents", "undated", "months": [{"month", "incidents", "by_severity": {"1": n, ...},
//  "median_time_to_detect_s", "median_time_to_acknowledge_s", "median_time_to_resolve_s" (null when no sample),
//  "detect_samples", ..., "actions_opened", "actions_closed"}], "factor_categories": [{"name", "count"}],
//  "services": [...], "detection_methods": [...], "open_actions", "overdue_actions",
//  "overdue_ageing": [{"label", "min_days", "max_days" (null: no bound), "count"}]}
Json trends_json(const Trends& t);
// The trends report: a heading, then one table per figure, in the order above.
std::string trends_markdown(const Trends& t);

}  // namespace hs
