// The web platform: WebGL2 + an HTML5 event backend for Dear ImGui 1.86, rendering on demand.
//
// Why not imgui_impl_glfw: Emscripten 3.1.6's GLFW knows nothing of devicePixelRatio, swallows keys page-wide and has
// no clipboard. Here events come from the canvas only (it is focusable, so the page keeps its keys when the canvas is
// not focused), the backing store is CSS size x devicePixelRatio, and frames are drawn only when something happened.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <map>
#include <vector>

#include "core/fs.h"
#include "core/model.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "journal_web.h"
#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/glyphs.h"
#include "ui/locate.h"
#include "ui/theme.h"

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
// what 0: make a link of `a` (the document's JSON) at base URL `b`; 1: read the link fragment `a`.
void hs_js_link(int what, int id, const char* a, size_t a_len, const char* b, size_t b_len, const char* pass,
                size_t pass_len);
void hs_js_cancel_link_reads();
void hs_js_read_clipboard();
void hs_js_fs();  // defines Module.hsFs, the page's handle on the drafts' file system
void hs_js_stop_setup();  // defines Module.hsStop: after an abort, no more events or frames reach the runtime
void hs_js_request_frame();
void hs_js_ui_font(const unsigned char* data, unsigned long size);
int hs_js_glyph(unsigned codepoint, float px, int bold, int mono, uint32_t* out, int cap, float* metrics);
}

namespace {

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

// The drafts live in MEMFS under /idb, mirrored to IndexedDB by IDBFS. IDBFS syncs the whole mount, so a push from
// one tab would delete what another tab stored meanwhile. Every push therefore runs under one Web Lock
// ("hindsight-idbfs", web/app.js): pull what other tabs stored, leaving this tab's journal of changes since its last
// push as it is here (pullExcept), then push (syncfs(false)). No tab's file is ever lost, and the first pull always
// precedes any push.
class JournalFs : public hs::Filesystem {
public:
    explicit JournalFs(std::string root) : root_(root), fs_(std::move(root)) {}
    hs::Status read(const std::string& p, std::string& out) override { return fs_.read(p, out); }
    // The journal holds the paths only: pending_json reads their data when it is asked (rarely: when the page is
    // hidden mid-save). Keeping a copy of each file written cost a megabyte copied per save of a 1 MB draft.
    hs::Status write(const std::string& p, const std::string& data) override {
        hs::Status st = fs_.write(p, data);
        if (st.ok()) journal_.insert(p);
        return st;
    }
    hs::Status rename(const std::string& from, const std::string& to) override {
        hs::Status st = fs_.rename(from, to);
        if (st.ok()) {
            journal_.insert(from);
            journal_.insert(to);
        }
        return st;
    }
    hs::Status remove(const std::string& p) override {
        hs::Status st = fs_.remove(p);
        if (st.ok()) journal_.insert(p);
        return st;
    }
    hs::Status list(const std::string& d, std::vector<std::string>& names) override { return fs_.list(d, names); }
    bool is_dir(const std::string& p) override { return fs_.is_dir(p); }
    hs::Status mkdirs(const std::string& d) override { return fs_.mkdirs(d); }
    bool exists(const std::string& p) override { return fs_.exists(p); }

