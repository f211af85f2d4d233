// The web platform's parts, shared by its files: the page's functions (library_hindsight.js), the values that cross
// the boundary with a meaning, the Platform over them, and the state of the frame loop.
//   main.cpp      the frame loop and startup
//   input.cpp     HTML5 events queued for ImGui, the clipboard
//   gl.cpp        WebGL: fonts, glyphs, a lost and restored context
//   storage.cpp   the drafts' mount (JournalFs over IDBFS) and the calls of the page's storage cycle
//   exports.cpp   the other functions the page calls (documents, links, text overlay, queries)
#pragma once
#include <emscripten/html5.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "core/fs.h"
#include "core/journal_fs.h"
#include "journal_web.h"
#include "ui/app.h"
#include "ui/platform.h"

// Values with a meaning that cross to the page: the same names are in library_hindsight.js and web/app.js.
// What hs_js_link asks of the page's worker.
enum HsLinkRequest : int {
    kHsLinkMake = 0, kHsLinkRead = 1, kHsLinkQr = 2, kHsLinkReview = 3, kHsLinkLibrary = 4, kHsLinkTrends = 5
};
// Why main() could not start the editor (Module.onFatal).
enum HsFatal : int { kHsFatalNoWebgl2 = 1 };

extern "C" {
// Text goes to the page with its length, never as a NUL-terminated string: a NUL in a field (from a file or a link)
// must not cut what the page shows, copies or names a download.
void hs_js_clipboard_write(const char* text, size_t text_len);
void hs_js_download(const char* name, size_t name_len, const char* mime, const char* data, size_t len);
void hs_js_set_title(const char* title, size_t title_len);
int hs_js_prefers_dark();
double hs_js_now_ms();
void hs_js_first_frame();
void hs_js_set_cursor(const char* css);
void hs_js_page_theme(int dark);
void hs_js_overlay_show(const char* path, float x, float y, float w, float h, float clip_top, float clip_bottom,
                        int multiline, int set_text, const char* text, size_t text_len, const char* hint,
                        size_t hint_len, float font_px, int dark, unsigned flags);
void hs_js_overlay_hide();
void hs_js_open_url(const char* url);
void hs_js_copy_text(const char* text, size_t text_len);
void hs_js_show_read_view(const char* html, size_t html_len, const char* section);
void hs_js_print();
void hs_js_read_view_rows(const char* html, size_t html_len, double from);
void hs_js_storage_push();
void hs_js_lock_draft(const char* id);
void hs_js_set_timer(int ms);
void hs_js_fetch_asset(const char* path);
void hs_js_pick_files();
void hs_js_slack_import(const char* options_json);
// `what`: an HsLinkRequest. kHsLinkMake: a link of `a` (the document's JSON) at base URL `b`; kHsLinkRead: read the
// link fragment `a`; kHsLinkQr: the QR code of the link `a`.
void hs_js_link(int what, int id, const char* a, size_t a_len, const char* b, size_t b_len, const char* pass,
                size_t pass_len);
// An export (core/exporters/jobs.h ExportJob) of the document `json`, made in the page's worker; the answer comes
// back through hs_link_answer with `id`.
void hs_js_export(int job, int id, const char* json, size_t json_len, const char* arg, size_t arg_len);
void hs_js_cancel_link_reads();
void hs_js_read_clipboard();
void hs_js_fs();  // defines Module.hsFs, the page's handle on the drafts' file system
void hs_js_stop_setup();  // defines Module.hsStop: after an abort, no more events or frames reach the runtime
void hs_js_request_frame();
void hs_js_ui_font(const unsigned char* data, unsigned long size);
int hs_js_glyph(unsigned codepoint, float px, int bold, int mono, uint32_t* out, int cap, float* metrics);
// Names a font of the glyph atlas (its size and weight), so that the page loads its scripts' system fonts while idle.
void hs_js_glyph_warm(float px, int bold, int mono);
void hs_js_mark(const char* name);         // performance.mark: the startup's stages (bench/startup)
void hs_js_trace(const char* label);       // console.timeStamp: a mark in the browser's profile
char* hs_js_page_url();                    // the page's address without its fragment; malloc'd, freed by the caller
uint32_t hs_js_random_u32();               // crypto.getRandomValues
void hs_js_fatal(int why);                 // an HsFatal: the page says why the editor cannot start
// Accessibility: the mirror's changes (ui/a11y.h's JSON), and news to be spoken by the page's live regions.
void hs_js_a11y(const char* json, size_t len);
void hs_js_announce(const char* text, size_t len, int assertive);
}

