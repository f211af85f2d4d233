// Named screen rectangles of key widgets, recorded each frame. Tests (and accessibility tooling) ask where a named
// control is, then click it with the mouse like a person would: no hard-coded coordinates.
#pragma once
#include <string>

namespace hs::ui {

void locate_begin_frame();
// Records the last ImGui item's rectangle under `name` (e.g. "welcome.new", "editor.title").
void mark(const std::string& name);
// Records an explicit screen rectangle (a phrase in a text, a match) under `name`.
void mark_rect(const std::string& name, float x0, float y0, float x1, float y1);
// JSON object {"name":[x,y,w,h],...} of the rectangles recorded in the last frame, in CSS pixels.
std::string locate_json();

}  // namespace hs::ui