    // The paths this tab changed since its last push, as a JSON array: the pull before a push leaves them as they
    // are here (web/app.js, pullExcept), so they never have to be written twice.
    std::string journal_paths() const {
        hs::Json a = hs::Json::array();
        for (const std::string& p : journal_) a.push_back(hs::path_join(root_, p));  // as IDBFS names them
        return a.dump(-1, ' ', false, hs::Json::error_handler_t::replace);
    }
    // After a pull, which left the journal's paths as they are here (pullExcept): this tab's changes are now in
    // flight until the push stores them. Returns how many changes this push carries.
    int take_journal() {
        int n = static_cast<int>(journal_.size());
        in_flight_.insert(journal_.begin(), journal_.end());
        journal_.clear();
        return n;
    }
    // Every change not yet confirmed durable in IndexedDB (in flight or waiting), as {"path": data or null}: each
    // changed path as it is here now (null: no longer a file). The page keeps it in localStorage (synchronous) when
    // it is hidden or unloaded mid-save; see apply_rescue.
    int pending_count() const { return static_cast<int>(journal_.size() + in_flight_.size()); }
    std::string pending_json() {
        if (journal_.empty() && in_flight_.empty()) return "{}";
        hs::Json o = hs::Json::object();
        for (const auto* m : {&in_flight_, &journal_})
            for (const std::string& path : *m) {
                std::string data;
                o[path] = !fs_.is_dir(path) && fs_.read(path, data).ok() ? hs::Json(std::move(data)) : hs::Json(nullptr);
            }
        return o.dump(-1, ' ', false, hs::Json::error_handler_t::replace);
    }
    // After the first pull: the changes a previous page of this origin could not make durable before it went away.
    // A draft file is taken only when it is at least as recent as the stored one ("draft"/"updated"), so a draft
    // edited since in another tab is never rolled back. Applied through the journal, so the next push stores them.
    // Returns how many changes were taken, or -1 when one could not be written here (the copy is then kept).
    int apply_rescue(const std::string& text) {
        hs::Json o = hs::Json::parse(text, nullptr, false);
        if (!o.is_object()) return 0;
        int n = 0;
        bool failed = false;
        for (const auto& [path, v] : o.items()) {
            if (path.empty() || path[0] != '/') continue;
            if (v.is_null()) {
                if (!fs_.exists(path) || fs_.is_dir(path)) continue;
                if (remove(path).ok()) ++n;
                else failed = true;
                continue;
            }
            if (!v.is_string()) continue;
            const std::string& data = v.get_ref<const std::string&>();
            std::string cur;
            if (fs_.read(path, cur).ok() && (cur == data || updated_of(data) < updated_of(cur))) continue;
            fs_.mkdirs(hs::path_parent(path));
            if (write(path, data).ok()) ++n;
            else failed = true;
        }
        return failed ? -1 : n;
    }
    void push_done(bool ok) {
        if (!ok)  // keep them for the next push, unless changed again meanwhile
            journal_.insert(in_flight_.begin(), in_flight_.end());
        in_flight_.clear();
    }

private:
    static std::string updated_of(const std::string& envelope) {
        hs::Json j = hs::Json::parse(envelope, nullptr, false);
        if (!j.is_object() || !j.contains("draft") || !j["draft"].is_object()) return {};
        const hs::Json& u = j["draft"].value("updated", hs::Json());
        return u.is_string() ? u.get<std::string>() : std::string();
    }
    std::string root_;
    hs::PosixFs fs_;
    std::set<std::string> journal_, in_flight_;  // changed paths: waiting for a push, and in the push under way
};

class WebPlatform : public hs::ui::Platform {
public:
    int64_t now_ms() override { return static_cast<int64_t>(hs_js_now_ms()); }
    void request_frame() override;
    void download(const std::string& name, const std::string& mime, const std::string& data) override {
        hs_js_download(name.data(), name.size(), mime.c_str(), data.data(), data.size());
    }
    void set_window_title(const std::string& t) override { hs_js_set_title(t.data(), t.size()); }
    bool prefers_dark() override { return hs_js_prefers_dark() != 0; }
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
    void trace_mark(const char* label) override { EM_ASM({ console.timeStamp(UTF8ToString($0)); }, label); }
    void overlay_show(const Overlay& o) override {
        hs_js_overlay_show(o.path.c_str(), o.x, o.y, o.w, o.h, o.clip_top, o.clip_bottom, o.multiline ? 1 : 0,
                           o.set_text ? 1 : 0, o.text.data(), o.text.size(), o.hint.data(), o.hint.size(), o.font_px,
                           o.dark ? 1 : 0, o.flags);
    }
    void overlay_hide() override { hs_js_overlay_hide(); }
    std::string page_url() override {
        char* u = reinterpret_cast<char*>(EM_ASM_INT({
            var s = location.href.split('#')[0];
            var n = lengthBytesUTF8(s) + 1;
            var p = _malloc(n);
            stringToUTF8(s, p, n);
            return p;
        }));
        std::string r = u ? u : "";
        free(u);
        return r;
    }
    hs::Filesystem* storage() override { return storage_loaded ? &fs : nullptr; }
    void storage_persist() override;
    void lock_draft(const std::string& id) override { hs_js_lock_draft(id.c_str()); }
    void journal_write(const std::vector<JournalRecord>& r) override { hs::web::journal_write(r); }
    void journal_read(const std::string& id, JournalAnswer a) override { hs::web::journal_read(id, std::move(a)); }
    void journal_drop(const std::string& id, int64_t below) override { hs::web::journal_drop(id, below); }
    bool storage_push_running() const override { return push_running; }
    void set_timer(int ms) override { hs_js_set_timer(ms); }
    bool background_work() const override { return true; }
    void request_work() override;
    void fetch_asset(const std::string& path) override { hs_js_fetch_asset(path.c_str()); }
    void pick_files() override { hs_js_pick_files(); }
    // Links are made and read in the page's worker (web/app.js): each call gets an id, its answer comes back
    // through hs_link_answer with that id.
    void make_link(const std::string& doc_json, const std::string& base_url, const std::string& passphrase,
                   LinkAnswer answer) override {
        const int id = ++link_seq;
        link_answers[id] = std::move(answer);
        hs_js_link(0, id, doc_json.data(), doc_json.size(), base_url.data(), base_url.size(), passphrase.data(),
                   passphrase.size());
    }
    void read_link(const std::string& fragment, const std::string& passphrase, LinkAnswer answer) override {
        const int id = ++link_seq;
        link_answers[id] = std::move(answer);
        reads.push_back(id);
        hs_js_link(1, id, fragment.data(), fragment.size(), nullptr, 0, passphrase.data(), passphrase.size());
    }
    void cancel_read_link() override {
        for (int id : reads) link_answers.erase(id);
        reads.clear();
        hs_js_cancel_link_reads();
    }
    void link_answer(int id, int status, const std::string& text) {
        auto it = link_answers.find(id);
        if (it == link_answers.end()) return;  // a read that was cancelled
        LinkAnswer a = std::move(it->second);
        link_answers.erase(it);
        reads.erase(std::remove(reads.begin(), reads.end(), id), reads.end());
        a(status, text);
    }
    int link_seq = 0;
    std::map<int, LinkAnswer> link_answers;
    std::vector<int> reads;

