// The functions the page calls (documents, files, links, the text overlay, queries for tests and scripts), and the
// Platform's links and page address. Storage's calls are in storage.cpp, input's in input.cpp.
#include <emscripten.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <string>

#include "ui/a11y.h"
#include "ui/glyphs.h"
#include "ui/locate.h"
#include "web.h"

namespace hs::web {

void WebPlatform::request_frame() {
    S.hold_until = 0;  // what a held frame waited for has come
    poke(2);
}
void WebPlatform::request_frame_within(double ms) {
    S.hold_until = emscripten_get_now() + ms;
    poke(1);
}

std::string WebPlatform::page_url() {
    char* u = hs_js_page_url();
    std::string r = u ? u : "";
    free(u);
    return r;
}

void WebPlatform::make_link(const std::string& doc_json, const std::string& base_url, const std::string& passphrase,
                            LinkAnswer answer) {
    const int id = ++link_seq_;
    link_answers_[id] = std::move(answer);
    hs_js_link(kHsLinkMake, id, doc_json.data(), doc_json.size(), base_url.data(), base_url.size(), passphrase.data(),
               passphrase.size());
}

void WebPlatform::make_qr(const std::string& text, LinkAnswer answer) {
    const int id = ++link_seq_;
    link_answers_[id] = std::move(answer);
    hs_js_link(kHsLinkQr, id, text.data(), text.size(), nullptr, 0, nullptr, 0);
}

void WebPlatform::export_document(ExportJob job, const std::string& doc_json, const std::string& arg,
                                  LinkAnswer answer) {
    const int id = ++link_seq_;
    link_answers_[id] = std::move(answer);
    hs_js_export(static_cast<int>(job), id, doc_json.data(), doc_json.size(), arg.data(), arg.size());
}

void WebPlatform::read_link(const std::string& fragment, const std::string& passphrase, LinkAnswer answer) {
    const int id = ++link_seq_;
    link_answers_[id] = std::move(answer);
    reads_.push_back(id);
    hs_js_link(kHsLinkRead, id, fragment.data(), fragment.size(), nullptr, 0, passphrase.data(), passphrase.size());
}

void WebPlatform::review_job(const std::string& job, const std::vector<std::string>& args, LinkAnswer answer) {
    const int id = ++link_seq_;
    link_answers_[id] = std::move(answer);
    const std::string a = hs::Json(args).dump();
    hs_js_link(kHsLinkReview, id, a.data(), a.size(), job.data(), job.size(), nullptr, 0);
}

void WebPlatform::trends_job(const std::string& job, const std::string& docs_json, const std::string& today,
                             LinkAnswer answer) {
    const int id = ++link_seq_;
    link_answers_[id] = std::move(answer);
    hs_js_link(kHsLinkTrends, id, docs_json.data(), docs_json.size(), job.data(), job.size(), today.data(),
               today.size());
}

void WebPlatform::library_job(const std::string& job, const std::string& arg, LinkAnswer answer) {
    const int id = ++link_seq_;
    link_answers_[id] = std::move(answer);
    hs_js_link(kHsLinkLibrary, id, arg.data(), arg.size(), job.data(), job.size(), nullptr, 0);
}

void WebPlatform::cancel_read_link() {
    for (int id : reads_) link_answers_.erase(id);
    reads_.clear();
    hs_js_cancel_link_reads();
}

// `status`: a Platform::LinkStatus, as the page's worker reports it.
void WebPlatform::link_answer(int id, int status, const std::string& text) {
    auto it = link_answers_.find(id);
    if (it == link_answers_.end()) return;  // a read that was cancelled
    LinkAnswer a = std::move(it->second);
    link_answers_.erase(it);
    reads_.erase(std::remove(reads_.begin(), reads_.end(), id), reads_.end());
    a(status, text);
}

}  // namespace hs::web

using hs::web::S;
using hs::web::poke;
using hs::web::draw_frame;

