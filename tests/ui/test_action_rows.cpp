// The editor's action items table, run natively and headless: rows off screen are not built (they stand in at their
// last drawn height), and this must never show. Scrolling through a long table moves every row by exactly the
// scroll, the table keeps its height, and rows that were skipped can still be found and reached.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <string>

#include "app.h"
#include "core/format.h"
#include "headless.h"
#include "locate_util.h"

namespace {

using uitest::Rect;
using uitest::where;

// The editor on a 1280x800 screen with a document of 300 action items, its first frames drawn.
struct Editor {
    static constexpr float W = 1280, H = 800;
    hs::native::HeadlessRunner r{W, H};
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    Editor() {
        platform.fixed_now_ms = 1775570280000;
        REQUIRE(app.open_json(uitest::action_items_doc(300), "test"));
        for (int i = 0; i < 4; ++i) frame();
    }
    void frame() { r.frame([&] { app.frame(); }); }
};

}  // namespace

TEST_CASE("scrolling a long action items table moves rows by the scroll and keeps the table's height") {
    Editor e;
    auto& r = e.r;
    const float W = Editor::W, H = Editor::H;
    auto body = [&]() { e.app.frame(); };
    // Every frame, the distance from the first row to the add button (below the table) is the table's height.
    float height = -1;
    float last_first = 0;
    int frames_with_first_drawn_off_screen = 0;
    for (int f = 0; f < 400; ++f) {
        r.mouse_move(W * 0.45f, H * 0.6f);
        r.wheel(f < 200 ? -3.0f : 3.0f);
        r.frame(body);
        const Rect first = where(r, "field.action_items/ai-0/title");
        const Rect add = where(r, "add.action_items");
        const float h = add.y - first.y;
        if (height < 0) height = h;
        INFO("frame " << f);
        REQUIRE(h == Approx(height).margin(0.01));
        if (first.y + first.h < 0) ++frames_with_first_drawn_off_screen;
        last_first = first.y;
    }
    CHECK(frames_with_first_drawn_off_screen > 0);  // the test did scroll the first rows away
    (void)last_first;
}

TEST_CASE("a row far down the table, not drawn while off screen, is found and drawn when scrolled to") {
    Editor e;
    auto& r = e.r;
    const float W = Editor::W, H = Editor::H;
    auto body = [&]() { e.app.frame(); };
    const std::string name = "field.action_items/ai-250/title";
    Rect far = where(r, name);
    REQUIRE(far.y > H);  // below the window, not built: located at the row's stand-in
    // Scroll down until it is on screen, as a person would.
    for (int i = 0; i < 2000 && far.y > H * 0.5f; ++i) {
        r.mouse_move(W * 0.45f, H * 0.6f);
        r.wheel(-3.0f);
        r.frame(body);
        far = where(r, name);
    }
    REQUIRE(far.y <= H * 0.5f);
    REQUIRE(far.y >= 0);
    // Its own widgets are drawn now: the status dropdown sits beside the title, not over the whole row.
    const Rect status = where(r, "action.status.ai-250");
    CHECK(status.x > far.x + far.w);
    CHECK(status.w < W / 4);
}
