// The timeline as a list: a sortable, filterable table with inline editing, in sync with the axis (one selection).
// Only the visible rows are drawn (ImGuiListClipper); the filtered and sorted order is rebuilt only when the
// document, a filter or the sort changes.
#include <algorithm>
#include <cstdio>

#include "core/exporters/exporters.h"
#include "a11y.h"
#include "core/text.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "text_input.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"
#include "timeline.h"
#include "widgets.h"

namespace hs::ui {
// One place that deletes an event (the list's Delete, the axis's Delete key): one copy of the erase code.
void Timeline::remove_event(Document& d, const std::string& id) {
    d.timeline.erase(std::remove_if(d.timeline.begin(), d.timeline.end(), [&](const Event& e) { return e.id == id; }),
                     d.timeline.end());
    commit(d, "timeline#remove", "Delete event");
}

void Timeline::rebuild_rows(const Document& d) {
    rows_.clear();
    const std::string* type = filter_type_ >= 0 ? &vocab::kEventTypes[static_cast<size_t>(filter_type_)] : nullptr;
    for (size_t i = 0; i < d.timeline.size(); ++i) {
        const Event& e = d.timeline[i];
        if (type && event_type_index(e.type) != filter_type_) continue;
        // Case-insensitive in every script; no filter (the usual case after an edit) costs no text scan.
        if (!filter_text_.empty() && !contains_ci(e.description, filter_text_)) continue;
        if (!filter_author_.empty() && !contains_ci(e.author, filter_author_)) continue;
        rows_.push_back(static_cast<int>(i));
    }
    const auto key_time = [&](int i) {
        const Instant& t = d.timeline[static_cast<size_t>(i)].time;
        return t.set ? t.unix_ms : INT64_MAX;
    };
    const auto row_before = [&](int a, int b) {
        const Event &x = d.timeline[static_cast<size_t>(a)], &y = d.timeline[static_cast<size_t>(b)];
        int c = 0;
        switch (sort_column_) {
            case 1: c = event_type_index(x.type) - event_type_index(y.type); break;
            case 2: c = compare_text(x.description, y.description); break;
            case 3: c = compare_text(x.author, y.author); break;
            default: break;
        }
        if (c == 0) c = key_time(a) < key_time(b) ? -1 : key_time(a) > key_time(b) ? 1 : 0;
        return sort_ascending_ ? c < 0 : c > 0;
    };
    // The timeline is kept in time order, so the default sort usually finds the rows sorted already.
    if (!std::is_sorted(rows_.begin(), rows_.end(), row_before)) std::stable_sort(rows_.begin(), rows_.end(), row_before);
    rows_dirty_ = false;
}

void Timeline::draw_list(Document& d, float w) {
    draw_list_filters(d, w);
    const TimeZone zone = display_zone();
    const bool multi_day = index_.t_max - index_.t_min > kDayMs - kHourMs;
    const float row_h = ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y * 2;
    const float list_h = std::min(row_h * 14, row_h * (static_cast<float>(rows_.size()) + 1.4f) + 4);
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (list_into_view_) {
        // A row's field is about to be edited, and rows are drawn only where they show: the editor scrolls as little
        // as brings the whole list into view.
        list_into_view_ = false;
        const float top = ImGui::GetCursorScreenPos().y, win_top = ImGui::GetWindowPos().y;
        const float below = top + list_h + 8 - (win_top + ImGui::GetWindowHeight());
        if (below > 0) ImGui::SetScrollY(ImGui::GetScrollY() + std::min(below, std::max(0.0f, top - win_top - 8)));
        else if (top < win_top) ImGui::SetScrollY(ImGui::GetScrollY() - (win_top - top) - 8);
    }
    std::string remove;
    if (!rows_.empty() && ImGui::BeginTable("events", 5, flags, ImVec2(w, list_h))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort, multi_day ? 150.0f : 96.0f);
        ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableSetupColumn("Description", ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn("Author", ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn("##ops", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, ImGui::GetFrameHeight());
        ImGui::TableHeadersRow();
        // The mirror's table: its headers, then each drawn row at its place among all rows.
        a11y_table_begin("timeline.events", "Events", static_cast<int>(rows_.size()),
                         "Time\tType\tDescription\tAuthor\tActions", sort_column_, sort_ascending_);
        if (ImGuiTableSortSpecs* ss = ImGui::TableGetSortSpecs()) {
            if (ss->SpecsDirty && ss->SpecsCount > 0) {
                sort_column_ = ss->Specs[0].ColumnIndex;
                sort_ascending_ = ss->Specs[0].SortDirection != ImGuiSortDirection_Descending;
                rebuild_rows(d);
                ss->SpecsDirty = false;
            }
        }
        if (scroll_list_to_selected_) {
            scroll_list_to_selected_ = false;
            for (size_t r = 0; r < rows_.size(); ++r)
                if (d.timeline[static_cast<size_t>(rows_[r])].id == selected_) {
                    const float y = static_cast<float>(r) * row_h;
                    if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + list_h - 2.5f * row_h)
                        ImGui::SetScrollY(std::max(0.0f, y - list_h * 0.4f));
                }
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows_.size()), row_h);
        while (clipper.Step())
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                Event& e = d.timeline[static_cast<size_t>(rows_[static_cast<size_t>(r)])];
                if (a11y_enabled()) a11y_table_row("timeline.events/" + e.id, r);
                draw_list_row(d, e, row_h, zone, multi_day, remove);
            }
        a11y_table_end();
        ImGui::EndTable();
    } else if (d.timeline.empty()) {
        muted_text("No events yet. Double-click the axis to add one, paste lines such as \"14:02 Deploy of config "
                   "v42 started\", or use Add event.");
    }
    if (!remove.empty()) {
        if (selected_ == remove) selected_.clear();
        remove_event(d, remove);
    }
    if (ImGui::Button(ICON_PLUS "  Add event")) {
        Event ev;
        ev.id = new_id("ev");
        ev.time.set = true;
        const int sel = selected_entry();
        ev.time.unix_ms = sel >= 0 ? index_.entries[static_cast<size_t>(sel)].time_ms + kMinuteMs
                          : !index_.entries.empty() ? index_.t_max + kMinuteMs : snap_time(now_ms_, SnapUnit::Minute);
        ev.time.offset_min = doc_offset_min_;
        d.timeline.push_back(ev);
        select(ev.id, true);
        ensure_visible(ev.time.unix_ms);
        commit(d, "timeline#add", "Add event");
    }
    mark("add.timeline");
}

