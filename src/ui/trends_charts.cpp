// The trends view's charts, drawn with ImGui's draw lists (no chart library is packaged in Debian): incidents per
// month by severity (stacked bars), median times to detect, acknowledge and resolve (lines with points), the most
// frequent factor categories and services (horizontal bars), action items opened and closed (paired bars) and the
// overdue ones by days past due. Each has a Table toggle showing the same figures. Colours come from the theme's
// palette; every edge is rounded to the framebuffer's pixels so that lines stay sharp at any device pixel ratio.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.h"
#include "core/model.h"
#include "fonts.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

constexpr float kChartHeight = 190;
constexpr float kAxisWidth = 64;    // left of the plot: the value labels
constexpr float kAxisHeight = 22;   // below the plot: the month labels
constexpr float kBarRowHeight = 22;
constexpr size_t kTopCount = 8;     // rows of the horizontal bar charts
constexpr int kTicks = 4;
constexpr int kSeverityOrder[] = {1, 2, 3, 4, 5, 0};
constexpr const char* kMedianNames[] = {"Detect", "Acknowledge", "Resolve"};

// To the framebuffer's pixel grid (crisp edges on a HiDPI screen).
float snap(float v) {
    const float s = std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x);
    return std::round(v * s) / s;
}
ImVec2 snap(ImVec2 v) { return ImVec2(snap(v.x), snap(v.y)); }

// A round step (1, 2 or 5 times a power of ten, counted without libm's pow and log10, which the editor's wasm does
// not otherwise carry) so that kTicks steps cover `max`.
double nice_step(double max) {
    const double raw = max / kTicks;
    double mag = 1;
    while (mag * 10 <= raw) mag *= 10;
    while (mag > raw && mag > 1e-3) mag /= 10;
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (f * mag >= raw) return f * mag;
    return 10 * mag;
}

std::string count_text(double v) { return std::to_string(static_cast<long long>(std::llround(v))); }
std::string duration_text(double s) { return s < 0 ? std::string("\xe2\x80\x94") : format_duration(std::llround(s)); }

struct Plot {
    ImVec2 min, max;  // the plotting area
    double top = 1;   // the value at max.y's opposite edge
    float y(double v) const { return snap(max.y - static_cast<float>(v / top) * (max.y - min.y)); }
};

// The frame of a vertical chart: value gridlines and labels (`label` formats a value), and the plot's area.
Plot axes(double max_value, std::string (*label)(double)) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(w, kChartHeight));
    Plot pl;
    pl.min = snap(ImVec2(at.x + kAxisWidth, at.y + ImGui::GetFontSize() / 2));
    pl.max = snap(ImVec2(at.x + w - 8, at.y + kChartHeight - kAxisHeight));
    const double step = nice_step(max_value);
    pl.top = step * kTicks;
    for (int i = 0; i <= kTicks; ++i) {
        const float y = pl.y(step * i);
        dl->AddLine(ImVec2(pl.min.x, y), ImVec2(pl.max.x, y), col(p.border), 1.0f);
        const std::string t = label(step * i);
        const ImVec2 ts = ImGui::CalcTextSize(t.c_str());
        dl->AddText(snap(ImVec2(pl.min.x - ts.x - 6, y - ts.y / 2)), col(p.text_muted), t.c_str());
    }
    return pl;
}

// Month labels under the plot, as many as fit without touching ("2026-03").
void month_labels(const Plot& pl, const std::vector<TrendsFigures::Month>& months) {
    if (months.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float slot = (pl.max.x - pl.min.x) / static_cast<float>(months.size());
    const float lw = ImGui::CalcTextSize("2026-03").x + 12;
    const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil(lw / std::max(slot, 1.0f))));
    for (size_t i = 0; i < months.size(); i += every) {
        const ImVec2 ts = ImGui::CalcTextSize(months[i].month.c_str());
        const float cx = pl.min.x + slot * (static_cast<float>(i) + 0.5f);
        const float x = std::clamp(cx - ts.x / 2, pl.min.x - kAxisWidth / 2, pl.max.x - ts.x);
        dl->AddText(snap(ImVec2(x, pl.max.y + 4)), col(palette().text_muted), months[i].month.c_str());
    }
}

