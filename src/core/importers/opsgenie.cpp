// Opsgenie importer: incident timeline entries ({"data":{"entries":[...]}} as the incident timeline API returns
// them, {"entries":[...]} or a bare array) in, a pre-filled postmortem out. Mapping table: docs/importers.md.
#include <initializer_list>
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
        const Json* entries = nullptr;
        const Json* incident = nullptr;
        std::string ip;  // pointer of the incident object
        std::string base;
        if (root.is_array()) {
            entries = &root;
        } else if (root.is_object()) {
            auto inc = root.find("incident");
            if (inc != root.end() && inc->is_object()) {
                incident = &*inc;
                ip = "/incident";
            }
            auto data = root.find("data");
            if (data != root.end()) {
                if (!data->is_object()) return import_error("/data", "Expected an object with \"entries\".");
                auto ent = data->find("entries");
                if (ent == data->end()) return import_error("/data", "There is no \"entries\" array.");
                if (!ent->is_array()) return import_error("/data/entries", "/data/entries: expected an array.");
                auto dinc = data->find("incident");
                if (!incident && dinc != data->end() && dinc->is_object()) {
                    incident = &*dinc;
                    ip = "/data/incident";
                }
                entries = &*ent;
                base = "/data/entries";
            } else {
                auto ent = root.find("entries");
                if (ent == root.end()) {
                    return import_error("", "The JSON has no \"data\" or \"entries\" member; expected the response "
                                            "of the Opsgenie incident timeline API.");
                }
                if (!ent->is_array()) return import_error("/entries", "Expected an array of timeline entries.");
                entries = &*ent;
                base = "/entries";
            }
        } else {
            return import_error("", "Expected a JSON object with timeline entries or an array of entries.");
        }
        if (entries->empty()) {
            return import_error(base, "The list of timeline entries is empty; there is nothing to import.");
        }

        ImportResult res;
        res.doc = new_import_document();
        Document& doc = res.doc;
        std::vector<Entry> parsed;
        for (size_t i = 0; i < entries->size(); ++i) {
            const Json& e = (*entries)[i];
            std::string ptr = base + "/" + std::to_string(i);
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
            auto time_it = e.find("eventTime");
            if (time_it == e.end() || !time_it->is_string()) {
                return import_error(ptr + "/eventTime",
                                    "The time is missing or not a string (write 2026-03-01T14:02:00Z).");
            }
            std::string ts = time_it->get<std::string>();
            auto t = parse_iso8601(ts, 0);
            if (!t) {
                return import_error(ptr + "/eventTime", "The time \"" + ts +
                                                            "\" is not ISO 8601 (write 2026-03-01T14:02:00Z).");
            }
            en.time = *t;
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

        std::stable_sort(parsed.begin(), parsed.end(),
                         [](const Entry& a, const Entry& b) { return a.time.unix_ms < b.time.unix_ms; });
        bool first_created = true, first_ack = true;
        for (const Entry& en : parsed) {
            bool known = true;
            Event ev;
            ev.id = new_id("ev");
            ev.time = en.time;
            ev.type = event_type_for(en.key, first_created, first_ack, known);
            ev.description = en.text;
            ev.author = en.actor.empty() ? "Opsgenie" : en.actor;
            if (!known) {
                std::string ptr = base + "/" + std::to_string(en.index) + "/type";
                res.problems.push_back({ptr, "Unknown timeline entry type \"" + en.raw_type +
                                                 "\"; imported as a note."});
            }
            doc.timeline.push_back(std::move(ev));
        }

        // The incident itself (when bundled with the timeline) gives title, id, priority and the impact window.
        if (incident) {
            const Json& inc = *incident;
            doc.title = json_string(inc, "message");
            doc.incident_id = json_string(inc, "tinyId");
            if (doc.incident_id.empty()) doc.incident_id = json_string(inc, "id");
            std::string prio = json_string(inc, "priority");
            doc.severity = severity_from_priority(prio);
            if (!prio.empty() && doc.severity == 0) {
                res.problems.push_back({ip + "/priority", "The priority \"" + prio +
                                                              "\" is not P1..P5; severity left unset."});
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
                Event ev;
                ev.id = new_id("ev");
                ev.time = *t;
                ev.type = w.type;
                ev.description = std::string(w.text) + " (the incident's " + w.key + ")";
                ev.author = "Opsgenie";
                doc.timeline.push_back(std::move(ev));
            }
        }
        sort_timeline(doc);

        if (doc.title.empty()) {
            res.problems.push_back({"/title", "The timeline does not carry the incident's message; "
                                              "write a title."});
        }
        if (first_created) {
            res.problems.push_back(
                {"/timeline", "There is no IncidentCreated entry, so there is no detected event."});
        }
        bool has_impact_start = false;
        for (const Event& ev : doc.timeline) has_impact_start = has_impact_start || ev.type == "impact_start";
        if (!has_impact_start) {
            res.problems.push_back({"/timeline", "The timeline does not say when impact started; add an "
                                                 "impact_start event to compute time to detect and the impact "
                                                 "duration."});
        }
        res.ok = true;
        return res;
    } catch (const std::exception& ex) {
        return import_error("", std::string("Could not import the Opsgenie timeline: ") + ex.what());
    } catch (...) {
        return import_error("", "Could not import the Opsgenie timeline.");
    }
}

}  // namespace hs
