// The edit journal's place in the app (core/edit_journal.h has the rules): each edit of a text field is written
// within kJournalFlushMs of the keystroke; adding, deleting or moving an item saves in full at once instead (in a
// document saved in slices, when the edits pause), and an added item is journaled too (core/edit_journal_items.h);
// choices wait for the autosave; the tab that holds a draft's lock replays the draft's entries, then saves in full;
// entries are deleted once a full save that holds them is durable.
#include <algorithm>
#include <set>

#include "app.h"
#include "core/edit_journal_items.h"
#include "core/history.h"
#include "core/schema.h"

namespace hs::ui {

namespace {

// The id of the item an "<list>#add" edit added: lists grow at the end (list_ops.h append_new).
std::string added_id(Document& doc, const std::string& list) {
    if (list == "action_items") return doc.action_items.empty() ? std::string() : doc.action_items.back().id;
    const std::vector<Item>* items = hs::item_list(doc, list);
    return items && !items->empty() ? items->back().id : std::string();
}

}  // namespace

void App::journal_edit(const std::string& path) {
    if (!doc_ || !store_ || read_only_ || draft_id_.empty()) return;
    const std::string* value = path.compare(0, 3, "ui:") == 0 ? nullptr : hs::text_field(*doc_, path);
    const Draft* d = store_->find(draft_id_);
    const int64_t base = d ? d->updated_ms : 0;
    if (!value) {
        // An item added, deleted or moved ("<list>#order"): a full save comes now rather than when the edits pause
        // (a document large enough to be saved in slices still waits for the pause: a whole save at once would
        // hold up this frame). An added item is journaled too, so that its fields' entries replay over a save
        // made before it. Choices and numbers wait for the autosave.
        if (path.find('#') == std::string::npos) return;
        const size_t add = path.rfind("#add");
        if (add != std::string::npos && add + 4 == path.size()) {
            const std::string list = path.substr(0, add);
            const std::string id = added_id(*doc_, list);
            if (!id.empty()) journal_.record(draft_id_, base, hs::journal_add_path(list, id), "", platform_.now_ms());
        }
        autosave_step();
        journal_flush(false);
        return;
    }
    journal_.record(draft_id_, base, path, *value, platform_.now_ms());
    // Written from here when due (the keystroke's own task: no frame needed), else by the frame the timer brings.
    journal_flush(false);
}

void App::journal_flush(bool now) {
    const int64_t due = journal_.due_in(platform_.now_ms());
    if (due < 0) return;
    if (due > 0 && !now) {
        platform_.set_timer(static_cast<int>(due));
        return;
    }
    std::vector<Platform::JournalRecord> records;
    for (const JournalEntry& e : journal_.take(platform_.now_ms()))
        records.push_back({journal_key(e), e.draft_id, e.base, encode_journal_entry(e)});
    platform_.journal_write(records);
}

void App::journal_rerecord() {
    // An undo can take a field back to a text older than its journal entry: the entry must follow, or a replay
    // would bring the undone text back.
    if (!doc_ || !store_ || read_only_ || draft_id_.empty()) return;
    const std::set<std::string> paths = journal_.edited_paths();
    const Draft* d = store_->find(draft_id_);
    std::string list, id;
    for (const std::string& path : paths) {
        if (hs::text_field(*doc_, path)) {
            journal_edit(path);
        } else if (hs::parse_journal_add_path(path, list, id)) {  // an added item may be gone again, or back
            const bool there = hs::journal_item_exists(*doc_, list, id);
            journal_.record(draft_id_, d ? d->updated_ms : 0, path, there ? "" : hs::kJournalItemGone,
                            platform_.now_ms());
            journal_flush(false);
        }
    }
}

void App::journal_switched() {
    journal_flush(true);
    journal_.forget_draft();
}

void App::journal_replay() {
    if (draft_id_.empty()) return;
    const std::string id = draft_id_;
    platform_.journal_read(id, [this, id](const std::vector<std::string>& texts) { journal_replayed(id, texts); });
}

void App::journal_replayed(const std::string& draft_id, const std::vector<std::string>& texts) {
    if (texts.empty() || draft_id != draft_id_ || read_only_ || !store_ || !doc_) return;
    const Draft* stored = store_->find(draft_id);
    if (!stored) return;
    ReplayReport r = replay_journal(*doc_, draft_id, stored->updated_ms, texts, journal_.edited_paths());
    journal_notes_ = std::move(r.notes);
    if (r.applied == 0) return;
    history_->commit(*doc_, "Restore typing not yet saved", "journal", platform_.now_ms());
    derived_dirty_ = true;
    ++doc_rev_;
    autosave_edited();
    update_window_title();
    // In full now: the entries are deleted once this save is durable (journal_pushed).
    save_now();
    platform_.request_frame();
}

void App::journal_saved(int64_t rev) {
    // A push under way took its files when it started; a save written now goes out with the next one.
    const JournalPush p{draft_id_, rev};
    if (platform_.storage_push_running()) journal_queued_ = p;
    else journal_inflight_ = p;
}

void App::journal_pushed(bool ok) {
    if (ok && journal_inflight_.rev != 0) platform_.journal_drop(journal_inflight_.draft_id, journal_inflight_.rev);
    // After a success the queued save is the one in flight (the platform pushes again); after a failure the next
    // push carries both, and the older one's entries simply stay until a later durable save.
    if (ok || journal_queued_.rev != 0) {
        journal_inflight_ = journal_queued_;
        journal_queued_ = JournalPush{};
    }
}

}  // namespace hs::ui
