// The timeline canvas: toolbar, phases, the time axis, event markers with labels in lanes and clusters, hover,
// click, drag to retime, drag to pan, wheel zoom, double-click to add, keys; and the minimap.
#include <algorithm>
#include <cmath>
#include <iterator>

#include "a11y.h"
#include "core/exporters/exporters.h"
#include "fonts.h"
#include "icons.h"
#include "imgui_internal.h"  // SetItemUsingMouseWheel (1.86)
#include "locate.h"
#include "theme.h"
#include "timeline.h"

namespace hs::ui {
namespace {

// Vertical layout of the canvas, in pixels from its top.
// Single events sit on the marker row, clusters on the row below it (so milestones never cover a count). The
// communication lane is the lowest row: its events' markers, clusters and labels all sit there, apart from the rest.
// The sizes are for the default text size; with larger text (Settings > Text size) every row grows with the font,
// so a label stays clear of the next lane. R holds the current frame's (draw_canvas sets it).
struct Rows {
    float phase_top, phase_h, tick_label_y, axis_y, marker_y, cluster_y, lane_top, lane_h, comm_top, comm_caption_h,
        comm_h, comm_y, canvas_h;
};
Rows rows_at(float s) {
    Rows r;
    r.phase_top = 4 * s, r.phase_h = 20 * s, r.tick_label_y = 30 * s, r.axis_y = 50 * s;
    r.marker_y = 60 * s, r.cluster_y = 75 * s, r.lane_top = 90 * s, r.lane_h = 21 * s;
    r.comm_top = r.lane_top + 5 * r.lane_h + 8 * s, r.comm_caption_h = 16 * s, r.comm_h = 42 * s;
    r.comm_y = r.comm_top + r.comm_caption_h + (r.comm_h - r.comm_caption_h) * 0.5f;
    r.canvas_h = r.comm_top + r.comm_h + 4 * s;
    return r;
}
Rows R = rows_at(1);
constexpr const char* kCommCaption = "Communication";
constexpr float kMarkerR = 5.5f, kClusterR = 10;
constexpr int kMaxLanes = 16;  // lanes whose labels are kept clear of each other at the right edge

void marker(ImDrawList* dl, ImVec2 c, int type, float r, ImU32 fill, ImU32 outline) {
    switch (type) {
        case 0: case 1: case 2: case 6: case 7:  // milestones: diamonds
            dl->AddQuadFilled(ImVec2(c.x, c.y - r - 1), ImVec2(c.x + r + 1, c.y), ImVec2(c.x, c.y + r + 1),
                              ImVec2(c.x - r - 1, c.y), fill);
            dl->AddQuad(ImVec2(c.x, c.y - r - 1), ImVec2(c.x + r + 1, c.y), ImVec2(c.x, c.y + r + 1),
                        ImVec2(c.x - r - 1, c.y), outline);
            break;
        case 3:  // escalated: triangle
            dl->AddTriangleFilled(ImVec2(c.x, c.y - r - 1), ImVec2(c.x + r, c.y + r), ImVec2(c.x - r, c.y + r), fill);
            dl->AddTriangle(ImVec2(c.x, c.y - r - 1), ImVec2(c.x + r, c.y + r), ImVec2(c.x - r, c.y + r), outline);
            break;
        case 5:  // communication: square
            dl->AddRectFilled(ImVec2(c.x - r + 1, c.y - r + 1), ImVec2(c.x + r - 1, c.y + r - 1), fill, 1.5f);
            dl->AddRect(ImVec2(c.x - r + 1, c.y - r + 1), ImVec2(c.x + r - 1, c.y + r - 1), outline, 1.5f);
            break;
        default:  // action, note: circles (notes smaller)
            dl->AddCircleFilled(c, type == 8 ? r - 1.5f : r, fill, 12);
            dl->AddCircle(c, type == 8 ? r - 1.5f : r, outline, 12);
    }
}

std::string fmt_duration(int64_t s) { return format_relative(s * 1000, TimePrecision::Minute).substr(2); }

}  // namespace

void Timeline::ensure_visible(int64_t t_ms) {
    const double t0 = view_.t0_ms, t1 = t0 + canvas_w_ * view_.ms_per_px, margin = 40 * view_.ms_per_px;
    if (t_ms < t0 + margin || t_ms > t1 - margin) {
        view_.t0_ms = static_cast<double>(t_ms) - canvas_w_ * 0.5 * view_.ms_per_px;
        view_moved_ = true;
    }
}

void Timeline::draw_toolbar(Document& d, float w) {
    const Palette& p = palette();
    const float x_start = ImGui::GetCursorPosX();
    const char* names[] = {"UTC", "Local", "T+"};
    const char* keys[] = {"utc", "local", "relative"};
    const char* tips[] = {"Times in UTC", "Times in the document's offset (as they were written)",
                          "Time since impact start"};
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine(0, 2);
        const bool on = static_cast<int>(zone_kind_) == i;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, p.accent), ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
        if (ImGui::SmallButton(names[i])) zone_kind_ = static_cast<Zone>(i);
        if (on) ImGui::PopStyleColor(2);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tips[i]);
        mark(std::string("timeline.zone.") + keys[i]);
    }
    ImGui::SameLine();
    const int64_t at = static_cast<int64_t>(view_.t0_ms + canvas_w_ * 0.5 * view_.ms_per_px);
    ImGui::TextColored(p.text_muted, ICON_CLOCK " %s", display_zone().label(at).c_str());
    mark("timeline.zone_label");
    ImGui::SameLine();
    ImGui::TextColored(p.text_muted, "\xc2\xb7 %s", axis_context_.c_str());  // last frame's: date at the left edge, step
    ImGui::SameLine();
    if (ImGui::SmallButton("Zoom to fit")) fitted_ = false;
    mark("timeline.fit");
    ImGui::SameLine();
    if (ImGui::SmallButton(ICON_PLUS " Paste events") && !(request_clipboard && request_clipboard()))
        open_paste(d, ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "");
    mark("timeline.paste");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Adds events from lines like \"14:02 Deploy of config v42 started\".\nCtrl+V over the timeline "
                          "does the same with the clipboard.");
    const char* hint = "click, then wheel: zoom \xc2\xb7 drag: pan \xc2\xb7 double-click: add";
    const float hw = ImGui::CalcTextSize(hint).x;
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + hw + 8 < x_start + w) {
        ImGui::SameLine(x_start + w - hw);
        ImGui::TextColored(p.text_muted, "%s", hint);
    } else {
        ImGui::NewLine();
    }
}