    JournalFs fs{"/idb"};
    bool storage_loaded = false;
    bool push_running = false, push_again = false;
};

struct State {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    WebPlatform platform;
    hs::ui::App* app = nullptr;
    bool scheduled = false;
    bool work_scheduled = false;  // a background work task (WebPlatform::request_work) is pending
    int frames_pending = 0;
    unsigned frame_count = 0;
    double last_time = 0;
    double build_ms = 0;  // CPU time of the last frame, from its input to ImGui::Render (the GPU's part excluded)
    float font_dpr = 0;
    GLuint font_texture = 0;  // ours (upload_font_texture), not the backend's
    bool context_lost = false;  // the GPU went away (a reset, a backgrounded phone tab): frames skip the GL work
    unsigned context_restores = 0;
    int fb_w = 0, fb_h = 0;
    std::string clipboard;
    std::string doc_json;
    std::deque<InputEvent> queue;
    const char* cursor = "default";
} S;

void draw_frame();

void schedule() {
    if (S.scheduled) return;
    S.scheduled = true;
    hs_js_request_frame();  // requestAnimationFrame, then hs_raf unless the runtime has stopped
}

void poke(int frames = 3) {
    S.frames_pending = std::max(S.frames_pending, frames);
    schedule();
}

void WebPlatform::request_frame() { poke(2); }

// Glyphs on demand (src/ui/glyphs.h): the browser draws the code point with the system's fonts (web/app.js
// explains the choice of fonts) into a small canvas, and its pixels come back here.
bool web_glyph(uint32_t cp, float px, bool bold, bool mono, hs::ui::GlyphImage& g) {
    constexpr int kCap = 256 * 256;
    static std::vector<uint32_t> buf(kCap);
    float m[6] = {0, 0, 0, 0, 0, 0};
    if (hs_js_glyph(cp, px, bold ? 1 : 0, mono ? 1 : 0, buf.data(), kCap, m) != 1) return false;
    g.w = static_cast<int>(m[0]);
    g.h = static_cast<int>(m[1]);
    if (g.w < 0 || g.h < 0 || g.w * g.h > kCap) return false;
    g.x0 = m[2];
    g.y0 = m[3];
    g.advance = m[4];
    g.colored = m[5] != 0;
    g.rgba.assign(buf.begin(), buf.begin() + g.w * g.h);
    return true;
}
void glyph_frame() { poke(2); }

// Glyphs added on demand this frame go to the GPU before it draws: rows of the atlas, or all of it when it grew.
void upload_glyphs() {
    hs::ui::AtlasUpload u = hs::ui::glyphs_take_upload();
    if (!u.rgba || (!u.recreate && u.y1 <= u.y0)) return;
    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    glBindTexture(GL_TEXTURE_2D, S.font_texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (u.recreate)
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, u.w, u.h, 0, GL_RGBA, GL_UNSIGNED_BYTE, u.rgba);
    else
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, u.y0, u.w, u.y1 - u.y0, GL_RGBA, GL_UNSIGNED_BYTE,
                        u.rgba + static_cast<size_t>(u.y0) * static_cast<size_t>(u.w));
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
}

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

