// Drafts: the library in the sidebar, autosave, and the storage events from the platform.
#include <algorithm>

#include "app.h"
#include "core/filename.h"
#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/history.h"
#include "core/strings.h"
#include "core/store.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"
#include "timeline.h"
#include "widgets.h"

namespace hs::ui {

// More than a sidebar line can show, however narrow the letters: what a draft's title is cut to before measuring.
constexpr size_t kSidebarTitleMax = 400;

std::string ago(int64_t now_ms, int64_t t_ms) {
    int64_t s = (now_ms - t_ms) / 1000;
    if (s < 60) return "just now";
    if (s < 3600) return std::to_string(s / 60) + " min ago";
    if (s < 86400) return std::to_string(s / 3600) + " h ago";
    return utc_date(t_ms);
}

void App::storage_loaded(bool ok, const std::string& error) {
    Filesystem* fs = platform_.storage();
    if (!ok || !fs) {
        storage_failed_ = true;
        messages_.push_back("Your saved drafts could not be read (" + error +
                            "). Hindsight will not save in this tab, so nothing stored can be overwritten. "
                            "Use Export > Hindsight file to keep your work.");
        platform_.request_frame();
        return;
    }
    store_ = std::make_unique<DraftStore>(*fs, "/drafts");
    LoadReport r = store_->load_all();
    store_->purge_trash(platform_.now_ms());
    for (const std::string& name : r.newly_quarantined) {
        for (const QuarantineEntry& q : r.quarantined)
            if (q.name == name)
                messages_.push_back("A stored draft was damaged and has been set aside (" + q.original_path +
                                    "): " + q.reason + "\nYour other drafts are fine. The damaged file is kept in "
                                    "quarantine and can be downloaded from the sidebar.");
    }
    for (const Document& pending : pending_drafts_) {  // opened and left before storage was ready
        Status st = store_->create(pending, platform_.now_ms(), nullptr);
        if (!st.ok()) save_error_ = st.message;
    }
    const bool had_pending = !pending_drafts_.empty();
    pending_drafts_.clear();
    if (doc_ && draft_id_.empty()) {
        adopt_as_draft();  // opened before storage was ready
    } else if (!doc_) {
        // Carry on where the user left off: the most recently edited draft.
        std::vector<DraftSummary> list = store_->summaries(utc_date(platform_.now_ms()));
        if (!list.empty()) open_draft(list.front().id);
    }
    if (!r.newly_quarantined.empty() || had_pending) platform_.storage_persist();
    platform_.request_frame();
}

void App::storage_saved(bool ok, const std::string& error) {
    autosave_.push_finished();
    journal_pushed(ok);
    if (ok) {
        save_error_.clear();
        offer_download_ = false;
    } else {
        // Told once per run of failures (autosave retries with every edit); the changes stay in memory and in the
        // journal, and go out with the next push that succeeds.
        if (save_error_.empty())
            messages_.push_back("Saving to this browser's storage failed: " + error +
                                "\nYour text is still here, in this tab, and saving is retried with each edit. "
                                "Download all drafts to keep a copy, then free some space.");
        save_error_ = error;
        offer_download_ = true;
    }
    platform_.request_frame();
}

void App::storage_reloaded() {
    if (!store_) return;
    store_->load_all();
    // A read-only tab follows the tab that edits the draft.
    if (read_only_ && !draft_id_.empty()) {
        if (const Draft* d = store_->find(draft_id_)) {
            if (save_document(d->doc) != save_document(*doc_)) {
                *doc_ = d->doc;
                history_->reset(*doc_);
                derived_dirty_ = true;
                ++doc_rev_;
            }
        }
    }
    platform_.request_frame();
}

void App::draft_lock_result(const std::string& draft_id, bool owned) {
    if (draft_id != draft_id_) return;
    if (owned && read_only_) {
        // The other tab let go: take the latest stored version before editing here.
        if (const Draft* d = store_ ? store_->find(draft_id_) : nullptr) {
            *doc_ = d->doc;
            history_->reset(*doc_);
            derived_dirty_ = true;
            ++doc_rev_;
        }
    }
    read_only_ = !owned;
    if (read_only_ && !active_path_.empty()) {
        active_path_.clear();
        platform_.overlay_hide();
    }
    if (owned) journal_replay();  // the lock holder applies the typing a crash kept from the last full save
    platform_.request_frame();
}

void App::adopt_as_draft() {
    if (!store_ || !doc_) return;
    Draft d;
    Status st = store_->create(*doc_, platform_.now_ms(), &d);
    if (!st.ok()) {
        save_error_ = st.message;
        return;
    }
    draft_id_ = d.id;
    read_only_ = false;
    platform_.lock_draft(draft_id_);
    autosave_.push_started();
    platform_.storage_persist();
}

// What the autosave asks of the App: the clock and trace marks of the platform, and the timeline's review state.
class App::AutosaveHostImpl : public AutosaveHost {
public:
    explicit AutosaveHostImpl(App& app) : app_(app) {}
    int64_t now_ms() override { return app_.platform_.now_ms(); }
    void trace(const char* label) override { app_.platform_.trace_mark(label); }
    std::vector<std::string> review_ids() override {
        app_.review_saved_ = app_.timeline_ ? app_.timeline_->review_ids(*app_.doc_) : std::vector<std::string>{};
        return app_.review_saved_;
    }

private:
    App& app_;
};

AutosaveTarget App::autosave_target() const {
    return AutosaveTarget{store_.get(), draft_id_, doc_.get(), doc_rev_, read_only_};
}

void App::autosave_edited() {
    autosave_.edited(platform_.now_ms());
    const Autosave::Wake w = autosave_.next(platform_.now_ms());
    if (w.kind == Autosave::Wake::Later) platform_.set_timer(static_cast<int>(w.in_ms));
}

void App::autosave_apply(const AutosaveResult& r) {
    if (r.needs_draft) {
        adopt_as_draft();
        autosave_.saved();
        return;
    }
    if (!r.error.ok()) return save_failed(r.error);
    if (r.wrote) {
        if (const Draft* d = store_ ? store_->find(draft_id_) : nullptr) journal_saved(d->updated_ms);
        autosave_.push_started();
        platform_.storage_persist();
        platform_.request_frame();  // the top bar shows the save under way
    }
    if (r.more) continue_save();
}

void App::save_now() {
    AutosaveHostImpl host(*this);
    autosave_apply(autosave_.save_now(autosave_target(), host));
}

void App::autosave_step() {
    AutosaveHostImpl host(*this);
    autosave_apply(autosave_.step(autosave_target(), host));
}

void App::continue_save() {
    if (platform_.background_work()) platform_.request_work();
    else platform_.request_frame();
}

void App::save_failed(const Status& st) {
    if (save_error_.empty())
        messages_.push_back("Saving failed: " + st.message + "\nYour text is still here. Download all drafts "
                            "to keep a copy.");
    save_error_ = st.message;
    offer_download_ = true;
    platform_.request_frame();
}

void App::flush() {
    journal_flush(true);
    AutosaveHostImpl host(*this);
    autosave_apply(autosave_.flush(autosave_target(), host));
}

void App::open_draft(const std::string& id) {
    if (!store_ || id == draft_id_) return;
    save_now();
    const Draft* d = store_->find(id);
    if (!d) return;
    std::vector<std::string> review;
    auto r = d->extra.find("review");
    if (r != d->extra.end() && r->is_array())
        for (const Json& x : *r)
            if (x.is_string()) review.push_back(x.get<std::string>());
    set_document(d->doc);
    draft_id_ = id;
    // An import not yet confirmed opens in review again, as it was left.
    if (!review.empty() || timeline_) {
        ensure_timeline();
        timeline_->begin_review(review);
    }
    review_saved_ = std::move(review);
    review_rev_seen_ = timeline_ ? timeline_->review_rev() : 0;
    platform_.lock_draft(draft_id_);
}

std::string App::drafts_json() const {
    Json arr = Json::array();
    if (store_)
        for (const DraftSummary& s : store_->summaries(utc_date(platform_.now_ms())))
            arr.push_back({{"id", s.id}, {"title", s.title}, {"updated", s.updated_ms}});
    return arr.dump();
}

void App::draw_drafts_list() {
    const Palette& p = palette();
    ImGui::TextColored(p.text_muted, "DRAFTS");
    if (store_) {
        // The library beside the overview: on a phone the top bar has no room for it.
        const ImGuiStyle& st = ImGui::GetStyle();
        const float right = ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX();
        const float ow = ImGui::CalcTextSize(ICON_TASKS "  Overview").x + st.FramePadding.x * 2;
        const float lw = ImGui::CalcTextSize(ICON_BOOK).x + st.FramePadding.x * 2;
        ImGui::SameLine(right - ow - lw - st.ItemSpacing.x);
        if (ImGui::SmallButton(ICON_BOOK "##library")) open_library();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Library: search all postmortems (Ctrl+Shift+F)");
        mark("drafts.library");
        ImGui::SameLine();
        if (ImGui::SmallButton(ICON_TASKS "  Overview")) overview_open_ = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Counts, open and overdue action items across all postmortems");
        mark("drafts.overview");
    }
    if (!store_) {
        ImGui::TextColored(p.text_muted, storage_failed_ ? "Storage unavailable" : "Loading\xe2\x80\xa6");
        return;
    }
    text_input("ui:drafts.search", drafts_filter_, ICON_SEARCH "  Search drafts", -1);
    const int64_t now = platform_.now_ms();
    const DraftsView& view = drafts_view(utc_date(now));
    const std::vector<DraftSummary>& list = view.list;
    if (list.empty()) ImGui::TextColored(p.text_muted, drafts_filter_.empty() ? "No drafts yet" : "No match");
    std::string remove;
    // Only the rows on screen are drawn; the others are named where they would be, so they can be found and
    // scrolled to (a library of a thousand drafts drew a thousand rows each frame).
    static const char* const kRowMarks[] = {"draft.{}", "draft.delete.{}"};
    const float row_h = ImGui::GetTextLineHeight() * 2 + 6, pitch = row_h + ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float row_w = ImGui::GetContentRegionAvail().x;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.size()), pitch);
    int drawn_from = 0, drawn_to = 0;
    while (clipper.Step()) {
        if (drawn_to == 0) drawn_from = clipper.DisplayStart;
        drawn_to = std::max(drawn_to, clipper.DisplayEnd);
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) draw_draft_row(list[static_cast<size_t>(r)], now, remove);
    }
    for (int r = 0; r < static_cast<int>(list.size()); ++r)
        if (r < drawn_from || r >= drawn_to)
            mark_group(kRowMarks, IM_ARRAYSIZE(kRowMarks), list[static_cast<size_t>(r)].id, top.x,
                       top.y + static_cast<float>(r) * pitch, row_w, pitch);
    draw_drafts_footer(view, remove, now);
}

