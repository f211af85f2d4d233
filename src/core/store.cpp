// The drafts library over a Filesystem: atomic saves, loading with quarantine, trash. History with pruning and the
// sync gate are in store_history.cpp, the library views and export/import in store_library.cpp. Every failure is a Status or a Problem; nothing throws (nlohmann is used with exceptions contained).
#include "store.h"
#include "store_detail.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "format.h"
#include "text.h"

#include "time.h"
#include "sort.h"

namespace hs {

namespace store_detail {

constexpr int kMaxEnvelopeDepth = 66;  // the document's own limit (64) plus the envelope's levels

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string iso(int64_t ms) {
    Instant t;
    t.unix_ms = ms;
    t.set = true;
    return format_utc(t);
}

// Any nlohmann dump that cannot throw on invalid UTF-8 typed into a field.
std::string dump_safe(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Parses JSON text without throwing; on failure fills `problems` (reusing load_document's explanation).
bool parse_json(const std::string& text, Json& out, std::vector<Problem>& problems) {
    try {
        size_t where = 0;
        if (!json_depth_ok(text, where, kMaxEnvelopeDepth)) {
            problems.push_back({"", "The JSON is nested too deeply to be a draft; the file was not read."});
            return false;
        }
        out = Json::parse(text, nullptr, false);
        if (out.is_discarded()) {
            LoadResult r = load_document(text);  // same parser, gives the byte position and a readable message
            if (!r.problems.empty()) problems.push_back(r.problems.front());
            else problems.push_back({"", "The file is not valid JSON."});
            return false;
        }
        return true;
    } catch (const std::bad_alloc&) {
        problems.push_back({"", "The file is too large to read in the available memory."});
    } catch (const std::exception& e) {
        problems.push_back({"", std::string("The file could not be read: ") + e.what()});
    }
    return false;
}

std::string reason_text(const std::vector<Problem>& problems) {
    std::string r;
    size_t n = 0;
    for (const Problem& p : problems) {
        if (++n > 20) {
            r += "... and " + std::to_string(problems.size() - 20) + " more problems\n";
            break;
        }
        r += (p.pointer.empty() ? std::string("(whole file)") : p.pointer) + ": " + p.message + "\n";
    }
    if (r.empty()) r = "(whole file): The file could not be read as a draft.\n";
    return r;
}

bool read_time(const Json& o, const char* key, int64_t& out, std::vector<Problem>& problems, const std::string& ptr) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    if (it->is_number_integer()) {  // tolerated: unix milliseconds
        out = it->get<int64_t>();
        return true;
    }
    if (it->is_string()) {
        if (auto t = parse_iso8601(it->get<std::string>())) {
            out = t->unix_ms;
            return true;
        }
    }
    problems.push_back({ptr + "/" + key, std::string("\"") + key + "\" must be an ISO 8601 UTC time."});
    return false;
}

}  // namespace store_detail

using namespace store_detail;

bool is_snapshot_reason(const std::string& r) {
    using namespace snapshot_reason;
    return r == kShare || r == kMerge || r == kStatus || r == kAutosave || r == kManual || r == kRestore;
}

std::string utc_date(int64_t unix_ms) {
    std::string s = iso(unix_ms);
    return s.substr(0, 10);
}

bool is_valid_draft_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
    }
    return true;
}

// ---- envelope --------------------------------------------------------------------------------------------------

Json DraftStore::envelope(const Draft& d, std::optional<int64_t> deleted_ms) {
    Json meta = d.extra.is_object() ? d.extra : Json::object();
    meta["id"] = d.id;
    meta["created"] = iso(d.created_ms);
    meta["updated"] = iso(d.updated_ms);
    meta["base"] = d.base ? Json(*d.base) : Json(nullptr);
    if (deleted_ms) meta["deleted"] = iso(*deleted_ms);
    else meta.erase("deleted");
    Json o = Json::object();
    o["format"] = kDraftFormatName;
    o["version"] = 1;
    o["draft"] = std::move(meta);
    o["doc"] = to_json(d.doc);
    return o;
}

