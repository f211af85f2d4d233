// Undo/redo for the editor: a bounded list of canonical JSON snapshots (hs::save_document) of the whole document.
// Snapshots rather than diffs: simple, obviously correct, and cheap enough (a 200-event postmortem is ~100 KB).
// Typing is the exception: a snapshot per keystroke of a 1 MB document takes longer than a frame, so an edit of one
// text field (commit_text) is kept as that field's new text on top of the step before it. Undo and redo rebuild a
// document from the nearest whole snapshot; the oldest step is always a whole snapshot.
//
// Typing in one field is coalesced: a commit with the same non-empty group_key within `coalesce_ms` of the previous
// commit replaces the current step instead of adding one. A checkpoint folds many commits into one step (a merge
// result, a restored snapshot, a multi-field command). Limits: at most `max_steps` undoable steps and about
// `max_bytes` of snapshots; the oldest steps are dropped first.
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include "model.h"

namespace hs {

class History {
public:
    struct Limits {
        size_t max_steps = 200;
        size_t max_bytes = 64u << 20;  // 64 MiB
        int64_t coalesce_ms = 1000;
    };

    History();
    explicit History(Limits limits);

    // Forgets everything; `doc` is the state that cannot be undone (as loaded or created).
    void reset(const Document& doc);

    // Records `doc` as the state after a change. Returns false if nothing changed (same canonical JSON as the
    // current state). Any redo steps are discarded.
    bool commit(const Document& doc, const std::string& label, const std::string& group_key, int64_t now_ms);

    // The edit of one text field, `path` as hs::text_field names it, and of nothing else but the document's
    // `updated` time. Its cost is that of the field's text, not of the document. Returns false if nothing changed.
    struct TextChange {
        std::string path;
        std::string before, after;      // the field's text before and after the edit
        Instant updated_before, updated_after;
    };
    bool commit_text(const Document& doc, const TextChange& change, const std::string& label, int64_t now_ms);
    // Says that the next commit, if its group key is `path`, is such an edit: the field had the text `before` and the
    // document the time `updated_before`. That commit then goes to commit_text; any other commit forgets this.
    void expect_text(const std::string& path, const std::string& before, const Instant& updated_before);

    // The state to show after undo / redo, or nothing at either end.
    std::optional<Document> undo();
    std::optional<Document> redo();
    bool can_undo() const { return pos_ > 0; }
    bool can_redo() const { return pos_ + 1 < states_.size(); }
    // Labels of the change that undo / redo would revert / reapply ("edit summary"); empty when impossible.
    std::string undo_label() const;
    std::string redo_label() const;
    // For the UI: "Undo: edit summary" / "Redo: ..." or plain "Undo" / "Redo".
    std::string undo_text() const;
    std::string redo_text() const;

    // One undoable step from many commits: every commit between begin and end (nesting allowed) lands in one step
    // labelled `label`. An empty checkpoint adds nothing.
    void begin_checkpoint(const std::string& label);
    void end_checkpoint();
    // Closes the current coalescing group, e.g. when the user leaves a field: the next commit starts a new step.
    void seal();

    size_t steps() const { return states_.empty() ? 0 : states_.size() - 1; }  // undoable + redoable changes
    size_t position() const { return pos_; }
    size_t bytes() const { return bytes_; }
    // Canonical JSON of the current state (for dirty checks and tests); empty if it cannot be made.
    std::string current_json() const;

private:
    struct State {
        std::string json;  // the whole document, unless `text` is set
        std::string label;
        std::string group_key;
        int64_t last_ms = 0;
        bool is_text = false;  // the step is `text` applied on top of the state before it
        TextChange text;
    };
    void enforce_limits();
    void drop_oldest();
    std::optional<Document> state_doc(size_t i) const;
    std::string json_at(size_t i) const;
    void discard_redo();
    void replace_current(std::string json, int64_t now_ms);
    static size_t cost(const State& s) {
        return s.json.size() + s.label.size() + s.group_key.size() + s.text.before.size() + s.text.after.size() +
               s.text.path.size() + 64;
    }

    Limits limits_;
    std::deque<State> states_;  // states_[0] is the base; states_[i] (i > 0) is the state after change i
    size_t pos_ = 0;
    size_t bytes_ = 0;
    bool open_group_ = false;  // the step at pos_ may still absorb commits with its group key
    int checkpoint_depth_ = 0;
    std::string checkpoint_label_;
    bool checkpoint_step_ = false;  // the checkpoint already created its step (at pos_)
    std::optional<TextChange> expected_;  // from expect_text, for the next commit
};

}  // namespace hs
