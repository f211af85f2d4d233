// Find in document (Ctrl+F) over every text field, and the marks drawn in text: find matches highlighted, and
// blameless-language findings (a blaming phrase, or a person named as the cause) underlined with their hint in a
// tooltip.
#include <algorithm>

#include "app.h"
#include "core/text.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

// Byte ranges of `needle` in `hay`, case-insensitive in every script (full case folding: a match can be longer or
// shorter than the query, "STRASSE" finds "Straße").
std::vector<TextMatch> find_all(const std::string& hay, const std::string& needle) {
    std::vector<TextMatch> out;
    if (needle.empty()) return out;
    for (TextMatch m = find_ci(hay, needle); m; m = find_ci(hay, needle, m.end)) out.push_back(m);
    return out;
}

const size_t kMaxMatches = 5000;  // a one-letter query in a huge document stays responsive

}  // namespace

std::string App::finding_path(const Finding& f) {
    if (f.item_id.empty()) return f.section == "impact" ? "impact.description" : f.section;
    const std::string field_name = f.field.empty() ? "text" : f.field;
    if (f.section == "lessons") {
        for (const char* l : {"lessons.went_well", "lessons.went_wrong", "lessons.got_lucky"})
            if (field(std::string(l) + "/" + f.item_id + "/text")) return std::string(l) + "/" + f.item_id + "/text";
    }
    if (f.section == "action_items" && f.field.empty()) return "action_items/" + f.item_id + "/title";
    return f.section + "/" + f.item_id + "/" + field_name;
}

void App::open_find() {
    if (!doc_) return;
    find_open_ = true;
    find_focus_ = true;
    find_stale_ = true;
    platform_.request_frame();
}

void App::find_update() {
    // The document can change under an open find bar (an edit, a lock handover, a merge): the current match stays
    // current if it is still there, so Enter goes on from where the user was.
    const bool same_query = find_done_for_ == find_query_;
    TextSpan was;
    if (same_query && find_index_ >= 0 && find_index_ < static_cast<int>(find_matches_.size()))
        was = find_matches_[static_cast<size_t>(find_index_)];
    find_stale_ = false;
    find_done_for_ = find_query_;
    find_matches_.clear();
    find_index_ = -1;
    if (!doc_ || find_query_.empty()) return;
    for (const auto& [path, section] : text_fields()) {
        const std::string* v = field(path);
        if (!v) continue;
        for (const TextMatch& m : find_all(*v, find_query_)) {
            if (find_matches_.size() >= kMaxMatches) return;
            if (!was.path.empty() && path == was.path && find_index_ < 0 && m.start >= was.start)
                find_index_ = static_cast<int>(find_matches_.size());
            find_matches_.push_back({path, section, m.start, m.end, {}});
        }
    }
}

void App::find_step(int dir) {
    if (find_matches_.empty()) return;
    const int n = static_cast<int>(find_matches_.size());
    find_index_ = find_index_ < 0 ? (dir > 0 ? 0 : n - 1) : ((find_index_ + dir) % n + n) % n;
    const TextSpan& m = find_matches_[static_cast<size_t>(find_index_)];
    if (!m.section.empty()) scroll_to_section_ = m.section;
    scroll_to_path_ = m.path;
    platform_.request_frame();
}

void App::draw_find_bar(float width) {
    if (!find_open_ || !doc_) return;
    if (find_stale_ || find_done_for_ != find_query_) find_update();
    const Palette& p = palette();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 6));
    ImGui::TextColored(p.text_muted, ICON_SEARCH);
    ImGui::SameLine();
    if (find_focus_) {
        text_input_focus("ui:find");
        find_focus_ = false;
    }
    const float buttons = 230.0f;
    const InputResult in = text_input("ui:find", find_query_, "Find in this postmortem", std::max(120.0f, width - buttons),
                                      kInputEnter);
    mark("find.input");
    bool enter = in.enter;
    // Natively, Enter leaves an ImGui field, which is focused again on the next frame: a press in between still counts.
    if (!enter && !ImGui::IsItemActive() && ImGui::IsWindowFocused() &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false))
        enter = true;
    const bool esc = in.escape || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) &&
                                   (ImGui::IsItemActive() || ImGui::IsItemDeactivated() || ImGui::IsWindowFocused()));
    if (enter) {
        find_step((in.enter ? in.shift : ImGui::GetIO().KeyShift) ? -1 : 1);
        if (!in.enter) find_focus_ = true;  // Enter leaves an ImGui text field: stay in it for the next Enter
    }
    ImGui::SameLine();
    std::string count;
    if (find_query_.empty()) count = "";
    else if (find_matches_.empty()) count = "No matches";
    else if (find_index_ < 0) count = std::to_string(find_matches_.size()) + (find_matches_.size() >= kMaxMatches ? "+" : "") + " found";
    else count = std::to_string(find_index_ + 1) + " of " + std::to_string(find_matches_.size());
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(find_matches_.empty() && !find_query_.empty() ? p.danger : p.text_muted, "%-12s", count.c_str());
    mark("find.count");
    ImGui::SameLine();
    if (icon_button(ICON_CHEVRON_UP, "find-prev", "Previous match (Shift+Enter)")) find_step(-1);
    mark("find.prev");
    ImGui::SameLine();
    if (icon_button(ICON_CHEVRON_DOWN, "find-next", "Next match (Enter)")) find_step(1);
    mark("find.next");
    ImGui::SameLine();
    if (icon_button(ICON_TIMES, "find-close", "Close (Esc)") || esc) {
        find_open_ = false;
        find_matches_.clear();
        find_index_ = -1;
    }
    mark("find.close");
    ImGui::PopStyleVar();
}

void App::draw_text_marks(const std::string& path, const std::string& value, float x, float y, float wrap_w) {
    const bool finding = find_open_ && !find_matches_.empty();
    auto blame = blame_marks_.equal_range(path);
    if (!finding && blame.first == blame.second) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const Palette& p = palette();
    if (finding) {
        for (size_t i = 0; i < find_matches_.size(); ++i) {
            const TextSpan& m = find_matches_[i];
            if (m.path != path || m.end > value.size()) continue;
            const bool current = static_cast<int>(i) == find_index_;
            for (const ImRect& r : text_range_rects(font, size, ImVec2(x, y), value, wrap_w, m.start, m.end)) {
                dl->AddRectFilled(r.Min, r.Max, col(current ? p.warning : p.accent, current ? 0.55f : 0.22f), 2.0f);
                if (current) mark_rect("find.current", r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight());
            }
        }
    }
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (auto it = blame.first; it != blame.second; ++it) {
        const TextSpan& m = it->second;
        if (m.end > value.size()) continue;  // the finding is from an older text; lint runs again after edits
        bool hovered = false;
        for (const ImRect& r : text_range_rects(font, size, ImVec2(x, y), value, wrap_w, m.start, m.end)) {
            squiggle(dl, r, col(p.warning));
            hovered = hovered || (r.Contains(mouse) && ImGui::IsWindowHovered());
            mark_rect("blame." + path, r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight());
        }
        if (hovered) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(360.0f);
            ImGui::TextUnformatted(m.tip.c_str());
            mark("blame.tip");
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
}

}  // namespace hs::ui
