#include "trends.h"

#include <algorithm>

#include "metrics.h"
#include "overview.h"
#include "sort.h"

namespace hs {

namespace {

constexpr const char* kNone = "(none)";

struct Samples {
    std::vector<int64_t> detect, acknowledge, resolve;
};

// "2026-03" -> "2026-04".
std::string next_month(const std::string& m) {
    int y = std::stoi(m.substr(0, 4)), mo = std::stoi(m.substr(5, 2)) + 1;
    if (mo > 12) mo = 1, ++y;
    char buf[32];  // room for any int, so that the compiler sees nothing cut
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, mo);
    return buf;
}

int64_t day_number(const std::string& date) {
    return days_from_civil(std::stoi(date.substr(0, 4)), static_cast<unsigned>(std::stoi(date.substr(5, 2))),
                           static_cast<unsigned>(std::stoi(date.substr(8, 2))));
}

std::vector<TrendCount> ranked(const std::map<std::string, int>& counts) {
    std::vector<TrendCount> out;
    for (const auto& c : counts) out.push_back({c.first, c.second});
    sort_stable(out.begin(), out.end(), [](const TrendCount& a, const TrendCount& b) { return a.count > b.count; });
    return out;
}

Json opt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(); }

void add_metrics(const Document& d, Samples& s) {
    const Metrics m = compute_metrics(d);
    if (m.time_to_detect_s) s.detect.push_back(*m.time_to_detect_s);
    if (m.time_to_acknowledge_s) s.acknowledge.push_back(*m.time_to_acknowledge_s);
    if (m.time_to_resolve_s && m.resolve_basis == Basis::impact_start) s.resolve.push_back(*m.time_to_resolve_s);
}

void finish_month(TrendMonth& m, Samples& s) {
    m.detect_samples = static_cast<int>(s.detect.size());
    m.acknowledge_samples = static_cast<int>(s.acknowledge.size());
    m.resolve_samples = static_cast<int>(s.resolve.size());
    m.median_detect_s = median_of(std::move(s.detect));
    m.median_acknowledge_s = median_of(std::move(s.acknowledge));
    m.median_resolve_s = median_of(std::move(s.resolve));
}

void count_actions(const Document& d, const std::string& today, TrendMonth* month, Trends& t) {
    for (const ActionItem& a : d.action_items) {
        if (month) {
            ++month->actions_opened;
            month->actions_closed += !is_open_action(a);
        }
        if (!is_open_action(a)) continue;
        ++t.open_actions;
        if (!is_calendar_date(today) || !is_overdue(a, today)) continue;
        ++t.overdue_actions;
        const int64_t late = day_number(today) - day_number(a.due);
        for (AgeBucket& b : t.overdue_ageing)
            if (late >= b.min_days && (b.max_days < 0 || late <= b.max_days)) ++b.count;
    }
}

std::string cell(const std::optional<int64_t>& v) { return v ? format_duration(*v) : "-"; }

// A name in a Markdown table cell: a '|' would end the cell and a line break the row.
std::string md_cell(const std::string& v) {
    std::string s;
    for (char c : v) {
        if (c == '|') s += "\\|";
        else s += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return s;
}

std::string table(const std::vector<TrendCount>& v, const char* what) {
    std::string s = std::string("| ") + what + " | Postmortems |\n|---|---:|\n";
    for (const TrendCount& c : v) s += "| " + md_cell(c.name) + " | " + std::to_string(c.count) + " |\n";
    return s + "\n";
}

}  // namespace

Trends compute_trends(const std::vector<const Document*>& docs, const std::string& today) {
    Trends t;
    t.today = today;
    t.overdue_ageing = {{"1-7 days", 1, 7, 0}, {"8-30 days", 8, 30, 0}, {"31-90 days", 31, 90, 0},
                        {"over 90 days", 91, -1, 0}};
    std::map<std::string, TrendMonth> months;
    std::map<std::string, Samples> samples;
    std::map<std::string, int> categories, services, detection;
    for (const Document* d : docs) {
        if (!d) continue;
        ++t.incidents;
        TrendMonth* month = nullptr;
        if (d->created.set) {
            const std::string key = format_utc(d->created).substr(0, 7);
            month = &months[key];
            month->month = key;
            ++month->incidents;
            ++month->by_severity[d->severity];
            add_metrics(*d, samples[key]);
        } else {
            ++t.undated;
        }
        for (const Item& f : d->contributing_factors) ++categories[f.category.empty() ? kNone : f.category];
        for (const std::string& s : d->services)
            if (!s.empty()) ++services[s];
        ++detection[d->detection_method.empty() ? kNone : d->detection_method];
        count_actions(*d, today, month, t);
    }
    if (!months.empty()) {  // every month between the first and the last, so that a chart's axis has no gaps
        const std::string last = months.rbegin()->first;
        for (std::string m = months.begin()->first; m <= last; m = next_month(m)) {
            TrendMonth& tm = months[m];
            tm.month = m;
            finish_month(tm, samples[m]);
            t.months.push_back(tm);
        }
    }
    t.factor_categories = ranked(categories);
    t.services = ranked(services);
    t.detection_methods = ranked(detection);
    return t;
}