void legend(const char* const* names, const ImVec4* colours, size_t n) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float box = ImGui::GetFontSize() * 0.7f;
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < n; ++i) {
        if (i) same_line_if_fits(box + 18 + ImGui::CalcTextSize(names[i]).x, right);  // a phone: wraps
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float y = at.y + (ImGui::GetTextLineHeight() - box) / 2;
        dl->AddRectFilled(snap(ImVec2(at.x, y)), snap(ImVec2(at.x + box, y + box)), col(colours[i]), 2.0f);
        ImGui::Dummy(ImVec2(box + 4, ImGui::GetTextLineHeight()));
        ImGui::SameLine(0, 0);
        ImGui::TextColored(palette().text_muted, "%s", names[i]);
    }
}

void severity_bars(const TrendsFigures& f) {
    const char* names[] = {"SEV1", "SEV2", "SEV3", "SEV4", "SEV5", "Not set"};
    ImVec4 colours[6];
    for (int i = 0; i < 6; ++i) colours[i] = severity_colour(kSeverityOrder[i]);
    legend(names, colours, 6);
    int most = 1;
    for (const auto& m : f.months) most = std::max(most, m.incidents);
    const Plot pl = axes(most, count_text);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float slot = (pl.max.x - pl.min.x) / static_cast<float>(std::max<size_t>(1, f.months.size()));
    const float bar = std::max(2.0f, slot * 0.7f);
    for (size_t i = 0; i < f.months.size(); ++i) {
        const float x0 = snap(pl.min.x + slot * static_cast<float>(i) + (slot - bar) / 2), x1 = snap(x0 + bar);
        int below = 0;
        for (int k = 0; k < 6; ++k) {
            const int n = f.months[i].by_severity[kSeverityOrder[k]];
            if (!n) continue;
            dl->AddRectFilled(ImVec2(x0, pl.y(below + n)), ImVec2(x1, pl.y(below)), col(colours[k]));
            below += n;
        }
    }
    month_labels(pl, f.months);
}

void median_lines(const TrendsFigures& f) {
    const Palette& p = palette();
    const ImVec4 colours[] = {p.accent, p.warning, p.success};
    legend(kMedianNames, colours, 3);
    double most = 60;
    for (const auto& m : f.months)
        for (double v : m.median_s) most = std::max(most, v);
    const Plot pl = axes(most, duration_text);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float slot = (pl.max.x - pl.min.x) / static_cast<float>(std::max<size_t>(1, f.months.size()));
    for (int k = 0; k < 3; ++k) {
        ImVec2 last(0, 0);
        bool have_last = false;  // a month with no figure breaks the line
        for (size_t i = 0; i < f.months.size(); ++i) {
            const double v = f.months[i].median_s[k];
            if (v < 0) {
                have_last = false;
                continue;
            }
            const ImVec2 pt(snap(pl.min.x + slot * (static_cast<float>(i) + 0.5f)), pl.y(v));
            if (have_last) dl->AddLine(last, pt, col(colours[k]), 2.0f);
            dl->AddCircleFilled(pt, 3.5f, col(colours[k]));
            last = pt;
            have_last = true;
        }
    }
    month_labels(pl, f.months);
}

void opened_closed_bars(const TrendsFigures& f) {
    const Palette& p = palette();
    const char* names[] = {"Opened", "Closed now"};
    const ImVec4 colours[] = {p.warning, p.success};
    legend(names, colours, 2);
    int most = 1;
    for (const auto& m : f.months) most = std::max({most, m.opened, m.closed});
    const Plot pl = axes(most, count_text);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float slot = (pl.max.x - pl.min.x) / static_cast<float>(std::max<size_t>(1, f.months.size()));
    const float bar = std::max(1.0f, slot * 0.35f);
    for (size_t i = 0; i < f.months.size(); ++i) {
        const float x0 = pl.min.x + slot * static_cast<float>(i) + slot * 0.15f;
        const int v[] = {f.months[i].opened, f.months[i].closed};
        for (int k = 0; k < 2; ++k) {
            if (!v[k]) continue;
            const float a = snap(x0 + bar * static_cast<float>(k)), b = snap(a + bar);
            dl->AddRectFilled(ImVec2(a, pl.y(v[k])), ImVec2(b, pl.y(0)), col(colours[k]));
        }
    }
    month_labels(pl, f.months);
}

