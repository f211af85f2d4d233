// Updating the action items from a tracker: a Jira or GitLab CSV export of the issues that Hindsight's own export
// created (their rows carry each item's hindsight-<id> label) is matched with the open postmortem (core/tracker.h),
// and the changes it proposes (status, due date, ticket link) are listed, each with a tick. Apply makes the ticked
// ones as one undo step; Cancel or Escape changes nothing. Dropped or opened as any file is (the page's worker
// recognises it), or picked from the action items' "Update from tracker CSV".
#include <algorithm>

#include "app.h"
#include "core/exporters/exporters.h"
#include "core/strings.h"
#include "core/text.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {

namespace {

constexpr const char* kDialog = "Update action items from the tracker";
constexpr const char* kSiteField = "ui:tracker.jira_site";
constexpr float kDialogWidth = 620.0f;
constexpr float kDialogBaseHeight = 150.0f;  // the title, the file's name, the summary and the buttons
constexpr float kItemHeight = 32.0f;         // an item's title
constexpr float kChangeHeight = 35.0f;       // one change under it
constexpr float kJiraSiteHeight = 95.0f;     // the field and its note
constexpr float kNoteHeight = 26.0f;         // a line of notes or of rows not in this postmortem
constexpr float kDialogMaxHeight = 720.0f;   // more changes scroll
constexpr size_t kNotesShown = 4;           // the CLI prints them all; the dialog the first few
constexpr size_t kRowsNamed = 5;            // unmatched rows named by key and title
constexpr size_t kTitleMax = 120;           // bytes of an item's or a row's title laid out

std::string field_label(const std::string& field) {
    return field == "status" ? "Status" : field == "due" ? "Due" : field == "ticket_url" ? "Ticket" : field;
}

std::string value_label(const std::string& field, const std::string& v) {
    if (v.empty()) return "(none)";
    return field == "status" ? action_status_label(v) : truncate_to_bytes(v, kDialogTextMax, "...");
}

std::string change_key(const TrackerChange& c) { return c.item_id + "/" + c.field; }

// "OPS-19 “Rotate the keys”, #57 “…”, and 3 more": the rows that name no item of this postmortem.
std::string unmatched_summary(const std::vector<TrackerUnmatchedRow>& rows) {
    std::string s;
    for (size_t i = 0; i < rows.size() && i < kRowsNamed; ++i) {
        if (i) s += ", ";
        const TrackerUnmatchedRow& r = rows[i];
        s += r.key.empty() ? "line " + std::to_string(r.line) : r.key;
        if (!r.title.empty()) s += " \xe2\x80\x9c" + truncate_to_bytes(r.title, kTitleMax / 2, "...") + "\xe2\x80\x9d";
    }
    if (rows.size() > kRowsNamed) s += ", and " + std::to_string(rows.size() - kRowsNamed) + " more";
    return s;
}

}  // namespace

bool App::tracker_csv(const std::string& name, const std::string& text) {
    if (!doc_) {
        show_message(name + " is a tracker's export of action items. Open the postmortem they belong to first, then "
                            "open this file again to update its action items.");
        return false;
    }
    if (read_only_) {
        show_message("This postmortem is being edited in another tab; open " + name + " there to update its action "
                     "items. Nothing was changed.");
        return false;
    }
    if (text.size() > kMaxTrackerCsvBytes) {
        show_message(name + " is larger than " + std::to_string(kMaxTrackerCsvBytes >> 20) +
                     " MB; export only this postmortem's issues from the tracker. Nothing was changed.");
        return false;
    }
    const int gen = tracker_.gen + 1;
    tracker_ = {};
    tracker_.gen = gen;
    tracker_.name = name;
    tracker_.csv = text;
    tracker_update_read();  // the dialog opens when the matching answers (tracker_update_answer)
    return true;
}

// Matches the file with the document as it is now, away from the frame (the platform's job: web, in the worker).
void App::tracker_update_read() {
    TrackerUpdateState& s = tracker_;
    s.read_site = trim(s.jira_site);
    s.doc_rev = doc_rev_;
    s.reading = true;
    const int gen = ++s.gen;
    export_then(ExportJob::TrackerMatch, *doc_, tracker_job_arg(s.csv, s.read_site),
                [this, gen](const std::string& answer) { tracker_update_answer(gen, answer); });
}

// The matching's answer: the first opens the dialog (or says why not); later ones keep the ticks a person changed.
void App::tracker_update_answer(int gen, const std::string& answer) {
    TrackerUpdateState& s = tracker_;
    if (gen != s.gen || s.name.empty() || (s.shown && !s.open)) return;  // read again since, or closed
    s.reading = false;
    TrackerUpdate u;
    std::string no_match;
    if (!tracker_update_from_json(answer, u, no_match)) {
        u.error = "The file could not be matched with the action items (the answer came back damaged).";
    }
    if (!s.open && (!u.ok || tracker_matched_rows(u) == 0)) {
        show_message(s.name + ": " + (u.ok ? no_match : u.error + " Nothing was changed."));
        s = {};
        s.gen = gen;
        return;
    }
    std::vector<std::string> off;
    for (size_t i = 0; i < s.update.changes.size(); ++i)
        if (!s.ticked[i]) off.push_back(change_key(s.update.changes[i]));
    s.update = std::move(u);
    s.ticked.assign(s.update.changes.size(), true);
    for (size_t i = 0; i < s.update.changes.size(); ++i)
        if (std::find(off.begin(), off.end(), change_key(s.update.changes[i])) != off.end()) s.ticked[i] = false;
    s.open = s.shown = true;
}