std::string DraftStore::envelope_text(const Draft& d, std::optional<int64_t> deleted_ms, const std::string* doc_json) {
    std::string out;
    envelope_text_into(out, d, deleted_ms, doc_json);
    return out;
}

void DraftStore::envelope_text_into(std::string& out, const Draft& d, std::optional<int64_t> deleted_ms,
                                    const std::string* doc_json) {
    // Same bytes as dump_safe(envelope(d)) (keys in sorted order: doc, draft, format, version), but the document goes
    // through save_document's direct writer, which is several times faster than building a Json tree.
    Json meta = envelope(Draft{d.id, d.created_ms, d.updated_ms, d.base, Document{}, d.extra}, deleted_ms)["draft"];
    const std::string meta_text = dump_safe(meta);
    std::string made;
    if (!doc_json) made = save_document(d.doc);
    const std::string& doc_text = doc_json ? *doc_json : made;
    out.clear();
    const size_t need = doc_text.size() + meta_text.size() + 64;
    if (out.capacity() < need) out.reserve(need);  // one allocation at most (reserve may shrink in some libraries)
    out += "{\"doc\":";
    out += doc_text;
    out += ",\"draft\":";
    out += meta_text;
    out += ",\"format\":\"";
    out += kDraftFormatName;
    out += "\",\"version\":1}";
}

bool DraftStore::parse_envelope(const Json& j, Draft& out, std::optional<int64_t>* deleted_ms,
                                std::vector<Problem>& problems) {
    try {
        if (!j.is_object()) {
            problems.push_back({"", "A draft file must hold a JSON object."});
            return false;
        }
        auto f = j.find("format");
        if (f == j.end() || !f->is_string() || f->get<std::string>() != kDraftFormatName) {
            problems.push_back({"/format", std::string("This is not a Hindsight draft file (\"format\" must be \"") +
                                               kDraftFormatName + "\")."});
            return false;
        }
        auto v = j.find("version");
        if (v != j.end() && (!v->is_number_integer() || v->get<int64_t>() > 1 || v->get<int64_t>() < 1)) {
            problems.push_back({"/version", "This draft was written by a newer or unknown version of Hindsight."});
            return false;
        }
        auto m = j.find("draft");
        if (m == j.end() || !m->is_object()) {
            problems.push_back({"/draft", "The draft's metadata object is missing."});
            return false;
        }
        Draft d;
        bool ok = true;
        auto id = m->find("id");
        if (id != m->end() && id->is_string()) d.id = id->get<std::string>();
        ok &= read_time(*m, "created", d.created_ms, problems, "/draft");
        ok &= read_time(*m, "updated", d.updated_ms, problems, "/draft");
        int64_t del = 0;
        const bool has_deleted = m->contains("deleted") && !(*m)["deleted"].is_null();
        ok &= read_time(*m, "deleted", del, problems, "/draft");
        auto b = m->find("base");
        if (b != m->end() && !b->is_null()) {
            if (b->is_string()) d.base = b->get<std::string>();
            else {
                problems.push_back({"/draft/base", "\"base\" must be the canonical JSON text of a document, or null."});
                ok = false;
            }
        }
        d.extra = *m;
        for (const char* k : {"id", "created", "updated", "base", "deleted"}) d.extra.erase(k);
        auto doc = j.find("doc");
        if (doc == j.end()) {
            problems.push_back({"/doc", "The draft holds no document."});
            return false;
        }
        LoadResult r = load_document_json(*doc);
        if (!r.ok) {
            for (const Problem& p : r.problems) problems.push_back({"/doc" + p.pointer, p.message});
            return false;
        }
        if (!ok) return false;
        d.doc = std::move(r.doc);
        if (deleted_ms) *deleted_ms = has_deleted ? std::optional<int64_t>(del) : std::nullopt;
        out = std::move(d);
        return true;
    } catch (const std::exception& e) {
        problems.push_back({"", std::string("The draft could not be read: ") + e.what()});
        return false;
    }
}

