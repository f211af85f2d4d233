// The top bar: the sidebar button, the app's name, the open document's title and state, whether it is saved, and
// the document's actions on the right (undo, redo, Share, Export...), which wrap into icons on a phone.
#include <algorithm>
#include <cmath>

#include "app.h"
#include "core/exporters/exporters.h"
#include "core/history.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {

void App::draw_top_bar(float height) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 10));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::BeginChild("topbar", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 wp = ImGui::GetWindowPos();
    const float win_w = ImGui::GetWindowWidth();
    dl->AddLine(ImVec2(wp.x, wp.y + height - 1), ImVec2(wp.x + win_w, wp.y + height - 1), col(p.border));
    ImGui::SetCursorPosY((height - ImGui::GetFrameHeight()) * 0.5f);
    if (icon_button(ICON_BARS, "sidebar", "Show or hide the drafts sidebar")) sidebar_open_ = !sidebar_open_;
    mark("topbar.sidebar");
    const bool compact = win_w < 760, tiny = win_w < 560;
    draw_top_bar_title(win_w, compact, tiny);
    if (doc_ && (store_ || storage_failed_)) draw_top_bar_save_state(tiny);
    if (ImGui::GetTime() < confirm_until_) animating_ = true;  // frames until it goes (the autosave timer stays)
    if (ImGui::GetTime() < confirm_until_ && !compact) {
        ImGui::SameLine(0, 12);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.success, ICON_CHECK " %s", confirm_text_.c_str());
        mark("topbar.confirm");
    }
    draw_top_bar_actions(win_w, tiny);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

// The app's name, and the open document's title, severity and status where there is room.
void App::draw_top_bar_title(float win_w, bool compact, bool tiny) {
    const Palette& p = palette();
    ImGui::PushFont(fonts().bold);
    if (!tiny || !doc_) {  // on a phone with a document open, the room goes to the save state, undo and redo
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.accent, ICON_HISTORY);
        ImGui::SameLine(0, 6);
        ImGui::TextUnformatted("Hindsight");
    }
    ImGui::PopFont();
    if (doc_ && !compact) {
        ImGui::SameLine(0, 18);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.text_muted, "%s", short_title(*doc_, win_w > 1300 ? 60 : 30).c_str());
        ImGui::SameLine(0, 12);
        badge(doc_->severity ? severity_label(*doc_) : std::string("No severity"), severity_colour(doc_->severity));
        ImGui::SameLine(0, 6);
        badge(status_label(doc_->status), status_colour(doc_->status.c_str()));
    }
}

// Saved, saving, not saved, or read-only (open in another tab).
void App::draw_top_bar_save_state(bool tiny) {
    const Palette& p = palette();
    ImGui::SameLine(0, tiny ? 16.0f : 12.0f);
    ImGui::AlignTextToFramePadding();
    // On a phone the state is its icon alone (the words in a tooltip), leaving room for undo and redo.
    if (read_only_) ImGui::TextColored(p.warning, tiny ? ICON_LOCK : ICON_LOCK " Open in another tab: read-only");
    else if (storage_failed_ || !save_error_.empty()) ImGui::TextColored(p.danger, tiny ? ICON_WARNING : ICON_WARNING " Not saved");
    else if (autosave_.busy()) ImGui::TextColored(p.text_muted, tiny ? ICON_SAVE : ICON_SAVE " Saving\xe2\x80\xa6");
    else ImGui::TextColored(p.text_muted, tiny ? ICON_CHECK : ICON_CHECK " Saved");
    if (tiny && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", read_only_ ? "Open in another tab: read-only"
                                : (storage_failed_ || !save_error_.empty()) ? "Not saved"
                                : autosave_.busy() ? "Saving" : "Saved");
    mark("topbar.save_state");
}

