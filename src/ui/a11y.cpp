#include "a11y.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <map>
#include <utility>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "core/model.h"
#include "icons.h"

namespace hs::ui {
namespace {

struct Node {
    std::string key, role, name, value, locate;
    unsigned state = 0;
    ImGuiID id = 0;
    int depth = 0, pos = 0;
    bool same(const Node& o) const {
        return role == o.role && name == o.name && value == o.value && state == o.state && locate == o.locate &&
               id == o.id && depth == o.depth && pos == o.pos;
    }
};

// Icons are drawn from the Unicode private use area (src/ui/icons.h): a screen reader would read them as nothing
// or as "unknown", so they are left out of names.
constexpr unsigned kPrivateUseFirst = 0xE000, kPrivateUseLast = 0xF8FF;
// How far back mark() looks for the node of the item it names (the hook runs just before it, for the same item).
constexpr size_t kMarkLookBack = 4;

bool g_on = false;
std::vector<Node> g_cur, g_sent, g_background;
// How deep the nodes added now sit (inside a table, its row, its cell), and the depth of the open table (-1: none).
int g_depth = 0, g_table_depth = -1;
std::string g_announcement;
std::string g_sent_focus;
bool g_sent_any = false;
ImGuiID g_focus_request = 0;
std::string g_field_activated;
const std::string kFieldPrefix = "field.";
const std::string kUnnamed = "Unnamed ";

size_t utf8_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// The visible part of an ImGui label: before "##", without icons, trimmed.
std::string visible_text(const char* label, const char* end) {
    std::string out;
    for (const char* p = label; p < end;) {
        const auto c = static_cast<unsigned char>(*p);
        const size_t n = std::min<size_t>(utf8_len(c), static_cast<size_t>(end - p));
        unsigned cp = c;
        if (n == 3) cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(p[1]) & 0x3Fu) << 6) |
                         (static_cast<unsigned char>(p[2]) & 0x3Fu);
        if (!(n == 3 && cp >= kPrivateUseFirst && cp <= kPrivateUseLast)) out.append(p, n);
        p += n;
    }
    const size_t a = out.find_first_not_of(" \t\n"), b = out.find_last_not_of(" \t\n");
    return a == std::string::npos ? std::string() : out.substr(a, b - a + 1);
}