struct ImDrawData;

namespace hs::web {

// Pre-1.87 ImGui reads input as state once per frame, so a press and release inside one frame would be lost (a fast
// click from a test, a quick tap). Events are queued and applied so that each button or key changes once per frame.
struct InputEvent {
    enum Kind { MousePos, MouseButton, Wheel, Key, Chars, Focus } kind;
    float x = 0, y = 0;
    int index = 0;  // button or key
    bool down = false;
    std::string text;
    int mods = -1;  // for keys: Ctrl=1, Shift=2, Alt=4 at the time of the event (-1: leave as is)
};

class WebPlatform : public hs::ui::Platform {
public:
    int64_t now_ms() override { return static_cast<int64_t>(hs_js_now_ms()); }
    void request_frame() override;
    void request_frame_within(double ms) override;
    void download(const std::string& name, const std::string& mime, const std::string& data) override {
        hs_js_download(name.data(), name.size(), mime.c_str(), data.data(), data.size());
    }
    void set_window_title(const std::string& t) override { hs_js_set_title(t.data(), t.size()); }
    bool prefers_dark() override { return hs_js_prefers_dark() != 0; }
    void page_theme(bool dark) override { hs_js_page_theme(dark ? 1 : 0); }
    void open_url(const std::string& url) override { hs_js_open_url(url.c_str()); }
    void copy_text(const std::string& text) override { hs_js_copy_text(text.data(), text.size()); }
    bool read_clipboard() override {
        hs_js_read_clipboard();
        return true;
    }
    void show_read_view(const std::string& html, const std::string& section) override {
        hs_js_show_read_view(html.data(), html.size(), section.c_str());
    }
    void print_read_view() override { hs_js_print(); }
    void read_view_rows(const std::string& html, size_t from) override {
        hs_js_read_view_rows(html.data(), html.size(), static_cast<double>(from));
    }
    bool has_text_overlay() const override { return true; }
    void trace_mark(const char* label) override { hs_js_trace(label); }
    void overlay_show(const Overlay& o) override {
        hs_js_overlay_show(o.path.c_str(), o.x, o.y, o.w, o.h, o.clip_top, o.clip_bottom, o.multiline ? 1 : 0,
                           o.set_text ? 1 : 0, o.text.data(), o.text.size(), o.hint.data(), o.hint.size(), o.font_px,
                           o.dark ? 1 : 0, o.flags);
    }
    void overlay_hide() override { hs_js_overlay_hide(); }
    // Accessibility (the page's mirror and live regions, web/app.js).
    void a11y_update(const std::string& j) override { hs_js_a11y(j.data(), j.size()); }
    void announce(const std::string& t, bool assertive) override { hs_js_announce(t.data(), t.size(), assertive ? 1 : 0); }
    std::string page_url() override;
    hs::Filesystem* storage() override { return storage_loaded ? &fs : nullptr; }
    void storage_persist() override;
    void lock_draft(const std::string& id) override { hs_js_lock_draft(id.c_str()); }
    void journal_write(const std::vector<JournalRecord>& r) override { hs::web::journal_write(r); }
    void journal_read(const std::string& id, JournalAnswer a) override { hs::web::journal_read(id, std::move(a)); }
    void journal_drop(const std::string& id, int64_t below) override { hs::web::journal_drop(id, below); }
    bool storage_push_running() const override { return push_running; }
    void set_timer(int ms) override { hs_js_set_timer(ms); }
    double lint_wait_above_ms() const override { return 3.0; }  // bench/storage/typing.js: 6 ms for 1 MB
    bool background_work() const override { return true; }
    void request_work() override;
    void fetch_asset(const std::string& path) override { hs_js_fetch_asset(path.c_str()); }
    void pick_files() override { hs_js_pick_files(); }
    void import_slack_zip(const std::string& options_json) override { hs_js_slack_import(options_json.c_str()); }
    // Links are made and read in the page's worker (web/app.js): each call gets an id, its answer comes back
    // through hs_link_answer with that id.
    void make_link(const std::string& doc_json, const std::string& base_url, const std::string& passphrase,
                   LinkAnswer answer) override;
    void make_qr(const std::string& text, LinkAnswer answer) override;
    void export_document(ExportJob job, const std::string& doc_json, const std::string& arg,
                         LinkAnswer answer) override;
    void read_link(const std::string& fragment, const std::string& passphrase, LinkAnswer answer) override;
    void cancel_read_link() override;
    void link_answer(int id, int status, const std::string& text);
    // Review jobs (src/platform/review_job.h) in the worker too: kHsLinkReview with the arguments as a JSON array of
    // strings in `a` and the job's name in `b`; the answer as a link's.
    void review_job(const std::string& job, const std::vector<std::string>& args, LinkAnswer answer) override;
    // Trends jobs (src/platform/trends_job.h) in the worker: kHsLinkTrends with the drafts' JSON array in `a`, the
    // job's name in `b` and today's date in `pass`; the answer as a link's.
    void trends_job(const std::string& job, const std::string& docs_json, const std::string& today,
                    LinkAnswer answer) override;

