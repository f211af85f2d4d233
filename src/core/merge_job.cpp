#include "core/merge_job.h"

#include "core/format.h"
#include "core/merge.h"

namespace hs {

std::string merge_job_arg(const std::string& base_json, const std::string& theirs_json,
                          const std::map<std::string, int>& choices) {
    // The documents go in as text inside the JSON (parsed once, by the job), not as objects built here.
    Json c = Json::object();
    for (const auto& [path, v] : choices) c[path] = v == 1 ? "theirs" : v == 2 ? "both" : "ours";
    return Json{{"base", base_json}, {"theirs", theirs_json}, {"choices", c}}.dump(-1, ' ', false,
                                                                                    Json::error_handler_t::replace);
}

bool merge_job(const Document& ours, const std::string& arg, std::string& out) {
    Json a = Json::parse(arg, nullptr, false);
    if (a.is_discarded() || !a.is_object() || !a.contains("theirs") || !a["theirs"].is_string()) {
        out = "the merge was asked for without the other version";
        return false;
    }
    const LoadResult theirs = load_document(a["theirs"].get<std::string>());
    if (!theirs.ok) {
        out = "the other version could not be read";
        return false;
    }
    Document base = ours;  // without a recorded base, every difference counts as theirs
    if (a.contains("base") && a["base"].is_string()) {
        LoadResult b = load_document(a["base"].get<std::string>());
        if (b.ok) base = std::move(b.doc);
    }
    std::map<std::string, MergeChoice> choices;
    if (a.contains("choices") && a["choices"].is_object())
        for (auto it = a["choices"].begin(); it != a["choices"].end(); ++it) {
            const std::string v = it->is_string() ? it->get<std::string>() : "";
            choices[it.key()] = v == "theirs" ? MergeChoice::Theirs : v == "both" ? MergeChoice::Both : MergeChoice::Ours;
        }
    const MergeResult m = resolve_merge(base, ours, theirs.doc, choices);
    if (!m.ok) {
        out = "the merged version would not be a valid postmortem";
        return false;
    }
    out = Json{{"merged", save_document(m.merged)}, {"conflicts", conflicts_to_json(m.conflicts, &ours)}}.dump(
        -1, ' ', false, Json::error_handler_t::replace);
    return true;
}

}  // namespace hs
