// Opsgenie importer: incident timeline entries ({"data":{"entries":[...]}} as the incident timeline API returns
// them, {"entries":[...]} or a bare array) in, a pre-filled postmortem out. Mapping table: docs/importers.md.
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "importers.h"

namespace hs {

using namespace import_detail;

namespace {

struct Entry {
    size_t index = 0;
    std::string raw_type;
    std::string key;  // fold_key(raw_type)
    Instant time;
    std::string text;
    std::string actor;
};

bool in(const std::string& k, std::initializer_list<const char*> list) {
    for (const char* s : list) {
        if (k == s) return true;
    }
    return false;
}

std::string event_type_for(const std::string& k, bool& first_created, bool& first_ack, bool& known) {
    known = true;
    if (in(k, {"incidentcreated", "create", "created", "incidentopened"})) {
        if (first_created) {
            first_created = false;
            return "detected";
        }
        return "note";
    }
    if (in(k, {"acknowledge", "acknowledged", "incidentacknowledged"})) {
        if (first_ack) {
            first_ack = false;
            return "acknowledged";
        }
        return "note";
    }
    if (in(k, {"escalated", "escalate", "incidentescalated", "responderadded", "addresponder", "respondersadded",
               "addteam", "teamadded"})) {
        return "escalated";
    }
    if (in(k, {"statuspageupdate", "statuspageupdated", "communication", "communicationsent", "stakeholdernotified",
               "notifystakeholders", "stakeholdersnotified"})) {
        return "communication";
    }
    if (in(k, {"incidentresolved", "resolve", "resolved"})) return "resolved";
    if (in(k, {"incidentclosed", "close", "closed", "note", "addnote", "noteadded"})) return "note";
    if (in(k, {"assignownership", "takeownership", "ownershipassigned", "executeaction", "actionexecuted",
               "prioritychanged", "priorityupdated", "unacknowledge", "snooze", "incidentreopened", "reopen"})) {
        return "action";
    }
    known = false;
    return "note";
}

// title / description are objects like {"name": "...", "type": "text"} or {"content": "...", "type": "text"};
// a plain string is accepted as well.
std::string text_of(const Json& e, const char* key) {
    auto it = e.find(key);
    if (it == e.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (!it->is_object()) return "";
    std::string s = json_string(*it, "content");
    if (s.empty()) s = json_string(*it, "name");
    return s;
}

// "IncidentClosed" -> "Incident closed": a readable description for entries that carry no text.
std::string humanize(const std::string& type) {
    std::string out;
    for (size_t i = 0; i < type.size(); ++i) {
        char c = type[i];
        bool upper = c >= 'A' && c <= 'Z';
        if (upper && i > 0) {
            out += ' ';
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}

// Where the entries are, and the incident when it is bundled with them.
struct Located {
    const Json* entries = nullptr;
    const Json* incident = nullptr;
    std::string ip;    // pointer of the incident object
    std::string base;  // pointer of the entries array
};

// The accepted shapes: {"data":{"entries":[...], "incident":{...}}}, {"entries":[...]} or a bare array. An error
// result when the input is none of them.
std::optional<ImportResult> locate(const Json& root, Located& loc) {
    if (root.is_array()) {
        loc.entries = &root;
    } else if (root.is_object()) {
        auto inc = root.find("incident");
        if (inc != root.end() && inc->is_object()) {
            loc.incident = &*inc;
            loc.ip = "/incident";
        }
        auto data = root.find("data");
        if (data != root.end()) {
            if (!data->is_object()) return import_error("/data", "Expected an object with \"entries\".");
            auto ent = data->find("entries");
            if (ent == data->end()) return import_error("/data", "There is no \"entries\" array.");
            if (!ent->is_array()) return import_error("/data/entries", "/data/entries: expected an array.");
            auto dinc = data->find("incident");
            if (!loc.incident && dinc != data->end() && dinc->is_object()) {
                loc.incident = &*dinc;
                loc.ip = "/data/incident";
            }
            loc.entries = &*ent;
            loc.base = "/data/entries";
        } else {
            auto ent = root.find("entries");
            if (ent == root.end()) {
                return import_error("", "The JSON has no \"data\" or \"entries\" member; expected the response "
                                        "of the Opsgenie incident timeline API.");
            }
            if (!ent->is_array()) return import_error("/entries", "Expected an array of timeline entries.");
            loc.entries = &*ent;
            loc.base = "/entries";
        }
    } else {
        return import_error("", "Expected a JSON object with timeline entries or an array of entries.");
    }
    if (loc.entries->empty()) {
        return import_error(loc.base, "The list of timeline entries is empty; there is nothing to import.");
    }
    return std::nullopt;
}

// Every entry checked and read; a hidden entry is skipped with a note. An error result for an entry without a
// type or a readable time.
std::optional<ImportResult> read_entries(const Located& loc, std::vector<Entry>& parsed, ImportResult& res) {
    for (size_t i = 0; i < loc.entries->size(); ++i) {
        const Json& e = (*loc.entries)[i];
        std::string ptr = loc.base + "/" + std::to_string(i);
        if (!e.is_object()) return import_error(ptr, "Expected a timeline entry object.");
        Entry en;
        en.index = i;
        auto type_it = e.find("type");
        if (type_it == e.end() || !type_it->is_string()) {
            return import_error(ptr + "/type",
                                "The entry type is missing or not a string (e.g. \"IncidentCreated\").");
        }
        en.raw_type = type_it->get<std::string>();
        en.key = fold_key(en.raw_type);
        if (auto error = entry_time(e, "eventTime", ptr, en.time)) return error;
        auto hidden = e.find("hidden");
        if (hidden != e.end() && hidden->is_boolean() && hidden->get<bool>()) {
            res.problems.push_back({ptr, "Hidden entry \"" + en.raw_type + "\" skipped."});
            continue;
        }
        en.text = text_of(e, "description");
        if (en.text.empty()) en.text = text_of(e, "title");
        if (en.text.empty()) en.text = humanize(en.raw_type);
        auto actor = e.find("actor");
        if (actor != e.end() && actor->is_object()) en.actor = json_string(*actor, "name");
        parsed.push_back(std::move(en));
    }
    return std::nullopt;
}

// The entries as events, in time order. Returns whether an IncidentCreated entry was among them.
bool add_events(std::vector<Entry>& parsed, const std::string& base, ImportResult& res) {
    sort_by_time(parsed);
    bool first_created = true, first_ack = true;
    for (const Entry& en : parsed) {
        bool known = true;
        const std::string type = event_type_for(en.key, first_created, first_ack, known);
        res.doc.timeline.push_back(new_event(en.time, type, en.text, en.actor.empty() ? "Opsgenie" : en.actor));
        if (!known) {
            std::string ptr = base + "/" + std::to_string(en.index) + "/type";
            res.problems.push_back({ptr, "Unknown timeline entry type \"" + en.raw_type + "\"; imported as a note."});
        }
    }
    // An alert is closed, not resolved: without a resolve entry, the first close is the resolution Opsgenie's time
    // to close measures.
    bool resolved = false;
    for (const Event& ev : res.doc.timeline) resolved = resolved || ev.type == "resolved";
    for (size_t i = 0; i < parsed.size() && !resolved; ++i) {
        if (!in(parsed[i].key, {"incidentclosed", "close", "closed"})) continue;
        res.doc.timeline[res.doc.timeline.size() - parsed.size() + i].type = "resolved";
        resolved = true;
    }
    return !first_created;
}

// The incident itself (when bundled with the timeline) gives title, id, priority and the impact window.
void read_incident(const Json& inc, const std::string& ip, ImportResult& res) {
    Document& doc = res.doc;
    doc.title = json_string(inc, "message");
    doc.incident_id = json_string(inc, "tinyId");
    if (doc.incident_id.empty()) doc.incident_id = json_string(inc, "id");
    std::string prio = json_string(inc, "priority");
    doc.severity = severity_from_priority(prio);
    if (!prio.empty() && doc.severity == 0) {
        res.problems.push_back({ip + "/priority", "The priority \"" + prio + "\" is not P1..P5; severity left unset."});
    }
    struct Window {
        const char* key;
        const char* type;
        const char* text;
    };
    for (const Window& w : {Window{"impactStartDate", "impact_start", "Impact started"},
                            Window{"impactEndDate", "mitigated", "Impact ended"}}) {
        std::string s = json_string(inc, w.key);
        if (s.empty()) continue;
        auto t = parse_iso8601(s, 0);
        if (!t) {
            res.problems.push_back({ip + "/" + w.key, "The time \"" + s + "\" is not ISO 8601; skipped."});
            continue;
        }
        const std::string description = std::string(w.text) + " (the incident's " + w.key + ")";
        doc.timeline.push_back(new_event(*t, w.type, description, "Opsgenie"));
    }
}

// The object's createdAt and its `report` (ackTime, closeTime: milliseconds after creation, Opsgenie's own time to
// acknowledge and to close) stand in for the entries the timeline lacks.
void add_report_times(const Json& obj, const std::string& ip, bool& created_seen, ImportResult& res) {
    const std::string created_text = json_string(obj, "createdAt");
    if (created_text.empty()) return;
    auto created = parse_iso8601(created_text, 0);
    if (!created) {
        res.problems.push_back({ip + "/createdAt", "The time \"" + created_text + "\" is not ISO 8601; skipped."});
        return;
    }
    auto has = [&](const char* type) {
        for (const Event& ev : res.doc.timeline)
            if (ev.type == type) return true;
        return false;
    };
    if (!has("detected")) {
        res.doc.timeline.push_back(new_event(*created, "detected", "Created (its createdAt)", "Opsgenie"));
        created_seen = true;
    }
    auto report = obj.find("report");
    if (report == obj.end() || !report->is_object()) return;
    struct After {
        const char* key;
        const char* type;
        const char* text;
    };
    for (const After& a : {After{"ackTime", "acknowledged", "Acknowledged (report.ackTime after createdAt)"},
                           After{"closeTime", "resolved", "Closed (report.closeTime after createdAt)"}}) {
        auto v = report->find(a.key);
        if (v == report->end() || has(a.type)) continue;
        if (!v->is_number_integer() || v->get<int64_t>() < 0) {
            res.problems.push_back({ip + "/report/" + a.key, "Expected milliseconds after createdAt; skipped."});
            continue;
        }
        Instant t = *created;
        t.unix_ms += v->get<int64_t>();
        res.doc.timeline.push_back(new_event(t, a.type, a.text, "Opsgenie"));
    }
}

// What the author has to fill in by hand: the title, and the events the timeline did not give.
void note_gaps(ImportResult& res, bool created_seen) {
    if (res.doc.title.empty()) {
        res.problems.push_back({"/title", "The timeline does not carry the incident's message; "
                                          "write a title."});
    }
    if (!created_seen) {
        res.problems.push_back({"/timeline", "There is no IncidentCreated entry, so there is no detected event."});
    }
    bool has_impact_start = false;
    for (const Event& ev : res.doc.timeline) has_impact_start = has_impact_start || ev.type == "impact_start";
    if (!has_impact_start) {
        res.problems.push_back({"/timeline", "The timeline does not say when impact started, so time to resolve "
                                             "runs from creation, as Opsgenie's own figure does; add an "
                                             "impact_start event to compute time to detect and to measure from "
                                             "impact start."});
    }
}

}  // namespace

ImportResult import_opsgenie(const std::string& text) {
    try {
        if (text.size() > kMaxImportBytes) {
            return import_error("", "The input is larger than 64 MiB; export a single incident's timeline.");
        }
        Json root = Json::parse(text, nullptr, false);
        if (root.is_discarded()) {
            return import_error("", "The input is not valid JSON; expected an Opsgenie incident timeline "
                                    "({\"data\": {\"entries\": [...]}}).");
        }
        Located loc;
        if (auto error = locate(root, loc)) return *error;
        ImportResult res;
        res.doc = new_import_document();
        std::vector<Entry> parsed;
        if (auto error = read_entries(loc, parsed, res)) return *error;
        bool created_seen = add_events(parsed, loc.base, res);
        if (loc.incident) {
            read_incident(*loc.incident, loc.ip, res);
            add_report_times(*loc.incident, loc.ip, created_seen, res);
        }
        sort_timeline(res.doc);
        note_gaps(res, created_seen);
        res.ok = true;
        return res;
    } catch (const std::exception& ex) {
        return import_error("", std::string("Could not import the Opsgenie timeline: ") + ex.what());
    } catch (...) {
        return import_error("", "Could not import the Opsgenie timeline.");
    }
}

}  // namespace hs