bool DraftStore::parse_envelope_text(const std::string& text, Draft& out, std::optional<int64_t>* deleted_ms,
                                     std::vector<Problem>& problems) {
    Json j;
    if (!parse_json(text, j, problems)) return false;
    return parse_envelope(j, out, deleted_ms, problems);
}

// ---- store basics ----------------------------------------------------------------------------------------------

DraftStore::DraftStore(Filesystem& fs, std::string root) : fs_(fs), root_(std::move(root)) {}

std::string DraftStore::dir(const char* sub) const { return path_join(root_, sub); }
std::string DraftStore::draft_path(const std::string& id) const { return path_join(dir("drafts"), id + ".json"); }
std::string DraftStore::trash_path(const std::string& id) const { return path_join(dir("trash"), id + ".json"); }
std::string DraftStore::history_dir(const std::string& id) const { return path_join(dir("history"), id); }

Status DraftStore::ensure_dirs() {
    for (const char* sub : {"drafts", "trash", "history", "quarantine"}) {
        Status s = fs_.mkdirs(dir(sub));
        if (!s.ok()) return s;
    }
    return Status::success();
}

Status DraftStore::write_atomic(const std::string& path, const std::string& data) {
    const std::string tmp = path + ".tmp";
    Status s = fs_.write(tmp, data);
    if (!s.ok()) {
        fs_.remove(tmp);  // best effort: a partial temporary file is ignored and cleaned on load anyway
        return s;
    }
    s = fs_.rename(tmp, path);
    if (!s.ok()) fs_.remove(tmp);
    return s;
}

Status DraftStore::remove_tree(const std::string& path) {
    if (fs_.is_dir(path)) {
        std::vector<std::string> names;
        Status s = fs_.list(path, names);
        if (!s.ok()) return s;
        for (const auto& n : names) {
            s = remove_tree(path_join(path, n));
            if (!s.ok()) return s;
        }
    }
    return fs_.remove(path);
}

std::string DraftStore::fresh_draft_id() {
    for (;;) {
        std::string id = new_id("dr");
        if (!id_in_use(id)) return id;
    }
}

bool DraftStore::id_in_use(const std::string& id) {
    return drafts_.count(id) > 0 || fs_.exists(draft_path(id)) || fs_.exists(trash_path(id));
}

void DraftStore::cache_put(Draft d) {
    if (!drafts_.count(d.id)) order_.insert(std::lower_bound(order_.begin(), order_.end(), d.id), d.id);
    const std::string id = d.id;
    drafts_[id] = std::move(d);
    ++revision_;
}

const Draft* DraftStore::find(const std::string& id) const {
    auto it = drafts_.find(id);
    return it == drafts_.end() ? nullptr : &it->second;
}

Status DraftStore::quarantine_file(const std::string& sub, const std::string& name, const std::string& reason,
                                   std::string* qname) {
    Status s = fs_.mkdirs(dir("quarantine"));
    if (!s.ok()) return s;
    const std::string q = free_quarantine_name(name);
    s = fs_.rename(path_join(dir(sub.c_str()), name), path_join(dir("quarantine"), q));
    if (!s.ok()) return s;
    // The reason file is a courtesy: if it cannot be written the file is still out of the way.
    fs_.write(path_join(dir("quarantine"), q + ".reason.txt"), "File: " + sub + "/" + name + "\n" + reason);
    if (qname) *qname = q;
    ++revision_;
    return Status::success();
}

