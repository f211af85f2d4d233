#include "glyphs.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

#include "imgui.h"

// Defined in the patched imgui_draw.cpp (scripts/imgui_patch.py): called when a font has no glyph for a code point.
extern bool (*GImFontGlyphMiss)(ImFont* font, unsigned int codepoint);

namespace hs::ui {
namespace {

struct FontInfo {
    ImFont* font;
    bool bold, mono;
    int base_glyphs;  // glyphs from the atlas build; the rest were added on demand
};

// Above this, code points (unassigned planes and private use) get no index entry: ImGui's lookup tables are as long
// as the largest code point in them.
constexpr unsigned kMaxCodepoint = 0x3FFFF;
// Rasterising is a call into the page per glyph: a frame that meets more new glyphs than this, or spends longer than
// the platform's budget on them (set_glyph_budget_ms), draws the rest in the next frames (blank until then), so no
// frame is held up by a whole page of new text (a library's search results in a script not yet seen).
constexpr int kPerFrame = 600;
constexpr int kPad = 1;

struct Cache {
    GlyphRasterizer raster = nullptr;
    void (*request_frame)() = nullptr;
    int max_tex = 4096;
    std::vector<FontInfo> fonts;
    // The atlas as RGBA, once the first glyph is added on demand (until then ImGui's own alpha texture stands).
    std::vector<uint32_t> rgba;
    int w = 0, h = 0;   // texture size
    int h0 = 0;         // rows [0, h0) hold ImGui's build; glyphs on demand go below
    int pen_x = 0, pen_y = 0, row_h = 0;  // shelf packer
    int dirty0 = 1 << 30, dirty1 = 0;
    bool recreate = false;
    bool need_room = false;
    int this_frame = 0;
    double budget_ms = 0;                               // 0: no time limit
    std::chrono::steady_clock::time_point first_miss;  // this frame's first glyph rasterised
    bool deferred = false;  // a glyph of this frame was left for the next
    int unbounded = 0;      // frames left drawn without the time budget (glyphs_document_opened)
    bool unbounded_drawn = false;  // one of them was drawn
    GlyphStats stats;
} C;

FontInfo* info_of(ImFont* f) {
    for (FontInfo& fi : C.fonts)
        if (fi.font == f) return &fi;
    return nullptr;
}

bool invisible(unsigned cp) {  // spaces and format characters: blank, with the advance the font gives
    return cp == 0x20 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x180E;
}

// A hollow box, for a code point that no font could draw: visibly "a character is here", never '?' or nothing.
void make_box(const ImFont* f, GlyphImage& g) {
    const float px = f->FontSize;
    g.w = std::max(4, static_cast<int>(px * 0.5f));
    g.h = std::max(6, static_cast<int>(px * 0.7f));
    g.x0 = std::round(px * 0.08f);
    g.y0 = -static_cast<float>(g.h);
    g.advance = static_cast<float>(g.w) + std::round(px * 0.16f);
    g.colored = false;
    g.rgba.assign(static_cast<size_t>(g.w) * static_cast<size_t>(g.h), 0);
    const int t = std::max(1, static_cast<int>(px / 15.0f));
    for (int y = 0; y < g.h; ++y)
        for (int x = 0; x < g.w; ++x)
            if (x < t || y < t || x >= g.w - t || y >= g.h - t) g.rgba[static_cast<size_t>(y * g.w + x)] = 0xFFFFFFFFu;
}

void rescale_v(float ratio) {  // the texture's height changed: every V coordinate in the atlas scales
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (ImFont* f : atlas->Fonts)
        for (ImFontGlyph& g : f->Glyphs) {
            g.V0 *= ratio;
            g.V1 *= ratio;
        }
    atlas->TexUvWhitePixel.y *= ratio;
    for (ImVec4& l : atlas->TexUvLines) {
        l.y *= ratio;
        l.w *= ratio;
    }
}

// Drops every glyph added on demand (the atlas reached its largest size): they come back as they are drawn again.
void drop_added() {
    for (FontInfo& fi : C.fonts) {
        ImFont* f = fi.font;
        for (int i = fi.base_glyphs; i < f->Glyphs.Size; ++i) {
            unsigned cp = f->Glyphs[i].Codepoint;
            if (cp < static_cast<unsigned>(f->IndexLookup.Size)) {
                f->IndexLookup[static_cast<int>(cp)] = static_cast<ImWchar>(-1);
                f->IndexAdvanceX[static_cast<int>(cp)] = f->FallbackAdvanceX;
            }
        }
        const ptrdiff_t fb = f->FallbackGlyph ? f->FallbackGlyph - f->Glyphs.Data : -1;
        f->Glyphs.resize(fi.base_glyphs);
        if (fb >= 0 && fb < f->Glyphs.Size) f->FallbackGlyph = f->Glyphs.Data + fb;
    }
    std::fill(C.rgba.begin() + static_cast<ptrdiff_t>(C.h0) * C.w, C.rgba.end(), 0u);
    C.pen_x = 0;
    C.pen_y = C.h0;
    C.row_h = 0;
    C.recreate = true;
    ++C.stats.resets;
}

void grow() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (C.rgba.empty()) {  // first glyph on demand: the texture becomes RGBA, ImGui's alpha build copied in
        unsigned char* alpha = nullptr;
        int w = 0, h = 0;
        atlas->GetTexDataAsAlpha8(&alpha, &w, &h);
        if (!alpha || w <= 0 || h <= 0) return;
        C.w = w;
        C.h = h;
        C.h0 = h;
        C.rgba.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
        for (size_t i = 0; i < C.rgba.size(); ++i) C.rgba[i] = 0x00FFFFFFu | static_cast<uint32_t>(alpha[i]) << 24;
        C.pen_x = 0;
        C.pen_y = h;
        C.row_h = 0;
    }
    int nh = C.h * 2;
    while (nh > C.max_tex && nh > C.h) nh /= 2;
    if (nh <= C.h) {  // as large as the GPU allows: start over
        drop_added();
        return;
    }
    rescale_v(static_cast<float>(C.h) / static_cast<float>(nh));
    C.rgba.resize(static_cast<size_t>(C.w) * static_cast<size_t>(nh), 0u);
    C.h = nh;
    atlas->TexHeight = nh;
    atlas->TexUvScale.y = 1.0f / static_cast<float>(nh);
    C.recreate = true;
}

bool place(int w, int h, int& x, int& y) {
    if (C.rgba.empty() || w + kPad > C.w) return false;
    if (C.pen_x + w + kPad > C.w) {
        C.pen_x = 0;
        C.pen_y += C.row_h;
        C.row_h = 0;
    }
    if (C.pen_y + h + kPad > C.h) return false;
    x = C.pen_x;
    y = C.pen_y;
    C.pen_x += w + kPad;
    C.row_h = std::max(C.row_h, h + kPad);
    return true;
}

void add_glyph(FontInfo& fi, unsigned cp, const GlyphImage& img, int tx, int ty) {
    ImFont* f = fi.font;
    ImFontGlyph g;
    g.Colored = img.colored ? 1u : 0u;
    g.Visible = (img.w > 0 && img.h > 0) ? 1u : 0u;
    g.Codepoint = cp;
    g.AdvanceX = std::round(img.advance);
    const float base = std::round(f->Ascent);
    g.X0 = img.x0;
    g.Y0 = base + img.y0;
    g.X1 = img.x0 + static_cast<float>(img.w);
    g.Y1 = base + img.y0 + static_cast<float>(img.h);
    const float iw = 1.0f / static_cast<float>(C.w), ih = 1.0f / static_cast<float>(C.h);
    g.U0 = static_cast<float>(tx) * iw;
    g.V0 = static_cast<float>(ty) * ih;
    g.U1 = static_cast<float>(tx + img.w) * iw;
    g.V1 = static_cast<float>(ty + img.h) * ih;
    // push_back may move the glyphs: the fallback glyph is a pointer into them.
    const ptrdiff_t fb = f->FallbackGlyph ? f->FallbackGlyph - f->Glyphs.Data : -1;
    f->Glyphs.push_back(g);
    if (fb >= 0) f->FallbackGlyph = f->Glyphs.Data + fb;
    if (static_cast<int>(cp) >= f->IndexLookup.Size) {
        // GrowIndex leaves -1 advances, which ImGui's inline GetCharAdvance (text input) would use as they are.
        const int old = f->IndexAdvanceX.Size;
        f->GrowIndex(static_cast<int>(cp) + 1);
        for (int i = old; i < f->IndexAdvanceX.Size; ++i) f->IndexAdvanceX[i] = f->FallbackAdvanceX;
    }
    f->IndexLookup[static_cast<int>(cp)] = static_cast<ImWchar>(f->Glyphs.Size - 1);
    f->IndexAdvanceX[static_cast<int>(cp)] = g.AdvanceX;
}

bool on_miss(ImFont* f, unsigned cp) {
    FontInfo* fi = info_of(f);
    if (!fi || cp > kMaxCodepoint || cp == 0) return false;
    bool over_budget = false;
    if (C.budget_ms > 0 && C.unbounded == 0) {
        const auto now = std::chrono::steady_clock::now();
        if (C.this_frame == 0) C.first_miss = now;
        over_budget =
            C.this_frame > 0 && std::chrono::duration<double, std::milli>(now - C.first_miss).count() > C.budget_ms;
    }
    if (C.this_frame >= kPerFrame || over_budget || C.rgba.empty()) {
        C.need_room = C.need_room || C.rgba.empty();
        C.deferred = true;
        if (C.request_frame) C.request_frame();
        return false;
    }
    GlyphImage img;
    bool ok = C.raster && C.raster(cp, f->FontSize, fi->bold, fi->mono, img);
    if (ok && img.w > 0 && img.h > 0 && img.rgba.size() < static_cast<size_t>(img.w) * static_cast<size_t>(img.h))
        ok = false;
    if (ok && (img.w <= 0 || img.h <= 0) && !invisible(cp)) ok = false;  // a blank non-space: nothing drew it
    if (!ok) {
        if (invisible(cp)) {
            img = GlyphImage();
            img.advance = f->FallbackAdvanceX;
        } else {
            make_box(f, img);
            ++C.stats.boxes;
        }
    }
    int tx = 0, ty = 0;
    if (img.w > 0 && img.h > 0) {
        if (!place(img.w, img.h, tx, ty)) {
            C.need_room = true;
            C.deferred = true;
            if (C.request_frame) C.request_frame();
            return false;
        }
        for (int y = 0; y < img.h; ++y)
            std::memcpy(&C.rgba[static_cast<size_t>(ty + y) * static_cast<size_t>(C.w) + static_cast<size_t>(tx)],
                        &img.rgba[static_cast<size_t>(y) * static_cast<size_t>(img.w)],
                        static_cast<size_t>(img.w) * sizeof(uint32_t));
        C.dirty0 = std::min(C.dirty0, ty);
        C.dirty1 = std::max(C.dirty1, ty + img.h);
    }
    ++C.this_frame;
    add_glyph(*fi, cp, img, tx, ty);
    ++C.stats.added;
    return true;
}

}  // namespace

