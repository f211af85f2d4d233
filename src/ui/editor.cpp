// The document editor: header fields, sections in the template's order, lists, impact, action items.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "app.h"
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

// The core's mapping of prose section keys to fields, for a document the editor may change.
std::string* prose_of(Document& d, const std::string& key) {
    return const_cast<std::string*>(export_detail::prose_field(d, key));
}

std::vector<Item>* items_of(Document& d, const std::string& list) { return hs::item_list(d, list); }

template <class T>
T* by_id(std::vector<T>& v, const std::string& id) {
    for (T& x : v)
        if (x.id == id) return &x;
    return nullptr;
}

// Moves element i by delta (-1 up, +1 down) if it stays in range.
template <class T>
bool move_item(std::vector<T>& v, size_t i, int delta) {
    long j = static_cast<long>(i) + delta;
    if (j < 0 || j >= static_cast<long>(v.size())) return false;
    std::swap(v[i], v[static_cast<size_t>(j)]);
    return true;
}

bool is_overdue(const ActionItem& a, int64_t now_ms) {
    if (a.due.empty() || a.status == "done" || a.status == "wont_do" || !is_calendar_date(a.due)) return false;
    int y = std::stoi(a.due.substr(0, 4));
    unsigned m = static_cast<unsigned>(std::stoi(a.due.substr(5, 2)));
    unsigned dd = static_cast<unsigned>(std::stoi(a.due.substr(8, 2)));
    int64_t due_end_ms = (days_from_civil(y, m, dd) + 1) * 86400000LL;
    return now_ms >= due_end_ms;
}

}  // namespace

// ---- fields ----------------------------------------------------------------------------------------------------

std::string* App::field(const std::string& path) {
    if (path.compare(0, 3, "ui:") == 0) {  // an input outside the document (text_input.h)
        auto it = ui_values_.find(path);
        return it == ui_values_.end() ? nullptr : it->second;
    }
    return doc_ ? hs::text_field(*doc_, path) : nullptr;
}

void App::activate_field(const std::string& path) {
    if (!platform_.has_text_overlay()) return;
    std::string* v = field(path);
    if (!v) return;
    active_path_ = path;
    active_drawn_ = true;  // activated while drawing: it is shown from the next frame on
    overlay_text_ = *v;
    overlay_send_text_ = true;
    platform_.request_frame();
}

void App::overlay_input(const std::string& path, const std::string& text) {
    if (path != active_path_) return;
    std::string* v = field(path);
    if (!v) return;
    overlay_text_ = text;
    if (*v == text) return;
    *v = text;
    if (path.compare(0, 3, "ui:") == 0) {  // not a document field: its owner sees the change when it draws
        ui_events_[path].changed = true;
        platform_.request_frame();
        return;
    }
    if (path == "title") update_window_title();
    edited(path, "Edit " + path);
}

void App::overlay_done(const std::string& path, int how) {
    if (path != active_path_) return;
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
}

void App::overlay_height(const std::string& path, float css_px) {
    float& h = overlay_heights_[path];
    if (std::fabs(h - css_px) > 0.5f) {
        h = css_px;
        platform_.request_frame();
    }
}

