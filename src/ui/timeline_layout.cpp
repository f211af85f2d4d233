// The timeline panel's cached layout and shared state: rebuilt once per document change and once per zoom level.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string_view>
#include <unordered_set>

#include "core/exporters/exporters.h"
#include "core/text.h"
#include "glyphs.h"
#include "icons.h"
#include "text_input.h"
#include "theme.h"
#include "timeline.h"

namespace hs::ui {

namespace {
const char* kTypeIcons[] = {ICON_BOLT,      ICON_BELL,    ICON_USER,         ICON_ARROW_UP,   ICON_PENCIL,
                            ICON_COMMENT,   ICON_HEARTBEAT, ICON_CHECK_CIRCLE, ICON_INFO_CIRCLE};
constexpr size_t kLabelChars = 36;  // columns: the axis shows the start of a description; the tooltip shows all of it

std::string short_label(const std::string& text) {
    // One line: a description of several lines shows its first (non-blank) line and an ellipsis.
    const size_t from = std::min(text.size(), text.find_first_not_of(" \t\r\n"));
    const size_t nl = text.find_first_of("\r\n", from);
    std::string s = text.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
    const bool more = nl != std::string::npos && text.find_first_not_of(" \t\r\n", nl) != std::string::npos;
    // kLabelChars columns (a CJK character takes two), cut at a grapheme cluster boundary; never wider than its bytes.
    if (s.size() > kLabelChars) s = truncate_to_width(s, kLabelChars);
    if (more && s.compare(s.size() - std::min<size_t>(s.size(), 3), 3, "\xe2\x80\xa6") != 0) s += "\xe2\x80\xa6";
    return s;
}
}  // namespace

bool in_comm_lane(int type_index) {
    static const int comm = event_type_index("communication");
    return type_index == comm;
}

const char* event_type_icon(const std::string& type) {
    return kTypeIcons[event_type_index(type)];
}

ImU32 event_type_colour(int type_index, float alpha) {
    const Palette& p = palette();
    switch (type_index) {
        case 0: return col(p.danger, alpha);                       // impact start
        case 1: return col(p.warning, alpha);                      // detected
        case 2: return col(p.info, alpha);                         // acknowledged
        case 3: return col(ImVec4(0.62f, 0.36f, 0.85f, 1), alpha);  // escalated
        case 4: return col(p.accent, alpha);                       // action
        case 5: return col(ImVec4(0.20f, 0.60f, 0.62f, 1), alpha);  // communication
        case 6: return col(ImVec4(0.35f, 0.65f, 0.25f, 1), alpha);  // mitigated
        case 7: return col(p.success, alpha);                      // resolved
        default: return col(p.text_muted, alpha);                  // note
    }
}

TimeZone Timeline::display_zone() const {
    switch (zone_kind_) {
        case Zone::Local: return TimeZone::fixed(doc_offset_min_);
        case Zone::Relative: return TimeZone::relative(has_impact_start_ ? impact_start_ms_ : index_.t_min);
        default: return TimeZone::utc();
    }
}

// Labels and their widths, per document event. Text measuring (the first line, cut at a grapheme boundary, then
// the font's advances) is the bulk of a rebuild, so each event's label is kept with the text it was made from and
// reused while that text is unchanged. The previous list is walked alongside the document: an edit leaves the order
// as it was, an added event is one the previous list lacks, and a deleted one is skipped by looking a few entries
// ahead (a retimed event is both, where it left and where it arrived). An event found nowhere near is measured
// again, so a large change costs what a full rebuild does, never more.
// A width depends on the font and on its glyphs. A glyph added on demand while a label is measured is added at once
// with its true advance, and adding a glyph never changes the advance of another, so a width holds unless a glyph
// was left for the next frame (measured with the fallback advance: that label alone is measured again next time) or
// the font or the atlas changed (every label is measured again).
void Timeline::update_labels(const Document& d) {
    constexpr size_t kLookAhead = 8;  // deleted events skipped in a row before the rest counts as changed
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    // The previous list becomes `old`, and the list before it lends its storage: no allocation per rebuild.
    std::vector<LabelCacheEntry>& old = label_spare_;
    old.swap(label_cache_);
    const int resets = glyph_stats().resets;
    if (font != label_font_ || size != label_font_size_ || labels_resets_ != resets) old.clear();
    label_font_ = font;
    label_font_size_ = size;
    labels_resets_ = resets;
    label_cache_.resize(d.timeline.size());
    label_px_.resize(d.timeline.size());
    labels_provisional_ = false;
    size_t j = 0;  // cursor in `old`: entries before it are used or skipped
    std::string type_text;
    for (size_t i = 0; i < d.timeline.size(); ++i) {
        const Event& e = d.timeline[i];
        if (e.description.empty()) type_text = event_type_label(e.type);
        const std::string& text = e.description.empty() ? type_text : e.description;
        LabelCacheEntry& out = label_cache_[i];
        size_t k = j;
        while (k < old.size() && k < j + kLookAhead && old[k].text != text) ++k;
        const bool found = k < old.size() && k < j + kLookAhead;
        if (found) {
            out = std::move(old[k]);
            j = k + 1;
        } else {
            out.text = text;
            out.label = short_label(text);
        }
        if (!found || out.provisional) {
            out.width = font->CalcTextSizeA(size, 1e9f, 0.0f, out.label.data(), out.label.data() + out.label.size()).x +
                        size;  // + icon
            // The flag stays up for the rest of the frame once a glyph is deferred: conservative for later labels.
            out.provisional = glyph_stats().pending;
            labels_provisional_ = labels_provisional_ || out.provisional;
        }
        label_px_[i] = out.width;
    }
}

namespace {
// This thread's CPU time in ms (0 where the platform cannot tell): on a busy machine a rebuild's wall time includes
// time the thread was not running.
double thread_cpu_ms() {
    timespec ts{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
}  // namespace

void Timeline::rebuild(const Document& d) {
    ++rebuilds_;
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_ms();
    update_labels(d);
    update_timeline_index(index_, d.timeline, label_px_);
    labels_.resize(index_.entries.size());
    for (size_t i = 0; i < index_.entries.size(); ++i)
        labels_[i].s = &label_cache_[static_cast<size_t>(index_.entries[i].event_index)].label;
    phases_ = compute_phases(d);
    has_impact_start_ = phases_.has_impact_start;
    impact_start_ms_ = phases_.impact_start_ms;
    doc_offset_min_ = document_offset_min(d);
    layout_dirty_ = labels_provisional_;
    labels_provisional_ = false;
    minimap_dirty_ = true;
    rows_dirty_ = true;
    layout_ms_per_px_ = -1;  // lanes and clusters follow
    // Review marks of events that no longer exist are dropped.
    if (!review_.empty()) {
        std::unordered_set<std::string_view> ids;
        ids.reserve(d.timeline.size());
        for (const Event& e : d.timeline) ids.insert(e.id);
        for (auto it = review_.begin(); it != review_.end();) {
            const bool found = ids.count(*it) != 0;
            if (!found) ++review_rev_;
            it = found ? std::next(it) : review_.erase(it);
        }
    }
    last_rebuild_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    last_rebuild_cpu_ms_ = thread_cpu_ms() - c0;
}

void Timeline::relayout_for_zoom() {
    if (layout_ms_per_px_ == view_.ms_per_px) return;
    layout_ms_per_px_ = view_.ms_per_px;
    const double px_per_ms = 1.0 / view_.ms_per_px;
    // Milestones (impact start, detected, acknowledged, mitigated, resolved) always stand alone; a cluster is at most
    // 60 px wide, so a dense log shows as a row of counts rather than one.
    uint32_t milestones = 0;
    for (const char* t : {"impact_start", "detected", "acknowledged", "mitigated", "resolved"})
        milestones |= 1u << event_type_index(t);
    // The communication lane is clustered and laid out on its own: its events never join a cluster of the others,
    // and its labels (one row) never take a lane of theirs.
    const uint32_t comm = 1u << event_type_index("communication");
    clusters_ = cluster_events(index_, px_per_ms, 12.0f, 60.0f, milestones, ~comm);
    comm_clusters_ = cluster_events(index_, px_per_ms, 12.0f, 60.0f, 0, comm);
    lane_of_entry_.assign(index_.entries.size(), -1);
    // Labels go in lanes for events that stand alone at this zoom; clustered ones show a count instead.
    LaneParams lp;
    lp.px_per_ms = px_per_ms;
    lp.gap_px = 10;
    lp.max_lanes = 5;
    lanes_used_ = place_labels(clusters_, lp, 0);
    lp.max_lanes = 1;
    place_labels(comm_clusters_, lp, kCommLabelDx);
}

// Lanes for the labels of the clusters' single events, each label starting `dx` right of its marker; returns the
// lanes used.
int Timeline::place_labels(const std::vector<Cluster>& clusters, const LaneParams& lp, float dx) {
    std::vector<LaneItem> items;
    std::vector<int> which;
    for (const Cluster& c : clusters) {
        if (c.count != 1) continue;
        const TimelineEntry& e = index_.entries[static_cast<size_t>(c.first)];
        items.push_back({e.time_ms, e.label_px + dx, e.id});
        which.push_back(c.first);
    }
    LaneLayout lay = layout_lanes(items, lp);
    for (size_t i = 0; i < which.size(); ++i) lane_of_entry_[static_cast<size_t>(which[i])] = lay.lane[i];
    return lay.lanes_used;
}

std::string Timeline::layout_dump() const {
    std::string out = "range " + std::to_string(index_.t_min) + " " + std::to_string(index_.t_max) + " offset " +
                      std::to_string(doc_offset_min_) + " lanes " + std::to_string(lanes_used_) + "\n";
    char w[32];
    for (size_t i = 0; i < index_.entries.size(); ++i) {
        const TimelineEntry& e = index_.entries[i];
        std::snprintf(w, sizeof w, "%.3f", e.label_px);
        out += std::to_string(e.event_index) + " " + std::to_string(e.time_ms) + " " + e.id + " " +
               std::to_string(e.type_index) + " " + w + " lane " +
               (i < lane_of_entry_.size() ? std::to_string(lane_of_entry_[i]) : "?") +
               (in_comm_lane(e.type_index) ? " comm " : " ") + labels_[i].c_str() + "\n";
    }
    for (int u : index_.untimed) out += "untimed " + std::to_string(u) + "\n";
    for (const Phase& ph : phases_.phases) out += "phase " + ph.label + " " + ph.metric_label + "\n";
    if (phases_.impact) out += "impact " + phases_.impact->label + "\n";
    for (const Cluster& c : clusters_)
        out += "cluster " + std::to_string(c.first) + " " + std::to_string(c.count) + " " + c.dominant_type + "\n";
    for (const Cluster& c : comm_clusters_)
        out += "comm cluster " + std::to_string(c.first) + " " + std::to_string(c.count) + "\n";
    return out;
}

void Timeline::select(const std::string& id, bool scroll_list) {
    selected_ = id;
    scroll_list_to_selected_ = scroll_list;
}

int Timeline::selected_entry() const {
    if (selected_.empty()) return -1;
    for (size_t i = 0; i < index_.entries.size(); ++i)
        if (index_.entries[i].id == selected_) return static_cast<int>(i);
    return -1;
}

void Timeline::commit(Document& d, const std::string& group, const std::string& label) {
    sort_events_by_time(d.timeline);  // added or retimed: the list, the exports and lint see time order
    if (edited_ && *edited_) revision_ = (*edited_)(group, label);
    rebuild(d);
}

void Timeline::edit_description(const std::string& id, int64_t t_ms) {
    select(id, true);
    list_into_view_ = true;
    ensure_visible(t_ms);
    text_input_focus("timeline/" + id + "/description");
}

void Timeline::begin_review(std::vector<std::string> event_ids) {
    review_.clear();
    review_.insert(event_ids.begin(), event_ids.end());
    ++review_rev_;
}

std::vector<std::string> Timeline::review_ids(const Document& d) const {
    std::vector<std::string> out;
    if (review_.empty()) return out;
    for (const Event& e : d.timeline)
        if (review_.count(e.id)) out.push_back(e.id);
    return out;
}

void Timeline::draw(Document& d, uint64_t revision, float w, const EditFn& edited, int64_t now_ms) {
    edited_ = &edited;
    now_ms_ = now_ms;
    if (revision != revision_) {
        revision_ = revision;
        layout_dirty_ = true;
    }
    if (layout_dirty_) rebuild(d);
    ImGui::PushID("timeline");
    draw_review_banner(d, w);
    draw_toolbar(d, w);
    draw_canvas(d, w);
    draw_minimap(w);
    ImGui::Spacing();
    draw_list(d, w);
    draw_paste_preview(d);
    ImGui::PopID();
    edited_ = nullptr;
}

}  // namespace hs::ui