// Filters (text, type, author) and how many events they leave.
void Timeline::draw_list_filters(const Document& d, float w) {
    const Palette& p = palette();
    bool changed = false;
    changed |= text_input("ui:timeline.filter.text", filter_text_, ICON_SEARCH " Filter text", std::min(260.0f, w * 0.35f)).changed;
    mark("timeline.filter.text");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150);
    const std::string shown_type =
        filter_type_ < 0 ? "All types" : event_type_label(vocab::kEventTypes[static_cast<size_t>(filter_type_)]);
    if (a11y_begin_combo("##ftype", "Filter by type", shown_type.c_str())) {
        if (ImGui::Selectable("All types", filter_type_ < 0)) filter_type_ = -1, changed = true;
        for (size_t t = 0; t < vocab::kEventTypes.size(); ++t)
            if (ImGui::Selectable(event_type_label(vocab::kEventTypes[t]).c_str(), filter_type_ == static_cast<int>(t)))
                filter_type_ = static_cast<int>(t), changed = true;
        ImGui::EndCombo();
    }
    mark("timeline.filter.type");
    ImGui::SameLine();
    changed |= text_input("ui:timeline.filter.author", filter_author_, ICON_USER " Author", 150).changed;
    mark("timeline.filter.author");
    if (changed) rows_dirty_ = true;
    if (rows_dirty_) rebuild_rows(d);
    ImGui::SameLine();
    ImGui::TextColored(p.text_muted, "%d of %d", static_cast<int>(rows_.size()), static_cast<int>(d.timeline.size()));
}

