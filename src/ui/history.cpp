// History of the open draft: the snapshots taken on share, merge, status change, every 10 minutes of editing and
// before a restore. Each can be viewed read-only, compared with the current draft (core/diff.h) and restored as one
// undoable change.
#include <algorithm>
#include <cstdlib>

#include "a11y.h"
#include "app.h"
#include "core/diff_json.h"
#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/history.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

const char* reason_label(const std::string& r) {
    if (r == snapshot_reason::kShare) return "Shared";
    if (r == snapshot_reason::kMerge) return "Merged";
    if (r == snapshot_reason::kStatus) return "Status changed";
    if (r == snapshot_reason::kAutosave) return "Every 10 minutes of editing";
    if (r == snapshot_reason::kRestore) return "Before a restore";
    return "Saved by hand";
}

std::string when(int64_t ms) {
    Instant t;
    t.unix_ms = ms;
    t.set = true;
    return display_utc(t) + " UTC";
}

// Word-level changes flowing over lines: removed words struck through in red, added words underlined in green.
void flow_spans(const std::vector<TextSpan>& spans, float width) {
    const Palette& p = palette();
    const float x0 = ImGui::GetCursorPosX();
    float x = 0;
    bool line_start = true;
    for (const TextSpan& s : spans) {
        const ImVec4 c = s.op == TextSpan::Op::Insert ? p.success : s.op == TextSpan::Op::Delete ? p.danger : p.text;
        size_t i = 0;
        while (i < s.text.size()) {
            size_t j = s.text.find_first_of(" \n", i);
            const bool newline = j != std::string::npos && s.text[j] == '\n';
            j = j == std::string::npos ? s.text.size() : j + 1;
            std::string word = s.text.substr(i, newline ? j - 1 - i : j - i);
            i = j;
            const float tw = ImGui::CalcTextSize(word.c_str()).x;
            if (!line_start && x + tw <= width) ImGui::SameLine(0, 0);
            else if (!line_start) x = 0;
            ImGui::SetCursorPosX(x0 + x);
            ImGui::TextColored(c, "%s", word.c_str());
            if (s.op != TextSpan::Op::Equal && !word.empty()) {
                ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
                float y = s.op == TextSpan::Op::Delete ? (a.y + b.y) * 0.5f : b.y - 1;
                ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), col(c));
            }
            x += tw;
            line_start = false;
            if (newline) x = 0, line_start = true;
        }
    }
}

