// Paste to add (a preview of parsed lines, confirmed before anything is added) and the review state that follows an
// import or a paste: inferred types and times are highlighted until the author confirms them.
#include <algorithm>
#include <cstdio>

#include "core/exporters/exporters.h"
#include "fonts.h"
#include "icons.h"
#include "locate.h"
#include "theme.h"
#include "timeline.h"
#include "widgets.h"

namespace hs::ui {

void Timeline::open_paste(const Document& d, const std::string& text) {
    paste_problem_.clear();
    PasteContext ctx;
    ctx.offset_min = doc_offset_min_;
    // Times without a date fall on the incident's first day (in the document's offset), else today.
    const int64_t base = !index_.entries.empty() ? index_.t_min : now_ms_;
    ctx.date = format_utc(Instant{base + static_cast<int64_t>(doc_offset_min_) * kMinuteMs, 0, true}).substr(0, 10);
    paste_date_ = ctx.date;
    paste_date_from_ = !index_.entries.empty() ? "the day of the timeline's first event" : "today (the timeline is empty)";
    paste_text_ = text;
    paste_ = parse_paste(text, ctx);
    paste_open_ = true;
    paste_popup_pending_ = true;
    (void)d;
}

void Timeline::draw_paste_preview(Document& d) {
    if (paste_popup_pending_) {
        ImGui::OpenPopup("Paste events");
        paste_popup_pending_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(720, 0), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Paste events", &paste_open_, ImGuiWindowFlags_NoSavedSettings)) return;
    draw_paste_summary();
    draw_paste_lines();
    draw_paste_buttons(d);
    ImGui::EndPopup();
}

// What was read: why nothing could be, or how many events, how many lines skipped, and the offset and date assumed.
void Timeline::draw_paste_summary() {
    const Palette& p = palette();
    if (!paste_problem_.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(p.danger, ICON_EXCLAMATION_CIRCLE "  %s", paste_problem_.c_str());
        ImGui::PopTextWrapPos();
    } else if (paste_.lines.empty()) {
        ImGui::TextWrapped("The clipboard has no lines to add. Copy lines such as \"14:02 Deploy of config v42 started\" "
                           "or \"2026-03-01T14:02Z Rolled back\" (from a chat log or notes), then press Ctrl+V over the "
                           "timeline.");
    } else {
        ImGui::Text("%d event%s to add", paste_.events, paste_.events == 1 ? "" : "s");
        if (paste_.errors) {
            ImGui::SameLine();
            ImGui::TextColored(p.danger, "\xc2\xb7 %d line%s skipped", paste_.errors, paste_.errors == 1 ? "" : "s");
        }
        ImGui::SameLine();
        ImGui::TextColored(p.text_muted, "\xc2\xb7 times without an offset read as %s",
                           TimeZone::fixed(doc_offset_min_).label(0).c_str());
        ImGui::TextColored(p.text_muted, "Times without a date are on %s, %s.", paste_date_.c_str(),
                           paste_date_from_.c_str());
        mark("paste.assumed_date");
    }
}

// The lines read, one row each: an event, a date line, or a line skipped and why.
void Timeline::draw_paste_lines() {
    const Palette& p = palette();
    const float h = std::min(360.0f, (ImGui::GetFrameHeight() + 4) * (static_cast<float>(paste_.lines.size()) + 1.5f));
    if (!paste_.lines.empty() &&
        ImGui::BeginTable("preview", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp, ImVec2(0, h))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, 40);
        ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed, 130);
        ImGui::TableSetupColumn("Event", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(paste_.lines.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const PasteLine& l = paste_.lines[static_cast<size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextColored(p.text_muted, "%d", l.line_no);
                if (l.kind == PasteLine::Kind::Error) {
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, col(p.danger, p.dark ? 0.2f : 0.08f));
                    ImGui::TableNextColumn();
                    ImGui::TextColored(p.danger, ICON_WARNING " skipped");
                    ImGui::TableNextColumn();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(l.source.c_str());
                    ImGui::TextColored(p.danger, "%s", l.error.c_str());
                    mark("timeline.paste.error." + std::to_string(l.line_no));
                    continue;
                }
                if (l.kind == PasteLine::Kind::Date) {
                    ImGui::TableNextColumn();
                    ImGui::TextColored(p.text_muted, "date %s", l.date.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TableNextColumn();
                    ImGui::TextColored(p.text_muted, "%s", l.source.c_str());
                    continue;
                }
                draw_paste_event(l);
            }
        ImGui::EndTable();
    }
    if (paste_.lines_ignored) ImGui::TextColored(p.warning, "%zu more lines were not read.", paste_.lines_ignored);
}

// A line read as an event: its time (in the warning colour where its date was inferred), type and text.
void Timeline::draw_paste_event(const PasteLine& l) {
    const Palette& p = palette();
    ImGui::TableNextColumn();
    ImGui::PushFont(fonts().mono);
    ImGui::TextColored(l.date_inferred || l.rolled_over ? p.warning : p.text, "%s",
                       format_time(l.event.time.unix_ms, TimeZone::fixed(l.event.time.offset_min),
                                   TimePrecision::DayMinute).c_str());
    ImGui::PopFont();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s%s", l.date_inferred ? "Date taken from the incident or an earlier line. " : "",
                          l.rolled_over ? "Moved to the next day: the log crossed midnight." : "");
    ImGui::TableNextColumn();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(event_type_colour(event_type_index(l.event.type))), "%s %s",
                       event_type_icon(l.event.type), event_type_label(l.event.type).c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", l.event.description.c_str());
    if (!l.event.author.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(p.text_muted, "\xe2\x80\x94 %s", l.event.author.c_str());
    }
}

// Add the events (those with anything inferred go into review), or Cancel.
void Timeline::draw_paste_buttons(Document& d) {
    ImGui::Spacing();
    ImGui::BeginDisabled(paste_.events == 0);
    const std::string add = "Add " + std::to_string(paste_.events) + " event" + (paste_.events == 1 ? "" : "s");
    if (primary_button(add.c_str())) {
        std::vector<std::string> ids;
        for (const PasteLine& l : paste_.lines)
            if (l.ok()) {
                d.timeline.push_back(l.event);
                if (l.type_inferred || l.date_inferred || l.rolled_over) ids.push_back(l.event.id);
            }
        begin_review(ids);
        for (const PasteLine& l : paste_.lines)
            if (l.ok()) {
                select(l.event.id, true);
                break;
            }
        commit(d, "timeline#paste", add);
        fitted_ = false;
        paste_open_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    mark("timeline.paste.confirm");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escape_to_close()) {
        paste_open_ = false;
        ImGui::CloseCurrentPopup();
    }
    mark("timeline.paste.cancel");
}

void Timeline::draw_review_banner(Document& d, float w) {
    if (review_.empty()) return;
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, col(p.warning, p.dark ? 0.18f : 0.12f));
    // The message wraps and the button follows it, on the same line when both fit: neither is cut off.
    char msg[160];
    std::snprintf(msg, sizeof msg, "Review %d event%s: their types (and some dates) were inferred, not given. Check the "
                  "highlighted ones.", static_cast<int>(review_.size()), review_.size() == 1 ? "" : "s");
    const ImGuiStyle& st = ImGui::GetStyle();
    const float icon_w = ImGui::CalcTextSize(ICON_WARNING).x + st.ItemSpacing.x;
    const float btn_w = ImGui::CalcTextSize(ICON_CHECK " Confirm all").x + 2 * st.FramePadding.x;
    const float text_w = std::max(60.0f, w - 2 * st.WindowPadding.x - icon_w - 4);
    const ImVec2 ts = ImGui::CalcTextSize(msg, nullptr, false, text_w);
    const bool one_line = ImGui::CalcTextSize(msg).x + st.ItemSpacing.x + btn_w <= text_w;
    const float inner = one_line ? ImGui::GetFrameHeight() : ts.y + st.ItemSpacing.y + ImGui::GetFrameHeight();
    ImGui::BeginChild("review", ImVec2(w, inner + 2 * st.WindowPadding.y + 2), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(p.warning, ICON_WARNING);
    ImGui::SameLine();
    const float text_x = ImGui::GetCursorPosX();
    ImGui::PushTextWrapPos(text_x + text_w);
    ImGui::TextUnformatted(msg);
    ImGui::PopTextWrapPos();
    if (one_line) ImGui::SameLine();
    else ImGui::SetCursorPosX(text_x);
    if (ImGui::SmallButton(ICON_CHECK " Confirm all")) {
        review_.clear();
        ++review_rev_;
    }
    mark("timeline.review.confirm_all");
    ImGui::EndChild();
    ImGui::PopStyleColor();
    (void)d;
}

}  // namespace hs::ui
