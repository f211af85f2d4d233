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
// A centred modal dialog of at most w x h (smaller screens: the screen less a margin), open while `open` is true.
// Closes with its title bar's X, Escape or by setting `open` to false. Waits while another popup (a problem) shows.
// When it returns true, call ImGui::EndPopup().
bool begin_dialog(const char* name, bool& open, float w, float h);
// The dialog's Close button (at the bottom when `at_bottom`), registered for tests as `locate_name`; then EndPopup().
void end_dialog(bool& open, const char* locate_name, bool at_bottom);

}  // namespace hs::ui
