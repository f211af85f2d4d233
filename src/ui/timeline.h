// The timeline panel: a time axis with events, phases, a minimap, a list view kept in sync, paste to add
// and an import-review state. The maths lives in core/timeline.h; this draws it and turns input into edits.
//
// The panel owns no document: draw() gets the open document and a callback that records an undoable step (the
// app's edited()). The layout (index, label widths, phases, lanes, clusters) is rebuilt once per document change
// (a new `revision`, or an edit made here), and lanes/clusters once per zoom level, never per frame.
//
// Files: timeline_canvas.cpp (axis, markers, interaction, minimap), timeline_list.cpp (the table),
// timeline_paste.cpp (paste preview, review state), timeline_layout.cpp (the cached layout, shared state).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/paste.h"
#include "core/timeline.h"
#include "imgui.h"

namespace hs::ui {

class Timeline {
public:
    // Records one undoable step: (group key for coalescing, label shown by Undo). Returns the document's revision
    // after the edit, so that the panel's own edits rebuild the layout once, not again on the next frame.
    using EditFn = std::function<uint64_t(const std::string& group, const std::string& label)>;

    // Draws the whole panel at the cursor, `w` wide. `revision` changes whenever the document changed outside the
    // panel (undo, redo, another field, a new document); `now_ms` is the wall clock (for new events' defaults).
    void draw(Document& d, uint64_t revision, float w, const EditFn& edited, int64_t now_ms);

    // Review state after an import or a paste: these events are highlighted until the author confirms them.
    void begin_review(std::vector<std::string> event_ids);
    bool reviewing() const { return !review_.empty(); }
    // The events in review among `d`'s, in `d`'s order; review_rev() changes whenever the set may have changed (the
    // app stores it with the draft, so a reload keeps the review).
    std::vector<std::string> review_ids(const Document& d) const;
    uint64_t review_rev() const { return review_rev_; }

    // Selects the event `id` (at `t_ms`), brings it into view on the axis and in the list, and puts the caret in its
    // description: a new event is typed into at once.
    void edit_description(const std::string& id, int64_t t_ms);

    // For the benchmark and tests: the view and the layout cost.
    TimeView& view() { return view_; }
    double last_rebuild_ms() const { return last_rebuild_ms_; }
    uint64_t rebuilds() const { return rebuilds_; }  // layouts made so far (tests: a keystroke elsewhere makes none)
    double last_rebuild_cpu_ms() const { return last_rebuild_cpu_ms_; }  // this thread's CPU time, same rebuild
    void invalidate() { layout_dirty_ = true; }
    // Everything the layout holds (index, labels and widths, phases, clusters and lanes at the current zoom), one
    // line per item: a panel updated edit by edit must give exactly what a new panel builds for the same document.
    std::string layout_dump() const;
    enum class Zone { Utc, Local, Relative };
    void set_zone(Zone z) { zone_kind_ = z; }

    // Paste to add: a preview of `text`'s lines (timeline_paste.cpp); paste_failed shows why nothing could be read.
    void open_paste(const Document& d, const std::string& text);
    void paste_failed(const Document& d, const std::string& why) {
        open_paste(d, "");
        paste_problem_ = why;
    }
    // Set by the app: asks the platform for the clipboard (its answer comes back through open_paste). Returns false
    // when the platform cannot, and the button uses ImGui's clipboard.
    std::function<bool()> request_clipboard;

private:
    // timeline_layout.cpp
    void rebuild(const Document& d);
    void update_labels(const Document& d);
    void relayout_for_zoom();
    int place_labels(const std::vector<Cluster>& clusters, const LaneParams& lp, float dx);
    TimeZone display_zone() const;
    void select(const std::string& id, bool scroll_list);
    int selected_entry() const;  // index in index_.entries, or -1
    void commit(Document& d, const std::string& group, const std::string& label);
    // timeline_canvas.cpp. draw_canvas runs its stages on one CanvasFrame: where the canvas is on screen, the time
    // range in view and what the mouse does over it.
    struct CanvasFrame {
        ImVec2 o;                // the canvas's top left, on screen
        float w = 0;
        double t0 = 0, mpp = 1;  // the view: the time at the left edge, milliseconds per pixel
        int64_t t_left = 0, t_right = 0;
        TimeZone zone;
        bool hovered = false;
        ImVec2 mouse;
        ImDrawList* dl = nullptr;
        float x_of(double t) const { return o.x + static_cast<float>((t - t0) / mpp); }
    };
    void draw_toolbar(Document& d, float w);
    void draw_canvas(Document& d, float w);
    void fit_new_document(const Document& d, float w);
    void draw_phases(const CanvasFrame& f);
    void draw_axis(const CanvasFrame& f);
    void draw_events(const Document& d, const CanvasFrame& f, int& hovered_entry, int& hovered_cluster);
    bool draw_cluster(const CanvasFrame& f, const Cluster& c, float y);
    const Cluster& cluster_at(int i) const;  // clusters_, then comm_clusters_
    float next_marker_x(const CanvasFrame& f, const std::vector<Cluster>& cs, int ci) const;
    // `limit_x`: where the next marker in the row is; a label in the communication lane ends before it.
    bool draw_event(const Document& d, const CanvasFrame& f, int ei, float* lane_end, float limit_x = 1e9f);
    void draw_canvas_tooltip(const Document& d, const CanvasFrame& f, int hovered_entry, int hovered_cluster);
    void canvas_mouse(Document& d, const CanvasFrame& f, bool clicked, int hovered_entry, int hovered_cluster);
    void draw_minimap(float w);
    void handle_keys(Document& d);
    void announce_entry(const Document& d, int ei);
    void remove_event(Document& d, const std::string& id);  // deletes it and records the edit  // for screen readers: the event the keys moved to
    void ensure_visible(int64_t t_ms);
    // timeline_list.cpp
    void draw_list(Document& d, float w);
    void draw_list_filters(const Document& d, float w);
    void draw_list_row(Document& d, Event& e, float row_h, const TimeZone& zone, bool multi_day, std::string& remove);
    void draw_row_time(Document& d, Event& e, const TimeZone& zone, bool multi_day, bool rev);
    void draw_row_type(Document& d, Event& e, bool rev);
    void rebuild_rows(const Document& d);
    // timeline_paste.cpp
    std::string paste_problem_;  // why the clipboard could not be read, shown in the preview
    std::string paste_date_, paste_date_from_;  // the date assumed for times without one, and why
    void draw_paste_preview(Document& d);
    void draw_paste_summary();
    void draw_paste_lines();
    void draw_paste_event(const PasteLine& l);
    void draw_paste_buttons(Document& d);
    void draw_review_banner(Document& d, float w);