// One event's row: time, type, description, author, and Delete (or Confirm, in review). Sets `remove` to its id
// when it is deleted.
void Timeline::draw_list_row(Document& d, Event& e, float row_h, const TimeZone& zone, bool multi_day,
                             std::string& remove) {
    const Palette& p = palette();
    const bool sel = e.id == selected_;
    const bool rev = review_.count(e.id) > 0;
    ImGui::PushID(e.id.c_str());
    ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
    if (sel) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, col(p.accent, p.dark ? 0.28f : 0.16f));
    ImGui::TableNextColumn();
    draw_row_time(d, e, zone, multi_day, rev);
    ImGui::TableNextColumn();
    draw_row_type(d, e, rev);
    // Description and author: typing coalesces into one undo step per field.
    ImGui::TableNextColumn();
    // Document fields: the app records the edit (natively text_input reports nothing to commit).
    if (text_input("timeline/" + e.id + "/description", e.description, "What happened", -1).activated)
        select(e.id, false);
    a11y_value(e.description);
    if (ImGui::IsItemVisible()) mark("timeline.row.description." + e.id);
    ImGui::TableNextColumn();
    if (text_input("timeline/" + e.id + "/author", e.author, "Who / source", -1).activated)
        select(e.id, false);
    a11y_value(e.author);
    ImGui::TableNextColumn();
    if (rev) {
        if (icon_button(ICON_CHECK, "ok", "Confirm the inferred type and time")) {
            review_.erase(e.id);
            ++review_rev_;
        }
        mark("timeline.row.confirm." + e.id);
    } else if (icon_button(ICON_TRASH, "del", "Delete this event")) {
        remove = e.id;
    }
    if (ImGui::IsItemVisible()) mark("timeline.row.delete." + e.id);
    ImGui::PopID();
}

// Time: typed as HH:MM[:SS] on the same day in the shown zone, or ISO 8601; Enter applies.
void Timeline::draw_row_time(Document& d, Event& e, const TimeZone& zone, bool multi_day, bool rev) {
    const Palette& p = palette();
    // The text being edited lives here between frames (the DOM overlay sends it back); shown otherwise.
    const std::string time_key = "ui:timeline/" + e.id + "/time";
    std::string& buf = time_text_[e.id];
    if (!text_input_editing(time_key)) {
        buf.clear();
        if (e.time.set)
            buf = format_time(e.time.unix_ms, zone, zone.kind == TimeZone::Kind::Relative ? TimePrecision::Second
                                                     : multi_day ? TimePrecision::DayMinute : TimePrecision::Second);
    }
    if (rev) ImGui::PushStyleColor(ImGuiCol_FrameBg, col(p.warning, 0.25f));
    const InputResult tin = text_input(time_key, buf, "HH:MM", -1, kInputEnterEnds | kInputMono | kInputAutoSelect);
    a11y_value(buf);
    if (tin.activated) select(e.id, false);
    if (tin.enter) {
        const int off = zone.kind == TimeZone::Kind::Relative ? doc_offset_min_ : zone.offset_min_at(e.time.unix_ms);
        if (auto t = parse_time_edit(buf, e.time.set ? e.time.unix_ms : now_ms_, off)) {
            e.time.unix_ms = *t;
            if (!e.time.set) e.time.offset_min = doc_offset_min_;
            e.time.set = true;
            select(e.id, false);
            ensure_visible(*t);
            commit(d, "timeline/" + e.id + "/time", "Edit event time");
        }
    }
    if (rev) ImGui::PopStyleColor();
    if (ImGui::IsItemActivated()) select(e.id, false);
    if (ImGui::IsItemVisible()) mark("timeline.row.time." + e.id);
}

// Type: a dropdown of the event types, each in its colour with its icon.
void Timeline::draw_row_type(Document& d, Event& e, bool rev) {
    const Palette& p = palette();
    const int ti = event_type_index(e.type);
    ImGui::SetNextItemWidth(-1);
    if (rev) ImGui::PushStyleColor(ImGuiCol_FrameBg, col(p.warning, 0.25f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(event_type_colour(ti)));
    const std::string shown = std::string(event_type_icon(e.type)) + " " + event_type_label(e.type);
    if (a11y_begin_combo("##type", "Type", shown.c_str())) {
        ImGui::PopStyleColor();
        for (const std::string& t : vocab::kEventTypes)
            if (ImGui::Selectable((std::string(event_type_icon(t)) + " " + event_type_label(t)).c_str(), t == e.type)) {
                e.type = t;
                commit(d, "timeline/" + e.id + "/type", "Set event type");
            } else {
                mark("timeline.type_option." + t);
            }
        ImGui::EndCombo();
    } else {
        ImGui::PopStyleColor();
    }
    if (rev) ImGui::PopStyleColor();
    if (ImGui::IsItemActivated()) select(e.id, false);
    if (ImGui::IsItemVisible()) mark("timeline.row.type." + e.id);
}

}  // namespace hs::ui
