// The application: state and the top-level frame. Platform code calls frame() between ImGui::NewFrame() and
// ImGui::Render(); everything drawn lives under src/ui and talks to the document only through src/core.
#pragma once
#include <map>
#include <unordered_map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/autosave.h"
#include "core/diff.h"
#include "core/edit_journal.h"
#include "core/importers/importers.h"
#include "core/lint.h"
#include "core/metrics.h"
#include "core/merge.h"
#include "core/model.h"
#include "core/store.h"
#include "actions_state.h"
#include "backdrop_state.h"
#include "find_state.h"
#include "history_state.h"
#include "incoming_state.h"
#include "library_state.h"
#include "slack_import_state.h"
#include "merge_state.h"
#include "platform.h"
#include "review_state.h"
#include "settings_state.h"
#include "share_state.h"
#include "text_input.h"
#include "tracker_update_state.h"
#include "trends_state.h"

namespace hs {
class History;
}

// Keeps a function out of its caller. In the browser, V8 compiles each wasm function on its first call, on the main
// thread: a dialog's or panel's body inlined into App::frame (as LTO does with functions called once) would be compiled
// with the first frame even when nothing shows it. Such bodies stay out of line. Each dialog's draw_X() is only a cheap
// check of whether it is shown, and calls draw_X_open() then (bench/startup: the first frame went from ~170 ms to
// ~12 ms, with the Binaryen setting in web.cmake).
#define HS_NOINLINE __attribute__((noinline))

struct ImDrawData;

namespace hs::ui {

class Timeline;

class App : public TextInputHost {
public:
    explicit App(Platform& platform);
    ~App();

    void frame();
    // After ImGui::Render(): while a panel covers the editor, its windows come from a copy of their draw lists
    // (backdrop.cpp). Platforms call it before drawing `draw_data`.
    void rendered(ImDrawData* draw_data);
    int backdrop_frames() const { return backdrop_.frames; }  // frames drawn with the copy (tests)
    // The next step of a save under way, and the library's next batch for its index (Platform::background_work):
    // called by the platform between frames.
    void work();

    // Opens a document (from a template, sample, file or link) as the current one, with a fresh undo history.
    void open_document(Document doc);
    // Opens JSON text as a document; on failure shows the problems and keeps what is open. Returns success.
    bool open_json(const std::string& text, const std::string& source_name);
    bool has_document() const { return doc_ != nullptr; }
    const Document* document() const { return doc_.get(); }
    std::string document_json() const;  // canonical JSON, or "" when nothing is open

    void set_dark(bool dark);
    bool dark() const { return dark_; }
    bool theme_pending_ = false;
    // True while something animates or a timer runs, so the platform keeps drawing frames.
    bool animating() const { return animating_; }

    // The system's display preferences changed (Platform::media_prefs): reduced motion, forced colours.
    void media_changed();
    // Whether animations are drawn still (the system's prefers-reduced-motion).
    bool reduce_motion() const { return media_.reduced_motion; }

    // Undo / redo of document edits (one step per coalesced group of typing).
    void undo();
    void redo();

