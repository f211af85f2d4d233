// The date picker for due dates: a calendar button beside the field opens a month grid (Monday first) with the
// chosen day and today marked, month navigation, Today and Clear. Dates are plain calendar dates, "YYYY-MM-DD".
#include <cstdio>

#include "core/model.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};

int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

std::string ymd(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

}  // namespace

bool date_picker(const std::string& id, std::string& date, int64_t now_ms) {
    bool changed = false;
    ImGui::PushID(id.c_str());
    const int64_t today_days = now_ms >= 0 ? now_ms / 86400000 : (now_ms - 86399999) / 86400000;
    int ty = 1970, tm = 1, td = 1;
    {  // today's civil date from days since 1970-01-01 (inverse of days_from_civil, by search over the year)
        ty = static_cast<int>(1970 + today_days / 366);
        while (days_from_civil(ty + 1, 1, 1) <= today_days) ++ty;
        while (tm < 12 && days_from_civil(ty, static_cast<unsigned>(tm + 1), 1) <= today_days) ++tm;
        td = static_cast<int>(today_days - days_from_civil(ty, static_cast<unsigned>(tm), 1)) + 1;
    }
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID kView = ImGui::GetID("view");  // year * 12 + month - 1 shown in the grid
    if (icon_button(ICON_CALENDAR, "open", "Pick a date")) {
        int y = ty, m = tm;
        if (is_calendar_date(date)) y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2));
        st->SetInt(kView, y * 12 + m - 1);
        ImGui::OpenPopup("calendar");
    }
    mark("datepicker." + id);
    if (ImGui::BeginPopup("calendar")) {
        const Palette& p = palette();
        int view = st->GetInt(kView, ty * 12 + tm - 1);
        const int y = view / 12, m = view % 12 + 1;
        if (ImGui::ArrowButton("prev", ImGuiDir_Left)) st->SetInt(kView, view - 1);
        mark("datepicker.prev");
        ImGui::SameLine();
        char title[32];
        std::snprintf(title, sizeof title, "%s %d", kMonths[m - 1], y);
        const float grid_w = 7 * 34.0f;
        ImGui::SetCursorPosX((grid_w - ImGui::CalcTextSize(title).x) * 0.5f + ImGui::GetStyle().WindowPadding.x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(title);
        ImGui::SameLine(grid_w + ImGui::GetStyle().WindowPadding.x - ImGui::GetFrameHeight());
        if (ImGui::ArrowButton("next", ImGuiDir_Right)) st->SetInt(kView, view + 1);
        mark("datepicker.next");
        if (ImGui::BeginTable("grid", 7, ImGuiTableFlags_SizingFixedSame)) {
            for (const char* wd : {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}) {
                ImGui::TableNextColumn();
                ImGui::TextColored(p.text_muted, "%s", wd);
            }
            const int64_t first = days_from_civil(y, static_cast<unsigned>(m), 1);
            const int lead = static_cast<int>(((first % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
            for (int i = 0; i < lead; ++i) ImGui::TableNextColumn();
            for (int d = 1; d <= days_in_month(y, m); ++d) {
                ImGui::TableNextColumn();
                const std::string s = ymd(y, m, d);
                const bool chosen = s == date, today = y == ty && m == tm && d == td;
                if (today) ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
                char label[8];
                std::snprintf(label, sizeof label, "%2d", d);
                if (ImGui::Selectable(label, chosen, 0, ImVec2(26, 0))) {
                    date = s;
                    changed = true;
                    ImGui::CloseCurrentPopup();
                }
                mark("datepicker.day." + s);
                if (today) ImGui::PopStyleColor();
            }
            ImGui::EndTable();
        }
        if (ImGui::SmallButton("Today")) {
            date = ymd(ty, tm, td);
            changed = true;
            ImGui::CloseCurrentPopup();
        }
        mark("datepicker.today");
        ImGui::SameLine();
        if (!date.empty()) {
            if (ImGui::SmallButton("Clear")) {
                date.clear();
                changed = true;
                ImGui::CloseCurrentPopup();
            }
            mark("datepicker.clear");
        }
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return changed;
}

}  // namespace hs::ui
