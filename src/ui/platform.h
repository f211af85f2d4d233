// What the UI needs from the place it runs. The web build implements it in src/platform/web, the native headless
// runner in src/platform/native. The UI never includes emscripten.h.
#pragma once
#include <cstdint>
#include <string>

namespace hs::ui {

class Platform {
public:
    virtual ~Platform() = default;
    virtual int64_t now_ms() = 0;                 // wall clock, UTC
    virtual void request_frame() = 0;             // draw another frame soon (rendering is on demand)
    virtual void download(const std::string& filename, const std::string& mime, const std::string& data) = 0;
    virtual void set_window_title(const std::string& title) = 0;
    virtual bool prefers_dark() = 0;              // the system colour scheme
};

}  // namespace hs::ui
