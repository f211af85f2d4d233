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
// Draws only the rows of a scrolling table (ImGuiTableFlags_ScrollY) that are in view, when rows differ in height
// (wrapped cells), which ImGuiListClipper's one row height cannot do. Each row's height is measured when it is drawn
// and kept while the columns' widths and the font size stay the same; rows out of view are then stood in for by spacer
// rows of their height (an even or odd number of them, so the alternate row colours stay put). Rows not yet measured
// are drawn to measure them, at most kMeasurePerFrame a frame off screen, the others counted at one line meanwhile.
//   TableRowSkipper rows(heights, n);
//   for (size_t i = 0; i < n; ++i) { if (!rows.draw(i)) continue; ImGui::TableNextColumn(); ... }
//   rows.end();
class TableRowSkipper {
public:
    static constexpr int kMeasurePerFrame = 150;
    // Call right after the table's header row. `heights` is kept by the caller between frames, with the columns'
    // widths and the font size they were measured at.
    TableRowSkipper(std::vector<float>& heights, float& key_width, float& key_font, size_t rows);
    // True when row i is to be drawn (the table's row has been started); false when it is skipped.
    bool draw(size_t i);
    void end();  // after the last row, before ImGui::EndTable

private:
    void flush();
    void next_row(float min_height);
    std::vector<float>& h_;
    ImGuiTable* table_;
    float view_top_, view_bottom_, est_, y_;
    float pending_ = 0;
    int pending_rows_ = 0, measured_ = 0;
    long last_ = -1;
    float last_y_ = 0;
};
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