// ---- input -----------------------------------------------------------------------------------------------------
enum : int { kTab = 9, kLeft = 37, kRight = 39, kUp = 38, kDown = 40, kPageUp = 33, kPageDown = 34, kHome = 36,
             kEnd = 35, kInsert = 45, kDelete = 46, kBackspace = 8, kSpace = 32, kEnter = 13, kEscape = 27,
             kKeypadEnter = 300, kA = 65, kC = 67, kV = 86, kX = 88, kY = 89, kZ = 90 };

int key_index(const EmscriptenKeyboardEvent* e) {
    const std::string code = e->code;
    if (code == "NumpadEnter") return kKeypadEnter;
    if (code.size() == 4 && code.compare(0, 3, "Key") == 0) return code[3];  // layout-independent letters
    unsigned long kc = e->keyCode;
    switch (kc) {
        case kTab: case kLeft: case kRight: case kUp: case kDown: case kPageUp: case kPageDown: case kHome: case kEnd:
        case kInsert: case kDelete: case kBackspace: case kSpace: case kEnter: case kEscape:
            return static_cast<int>(kc);
        default: return -1;
    }
}

// Modifiers travel with each key event: applied when the event is, not when it arrives, or a fast Ctrl+A would be
// seen after Ctrl was already released.
int mods_of(const EmscriptenKeyboardEvent* e) {
    return ((e->ctrlKey || e->metaKey) ? 1 : 0) | (e->shiftKey ? 2 : 0) | (e->altKey ? 4 : 0);  // Cmd acts as Ctrl
}

