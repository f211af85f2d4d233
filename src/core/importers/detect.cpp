// Opening any file a person drops on the app: a Hindsight document, or an incident export an importer reads.
// The kind is recognised from the content (and the .csv extension), never from the name alone.
#include <algorithm>

#include "../format.h"
#include "../strings.h"
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

}  // namespace

ImportResult open_any(const std::string& name, const std::string& text, std::string* kind_out) {
    std::string kind;
    ImportResult r;
    if (ends_with_ci(name, ".csv")) {
        kind = "csv";
        r = import_csv(text);
    } else if (size_t where = 0; !json_nesting_ok(text, where)) {
        // Refused before parsing: the parsed tree of such a file costs a call per level to copy or free.
        kind = "unknown";
        LoadResult l = load_document(text);
        r.problems = std::move(l.problems);
    } else {
        Json j = Json::parse(text, nullptr, false);
        if (j.is_discarded() && looks_like_json(text)) {
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
            } else {
                kind = "unknown";
                r = import_detail::import_error("", "this is neither JSON nor CSV. Hindsight opens .hindsight.json "
                                                    "files and imports PagerDuty, Opsgenie, Slack and CSV exports.");
            }
        } else if (j.is_object() && j.contains("format")) {
            kind = "hindsight";
            LoadResult l = load_document_json(j);
            r.ok = l.ok;
            r.doc = std::move(l.doc);
            r.problems = std::move(l.problems);
        } else if ((j.is_object() && j.contains("log_entries")) ||
                   (j.is_array() && !j.empty() && is_log_entry(j.front()))) {
            kind = "pagerduty";
            r = import_pagerduty(text);
        } else if (j.is_object() && j.contains("data") && j["data"].is_object() && j["data"].contains("entries")) {
            kind = "opsgenie";
            r = import_opsgenie(text);
        } else if (j.is_array() && !j.empty() && j.front().is_object() && j.front().contains("ts")) {
            kind = "slack";
            r = import_slack(text);
        } else {
            kind = "unknown";
            r = import_detail::import_error("", "this JSON is not a Hindsight postmortem (no \"format\") nor an "
                                                "export Hindsight can import (PagerDuty log entries, Opsgenie "
                                                "timeline, a Slack channel day file).");
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
