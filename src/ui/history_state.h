// The History dialog's state: the snapshots of the open draft (history.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/diff.h"
#include "core/model.h"

namespace hs::ui {

struct HistoryState {
    bool open = false;
    std::string sel;  // snapshot file name shown ("" = none)
    std::optional<Document> doc;
    std::string error;
    bool show_diff = true;
    std::vector<Change> changes;  // snapshot -> current document, made as a job (core/diff_json.h)
    bool comparing = false;       // that job is under way
    std::string text;             // the snapshot as Markdown, read-only
};

}  // namespace hs::ui
