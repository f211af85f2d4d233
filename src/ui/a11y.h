// The accessibility mirror: what the canvas draws, described for screen readers. Dear ImGui's test-engine hooks
// (IMGUI_ENABLE_TEST_ENGINE) report each interactive item drawn with its label and state; locate.h's marks add the
// controls drawn without one (fields, timeline markers). At the end of a frame the list is compared with the one
// last sent and only what changed goes to the platform (web: off-screen DOM elements inside the canvas), so an idle
// editor sends nothing. docs/accessibility.md explains the page's side.
#pragma once
#include <string>

namespace hs::ui {

void a11y_enable(bool on);  // off by default: the hooks return at once
bool a11y_enabled();
void a11y_begin_frame();
// Called by mark(): names the last ImGui item for tests (its locate name) or, when ImGui did not describe it, adds
// it with a role guessed from the name ("field.*" is a text box).
void a11y_mark(const std::string& locate_name, bool from_item);
// Gives the last item its accessible name where its label is only an icon (e.g. the tooltip of an icon button).
void a11y_label(const char* name);
// JSON of what changed since the last call ("" when nothing did): {"n":[[key,role,name,value,state,id,locate,depth,
// pos],...] (depth: how deep in tables the node sits; pos: a table's row count or a row's index, from 1; a table's
// state has its sorted column, from 1, in bits 8 and up)
// the nodes new or changed, "o":[keys] the reading order when it changed, "f":key the focused node}.
std::string a11y_changes();
// The page focused the mirror of item `id` (a screen reader's cursor, Tab): ImGui's keyboard focus moves there
// when the item is next drawn, with its focus ring shown.
void a11y_focus(unsigned id);
// The text field (its key: the locate name less "field.") that keyboard navigation activated in the last frame
// (Space or Enter on it), once; "" when none. The app starts editing it, as after a click.
std::string a11y_take_field();
// Tables (lists drawn with a clipper, such as the timeline's events): a table and the rows drawn this frame, each
// with its position among all `row_count` rows (aria-rowcount, aria-rowindex), so a screen reader says "row 3 of
// 240" although only the visible rows are mirrored. `columns`: the column headers' names separated by tabs (the page
// draws the header row, with aria-sort on `sort_column`). Each control drawn in a row is the content of one cell,
// in column order, until the next row or the table's end.
void a11y_table_begin(const std::string& key, const char* name, int row_count, const char* columns, int sort_column,
                      bool ascending);
void a11y_table_row(const std::string& key, int index);  // index: 0-based among all rows
void a11y_table_end();
// The value shown by the last item (a field's text), for the mirror: a screen reader reads it as the control's value.
void a11y_value(const std::string& value);
// ImGui::BeginCombo, mirrored as a combo box named `name` with its value and whether its list is open (ImGui 1.86
// reports nothing for combos).
bool a11y_begin_combo(const char* label, const char* name, const char* preview, int flags = 0);
// ImGui::RadioButton, mirrored as a radio button that is checked or not.
bool a11y_radio(const char* label, bool active);
// News for the polite live region from the UI's code (the timeline axis says the event under focus); the app takes
// it at the end of the frame and hands it to Platform::announce.
void a11y_announce(std::string text);
std::string a11y_take_announcement();
// The nodes added so far this frame are kept (the windows behind a covering panel, locate_save_background), and
// appended again in a frame that does not draw those windows.
void a11y_save_background();
void a11y_restore_background();
// Forgets what was sent (the page lost its mirror): the next a11y_changes() sends everything.
void a11y_reset();

// State bits of a node, as the page reads them (web/app.js).
enum : unsigned {
    kA11yChecked = 1,
    kA11yExpanded = 2,
    kA11yExpandable = 4,
    kA11yDisabled = 8,
    kA11ySelected = 16,
    kA11yCheckable = 32,
    kA11ySortAscending = 64,
    kA11ySortDescending = 128,
};

}  // namespace hs::ui
