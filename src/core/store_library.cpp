// The drafts library: summaries and the overview across drafts, export of all drafts and its import.
#include "store.h"

#include <algorithm>
#include <set>

#include "format.h"
#include "store_detail.h"
#include "text.h"
#include "sort.h"

namespace hs {

using namespace store_detail;

// ---- library views ---------------------------------------------------------------------------------------------

std::vector<DraftSummary> DraftStore::summaries(const std::string& today, SortBy sort, const std::string& query) const {
    std::vector<DraftSummary> out;
    for (const auto& id : order_) {
        const Draft& d = drafts_.at(id);
        if (!query.empty()) {  // case-insensitive in every script
            bool hit = contains_ci(d.doc.title, query) || contains_ci(d.doc.incident_id, query);
            for (const auto& t : d.doc.tags) hit = hit || contains_ci(t, query);
            for (const auto& t : d.doc.services) hit = hit || contains_ci(t, query);
            if (!hit) continue;
        }
        DraftSummary s;
        s.id = d.id;
        s.title = d.doc.title;
        s.incident_id = d.doc.incident_id;
        s.severity = d.doc.severity;
        s.status = d.doc.status;
        s.updated_ms = d.updated_ms;
        for (const auto& a : d.doc.action_items) {
            s.open_actions += is_open_action(a);
            s.overdue_actions += is_overdue(a, today);
        }
        out.push_back(std::move(s));
    }
    auto by_updated = [](const DraftSummary& a, const DraftSummary& b) {
        return a.updated_ms != b.updated_ms ? a.updated_ms > b.updated_ms : a.id < b.id;
    };
    switch (sort) {
        case SortBy::Updated: sort_stable(out.begin(), out.end(), by_updated); break;
        case SortBy::Title:
            sort_stable(out.begin(), out.end(), [&](const DraftSummary& a, const DraftSummary& b) {
                const int c = compare_text(a.title, b.title);
                return c != 0 ? c < 0 : by_updated(a, b);
            });
            break;
        case SortBy::Severity:
            sort_stable(out.begin(), out.end(), [&](const DraftSummary& a, const DraftSummary& b) {
                const int sa = a.severity > 0 ? a.severity : 99, sb = b.severity > 0 ? b.severity : 99;
                return sa != sb ? sa < sb : by_updated(a, b);
            });
            break;
    }
    return out;
}

Overview DraftStore::overview(const std::string& today) const {
    std::vector<OverviewEntry> entries;
    for (const auto& id : order_) entries.push_back({id, &drafts_.at(id).doc});
    return compute_overview(entries, today);
}


// ---- export / import -------------------------------------------------------------------------------------------

std::string DraftStore::export_all(int64_t now_ms, bool include_trash) {
    Json o = Json::object();
    o["format"] = kExportFormatName;
    o["version"] = 1;
    o["exported"] = iso(now_ms);
    Json drafts = Json::array();
    for (const auto& id : order_) drafts.push_back(envelope(drafts_.at(id)));
    o["drafts"] = std::move(drafts);
    if (include_trash) {
        Json trash = Json::array();
        for (const TrashEntry& e : list_trash()) {
            std::string text;
            Draft d;
            std::optional<int64_t> deleted;
            std::vector<Problem> problems;
            if (fs_.read(trash_path(e.id), text).ok() && parse_envelope_text(text, d, &deleted, problems)) {
                d.id = e.id;
                trash.push_back(envelope(d, deleted.value_or(e.deleted_ms)));
            }
        }
        o["trash"] = std::move(trash);
    }
    return dump_safe(o);
}

ImportReport DraftStore::import_all(const std::string& text, int64_t now_ms) {
    ImportReport rep;
    Json j;
    if (!parse_json(text, j, rep.problems)) return rep;
    if (!j.is_object()) {
        rep.problems.push_back({"", "The file must hold a JSON object."});
        return rep;
    }
    const std::string format = j.contains("format") && j["format"].is_string() ? j["format"].get<std::string>() : "";
    if (format == kFormatName) {  // a plain postmortem document: a new draft
        LoadResult r = load_document_json(j);
        if (!r.ok) {
            rep.problems = r.problems;
            return rep;
        }
        Draft d;
        Status s = create(r.doc, now_ms, &d);
        if (!s.ok()) rep.problems.push_back({"", s.message});
        else rep.imported.push_back(d.id);
        return rep;
    }
    Json drafts = Json::array(), trash = Json::array();
    std::string prefix_d = "/drafts/", prefix_t = "/trash/";
    if (format == kDraftFormatName) {
        drafts.push_back(j);
        prefix_d = "";
    } else if (format == kExportFormatName) {
        if (j.contains("version") && (!j["version"].is_number_integer() || j["version"].get<int64_t>() != 1)) {
            rep.problems.push_back({"/version", "This export was written by a newer or unknown version of Hindsight."});
            return rep;
        }
        if (j.contains("drafts") && j["drafts"].is_array()) drafts = j["drafts"];
        if (j.contains("trash") && j["trash"].is_array()) trash = j["trash"];
    } else {
        rep.problems.push_back({"/format", "This is not a Hindsight drafts export (\"format\" must be \"" +
                                               std::string(kExportFormatName) + "\")."});
        return rep;
    }
    Status s = ensure_dirs();
    if (!s.ok()) {
        rep.problems.push_back({"", s.message});
        return rep;
    }
    std::set<std::string> taken;
    auto assign_id = [&](Draft& d) {
        const std::string orig = d.id;
        if (!is_valid_draft_id(d.id) || taken.count(d.id) || id_in_use(d.id)) d.id = fresh_draft_id();
        while (taken.count(d.id)) d.id = fresh_draft_id();
        taken.insert(d.id);
        if (d.id != orig) rep.renamed[orig] = d.id;
    };
    for (size_t i = 0; i < drafts.size(); ++i) {
        const std::string ptr = prefix_d.empty() ? "" : prefix_d + std::to_string(i);
        Draft d;
        std::vector<Problem> problems;
        if (!parse_envelope(drafts[i], d, nullptr, problems)) {
            for (auto& p : problems) rep.problems.push_back({ptr + p.pointer, p.message});
            continue;
        }
        assign_id(d);
        if (d.created_ms == 0) d.created_ms = now_ms;
        // Written as exported (updated time kept), not through save(), which stamps now.
        s = write_atomic(draft_path(d.id), envelope_text(d));
        if (!s.ok()) {
            rep.problems.push_back({ptr, s.message});
            if (s.kind == ErrorKind::NoSpace) break;
            continue;
        }
        cache_put(d);
        rep.imported.push_back(d.id);
    }
    for (size_t i = 0; i < trash.size(); ++i) {
        const std::string ptr = prefix_t + std::to_string(i);
        Draft d;
        std::optional<int64_t> deleted;
        std::vector<Problem> problems;
        if (!parse_envelope(trash[i], d, &deleted, problems)) {
            for (auto& p : problems) rep.problems.push_back({ptr + p.pointer, p.message});
            continue;
        }
        assign_id(d);
        s = write_atomic(trash_path(d.id), envelope_text(d, deleted.value_or(now_ms)));
        if (!s.ok()) {
            rep.problems.push_back({ptr, s.message});
            if (s.kind == ErrorKind::NoSpace) break;
            continue;
        }
        rep.trash_imported.push_back(d.id);
    }
    return rep;
}

}  // namespace hs