bool App::text_field(const std::string& path, std::string& value, const char* hint, bool multiline, float width,
                     unsigned flags) {
    field_order_.push_back(path);
    const ImGuiStyle& st = ImGui::GetStyle();
    const std::string id = "##" + path;
    bool changed = false;
    const bool flash = path == highlight_path_ && highlight_until_ > 0;
    if (flash) ImGui::PushStyleColor(ImGuiCol_Border, palette().warning);
    if (!platform_.has_text_overlay()) {
        // Native: ImGui's own widgets.
        ImGui::SetNextItemWidth(width);
        if (multiline && !(flags & kInputFitText)) {
            int lines = 1 + static_cast<int>(std::count(value.begin(), value.end(), '\n'));
            float h = ImGui::GetTextLineHeight() * static_cast<float>(std::max(3, lines + 1)) + st.FramePadding.y * 2;
            changed = ImGui::InputTextMultiline(id.c_str(), &value, ImVec2(width, h));
        } else {
            changed = ImGui::InputTextWithHint(id.c_str(), hint, &value);
        }
        mark("field." + path);
        if (flash) ImGui::PopStyleColor();
        if (changed) edited(path, "Edit " + path);
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
    findings_ = lint(*doc_, default_blame_phrases(), lint_cache_);
    blame_marks_.clear();
    for (const Finding& f : findings_)
        if ((f.rule == "blame-language" || f.rule == "blame-person") && f.end > f.start) {
            TextSpan m{finding_path(f), f.section, f.start, f.end, f.message};
            if (!f.suggestion.empty()) m.tip += "\n" + f.suggestion;
            blame_marks_.emplace(m.path, m);
        }
    find_stale_ = true;
    derived_dirty_ = false;
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
    ImGui::SetCursorPos(ImVec2(x, std::max(20.0f + (find_open_ ? find_bar_h_ : 0.0f), ImGui::GetCursorPosY() + 6)));
    ImGui::BeginGroup();
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
    ImGui::Spacing();
    const std::vector<std::string>& order = d.sections.empty() ? vocab::kSections : d.sections;
    for (const std::string& key : order) draw_section(key, w);
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
    if (ImGui::BeginCombo("##severity", d.severity ? severity_label(d).c_str() : "Not set")) {
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
    if (ImGui::BeginCombo("##status", status_label(d.status).c_str())) {
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
    bool open = ImGui::CollapsingHeader(section_title(key).c_str());
    ImGui::PopFont();
    mark("section." + key);
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
        text_field(list_path + "/" + it.id + "/text", it.text, "", true, fw);
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
    if (remove >= 0) {
        items.erase(items.begin() + remove);
        edited(list_path + "#remove", "Remove item");
    }
    ImGui::PushID(list_path.c_str());
    if (ImGui::Button((std::string(ICON_PLUS "  ") + add_label).c_str())) {
        Item it;
        it.id = new_id(id_prefix);
        items.push_back(it);
        edited(list_path + "#add", add_label);
        activate_field(list_path + "/" + it.id + "/text");
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
    timeline_->draw(*doc_, doc_rev_, w, [this](const std::string& group, const std::string& label) {
        edited(group, label);
        return doc_rev_;
    }, platform_.now_ms());
}

// ---- action items ----------------------------------------------------------------------------------------------
// A sortable table where the section is wide; below kActionCardsBelow px (a phone) one card per item, where every
// field has a label and a full line. Both draw the same controls under the same locate names.

namespace {

constexpr float kActionCardsBelow = 600;

// Whether `path` is a field of action item `id` ("action_items/<id>/...").
bool in_item(const std::string& path, const std::string& id) {
    static const std::string kPrefix = "action_items/";
    return path.size() > kPrefix.size() + id.size() && path.compare(0, kPrefix.size(), kPrefix) == 0 &&
           path.compare(kPrefix.size(), id.size(), id) == 0 && path[kPrefix.size() + id.size()] == '/';
}

// The locate names of an item's controls, also recorded for a row or card that stands in undrawn.
const char* const kItemMarks[] = {"field.action_items/{}/title",      "field.action_items/{}/owner",
                                  "field.action_items/{}/due",        "field.action_items/{}/ticket_url",
                                  "action.priority.{}",               "action.status.{}",
                                  "action.type.{}",                   "action.delete.{}",
                                  "datepicker.due-{}"};
// Its text fields, in Tab order.
const char* const kItemFields[] = {"/title", "/owner", "/due", "/ticket_url"};

std::string as_is(const std::string& s) { return s; }

// The width of App::action_buttons: up, down and delete.
float action_buttons_width() { return ImGui::CalcTextSize(ICON_ARROW_UP ICON_ARROW_DOWN ICON_TRASH).x + 8 * 3; }

}  // namespace

void App::draw_actions(float w) {
    Document& d = *doc_;
    if (d.action_items.empty()) muted_text(section_hint("action_items").c_str());
    if (action_rows_w_ != w || action_rows_font_ != ImGui::GetFontSize()) {  // heights measured at another size
        action_row_h_.clear();
        action_rows_w_ = w;
        action_rows_font_ = ImGui::GetFontSize();
    }
    action_row_prev_id_.clear();
    ActionOps ops;
    if (!d.action_items.empty()) {
        if (w < kActionCardsBelow) draw_action_cards(w, ops);
        else draw_action_table(w, ops);
    }
    if (ops.up >= 0 && move_item(d.action_items, static_cast<size_t>(ops.up), -1)) edited("action_items#order", "Reorder");
    if (ops.down >= 0 && move_item(d.action_items, static_cast<size_t>(ops.down), +1))
        edited("action_items#order", "Reorder");
    if (ops.remove >= 0) {
        d.action_items.erase(d.action_items.begin() + ops.remove);
        edited("action_items#remove", "Delete action item");
    }
    if (ImGui::Button(ICON_PLUS "  Add action item")) {
        ActionItem a;
        a.id = new_id("ai");
        d.action_items.push_back(a);
        edited("action_items#add", "Add action item");
        activate_field("action_items/" + a.id + "/title");
    }
    mark("add.action_items");
}

void App::draw_action_table(float w, ActionOps& ops) {
    Document& d = *doc_;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("actions", 6, flags, ImVec2(w, 0))) return;
    ImGui::TableSetupColumn("Pri", ImGuiTableColumnFlags_WidthFixed, 58);
    ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, 138);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, 112);
    ImGui::TableSetupColumn("##ops", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort,
                            action_buttons_width());
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < 6; ++c) {  // as TableHeadersRow, with each header located for tests
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        mark("action.header." + std::to_string(c));
    }
    if (ImGuiTableSortSpecs* ss = ImGui::TableGetSortSpecs()) {
        sort_column_ = ss->SpecsCount > 0 ? ss->Specs[0].ColumnIndex : -1;
        if (ss->SpecsCount > 0) sort_ascending_ = ss->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    }
    // Display order: the document's order, or sorted by a column (the document keeps its order).
    std::vector<size_t> order(d.action_items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    sort_action_order(order);
    const float pad = ImGui::GetStyle().CellPadding.y;
    const int64_t now = platform_.now_ms();
    for (size_t row = 0; row < order.size(); ++row) {
        ActionItem& a = d.action_items[order[row]];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (action_stand_in(a, row + 1 == order.size(), w, pad * 2)) continue;
        draw_action_row(a, order[row], ops, now);
    }
    ImGui::EndTable();
}

void App::sort_action_order(std::vector<size_t>& order) {
    if (sort_column_ < 0) return;
    const std::vector<ActionItem>& items = doc_->action_items;
    auto key = [&](const ActionItem& a) -> std::string {
        switch (sort_column_) {
            case 0: return a.priority;
            case 1: return a.title;
            case 2: return a.owner;
            case 3: return a.due.empty() ? "9999" : a.due;
            case 4: return a.status;
            default: return std::string();
        }
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        const int c = compare_text(key(items[x]), key(items[y]));  // any script's case
        return sort_ascending_ ? c < 0 : c > 0;
    });
}