bool single_codepoint(const char* s) {
    size_t n = std::strlen(s);
    if (n == 0 || n > 4) return false;
    unsigned char c = static_cast<unsigned char>(s[0]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    return len == n && c >= 0x20 && c != 0x7f;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    const int mods = mods_of(e);
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const bool ctrl = e->ctrlKey || e->metaKey;
    int k = key_index(e);
    if (down && ctrl && k == kV) {
        // Let the browser fire 'paste' (web/app.js forwards its text to hs_on_paste, which presses Ctrl+V).
        return EM_FALSE;
    }
    if (k >= 0) S.queue.push_back({InputEvent::Key, 0, 0, k, down, {}, mods});
    else S.queue.push_back({InputEvent::Key, 0, 0, -1, down, {}, mods});  // a modifier alone: just its state
    if (down && !ctrl && !e->altKey && single_codepoint(e->key)) S.queue.push_back({InputEvent::Chars, 0, 0, 0, 0, e->key});
    if (down && ctrl && (k == kC || k == kX)) {
        // Draw now, until the queued input is applied, so ImGui copies inside this event; the 'copy' event that
        // follows puts the text on the clipboard.
        for (int i = 0; i < 8 && (i == 0 || !S.queue.empty()); ++i) draw_frame();
        poke();
        return EM_FALSE;
    }
    poke();
    if (!down) return EM_FALSE;
    // Keep the browser's own shortcuts, except the ones the editor has: select all, undo, redo, find in document.
    if (ctrl) return (k == kA || k == kZ || k == kY || k == 'F') ? EM_TRUE : EM_FALSE;
    return (k >= 0 || single_codepoint(e->key)) ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    float x = static_cast<float>(e->clientX), y = static_cast<float>(e->clientY);
    S.queue.push_back({InputEvent::MousePos, x, y, 0, false, {}});
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        int b = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
        if (b >= 0) S.queue.push_back({InputEvent::MouseButton, x, y, b, type == EMSCRIPTEN_EVENT_MOUSEDOWN, {}});
    }
    poke();
    return EM_FALSE;  // the browser keeps its default handling (focus on mousedown)
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // Normalise: pixels (Chrome: 100 per notch), lines (Firefox: 3 per notch), pages.
    double dx = e->deltaX, dy = e->deltaY;
    double div = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    InputEvent ev{InputEvent::Wheel, static_cast<float>(-dx / div), static_cast<float>(-dy / div), 0, false, {}};
    if (e->mouse.shiftKey && dx == 0) std::swap(ev.x, ev.y);  // Shift+wheel scrolls sideways
    S.queue.push_back({InputEvent::MousePos, static_cast<float>(e->mouse.clientX), static_cast<float>(e->mouse.clientY),
                       0, false, {}});
    S.queue.push_back(ev);
    poke();
    return EM_TRUE;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    if (e->numTouches < 1) return EM_FALSE;
    const EmscriptenTouchPoint& t = e->touches[0];
    float x = static_cast<float>(t.clientX), y = static_cast<float>(t.clientY);
    S.queue.push_back({InputEvent::MousePos, x, y, 0, false, {}});
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) S.queue.push_back({InputEvent::MouseButton, x, y, 0, true, {}});
    if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        S.queue.push_back({InputEvent::MouseButton, x, y, 0, false, {}});
        S.queue.push_back({InputEvent::MousePos, -FLT_MAX, -FLT_MAX, 0, false, {}});
    }
    poke();
    return EM_FALSE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    S.queue.push_back({InputEvent::Focus, 0, 0, 0, type == EMSCRIPTEN_EVENT_FOCUS, {}});
    poke();
    return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    poke();
    return EM_FALSE;
}

// Applies queued events until one would change a button or key that already changed this frame. A press that comes
// with a move (a tap, a synthetic click) waits one frame after the move: ImGui decides what is hovered from the
// frame before, and some widgets (table headers) ignore a press on the frame the pointer arrives.
void apply_input() {
    ImGuiIO& io = ImGui::GetIO();
    bool button_changed[5] = {};
    bool moved = false;
    std::vector<int> keys_changed;
    if (!S.queue.empty()) S.frames_pending = std::max(S.frames_pending, 3);  // frames to settle after each input
    while (!S.queue.empty()) {
        InputEvent& ev = S.queue.front();
        switch (ev.kind) {
            case InputEvent::MousePos:
                moved = moved || io.MousePos.x != ev.x || io.MousePos.y != ev.y;
                io.MousePos = ImVec2(ev.x, ev.y);
                break;
            case InputEvent::MouseButton:
                if (button_changed[ev.index]) return;
                if (ev.down && (moved || io.MousePos.x != ev.x || io.MousePos.y != ev.y)) {
                    io.MousePos = ImVec2(ev.x, ev.y);
                    return;
                }
                button_changed[ev.index] = true;
                io.MousePos = ImVec2(ev.x, ev.y);
                io.MouseDown[ev.index] = ev.down;
                break;
            case InputEvent::Wheel:
                io.MouseWheelH += ev.x;
                io.MouseWheel += ev.y;
                break;
            case InputEvent::Key: {
                if (ev.index >= 0) {
                    if (std::find(keys_changed.begin(), keys_changed.end(), ev.index) != keys_changed.end()) return;
                    keys_changed.push_back(ev.index);
                }
                if (ev.mods >= 0) {
                    io.KeyCtrl = (ev.mods & 1) != 0;
                    io.KeyShift = (ev.mods & 2) != 0;
                    io.KeyAlt = (ev.mods & 4) != 0;
                }
                if (ev.index < 0) break;
                if (ev.index >= 0 && ev.index < 512) io.KeysDown[ev.index] = ev.down;
                break;
            }
            case InputEvent::Chars: io.AddInputCharactersUTF8(ev.text.c_str()); break;
            case InputEvent::Focus:
                io.AddFocusEvent(ev.down);
                if (!ev.down) {
                    std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
                    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
                }
                break;
        }
        S.queue.pop_front();
    }
}