    // From the DOM text overlay (web): the text of field `path` changed; editing ended (how: 0 blur, 1 Escape,
    // 2 Tab, 3 Shift+Tab, 4 Enter in a single-line field); the DOM reports the content height it needs.
    // overlay_done is true when Tab moved the editing to another field (shown from the next frame on).
    void overlay_input(const std::string& path, const std::string& text);
    bool overlay_done(const std::string& path, int how);
    // The words selected in the text box of `path` as its editing ends (the comment dialog takes them as its passage).
    void overlay_selection(const std::string& path, const std::string& text);
    void comment_shortcut();  // Ctrl+Alt+M: comment on the field edited last
    void overlay_height(const std::string& path, float css_px);
    void overlay_enter(const std::string& path, bool shift);  // Enter in a field that reports it (kInputEnter)
    // Single-line inputs outside the document's sections (text_input.h).
    InputResult text_input(const std::string& key, std::string& value, const char* hint, float width,
                           unsigned flags = 0) override;
    void text_input_focus(const std::string& key) override;
    bool text_input_editing(const std::string& key) override;
    // Storage events from the platform.
    void storage_loaded(bool ok, const std::string& error);
    void storage_saved(bool ok, const std::string& error);
    void draft_lock_result(const std::string& draft_id, bool owned);
    void flush();  // save now (the tab is being hidden or closed)
    // Entries of the edit journal skipped by the last replay (damaged, or their field gone), one line each.
    const std::vector<std::string>& journal_notes() const { return journal_notes_; }
    void storage_reloaded();  // the platform pulled other tabs' changes into storage
    std::string drafts_json() const;  // [{id,title,updated}] for window.hindsight.drafts()
    // The answer of navigator.storage.persist() (-1 unknown, 0 refused, 1 granted) and the storage estimate in bytes
    // (negative when unknown), for the settings.
    void storage_info(int persisted, double usage_bytes, double quota_bytes);
    // For window.hindsight (tests and scripts): "overview" (figures across drafts), "history" (snapshots of the open
    // draft, newest first), "quarantine" (damaged files set aside), "storage" (save state). JSON text.
    std::string query_json(const std::string& what);
    bool read_only() const { return read_only_; }

    // A share link was opened (the URL fragment, with or without '#'). It never replaces a draft: it is offered
    // as a new draft or a merge into the draft of the same document.
    void open_link(const std::string& fragment);

    // The read view was closed with Edit: return to the editor at `section`.
    void read_view_closed(const std::string& section);
    // The read view's "Show the next ..." button: timeline rows from index `from` (Platform::read_view_rows).
    void read_view_more(size_t from);

    // Samples: native builds embed them; the web build is told the list (dist/samples/index.json, JSON
    // [{"path","title"}]) and fetches a sample's body when it is opened (Platform::fetch_asset).
    struct Sample {
        std::string path;   // "samples/<file>.json"
        std::string title;
    };
    void set_samples(const std::string& index_json);
    void open_find();  // Ctrl+F: the find bar over the document
    // A file picked or dropped, opened on this thread (native only: open_local.cpp): a Hindsight document opens; an
    // incident export is imported into a new draft and its timeline opens for review; a Slack export's .zip opens
    // the dialog. Bad files explain themselves; nothing is lost.
    bool open_file(const std::string& name, const std::string& text);
    // The same, for a file the platform already read and converted elsewhere (web: in a worker, so a huge or hostile
    // file can neither block nor take down the editor): `kind` as open_any gives it, `canonical_json` the document.
    bool open_converted(const std::string& name, const std::string& kind, const std::string& canonical_json);
    void show_message(const std::string& text);  // a problem the platform found (e.g. a file too large to read)
    // A Slack export's .zip read elsewhere (web: the page's worker): its channels and times as hs::slack_scan_json.
    // The dialog opens; its Import goes back to the platform (Platform::import_slack_zip).
    void slack_choose(const std::string& name, const std::string& scan_json);
    // A tracker's CSV export of the action items (kind "tracker"; web: passed on by the worker as it is): matched
    // with the open postmortem, its changes wait in a dialog for confirmation (tracker_update.cpp). False, with a
    // message, when no postmortem is open or no row names one of its items.
    bool tracker_csv(const std::string& name, const std::string& text);
    // The answer of Platform::read_clipboard: the text, or why it could not be read (Paste events).
    void clipboard_read(bool ok, const std::string& text_or_error);
    void asset_loaded(const std::string& path, bool ok, const std::string& text_or_error);

private:
    const std::vector<Sample>& samples();
    void open_sample(const std::string& path);
    std::vector<Sample> samples_;
    bool samples_scanned_ = false;
    std::string sample_pending_;  // being fetched