// The rebuild of the sidebar's lists. summaries() reads every draft, list_trash() and list_quarantine() read
// storage: each frame, with a thousand drafts, that was most of the frame.
const App::DraftsView& App::drafts_view(const std::string& today) {
    DraftsView& v = drafts_view_;
    if (v.store == store_.get() && v.revision == store_->revision() && v.filter == drafts_filter_ && v.today == today &&
        v.revision != 0)
        return v;
    v.list = store_->summaries(today, SortBy::Updated, drafts_filter_);
    v.trash = store_->list_trash();
    v.quarantined = store_->list_quarantine();
    v.store = store_.get();
    v.revision = store_->revision();  // after the reads: reading the trash may set a damaged file aside
    v.filter = drafts_filter_;
    v.today = today;
    return v;
}

const Overview& App::cached_overview(const std::string& today) {
    DraftsView& v = drafts_view_;
    if (v.overview_revision != store_->revision() || v.overview_today != today || v.overview_revision == 0) {
        v.overview = store_->overview(today);
        v.overview_revision = store_->revision();
        v.overview_today = today;
        v.overview_row_h.clear();  // other rows: measured again
    }
    return v.overview;
}

void App::draw_draft_row(const DraftSummary& s, int64_t now, std::string& remove) {
    const Palette& p = palette();
    {
        ImGui::PushID(s.id.c_str());
        const bool current = s.id == draft_id_;
        std::string title = s.title.empty() ? std::string("Untitled postmortem") : s.title;
        ImVec2 start = ImGui::GetCursorScreenPos();
        float w = ImGui::GetContentRegionAvail().x;
        // The row ends before the trash icon (placed at w - 22 from the window's left), so a click on the icon's
        // left edge is the icon's.
        const float sel_w = w - 26 - ImGui::GetCursorPosX();
        if (ImGui::Selectable("##d", current, 0, ImVec2(sel_w, ImGui::GetTextLineHeight() * 2 + 6))) open_draft(s.id);
        mark("draft." + s.id);
        // The title and its line of facts end with an ellipsis a little before the trash icon (placed at w - 22
        // from the window's left), whole in a tooltip.
        const float text_w = ImGui::GetWindowPos().x + w - 22 - (start.x + 4) - 8;
        // (A title can be megabytes, from a link: only what a sidebar line could show is measured.)
        const std::string shown = fit_text(title.substr(0, utf8_cut(title, std::min(title.size(), kSidebarTitleMax))), text_w);
        if (shown != title && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", title.c_str());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec4 clip(start.x, start.y, start.x + w - 30, start.y + 60);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(start.x + 4, start.y + 2), col(p.text),
                    shown.c_str(), nullptr, 0, &clip);
        std::string meta = (s.severity ? "SEV" + std::to_string(s.severity) + " \xc2\xb7 " : std::string()) +
                           status_label(s.status) + " \xc2\xb7 " + ago(now, s.updated_ms);
        if (s.overdue_actions > 0) meta += " \xc2\xb7 " + std::to_string(s.overdue_actions) + " overdue";
        meta = fit_text(meta, text_w / 0.9f);  // drawn at 0.9 of the font size
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 0.9f,
                    ImVec2(start.x + 4, start.y + ImGui::GetTextLineHeight() + 4), col(p.text_muted), meta.c_str(),
                    nullptr, 0, &clip);
        ImGui::SameLine(w - 22);
        if (icon_button(ICON_TRASH, "del", "Move to trash (restorable for 30 days)")) remove = s.id;
        mark("draft.delete." + s.id);
        ImGui::PopID();
    }
}

