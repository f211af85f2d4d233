// Three-way merge on the canonical JSON forms, guided by a small schema of the document (which objects merge by
// key, which lists merge by item id, which lists are sets of names). Everything else, including unknown fields,
// merges as whole values. See docs/merge.md for the rules and the table of cases.
#include "merge.h"

#include <algorithm>
#include <set>

#include "format.h"

namespace hs {

namespace {

enum class Shape { Whole, Object, IdList, SetList };
enum class Ctx { Root, Impact, Lessons, Item, None };

struct ShapeOf {
    Shape shape;
    Ctx ctx;  // how the children of an Object or of IdList items merge
};

ShapeOf child_shape(Ctx parent, const std::string& key) {
    switch (parent) {
        case Ctx::Root:
            if (key == "timeline" || key == "action_items" || key == "root_causes" || key == "contributing_factors" ||
                key == "five_whys" || key == "open_questions" || key == "links")
                return {Shape::IdList, Ctx::Item};
            if (key == "impact") return {Shape::Object, Ctx::Impact};
            if (key == "lessons") return {Shape::Object, Ctx::Lessons};
            if (key == "tags" || key == "services" || key == "authors" || key == "reviewers" ||
                key == "related_incidents")
                return {Shape::SetList, Ctx::None};
            break;
        case Ctx::Impact:
            if (key == "regions") return {Shape::SetList, Ctx::None};
            break;
        case Ctx::Lessons:
            if (key == "went_well" || key == "went_wrong" || key == "got_lucky") return {Shape::IdList, Ctx::Item};
            break;
        case Ctx::Item:
            if (key == "tags") return {Shape::SetList, Ctx::None};
            break;
        case Ctx::None: break;
    }
    return {Shape::Whole, Ctx::None};
}

// RFC 6901 escaping of one path segment.
std::string seg(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '~') o += "~0";
        else if (c == '/') o += "~1";
        else o += c;
    }
    return o;
}

bool same(const Json* a, const Json* b) {
    if (!a || !b) return !a && !b;
    return *a == *b;
}

// A list whose items are objects with unique, non-empty string ids.
struct IdIndex {
    bool ok = true;
    std::vector<std::string> ids;
    std::map<std::string, const Json*> by_id;
};
IdIndex index_ids(const Json* list) {
    IdIndex ix;
    if (!list) return ix;  // absent = empty
    if (!list->is_array()) {
        ix.ok = false;
        return ix;
    }
    for (const Json& item : *list) {
        auto it = item.is_object() ? item.find("id") : item.end();
        if (!item.is_object() || it == item.end() || !it->is_string() || it->get<std::string>().empty()) {
            ix.ok = false;
            return ix;
        }
        std::string id = it->get<std::string>();
        if (!ix.by_id.emplace(id, &item).second) {
            ix.ok = false;
            return ix;
        }
        ix.ids.push_back(id);
    }
    return ix;
}

bool string_array(const Json* j) {
    if (!j) return true;
    if (!j->is_array()) return false;
    for (const Json& e : *j)
        if (!e.is_string()) return false;
    return true;
}

class Merger {
public:
    Merger(std::vector<Conflict>& conflicts, const std::map<std::string, MergeChoice>& choices)
        : conflicts_(conflicts), choices_(choices) {}

    // Merges one value; returns whether the result is present (false = deleted/absent) and sets `out`.
    bool merge(const std::string& path, ShapeOf sh, const Json* b, const Json* o, const Json* t, Json& out) {
        if (same(o, t)) return take(o, out);  // unchanged, or the same change on both sides
        if (same(b, o)) return take(t, out);  // only theirs changed
        if (same(b, t)) return take(o, out);  // only ours changed
        if (o && t) {
            bool b_fits = !b;
            switch (sh.shape) {
                case Shape::Object:
                    if (o->is_object() && t->is_object() && (!b || b->is_object()))
                        return merge_object(path, sh.ctx, b, *o, *t, out);
                    break;
                case Shape::IdList: {
                    IdIndex bi = index_ids(b), oi = index_ids(o), ti = index_ids(t);
                    if (bi.ok && oi.ok && ti.ok) return merge_ids(path, sh.ctx, bi, oi, ti, out);
                    break;
                }
                case Shape::SetList:
                    b_fits = string_array(b);
                    if (b_fits && string_array(o) && string_array(t)) return merge_set(b, *o, *t, out);
                    break;
                case Shape::Whole: break;
            }
        }
        if (path == "/updated" && o && t && o->is_string() && t->is_string()) {
            // Both edited, so both bumped the timestamp: the later one is right. Canonical UTC ISO 8601 text sorts
            // in time order.
            out = std::max(o->get<std::string>(), t->get<std::string>());
            return true;
        }
        return conflict(path, b, o, t, out);
    }

private:
    static bool take(const Json* v, Json& out) {
        if (!v) return false;
        out = *v;
        return true;
    }

