// The overview across drafts: counts by severity and status, the open and overdue action items of every postmortem
// (a team's follow-up debt), and the median time to detect and to resolve (from metrics.h). Pure functions.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

// An action item still to do: status "open" or "in_progress".
bool is_open_action(const ActionItem& a);
// Open, with a calendar due date before `today` ("YYYY-MM-DD"; "" means no date known: never overdue).
bool is_overdue(const ActionItem& a, const std::string& today);
// The median, the mean of the two middle values (rounded toward the lower one) for an even count; none when empty.
std::optional<int64_t> median_of(std::vector<int64_t> v);

struct OverdueItem {
    std::string draft_id;
    std::string draft_title;
    ActionItem item;
    bool overdue = false;
};

struct Overview {
    int drafts = 0;
    std::map<int, int> by_severity;         // 0 = not set
    std::map<std::string, int> by_status;
    int open_actions = 0;
    int overdue_actions = 0;
    std::vector<OverdueItem> open_items;    // every open/in_progress action item, overdue first then by due date
    std::optional<int64_t> median_time_to_detect_s;
    std::optional<int64_t> median_time_to_resolve_s;
    int detect_samples = 0, resolve_samples = 0;  // postmortems whose timeline defines the figure
};

struct OverviewEntry {
    std::string draft_id;
    const Document* doc = nullptr;
};

// `today` is the UTC date used for overdue checks. Entries with a null doc are skipped.
Overview compute_overview(const std::vector<OverviewEntry>& entries, const std::string& today);

}  // namespace hs
