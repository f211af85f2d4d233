#include "core/autosave.h"

#include "core/format.h"

namespace hs {

void Autosave::edited(int64_t now_ms) {
    dirty_ = true;
    last_edit_ms_ = now_ms;
}

Autosave::Wake Autosave::next(int64_t now_ms) const {
    if (pending_snapshot_) return {Wake::Now, 0};
    if (!dirty_) return {Wake::Idle, 0};
    const int64_t since = now_ms - last_edit_ms_;
    if (since < kAutosaveDelayMs) return {Wake::Later, kAutosaveDelayMs - since + kAutosaveWakeSlackMs};
    return {Wake::Now, 0};
}

bool Autosave::can_save(const AutosaveTarget& t) const { return t.store && t.doc && !t.read_only; }

AutosaveResult Autosave::step(const AutosaveTarget& t, AutosaveHost& host) {
    if (pending_snapshot_) return take_snapshot(t, host);
    if (!dirty_ || host.now_ms() - last_edit_ms_ < kAutosaveDelayMs) return {};
    if (!can_save(t) || t.draft_id.empty() || t.doc->timeline.size() < kAutosaveSliceFrom) return save_now(t, host);
    return step_slices(t, host);
}

AutosaveResult Autosave::save_now(const AutosaveTarget& t, AutosaveHost& host) {
    AutosaveResult r;
    if (!can_save(t) || !dirty_) return r;
    if (t.draft_id.empty()) {
        r.needs_draft = true;
        return r;
    }
    slices_ = Slices{};
    DraftStore::PreparedSave p;
    if (prepare(t, host, nullptr, p, r)) finish(t, host, p, nullptr, false, r);
    return r;
}

AutosaveResult Autosave::flush(const AutosaveTarget& t, AutosaveHost& host) {
    AutosaveResult a = pending_snapshot_ ? take_snapshot(t, host) : AutosaveResult{};
    AutosaveResult b = save_now(t, host);
    b.wrote = b.wrote || a.wrote;
    b.more = false;  // the page is going away: nothing comes after
    return b;
}

// A large document's snapshot, written in a step after its save from the same text.
AutosaveResult Autosave::take_snapshot(const AutosaveTarget& t, AutosaveHost& host) {
    AutosaveResult r;
    if (!pending_snapshot_ || !t.store) return r;
    host.trace("hs-save-snapshot");
    PendingSnapshot p = std::move(*pending_snapshot_);
    pending_snapshot_.reset();
    if (!t.store->find(p.draft_id)) return r;  // deleted meanwhile
    // The text is the draft as it was saved; the Document argument is not used when the text is given.
    r.wrote = t.store->snapshot(p.draft_id, Document{}, snapshot_reason::kAutosave, p.at_ms, &p.json).ok();
    spare_json_ = std::move(p.json);
    r.more = dirty_;  // the autosave this step skipped
    return r;
}

// The steps of a large save, one per call. The last two, each in a step of its own: the store's copy of the
// document with the file's text, then the write. A megabyte copied costs milliseconds, and more where memory is
// touched for the first time.
AutosaveResult Autosave::step_slices(const AutosaveTarget& t, AutosaveHost& host) {
    AutosaveResult r;
    Slices& j = slices_;
    const Document& doc = *t.doc;
    if (!j.on || j.draft_id != t.draft_id || j.rev != t.rev) {  // new, or the document changed meanwhile
        j = Slices{t.draft_id, t.rev, {}, std::nullopt, std::nullopt, true};
        j.events.reserve(doc.timeline.size());
    }
    if (j.prepared) {
        DraftStore::PreparedSave p = std::move(*j.prepared);
        std::string json = std::move(*j.json);
        slices_ = Slices{};
        finish(t, host, p, &json, true, r);
        spare_text_ = std::move(p.text);
        if (!json.empty()) spare_json_ = std::move(json);  // not taken by a pending snapshot
        return r;
    }
    r.more = true;
    if (j.json) {
        j.prepared.emplace();
        j.prepared->text = std::move(spare_text_);
        if (!prepare(t, host, &*j.json, *j.prepared, r)) {
            slices_ = Slices{};
            r.more = false;
        }
        return r;
    }
    if (j.events.size() < doc.timeline.size()) {
        host.trace("hs-save-slice");
        const int64_t start = host.now_ms();
        while (j.events.size() < doc.timeline.size()) {
            std::optional<std::string> e = save_event(doc.timeline[j.events.size()]);
            if (!e) return save_now(t, host);  // text save_document writes its slower way: all at once
            j.events.push_back(std::move(*e));
            if (j.events.size() % 64 == 0 && host.now_ms() - start >= kAutosaveSliceBudgetMs) break;
        }
        return r;  // the next slice, or the join, in a later step
    }
    // The whole text, in a step of its own: joining a megabyte of events costs as much as a slice.
    host.trace("hs-save-join");
    j.json = save_document_with_events(doc, j.events, std::move(spare_json_));
    host.trace("hs-save-joined");
    if (!j.json) return save_now(t, host);
    j.events = {};
    return r;
}

bool Autosave::prepare(const AutosaveTarget& t, AutosaveHost& host, const std::string* doc_json,
                       DraftStore::PreparedSave& out, AutosaveResult& r) {
    host.trace("hs-save-prepare");
    // The stored draft's metadata and the open document: one copy of the document, moved into the store.
    const Draft* cur = t.store->find(t.draft_id);
    Draft d = cur ? Draft{cur->id, cur->created_ms, cur->updated_ms, cur->base, Document{}, cur->extra} : Draft{};
    d.id = t.draft_id;
    d.doc = *t.doc;
    // The events still in review go with the draft ("review" in its metadata, docs/storage.md): a reload keeps them.
    std::vector<std::string> review = host.review_ids();
    if (review.empty()) d.extra.erase("review");
    else d.extra["review"] = std::move(review);
    host.trace("hs-save-copied");
    Status st = t.store->prepare_save(std::move(d), host.now_ms(), doc_json, out);
    host.trace("hs-save-prepared");
    if (!st.ok()) r.error = st;
    return st.ok();
}

void Autosave::finish(const AutosaveTarget& t, AutosaveHost& host, DraftStore::PreparedSave& p,
                      std::string* doc_json, bool snapshot_later, AutosaveResult& r) {
    host.trace("hs-save-write");
    const int64_t now = p.draft.updated_ms;
    Status st = t.store->store_prepared(p);
    if (!st.ok()) {
        r.error = st;
        return;
    }
    dirty_ = false;
    r.wrote = true;
    host.trace("hs-save-written");
    if (!t.store->snapshot_due(t.draft_id, now)) return;
    if (snapshot_later && doc_json) {
        // A large document's snapshot is written in the next step, from the same text (see take_snapshot).
        pending_snapshot_ = PendingSnapshot{t.draft_id, std::move(*doc_json), now};
        doc_json->clear();
        r.more = true;
    } else {
        t.store->snapshot(t.draft_id, *t.doc, snapshot_reason::kAutosave, now, doc_json);
    }
}

}  // namespace hs