extern "C" {

EMSCRIPTEN_KEEPALIVE unsigned hs_frame_count() { return S.frame_count; }
// Whether a frame is asked for and not drawn yet (an input waits for it). For tests: settled means none is.
EMSCRIPTEN_KEEPALIVE int hs_frame_wanted() { return S.scheduled || S.held ? 1 : 0; }
// How often the GPU context came back after a loss (window.hindsight.contextRestores), and whether it is gone now.
EMSCRIPTEN_KEEPALIVE unsigned hs_context_restores() { return S.context_restores * 2 + (S.context_lost ? 1 : 0); }
EMSCRIPTEN_KEEPALIVE double hs_frame_build_ms() { return S.build_ms; }
// Glyphs rasterised on demand so far, and whether the last frame left some for the next (window.hindsight.glyphs).
EMSCRIPTEN_KEEPALIVE int hs_glyphs_added() { return hs::ui::glyph_stats().added; }
EMSCRIPTEN_KEEPALIVE int hs_glyphs_pending() { return hs::ui::glyph_stats().pending ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void hs_request_frame() { poke(); }
EMSCRIPTEN_KEEPALIVE void hs_set_dark(int dark) { S.app->set_dark(dark != 0); }

// The open document as canonical JSON, or an empty string when none is open.
EMSCRIPTEN_KEEPALIVE const char* hs_document_json() {
    S.doc_json = S.app->document_json();
    return S.doc_json.c_str();
}

// Rectangles of named controls from the last frame, as JSON (see src/ui/locate.h).
EMSCRIPTEN_KEEPALIVE const char* hs_locate_json() {
    static std::string s;
    s = hs::ui::locate_json();
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE void hs_show_message(const char* text) { S.app->show_message(text ? text : ""); poke(); }
// A file read and converted by the worker (web/app.js, src/platform/web/worker/): the document as canonical JSON.
EMSCRIPTEN_KEEPALIVE int hs_open_converted(const char* json, const char* name, const char* kind) {
    const int ok = S.app->open_converted(name ? name : "file", kind ? kind : "", json ? json : "") ? 1 : 0;
    poke();
    return ok;
}
// A Slack export's .zip read by the worker: its channels and times (hs::slack_scan_json), for the app's dialog.
EMSCRIPTEN_KEEPALIVE void hs_slack_choose(const char* name, const char* scan_json) {
    S.app->slack_choose(name ? name : "file", scan_json ? scan_json : "");
    poke();
}
// A tracker's CSV export of action items, passed on by the worker as it is: the app matches it with the open
// postmortem's items and asks before changing them (App::tracker_csv).
EMSCRIPTEN_KEEPALIVE int hs_tracker_csv(const char* text, const char* name) {
    const int ok = S.app->tracker_csv(name ? name : "file", text ? text : "") ? 1 : 0;
    poke();
    return ok;
}
EMSCRIPTEN_KEEPALIVE void hs_link_answer(int id, int status, const char* text) {
    S.platform.link_answer(id, status, text ? text : "");
    poke();
}
// Stops the runtime the way an internal error would (abort), so the tests can check what the page does then.
EMSCRIPTEN_KEEPALIVE void hs_test_abort() { abort(); }
EMSCRIPTEN_KEEPALIVE int hs_open_json(const char* text, const char* name) {
    return S.app->open_json(text ? text : "", name ? name : "file") ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void hs_overlay_input(const char* path, const char* text) {
    S.app->overlay_input(path ? path : "", text ? text : "");
    poke();
}
// 1 when Tab moved the editing to another field: the page keeps what is typed until that field's text box is shown.
EMSCRIPTEN_KEEPALIVE int hs_overlay_done(const char* path, int how) {
    const bool moved = S.app->overlay_done(path ? path : "", how);
    poke();
    return moved ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void hs_clipboard_read(int ok, const char* text) { S.app->clipboard_read(ok != 0, text ? text : ""); }
EMSCRIPTEN_KEEPALIVE void hs_overlay_enter(const char* path, int shift) { S.app->overlay_enter(path ? path : "", shift != 0); }
EMSCRIPTEN_KEEPALIVE void hs_overlay_height(const char* path, float px) { S.app->overlay_height(path ? path : "", px); }
EMSCRIPTEN_KEEPALIVE void hs_find() { S.app->open_find(); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_overlay_selection(const char* path, const char* text) {
    S.app->overlay_selection(path ? path : "", text ? text : "");
}
EMSCRIPTEN_KEEPALIVE void hs_comment_shortcut() { S.app->comment_shortcut(); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_suggest_toggle() { S.app->toggle_suggesting(); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_library() { S.app->open_library(); poke(); }  // Ctrl+Shift+F in a text field
EMSCRIPTEN_KEEPALIVE void hs_undo() { S.app->undo(); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_redo() { S.app->redo(); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_read_view_more(double from) { S.app->read_view_more(static_cast<size_t>(from)); }
EMSCRIPTEN_KEEPALIVE void hs_read_view_closed(const char* section) { S.app->read_view_closed(section ? section : ""); poke(); }

EMSCRIPTEN_KEEPALIVE void hs_draft_lock(const char* id, int owned) { S.app->draft_lock_result(id ? id : "", owned != 0); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_open_link(const char* fragment) { S.app->open_link(fragment ? fragment : ""); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_set_samples(const char* index_json) { S.app->set_samples(index_json ? index_json : ""); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_asset_loaded(const char* path, int ok, const char* text) {
    S.app->asset_loaded(path ? path : "", ok != 0, text ? text : "");
    poke();
}
EMSCRIPTEN_KEEPALIVE void hs_timer() { poke(1); }
EMSCRIPTEN_KEEPALIVE void hs_raf() {
    S.scheduled = false;
    // A frame asked for before a keystroke that now waits for its answer (request_frame_within) is drawn with it.
    if (S.hold_until > emscripten_get_now()) {
        hs::web::schedule();
        return;
    }
    draw_frame();
}
EMSCRIPTEN_KEEPALIVE void hs_storage_info(int persisted, double usage, double quota) {
    S.app->storage_info(persisted, usage, quota);
}
EMSCRIPTEN_KEEPALIVE const char* hs_query(const char* what) {
    static std::string s;
    s = S.app->query_json(what ? what : "");
    return s.c_str();
}

// ---- Accessibility: the page's mirror of the canvas (ui/a11y.h, web/app.js) ----
// The page turns the mirror on once it has its elements; everything is sent with the next frame.
EMSCRIPTEN_KEEPALIVE void hs_a11y_on(int on) {
    hs::ui::a11y_enable(on != 0);
    hs::ui::a11y_reset();
    poke();
}
// The page's media queries: bit 0 prefers-reduced-motion, bit 1 forced-colors; then the system colours
// (Platform::SystemColour order, 0xRRGGBB or -1), read from the page under forced colours.
EMSCRIPTEN_KEEPALIVE void hs_set_media(int bits, int canvas, int text, int highlight, int highlight_text,
                                       int button_face, int button_text) {
    hs::ui::Platform::MediaPrefs& m = S.platform.media;
    m.reduced_motion = (bits & 1) != 0;
    m.forced_colors = (bits & 2) != 0;
    const int colours[] = {canvas, text, highlight, highlight_text, button_face, button_text};
    std::copy(std::begin(colours), std::end(colours), m.colours);
    S.app->media_changed();
}
// A mirror element got the DOM focus: ImGui's keyboard focus moves to its item.
EMSCRIPTEN_KEEPALIVE void hs_a11y_focus(double id) {
    hs::ui::a11y_focus(static_cast<unsigned>(id));
    poke();
}
}  // extern "C"
