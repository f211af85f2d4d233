// The drafts library: history snapshots with their pruning policy, and the IDBFS sync gate.
#include "store.h"

#include <algorithm>
#include <set>

#include "format.h"
#include "store_detail.h"
#include "text.h"
#include "sort.h"

namespace hs {

using namespace store_detail;

// ---- pruning ---------------------------------------------------------------------------------------------------

std::vector<std::string> snapshots_to_prune(const std::vector<SnapshotInfo>& snaps, int64_t now_ms,
                                            const PrunePolicy& policy) {
    std::vector<const SnapshotInfo*> s;
    for (const auto& x : snaps) s.push_back(&x);
    sort_stable(s.begin(), s.end(), [](const SnapshotInfo* a, const SnapshotInfo* b) {
        return a->unix_ms != b->unix_ms ? a->unix_ms > b->unix_ms : a->name > b->name;
    });
    // The newest of each day and of each week is its representative. Keeping representatives (not just "whatever
    // survived the recent window") makes incremental pruning give the same result as pruning once.
    std::set<int64_t> days, weeks;
    size_t recent = 0;
    std::vector<const SnapshotInfo*> keep, drop;
    for (const SnapshotInfo* x : s) {
        const int64_t age = now_ms - x->unix_ms;
        const int64_t day = floor_div(x->unix_ms, kDayMs);
        const int64_t week = floor_div(day + 3, 7);  // 1970-01-01 was a Thursday: weeks start on Monday
        const bool day_rep = days.insert(day).second;
        const bool week_rep = weeks.insert(week).second;
        bool k = false;
        if (age < policy.recent_ms && recent < policy.recent_max) {
            ++recent;
            k = true;
        }
        if (day_rep && age < policy.daily_ms) k = true;
        if (week_rep) k = true;
        (k ? keep : drop).push_back(x);
    }
    for (size_t i = policy.total_max; i < keep.size(); ++i) drop.push_back(keep[i]);
    std::vector<std::string> names;
    for (const SnapshotInfo* x : drop) names.push_back(x->name);
    return names;
}


// ---- history ---------------------------------------------------------------------------------------------------

Status DraftStore::snapshot(const std::string& id, const Document& doc, const std::string& reason, int64_t now_ms,
                            const std::string* doc_json) {
    if (!is_valid_draft_id(id)) return Status::error(ErrorKind::Invalid, "Not a valid draft id: \"" + id + "\"");
    if (!is_snapshot_reason(reason)) return Status::error(ErrorKind::Invalid, "Unknown snapshot reason: " + reason);
    const std::string hdir = history_dir(id);
    Status s = fs_.mkdirs(hdir);
    if (!s.ok()) return s;
    int64_t ms = std::max<int64_t>(now_ms, 0);
    std::string name;
    for (;; ++ms) {  // two snapshots in the same millisecond both stay
        name = std::to_string(ms) + "-" + reason + ".json";
        if (!fs_.exists(path_join(hdir, name))) break;
    }
    std::string text;
    try {
        text = doc_json ? *doc_json : save_document(doc);
    } catch (const std::exception& e) {
        return Status::error(ErrorKind::IoError, std::string("The snapshot could not be serialized: ") + e.what());
    }
    s = write_atomic(path_join(hdir, name), text);
    if (!s.ok()) return s;
    last_snapshot_ms_[id] = now_ms;
    prune_history(id, now_ms);
    return Status::success();
}

Status DraftStore::snapshot(const std::string& id, const std::string& reason, int64_t now_ms) {
    const Draft* d = find(id);
    if (!d) return Status::error(ErrorKind::NotFound, "No draft " + id);
    return snapshot(id, d->doc, reason, now_ms);
}

bool DraftStore::snapshot_due(const std::string& id, int64_t now_ms, int64_t every_ms) {
    auto it = last_snapshot_ms_.find(id);
    if (it == last_snapshot_ms_.end()) {
        auto h = list_history(id);
        if (h.empty()) return true;
        it = last_snapshot_ms_.emplace(id, h.front().unix_ms).first;
    }
    return now_ms - it->second >= every_ms;
}

std::vector<SnapshotInfo> DraftStore::list_history(const std::string& id) {
    std::vector<SnapshotInfo> out;
    if (!is_valid_draft_id(id)) return out;
    std::vector<std::string> names;
    if (!fs_.list(history_dir(id), names).ok()) return out;
    for (const auto& n : names) {
        if (!ends_with(n, ".json")) continue;
        const size_t dash = n.find('-');
        if (dash == std::string::npos || dash == 0 || dash > 18) continue;
        bool digits = true;
        for (size_t i = 0; i < dash; ++i) digits &= std::isdigit(static_cast<unsigned char>(n[i])) != 0;
        if (!digits) continue;
        SnapshotInfo si;
        si.name = n;
        si.unix_ms = std::stoll(n.substr(0, dash));
        si.reason = n.substr(dash + 1, n.size() - dash - 1 - 5);
        out.push_back(std::move(si));
    }
    sort_stable(out.begin(), out.end(), [](const SnapshotInfo& a, const SnapshotInfo& b) {
        return a.unix_ms != b.unix_ms ? a.unix_ms > b.unix_ms : a.name > b.name;
    });
    return out;
}

Status DraftStore::read_snapshot(const std::string& id, const std::string& name, Document& out, std::string* raw) {
    if (!is_valid_draft_id(id) || name.find('/') != std::string::npos || name.empty() || name[0] == '.')
        return Status::error(ErrorKind::Invalid, "Not a snapshot: " + name);
    std::string text;
    Status s = fs_.read(path_join(history_dir(id), name), text);
    if (!s.ok()) return s;
    LoadResult r = load_document(text);
    if (!r.ok) return Status::error(ErrorKind::Invalid, "The snapshot cannot be read: " + reason_text(r.problems));
    out = std::move(r.doc);
    if (raw) *raw = std::move(text);
    return Status::success();
}

Status DraftStore::restore_snapshot(const std::string& id, const std::string& name, int64_t now_ms, Document& out) {
    Document doc;
    Status s = read_snapshot(id, name, doc);
    if (!s.ok()) return s;
    if (find(id)) {
        s = snapshot(id, snapshot_reason::kRestore, now_ms);
        if (!s.ok()) return s;
    }
    out = std::move(doc);
    return Status::success();
}

int DraftStore::prune_history(const std::string& id, int64_t now_ms, const PrunePolicy& policy) {
    int n = 0;
    for (const auto& name : snapshots_to_prune(list_history(id), now_ms, policy)) {
        if (fs_.remove(path_join(history_dir(id), name)).ok()) ++n;
    }
    return n;
}


// ---- SyncGate --------------------------------------------------------------------------------------------------

bool SyncGate::begin_initial_load() {
    if (state_ != State::Unloaded && state_ != State::Failed) return false;
    state_ = State::Loading;
    return true;
}

void SyncGate::finish_initial_load(bool ok) { state_ = ok ? State::Ready : State::Failed; }

bool SyncGate::request_push() {
    if (state_ != State::Ready || in_flight_) {
        pending_ = true;
        return false;
    }
    in_flight_ = true;
    pending_ = false;
    return true;
}

bool SyncGate::push_done() {
    in_flight_ = false;
    return take_pending();
}

bool SyncGate::take_pending() {
    if (state_ != State::Ready || in_flight_ || !pending_) return false;
    pending_ = false;
    in_flight_ = true;
    return true;
}

}  // namespace hs