void Timeline::draw_canvas(Document& d, float w) {
    const Palette& p = palette();
    ImGuiIO& io = ImGui::GetIO();
    canvas_w_ = w;
    R = rows_at(std::max(1.0f, static_cast<float>(text_size()) / 100.0f));
    fit_new_document(d, w);
    relayout_for_zoom();

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.panel);
    ImGui::BeginChild("canvas", ImVec2(w, R.canvas_h), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNavInputs);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    canvas_focused_ = ImGui::IsWindowFocused();
    CanvasFrame f;
    f.o = ImGui::GetCursorScreenPos();
    f.w = w;
    ImGui::InvisibleButton("##axis", ImVec2(w, R.canvas_h));
    // The wheel zooms once the timeline has been clicked (or with Ctrl); before that it scrolls the document, so
    // that scrolling the editor past the timeline never gets caught in it.
    const bool wheel_zooms = canvas_focused_ || io.KeyCtrl;
    if (wheel_zooms) ImGui::SetItemUsingMouseWheel();
    mark("timeline.canvas");
    a11y_label("Timeline axis");  // arrows, Home and End move between events (docs/accessibility.md)
    f.hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    f.mouse = io.MousePos;
    f.dl = ImGui::GetWindowDrawList();
    f.dl->PushClipRect(f.o, ImVec2(f.o.x + w, f.o.y + R.canvas_h), true);

    // Wheel: zoom around the cursor (vertical wheel or pinch); horizontal wheel pans.
    if (f.hovered && wheel_zooms && (io.MouseWheel != 0 || io.MouseWheelH != 0)) {
        if (io.MouseWheel != 0) view_ = zoom_view(view_, f.mouse.x - f.o.x, std::pow(1.2, io.MouseWheel));
        view_moved_ = true;
        view_.t0_ms -= io.MouseWheelH * 40 * view_.ms_per_px;
        relayout_for_zoom();
    }
    f.t0 = view_.t0_ms;
    f.mpp = view_.ms_per_px;
    f.t_left = static_cast<int64_t>(f.t0);
    f.t_right = static_cast<int64_t>(f.t0 + w * f.mpp);
    f.zone = display_zone();

    draw_phases(f);
    draw_axis(f);
    int hovered_entry = -1, hovered_cluster = -1;
    draw_events(d, f, hovered_entry, hovered_cluster);
    f.dl->PopClipRect();

    // Names for tests: the selected event and every event marker in view (few thousand at most when zoomed in).
    auto [vb, ve] = visible_range(index_, f.t_left, f.t_right);
    if (ve - vb <= 400) {
        for (int i = vb; i < ve; ++i) {
            const TimelineEntry& e = index_.entries[static_cast<size_t>(i)];
            const float x = f.x_of(static_cast<double>(e.time_ms));
            const float y = in_comm_lane(e.type_index) ? R.comm_y : R.marker_y;
            mark_rect("timeline.event." + e.id, x - kMarkerR, f.o.y + y - kMarkerR, 2 * kMarkerR, 2 * kMarkerR);
        }
    }
    // Empty axis space for tests: a stretch below the lowest label lane, above the communication lane.
    mark_rect("timeline.empty", f.o.x + w * 0.5f - 4, f.o.y + R.comm_top - 8, 8, 6);
    mark_rect("timeline.comm_lane", f.o.x, f.o.y + R.comm_top, w, R.comm_h);

    draw_canvas_tooltip(d, f, hovered_entry, hovered_cluster);
    canvas_mouse(d, f, clicked, hovered_entry, hovered_cluster);
    if (canvas_focused_) handle_keys(d);
    ImGui::EndChild();
}

