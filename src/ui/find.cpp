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
    find_.open = true;
    find_.focus = true;
    find_.stale = true;
    platform_.request_frame();
}

void App::find_update() {
    // The document can change under an open find bar (an edit, a lock handover, a merge): the current match stays
    // current if it is still there, so Enter goes on from where the user was.
    const bool same_query = find_.done_for == find_.query;
    TextSpan was;
    if (same_query && find_.index >= 0 && find_.index < static_cast<int>(find_.matches.size()))
        was = find_.matches[static_cast<size_t>(find_.index)];
    find_.stale = false;
    find_.done_for = find_.query;
    find_.matches.clear();
    find_.index = -1;
    if (!doc_ || find_.query.empty()) return;
    for (const auto& [path, section] : text_fields()) {
        const std::string* v = field(path);
        if (!v) continue;
        for (const TextMatch& m : find_all(*v, find_.query)) {
            if (find_.matches.size() >= kMaxMatches) return;
            if (!was.path.empty() && path == was.path && find_.index < 0 && m.start >= was.start)
                find_.index = static_cast<int>(find_.matches.size());
            find_.matches.push_back({path, section, m.start, m.end, {}});
        }
    }
}

void App::find_step(int dir) {
    if (find_.matches.empty()) return;
    const int n = static_cast<int>(find_.matches.size());
    find_.index = find_.index < 0 ? (dir > 0 ? 0 : n - 1) : ((find_.index + dir) % n + n) % n;
    const TextSpan& m = find_.matches[static_cast<size_t>(find_.index)];
    if (!m.section.empty()) scroll_to_section_ = m.section;
    scroll_to_path_ = m.path;
    platform_.request_frame();
}

void App::draw_find_bar(float width) {
    if (!find_.open || !doc_) return;
    if (find_.stale || find_.done_for != find_.query) find_update();
    const Palette& p = palette();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 6));
    ImGui::TextColored(p.text_muted, ICON_SEARCH);
    ImGui::SameLine();
    if (find_.focus) {
        text_input_focus("ui:find");
        find_.focus = false;
    }
    const float buttons = 230.0f;
    const InputResult in = text_input("ui:find", find_.query, "Find in this postmortem", std::max(120.0f, width - buttons),
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
        if (!in.enter) find_.focus = true;  // Enter leaves an ImGui text field: stay in it for the next Enter
    }
    ImGui::SameLine();
    std::string count;
    if (find_.query.empty()) count = "";
    else if (find_.matches.empty()) count = "No matches";
    else if (find_.index < 0) count = std::to_string(find_.matches.size()) + (find_.matches.size() >= kMaxMatches ? "+" : "") + " found";
    else count = std::to_string(find_.index + 1) + " of " + std::to_string(find_.matches.size());
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(find_.matches.empty() && !find_.query.empty() ? p.danger : p.text_muted, "%-12s", count.c_str());
    mark("find.count");
    ImGui::SameLine();
    if (icon_button(ICON_CHEVRON_UP, "find-prev", "Previous match (Shift+Enter)")) find_step(-1);
    mark("find.prev");
    ImGui::SameLine();
    if (icon_button(ICON_CHEVRON_DOWN, "find-next", "Next match (Enter)")) find_step(1);
    mark("find.next");
    ImGui::SameLine();
    if (icon_button(ICON_TIMES, "find-close", "Close (Esc)") || esc) {
        find_.open = false;
        find_.matches.clear();
        find_.index = -1;
    }
    mark("find.close");
    ImGui::PopStyleVar();
}

void App::draw_text_marks(const std::string& path, const std::string& value, float x, float y, float wrap_w) {
    const bool finding = find_.open && !find_.matches.empty();
    auto blame = blame_marks_.equal_range(path);
    if (!finding && blame.first == blame.second) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const Palette& p = palette();
    if (finding) {
        for (size_t i = 0; i < find_.matches.size(); ++i) {
            const TextSpan& m = find_.matches[i];
            if (m.path != path || m.end > value.size()) continue;
            const bool current = static_cast<int>(i) == find_.index;
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
