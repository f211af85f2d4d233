// Undo/redo over canonical JSON snapshots, with typing coalesced per field and bounded memory.
#include "history.h"

#include "format.h"
#include "schema.h"

namespace hs {

History::History() : History(Limits{}) {}
History::History(Limits limits) : limits_(limits) {}

void History::reset(const Document& doc) {
    states_.clear();
    expected_.reset();
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

std::string History::current_json() const { return states_.empty() ? std::string() : json_at(pos_); }

std::string History::json_at(size_t i) const {
    if (!states_[i].is_text) return states_[i].json;
    std::optional<Document> d = state_doc(i);
    if (!d) return std::string();
    try {
        return save_document(*d);
    } catch (const std::exception&) {
        return std::string();
    }
}

void History::discard_redo() {
    while (states_.size() > pos_ + 1) {
        bytes_ -= cost(states_.back());
        states_.pop_back();
    }
}

void History::expect_text(const std::string& path, const std::string& before, const Instant& updated_before) {
    expected_ = TextChange{path, before, std::string(), updated_before, Instant{}};
}

bool History::commit(const Document& doc, const std::string& label, const std::string& group_key, int64_t now_ms) {
    if (expected_) {
        TextChange c = std::move(*expected_);
        expected_.reset();
        // text_field only finds the field here; nothing is changed through it.
        const std::string* after = c.path == group_key ? text_field(const_cast<Document&>(doc), c.path) : nullptr;
        if (after) {
            c.after = *after;
            c.updated_after = doc.updated;
            return commit_text(doc, c, label, now_ms);
        }
    }
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
    if (json == json_at(pos_)) return false;

    // A new change discards the redo branch.
    discard_redo();

    if (checkpoint_depth_ > 0) {
        if (checkpoint_step_ && pos_ > 0) {
            replace_current(std::move(json), now_ms);
        } else {
            State s{std::move(json), checkpoint_label_.empty() ? label : checkpoint_label_, "", now_ms, false, {}};
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
        if (json == json_at(pos_ - 1)) {
            // Typed and erased back to where the step started: the step is a no-op, drop it.
            bytes_ -= cost(states_[pos_]);
            states_.pop_back();
            --pos_;
            open_group_ = false;
            return true;
        }
        replace_current(std::move(json), now_ms);
    } else {
        State s{std::move(json), label, group_key, now_ms, false, {}};
        bytes_ += cost(s);
        states_.push_back(std::move(s));
        pos_ = states_.size() - 1;
        open_group_ = !group_key.empty();
    }
    enforce_limits();
    return true;
}

// The step at pos_ becomes the whole document `json` (a coalesced keystroke, or a checkpoint's later change).
void History::replace_current(std::string json, int64_t now_ms) {
    State& cur = states_[pos_];
    bytes_ -= cost(cur);
    cur.json = std::move(json);
    cur.last_ms = now_ms;
    cur.is_text = false;
    cur.text = TextChange{};
    bytes_ += cost(cur);
}

bool History::commit_text(const Document& doc, const TextChange& change, const std::string& label, int64_t now_ms) {
    if (states_.empty() || checkpoint_depth_ > 0) return commit(doc, label, change.path, now_ms);
    if (change.before == change.after && change.updated_before == change.updated_after) return false;
    discard_redo();
    const bool coalesce = open_group_ && pos_ > 0 && states_[pos_].group_key == change.path &&
                          now_ms - states_[pos_].last_ms <= limits_.coalesce_ms;
    // A step of this field that was a whole snapshot (made by commit) cannot take the text alone.
    if (coalesce && !states_[pos_].is_text) return commit(doc, label, change.path, now_ms);
    if (coalesce) {
        State& cur = states_[pos_];
        if (change.after == cur.text.before && change.updated_after == cur.text.updated_before) {
            // Typed and erased back to where the step started: the step is a no-op, drop it.
            bytes_ -= cost(cur);
            states_.pop_back();
            --pos_;
            open_group_ = false;
            return true;
        }
        bytes_ -= cost(cur);
        cur.text.after = change.after;
        cur.text.updated_after = change.updated_after;
        cur.last_ms = now_ms;
        bytes_ += cost(cur);
    } else {
        State s{std::string(), label, change.path, now_ms, true, change};
        bytes_ += cost(s);
        states_.push_back(std::move(s));
        pos_ = states_.size() - 1;
        open_group_ = true;
    }
    enforce_limits();
    return true;
}

void History::enforce_limits() {
    // Drop the oldest steps; always keep at least one undoable step even if it alone exceeds the byte budget.
    while (states_.size() > 1 && pos_ > 0 &&
           (states_.size() - 1 > limits_.max_steps || (bytes_ > limits_.max_bytes && pos_ > 1)))
        drop_oldest();
}

void History::drop_oldest() {
    // The step after the oldest becomes the base, which must be a whole snapshot.
    if (states_[1].is_text) {
        State& next = states_[1];
        bytes_ -= cost(next);
        next.json = json_at(1);
        next.is_text = false;
        next.text = TextChange{};
        bytes_ += cost(next);
    }
    bytes_ -= cost(states_.front());
    states_.pop_front();
    --pos_;
}

std::optional<Document> History::state_doc(size_t i) const {
    if (i >= states_.size()) return std::nullopt;
    size_t base = i;
    while (base > 0 && states_[base].is_text) --base;
    if (states_[base].is_text || states_[base].json.empty()) return std::nullopt;
    LoadResult r = load_document(states_[base].json);
    if (!r.ok) return std::nullopt;
    for (size_t k = base + 1; k <= i; ++k) {
        const TextChange& c = states_[k].text;
        std::string* field = text_field(r.doc, c.path);
        if (!field) return std::nullopt;
        *field = c.after;
        r.doc.updated = c.updated_after;
    }
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
