// The welcome screen on a phone: its buttons wrap instead of running off the right edge, and sample titles too long
// for the column are cut with an ellipsis (the full title shows on hover). Natively, headless, with the app's fonts.
#include <catch2/catch.hpp>

#include <string>

#include "app.h"
#include "core/embedded.h"
#include "headless.h"
#include "locate_util.h"
#include "widgets.h"

using uitest::Rect;
using uitest::where;

TEST_CASE("fit_text keeps text that fits, and cuts what does not at a grapheme cluster, with an ellipsis, within the width") {
    hs::native::HeadlessRunner r(800, 600);
    r.frame([] {
        const std::string text = "Stock levels unavailable after the inventory-service certificate expired (Zürich)";
        const float full = ImGui::CalcTextSize(text.c_str()).x;
        CHECK(hs::ui::fit_text(text, full + 1) == text);
        for (float w : {40.0f, 120.0f, full * 0.5f, full - 1}) {
            const std::string cut = hs::ui::fit_text(text, w);
            INFO("width " << w << ": " << cut);
            CHECK(cut.size() >= 3);
            CHECK(cut.substr(cut.size() - 3) == "\xe2\x80\xa6");
            CHECK(ImGui::CalcTextSize(cut.c_str()).x <= w);
            CHECK(text.compare(0, cut.size() - 3, cut, 0, cut.size() - 3) == 0);  // a prefix of the text
        }
        // A cut never splits the two bytes of "ü" (at a width between the two, it keeps or drops the whole letter).
        const size_t u = text.find("\xc3\xbc");
        const float upto = ImGui::CalcTextSize(text.data(), text.data() + u + 1).x +
                           ImGui::CalcTextSize("\xe2\x80\xa6").x;
        const std::string at_u = hs::ui::fit_text(text, upto);
        CHECK((at_u.find('\xc3') == std::string::npos || at_u.find("\xc3\xbc\xe2\x80\xa6") != std::string::npos));
        // Nor a letter and its combining mark: "e" + U+0301 goes whole or stays whole.
        const std::string cafe = "Cafe\xcc\x81 au lait";
        const float to_e = ImGui::CalcTextSize("Cafe").x + ImGui::CalcTextSize("\xe2\x80\xa6").x;
        const std::string at_e = hs::ui::fit_text(cafe, to_e);
        INFO(at_e);
        CHECK((at_e == "Caf\xe2\x80\xa6" || at_e == "Cafe\xcc\x81\xe2\x80\xa6"));
    });
}

TEST_CASE("on a 390 px phone the welcome screen's buttons and sample titles stay on screen") {
    const float W = 390, H = 844;
    hs::native::HeadlessRunner r(W, H);
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    for (int i = 0; i < 3; ++i) r.frame([&] { app.frame(); });
    for (const char* name : {"welcome.new", "welcome.import", "welcome.open"}) {
        const Rect b = where(r, name);
        INFO(name << " at x " << b.x << ", w " << b.w);
        CHECK(b.x >= 0);
        CHECK(b.x + b.w <= W);
    }
    // They did wrap: "Open a file" is on a line below "New postmortem".
    CHECK(where(r, "welcome.open").y > where(r, "welcome.new").y);
    int samples = 0;
    for (const std::string& path : hs::list_embedded("samples/")) {  // the samples a native build offers
        const Rect b = where(r, "welcome.sample." + path);
        INFO(path << " at x " << b.x << ", w " << b.w);
        CHECK(b.x + b.w <= W);
        ++samples;
    }
    CHECK(samples >= 3);
}
