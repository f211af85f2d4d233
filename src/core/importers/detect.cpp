// Opening any file a person drops on the app: a Hindsight document, or an incident export an importer reads.
// The kind is recognised from the content (and the .csv extension), never from the name alone.
#include <algorithm>

#include "../format.h"
#include "../strings.h"
#include "../tracker.h"
#include "importers.h"

namespace hs {
namespace {

bool ends_with_ci(const std::string& s, const std::string& tail) {
    if (s.size() < tail.size()) return false;
    return std::equal(tail.rbegin(), tail.rend(), s.rbegin(),
                      [](char a, char b) { return lower(a) == b; });
}

bool is_log_entry(const Json& e) {
    if (!e.is_object() || !e.contains("type") || !e["type"].is_string()) return false;
    return ends_with_ci(e["type"].get<std::string>(), "_log_entry");
}

// The first character after white space (and a UTF-8 byte order mark) opens an object or an array.
bool looks_like_json(const std::string& text) {
    size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < text.size() && is_space(text[i])) ++i;
    return i < text.size() && (text[i] == '{' || text[i] == '[');
}

// Opsgenie's {"entries": [...]} (optionally with its "incident"): timeline entries carry an eventTime.
bool is_opsgenie_entries(const Json& j) {
    if (!j.is_object()) return false;
    auto e = j.find("entries");
    return e != j.end() && e->is_array() && !e->empty() && e->front().is_object() && e->front().contains("eventTime");
}

// An alert webhook payload: an object with an "alerts" array and the payload's own members. Grafana's carries orgId.
const char* alert_payload_kind(const Json& p) {
    if (!p.is_object()) return nullptr;
    auto alerts = p.find("alerts");
    if (alerts == p.end() || !alerts->is_array()) return nullptr;
    if (!p.contains("groupKey") && !p.contains("receiver") && !p.contains("version")) return nullptr;
    return p.contains("orgId") ? "grafana" : "alertmanager";
}

// A Statuspage incident, its webhook body, or the list of incidents.
bool is_statuspage(const Json& j) {
    if (!j.is_object()) return false;
    if (j.contains("incident_updates")) return true;
    auto inc = j.find("incident");
    if (inc != j.end() && inc->is_object() && inc->contains("incident_updates")) return true;
    auto list = j.find("incidents");
    return list != j.end() && list->is_array() && !list->empty() && list->front().is_object() &&
           list->front().contains("incident_updates");
}

// Alert payloads saved one after another (one per line, or pretty-printed in turn): the whole text is not one JSON
// value, but its first object is a payload.
const char* json_lines_kind(const std::string& text) {
    size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '{') return nullptr;
    const size_t end = import_detail::json_object_end(text, i);
    if (end == std::string::npos) return nullptr;
    return alert_payload_kind(Json::parse(text.substr(i, end - i), nullptr, false));
}

ImportResult import_kind(const std::string& kind, const std::string& text) {
    return kind == "grafana" ? import_grafana(text) : import_alertmanager(text);
}

// A tracker's CSV export naming Hindsight's action items is no timeline: it updates the open postmortem's items
// (core/tracker.h), which only the app or `hindsight actions update` can do, so as an import it explains itself.
ImportResult tracker_refusal() {
    return import_detail::import_error(
        "", "this is a tracker's export of action items (its rows carry hindsight-\xe2\x80\xa6 labels), not a "
            "timeline. Open the postmortem those items belong to and then this file (Action items > Update from "
            "tracker CSV), or run hindsight actions update POSTMORTEM.json THIS.csv.");
}

// A Markdown postmortem without the .md name: it opens with a heading, or has second-level ones.
bool looks_like_markdown(const std::string& text) {
    size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < text.size() && is_space(text[i])) ++i;
    return text.compare(i, 2, "# ") == 0 || text.find("\n## ") != std::string::npos;
}

}  // namespace

