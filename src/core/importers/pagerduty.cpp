// PagerDuty importer: the REST API v2 `GET /incidents/{id}/log_entries` response (or a bare array of log entries)
// in, a pre-filled postmortem out. The mapping table is in docs/importers.md.
#include <optional>
#include <string>
#include <vector>

#include "importers.h"

namespace hs {

using namespace import_detail;

namespace {

struct Entry {
    size_t index = 0;        // position in the source array, for pointers
    std::string kind;        // "trigger", "acknowledge", ... ("_log_entry" removed)
    std::string raw_type;    // as written
    Instant time;
    std::string summary;
    std::string channel_summary;
    std::string agent;
};

// What the incident object says about its own life, used when the log entries leave out the trigger or the
// resolution: PagerDuty's analytics measure from `created_at` (the trigger) to the resolution.
struct IncidentTimes {
    std::optional<Instant> created;   // created_at
    std::optional<Instant> resolved;  // last_status_change_at of a resolved incident
};

void read_incident_times(const Json& inc, IncidentTimes& times) {
    if (!times.created) times.created = parse_iso8601(json_string(inc, "created_at"), 0);
    if (!times.resolved && json_string(inc, "status") == "resolved") {
        times.resolved = parse_iso8601(json_string(inc, "last_status_change_at"), 0);
    }
}

// The `incident` reference or object of an entry gives the title, id and (with include[]=incidents) the priority.
void read_incident(const Json& inc, Document& doc, int& severity_from_urgency, IncidentTimes& times) {
    if (!inc.is_object()) return;
    read_incident_times(inc, times);
    if (doc.title.empty()) {
        std::string title = json_string(inc, "title");
        if (title.empty()) {
            title = json_string(inc, "summary");
            // Incident summaries read "[#1234] Checkout is down": the number is not part of the title.
            if (title.size() > 3 && title[0] == '[' && title[1] == '#') {
                size_t close = title.find("] ");
                if (close != std::string::npos) title = title.substr(close + 2);
            }
        }
        doc.title = title;
    }
    if (doc.incident_id.empty()) doc.incident_id = json_string(inc, "id");
    if (doc.severity == 0) {
        auto p = inc.find("priority");
        if (p != inc.end()) {
            int sev = 0;
            if (p->is_object()) {
                sev = severity_from_priority(json_string(*p, "summary"));
                if (sev == 0) sev = severity_from_priority(json_string(*p, "name"));
            } else if (p->is_string()) {
                sev = severity_from_priority(p->get<std::string>());
            }
            doc.severity = sev;
        }
    }
    if (severity_from_urgency == 0) {
        std::string urgency = json_string(inc, "urgency");
        if (urgency == "high") severity_from_urgency = 2;
        if (urgency == "low") severity_from_urgency = 4;
    }
}

std::string event_type_for(const std::string& kind, bool& first_trigger, bool& first_ack, bool& known) {
    known = true;
    if (kind == "trigger") {
        if (first_trigger) {
            first_trigger = false;
            return "detected";
        }
        return "note";  // a later trigger (a repeat alert) is worth seeing, but it is not the detection
    }
    if (kind == "acknowledge") {
        if (first_ack) {
            first_ack = false;
            return "acknowledged";
        }
        return "note";
    }
    if (kind == "escalate" || kind == "exhaust_escalation_path" || kind == "repeat_escalation_path") return "escalated";
    if (kind == "annotate") return "note";
    if (kind == "resolve") return "resolved";
    if (kind == "notify") return "communication";
    if (kind == "assign" || kind == "reassign" || kind == "delegate" || kind == "unacknowledge" ||
        kind == "snooze" || kind == "urgency_change" || kind == "priority_change" || kind == "link") {
        return "action";
    }
    known = false;
    return "note";
}

// The log entries: {"log_entries":[...]} (GET /incidents/{id}/log_entries) or a bare array. An error result when
// the input is neither, or holds none.
std::optional<ImportResult> locate(const Json& root, const Json*& entries, std::string& base) {
    if (root.is_array()) {
        entries = &root;
    } else if (root.is_object()) {
        auto it = root.find("log_entries");
        if (it == root.end()) {
            return import_error("", "The JSON has no \"log_entries\" member; expected the response of "
                                    "GET /incidents/{id}/log_entries.");
        }
        if (!it->is_array()) return import_error("/log_entries", "Expected an array of log entries.");
        entries = &*it;
        base = "/log_entries";
    } else {
        return import_error("", "Expected a JSON object with \"log_entries\" or an array of log entries.");
    }
    if (entries->empty()) return import_error(base, "The list of log entries is empty; there is nothing to import.");
    return std::nullopt;
}

// One log entry read into `en`; the incident and the service it names go into the document. An error result for an
// entry without a type or a readable time.
std::optional<ImportResult> read_entry(const Json& e, const std::string& ptr, Entry& en, Document& doc,
                                       int& urgency_severity, IncidentTimes& times) {
    if (!e.is_object()) return import_error(ptr, "Expected a log entry object.");
    auto type_it = e.find("type");
    if (type_it == e.end() || !type_it->is_string()) {
        return import_error(ptr + "/type",
                            "The log entry type is missing or not a string (e.g. \"trigger_log_entry\").");
    }
    en.raw_type = type_it->get<std::string>();
    en.kind = en.raw_type;
    const std::string suffix = "_log_entry";
    if (en.kind.size() > suffix.size() && en.kind.compare(en.kind.size() - suffix.size(), suffix.size(), suffix) == 0) {
        en.kind.resize(en.kind.size() - suffix.size());
    }
    if (auto error = entry_time(e, "created_at", ptr, en.time)) return error;
    en.summary = json_string(e, "summary");
    auto ch = e.find("channel");
    if (ch != e.end() && ch->is_object()) en.channel_summary = json_string(*ch, "summary");
    auto ag = e.find("agent");
    if (ag != e.end() && ag->is_object()) en.agent = json_string(*ag, "summary");
    if (en.agent.empty()) {
        auto user = e.find("user");  // notify entries name the person notified here
        if (user != e.end() && user->is_object() && en.kind != "notify") en.agent = json_string(*user, "summary");
    }
    auto inc = e.find("incident");
    if (inc != e.end()) read_incident(*inc, doc, urgency_severity, times);
    auto svc = e.find("service");
    if (svc != e.end() && svc->is_object()) {
        std::string name = json_string(*svc, "summary");
        bool seen = false;
        for (const auto& s : doc.services) seen = seen || s == name;
        if (!name.empty() && !seen) doc.services.push_back(name);
    }
    return std::nullopt;
}

// The entries as events, in time order. Returns whether a trigger entry was among them.
bool add_events(std::vector<Entry>& parsed, const std::string& base, ImportResult& res) {
    sort_by_time(parsed);  // the API can list the entries newest first
    bool first_trigger = true, first_ack = true;
    for (const Entry& en : parsed) {
        bool known = true;
        const std::string type = event_type_for(en.kind, first_trigger, first_ack, known);
        std::string description;
        if (en.kind == "annotate") {
            description = !en.channel_summary.empty() ? en.channel_summary : en.summary;
        } else {
            // A trigger's channel carries the alert text, which says more than "Triggered through the API.".
            bool alert_text = en.kind == "trigger" && !en.channel_summary.empty();
            description = alert_text ? en.channel_summary : en.summary;
        }
        if (description.empty()) description = en.raw_type;
        res.doc.timeline.push_back(new_event(en.time, type, description, en.agent.empty() ? "PagerDuty" : en.agent));
        if (!known) {
            const std::string ptr = base + "/" + std::to_string(en.index) + "/type";
            res.problems.push_back({ptr, "Unknown log entry type \"" + en.raw_type + "\"; imported as a note."});
        }
    }
    return !first_trigger;
}

// A log that lacks the trigger or the resolution (a page of a longer list) takes them from the incident object, so
// that time to acknowledge and time to resolve still run from the trigger, as PagerDuty's own figures do.
void add_incident_times(const IncidentTimes& times, bool& trigger_seen, ImportResult& res) {
    bool resolved_seen = false;
    for (const Event& ev : res.doc.timeline) resolved_seen = resolved_seen || ev.type == "resolved";
    if (!trigger_seen && times.created) {
        res.doc.timeline.push_back(new_event(*times.created, "detected", "Incident triggered (its created_at)",
                                             "PagerDuty"));
        res.problems.push_back({"/timeline", "There is no trigger log entry; the incident's created_at was used "
                                             "as the detected event."});
        trigger_seen = true;
    }
    if (!resolved_seen && times.resolved) {
        res.doc.timeline.push_back(new_event(*times.resolved, "resolved",
                                             "Incident resolved (its last_status_change_at)", "PagerDuty"));
        res.problems.push_back({"/timeline", "There is no resolve log entry; the resolved incident's "
                                             "last_status_change_at was used as the resolved event."});
    }
}

// What the author has to fill in or check by hand: an inferred severity, the title, and the events the log did not
// give.
void note_gaps(ImportResult& res, int urgency_severity, bool trigger_seen) {
    Document& doc = res.doc;
    if (doc.severity == 0 && urgency_severity != 0) {
        doc.severity = urgency_severity;
        res.problems.push_back({"/severity", std::string("The incident has no priority; severity ") +
                                                 std::to_string(urgency_severity) + " was inferred from its " +
                                                 (urgency_severity == 2 ? "high" : "low") + " urgency."});
    }
    if (doc.title.empty()) res.problems.push_back({"/title", "The log entries name no incident; write a title."});
    if (!trigger_seen) {
        res.problems.push_back({"/timeline", "There is no trigger log entry, so there is no detected event."});
    }
    // PagerDuty records when the alert fired, not when users started to feel it: say so rather than guess.
    res.problems.push_back({"/timeline", "PagerDuty does not record when impact started, so time to resolve runs "
                                         "from the trigger, as PagerDuty's own figure does; add an impact_start "
                                         "event to compute time to detect and to measure from impact start."});
}

}  // namespace

ImportResult import_pagerduty(const std::string& text) {
    try {
        if (text.size() > kMaxImportBytes) {
            return import_error("", "The input is larger than 64 MiB; export a single incident's log entries.");
        }
        Json root = Json::parse(text, nullptr, false);
        if (root.is_discarded()) {
            return import_error("", "The input is not valid JSON; expected PagerDuty log entries "
                                    "({\"log_entries\": [...]}).");
        }
        const Json* entries = nullptr;
        std::string base;
        if (auto error = locate(root, entries, base)) return *error;

        ImportResult res;
        res.doc = new_import_document();
        int urgency_severity = 0;
        IncidentTimes times;
        if (root.is_object()) {  // {"incident": {...}, "log_entries": [...]}: the incident saved beside its log
            auto inc = root.find("incident");
            if (inc != root.end()) read_incident(*inc, res.doc, urgency_severity, times);
        }
        std::vector<Entry> parsed;
        parsed.reserve(entries->size());
        for (size_t i = 0; i < entries->size(); ++i) {
            Entry en;
            en.index = i;
            const std::string ptr = base + "/" + std::to_string(i);
            if (auto error = read_entry((*entries)[i], ptr, en, res.doc, urgency_severity, times)) return *error;
            parsed.push_back(std::move(en));
        }
        bool trigger_seen = add_events(parsed, base, res);
        add_incident_times(times, trigger_seen, res);
        sort_timeline(res.doc);
        note_gaps(res, urgency_severity, trigger_seen);
        res.ok = true;
        return res;
    } catch (const std::exception& ex) {
        return import_error("", std::string("Could not import the PagerDuty log: ") + ex.what());
    } catch (...) {
        return import_error("", "Could not import the PagerDuty log.");
    }
}

}  // namespace hs
