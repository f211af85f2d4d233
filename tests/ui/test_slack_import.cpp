// The Slack export dialog, natively and headless: a whole export's .zip opened as a file lists its channels with
// their message counts and the time window; unticking a channel and narrowing the window import only what is left.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "app.h"
#include "core/format.h"
#include "headless.h"
#include "imgui.h"
#include "locate_util.h"

using uitest::Rect;
using uitest::where;

namespace {

std::string export_zip() {
    std::ifstream in(std::string(HS_SOURCE_DIR) + "/tests/data/zip/slack-export.zip", std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void click(hs::native::HeadlessRunner& r, hs::ui::App& app, const std::string& name) {
    const Rect b = where(r, name);
    r.mouse_move(b.x + b.w / 2, b.y + b.h / 2);
    r.frame([&] { app.frame(); });
    r.mouse_button(0, true);
    r.frame([&] { app.frame(); });
    r.mouse_button(0, false);
    for (int i = 0; i < 3; ++i) r.frame([&] { app.frame(); });
}

// The app with the export's .zip opened: the dialog drawn, nothing imported yet.
struct Dialog {
    hs::native::HeadlessRunner r{1000, 760};
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    Dialog() {
        r.frame([&] { app.frame(); });
        REQUIRE(app.open_file("slack-export.zip", export_zip()));
        for (int i = 0; i < 3; ++i) r.frame([&] { app.frame(); });
    }
};

}  // namespace

TEST_CASE("a Slack export .zip opens the channel and window dialog; Import keeps only what is chosen") {
    Dialog f;
    hs::native::HeadlessRunner& r = f.r;
    hs::ui::App& app = f.app;
    CHECK_FALSE(app.has_document());  // nothing is imported before the choice
    where(r, "slack.channel.inc-checkout");
    where(r, "slack.from");
    click(r, app, "slack.channel.inc-checkout");  // untick: only #inc-payments
    click(r, app, "slack.import");
    REQUIRE(app.has_document());
    const hs::Document& d = *app.document();
    REQUIRE(d.timeline.size() == 4);
    for (const hs::Event& e : d.timeline) CHECK(e.tags == std::vector<std::string>{"inc-payments"});
    CHECK(d.timeline[1].description == "Платежи тоже падают? @Дежурный инженер посмотри, пожалуйста. cc @U999GONE");
    CHECK(d.timeline[3].author == "Дежурный инженер");
}

TEST_CASE("the Slack export dialog says what is wrong with a window that cannot be read, and imports nothing") {
    Dialog f;
    hs::native::HeadlessRunner& r = f.r;
    hs::ui::App& app = f.app;
    click(r, app, "slack.channel.inc-checkout");
    click(r, app, "slack.channel.inc-payments");  // none left
    click(r, app, "slack.import");
    where(r, "slack.error");
    CHECK_FALSE(app.has_document());
    // A refused archive explains itself in the usual message, and no dialog opens.
    hs::ui::App other{f.platform};
    CHECK_FALSE(other.open_file("cut.zip", export_zip().substr(0, 1200)));
    CHECK_FALSE(other.has_document());
}

TEST_CASE("the Slack export dialog's time window is edited as text and keeps only the messages inside it") {
    Dialog f;
    hs::native::HeadlessRunner& r = f.r;
    hs::ui::App& app = f.app;
    // Replaces a field's text as a person would: click, select all, type.
    auto type_into = [&](const std::string& name, const char* text) {
        click(r, app, name);
        r.modifiers(true, false);
        r.key(ImGuiKey_A, true);
        r.frame([&] { app.frame(); });
        r.key(ImGuiKey_A, false);
        r.modifiers(false, false);
        r.frame([&] { app.frame(); });
        ImGui::GetIO().AddInputCharactersUTF8(text);
        for (int i = 0; i < 2; ++i) r.frame([&] { app.frame(); });
    };
    type_into("slack.from", "2026-03-01T22:05:00+09:00");  // 13:05 UTC
    type_into("slack.to", "2026-03-01T13:20:00Z");
    click(r, app, "slack.import");
    REQUIRE(app.has_document());
    const hs::Document& d = *app.document();
    REQUIRE(d.timeline.size() == 3);
    CHECK(hs::format_utc(d.timeline.front().time) == "2026-03-01T13:05:00Z");
    CHECK(d.timeline.back().description == "決済は影響なし 🙏 詳細は #inc-checkout へ");
}
