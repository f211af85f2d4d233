// The library's search index and similar incidents, kept where the editor's own wasm need not carry them: the web app
// runs them in its worker (src/platform/web/worker/worker.cpp), native runs in the same thread
// (src/platform/native/headless.cpp). Header-only, as review_job.h, so that both builds share it.
//
// The editor holds the drafts; it sends each one here once (and again when it is saved or deleted), keyed by its
// draft id, and asks questions of what it sent. Jobs, with `arg` and the answer as JSON text:
//   "put"     [[draft_id, document], ...]        -> {"size"}  (each replaces the draft's earlier copy)
//   "drop"    [draft_id, ...]                    -> {"size"}
//   "search"  {"q", "severities" (["1".."5"]), "statuses", "services", "tags", "owners", "since", "until", "limit"}
//             -> {"size", "total", "line" (what matched, or why nothing),
//                 "results": [{"id", "title", "meta" ("SEV2 · Final · 2026-02-26"),
//                 "fields": [{"path", "label", "snippet", "hl": [start, end, start, end, ...]}]}],
//                 "facets": {"services", "tags", "owners", "statuses", "severities"}}
//   "similar" {"id": draft_id, "doc": document}
//             -> {"size", "items": [{"id", "title", "note" (a repeat, or ""), "when", "why",
//                 "links": [{"path", "text"}] (its lessons and open action items)}]}
// Answers carry text ready to draw, so that the editor's wasm (the page's first load) holds as little as it can.
// "size" counts every draft received, readable or not, so the editor sees when the index was lost (a worker that
// stopped and was started again) and sends everything again. The ids in answers are draft ids.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/search.h"
#include "core/similar.h"

namespace hs::library_job {

enum Status { kRefused = 0, kDone = 1 };

class Library {
public:
    // Runs one job; `out` gets the answer, or a sentence saying what is wrong.
    int run(const std::string& job, const std::string& arg, std::string& out) {
        const Json a = Json::parse(arg, nullptr, false);
        if (a.is_discarded()) return out = "the library's question could not be read", kRefused;
        if (job == "put") return put(a, out);
        if (job == "drop") return drop(a, out);
        if (job == "search") return search(a, out);
        if (job == "similar") return similar(a, out);
        out = "this version of Hindsight does not know the library job \"" + job + "\"";
        return kRefused;
    }
    size_t size() const { return docs_.size() + unreadable_.size(); }

private:
    SearchIndex index_;
    std::map<std::string, Document> docs_;  // by draft id (each document's id is set to it)
    std::set<std::string> unreadable_;      // drafts received that could not be read
    Json facets_;                           // the filters' values, rebuilt after a change
    bool facets_dirty_ = true;

    Json sized(Json j = Json::object()) const {
        j["size"] = size();
        return j;
    }

    int put(const Json& a, std::string& out) {
        if (!a.is_array()) return out = "the drafts to index were not a list", kRefused;
        for (const Json& e : a) {
            if (!e.is_array() || e.size() != 2 || !e[0].is_string()) continue;
            const std::string id = e[0].get<std::string>();
            LoadResult l = load_document_json(e[1]);
            if (!l.ok) {
                forget(id);
                unreadable_.insert(id);
                continue;
            }
            unreadable_.erase(id);
            l.doc.id = id;
            index_.update(l.doc);
            docs_[id] = std::move(l.doc);
        }
        facets_dirty_ = true;
        out = sized().dump();
        return kDone;
    }

    void forget(const std::string& id) {
        index_.remove(id);
        docs_.erase(id);
        unreadable_.erase(id);
    }

    int drop(const Json& a, std::string& out) {
        if (!a.is_array()) return out = "the drafts to forget were not a list", kRefused;
        for (const Json& e : a)
            if (e.is_string()) forget(e.get<std::string>());
        facets_dirty_ = true;
        out = sized().dump();
        return kDone;
    }

    static std::vector<std::string> strings(const Json& a, const char* key) {
        std::vector<std::string> r;
        auto it = a.find(key);
        if (it != a.end() && it->is_array())
            for (const Json& x : *it)
                if (x.is_string()) r.push_back(x.get<std::string>());
        return r;
    }
    static std::string text(const Json& a, const char* key) {
        auto it = a.find(key);
        return it != a.end() && it->is_string() ? it->get<std::string>() : std::string();
    }

    // The values the filters offer, from the drafts themselves, each list sorted and without repeats.
    const Json& facets() {
        if (!facets_dirty_) return facets_;
        std::set<std::string> services, tags, owners, statuses;
        std::set<std::string> severities;
        for (const auto& [id, d] : docs_) {
            services.insert(d.services.begin(), d.services.end());
            tags.insert(d.tags.begin(), d.tags.end());
            if (!d.owner.empty()) owners.insert(d.owner);
            for (const ActionItem& x : d.action_items)
                if (!x.owner.empty()) owners.insert(x.owner);
            if (!d.status.empty()) statuses.insert(d.status);
            if (d.severity > 0) severities.insert(std::to_string(d.severity));
        }
        services.erase(std::string());
        tags.erase(std::string());
        facets_ = {{"services", services}, {"tags", tags}, {"owners", owners}, {"statuses", statuses},
                   {"severities", severities}};
        facets_dirty_ = false;
        return facets_;
    }