// Rows (and cards) off screen are not built: each stands in at its height from when it was last drawn, so a thousand
// action items cost what the visible ones cost. Called with the cursor at the top of `a`'s row or card: records the
// height of the one drawn before it, then stands in for `a` and returns true when it was drawn before and is off
// screen. Never for the last one (it ends the table), nor for one holding the active field or a pending scroll or
// highlight. `inset`: what the row or card adds around its content (the stand-in is that much shorter).
bool App::action_stand_in(const ActionItem& a, bool last, float w, float inset) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (!action_row_prev_id_.empty()) action_row_h_[action_row_prev_id_] = at.y - action_row_prev_y_;
    action_row_prev_id_.clear();
    auto cached = action_row_h_.find(a.id);
    if (cached == action_row_h_.end() || last || ImGui::IsRectVisible(ImVec2(1.0f, cached->second)) ||
        in_item(active_path_, a.id) || in_item(scroll_to_path_, a.id) || in_item(highlight_path_, a.id)) {
        action_row_prev_y_ = at.y;
        action_row_prev_id_ = a.id;
        return false;
    }
    ImGui::Dummy(ImVec2(0.0f, cached->second - inset));
    mark_group(kItemMarks, IM_ARRAYSIZE(kItemMarks), a.id, at.x, at.y, w, cached->second - inset);
    if (!active_path_.empty())  // Tab order runs through items that are not drawn
        for (const char* f : kItemFields) field_order_.push_back("action_items/" + a.id + f);
    return true;
}

