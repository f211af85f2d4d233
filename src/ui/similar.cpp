// Similar past incidents while writing: a collapsible part of the side panel listing earlier postmortems like the open
// draft, why each matched (shared services, factor categories, words), their lessons and open action items, and a
// note when one looks like a repeat within 90 days. Ranked by the platform's library jobs (src/platform/library_job.h,
// core/similar.h), in the page's worker; nothing is computed here while the section is closed.
#include <algorithm>

#include "app.h"
#include "core/format.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "library_json.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

// The open draft is compared again this long after its last change (or the library's), not at every keystroke.
constexpr int64_t kSimilarPauseMs = 1200;
constexpr size_t kLinksShown = 6;  // lessons first, then open action items

const Json& list_of(const Json& j, const char* key) {
    static const Json none = Json::array();
    const Json& v = json_member(j, key);
    return v.is_array() ? v : none;
}

// A line of wrapped text that opens something when clicked. True when clicked.
bool link_line(const std::string& text, const ImVec4& colour) {
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 sz = ImGui::CalcTextSize(text.c_str(), nullptr, false, w);
    const bool clicked = ImGui::Selectable("##line", false, 0, ImVec2(w, sz.y));
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, col(colour), text.c_str(),
                                        text.c_str() + text.size(), w);
    return clicked;
}

}  // namespace

void App::similar_ask() {
    LibraryState& L = library_;
    const int64_t now = platform_.now_ms();
    const bool other_draft = L.similar_for != draft_id_;
    if (other_draft || L.similar_rev != doc_rev_) {
        if (other_draft) L.similar = Json();
        L.similar_for = draft_id_;
        L.similar_rev = doc_rev_;
        L.similar_stale = true;
        L.similar_changed_ms = other_draft ? 0 : now;  // another draft: at once; an edit: after a pause
    }
    if (!L.similar_stale || !L.problem.empty()) return;
    if (now - L.similar_changed_ms < kSimilarPauseMs) {
        platform_.set_timer(static_cast<int>(kSimilarPauseMs - (now - L.similar_changed_ms)));
        return;
    }
    L.similar_stale = false;
    const int seq = ++L.similar_seq;
    const size_t expected = L.sent.size();
    // The document's JSON as it is, not escaped into a string (a draft id needs no escaping: is_valid_draft_id).
    platform_.library_job("similar", "{\"id\":\"" + draft_id_ + "\",\"doc\":" + save_document(*doc_) + "}",
                          [this, seq, expected](int status, const std::string& text) {
                              LibraryState& S = library_;
                              if (seq != S.similar_seq) return;  // asked again since
                              platform_.request_frame();
                              if (status != Platform::kLinkOk) {
                                  S.similar_problem = text;
                                  return;
                              }
                              S.similar_problem.clear();
                              Json a = Json::parse(text, nullptr, false);
                              if (!a.is_object()) return;
                              if (a.value("size", size_t{0}) < expected) {  // the index was lost: send it all again
                                  S.sent.clear();
                                  S.similar_stale = true;
                              }
                              S.similar = list_of(a, "items");
                          });
}

void App::draw_similar_section() {
    const Palette& p = palette();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    ImGui::SetNextItemOpen(library_.similar_open);
    library_.similar_open = ImGui::CollapsingHeader(ICON_LIGHTBULB "  Similar incidents##similar");
    ImGui::PopFont();
    mark("similar.header");
    if (!library_.similar_open || !doc_) return;
    if (!store_) {
        muted_text("Your drafts are not loaded yet, so there is nothing to compare with.");
        return;
    }
    library_feed();
    similar_ask();
    if (!library_.problem.empty() || !library_.similar_problem.empty()) {
        const std::string& why = library_.problem.empty() ? library_.similar_problem : library_.problem;
        ImGui::TextColored(p.danger, "%s", why.c_str());
        return;
    }
    const Json& items = library_.similar;
    if (!items.is_array()) {
        muted_text("Comparing with your other postmortems\xe2\x80\xa6");
        return;
    }
    if (items.empty()) {
        ImGui::TextWrapped("No earlier postmortem is like this one yet. Name the services and the factors' categories "
                           "to compare it by them too.");
        mark("similar.none");
        return;
    }
    std::string open_id, open_path;
    for (size_t i = 0; i < items.size(); ++i) {
        const Json& s = items[i];
        const std::string id = json_text(s, "id"), n = std::to_string(i);
        ImGui::PushID(static_cast<int>(i));
        if (i > 0) ImGui::Separator();
        const std::string note = json_text(s, "note");
        if (!note.empty()) {
            if (link_line(ICON_WARNING " " + note, p.warning)) open_id = id;
            mark("similar.repeat." + n);
        }
        ImGui::PushFont(fonts().bold);
        const std::string title = json_text(s, "title");
        if (link_line(title.empty() ? std::string("Untitled postmortem") : title, p.accent)) open_id = id;
        ImGui::PopFont();
        mark("similar.item." + n);
        muted_text(json_text(s, "when").c_str());
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(p.text_muted, "%s", json_text(s, "why").c_str());
        ImGui::PopTextWrapPos();
        // Its lessons and open action items: each opens that postmortem at its field.
        const Json& links = list_of(s, "links");
        for (size_t j = 0; j < links.size() && j < kLinksShown; ++j) {
            ImGui::PushID(static_cast<int>(j));
            if (link_line(json_text(links[j], "text"), p.text)) open_id = id, open_path = json_text(links[j], "path");
            mark("similar.link." + n + "." + std::to_string(j));
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    if (open_id.empty()) return;
    if (open_path.empty()) open_draft(open_id);
    else open_at_field(open_id, open_path);
}

}  // namespace hs::ui
