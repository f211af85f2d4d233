// The system's display preferences reach the canvas (Platform::media_prefs): with reduced motion nothing keeps
// frames coming for animation's sake (a timer draws the next change instead), Settings > Reduce motion overrides the
// system, and forced colours (high contrast) give a palette made of the system's colours with strong borders.
// Natively, headless, with the app's fonts.
#include <catch2/catch.hpp>

#include <string>

#include "a11y.h"
#include "app.h"
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

TEST_CASE("Settings > Reduce motion follows the system until the user chooses, as a combo box") {
    Run run;
    hs::ui::a11y_enable(true);
    hs::ui::a11y_reset();
    REQUIRE(run.app.open_json(kDoc, "motion.hindsight.json"));
    run.frames(2);
    run.click("topbar.settings");
    run.frames(2);
    bool found = false;
    for (const std::string& u : run.platform.a11y_updates) {
        const hs::Json d = hs::Json::parse(u);
        for (const hs::Json& n : d["n"])
            if (n[1] == "combobox" && n[2] == "Reduce motion") found = n[3] == "As the system says";
    }
    CHECK(found);
    hs::ui::a11y_enable(false);
    CHECK(!run.app.reduce_motion());
    run.click("settings.motion");
    run.frames(1);
    run.click("settings.motion.reduce");
    run.frames(1);
    CHECK(run.app.reduce_motion());
    run.platform.media.reduced_motion = true;  // the system agrees; then the user allows motion all the same
    run.app.media_changed();
    run.click("settings.motion");
    run.frames(1);
    run.click("settings.motion.allow");
    run.frames(1);
    CHECK(!run.app.reduce_motion());
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
