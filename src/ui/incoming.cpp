// Opening a share link: read (and decrypted) in the platform's worker, then offered as a new draft, a merge into
// the user's own draft of the same postmortem, or a read-only view. A link never replaces a draft.
#include <algorithm>
#include <cmath>

#include "app.h"
#include "core/format.h"
#include "core/link.h"
#include "core/store.h"
#include "core/text.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {

void App::open_link(const std::string& fragment) {
    if (open_reply_link(fragment)) return;  // a reviewer's reply: applied over the draft (review_links.cpp)
    incoming_.fragment = fragment;
    incoming_.doc.reset();
    incoming_.error.clear();
    incoming_.passphrase.clear();
    incoming_.encrypted = link_is_encrypted(fragment);
    // A plain link is read whole; an encrypted one has everything but the key checked before anyone types a
    // passphrase (no key is derived for that): a cut or damaged link, or one asking for more key-derivation work than
    // allowed, is refused at once.
    read_incoming("");
    incoming_.open = true;
    platform_.request_frame();
}

void App::decode_incoming() { read_incoming(incoming_.passphrase); }

// The platform reads the link (web: in its worker); the answer comes back for this link only, unless stopped.
void App::read_incoming(const std::string& passphrase) {
    const int gen = ++incoming_.gen;
    incoming_.decrypting = true;
    incoming_.deriving = !passphrase.empty();
    incoming_.decrypt_start_ms = platform_.now_ms();
    incoming_.error.clear();
    platform_.read_link(incoming_.fragment, passphrase, [this, gen](int status, const std::string& text) {
        if (gen != incoming_.gen) return;  // stopped, or another link came meanwhile
        link_decoded(status, text);
    });
}

void App::link_decoded(int status, const std::string& json_or_error) {
    incoming_.decrypting = false;
    if (status == Platform::kLinkNeedsPassphrase) {
        incoming_.encrypted = true;  // the passphrase prompt shows
    } else if (status != Platform::kLinkOk) {
        incoming_.error = json_or_error;
        if (incoming_.passphrase.empty()) incoming_.encrypted = false;  // refused before any passphrase: no prompt
    } else if (LoadResult l = load_document(json_or_error); l.ok) {
        incoming_.doc = std::move(l.doc);
        incoming_.error.clear();
    } else {
        incoming_.error = refusal_message("The link's document", l.problems);
    }
    platform_.request_frame();
}

void App::stop_decoding() {
    if (!incoming_.decrypting) return;
    incoming_.decrypting = false;
    ++incoming_.gen;
    platform_.cancel_read_link();
}

// While a link decodes elsewhere: what is happening, for how long so far, and a way to stop. The key derivation
// cannot report its own progress, so the bar moves to say the work goes on, and the seconds say how long. With
// reduced motion there is no bar, and the seconds step every few seconds (one frame each, not one per refresh).
constexpr int kStillStepS = 5;

void App::draw_decode_progress() {
    const Palette& p = palette();
    const int64_t elapsed_ms = platform_.now_ms() - incoming_.decrypt_start_ms;
    double secs = static_cast<double>(elapsed_ms) / 1000.0;
    if (reduce_motion()) {
        const int64_t step_ms = kStillStepS * 1000;
        secs = static_cast<double>(elapsed_ms / step_ms * kStillStepS);
        still_wake_ms_ = static_cast<int>(step_ms - elapsed_ms % step_ms) + 1;
    }
    ImGui::TextColored(p.text_muted, "%s %.0f s", incoming_.deriving
                           ? "Deriving the key from the passphrase\xe2\x80\xa6"
                           : "Reading the link\xe2\x80\xa6", secs);
    mark("incoming.progress");
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFontSize() * 0.35f, seg = w * 0.25f;
    const float x = std::fmod(static_cast<float>(secs) * 0.6f, 1.0f) * (w + seg) - seg;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!reduce_motion()) {
        dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), ImGui::GetColorU32(p.border), h * 0.5f);
        dl->AddRectFilled(ImVec2(a.x + std::max(0.0f, x), a.y), ImVec2(a.x + std::min(w, x + seg), a.y + h),
                          ImGui::GetColorU32(p.accent), h * 0.5f);
    }
    ImGui::Dummy(ImVec2(w, h + ImGui::GetStyle().ItemSpacing.y));
    // Stop first, the note below it: a button that moves when the note appears (after 4 s) would take a click aimed
    // at it a moment before to the text instead.
    if (ImGui::Button("Stop")) stop_decoding();
    mark("incoming.stop");
    if (incoming_.deriving && secs > 4)
        muted_text("This link was made with a slow key: it can take 15 s on a computer and longer on a phone. The editor stays usable meanwhile.");
    animating_ = true;
}

