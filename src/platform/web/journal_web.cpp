#include "journal_web.h"

#include <emscripten/emscripten.h>

#include <map>

#include "core/model.h"

namespace {

// The page's journal module (web/journal.js, window.hsJournal), reached through library_hindsight.js.
extern "C" {
void hs_js_journal_write(const char* json);
void hs_js_journal_read(int id, const char* draft);
void hs_js_journal_drop(const char* draft, double below);
}

int g_next_read = 0;
std::map<int, hs::ui::Platform::JournalAnswer> g_reads;

}  // namespace

namespace hs::web {

void journal_write(const std::vector<ui::Platform::JournalRecord>& records) {
    if (records.empty()) return;
    Json arr = Json::array();
    for (const ui::Platform::JournalRecord& r : records)
        arr.push_back({{"k", r.key}, {"d", r.draft_id}, {"b", r.base}, {"e", r.text}});
    hs_js_journal_write(arr.dump(-1, ' ', false, Json::error_handler_t::replace).c_str());
}

void journal_read(const std::string& draft_id, ui::Platform::JournalAnswer answer) {
    const int id = ++g_next_read;
    g_reads[id] = std::move(answer);
    hs_js_journal_read(id, draft_id.c_str());
}

void journal_drop(const std::string& draft_id, int64_t below_base) {
    hs_js_journal_drop(draft_id.c_str(), static_cast<double>(below_base));
}

}  // namespace hs::web

extern "C" EMSCRIPTEN_KEEPALIVE void hs_journal_answer(int id, const char* json) {
    auto it = g_reads.find(id);
    if (it == g_reads.end()) return;
    hs::ui::Platform::JournalAnswer answer = std::move(it->second);
    g_reads.erase(it);
    std::vector<std::string> texts;
    hs::Json j = hs::Json::parse(json ? json : "", nullptr, false);
    if (j.is_array())
        for (const hs::Json& t : j)
            if (t.is_string()) texts.push_back(t.get<std::string>());  // anything else is not an entry at all
    answer(texts);
}
