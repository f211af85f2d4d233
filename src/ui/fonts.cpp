#include "fonts.h"

#include <algorithm>
#include <cstddef>

#include "glyphs.h"
#include "icons.h"
#include "imgui.h"

namespace hs::fonts {
extern const unsigned char font_ui[], font_ui_bold[], font_mono[], font_icons[];
extern const size_t font_ui_size, font_ui_bold_size, font_mono_size, font_icons_size;
}  // namespace hs::fonts

namespace hs::ui {
namespace {
Fonts g_fonts;
int g_text_size = 100, g_loaded_text_size = 100;

// Must match the ranges scripts/fonts.py keeps.
const ImWchar kTextRanges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC,
                               0x2122, 0x2122, 0x2190, 0x2193, 0x2212, 0x2212, 0x2264, 0x2265, 0x25B2, 0x25BC,
                               0x2713, 0x2713, 0};
const ImWchar kMonoRanges[] = {0x0020, 0x007E, 0x00A0, 0x00A0, 0x00B7, 0x00B7, 0x2026, 0x2026, 0x2212, 0x2212, 0};
const ImWchar kIconRanges[] = {ICON_MIN_FA, ICON_MAX_FA, 0};

ImFont* add(ImFontAtlas* atlas, const unsigned char* data, size_t size, float px, const ImWchar* ranges, float dpr,
            bool icons) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the arrays are static
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    ImFont* f = atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px * dpr, &cfg,
                                            ranges);
    if (icons) {
        ImFontConfig ic;
        ic.FontDataOwnedByAtlas = false;
        ic.MergeMode = true;
        ic.PixelSnapH = true;
        ic.GlyphMinAdvanceX = px * dpr * 1.1f;
        ic.GlyphOffset = ImVec2(0, 1.0f * dpr);
        atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(hs::fonts::font_icons),
                                    static_cast<int>(hs::fonts::font_icons_size), px * 0.9f * dpr, &ic, kIconRanges);
    }
    return f;
}

}  // namespace

Fonts& load_fonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float scale = static_cast<float>(g_text_size) / 100.0f;
    g_loaded_text_size = g_text_size;
    const float base = 15.0f * scale;
    g_fonts.ui = add(io.Fonts, hs::fonts::font_ui, hs::fonts::font_ui_size, base, kTextRanges, dpr, true);
    g_fonts.bold = add(io.Fonts, hs::fonts::font_ui_bold, hs::fonts::font_ui_bold_size, base, kTextRanges, dpr, true);
    g_fonts.title = add(io.Fonts, hs::fonts::font_ui_bold, hs::fonts::font_ui_bold_size, 22.0f * scale, kTextRanges,
                        dpr, false);
    g_fonts.mono = add(io.Fonts, hs::fonts::font_mono, hs::fonts::font_mono_size, 13.5f * scale, kMonoRanges, dpr,
                       false);
    io.FontDefault = g_fonts.ui;
    io.FontGlobalScale = 1.0f / dpr;
    io.Fonts->Build();
    // Every other code point is rasterised when first drawn (glyphs.cpp).
    glyphs_atlas_built();
    glyphs_register_font(g_fonts.ui, false, false);
    glyphs_register_font(g_fonts.bold, true, false);
    glyphs_register_font(g_fonts.title, true, false);
    glyphs_register_font(g_fonts.mono, false, true);
    return g_fonts;
}

Fonts& fonts() { return g_fonts; }

void set_text_size(int percent) { g_text_size = std::clamp(percent, kTextSizeMinPct, kTextSizeMaxPct); }
int text_size() { return g_text_size; }
bool text_size_pending() { return g_text_size != g_loaded_text_size; }

FontData ui_font_data() { return {hs::fonts::font_ui, hs::fonts::font_ui_size}; }

}  // namespace hs::ui
