// Input: HTML5 events from the canvas, queued and applied to ImGui one change per button or key per frame, and the
// clipboard.
#include <emscripten.h>

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <string>
#include <vector>

#include "imgui.h"
#include "web.h"

namespace hs::web {
namespace {

enum : int { kTab = 9, kLeft = 37, kRight = 39, kUp = 38, kDown = 40, kPageUp = 33, kPageDown = 34, kHome = 36,
             kEnd = 35, kInsert = 45, kDelete = 46, kBackspace = 8, kSpace = 32, kEnter = 13, kEscape = 27,
             kKeypadEnter = 300, kA = 65, kC = 67, kV = 86, kX = 88, kY = 89, kZ = 90 };

int key_index(const EmscriptenKeyboardEvent* e) {
    const std::string code = e->code;
    if (code == "NumpadEnter") return kKeypadEnter;
    if (code.size() == 4 && code.compare(0, 3, "Key") == 0) return code[3];  // layout-independent letters
    unsigned long kc = e->keyCode;
    switch (kc) {
        case kTab: case kLeft: case kRight: case kUp: case kDown: case kPageUp: case kPageDown: case kHome: case kEnd:
        case kInsert: case kDelete: case kBackspace: case kSpace: case kEnter: case kEscape:
            return static_cast<int>(kc);
        default: return -1;
    }
}

// Modifiers travel with each key event: applied when the event is, not when it arrives, or a fast Ctrl+A would be
// seen after Ctrl was already released.
int mods_of(const EmscriptenKeyboardEvent* e) {
    return ((e->ctrlKey || e->metaKey) ? 1 : 0) | (e->shiftKey ? 2 : 0) | (e->altKey ? 4 : 0);  // Cmd acts as Ctrl
}

bool single_codepoint(const char* s) {
    size_t n = std::strlen(s);
    if (n == 0 || n > 4) return false;
    unsigned char c = static_cast<unsigned char>(s[0]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    return len == n && c >= 0x20 && c != 0x7f;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    const int mods = mods_of(e);
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const bool ctrl = e->ctrlKey || e->metaKey;
    int k = key_index(e);
    if (down && ctrl && k == kV) {
        // Let the browser fire 'paste' (web/app.js forwards its text to hs_on_paste, which presses Ctrl+V).
        return EM_FALSE;
    }
    if (k >= 0) S.queue.push_back({InputEvent::Key, 0, 0, k, down, {}, mods});
    else S.queue.push_back({InputEvent::Key, 0, 0, -1, down, {}, mods});  // a modifier alone: just its state
    if (down && !ctrl && !e->altKey && single_codepoint(e->key)) S.queue.push_back({InputEvent::Chars, 0, 0, 0, 0, e->key});
    if (down && ctrl && (k == kC || k == kX)) {
        // Draw now, until the queued input is applied, so ImGui copies inside this event; the 'copy' event that
        // follows puts the text on the clipboard.
        for (int i = 0; i < 8 && (i == 0 || !S.queue.empty()); ++i) draw_frame();
        poke();
        return EM_FALSE;
    }
    poke();
    if (!down) return EM_FALSE;
    // Keep the browser's own shortcuts, except the ones the editor has: select all, undo, redo, find in document.
    if (ctrl) return (k == kA || k == kZ || k == kY || k == 'F') ? EM_TRUE : EM_FALSE;
    return (k >= 0 || single_codepoint(e->key)) ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    float x = static_cast<float>(e->clientX), y = static_cast<float>(e->clientY);
    S.queue.push_back({InputEvent::MousePos, x, y, 0, false, {}});
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        int b = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
        if (b >= 0) S.queue.push_back({InputEvent::MouseButton, x, y, b, type == EMSCRIPTEN_EVENT_MOUSEDOWN, {}});
    }
    poke();
    return EM_FALSE;  // the browser keeps its default handling (focus on mousedown)
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // Normalise: pixels (Chrome: 100 per notch), lines (Firefox: 3 per notch), pages.
    double dx = e->deltaX, dy = e->deltaY;
    double div = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    InputEvent ev{InputEvent::Wheel, static_cast<float>(-dx / div), static_cast<float>(-dy / div), 0, false, {}};
    if (e->mouse.shiftKey && dx == 0) std::swap(ev.x, ev.y);  // Shift+wheel scrolls sideways
    S.queue.push_back({InputEvent::MousePos, static_cast<float>(e->mouse.clientX), static_cast<float>(e->mouse.clientY),
                       0, false, {}});
    S.queue.push_back(ev);
    poke();
    return EM_TRUE;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    if (e->numTouches < 1) return EM_FALSE;
    const EmscriptenTouchPoint& t = e->touches[0];
    float x = static_cast<float>(t.clientX), y = static_cast<float>(t.clientY);
    S.queue.push_back({InputEvent::MousePos, x, y, 0, false, {}});
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) S.queue.push_back({InputEvent::MouseButton, x, y, 0, true, {}});
    if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        S.queue.push_back({InputEvent::MouseButton, x, y, 0, false, {}});
        S.queue.push_back({InputEvent::MousePos, -FLT_MAX, -FLT_MAX, 0, false, {}});
    }
    poke();
    return EM_FALSE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    S.queue.push_back({InputEvent::Focus, 0, 0, 0, type == EMSCRIPTEN_EVENT_FOCUS, {}});
    poke();
    return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    poke();
    return EM_FALSE;
}

