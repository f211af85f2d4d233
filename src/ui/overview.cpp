// The overview across drafts: how many postmortems by severity and status, the open and overdue action items of all
// of them (the team's follow-up debt), and the median time to detect and to resolve. Figures from core/overview.h.
#include <algorithm>
#include <vector>

#include "app.h"
#include "core/exporters/exporters.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

// A figure with its caption, in a framed box of width w.
void figure(const char* id, const std::string& value, const char* caption, const ImVec4& colour, float w) {
    ImGui::BeginChild(id, ImVec2(w, ImGui::GetTextLineHeight() * 2 + 34), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::PushFont(fonts().title);
    ImGui::TextColored(colour, "%s", value.c_str());
    ImGui::PopFont();
    ImGui::TextColored(palette().text_muted, "%s", caption);
    ImGui::EndChild();
    mark(std::string("overview.") + id);
}

struct CountRow {
    std::string label;
    int n = 0;
    ImVec4 colour;
};

// A titled table of counts: label, a bar in proportion to the largest count, the count.
void count_table(const char* title, const std::vector<CountRow>& rows, float w) {
    int max = 1;
    for (const CountRow& r : rows) max = std::max(max, r.n);
    ImGui::BeginGroup();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    if (ImGui::BeginTable(title, 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX, ImVec2(w, 0))) {
        ImGui::TableSetupColumn("l", ImGuiTableColumnFlags_WidthFixed, 90);
        ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_WidthFixed, 36);
        for (const CountRow& r : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.label.c_str());
            ImGui::TableNextColumn();
            ImVec2 a = ImGui::GetCursorScreenPos();
            const float bw = ImGui::GetContentRegionAvail().x, h = ImGui::GetTextLineHeight();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x, a.y + 3), ImVec2(a.x + bw * r.n / max, a.y + h - 2),
                                                      col(r.colour, 0.8f), 3.0f);
            ImGui::Dummy(ImVec2(bw, h));
            ImGui::TableNextColumn();
            ImGui::Text("%d", r.n);
        }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
}

std::string median_text(const std::optional<int64_t>& s) { return s ? format_duration(*s) : std::string("\xe2\x80\x94"); }

// Every action item of every draft by status, closed ones too: how much of the follow-up got done.
void draw_actions_by_status(const Overview& o, float w) {
    if (o.actions_by_status.empty()) return;
    const Palette& p = palette();
    std::vector<CountRow> rows;
    for (const std::string& s : vocab::kActionStatuses) {
        auto it = o.actions_by_status.find(s);
        if (it == o.actions_by_status.end()) continue;
        ActionItem probe;
        probe.status = s;
        const bool closed = !is_open_action(probe);
        rows.push_back({action_status_label(s), it->second, closed ? p.success : p.accent});
    }
    for (const auto& [s, n] : o.actions_by_status)  // statuses from newer builds or importers
        if (std::find(vocab::kActionStatuses.begin(), vocab::kActionStatuses.end(), s) == vocab::kActionStatuses.end())
            rows.push_back({action_status_label(s), n, p.text_muted});
    ImGui::Spacing();
    count_table("Action items by status", rows, w);
    mark("overview.actions_by_status");
}

}  // namespace

void App::draw_overview() {
    if (overview_open_ || ImGui::IsPopupOpen("Overview of all postmortems")) draw_overview_open();
}

void App::draw_overview_open() {
    if (!begin_dialog("Overview of all postmortems", overview_open_, 1000, 720)) return;
    const Palette& p = palette();
    if (store_ && ImGui::Button(ICON_HEARTBEAT "  Trends")) {  // the charts over time (trends.cpp)
        overview_open_ = false;
        open_trends();
    }
    mark("overview.trends");
    if (!store_) {
        muted_text("Your drafts are not loaded, so there is nothing to count.");
    } else {
        const Overview& o = cached_overview(utc_date(platform_.now_ms()));
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const float avail = ImGui::GetContentRegionAvail().x;
        const bool two_rows = avail < 700;
        const float fw = two_rows ? (avail - gap * 2) / 3 : (avail - gap * 4) / 5;
        figure("postmortems", std::to_string(o.drafts), "postmortems", p.text, fw);
        ImGui::SameLine();
        figure("open", std::to_string(o.open_actions), "open action items", p.accent, fw);
        ImGui::SameLine();
        figure("overdue", std::to_string(o.overdue_actions), "overdue", o.overdue_actions ? p.danger : p.success, fw);
        if (!two_rows) ImGui::SameLine();
        const std::string ttd_caption = "median time to detect (" + std::to_string(o.detect_samples) + ")";
        const std::string ttr_caption =
            "median time to resolve from impact start (" + std::to_string(o.resolve_samples) + ")";
        figure("ttd", median_text(o.median_time_to_detect_s), ttd_caption.c_str(), p.text, fw);
        ImGui::SameLine();
        figure("ttr", median_text(o.median_time_to_resolve_s), ttr_caption.c_str(), p.text, fw);
        help_tooltip("Medians over the postmortems whose timeline has the impact start and the detected and resolved "
                     "events; the number in brackets is how many. Postmortems without an impact start (paging tool "
                     "imports) are measured from detection and get their own median, never mixed in.");
        if (o.resolve_detection_samples > 0) {
            const std::string line = "Median time to resolve from detection, for " +
                                     std::to_string(o.resolve_detection_samples) +
                                     " postmortem(s) without an impact start: " +
                                     median_text(o.median_time_to_resolve_from_detection_s);
            muted_text(line.c_str());
            mark("overview.ttr_from_detection");
        }
        ImGui::Spacing();

        const float half = (avail - gap) / 2;
        std::vector<CountRow> sev, status;
        for (auto& [k, n] : o.by_severity)
            sev.push_back({k > 0 ? "SEV" + std::to_string(k) : std::string("Not set"), n, severity_colour(k)});
        for (auto& [k, n] : o.by_status) status.push_back({status_label(k), n, status_colour(k.c_str())});
        count_table("By severity", sev, half);
        mark("overview.by_severity");
        ImGui::SameLine();
        count_table("By status", status, half);
        mark("overview.by_status");
        draw_actions_by_status(o, avail);
        ImGui::Spacing();

        draw_overview_open_items(o, avail);
    }
    end_dialog(overview_open_, "overview.close", true);
}

