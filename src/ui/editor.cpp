// The document editor: header fields, sections in the template's order, lists, impact, action items.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

#include "a11y.h"
#include "app.h"
#include "core/edit_journal.h"
#include "list_ops.h"
#include "core/exporters/exporters.h"
#include "core/history.h"
#include "core/lint.h"
#include "core/schema.h"
#include "core/templates.h"
#include "core/text.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"
#include "timeline.h"
#include "widgets.h"

namespace hs::ui {
namespace {

constexpr int64_t kLintPauseMs = 300;  // a pause in typing this long runs a slow lint (lint_waits)

// The core's mapping of prose section keys to fields, for a document the editor may change.
std::string* prose_of(Document& d, const std::string& key) {
    return const_cast<std::string*>(export_detail::prose_field(d, key));
}

std::vector<Item>* items_of(Document& d, const std::string& list) { return hs::item_list(d, list); }

}  // namespace

// ---- fields ----------------------------------------------------------------------------------------------------

std::string* App::field(const std::string& path) {
    if (path.compare(0, 3, "ui:") == 0) {  // an input outside the document (text_input.h)
        auto it = ui_values_.find(path);
        return it == ui_values_.end() ? nullptr : it->second;
    }
    return doc_ ? hs::text_field(*doc_, path) : nullptr;  // the core's field paths (schema.h)
}

void App::activate_field(const std::string& path) {
    if (!platform_.has_text_overlay()) return;
    std::string* v = field(path);
    if (!v) return;
    active_path_ = path;
    review_.last_field = path;
    active_drawn_ = true;  // activated while drawing: it is shown from the next frame on
    overlay_text_ = *v;
    overlay_send_text_ = true;
    suggest_begin(path);
    platform_.request_frame();
}

void App::overlay_input(const std::string& path, const std::string& text) {
    if (path != active_path_) return;
    std::string* v = field(path);
    if (!v) return;
    overlay_text_ = text;
    if (suggest_input(path, text)) return;
    if (*v == text) return;
    // Undo keeps this keystroke as the field's text, not as a snapshot of the whole (possibly 1 MB) document.
    if (doc_ && path.compare(0, 3, "ui:") != 0) history_->expect_text(path, *v, doc_->updated);
    *v = text;
    if (path.compare(0, 3, "ui:") == 0) {  // not a document field: its owner sees the change when it draws
        ui_events_[path].changed = true;
        if (path == "ui:library") library_typed();
        else platform_.request_frame();
        return;
    }
    if (path == "title") update_window_title();
    edited_text(path);
}

// The timeline's layout reads only the events (and the document's id, which is not a text field): a keystroke in any
// field outside them leaves it as it is.
void App::edited_text(const std::string& path) {
    edited(path, "Edit " + path);
    typed_rev_ = doc_rev_;
    typed_ms_ = platform_.now_ms();
    typed_path_ = path;
    if (path.compare(0, 8, "timeline") != 0 && path != "id") ++revs_outside_timeline_;
}

bool App::overlay_done(const std::string& path, int how) {
    if (path != active_path_) return false;
    suggest_end(path);
    if (how == 1) ui_events_[path].escape = true;
    if (how == 4) ui_events_[path].enter = true;
    active_path_.clear();
    platform_.overlay_hide();
    if (how == 2 || how == 3) {  // Tab / Shift+Tab: the next or previous field drawn in the last frame
        auto it = std::find(last_field_order_.begin(), last_field_order_.end(), path);
        if (it != last_field_order_.end()) {
            long i = (it - last_field_order_.begin()) + (how == 2 ? 1 : -1);
            if (i >= 0 && i < static_cast<long>(last_field_order_.size()))
                activate_field(last_field_order_[static_cast<size_t>(i)]);
        }
    }
    platform_.request_frame();
    return !active_path_.empty();
}

void App::overlay_height(const std::string& path, float css_px) {
    float& h = overlay_heights_[path];
    if (std::fabs(h - css_px) > 0.5f) {
        h = css_px;
        platform_.request_frame();
    }
}

bool App::text_field(const std::string& path, std::string& field_value, const char* hint, bool multiline, float width,
                     unsigned flags) {
    std::string& value = suggest_view(path, field_value);  // in Suggest mode, the words being typed
    field_order_.push_back(path);
    const ImGuiStyle& st = ImGui::GetStyle();
    const std::string id = "##" + path;
    bool changed = false;
    const bool flash = path == highlight_path_ && highlight_until_ > 0;
    if (flash) ImGui::PushStyleColor(ImGuiCol_Border, palette().warning);
    if (!platform_.has_text_overlay()) {
        // Native: ImGui's own widgets.
        ImGui::SetNextItemWidth(width);
        std::string scratch;  // Suggest mode: the first keystroke of an edit starts it on a copy
        const bool suggest_first = suggesting() && &value == &field_value && doc_ && hs::text_field(*doc_, path);
        std::string& edit = suggest_first ? (scratch = value) : value;
        if (multiline && !(flags & kInputFitText)) {
            int lines = 1 + static_cast<int>(std::count(value.begin(), value.end(), '\n'));
            float h = ImGui::GetTextLineHeight() * static_cast<float>(std::max(3, lines + 1)) + st.FramePadding.y * 2;
            changed = ImGui::InputTextMultiline(id.c_str(), &edit, ImVec2(width, h));
        } else {
            changed = ImGui::InputTextWithHint(id.c_str(), hint, &edit);
        }
        if (suggest_first && changed) {
            suggest_begin(path);
            suggest_input(path, scratch);
        }
        if (ImGui::IsItemDeactivated()) suggest_end(path);
        if (&edit != &field_value) changed = false;  // the document keeps its text
        mark("field." + path);
        draw_comment_marker(path);
        if (ImGui::IsItemActive()) review_.last_field = path;
        if (flash) ImGui::PopStyleColor();
        if (changed) edited_text(path);
        return changed;
    }
    // Web: draw the field; editing happens in the DOM overlay laid over it.
    const bool active = path == active_path_;
    const float line_h = ImGui::GetTextLineHeight();
    const float wrap_w = std::max(10.0f, width - st.FramePadding.x * 2);
    float h;
    if (multiline) {
        float text_h = value.empty() ? line_h : ImGui::CalcTextSize(value.c_str(), nullptr, false, wrap_w).y;
        if (!value.empty() && value.back() == '\n') text_h += line_h;
        h = std::max(text_h, line_h * ((flags & kInputFitText) ? 1 : 3)) + st.FramePadding.y * 2;
        auto it = overlay_heights_.find(path);
        if (active && it != overlay_heights_.end()) h = std::max(h, it->second);
    } else {
        h = ImGui::GetFrameHeight();
    }
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id.c_str(), ImVec2(width, h));
    mark("field." + path);
    draw_comment_marker(path);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (ImGui::IsItemClicked()) activate_field(path);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette();
    ImVec2 q(p.x + width, p.y + h);
    dl->AddRectFilled(p, q, ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg), st.FrameRounding);
    dl->AddRect(p, q, flash ? col(pal.warning) : active ? col(pal.accent) : ImGui::GetColorU32(ImGuiCol_Border),
                st.FrameRounding, 0, active || flash ? 2.0f : 1.0f);
    if (flash) ImGui::PopStyleColor();
    if (path == scroll_to_path_) {  // a find or lint jump: bring the field into view
        ImGui::SetScrollHereY(0.35f);
        scroll_to_path_.clear();
        platform_.request_frame();  // the scroll applies on the next frame
    }
    if (!active) {
        ImVec2 tp(p.x + st.FramePadding.x, p.y + st.FramePadding.y);
        ImVec4 clip(p.x, p.y, q.x, q.y);
        if (value.empty()) {
            if (hint && *hint)
                dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), tp, col(pal.text_muted, 0.85f), hint, nullptr,
                            multiline ? wrap_w : 0.0f, &clip);
        } else {
            draw_text_marks(path, value, tp.x, tp.y, multiline ? wrap_w : 0.0f);  // find matches, blame phrases
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), tp, col(pal.text), value.c_str(), nullptr,
                        multiline ? wrap_w : 0.0f, &clip);
        }
    } else {
        show_overlay(path, value, hint, p.x, p.y, width, h, multiline, flags);
    }
    return changed;
}

