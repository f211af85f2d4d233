// Right-to-left text on the canvas: Hebrew and Arabic in visual order, Arabic letters joined (see bidi.cpp).
#pragma once
#include <string>

namespace hs::ui {
// Lets Dear ImGui's text drawing ask for right-to-left text in visual order (scripts/imgui_patch.py).
void install_bidi();
// One line of text in visual order, as the canvas draws it (for tests).
std::string visual_line(const std::string& logical);
}  // namespace hs::ui