// Fit a new document, on request, and while the view is untouched when the width changes (a scrollbar came).
void Timeline::fit_new_document(const Document& d, float w) {
    if (fitted_ && doc_id_ == d.id && (view_moved_ || fit_w_ == w)) return;
    doc_id_ = d.id;
    fitted_ = true;
    view_moved_ = false;
    fit_w_ = w;
    if (!index_.entries.empty()) {
        // Room on the right for the last labels, which run right of their markers.
        const float right = std::min(180.0f, w * 0.2f);
        view_ = fit_view(index_.t_min, index_.t_max, w - right, 40);
    } else {
        view_.ms_per_px = 2 * kHourMs / static_cast<double>(w);
        view_.t0_ms = static_cast<double>(now_ms_) - kHourMs;
    }
}

// Phases: shaded spans with their durations (the metrics panel's figures).
void Timeline::draw_phases(const CanvasFrame& f) {
    const Palette& p = palette();
    const ImVec2 o = f.o, mouse = f.mouse;
    const float w = f.w;
    ImDrawList* dl = f.dl;
    for (const Phase& ph : phases_.phases) {
        float x0 = std::max(f.x_of(static_cast<double>(ph.start_ms)), o.x - 2), x1 = std::min(f.x_of(static_cast<double>(ph.end_ms)), o.x + w + 2);
        if (x1 < o.x || x0 > o.x + w) continue;
        const ImU32 c = event_type_colour(event_type_index(ph.end_type), p.dark ? 0.30f : 0.20f);
        ImVec2 a(x0, o.y + R.phase_top), b(x1, o.y + R.phase_top + R.phase_h);
        dl->AddRectFilled(a, b, c, 3);
        dl->AddRectFilled(ImVec2(x0, o.y + R.phase_top), ImVec2(x1, o.y + R.axis_y), event_type_colour(event_type_index(ph.end_type), 0.06f));
        std::string label = ph.name + " " + fmt_duration(ph.duration_s);
        ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        if (ts.x + 8 >= x1 - x0) {  // narrow: the duration alone
            label = fmt_duration(ph.duration_s);
            ts = ImGui::CalcTextSize(label.c_str());
        }
        if (ts.x + 8 < x1 - x0)
            dl->AddText(ImVec2(std::max(x0 + 4, std::min((x0 + x1 - ts.x) * 0.5f, x1 - ts.x - 4)), a.y + (R.phase_h - ts.y) * 0.5f),
                        col(p.text), label.c_str());
        if (f.hovered && mouse.x >= x0 && mouse.x < x1 && mouse.y >= a.y && mouse.y < b.y)
            ImGui::SetTooltip("%s: %s\n%s since impact start", ph.name.c_str(), fmt_duration(ph.duration_s).c_str(),
                              fmt_duration(ph.since_impact_s).c_str());
    }
}

