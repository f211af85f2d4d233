// The find bar's state (find.cpp draws it and runs the search).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace hs::ui {

// A span of text in one document field: a find match, or a marked phrase of the lint findings.
struct FieldSpan {
    std::string path;     // field path
    std::string section;  // section it belongs to, for scrolling
    size_t start = 0, end = 0;
    std::string tip;      // tooltip (blame-language and blame-person marks)
};

struct FindState {
    bool open = false, focus = false, stale = true;
    float bar_h = 0;  // the open find bar's height and margin: the document starts below it
    std::string query, done_for;
    std::vector<FieldSpan> matches;
    int index = -1;
};

}  // namespace hs::ui
