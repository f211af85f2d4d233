// Small widgets shared by the panels.
#pragma once
#include <string>

#include "imgui.h"

namespace hs::ui {

class App;

void badge(const std::string& text, const ImVec4& colour);
bool primary_button(const char* label, const ImVec2& size = ImVec2(0, 0));
bool icon_button(const char* icon, const char* id, const char* tooltip);
void muted_text(const char* text);
void help_tooltip(const char* text);

}  // namespace hs::ui