// "delete_all" -> "Delete all": a name made from an identifier, for controls whose label is only an icon.
std::string humanize(std::string s) {
    for (char& c : s)
        if (c == '_' || c == '-') c = ' ';
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// What a button whose label is only an icon does, said in words (the tooltip beside it says the same on hover).
struct IconWord {
    const char* icon;
    const char* word;
};
constexpr IconWord kIconWords[] = {
    {ICON_TRASH, "Delete"}, {ICON_TIMES, "Remove"}, {ICON_ARROW_UP, "Move up"}, {ICON_ARROW_DOWN, "Move down"},
    {ICON_PENCIL, "Edit"}, {ICON_PLUS, "Add"}, {ICON_COPY, "Copy"}, {ICON_LINK, "Link"},
    {ICON_CALENDAR, "Choose a date"}, {ICON_UNDO, "Undo"}, {ICON_REDO, "Redo"}, {ICON_SEARCH, "Find"},
    {ICON_BARS, "Menu"}, {ICON_MOON, "Dark theme"}, {ICON_SUN, "Light theme"}, {ICON_COG, "Settings"},
    {ICON_QUESTION, "Help"}, {ICON_EYE, "Show"}, {ICON_SHARE, "Share"}, {ICON_DOWNLOAD, "Download"},
    {ICON_HISTORY, "History"}, {ICON_CHECK, "Confirm"}, {ICON_SORT, "Sort"}, {ICON_INFO_CIRCLE, "Information"},
    {ICON_CHEVRON_UP, "Collapse"}, {ICON_CHEVRON_DOWN, "Expand"}, {ICON_CHEVRON_RIGHT, "Open"},
};

std::string name_from_icon(const char* label, const char* end) {
    for (const char* p = label; p < end; ++p)
        for (const IconWord& w : kIconWords)
            if (std::strncmp(p, w.icon, std::strlen(w.icon)) == 0) return w.word;
    return {};
}

std::string name_from_label(const char* label) {
    const char* end = ImGui::FindRenderedTextEnd(label);
    std::string name = visible_text(label, end);
    if (name.empty()) name = name_from_icon(label, end);
    if (name.empty() && *end) {  // "##undo": the id names it
        const char* id = end;
        while (*id == '#') ++id;
        name = humanize(id);
    }
    return name;
}

// "topbar.undo" -> "Undo", "field.timeline/ev-1/description" -> "Description", "action.delete.ai-1" -> "Delete".
std::string name_from_locate(const std::string& locate) {
    const size_t dot = locate.find('.');
    std::string rest = dot == std::string::npos ? locate : locate.substr(dot + 1);
    if (locate.rfind(kFieldPrefix, 0) == 0) {
        const size_t slash = rest.rfind('/');
        if (slash != std::string::npos) rest = rest.substr(slash + 1);
        if (rest.rfind("ui:", 0) == 0) rest = rest.substr(3);
    } else {
        rest = rest.substr(0, rest.find('.'));
    }
    return humanize(rest);
}

std::string role_of(const ImGuiContext& g, ImGuiID id, ImGuiItemStatusFlags flags, unsigned& state) {
    const ImGuiWindow* w = g.CurrentWindow;
    const bool menu = w && (w->Flags & ImGuiWindowFlags_Popup) && !(w->Flags & ImGuiWindowFlags_Modal);
    if (g.CurrentTabBar && ImGui::TabBarFindTabByID(g.CurrentTabBar, id)) {
        if (g.CurrentTabBar->SelectedTabId == id) state |= kA11ySelected;
        return "tab";
    }
    if (flags & ImGuiItemStatusFlags_Checkable) {
        state |= kA11yCheckable | ((flags & ImGuiItemStatusFlags_Checked) ? kA11yChecked : 0u);
        return menu ? "menuitemcheckbox" : "checkbox";
    }
    if (flags & ImGuiItemStatusFlags_Openable) state |= kA11yExpandable | ((flags & ImGuiItemStatusFlags_Opened) ? kA11yExpanded : 0u);
    if (g.LastItemData.InFlags & ImGuiItemFlags_Inputable) return "textbox";
    return menu ? "menuitem" : "button";
}

void maybe_focus(ImGuiID id) {
    if (!g_focus_request || id != g_focus_request) return;
    ImGuiContext& g = *GImGui;
    g_focus_request = 0;
    ImGuiWindow* w = g.CurrentWindow;
    if (g.NavWindow != w) ImGui::FocusWindow(w);
    ImGui::SetFocusID(id, w);
    // The focus came from the keyboard side (a screen reader, Tab): the ring shows, the mouse's hover does not move it.
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
}

// A new node at the current depth, filled in place.
Node& new_node(ImGuiID id, const char* role) {
    Node& n = g_cur.emplace_back();
    n.id = id;
    n.role = role;
    n.depth = g_depth;
    return n;
}

// The last node if it is the last ImGui item's (looking back a little: a widget may add a mark after its item).
Node* last_item_node() {
    const ImGuiID id = GImGui->LastItemData.ID;
    for (size_t i = g_cur.size(), k = 0; id && i > 0 && k < kMarkLookBack; --i, ++k)
        if (g_cur[i - 1].id == id) return &g_cur[i - 1];
    return nullptr;
}

std::string unique_key(std::string key, std::map<std::string, int>& seen) {
    const int n = seen[key]++;
    return n == 0 ? key : key + "~" + std::to_string(n);
}

}  // namespace

void a11y_enable(bool on) { g_on = on; }
bool a11y_enabled() { return g_on; }

void a11y_begin_frame() {
    g_cur.clear();
    g_depth = 0;
    g_table_depth = -1;
    if (ImGuiContext* g = ImGui::GetCurrentContext()) g->TestEngineHookItems = g_on;
}

