#include "core/journal_fs.h"

#include "core/model.h"

namespace hs {
namespace {

// The "updated" time of a stored draft envelope ("" when it is not one): ISO text, so it compares as text.
std::string updated_of(const std::string& envelope) {
    Json j = Json::parse(envelope, nullptr, false);
    if (!j.is_object() || !j.contains("draft") || !j["draft"].is_object()) return {};
    const Json& u = j["draft"].value("updated", Json());
    return u.is_string() ? u.get<std::string>() : std::string();
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

Status JournalFs::write(const std::string& p, const std::string& data) {
    Status st = inner_.write(p, data);
    if (st.ok()) journal_.insert(p);
    return st;
}

Status JournalFs::rename(const std::string& from, const std::string& to) {
    Status st = inner_.rename(from, to);
    if (st.ok()) {
        journal_.insert(from);
        journal_.insert(to);
    }
    return st;
}

Status JournalFs::remove(const std::string& p) {
    Status st = inner_.remove(p);
    if (st.ok()) journal_.insert(p);
    return st;
}

std::vector<std::string> JournalFs::journal_paths() const {
    std::vector<std::string> out;
    for (const std::string& p : journal_) out.push_back(path_join(mount_, p));
    return out;
}

std::string JournalFs::journal_paths_json() const { return dump(Json(journal_paths())); }

int JournalFs::take_journal() {
    const int n = static_cast<int>(journal_.size());
    in_flight_.insert(journal_.begin(), journal_.end());
    journal_.clear();
    return n;
}

void JournalFs::push_done(bool ok) {
    if (!ok)  // kept for the next push, unless changed again meanwhile
        journal_.insert(in_flight_.begin(), in_flight_.end());
    in_flight_.clear();
}

std::string JournalFs::pending_json() {
    if (journal_.empty() && in_flight_.empty()) return "{}";
    Json o = Json::object();
    for (const auto* m : {&in_flight_, &journal_})
        for (const std::string& path : *m) {
            std::string data;
            o[path] = !inner_.is_dir(path) && inner_.read(path, data).ok() ? Json(std::move(data)) : Json(nullptr);
        }
    return dump(o);
}

int JournalFs::apply_rescue(const std::string& text) {
    Json o = Json::parse(text, nullptr, false);
    if (!o.is_object()) return 0;
    int n = 0;
    bool failed = false;
    for (const auto& [path, v] : o.items()) {
        if (path.empty() || path[0] != '/') continue;
        if (v.is_null()) {
            if (!inner_.exists(path) || inner_.is_dir(path)) continue;
            if (remove(path).ok()) ++n;
            else failed = true;
            continue;
        }
        if (!v.is_string()) continue;
        const std::string& data = v.get_ref<const std::string&>();
        std::string cur;
        if (inner_.read(path, cur).ok() && (cur == data || updated_of(data) < updated_of(cur))) continue;
        inner_.mkdirs(path_parent(path));
        if (write(path, data).ok()) ++n;
        else failed = true;
    }
    return failed ? -1 : n;
}

}  // namespace hs