const char* get_clipboard(void*) { return S.clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
    S.clipboard = text ? text : "";
    hs_js_clipboard_write(S.clipboard.data(), S.clipboard.size());
}


}  // namespace

// Applies queued events until one would change a button or key that already changed this frame. A press that comes
// with a move (a tap, a synthetic click) waits one frame after the move: ImGui decides what is hovered from the
// frame before, and some widgets (table headers) ignore a press on the frame the pointer arrives.
void apply_input() {
    ImGuiIO& io = ImGui::GetIO();
    bool button_changed[5] = {};
    bool moved = false;
    std::vector<int> keys_changed;
    if (!S.queue.empty()) S.frames_pending = std::max(S.frames_pending, 3);  // frames to settle after each input
    while (!S.queue.empty()) {
        InputEvent& ev = S.queue.front();
        switch (ev.kind) {
            case InputEvent::MousePos:
                moved = moved || io.MousePos.x != ev.x || io.MousePos.y != ev.y;
                io.MousePos = ImVec2(ev.x, ev.y);
                break;
            case InputEvent::MouseButton:
                if (button_changed[ev.index]) return;
                if (ev.down && (moved || io.MousePos.x != ev.x || io.MousePos.y != ev.y)) {
                    io.MousePos = ImVec2(ev.x, ev.y);
                    return;
                }
                button_changed[ev.index] = true;
                io.MousePos = ImVec2(ev.x, ev.y);
                io.MouseDown[ev.index] = ev.down;
                break;
            case InputEvent::Wheel:
                io.MouseWheelH += ev.x;
                io.MouseWheel += ev.y;
                break;
            case InputEvent::Key: {
                if (ev.index >= 0) {
                    if (std::find(keys_changed.begin(), keys_changed.end(), ev.index) != keys_changed.end()) return;
                    keys_changed.push_back(ev.index);
                }
                if (ev.mods >= 0) {
                    io.KeyCtrl = (ev.mods & 1) != 0;
                    io.KeyShift = (ev.mods & 2) != 0;
                    io.KeyAlt = (ev.mods & 4) != 0;
                }
                if (ev.index < 0) break;
                if (ev.index >= 0 && ev.index < 512) io.KeysDown[ev.index] = ev.down;
                break;
            }
            case InputEvent::Chars: io.AddInputCharactersUTF8(ev.text.c_str()); break;
            case InputEvent::Focus:
                io.AddFocusEvent(ev.down);
                if (!ev.down) {
                    std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
                    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
                }
                break;
        }
        S.queue.pop_front();
    }
}

const char* css_cursor(int c) {
    switch (c) {
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

void setup_input(const char* canvas) {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    io.KeyMap[ImGuiKey_Tab] = kTab;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_UpArrow] = kUp;
    io.KeyMap[ImGuiKey_DownArrow] = kDown;
    io.KeyMap[ImGuiKey_PageUp] = kPageUp;
    io.KeyMap[ImGuiKey_PageDown] = kPageDown;
    io.KeyMap[ImGuiKey_Home] = kHome;
    io.KeyMap[ImGuiKey_End] = kEnd;
    io.KeyMap[ImGuiKey_Insert] = kInsert;
    io.KeyMap[ImGuiKey_Delete] = kDelete;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
    io.KeyMap[ImGuiKey_Space] = kSpace;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Escape] = kEscape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = kKeypadEnter;
    io.KeyMap[ImGuiKey_A] = kA;
    io.KeyMap[ImGuiKey_C] = kC;
    io.KeyMap[ImGuiKey_V] = kV;
    io.KeyMap[ImGuiKey_X] = kX;
    io.KeyMap[ImGuiKey_Y] = kY;
    io.KeyMap[ImGuiKey_Z] = kZ;

    emscripten_set_keydown_callback(canvas, nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback(canvas, nullptr, EM_TRUE, on_key);
    emscripten_set_mousedown_callback(canvas, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_focus_callback(canvas, nullptr, EM_TRUE, on_focus);
    emscripten_set_blur_callback(canvas, nullptr, EM_TRUE, on_focus);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
}

}  // namespace hs::web

extern "C" {

// Called from the 'paste' event: the text becomes ImGui's clipboard and Ctrl+V is pressed for one frame.
EMSCRIPTEN_KEEPALIVE void hs_on_paste(const char* text) {
    using namespace hs::web;
    S.clipboard = text ? text : "";
    S.queue.push_back({InputEvent::Key, 0, 0, kV, true, {}, 1});
    S.queue.push_back({InputEvent::Key, 0, 0, kV, false, {}, 0});
    poke();
}

}  // extern "C"
