// Share links (with an optional passphrase, length report, QR code and file fallback), opening a link, and the
// three-way merge of a reviewer's version into the draft.
#include <algorithm>
#include <cmath>

#include "app.h"
#include "core/filename.h"
#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/history.h"
#include "core/link.h"
#include "core/merge.h"
#include "core/qr.h"
#include "core/store.h"
#include "core/text.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "misc/cpp/imgui_stdlib.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

void draw_qr(const QrCode& qr, float px) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float quiet = 4;  // modules of white border, as the standard asks
    // At least 2 px a module, so that a phone camera can read it from the screen.
    float module = std::max(2.0f, std::floor(px / (static_cast<float>(qr.size) + quiet * 2)));
    float side = module * (static_cast<float>(qr.size) + quiet * 2);
    ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(p, ImVec2(p.x + side, p.y + side), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.dark(x, y)) {
                ImVec2 a(p.x + (static_cast<float>(x) + quiet) * module, p.y + (static_cast<float>(y) + quiet) * module);
                dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
            }
    ImGui::Dummy(ImVec2(side, side));
}

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

// Before a button with this label: on the same line if it fits in the window, else on the next (a phone).
void fit_same_line(const char* label) {
    same_line_if_fits(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2,
                      ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x);
}

}  // namespace

// ---- share -----------------------------------------------------------------------------------------------------

void App::draw_share() {
    if (share_open_ || ImGui::IsPopupOpen("Share")) draw_share_open();
}

// The platform makes the link (web: in the worker, so the key derivation never holds up a frame).
void App::make_share_link() {
    const int gen = ++share_gen_;
    const std::string json = save_document(*doc_);
    share_making_ = true;
    platform_.make_link(json, platform_.page_url(), share_passphrase_,
                        [this, gen, json](int status, const std::string& text) {
                            if (gen != share_gen_) return;  // the passphrase changed, or the dialog closed
                            share_making_ = false;
                            if (status == Platform::kLinkOk) link_made(text, json);
                            else show_message("The link could not be made: " + text);
                            platform_.request_frame();
                        });
}

// A link was made of the document as `json` (the version shared): it becomes the merge base for what comes back.
void App::link_made(const std::string& link, const std::string& json) {
    share_link_ = link;
    if (!doc_ || !store_ || draft_id_.empty()) return;
    save_now();
    if (const Draft* cur = store_->find(draft_id_)) {
        Draft d = *cur;
        d.doc = *doc_;
        d.base = json;
        store_->save(d, platform_.now_ms());
        store_->snapshot(draft_id_, *doc_, snapshot_reason::kShare, platform_.now_ms());
        platform_.storage_persist();
    }
}

