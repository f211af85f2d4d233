// Opening a file on this thread: the native app and its tests. The web editor never does this (cmake/web.cmake
// leaves this file out): its page hands every file to a worker, which opens or imports it and sends back the
// document (App::open_converted) or a Slack export's channels (App::slack_choose). So the editor's wasm carries no
// importer, no unzip and no inflate, and a file that would exhaust memory takes down the worker, not the editor.
#include "app.h"
#include "core/importers/importers.h"
#include "core/zip.h"

namespace hs::ui {

bool App::open_file(const std::string& name, const std::string& text) {
    if (looks_like_zip(text)) return open_slack_zip(name, text);  // a whole export: choose, then import
    std::string kind;
    ImportResult r = open_any(name, text, &kind);
    if (kind == "tracker") return tracker_csv(name, text);  // updates the open postmortem's action items
    return open_import_result(name, kind, std::move(r));
}

bool App::open_slack_zip(const std::string& name, const std::string& bytes) {
    SlackExportScan scan = scan_slack_zip(bytes);
    if (!scan.ok) {
        show_message(refusal_message(name, scan.problems));
        return false;
    }
    slack_import_start(name, scan);
    slack_import_.zip = bytes;
    slack_import_.import_here = [](const std::string& zip, const SlackExportOptions& o) {
        return import_slack_zip(zip, o);
    };
    return true;
}

}  // namespace hs::ui
