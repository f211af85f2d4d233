// The action items on a phone (390 px): one card per item, each field on a line of its own with its label, at least
// 100 px wide and on screen; at 1280 px the same items are a table, type and ticket under the title. Cards off screen
// stand in at their last height, as table rows do: scrolling moves every card by the scroll and keeps the list's
// height.
#include <catch2/catch.hpp>

#include <string>

#include "app.h"
#include "core/format.h"
#include "headless.h"
#include "locate_util.h"

namespace {

// Every item has a type and a ticket; the first a long owner.
void typed_with_ticket(hs::ActionItem& a, int i) {
    if (i == 0) a.owner = "Payments platform on-call engineer and the checkout team lead";
    a.type = "detect";
    a.ticket_url = "https://tracker.example/browse/OPS-" + std::to_string(i);
}

using uitest::Rect;
using uitest::where;

struct Screen {
    float w, h;
    hs::native::HeadlessRunner r;
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    Screen(float w_, float h_, int items) : w(w_), h(h_), r(w_, h_) {
        platform.fixed_now_ms = 1775570280000;
        REQUIRE(app.open_json(uitest::action_items_doc(items, typed_with_ticket), "test"));
        for (int i = 0; i < 4; ++i) frame();
    }
    void frame() { r.frame([&] { app.frame(); }); }
    // Wheels down until `name` is in the upper half of the screen.
    Rect scroll_to(const std::string& name) {
        Rect q = where(r, name);
        for (int i = 0; i < 3000 && q.y > h * 0.5f; ++i) {
            r.mouse_move(w * 0.5f, h * 0.6f);
            r.wheel(-1.0f);
            frame();
            q = where(r, name);
        }
        return q;
    }
};

// A card's fields, top to bottom.
const char* const kFields[] = {"field.action_items/ai-0/title", "field.action_items/ai-0/owner",
                               "field.action_items/ai-0/due",   "action.status.ai-0",
                               "action.priority.ai-0",          "action.type.ai-0",
                               "field.action_items/ai-0/ticket_url"};

}  // namespace

TEST_CASE("at 390 px every field of an action item's card is labelled, wide and on screen") {
    Screen s(390, 844, 3);
    const Rect title = s.scroll_to("field.action_items/ai-0/title");
    REQUIRE(title.y >= 0);
    float last_y = title.y - 1;
    for (const char* name : kFields) {
        INFO(name);
        const Rect q = where(s.r, name);
        CHECK(q.w >= 100);
        CHECK(q.x >= 0);
        CHECK(q.x + q.w <= s.w);
        CHECK(q.y > last_y);  // one below the other, in this order
        last_y = q.y;
    }
    // The title spans the card; the other fields share one left edge, beside their labels.
    const Rect owner = where(s.r, "field.action_items/ai-0/owner");
    CHECK(title.w > owner.w);
    CHECK(where(s.r, "action.type.ai-0").x == Approx(owner.x));
    CHECK(where(s.r, "field.action_items/ai-0/ticket_url").x == Approx(owner.x));
    // The buttons: on screen, on the card's first line.
    for (const char* b : {"action.up.ai-0", "action.down.ai-0", "action.delete.ai-0"}) {
        const Rect q = where(s.r, b);
        CHECK(q.x + q.w <= s.w);
        CHECK(q.y < title.y);
    }
}

TEST_CASE("at 1280 px the action items are a table, with the type and the ticket under the title") {
    Screen s(1280, 800, 3);
    const Rect title = s.scroll_to("field.action_items/ai-0/title");
    const Rect header = where(s.r, "action.header.1");
    CHECK(header.y < title.y);
    const Rect type = where(s.r, "action.type.ai-0");
    const Rect ticket = where(s.r, "field.action_items/ai-0/ticket_url");
    CHECK(type.y >= title.y + title.h);
    CHECK(ticket.y >= title.y + title.h);
    CHECK(type.x >= title.x);
    CHECK(ticket.x + ticket.w <= title.x + title.w + 1);
    const Rect owner = where(s.r, "field.action_items/ai-0/owner");
    const Rect status = where(s.r, "action.status.ai-0");
    CHECK(owner.x > title.x + title.w);
    CHECK(status.x > owner.x + owner.w);
    CHECK(owner.y == Approx(title.y));
}

TEST_CASE("scrolling 300 action item cards moves them by the scroll and keeps the list's height") {
    Screen s(390, 844, 300);
    float height = -1;
    int frames_with_first_off_screen = 0;
    for (int f = 0; f < 300; ++f) {
        s.r.mouse_move(s.w * 0.5f, s.h * 0.6f);
        s.r.wheel(f < 150 ? -3.0f : 3.0f);
        s.frame();
        // The section's header is always drawn: from it to the Add button below the cards is the list's height.
        const Rect head = where(s.r, "section.action_items");
        const Rect first = where(s.r, "field.action_items/ai-0/title");
        const Rect add = where(s.r, "add.action_items");
        INFO("frame " << f);
        if (height < 0) height = add.y - head.y;
        REQUIRE(add.y - head.y == Approx(height).margin(0.01));
        if (first.y + first.h < 0) ++frames_with_first_off_screen;
    }
    CHECK(frames_with_first_off_screen > 0);
    // A card far down, never drawn while off screen, is drawn with its own controls when scrolled to.
    const Rect far = s.scroll_to("field.action_items/ai-250/title");
    REQUIRE(far.y >= 0);
    REQUIRE(far.y <= s.h * 0.5f);
    const Rect type = where(s.r, "action.type.ai-250");
    CHECK(type.y > far.y + far.h);
    CHECK(type.h < 60);
}