// The right-aligned buttons. Their width is measured each frame and they are placed by the last frame's measure.
void App::draw_top_bar_actions(float win_w, bool tiny) {
    float bw = ImGui::GetFrameHeight();
    float right = win_w - 12;
    const ImGuiStyle& st = ImGui::GetStyle();
    float actions_w = bw * 2 + 16;  // settings and theme, with a margin
    if (doc_) {
        actions_w += (bw + 8) * (tiny ? 5 : 7) + 16;
        if (!tiny) actions_w += ImGui::CalcTextSize(ICON_SHARE "  Share" ICON_DOWNLOAD "  Export").x + st.FramePadding.x * 4;
    }
    if (topbar_actions_w_ > 0) actions_w = topbar_actions_w_ + 4;  // as measured on the last frame
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12, right - actions_w));
    const float actions_x = ImGui::GetCursorScreenPos().x;
    if (doc_) {
        {  // undo and redo on every screen, a phone's included; History on wider ones
            if (!tiny) {
                if (icon_button(ICON_HISTORY, "history", "History: earlier versions of this draft")) history_view_.open = true;
                mark("topbar.history");
                ImGui::SameLine(0, 8);
            }
            ImGui::BeginDisabled(!history_->can_undo());
            if (icon_button(ICON_UNDO, "undo", "Undo (Ctrl+Z)")) undo();
            mark("topbar.undo");
            ImGui::EndDisabled();
            ImGui::SameLine(0, 4);
            ImGui::BeginDisabled(!history_->can_redo());
            if (icon_button(ICON_REDO, "redo", "Redo (Ctrl+Shift+Z)")) redo();
            mark("topbar.redo");
            ImGui::EndDisabled();
            ImGui::SameLine(0, 8);
        }
        if (!tiny) {  // Suggest mode (review_suggest.cpp); on a phone the top bar has no room: the Review section has it
            draw_suggest_toggle(false);
            ImGui::SameLine(0, 8);
        }
        if (const int open = open_comment_count(); open > 0) {  // open comments: a click goes to them
            const std::string label = std::string(ICON_COMMENT " ") + std::to_string(open) + "##comments";
            if (ImGui::Button(label.c_str())) scroll_to_section_ = "review";
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%d open comment%s", open, open == 1 ? "" : "s");
            mark("topbar.comments");
            ImGui::SameLine(0, 8);
        }
        if (primary_button(tiny ? ICON_SHARE "##share" : ICON_SHARE "  Share")) share_.open = true;
        mark("topbar.share");
        ImGui::SameLine(0, 8);
        if (ImGui::Button(tiny ? ICON_DOWNLOAD "##export" : ICON_DOWNLOAD "  Export")) ImGui::OpenPopup("export");
        mark("topbar.export");
        draw_export_menu();
        ImGui::SameLine(0, 8);
        if (icon_button(ICON_CHECK_CIRCLE, "panel", "Show or hide lint and metrics")) side_panel_open_ = !side_panel_open_;
        mark("topbar.panel");
        ImGui::SameLine(0, 4);
    }
    if (!tiny || !doc_) {  // on a phone with a document open: from the drafts sidebar (drafts.library)
        if (icon_button(ICON_BOOK, "library", "Library: search all postmortems (Ctrl+Shift+F)")) open_library();
        mark("topbar.library");
        ImGui::SameLine(0, 4);
    }
    if (icon_button(ICON_COG, "settings", "Settings and storage")) settings_.open = true;
    mark("topbar.settings");
    ImGui::SameLine(0, 4);
    if (icon_button(dark_ ? ICON_SUN : ICON_MOON, "theme", dark_ ? "Light theme" : "Dark theme")) set_dark(!dark_);
    mark("topbar.theme");
    const float measured = ImGui::GetItemRectMax().x - actions_x;
    if (std::fabs(measured - topbar_actions_w_) > 0.5f) {  // the set of buttons changed: place them again
        topbar_actions_w_ = measured;
        platform_.request_frame();
    }
}

}  // namespace hs::ui