void a11y_mark(const std::string& locate_name, bool from_item) {
    if (!g_on) return;
    const ImGuiContext& g = *GImGui;
    const ImGuiID id = from_item ? g.LastItemData.ID : 0;
    if (id) {
        for (size_t i = g_cur.size(), k = 0; i > 0 && k < kMarkLookBack; --i, ++k) {
            Node& n = g_cur[i - 1];
            if (n.id != id) continue;
            n.locate = locate_name;
            if (n.name.rfind(kUnnamed, 0) == 0) n.name = name_from_locate(locate_name);
            return;
        }
        maybe_focus(id);
    }
    // Drawn without an ImGui widget of its own: a field on the web (its editing is the DOM text overlay), a
    // clickable drawing (InvisibleButton), or text shown for information.
    const bool field = locate_name.rfind(kFieldPrefix, 0) == 0;
    Node& n = new_node(id, field ? "textbox" : id ? "button" : "note");
    n.locate = locate_name;
    n.name = name_from_locate(locate_name);
    // A field drawn as an InvisibleButton starts editing on a click only: keyboard activation is passed on here.
    if (field && id && g.NavActivateId == id) g_field_activated = locate_name.substr(kFieldPrefix.size());
    if (id && (g.LastItemData.InFlags & ImGuiItemFlags_Disabled)) n.state |= kA11yDisabled;
}

void a11y_label(const char* name) {
    if (!g_on || !name || g_cur.empty() || g_cur.back().id != GImGui->LastItemData.ID) return;
    g_cur.back().name = visible_text(name, name + std::char_traits<char>::length(name));
}

std::string a11y_changes() {
    if (!g_on) return {};
    // Each node's key: its ImGui id, else its locate name, else its place. Keys are almost always distinct already:
    // their hashes, sorted, show it, and only a frame where two hash alike numbers the repeats through a map (it
    // cost a large panel's frames 2-3 ms each).
    ImVector<ImGuiID> hashes;
    hashes.reserve(static_cast<int>(g_cur.size()));
    for (size_t i = 0; i < g_cur.size(); ++i) {
        Node& n = g_cur[i];
        char hex[16];
        std::snprintf(hex, sizeof hex, "i%08x", n.id);
        n.key = n.id ? std::string(hex) : !n.locate.empty() ? n.locate : "t" + std::to_string(i);
        hashes.push_back(ImHashStr(n.key.data(), n.key.size()));
    }
    std::qsort(hashes.Data, static_cast<size_t>(hashes.Size), sizeof(ImGuiID), [](const void* a, const void* b) {
        const ImGuiID x = *static_cast<const ImGuiID*>(a), y = *static_cast<const ImGuiID*>(b);
        return x < y ? -1 : x > y ? 1 : 0;
    });
    bool repeats = false;
    for (int i = 1; i < hashes.Size && !repeats; ++i) repeats = hashes[i] == hashes[i - 1];
    if (repeats) {
        std::map<std::string, int> seen;
        for (Node& n : g_cur) n.key = unique_key(std::move(n.key), seen);
    }
    const ImGuiContext& g = *GImGui;
    std::string focus;
    if (g.NavId && !g.NavDisableHighlight)
        for (const Node& n : g_cur)
            if (n.id == g.NavId) focus = n.key;
    // Where each key was in what was sent (a map type the app uses elsewhere too: no new instantiation). Most frames
    // list the nodes in the order sent, and each is compared with the one at its place; the map is built only for a
    // frame where they moved (it cost a large panel's frames about a millisecond each).
    std::map<std::string, size_t> before;
    auto sent_node = [&before](const std::string& key, size_t at) -> const Node* {
        if (at < g_sent.size() && g_sent[at].key == key) return &g_sent[at];
        if (before.empty())
            for (size_t i = 0; i < g_sent.size(); ++i) before.emplace(g_sent[i].key, i);
        auto it = before.find(key);
        return it != before.end() ? &g_sent[it->second] : nullptr;
    };
    Json changed = Json::array();
    bool order_same = g_sent_any && g_sent.size() == g_cur.size();
    for (size_t i = 0; i < g_cur.size(); ++i) {
        const Node& n = g_cur[i];
        if (order_same && g_sent[i].key != n.key) order_same = false;
        const Node* was = sent_node(n.key, i);
        if (was && was->same(n)) continue;
        changed.push_back({n.key, n.role, n.name, n.value, n.state, n.id, n.locate, n.depth, n.pos});
    }
    if (order_same && changed.empty() && focus == g_sent_focus) return {};
    Json out = Json::object();
    out["n"] = std::move(changed);
    if (!order_same) {
        Json order = Json::array();
        for (const Node& n : g_cur) order.push_back(n.key);
        out["o"] = std::move(order);
    }
    out["f"] = focus;
    g_sent.swap(g_cur);  // the next frame clears g_cur: nothing is copied
    g_sent_focus = focus;
    g_sent_any = true;
    return out.dump();
}