// Axis: grid, ticks and labels for the visible range only.
void Timeline::draw_axis(const CanvasFrame& f) {
    const Palette& p = palette();
    const ImVec2 o = f.o;
    const float w = f.w;
    ImDrawList* dl = f.dl;
    const TickSet ticks = choose_ticks(f.t_left, f.t_right, w, 84, f.zone);
    for (const Tick& t : ticks.minors) {
        float x = f.x_of(static_cast<double>(t.ms));
        dl->AddLine(ImVec2(x, o.y + R.axis_y - 3), ImVec2(x, o.y + R.axis_y), col(p.border));
    }
    for (const Tick& t : ticks.majors) {
        float x = f.x_of(static_cast<double>(t.ms));
        dl->AddLine(ImVec2(x, o.y + R.axis_y - 6), ImVec2(x, o.y + R.canvas_h), col(p.border, t.day_start ? 0.9f : 0.45f),
                    t.day_start ? 1.5f : 1.0f);
        ImGui::PushFont(t.day_start ? fonts().bold : nullptr);
        dl->AddText(ImVec2(x + 3, o.y + R.tick_label_y), col(t.day_start ? p.text : p.text_muted), t.label.c_str());
        ImGui::PopFont();
    }
    dl->AddLine(ImVec2(o.x, o.y + R.axis_y), ImVec2(o.x + w, o.y + R.axis_y), col(p.text_muted, 0.7f));
    axis_context_ = ticks.context_label.empty() ? ticks.step_label : ticks.context_label + "  \xc2\xb7  " + ticks.step_label;
}

// Events: clusters when zoomed out, markers with labels in lanes when they stand alone; the communication lane's
// the same way in its row, under its caption. Sets what the mouse is over (a cluster by cluster_at's numbering).
void Timeline::draw_events(const Document& d, const CanvasFrame& f, int& hovered_entry, int& hovered_cluster) {
    const Palette& p = palette();
    const int64_t margin = static_cast<int64_t>(300 * f.mpp);  // labels of events left of the view still show
    const int64_t t0 = f.t_left - margin, t1 = f.t_right + static_cast<int64_t>(20 * f.mpp);
    // The lane's rule and caption first: its events are drawn over the rule, and the caption over them at the left.
    const float rule_y = f.o.y + R.comm_top - 1;
    f.dl->AddLine(ImVec2(f.o.x, rule_y), ImVec2(f.o.x + f.w, rule_y), col(p.border));
    // Per lane, where the last label drawn ends: a label near the right edge is moved left, inside the canvas, only as
    // far as the one before it in its lane allows. The last slot is the communication lane's.
    float lane_end[kMaxLanes + 1];
    std::fill(std::begin(lane_end), std::end(lane_end), -1e9f);
    const std::vector<Cluster>* rows[] = {&clusters_, &comm_clusters_};
    // Two passes: clusters first, then single events (milestones among them) on top.
    for (int pass = 0; pass < 2; ++pass)
    for (int row = 0; row < 2; ++row) {
        const std::vector<Cluster>& cs = *rows[row];
        const int base = row == 0 ? 0 : static_cast<int>(clusters_.size());
        auto [cb, ce] = visible_clusters(cs, t0, t1);
        for (int ci = cb; ci < ce; ++ci) {
            const Cluster& c = cs[static_cast<size_t>(ci)];
            if ((c.count > 1) != (pass == 0)) continue;
            if (c.count > 1) {
                if (draw_cluster(f, c, row == 1 ? R.comm_y : R.cluster_y)) hovered_cluster = base + ci;
            } else if (draw_event(d, f, c.first, lane_end, row == 1 ? next_marker_x(f, cs, ci) : 1e9f)) {
                hovered_entry = c.first;
            }
        }
    }
    // The caption has its own line at the top of the lane, so that no marker or label of the lane is ever under it.
    f.dl->AddText(ImVec2(f.o.x + 6, f.o.y + R.comm_top + 1), col(p.text_muted), kCommCaption);
}

// Where the communication lane's next marker or cluster after cluster `ci` starts on screen: a label there would be
// covered by it (events whose labels found no room still draw their markers).
float Timeline::next_marker_x(const CanvasFrame& f, const std::vector<Cluster>& cs, int ci) const {
    const size_t n = static_cast<size_t>(ci) + 1;
    if (n >= cs.size()) return 1e9f;
    const float r = cs[n].count > 1 ? kClusterR : kMarkerR;
    return f.x_of(static_cast<double>(cs[n].t_min)) - r - 3;
}

