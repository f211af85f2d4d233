// The merge dialog's state (merge.cpp). The merge itself runs as a job (core/merge_job.h), in the page's worker.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "core/model.h"

namespace hs::ui {

struct MergeState {
    bool open = false;
    int gen = 0;                // the job whose answer is awaited; answers for older ones are dropped
    uint64_t doc_rev = 0;       // the draft's revision the job was asked for (typed since: asked again)
    std::string base_json, theirs_json;
    Json conflicts;                      // conflicts_to_json with labels (core/merge.h), as the job answered
    std::map<std::string, int> choices;  // path -> 0 ours, 1 theirs, 2 both (text only)
};

}  // namespace hs::ui
