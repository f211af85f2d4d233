#include "edit_journal.h"

#include <algorithm>

#include "edit_journal_items.h"
#include "json_members.h"
#include "schema.h"
#include "store.h"
#include "sort.h"

namespace hs {
namespace {

constexpr int kEntryVersion = 1;

}  // namespace

std::string encode_journal_entry(const JournalEntry& e) {
    Json j = {{"v", kEntryVersion}, {"draft", e.draft_id}, {"tab", e.tab_id}, {"base", e.base},
              {"seq", e.seq},       {"path", e.path},      {"value", e.value}, {"time", e.time_ms}};
    // Text from the page is valid UTF-8; anything else is replaced rather than failing the whole entry.
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool decode_journal_entry(const std::string& text, JournalEntry& out, std::string& error) {
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error = "not a JSON object";
        return false;
    }
    int64_t version = 0, seq = 0;
    if (!integer_member(j, "v", version) || version != kEntryVersion) {
        error = "unknown entry version";
        return false;
    }
    JournalEntry e;
    if (!string_member(j, "draft", e.draft_id) || !is_valid_draft_id(e.draft_id)) {
        error = "no valid draft id";
        return false;
    }
    if (!string_member(j, "tab", e.tab_id) || !string_member(j, "path", e.path) || e.path.empty() ||
        !string_member(j, "value", e.value)) {
        error = "tab, path or value missing";
        return false;
    }
    if (!integer_member(j, "base", e.base) || !integer_member(j, "seq", seq) || seq < 0 ||
        !integer_member(j, "time", e.time_ms)) {
        error = "base, seq or time missing";
        return false;
    }
    e.seq = static_cast<uint64_t>(seq);
    out = std::move(e);
    return true;
}

std::string journal_key(const JournalEntry& e) {
    // Draft ids and tab ids hold no newline; a path may hold anything but comes last.
    return e.draft_id + '\n' + e.tab_id + '\n' + e.path;
}

std::string journal_add_path(const std::string& list, const std::string& id) { return list + kJournalAddMark + id; }

bool parse_journal_add_path(const std::string& path, std::string& list, std::string& id) {
    const size_t at = path.find(kJournalAddMark);
    if (at == std::string::npos || at == 0) return false;
    list = path.substr(0, at);
    id = path.substr(at + std::char_traits<char>::length(kJournalAddMark));
    return !id.empty();
}

namespace {

template <typename T>
bool has_id(const std::vector<T>& v, const std::string& id) {
    return std::any_of(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
}

// Replays "<list>#add/<id>": false (and a note) when the list is unknown.
bool replay_add(Document& doc, const JournalEntry& e, ReplayReport& r) {
    std::string list, id;
    parse_journal_add_path(e.path, list, id);
    std::vector<Item>* items = list == "action_items" ? nullptr : item_list(doc, list);
    if (list != "action_items" && !items) {
        r.notes.push_back(e.path + " skipped: no such list in the draft");
        return false;
    }
    if (e.value == kJournalItemGone || journal_item_exists(doc, list, id)) return false;
    if (items) {
        Item it;
        it.id = id;
        items->push_back(std::move(it));
    } else {
        ActionItem a;
        a.id = id;
        doc.action_items.push_back(std::move(a));
    }
    return true;
}

}  // namespace

bool journal_item_exists(Document& doc, const std::string& list, const std::string& id) {
    if (list == "action_items") return has_id(doc.action_items, id);
    const std::vector<Item>* items = item_list(doc, list);
    return items && has_id(*items, id);
}

ReplayReport replay_journal(Document& doc, const std::string& draft_id, int64_t stored_base,
                            const std::vector<std::string>& encoded, const std::set<std::string>& keep) {
    ReplayReport r;
    std::vector<JournalEntry> entries;
    for (size_t i = 0; i < encoded.size(); ++i) {
        JournalEntry e;
        std::string error;
        if (!decode_journal_entry(encoded[i], e, error)) {
            r.notes.push_back("entry " + std::to_string(i) + " skipped: " + error);
            continue;
        }
        if (e.draft_id != draft_id) {
            r.notes.push_back("entry " + std::to_string(i) + " skipped: it belongs to another draft");
            continue;
        }
        if (e.base < stored_base) {
            ++r.older;
            continue;
        }
        entries.push_back(std::move(e));
    }
    // The order the edits were made in: by time, then by each tab's own sequence.
    sort_stable(entries.begin(), entries.end(), [](const JournalEntry& a, const JournalEntry& b) {
        if (a.time_ms != b.time_ms) return a.time_ms < b.time_ms;
        if (a.tab_id != b.tab_id) return a.tab_id < b.tab_id;
        return a.seq < b.seq;
    });
    for (const JournalEntry& e : entries) {
        if (keep.count(e.path)) {
            r.notes.push_back(e.path + " skipped: edited in this tab since");
            continue;
        }
        if (e.path.find(kJournalAddMark) != std::string::npos) {
            if (replay_add(doc, e, r)) ++r.applied;
            continue;
        }
        std::string* field = text_field(doc, e.path);
        if (!field) {
            r.notes.push_back(e.path + " skipped: no such field in the draft");
            continue;
        }
        *field = e.value;
        ++r.applied;
    }
    return r;
}

void EditJournal::record(const std::string& draft_id, int64_t base, const std::string& path, const std::string& value,
                         int64_t now_ms) {
    if (pending_.empty()) first_ms_ = now_ms;
    JournalEntry& e = pending_[{draft_id, path}];
    e.draft_id = draft_id;
    e.tab_id = tab_id_;
    e.base = base;
    e.seq = next_seq_++;
    e.path = path;
    e.value = value;
    e.time_ms = now_ms;
    edited_.insert(path);
}

int64_t EditJournal::due_in(int64_t now_ms) const {
    if (pending_.empty()) return -1;
    // The first edit after a pause is written at once; while typing goes on, one write per interval.
    return std::max<int64_t>(0, std::max(first_ms_, last_take_ms_ + kJournalFlushMs) - now_ms);
}

std::vector<JournalEntry> EditJournal::take(int64_t now_ms) {
    last_take_ms_ = now_ms;
    std::vector<JournalEntry> out;
    out.reserve(pending_.size());
    for (auto& kv : pending_) out.push_back(std::move(kv.second));
    pending_.clear();
    sort_stable(out.begin(), out.end(), [](const JournalEntry& a, const JournalEntry& b) { return a.seq < b.seq; });
    return out;
}

}  // namespace hs
