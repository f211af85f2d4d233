// Three-way merge on the canonical JSON forms, guided by a small schema of the document (which objects merge by
// key, which lists merge by item id, which lists are sets of names). Everything else, including unknown fields,
// merges as whole values. See docs/merge.md for the rules and the table of cases.
#include "merge.h"

#include <algorithm>
#include <set>

#include "format.h"
#include "review.h"
#include "templates.h"
#include "text.h"

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

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> segs;
    size_t i = 0;
    while (i < path.size() && path[i] == '/') {
        size_t j = path.find('/', i + 1);
        if (j == std::string::npos) j = path.size();
        std::string s;
        for (size_t k = i + 1; k < j; ++k) {
            if (path[k] == '~' && k + 1 < j) {
                s += path[k + 1] == '1' ? '/' : '~';
                ++k;
            } else {
                s += path[k];
            }
        }
        segs.push_back(s);
        i = j;
    }
    return segs;
}

// The last key of a path, when it names a field of text (prose, a title, a description), and whether it is one line.
bool text_field(const std::string& path, bool* one_line) {
    std::vector<std::string> segs = split_path(path);
    if (segs.empty()) return false;
    const std::string& k = segs.back();
    const bool top = segs.size() == 1, item = segs.size() >= 3 || (segs.size() == 2 && segs[0] == "impact");
    bool line = false, text = false;
    if (top) {
        line = k == "title";
        text = line || k == "summary" || k == "leadup" || k == "trigger" || k == "fault" || k == "detection" ||
               k == "response" || k == "recovery" || k == "resolution";
    } else if (item) {
        line = k == "title" || k == "slo";
        text = line || k == "description" || k == "text";
    }
    if (one_line) *one_line = line;
    return text;
}