void App::show_overlay(const std::string& path, const std::string& value, const char* hint, float x, float y, float w,
                       float h, bool multiline, unsigned flags) {
    active_drawn_ = true;
    if (value != overlay_text_) {  // changed under the overlay (undo, merge): the DOM must follow
        overlay_text_ = value;
        overlay_send_text_ = true;
    }
    Platform::Overlay o;
    o.path = path;
    o.x = x;
    o.y = y;
    o.w = w;
    o.h = h;
    const ImVec2 cmin = ImGui::GetWindowDrawList()->GetClipRectMin(), cmax = ImGui::GetWindowDrawList()->GetClipRectMax();
    o.clip_top = cmin.y;
    o.clip_bottom = cmax.y;
    o.multiline = multiline;
    o.set_text = overlay_send_text_;
    o.text = value;
    o.hint = hint ? hint : "";
    o.font_px = ImGui::GetFontSize();
    o.dark = palette().dark;
    o.flags = flags;
    platform_.overlay_show(o);
    overlay_send_text_ = false;
}

// ---- editor ----------------------------------------------------------------------------------------------------

void App::refresh_derived() {
    const auto start = std::chrono::steady_clock::now();
    findings_ = lint(*doc_, default_blame_phrases(), lint_cache_);
    lint_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    blame_marks_.clear();
    for (const Finding& f : findings_)
        if ((f.rule == "blame-language" || f.rule == "blame-person") && f.end > f.start) {
            TextSpan m{finding_path(f), f.section, f.start, f.end, f.message};
            if (!f.suggestion.empty()) m.tip += "\n" + f.suggestion;
            blame_marks_.emplace(m.path, m);
        }
    find_.stale = true;
    derived_dirty_ = false;
}

