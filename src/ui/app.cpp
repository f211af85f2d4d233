#include "app.h"
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
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"
#include "timeline.h"
#include "widgets.h"

namespace hs::ui {
namespace {

std::string short_title(const Document& d, size_t max) {
    // At most `max` bytes, cut at a grapheme cluster boundary (never inside an emoji sequence or a letter's marks).
    return truncate_to_bytes(d.title.empty() ? std::string("Untitled postmortem") : d.title, max, "...");
}

}  // namespace

// The tab's title: the document's, cut short (a title can be a megabyte), and the app's name.
void App::update_window_title() {
    if (doc_) platform_.set_window_title(short_title(*doc_, 80) + " \xe2\x80\x94 Hindsight");
}

App::App(Platform& platform) : platform_(platform), history_(std::make_unique<History>()) {
    dark_ = platform_.prefers_dark();
    set_text_input_host(this);
    install_bidi();
}
App::~App() { set_text_input_host(nullptr); }

void App::show_message(const std::string& text) {
    messages_.push_back(text);
    platform_.request_frame();
}

bool App::open_file(const std::string& name, const std::string& text) {
    std::string kind;
    ImportResult r = open_any(name, text, &kind);
    return open_import_result(name, kind, std::move(r));
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

const std::vector<App::Sample>& App::samples() {
    if (!samples_scanned_) {  // native builds: the embedded samples (titles from a plain parse, once)
        samples_scanned_ = true;
        for (const std::string& path : list_embedded("samples/")) {
            const EmbeddedFile* f = find_embedded(path);
            Json j = Json::parse(f->data, f->data + f->size, nullptr, false);
            std::string title;
            if (j.is_object() && j.contains("title") && j["title"].is_string()) title = j["title"].get<std::string>();
            samples_.push_back({path, title.empty() ? path.substr(path.find('/') + 1) : title});
        }
    }
    return samples_;
}

void App::set_samples(const std::string& index_json) {
    Json j = Json::parse(index_json, nullptr, false);
    if (!j.is_array()) return;  // a broken index only hides the samples
    samples_.clear();
    samples_scanned_ = true;
    for (const Json& e : j) {
        if (!e.is_object() || !e.contains("path") || !e["path"].is_string()) continue;
        std::string path = e["path"].get<std::string>();
        if (path.rfind("samples/", 0) != 0 || path.find("..") != std::string::npos) continue;
        std::string title = e.contains("title") && e["title"].is_string() ? e["title"].get<std::string>() : path;
        samples_.push_back({path, title});
    }
    platform_.request_frame();
}

void App::open_sample(const std::string& path) {
    if (const EmbeddedFile* f = find_embedded(path)) {
        open_json(std::string(f->data, f->size), path);
        return;
    }
    sample_pending_ = path;
    platform_.fetch_asset(path);
}

void App::asset_loaded(const std::string& path, bool ok, const std::string& text_or_error) {
    if (path != sample_pending_) return;  // superseded by another click
    sample_pending_.clear();
    if (ok) open_json(text_or_error, path);
    else messages_.push_back("The sample could not be loaded (" + text_or_error + "). Nothing you had open was changed.");
    platform_.request_frame();
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
    derived_dirty_ = true;
    ++doc_rev_;
    draft_id_.clear();
    review_saved_.clear();
    autosave_.saved();
    read_only_ = false;
    document_switched();
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
    *doc_ = std::move(*d);
    derived_dirty_ = true;
    ++doc_rev_;
    autosave_edited();
    platform_.request_frame();
    journal_rerecord();
}

void App::handle_shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // an ImGui text field handles its own keys
    const bool ctrl = io.KeyCtrl;
    if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z))) {
        if (io.KeyShift) redo(); else undo();
    }
    if (ctrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y))) redo();
    if (ctrl && ImGui::IsKeyPressed('F')) open_find();
    if (ctrl && ImGui::IsKeyPressed('O')) platform_.pick_files();  // the page handles it itself (user activation)
    for (ImWchar c : io.InputQueueCharacters)
        if (c == '?') show_shortcuts_ = true;
}