// The open action items of every draft; a click opens the postmortem. On a phone (under 560 px)
// two columns: the item's owner, status and age under its title.
void App::draw_overview_open_items(const Overview& o, float avail) {
    const Palette& p = palette();
    ImGui::PushFont(fonts().bold);
    ImGui::Text("Open action items (%d)", o.open_actions);
    ImGui::PopFont();
    const float footer = ImGui::GetFrameHeightWithSpacing() + 6;
    if (o.open_items.empty()) {
        muted_text("No open action items: no follow-up debt.");
    } else if (const bool narrow = avail < 560;  // a phone: two columns, the item's details under its title
               ImGui::BeginTable(narrow ? "items_narrow" : "items", narrow ? 2 : 5,
                                 ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                     ImGuiTableFlags_SizingStretchProp,
                                 ImVec2(0, std::max(120.0f, ImGui::GetContentRegionAvail().y - footer)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        if (narrow) {
            ImGui::TableSetupColumn("Action item", ImGuiTableColumnFlags_WidthStretch, 3);
            ImGui::TableSetupColumn("Postmortem", ImGuiTableColumnFlags_WidthStretch, 2);
        } else {
            ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, 110);
            ImGui::TableSetupColumn("Action item", ImGuiTableColumnFlags_WidthStretch, 3);
            ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 1);
            ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, 90);
            ImGui::TableSetupColumn("Postmortem", ImGuiTableColumnFlags_WidthStretch, 2);
        }
        ImGui::TableHeadersRow();
        std::string open_id;
        // Thousands of rows across a large library, of differing heights (wrapped cells): only those in view.
        DraftsView& v = drafts_view_;
        TableRowSkipper rows(v.overview_row_h, v.overview_row_w, v.overview_row_font, o.open_items.size());
        for (size_t i = 0; i < o.open_items.size(); ++i) {
            if (!rows.draw(i)) continue;
            const OverdueItem& it = o.open_items[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextColumn();
            if (it.overdue) {  // the icon is in the UI font, the date in the mono one
                ImGui::TextColored(p.danger, ICON_WARNING);
                ImGui::SameLine(0, 4);
            }
            ImGui::PushFont(fonts().mono);
            ImGui::TextColored(it.overdue ? p.danger : p.text_muted, "%s",
                               it.item.due.empty() ? "no date" : it.item.due.c_str());
            ImGui::PopFont();
            if (!narrow) ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", it.item.title.empty() ? "(untitled)" : it.item.title.c_str());
            const std::string owner = it.item.owner.empty() ? "\xe2\x80\x94" : it.item.owner;
            // How long it has waited: days since its postmortem was written.
            const std::string age = it.age_days >= 0 ? std::to_string(it.age_days) + " d old" : std::string();
            if (narrow) {
                ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
                ImGui::TextWrapped("%s \xc2\xb7 %s%s%s", owner.c_str(), action_status_label(it.item.status).c_str(),
                                   age.empty() ? "" : " \xc2\xb7 ", age.c_str());
                ImGui::PopStyleColor();
            } else {
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", owner.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(action_status_label(it.item.status).c_str());
                if (!age.empty()) muted_text(age.c_str());
            }
            ImGui::TableNextColumn();
            // The whole title, wrapped in its column (a Selectable alone would cut it at one line).
            std::string t = it.draft_title.empty() ? std::string("Untitled postmortem") : it.draft_title;
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            const ImVec2 size = ImGui::CalcTextSize(t.c_str(), nullptr, false, w);
            if (ImGui::Selectable("##open", false, 0, ImVec2(w, size.y))) open_id = it.draft_id;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open this postmortem");
            ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, col(p.accent),
                                                t.c_str(), nullptr, w);
            ImGui::PopID();
        }
        rows.end();
        ImGui::EndTable();
        if (!open_id.empty()) {
            open_draft(open_id);
            overview_open_ = false;
        }
    }
}

}  // namespace hs::ui
