// The system's display preferences reach the canvas (Platform::media_prefs): with reduced motion nothing keeps
// frames coming for animation's sake (a timer draws the next change instead), forced colours (high contrast) give a
// palette made of the system's colours with strong borders; and the timeline's lanes grow with the text size.
// Natively, headless, with the app's fonts.
#include <catch2/catch.hpp>

#include <string>

#include "a11y.h"
#include "app.h"
#include "fonts.h"
#include "headless.h"
#include "locate_util.h"
#include "theme.h"

namespace {

const char* kDoc = R"({"format":"hindsight.postmortem","version":1,"id":"pm-motion","title":"配送遅延 — Задержка доставки 📦",
  "summary":"Σύνοψη: orders waited 25 minutes for a courier.","severity":3,"status":"draft"})";

struct Run {
    hs::native::HeadlessRunner r{1280, 800};
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    void frames(int n) {
        for (int i = 0; i < n; ++i) r.frame([&] { app.frame(); });
    }
    void click(const std::string& name) { uitest::click(r, name, [&] { app.frame(); }); }
    // Opens the Share dialog, makes a plain link and copies it: "Link copied" shows for a while.
    void copy_link() {
        REQUIRE(app.open_json(kDoc, "motion.hindsight.json"));
        frames(2);
        click("topbar.share");
        frames(2);
        click("share.create");
        frames(2);
        click("share.copy");
        frames(1);
    }
};

bool same(const ImVec4& a, unsigned rgb) {
    const auto ch = [](float v) { return static_cast<unsigned>(v * 255.0f + 0.5f); };
    return (ch(a.x) << 16 | ch(a.y) << 8 | ch(a.z)) == rgb && a.w == 1.0f;
}

}  // namespace

TEST_CASE("reduced motion: a confirmation draws one timed frame, not a frame per refresh") {
    SECTION("motion allowed") {
        Run run;
        run.copy_link();
        CHECK(run.app.animating());  // the confirmation is drawn until it goes, frame after frame
    }
    SECTION("reduced motion") {
        Run run;
        run.platform.media.reduced_motion = true;
        run.app.media_changed();
        REQUIRE(run.app.reduce_motion());
        run.copy_link();
        CHECK(!run.app.animating());
        // A timer instead, for when the confirmation goes at the latest (the autosave's may be sooner).
        const int calls = run.platform.timer_calls;
        CHECK(run.platform.last_timer_ms > 0);
        CHECK(run.platform.last_timer_ms <= 2001);
        CHECK(uitest::shown(run.r, "share.copied"));  // still said, only not animated
        run.frames(1);
        CHECK(run.platform.timer_calls > calls);  // each frame drawn meanwhile sets it again
        run.frames(130);  // past the two seconds (the headless clock runs at 60 frames a second)
        CHECK(!run.app.animating());
        CHECK(!uitest::shown(run.r, "share.copied"));  // gone
    }
}

TEST_CASE("forced colours give the canvas the system's colours, strong borders and a Highlight focus ring") {
    Run run;
    run.frames(1);
    const ImVec4 light_bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    // A dark high-contrast scheme: Canvas, CanvasText, Highlight, HighlightText, ButtonFace, ButtonText.
    run.platform.media.forced_colors = true;
    const int scheme[] = {0x000000, 0xFFFFFF, 0x1AEBFF, 0x000000, 0x000000, 0xFFFFFF};
    std::copy(std::begin(scheme), std::end(scheme), run.platform.media.colours);
    run.app.media_changed();
    run.frames(2);
    const ImGuiStyle& s = ImGui::GetStyle();
    CHECK(hs::ui::palette().forced);
    CHECK(same(s.Colors[ImGuiCol_WindowBg], 0x000000));
    CHECK(same(s.Colors[ImGuiCol_Text], 0xFFFFFF));
    CHECK(same(s.Colors[ImGuiCol_TextDisabled], 0xFFFFFF));  // muted text is full contrast too
    CHECK(same(s.Colors[ImGuiCol_Border], 0xFFFFFF));
    CHECK(same(s.Colors[ImGuiCol_NavHighlight], 0x1AEBFF));
    CHECK(same(s.Colors[ImGuiCol_ButtonHovered], 0x000000));  // no translucent accent tints under light text
    CHECK(s.FrameBorderSize >= 2.0f);
    CHECK(same(hs::ui::severity_colour(1), 0xFFFFFF));
    // Colours the page could not read fall back to white on black with yellow highlights.
    for (int& c : run.platform.media.colours) c = -1;
    run.app.media_changed();
    run.frames(1);
    CHECK(same(ImGui::GetStyle().Colors[ImGuiCol_NavHighlight], 0xFFFF00));
    // Forced colours off: the theme comes back.
    run.platform.media.forced_colors = false;
    run.app.media_changed();
    run.frames(1);
    CHECK(!hs::ui::palette().forced);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    CHECK((bg.x == light_bg.x && bg.y == light_bg.y && bg.z == light_bg.z));
    CHECK(ImGui::GetStyle().FrameBorderSize == 1.0f);
}

TEST_CASE("with larger text the timeline canvas's label lanes grow with the font, each a line high at least") {
    Run run;
    hs::Json d = hs::Json::parse(kDoc);
    d["timeline"] = hs::Json::array();
    const char* texts[] = {"Courier app stopped taking orders", "Очередь заказов растёт", "配送APIが応答しない",
                           "Επανεκκίνηση της υπηρεσίας 🚚", "Orders flow again"};
    for (int i = 0; i < 5; ++i)
        d["timeline"].push_back({{"id", "ev-" + std::to_string(i)},
                                 {"time", "2026-05-11T09:0" + std::to_string(i) + ":00Z"},
                                 {"type", "action"}, {"description", texts[i]}});
    REQUIRE(run.app.open_json(d.dump(), "motion.hindsight.json"));
    // The label lanes fill the band from the canvas's top to the communication lane: five lanes and the rows above
    // them (phases, ticks, the axis, markers and clusters), 203 px at 100 %.
    const auto lanes_band = [&](int percent) {
        hs::ui::set_text_size(percent);
        run.frames(3);
        const uitest::Rect canvas = uitest::where(run.r, "timeline.canvas");
        const uitest::Rect comm = uitest::where(run.r, "timeline.comm_lane");
        return comm.y - canvas.y;
    };
    const float at100 = lanes_band(100);
    CHECK(at100 == Approx(203));  // unchanged at the default size
    for (int percent : {175, 200}) {
        const float band = lanes_band(percent);
        const float lane_h = band / 203 * 21;  // the rows keep their proportions
        INFO(percent << " %: band " << band << " px, lane " << lane_h << " px, line " << ImGui::GetTextLineHeight());
        CHECK(band == Approx(at100 * percent / 100.0f).margin(1));
        CHECK(lane_h >= ImGui::GetTextLineHeight());  // a label no longer reaches into the next lane
    }
    hs::ui::set_text_size(100);
    run.frames(1);
}