ImportResult open_any(const std::string& name, const std::string& text, std::string* kind_out) {
    std::string kind;
    ImportResult r;
    if (ends_with_ci(name, ".md") || ends_with_ci(name, ".markdown")) {
        kind = "markdown";
        r = import_markdown(text);
    } else if (ends_with_ci(name, ".csv")) {
        kind = "csv";
        r = import_csv(text);
        if (!r.ok && looks_like_tracker_csv(text)) {  // a timeline that happens to name a label still imports
            kind = "tracker";
            r = tracker_refusal();
        }
    } else if (size_t where = 0; !json_nesting_ok(text, where)) {
        // Refused before parsing: the parsed tree of such a file costs a call per level to copy or free.
        kind = "unknown";
        LoadResult l = load_document(text);
        r.problems = std::move(l.problems);
    } else {
        Json j = Json::parse(text, nullptr, false);
        const char* lines_kind = j.is_discarded() ? json_lines_kind(text) : nullptr;
        const char* alerts_kind = alert_payload_kind(j.is_array() && !j.empty() ? j.front() : j);
        if (lines_kind) {
            kind = lines_kind;
            r = import_kind(kind, text);
        } else if (j.is_discarded() && looks_like_json(text)) {
            // Meant as JSON but broken (often cut short): load_document's message says where it breaks.
            kind = "unknown";
            LoadResult l = load_document(text);
            r.problems = std::move(l.problems);
        } else if (j.is_discarded()) {
            // Not JSON: a CSV without the extension is still worth a try when its header says so.
            if (text.compare(0, 4, "Time") == 0 || text.compare(0, 7, "\xEF\xBB\xBFTime") == 0 ||
                text.compare(0, 4, "time") == 0) {
                kind = "csv";
                r = import_csv(text);
            } else if (looks_like_tracker_csv(text)) {
                kind = "tracker";
                r = tracker_refusal();
            } else if (looks_like_markdown(text)) {
                kind = "markdown";
                r = import_markdown(text);
            } else {
                kind = "unknown";
                r = import_detail::import_error("", "this is neither JSON nor CSV nor Markdown with headings. Hindsight "
                                                    "opens .hindsight.json files and imports PagerDuty, Opsgenie, "
                                                    "Slack, Alertmanager, Grafana, Statuspage and CSV exports and "
                                                    "Markdown postmortems.");
            }
        } else if (j.is_object() && j.contains("format")) {
            kind = "hindsight";
            LoadResult l = load_document_json(j);
            r.ok = l.ok;
            r.doc = std::move(l.doc);
            r.problems = std::move(l.problems);
        } else if (alerts_kind) {
            kind = alerts_kind;
            r = import_kind(kind, text);
        } else if (is_statuspage(j)) {
            kind = "statuspage";
            r = import_statuspage(text);
        } else if ((j.is_object() && j.contains("log_entries")) ||
                   (j.is_array() && !j.empty() && is_log_entry(j.front()))) {
            kind = "pagerduty";
            r = import_pagerduty(text);
        } else if ((j.is_object() && j.contains("data") && j["data"].is_object() && j["data"].contains("entries")) ||
                   is_opsgenie_entries(j)) {
            kind = "opsgenie";
            r = import_opsgenie(text);
        } else if (j.is_array() && !j.empty() && j.front().is_object() && j.front().contains("ts")) {
            kind = "slack";
            r = import_slack(text);
        } else {
            kind = "unknown";
            r = import_detail::import_error("", "this JSON is not a Hindsight postmortem (no \"format\") nor an "
                                                "export Hindsight can import (PagerDuty log entries, Opsgenie "
                                                "timeline, a Slack channel day file, Alertmanager or Grafana "
                                                "webhook payloads, a Statuspage incident).");
        }
    }
    if (kind_out) *kind_out = kind;
    return r;
}

std::string refusal_message(const std::string& name, const std::vector<Problem>& problems) {
    std::string msg = name + " could not be opened. Nothing you had open was changed.";
    for (size_t i = 0; i < problems.size() && i < 5; ++i)
        msg += "\n\xe2\x80\xa2 " + (problems[i].pointer.empty() ? std::string() : problems[i].pointer + ": ") +
               problems[i].message;
    if (problems.size() > 5) msg += "\n(and " + std::to_string(problems.size() - 5) + " more)";
    return msg;
}

}  // namespace hs