const Cluster& Timeline::cluster_at(int i) const {
    const size_t n = clusters_.size(), k = static_cast<size_t>(i);
    return k < n ? clusters_[k] : comm_clusters_[k - n];
}

// A cluster of events: a bar over their span and a disc with their count, centred at `y` below the canvas top.
// Returns whether the mouse is over it.
bool Timeline::draw_cluster(const CanvasFrame& f, const Cluster& c, float y) {
    const Palette& p = palette();
    ImDrawList* dl = f.dl;
    const float x = f.x_of((static_cast<double>(c.t_min) + static_cast<double>(c.t_max)) * 0.5);
    const ImVec2 cc(x, f.o.y + y);
    const int ti = event_type_index(c.dominant_type);
    dl->AddLine(ImVec2(f.x_of(static_cast<double>(c.t_min)), cc.y), ImVec2(f.x_of(static_cast<double>(c.t_max)), cc.y),
                event_type_colour(ti, 0.5f), 3);
    char buf[16];
    if (c.count > 999) std::snprintf(buf, sizeof buf, "%.1fk", c.count / 1000.0);
    else std::snprintf(buf, sizeof buf, "%d", c.count);
    const ImVec2 ts = ImGui::CalcTextSize(buf);
    const float r = std::max(kClusterR, ts.x * 0.5f + 4);
    dl->AddCircleFilled(cc, r, event_type_colour(ti), 20);
    dl->AddCircle(cc, r, col(p.panel), 20, 1.5f);
    ImGui::PushFont(fonts().bold);
    dl->AddText(ImVec2(x - ts.x * 0.5f, cc.y - ts.y * 0.5f), IM_COL32(255, 255, 255, 255), buf);
    ImGui::PopFont();
    return f.hovered && std::fabs(f.mouse.x - x) <= r + 2 && std::fabs(f.mouse.y - cc.y) <= r + 2;
}

// Entry `ei` standing alone: its marker, and its label in its lane (if it has one). Returns whether the mouse is over
// either.
bool Timeline::draw_event(const Document& d, const CanvasFrame& f, int ei, float* lane_end, float limit_x) {
    const Palette& p = palette();
    const ImVec2 o = f.o, mouse = f.mouse;
    const float w = f.w;
    ImDrawList* dl = f.dl;
    const TimelineEntry& e = index_.entries[static_cast<size_t>(ei)];
    const float x = f.x_of(static_cast<double>(e.time_ms));
    const bool sel = e.id == selected_;
    const bool rev = review_.count(e.id) > 0;
    // A communication's label sits beside its marker in its lane; the others' hang below the marker row.
    const bool comm = in_comm_lane(e.type_index);
    const ImVec2 mc(x, o.y + (comm ? R.comm_y : R.marker_y));
    int lane = lane_of_entry_[static_cast<size_t>(ei)];
    // In the communication lane a label too short to read before the next marker is left out (shown on hover).
    if (comm && limit_x - (x + kCommLabelDx) < ImGui::GetFontSize() * 2.5f) lane = -1;
    ImVec2 la, lb;
    if (lane >= 0) {
        const float lh = ImGui::GetTextLineHeight() + 2;
        const float ly = comm ? mc.y - lh * 0.5f : o.y + R.lane_top + lane * R.lane_h;
        float lw = e.label_px + 7;
        float lx = comm ? x + kCommLabelDx : x - 1;
        float& end = comm ? lane_end[kMaxLanes] : lane_end[std::min(lane, kMaxLanes - 1)];
        if (x <= o.x + w && lx + lw > o.x + w) lx = std::max({o.x + w - lw, end + 4, o.x});
        // Still wider than the room left (the lane is taken up to here, or the lane's next marker comes first): cut
        // with an ellipsis, whole on hover.
        const float room = std::min(o.x + w, limit_x);
        const bool cut = x <= o.x + w && lx + lw > room;
        if (cut) lw = std::max(room - lx, ImGui::GetFontSize() * 2);
        end = lx + lw;
        la = ImVec2(lx, ly);
        lb = ImVec2(lx + lw, ly + lh);
        if (!comm) dl->AddLine(ImVec2(x, mc.y + kMarkerR), ImVec2(x, ly), event_type_colour(e.type_index, 0.45f));
        if (lb.x > o.x && la.x < o.x + w) {
            dl->AddRectFilled(la, lb, sel ? col(p.accent, 0.18f) : col(p.panel, 0.92f), 3);
            if (rev) dl->AddRect(la, lb, col(p.warning), 3, 0, 1.5f);
            const Event& ev = d.timeline[static_cast<size_t>(e.event_index)];
            dl->AddText(ImVec2(lx + 4, ly + 1), event_type_colour(e.type_index), event_type_icon(ev.type));
            const char* label = labels_[static_cast<size_t>(ei)].c_str();
            const ImVec2 tp(lx + 4 + ImGui::GetFontSize(), ly + 1);
            if (cut) {
                ImGui::PushStyleColor(ImGuiCol_Text, col(sel ? p.accent : p.text));
                ImGui::RenderTextEllipsis(dl, tp, ImVec2(lb.x - 3, lb.y), lb.x - 3, lb.x - 3, label, nullptr, nullptr);
                ImGui::PopStyleColor();
            } else {
                dl->AddText(tp, col(sel ? p.accent : p.text), label);
            }
            mark_rect("timeline.label." + e.id, la.x, la.y, lb.x - la.x, lb.y - la.y);
        }
    }
    if (sel) dl->AddCircle(mc, kMarkerR + 4, col(p.accent), 16, 2);
    if (rev) dl->AddCircle(mc, kMarkerR + 3, col(p.warning), 16, 1.5f);
    if (!drag_id_.empty() && drag_id_ == e.id) {
        marker(dl, mc, e.type_index, kMarkerR, event_type_colour(e.type_index, 0.3f), col(p.text_muted, 0.5f));
    } else {
        marker(dl, mc, e.type_index, kMarkerR, event_type_colour(e.type_index), col(p.panel));
    }
    const bool on_marker = std::fabs(mouse.x - x) <= kMarkerR + 3 && std::fabs(mouse.y - mc.y) <= kMarkerR + 4;
    const bool on_label = lane >= 0 && mouse.x >= la.x && mouse.x < lb.x && mouse.y >= la.y && mouse.y < lb.y;
    return f.hovered && (on_marker || on_label);
}