// `name`, or name-2, name-3... before its extension: the first not in quarantine/ yet.
std::string DraftStore::free_quarantine_name(const std::string& name) {
    std::string stem = name, ext;
    const size_t dot = name.find('.');
    if (dot != std::string::npos && dot > 0) {
        stem = name.substr(0, dot);
        ext = name.substr(dot);
    }
    std::string q = name;
    for (int n = 2; fs_.exists(path_join(dir("quarantine"), q)) && n < 10000; ++n)
        q = stem + "-" + std::to_string(n) + ext;
    return q;
}

Status DraftStore::set_aside(const std::string& origin, const std::string& name, const std::string& raw,
                             const std::string& reason, std::string* qname) {
    Status s = fs_.mkdirs(dir("quarantine"));
    if (!s.ok()) return s;
    const std::string q = free_quarantine_name(name);
    s = fs_.write(path_join(dir("quarantine"), q), raw);
    if (!s.ok()) return s;
    fs_.write(path_join(dir("quarantine"), q + ".reason.txt"), "File: " + origin + "\n" + reason);
    if (qname) *qname = q;
    ++revision_;
    return Status::success();
}

// ---- load ------------------------------------------------------------------------------------------------------

LoadReport DraftStore::load_all() {
    LoadReport rep;
    drafts_.clear();
    order_.clear();
    ++revision_;
    last_snapshot_ms_.clear();
    Status s = ensure_dirs();
    if (!s.ok()) rep.errors.push_back(s.message);

    // Leftover temporary files are crashed writes: the previous version is intact next to them.
    for (const char* sub : {"drafts", "trash"}) {
        std::vector<std::string> names;
        if (!fs_.list(dir(sub), names).ok()) continue;
        for (const auto& n : names) {
            if (ends_with(n, ".tmp") && fs_.remove(path_join(dir(sub), n)).ok())
                rep.cleaned_temp.push_back(std::string(sub) + "/" + n);
        }
    }

    std::vector<std::string> names;
    s = fs_.list(dir("drafts"), names);
    if (!s.ok()) rep.errors.push_back(s.message);
    for (const auto& n : names) {
        const std::string path = path_join(dir("drafts"), n);
        if (!ends_with(n, ".json") || fs_.is_dir(path)) continue;
        const std::string id = n.substr(0, n.size() - 5);
        std::vector<Problem> problems;
        Draft d;
        if (!is_valid_draft_id(id)) {
            problems.push_back({"", "The file name is not a draft id (letters, digits, '-' and '_' only)."});
        } else {
            std::string text;
            s = fs_.read(path, text);
            if (!s.ok()) {
                rep.errors.push_back(s.message);
                continue;
            }
            parse_envelope_text(text, d, nullptr, problems);
        }
        if (!problems.empty()) {
            std::string q;
            s = quarantine_file("drafts", n, reason_text(problems), &q);
            if (s.ok()) rep.newly_quarantined.push_back(q);
            else rep.errors.push_back(s.message);
            continue;
        }
        d.id = id;  // the file name is the identity; a differing "id" inside (a copied file) does not matter
        cache_put(std::move(d));
        rep.loaded.push_back(id);
    }
    rep.quarantined = list_quarantine();
    return rep;
}

// ---- drafts ----------------------------------------------------------------------------------------------------

Status DraftStore::save(const Draft& d, int64_t now_ms, Draft* saved) { return save(Draft(d), now_ms, saved); }

// A 1 MB document costs milliseconds to copy, and this runs on every autosave: it is moved, not copied.
Status DraftStore::save(Draft&& d, int64_t now_ms, Draft* saved, const std::string* doc_json) {
    PreparedSave p;
    Status s = prepare_save(std::move(d), now_ms, doc_json, p);
    if (!s.ok()) return s;
    return store_prepared(p, saved);
}

