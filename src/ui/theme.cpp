#include "theme.h"

#include <cstring>

namespace hs::ui {
namespace {
Palette g_palette;

ImVec4 hex(unsigned rgb, float a = 1.0f) {
    return ImVec4(((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f, a);
}
}  // namespace

const Palette& palette() { return g_palette; }

ImU32 col(const ImVec4& c, float alpha) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

// Severity 1..5, per theme: a badge's text in this colour on its own tint reads at WCAG AA (4.5:1) on the window and
// the panels (scripts/contrast.py measures every pair; docs/accessibility.md has the table).
constexpr unsigned kSeverityLight[] = {0xB91C1C, 0x9A3412, 0x8A5A00, 0x1D4ED8, 0x4B5563};
constexpr unsigned kSeverityDark[] = {0xFF8F8F, 0xFB923C, 0xFDE047, 0x93C5FD, 0xCBD5E1};

ImVec4 severity_colour(int s) {
    if (s < 1 || s > 5 || g_palette.forced) return g_palette.text_muted;
    return hex((g_palette.dark ? kSeverityDark : kSeverityLight)[s - 1]);
}

ImVec4 status_colour(const char* st) {
    if (std::strcmp(st, "final") == 0) return g_palette.success;
    if (std::strcmp(st, "in_review") == 0) return g_palette.info;
    return g_palette.text_muted;
}

namespace {

// The palette of the light or the dark theme.
void set_palette(Palette& p, bool dark) {
    p.dark = dark;
    if (dark) {
        p.bg = hex(0x0F1115);
        p.panel = hex(0x171A21);
        p.panel_alt = hex(0x1F232C);
        p.border = hex(0x2A2F3A);
        p.text = hex(0xE6E8EB);
        p.text_muted = hex(0xA3ABB7);
        p.accent = hex(0x818CF8);
        p.accent_text = hex(0x0F1115);
        p.danger = hex(0xFCA5A5);
        p.warning = hex(0xFBBF24);
        p.success = hex(0x34D399);
        p.info = hex(0x93C5FD);
    } else {
        p.bg = hex(0xF6F7F9);
        p.panel = hex(0xFFFFFF);
        p.panel_alt = hex(0xF0F2F5);
        p.border = hex(0xDDE1E7);
        p.text = hex(0x1F2328);
        p.text_muted = hex(0x5B6472);
        p.accent = hex(0x4F46E5);
        p.accent_text = hex(0xFFFFFF);
        p.danger = hex(0xB91C1C);
        p.warning = hex(0x92400E);
        p.success = hex(0x166534);
        p.info = hex(0x1D4ED8);
    }
}

// Sizes and roundings, at scale 1.
void set_metrics(ImGuiStyle& style) {
    style.WindowPadding = ImVec2(16, 14);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(8, 5);
    style.IndentSpacing = 18;
    style.ScrollbarSize = 12;
    style.GrabMinSize = 10;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 1;
    style.WindowRounding = 8;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.PopupRounding = 8;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 6;
    style.TabRounding = 6;
    style.SelectableTextAlign = ImVec2(0, 0.5f);
}

// How strongly a translucent accent fill (a hovered button, a header row) tints what is below it.
constexpr float kAccentSoftDark = 0.16f, kAccentSoftLight = 0.14f;

// ImGui's colours, from the palette.
void set_colours(ImGuiStyle& style, const Palette& p, bool dark) {
    ImVec4* c = style.Colors;
    ImVec4 accent_soft = ImVec4(p.accent.x, p.accent.y, p.accent.z, dark ? kAccentSoftDark : kAccentSoftLight);
    ImVec4 accent_mid = ImVec4(p.accent.x, p.accent.y, p.accent.z, dark ? 0.40f : 0.24f);
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.text_muted;
    c[ImGuiCol_WindowBg] = p.bg;
    c[ImGuiCol_ChildBg] = p.panel;
    c[ImGuiCol_PopupBg] = p.panel;
    // Fields and buttons are told apart from the surface by their border: 3:1 (WCAG 1.4.11). Lines that only
    // divide (separators, table rules) keep the softer palette border.
    c[ImGuiCol_Border] = dark ? hex(0x6B7480) : hex(0x838B97);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = dark ? hex(0x11141A) : hex(0xFFFFFF);
    c[ImGuiCol_FrameBgHovered] = dark ? hex(0x1A1E26) : hex(0xF7F8FA);
    c[ImGuiCol_FrameBgActive] = dark ? hex(0x1A1E26) : hex(0xFFFFFF);
    c[ImGuiCol_TitleBg] = p.panel;
    c[ImGuiCol_TitleBgActive] = p.panel;
    c[ImGuiCol_TitleBgCollapsed] = p.panel;
    c[ImGuiCol_MenuBarBg] = p.panel;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_ScrollbarGrabHovered] = p.text_muted;
    c[ImGuiCol_ScrollbarGrabActive] = p.accent;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent;
    c[ImGuiCol_Button] = p.panel_alt;
    c[ImGuiCol_ButtonHovered] = accent_soft;
    c[ImGuiCol_ButtonActive] = accent_mid;
    c[ImGuiCol_Header] = accent_soft;
    c[ImGuiCol_HeaderHovered] = accent_soft;
    c[ImGuiCol_HeaderActive] = accent_mid;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_SeparatorHovered] = p.accent;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripHovered] = accent_soft;
    c[ImGuiCol_ResizeGripActive] = accent_mid;
    c[ImGuiCol_Tab] = p.panel_alt;
    c[ImGuiCol_TabHovered] = accent_soft;
    c[ImGuiCol_TabActive] = p.panel;
    c[ImGuiCol_TabUnfocused] = p.panel_alt;
    c[ImGuiCol_TabUnfocusedActive] = p.panel;
    c[ImGuiCol_PlotLines] = p.accent;
    c[ImGuiCol_PlotHistogram] = p.accent;
    c[ImGuiCol_TableHeaderBg] = p.panel_alt;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(p.panel_alt.x, p.panel_alt.y, p.panel_alt.z, 0.5f);
    c[ImGuiCol_TextSelectedBg] = accent_mid;
    c[ImGuiCol_DragDropTarget] = p.accent;
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_NavWindowingHighlight] = p.accent;
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.3f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, dark ? 0.55f : 0.35f);
}