    const EditFn* edited_ = nullptr;
    int64_t now_ms_ = 0;

    // Layout, rebuilt per document change.
    bool layout_dirty_ = true;
    uint64_t revision_ = ~uint64_t(0);
    struct LabelCacheEntry {
        std::string text;   // the description, or the type's name when there is none
        std::string label;  // its short label drawn on the axis
        float width = 0;    // on screen, icon included
        bool provisional = false;  // measured while a glyph was left for the next frame: measured again then
    };
    std::vector<LabelCacheEntry> label_cache_;  // per document event, from the last rebuild
    std::vector<LabelCacheEntry> label_spare_;  // the one before, moved from: its storage is reused
    std::vector<float> label_px_;               // the widths alone, per document event
    ImFont* label_font_ = nullptr;
    float label_font_size_ = 0;
    int labels_resets_ = -1;           // atlas resets when the labels were measured
    uint64_t rebuilds_ = 0;
    bool labels_provisional_ = false;  // a glyph was left for the next frame: rebuild then
    // An entry's label, owned by label_cache_ (valid until the next rebuild): the list per entry copies no strings.
    struct LabelRef {
        const std::string* s = nullptr;
        const char* c_str() const { return s->c_str(); }
    };
    TimelineIndex index_;
    std::vector<LabelRef> labels_;  // per entry: the short label drawn on the axis
    PhaseSet phases_;
    int64_t impact_start_ms_ = 0;
    bool has_impact_start_ = false;
    int doc_offset_min_ = 0;
    double last_rebuild_ms_ = 0;
    double last_rebuild_cpu_ms_ = 0;
    // Per zoom level.
    double layout_ms_per_px_ = -1;
    std::vector<Cluster> clusters_;
    std::vector<Cluster> comm_clusters_;  // the communication lane's, clustered apart from the rest
    std::vector<int> lane_of_entry_;  // -1: no label (hidden or inside a cluster); 0 in the communication lane
    int lanes_used_ = 0;

    // View.
    TimeView view_;
    bool fitted_ = false;
    bool view_moved_ = false;  // zoomed or panned since the last fit
    float fit_w_ = 0;
    std::string axis_context_;  // "Mon 2 Mar 2026 · 5 min", from the last frame's ticks
    std::string doc_id_;  // a new document is fitted to the view
    std::vector<int> minimap_bins_;
    int minimap_max_ = 1;
    uint64_t minimap_revision_ = 0;
    bool minimap_dirty_ = true;
    float canvas_w_ = 0;
    Zone zone_kind_ = Zone::Utc;

    // Selection and interaction.
    std::string selected_;
    bool scroll_list_to_selected_ = false;
    bool list_into_view_ = false;  // the editor scrolls to the list (a row's field is to be edited)
    std::string drag_id_;        // event being retimed
    int64_t drag_orig_ms_ = 0;
    int64_t drag_new_ms_ = 0;
    bool panning_ = false;
    bool empty_double_click_ = false;
    double last_click_time_ = -1e9;
    int last_click_frame_ = -1000;
    float last_click_x_ = 0, last_click_y_ = 0;
    bool canvas_focused_ = false;

    // List view.
    bool rows_dirty_ = true;
    std::vector<int> rows_;  // event indices shown, in display order
    std::string filter_text_, filter_author_;
    std::map<std::string, std::string> time_text_;  // a row's time as shown or being typed, by event id
    int filter_type_ = -1;   // index in vocab::kEventTypes, -1 = all
    int sort_column_ = 0;    // 0 time, 1 type, 2 description, 3 author
    bool sort_ascending_ = true;
    std::string time_edit_id_;     // row whose time is being typed
    std::string time_edit_buf_;

    // Paste to add.
    bool paste_open_ = false;
    bool paste_popup_pending_ = false;
    std::string paste_text_;
    PasteResult paste_;

    // Review state.
    std::set<std::string> review_;
    uint64_t review_rev_ = 0;
};

// The communication lane, the canvas's lowest row: events of this type (vocab::kEventTypes index) are clustered and
// laid out there, apart from the rest, in every document.
bool in_comm_lane(int type_index);
inline constexpr float kCommLabelDx = 9;  // a communication's label starts this far right of its marker

// Marker colour for an event type (shared by the canvas, the list and the minimap).
ImU32 event_type_colour(int type_index, float alpha = 1.0f);
const char* event_type_icon(const std::string& type);

}  // namespace hs::ui
