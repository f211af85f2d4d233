// The web platform: WebGL2 + an HTML5 event backend for Dear ImGui 1.86, rendering on demand.
//
// It draws with its own small WebGL 2 renderer (renderer.cpp says why not imgui_impl_opengl3).
//
// Why not imgui_impl_glfw: Emscripten 3.1.6's GLFW knows nothing of devicePixelRatio, swallows keys page-wide and has
// no clipboard. Here events come from the canvas only (it is focusable, so the page keeps its keys when the canvas is
// not focused), the backing store is CSS size x devicePixelRatio, and frames are drawn only when something happened.
#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/model.h"
#include "imgui.h"
#include "ui/fonts.h"
#include "ui/glyphs.h"
#include "ui/theme.h"
#include "web.h"

namespace hs::web {

State S;

void schedule() {
    if (S.scheduled) return;
    const double wait = S.hold_until - emscripten_get_now();
    if (wait > 0) {  // request_frame_within: the timer's hs_timer comes back here (the page keeps the soonest timer)
        S.held = true;
        hs_js_set_timer(static_cast<int>(std::ceil(wait)));
        return;
    }
    S.held = false;
    S.scheduled = true;
    hs_js_request_frame();  // requestAnimationFrame, then hs_raf unless the runtime has stopped
}

void poke(int frames) {
    S.frames_pending = std::max(S.frames_pending, frames);
    schedule();
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
    // Rasterise the fonts for this pixel ratio, and again when the user's text size changed.
    if ((dpr != S.font_dpr || hs::ui::text_size_pending()) && !S.context_lost) load_fonts_for(dpr);
    io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    double now = emscripten_get_now();
    io.DeltaTime = S.last_time > 0 ? static_cast<float>(std::max(1e-4, (now - S.last_time) / 1000.0)) : 1.0f / 60;
    S.last_time = now;

    apply_input();
    hs::ui::glyphs_new_frame();
    ImGui::NewFrame();
    if (S.frame_count == 0) hs_js_mark("hs-newframe");
    S.app->frame();
    ImGui::Render();
    S.app->rendered(ImGui::GetDrawData());
    S.build_ms = emscripten_get_now() - build_start;
    if (S.frame_count == 0) hs_js_mark("hs-first-frame-built");

    render_gl(fw, fh);

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

}  // namespace hs::web

using namespace hs::web;

int main() {
    hs_js_mark("hs-main");
    hs_js_fs();
    hs_js_stop_setup();
    // Ids (documents, drafts, items) must differ between tabs and machines: seed them from crypto.getRandomValues
    // rather than trusting the C++ library's random_device in this toolchain.
    hs::seed_ids((static_cast<uint64_t>(hs_js_random_u32()) << 32) | hs_js_random_u32());

    const char* canvas = "#canvas";
    if (!create_gl_context(canvas)) {
        hs_js_fatal(kHsFatalNoWebgl2);
        return 1;
    }

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

    static hs::ui::App app(S.platform);
    S.app = &app;
    hs::ui::apply_theme(app.dark());
    setup_gl(canvas);
    hs_js_mark("hs-app-ready");
    setup_input(canvas);
    poke();
    return 0;
}
