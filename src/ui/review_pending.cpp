// Reply links that came before the draft they answer was open: the apply dialog's choices (open that draft, keep the
// link for later), and the links kept in the app's storage, offered again when a draft that shared the version they
// answer opens. Kept as JSON in one small settings file, bounded in number and size.
#include "app.h"
#include "core/fs.h"
#include "core/review.h"
#include "core/store.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "widgets.h"

namespace hs::ui {
namespace {

constexpr const char* kPendingDir = "/settings";
constexpr const char* kPendingFile = "/settings/pending-replies.json";
constexpr size_t kMaxPendingReplies = 20;         // the oldest goes first
constexpr size_t kMaxPendingLinkBytes = 64 * 1024;  // a reply link is a few hundred characters; this is a lot more

Status save_pending(Filesystem* fs, const Json& pending) {
    Status st = fs->mkdirs(kPendingDir);
    return st.ok() ? fs->write(kPendingFile, pending.dump()) : st;
}

}  // namespace

void App::load_pending_replies() {
    ReviewState& r = review_;
    if (r.pending_loaded || !platform_.storage() || !store_) return;  // store_: where a damaged file is set aside
    r.pending_loaded = true;
    std::string text;
    if (!platform_.storage()->read(kPendingFile, text).ok()) return;  // none kept yet
    const Json j = Json::parse(text, nullptr, false);
    size_t unreadable = j.is_array() ? 0 : 1;
    for (const Json& e : j.is_array() ? j : Json::array()) {
        const bool ok = e.is_object() && e.value("base", Json()).is_string() && e.value("link", Json()).is_string() &&
                        !e["base"].get<std::string>().empty() && !e["link"].get<std::string>().empty() &&
                        e["link"].get<std::string>().size() <= kMaxPendingLinkBytes &&
                        (!e.contains("from") || e["from"].is_string());
        if (!ok) ++unreadable;
        else if (r.pending.size() < kMaxPendingReplies) r.pending.push_back(e);
    }
    if (unreadable == 0) return;
    // Damaged (a cut write, an edit by hand): what could be read is used; the file as it was goes with the damaged
    // drafts (listed in the sidebar, downloadable) before it is rewritten with the rest, so this is said once.
    const std::string what = j.is_array() ? std::to_string(unreadable) + " of the " + std::to_string(j.size()) +
                                                " kept reply links are damaged"
                                          : "the file is damaged";
    Status st = store_->set_aside(std::string(kPendingFile + 1), "pending-replies.json", text, what);
    if (st.ok()) {
        st = save_pending(platform_.storage(), Json(r.pending));
        platform_.storage_persist();
    }
    r.pending_stuck = !st.ok();
    const size_t n = r.pending.size();
    show_message("The reply links kept for later could not all be read: " + what + ". " +
                 (st.ok() ? std::string("The file as it was is kept with the damaged files in the sidebar. ")
                          : "It is left as it was (" + st.message + "). ") +
                 (n == 0 ? std::string("No kept reply can be offered:")
                         : std::to_string(n) + (n == 1 ? " kept reply is" : " kept replies are") +
                               " still offered; for the others,") +
                 " open the reply link again to apply it.");
}

void App::keep_pending_reply() {
    ReviewState& r = review_;
    Filesystem* fs = platform_.storage();
    if (!fs || !store_) return show_message("This reply link cannot be kept here (no storage): keep the link yourself.");
    if (r.apply_fragment.size() > kMaxPendingLinkBytes)
        return show_message("This reply link is too long to keep here: keep the link yourself.");
    load_pending_replies();
    if (r.pending_stuck)
        return show_message("This reply link cannot be kept: the links kept earlier are damaged and could not be set "
                            "aside. Keep the link yourself.");
    forget_pending_reply(r.apply_fragment);  // kept once
    if (r.pending.size() >= kMaxPendingReplies) r.pending.erase(0);
    Json kept = Json::object();
    kept["base"] = r.apply_base;
    kept["from"] = r.apply_reviewer;
    kept["link"] = r.apply_fragment;
    r.pending.push_back(std::move(kept));
    const Status st = save_pending(fs, r.pending);
    if (!st.ok()) return show_message("The reply link could not be kept: " + st.message + " Keep the link yourself.");
    platform_.storage_persist();
    r.apply_kept = true;
    r.apply_keepable = false;
    r.apply_message = "Kept. When the draft this reply answers opens, Hindsight offers to apply it.";
    r.pending_checked.clear();  // the open draft is checked again
}

void App::forget_pending_reply(const std::string& link) {
    ReviewState& r = review_;
    load_pending_replies();
    const size_t before = r.pending.size();
    for (size_t i = r.pending.size(); i-- > 0;)
        if (r.pending[i].value("link", "") == link) r.pending.erase(i);
    if (r.pending.size() != before && platform_.storage() && !r.pending_stuck) save_pending(platform_.storage(), r.pending);
}

// Once for each draft opened (and each version it shares): a reply kept for it is offered in the apply dialog.
void App::offer_pending_reply() {
    ReviewState& r = review_;
    if (!doc_ || r.apply_open) return;
    const std::string key = draft_id_ + "/" + doc_->id + "/" + std::to_string(doc_->review.shared.size());
    if (key == r.pending_checked) return;
    r.pending_checked = key;
    load_pending_replies();
    for (const Json& p : r.pending) {
        if (!shared_version(*doc_, p.value("base", ""))) continue;
        r.apply_open = r.apply_pending = r.apply_offered = true;
        r.apply_fragment = p.value("link", "");
        r.apply_base = p.value("base", "");
        r.apply_reviewer = p.value("from", "");
        r.apply_passphrase.clear();
        r.apply_added.clear();
        r.apply_draft.clear();
        r.apply_needs_passphrase = r.apply_ok = r.apply_running = r.apply_keepable = r.apply_kept = false;
        r.apply_message = "A reply" + (r.apply_reviewer.empty() ? std::string() : " from " + r.apply_reviewer) +
                          " to this draft was kept for later. Apply it now?";
        platform_.request_frame();
        return;
    }
}

// The apply dialog's buttons for a reply that cannot apply to the open draft: open the draft it answers, keep the
// link for later, or apply a kept one now.
void App::draw_apply_reply_choices() {
    ReviewState& r = review_;
    if (r.apply_running || r.apply_ok) return;
    if (!r.apply_draft.empty() && store_ && store_->find(r.apply_draft)) {
        if (primary_button(ICON_FOLDER_OPEN "  Open that draft and apply")) {
            open_draft(r.apply_draft);
            r.apply_draft.clear();
            run_locate_reply();
        }
        mark("reply.open_draft");
    }
    if (r.apply_keepable && !r.apply_kept) {
        if (ImGui::Button(ICON_SAVE "  Keep for later")) keep_pending_reply();
        mark("reply.keep");
    }
    if (r.apply_offered) {
        if (primary_button(ICON_CHECK "  Apply")) {
            r.apply_offered = false;
            run_locate_reply();
        }
        mark("reply.apply_kept");
        ImGui::SameLine();
        if (ImGui::Button("Forget it")) {
            forget_pending_reply(r.apply_fragment);
            r.apply_open = r.apply_offered = false;
            ImGui::CloseCurrentPopup();
        }
        mark("reply.forget");
    }
}

}  // namespace hs::ui
