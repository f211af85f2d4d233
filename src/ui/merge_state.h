// The merge dialog's state (merge.cpp).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/merge.h"
#include "core/model.h"

namespace hs::ui {

struct MergeState {
    bool open = false;
    std::optional<Document> base, theirs;
    std::vector<Conflict> conflicts;
    std::vector<std::string> labels;     // conflict_label of each conflict, made once when the merge starts
    std::map<std::string, int> choices;  // path -> 0 ours, 1 theirs, 2 both (text only)
};

}  // namespace hs::ui
