// The overview across drafts: counts by severity and status, the open and overdue action items of every postmortem
// (a team's follow-up debt), and the median time to detect and to resolve (from metrics.h; time to resolve per
// basis). Pure functions.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

// An action item still to do: any status but "done" and "wont_do" (closed either way). A status outside the
// vocabulary, such as an importer's "blocked", is still work to do.
bool is_open_action(const ActionItem& a);
// The one rule for "overdue", in the overview, the draft list and the editor: open, with a calendar due date
// ("YYYY-MM-DD") before `today` (the UTC date; "" means no date known: never overdue). An item due today is not late
// yet; a due date that is not a date ("next week") never makes an item overdue.
bool is_overdue(const ActionItem& a, const std::string& today);
// Whole days from the postmortem's creation (its `created` time, UTC date) to `today` ("YYYY-MM-DD"): how long its
// action items have been waiting. -1 when either date is unknown; never negative.
int action_age_days(const Document& d, const std::string& today);
// The median, the mean of the two middle values (rounded toward the lower one) for an even count; none when empty.
std::optional<int64_t> median_of(std::vector<int64_t> v);

struct OverdueItem {
    std::string draft_id;
    std::string draft_title;
    ActionItem item;
    bool overdue = false;
    int age_days = -1;  // whole days since the postmortem was created (action_age_days); -1 when not known
};

struct Overview {
    int drafts = 0;
    std::map<int, int> by_severity;         // 0 = not set
    std::map<std::string, int> by_status;
    int open_actions = 0;
    int overdue_actions = 0;
    std::vector<OverdueItem> open_items;    // every open/in_progress action item, overdue first then by due date
    std::map<std::string, int> actions_by_status;  // every action item of every draft, closed ones too
    // Medians never mix bases: a time to resolve from impact start and one from the alert (a paging tool's import
    // without an impact start) measure different spans, so each basis has its own median.
    std::optional<int64_t> median_time_to_detect_s;                   // always from impact start
    std::optional<int64_t> median_time_to_resolve_s;                  // from impact start
    std::optional<int64_t> median_time_to_resolve_from_detection_s;   // timelines without an impact start
    int detect_samples = 0, resolve_samples = 0;  // postmortems whose timeline defines the figure
    int resolve_detection_samples = 0;
};

struct OverviewEntry {
    std::string draft_id;
    const Document* doc = nullptr;
};

// `today` is the UTC date used for overdue checks. Entries with a null doc are skipped.
Overview compute_overview(const std::vector<OverviewEntry>& entries, const std::string& today);

}  // namespace hs