void App::tracker_update_apply() {
    TrackerUpdateState& s = tracker_;
    std::vector<TrackerChange> chosen;
    for (size_t i = 0; i < s.update.changes.size(); ++i)
        if (s.ticked[i]) chosen.push_back(s.update.changes[i]);
    const size_t n = apply_tracker_changes(*doc_, chosen);
    const std::string name = s.name;
    const int gen = s.gen;
    s = {};
    s.gen = gen;
    if (n == 0) return;
    edited("action_items#tracker", "Update from " + truncate_to_bytes(name, kTitleMax, "..."));
    confirm(std::to_string(n) + (n == 1 ? " value" : " values") + " updated from the tracker");
}

void App::draw_tracker_update() {
    if (tracker_.open || ImGui::IsPopupOpen(kDialog)) draw_tracker_update_open();
}

// The proposed changes, by item: its title, then a tick and "Field  old → new" for each.
void App::draw_tracker_changes() {
    TrackerUpdateState& s = tracker_;
    const Palette& p = palette();
    std::string last_item;
    for (size_t i = 0; i < s.update.changes.size(); ++i) {
        const TrackerChange& c = s.update.changes[i];
        if (c.item_id != last_item) {
            last_item = c.item_id;
            std::string title = c.item_id;
            for (const ActionItem& a : doc_->action_items)
                if (a.id == c.item_id && !a.title.empty()) title = truncate_to_bytes(a.title, kTitleMax, "...");
            ImGui::Spacing();
            ImGui::TextWrapped("%s", title.c_str());
        }
        bool tick = s.ticked[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Checkbox("##tick", &tick)) s.ticked[i] = tick;
        mark("tracker.change." + change_key(c));
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(p.text_muted, "%s", field_label(c.field).c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s \xe2\x86\x92 %s", value_label(c.field, c.old_value).c_str(),
                           value_label(c.field, c.new_value).c_str());
        ImGui::EndGroup();
        ImGui::PopID();
    }
    if (s.update.changes.empty())
        muted_text("The action items already match the tracker: there is nothing to change.");
}

void App::draw_tracker_update_open() {
    TrackerUpdateState& s = tracker_;
    if (!doc_) s = {};  // the document went (it cannot while the dialog is up; a platform call might)
    if (s.open && s.doc_rev != doc_rev_) tracker_update_read();  // undone or edited meanwhile
    const bool jira = s.update.tracker == "jira";
    size_t items = 0, notes = std::min(s.update.notes.size(), kNotesShown + 1);
    for (size_t i = 0; i < s.update.changes.size(); ++i)
        items += i == 0 || s.update.changes[i].item_id != s.update.changes[i - 1].item_id;
    notes += s.update.unmatched_rows.empty() ? 0 : 1;
    const float h = kDialogBaseHeight + kItemHeight * float(std::max<size_t>(items, 1)) +
                    kChangeHeight * float(s.update.changes.size()) + (jira ? kJiraSiteHeight : 0) +
                    kNoteHeight * float(notes);
    if (!begin_dialog(kDialog, s.open, kDialogWidth, std::min(h, kDialogMaxHeight))) return;
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(truncate_to_bytes(s.name, kDialogTextMax, "...").c_str());
    const size_t matched = tracker_matched_rows(s.update), rows = s.update.rows;
    const std::string kind = jira ? "Jira" : s.update.tracker == "gitlab" ? "GitLab" : "Tracker";
    muted_text((kind + " export: " + std::to_string(matched) + " of " + std::to_string(rows) +
                (rows == 1 ? " row names" : " rows name") + " action items of this postmortem. Untick what should "
                "stay as it is.").c_str());
    if (jira) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Jira site");
        ImGui::SameLine();
        text_input(kSiteField, s.jira_site, "https://example.atlassian.net",
                   std::min(320.0f, ImGui::GetContentRegionAvail().x), kInputEnterEnds | kInputMono);
        // Read again once the address is typed (not at each key: a large export takes a moment to read). Natively
        // the field is ImGui's own, active while typed in; on the web the overlay says.
        const bool typing = ImGui::IsItemActive() || text_input_editing(kSiteField);
        mark("tracker.jira_site");
        if (!typing && trim(s.jira_site) != s.read_site) tracker_update_read();
        muted_text("For the ticket links (Issue key OPS-12 \xe2\x86\x92 <site>/browse/OPS-12). Empty: taken from the "
                   "items' own Jira links.");
    }
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##tracker.changes", ImVec2(0, -footer), false);
    ImGui::PushTextWrapPos(0);
    draw_tracker_changes();
    if (!s.update.unmatched_rows.empty()) {
        ImGui::Spacing();
        muted_text(("Not in this postmortem: " + unmatched_summary(s.update.unmatched_rows) + ".").c_str());
    }
    for (size_t i = 0; i < s.update.notes.size() && i < kNotesShown; ++i)
        muted_text(truncate_to_bytes(s.update.notes[i], kDialogTextMax, "...").c_str());
    if (s.update.notes.size() > kNotesShown)
        muted_text(("(and " + std::to_string(s.update.notes.size() - kNotesShown) + " more notes)").c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopTextWrapPos();
    const size_t n = static_cast<size_t>(std::count(s.ticked.begin(), s.ticked.end(), true));
    ImGui::BeginDisabled(n == 0 || s.reading);  // a reading under way may change the list
    const std::string apply = n == 1 ? "Apply 1 change" : "Apply " + std::to_string(n) + " changes";
    const bool enter = !ImGui::GetIO().WantTextInput &&
                       (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false));
    if ((primary_button((apply + "##tracker").c_str()) || enter) && n > 0 && !s.reading) tracker_update_apply();
    ImGui::EndDisabled();
    mark("tracker.apply");
    ImGui::SameLine();
    if (ImGui::Button("Cancel##tracker")) {
        const int gen = s.gen;
        s = {};
        s.gen = gen;
    }
    mark("tracker.cancel");
    if (!s.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace hs::ui