    // Shell (app.cpp; the top bar in topbar.cpp; the welcome screen and the template picker in welcome.cpp)
    void draw_top_bar(float height);
    // frame()'s stages around the drawing (app.cpp).
    void begin_frame();
    void draw_find_window();
    void end_frame();
    void a11y_frame();  // accessibility (app.cpp): the mirror's changes, and spoken news of what changed
    struct Spoken {
        std::string problem, save;
        size_t findings = 0;
    } spoken_;
    void draw_top_bar_title(float win_w, bool compact, bool tiny);
    void draw_top_bar_save_state(bool tiny);
    void draw_top_bar_actions(float win_w, bool tiny);
    void draw_sidebar();
    HS_NOINLINE void draw_welcome();
    void draw_template_picker();
    HS_NOINLINE void draw_template_picker_open();
    void draw_messages();
    HS_NOINLINE void draw_messages_open();
    void draw_shortcuts();
    HS_NOINLINE void draw_shortcuts_open();
    void handle_shortcuts();
    // Editor (editor.cpp)
    HS_NOINLINE void draw_editor();
    void draw_header_fields(float w);
    void draw_section(const std::string& key, float w);
    void draw_item_list(const std::string& list_path, std::vector<Item>& items, const char* add_label,
                        const char* id_prefix, bool numbered, float w);
    void draw_impact(float w);
    void draw_timeline_list(float w);
    // Action items (actions.cpp): a sortable table where the section is wide, one card per item below
    // kActionCardsBelow px (a phone), with the same controls and locate names in both. The helpers draw one control
    // of one item.
    void draw_actions(float w);
    void draw_action_table(float w, ActionOps& ops);
    void draw_action_table_header();
    void sort_action_order(std::vector<size_t>& order);
    void draw_action_row(ActionItem& a, size_t i, ActionOps& ops, int64_t now);
    void draw_action_cards(float w, ActionOps& ops);
    void draw_action_card(ActionItem& a, size_t i, float w, ActionOps& ops, int64_t now);
    bool action_stand_in(const ActionItem& a, bool last, float w, float inset);
    // A dropdown of one of the item's fields (priority, status, type): `values` shown as `label` gives them.
    void action_choice(ActionItem& a, const char* field, std::string& value, const std::vector<std::string>& values,
                       std::string (*label)(const std::string&), float width);
    void action_due(ActionItem& a, float width, bool overdue);
    void action_ticket(ActionItem& a, float width, bool wrap);
    void action_buttons(const ActionItem& a, size_t i, bool can_move, ActionOps& ops);
    void draw_links(float w);
    // Right panel (panels.cpp)
    HS_NOINLINE void draw_side_panel();
    HS_NOINLINE void draw_export_menu();
    void open_read_view();
    void jump_to(const Finding& f);
    void add_missing_event(const std::string& type);  // from the metrics: the event a metric needs
    // Drafts (drafts.cpp)
    void draw_drafts_list();
    void save_now();
    // Autosave (core/autosave.h decides when and how; these carry out what it says): a document with many timeline
    // events is saved in steps of a few milliseconds, each in a frame or, where the platform has background work,
    // in a task between frames.
    void autosave_edited();  // an edit landed: the save is due after a pause
    void autosave_step();    // the save's next step, when it is due
    void autosave_apply(const AutosaveResult& r);  // push what was written, report a failure, schedule more
    AutosaveTarget autosave_target() const;
    void save_failed(const Status& st);
    void continue_save();  // the next step of a save: in the next frame, or in a task of its own
    class AutosaveHostImpl;
    void open_draft(const std::string& id);
    // Edit journal (journal.cpp, core/edit_journal.h): each edit of a text field is written within kJournalFlushMs,
    // a structural edit brings the full save forward; the tab that holds a draft's lock replays its entries.
    void journal_edit(const std::string& path);
    void journal_flush(bool now);  // writes the pending entries when due (now: at once)
    void journal_rerecord();       // undo/redo: the fields journaled so far take their current text
    void journal_switched();       // another document is shown
    void journal_replay();
    void journal_replayed(const std::string& draft_id, const std::vector<std::string>& texts);
    void journal_saved(int64_t rev);  // a full save was written, before its push
    void journal_pushed(bool ok);     // a push finished
    EditJournal journal_{new_id("tab")};
    struct JournalPush {
        std::string draft_id;
        int64_t rev = 0;
    };
    JournalPush journal_inflight_, journal_queued_;  // saves in the push under way, and in the next one
    std::vector<std::string> journal_notes_;
    void save_incoming_as_draft(const Document& d);
    void adopt_as_draft();  // the open document becomes a stored draft
    void update_window_title();
    static std::string short_title(const Document& d, size_t max);  // at most `max` bytes of the title
    std::vector<Document> pending_drafts_;  // opened and replaced before storage had loaded: stored once it has
    void set_document(Document doc);  // shows `doc` with a fresh undo history; no draft yet
    // History (history.cpp), overview (overview.cpp), settings (settings.cpp)
    void draw_history();
    HS_NOINLINE void draw_history_open();
    void after_edit();  // snapshots on a status change
    void document_switched();  // a different document is shown: history view reset
    void select_snapshot(const std::string& name);
    void restore_snapshot_now(const std::string& name);
    void draw_overview();
    HS_NOINLINE void draw_overview_open();
    void draw_overview_open_items(const Overview& o, float avail);
    void draw_settings();
    HS_NOINLINE void draw_settings_open();
    void draw_text_size();  // Settings > Text size (settings.cpp)
    // The system's display preferences (Platform::media_prefs; app.cpp).
    Platform::MediaPrefs media_;
    int still_wake_ms_ = 0;  // reduced motion: when what is drawn still next changes (a wait's seconds), 0 for never
    void calm_frame();  // reduced motion: no frames for animation's sake, a timer for the next change instead
    void download_all();  // every draft, the open one saved first
    // Share (share.cpp)
    void draw_share();
    HS_NOINLINE void draw_share_open();
    void draw_share_passphrase();
    void draw_share_link();
    void draw_share_fits();
    void link_made(const std::string& link, const std::string& json);
    void make_share_link();
    // A Slack export's .zip (slack_import.cpp): the dialog choosing channels and a time window, then the import.
    bool open_slack_zip(const std::string& name, const std::string& bytes);
    void slack_import_start(const std::string& name, const SlackExportScan& scan);
    void slack_import_run();
    HS_NOINLINE void draw_slack_import();
    SlackImportState slack_import_;
    // Updating the action items from a tracker's CSV export (tracker_update.cpp).
    void tracker_update_read();
    void tracker_update_answer(int gen, const std::string& answer);
    void tracker_update_apply();
    void draw_tracker_update();
    HS_NOINLINE void draw_tracker_update_open();
    void draw_tracker_changes();
    TrackerUpdateState tracker_;

