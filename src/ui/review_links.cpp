// Review by link, the travelling part: the reviewer's name (typed once, kept in the app's storage), the Share
// dialog's Send reply (a short link of what the reviewer added), the version noted as shared when the author makes a
// link, and a reply link opened over the author's draft. Making and reading replies needs the link codec, the
// cryptography and content hashes, which the platform runs elsewhere (web: the page's worker; review_job.h).
#include "app.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/review.h"
#include "core/store.h"
#include "fonts.h"
#include "icons.h"
#include "imgui.h"
#include "locate.h"
#include "theme.h"
#include "widgets.h"

namespace hs::ui {
namespace {

constexpr const char* kSettingsDir = "/settings";
constexpr const char* kReviewerNameFile = "/settings/reviewer-name";
constexpr size_t kReviewerNameMax = 200;  // bytes: a name, not a letter
constexpr const char* kApplyDialog = "Reply link";

// "#r1.…", "r1e.…" or a whole URL holding one: a reviewer's reply, not a shared document.
bool looks_like_reply(const std::string& link) {
    const size_t hash = link.find('#');
    const std::string f = hash == std::string::npos ? link : link.substr(hash + 1);
    return f.compare(0, 3, "r1.") == 0 || f.compare(0, 4, "r1e.") == 0;
}

}  // namespace

void review_note(const std::string& text, bool ok, const std::string& locate_name) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ok ? palette().success : palette().danger, "%s  %s", ok ? ICON_CHECK : ICON_EXCLAMATION_CIRCLE,
                       text.c_str());
    ImGui::PopTextWrapPos();
    mark(locate_name);
}

// ---- the reviewer's name ------------------------------------------------------------------------------------------

bool App::reviewer_known() {
    if (!review_.reviewer_loaded && platform_.storage()) {
        std::string name;
        if (platform_.storage()->read(kReviewerNameFile, name).ok() && review_.reviewer.empty())
            review_.reviewer = name.substr(0, kReviewerNameMax);
        review_.reviewer_saved = review_.reviewer;
        review_.reviewer_loaded = true;
    }
    return !review_.reviewer.empty();
}

void App::save_reviewer_name() {
    if (review_.reviewer == review_.reviewer_saved) return;
    Filesystem* fs = platform_.storage();
    if (!fs) return;  // kept for this session only (no storage here)
    Status st = fs->mkdirs(kSettingsDir);
    if (st.ok()) st = fs->write(kReviewerNameFile, review_.reviewer);
    if (!st.ok()) return show_message("Your name could not be kept for next time: " + st.message);
    review_.reviewer_saved = review_.reviewer;
    platform_.storage_persist();
}

void App::draw_reviewer_name(const char* key) {
    reviewer_known();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ICON_USER "  Your name");
    ImGui::SameLine();
    const InputResult r = text_input(key, review_.reviewer, "As reviewers and authors will see it", 260);
    if (r.changed && review_.reviewer.size() > kReviewerNameMax) review_.reviewer.resize(kReviewerNameMax);
    mark(std::string("review.name.") + (key + 3));
    if (!text_input_editing(key)) save_reviewer_name();
}

// ---- the author shares: the version is noted -------------------------------------------------------------------

// `json` (the version just shared) gets its content hash in the document's list of shared versions, so that replies
// naming it apply. The hash is made by the platform; only that list is taken back.
void App::note_shared_version(const std::string& json) {
    const std::string id = doc_ ? doc_->id : "";
    platform_.review_job("note_shared", {json}, [this, id](int status, const std::string& text) {
        if (status != Platform::kLinkOk || !doc_ || doc_->id != id) return;
        LoadResult l = load_document(text);
        if (!l.ok) return;
        doc_->review.shared = l.doc.review.shared;
        autosave_edited();
        platform_.request_frame();
    });
}

// ---- the reviewer replies ----------------------------------------------------------------------------------------

