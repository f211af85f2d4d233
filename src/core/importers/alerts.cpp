// Alert webhook importers: Prometheus Alertmanager (webhook payload version 4) and Grafana alerting (the unified
// alerting webhook, version 1) in, a pre-filled postmortem out. Both send the same alert objects (labels,
// annotations, startsAt, endsAt, fingerprint), so one reader serves both. People save these payloads as they arrive:
// one payload, a JSON array of payloads, or one payload per line; all of them build one timeline. Mapping table:
// docs/importers.md.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "../strings.h"
#include "importers.h"
#include "../sort.h"

namespace hs {

using namespace import_detail;

namespace {

struct Source {
    const char* name;     // "Alertmanager": messages, author
    const char* version;  // the payload version this reader follows
    bool grafana;
};
const Source kAlertmanager{"Alertmanager", "4", false};
const Source kGrafana{"Grafana", "1", true};

// Go's zero time: what both tools send as endsAt while an alert is still firing.
constexpr const char* kZeroTimePrefix = "0001-01-01";
// More links than this (one per alert rule, dashboard and panel) would bury the others; the rest are counted.
constexpr size_t kMaxAlertLinks = 20;
// Labels written into a description when an alert has no alertname, before "...".
constexpr size_t kMaxLabelsInText = 6;

// One payload and how a problem in it is located: "/3" (element of an array), "line 4#" (one payload per line) or
// "" (the whole file).
struct Payload {
    Json json;
    std::string ptr;
};

// One firing of an alert: the same fingerprint and startsAt. A flapping alert fires several times.
struct Episode {
    std::string key;  // fingerprint, else the labels
    Instant starts;
    std::optional<Instant> ends;  // set once a payload shows it resolved
    Json details = Json::object();       // as the alert was when it fired
    Json last_details = Json::object();  // as the last payload that showed it had it
    std::string alertname, summary;
};

std::string json_dump_lenient(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The file as payloads. An error result when it is neither JSON nor JSON lines, or holds more alerts than we take.
std::optional<ImportResult> split_payloads(const std::string& text, const Source& src, std::vector<Payload>& out) {
    const std::string expected = std::string("expected ") + src.name + " webhook payloads (version " + src.version +
                                 "): one JSON object with \"alerts\", an array of them, or one per line.";
    Json root = Json::parse(text, nullptr, false);
    if (!root.is_discarded()) {
        if (root.is_object()) {
            out.push_back({std::move(root), ""});
        } else if (root.is_array()) {
            if (root.empty()) return import_error("", "The array is empty; there is nothing to import.");
            if (root.size() > kMaxAlerts) {
                return import_error("", "The file holds more than " + std::to_string(kMaxAlerts) +
                                            " payloads; import the incident's own payloads.");
            }
            for (size_t i = 0; i < root.size(); ++i) out.push_back({std::move(root[i]), "/" + std::to_string(i)});
        } else {
            return import_error("", "The JSON is a single value; " + expected);
        }
        return std::nullopt;
    }
    // Payloads one after another: one per line, as a webhook receiver appends them to a log, or pretty-printed one
    // after the other (as `jq .` writes them).
    size_t i = 0, line = 1;
    while (true) {
        for (; i < text.size() && is_space(text[i]); ++i) line += text[i] == '\n' ? 1 : 0;
        if (i >= text.size()) break;
        const std::string where = "line " + std::to_string(line);
        const size_t end = text[i] == '{' ? json_object_end(text, i) : std::string::npos;
        Json j = end == std::string::npos ? Json() : Json::parse(text.substr(i, end - i), nullptr, false);
        if (!j.is_object()) {
            if (out.empty()) return import_error("", "The input is not valid JSON; " + expected);
            return import_error(where, "The payload that starts here is cut short or not valid JSON; each payload "
                                       "must be one whole JSON object.");
        }
        if (out.size() >= kMaxAlerts) {
            return import_error(where, "More than " + std::to_string(kMaxAlerts) +
                                           " payloads; import the incident's own payloads.");
        }
        for (size_t k = i; k < end; ++k) line += text[k] == '\n' ? 1 : 0;
        out.push_back({std::move(j), where + "#"});
        i = end;
    }
    if (out.empty()) return import_error("", "The input is empty; " + expected);
    return std::nullopt;
}

// The object member `key` of an alert, or an empty object (with a warning when it is there but not an object).
Json object_member(const Json& a, const char* key, const std::string& ptr, ImportResult& res) {
    auto it = a.find(key);
    if (it == a.end() || it->is_null()) return Json::object();
    if (it->is_object()) return *it;
    res.problems.push_back({ptr + "/" + key, std::string("Expected an object of names and values; ignored.")});
    return Json::object();
}

// What to keep of an alert as the event's details (x_alert): its labels, annotations, links and values.
Json alert_details(const Json& a, const Source& src, Json labels, Json annotations) {
    Json d = Json::object();
    if (!labels.empty()) d["labels"] = std::move(labels);
    if (!annotations.empty()) d["annotations"] = std::move(annotations);
    std::vector<const char*> keys = {"fingerprint", "generatorURL"};
    if (src.grafana) keys.insert(keys.end(), {"silenceURL", "dashboardURL", "panelURL", "valueString"});
    for (const char* k : keys) {
        const std::string v = json_string(a, k);
        if (!v.empty()) d[k] = v;
    }
    auto values = a.find("values");
    if (src.grafana && values != a.end() && values->is_object() && !values->empty()) d["values"] = *values;
    return d;
}

// One alert of a payload merged into the episodes: a new firing, or a later word on one already seen.
std::optional<ImportResult> read_alert(const Json& a, const std::string& ptr, const Source& src,
                                       std::vector<Episode>& episodes, std::map<std::string, size_t>& index,
                                       ImportResult& res) {
    if (!a.is_object()) return import_error(ptr, "Expected an alert object.");
    Episode ep;
    if (auto error = entry_time(a, "startsAt", ptr, ep.starts)) return error;
    Json labels = object_member(a, "labels", ptr, res);
    Json annotations = object_member(a, "annotations", ptr, res);
    ep.key = json_string(a, "fingerprint");
    if (ep.key.empty()) ep.key = "labels:" + json_dump_lenient(labels);
    ep.alertname = json_string(labels, "alertname");
    for (const char* k : {"summary", "description", "message"}) {
        if (ep.summary.empty()) ep.summary = json_string(annotations, k);
    }
    // endsAt is when the alert stopped firing only once the status says resolved; while firing it is the zero time
    // or a guess at expiry.
    const std::string status = json_string(a, "status");
    const std::string ends_raw = json_string(a, "endsAt");
    const bool resolved = status == "resolved" || (status.empty() && !ends_raw.empty() &&
                                                   ends_raw.rfind(kZeroTimePrefix, 0) != 0);
    if (!status.empty() && status != "firing" && status != "resolved") {
        res.problems.push_back({ptr + "/status", "The status \"" + status + "\" is neither firing nor resolved; "
                                                 "read as firing."});
    }
    if (resolved) {
        Instant ends;
        if (ends_raw.empty() || ends_raw.rfind(kZeroTimePrefix, 0) == 0) {
            res.problems.push_back({ptr + "/endsAt", "The alert is resolved but has no endsAt; its resolution is "
                                                     "not on the timeline."});
        } else if (auto error = entry_time(a, "endsAt", ptr, ends)) {
            return error;
        } else {
            ep.ends = ends;
        }
    }
    ep.details = alert_details(a, src, std::move(labels), std::move(annotations));
    ep.last_details = ep.details;
    const std::string id = ep.key + "@" + std::to_string(ep.starts.unix_ms);
    auto it = index.find(id);
    if (it == index.end()) {
        index.emplace(id, episodes.size());
        episodes.push_back(std::move(ep));
        return std::nullopt;
    }
    // Seen before: the firing keeps what the alert said when it fired; the later payload's details go with the
    // resolution. A resolution, once seen, stands (a firing payload saved out of order does not undo it), and the
    // latest endsAt is kept.
    Episode& old = episodes[it->second];
    if (ep.ends && (!old.ends || ep.ends->unix_ms > old.ends->unix_ms)) old.ends = ep.ends;
    old.last_details = std::move(ep.details);
    return std::nullopt;
}

// One payload's alerts into the episodes, with its warnings (version, truncated alerts).
std::optional<ImportResult> read_payload(const Payload& p, const Source& src, std::vector<Episode>& episodes,
                                         std::map<std::string, size_t>& index, size_t& alert_count,
                                         ImportResult& res) {
    if (!p.json.is_object()) return import_error(p.ptr, "Expected a webhook payload object with \"alerts\".");
    auto alerts = p.json.find("alerts");
    if (alerts == p.json.end()) {
        return import_error(p.ptr, std::string("There is no \"alerts\" array; expected a ") + src.name +
                                       " webhook payload (version " + src.version + ").");
    }
    if (!alerts->is_array()) return import_error(p.ptr + "/alerts", "Expected an array of alerts.");
    const std::string version = json_string(p.json, "version");
    if (!version.empty() && version != src.version) {
        res.problems.push_back({p.ptr + "/version", "Payload version \"" + version + "\"; this importer reads " +
                                                        src.name + " version " + src.version + " payloads."});
    }
    auto truncated = p.json.find("truncatedAlerts");
    if (truncated != p.json.end() && truncated->is_number_integer() && truncated->get<int64_t>() > 0) {
        res.problems.push_back({p.ptr + "/truncatedAlerts",
                                std::to_string(truncated->get<int64_t>()) + " alerts were left out of this payload "
                                "by the receiver's max_alerts; they are not on the timeline."});
    }
    alert_count += alerts->size();
    if (alert_count > kMaxAlerts) {
        return import_error(p.ptr + "/alerts", "More than " + std::to_string(kMaxAlerts) +
                                                   " alerts in all; import the incident's own payloads.");
    }
    for (size_t i = 0; i < alerts->size(); ++i) {
        if (auto error = read_alert((*alerts)[i], p.ptr + "/alerts/" + std::to_string(i), src, episodes, index, res))
            return error;
    }
    return std::nullopt;
}

// "alertname=…" or, without one, the first labels as k=v.
std::string alert_title(const Episode& ep) {
    if (!ep.alertname.empty()) return ep.alertname;
    const Json& labels = ep.details.contains("labels") ? ep.details["labels"] : Json::object();
    std::string out;
    size_t n = 0;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (!it->is_string()) continue;
        if (n++ == kMaxLabelsInText) {
            out += ", ...";
            break;
        }
        out += (out.empty() ? "" : ", ") + it.key() + "=" + it->get<std::string>();
    }
    return out.empty() ? "Alert" : "Alert {" + out + "}";
}

Event alert_event(const Instant& t, const std::string& type, std::string text, const Json& details,
                  const Source& src) {
    Event ev = new_event(t, type, std::move(text), src.name);
    ev.extra["x_alert"] = details;
    return ev;
}

// Episodes as events: an alert's first firing is detected and its last resolution resolved; the firings and
// resolutions in between (a flapping alert) are notes, so the earliest detected and resolved events stay meaningful.
void add_events(std::vector<Episode>& episodes, const Source& src, ImportResult& res) {
    sort_stable(episodes.begin(), episodes.end(),
                [](const Episode& a, const Episode& b) { return a.starts.unix_ms < b.starts.unix_ms; });
    std::map<std::string, std::vector<const Episode*>> by_key;
    for (const Episode& ep : episodes) by_key[ep.key].push_back(&ep);
    for (const auto& kv : by_key) {
        const std::vector<const Episode*>& eps = kv.second;
        for (size_t j = 0; j < eps.size(); ++j) {
            const Episode& ep = *eps[j];
            const std::string title = alert_title(ep);
            const std::string what = ep.summary.empty() ? title : title + ": " + ep.summary;
            const bool first = j == 0, last = j + 1 == eps.size();
            res.doc.timeline.push_back(alert_event(ep.starts, first ? "detected" : "note",
                                                   first ? what : "Fired again: " + what, ep.details, src));
            if (!ep.ends) continue;
            res.doc.timeline.push_back(alert_event(*ep.ends, last ? "resolved" : "note",
                                                   last ? "Resolved: " + title
                                                        : "Resolved for a while: " + title + " (it fired again)",
                                                   ep.last_details, src));
        }
    }
}

}  // namespace

namespace import_detail {
int severity_from_label(const std::string& raw) {
    if (int p = severity_from_priority(raw)) return p;
    const std::string k = fold_key(raw);
    for (const char* s : {"critical", "crit", "page", "emergency", "fatal", "disaster"})
        if (k == s) return 1;
    for (const char* s : {"high", "error", "major", "err"})
        if (k == s) return 2;
    for (const char* s : {"warning", "warn", "medium", "average"})
        if (k == s) return 3;
    for (const char* s : {"low", "minor"})
        if (k == s) return 4;
    for (const char* s : {"info", "informational", "information", "none", "notice", "debug"})
        if (k == s) return 5;
    return 0;
}
}  // namespace import_detail

namespace {

// The labels that say where an alert fired and whose it is become tags ("team:payments", "cluster:tokyo-1"), so
// that the library can filter postmortems by them; the alert name and severity have their own fields.
void add_label_tags(const Json& labels, std::vector<std::string>& tags) {
    for (const char* key : {"team", "env", "environment", "cluster", "region", "namespace"}) {
        const std::string value = json_string(labels, key);
        const std::string tag = std::string(key) + ":" + value;
        if (!value.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    }
}

// Title, severity, services, tags and links from the payloads and alerts; alerts are how the incident was found.
void read_header(const std::vector<Payload>& payloads, const std::vector<Episode>& episodes, const Source& src,
                 ImportResult& res) {
    Document& doc = res.doc;
    doc.detection_method = "alert";
    for (const char* k : {"commonLabels", "groupLabels"}) {
        if (doc.title.empty()) doc.title = json_string(payloads.front().json.value(k, Json::object()), "alertname");
    }
    std::set<std::string> names;
    for (const Episode& ep : episodes) {
        if (!ep.alertname.empty()) names.insert(ep.alertname);
    }
    if (doc.title.empty() && !episodes.empty()) {
        doc.title = alert_title(episodes.front());
        if (names.size() > 1) doc.title += " and " + std::to_string(names.size() - 1) + " other alerts";
    }
    std::set<std::string> unknown_severities;
    std::set<std::string> services, urls;
    for (const Episode& ep : episodes) {
        const Json labels = ep.details.value("labels", Json::object());
        const std::string sev = json_string(labels, "severity");
        const int s = severity_from_label(sev);
        if (s && (doc.severity == 0 || s < doc.severity)) doc.severity = s;
        if (!sev.empty() && !s) unknown_severities.insert(sev);
        const std::string service = json_string(labels, "service");
        if (!service.empty() && services.insert(service).second) doc.services.push_back(service);
        add_label_tags(labels, doc.tags);
        for (const char* k : {"generatorURL", "dashboardURL", "panelURL"}) {
            const std::string url = json_string(ep.details, k);
            if (url.empty() || !urls.insert(url).second) continue;
            if (doc.links.size() >= kMaxAlertLinks) continue;
            const std::string what = std::string(k) == "generatorURL" ? "Alert rule" :
                                     std::string(k) == "dashboardURL" ? "Dashboard" : "Panel";
            doc.links.push_back({new_id("ln"), what + ": " + alert_title(ep), url, Json::object()});
        }
    }
    if (urls.size() > kMaxAlertLinks) {
        res.problems.push_back({"/links", std::to_string(urls.size() - kMaxAlertLinks) + " more alert links were "
                                          "not added (the first " + std::to_string(kMaxAlertLinks) + " are)."});
    }
    const std::string external = json_string(payloads.front().json, "externalURL");
    if (!external.empty() && urls.insert(external).second)
        doc.links.insert(doc.links.begin(), {new_id("ln"), src.name, external, Json::object()});
    for (const std::string& s : unknown_severities) {
        res.problems.push_back({"/severity", "The severity label \"" + s + "\" is not one Hindsight knows "
                                             "(critical, error, warning, info, P1..P5); it was not used."});
    }
}

ImportResult import_alerts(const std::string& text, const Source& src) {
    try {
        if (text.size() > kMaxImportBytes) {
            return import_error("", "The input is larger than 64 MiB; keep the incident's own payloads.");
        }
        std::vector<Payload> payloads;
        if (auto error = split_payloads(text, src, payloads)) return *error;
        ImportResult res;
        res.doc = new_import_document();
        std::vector<Episode> episodes;
        std::map<std::string, size_t> index;
        size_t alert_count = 0;
        for (const Payload& p : payloads) {
            if (auto error = read_payload(p, src, episodes, index, alert_count, res)) return *error;
        }
        if (episodes.empty()) return import_error("", "The payloads hold no alerts; there is nothing to import.");
        read_header(payloads, episodes, src, res);
        add_events(episodes, src, res);
        sort_timeline(res.doc);
        if (res.doc.title.empty()) res.problems.push_back({"/title", "No alert has an alertname; write a title."});
        res.problems.push_back({"/timeline", std::string(src.name) + " says when alerts fired, not when impact "
                                             "started; add an impact_start event to compute time to detect and "
                                             "the impact duration."});
        res.ok = true;
        return res;
    } catch (const std::exception& ex) {
        return import_error("", std::string("Could not import the ") + src.name + " payloads: " + ex.what());
    } catch (...) {
        return import_error("", std::string("Could not import the ") + src.name + " payloads.");
    }
}

}  // namespace

ImportResult import_alertmanager(const std::string& text) { return import_alerts(text, kAlertmanager); }
ImportResult import_grafana(const std::string& text) { return import_alerts(text, kGrafana); }

}  // namespace hs
