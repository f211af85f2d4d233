// The welcome screen (no document open), the sample postmortems it and the sidebar offer, and the New postmortem
// dialog with its templates.
#include <algorithm>

#include "app.h"
#include "core/embedded.h"
#include "core/format.h"
#include "core/templates.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {

const std::vector<App::Sample>& App::samples() {
    if (!samples_scanned_) {  // native builds: the embedded samples (titles from a plain parse, once)
        samples_scanned_ = true;
        for (const std::string& path : list_embedded("samples/")) {
            const EmbeddedFile* f = find_embedded(path);
            Json j = Json::parse(f->data, f->data + f->size, nullptr, false);
            std::string title;
            if (j.is_object() && j.contains("title") && j["title"].is_string()) title = j["title"].get<std::string>();
            samples_.push_back({path, title.empty() ? path.substr(path.find('/') + 1) : title});
        }
    }
    return samples_;
}

void App::set_samples(const std::string& index_json) {
    Json j = Json::parse(index_json, nullptr, false);
    if (!j.is_array()) return;  // a broken index only hides the samples
    samples_.clear();
    samples_scanned_ = true;
    for (const Json& e : j) {
        if (!e.is_object() || !e.contains("path") || !e["path"].is_string()) continue;
        std::string path = e["path"].get<std::string>();
        if (path.rfind("samples/", 0) != 0 || path.find("..") != std::string::npos) continue;
        std::string title = e.contains("title") && e["title"].is_string() ? e["title"].get<std::string>() : path;
        samples_.push_back({path, title});
    }
    platform_.request_frame();
}

void App::open_sample(const std::string& path) {
    if (const EmbeddedFile* f = find_embedded(path)) {
        open_json(std::string(f->data, f->size), path);
        return;
    }
    sample_pending_ = path;
    platform_.fetch_asset(path);
}

void App::asset_loaded(const std::string& path, bool ok, const std::string& text_or_error) {
    if (path != sample_pending_) return;  // superseded by another click
    sample_pending_.clear();
    if (ok) open_json(text_or_error, path);
    else messages_.push_back("The sample could not be loaded (" + text_or_error + "). Nothing you had open was changed.");
    platform_.request_frame();
}

void App::draw_welcome() {
    const Palette& p = palette();
    float avail = ImGui::GetContentRegionAvail().x;
    float w = std::min(640.0f, avail - 32);
    float x = std::max(16.0f, (avail - w) * 0.5f);
    ImGui::SetCursorPos(ImVec2(x, std::max(48.0f, ImGui::GetCursorPosY() + 12)));  // below the sidebar, when inline
    ImGui::BeginGroup();
    ImGui::PushFont(fonts().title);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::TextWrapped("Write the postmortem while it is fresh.");
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::TextColored(p.text_muted,
                       "Hindsight is a blameless postmortem editor that runs entirely in your browser: no account, "
                       "no server, your incident data stays on this machine.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Spacing();
    // On a narrow screen the buttons wrap, and sample titles too long for the column end with an ellipsis.
    const float right = ImGui::GetCursorScreenPos().x + w;
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    if (primary_button(ICON_PLUS "  New postmortem", ImVec2(std::min(220.0f, w), 40))) open_template_picker_ = true;
    mark("welcome.new");
    const char* import_label = ICON_UPLOAD "  Import incident";
    same_line_if_fits(ImGui::CalcTextSize(import_label).x + pad, right);
    if (ImGui::Button(import_label, ImVec2(0, 40))) platform_.pick_files();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("A PagerDuty, Opsgenie or Slack export, or a CSV timeline. Or drop the file here.");
    mark("welcome.import");
    const char* open_label = ICON_FOLDER_OPEN "  Open a file";
    same_line_if_fits(ImGui::CalcTextSize(open_label).x + pad, right);
    if (ImGui::Button(open_label, ImVec2(0, 40))) platform_.pick_files();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A .hindsight.json file. Or drop it anywhere on the page.");
    mark("welcome.open");
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::TextColored(p.text_muted, "Or start from a sample postmortem:");
    for (const Sample& s : samples()) {
        ImGui::PushID(s.path.c_str());
        const std::string label = std::string(ICON_BOOK "  ") + s.title;
        const std::string shown = fit_text(label, w - pad);
        if (ImGui::Button(shown.c_str())) open_sample(s.path);
        if (shown != label && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.title.c_str());
        mark("welcome.sample." + s.path);
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::TextColored(p.text_muted, "Press ? for keyboard shortcuts.");
    ImGui::EndGroup();
}

void App::draw_template_picker() {
    if (open_template_picker_ || ImGui::IsPopupOpen("New postmortem")) draw_template_picker_open();
}

void App::draw_template_picker_open() {
    if (open_template_picker_) {
        ImGui::OpenPopup("New postmortem");
        open_template_picker_ = false;
    }
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, ImGui::GetIO().DisplaySize.x - 24), 0));
    if (!ImGui::BeginPopupModal("New postmortem", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    static std::string title;
    ImGui::TextUnformatted("Title");
    if (ImGui::IsWindowAppearing()) text_input_focus("ui:new.title");
    text_input("ui:new.title", title, "e.g. Checkout errors after config push", -1);
    mark("new.title");
    ImGui::Spacing();
    ImGui::TextUnformatted("Template");
    const float wrap = ImGui::GetContentRegionAvail().x;
    for (const TemplateInfo& t : list_templates()) {
        ImGui::PushID(t.name.c_str());
        float desc_h = ImGui::CalcTextSize(t.description.c_str(), nullptr, false, wrap).y;
        ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0));
        ImGui::PushFont(fonts().bold);
        bool chosen = ImGui::Selectable((t.label + "##tpl").c_str(), false, 0,
                                        ImVec2(0, ImGui::GetTextLineHeight() + 6 + desc_h));
        ImGui::PopFont();
        ImGui::PopStyleVar();
        mark("new.template." + t.name);
        ImVec2 r = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                            ImVec2(r.x, r.y + ImGui::GetTextLineHeight() + 4),
                                            col(palette().text_muted), t.description.c_str(), nullptr, wrap);
        if (chosen) {
            Document d;
            if (new_from_template(t.name, title, platform_.now_ms(), d)) {
                open_document(std::move(d));
                title.clear();
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button("Cancel") || escape_to_close()) ImGui::CloseCurrentPopup();
    mark("new.cancel");
    ImGui::EndPopup();
}

}  // namespace hs::ui