void App::draw_action_row(ActionItem& a, size_t i, ActionOps& ops, int64_t now) {
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::PushID(a.id.c_str());
    const bool overdue = is_overdue(a, now);
    if (overdue) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, col(palette().danger, palette().dark ? 0.18f : 0.08f));
    action_choice(a, "priority", a.priority, vocab::kPriorities, as_is, ImGui::GetContentRegionAvail().x);
    ImGui::TableNextColumn();
    const float title_w = ImGui::GetContentRegionAvail().x;
    if (title_w != action_rows_title_w_) {  // the columns were laid out again: wrapped heights change
        action_row_h_.clear();
        action_rows_title_w_ = title_w;
    }
    text_field("action_items/" + a.id + "/title", a.title, "What will be done", true, title_w, kInputEnterEnds);
    // Type and ticket under the title: at 1280 px the table has no room for columns of their own. The ticket goes
    // on a line of its own where the title column is narrow.
    const float type_w = ImGui::CalcTextSize("Mitigate").x + st.FramePadding.x * 2 + ImGui::GetFrameHeight();
    action_choice(a, "type", a.type, vocab::kActionTypes, action_type_label, std::min(type_w, title_w));
    const size_t ticket_at = field_order_.size();
    if (title_w - type_w - st.ItemSpacing.x >= 200) {
        ImGui::SameLine();
        action_ticket(a, title_w - type_w - st.ItemSpacing.x, false);
    } else {
        action_ticket(a, title_w, false);
    }
    const size_t ticket_end = field_order_.size();
    ImGui::TableNextColumn();
    text_field("action_items/" + a.id + "/owner", a.owner, "Owner", true, ImGui::GetContentRegionAvail().x,
               kInputEnterEnds | kInputFitText);  // a long name wraps instead of being cut
    ImGui::TableNextColumn();
    action_due(a, ImGui::GetContentRegionAvail().x, overdue);
    // Tab goes title, owner, due, ticket: the ticket, drawn under the title, moves behind the due date.
    std::rotate(field_order_.begin() + static_cast<long>(ticket_at), field_order_.begin() + static_cast<long>(ticket_end),
                field_order_.end());
    ImGui::TableNextColumn();
    action_choice(a, "status", a.status, vocab::kActionStatuses, action_status_label, ImGui::GetContentRegionAvail().x);
    ImGui::TableNextColumn();
    action_buttons(a, i, sort_column_ < 0, ops);
    ImGui::PopID();
}

void App::draw_action_cards(float w, ActionOps& ops) {
    Document& d = *doc_;
    const int64_t now = platform_.now_ms();
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    for (size_t i = 0; i < d.action_items.size(); ++i) {  // the document's order: cards have no column to sort by
        ActionItem& a = d.action_items[i];
        if (action_stand_in(a, i + 1 == d.action_items.size(), w, gap)) continue;
        draw_action_card(a, i, w, ops, now);
    }
}

void App::draw_action_card(ActionItem& a, size_t i, float w, ActionOps& ops, int64_t now) {
    const Palette& p = palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    const bool overdue = is_overdue(a, now);
    ImGui::PushID(a.id.c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);  // the card's background goes under its content, once the content's height is known
    dl->ChannelsSetCurrent(1);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float pad = st.FramePadding.x;
    const float inner = w - pad * 2;
    const float label_w = ImGui::CalcTextSize("Priority").x + st.ItemSpacing.x * 2;
    const float field_w = inner - label_w;
    ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + pad));
    ImGui::BeginGroup();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(p.text_muted, "Action %zu", i + 1);
    ImGui::SameLine(inner - action_buttons_width());
    action_buttons(a, i, true, ops);
    text_field("action_items/" + a.id + "/title", a.title, "What will be done", true, inner,
               kInputEnterEnds | kInputFitText);
    auto label = [&](const char* text) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.text_muted, "%s", text);
        ImGui::SameLine(label_w);
    };
    label("Owner");
    text_field("action_items/" + a.id + "/owner", a.owner, "Who does it", true, field_w,
               kInputEnterEnds | kInputFitText);
    label("Due");
    ImGui::BeginGroup();  // the field and the overdue note below it, beside the label
    action_due(a, field_w, overdue);
    ImGui::EndGroup();
    label("Status");
    action_choice(a, "status", a.status, vocab::kActionStatuses, action_status_label, field_w);
    label("Priority");
    action_choice(a, "priority", a.priority, vocab::kPriorities, as_is, field_w);
    label("Type");
    action_choice(a, "type", a.type, vocab::kActionTypes, action_type_label, field_w);
    label("Ticket");
    action_ticket(a, field_w, true);
    ImGui::EndGroup();
    const ImVec2 bottom(top.x + w, ImGui::GetItemRectMax().y + pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(top, bottom, overdue ? col(p.danger, p.dark ? 0.18f : 0.08f) : col(p.panel_alt),
                      st.FrameRounding);
    dl->AddRect(top, bottom, overdue ? col(p.danger, 0.6f) : ImGui::GetColorU32(ImGuiCol_Border), st.FrameRounding);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom.y));
    ImGui::Dummy(ImVec2(w, 0));  // ends the card: the next one starts an item spacing below
    ImGui::PopID();
}

