// Autosave of the open draft: when to save (a pause in the edits), and how (at once for a small document; a large
// one in steps of a few milliseconds: the events' text a slice at a time, the join, the file's text, the write, the
// snapshot). Pure state machine over a DraftStore: the App tells it "edited at t", "tick at t" and "the push
// finished", and it answers when to wake and what it wrote. Tested natively over MemoryFs.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/fs.h"
#include "core/model.h"
#include "core/store.h"

namespace hs {

// A save runs this long after the last edit (the editor promises at most a second).
constexpr int64_t kAutosaveDelayMs = 800;
// Timers fire a little late or early; waking this much after the deadline finds the save due.
constexpr int64_t kAutosaveWakeSlackMs = 20;
// Below this many timeline events a whole save takes a few milliseconds and is done in one step.
constexpr size_t kAutosaveSliceFrom = 1000;
// The time one slice of a large save may take.
constexpr int64_t kAutosaveSliceBudgetMs = 4;

// What the autosave needs from its owner besides the document: a clock, trace marks, the draft's extra metadata.
class AutosaveHost {
public:
    virtual ~AutosaveHost() = default;
    virtual int64_t now_ms() = 0;
    virtual void trace(const char* /*label*/) {}
    // The timeline events still in review, kept with the draft ("review" in its metadata); asked once per save.
    virtual std::vector<std::string> review_ids() { return {}; }
};

// The draft to save: its store, id ("" = not a draft yet), the document and its revision (any change to the
// document changes the revision, which restarts a save in progress).
struct AutosaveTarget {
    DraftStore* store = nullptr;
    std::string draft_id;
    const Document* doc = nullptr;
    uint64_t rev = 0;
    bool read_only = false;  // another tab edits this draft: nothing is saved here
};

// What one call did, and what the owner does next.
struct AutosaveResult {
    bool wrote = false;        // the store changed: push it to durable storage
    bool more = false;         // another step is due at once (the next frame, or a task of its own)
    bool needs_draft = false;  // the document is not a draft yet: the owner makes it one (and calls saved())
    Status error;              // a write failed: the edits stay in memory and the save is tried again later
};

class Autosave {
public:
    // When the owner should come back.
    struct Wake {
        enum Kind { Idle, Later, Now } kind = Idle;
        int64_t in_ms = 0;  // for Later: arm a timer this long from now
    };

    // An edit landed at `now_ms`: the save is due kAutosaveDelayMs after the last one.
    void edited(int64_t now_ms);
    // The document was stored some other way (a new draft, a document switched): nothing left to save.
    void saved() { dirty_ = false; }
    // A push to durable storage started / finished (the top bar says "Saving" meanwhile).
    void push_started() { pushing_ = true; }
    void push_finished() { pushing_ = false; }

    bool dirty() const { return dirty_; }
    bool pushing() const { return pushing_; }
    bool busy() const { return dirty_ || pushing_; }
    bool snapshot_pending() const { return pending_snapshot_.has_value(); }
    int64_t last_edit_ms() const { return last_edit_ms_; }

    // At a tick (a frame, a timer): whether a step is due now, later (and when), or nothing is to be done.
    Wake next(int64_t now_ms) const;
    // One step of the save when next() said Now: a pending snapshot, or the next part of the autosave.
    AutosaveResult step(const AutosaveTarget& t, AutosaveHost& host);
    // Stores the draft at once when it has unsaved edits (leaving it, a download, the page going away).
    AutosaveResult save_now(const AutosaveTarget& t, AutosaveHost& host);
    // The page is going away: a pending snapshot, then whatever is unsaved.
    AutosaveResult flush(const AutosaveTarget& t, AutosaveHost& host);

private:
    struct Slices {
        std::string draft_id;
        uint64_t rev = 0;
        std::vector<std::string> events;  // save_event of the first events, in order
        std::optional<std::string> json;  // the whole text, once joined
        std::optional<DraftStore::PreparedSave> prepared;  // the file's text and the store's copy, to be written
        bool on = false;
    };
    struct PendingSnapshot {
        std::string draft_id;
        std::string json;
        int64_t at_ms = 0;
    };
    bool can_save(const AutosaveTarget& t) const;
    AutosaveResult step_slices(const AutosaveTarget& t, AutosaveHost& host);
    AutosaveResult take_snapshot(const AutosaveTarget& t, AutosaveHost& host);
    bool prepare(const AutosaveTarget& t, AutosaveHost& host, const std::string* doc_json,
                 DraftStore::PreparedSave& out, AutosaveResult& r);
    void finish(const AutosaveTarget& t, AutosaveHost& host, DraftStore::PreparedSave& p, std::string* doc_json,
                bool snapshot_later, AutosaveResult& r);

    bool dirty_ = false;
    bool pushing_ = false;
    int64_t last_edit_ms_ = 0;
    Slices slices_;
    std::optional<PendingSnapshot> pending_snapshot_;
    // The last large save's buffers, reused by the next: a megabyte of fresh memory costs milliseconds to touch.
    std::string spare_json_, spare_text_;
};

}  // namespace hs
