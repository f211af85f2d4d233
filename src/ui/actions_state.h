// The action items table's state (actions.cpp).
#pragma once
#include <string>
#include <unordered_map>

namespace hs::ui {

struct ActionsState {
    int sort_column = -1;
    bool sort_ascending = true;
    std::unordered_map<std::string, float> row_h;  // action item id -> row height when last drawn
    float rows_w = 0, rows_font = 0;               // the heights hold for this table width and font size,
    float rows_title_w = 0;                        // and this width of the title column
    float row_prev_y = 0;                          // where the row (or card) drawn last began
    std::string row_prev_id;                       // and its item ("" none), to measure its height
};

// Which button of which item was pressed while drawing (an index into the document's action items, -1 none): the
// change is made after the table, not in the middle of it.
struct ActionOps {
    int up = -1, down = -1, remove = -1;
};

}  // namespace hs::ui