// Copied one node at a time through the emplace_back the mirror uses anyway: a vector's copy and range insert cost
// the first load 2 KB of code (gzip).
void a11y_save_background() {
    if (!g_on) return;
    g_background.clear();
    for (const Node& n : g_cur) g_background.emplace_back() = n;
}

void a11y_restore_background() {
    if (!g_on) return;
    for (const Node& n : g_background) g_cur.emplace_back() = n;
}

void a11y_table_begin(const std::string& key, const char* name, int row_count, const char* columns, int sort_column,
                      bool ascending) {
    if (!g_on) return;
    a11y_table_end();  // tables do not nest
    // The header row counts as a row for aria-rowcount and aria-rowindex; the page draws it from `columns`.
    Node& n = new_node(0, "table");
    n.locate = key;
    n.name = name;
    n.value = columns;
    n.pos = row_count + 1;
    n.state = (ascending ? kA11ySortAscending : kA11ySortDescending) | (static_cast<unsigned>(sort_column + 1) << 8);
    g_table_depth = g_depth++;
}

void a11y_table_row(const std::string& key, int index) {
    if (!g_on || g_table_depth < 0) return;
    g_depth = g_table_depth + 1;
    Node& n = new_node(0, "row");
    n.locate = key;
    n.pos = index + 2;
    g_depth = g_table_depth + 2;
}

void a11y_table_end() {
    if (g_table_depth < 0) return;
    g_depth = g_table_depth;
    g_table_depth = -1;
}

void a11y_value(const std::string& value) {
    if (!g_on) return;
    if (Node* n = last_item_node()) n->value = value;
}

bool a11y_begin_combo(const char* label, const char* name, const char* preview, int flags) {
    if (!g_on) return ImGui::BeginCombo(label, preview, flags);
    const ImGuiID id = ImGui::GetID(label);
    const bool open = ImGui::BeginCombo(label, preview, flags);
    // Open, the popup is the last item now; closed, the combo is, unless it was clipped.
    if (open || (GImGui->LastItemData.ID == id && ImGui::IsItemVisible())) {
        Node& n = new_node(id, "combobox");
        n.name = name;
        n.value = visible_text(preview, preview + std::char_traits<char>::length(preview));
        n.state = kA11yExpandable | (open ? kA11yExpanded : 0u);
        maybe_focus(id);
    }
    return open;
}

bool a11y_radio(const char* label, bool active) {
    const bool pressed = ImGui::RadioButton(label, active);
    if (Node* n = g_on ? last_item_node() : nullptr) {
        n->role = "radio";
        n->state |= kA11yCheckable | (active ? kA11yChecked : 0u);
    }
    return pressed;
}

void a11y_announce(std::string text) {
    if (g_on) g_announcement = std::move(text);
}

std::string a11y_take_announcement() { return std::exchange(g_announcement, std::string()); }

void a11y_focus(unsigned id) { g_focus_request = id; }

std::string a11y_take_field() { return std::exchange(g_field_activated, std::string()); }

void a11y_reset() {
    g_sent.clear();
    g_sent_focus.clear();
    g_sent_any = false;
}

}  // namespace hs::ui

// Dear ImGui's test-engine hooks (imgui_internal.h), called only while ImGuiContext::TestEngineHookItems is set.
#ifdef IMGUI_ENABLE_TEST_ENGINE
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    using namespace hs::ui;
    if (!g_on || id == 0) return;
    Node& n = new_node(id, "");
    n.role = role_of(*ctx, id, flags, n.state);
    if (ctx->LastItemData.InFlags & ImGuiItemFlags_Disabled) n.state |= kA11yDisabled;
    if (label) n.name = name_from_label(label);
    if (n.name.empty()) n.name = kUnnamed + n.role;  // a locate mark just after may name it better
    maybe_focus(id);
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
#endif