void App::draw_share_reply() {
    const Draft* cur = store_ && !draft_id_.empty() ? store_->find(draft_id_) : nullptr;
    if (!cur || !cur->base || cur->base->empty()) return;  // a draft that came by no link has nobody to reply to
    ImGui::Separator();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(ICON_COMMENT "  Reply to the version you received");
    ImGui::PopFont();
    muted_text("A short link with only what you added since: comments, suggestions, changed wording and your "
               "decision. The author opens it over their draft.");
    draw_reviewer_name("ui:share.reply_name");
    if (text_input("ui:share.reply_passphrase", review_.reply_passphrase, "Passphrase (optional)", -1, kInputPassword)
            .changed) {
        review_.reply_link.clear();
        ++review_.reply_gen;
    }
    mark("share.reply_passphrase");
    if (review_.reply_making) {
        muted_text("Making the reply link\xe2\x80\xa6");
        animating_ = true;
    } else if (ImGui::Button(ICON_COMMENT "  Send reply")) {
        send_reply();
    }
    mark("share.send_reply");
    if (!review_.reply_error.empty()) review_note(review_.reply_error, false, "share.reply_error");
    if (review_.reply_link.empty()) return;
    ImGui::PushFont(fonts().mono);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(palette().text_muted, "%s", review_.reply_link.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    mark("share.reply_link");
    ImGui::Text("%zu characters, copied.", review_.reply_link.size());
    ImGui::SameLine();
    if (ImGui::SmallButton(ICON_COPY "  Copy again")) platform_.copy_text(review_.reply_link);
    mark("share.reply_copy");
}

void App::send_reply() {
    const Draft* cur = store_ ? store_->find(draft_id_) : nullptr;
    review_.reply_error.clear();
    review_.reply_link.clear();
    if (!cur || !cur->base || !doc_) return;
    if (!reviewer_known()) {
        review_.reply_error = "Type your name first: a reply says who sent it.";
        return;
    }
    const int gen = ++review_.reply_gen;
    review_.reply_making = true;
    platform_.review_job("reply",
                         {*cur->base, save_document(*doc_), review_.reviewer, review_.reply_passphrase,
                          platform_.page_url()},
                         [this, gen](int status, const std::string& text) {
                             if (gen != review_.reply_gen) return;  // the passphrase changed since
                             review_.reply_making = false;
                             if (status == Platform::kLinkOk) {
                                 review_.reply_link = text;
                                 platform_.copy_text(text);
                             } else {
                                 review_.reply_error = "The reply could not be made: " + text + ".";
                             }
                             platform_.request_frame();
                         });
}

// ---- the author opens a reply ------------------------------------------------------------------------------------

// A reply link opened (the address bar, or a link clicked): applied over the open draft. False when `fragment` is
// no reply (a shared document: incoming.cpp).
bool App::open_reply_link(const std::string& fragment) {
    if (!looks_like_reply(fragment)) return false;
    review_.apply_open = true;
    review_.apply_fragment = fragment;
    review_.apply_passphrase.clear();
    review_.apply_added.clear();
    review_.apply_needs_passphrase = review_.apply_ok = false;
    review_.apply_message.clear();
    review_.apply_base.clear();
    review_.apply_reviewer.clear();
    review_.apply_draft.clear();
    review_.apply_keepable = review_.apply_kept = review_.apply_pending = review_.apply_offered = false;
    run_locate_reply();
    return true;
}

// First which version the reply answers (read where the link codec lives), so that a reply opened over another
// draft, or before any, says which one it needs.
void App::run_locate_reply() {
    review_.apply_running = true;
    const std::string fragment = review_.apply_fragment;
    platform_.review_job("reply_base", {fragment, review_.apply_passphrase},
                         [this, fragment](int status, const std::string& text) {
                             if (fragment == review_.apply_fragment) reply_located(status, text);
                         });
}

namespace {
// "“Title” (version 3fK9a1)" for a message.
std::string version_label(const std::string& title, const std::string& hash) {
    constexpr size_t kShortHash = 7;
    return (title.empty() ? std::string("a postmortem") : "\xe2\x80\x9c" + title + "\xe2\x80\x9d") + " (version " +
           hash.substr(0, kShortHash) + ")";
}
}  // namespace

void App::reply_located(int status, const std::string& text) {
    ReviewState& r = review_;
    r.apply_running = false;
    if (status != Platform::kLinkOk) return reply_failed(status, text);
    const size_t nl = text.find('\n');
    r.apply_base = text.substr(0, nl);
    r.apply_reviewer = nl == std::string::npos ? "" : text.substr(nl + 1, text.find('\n', nl + 1) - nl - 1);
    if (doc_ && shared_version(*doc_, r.apply_base)) return run_apply_reply();
    // Another draft shared that version: offered to open, the reply applied over it then.
    const Draft* other = nullptr;
    if (store_)
        for (const DraftSummary& s : store_->summaries(utc_date(platform_.now_ms())))
            if (const Draft* d = store_->find(s.id); d && s.id != draft_id_ && shared_version(d->doc, r.apply_base))
                other = d;
    const std::string from = r.apply_reviewer.empty() ? "" : " from " + r.apply_reviewer;
    if (other) {
        r.apply_draft = other->id;
        r.apply_message = "This is a reply" + from + " to " + version_label(other->doc.title, r.apply_base) +
                          ". Open the draft it answers, then open this link again: Open does both.";
        platform_.request_frame();
        return;
    }
    if (doc_) return run_apply_reply();  // its current text may be that version; if not, the answer says so
    r.apply_keepable = true;
    r.apply_message = "This is a reply" + from + " to " + version_label("", r.apply_base) +
                      " that none of your drafts has shared. Open the draft it answers, then open this link again; or "
                      "keep it here, and it is offered when that draft opens.";
    platform_.request_frame();
}

// The platform refused the reply: a passphrase is needed (or was wrong), the link is damaged, or the open draft
// never had the version the reply answers (then the link may be kept for the draft that did).
void App::reply_failed(int status, const std::string& text) {
    ReviewState& r = review_;
    r.apply_needs_passphrase = status == Platform::kLinkNeedsPassphrase;
    r.apply_message = r.apply_needs_passphrase && r.apply_passphrase.empty()
                          ? "This reply is encrypted. Enter the passphrase the reviewer gave you."
                          : text;
    if (!r.apply_base.empty() && !r.apply_needs_passphrase && !r.apply_pending) {
        r.apply_keepable = true;
        r.apply_message += " Or keep the link here: it is offered when the draft it answers opens.";
    }
    platform_.request_frame();
}

void App::run_apply_reply() {
    review_.apply_running = true;
    const std::string id = doc_->id;
    platform_.review_job("apply_reply", {save_document(*doc_), review_.apply_fragment, review_.apply_passphrase},
                         [this, id](int status, const std::string& text) {
                             if (!doc_ || doc_->id != id) return;  // another postmortem is open now
                             reply_applied(status, text);
                         });
}

// The platform's answer: the document with the reply applied, of which only the review data is taken (the text may
// have been edited meanwhile), as one undo step.
void App::reply_applied(int status, const std::string& text) {
    ReviewState& r = review_;
    r.apply_running = false;
    platform_.request_frame();
    if (status != Platform::kLinkOk) return reply_failed(status, text);
    // The answer's lines (review_job.h): the reviewer, the message, one per element added, the document last.
    std::vector<std::string> lines;
    size_t at = 0;
    for (size_t nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1) lines.push_back(text.substr(at, nl - at));
    LoadResult l = lines.size() >= 2 ? load_document(text.substr(at)) : LoadResult{};
    if (!l.ok) {
        r.apply_message = "The reply was read but its result could not be: nothing was changed.";
        return;
    }
    doc_->comments = std::move(l.doc.comments);
    doc_->suggestions = std::move(l.doc.suggestions);
    doc_->approvals = std::move(l.doc.approvals);
    r.apply_ok = true;
    r.apply_message = lines[1];
    r.apply_added.assign(lines.begin() + 2, lines.end());
    forget_pending_reply(r.apply_fragment);  // kept for this draft: applied now
    if (r.apply_added.empty()) return;  // applied before: nothing new, no undo step
    review_edited("Apply reply from " + (lines[0].empty() ? std::string("a reviewer") : lines[0]));
}

void App::draw_apply_reply() {
    offer_pending_reply();
    if (review_.apply_open || ImGui::IsPopupOpen(kApplyDialog)) draw_apply_reply_open();
}

void App::draw_apply_reply_open() {
    if (!begin_dialog(kApplyDialog, review_.apply_open, 560, 380)) return;
    if (review_.apply_running) {
        muted_text("Reading the reply\xe2\x80\xa6");
        animating_ = true;
    }
    if (!review_.apply_message.empty())
        review_note(review_.apply_message, review_.apply_ok, review_.apply_ok ? "reply.applied" : "reply.error");
    for (const std::string& line : review_.apply_added) ImGui::BulletText("%s", line.c_str());
    if (review_.apply_needs_passphrase && !review_.apply_running) {
        const bool enter = text_input("ui:reply.passphrase", review_.apply_passphrase, "Passphrase", -1,
                                      kInputPassword | kInputEnter).enter;
        mark("reply.passphrase");
        if ((primary_button(ICON_LOCK "  Open") || enter) && !review_.apply_passphrase.empty()) run_locate_reply();
        mark("reply.open");
    }
    draw_apply_reply_choices();
    end_dialog(review_.apply_open, "reply.close", true);
}

}  // namespace hs::ui
