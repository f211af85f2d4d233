// The three-way merge of a reviewer's version (from a link) into the draft: applied at once when nothing collides,
// else a dialog where each collision is chosen.
#include <algorithm>

#include "app.h"
#include "core/format.h"
#include "core/history.h"
#include "core/exporters/jobs.h"
#include "core/merge_job.h"
#include "core/store.h"
#include "core/text.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

// One side of a conflict, as text: a field's value, or a whole item field by field ("description: ..."), never JSON
// syntax for a person to decode.
std::string value_text(const Json& v, bool present) {
    if (!present) return "(removed)";
    if (v.is_string()) return truncate_to_bytes(v.get<std::string>(), kDialogTextMax);
    std::string s;
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (it.key() == "id") continue;
            std::string k = it.key();
            std::replace(k.begin(), k.end(), '_', ' ');
            s += (s.empty() ? "" : "\n") + k + ": " +
                 (it->is_string() ? it->get<std::string>() : it->dump(-1, ' ', false, Json::error_handler_t::replace));
        }
    } else {
        s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    return truncate_to_bytes(s, 603, "...");  // never cut inside a character
}

// One version of a conflicting value, under its owner's name.
void draw_version(const char* who, const Json& v, bool present) {
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(who);
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    if (present) ImGui::TextUnformatted(value_text(v, true).c_str());
    else ImGui::TextColored(palette().text_muted, "%s", "(removed)");
    ImGui::PopTextWrapPos();
}

}  // namespace

// One undoable change; what was received becomes the merge base for what is sent back, and history keeps a snapshot.
void App::apply_merge(const std::string& merged_json) {
    LoadResult l = load_document(merged_json);
    if (!l.ok) {
        show_message("The merge could not be applied; your draft is unchanged.");
        return;
    }
    *doc_ = std::move(l.doc);
    edited("merge", "Merge");
    history_->seal();
    if (store_ && !draft_id_.empty()) {
        save_now();
        if (const Draft* cur = store_->find(draft_id_)) {
            Draft d = *cur;
            d.base = merge_.theirs_json;
            store_->save(d, platform_.now_ms());
            store_->snapshot(draft_id_, *doc_, snapshot_reason::kMerge, platform_.now_ms());
            platform_.storage_persist();
        }
    }
}

void App::start_merge(const Document& theirs) {
    if (!doc_) return;
    merge_.base_json.clear();  // without a recorded base, every difference counts as theirs (core/merge_job.h)
    if (store_ && !draft_id_.empty())
        if (const Draft* d = store_->find(draft_id_); d && d->base) merge_.base_json = *d->base;
    merge_.theirs_json = save_document(theirs);
    merge_.conflicts = Json::array();
    merge_.choices.clear();
    run_merge_job(false);
}

// The merge runs in the page's worker; its answer comes back to merge_answered.
void App::run_merge_job(bool apply) {
    const int gen = ++merge_.gen;
    merge_.doc_rev = doc_rev_;
    const std::string arg = merge_job_arg(merge_.base_json, merge_.theirs_json, apply ? merge_.choices
                                                                                      : std::map<std::string, int>{});
    platform_.export_document(ExportJob::Merge, save_document(*doc_), arg,
                              [this, gen, apply](int status, const std::string& text) {
                                  if (gen != merge_.gen || !doc_) return;  // cancelled, or asked again since
                                  if (status != Platform::kLinkOk) {
                                      show_message("The merge could not be made: " + text +
                                                   ". Your draft is unchanged.");
                                      merge_.open = false;
                                      return;
                                  }
                                  merge_answered(apply, text);
                              });
}

void App::merge_answered(bool apply, const std::string& answer) {
    // Typed into the draft while the merge ran: the merge of the draft as it is now, so that nothing typed is lost.
    if (merge_.doc_rev != doc_rev_) return run_merge_job(apply);
    const Json a = Json::parse(answer, nullptr, false);
    if (a.is_discarded() || !a.contains("merged") || !a["merged"].is_string()) {
        show_message("The merge could not be made. Your draft is unchanged.");
        merge_.open = false;
        return;
    }
    merge_.conflicts = a.contains("conflicts") && a["conflicts"].is_array() ? a["conflicts"] : Json::array();
    if (apply || merge_.conflicts.empty()) {
        apply_merge(a["merged"].get<std::string>());
        if (!apply)  // nothing collides: applied at once, as one undoable change
            messages_.push_back("Merged: the changes from the link are in your draft, with no collisions. "
                                "Undo (Ctrl+Z) takes the whole merge back.");
        merge_.open = false;
    } else {
        merge_.open = true;
    }
    platform_.request_frame();
}