bool one_line_field(const std::string& path) {
    bool line = false;
    return text_field(path, &line) && line;
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
        if (ch == MergeChoice::Both && can_keep_both(c)) {
            out = keep_both_text(o->get<std::string>(), t->get<std::string>(), one_line_field(c.path));
            return true;
        }
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

// Review data merges as sets (review.h): left out of the field-by-field merge and joined after it.
const char* const kReviewSetKeys[] = {"comments", "suggestions", "approvals", "review"};

MergeResult run(const Document& base, const Document& ours, const Document& theirs,
                const std::map<std::string, MergeChoice>& choices) {
    MergeResult r;
    try {
        // Review data merges as sets (review.h), not field by field: it is left out here and joined below.
        auto content = [](const Document& d) {
            Json j = to_json(d);
            for (const char* k : kReviewSetKeys) j.erase(k);
            return j;
        };
        Json merged = merge_json(content(base), content(ours), content(theirs), r.conflicts, choices);
        LoadResult lr = load_document_json(merged);
        if (!lr.ok) {
            r.problems = lr.problems;
            r.merged_json = merged;
            return r;
        }
        r.ok = true;
        r.merged = std::move(lr.doc);
        join_review_three_way(base, ours, theirs, r.merged);
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

Json conflicts_to_json(const std::vector<Conflict>& conflicts, const Document* labels_from) {
    Json a = Json::array();
    const std::vector<std::string> labels = labels_from ? conflict_labels(*labels_from, conflicts)
                                                        : std::vector<std::string>();
    for (size_t i = 0; i < conflicts.size(); ++i) {
        const Conflict& c = conflicts[i];
        Json o = {{"path", c.path}, {"kind", conflict_kind_name(c.kind)}};
        if (c.base_present) o["base"] = c.base;
        if (c.ours_present) o["ours"] = c.ours;
        if (c.theirs_present) o["theirs"] = c.theirs;
        if (labels_from) {
            o["label"] = labels[i];
            o["what"] = conflict_sentence(c);
            o["keep_both"] = can_keep_both(c);
        }
        a.push_back(std::move(o));
    }
    return a;
}

// ---- words for people ------------------------------------------------------------------------------------------

namespace {

// A key as a field name in a sentence: "users_affected" -> "users affected", with the editor's own words where they
// differ.
std::string field_name(const std::string& k) {
    static const std::map<std::string, std::string> kNames = {
        {"incident_id", "incident ID"}, {"severity_labels", "severity names"}, {"updated", "last edited"},
        {"template", "template"},       {"ticket_url", "ticket"},             {"url", "address"},
        {"due", "due date"},            {"slo", "SLO"},                       {"utc_offset", "time zone"},
        {"error_budget_consumed_pct", "error budget consumed (%)"},           {"went_well", "went well"},
        {"went_wrong", "went wrong"},   {"got_lucky", "got lucky"}};
    auto it = kNames.find(k);
    if (it != kNames.end()) return it->second;
    std::string t = k;
    for (char& ch : t)
        if (ch == '_') ch = ' ';
    return t;
}

// A top-level key as the editor names it: a section's title, or a header field's name with a capital.
std::string top_name(const std::string& k) {
    if (std::find(vocab::kSections.begin(), vocab::kSections.end(), k) != vocab::kSections.end())
        return section_title(k);
    std::string t = field_name(k);
    if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') t[0] = static_cast<char>(t[0] - 'a' + 'A');
    return t;
}

std::string clip_line(const std::string& s, size_t n) {
    std::string t = s;
    for (char& ch : t)
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    return t.size() <= n ? t : truncate_to_bytes(t, n);
}

std::string str_of(const Json& item, const char* k) {
    auto it = item.is_object() ? item.find(k) : item.end();
    return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "14:05 Deploy of v2.3 started": the time in the offset it was written with, as the timeline shows it.
std::string event_name(const Json& item) {
    Json one = {{"format", kFormatName}, {"version", kFormatVersion}, {"timeline", Json::array({item})}};
    std::string when;
    LoadResult r = load_document_json(one);
    if (r.ok && r.doc.timeline.size() == 1 && r.doc.timeline[0].time.set)
        when = format_local(r.doc.timeline[0].time).substr(11, 5);
    std::string what = clip_line(str_of(item, "description"), 60);
    if (when.empty()) return what.empty() ? "an event" : what;
    return what.empty() ? when : when + " " + what;
}

Json json_of(const Document& doc) {
    try {
        return to_json(doc);
    } catch (const std::exception&) {
        return Json::object();
    }
}

// conflict_label with the document already as canonical JSON (`dj`).
std::string label_in(const Json& dj, const Conflict& c) {
    std::vector<std::string> segs = split_path(c.path);
    if (segs.empty()) return "The whole postmortem";
    const std::string& k0 = segs[0];
    std::string section = top_name(k0);
    const Json* list = nullptr;
    size_t at = 1;  // index of the item id in segs
    if (k0 == "lessons" && segs.size() >= 3 &&
        (segs[1] == "went_well" || segs[1] == "went_wrong" || segs[1] == "got_lucky")) {
        section += ", " + field_name(segs[1]);
        auto l = dj.find("lessons");
        if (l != dj.end() && l->is_object() && l->contains(segs[1])) list = &(*l)[segs[1]];
        at = 2;
    } else if (child_shape(Ctx::Root, k0).shape == Shape::IdList && segs.size() >= 2) {
        auto l = dj.find(k0);
        if (l != dj.end()) list = &*l;
    } else {
        std::string label = section;
        for (size_t i = 1; i < segs.size(); ++i) label += (i == 1 ? ": " : " - ") + field_name(segs[i]);
        return label;
    }
    // An item: found in the document by id (its place in the list), else named from the conflict's own values.
    const std::string& id = segs[at];
    const Json* item = nullptr;
    size_t pos = 0;
    if (list && list->is_array())
        for (size_t i = 0; i < list->size() && !item; ++i)
            if (str_of((*list)[i], "id") == id) item = &(*list)[i], pos = i + 1;
    const bool whole = segs.size() == at + 1;
    Json from_conflict;
    if (!item && whole) {
        from_conflict = c.ours_present ? c.ours : c.base_present ? c.base : c.theirs;
        item = &from_conflict;
    }
    std::string label;
    if (k0 == "timeline") {
        label = section + ": " + (item ? event_name(*item) : "an event");
    } else if (k0 == "action_items" || k0 == "links") {
        std::string t = item ? clip_line(str_of(*item, "title"), 60) : "";
        if (t.empty() && item) t = clip_line(str_of(*item, "url"), 60);
        label = section + ": " + (t.empty() ? (pos ? "item " + std::to_string(pos) : "an item") : t);
    } else if (pos) {
        label = section + ", item " + std::to_string(pos);
    } else {
        std::string t = item ? clip_line(str_of(*item, "text"), 60) : "";
        label = section + (t.empty() ? ": an item" : ": \xe2\x80\x9c" + t + "\xe2\x80\x9d");
    }
    for (size_t i = at + 1; i < segs.size(); ++i)
        if (!(i == at + 1 && segs[i] == "text" && segs.size() == at + 2)) label += " - " + field_name(segs[i]);
    return label;
}

}  // namespace

std::string conflict_label(const Document& doc, const Conflict& c) { return label_in(json_of(doc), c); }

std::vector<std::string> conflict_labels(const Document& doc, const std::vector<Conflict>& conflicts) {
    const Json dj = json_of(doc);
    std::vector<std::string> out;
    out.reserve(conflicts.size());
    for (const Conflict& c : conflicts) out.push_back(label_in(dj, c));
    return out;
}

const char* conflict_sentence(const Conflict& c) {
    switch (c.kind) {
        case ConflictKind::EditEdit: return "You and the other person both changed this.";
        case ConflictKind::EditDelete: return "You changed it; they removed it.";
        case ConflictKind::DeleteEdit: return "You removed it; they changed it.";
        case ConflictKind::AddAdd: return "You both added this, differently.";
    }
    return "You and the other person both changed this.";
}

// ---- keep both -------------------------------------------------------------------------------------------------

bool can_keep_both(const Conflict& c) {
    return c.ours_present && c.theirs_present && c.ours.is_string() && c.theirs.is_string() &&
           text_field(c.path, nullptr);
}

std::string keep_both_text(const std::string& mine, const std::string& theirs, bool one_line) {
    const std::string sep = one_line ? " " : "\n\n";
    static const std::string first = kKeepBothMarker;
    const std::string head = first.substr(0, first.find(" (")), tail = first.substr(first.find(" ("));
    for (int n = 1;; ++n) {
        const std::string marker = n == 1 ? first : head + " " + std::to_string(n) + tail;
        std::string out = mine + sep + marker + sep + theirs;
        size_t count = 0;
        for (size_t p = out.find(marker); p != std::string::npos; p = out.find(marker, p + 1)) ++count;
        if (count == 1) return out;
    }
}

}  // namespace hs
