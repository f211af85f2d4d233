// The edit journal: typing kept durably within a fraction of a second, between full saves.
//
// A full save of a draft (DraftStore) runs when the edits pause and takes the whole document; the page makes it
// durable with a push to IndexedDB that can take a while. A browser killed in between would lose what was typed, so
// each edit of a text field is also written as a small entry (the field's path and its whole new value) to a store of
// its own. Each entry names the full save it applies on top of: its `base`, the draft's revision (Draft::updated_ms)
// when the edit was made. When the tab that holds the draft's lock opens it, replay_journal applies the entries a
// newer full save does not already hold; the app then saves in full, and once that save is durable the entries it
// covers are deleted.
//
// Replay rules:
// - entries of another draft are never applied (the storage keys them by draft; only the lock holder replays);
// - an entry whose base is older than the stored revision is dropped: a newer full save holds its edit, since every
//   full save takes the whole document as it is at that moment;
// - an entry whose base is the stored revision, or a newer one (a full save that never became durable), is applied;
//   the values are whole field values, applied in the order the edits were made, so the last edit of a field wins;
// - replaying twice applies nothing the second time: the full save after a replay has a newer revision;
// - a damaged entry, or one whose field no longer exists (its item was deleted), is skipped with a note.
//
// EditJournal is the in-memory side: it coalesces repeated edits of one field and tells when the pending entries are
// due to be written: at once after a pause, and at most once per kJournalFlushMs while the edits go on.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

// Pending edits are written at most this long after the first of them, and writes are at least this far apart (the
// journal is durable within about twice this: the write itself is a small IndexedDB transaction).
inline constexpr int64_t kJournalFlushMs = 100;

struct JournalEntry {
    std::string draft_id;
    std::string tab_id;   // the tab that made the edit (its own sequence)
    int64_t base = 0;     // Draft::updated_ms of the full save the edit applies on top of
    uint64_t seq = 0;     // order of the edits within the tab
    std::string path;     // the field, as the editor names it: "title", "summary", "action_items/ai-1/owner"
    std::string value;    // the field's whole new text
    int64_t time_ms = 0;  // when the edit was made
};

// One entry as text (a JSON object), and back. Decoding checks every member; `error` says what was wrong.
std::string encode_journal_entry(const JournalEntry& e);
bool decode_journal_entry(const std::string& text, JournalEntry& out, std::string& error);

// The storage key of an entry: one record per draft, tab and field, so that a later edit of the field replaces the
// earlier one instead of adding to the store.
std::string journal_key(const JournalEntry& e);

// Field paths are the editor's (schema.h: text_field, item_list).

struct ReplayReport {
    size_t applied = 0;               // entries whose value was set
    size_t older = 0;                 // dropped: a newer full save holds them
    std::vector<std::string> notes;   // entries skipped (damaged, unknown field, other draft), one line each
};

// Applies to `doc` the entries (as encode_journal_entry wrote them) of draft `draft_id` that apply over the stored
// revision `stored_base`. Entries for a path in `keep` are skipped: the field was edited here since it was opened.
ReplayReport replay_journal(Document& doc, const std::string& draft_id, int64_t stored_base,
                            const std::vector<std::string>& encoded, const std::set<std::string>& keep = {});

class EditJournal {
public:
    explicit EditJournal(std::string tab_id) : tab_id_(std::move(tab_id)) {}
    const std::string& tab_id() const { return tab_id_; }

    // An edit of a text field: replaces a pending edit of the same field of the same draft.
    void record(const std::string& draft_id, int64_t base, const std::string& path, const std::string& value,
                int64_t now_ms);
    bool empty() const { return pending_.empty(); }
    // Milliseconds until the pending entries are due (0: now); -1 when nothing is pending.
    int64_t due_in(int64_t now_ms) const;
    // The pending entries in the order of their edits; the journal is empty afterwards. `now_ms`: when they are
    // written, from which the next write waits kJournalFlushMs.
    std::vector<JournalEntry> take(int64_t now_ms);
    // Paths of `draft_id` recorded since forget_draft (the fields edited here).
    const std::set<std::string>& edited_paths() const { return edited_; }
    void forget_draft() { edited_.clear(); }

private:
    std::string tab_id_;
    uint64_t next_seq_ = 1;
    int64_t first_ms_ = 0;
    int64_t last_take_ms_ = INT64_MIN / 2;
    std::map<std::pair<std::string, std::string>, JournalEntry> pending_;  // (draft, path) -> latest edit
    std::set<std::string> edited_;
};

}  // namespace hs