void App::frame() {
    animating_ = false;
    if (theme_pending_) {  // before anything is pushed: every window of this frame is drawn in the new theme
        theme_pending_ = false;
        apply_theme(dark_);
    }
    locate_begin_frame();
    last_field_order_.swap(field_order_);
    field_order_.clear();
    active_drawn_ = false;
    if (derived_dirty_ && doc_) refresh_derived();
    // A save's next step: in this frame, or in a task of its own (work()); or a timer for when it is due.
    const Autosave::Wake wake = autosave_.next(platform_.now_ms());
    if (wake.kind == Autosave::Wake::Later) platform_.set_timer(static_cast<int>(wake.in_ms));
    else if (wake.kind == Autosave::Wake::Now && platform_.background_work()) platform_.request_work();
    else if (wake.kind == Autosave::Wake::Now) work();
    handle_shortcuts();

    ImGuiIO& io = ImGui::GetIO();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();

    const float top_h = 52.0f;
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
    if (find_open_ && doc_) {  // the find bar floats over the top right of the document, like an editor's
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
        if (bar_h != find_bar_h_) {  // the document moves down by as much, in the next frame
            find_bar_h_ = bar_h;
            platform_.request_frame();
        }
        ImGui::End();
        ImGui::PopStyleVar(3);
    }
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

    draw_template_picker();
    if (doc_) draw_share();
    draw_incoming();
    if (doc_) draw_merge();
    draw_history();
    draw_overview();
    draw_settings();
    draw_shortcuts();
    draw_messages();
    ImGui::End();

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
    if (highlight_until_ > 0) {
        if (ImGui::GetTime() < highlight_until_) animating_ = true;
        else highlight_until_ = 0, highlight_path_.clear();
    }
    journal_flush(false);  // last: its timer may be sooner than the autosave's
}

void App::work() {
    autosave_step();
}

