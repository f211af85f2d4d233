// Small widgets shared by the panels.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"

namespace hs::ui {

class App;

void badge(const std::string& text, const ImVec4& colour);
bool primary_button(const char* label, const ImVec2& size = ImVec2(0, 0));
bool icon_button(const char* icon, const char* id, const char* tooltip);
void muted_text(const char* text);
// Text in a dialog is capped (a link's title can be megabytes): at most this many bytes are laid out.
constexpr size_t kDialogTextMax = 600;
// `text` as it fits in `max_w` pixels of the current font: whole, or cut at a grapheme cluster boundary and ended
// with an ellipsis.
std::string fit_text(const std::string& text, float max_w);
// Before a widget of width `w` that would follow on the same line: stays on the line if it fits before `right` (a
// screen x), or else starts a new line.
void same_line_if_fits(float w, float right);
// Before a button with this label: on the same line if it fits in the window, else on the next (a phone).
void fit_same_line(const char* label);
void help_tooltip(const char* text);
// "just now", "5 min ago", "3 h ago", else the UTC date: when a draft was last saved.
std::string ago(int64_t now_ms, int64_t t_ms);
// Escape was pressed and no text field has it (the first Escape leaves a field, the next one closes a dialog).
bool escape_to_close();

// The on-screen rectangles (one per line) covering bytes [r0, r1) of `text` as ImDrawList::AddText draws it at
// `pos` with `font`/`size`, wrapped at `wrap_w` (0 = no wrap). Follows ImFont::RenderText's line breaking exactly,
// so underlines and highlights sit under the glyphs they mark.
std::vector<ImRect> text_range_rects(ImFont* font, float size, ImVec2 pos, const std::string& text, float wrap_w,
                                     size_t r0, size_t r1);
// A calendar button that opens a month grid; sets `date` ("YYYY-MM-DD", or "" with Clear). True when changed.
bool date_picker(const std::string& id, std::string& date, int64_t now_ms);
// A wavy underline under `r` (spell-check style).
void squiggle(ImDrawList* dl, const ImRect& r, ImU32 colour);
// A centred modal dialog of at most w x h (smaller screens: the screen less a margin), open while `open` is true.
// Closes with its title bar's X, Escape or by setting `open` to false. Waits while another popup (a problem) shows.
// When it returns true, call ImGui::EndPopup().
bool begin_dialog(const char* name, bool& open, float w, float h);
// The dialog's Close button (at the bottom when `at_bottom`), registered for tests as `locate_name`; then EndPopup().
void end_dialog(bool& open, const char* locate_name, bool at_bottom);

}  // namespace hs::ui