void draw_change(const Change& c, float width) {
    const Palette& p = palette();
    const ImVec4 kc = c.kind == Change::Kind::Added     ? p.success
                      : c.kind == Change::Kind::Removed ? p.danger
                      : c.kind == Change::Kind::Moved   ? p.info
                                                        : p.warning;
    badge(change_kind_name(c.kind), kc);
    ImGui::SameLine(0, 8);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(fonts().bold);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(c.label.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::Indent(12);
    if (!c.spans.empty()) {
        flow_spans(c.spans, width - 24);
    } else {
        ImGui::PushTextWrapPos(0);
        if (!c.before.empty()) ImGui::TextColored(p.danger, "\xe2\x88\x92 %s", c.before.c_str());
        if (!c.after.empty()) ImGui::TextColored(p.success, "+ %s", c.after.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Unindent(12);
    ImGui::Spacing();
}

}  // namespace

void App::document_switched() {
    last_status_ = doc_ ? doc_->status : std::string();
    history_view_.open = false;
    history_view_.sel.clear();
    history_view_.doc.reset();
    history_view_.changes.clear();
    history_view_.comparing = false;
    history_view_.text.clear();
    actions_.row_h.clear();
    ++merge_.gen;  // a merge under way was for the draft left: its answer is dropped
    merge_.open = false;
}

void App::after_edit() {
    if (!doc_ || doc_->status == last_status_) return;
    // A status change is a milestone: keep the document as it is now (written with the autosave's push).
    if (store_ && !draft_id_.empty() && !read_only_)
        store_->snapshot(draft_id_, *doc_, snapshot_reason::kStatus, platform_.now_ms());
    last_status_ = doc_->status;
}

void App::select_snapshot(const std::string& name) {
    history_view_.sel = name;
    history_view_.doc.reset();
    history_view_.changes.clear();
    history_view_.text.clear();
    history_view_.error.clear();
    Document d;
    Status st = store_->read_snapshot(draft_id_, name, d);
    if (!st.ok()) {
        history_view_.error = "This snapshot could not be read: " + st.message + ". The draft itself is not affected.";
        return;
    }
    // The changes and the snapshot as Markdown are made by the platform (web: in the worker); a snapshot chosen since
    // drops their answers.
    history_view_.comparing = true;
    platform_.export_document(ExportJob::Diff, save_document(d), save_document(*doc_),
                              [this, name](int status, const std::string& text) {
                                  if (history_view_.sel != name) return;
                                  history_view_.comparing = false;
                                  if (status == Platform::kLinkOk)
                                      history_view_.changes = changes_from_json(Json::parse(text, nullptr, false));
                                  else
                                      history_view_.error = "This snapshot could not be compared with the draft: " +
                                                            text + ". The draft itself is not affected.";
                                  platform_.request_frame();
                              });
    export_then(ExportJob::Markdown, d, "", [this, name](const std::string& text) {
        if (history_view_.sel == name) history_view_.text = text;
    });
    history_view_.doc = std::move(d);
}

void App::restore_snapshot_now(const std::string& name) {
    if (!store_ || draft_id_.empty() || read_only_ || !doc_) return;
    save_now();  // the version being replaced is stored first, so the "before a restore" snapshot holds it
    Document d;
    Status st = store_->restore_snapshot(draft_id_, name, platform_.now_ms(), d);
    if (!st.ok()) {
        messages_.push_back("The snapshot could not be restored: " + st.message + "\nYour draft was not changed.");
        return;
    }
    if (!active_path_.empty()) {
        active_path_.clear();
        platform_.overlay_hide();
    }
    history_->seal();
    *doc_ = std::move(d);
    edited("", "restore the version of " + when(std::strtoll(name.c_str(), nullptr, 10)));
    history_->seal();
    last_status_ = doc_->status;
    history_view_.open = false;
}

void App::draw_history() {
    if (history_view_.open || ImGui::IsPopupOpen("History")) draw_history_open();
}

void App::draw_history_open() {
    if (!begin_dialog("History", history_view_.open, 1000, 700)) return;
    const Palette& p = palette();
    const float footer = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 2 + 8;
    if (!store_ || draft_id_.empty() || !doc_) {
        muted_text("This document is not stored as a draft, so it has no history yet.");
    } else {
        std::vector<SnapshotInfo> snaps = store_->list_history(draft_id_);
        ImGui::BeginChild("snaps", ImVec2(std::min(290.0f, ImGui::GetContentRegionAvail().x * 0.4f), -footer), true);
        if (snaps.empty())
            muted_text("No snapshots yet. One is taken when you share, merge or change the status, and every 10 "
                       "minutes while you edit.");
        const float row_h = ImGui::GetTextLineHeight() * 2 + 8;
        for (size_t i = 0; i < snaps.size(); ++i) {
            const SnapshotInfo& s = snaps[i];
            ImGui::PushID(s.name.c_str());
            ImVec2 at = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##snap", s.name == history_view_.sel, 0, ImVec2(0, row_h))) select_snapshot(s.name);
            mark("history.snapshot." + std::to_string(i));
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddText(ImVec2(at.x + 4, at.y + 3), col(p.text), when(s.unix_ms).c_str());
            dl->AddText(ImVec2(at.x + 4, at.y + ImGui::GetTextLineHeight() + 5), col(p.text_muted),
                        reason_label(s.reason));
            ImGui::PopID();
        }
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("view", ImVec2(0, -footer), true);
        if (!history_view_.error.empty()) {
            ImGui::TextColored(p.danger, ICON_WARNING);
            ImGui::SameLine();
            ImGui::TextWrapped("%s", history_view_.error.c_str());
        } else if (!history_view_.doc) {
            muted_text("Choose a snapshot to see what changed since, or to read it as it was.");
        } else {
            if (a11y_radio("Changes since this snapshot", history_view_.show_diff)) history_view_.show_diff = true;
            mark("history.show_diff");
            ImGui::SameLine(0, 16);
            if (a11y_radio("The snapshot (read-only)", !history_view_.show_diff)) history_view_.show_diff = false;
            mark("history.show_snapshot");
            ImGui::Separator();
            ImGui::BeginChild("body");
            const float w = ImGui::GetContentRegionAvail().x;
            if (history_view_.show_diff) {
                if (history_view_.comparing) muted_text("Comparing with the draft\xe2\x80\xa6");
                else if (history_view_.changes.empty()) muted_text("No differences: the draft is as it was in this snapshot.");
                for (const Change& c : history_view_.changes) draw_change(c, w);
            } else {
                ImGui::PushTextWrapPos(0);
                ImGui::TextUnformatted(history_view_.text.c_str());
                ImGui::PopTextWrapPos();
            }
            ImGui::EndChild();
        }
        ImGui::EndChild();
    }
    ImGui::Spacing();
    ImGui::BeginDisabled(!history_view_.doc || read_only_);
    if (primary_button(ICON_UNDO "  Restore this version")) restore_snapshot_now(history_view_.sel);
    mark("history.restore");
    ImGui::EndDisabled();
    if (read_only_) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.warning, "Open in another tab: restore there.");
    }
    ImGui::SameLine();
    end_dialog(history_view_.open, "history.close", false);
}

}  // namespace hs::ui