// Forced colours (Windows high contrast): every colour is one the user chose for the system, so what they made
// readable stays readable. Text is CanvasText on Canvas everywhere (hovered and selected controls keep their fill:
// ImGui cannot switch a control's text to HighlightText), controls are told apart by strong borders, and the focus
// ring and check marks are Highlight. Unknown colours (-1) fall back to white on black with yellow highlights.
constexpr unsigned kForcedFallback[] = {0x000000, 0xFFFFFF, 0xFFFF00, 0x000000, 0x000000, 0xFFFFFF};
constexpr float kForcedBorder = 2.0f;

void set_forced(ImGuiStyle& style, Palette& p, const int* forced) {
    ImVec4 sys[6];
    for (int i = 0; i < 6; ++i) sys[i] = hex(forced[i] >= 0 ? static_cast<unsigned>(forced[i]) : kForcedFallback[i]);
    const ImVec4 canvas = sys[0], text = sys[1], highlight = sys[2];
    p.forced = true;
    p.bg = p.panel = p.panel_alt = canvas;
    p.text = p.text_muted = p.danger = p.warning = p.success = p.info = p.border = text;
    p.accent = highlight;
    p.accent_text = sys[3];
    set_colours(style, p, p.dark);
    ImVec4* c = style.Colors;
    for (int i = 0; i < ImGuiCol_COUNT; ++i) {
        if (c[i].w <= 0) continue;  // what is transparent stays so
        const bool fill = c[i].x == p.accent.x && c[i].y == p.accent.y && c[i].z == p.accent.z && c[i].w < 1;
        c[i] = fill ? canvas : ImVec4(c[i].x, c[i].y, c[i].z, 1);  // accent tints become the surface
    }
    c[ImGuiCol_Border] = c[ImGuiCol_ScrollbarGrab] = text;
    c[ImGuiCol_FrameBg] = c[ImGuiCol_FrameBgHovered] = c[ImGuiCol_FrameBgActive] = canvas;
    c[ImGuiCol_Button] = c[ImGuiCol_Tab] = c[ImGuiCol_TabUnfocused] = c[ImGuiCol_TableHeaderBg] = sys[4];
    c[ImGuiCol_TableRowBgAlt] = c[ImGuiCol_ModalWindowDimBg] = c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0);
    style.FrameBorderSize = style.ChildBorderSize = style.PopupBorderSize = style.WindowBorderSize = kForcedBorder;
}

}  // namespace

void apply_theme(bool dark, float scale, const int* forced) {
    set_palette(g_palette, dark);
    g_palette.forced = false;
    ImGuiStyle style;
    set_metrics(style);
    if (forced) set_forced(style, g_palette, forced);
    else set_colours(style, g_palette, dark);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace hs::ui
