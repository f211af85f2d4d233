// The tracker matching as a job for another thread (core/tracker.h): its argument and its answer as JSON.
#include "core/format.h"
#include "core/json_members.h"
#include "core/tracker.h"

namespace hs {

std::string tracker_job_arg(const std::string& csv_text, const std::string& jira_base_url) {
    Json j = Json::object();
    j["csv"] = csv_text;
    j["jira_site"] = jira_base_url;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool tracker_match_job(const Document& d, const std::string& arg, std::string& answer) {
    const Json a = Json::parse(arg, nullptr, false);
    std::string csv;
    TrackerOptions opts;
    if (a.is_discarded() || !a.is_object() || !string_member(a, "csv", csv) || !string_member(a, "jira_site", opts.jira_base_url)) {
        answer = "the tracker file reached the matching damaged";
        return false;
    }
    const TrackerUpdate u = tracker_update(d, csv, opts);
    Json j = Json::object();
    j["ok"] = u.ok;
    j["error"] = u.error;
    j["tracker"] = u.tracker;
    j["rows"] = u.rows;
    Json changes = Json::array(), rows = Json::array();
    for (const TrackerChange& c : u.changes)
        changes.push_back({{"item", c.item_id}, {"field", c.field}, {"old", c.old_value}, {"new", c.new_value}});
    for (const TrackerUnmatchedRow& r : u.unmatched_rows)
        rows.push_back({{"line", r.line}, {"key", r.key}, {"title", r.title}});
    j["changes"] = std::move(changes);
    j["unmatched_rows"] = std::move(rows);
    j["unmatched_items"] = u.unmatched_items;
    j["notes"] = u.notes;
    j["no_match"] = u.ok && tracker_matched_rows(u) == 0 ? tracker_no_match_message(d, u) : std::string();
    answer = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    return true;
}

bool tracker_update_from_json(const std::string& answer, TrackerUpdate& u, std::string& no_match_message) {
    u = TrackerUpdate();
    const Json j = Json::parse(answer, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    auto ok = j.find("ok");
    auto changes = j.find("changes"), rows = j.find("unmatched_rows"), items = j.find("unmatched_items"),
         notes = j.find("notes");
    if (ok == j.end() || !ok->is_boolean() || !string_member(j, "error", u.error) || !string_member(j, "tracker", u.tracker) ||
        !size_member(j, "rows", u.rows) || !string_member(j, "no_match", no_match_message) || changes == j.end() ||
        !changes->is_array() || rows == j.end() || !rows->is_array() || items == j.end() || !items->is_array() ||
        notes == j.end() || !notes->is_array())
        return false;
    u.ok = ok->get<bool>();
    for (const Json& c : *changes) {
        TrackerChange t;
        if (!c.is_object() || !string_member(c, "item", t.item_id) || !string_member(c, "field", t.field) ||
            !string_member(c, "old", t.old_value) || !string_member(c, "new", t.new_value))
            return false;
        u.changes.push_back(std::move(t));
    }
    for (const Json& r : *rows) {
        TrackerUnmatchedRow t;
        if (!r.is_object() || !size_member(r, "line", t.line) || !string_member(r, "key", t.key) ||
            !string_member(r, "title", t.title))
            return false;
        u.unmatched_rows.push_back(std::move(t));
    }
    for (const Json& s : *items) {
        if (!s.is_string()) return false;
        u.unmatched_items.push_back(s.get<std::string>());
    }
    for (const Json& s : *notes) {
        if (!s.is_string()) return false;
        u.notes.push_back(s.get<std::string>());
    }
    return true;
}

}  // namespace hs
