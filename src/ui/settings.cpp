// Settings: the theme, and what the browser does with the drafts (persistent storage, space used), with Download all
// drafts. Also the JSON answers of window.hindsight's library queries.
#include <algorithm>
#include <cstdio>

#include "a11y.h"
#include "app.h"
#include "core/format.h"
#include "core/store.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

std::string bytes_text(double b) {
    char buf[32];
    if (b < 1e6) std::snprintf(buf, sizeof buf, "%.1f KB", b / 1e3);
    else if (b < 1e9) std::snprintf(buf, sizeof buf, "%.1f MB", b / 1e6);
    else std::snprintf(buf, sizeof buf, "%.1f GB", b / 1e9);
    return buf;
}

// Text size: the choices offered, in percent of the default (the label is also what the storage keeps), and where
// the choice is kept.
struct TextSize {
    int percent;
    const char* label;
    const char* locate;
};
constexpr TextSize kTextSizes[] = {
    {85, "85 %", "settings.text_size.85"},    {100, "100 %", "settings.text_size.100"},
    {115, "115 %", "settings.text_size.115"}, {130, "130 %", "settings.text_size.130"},
    {150, "150 %", "settings.text_size.150"}, {175, "175 %", "settings.text_size.175"},
    {200, "200 %", "settings.text_size.200"},
};
constexpr const char* kTextSizeFile = "/settings/text-size";
constexpr const char* kSettingsDirectory = "/settings";

// Keeps a setting's value in the app's storage for the next visit: "" when kept (or there is no storage), else why
// it was not.
std::string keep_setting(Platform& platform, const char* file, const char* value) {
    Filesystem* fs = platform.storage();
    if (!fs) return "";
    Status st = fs->mkdirs(kSettingsDirectory);
    if (st.ok()) st = fs->write(file, value);
    if (!st.ok()) return st.message;
    platform.storage_persist();
    return "";
}

void heading(const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

}  // namespace

void App::storage_info(int persisted, double usage_bytes, double quota_bytes) {
    settings_.storage_persisted = persisted;
    settings_.storage_usage = usage_bytes;
    settings_.storage_quota = quota_bytes;
    platform_.request_frame();
}

void App::download_all() {
    const int64_t now = platform_.now_ms();
    save_now();  // the open draft as it is on screen, even when the browser's storage refuses it
    if (store_) {
        platform_.download("hindsight-drafts-" + utc_date(now) + ".json", "application/json", store_->export_all(now));
    } else if (doc_) {
        platform_.download("hindsight-draft-" + utc_date(now) + ".hindsight.json", "application/json",
                           document_json());
    }
}

void App::draw_settings() {
    // The stored text size applies as soon as the storage is there (the fonts are loaded again before the next frame).
    if (!settings_.text_size_loaded && platform_.storage()) {
        settings_.text_size_loaded = true;
        std::string stored;
        if (platform_.storage()->read(kTextSizeFile, stored).ok())
            for (const TextSize& t : kTextSizes)
                if (stored == t.label) set_text_size(t.percent), platform_.request_frame();
    }
    if (settings_.open || ImGui::IsPopupOpen("Settings")) draw_settings_open();
}

// Settings > Text size: applied at once, kept in the app's storage for the next visit.
void App::draw_text_size() {
    const TextSize* now = &kTextSizes[1];
    for (const TextSize& t : kTextSizes)
        if (t.percent == text_size()) now = &t;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Text size");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    const TextSize* chosen = now;
    if (a11y_begin_combo("##text_size", "Text size", now->label)) {
        for (const TextSize& t : kTextSizes) {
            if (ImGui::Selectable(t.label, &t == now)) chosen = &t;
            mark(t.locate);
        }
        ImGui::EndCombo();
    }
    mark("settings.text_size");
    if (chosen == now) return;
    set_text_size(chosen->percent);
    platform_.request_frame();
    const std::string failed = keep_setting(platform_, kTextSizeFile, chosen->label);
    if (!failed.empty()) show_message("The text size could not be kept for next time: " + failed);
}