Status DraftStore::prepare_save(Draft&& d, int64_t now_ms, const std::string* doc_json, PreparedSave& out) {
    if (!is_valid_draft_id(d.id)) return Status::error(ErrorKind::Invalid, "Not a valid draft id: \"" + d.id + "\"");
    out.draft = std::move(d);
    out.draft.updated_ms = now_ms;
    if (out.draft.created_ms == 0) out.draft.created_ms = now_ms;
    try {
        envelope_text_into(out.text, out.draft, std::nullopt, doc_json);
    } catch (const std::exception& e) {
        return Status::error(ErrorKind::IoError, std::string("The draft could not be serialized: ") + e.what());
    }
    return Status::success();
}

Status DraftStore::store_prepared(PreparedSave& p, Draft* saved) {
    if (!is_valid_draft_id(p.draft.id))
        return Status::error(ErrorKind::Invalid, "Not a valid draft id: \"" + p.draft.id + "\"");
    Status s = fs_.mkdirs(dir("drafts"));
    if (!s.ok()) return s;
    s = write_atomic(draft_path(p.draft.id), p.text);
    if (!s.ok()) return s;
    if (saved) *saved = p.draft;
    cache_put(std::move(p.draft));
    return Status::success();
}

Status DraftStore::create(const Document& doc, int64_t now_ms, Draft* out) {
    Draft d;
    d.id = fresh_draft_id();
    d.created_ms = now_ms;
    d.doc = doc;
    return save(d, now_ms, out);
}

Status DraftStore::duplicate(const std::string& id, int64_t now_ms, Draft* out) {
    const Draft* src = find(id);
    if (!src) return Status::error(ErrorKind::NotFound, "No draft " + id);
    Draft d;
    d.id = fresh_draft_id();
    d.created_ms = now_ms;
    d.doc = src->doc;
    d.doc.id = new_id("pm");
    d.doc.title = "Copy of " + (src->doc.title.empty() ? std::string("untitled postmortem") : src->doc.title);
    return save(d, now_ms, out);
}

Status DraftStore::rename(const std::string& id, const std::string& title, int64_t now_ms) {
    const Draft* src = find(id);
    if (!src) return Status::error(ErrorKind::NotFound, "No draft " + id);
    Draft d = *src;
    d.doc.title = title;
    return save(d, now_ms);
}

// ---- trash -----------------------------------------------------------------------------------------------------

Status DraftStore::remove(const std::string& id, int64_t now_ms) {
    const Draft* src = find(id);
    if (!src) return Status::error(ErrorKind::NotFound, "No draft " + id);
    Status s = fs_.mkdirs(dir("trash"));
    if (!s.ok()) return s;
    // Trash copy first: a crash between the two steps leaves the draft in both places, never in neither.
    s = write_atomic(trash_path(id), envelope_text(*src, now_ms));
    if (!s.ok()) return s;
    s = fs_.remove(draft_path(id));
    if (!s.ok() && s.kind != ErrorKind::NotFound) {
        fs_.remove(trash_path(id));
        return s;
    }
    drafts_.erase(id);
    ++revision_;
    order_.erase(std::remove(order_.begin(), order_.end(), id), order_.end());
    last_snapshot_ms_.erase(id);
    return Status::success();
}

std::vector<TrashEntry> DraftStore::list_trash() {
    std::vector<TrashEntry> out;
    std::vector<std::string> names;
    if (!fs_.list(dir("trash"), names).ok()) return out;
    for (const auto& n : names) {
        if (!ends_with(n, ".json")) continue;
        const std::string id = n.substr(0, n.size() - 5);
        std::string text;
        if (!fs_.read(path_join(dir("trash"), n), text).ok()) continue;
        Draft d;
        std::optional<int64_t> deleted;
        std::vector<Problem> problems;
        if (!is_valid_draft_id(id)) problems.push_back({"", "The file name is not a draft id."});
        else parse_envelope_text(text, d, &deleted, problems);
        if (!problems.empty()) {
            quarantine_file("trash", n, reason_text(problems), nullptr);
            continue;
        }
        out.push_back({id, d.doc.title, deleted.value_or(d.updated_ms), d.updated_ms});
    }
    sort_stable(out.begin(), out.end(), [](const TrashEntry& a, const TrashEntry& b) {
        return a.deleted_ms != b.deleted_ms ? a.deleted_ms > b.deleted_ms : a.id < b.id;
    });
    return out;
}