const char* css_cursor(ImGuiMouseCursor c) {
    switch (c) {
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

// The font atlas goes to the GPU as luminance-alpha (L = 255, A = coverage), which the backend's shader samples
// exactly as the RGBA32 texture it would make itself (white, alpha = coverage). Half the bytes, and no RGBA
// conversion: with software WebGL (SwiftShader) an RGBA upload of the 512x1024 atlas stalls the next GPU sync by
// 25-85 ms, a luminance-alpha one by 1-15 ms (measured in headless Chromium).
void upload_font_texture() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* alpha = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&alpha, &w, &h);
    // One 16-bit store per texel (wasm is little-endian: L then A), through raw pointers: this runs once, in the
    // browser's baseline code, where a std::vector fill and operator[] cost ~100x more (a profile showed 300 ms).
    const size_t n = static_cast<size_t>(w) * static_cast<size_t>(h);
    std::unique_ptr<uint16_t[]> la(new uint16_t[n]);
    uint16_t* d = la.get();
    for (const unsigned char *s = alpha, *end = alpha + n; s != end; ++s) *d++ = static_cast<uint16_t>(0x00FF | *s << 8);
    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    if (S.font_texture) glDeleteTextures(1, &S.font_texture);
    glGenTextures(1, &S.font_texture);
    glBindTexture(GL_TEXTURE_2D, S.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_LUMINANCE_ALPHA, w, h, 0, GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, la.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(S.font_texture)));
}

void draw_frame() {
    const double build_start = emscripten_get_now();
    ImGuiIO& io = ImGui::GetIO();
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (dpr <= 0) dpr = 1;
    int fw = static_cast<int>(std::lround(css_w * dpr)), fh = static_cast<int>(std::lround(css_h * dpr));
    if (fw != S.fb_w || fh != S.fb_h) {
        emscripten_set_canvas_element_size("#canvas", fw, fh);
        S.fb_w = fw;
        S.fb_h = fh;
    }
    if (dpr != S.font_dpr && !S.context_lost) {  // rasterise the fonts for this pixel ratio
        if (S.frame_count == 0) EM_ASM(performance.mark('hs-fonts-start'));
        hs::ui::load_fonts(dpr);
        if (S.frame_count == 0) EM_ASM(performance.mark('hs-fonts-raster'));
        upload_font_texture();
        S.font_dpr = dpr;
        if (S.frame_count == 0) EM_ASM(performance.mark('hs-fonts-end'));
    }
    io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    double now = emscripten_get_now();
    io.DeltaTime = S.last_time > 0 ? static_cast<float>(std::max(1e-4, (now - S.last_time) / 1000.0)) : 1.0f / 60;
    S.last_time = now;

    apply_input();
    hs::ui::glyphs_new_frame();
    if (!S.context_lost) ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    if (S.frame_count == 0) EM_ASM(performance.mark('hs-newframe'));
    S.app->frame();
    ImGui::Render();
    S.build_ms = emscripten_get_now() - build_start;
    if (S.frame_count == 0) EM_ASM(performance.mark('hs-first-frame-built'));

    // Without a GPU the frame still runs (the document, its autosave and the text fields go on); only drawing waits.
    if (!S.context_lost) {
        upload_glyphs();
        glViewport(0, 0, fw, fh);
        const ImVec4 bg = hs::ui::palette().bg;
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }

    const char* cur = css_cursor(ImGui::GetMouseCursor());
    if (std::strcmp(cur, S.cursor) != 0) {
        S.cursor = cur;
        hs_js_set_cursor(cur);
    }
    ++S.frame_count;
    if (S.frame_count == 1) hs_js_first_frame();
    if (S.frames_pending > 0) --S.frames_pending;
    bool busy = S.app->animating() || !S.queue.empty() || io.MouseDown[0] || io.MouseDown[1] ||
                io.MouseWheel != 0.0f;
    if (S.frames_pending > 0 || busy) schedule();
}

