// Named screen rectangles of key widgets, recorded each frame. Tests (and accessibility tooling) ask where a named
// control is, then click it with the mouse like a person would: no hard-coded coordinates.
#pragma once
#include <string>

namespace hs::ui {

void locate_begin_frame();
// Records the last ImGui item's rectangle under `name` (e.g. "welcome.new", "editor.title").
void mark(std::string name);
// Records a rectangle (screen pixels) under `name`, for things drawn without an ImGui item (timeline markers).
void mark_rect(std::string name, float x, float y, float w, float h);
// Records one rectangle under several names, each a pattern with "{}" replaced by `key` (patterns must be static).
// The names are only built when someone asks (locate_json): for rows of a long table that are not drawn this frame,
// so tests can still find them and scroll them into view.
void mark_group(const char* const* patterns, size_t count, const std::string& key, float x, float y, float w, float h);
// The windows behind a covering panel (App::draw_background, backdrop.cpp): what they marked so far this frame (and
// their accessibility nodes) is kept, and put back in a frame that shows them from a copy instead of drawing them.
void locate_save_background();
void locate_restore_background();
// JSON object {"name":[x,y,w,h],...} of the rectangles recorded in the last frame, in CSS pixels.
std::string locate_json();

}  // namespace hs::ui
