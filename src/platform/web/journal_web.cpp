#include "journal_web.h"

#include <emscripten.h>

#include <map>

#include "core/model.h"

namespace {

// The page's journal module (web/journal.js) is window.hsJournal; without it (IndexedDB missing, the script not
// loaded) writes are dropped and reads answer with no entries. Records and answers cross as JSON text.
EM_JS(void, hs_js_journal_write, (const char* json), {
    var j = window['hsJournal'];
    if (j) j['write'](UTF8ToString(json));
});

EM_JS(void, hs_js_journal_read, (int id, const char* draft), {
    var j = window['hsJournal'];
    var answer = function(texts) {
        // Through the heap: a long field's text would not fit ccall's stack copy.
        var s = JSON.stringify(texts || []), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
        stringToUTF8(s, p, n);
        Module['_hs_journal_answer'](id, p);
        _free(p);
    };
    if (j) j['read'](UTF8ToString(draft)).then(answer, function() { answer([]); });
    else setTimeout(function() { answer([]); }, 0);
});

EM_JS(void, hs_js_journal_drop, (const char* draft, double below), {
    var j = window['hsJournal'];
    if (j) j['drop'](UTF8ToString(draft), below);
});

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
