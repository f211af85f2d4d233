// The library panel's state (library.cpp: search across every draft, with filters) and the similar incidents of the
// open draft (similar.cpp). Both ask the platform's library jobs (src/platform/library_job.h), which hold the index.
#pragma once
#include <cstdint>
#include <string>
#include <map>
#include <vector>

#include "core/model.h"

namespace hs::ui {

struct LibraryFilters {
    std::vector<std::string> severities, statuses, services, tags, owners;
    std::string since, until;  // "YYYY-MM-DD" or ""
    bool any() const {
        return !severities.empty() || !statuses.empty() || !services.empty() || !tags.empty() || !owners.empty() ||
               !since.empty() || !until.empty();
    }
};

struct LibraryState {
    bool open = false, focus = false, show_filters = false;
    std::string query;
    LibraryFilters filters;

    // What the index holds: each draft sent, with the save time of the copy sent (a later save sends it again).
    std::map<std::string, int64_t> sent;
    // The store's revision (DraftStore::revision) when `sent` last matched it: until it changes, nothing to send.
    uint64_t synced_revision = 0;
    // A pass over the drafts spread over frames: the revision it started at and where the next frame goes on.
    uint64_t pass_revision = 0;
    size_t pass_from = 0;
    double longest_draft_ms = 0;  // a recent draft's longest time to turn into JSON (the budget's estimate)
    bool feed_wanted = false;     // App::library_feed asked for a pass in a work task (App::work)
    double feed_frame_ms = 0;     // when a work task last asked for a frame to show the index growing
    std::string problem;  // the index could not be reached or kept: said in the panel, syncing stops until reopened
    bool dirty = true;    // the drafts changed since the last search was asked
    std::string asked;    // the last search asked (query and filters as JSON): another one is asked when it differs

    // Searches in flight carry a sequence number: an answer to an older one than the last asked is dropped.
    int seq = 0;
    int answered = 0;     // the sequence number of `answer`
    size_t expected = 0;  // drafts the index should hold when the last search is answered
    hs::Json answer;      // the last search's answer (library_job.h "search")
    // Each result's height as drawn, for the answer `heights_for` at the width `heights_w`: results out of view are
    // stood in for by their height, not laid out again.
    std::vector<float> heights;
    int heights_for = -1;
    float heights_w = 0;

    // Similar incidents of the open draft, asked again a moment after it changes or the library does.
    bool similar_open = false;
    int similar_seq = 0;
    std::string similar_for;         // the draft they were asked for
    uint64_t similar_rev = 0;        // App::doc_rev_ when asked
    int64_t similar_changed_ms = 0;  // when the draft or the library last changed: asked after a pause
    bool similar_stale = true;
    hs::Json similar;                // library_job.h "similar" items
    std::string similar_problem;
};

}  // namespace hs::ui