Json trends_json(const Trends& t) {
    Json months = Json::array();
    for (const TrendMonth& m : t.months) {
        Json sev = Json::object();
        for (const auto& s : m.by_severity) sev[std::to_string(s.first)] = s.second;
        months.push_back({{"month", m.month}, {"incidents", m.incidents}, {"by_severity", sev},
                          {"median_time_to_detect_s", opt(m.median_detect_s)},
                          {"median_time_to_acknowledge_s", opt(m.median_acknowledge_s)},
                          {"median_time_to_resolve_s", opt(m.median_resolve_s)},
                          {"detect_samples", m.detect_samples}, {"acknowledge_samples", m.acknowledge_samples},
                          {"resolve_samples", m.resolve_samples}, {"actions_opened", m.actions_opened},
                          {"actions_closed", m.actions_closed}});
    }
    auto counts = [](const std::vector<TrendCount>& v) {
        Json a = Json::array();
        for (const TrendCount& c : v) a.push_back({{"name", c.name}, {"count", c.count}});
        return a;
    };
    Json ageing = Json::array();
    for (const AgeBucket& b : t.overdue_ageing)
        ageing.push_back({{"label", b.label}, {"min_days", b.min_days},
                          {"max_days", b.max_days < 0 ? Json() : Json(b.max_days)}, {"count", b.count}});
    return {{"today", t.today}, {"incidents", t.incidents}, {"undated", t.undated}, {"months", months},
            {"factor_categories", counts(t.factor_categories)}, {"services", counts(t.services)},
            {"detection_methods", counts(t.detection_methods)}, {"open_actions", t.open_actions},
            {"overdue_actions", t.overdue_actions}, {"overdue_ageing", ageing}};
}

std::string trends_markdown(const Trends& t) {
    std::string s = "# Postmortem trends\n\n" + std::to_string(t.incidents) + " postmortems";
    if (!t.months.empty()) s += ", " + t.months.front().month + " to " + t.months.back().month;
    if (t.undated) s += " (" + std::to_string(t.undated) + " without a date)";
    s += ". Action items: " + std::to_string(t.open_actions) + " open, " + std::to_string(t.overdue_actions) +
         " overdue on " + t.today + ".\n\n";
    s += "## Incidents per month by severity\n\n| Month | Incidents | SEV1 | SEV2 | SEV3 | SEV4 | SEV5 | Not set |\n"
         "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const TrendMonth& m : t.months) {
        s += "| " + m.month + " | " + std::to_string(m.incidents);
        for (int sev : {1, 2, 3, 4, 5, 0}) {
            auto it = m.by_severity.find(sev);
            s += " | " + std::to_string(it == m.by_severity.end() ? 0 : it->second);
        }
        s += " |\n";
    }
    s += "\n## Median response times per month\n\nTime to detect and to resolve from impact start, time to "
         "acknowledge from the alert; - where no postmortem of the month defines the figure.\n\n"
         "| Month | Detect | Acknowledge | Resolve |\n|---|---:|---:|---:|\n";
    for (const TrendMonth& m : t.months)
        s += "| " + m.month + " | " + cell(m.median_detect_s) + " | " + cell(m.median_acknowledge_s) + " | " +
             cell(m.median_resolve_s) + " |\n";
    s += "\n## Contributing-factor categories\n\n" + table(t.factor_categories, "Category");
    s += "## Services\n\n" + table(t.services, "Service");
    s += "## Detection methods\n\n" + table(t.detection_methods, "Detection method");
    s += "## Action items opened and closed per month\n\nAn item counts in its postmortem's month; closed: done or "
         "won't do now.\n\n| Month | Opened | Closed |\n|---|---:|---:|\n";
    for (const TrendMonth& m : t.months)
        s += "| " + m.month + " | " + std::to_string(m.actions_opened) + " | " + std::to_string(m.actions_closed) +
             " |\n";
    s += "\n## Overdue action items by days past due\n\n| Past due | Items |\n|---|---:|\n";
    for (const AgeBucket& b : t.overdue_ageing) s += "| " + b.label + " | " + std::to_string(b.count) + " |\n";
    return s;
}

}  // namespace hs