// Hover: the whole event, or what a cluster holds.
void Timeline::draw_canvas_tooltip(const Document& d, const CanvasFrame& f, int hovered_entry, int hovered_cluster) {
    const Palette& p = palette();
    const TimeZone& zone = f.zone;
    if (hovered_entry >= 0 && drag_id_.empty() && !panning_) {
        const Event& ev = d.timeline[static_cast<size_t>(index_.entries[static_cast<size_t>(hovered_entry)].event_index)];
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(420);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(event_type_colour(event_type_index(ev.type))), "%s %s",
                           event_type_icon(ev.type), event_type_label(ev.type).c_str());
        ImGui::SameLine();
        ImGui::TextColored(p.text_muted, "%s", format_time(ev.time.unix_ms, zone, TimePrecision::Full).c_str());
        if (zone.kind != TimeZone::Kind::Utc)
            ImGui::TextColored(p.text_muted, "%s", format_time(ev.time.unix_ms, TimeZone::utc(), TimePrecision::Full).c_str());
        ImGui::TextUnformatted(ev.description.c_str());
        if (!ev.author.empty()) ImGui::TextColored(p.text_muted, ICON_USER " %s", ev.author.c_str());
        if (review_.count(ev.id)) ImGui::TextColored(p.warning, ICON_WARNING " Type and time were inferred: check them");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    } else if (hovered_cluster >= 0 && !panning_) {
        const Cluster& c = cluster_at(hovered_cluster);
        ImGui::BeginTooltip();
        ImGui::Text("%d events", c.count);
        ImGui::TextColored(p.text_muted, "%s \xe2\x80\x93 %s", format_time(c.t_min, zone, TimePrecision::DayMinute).c_str(),
                           format_time(c.t_max, zone, TimePrecision::DayMinute).c_str());
        for (size_t t = 0; t < vocab::kEventTypes.size(); ++t)
            if (c.type_mask & (1u << t))
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(event_type_colour(static_cast<int>(t))), "%s %s",
                                   event_type_icon(vocab::kEventTypes[t]), event_type_label(vocab::kEventTypes[t]).c_str());
        ImGui::TextColored(p.text_muted, "Click to zoom in");
        ImGui::EndTooltip();
    }
}

