// The review's state in the editor (review.cpp, review_links.cpp): the reviewer's name, the comment being written,
// replies being typed, and the reply links on their way out or in.
#pragma once
#include <map>
#include <cstdint>
#include <string>
#include <vector>

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
    // Send reply (the Share dialog).
    std::string reply_passphrase, reply_link, reply_error;
    bool reply_making = false;
    int reply_gen = 0;
    // A reply link opened over the draft.
    bool apply_open = false;
    std::string apply_fragment, apply_passphrase, apply_message;
    std::vector<std::string> apply_added;
    bool apply_needs_passphrase = false, apply_running = false, apply_ok = false;
};

// A line saying what went wrong (or, with ok, what was done), wrapped, located as `locate_name` (review_links.cpp).
void review_note(const std::string& text, bool ok, const std::string& locate_name);

}  // namespace hs::ui
