#pragma once
#include "imgui.h"

namespace hs::ui {

struct Palette {
    ImVec4 bg, panel, panel_alt, border, text, text_muted, accent, accent_text, danger, warning, success, info;
    bool dark = false;
    bool forced = false;  // a high-contrast palette from the system's colours (forced-colors)
};

// Applies the light or dark theme to ImGui's style. `scale` is the UI zoom (1 = 100 %). `forced`: the system's
// colours of a forced (high contrast) palette, as Platform::MediaPrefs gives them, or null.
void apply_theme(bool dark, float scale = 1.0f, const int* forced = nullptr);
const Palette& palette();
ImU32 col(const ImVec4& c, float alpha = 1.0f);
// Colour for a severity 1..5 (0 = unset) and for a status key.
ImVec4 severity_colour(int severity);
ImVec4 status_colour(const char* status);

}  // namespace hs::ui