void App::action_choice(ActionItem& a, const char* field, std::string& value, const std::vector<std::string>& values,
                        std::string (*label)(const std::string&), float width) {
    const std::string id = std::string("##") + field, name = std::string("action.") + field;
    ImGui::SetNextItemWidth(width);
    // A narrow one (the table's priority) shows its value without the arrow, which would leave no room for it.
    const ImGuiComboFlags flags = width < ImGui::GetFrameHeight() * 3 ? ImGuiComboFlags_NoArrowButton : 0;
    if (ImGui::BeginCombo(id.c_str(), label(value).c_str(), flags)) {
        for (const std::string& v : values) {
            if (ImGui::Selectable(label(v).c_str(), value == v) && value != v) {
                value = v;
                edited("action_items/" + a.id + "/" + field, std::string("Set ") + field);
            }
            mark(name + "_option." + v);
        }
        ImGui::EndCombo();
    }
    mark(name + "." + a.id);
}

void App::action_due(ActionItem& a, float width, bool overdue) {
    const float pick_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x;
    text_field("action_items/" + a.id + "/due", a.due, "YYYY-MM-DD", false, width - pick_w);
    ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x);
    if (date_picker("due-" + a.id, a.due, platform_.now_ms())) {
        if (active_path_ == "action_items/" + a.id + "/due") overlay_send_text_ = true;
        edited("action_items/" + a.id + "/due", "Set due date");
    }
    if (overdue) ImGui::TextColored(palette().danger, ICON_WARNING " overdue");
}

// The ticket's URL, and a link button that opens it when it is a web address (else a warning says what is wrong).
// The button's place is kept while the URL is typed, so the field does not move under the caret. In the table
// (`wrap` false: a narrow column, one line) a web address shows as its ticket key, a link, with a button to edit it.
void App::action_ticket(ActionItem& a, float width, bool wrap) {
    const std::string path = "action_items/" + a.id + "/ticket_url";
    if (!wrap && is_http_url(a.ticket_url) && platform_.has_text_overlay() && active_path_ != path &&
        scroll_to_path_ != path && highlight_path_ != path) {
        field_order_.push_back(path);  // Tab still stops here
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(palette().info, ICON_LINK " %s",
                           fit_text(ticket_label(a.ticket_url), width - ImGui::GetFrameHeight() * 2).c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("%s", a.ticket_url.c_str());
        }
        if (ImGui::IsItemClicked()) platform_.open_url(a.ticket_url);
        mark("action.ticket_open." + a.id);
        ImGui::SameLine(0, 4);
        if (icon_button(ICON_PENCIL, "ticket_edit", "Edit the ticket URL")) activate_field(path);
        mark("action.ticket_edit." + a.id);
        return;
    }
    const float button_w = ImGui::GetFrameHeight();
    text_field("action_items/" + a.id + "/ticket_url", a.ticket_url, "Ticket URL", wrap, width - button_w - 4,
               wrap ? kInputEnterEnds | kInputFitText : 0);
    ImGui::SameLine(0, 4);
    if (is_http_url(a.ticket_url)) {
        const std::string tip = "Open " + ticket_label(a.ticket_url) + "\n" + a.ticket_url;
        if (icon_button(ICON_LINK, "ticket", tip.c_str())) platform_.open_url(a.ticket_url);
        mark("action.ticket_open." + a.id);
    } else if (!a.ticket_url.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(palette().warning, ICON_WARNING);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Not a web address: a ticket link starts with https:// or http://");
    } else {
        ImGui::Dummy(ImVec2(button_w, ImGui::GetFrameHeight()));
    }
}

void App::action_buttons(const ActionItem& a, size_t i, bool can_move, ActionOps& ops) {
    ImGui::BeginDisabled(!can_move);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, ImGui::GetStyle().FramePadding.y));
    if (icon_button(ICON_ARROW_UP, "up", "Move up")) ops.up = static_cast<int>(i);
    mark("action.up." + a.id);
    ImGui::SameLine(0, 0);
    if (icon_button(ICON_ARROW_DOWN, "down", "Move down")) ops.down = static_cast<int>(i);
    mark("action.down." + a.id);
    ImGui::EndDisabled();
    ImGui::SameLine(0, 0);
    if (icon_button(ICON_TRASH, "del", "Delete this action item")) ops.remove = static_cast<int>(i);
    mark("action.delete." + a.id);
    ImGui::PopStyleVar();
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
    if (remove >= 0) {
        d.links.erase(d.links.begin() + remove);
        edited("links#remove", "Remove link");
    }
    if (ImGui::Button(ICON_PLUS "  Add link")) {
        LinkRef l;
        l.id = new_id("ln");
        d.links.push_back(l);
        edited("links#add", "Add link");
        activate_field("links/" + l.id + "/title");
    }
    mark("add.links");
}

}  // namespace hs::ui