// Below the list: the trash, damaged files set aside, Download all drafts; and the removal asked for in the list.
void App::draw_drafts_footer(const DraftsView& view, const std::string& remove, int64_t now) {
    const Palette& p = palette();
    if (!remove.empty()) {
        if (remove == draft_id_) {
            save_now();
            doc_.reset();
            draft_id_.clear();
            active_path_.clear();
            platform_.overlay_hide();
        }
        store_->remove(remove, now);
        platform_.storage_persist();
    }
    const std::vector<TrashEntry>& trash = view.trash;
    if (!trash.empty() && ImGui::TreeNode("trash", ICON_TRASH "  Trash (%d)", static_cast<int>(trash.size()))) {
        for (const TrashEntry& t : trash) {
            ImGui::PushID(t.id.c_str());
            ImGui::TextWrapped("%s", t.title.empty() ? "Untitled postmortem" : t.title.c_str());
            if (ImGui::SmallButton("Restore")) {
                store_->restore(t.id, now);
                platform_.storage_persist();
            }
            mark("trash.restore." + t.id);
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
    if (!view.quarantined.empty()) {
        ImGui::TextColored(p.warning, ICON_WARNING "  %d damaged file(s) set aside",
                           static_cast<int>(view.quarantined.size()));
        if (ImGui::SmallButton("Download damaged files")) {
            for (const QuarantineEntry& q : view.quarantined) {
                std::string raw;
                if (store_->read_quarantined(q.name, raw).ok()) platform_.download(download_name(q.name, ".damaged.txt"), "application/octet-stream", raw);
            }
        }
    }
    if (!view.list.empty() && ImGui::SmallButton(ICON_DOWNLOAD "  Download all drafts")) download_all();
    mark("drafts.export_all");
}

}  // namespace hs::ui