// Mouse: click selects, drag retimes a selected event or pans, double-click adds.
void Timeline::canvas_mouse(Document& d, const CanvasFrame& f, bool clicked, int hovered_entry, int hovered_cluster) {
    const Palette& p = palette();
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 o = f.o, mouse = f.mouse;
    const double mpp = f.mpp;
    const double t_mouse = f.t0 + (mouse.x - o.x) * mpp;
    if (clicked) {
        if (hovered_entry >= 0) {
            const TimelineEntry& e = index_.entries[static_cast<size_t>(hovered_entry)];
            select(e.id, true);
            drag_id_ = e.id;
            drag_orig_ms_ = drag_new_ms_ = e.time_ms;
        } else if (hovered_cluster >= 0) {
            const Cluster& c = cluster_at(hovered_cluster);
            view_ = fit_view(c.t_min, c.t_max, f.w, 80);
            view_moved_ = true;
        } else {
            panning_ = true;
            // A double-click on empty space, by ImGui's clock or by frames: with slow frames (software WebGL) the
            // app takes one button change per frame, so a quick double-click's clicks land a few frames apart.
            const bool near = std::fabs(mouse.x - last_click_x_) < 6 && std::fabs(mouse.y - last_click_y_) < 6;
            empty_double_click_ = near && (ImGui::GetTime() - last_click_time_ < ImGui::GetIO().MouseDoubleClickTime ||
                                           ImGui::GetFrameCount() - last_click_frame_ <= 3);
            last_click_time_ = empty_double_click_ ? -1e9 : ImGui::GetTime();
            last_click_frame_ = empty_double_click_ ? -1000 : ImGui::GetFrameCount();
            last_click_x_ = mouse.x;
            last_click_y_ = mouse.y;
        }
    }
    // InvisibleButton is active while the button is held after a press on it.
    const bool held = ImGui::IsMouseDown(ImGuiMouseButton_Left);
    if (!drag_id_.empty() && held) {
        const float dx = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).x;
        if (std::fabs(dx) >= 3) {
            const SnapUnit unit = io.KeyShift ? SnapUnit::Second : SnapUnit::Minute;
            drag_new_ms_ = snap_time(drag_orig_ms_ + static_cast<int64_t>(dx * mpp), unit);
            const float x = f.x_of(static_cast<double>(drag_new_ms_));
            const int ti = index_.entries[static_cast<size_t>(std::max(0, selected_entry()))].type_index;
            marker(f.dl, ImVec2(x, o.y + R.marker_y), ti, kMarkerR + 1, event_type_colour(ti), col(p.text));
            const std::string when = format_time(drag_new_ms_, f.zone, TimePrecision::Second) +
                                     (unit == SnapUnit::Minute ? "   (Shift: seconds)" : "");
            ImGui::SetTooltip("%s", when.c_str());
        }
    } else if (!drag_id_.empty()) {
        if (drag_new_ms_ != drag_orig_ms_) {
            for (Event& ev : d.timeline)
                if (ev.id == drag_id_) ev.time.unix_ms = drag_new_ms_;
            drag_id_.clear();
            commit(d, "timeline#retime", "Retime event");
        }
        drag_id_.clear();
    }
    if (panning_) {
        if (held) {
            view_.t0_ms -= io.MouseDelta.x * mpp;
            if (io.MouseDelta.x != 0) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
                view_moved_ = true;
            }
        } else {
            panning_ = false;
        }
    }
    if (empty_double_click_) {
        empty_double_click_ = false;
        Event ev;
        ev.id = new_id("ev");
        ev.time.set = true;
        ev.time.unix_ms = snap_time(static_cast<int64_t>(t_mouse), SnapUnit::Minute);
        ev.time.offset_min = doc_offset_min_;
        ev.type = "note";  // no description yet: the axis labels it "Note" until one is typed
        d.timeline.push_back(ev);
        panning_ = false;
        commit(d, "timeline#add", "Add event");
        edit_description(ev.id, ev.time.unix_ms);  // the caret in its description: typing names the event
    }
}

void Timeline::handle_keys(Document& d) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_V))) {
        const char* clip = ImGui::GetClipboardText();
        if (clip && *clip) open_paste(d, clip);
        return;
    }
    int sel = selected_entry();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) {
        if (sel < 0) return;
        const std::string id = selected_;
        const int n = static_cast<int>(index_.entries.size());
        std::string next = sel + 1 < n ? index_.entries[static_cast<size_t>(sel + 1)].id
                                       : sel > 0 ? index_.entries[static_cast<size_t>(sel - 1)].id : std::string();
        select(next, true);
        remove_event(d, id);
        return;
    }
    const bool left = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow));
    const bool right = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow));
    const bool home = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home));
    const bool end = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End));
    if ((left || right || home || end) && !index_.entries.empty()) {
        const int n = static_cast<int>(index_.entries.size());
        int next = home ? 0 : end ? n - 1 : sel < 0 ? (right ? 0 : n - 1) : std::clamp(sel + (right ? 1 : -1), 0, n - 1);
        select(index_.entries[static_cast<size_t>(next)].id, true);
        ensure_visible(index_.entries[static_cast<size_t>(next)].time_ms);
        announce_entry(d, next);
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) select("", false);
}

