// Suggest mode, as a word processor's track changes: a reviewer types in the document's text fields as usual, and
// each edit, when it ends (the field loses the keyboard, Tab, Enter in a one-line field), becomes one suggestion of
// the words it changed (core/review.h suggest_edit) instead of a change of the text. The field shows its own text
// again, and the suggestion waits in the Review section and the field's margin for the author to accept or reject.
// The mode is kept per draft for this session; other changes (a status, an item added) are made as usual.
#include <algorithm>

#include "app.h"
#include "core/review.h"
#include "core/schema.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {

namespace {
// A draft is known by its id once stored; before that by its document's id.
std::string suggest_key(const std::string& draft_id, const Document& d) { return draft_id.empty() ? d.id : draft_id; }
}  // namespace

bool App::suggesting() const {
    if (!doc_) return false;
    const std::vector<std::string>& on = review_.suggesting;
    return std::find(on.begin(), on.end(), suggest_key(draft_id_, *doc_)) != on.end();
}

void App::toggle_suggesting() {
    if (!doc_) return;
    suggest_end(review_.suggest_path);  // an edit under way ends in the mode it began in
    const bool was = suggesting();
    std::vector<std::string>& on = review_.suggesting;
    if (was) on.erase(std::find(on.begin(), on.end(), suggest_key(draft_id_, *doc_)));
    else on.push_back(suggest_key(draft_id_, *doc_));
    review_.suggest_note.clear();
    // A field being edited goes on in the new mode from its current text.
    if (!active_path_.empty()) suggest_begin(active_path_);
    platform_.request_frame();
}

std::string& App::suggest_view(const std::string& path, std::string& value) {
    return path == review_.suggest_path ? review_.suggest_text : value;
}

void App::suggest_begin(const std::string& path) {
    if (!suggesting() || path.compare(0, 3, "ui:") == 0) return;
    const std::string* text = hs::text_field(*doc_, path);
    if (!text) return;
    review_.suggest_path = path;
    review_.suggest_text = *text;
}

bool App::suggest_input(const std::string& path, const std::string& text) {
    if (path.empty() || path != review_.suggest_path) return false;
    review_.suggest_text = text;
    platform_.request_frame();
    return true;
}

void App::suggest_end(const std::string& path) {
    if (path.empty() || path != review_.suggest_path || !doc_) return;
    const std::string after = std::move(review_.suggest_text);
    review_.suggest_path.clear();
    review_.suggest_text.clear();
    const std::string* before = hs::text_field(*doc_, path);
    if (before && *before == after) return;  // looked at, not changed
    reviewer_known();  // the name typed once, from storage
    std::string why;
    if (suggest_edit(*doc_, path, after, review_.reviewer, review_now(), why).empty()) {
        review_.suggest_note = why;
    } else {
        review_.suggest_note.clear();
        review_edited("Suggest a change");
        confirm("Suggestion added");
    }
    platform_.request_frame();
}

// The top bar's switch: a pencil, which says "Suggesting" in the accent colour while the mode is on.
void App::draw_suggest_toggle(bool tiny) {
    const bool on = suggesting();
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
    const bool clicked = on ? ImGui::Button(tiny ? ICON_PENCIL "##suggest" : ICON_PENCIL "  Suggesting##suggest")
                            : icon_button(ICON_PENCIL, "suggest", "Suggest changes instead of editing (Ctrl+Alt+Shift+X)");
    if (on) {
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Suggesting: click to edit directly again (Ctrl+Alt+Shift+X)");
    }
    mark(on ? "topbar.suggesting" : "topbar.suggest");
    if (clicked) toggle_suggesting();
}

// Above the document while the mode is on: what it does, the name suggestions go under, and why an edit was not kept.
void App::draw_suggest_banner(float w) {
    const Palette& p = palette();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::Indent(10);
    ImGui::PushTextWrapPos(a.x + w - 10);
    ImGui::TextColored(p.accent, ICON_PENCIL "  Suggesting");
    mark("editor.suggesting");
    ImGui::TextWrapped("What you type in a text field becomes a suggestion when you leave the field: the text stays "
                       "as it is until the author accepts it in the Review section.");
    if (!reviewer_known()) draw_reviewer_name("ui:review.suggest_name");
    if (!review_.suggest_note.empty()) review_note(review_.suggest_note, false, "editor.suggest_note");
    ImGui::PopTextWrapPos();
    ImGui::Unindent(10);
    ImGui::Dummy(ImVec2(0, 4));
    dl->ChannelsSetCurrent(0);
    const ImVec2 b(a.x + w, ImGui::GetCursorScreenPos().y);
    dl->AddRectFilled(a, b, col(p.accent, 0.12f), 6);
    dl->AddRect(a, b, col(p.accent), 6, 0, 1.5f);
    dl->ChannelsMerge();
    ImGui::Spacing();
}

}  // namespace hs::ui
