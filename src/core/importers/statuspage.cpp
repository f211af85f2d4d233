// Atlassian Statuspage importer: an incident object as the API returns it (GET /pages/{page}/incidents/{id}), a
// webhook body ({"incident": {...}}) or the list ({"incidents": [...]}) in, a pre-filled postmortem out. What the
// customers read (each incident update) becomes a communication event; the status changes it carries become the
// matching event types. Mapping table: docs/importers.md.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "../strings.h"
#include "importers.h"
#include "../sort.h"

namespace hs {

using namespace import_detail;

namespace {

constexpr const char* kAuthor = "Statuspage";
// Every customer-facing update carries this tag, so the timeline can show (and filter) them apart from the
// responders' own events.
constexpr const char* kCustomerFacingTag = "customer-facing";
// Incident ids listed in an error before "...".
constexpr size_t kMaxIdsInMessage = 5;

struct Update {
    size_t index = 0;
    Instant time;
    std::string status;
    std::string body;
    Json details = Json::object();
};

// What a status change means on the timeline: the event type and how it reads. Empty type: no status event.
struct StatusMeaning {
    const char* status;
    const char* type;
    const char* text;
};
const StatusMeaning kStatuses[] = {
    {"investigating", "note", "Back to investigating"},
    {"identified", "note", "Cause identified"},
    {"monitoring", "mitigated", "Fix in place, monitoring"},
    {"resolved", "resolved", "Resolved"},
    {"postmortem", "note", "Postmortem published"},
    {"update", "", ""},
    {"scheduled", "note", "Maintenance scheduled"},
    {"in_progress", "action", "Maintenance in progress"},
    {"verifying", "mitigated", "Maintenance done, verifying"},
    {"completed", "resolved", "Maintenance completed"},
};

const StatusMeaning* meaning_of(const std::string& status) {
    for (const StatusMeaning& m : kStatuses) {
        if (status == m.status) return &m;
    }
    return nullptr;
}

// critical -> SEV1, major -> SEV2, minor -> SEV3, none -> SEV5 (posted, but no customer impact); 0 otherwise.
int severity_from_impact(const std::string& impact) {
    if (impact == "critical") return 1;
    if (impact == "major") return 2;
    if (impact == "minor") return 3;
    if (impact == "none") return 5;
    return 0;
}

std::string ids_of(const Json& list) {
    std::string out;
    for (size_t i = 0; i < list.size() && i < kMaxIdsInMessage; ++i) {
        out += (i ? ", " : "") + json_string(list[i], "id");
    }
    if (list.size() > kMaxIdsInMessage) out += ", ...";
    return out;
}

// The incident in the file, and its pointer. An error result when there is none, or not the one asked for.
std::optional<ImportResult> locate(const Json& root, const std::string& wanted, const Json*& inc, std::string& ip,
                                   ImportResult& res) {
    if (root.is_object() && !root.contains("incidents")) {
        auto it = root.find("incident");
        if (it != root.end() && it->is_object() && !root.contains("incident_updates")) {
            inc = &*it;  // a webhook body: {"meta": ..., "page": ..., "incident": {...}}
            ip = "/incident";
        } else {
            inc = &root;
        }
        return std::nullopt;
    }
    const Json* list = &root;
    if (root.is_object()) {
        list = &root["incidents"];
        ip = "/incidents";
    }
    if (!list->is_array()) {
        return import_error(ip, "Expected a Statuspage incident object, or a list of incidents "
                                "({\"incidents\": [...]}).");
    }
    if (list->empty()) return import_error(ip, "The list of incidents is empty; there is nothing to import.");
    size_t pick = 0;
    if (!wanted.empty()) {
        auto it = std::find_if(list->begin(), list->end(), [&](const Json& i) {
            return json_string(i, "id") == wanted || json_string(i, "shortlink") == wanted;
        });
        if (it == list->end()) {
            return import_error(ip, "No incident has the id \"" + wanted + "\"; the file holds " + ids_of(*list) +
                                        ".");
        }
        pick = static_cast<size_t>(it - list->begin());
    } else if (list->size() > 1) {
        res.problems.push_back({ip, "The file holds " + std::to_string(list->size()) + " incidents; imported the "
                                    "first, \"" + json_string((*list)[0], "name") + "\" (" +
                                    json_string((*list)[0], "id") + "). Ask for another by its id (CLI: --incident "
                                    "ID)."});
    }
    inc = &(*list)[pick];
    ip += "/" + std::to_string(pick);
    return std::nullopt;
}

// The updates, oldest first (the API lists them newest first). An error result for an update without a readable
// time.
std::optional<ImportResult> read_updates(const Json& inc, const std::string& ip, std::vector<Update>& out,
                                         ImportResult& res) {
    auto it = inc.find("incident_updates");
    if (it == inc.end() || it->is_null()) {
        res.problems.push_back({ip + "/incident_updates", "The incident has no updates; only its own times are "
                                                          "on the timeline."});
        return std::nullopt;
    }
    if (!it->is_array()) return import_error(ip + "/incident_updates", "Expected an array of incident updates.");
    if (it->size() > kMaxStatusUpdates) {
        return import_error(ip + "/incident_updates", "More than " + std::to_string(kMaxStatusUpdates) +
                                                          " updates; this is not one incident.");
    }
    for (size_t i = 0; i < it->size(); ++i) {
        const Json& u = (*it)[i];
        const std::string ptr = ip + "/incident_updates/" + std::to_string(i);
        if (!u.is_object()) return import_error(ptr, "Expected an incident update object.");
        Update up;
        up.index = i;
        // display_at is the time the page shows (it can be backdated); created_at when it is absent.
        const char* key = json_string(u, "display_at").empty() ? "created_at" : "display_at";
        if (auto error = entry_time(u, key, ptr, up.time)) return error;
        up.status = json_string(u, "status");
        up.body = trim(json_string(u, "body"));
        if (!up.status.empty()) up.details["status"] = up.status;
        auto comps = u.find("affected_components");
        if (comps != u.end() && comps->is_array() && !comps->empty()) up.details["affected_components"] = *comps;
        if (!json_string(u, "id").empty()) up.details["id"] = json_string(u, "id");
        if (!up.status.empty() && !meaning_of(up.status)) {
            res.problems.push_back({ptr + "/status", "Unknown update status \"" + up.status + "\"; imported as a "
                                                     "communication only."});
        }
        out.push_back(std::move(up));
    }
    sort_stable(out.begin(), out.end(),
                [](const Update& a, const Update& b) { return a.time.unix_ms < b.time.unix_ms; });
    return std::nullopt;
}

std::string title_case(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// Each update as a communication event; the first is when the incident was posted (detected), and each change of
// status adds the event of its type. Returns the types added by status changes.
std::vector<std::string> add_update_events(const std::vector<Update>& updates, ImportResult& res) {
    std::vector<std::string> types;
    std::string last_status;
    for (size_t i = 0; i < updates.size(); ++i) {
        const Update& up = updates[i];
        const std::string shown = up.status.empty() ? std::string("Update") : title_case(up.status);
        if (i == 0) {
            res.doc.timeline.push_back(new_event(up.time, "detected", "Incident posted on the status page (" +
                                                                          shown + ")", kAuthor));
            types.push_back("detected");
        }
        const StatusMeaning* m = meaning_of(up.status);
        const bool changed = !up.status.empty() && up.status != last_status;
        // The first update opens the incident: its status is news only when it is past investigating.
        if (m && *m->type && changed && !(i == 0 && up.status == "investigating")) {
            res.doc.timeline.push_back(new_event(up.time, m->type, m->text, kAuthor));
            types.push_back(m->type);
        }
        if (!up.status.empty() && up.status != "update") last_status = up.status;
        Event ev = new_event(up.time, "communication",
                             up.body.empty() ? shown + " (no message)" : shown + ": " + up.body, kAuthor);
        ev.tags = {kCustomerFacingTag};
        ev.extra["x_statuspage"] = up.details;
        res.doc.timeline.push_back(std::move(ev));
    }
    return types;
}

// The incident's own times: started_at is when impact started; monitoring_at and resolved_at stand in for updates
// that are missing.
void add_incident_times(const Json& inc, const std::string& ip, const std::vector<std::string>& types,
                        ImportResult& res) {
    struct Stamp {
        const char* key;
        const char* type;
        const char* text;
    };
    std::vector<Event> stamps;
    for (const Stamp& s : {Stamp{"started_at", "impact_start", "Impact started (the incident's started_at)"},
                           Stamp{"created_at", "detected", "Incident created on the status page"},
                           Stamp{"monitoring_at", "mitigated", "Fix in place, monitoring (the incident's monitoring_at)"},
                           Stamp{"resolved_at", "resolved", "Resolved (the incident's resolved_at)"}}) {
        const std::string raw = json_string(inc, s.key);
        if (raw.empty()) continue;
        if (std::find(types.begin(), types.end(), s.type) != types.end()) continue;
        auto t = parse_iso8601(raw, 0);
        if (!t) {
            res.problems.push_back({ip + "/" + s.key, "The time \"" + raw + "\" is not ISO 8601; skipped."});
            continue;
        }
        stamps.push_back(new_event(*t, s.type, s.text, kAuthor));
    }
    // Before the updates: at the same second, impact starting reads before the post about it.
    res.doc.timeline.insert(res.doc.timeline.begin(), stamps.begin(), stamps.end());
}

void read_header(const Json& inc, const std::string& ip, ImportResult& res) {
    Document& doc = res.doc;
    doc.title = trim(json_string(inc, "name"));
    doc.incident_id = json_string(inc, "id");
    // `impact` already reflects an override; impact_override is read only when impact is missing.
    std::string impact = json_string(inc, "impact");
    if (impact.empty()) impact = json_string(inc, "impact_override");
    doc.severity = severity_from_impact(impact);
    if (!impact.empty() && doc.severity == 0) {
        res.problems.push_back({ip + "/impact", "The impact \"" + impact + "\" is not none, minor, major or "
                                                "critical; severity left unset."});
    }
    auto comps = inc.find("components");
    if (comps != inc.end() && comps->is_array()) {
        for (const Json& c : *comps) {
            const std::string name = json_string(c, "name");
            if (!name.empty() && std::find(doc.services.begin(), doc.services.end(), name) == doc.services.end())
                doc.services.push_back(name);
        }
    }
    const std::string link = json_string(inc, "shortlink");
    if (!link.empty()) doc.links.push_back({new_id("ln"), "Status page incident", link, Json::object()});
    if (doc.title.empty()) res.problems.push_back({ip + "/name", "The incident has no name; write a title."});
}

}  // namespace

ImportResult import_statuspage(const std::string& text, const std::string& incident_id) {
    try {
        if (text.size() > kMaxImportBytes) {
            return import_error("", "The input is larger than 64 MiB; export a single incident.");
        }
        Json root = Json::parse(text, nullptr, false);
        if (root.is_discarded()) {
            return import_error("", "The input is not valid JSON; expected a Statuspage incident (the API's "
                                    "incident object with \"incident_updates\").");
        }
        ImportResult res;
        const Json* inc = nullptr;
        std::string ip;
        if (auto error = locate(root, incident_id, inc, ip, res)) return *error;
        if (!inc->is_object()) return import_error(ip, "Expected a Statuspage incident object.");
        if (!inc->contains("incident_updates") && !inc->contains("name")) {
            return import_error(ip, "This object has neither \"name\" nor \"incident_updates\"; expected a "
                                    "Statuspage incident.");
        }
        res.doc = new_import_document();
        std::vector<Update> updates;
        if (auto error = read_updates(*inc, ip, updates, res)) return *error;
        read_header(*inc, ip, res);
        const std::vector<std::string> types = add_update_events(updates, res);
        add_incident_times(*inc, ip, types, res);
        sort_timeline(res.doc);
        if (res.doc.timeline.empty()) {
            return import_error(ip, "The incident has no updates and no times; there is nothing to import.");
        }
        if (!inc->contains("started_at")) {
            res.problems.push_back({"/timeline", "The incident does not say when impact started (started_at); "
                                                 "add an impact_start event."});
        }
        res.ok = true;
        return res;
    } catch (const std::exception& ex) {
        return import_error("", std::string("Could not import the Statuspage incident: ") + ex.what());
    } catch (...) {
        return import_error("", "Could not import the Statuspage incident.");
    }
}

}  // namespace hs