void App::draw_top_bar(float height) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 10));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::BeginChild("topbar", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 wp = ImGui::GetWindowPos();
    const float win_w = ImGui::GetWindowWidth();
    dl->AddLine(ImVec2(wp.x, wp.y + height - 1), ImVec2(wp.x + win_w, wp.y + height - 1), col(p.border));
    ImGui::SetCursorPosY((height - ImGui::GetFrameHeight()) * 0.5f);
    if (icon_button(ICON_BARS, "sidebar", "Show or hide the drafts sidebar")) sidebar_open_ = !sidebar_open_;
    mark("topbar.sidebar");
    const bool compact = win_w < 760, tiny = win_w < 560;
    ImGui::PushFont(fonts().bold);
    if (!tiny || !doc_) {  // on a phone with a document open, the room goes to the save state, undo and redo
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.accent, ICON_HISTORY);
        ImGui::SameLine(0, 6);
        ImGui::TextUnformatted("Hindsight");
    }
    ImGui::PopFont();
    if (doc_ && !compact) {
        ImGui::SameLine(0, 18);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.text_muted, "%s", short_title(*doc_, win_w > 1300 ? 60 : 30).c_str());
        ImGui::SameLine(0, 12);
        badge(doc_->severity ? severity_label(*doc_) : std::string("No severity"), severity_colour(doc_->severity));
        ImGui::SameLine(0, 6);
        badge(status_label(doc_->status), status_colour(doc_->status.c_str()));
    }
    if (doc_ && (store_ || storage_failed_)) {
        ImGui::SameLine(0, tiny ? 16.0f : 12.0f);
        ImGui::AlignTextToFramePadding();
        // On a phone the state is its icon alone (the words in a tooltip), leaving room for undo and redo.
        if (read_only_) ImGui::TextColored(p.warning, tiny ? ICON_LOCK : ICON_LOCK " Open in another tab: read-only");
        else if (storage_failed_ || !save_error_.empty()) ImGui::TextColored(p.danger, tiny ? ICON_WARNING : ICON_WARNING " Not saved");
        else if (autosave_.busy()) ImGui::TextColored(p.text_muted, tiny ? ICON_SAVE : ICON_SAVE " Saving\xe2\x80\xa6");
        else ImGui::TextColored(p.text_muted, tiny ? ICON_CHECK : ICON_CHECK " Saved");
        if (tiny && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", read_only_ ? "Open in another tab: read-only"
                                    : (storage_failed_ || !save_error_.empty()) ? "Not saved"
                                    : autosave_.busy() ? "Saving" : "Saved");
        mark("topbar.save_state");
    }
    if (ImGui::GetTime() < confirm_until_) animating_ = true;  // frames until it goes (the autosave timer stays)
    if (ImGui::GetTime() < confirm_until_ && !compact) {
        ImGui::SameLine(0, 12);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.success, ICON_CHECK " %s", confirm_text_.c_str());
        mark("topbar.confirm");
    }
    // Right-aligned actions.
    float bw = ImGui::GetFrameHeight();
    float right = win_w - 12;
    const ImGuiStyle& st = ImGui::GetStyle();
    float actions_w = bw * 2 + 16;  // settings and theme, with a margin
    if (doc_) {
        actions_w += (bw + 8) * (tiny ? 5 : 6) + 16;
        if (!tiny) actions_w += ImGui::CalcTextSize(ICON_SHARE "  Share" ICON_DOWNLOAD "  Export").x + st.FramePadding.x * 4;
    }
    if (topbar_actions_w_ > 0) actions_w = topbar_actions_w_ + 4;  // as measured on the last frame
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12, right - actions_w));
    const float actions_x = ImGui::GetCursorScreenPos().x;
    if (doc_) {
        {  // undo and redo on every screen, a phone's included; History on wider ones
            if (!tiny) {
                if (icon_button(ICON_HISTORY, "history", "History: earlier versions of this draft")) history_open_ = true;
                mark("topbar.history");
                ImGui::SameLine(0, 8);
            }
            ImGui::BeginDisabled(!history_->can_undo());
            if (icon_button(ICON_UNDO, "undo", "Undo (Ctrl+Z)")) undo();
            mark("topbar.undo");
            ImGui::EndDisabled();
            ImGui::SameLine(0, 4);
            ImGui::BeginDisabled(!history_->can_redo());
            if (icon_button(ICON_REDO, "redo", "Redo (Ctrl+Shift+Z)")) redo();
            mark("topbar.redo");
            ImGui::EndDisabled();
            ImGui::SameLine(0, 8);
        }
        if (primary_button(tiny ? ICON_SHARE "##share" : ICON_SHARE "  Share")) share_open_ = true;
        mark("topbar.share");
        ImGui::SameLine(0, 8);
        if (ImGui::Button(tiny ? ICON_DOWNLOAD "##export" : ICON_DOWNLOAD "  Export")) ImGui::OpenPopup("export");
        mark("topbar.export");
        draw_export_menu();
        ImGui::SameLine(0, 8);
        if (icon_button(ICON_CHECK_CIRCLE, "panel", "Show or hide lint and metrics")) side_panel_open_ = !side_panel_open_;
        mark("topbar.panel");
        ImGui::SameLine(0, 4);
    }
    if (icon_button(ICON_COG, "settings", "Settings and storage")) settings_open_ = true;
    mark("topbar.settings");
    ImGui::SameLine(0, 4);
    if (icon_button(dark_ ? ICON_SUN : ICON_MOON, "theme", dark_ ? "Light theme" : "Dark theme")) set_dark(!dark_);
    mark("topbar.theme");
    const float measured = ImGui::GetItemRectMax().x - actions_x;
    if (std::fabs(measured - topbar_actions_w_) > 0.5f) {  // the set of buttons changed: place them again
        topbar_actions_w_ = measured;
        platform_.request_frame();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
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
        ImGui::SetTooltip("Import a PagerDuty, Opsgenie or Slack export, or a CSV timeline (Ctrl+O). Or drop it.");
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

void App::draw_welcome() {
    const Palette& p = palette();
    float avail = ImGui::GetContentRegionAvail().x;
    float w = std::min(640.0f, avail - 32);
    float x = std::max(16.0f, (avail - w) * 0.5f);
    ImGui::SetCursorPos(ImVec2(x, std::max(48.0f, ImGui::GetCursorPosY() + 12)));  // below the sidebar, when inline
    ImGui::BeginGroup();
    ImGui::PushFont(fonts().title);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::TextWrapped("Write the postmortem while it is fresh.");
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::TextColored(p.text_muted,
                       "Hindsight is a blameless postmortem editor that runs entirely in your browser: no account, "
                       "no server, your incident data stays on this machine.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Spacing();
    // On a narrow screen the buttons wrap, and sample titles too long for the column end with an ellipsis.
    const float right = ImGui::GetCursorScreenPos().x + w;
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    if (primary_button(ICON_PLUS "  New postmortem", ImVec2(std::min(220.0f, w), 40))) open_template_picker_ = true;
    mark("welcome.new");
    const char* import_label = ICON_UPLOAD "  Import incident";
    same_line_if_fits(ImGui::CalcTextSize(import_label).x + pad, right);
    if (ImGui::Button(import_label, ImVec2(0, 40))) platform_.pick_files();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("A PagerDuty, Opsgenie or Slack export, or a CSV timeline. Or drop the file here.");
    mark("welcome.import");
    const char* open_label = ICON_FOLDER_OPEN "  Open a file";
    same_line_if_fits(ImGui::CalcTextSize(open_label).x + pad, right);
    if (ImGui::Button(open_label, ImVec2(0, 40))) platform_.pick_files();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A .hindsight.json file. Or drop it anywhere on the page.");
    mark("welcome.open");
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::TextColored(p.text_muted, "Or start from a sample postmortem:");
    for (const Sample& s : samples()) {
        ImGui::PushID(s.path.c_str());
        const std::string label = std::string(ICON_BOOK "  ") + s.title;
        const std::string shown = fit_text(label, w - pad);
        if (ImGui::Button(shown.c_str())) open_sample(s.path);
        if (shown != label && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.title.c_str());
        mark("welcome.sample." + s.path);
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::TextColored(p.text_muted, "Press ? for keyboard shortcuts.");
    ImGui::EndGroup();
}

void App::draw_template_picker() {
    if (open_template_picker_ || ImGui::IsPopupOpen("New postmortem")) draw_template_picker_open();
}

void App::draw_template_picker_open() {
    if (open_template_picker_) {
        ImGui::OpenPopup("New postmortem");
        open_template_picker_ = false;
    }
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, ImGui::GetIO().DisplaySize.x - 24), 0));
    if (!ImGui::BeginPopupModal("New postmortem", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    static std::string title;
    ImGui::TextUnformatted("Title");
    if (ImGui::IsWindowAppearing()) text_input_focus("ui:new.title");
    text_input("ui:new.title", title, "e.g. Checkout errors after config push", -1);
    mark("new.title");
    ImGui::Spacing();
    ImGui::TextUnformatted("Template");
    const float wrap = ImGui::GetContentRegionAvail().x;
    for (const TemplateInfo& t : list_templates()) {
        ImGui::PushID(t.name.c_str());
        float desc_h = ImGui::CalcTextSize(t.description.c_str(), nullptr, false, wrap).y;
        ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0));
        ImGui::PushFont(fonts().bold);
        bool chosen = ImGui::Selectable((t.label + "##tpl").c_str(), false, 0,
                                        ImVec2(0, ImGui::GetTextLineHeight() + 6 + desc_h));
        ImGui::PopFont();
        ImGui::PopStyleVar();
        mark("new.template." + t.name);
        ImVec2 r = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                            ImVec2(r.x, r.y + ImGui::GetTextLineHeight() + 4),
                                            col(palette().text_muted), t.description.c_str(), nullptr, wrap);
        if (chosen) {
            Document d;
            if (new_from_template(t.name, title, platform_.now_ms(), d)) {
                open_document(std::move(d));
                title.clear();
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button("Cancel") || escape_to_close()) ImGui::CloseCurrentPopup();
    mark("new.cancel");
    ImGui::EndPopup();
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
