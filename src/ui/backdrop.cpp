// The windows behind a covering panel (the library, the overview, trends), shown from a copy of their draw lists.
//
// Such a panel is a modal dialog: nothing behind it takes input, and behind its dimmed ground the top bar, the drafts
// and the document stay as they were. Yet ImGui lays out every window each frame, and with the library open a
// keystroke's frame spent more on the document behind than on the panel (a profile of typing queries over 1,000
// drafts: 2-5 ms of 8-11 ms frames, bench/library/browser.js). So the first frame with the panel open draws them as
// usual and keeps a copy of their draw lists (App::rendered); the next frames skip them and put the copy in the draw
// data in their place, with their locate marks and accessibility nodes (locate_save_background). The copy is drawn
// again when anything it shows may have changed (backdrop_key: the document, the drafts, the theme, messages, the
// save state; the display's size and scale; the font atlas) and at least every kMaxAgeS, for what changes with time.
#include <cstring>

#include "app.h"
#include "glyphs.h"
#include "imgui.h"

namespace hs::ui {
namespace {

constexpr double kMaxAgeS = 1.0;
constexpr const char* kRoot = "##root";  // App::frame's window; the windows behind are it and its children

bool behind(const ImDrawList* list) {
    const char* name = list->_OwnerName;
    const size_t n = std::strlen(kRoot);
    return name && std::strncmp(name, kRoot, n) == 0 && (name[n] == '\0' || name[n] == '/');
}

uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 1099511628211ull; }

}  // namespace

void BackdropListDelete::operator()(ImDrawList* list) const { IM_DELETE(list); }

bool App::covering_panel_open() const { return library_.open || overview_open_ || trends_.open; }

uint64_t App::backdrop_key() const {
    const GlyphStats g = glyph_stats();
    uint64_t h = 14695981039346656037ull;
    for (uint64_t v : {uint64_t(dark_), uint64_t(reinterpret_cast<uintptr_t>(doc_.get())), doc_rev_,
                       store_ ? store_->revision() : 0, uint64_t(messages_.size()), uint64_t(autosave_.busy()),
                       uint64_t(sidebar_open_), uint64_t(side_panel_open_), uint64_t(read_only_),
                       uint64_t(storage_failed_), uint64_t(save_error_.size()), uint64_t(g.added), uint64_t(g.resets),
                       uint64_t(g.tex_w), uint64_t(g.tex_h)})
        h = mix(h, v);
    for (char c : draft_id_) h = mix(h, static_cast<unsigned char>(c));
    return h;
}

bool App::backdrop_usable() {
    const BackdropState& B = backdrop_;
    if (!covering_panel_open() || B.lists.empty() || find_.open) return false;
    const ImGuiIO& io = ImGui::GetIO();
    return B.w == io.DisplaySize.x && B.h == io.DisplaySize.y && B.scale == io.DisplayFramebufferScale.x &&
           B.texture == io.Fonts->TexID && B.key == backdrop_key() && ImGui::GetTime() - B.at < kMaxAgeS;
}

void App::rendered(ImDrawData* dd) {
    BackdropState& B = backdrop_;
    if (!dd || !dd->Valid) return;
    if (B.used) {
        // The copy goes where the root window's list is (first: it is drawn behind everything), the rest follows.
        B.frame_lists.clear();
        for (int i = 0; i < dd->CmdListsCount; ++i) {
            ImDrawList* list = dd->CmdLists[i];
            if (!behind(list)) {
                B.frame_lists.push_back(list);
                continue;
            }
            if (std::strcmp(list->_OwnerName, kRoot) != 0) continue;  // a child not drawn this frame is not listed
            dd->TotalVtxCount -= list->VtxBuffer.Size;
            dd->TotalIdxCount -= list->IdxBuffer.Size;
            for (const auto& copy : B.lists) {
                B.frame_lists.push_back(copy.get());
                dd->TotalVtxCount += copy->VtxBuffer.Size;
                dd->TotalIdxCount += copy->IdxBuffer.Size;
            }
        }
        dd->CmdLists = B.frame_lists.data();
        dd->CmdListsCount = static_cast<int>(B.frame_lists.size());
        ++B.frames;
        if (!covering_panel_open()) platform_.request_frame();  // closed in this frame: the windows behind come back
        return;
    }
    B.lists.clear();
    // Kept only from a frame with the panel open whose glyphs were all drawn (a frame short of some draws blanks).
    if (!covering_panel_open() || glyph_stats().pending) return;
    for (int i = 0; i < dd->CmdListsCount; ++i) {
        if (!behind(dd->CmdLists[i])) continue;
        B.lists.emplace_back(dd->CmdLists[i]->CloneOutput());
        B.lists.back()->_OwnerName = dd->CmdLists[i]->_OwnerName;  // the window's name (windows live as long as ImGui)
    }
    const ImGuiIO& io = ImGui::GetIO();
    B.w = io.DisplaySize.x;
    B.h = io.DisplaySize.y;
    B.scale = io.DisplayFramebufferScale.x;
    B.texture = io.Fonts->TexID;
    B.key = backdrop_key();
    B.at = ImGui::GetTime();
}

}  // namespace hs::ui
