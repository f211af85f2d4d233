#include "app.h"

#include "a11y.h"
#include "bidi.h"

#include <algorithm>
#include <cstdio>

#include "core/embedded.h"
#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/history.h"
#include "core/importers/importers.h"
#include "core/templates.h"
#include "core/text.h"
#include "fonts.h"
#include "glyphs.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"
#include "timeline.h"
#include "widgets.h"

namespace hs::ui {

// At most `max` bytes, cut at a grapheme cluster boundary (never inside an emoji sequence or a letter's marks).
std::string App::short_title(const Document& d, size_t max) {
    return truncate_to_bytes(d.title.empty() ? std::string("Untitled postmortem") : d.title, max, "...");
}

// The tab's title: the document's, cut short (a title can be a megabyte), and the app's name.
void App::update_window_title() {
    if (doc_) platform_.set_window_title(short_title(*doc_, 80) + " \xe2\x80\x94 Hindsight");
}

App::App(Platform& platform) : platform_(platform), history_(std::make_unique<History>()) {
    dark_ = platform_.prefers_dark();
    media_ = platform_.media_prefs();
    theme_pending_ = media_.forced_colors;
    set_text_input_host(this);
    install_bidi();
}
App::~App() { set_text_input_host(nullptr); }

void App::show_message(const std::string& text) {
    messages_.push_back(text);
    platform_.request_frame();
}

bool App::open_converted(const std::string& name, const std::string& kind, const std::string& canonical_json) {
    LoadResult l = load_document(canonical_json);
    ImportResult r;
    r.ok = l.ok;
    r.doc = std::move(l.doc);
    r.problems = std::move(l.problems);
    return open_import_result(name, kind, std::move(r));
}

bool App::open_import_result(const std::string& name, const std::string& kind, ImportResult&& r) {
    if (!r.ok) {
        show_message(refusal_message(name, r.problems));
        return false;
    }
    if (kind != "hindsight" && r.doc.title.empty()) r.doc.title = "Imported: " + name;
    std::vector<std::string> imported;
    for (const Event& e : r.doc.timeline) imported.push_back(e.id);
    open_document(std::move(r.doc));
    // Imported times and types are inferred: the timeline opens in review so the author confirms them.
    if (kind != "hindsight") {  // also from the welcome screen, where no timeline was drawn yet
        ensure_timeline();
        timeline_->begin_review(std::move(imported));
        scroll_to_section_ = "timeline";
    }
    return true;
}

void App::ensure_timeline() {
    if (timeline_) return;
    timeline_ = std::make_unique<Timeline>();
    timeline_->request_clipboard = [this] { return platform_.read_clipboard(); };
}

void App::clipboard_read(bool ok, const std::string& text_or_error) {
    if (!doc_ || !timeline_) return;
    if (ok)
        timeline_->open_paste(*doc_, text_or_error);
    else
        timeline_->paste_failed(*doc_, "Hindsight could not read the clipboard (" + text_or_error +
                                           "). Allow clipboard access for this page, or press Ctrl+V over the timeline.");
    platform_.request_frame();
}

void App::confirm(const std::string& text) {
    confirm_text_ = text;
    confirm_until_ = ImGui::GetTime() + 2.0;
    platform_.announce(text, false);
    platform_.request_frame();
}

void App::set_dark(bool dark) {
    // Applied when the next frame starts: the style replaced in the middle of a frame was partly undone by the
    // PopStyleColor calls that followed (each restores the colour it saved, the old theme's), so the sidebar and the
    // side panel kept their light backgrounds under light text.
    dark_ = dark;
    theme_pending_ = true;
    platform_.request_frame();
}

void App::set_document(Document doc) {
    journal_switched();
    if (!active_path_.empty()) {
        active_path_.clear();
        platform_.overlay_hide();
    }
    save_now();  // the document being left keeps its last edits
    // Storage still loading: the document being left is kept until it can be stored (every opened document becomes
    // a draft, also one that was replaced in the first moments).
    if (doc_ && !store_ && !storage_failed_) pending_drafts_.push_back(std::move(*doc_));
    doc_ = std::make_unique<Document>(std::move(doc));
    history_ = std::make_unique<History>();
    history_->reset(*doc_);
    review_.suggest_path.clear();  // an edit in Suggest mode was of the document left
    derived_dirty_ = true;
    ++doc_rev_;
    draft_id_.clear();
    review_saved_.clear();
    autosave_.saved();
    read_only_ = false;
    document_switched();
    glyphs_document_opened();
    update_window_title();
    platform_.request_frame();
}

void App::open_document(Document doc) {
    set_document(std::move(doc));
    if (store_) adopt_as_draft();  // every opened document is kept as a draft at once
}

bool App::open_json(const std::string& text, const std::string& source_name) {
    LoadResult r = load_document(text);
    if (!r.ok) {
        show_message(refusal_message(source_name, r.problems));
        return false;
    }
    open_document(std::move(r.doc));
    return true;
}

std::string App::document_json() const { return doc_ ? save_document(*doc_) : std::string(); }

void App::edited(const std::string& group, const std::string& label) {
    if (!doc_) return;
    Instant now;
    now.unix_ms = platform_.now_ms() / 1000 * 1000;
    now.set = true;
    doc_->updated = now;
    history_->commit(*doc_, label, group, platform_.now_ms());
    after_edit();
    derived_dirty_ = true;
    ++doc_rev_;
    autosave_edited();  // autosave runs when the edits pause
    platform_.request_frame();
    journal_edit(group);
}

void App::undo() {
    if (doc_ && history_->can_undo()) step_history(history_->undo());
}

void App::redo() {
    if (doc_ && history_->can_redo()) step_history(history_->redo());
}

void App::step_history(std::optional<Document> d) {
    if (!d) return;
    d->review.shared = doc_->review.shared;  // versions sent for review stay known: replies to them still apply
    *doc_ = std::move(*d);
    derived_dirty_ = true;
    ++doc_rev_;
    autosave_edited();
    platform_.request_frame();
    journal_rerecord();
}

void App::handle_shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    // Ctrl+Alt+M: a comment on the field being edited (or edited last), as in other editors.
    if (io.KeyCtrl && io.KeyAlt && ImGui::IsKeyPressed('M')) comment_shortcut();
    // Ctrl+Alt+Shift+X: Suggest mode on or off, as in other editors (Ctrl+Alt+S types a letter on some keyboards).
    if (io.KeyCtrl && io.KeyAlt && io.KeyShift && ImGui::IsKeyPressed('X')) toggle_suggesting();
    if (io.WantTextInput) return;  // an ImGui text field handles its own keys
    const bool ctrl = io.KeyCtrl;
    if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z))) {
        if (io.KeyShift) redo(); else undo();
    }
    if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y))) redo();
    if (ctrl && io.KeyShift && ImGui::IsKeyPressed('F')) open_library();  // the library: search all postmortems
    else if (ctrl && ImGui::IsKeyPressed('F')) open_find();
    if (ctrl && ImGui::IsKeyPressed('O')) platform_.pick_files();  // the page handles it itself (user activation)
    for (ImWchar c : io.InputQueueCharacters)
        if (c == '?') show_shortcuts_ = true;
}