// The lint of a large document (6 ms a keystroke for 1 MB in the browser, a third of a frame) runs when the typing
// pauses, as a spelling checker's does, when the last change was a keystroke. Until then the field being typed in
// shows no marks (theirs would be at the old text's places); the others keep theirs, and the findings panel lists
// the last run's findings.
bool App::lint_waits() {
    const double above = platform_.lint_wait_above_ms();
    if (above <= 0 || lint_ms_ <= above || typed_rev_ != doc_rev_) return false;
    const int64_t since = platform_.now_ms() - typed_ms_;
    if (since < 0 || since >= kLintPauseMs) return false;
    blame_marks_.erase(typed_path_);
    platform_.set_timer(static_cast<int>(kLintPauseMs - since));
    return true;
}

std::vector<std::pair<std::string, std::string>> App::text_fields() {
    std::vector<std::pair<std::string, std::string>> out;
    if (!doc_) return out;
    Document& d = *doc_;
    out.push_back({"title", ""});
    out.push_back({"incident_id", ""});
    out.push_back({"owner", ""});
    const std::vector<std::string>& order = d.sections.empty() ? vocab::kSections : d.sections;
    for (const std::string& key : order) {
        if (prose_of(d, key)) {
            out.push_back({key, key});
        } else if (key == "impact") {
            out.push_back({"impact.description", key});
            out.push_back({"impact.slo", key});
        } else if (key == "timeline") {
            for (const Event& e : d.timeline) {
                out.push_back({"timeline/" + e.id + "/description", key});
                out.push_back({"timeline/" + e.id + "/author", key});
            }
        } else if (key == "action_items") {
            for (const ActionItem& a : d.action_items)
                for (const char* f : {"title", "owner", "description", "ticket_url"})
                    out.push_back({"action_items/" + a.id + "/" + f, key});
        } else if (key == "links") {
            for (const LinkRef& l : d.links) {
                out.push_back({"links/" + l.id + "/title", key});
                out.push_back({"links/" + l.id + "/url", key});
            }
        } else {
            const std::vector<std::string> lists =
                key == "lessons" ? std::vector<std::string>{"lessons.went_well", "lessons.went_wrong",
                                                            "lessons.got_lucky"}
                                 : std::vector<std::string>{key};
            for (const std::string& l : lists)
                if (std::vector<Item>* items = items_of(d, l))
                    for (const Item& it : *items) out.push_back({l + "/" + it.id + "/text", key});
        }
    }
    return out;
}

