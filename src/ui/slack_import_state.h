// The state of the Slack export dialog (slack_import.cpp): a dropped or opened .zip, before it is imported.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/importers/importers.h"

namespace hs::ui {

struct SlackImportState {
    bool open = false;
    std::string name;                         // the file's name
    std::string zip;                          // the archive, when the app holds it (native); empty on the web
    // Imports the held archive on this thread; set with `zip` by the in-process opening (open_local.cpp, native
    // only), so that the web editor's wasm carries no importer or unzip code: the page's worker imports there.
    std::function<ImportResult(const std::string& zip, const SlackExportOptions&)> import_here;
    std::vector<SlackChannelCount> channels;  // as the scan found them
    std::vector<bool> keep;                   // per channel: ticked
    std::string from, to;                     // the time window as typed (ISO 8601; empty: open)
    std::string error;                        // why Import did nothing, shown in the dialog
};

}  // namespace hs::ui