const char* get_clipboard(void*) { return S.clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
    S.clipboard = text ? text : "";
    hs_js_clipboard_write(S.clipboard.data(), S.clipboard.size());
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE unsigned hs_frame_count() { return S.frame_count; }
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
EMSCRIPTEN_KEEPALIVE int hs_open_file(const char* text, const char* name) {
    const int ok = S.app->open_file(name ? name : "file", text ? text : "") ? 1 : 0;
    poke();
    return ok;
}
// A file read and converted by the worker (web/app.js, src/platform/web/worker/): the document as canonical JSON.
EMSCRIPTEN_KEEPALIVE int hs_open_converted(const char* json, const char* name, const char* kind) {
    const int ok = S.app->open_converted(name ? name : "file", kind ? kind : "", json ? json : "") ? 1 : 0;
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
EMSCRIPTEN_KEEPALIVE void hs_overlay_done(const char* path, int how) {
    S.app->overlay_done(path ? path : "", how);
    poke();
}
EMSCRIPTEN_KEEPALIVE void hs_clipboard_read(int ok, const char* text) { S.app->clipboard_read(ok != 0, text ? text : ""); }
EMSCRIPTEN_KEEPALIVE void hs_overlay_enter(const char* path, int shift) { S.app->overlay_enter(path ? path : "", shift != 0); }
EMSCRIPTEN_KEEPALIVE void hs_overlay_height(const char* path, float px) { S.app->overlay_height(path ? path : "", px); }
EMSCRIPTEN_KEEPALIVE void hs_find() { S.app->open_find(); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_undo() { S.app->undo(); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_redo() { S.app->redo(); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_read_view_more(double from) { S.app->read_view_more(static_cast<size_t>(from)); }
EMSCRIPTEN_KEEPALIVE void hs_read_view_closed(const char* section) { S.app->read_view_closed(section ? section : ""); poke(); }

// Storage: the first pull finished (ok) or failed; a push's pull finished; a push finished.
EMSCRIPTEN_KEEPALIVE void hs_storage_loaded(int ok, const char* error) {
    S.platform.storage_loaded = ok != 0;
    S.app->storage_loaded(ok != 0, error ? error : "");
    poke();
}
EMSCRIPTEN_KEEPALIVE const char* hs_journal_paths() {
    static std::string s;
    s = S.platform.fs.journal_paths();
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
EMSCRIPTEN_KEEPALIVE void hs_draft_lock(const char* id, int owned) { S.app->draft_lock_result(id ? id : "", owned != 0); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_open_link(const char* fragment) { S.app->open_link(fragment ? fragment : ""); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_flush() { S.app->flush(); }
EMSCRIPTEN_KEEPALIVE void hs_set_samples(const char* index_json) { S.app->set_samples(index_json ? index_json : ""); poke(); }
EMSCRIPTEN_KEEPALIVE void hs_asset_loaded(const char* path, int ok, const char* text) {
    S.app->asset_loaded(path ? path : "", ok != 0, text ? text : "");
    poke();
}
EMSCRIPTEN_KEEPALIVE void hs_timer() { poke(1); }
EMSCRIPTEN_KEEPALIVE void hs_raf() {
    S.scheduled = false;
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

// Called from the 'paste' event: the text becomes ImGui's clipboard and Ctrl+V is pressed for one frame.
EMSCRIPTEN_KEEPALIVE void hs_on_paste(const char* text) {
    S.clipboard = text ? text : "";
    S.queue.push_back({InputEvent::Key, 0, 0, kV, true, {}, 1});
    S.queue.push_back({InputEvent::Key, 0, 0, kV, false, {}, 0});
    poke();
}

}  // extern "C"

// The GPU can go away (a driver reset, a phone that reclaims a background tab's context). Everything on it is gone:
// the backend's shaders and buffers, the font atlas and the glyphs added on demand. Losing it is accepted
// (preventDefault, by returning true, so the browser offers it back); on restore all of it is made again from what
// the CPU still has, at the next frame. No document state lives on the GPU, so nothing typed is lost.
EM_BOOL on_context_lost(int, const void*, void*) {
    S.context_lost = true;
    return EM_TRUE;
}
EM_BOOL on_context_restored(int, const void*, void*) {
    S.context_lost = false;
    ++S.context_restores;
    // The backend starts over (its buffer sizes are state too, not only the GL names, which point at nothing now).
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();  // the fonts go up as ours (upload_font_texture), not as its RGBA copy
    S.font_texture = 0;
    S.font_dpr = 0;  // fonts again, and the glyphs added on demand as they are drawn
    poke();
    return EM_TRUE;
}

int main() {
    EM_ASM(performance.mark('hs-main'));
    hs_js_fs();
    hs_js_stop_setup();
    // Ids (documents, drafts, items) must differ between tabs and machines: seed them from crypto.getRandomValues
    // rather than trusting the C++ library's random_device in this toolchain.
    uint32_t hi = static_cast<uint32_t>(EM_ASM_INT({ return crypto.getRandomValues(new Uint32Array(1))[0] | 0; }));
    uint32_t lo = static_cast<uint32_t>(EM_ASM_INT({ return crypto.getRandomValues(new Uint32Array(1))[0] | 0; }));
    hs::seed_ids((static_cast<uint64_t>(hi) << 32) | lo);

    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    S.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (S.gl <= 0) {
        EM_ASM({ if (Module['onFatal']) Module['onFatal']('webgl2'); });
        return 1;
    }
    emscripten_webgl_make_context_current(S.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is not persisted in browser storage
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // arrows, Enter and Esc in menus and lists
    // The usual OS double-click time (ImGui's default is 0.3 s): frames are drawn on demand, one button change per
    // frame, so with slow frames (software WebGL) the two clicks of a double-click land several frames apart.
    io.MouseDoubleClickTime = 0.5f;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would draw frames while idle
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.BackendPlatformName = "hindsight_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    io.KeyMap[ImGuiKey_Tab] = kTab;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_UpArrow] = kUp;
    io.KeyMap[ImGuiKey_DownArrow] = kDown;
    io.KeyMap[ImGuiKey_PageUp] = kPageUp;
    io.KeyMap[ImGuiKey_PageDown] = kPageDown;
    io.KeyMap[ImGuiKey_Home] = kHome;
    io.KeyMap[ImGuiKey_End] = kEnd;
    io.KeyMap[ImGuiKey_Insert] = kInsert;
    io.KeyMap[ImGuiKey_Delete] = kDelete;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
    io.KeyMap[ImGuiKey_Space] = kSpace;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Escape] = kEscape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = kKeypadEnter;
    io.KeyMap[ImGuiKey_A] = kA;
    io.KeyMap[ImGuiKey_C] = kC;
    io.KeyMap[ImGuiKey_V] = kV;
    io.KeyMap[ImGuiKey_X] = kX;
    io.KeyMap[ImGuiKey_Y] = kY;
    io.KeyMap[ImGuiKey_Z] = kZ;

    static hs::ui::App app(S.platform);
    S.app = &app;
    hs::ui::apply_theme(app.dark());
    ImGui_ImplOpenGL3_Init("#version 300 es");
    {
        // The backend's shaders and buffers now, so that its NewFrame does not make them on the first frame along
        // with an RGBA copy of the whole atlas. A one-glyph font stands in until draw_frame rasterises the real fonts
        // (load_fonts clears this one) and uploads them itself (upload_font_texture).
        static const ImWchar kSpace[] = {0x20, 0x20, 0};
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        const hs::ui::FontData f = hs::ui::ui_font_data();
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(f.data), static_cast<int>(f.size), 8.0f, &cfg,
                                       kSpace);
        ImGui_ImplOpenGL3_CreateDeviceObjects();
    }
    const hs::ui::FontData ui_font = hs::ui::ui_font_data();
    hs_js_ui_font(ui_font.data, ui_font.size);
    {
        GLint max_tex = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_tex);
        hs::ui::set_glyph_max_texture(std::min(max_tex, 8192));
        hs::ui::set_glyph_rasterizer(web_glyph);
        hs::ui::set_glyph_frame_request(glyph_frame);
    }
    EM_ASM(performance.mark('hs-app-ready'));

    const char* canvas = "#canvas";
    emscripten_set_keydown_callback(canvas, nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback(canvas, nullptr, EM_TRUE, on_key);
    emscripten_set_mousedown_callback(canvas, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_focus_callback(canvas, nullptr, EM_TRUE, on_focus);
    emscripten_set_blur_callback(canvas, nullptr, EM_TRUE, on_focus);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    emscripten_set_webglcontextlost_callback(canvas, nullptr, EM_TRUE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(canvas, nullptr, EM_TRUE, on_context_restored);
    poke();
    return 0;
}
