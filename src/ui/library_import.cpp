// A team's history brought in at once: the worker reads the .zip and sends the documents (core/library_import.h);
// here each becomes a new draft, so the editor only parses JSON it already knows how to load.
#include "app.h"
#include "core/format.h"

namespace hs::ui {

int App::library_import(const std::string& name, const std::string& json) {
    const Json j = Json::parse(json, nullptr, false);
    if (!j.is_object() || !j.contains("documents") || !j["documents"].is_array()) {
        show_message(name + " could not be imported: the worker's answer could not be read. Nothing you had open "
                            "was changed.");
        return 0;
    }
    int made = 0;
    std::string failed;
    for (const Json& d : j["documents"]) {
        LoadResult l = load_document_json(d);
        if (!l.ok) continue;
        if (!store_) {  // storage is still loading: stored once it has (drafts.cpp)
            pending_drafts_.push_back(std::move(l.doc));
            ++made;
            continue;
        }
        Status st = store_->create(l.doc, platform_.now_ms(), nullptr);
        if (st.ok()) ++made;
        else failed = st.message;
    }
    if (made && store_) platform_.storage_persist();
    std::string report = j.contains("report") && j["report"].is_string() ? j["report"].get<std::string>() : "";
    report += "\n" + std::to_string(made) + " new draft" + (made == 1 ? "" : "s") + " in the drafts list.";
    if (!failed.empty()) report += "\nSome could not be stored: " + failed;
    show_message(report);
    platform_.request_frame();
    return made;
}

}  // namespace hs::ui