    // "lessons.went_wrong/ls-1/text" -> "Lessons went wrong"; "action_items/ai-2/title" -> "Action items title".
    static std::string field_label(const std::string& path) {
        std::string head = path.substr(0, path.find('/'));
        const size_t last = path.rfind('/');
        const std::string tail = last == std::string::npos ? "" : path.substr(last + 1);
        if (!tail.empty() && tail != "text" && tail != "description") head += " " + tail;
        for (char& c : head)
            if (c == '_' || c == '.') c = ' ';
        if (!head.empty() && head[0] >= 'a' && head[0] <= 'z') head[0] = static_cast<char>(head[0] - 'a' + 'A');
        return head;
    }

    // The line above the results: a query that cannot match, none and what to do, or how many match.
    static std::string result_line(const SearchResponse& r, std::string q, const SearchFilter& f) {
        if (!r.problem.empty()) return r.problem;
        if (q.size() > 80) {  // cut at a character's start
            size_t n = 80;
            while (n > 0 && (static_cast<unsigned char>(q[n]) & 0xC0) == 0x80) --n;
            q = q.substr(0, n) + "\xe2\x80\xa6";
        }
        if (r.results.empty())
            return (q.empty() ? std::string("No postmortem") : "No match for \xe2\x80\x9c" + q + "\xe2\x80\x9d") +
                   (f.empty() ? ": try fewer or other words."
                              : " with these filters: clear a filter or try other words.");
        std::string line = std::to_string(r.total) + (r.total == 1 ? " postmortem" : " postmortems") +
                           (q.empty() ? ", newest first" : " match");
        if (r.total > r.results.size()) line += " (the best " + std::to_string(r.results.size()) + " shown)";
        return line;
    }

    int search(const Json& a, std::string& out) {
        if (!a.is_object()) return out = "the search was not asked as an object", kRefused;
        SearchFilter f;
        for (const std::string& x : strings(a, "severities"))  // "1".."5", as the facets give them
            if (x.size() == 1 && x[0] >= '1' && x[0] <= '5') f.severities.push_back(x[0] - '0');
        f.statuses = strings(a, "statuses");
        f.services = strings(a, "services");
        f.tags = strings(a, "tags");
        f.owners = strings(a, "owners");
        f.since = text(a, "since");
        f.until = text(a, "until");
        SearchOptions o;
        auto lim = a.find("limit");
        if (lim != a.end() && lim->is_number_integer()) o.limit = std::clamp<size_t>(lim->get<size_t>(), 1, 200);
        const SearchResponse r = index_.search(text(a, "q"), f, o);
        Json results = Json::array();
        for (const SearchResult& s : r.results) {
            Json fields = Json::array();
            for (const FieldMatch& m : s.fields) {
                Json hl = Json::array();
                for (const ByteRange& h : m.highlights) hl.push_back(h.start), hl.push_back(h.end);
                fields.push_back(
                    {{"path", m.path}, {"label", field_label(m.path)}, {"snippet", m.snippet}, {"hl", hl}});
            }
            std::string meta = s.severity > 0 ? "SEV" + std::to_string(s.severity) + " \xc2\xb7 " : std::string();
            if (!s.status.empty()) meta += status_label(s.status) + " \xc2\xb7 ";
            meta += s.created.empty() ? std::string("no date") : s.created;
            results.push_back({{"id", s.id}, {"title", s.title}, {"meta", meta}, {"fields", fields}});
        }
        out = sized({{"total", r.total}, {"line", result_line(r, text(a, "q"), f)}, {"results", results},
                     {"facets", facets()}})
                  .dump(-1, ' ', false, Json::error_handler_t::replace);
        return kDone;
    }

    int similar(const Json& a, std::string& out) {
        if (!a.is_object()) return out = "the similar incidents were not asked as an object", kRefused;
        auto doc = a.find("doc");
        LoadResult l = doc != a.end() ? load_document_json(*doc) : LoadResult{};
        if (!l.ok) return out = "the open postmortem could not be read to compare it", kRefused;
        l.doc.id = text(a, "id");
        std::vector<const Document*> lib;
        lib.reserve(docs_.size());
        for (const auto& kv : docs_) lib.push_back(&kv.second);
        const std::vector<SimilarIncident> list = find_similar(l.doc, index_, lib);
        Json items = Json::array();
        for (const SimilarIncident& s : list) {
            // What the editor draws, ready made: its lessons and open action items as lines that open the field.
            Json links = Json::array();
            for (const SimilarText& l : s.lessons) links.push_back({{"path", l.path}, {"text", "Lesson: " + l.text}});
            for (const ActionItem& x : s.open_actions)
                links.push_back({{"path", "action_items/" + x.id + "/title"},
                                 {"text", "Open action: " + x.title + (x.owner.empty() ? "" : " (" + x.owner + ")") +
                                              (x.due.empty() ? "" : ", due " + x.due)}});
            const std::string days = std::to_string(s.days_before) + (s.days_before == 1 ? " day" : " days");
            const std::string when = s.days_before < 0 ? s.created : days + " earlier";
            items.push_back({{"id", s.id}, {"title", s.title}, {"note", repeat_note(s)}, {"when", when},
                             {"why", "Why: " + s.reasons}, {"links", links}});
        }
        out = sized({{"items", items}}).dump(-1, ' ', false, Json::error_handler_t::replace);
        return kDone;
    }
};

}  // namespace hs::library_job
