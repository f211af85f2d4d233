// The action items: a sortable table where the section is wide; below kActionCardsBelow px (a phone) one card per
// item, where every field has a label and a full line. Both draw the same controls under the same locate names.
#include <algorithm>
#include <cmath>

#include "a11y.h"
#include "app.h"
#include "core/exporters/exporters.h"
#include "core/overview.h"
#include "core/templates.h"
#include "core/text.h"
#include "icons.h"
#include "imgui.h"
#include "list_ops.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"
#include "core/sort.h"

namespace hs::ui {
namespace {

constexpr float kActionCardsBelow = 600;

// The core's rule (overview.h), the same as the overview's counts, on today's UTC date.
bool is_overdue(const ActionItem& a, int64_t now_ms) {
    return hs::is_overdue(a, format_utc(Instant{now_ms, 0, true}).substr(0, 10));
}

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
    if (actions_.rows_w != w || actions_.rows_font != ImGui::GetFontSize()) {  // heights measured at another size
        actions_.row_h.clear();
        actions_.rows_w = w;
        actions_.rows_font = ImGui::GetFontSize();
    }
    actions_.row_prev_id.clear();
    ActionOps ops;
    if (!d.action_items.empty()) {
        if (w < kActionCardsBelow) draw_action_cards(w, ops);
        else draw_action_table(w, ops);
    }
    if (ops.up >= 0 && move_item(d.action_items, static_cast<size_t>(ops.up), -1)) edited("action_items#order", "Reorder");
    if (ops.down >= 0 && move_item(d.action_items, static_cast<size_t>(ops.down), +1))
        edited("action_items#order", "Reorder");
    if (remove_at(d.action_items, ops.remove)) edited("action_items#remove", "Delete action item");
    if (ImGui::Button(ICON_PLUS "  Add action item")) {
        const std::string id = append_new(d.action_items, "ai");
        edited("action_items#add", "Add action item");
        activate_field("action_items/" + id + "/title");
    }
    mark("add.action_items");
    // The tracker's CSV export of the issues Export > Jira CSV or GitLab CSV created: any file picked goes through
    // the same recognition as a dropped one, and a tracker export opens the update dialog (tracker_update.cpp).
    static constexpr const char* kTrackerUpdate = ICON_UPLOAD "  Update from tracker CSV\xe2\x80\xa6";
    fit_same_line(kTrackerUpdate);
    if (ImGui::Button(kTrackerUpdate)) platform_.pick_files();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Open the tracker's CSV export of these items (Jira: Export Excel CSV (all fields); GitLab: "
                          "Export as CSV). Or drop it. Changes are shown before they are made.");
    mark("actions.tracker_update");
}

void App::draw_action_table(float w, ActionOps& ops) {
    Document& d = *doc_;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("actions", 6, flags, ImVec2(w, 0))) return;
    draw_action_table_header();
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
    if (actions_.sort_column < 0) return;
    const std::vector<ActionItem>& items = doc_->action_items;
    auto key = [&](const ActionItem& a) -> std::string {
        switch (actions_.sort_column) {
            case 0: return a.priority;
            case 1: return a.title;
            case 2: return a.owner;
            case 3: return a.due.empty() ? "9999" : a.due;
            case 4: return a.status;
            default: return std::string();
        }
    };
    sort_stable(order.begin(), order.end(), [&](size_t x, size_t y) {
        const int c = compare_text(key(items[x]), key(items[y]));  // any script's case
        return actions_.sort_ascending ? c < 0 : c > 0;
    });
}

// Rows (and cards) off screen are not built: each stands in at its height from when it was last drawn, so a thousand
// action items cost what the visible ones cost. Called with the cursor at the top of `a`'s row or card: records the
// height of the one drawn before it, then stands in for `a` and returns true when it was drawn before and is off
// screen. Never for the last one (it ends the table), nor for one holding the active field or a pending scroll or
// highlight. `inset`: what the row or card adds around its content (the stand-in is that much shorter).
bool App::action_stand_in(const ActionItem& a, bool last, float w, float inset) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (!actions_.row_prev_id.empty()) actions_.row_h[actions_.row_prev_id] = at.y - actions_.row_prev_y;
    actions_.row_prev_id.clear();
    auto cached = actions_.row_h.find(a.id);
    if (cached == actions_.row_h.end() || last || ImGui::IsRectVisible(ImVec2(1.0f, cached->second)) ||
        in_item(active_path_, a.id) || in_item(scroll_to_path_, a.id) || in_item(highlight_path_, a.id)) {
        actions_.row_prev_y = at.y;
        actions_.row_prev_id = a.id;
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
    if (title_w != actions_.rows_title_w) {  // the columns were laid out again: wrapped heights change
        actions_.row_h.clear();
        actions_.rows_title_w = title_w;
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
    action_buttons(a, i, actions_.sort_column < 0, ops);
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
    std::string spoken = field;  // the combo box's accessible name: "Status", "Priority", "Type"
    spoken[0] = static_cast<char>(spoken[0] - 'a' + 'A');
    ImGui::SetNextItemWidth(width);
    // A narrow one (the table's priority) shows its value without the arrow, which would leave no room for it.
    const ImGuiComboFlags flags = width < ImGui::GetFrameHeight() * 3 ? ImGuiComboFlags_NoArrowButton : 0;
    if (a11y_begin_combo(id.c_str(), spoken.c_str(), label(value).c_str(), flags)) {
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

// The columns and their headers, and the sort they ask for.
void App::draw_action_table_header() {
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
        actions_.sort_column = ss->SpecsCount > 0 ? ss->Specs[0].ColumnIndex : -1;
        if (ss->SpecsCount > 0) actions_.sort_ascending = ss->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    }
}

}  // namespace hs::ui