void App::draw_share_open() {
    if (share_open_) {
        ImGui::OpenPopup("Share");
        share_open_ = false;
        share_link_.clear();
        share_making_ = false;
        ++share_gen_;
    }
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_Always, ImVec2(0.5f, 0.5f));  // stays centred as it grows
    const float sw = std::min(620.0f, ImGui::GetIO().DisplaySize.x - 24);
    // Fits its content, but never taller than the window: on a short screen the dialog scrolls, so Close and
    // the link stay reachable whatever the QR code's size.
    ImGui::SetNextWindowSize(ImVec2(sw, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(sw, 0), ImVec2(sw, ImGui::GetIO().DisplaySize.y - 40));
    if (!ImGui::BeginPopupModal("Share", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const Palette& p = palette();
    muted_text("The whole postmortem travels inside the link, after the '#', which browsers never send to a server. "
               "Add a passphrase to encrypt it; send the passphrase another way.");
    ImGui::Spacing();
    ImGui::TextUnformatted("Passphrase (optional)");
    // Any character is kept (a DOM input on the web), in NFC: the same words typed anywhere open the link.
    if (text_input("ui:share.passphrase", share_passphrase_, "Leave empty for a plain link", -1, kInputPassword).changed) {
        share_link_.clear();
        share_making_ = false;
        ++share_gen_;  // a link on its way is for the old passphrase
    }
    mark("share.passphrase");
    ImGui::Spacing();
    if (share_making_) {
        ImGui::TextColored(p.text_muted, share_passphrase_.empty() ? ICON_LINK "  Making the link\xe2\x80\xa6"
                                                                   : ICON_LOCK "  Encrypting (deriving the key takes a moment)\xe2\x80\xa6");
        animating_ = true;
    } else if (share_link_.empty()) {
        if (primary_button(share_passphrase_.empty() ? ICON_LINK "  Create link" : ICON_LOCK "  Create encrypted link"))
            make_share_link();
        mark("share.create");
    }
    if (!share_link_.empty()) {
        // Whether the link is sealed, said beside the link itself: read from the link, not from the field.
        const bool sealed = share_link_.find("#h2e.") != std::string::npos || share_link_.compare(0, 4, "h2e.") == 0;
        if (sealed)
            ImGui::TextColored(p.success, ICON_LOCK "  Encrypted: it opens only with the passphrase.");
        else
            ImGui::TextColored(p.warning, ICON_UNLOCK "  Not encrypted: anyone who has the link can read it.");
        mark(sealed ? "share.state.encrypted" : "share.state.plain");
        ImGui::PushFont(fonts().mono);
        std::string shown = share_link_.size() > 180 ? share_link_.substr(0, 177) + "..." : share_link_;
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(p.text_muted, "%s", shown.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        if (primary_button(ICON_COPY "  Copy link")) {
            platform_.copy_text(share_link_);
            confirm("Link copied");
        }
        if (ImGui::GetTime() < confirm_until_) {  // said beside the button too: the top bar is behind the dialog
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(palette().success, ICON_CHECK " %s", confirm_text_.c_str());
            mark("share.copied");
        }
        mark("share.copy");
        // Beside Copy link where it fits (with its confirmation, a phone has no room for both).
        fit_same_line(ICON_DOWNLOAD "  Download file");
        if (ImGui::Button(ICON_DOWNLOAD "  Download file")) {
            // The name from an allow-list of characters (a NUL or a ".html" in a shared incident id stays out).
            platform_.download(document_file_stem(*doc_) + ".hindsight.json", "application/json", save_document(*doc_, true));
        }
        mark("share.download");
        ImGui::Spacing();
        ImGui::Text("%zu characters. Where it fits:", share_link_.size());
        std::vector<LinkFit> fits = fits_report(share_link_.size());
        bool qr_fits = false;
        // The mark and the destination keep their width; the note takes the rest and wraps (a phone is 390 px).
        float dest_w = 0;
        for (const LinkFit& f : fits) dest_w = std::max(dest_w, ImGui::CalcTextSize(f.destination.c_str()).x);
        if (ImGui::BeginTable("fits", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn("fits", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize());
            ImGui::TableSetupColumn("where", ImGuiTableColumnFlags_WidthFixed, dest_w);
            ImGui::TableSetupColumn("note", ImGuiTableColumnFlags_WidthStretch);
            for (size_t i = 0; i < fits.size(); ++i) {
                const LinkFit& f = fits[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextColored(f.fits ? p.success : p.danger, f.fits ? ICON_CHECK : ICON_TIMES);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(f.destination.c_str());
                mark("share.fit." + std::to_string(i));
                ImGui::TableNextColumn();
                ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
                ImGui::TextWrapped("%s", f.note.c_str());
                ImGui::PopStyleColor();
                mark("share.fit_note." + std::to_string(i));
                if (f.destination.find("QR") != std::string::npos) qr_fits = f.fits;
            }
            ImGui::EndTable();
        }
        bool any_short = std::any_of(fits.begin(), fits.end(), [](const LinkFit& f) { return !f.fits; });
        if (any_short)
            muted_text("Too long for somewhere you need? Send the file instead (Download file): it opens by drag and "
                       "drop or Open a file.");
        if (qr_fits) {
            static std::string qr_for;
            static QrCode qr;
            if (qr_for != share_link_) {
                qr = qr_encode(share_link_);
                qr_for = share_link_;
            }
            if (qr.ok) {
                ImGui::Spacing();
                draw_qr(qr, 220);
                mark("share.qr");
            }
        }
    }
    ImGui::Spacing();
    if (ImGui::Button("Close", ImVec2(100, 0)) || escape_to_close()) ImGui::CloseCurrentPopup();
    mark("share.close");
    ImGui::EndPopup();
}

// One undoable change; what was received becomes the merge base for what is sent back, and history keeps a snapshot.
void App::apply_merge(const Document& merged, const Document& theirs) {
    *doc_ = merged;
    edited("merge", "Merge");
    history_->seal();
    if (store_ && !draft_id_.empty()) {
        save_now();
        if (const Draft* cur = store_->find(draft_id_)) {
            Draft d = *cur;
            d.base = save_document(theirs);
            store_->save(d, platform_.now_ms());
            store_->snapshot(draft_id_, *doc_, snapshot_reason::kMerge, platform_.now_ms());
            platform_.storage_persist();
        }
    }
}

// ---- opening a link --------------------------------------------------------------------------------------------

void App::open_link(const std::string& fragment) {
    incoming_fragment_ = fragment;
    incoming_.reset();
    incoming_error_.clear();
    incoming_passphrase_.clear();
    incoming_encrypted_ = link_is_encrypted(fragment);
    // A plain link is read whole; an encrypted one has everything but the key checked before anyone types a
    // passphrase (no key is derived for that): a cut or damaged link, or one asking for more key-derivation work than
    // allowed, is refused at once.
    read_incoming("");
    incoming_open_ = true;
    platform_.request_frame();
}

void App::decode_incoming() { read_incoming(incoming_passphrase_); }

// The platform reads the link (web: in its worker); the answer comes back for this link only, unless stopped.
void App::read_incoming(const std::string& passphrase) {
    const int gen = ++incoming_gen_;
    incoming_decrypting_ = true;
    incoming_deriving_ = !passphrase.empty();
    incoming_decrypt_start_ms_ = platform_.now_ms();
    incoming_error_.clear();
    platform_.read_link(incoming_fragment_, passphrase, [this, gen](int status, const std::string& text) {
        if (gen != incoming_gen_) return;  // stopped, or another link came meanwhile
        link_decoded(status, text);
    });
}

void App::link_decoded(int status, const std::string& json_or_error) {
    incoming_decrypting_ = false;
    if (status == Platform::kLinkNeedsPassphrase) {
        incoming_encrypted_ = true;  // the passphrase prompt shows
    } else if (status != Platform::kLinkOk) {
        incoming_error_ = json_or_error;
        if (incoming_passphrase_.empty()) incoming_encrypted_ = false;  // refused before any passphrase: no prompt
    } else if (LoadResult l = load_document(json_or_error); l.ok) {
        incoming_ = std::move(l.doc);
        incoming_error_.clear();
    } else {
        incoming_error_ = refusal_message("The link's document", l.problems);
    }
    platform_.request_frame();
}

void App::stop_decoding() {
    if (!incoming_decrypting_) return;
    incoming_decrypting_ = false;
    ++incoming_gen_;
    platform_.cancel_read_link();
}

// While a link decodes elsewhere: what is happening, for how long so far, and a way to stop. The key derivation
// cannot report its own progress, so the bar moves to say the work goes on, and the seconds say how long.
void App::draw_decode_progress() {
    const Palette& p = palette();
    const double secs = static_cast<double>(platform_.now_ms() - incoming_decrypt_start_ms_) / 1000.0;
    ImGui::TextColored(p.text_muted, "%s %.0f s", incoming_deriving_
                           ? "Deriving the key from the passphrase\xe2\x80\xa6"
                           : "Reading the link\xe2\x80\xa6", secs);
    mark("incoming.progress");
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFontSize() * 0.35f, seg = w * 0.25f;
    const float x = std::fmod(static_cast<float>(secs) * 0.6f, 1.0f) * (w + seg) - seg;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), ImGui::GetColorU32(p.border), h * 0.5f);
    dl->AddRectFilled(ImVec2(a.x + std::max(0.0f, x), a.y), ImVec2(a.x + std::min(w, x + seg), a.y + h),
                      ImGui::GetColorU32(p.accent), h * 0.5f);
    ImGui::Dummy(ImVec2(w, h + ImGui::GetStyle().ItemSpacing.y));
    if (incoming_deriving_ && secs > 4)
        muted_text("This link was made with a slow key: it can take 15 s on a computer and longer on a phone. The editor stays usable meanwhile.");
    if (ImGui::Button("Stop")) stop_decoding();
    mark("incoming.stop");
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
    if (incoming_open_ || ImGui::IsPopupOpen("Shared postmortem")) draw_incoming_open();
}

void App::draw_incoming_open() {
    if (incoming_open_ && !ImGui::IsPopupOpen("Shared postmortem")) ImGui::OpenPopup("Shared postmortem");
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, ImGui::GetIO().DisplaySize.x - 24), 0));
    if (!ImGui::BeginPopupModal("Shared postmortem", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const Palette& p = palette();
    bool close = false;
    if (!incoming_ && incoming_encrypted_) {
        ImGui::TextWrapped(ICON_LOCK "  This link is encrypted. Enter the passphrase the sender gave you.");
        if (ImGui::IsWindowAppearing()) text_input_focus("ui:incoming.passphrase");
        bool enter = text_input("ui:incoming.passphrase", incoming_passphrase_, "Passphrase", -1,
                                kInputPassword | kInputEnter).enter;
        mark("incoming.passphrase");
        if (!incoming_decrypting_ && (primary_button("Open") || enter)) decode_incoming();
        mark("incoming.open");
    }
    if (incoming_decrypting_) draw_decode_progress();
    if (!incoming_error_.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(p.danger, ICON_EXCLAMATION_CIRCLE "  %s", incoming_error_.c_str());
        ImGui::PopTextWrapPos();
        mark("incoming.error");
    }
    if (incoming_) {
        // A link is someone else's: its title may be megabytes. The dialog shows the start of it (laid out each frame,
        // so its cost stays that of a few lines); the read view shows it all.
        ImGui::PushFont(fonts().bold);
        if (incoming_->title.empty()) {
            ImGui::TextWrapped("Untitled postmortem");
        } else {
            const std::string shown = truncate_to_bytes(incoming_->title, kDialogTextMax);
            ImGui::TextWrapped("%s", shown.c_str());
            if (shown.size() != incoming_->title.size()) {
                ImGui::PopFont();
                muted_text("The title goes on: Read it shows all of it.");
                ImGui::PushFont(fonts().bold);
            }
        }
        ImGui::PopFont();
        // The user's own draft of the same postmortem (the latest saved, if there are several): the link is most
        // likely their own version come back, so updating that draft comes first, not a second copy.
        const Draft* mine = nullptr;
        if (store_)
            for (const std::string& id : store_->ids())
                if (const Draft* d = store_->find(id); d && d->doc.id == incoming_->id)
                    if (!mine || d->updated_ms > mine->updated_ms) mine = d;
        if (mine) {
            const std::string mine_id = mine->id;
            // The open draft may hold edits not saved yet: compare with what the editor shows.
            const Document& mine_doc = mine->id == draft_id_ && doc_ ? *doc_ : mine->doc;
            const bool same = save_document(mine_doc) == save_document(*incoming_);
            const std::string title = mine_doc.title.empty() ? "Untitled postmortem"
                                                             : truncate_to_bytes(mine_doc.title, kDialogTextMax);
            ImGui::PushTextWrapPos(0);
            ImGui::Text("You have a draft of this postmortem: \xe2\x80\x9c%s\xe2\x80\x9d, last edited %s.",
                        title.c_str(), ago(platform_.now_ms(), mine->updated_ms).c_str());
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
                    start_merge(*incoming_);
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
            if (ImGui::Button(ICON_EYE "  Read it")) show_read_view_of(*incoming_);
            mark("incoming.read");
            if (!same) {
                fit_same_line(ICON_COPY "  Save as a separate copy");
                if (ImGui::Button(ICON_COPY "  Save as a separate copy")) {
                    Document d = *incoming_;
                    d.id = new_id("pm");  // two drafts never share an id: links would not know which to update
                    save_incoming_as_draft(d);
                    close = true;
                }
                mark("incoming.save");
            }
        } else {
            muted_text("Opening a link never replaces your drafts. Choose what to do with it:");
            ImGui::Spacing();
            if (ImGui::Button(ICON_EYE "  Read it")) show_read_view_of(*incoming_);
            mark("incoming.read");
            ImGui::SameLine();
            if (primary_button(ICON_SAVE "  Save as new draft")) {
                save_incoming_as_draft(*incoming_);
                close = true;
            }
            mark("incoming.save");
        }
    }
    ImGui::Spacing();
    if (ImGui::Button("Cancel") || close || escape_to_close()) {
        stop_decoding();
        incoming_open_ = false;
        incoming_.reset();
        ImGui::CloseCurrentPopup();
    }
    mark("incoming.cancel");
    ImGui::EndPopup();
}

// ---- merge -----------------------------------------------------------------------------------------------------

void App::start_merge(const Document& theirs) {
    if (!doc_) return;
    Document base = *doc_;  // without a recorded base, every difference counts as theirs
    if (store_ && !draft_id_.empty())
        if (const Draft* d = store_->find(draft_id_); d && d->base) {
            LoadResult r = load_document(*d->base);
            if (r.ok) base = r.doc;
        }
    MergeResult m = merge_documents(base, *doc_, theirs);
    merge_base_ = base;
    merge_theirs_ = theirs;
    merge_conflicts_ = m.conflicts;
    merge_labels_ = conflict_labels(*doc_, m.conflicts);
    merge_choices_.clear();
    if (m.conflicts.empty()) {
        // Nothing collides: apply at once, as one undoable change.
        apply_merge(m.merged, theirs);
        messages_.push_back("Merged: the changes from the link are in your draft, with no collisions. "
                            "Undo (Ctrl+Z) takes the whole merge back.");
        merge_theirs_.reset();
    } else {
        merge_open_ = true;
    }
    platform_.request_frame();
}

void App::draw_merge() {
    if (merge_open_ || ImGui::IsPopupOpen("Merge")) draw_merge_open();
}

void App::draw_merge_open() {
    if (merge_open_ && !ImGui::IsPopupOpen("Merge")) ImGui::OpenPopup("Merge");
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    // Centred and sized to the screen every frame: a phone turned, or a window resized, never leaves it off screen.
    ImGui::SetNextWindowPos(c, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(860.0f, screen.x - 24), std::min(680.0f, screen.y - 40)));
    if (!ImGui::BeginPopupModal("Merge", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const Palette& p = palette();
    const int n = static_cast<int>(merge_conflicts_.size());
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
        for (const Conflict& cf : merge_conflicts_) merge_choices_[cf.path] = 0;
    mark("merge.all_mine");
    ImGui::SameLine();
    if (ImGui::Button("Take all theirs"))
        for (const Conflict& cf : merge_conflicts_) merge_choices_[cf.path] = 1;
    mark("merge.all_theirs");
    const bool stacked = screen.x < 600;  // a phone: the two versions one above the other
    ImGui::BeginChild("conflicts", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() - 8), true);
    auto version = [&](const char* who, const Json& v, bool present) {
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(who);
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0);
        if (present) ImGui::TextUnformatted(value_text(v, true).c_str());
        else ImGui::TextColored(p.text_muted, "%s", "(removed)");
        ImGui::PopTextWrapPos();
    };
    for (int i = 0; i < n; ++i) {
        const Conflict& cf = merge_conflicts_[static_cast<size_t>(i)];
        const std::string is = std::to_string(i);
        ImGui::PushID(i);
        ImGui::PushFont(fonts().bold);
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(p.accent, "%s", i < static_cast<int>(merge_labels_.size()) ? merge_labels_[static_cast<size_t>(i)].c_str() : "");
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        mark("merge.label." + is);
        ImGui::TextColored(p.text_muted, "%s", conflict_sentence(cf));
        mark("merge.what." + is);
        if (stacked) {
            version("Mine", cf.ours, cf.ours_present);
            ImGui::Spacing();
            version("Theirs", cf.theirs, cf.theirs_present);
        } else if (ImGui::BeginTable("cmp", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            version("Mine", cf.ours, cf.ours_present);
            ImGui::TableNextColumn();
            version("Theirs", cf.theirs, cf.theirs_present);
            ImGui::EndTable();
        }
        // The choice: three buttons, the chosen one filled.
        int& choice = merge_choices_[cf.path];
        const bool both = can_keep_both(cf);
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
    ImGui::EndChild();
    bool close = false;
    if (primary_button(ICON_CHECK "  Apply merge")) {
        std::map<std::string, MergeChoice> choices;
        for (const auto& [path, v] : merge_choices_)
            choices[path] = v == 1 ? MergeChoice::Theirs : v == 2 ? MergeChoice::Both : MergeChoice::Ours;
        MergeResult m = resolve_merge(*merge_base_, *doc_, *merge_theirs_, choices);
        if (m.ok) {
            apply_merge(m.merged, *merge_theirs_);
        } else {
            messages_.push_back("The merge could not be applied; your draft is unchanged.");
        }
        close = true;
    }
    mark("merge.apply");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escape_to_close()) close = true;
    mark("merge.cancel");
    if (close) {
        merge_open_ = false;
        merge_theirs_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace hs::ui
