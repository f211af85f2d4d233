// WebGL: the context, the fonts (rasterised per pixel ratio, uploaded as luminance-alpha), the glyphs added on
// demand, and a context that is lost and restored.
#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "imgui.h"
#include "ui/fonts.h"
#include "ui/glyphs.h"
#include "ui/theme.h"
#include "web.h"

namespace hs::web {
namespace {

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
    glBindTexture(GL_TEXTURE_2D, S.font_texture);  // nothing to restore: the renderer binds what it draws with
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (u.recreate)
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, u.w, u.h, 0, GL_RGBA, GL_UNSIGNED_BYTE, u.rgba);
    else
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, u.y0, u.w, u.y1 - u.y0, GL_RGBA, GL_UNSIGNED_BYTE,
                        u.rgba + static_cast<size_t>(u.y0) * static_cast<size_t>(u.w));
}

// The font atlas goes to the GPU as luminance-alpha (L = 255, A = coverage), which the shader (renderer.cpp) samples
// exactly as an RGBA32 texture (white, alpha = coverage). Half the bytes, and no RGBA
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
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(S.font_texture)));
}

// The GPU can go away (a driver reset, a phone that reclaims a background tab's context). Everything on it is gone:
// the renderer's shader and buffers, the font atlas and the glyphs added on demand. Losing it is accepted
// (preventDefault, by returning true, so the browser offers it back); on restore all of it is made again from what
// the CPU still has, at the next frame. No document state lives on the GPU, so nothing typed is lost.
EM_BOOL on_context_lost(int, const void*, void*) {
    S.context_lost = true;
    return EM_TRUE;
}
EM_BOOL on_context_restored(int, const void*, void*) {
    S.context_lost = false;
    ++S.context_restores;
    renderer_create();  // the shader and buffers again (the old GL names point at nothing now)
    S.font_texture = 0;
    S.font_dpr = 0;  // fonts again, and the glyphs added on demand as they are drawn
    poke();
    return EM_TRUE;
}

}  // namespace

bool create_gl_context(const char* canvas) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    S.gl = emscripten_webgl_create_context(canvas, &attrs);
    if (S.gl <= 0) return false;
    emscripten_webgl_make_context_current(S.gl);
    return true;
}

void setup_gl(const char* canvas) {
    ImGuiIO& io = ImGui::GetIO();
    renderer_create();
    {
        // A one-glyph font stands in (ImGui needs a built atlas) until draw_frame rasterises the real fonts for the
        // pixel ratio (load_fonts clears this one) and uploads them (upload_font_texture); a context lost before
        // then leaves this one in use, and nothing is drawn.
        static const ImWchar kSpace[] = {0x20, 0x20, 0};
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        const hs::ui::FontData f = hs::ui::ui_font_data();
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(f.data), static_cast<int>(f.size), 8.0f, &cfg,
                                       kSpace);
        io.Fonts->Build();
    }
    const hs::ui::FontData ui_font = hs::ui::ui_font_data();
    hs_js_ui_font(ui_font.data, ui_font.size);
    {
        GLint max_tex = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_tex);
        hs::ui::set_glyph_max_texture(std::min(max_tex, 8192));
        hs::ui::set_glyph_rasterizer(web_glyph);
        hs::ui::set_glyph_frame_request(glyph_frame);
        hs::ui::set_glyph_budget_ms(3.0);  // bench/library/browser.js: a frame's other work leaves about this much
    }
    emscripten_set_webglcontextlost_callback(canvas, nullptr, EM_TRUE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(canvas, nullptr, EM_TRUE, on_context_restored);
}

void load_fonts_for(float dpr) {
    if (S.frame_count == 0) hs_js_mark("hs-fonts-start");
    const hs::ui::Fonts& f = hs::ui::load_fonts(dpr);
    for (const ImFont* font : {f.ui, f.bold, f.title, f.mono})
        if (font) hs_js_glyph_warm(font->FontSize, font == f.bold || font == f.title, font == f.mono);
    if (S.frame_count == 0) hs_js_mark("hs-fonts-raster");
    upload_font_texture();
    S.font_dpr = dpr;
    if (S.frame_count == 0) hs_js_mark("hs-fonts-end");
}

// Without a GPU the frame still runs (the document, its autosave and the text fields go on); only drawing waits.
void render_gl(int fb_w, int fb_h) {
    if (S.context_lost) return;
    upload_glyphs();
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = hs::ui::palette().bg;
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer_draw(ImGui::GetDrawData(), fb_w, fb_h);
}

}  // namespace hs::web
