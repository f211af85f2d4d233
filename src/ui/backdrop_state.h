// The windows behind a panel that covers them (the library, the overview, trends): laid out once, then shown from a
// copy of their draw lists while the panel is open (backdrop.cpp), not laid out again for each keystroke in the panel.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

struct ImDrawList;

namespace hs::ui {

struct BackdropListDelete {
    void operator()(ImDrawList* list) const;
};

struct BackdropState {
    std::vector<std::unique_ptr<ImDrawList, BackdropListDelete>> lists;  // copies of the windows' lists, in order
    float w = 0, h = 0, scale = 0;  // the display they were drawn for
    void* texture = nullptr;        // the font atlas they sample
    uint64_t key = 0;               // App::backdrop_key() when they were drawn
    double at = 0;                  // ImGui time when they were drawn
    bool used = false;              // this frame shows the copy
    std::vector<ImDrawList*> frame_lists;  // this frame's draw data: the copy, then the panel's windows
    int frames = 0;                 // frames shown from the copy (tests)
};

}  // namespace hs::ui