// What a screen reader says when the keys move to entry `ei`: its time, type and description, and its place.
void Timeline::announce_entry(const Document& d, int ei) {
    if (!a11y_enabled()) return;
    const TimelineEntry& e = index_.entries[static_cast<size_t>(ei)];
    const Event& ev = d.timeline[static_cast<size_t>(e.event_index)];
    std::string said = format_time(e.time_ms, display_zone(), TimePrecision::Full);
    said += ", ";
    said += event_type_label(ev.type);
    said += ", ";
    said += ev.description.empty() ? "no description" : ev.description.c_str();
    said += ". Event ";
    said += std::to_string(ei + 1);
    said += " of ";
    said += std::to_string(index_.entries.size());
    a11y_announce(std::move(said));
}

void Timeline::draw_minimap(float w) {
    const Palette& p = palette();
    const float h = 26;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##minimap", ImVec2(w, h));
    mark("timeline.minimap");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + w, o.y + h), col(p.panel_alt), 3);
    if (index_.entries.empty()) return;
    const double span = std::max<double>(static_cast<double>(index_.t_max - index_.t_min), kMinuteMs);
    const double lo = static_cast<double>(index_.t_min) - span * 0.02, mpp = span * 1.04 / w;
    const auto x_of = [&](double t) { return o.x + static_cast<float>((t - lo) / mpp); };
    // Density: one column per 2 px, cached until the document or the width changes.
    const int bins = std::max(1, static_cast<int>(w / 2));
    if (static_cast<int>(minimap_bins_.size()) != bins || minimap_revision_ != revision_ || minimap_dirty_) {
        minimap_bins_.assign(static_cast<size_t>(bins), 0);
        for (const TimelineEntry& e : index_.entries) {
            int b = static_cast<int>((static_cast<double>(e.time_ms) - lo) / mpp / 2);
            if (b >= 0 && b < bins) ++minimap_bins_[static_cast<size_t>(b)];
        }
        minimap_max_ = std::max(1, *std::max_element(minimap_bins_.begin(), minimap_bins_.end()));
        minimap_revision_ = revision_;
        minimap_dirty_ = false;
    }
    for (const Phase& ph : phases_.phases)
        dl->AddRectFilled(ImVec2(x_of(static_cast<double>(ph.start_ms)), o.y), ImVec2(x_of(static_cast<double>(ph.end_ms)), o.y + 4),
                          event_type_colour(event_type_index(ph.end_type), 0.6f));
    for (int b = 0; b < bins; ++b) {
        int n = minimap_bins_[static_cast<size_t>(b)];
        if (!n) continue;
        float bh = 3 + (h - 8) * std::sqrt(static_cast<float>(n) / static_cast<float>(minimap_max_));
        dl->AddRectFilled(ImVec2(o.x + b * 2.0f, o.y + h - bh), ImVec2(o.x + b * 2.0f + 1.6f, o.y + h), col(p.accent, 0.7f));
    }
    const float vx0 = std::max(o.x, x_of(view_.t0_ms)), vx1 = std::min(o.x + w, x_of(view_.t0_ms + canvas_w_ * view_.ms_per_px));
    dl->AddRectFilled(ImVec2(vx0, o.y), ImVec2(std::max(vx1, vx0 + 2), o.y + h), col(p.text, 0.08f), 2);
    dl->AddRect(ImVec2(vx0, o.y), ImVec2(std::max(vx1, vx0 + 2), o.y + h), col(p.text_muted), 2, 0, 1.5f);
    if (ImGui::IsItemActive()) {  // click or drag: centre the view there
        const double t = lo + (ImGui::GetIO().MousePos.x - o.x) * mpp;
        view_.t0_ms = t - canvas_w_ * 0.5 * view_.ms_per_px;
        view_moved_ = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Whole incident: click or drag to move the view");
}

}  // namespace hs::ui
