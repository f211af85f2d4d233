// The review's state in the editor (review.cpp, review_links.cpp): the reviewer's name, the comment being written,
// replies being typed, and the reply links on their way out or in.
#pragma once
#include <map>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace hs::ui {

struct ReviewState {
    std::string reviewer;          // the name this person reviews under, kept in the app's storage
    bool reviewer_loaded = false;  // read from storage once it is there
    std::string reviewer_saved;    // as last written
    // The comment (or suggestion) being written, in its dialog.
    bool compose_open = false;
    std::string compose_path;      // the text field it is about
    std::string compose_passage;   // the words of that field it is about; empty: the whole field
    std::string compose_text;      // the comment
    std::string compose_replacement;
    bool compose_suggest = false;  // a suggested wording instead of a comment
    std::string compose_error;
    std::map<std::string, std::string> answers;  // comment id -> reply being typed
    std::string new_reviewer;      // the author's "add a reviewer" field
    std::string last_field;        // the field edited last: Ctrl+Alt+M comments on it
    // The words selected in a field when its editing ended (the page's text box reports them): the comment dialog,
    // opened on that field before anything else changed, starts with them as its passage.
    std::string selection, selection_path;
    uint64_t selection_rev = 0;
    // Suggest mode: typing in a text field of the document makes a suggestion instead of changing the text.
    std::vector<std::string> suggesting;  // the drafts in Suggest mode (by draft id, or document id before stored)
    std::string suggest_path;          // the field being edited in Suggest mode ("" when none)
    std::string suggest_text;          // what that field shows meanwhile; the document keeps its text
    std::string suggest_note;          // why the last edit was not kept as a suggestion
    // Send reply (the Share dialog).
    std::string reply_passphrase, reply_link, reply_error;
    bool reply_making = false;
    int reply_gen = 0;
    // A reply link opened over the draft.
    bool apply_open = false;
    std::string apply_fragment, apply_passphrase, apply_message;
    std::vector<std::string> apply_added;
    bool apply_needs_passphrase = false, apply_running = false, apply_ok = false;
    // Which draft a reply answers: the content hash of the version it was written on and who sent it (read before it
    // is applied), another draft that shared that version (offered to open), and whether the link may be kept for
    // later (no open draft has that version) or was kept.
    std::string apply_base, apply_reviewer, apply_draft;
    bool apply_keepable = false, apply_kept = false;
    bool apply_pending = false, apply_offered = false;  // a reply kept for later; offered, not applied yet
    // Reply links kept for later (review_pending.cpp), in the app's storage: offered when a draft that shared the
    // version they answer opens. As stored: [{"base", "from", "link"}] (JSON, which the editor reads already).
    Json pending = Json::array();
    bool pending_loaded = false;
    bool pending_stuck = false;  // the kept file is damaged and could not be set aside: it is not rewritten
    std::string pending_checked;  // the draft (and its number of shared versions) last checked for kept replies
};

// A line saying what went wrong (or, with ok, what was done), wrapped, located as `locate_name` (review_links.cpp).
void review_note(const std::string& text, bool ok, const std::string& locate_name);

}  // namespace hs::ui