    // Opening a link (incoming.cpp)
    void draw_incoming();
    HS_NOINLINE void draw_incoming_open();
    void draw_incoming_prompt();
    void draw_incoming_title();
    bool draw_incoming_mine(const Draft& mine);  // true: the dialog closes
    bool draw_incoming_new();
    void decode_incoming();
    void read_incoming(const std::string& passphrase);
    void link_decoded(int status, const std::string& json_or_error);  // a Platform::LinkStatus and its text
    void stop_decoding();
    void draw_decode_progress();
    // Merge (merge.cpp)
    void draw_merge();
    HS_NOINLINE void draw_merge_open();
    void draw_merge_conflict(int i, bool stacked);
    bool draw_merge_buttons();  // true: the dialog closes
    void start_merge(const Document& theirs);
    void run_merge_job(bool apply);  // the job over the current draft; `apply`: the choices made, apply the result
    void merge_answered(bool apply, const std::string& answer);
    void apply_merge(const std::string& merged_json);
    // Read view (panels.cpp)
    void show_read_view_of(const Document& d, bool print = false);
    // An export made by the platform (core/exporters/jobs.h); `done` gets the text, or a message says why there is
    // none. `d` is copied as JSON now: edits made while the export is under way are not in it.
    void export_then(ExportJob job, const Document& d, const std::string& arg, std::function<void(std::string)> done);
    std::string read_view_json_;  // what the read view shows, for its further timeline rows
    int read_view_gen_ = 0;       // answers for a read view closed or replaced since are dropped
    bool open_import_result(const std::string& name, const std::string& kind, ImportResult&& r);
    // Find in document and marks in text (find.cpp)
    using TextSpan = FieldSpan;
    std::vector<std::pair<std::string, std::string>> text_fields();  // (path, section) in document order
    std::string finding_path(const Finding& f);
    HS_NOINLINE void draw_find_bar(float width);
    void find_update();
    void find_step(int dir);
    void draw_text_marks(const std::string& path, const std::string& value, float x, float y, float wrap_w);
    FindState find_;
    std::string scroll_to_path_;  // field to bring into view next frame
    std::multimap<std::string, TextSpan> blame_marks_;  // by path, rebuilt with the lint findings
    // Fields
    std::string* field(const std::string& path);
    // flags: text_input.h's (kInputEnterEnds: a wrapped one-line field, such as an action's title, where Enter ends
    // editing instead of starting a new line).
    bool text_field(const std::string& path, std::string& value, const char* hint, bool multiline, float width,
                    unsigned flags = 0);
    void activate_field(const std::string& path);
    // The DOM overlay over the field being edited, at (x, y, w, h) in CSS pixels (text_field and text_input).
    void show_overlay(const std::string& path, const std::string& value, const char* hint, float x, float y, float w,
                      float h, bool multiline, unsigned flags);
    void edited(const std::string& group, const std::string& label);  // records an undo step, refreshes lint
    void refresh_derived();
    bool lint_waits();  // while typing in a document whose lint is slow: the lint waits for a pause (editor.cpp)
    void step_history(std::optional<Document> d);  // undo/redo: show `d` and save it

