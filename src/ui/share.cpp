// Share links: with an optional passphrase, a report of where the link fits, a QR code and the file as a fallback.
// Opening a link is in incoming.cpp, the merge of what comes back in merge.cpp.
#include <algorithm>
#include <cmath>

#include "app.h"
#include "core/filename.h"
#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/link.h"
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

}  // namespace

// ---- share -----------------------------------------------------------------------------------------------------

void App::draw_share() {
    if (share_.open || ImGui::IsPopupOpen("Share")) draw_share_open();
}

// The platform makes the link (web: in the worker, so the key derivation never holds up a frame).
void App::make_share_link() {
    const int gen = ++share_.gen;
    const std::string json = save_document(*doc_);
    share_.making = true;
    platform_.make_link(json, platform_.page_url(), share_.passphrase,
                        [this, gen, json](int status, const std::string& text) {
                            if (gen != share_.gen) return;  // the passphrase changed, or the dialog closed
                            share_.making = false;
                            if (status == Platform::kLinkOk) link_made(text, json);
                            else show_message("The link could not be made: " + text);
                            platform_.request_frame();
                        });
}

// A link was made of the document as `json` (the version shared): it becomes the merge base for what comes back.
void App::link_made(const std::string& link, const std::string& json) {
    share_.link = link;
    note_shared_version(json);  // replies to this version will apply
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
    if (share_.open) {
        ImGui::OpenPopup("Share");
        share_.open = false;
        share_.link.clear();
        share_.making = false;
        ++share_.gen;
    }
    ImVec2 c = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(c, ImGuiCond_Always, ImVec2(0.5f, 0.5f));  // stays centred as it grows
    const float sw = std::min(620.0f, ImGui::GetIO().DisplaySize.x - 24);
    // Fits its content, but never taller than the window: on a short screen the dialog scrolls, so Close and
    // the link stay reachable whatever the QR code's size.
    ImGui::SetNextWindowSize(ImVec2(sw, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(sw, 0), ImVec2(sw, ImGui::GetIO().DisplaySize.y - 40));
    if (!ImGui::BeginPopupModal("Share", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    draw_share_passphrase();
    if (!share_.link.empty()) {
        draw_share_link();
        draw_share_fits();
    }
    draw_share_reply();
    ImGui::Spacing();
    if (ImGui::Button("Close", ImVec2(100, 0)) || escape_to_close()) ImGui::CloseCurrentPopup();
    mark("share.close");
    ImGui::EndPopup();
}

// What a link is, the passphrase, and Create link (or the link being made).
void App::draw_share_passphrase() {
    const Palette& p = palette();
    muted_text("The whole postmortem travels inside the link, after the '#', which browsers never send to a server. "
               "Add a passphrase to encrypt it; send the passphrase another way.");
    ImGui::Spacing();
    ImGui::TextUnformatted("Passphrase (optional)");
    // Any character is kept (a DOM input on the web), in NFC: the same words typed anywhere open the link.
    if (text_input("ui:share.passphrase", share_.passphrase, "Leave empty for a plain link", -1, kInputPassword).changed) {
        share_.link.clear();
        share_.making = false;
        ++share_.gen;  // a link on its way is for the old passphrase
    }
    mark("share.passphrase");
    ImGui::Spacing();
    if (share_.making) {
        ImGui::TextColored(p.text_muted, share_.passphrase.empty() ? ICON_LINK "  Making the link\xe2\x80\xa6"
                                                                   : ICON_LOCK "  Encrypting (deriving the key takes a moment)\xe2\x80\xa6");
        animating_ = true;
    } else if (share_.link.empty()) {
        if (primary_button(share_.passphrase.empty() ? ICON_LINK "  Create link" : ICON_LOCK "  Create encrypted link"))
            make_share_link();
        mark("share.create");
    }
}

// The link made: whether it is sealed, its start, Copy link and Download file.
void App::draw_share_link() {
    const Palette& p = palette();
    // Whether the link is sealed, said beside the link itself: read from the link, not from the field.
    const bool sealed = share_.link.find("#h2e.") != std::string::npos || share_.link.compare(0, 4, "h2e.") == 0;
    if (sealed)
        ImGui::TextColored(p.success, ICON_LOCK "  Encrypted: it opens only with the passphrase.");
    else
        ImGui::TextColored(p.warning, ICON_UNLOCK "  Not encrypted: anyone who has the link can read it.");
    mark(sealed ? "share.state.encrypted" : "share.state.plain");
    ImGui::PushFont(fonts().mono);
    std::string shown = share_.link.size() > 180 ? share_.link.substr(0, 177) + "..." : share_.link;
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(p.text_muted, "%s", shown.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (primary_button(ICON_COPY "  Copy link")) {
        platform_.copy_text(share_.link);
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
}

// The link's length, where it fits (chat, tickets, a QR code...), and the QR code when it fits one.
void App::draw_share_fits() {
    const Palette& p = palette();
    ImGui::Spacing();
    ImGui::Text("%zu characters. Where it fits:", share_.link.size());
    std::vector<LinkFit> fits = fits_report(share_.link.size());
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
        if (share_.qr_for != share_.link) {
            share_.qr_for = share_.link;
            share_.qr = QrCode();
            const std::string link = share_.link;
            platform_.make_qr(link, [this, link](int status, const std::string& text) {
                if (link != share_.qr_for) return;  // a newer link asked since
                share_.qr = status == Platform::kLinkOk ? qr_from_text(text) : QrCode();
                platform_.request_frame();
            });
        }
        if (share_.qr.ok) {
            ImGui::Spacing();
            draw_qr(share_.qr, 220);
            mark("share.qr");
        }
    }
}

}  // namespace hs::ui
