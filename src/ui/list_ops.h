// Small operations on the document's lists, shared by the editor's item lists and the action items.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/model.h"

namespace hs::ui {

// Moves element i by delta (-1 up, +1 down) if it stays in range.
template <class T>
bool move_item(std::vector<T>& v, size_t i, int delta) {
    long j = static_cast<long>(i) + delta;
    if (j < 0 || j >= static_cast<long>(v.size())) return false;
    std::swap(v[i], v[static_cast<size_t>(j)]);
    return true;
}

// Removes element `index` when it is one (the index of a Remove button pressed while drawing, or -1). True when it
// did, for the caller to record the edit.
template <class T>
bool remove_at(std::vector<T>& v, int index) {
    if (index < 0 || index >= static_cast<int>(v.size())) return false;
    v.erase(v.begin() + index);
    return true;
}

// Appends a new, empty element with a fresh id ("<id_prefix>-..."); returns its id.
template <class T>
std::string append_new(std::vector<T>& v, const char* id_prefix) {
    T x;
    x.id = new_id(id_prefix);
    v.push_back(x);
    return x.id;
}

}  // namespace hs::ui