void set_glyph_rasterizer(GlyphRasterizer r) { C.raster = r; }
void set_glyph_max_texture(int px) { C.max_tex = std::max(1024, px); }
void set_glyph_frame_request(void (*request)()) { C.request_frame = request; }
void set_glyph_budget_ms(double ms) { C.budget_ms = std::max(0.0, ms); }

void glyphs_atlas_built() {
    C.fonts.clear();
    C.rgba.clear();
    C.rgba.shrink_to_fit();
    C.w = C.h = C.h0 = 0;
    C.pen_x = C.pen_y = C.row_h = 0;
    C.dirty0 = 1 << 30;
    C.dirty1 = 0;
    C.recreate = false;
    C.need_room = false;
    C.stats = GlyphStats();
    GImFontGlyphMiss = on_miss;
}

void glyphs_register_font(ImFont* font, bool bold, bool mono) {
    if (!font) return;
    // Until a glyph arrives, a missing one draws blank rather than '?'.
    if (const ImFontGlyph* space = font->FindGlyphNoFallback(' ')) font->FallbackGlyph = const_cast<ImFontGlyph*>(space);
    C.fonts.push_back({font, bold, mono, font->Glyphs.Size});
}

void glyphs_document_opened() {
    C.unbounded = 4;
    C.unbounded_drawn = false;
}

void glyphs_new_frame() {
    if (C.unbounded > 0) {  // the document's first frames: until one leaves no glyph for the next
        if (C.unbounded_drawn && !C.deferred) C.unbounded = 0;
        else --C.unbounded;
        C.unbounded_drawn = true;
    }
    C.this_frame = 0;
    C.deferred = false;
    if (C.need_room) {
        C.need_room = false;
        grow();
    }
}

AtlasUpload glyphs_take_upload() {
    AtlasUpload u;
    if (C.rgba.empty()) return u;
    u.w = C.w;
    u.h = C.h;
    u.rgba = C.rgba.data();
    if (C.recreate) {
        u.recreate = true;
        u.y0 = 0;
        u.y1 = C.h;
    } else if (C.dirty1 > C.dirty0) {
        u.y0 = C.dirty0;
        u.y1 = C.dirty1;
    }
    C.recreate = false;
    C.dirty0 = 1 << 30;
    C.dirty1 = 0;
    return u;
}

GlyphStats glyph_stats() {
    GlyphStats s = C.stats;
    s.tex_w = C.w;
    s.tex_h = C.h;
    s.pending = C.deferred;
    return s;
}

}  // namespace hs::ui
