// Shared by the native UI tests: where a control named with hs::ui::mark was drawn in the last frames.
#pragma once
#include <catch2/catch.hpp>

#include <string>

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
}  // namespace uitest
