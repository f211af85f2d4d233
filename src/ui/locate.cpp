#include "locate.h"

#include <utility>
#include <vector>

#include "a11y.h"
#include "imgui.h"
#include "core/model.h"

namespace hs::ui {
namespace {

// Marks are appended, not looked up: a frame of a big document records thousands, and the only reader is
// locate_json(), which is called rarely (by tests). A later mark of the same name wins there.
struct Frame {
    std::vector<std::pair<std::string, ImVec4>> marks;
    struct Group {
        const char* const* patterns;
        size_t count;
        std::string key;
        ImVec4 rect;
    };
    std::vector<Group> groups;
    bool background = false;  // the windows behind a covering panel were not drawn: their marks are g_background's
    void clear() {
        marks.clear();
        groups.clear();
        background = false;
    }
};
Frame g_current, g_last, g_background;

std::string expand(const char* pattern, const std::string& key) {
    std::string out(pattern);
    const size_t at = out.find("{}");
    if (at != std::string::npos) out.replace(at, 2, key);
    return out;
}

}  // namespace

void locate_begin_frame() {
    std::swap(g_last, g_current);
    g_current.clear();
    a11y_begin_frame();
}

void mark(std::string name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    a11y_mark(name, true);
    g_current.marks.emplace_back(std::move(name), ImVec4(a.x, a.y, b.x - a.x, b.y - a.y));
}

void mark_rect(std::string name, float x, float y, float w, float h) {
    a11y_mark(name, false);
    g_current.marks.emplace_back(std::move(name), ImVec4(x, y, w, h));
}

void mark_group(const char* const* patterns, size_t count, const std::string& key, float x, float y, float w, float h) {
    g_current.groups.push_back({patterns, count, key, ImVec4(x, y, w, h)});
}

// The marks are kept by swapping (the frame's own are recorded again from now on); a frame that does not draw those
// windows only says so, and locate_json reads the kept ones for it.
void locate_save_background() {
    g_background.marks.swap(g_current.marks);
    g_background.groups.swap(g_current.groups);
    g_current.clear();
    g_current.background = true;
    a11y_save_background();
}

void locate_restore_background() {
    g_current.background = true;
    a11y_restore_background();
}

std::string locate_json() {
    Json j = Json::object();
    auto add = [&j](const Frame& f) {
        for (const auto& g : f.groups)
            for (size_t i = 0; i < g.count; ++i) j[expand(g.patterns[i], g.key)] = {g.rect.x, g.rect.y, g.rect.z, g.rect.w};
        for (const auto& [k, r] : f.marks) j[k] = {r.x, r.y, r.z, r.w};
    };
    // The last complete frame, merged with what the current one has drawn so far; each after the windows behind a
    // covering panel when it showed them from their copy.
    for (const Frame* f : {&g_last, &g_current}) {
        if (f->background) add(g_background);
        add(*f);
    }
    return j.dump();
}

}  // namespace hs::ui
