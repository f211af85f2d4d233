// Undo/redo over canonical JSON snapshots, with typing coalesced per field and bounded memory.
#include "history.h"

#include "format.h"

namespace hs {

History::History() : History(Limits{}) {}
History::History(Limits limits) : limits_(limits) {}

void History::reset(const Document& doc) {
    states_.clear();
    State s;
    try {
        s.json = save_document(doc);
    } catch (const std::exception&) {
        s.json.clear();  // unserializable text: the base is unknown, undo simply stops before it
    }
    bytes_ = cost(s);
    states_.push_back(std::move(s));
    pos_ = 0;
    open_group_ = false;
    checkpoint_depth_ = 0;
    checkpoint_step_ = false;
}

const std::string& History::current_json() const {
    static const std::string empty;
    return states_.empty() ? empty : states_[pos_].json;
}

bool History::commit(const Document& doc, const std::string& label, const std::string& group_key, int64_t now_ms) {
    std::string json;
    try {
        json = save_document(doc);
    } catch (const std::exception&) {
        return false;
    }
    if (states_.empty()) {  // commit without reset: this is the base
        reset(doc);
        return false;
    }
    if (json == states_[pos_].json) return false;

    // A new change discards the redo branch.
    while (states_.size() > pos_ + 1) {
        bytes_ -= cost(states_.back());
        states_.pop_back();
    }

    if (checkpoint_depth_ > 0) {
        if (checkpoint_step_ && pos_ > 0) {
            State& cur = states_[pos_];
            bytes_ -= cost(cur);
            cur.json = std::move(json);
            cur.last_ms = now_ms;
            bytes_ += cost(cur);
        } else {
            State s{std::move(json), checkpoint_label_.empty() ? label : checkpoint_label_, "", now_ms};
            bytes_ += cost(s);
            states_.push_back(std::move(s));
            pos_ = states_.size() - 1;
            checkpoint_step_ = true;
        }
        open_group_ = false;
        enforce_limits();
        return true;
    }

    const bool coalesce = open_group_ && pos_ > 0 && !group_key.empty() && states_[pos_].group_key == group_key &&
                          now_ms - states_[pos_].last_ms <= limits_.coalesce_ms;
    if (coalesce) {
        if (json == states_[pos_ - 1].json) {
            // Typed and erased back to where the step started: the step is a no-op, drop it.
            bytes_ -= cost(states_[pos_]);
            states_.pop_back();
            --pos_;
            open_group_ = false;
            return true;
        }
        State& cur = states_[pos_];
        bytes_ -= cost(cur);
        cur.json = std::move(json);
        cur.last_ms = now_ms;
        bytes_ += cost(cur);
    } else {
        State s{std::move(json), label, group_key, now_ms};
        bytes_ += cost(s);
        states_.push_back(std::move(s));
        pos_ = states_.size() - 1;
        open_group_ = !group_key.empty();
    }
    enforce_limits();
    return true;
}

void History::enforce_limits() {
    // Drop the oldest steps; always keep at least one undoable step even if it alone exceeds the byte budget.
    while (states_.size() > 1 && pos_ > 0 &&
           (states_.size() - 1 > limits_.max_steps || (bytes_ > limits_.max_bytes && pos_ > 1))) {
        bytes_ -= cost(states_.front());
        states_.pop_front();
        --pos_;
    }
}

std::optional<Document> History::state_doc(size_t i) const {
    if (i >= states_.size() || states_[i].json.empty()) return std::nullopt;
    LoadResult r = load_document(states_[i].json);
    if (!r.ok) return std::nullopt;
    return std::move(r.doc);
}

std::optional<Document> History::undo() {
    if (!can_undo()) return std::nullopt;
    auto d = state_doc(pos_ - 1);
    if (!d) return std::nullopt;
    --pos_;
    open_group_ = false;
    checkpoint_step_ = false;
    return d;
}

std::optional<Document> History::redo() {
    if (!can_redo()) return std::nullopt;
    auto d = state_doc(pos_ + 1);
    if (!d) return std::nullopt;
    ++pos_;
    open_group_ = false;
    checkpoint_step_ = false;
    return d;
}

std::string History::undo_label() const { return can_undo() ? states_[pos_].label : std::string(); }
std::string History::redo_label() const { return can_redo() ? states_[pos_ + 1].label : std::string(); }

std::string History::undo_text() const {
    const std::string l = undo_label();
    return l.empty() ? "Undo" : "Undo: " + l;
}
std::string History::redo_text() const {
    const std::string l = redo_label();
    return l.empty() ? "Redo" : "Redo: " + l;
}

void History::begin_checkpoint(const std::string& label) {
    if (checkpoint_depth_++ == 0) {
        checkpoint_label_ = label;
        checkpoint_step_ = false;
    }
    open_group_ = false;
}

void History::end_checkpoint() {
    if (checkpoint_depth_ > 0 && --checkpoint_depth_ == 0) checkpoint_step_ = false;
    open_group_ = false;
}

void History::seal() { open_group_ = false; }

}  // namespace hs