void App::draw_merge() {
    if (merge_.open || ImGui::IsPopupOpen("Merge")) draw_merge_open();
}

void App::draw_merge_open() {
    if (merge_.open && !ImGui::IsPopupOpen("Merge")) ImGui::OpenPopup("Merge");
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    // Centred and sized to the screen every frame: a phone turned, or a window resized, never leaves it off screen.
    ImGui::SetNextWindowPos(c, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(860.0f, screen.x - 24), std::min(680.0f, screen.y - 40)));
    if (!ImGui::BeginPopupModal("Merge", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const int n = static_cast<int>(merge_.conflicts.size());
    ImGui::PushTextWrapPos(0);
    if (n == 1)
        ImGui::TextUnformatted("You and the other person changed the same thing in one place. Everything else is "
                               "merged already. Choose what to keep:");
    else
        ImGui::Text("You and the other person changed the same things in %d places. Everything else is merged "
                    "already. Choose what to keep in each:", n);
    ImGui::PopTextWrapPos();
    mark("merge.intro");
    if (ImGui::Button("Take all mine"))
        for (const Json& cf : merge_.conflicts) merge_.choices[cf.value("path", "")] = 0;
    mark("merge.all_mine");
    ImGui::SameLine();
    if (ImGui::Button("Take all theirs"))
        for (const Json& cf : merge_.conflicts) merge_.choices[cf.value("path", "")] = 1;
    mark("merge.all_theirs");
    const bool stacked = screen.x < 600;  // a phone: the two versions one above the other
    ImGui::BeginChild("conflicts", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() - 8), true);
    for (int i = 0; i < n; ++i) draw_merge_conflict(i, stacked);
    ImGui::EndChild();
    if (draw_merge_buttons()) {
        merge_.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// Conflict i: where, what happened, both versions, and the choice.
void App::draw_merge_conflict(int i, bool stacked) {
    const Palette& p = palette();
    const Json& cf = merge_.conflicts[static_cast<size_t>(i)];
    const std::string is = std::to_string(i);
    const bool ours = cf.contains("ours"), theirs = cf.contains("theirs");
    ImGui::PushID(i);
    ImGui::PushFont(fonts().bold);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(p.accent, "%s", cf.value("label", "").c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    mark("merge.label." + is);
    ImGui::TextColored(p.text_muted, "%s", cf.value("what", "").c_str());
    mark("merge.what." + is);
    if (stacked) {
        draw_version("Mine", ours ? cf["ours"] : Json(), ours);
        ImGui::Spacing();
        draw_version("Theirs", theirs ? cf["theirs"] : Json(), theirs);
    } else if (ImGui::BeginTable("cmp", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        draw_version("Mine", ours ? cf["ours"] : Json(), ours);
        ImGui::TableNextColumn();
        draw_version("Theirs", theirs ? cf["theirs"] : Json(), theirs);
        ImGui::EndTable();
    }
    // The choice: three buttons, the chosen one filled.
    int& choice = merge_.choices[cf.value("path", "")];
    const bool both = cf.value("keep_both", false);
    if (!both && choice == 2) choice = 0;
    auto pick = [&](const char* label, int value, const char* name) {
        if (choice == value ? primary_button(label) : ImGui::Button(label)) choice = value;
        mark(std::string(name) + is);
    };
    pick(choice == 0 ? ICON_CHECK "  Mine###m" : "Mine###m", 0, "merge.mine.");
    ImGui::SameLine();
    pick(choice == 1 ? ICON_CHECK "  Theirs###t" : "Theirs###t", 1, "merge.theirs.");
    if (both) {
        ImGui::SameLine();
        pick(choice == 2 ? ICON_CHECK "  Keep both###b" : "Keep both###b", 2, "merge.both.");
        if (choice == 2)
            muted_text("Both go in, yours first, with a line \xe2\x80\x9c\xe2\x80\x94\xe2\x80\x94 Their version "
                       "\xe2\x80\xa6\xe2\x80\x9d between them: tidy it up, then delete that line.");
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PopID();
}

// Apply merge and Cancel, below the conflicts.
bool App::draw_merge_buttons() {
    bool close = false;
    if (primary_button(ICON_CHECK "  Apply merge")) {
        run_merge_job(true);  // applied when the worker answers (merge_answered)
        close = true;
    }
    mark("merge.apply");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escape_to_close()) {
        ++merge_.gen;  // an answer still under way is dropped
        close = true;
    }
    mark("merge.cancel");
    return close;
}

}  // namespace hs::ui