void App::draw_editor() {
    Document& d = *doc_;
    float avail = ImGui::GetContentRegionAvail().x;
    float w = std::min(880.0f, avail - 24);
    float x = std::max(12.0f, (avail - w) * 0.5f);
    // Below the sidebar, when it is inline; below the find bar, when it is open (it floats over the top).
    ImGui::SetCursorPos(ImVec2(x, std::max(20.0f + (find_.open ? find_.bar_h : 0.0f), ImGui::GetCursorPosY() + 6)));
    ImGui::BeginGroup();
    if (suggesting()) draw_suggest_banner(w);
    if (read_only_) {
        ImGui::TextColored(palette().warning, ICON_LOCK);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(x + w);  // the editor's right edge: the lines hang under the first, beside the lock
        ImGui::TextWrapped("This draft is being edited in another tab. This tab shows it read-only so that no edit "
                           "is lost; close the other tab to edit here.");
        ImGui::PopTextWrapPos();
        mark("editor.read_only");
        ImGui::BeginDisabled();
    }
    ImGui::PushFont(fonts().title);
    text_field("title", d.title, "Untitled postmortem", false, w);
    ImGui::PopFont();
    ImGui::Spacing();
    draw_header_fields(w);
    draw_classification(w);  // services, tags, detection method (classify.cpp)
    ImGui::Spacing();
    const std::vector<std::string>& order = d.sections.empty() ? vocab::kSections : d.sections;
    for (const std::string& key : order) draw_section(key, w);
    draw_review_section(w);
    if (read_only_) ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(w, 60));
    ImGui::EndGroup();
}

void App::draw_header_fields(float w) {
    Document& d = *doc_;
    const Palette& p = palette();
    const bool two = w > 560;
    if (!ImGui::BeginTable("header", two ? 4 : 2, ImGuiTableFlags_SizingStretchProp, ImVec2(w, 0))) return;
    ImGui::TableSetupColumn("k1", ImGuiTableColumnFlags_WidthFixed, 80);
    ImGui::TableSetupColumn("v1", ImGuiTableColumnFlags_WidthStretch);
    if (two) {
        ImGui::TableSetupColumn("k2", ImGuiTableColumnFlags_WidthFixed, 80);
        ImGui::TableSetupColumn("v2", ImGuiTableColumnFlags_WidthStretch);
    }
    auto label = [&](const char* t) {
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.text_muted, "%s", t);
        ImGui::TableNextColumn();
    };
    label("Incident");
    text_field("incident_id", d.incident_id, "INC-1234", false, ImGui::GetContentRegionAvail().x);
    label("Severity");
    ImGui::SetNextItemWidth(-1);
    if (a11y_begin_combo("##severity", "Severity", d.severity ? severity_label(d).c_str() : "Not set")) {
        for (int s = 1; s <= 5; ++s) {
            Document probe;
            probe.severity = s;
            probe.severity_labels = d.severity_labels;
            ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(s));
            if (ImGui::Selectable(severity_label(probe).c_str(), d.severity == s)) {
                d.severity = s;
                edited("severity", "Set severity");
            }
            ImGui::PopStyleColor();
        }
        ImGui::EndCombo();
    }
    mark("editor.severity");
    label("Owner");
    text_field("owner", d.owner, "Who drives this review", false, ImGui::GetContentRegionAvail().x);
    label("Status");
    ImGui::SetNextItemWidth(-1);
    if (a11y_begin_combo("##status", "Status", status_label(d.status).c_str())) {
        for (const std::string& s : vocab::kStatuses)
            if (ImGui::Selectable(status_label(s).c_str(), d.status == s)) {
                d.status = s;
                edited("status", "Set status");
            }
        ImGui::EndCombo();
    }
    mark("editor.status");
    ImGui::EndTable();
}