// A received document as a new draft; what was received is the merge base for what is sent back.
void App::save_incoming_as_draft(const Document& d) {
    open_document(d);
    if (store_ && !draft_id_.empty()) {
        if (const Draft* cur = store_->find(draft_id_)) {
            Draft dr = *cur;
            dr.base = save_document(d);
            store_->save(dr, platform_.now_ms());
            platform_.storage_persist();
        }
    }
}

void App::draw_incoming() {
    if (incoming_.open || ImGui::IsPopupOpen("Shared postmortem")) draw_incoming_open();
}

void App::draw_incoming_open() {
    if (incoming_.open && !ImGui::IsPopupOpen("Shared postmortem")) ImGui::OpenPopup("Shared postmortem");
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, ImGui::GetIO().DisplaySize.x - 24), 0));
    if (!ImGui::BeginPopupModal("Shared postmortem", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    bool close = false;
    if (!incoming_.doc && incoming_.encrypted) draw_incoming_prompt();
    if (incoming_.decrypting) draw_decode_progress();
    if (!incoming_.error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(palette().danger, ICON_EXCLAMATION_CIRCLE "  %s", incoming_.error.c_str());
        ImGui::PopTextWrapPos();
        mark("incoming.error");
    }
    if (incoming_.doc) {
        draw_incoming_title();
        // The user's own draft of the same postmortem (the latest saved, if there are several): the link is most
        // likely their own version come back, so updating that draft comes first, not a second copy.
        const Draft* mine = nullptr;
        if (store_)
            for (const std::string& id : store_->ids())
                if (const Draft* d = store_->find(id); d && d->doc.id == incoming_.doc->id)
                    if (!mine || d->updated_ms > mine->updated_ms) mine = d;
        close = mine ? draw_incoming_mine(*mine) : draw_incoming_new();
    }
    ImGui::Spacing();
    if (ImGui::Button("Cancel") || close || escape_to_close()) {
        stop_decoding();
        incoming_.open = false;
        incoming_.doc.reset();
        ImGui::CloseCurrentPopup();
    }
    mark("incoming.cancel");
    ImGui::EndPopup();
}

// An encrypted link: the passphrase, and Open.
void App::draw_incoming_prompt() {
    ImGui::TextWrapped(ICON_LOCK "  This link is encrypted. Enter the passphrase the sender gave you.");
    if (ImGui::IsWindowAppearing()) text_input_focus("ui:incoming.passphrase");
    bool enter = text_input("ui:incoming.passphrase", incoming_.passphrase, "Passphrase", -1,
                            kInputPassword | kInputEnter).enter;
    mark("incoming.passphrase");
    if (incoming_.decrypting) return;  // the Open button is not drawn, so it is not marked either
    if (primary_button("Open") || enter) decode_incoming();
    mark("incoming.open");
}

// A link is someone else's: its title may be megabytes. The dialog shows the start of it (laid out each frame, so its
// cost stays that of a few lines); the read view shows it all.
void App::draw_incoming_title() {
    ImGui::PushFont(fonts().bold);
    if (incoming_.doc->title.empty()) {
        ImGui::TextWrapped("Untitled postmortem");
    } else {
        const std::string shown = truncate_to_bytes(incoming_.doc->title, kDialogTextMax);
        ImGui::TextWrapped("%s", shown.c_str());
        if (shown.size() != incoming_.doc->title.size()) {
            ImGui::PopFont();
            muted_text("The title goes on: Read it shows all of it.");
            ImGui::PushFont(fonts().bold);
        }
    }
    ImGui::PopFont();
}

// The user has a draft of the same postmortem: update it (a merge), open it, read the link's version, or keep it as
// a separate copy. Returns true when the dialog is done.
bool App::draw_incoming_mine(const Draft& mine) {
    const Palette& p = palette();
    bool close = false;
    const std::string mine_id = mine.id;
    // The open draft may hold edits not saved yet: compare with what the editor shows.
    const Document& mine_doc = mine.id == draft_id_ && doc_ ? *doc_ : mine.doc;
    // The versions noted as shared (review.shared) are bookkeeping added after the link was made: not a difference.
    Document mine_cmp = mine_doc;
    mine_cmp.review.shared = incoming_.doc->review.shared;
    const bool same = save_document(mine_cmp) == save_document(*incoming_.doc);
    const std::string title = mine_doc.title.empty() ? "Untitled postmortem"
                                                     : truncate_to_bytes(mine_doc.title, kDialogTextMax);
    ImGui::PushTextWrapPos(0);
    ImGui::Text("You have a draft of this postmortem: \xe2\x80\x9c%s\xe2\x80\x9d, last edited %s.",
                title.c_str(), ago(platform_.now_ms(), mine.updated_ms).c_str());
    ImGui::PopTextWrapPos();
    mark("incoming.mine");
    if (same) {
        ImGui::TextColored(p.success, ICON_CHECK "  The link holds the same version as your draft.");
        mark("incoming.same");
    } else {
        muted_text("Update my draft merges the link's changes into it; where you both changed the same "
                   "thing, you choose.");
    }
    ImGui::Spacing();
    if (!same) {
        if (primary_button(ICON_CODE_FORK "  Update my draft")) {
            open_draft(mine_id);
            start_merge(*incoming_.doc);
            close = true;
        }
        mark("incoming.merge");
        fit_same_line(ICON_FOLDER_OPEN "  Open my draft");
    }
    if (same ? primary_button(ICON_FOLDER_OPEN "  Open my draft") : ImGui::Button(ICON_FOLDER_OPEN "  Open my draft")) {
        open_draft(mine_id);
        close = true;
    }
    mark("incoming.open_mine");
    // Reading it stays possible either way (it saves nothing); a second copy only when it differs.
    ImGui::Spacing();
    if (!same) muted_text("Or keep the link's version apart:");
    else fit_same_line(ICON_EYE "  Read it");
    if (ImGui::Button(ICON_EYE "  Read it")) show_read_view_of(*incoming_.doc);
    mark("incoming.read");
    if (!same) {
        fit_same_line(ICON_COPY "  Save as a separate copy");
        if (ImGui::Button(ICON_COPY "  Save as a separate copy")) {
            Document d = *incoming_.doc;
            d.id = new_id("pm");  // two drafts never share an id: links would not know which to update
            save_incoming_as_draft(d);
            close = true;
        }
        mark("incoming.save");
    }
    return close;
}

// A postmortem the user has no draft of: read it, or save it as a new draft. Returns true when the dialog is done.
bool App::draw_incoming_new() {
    muted_text("Opening a link never replaces your drafts. Choose what to do with it:");
    ImGui::Spacing();
    if (ImGui::Button(ICON_EYE "  Read it")) show_read_view_of(*incoming_.doc);
    mark("incoming.read");
    ImGui::SameLine();
    bool close = false;
    if (primary_button(ICON_SAVE "  Save as new draft")) {
        save_incoming_as_draft(*incoming_.doc);
        close = true;
    }
    mark("incoming.save");
    return close;
}

}  // namespace hs::ui