void App::draw_settings_open() {
    if (!begin_dialog("Settings", settings_.open, 600, 450)) return;
    const Palette& p = palette();
    heading("Appearance");
    if (a11y_radio("Light", !dark_)) set_dark(false);
    ImGui::SameLine(0, 16);
    if (a11y_radio("Dark", dark_)) set_dark(true);
    mark("settings.theme");
    draw_text_size();

    heading("Reviews");
    draw_reviewer_name("ui:settings.reviewer");

    heading("Drafts in this browser");
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(p.text_muted, "Persistent storage:");
    ImGui::SameLine();
    if (settings_.storage_persisted == 1) {
        ImGui::TextColored(p.success, ICON_CHECK " granted");
        ImGui::TextColored(p.text_muted, "The browser will not clear your drafts to make room for other sites.");
    } else if (settings_.storage_persisted == 0) {
        ImGui::TextColored(p.warning, ICON_WARNING " not granted");
        ImGui::TextColored(p.text_muted, "The browser may clear stored drafts when the disk runs low. Installing "
                                         "Hindsight as an app, or bookmarking it, often earns the grant. Download "
                                         "your drafts now and then to be safe.");
    } else {
        ImGui::TextColored(p.text_muted, "unknown (this browser did not answer)");
    }
    mark("settings.persist");
    if (settings_.storage_usage >= 0 && settings_.storage_quota > 0) {
        ImGui::TextColored(p.text_muted, "Space used by this site:");
        ImGui::SameLine();
        const SettingsState& st = settings_;
        ImGui::Text("%s of %s (%.1f %%)", bytes_text(st.storage_usage).c_str(), bytes_text(st.storage_quota).c_str(),
                    100.0 * st.storage_usage / st.storage_quota);
        mark("settings.estimate");
    }
    if (store_) {
        ImGui::TextColored(p.text_muted, "Stored:");
        ImGui::SameLine();
        ImGui::Text("%d drafts, %d in the trash, %d damaged files set aside", static_cast<int>(store_->size()),
                    static_cast<int>(store_->list_trash().size()), static_cast<int>(store_->list_quarantine().size()));
    }
    ImGui::TextColored(p.text_muted, "Last save:");
    ImGui::SameLine();
    if (storage_failed_) ImGui::TextColored(p.danger, "drafts could not be read; this tab does not save");
    else if (!save_error_.empty()) ImGui::TextColored(p.danger, "failed: %s", save_error_.c_str());
    else ImGui::TextColored(p.success, ICON_CHECK " all changes saved");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button(ICON_DOWNLOAD "  Download all drafts")) download_all();
    mark("settings.download_all");

    heading("Taxonomy");
    draw_taxonomy_settings();  // classify.cpp

    heading("About");
    ImGui::TextColored(p.text_muted, "Hindsight %s. Everything stays in this browser: no account, no server.",
                       HS_VERSION);
    end_dialog(settings_.open, "settings.close", true);
}

std::string App::query_json(const std::string& what) {
    Json out = nullptr;
    const int64_t now = platform_.now_ms();
    if (what == "overview" && store_) {
        const Overview o = store_->overview(utc_date(now));
        Json sev = Json::object(), status = Json::object(), items = Json::array();
        for (auto& [k, n] : o.by_severity) sev[std::to_string(k)] = n;
        for (auto& [k, n] : o.by_status) status[k] = n;
        for (const OverdueItem& it : o.open_items)
            items.push_back({{"draft", it.draft_id}, {"title", it.item.title}, {"due", it.item.due},
                             {"overdue", it.overdue}});
        auto opt = [](const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); };
        out = {{"drafts", o.drafts}, {"by_severity", sev}, {"by_status", status}, {"open_actions", o.open_actions},
               {"overdue_actions", o.overdue_actions}, {"open_items", items},
               {"median_time_to_detect_s", opt(o.median_time_to_detect_s)},
               {"median_time_to_resolve_s", opt(o.median_time_to_resolve_s)}};
    } else if (what == "history" && store_ && !draft_id_.empty()) {
        out = Json::array();
        for (const SnapshotInfo& s : store_->list_history(draft_id_))
            out.push_back({{"name", s.name}, {"reason", s.reason}, {"time", s.unix_ms}});
    } else if (what == "quarantine" && store_) {
        out = Json::array();
        for (const QuarantineEntry& q : store_->list_quarantine())
            out.push_back({{"name", q.name}, {"original", q.original_path}, {"reason", q.reason}});
    } else if (what == "trends") {  // the trends view, and the tables it shows (trends_charts.cpp)
        Json tables = Json::object();
        for (int c = 0; c < TrendsState::kCharts; ++c)
            if (trends_.have && trends_.table[c]) tables[std::to_string(c)] = trends_.figures.tables[c];
        out = {{"open", trends_.open}, {"loading", trends_.loading}, {"error", trends_.error}, {"tables", tables}};
    } else if (what == "storage") {
        out = {{"loaded", store_ != nullptr}, {"failed", storage_failed_}, {"dirty", autosave_.dirty()},
               {"persisting", autosave_.pushing()}, {"error", save_error_}, {"persisted", settings_.storage_persisted},
               {"read_only", read_only_}};
    }
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace hs::ui