    // The library's jobs (src/platform/library_job.h) in the page's library worker: kHsLinkLibrary with the argument
    // in `a` and the job's name in `b`; the answer as a link's.
    void library_job(const std::string& job, const std::string& arg, LinkAnswer answer) override;

    // The drafts live in MEMFS under /idb, mirrored to IndexedDB by IDBFS; the journal keeps the page's storage
    // cycle from losing another tab's files (core/journal_fs.h).
    hs::PosixFs mount{"/idb"};
    hs::JournalFs fs{mount, "/idb"};
    bool storage_loaded = false;
    bool push_running = false, push_again = false;
    // Reduced motion and forced colours, as the page's media queries say (hs_set_media, web/app.js).
    MediaPrefs media_prefs() override { return media; }
    MediaPrefs media;

private:
    int link_seq_ = 0;
    std::map<int, LinkAnswer> link_answers_;
    std::vector<int> reads_;
};

struct State {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    WebPlatform platform;
    hs::ui::App* app = nullptr;
    bool scheduled = false;
    double hold_until = 0;  // request_frame_within: no frame before this time (emscripten_get_now) unless asked for
    bool held = false;      // a frame is wanted and waits for hold_until
    bool work_scheduled = false;  // a background work task (WebPlatform::request_work) is pending
    int frames_pending = 0;
    unsigned frame_count = 0;
    double last_time = 0;
    double build_ms = 0;  // CPU time of the last frame, from its input to ImGui::Render (the GPU's part excluded)
    float font_dpr = 0;
    unsigned font_texture = 0;  // the font atlas on the GPU (gl.cpp upload_font_texture)
    bool context_lost = false;  // the GPU went away (a reset, a backgrounded phone tab): frames skip the GL work
    unsigned context_restores = 0;
    int fb_w = 0, fb_h = 0;
    std::string clipboard;
    std::string doc_json;
    std::deque<InputEvent> queue;
    const char* cursor = "default";
};
extern State S;

// main.cpp: the frame loop.
void schedule();
void poke(int frames = 3);  // draw this many frames from now (input settles, animations end)
void draw_frame();
// input.cpp
void setup_input(const char* canvas);  // ImGui's key map and clipboard, and the canvas's event handlers
void apply_input();
const char* css_cursor(int imgui_cursor);
// gl.cpp
bool create_gl_context(const char* canvas);
void setup_gl(const char* canvas);  // the renderer, a stand-in font, the glyph rasteriser, context loss handlers
void load_fonts_for(float dpr);     // rasterises the fonts for this pixel ratio and uploads them
void render_gl(int fb_w, int fb_h);
// renderer.cpp: ImGui's draw lists with WebGL 2, without reading any state back
void renderer_create();  // the shader, vertex array and buffers (again after a context restore)
void renderer_draw(ImDrawData* dd, int fb_w, int fb_h);

}  // namespace hs::web
