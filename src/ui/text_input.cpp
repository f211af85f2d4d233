#include "text_input.h"

#include <algorithm>

#include "app.h"
#include "fonts.h"
#include "imgui.h"
#include "locate.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {

namespace {
TextInputHost* g_host = nullptr;

bool is_ui_key(const std::string& key) { return key.compare(0, 3, "ui:") == 0; }

// What a password field shows: one dot per code point typed.
std::string dots(const std::string& s) {
    std::string out;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) out += "\xe2\x80\xa2";
    return out;
}
}  // namespace

void set_text_input_host(TextInputHost* host) { g_host = host; }

InputResult text_input(const std::string& key, std::string& value, const char* hint, float width, unsigned flags) {
    if (g_host) return g_host->text_input(key, value, hint, width, flags);
    InputResult r;
    ImGui::SetNextItemWidth(width);
    r.changed = ImGui::InputTextWithHint(("##" + key).c_str(), hint ? hint : "", &value);
    return r;
}

void text_input_focus(const std::string& key) {
    if (g_host) g_host->text_input_focus(key);
}

bool text_input_editing(const std::string& key) { return g_host && g_host->text_input_editing(key); }

bool App::text_input_editing(const std::string& key) {
    if (!platform_.has_text_overlay()) {  // ImGui keeps its own buffer while a field is active
        return false;
    }
    return key == active_path_ || ui_events_.count(key) != 0;
}

void App::text_input_focus(const std::string& key) {
    ui_focus_ = key;
    platform_.request_frame();
}

InputResult App::text_input(const std::string& key, std::string& value, const char* hint, float width,
                            unsigned flags) {
    InputResult r;
    const bool ui_key = is_ui_key(key);
    if (ui_key) ui_values_[key] = &value;
    const std::string id = "##" + key;
    const bool mono = (flags & kInputMono) != 0;
    if (mono) ImGui::PushFont(fonts().mono);
    const float w = width > 0 ? width : std::max(10.0f, ImGui::GetContentRegionAvail().x + width);
    if (!platform_.has_text_overlay()) {
        // Native: ImGui's own widget.
        if (ui_focus_ == key) {
            ImGui::SetKeyboardFocusHere();
            ui_focus_.clear();
        }
        ImGui::SetNextItemWidth(w);
        ImGuiInputTextFlags f = 0;
        if (flags & kInputPassword) f |= ImGuiInputTextFlags_Password;
        if (flags & (kInputEnter | kInputEnterEnds)) f |= ImGuiInputTextFlags_EnterReturnsTrue;
        if (flags & kInputAutoSelect) f |= ImGuiInputTextFlags_AutoSelectAll;
        const bool enter_flag = (flags & (kInputEnter | kInputEnterEnds)) != 0;
        const std::string before = enter_flag ? value : std::string();
        bool ret = ImGui::InputTextWithHint(id.c_str(), hint ? hint : "", &value, f);
        if (enter_flag) {
            r.enter = ret;
            r.shift = ret && ImGui::GetIO().KeyShift;
            r.changed = value != before;
        } else {
            r.changed = ret;
        }
        r.activated = ImGui::IsItemActivated();
        mark("field." + key);
        if (mono) ImGui::PopFont();
        if (r.changed && !ui_key) edited(key, "Edit " + key);
        if (!ui_key) r.changed = false;
        return r;
    }
    // Web: the field is drawn here; editing happens in the DOM overlay laid over it.
    if (ui_focus_ == key) {
        ui_focus_.clear();
        if (active_path_ != key) activate_field(key);
    }
    const bool active = key == active_path_;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float h = ImGui::GetFrameHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id.c_str(), ImVec2(w, h));
    mark("field." + key);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (ImGui::IsItemClicked() && !active) {
        activate_field(key);
        r.activated = true;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette();
    const ImVec2 q(p.x + w, p.y + h);
    dl->AddRectFilled(p, q, ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg), st.FrameRounding);
    dl->AddRect(p, q, active ? col(pal.accent) : ImGui::GetColorU32(ImGuiCol_Border), st.FrameRounding, 0,
                active ? 2.0f : 1.0f);
    if (!active) {
        const ImVec2 tp(p.x + st.FramePadding.x, p.y + st.FramePadding.y);
        const ImVec4 clip(p.x + 1, p.y, q.x - 2, q.y);
        if (value.empty()) {
            if (hint && *hint)
                dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), tp, col(pal.text_muted, 0.85f), hint, nullptr, 0.0f,
                            &clip);
        } else {
            const std::string shown = (flags & kInputPassword) ? dots(value) : std::string();
            const std::string& s = (flags & kInputPassword) ? shown : value;
            // One line: a line break (pasted) shows as the end of what fits; the text itself keeps it.
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), tp, ImGui::GetColorU32(ImGuiCol_Text), s.c_str(),
                        s.c_str() + std::min(s.size(), s.find('\n')), 0.0f, &clip);
        }
    } else {
        show_overlay(key, value, hint, p.x, p.y, w, h, false, flags);
    }
    if (mono) ImGui::PopFont();
    auto ev = ui_events_.find(key);
    if (ev != ui_events_.end()) {
        const InputResult e = ev->second;
        ui_events_.erase(ev);
        r.changed = ui_key && e.changed;
        r.enter = e.enter;
        r.shift = e.shift;
        r.escape = e.escape;
    }
    return r;
}

void App::overlay_enter(const std::string& path, bool shift) {
    if (path != active_path_) return;
    InputResult& e = ui_events_[path];
    e.enter = true;
    e.shift = shift;
    platform_.request_frame();
}

}  // namespace hs::ui
