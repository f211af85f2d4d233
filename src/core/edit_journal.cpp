#include "edit_journal.h"

#include <algorithm>

#include "schema.h"
#include "store.h"

namespace hs {
namespace {

constexpr int kEntryVersion = 1;

bool string_member(const Json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

bool integer_member(const Json& j, const char* key, int64_t& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return false;
    out = it->get<int64_t>();
    return true;
}

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
    std::stable_sort(entries.begin(), entries.end(), [](const JournalEntry& a, const JournalEntry& b) {
        if (a.time_ms != b.time_ms) return a.time_ms < b.time_ms;
        if (a.tab_id != b.tab_id) return a.tab_id < b.tab_id;
        return a.seq < b.seq;
    });
    for (const JournalEntry& e : entries) {
        if (keep.count(e.path)) {
            r.notes.push_back(e.path + " skipped: edited in this tab since");
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
    std::sort(out.begin(), out.end(), [](const JournalEntry& a, const JournalEntry& b) { return a.seq < b.seq; });
    return out;
}

}  // namespace hs