    bool conflict(const std::string& path, const Json* b, const Json* o, const Json* t, Json& out) {
        Conflict c;
        c.path = path.empty() ? "/" : path;
        c.base_present = b != nullptr;
        c.ours_present = o != nullptr;
        c.theirs_present = t != nullptr;
        if (b) c.base = *b;
        if (o) c.ours = *o;
        if (t) c.theirs = *t;
        if (!b) c.kind = ConflictKind::AddAdd;
        else if (!t) c.kind = ConflictKind::EditDelete;
        else if (!o) c.kind = ConflictKind::DeleteEdit;
        else c.kind = ConflictKind::EditEdit;
        conflicts_.push_back(c);
        auto it = choices_.find(c.path);
        MergeChoice ch = it == choices_.end() ? MergeChoice::Ours : it->second;
        if (ch == MergeChoice::Theirs) return take(t, out);
        if (ch == MergeChoice::Base) return take(b, out);
        return take(o, out);
    }

    bool merge_object(const std::string& path, Ctx ctx, const Json* b, const Json& o, const Json& t, Json& out) {
        std::set<std::string> keys;
        if (b)
            for (auto it = b->begin(); it != b->end(); ++it) keys.insert(it.key());
        for (auto it = o.begin(); it != o.end(); ++it) keys.insert(it.key());
        for (auto it = t.begin(); it != t.end(); ++it) keys.insert(it.key());
        out = Json::object();
        for (const std::string& k : keys) {
            const Json* bv = nullptr;
            if (b) {
                auto it = b->find(k);
                if (it != b->end()) bv = &*it;
            }
            auto oi = o.find(k);
            auto ti = t.find(k);
            Json v;
            if (merge(path + "/" + seg(k), child_shape(ctx, k), bv, oi == o.end() ? nullptr : &*oi,
                      ti == t.end() ? nullptr : &*ti, v))
                out[k] = std::move(v);
        }
        return true;
    }

    // Items by id. Order: the side that reordered wins (ours if both did); items missing from that order (the other
    // side's additions, or items kept by a conflict) go after their predecessor in the list they come from.
    bool merge_ids(const std::string& path, Ctx ctx, const IdIndex& b, const IdIndex& o, const IdIndex& t,
                   Json& out) {
        std::vector<std::string> all;
        std::set<std::string> seen;
        for (const IdIndex* ix : {&o, &t, &b})
            for (const std::string& id : ix->ids)
                if (seen.insert(id).second) all.push_back(id);
        std::map<std::string, Json> result;
        for (const std::string& id : all) {
            auto find = [&](const IdIndex& ix) -> const Json* {
                auto it = ix.by_id.find(id);
                return it == ix.by_id.end() ? nullptr : it->second;
            };
            Json v;
            if (merge(path + "/" + seg(id), {Shape::Object, ctx}, find(b), find(o), find(t), v))
                result.emplace(id, std::move(v));
        }

        auto relative = [&](const IdIndex& ix) {
            std::vector<std::string> r;
            for (const std::string& id : ix.ids)
                if (b.by_id.count(id) && o.by_id.count(id) && t.by_id.count(id)) r.push_back(id);
            return r;
        };
        std::vector<std::string> rb = relative(b), ro = relative(o), rt = relative(t);
        bool theirs_first = ro == rb && rt != rb;
        const IdIndex& primary = theirs_first ? t : o;
        const IdIndex& secondary = theirs_first ? o : t;

        std::vector<std::string> order;
        std::set<std::string> placed;
        for (const std::string& id : primary.ids)
            if (result.count(id) && placed.insert(id).second) order.push_back(id);
        for (const IdIndex* src : {&secondary, &b}) {
            for (size_t i = 0; i < src->ids.size(); ++i) {
                const std::string& id = src->ids[i];
                if (!result.count(id) || placed.count(id)) continue;
                size_t at = 0;  // after the nearest placed predecessor in `src`, else first
                for (size_t j = i; j-- > 0;) {
                    auto pos = std::find(order.begin(), order.end(), src->ids[j]);
                    if (pos != order.end()) {
                        at = static_cast<size_t>(pos - order.begin()) + 1;
                        break;
                    }
                }
                order.insert(order.begin() + static_cast<std::ptrdiff_t>(at), id);
                placed.insert(id);
            }
        }
        out = Json::array();
        for (const std::string& id : order) out.push_back(std::move(result[id]));
        return true;
    }