// The frame's stages before drawing: theme, field order, derived data, the autosave's next step, shortcuts.
void App::begin_frame() {
    animating_ = false;
    if (theme_pending_) {  // before anything is pushed: every window of this frame is drawn in the new theme
        theme_pending_ = false;
        apply_theme(dark_, 1.0f, media_.forced_colors ? media_.colours : nullptr);
        platform_.page_theme(dark_);
    }
    locate_begin_frame();
    last_field_order_.swap(field_order_);
    field_order_.clear();
    active_drawn_ = false;
    if (derived_dirty_ && doc_ && !lint_waits()) refresh_derived();
    // A save's next step: in this frame, or in a task of its own (work()); or a timer for when it is due.
    const Autosave::Wake wake = autosave_.next(platform_.now_ms());
    if (wake.kind == Autosave::Wake::Later) platform_.set_timer(static_cast<int>(wake.in_ms));
    else if (wake.kind == Autosave::Wake::Now && platform_.background_work()) platform_.request_work();
    else if (wake.kind == Autosave::Wake::Now) work();
    handle_shortcuts();
}

// The find bar floats over the top right of the document (the last item drawn), like an editor's.
void App::draw_find_window() {
    const ImVec2 cmin = ImGui::GetItemRectMin(), cmax = ImGui::GetItemRectMax();
    const float fw = std::min(520.0f, cmax.x - cmin.x - 24.0f);
    ImGui::SetNextWindowPos(ImVec2(cmax.x - fw - 20.0f, cmin.y + 8.0f));
    ImGui::SetNextWindowSize(ImVec2(fw, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin("##findbar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_AlwaysAutoResize);
    draw_find_bar(ImGui::GetContentRegionAvail().x);
    const float bar_h = ImGui::GetWindowHeight() + 8.0f;
    if (bar_h != find_.bar_h) {  // the document moves down by as much, in the next frame
        find_.bar_h = bar_h;
        platform_.request_frame();
    }
    ImGui::End();
    ImGui::PopStyleVar(3);
}

// After drawing: what depends on what this frame drew or clicked.
void App::end_frame() {
    // The review state is kept with the draft: a change to it (an import, a confirmation) is saved as an edit is
    // (checked after drawing: a click on Confirm may be the last frame drawn for a while).
    if (timeline_ && doc_ && !draft_id_.empty() && !read_only_ && timeline_->review_rev() != review_rev_seen_) {
        review_rev_seen_ = timeline_->review_rev();
        if (timeline_->review_ids(*doc_) != review_saved_) autosave_edited();
    }
    // The overlay follows its field; when the field is gone (section collapsed, document closed) it goes too.
    if (!active_path_.empty() && !active_drawn_) {
        active_path_.clear();
        platform_.overlay_hide();
    }
    // An edit in Suggest mode whose text box went without saying so (its field gone, a snapshot restored) ends here.
    if (platform_.has_text_overlay() && !review_.suggest_path.empty() && review_.suggest_path != active_path_)
        suggest_end(review_.suggest_path);
    if (highlight_until_ > 0) {
        if (ImGui::GetTime() < highlight_until_) animating_ = true;
        else highlight_until_ = 0, highlight_path_.clear();
    }
    if (animating_ && reduce_motion()) calm_frame();
    journal_flush(false);  // last: its timer may be sooner than the autosave's
    a11y_frame();
}

// ---- Display preferences: reduced motion, forced colours (docs/accessibility.md) ----
void App::media_changed() {
    const bool forced = media_.forced_colors;
    media_ = platform_.media_prefs();
    if (forced || media_.forced_colors) theme_pending_ = true;  // the system's colours may have changed too
    platform_.request_frame();
}

// With reduced motion, what would animate is drawn still: instead of a frame per display refresh, one timer draws
// the frame in which what is shown changes next (a confirmation or a field's highlight goes, a wait's seconds step).
// The platform keeps one timer: the autosave's, when sooner, is kept; the journal's is set after this.
void App::calm_frame() {
    animating_ = false;
    const double now = ImGui::GetTime();
    double next_s = 0;
    for (double until : {confirm_until_, highlight_until_})
        if (until > now && (next_s == 0 || until - now < next_s)) next_s = until - now;
    int64_t ms = next_s > 0 ? static_cast<int64_t>(next_s * 1000) + 1 : 0;
    if (still_wake_ms_ > 0 && (ms == 0 || still_wake_ms_ < ms)) ms = still_wake_ms_;
    still_wake_ms_ = 0;
    if (ms == 0) return;  // e.g. a link being made: its answer draws the next frame
    const Autosave::Wake wake = autosave_.next(platform_.now_ms());
    if (wake.kind == Autosave::Wake::Later && wake.in_ms < ms) ms = wake.in_ms;
    platform_.set_timer(static_cast<int>(ms));
}

// ---- Accessibility: what a sighted user sees change is said by a screen reader too (docs/accessibility.md) ----
void App::a11y_frame() {
    if (!a11y_enabled()) return;
    const std::string key = a11y_take_field();
    if (!key.empty()) {
        if (field(key)) activate_field(key);
        else text_input_focus(key);
        platform_.request_frame();
    }
    const std::string changes = a11y_changes();
    if (!changes.empty()) platform_.a11y_update(changes);
    const std::string said = a11y_take_announcement();  // e.g. the timeline axis's event under focus
    if (!said.empty()) platform_.announce(said, false);
    // A problem is said at once (assertive); the save state when a save ends or fails, not at each "Saving".
    const std::string problem = messages_.empty() ? std::string() : messages_.front();
    if (problem != spoken_.problem && !problem.empty()) platform_.announce("Problem: " + problem, true);
    spoken_.problem = problem;
    const std::string save = !doc_ || read_only_ ? "" : (storage_failed_ || !save_error_.empty()) ? "Not saved"
                                                       : autosave_.busy() ? "Saving" : "Saved";
    if (save != spoken_.save && !spoken_.save.empty() && save != "Saving" && !save.empty())
        platform_.announce(save, save == "Not saved");
    spoken_.save = save;
    if (doc_ && findings_.size() != spoken_.findings)
        platform_.announce(findings_.empty() ? "No review findings" : std::to_string(findings_.size()) +
                                                   (findings_.size() == 1 ? " review finding" : " review findings"),
                           false);
    spoken_.findings = doc_ ? findings_.size() : 0;
}

void App::frame() {
    begin_frame();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();

    // Behind a panel that covers it, the rest is shown from a copy of its draw lists (backdrop.cpp).
    backdrop_.used = backdrop_usable();
    if (backdrop_.used) {
        locate_restore_background();
    } else {
        draw_background(52.0f);
        if (covering_panel_open()) locate_save_background();
    }

    draw_template_picker();
    if (doc_) draw_share();
    draw_incoming();
    draw_slack_import();
    draw_tracker_update();
    if (doc_) draw_merge();
    draw_history();
    draw_overview();
    draw_library();
    draw_trends();  // trends.cpp
    draw_settings();
    if (doc_) draw_composer();
    draw_apply_reply();
    draw_shortcuts();
    draw_messages();
    ImGui::End();

    end_frame();
}

void App::draw_background(float top_h) {
    ImGuiIO& io = ImGui::GetIO();
    draw_top_bar(top_h);

    const bool narrow = io.DisplaySize.x < 760.0f;
    if (!layout_chosen_) {  // a phone starts with the document, the drafts a tap away (the menu button)
        layout_chosen_ = true;
        if (narrow) sidebar_open_ = false;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 14));
    if (sidebar_open_ && !narrow) {
        ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
        ImGui::BeginChild("sidebar", ImVec2(250, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        ImVec2 sp = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(sp.x + 249, sp.y), ImVec2(sp.x + 249, sp.y + ImGui::GetWindowHeight()),
                                            col(palette().border));
        draw_sidebar();
        ImGui::EndChild();
        ImGui::PopStyleVar();
        ImGui::SameLine(0, 0);
    }
    const bool wide = io.DisplaySize.x >= 1100.0f;
    const float side_w = (doc_ && side_panel_open_ && wide) ? 300.0f : 0.0f;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().bg);
    ImGui::BeginChild("centre", ImVec2(side_w > 0 ? -side_w : 0, 0), false);
    if (narrow && sidebar_open_) {
        draw_sidebar();
        ImGui::Separator();
    }
    if (doc_) {
        draw_editor();
        if (side_panel_open_ && !wide) {  // one column: the panel follows the document, inside the same margin
            ImGui::Indent(12);
            draw_side_panel();
            ImGui::Unindent(12);
        }
    } else {
        draw_welcome();
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (find_.open && doc_) draw_find_window();  // over the top right of the document, like an editor's
    if (side_w > 0) {
        ImGui::SameLine(0, 0);
        ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
        ImGui::BeginChild("side", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        ImVec2 sp = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddLine(sp, ImVec2(sp.x, sp.y + ImGui::GetWindowHeight()), col(palette().border));
        draw_side_panel();
        ImGui::EndChild();
        ImGui::PopStyleVar();
    }
    ImGui::PopStyleVar();
}

void App::work() {
    library_work();
    autosave_step();
}

void App::draw_sidebar() {
    const Palette& p = palette();
    if (ImGui::Button(ICON_PLUS "  New postmortem", ImVec2(-1, 0))) open_template_picker_ = true;
    mark("sidebar.new");
    // Open and Import in every state, not only on the welcome screen (the last draft reopens on load).
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (ImGui::Button(ICON_FOLDER_OPEN "  Open##sidebar", ImVec2(half, 0))) platform_.pick_files();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open a .hindsight.json file (Ctrl+O). Or drop it anywhere.");
    mark("sidebar.open");
    ImGui::SameLine();
    if (ImGui::Button(ICON_UPLOAD "  Import##sidebar", ImVec2(-1, 0))) platform_.pick_files();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Import a PagerDuty, Opsgenie or Slack export, or a CSV timeline (Ctrl+O). Or drop it.\n"
                          "A tracker's CSV export of the action items updates the open postmortem's.");
    mark("sidebar.import");
    ImGui::Spacing();
    if (store_ || storage_failed_ || platform_.storage()) {
        draw_drafts_list();
    } else if (doc_) {
        ImGui::TextColored(p.text_muted, "OPEN");
        ImGui::Selectable((ICON_FILE_TEXT "  " + short_title(*doc_, 40)).c_str(), true);
    }
    ImGui::Spacing();
    ImGui::TextColored(p.text_muted, "SAMPLES");
    for (const Sample& s : samples()) {
        ImGui::PushID(s.path.c_str());
        const std::string label = fit_text(std::string(ICON_BOOK "  ") + s.title, ImGui::GetContentRegionAvail().x);
        if (ImGui::Selectable(label.c_str(), sample_pending_ == s.path)) open_sample(s.path);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.title.c_str());
        mark("sidebar.sample." + s.path);
        ImGui::PopID();
    }
}

void App::draw_shortcuts() {
    if (show_shortcuts_ || ImGui::IsPopupOpen("Keyboard shortcuts")) draw_shortcuts_open();
}

void App::draw_shortcuts_open() {
    if (show_shortcuts_) {
        ImGui::OpenPopup("Keyboard shortcuts");
        show_shortcuts_ = false;
    }
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Keyboard shortcuts", nullptr,
                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
        return;
    static const char* rows[][2] = {
        {"Ctrl+F", "Find in this postmortem (Enter: next, Shift+Enter: previous)"},
        {"Ctrl+Z", "Undo"},
        {"Ctrl+Shift+Z, Ctrl+Y", "Redo"},
        {"Tab / Shift+Tab", "Next / previous field"},
        {"Esc", "Leave the field"},
        {"?", "This sheet"},
    };
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
        for (auto& r : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushFont(fonts().mono);
            ImGui::TextUnformatted(r[0]);
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r[1]);
        }
        ImGui::EndTable();
    }
    muted_text("Browser shortcuts (Ctrl+N, Ctrl+T, Ctrl+W) are left to the browser.");
    if (ImGui::Button("Close", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void App::draw_messages() {
    if (!messages_.empty()) draw_messages_open();
}

void App::draw_messages_open() {
    if (messages_.empty()) return;
    if (!ImGui::IsPopupOpen("Problem")) ImGui::OpenPopup("Problem");
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, ImGui::GetIO().DisplaySize.x - 24), 0));
    if (ImGui::BeginPopupModal("Problem", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextColored(palette().danger, ICON_EXCLAMATION_CIRCLE);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(messages_.front().c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button("OK", ImVec2(100, 0)) || escape_to_close()) {
            messages_.erase(messages_.begin());
            ImGui::CloseCurrentPopup();
        }
        mark("problem.ok");
        if (offer_download_) {
            ImGui::SameLine();
            if (ImGui::Button(ICON_DOWNLOAD "  Download all drafts")) download_all();
            mark("problem.download_all");
        }
        ImGui::EndPopup();
    }
}

}  // namespace hs::ui
