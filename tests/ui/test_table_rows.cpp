// TableRowSkipper (widgets.h): a scrolling table of thousands of rows of differing heights draws only the rows in
// view once they are measured, keeps the scroll range of the whole table, and reaches its last row at the bottom.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "headless.h"
#include "imgui.h"
#include "widgets.h"

namespace {

// Row i's text: one to four wrapped lines of mixed scripts.
std::string row_text(size_t i) {
    static const char* const kWords[] = {"決済APIのタイムアウト", "Сбой платёжного шлюза", "Διακοπή βάσης", "rollback 🔥"};
    std::string t = "#" + std::to_string(i) + " ";
    for (size_t k = 0; k < (i * 7) % 13; ++k) t += std::string(kWords[(i + k) % 4]) + " ";
    return t;
}

struct Table {
    std::vector<float> heights;
    float key_w = -1, key_font = 0;
    std::vector<size_t> drawn;  // rows drawn in the last frame
    float content_h = 0, scroll_max = 0, last_row_y = -1, window_bottom = 0;

    void draw(size_t rows, float scroll_to, float width = 600) {  // scroll_to < 0: leave the scroll where it is
        drawn.clear();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(width, 500));
        ImGui::Begin("rows", nullptr, ImGuiWindowFlags_NoDecoration);
        if (ImGui::BeginTable("t", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
                              ImVec2(0, 400))) {
            if (scroll_to >= 0) ImGui::SetScrollY(scroll_to);
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_WidthFixed, 60);
            ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            hs::ui::TableRowSkipper skip(heights, key_w, key_font, rows);
            for (size_t i = 0; i < rows; ++i) {
                if (!skip.draw(i)) continue;
                drawn.push_back(i);
                ImGui::TableNextColumn();
                ImGui::Text("%zu", i);
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", row_text(i).c_str());
                if (i + 1 == rows) last_row_y = ImGui::GetItemRectMin().y;
            }
            skip.end();
            scroll_max = ImGui::GetScrollMaxY();
            window_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
            ImGui::EndTable();
        }
        ImGui::End();
    }
};

}  // namespace

TEST_CASE("table rows of differing heights: only those in view are drawn, the scroll range is the whole table") {
    hs::native::HeadlessRunner r(800, 600);
    Table t;
    const size_t n = 3000;
    // The first frames measure the rows, a bounded number a frame off screen.
    for (int i = 0; i < 3; ++i) r.frame([&] { t.draw(n, -1); });
    CHECK(t.drawn.size() <= static_cast<size_t>(hs::ui::TableRowSkipper::kMeasurePerFrame) + 40);
    for (int i = 0; i < 40; ++i) r.frame([&] { t.draw(n, -1); });
    size_t measured = 0;
    float total = 0;
    for (float h : t.heights) {
        measured += h > 0;
        total += h;
    }
    CHECK(measured == n);
    // Measured: a frame draws only the rows in view (400 px of rows at least one line each, and a few more).
    r.frame([&] { t.draw(n, -1); });
    CHECK(!t.drawn.empty());
    CHECK(t.drawn.front() == 0);
    CHECK(t.drawn.size() < 40);
    // Rows differ in height, and the scroll range covers all of them.
    float lo = 1e9f, hi = 0;
    for (size_t i = 0; i < n; ++i) {
        lo = std::min(lo, t.heights[i]);
        hi = std::max(hi, t.heights[i]);
    }
    CHECK(hi > lo * 2);
    CHECK(t.scroll_max > total - 400 - hi);
    // At the bottom: the last rows are drawn, and the last one is on screen.
    r.frame([&] { t.draw(n, 1e9f); });
    r.frame([&] { t.draw(n, -1); });
    REQUIRE(!t.drawn.empty());
    CHECK(t.drawn.back() == n - 1);
    CHECK(t.drawn.size() < 40);
    CHECK(t.last_row_y > 0);
    CHECK(t.last_row_y < t.window_bottom);
    // In the middle: the rows drawn are consecutive and around the place scrolled to.
    r.frame([&] { t.draw(n, t.scroll_max / 2); });
    r.frame([&] { t.draw(n, -1); });
    REQUIRE(t.drawn.size() > 2);
    CHECK(t.drawn.back() - t.drawn.front() + 1 == t.drawn.size());
    CHECK(t.drawn.front() > n / 4);
    CHECK(t.drawn.back() < n * 3 / 4);
    // A narrower table wraps differently: its rows are measured again.
    r.frame([&] { t.draw(n, -1, 300); });
    r.frame([&] { t.draw(n, -1, 300); });
    REQUIRE(!t.drawn.empty());
    size_t remeasured = 0;
    for (float h : t.heights) remeasured += h > 0;
    CHECK(remeasured < measured);
    CHECK(t.drawn.size() <= static_cast<size_t>(hs::ui::TableRowSkipper::kMeasurePerFrame) + 40);  // measured again a bounded number a frame
}