    // Names as a set: ours' order; theirs' removals applied; theirs' additions appended in their order.
    static bool merge_set(const Json* b, const Json& o, const Json& t, Json& out) {
        std::set<std::string> in_b, in_o, in_t;
        if (b)
            for (const Json& e : *b) in_b.insert(e.get<std::string>());
        for (const Json& e : o) in_o.insert(e.get<std::string>());
        for (const Json& e : t) in_t.insert(e.get<std::string>());
        out = Json::array();
        std::set<std::string> added;
        for (const Json& e : o) {
            const std::string s = e.get<std::string>();
            if (in_b.count(s) && !in_t.count(s)) continue;  // they removed it
            if (added.insert(s).second) out.push_back(s);
        }
        for (const Json& e : t) {
            const std::string s = e.get<std::string>();
            if (!in_b.count(s) && !in_o.count(s) && added.insert(s).second) out.push_back(s);
        }
        return true;
    }

    std::vector<Conflict>& conflicts_;
    const std::map<std::string, MergeChoice>& choices_;
};

MergeResult run(const Document& base, const Document& ours, const Document& theirs,
                const std::map<std::string, MergeChoice>& choices) {
    MergeResult r;
    try {
        Json merged = merge_json(to_json(base), to_json(ours), to_json(theirs), r.conflicts, choices);
        LoadResult lr = load_document_json(merged);
        if (!lr.ok) {
            r.problems = lr.problems;
            r.merged_json = merged;
            return r;
        }
        r.ok = true;
        r.merged = std::move(lr.doc);
        r.merged_json = to_json(r.merged);
    } catch (const std::exception& e) {
        r.ok = false;
        r.problems.push_back({"", std::string("the merge failed: ") + e.what()});
    }
    return r;
}

}  // namespace

const char* conflict_kind_name(ConflictKind k) {
    switch (k) {
        case ConflictKind::EditEdit: return "edit_edit";
        case ConflictKind::EditDelete: return "edit_delete";
        case ConflictKind::DeleteEdit: return "delete_edit";
        case ConflictKind::AddAdd: return "add_add";
    }
    return "unknown";
}

Json merge_json(const Json& base, const Json& ours, const Json& theirs, std::vector<Conflict>& conflicts,
                const std::map<std::string, MergeChoice>& choices) {
    try {
        Merger m(conflicts, choices);
        Json out;
        if (!m.merge("", {Shape::Object, Ctx::Root}, &base, &ours, &theirs, out)) return Json::object();
        return out;
    } catch (const std::exception&) {
        return ours;  // unreachable with well-formed Json values; never let an exception escape the core
    }
}

MergeResult merge_documents(const Document& base, const Document& ours, const Document& theirs) {
    return run(base, ours, theirs, {});
}

MergeResult resolve_merge(const Document& base, const Document& ours, const Document& theirs,
                          const std::map<std::string, MergeChoice>& choices) {
    return run(base, ours, theirs, choices);
}

Json conflicts_to_json(const std::vector<Conflict>& conflicts) {
    Json a = Json::array();
    for (const Conflict& c : conflicts) {
        Json o = {{"path", c.path}, {"kind", conflict_kind_name(c.kind)}};
        if (c.base_present) o["base"] = c.base;
        if (c.ours_present) o["ours"] = c.ours;
        if (c.theirs_present) o["theirs"] = c.theirs;
        a.push_back(std::move(o));
    }
    return a;
}

}  // namespace hs