    Platform& platform_;
    std::unique_ptr<Document> doc_;
    std::unique_ptr<History> history_;
    bool dark_ = false;
    bool animating_ = false;
    bool sidebar_open_ = true;
    bool layout_chosen_ = false;  // the sidebar's first state depends on the screen width
    float topbar_actions_w_ = 0;  // width of the top bar's right-aligned buttons, measured each frame
    bool side_panel_open_ = true;
    bool open_template_picker_ = false;
    bool show_shortcuts_ = false;
    std::vector<std::string> messages_;  // errors shown to the user
    // A brief confirmation in the top bar ("Link copied"), for actions that show nothing else.
    void confirm(const std::string& text);
    void ensure_timeline();
    std::string confirm_text_;
    double confirm_until_ = 0;

    // Derived, rebuilt when the document changes (not every frame).
    bool derived_dirty_ = true;
    double lint_ms_ = 0;        // how long the last lint took
    uint64_t typed_rev_ = 0;    // doc_rev_ after the last keystroke in a text field, at typed_ms_, in typed_path_
    int64_t typed_ms_ = 0;
    std::string typed_path_;
    uint64_t doc_rev_ = 0;  // changes with every document change (the timeline rebuilds its layout on it)
    // Revisions that were a keystroke in a text field the timeline does not show (the summary, an action item): the
    // timeline is given doc_rev_ minus these, so typing elsewhere does not rebuild its layout.
    uint64_t revs_outside_timeline_ = 0;
    uint64_t timeline_rev() const { return doc_rev_ - revs_outside_timeline_; }
public:
    // What the frames recomputed so far: timeline layouts and metrics runs (tests: typing in a prose field makes
    // neither, since neither depends on it).
    struct WorkCounts {
        uint64_t timeline_layouts = 0, metrics_runs = 0;
    };
    WorkCounts work_counts() const;
private:
    uint64_t metrics_runs_ = 0;
    void edited_text(const std::string& path);  // edited() for a keystroke in the document field at `path`
    // The metrics panel's figures, computed again only when the timeline may have changed (they read only its events).
    Metrics metrics_;
    uint64_t metrics_rev_ = 0;
    bool metrics_valid_ = false;
    std::unique_ptr<Timeline> timeline_;
    std::vector<Finding> findings_;
    LintCache lint_cache_;  // an edit re-scans only the fields it changed

