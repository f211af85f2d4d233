// The state of the "Update from the tracker" dialog (tracker_update.cpp): a tracker's CSV export of the action items,
// matched with the open postmortem, before the person confirms the changes it proposes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/tracker.h"

namespace hs::ui {

struct TrackerUpdateState {
    bool open = false;
    std::string name;          // the file's name
    std::string csv;           // its text, read again when the Jira site is given or the document changes
    std::string jira_site;     // as typed ("" : taken from the items' own Jira links)
    std::string read_site;     // the site `update` was read with: typing reads the file again once editing ends
    TrackerUpdate update;      // what the file proposes for the document as it was at `doc_rev`
    std::vector<bool> ticked;  // per change of `update`: to be applied
    uint64_t doc_rev = 0;
    bool shown = false;        // the dialog was opened for this file (closing it ends the file's turn)
    bool reading = false;      // a matching is under way (Apply waits for it)
    int gen = 0;               // the matching last asked for: earlier answers are dropped; kept across dialogs
};

}  // namespace hs::ui