// Horizontal bars of the first kTopCount `rows`, names on the left, counts at the bars' ends.
void count_bars(const std::vector<TrendsFigures::Count>& rows, const ImVec4& colour, const char* none) {
    const Palette& p = palette();
    if (rows.empty()) return muted_text(none);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const size_t n = std::min(rows.size(), kTopCount);
    int most = 1;
    float name_w = 0;
    for (size_t i = 0; i < n; ++i) {
        most = std::max(most, rows[i].count);
        name_w = std::max(name_w, ImGui::CalcTextSize(rows[i].name.c_str()).x);
    }
    const float w = ImGui::GetContentRegionAvail().x;
    name_w = std::min(name_w + 12, w * 0.4f);
    const float count_w = ImGui::CalcTextSize("00000").x;
    for (size_t i = 0; i < n; ++i) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(w, kBarRowHeight));
        const std::string name = fit_text(rows[i].name, name_w - 12);
        const float ty = at.y + (kBarRowHeight - ImGui::GetFontSize()) / 2;
        dl->AddText(snap(ImVec2(at.x, ty)), col(p.text), name.c_str());
        const float span = w - name_w - count_w - 8;
        const float len = span * static_cast<float>(rows[i].count) / static_cast<float>(most);
        const ImVec2 a = snap(ImVec2(at.x + name_w, at.y + 3)), b = snap(ImVec2(at.x + name_w + len, at.y + kBarRowHeight - 3));
        dl->AddRectFilled(a, b, col(colour), 2.0f);
        dl->AddText(snap(ImVec2(b.x + 6, ty)), col(p.text_muted), std::to_string(rows[i].count).c_str());
    }
    if (rows.size() > n) muted_text(("and " + std::to_string(rows.size() - n) + " more (see the table)").c_str());
}

// The figures of chart `which` as a table: the worker's text, a row per line, cells separated by tabs.
void figures_table(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        rows.emplace_back();
        for (size_t c = at; c <= end;) {
            size_t tab = text.find('\t', c);
            if (tab == std::string::npos || tab > end) tab = end;
            rows.back().push_back(text.substr(c, tab - c));
            c = tab + 1;
        }
        at = end + 1;
    }
    if (rows.empty() || rows[0].empty()) return;
    const int cols = static_cast<int>(rows[0].size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchSame;
    const float h = std::min(kChartHeight, ImGui::GetFrameHeight() * static_cast<float>(rows.size()) + 4);
    if (!ImGui::BeginTable("figures", cols, flags, ImVec2(0, h))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const std::string& head : rows[0]) ImGui::TableSetupColumn(head.c_str());
    ImGui::TableHeadersRow();
    for (size_t r = 1; r < rows.size(); ++r) {
        ImGui::TableNextRow();
        for (const std::string& cell : rows[r]) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(cell.c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace

void App::draw_trends_charts() {
    const TrendsFigures& f = trends_.figures;
    const Palette& p = palette();
    ImGui::PushTextWrapPos(0);
    ImGui::Text("%d postmortems%s%s%s. Action items: %d open, %d overdue on %s.", f.incidents,
                f.months.empty() ? "" : (", " + f.months.front().month + " to " + f.months.back().month).c_str(),
                f.undated ? ", " : "", f.undated ? (std::to_string(f.undated) + " without a date").c_str() : "",
                f.open_actions, f.overdue_actions, f.today.c_str());
    ImGui::PopTextWrapPos();
    mark("trends.summary");
    const char* titles[TrendsState::kCharts] = {"Incidents per month by severity",
                                                "Median time to detect, acknowledge and resolve",
                                                "Most frequent contributing-factor categories",
                                                "Most affected services",
                                                "Action items opened and closed per month",
                                                "Overdue action items by days past due"};
    for (int c = 0; c < TrendsState::kCharts; ++c) {
        ImGui::PushID(c);
        ImGui::Spacing();
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(titles[c]);
        ImGui::PopFont();
        mark("trends.chart." + std::to_string(c));
        const float tw = ImGui::GetFrameHeight() + ImGui::CalcTextSize("Table").x + 8;
        const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + tw > right) ImGui::NewLine();  // a long title on a phone: below it
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - tw));
        ImGui::Checkbox("Table", &trends_.table[c]);
        mark("trends.table." + std::to_string(c));
        if (trends_.table[c]) {
            figures_table(f.tables[c]);
            mark("trends.figures." + std::to_string(c));
        } else if (c == 0) {
            severity_bars(f);
        } else if (c == 1) {
            median_lines(f);
        } else if (c == 2) {
            count_bars(f.categories, p.accent, "No contributing factors yet.");
        } else if (c == 3) {
            count_bars(f.services, p.info, "No services recorded yet: add them at the top of each postmortem.");
        } else if (c == 4) {
            opened_closed_bars(f);
        } else {
            count_bars(f.overdue_actions ? f.ageing : std::vector<TrendsFigures::Count>(), p.danger,
                       "No overdue action items.");
        }
        ImGui::PopID();
    }
}

}  // namespace hs::ui