    // Text editing state.
    std::string active_path_;        // field edited in the DOM overlay (web) — "" when none
    std::string overlay_text_;       // the text the DOM holds for active_path_
    bool overlay_send_text_ = false; // the DOM text must be replaced (first show, undo)
    bool active_drawn_ = false;      // active_path_ was drawn this frame
    std::map<std::string, float> overlay_heights_;
    // Inputs that are not document fields ("ui:find", ...): where their text lives, and what the overlay reported
    // for each since it was last drawn (InputResult bits).
    std::map<std::string, std::string*> ui_values_;
    std::map<std::string, InputResult> ui_events_;
    std::string ui_focus_;           // to start editing when drawn next
    std::vector<std::string> field_order_, last_field_order_;  // for Tab / Shift+Tab
    std::string highlight_path_;     // field flashed after a lint jump
    double highlight_until_ = 0;
    std::string scroll_to_section_;  // section to bring into view next frame

    // Drafts
    std::unique_ptr<DraftStore> store_;
    bool storage_failed_ = false;
    std::string draft_id_;          // the open document's draft ("" until stored)
    std::vector<std::string> review_saved_;  // the timeline's events in review as last stored with the draft
    uint64_t review_rev_seen_ = 0;            // Timeline::review_rev() when it was last compared with that
    Autosave autosave_;             // edits not yet written to the store, and the save under way
    std::string save_error_;        // last storage error shown in the top bar
    bool read_only_ = false;        // the draft is being edited in another tab
    std::string drafts_filter_;
    // The sidebar's lists, rebuilt when the store (its revision), the filter or the day changes, not every frame.
    struct DraftsView {
        const DraftStore* store = nullptr;
        uint64_t revision = 0;
        std::string filter, today;
        std::vector<DraftSummary> list;
        std::vector<TrashEntry> trash;
        std::vector<QuarantineEntry> quarantined;
        uint64_t overview_revision = 0;  // the overview's figures, kept the same way while its dialog is open
        std::string overview_today;
        Overview overview;
        std::vector<float> overview_row_h;  // the open action items' rows as drawn (TableRowSkipper)
        float overview_row_w = -1, overview_row_font = 0;
    } drafts_view_;
    const Overview& cached_overview(const std::string& today);
    const DraftsView& drafts_view(const std::string& today);
    void draw_draft_row(const DraftSummary& s, int64_t now, std::string& remove);
    void draw_drafts_footer(const DraftsView& view, const std::string& remove, int64_t now);
    bool offer_download_ = false;   // a write failed: the problem dialog offers Download all drafts

    // History, overview, settings
    HistoryState history_view_;
    std::string last_status_;       // status of the open document at the last edit
    bool overview_open_ = false;
    SettingsState settings_;

