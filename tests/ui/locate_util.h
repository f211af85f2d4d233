// Shared by the native UI tests: where a control named with hs::ui::mark was drawn in the last frames.
#pragma once
#include <catch2/catch.hpp>

#include <string>

#include "core/format.h"
#include "headless.h"

namespace uitest {
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};
inline Rect where(const hs::native::HeadlessRunner& r, const std::string& name) {
    Rect q;
    REQUIRE(r.locate(name, q.x, q.y, q.w, q.h));
    return q;
}
// Whether the control `name` was drawn in the last frames.
inline bool shown(const hs::native::HeadlessRunner& r, const std::string& name) {
    float x, y, w, h;
    return r.locate(name, x, y, w, h);
}
// Clicks the control `name` as a person would, 10 px into it: move, press, release, with a frame drawn by `frame`
// after each.
template <class Frame>
void click(hs::native::HeadlessRunner& r, const std::string& name, Frame frame) {
    const Rect t = where(r, name);
    r.mouse_move(t.x + 10, t.y + t.h / 2);
    r.frame(frame);
    r.mouse_button(0, true);
    r.frame(frame);
    r.mouse_button(0, false);
    r.frame(frame);
}
// A document of `n` open action items, "ai-0" ..., owned by "team", whose titles wrap to different heights; `fill`,
// when given, sets more of each item.
inline std::string action_items_doc(int n, void (*fill)(hs::ActionItem&, int) = nullptr) {
    hs::Document d;
    d.id = "pm-rows";
    d.title = "Rows";
    for (int i = 0; i < n; ++i) {
        hs::ActionItem a;
        a.id = "ai-" + std::to_string(i);
        a.title = "Follow-up " + std::to_string(i) + std::string(static_cast<size_t>((i * 37) % 160), 'x');
        a.owner = "team";
        a.status = "open";
        if (fill) fill(a, i);
        d.action_items.push_back(a);
    }
    return hs::save_document(d);
}
}  // namespace uitest