void App::draw_section(const std::string& key, float w) {
    Document& d = *doc_;
    ImGui::PushID(key.c_str());
    if (scroll_to_section_ == key) {
        ImGui::SetScrollHereY(0.1f);
        ImGui::SetNextItemOpen(true);
        scroll_to_section_.clear();
        platform_.request_frame();  // the scroll applies on the next frame
    } else {
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    }
    ImGui::PushFont(fonts().bold);
    bool open = ImGui::CollapsingHeader(section_title(key).c_str(), ImGuiTreeNodeFlags_AllowItemOverlap);
    ImGui::PopFont();
    mark("section." + key);
    if (prose_of(d, key)) draw_comment_button(key);
    if (open) {
        ImGui::Indent(4);
        const float iw = w - 4;
        const std::string hint = section_hint(key);
        if (std::string* prose = prose_of(d, key)) {
            text_field(key, *prose, hint.c_str(), true, iw);
        } else if (key == "impact") {
            draw_impact(iw);
        } else if (key == "timeline") {
            draw_timeline_list(iw);
        } else if (key == "action_items") {
            draw_actions(iw);
        } else if (key == "links") {
            draw_links(iw);
        } else if (key == "lessons") {
            const char* groups[][3] = {{"lessons.went_well", "Went well", "ll"},
                                       {"lessons.went_wrong", "Went wrong", "ll"},
                                       {"lessons.got_lucky", "Got lucky", "ll"}};
            for (auto& g : groups) {
                ImGui::TextColored(palette().text_muted, "%s", g[1]);
                draw_item_list(g[0], *items_of(d, g[0]), "Add a lesson", g[2], false, iw);
            }
        } else if (std::vector<Item>* items = items_of(d, key)) {
            if (items->empty()) muted_text(hint.c_str());
            const char* prefix = key == "root_causes" ? "rc" : key == "five_whys" ? "why" : key == "open_questions" ? "oq" : "cf";
            const char* add = key == "root_causes" ? "Add a root cause" : key == "five_whys" ? "Ask why" :
                              key == "open_questions" ? "Add a question" : "Add a factor";
            draw_item_list(key, *items, add, prefix, key == "five_whys", iw);
        }
        ImGui::Unindent(4);
    }
    ImGui::PopID();
    ImGui::Spacing();
}

void App::draw_item_list(const std::string& list_path, std::vector<Item>& items, const char* add_label,
                         const char* id_prefix, bool numbered, float w) {
    const Palette& p = palette();
    int remove = -1, up = -1, down = -1;
    for (size_t i = 0; i < items.size(); ++i) {
        Item& it = items[i];
        ImGui::PushID(it.id.c_str());
        float controls = ImGui::GetFrameHeight() * 3 + 12;
        if (numbered) {
            // Five whys as a chain: "Why 1" ... with a connector.
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(p.accent, "Why %d", static_cast<int>(i + 1));
            ImGui::SameLine(64);
        } else {
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(p.text_muted, "\xe2\x80\xa2");
            ImGui::SameLine(22);
        }
        float fw = w - ImGui::GetCursorPosX() + ImGui::GetItemRectMin().x - ImGui::GetWindowPos().x - controls;
        fw = std::max(120.0f, w - (numbered ? 64.0f : 22.0f) - controls);
        const bool factor = list_path == "contributing_factors";  // with its category (classify.cpp)
        if (factor) fw = std::max(120.0f, fw - factor_category_width() - ImGui::GetStyle().ItemSpacing.x);
        text_field(list_path + "/" + it.id + "/text", it.text, "", true, fw);
        if (factor) {
            ImGui::SameLine();
            draw_factor_category(it, factor_category_width());
        }
        ImGui::SameLine();
        ImGui::BeginGroup();
        if (icon_button(ICON_ARROW_UP, "up", "Move up")) up = static_cast<int>(i);
        ImGui::SameLine(0, 2);
        if (icon_button(ICON_ARROW_DOWN, "down", "Move down")) down = static_cast<int>(i);
        ImGui::SameLine(0, 2);
        if (icon_button(ICON_TRASH, "del", "Remove")) remove = static_cast<int>(i);
        mark("item.remove." + it.id);
        ImGui::EndGroup();
        if (numbered && i + 1 < items.size()) {
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 18);
            ImGui::TextColored(p.text_muted, ICON_ARROW_DOWN);
        }
        ImGui::PopID();
    }
    if (up >= 0 && move_item(items, static_cast<size_t>(up), -1)) edited(list_path + "#order", "Reorder");
    if (down >= 0 && move_item(items, static_cast<size_t>(down), +1)) edited(list_path + "#order", "Reorder");
    if (remove_at(items, remove)) edited(list_path + "#remove", "Remove item");
    ImGui::PushID(list_path.c_str());
    if (ImGui::Button((std::string(ICON_PLUS "  ") + add_label).c_str())) {
        const std::string id = append_new(items, id_prefix);
        edited(list_path + "#add", add_label);
        activate_field(list_path + "/" + id + "/text");
    }
    mark("add." + list_path);
    ImGui::PopID();
}