    // Review by link (review.cpp: comments, suggestions, workflow; review_links.cpp: reply links, the name).
    void draw_review_section(float w);
    void draw_review_workflow();
    void draw_review_comments();
    void draw_review_comment(Comment& c);
    void draw_review_suggestions();
    void draw_suggestion_row(const Suggestion& s, float width);
    void draw_comment_marker(const std::string& path);
    void draw_comment_button(const std::string& path);
    void open_composer(const std::string& path);
    void draw_composer();
    HS_NOINLINE void draw_composer_open();
    bool add_composed();
    int open_comment_count() const;
    Instant review_now() const;
    void review_edited(const std::string& label);
    bool reviewer_known();
    void save_reviewer_name();
    void draw_reviewer_name(const char* key);
    void draw_share_reply();
    void send_reply();
    void note_shared_version(const std::string& json);
    bool open_reply_link(const std::string& fragment);
    void run_apply_reply();
    void reply_applied(int status, const std::string& text);
    void draw_apply_reply();
    void run_locate_reply();  // which draft the reply answers, then applied over it or offered (review_links.cpp)
    void reply_located(int status, const std::string& text);
    void reply_failed(int status, const std::string& text);
    void draw_apply_reply_choices();
    // Reply links kept for later (review_pending.cpp).
    void load_pending_replies();
    void keep_pending_reply();
    void forget_pending_reply(const std::string& link);
    void offer_pending_reply();
    // Suggest mode (review_suggest.cpp): while it is on, an edit of a text field ends as a suggestion.
public:
    void toggle_suggesting();  // the top bar's Suggesting button and Ctrl+Alt+Shift+X
    bool suggesting() const;
private:
    std::string& suggest_view(const std::string& path, std::string& value);  // what the field shows and edits
    void suggest_begin(const std::string& path);
    bool suggest_input(const std::string& path, const std::string& text);  // true: kept out of the document
    void suggest_end(const std::string& path);
    void draw_suggest_toggle(bool tiny);
    void draw_suggest_banner(float w);
    HS_NOINLINE void draw_apply_reply_open();
    // ---- classification (classify.cpp) and trends (trends.cpp, trends_charts.cpp) ----
public:
    const Taxonomy& taxonomy();  // the team's vocabulary: from settings storage, else the default one
    bool set_taxonomy(const Taxonomy& t);  // kept in settings storage
    bool load_taxonomy_text(const std::string& name, const std::string& text);  // a "hindsight.taxonomy" file
    void open_trends();
    const TrendsState& trends_state() const { return trends_; }
private:
    void draw_classification(float w);
    void draw_chip_list(const char* key, const char* label, const char* hint, std::vector<std::string>& values,
                        std::string& typed, const std::vector<std::string>& known, float w);
    void draw_factor_category(Item& it, float width);
    float factor_category_width() const;
    void draw_taxonomy_settings();
    void draw_trends();
    HS_NOINLINE void draw_trends_open();
    void draw_trends_charts();
    void request_trends();
    void export_trends(const char* job);
    ClassifyState classify_;
    TrendsState trends_;
    // The library (library.cpp: search across every draft; similar.cpp: similar incidents of the open draft), over
    // the platform's library jobs (src/platform/library_job.h).
public:
    void open_library();  // the top bar's Library button and Ctrl+Shift+F
    bool library_open() const { return library_.open; }
private:
    bool library_sync(double budget_ms);  // one batch of drafts for the index, turned into JSON within budget_ms
    void library_feed();  // library_sync where the platform does it: a task of its own (work), or this frame
    void library_work();  // the batch library_feed asked for, in App::work
    bool library_ask();  // true when a search was asked (the query, the filters or the drafts changed)
    void library_typed();  // a keystroke in the library's box, before the frame that draws it
    void open_at_field(const std::string& draft_id, const std::string& path);
    void draw_library();
    HS_NOINLINE void draw_library_open();
    void draw_library_filters(float w);
    void draw_library_results();
    void similar_ask();
    HS_NOINLINE void draw_similar_section();
    LibraryState library_;
    BackdropState backdrop_;
    bool covering_panel_open() const;
    bool backdrop_usable();
    uint64_t backdrop_key() const;
    void draw_background(float top_h);  // the top bar, the sidebar, the document and its side panel

    ReviewState review_;
    ShareState share_;
    IncomingState incoming_;
    MergeState merge_;
    ActionsState actions_;
};

}  // namespace hs::ui
