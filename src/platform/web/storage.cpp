// Storage glue: the drafts' mount (JournalFs over IDBFS's MEMFS, core/journal_fs.h) and the calls of the page's
// storage cycle (web/app.js): the first pull, then for each push under the cross-tab lock a pull that leaves this
// tab's journal alone, the push, and the rescue copy when the page goes away mid-push.
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <string>

#include "web.h"

namespace hs::web {

// A save's next step, in a task of its own (a timeout, not an animation frame): see Platform::background_work.
void on_work(void*) {
    S.work_scheduled = false;
    if (S.app) S.app->work();
}
void WebPlatform::request_work() {
    if (S.work_scheduled) return;
    S.work_scheduled = true;
    emscripten_set_timeout(on_work, 0, nullptr);
}

void WebPlatform::storage_persist() {
    if (!storage_loaded) return;  // never push before the first pull has finished
    if (push_running) {
        push_again = true;
        return;
    }
    push_running = true;
    hs_js_storage_push();
}

}  // namespace hs::web

using hs::web::S;
using hs::web::poke;

extern "C" {

// Storage: the first pull finished (ok) or failed; a push's pull finished; a push finished.
EMSCRIPTEN_KEEPALIVE void hs_storage_loaded(int ok, const char* error) {
    S.platform.storage_loaded = ok != 0;
    S.app->storage_loaded(ok != 0, error ? error : "");
    poke();
}
EMSCRIPTEN_KEEPALIVE const char* hs_journal_paths() {
    static std::string s;
    s = S.platform.fs.journal_paths_json();
    return s.c_str();
}
// `reload`: another tab stored drafts since the last pull, so the library is read again (a read-only tab follows).
// Otherwise the pull brought nothing new and parsing every draft again would only block the frame.
EMSCRIPTEN_KEEPALIVE int hs_storage_after_pull(int reload) {
    int n = S.platform.fs.take_journal();
    if (reload) S.app->storage_reloaded();
    return n;
}
EMSCRIPTEN_KEEPALIVE void hs_storage_pushed(const char* error) {
    bool ok = !error || !*error;
    S.platform.fs.push_done(ok);
    S.platform.push_running = false;
    S.app->storage_saved(ok, ok ? "" : error);
    if (S.platform.push_again) {
        S.platform.push_again = false;
        S.platform.storage_persist();
    }
    poke();
}
// Another tab stored something: pull it (a read-only tab then follows the editing tab).
EMSCRIPTEN_KEEPALIVE void hs_storage_changed_elsewhere() { S.platform.storage_persist(); }
EMSCRIPTEN_KEEPALIVE void hs_flush() { S.app->flush(); }
// How many changed paths are not yet durable (cheap: pending_json reads and quotes every one of them).
EMSCRIPTEN_KEEPALIVE int hs_pending_count() { return S.platform.fs.pending_count(); }
EMSCRIPTEN_KEEPALIVE const char* hs_pending_json() {
    static std::string s;
    s = S.platform.fs.pending_json();
    return s.c_str();
}
// Before hs_storage_loaded: returns how many changes were taken (they are pushed once the app has loaded), or -1.
EMSCRIPTEN_KEEPALIVE int hs_apply_rescue(const char* text) { return S.platform.fs.apply_rescue(text ? text : ""); }
EMSCRIPTEN_KEEPALIVE const char* hs_drafts_json() {
    static std::string s;
    s = S.app->drafts_json();
    return s.c_str();
}

}  // extern "C"