void App::draw_impact(float w) {
    Document& d = *doc_;
    Impact& im = d.impact;
    text_field("impact.description", im.description, section_hint("impact").c_str(), true, w);
    ImGui::Spacing();
    struct Num { const char* label; std::optional<double>* v; const char* fmt; };
    Num nums[] = {{"Users affected", &im.users_affected, "%.0f"},
                  {"Requests failed", &im.requests_failed, "%.0f"},
                  {"Revenue lost", &im.revenue_lost, "%.2f"},
                  {"Support tickets", &im.support_tickets, "%.0f"},
                  {"Error budget used (%)", &im.error_budget_consumed_pct, "%.1f"}};
    // Label + field pairs that flow onto as many lines as the width needs.
    const float label_w = 150, field_w = 130, pair_w = label_w + field_w + 24;
    const int per_line = std::max(1, static_cast<int>(w / pair_w));
    int n = 0;
    for (Num& num : nums) {
        if (n % per_line != 0) ImGui::SameLine(static_cast<float>(n % per_line) * pair_w + ImGui::GetCursorStartPos().x);
        ImGui::PushID(num.label);
        ImGui::BeginGroup();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(palette().text_muted, "%s", num.label);
        ImGui::SameLine(label_w);
        char buf[64] = "";
        if (num.v->has_value()) std::snprintf(buf, sizeof buf, num.fmt, **num.v);
        ImGui::SetNextItemWidth(field_w);
        if (ImGui::InputTextWithHint("##n", "\xe2\x80\x94", buf, sizeof buf, ImGuiInputTextFlags_CharsDecimal)) {
            if (buf[0] == 0) num.v->reset();
            else *num.v = std::atof(buf);
            edited(std::string("impact.") + num.label, "Edit impact");
        }
        mark(std::string("impact.") + num.label);
        ImGui::EndGroup();
        ImGui::PopID();
        ++n;
    }
    ImGui::TextColored(palette().text_muted, "SLO affected");
    text_field("impact.slo", im.slo, "e.g. 99.9% of checkout requests succeed over 28 days", false, w);
}

void App::draw_timeline_list(float w) {
    ensure_timeline();
    timeline_->draw(*doc_, timeline_rev(), w, [this](const std::string& group, const std::string& label) {
        edited(group, label);
        return timeline_rev();
    }, platform_.now_ms());
}

void App::draw_links(float w) {
    Document& d = *doc_;
    int remove = -1;
    for (size_t i = 0; i < d.links.size(); ++i) {
        LinkRef& l = d.links[i];
        ImGui::PushID(l.id.c_str());
        float half = (w - ImGui::GetFrameHeight() - 20) * 0.5f;
        text_field("links/" + l.id + "/title", l.title, "Title", false, half);
        ImGui::SameLine();
        text_field("links/" + l.id + "/url", l.url, "https://...", false, half);
        ImGui::SameLine();
        if (icon_button(ICON_TRASH, "del", "Remove link")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove_at(d.links, remove)) edited("links#remove", "Remove link");
    if (ImGui::Button(ICON_PLUS "  Add link")) {
        const std::string id = append_new(d.links, "ln");
        edited("links#add", "Add link");
        activate_field("links/" + id + "/title");
    }
    mark("add.links");
}

}  // namespace hs::ui
