// Undo/redo for the editor: a bounded list of canonical JSON snapshots (hs::save_document) of the whole document.
// Snapshots rather than diffs: simple, obviously correct, and cheap enough (a 200-event postmortem is ~100 KB).
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
    // Canonical JSON of the current state (for dirty checks and tests).
    const std::string& current_json() const;

private:
    struct State {
        std::string json;
        std::string label;
        std::string group_key;
        int64_t last_ms = 0;
    };
    void enforce_limits();
    std::optional<Document> state_doc(size_t i) const;
    static size_t cost(const State& s) { return s.json.size() + s.label.size() + s.group_key.size() + 64; }

    Limits limits_;
    std::deque<State> states_;  // states_[0] is the base; states_[i] (i > 0) is the state after change i
    size_t pos_ = 0;
    size_t bytes_ = 0;
    bool open_group_ = false;  // the step at pos_ may still absorb commits with its group key
    int checkpoint_depth_ = 0;
    std::string checkpoint_label_;
    bool checkpoint_step_ = false;  // the checkpoint already created its step (at pos_)
};

}  // namespace hs
