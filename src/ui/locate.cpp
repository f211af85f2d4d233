#include "locate.h"

#include <map>

#include "imgui.h"
#include "core/model.h"

namespace hs::ui {
namespace {
std::map<std::string, ImVec4> g_current, g_last;
}

void locate_begin_frame() {
    g_last.swap(g_current);
    g_current.clear();
}

void mark(const std::string& name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    g_current[name] = ImVec4(a.x, a.y, b.x - a.x, b.y - a.y);
}

void mark_rect(const std::string& name, float x, float y, float w, float h) { g_current[name] = ImVec4(x, y, w, h); }

std::string locate_json() {
    Json j = Json::object();
    // The last complete frame, merged with what the current one has drawn so far.
    for (const auto* m : {&g_last, &g_current})
        for (const auto& [k, r] : *m) j[k] = {r.x, r.y, r.z, r.w};
    return j.dump();
}

}  // namespace hs::ui