Status DraftStore::restore(const std::string& id, int64_t now_ms, std::string* restored_id) {
    if (!is_valid_draft_id(id)) return Status::error(ErrorKind::Invalid, "Not a valid draft id: \"" + id + "\"");
    std::string text;
    Status s = fs_.read(trash_path(id), text);
    if (!s.ok()) return s;
    Draft d;
    std::vector<Problem> problems;
    if (!parse_envelope_text(text, d, nullptr, problems))
        return Status::error(ErrorKind::Invalid, "The trashed draft cannot be read: " + reason_text(problems));
    d.id = id;
    if (drafts_.count(id) || fs_.exists(draft_path(id))) d.id = fresh_draft_id();
    s = save(d, now_ms);
    if (!s.ok()) return s;
    if (d.id != id) {
        // Move the history along with the draft so that it stays reachable.
        std::vector<std::string> names;
        if (fs_.list(history_dir(id), names).ok() && !names.empty() && fs_.mkdirs(history_dir(d.id)).ok()) {
            for (const auto& n : names) fs_.rename(path_join(history_dir(id), n), path_join(history_dir(d.id), n));
            fs_.remove(history_dir(id));
        }
    }
    fs_.remove(trash_path(id));
    if (restored_id) *restored_id = d.id;
    return Status::success();
}

int DraftStore::purge_trash(int64_t now_ms) {
    int n = 0;
    for (const TrashEntry& e : list_trash()) {
        if (now_ms - e.deleted_ms < kTrashKeepMs) continue;
        if (!fs_.remove(trash_path(e.id)).ok()) continue;
        if (!drafts_.count(e.id)) remove_tree(history_dir(e.id));
        ++n;
    }
    if (n) ++revision_;
    return n;
}

// ---- quarantine ------------------------------------------------------------------------------------------------

std::vector<QuarantineEntry> DraftStore::list_quarantine() {
    std::vector<QuarantineEntry> out;
    std::vector<std::string> names;
    if (!fs_.list(dir("quarantine"), names).ok()) return out;
    for (const auto& n : names) {
        if (ends_with(n, ".reason.txt")) continue;
        QuarantineEntry e;
        e.name = n;
        std::string raw, reason;
        if (fs_.read(path_join(dir("quarantine"), n), raw).ok()) e.size = raw.size();
        if (fs_.read(path_join(dir("quarantine"), n + ".reason.txt"), reason).ok()) {
            if (reason.compare(0, 6, "File: ") == 0) {
                const size_t nl = reason.find('\n');
                e.original_path = reason.substr(6, nl == std::string::npos ? std::string::npos : nl - 6);
                reason = nl == std::string::npos ? "" : reason.substr(nl + 1);
            }
            e.reason = reason;
        }
        out.push_back(std::move(e));
    }
    return out;
}

Status DraftStore::read_quarantined(const std::string& name, std::string& raw) {
    if (name.empty() || name.find('/') != std::string::npos || name[0] == '.')
        return Status::error(ErrorKind::Invalid, "Not a quarantined file: " + name);
    return fs_.read(path_join(dir("quarantine"), name), raw);
}

Status DraftStore::delete_quarantined(const std::string& name) {
    if (name.empty() || name.find('/') != std::string::npos || name[0] == '.')
        return Status::error(ErrorKind::Invalid, "Not a quarantined file: " + name);
    Status s = fs_.remove(path_join(dir("quarantine"), name));
    if (!s.ok()) return s;
    fs_.remove(path_join(dir("quarantine"), name + ".reason.txt"));
    ++revision_;
    return Status::success();
}

}  // namespace hs
