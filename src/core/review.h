// Review by link: comments anchored to passages, suggestions the author accepts or rejects, the review workflow, and
// short reply links that carry only what a reviewer added. Pure C++17; the editor and the CLI call these. The JSON
// form of the data is in docs/format.md ("Review data"), and the reply link there too ("Reply links").
//
// Merging: comments, their replies and suggestions are sets keyed by id; a comment's resolved/reopened marks and a
// suggestion's decision keep the latest (time, then name); decisions are a set whose latest per reviewer counts.
// So replies applied in any order, or twice, give the same document (join_review_data is commutative, associative and
// idempotent), and whole-document merges (merge.h) use the same join.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

inline constexpr size_t kAnchorContextBytes = 32;   // prefix and suffix kept around a quoted passage
inline constexpr size_t kMaxAnchorExactBytes = 4096;  // a longer selection is cut (on a character boundary)
inline constexpr size_t kMaxSharedVersions = 32;    // review.shared keeps the newest this many
inline constexpr size_t kContentHashBytes = 9;      // BLAKE2b output, truncated: 12 base64url characters

// ---- anchors ---------------------------------------------------------------------------------------------------

// A whole field, item or section: "summary", "timeline/ev-1a2b3c4d", "root_causes".
Anchor anchor_to(const std::string& path);
// The text range [begin, end) (bytes) of the text field at `path`, with its quote and context. Offsets are moved back
// to code point boundaries; an unknown path gives an anchor to the path alone (no quote).
Anchor make_anchor(const Document& d, const std::string& path, size_t begin, size_t end);

enum class AnchorStatus {
    Whole,     // no text range: the field, item or section exists
    Exact,     // the quoted passage, where the offset hint says
    Moved,     // the quoted passage, elsewhere in the field (text was added or removed around it)
    Fuzzy,     // a passage like the quote, between its context (words inside it were edited)
    Orphaned,  // the field, item or passage is gone: shown as "on deleted text"
};
const char* anchor_status_name(AnchorStatus s);  // "whole", "exact", "moved", "fuzzy", "orphaned"

struct AnchorRange {
    AnchorStatus status = AnchorStatus::Orphaned;
    size_t begin = 0, end = 0;  // bytes in the field's current text, on code point boundaries (text ranges only)
};
// Where the anchor is now. The quote is looked for near the offset hint first, then anywhere in the field (the
// occurrence whose context matches best; the hint breaks ties), then as an edited passage between its context.
AnchorRange resolve_anchor(const Document& d, const Anchor& a);
// The field's current text for an anchor with a quote, or nullptr when the path names no text field.
const std::string* anchor_field(const Document& d, const Anchor& a);

// Times in review data are whole seconds (reply links carry seconds): `t` with its milliseconds dropped.
Instant whole_seconds(Instant t);
// A new comment, reply or suggestion: a fresh id with `prefix` ("cm", "re", "sg"), its author and creation time.
template <class T>
T new_review_element(const char* prefix, const std::string& author, Instant at) {
    T x;
    x.id = new_id(prefix);
    x.author = author;
    x.created = whole_seconds(at);
    return x;
}

// ---- comments --------------------------------------------------------------------------------------------------
// Times are kept to whole seconds (reply links carry seconds), so that a comment is the same wherever it travels.

// Adds a comment and returns its id ("cm-..."); `text` is the comment, `anchor` from anchor_to or make_anchor.
std::string add_comment(Document& d, const Anchor& anchor, const std::string& author, const std::string& text,
                        Instant at);
// Adds a reply to comment `comment_id`; returns its id ("re-...") or "" when there is no such comment.
std::string add_comment_reply(Document& d, const std::string& comment_id, const std::string& author,
                              const std::string& text, Instant at);
// Resolve / reopen; false when there is no such comment.
bool resolve_comment(Document& d, const std::string& comment_id, const std::string& by, Instant at);
bool reopen_comment(Document& d, const std::string& comment_id, const std::string& by, Instant at);
bool comment_resolved(const Comment& c);
// A comment known only by replies or marks that arrived before the comment itself (its author's reply link not yet
// applied): no author and no text. The editor shows it as "a reply to a comment this draft does not have yet".
bool comment_is_placeholder(const Comment& c);
Comment* find_comment(Document& d, const std::string& id);
const Comment* find_comment(const Document& d, const std::string& id);
// Open (unresolved) comments, in document order.
std::vector<const Comment*> open_comments(const Document& d);

// ---- suggestions -----------------------------------------------------------------------------------------------

// Adds an open suggestion to replace the anchored passage with `replacement`; returns its id ("sg-...").
std::string add_suggestion(Document& d, const Anchor& anchor, const std::string& author,
                           const std::string& replacement, Instant at);
Suggestion* find_suggestion(Document& d, const std::string& id);

struct ReviewOutcome {
    bool ok = false;
    std::string message;  // when !ok: why, as a sentence to act on; when ok: what changed
    size_t count = 0;     // accept_all / reject_all: how many were decided
};
// Replaces the passage (resolved again now) with the replacement and marks the suggestion accepted. Refuses, and
// changes nothing, when the suggestion is not open or its passage is gone or was edited since (a fuzzy match: the
// replacement would undo that edit).
ReviewOutcome accept_suggestion(Document& d, const std::string& id, const std::string& by, Instant at);
ReviewOutcome reject_suggestion(Document& d, const std::string& id, const std::string& by, Instant at);
// Every open suggestion, in order; those that cannot apply (passage gone, or overlapping one accepted just before)
// stay open and are named in the message.
ReviewOutcome accept_all_suggestions(Document& d, const std::string& by, Instant at);
ReviewOutcome reject_all_suggestions(Document& d, const std::string& by, Instant at);

// An edit typed in Suggest mode, as a change of whole words: before[begin, before_end) became after[begin, after_end).
// The changed span is widened to word boundaries in both texts (a wide East Asian character is a word of its own, as
// text.h's joins_word says) and never ends inside a grapheme cluster. An insertion takes the word before it (after
// it, at the start of the text) so that there is a passage to quote. begin == before_end when `before` is empty or
// the texts are equal.
struct WordEdit {
    size_t begin = 0, before_end = 0, after_end = 0;
};
WordEdit word_edit(const std::string& before, const std::string& after);
// Suggests that the text field at `path` read `after` instead of its current text, as one suggestion of the changed
// words (word_edit). Returns its id, or "" with a sentence in `why` (nothing changed, an empty field, a change too
// long to quote); the field itself is not changed.
std::string suggest_edit(Document& d, const std::string& path, const std::string& after, const std::string& author,
                         Instant at, std::string& why);

// Open suggestions whose passages overlap in the same field, grouped (each group 2 or more ids, in document order),
// for a side-by-side view.
std::vector<std::vector<std::string>> suggestion_conflicts(const Document& d);

// ---- workflow --------------------------------------------------------------------------------------------------
// `status` stays draft | in_review | final in the file (older readers keep working); "approved" and
// "changes_requested" are derived from the decisions while the status is in_review:
//   draft -> in_review -> approved (every named reviewer approved, or, with no reviewers named, someone approved
//   and nobody asks for changes) / changes_requested (a reviewer's latest decision asks for changes) -> final.
std::string review_state(const Document& d);
// Records a reviewer's decision ("approved", "changes_requested", "commented"). Decisions are kept as a set, in time
// order (the history stays); each reviewer's latest one counts.
void record_decision(Document& d, const std::string& reviewer, const std::string& decision, Instant at,
                     const std::string& comment = "");
// The latest decision of each reviewer; a final document without an approval, or with one asking for changes,
// is what lint's final-no-approval reports.
std::vector<const Approval*> latest_decisions(const Document& d);
bool has_open_change_request(const Document& d);

// ---- versions --------------------------------------------------------------------------------------------------

// A short hash of the content (12 base64url characters): BLAKE2b of the canonical JSON without the review data
// (comments, suggestions, review, approvals, reviewers, status, updated), so that applying a reply, which adds only
// review data, does not change the hash the next reply names. "" if the crypto library cannot start.
std::string content_hash(const Document& d);
// Records the current content hash as shared at `at` (the editor calls it when it makes a link); the list keeps the
// newest kMaxSharedVersions. Returns the hash.
std::string note_shared(Document& d, Instant at);
// The hash is the current content's or a shared version's.
bool knows_version(const Document& d, const std::string& hash);
// The hash is one of the versions noted as shared (review.shared): what the editor can check without hashing.
bool shared_version(const Document& d, const std::string& hash);

// ---- merging review data ---------------------------------------------------------------------------------------

// Joins `other`'s comments, suggestions, decisions and shared versions into `into` (see the top of this file), then
// puts them in canonical order (comments and suggestions by creation time then id, replies likewise, decisions by
// time; exact duplicates dropped). Other fields are untouched.
void join_review_data(Document& into, const Document& other);
// The canonical order alone.
void normalize_review_data(Document& d);
// A whole-document merge's review data (merge.cpp), into `out`: when one side left it as in `base`, the other
// side's as it is; otherwise the join of both, less the elements one side deleted since the base (comments and
// suggestions by id, decisions by value).
void join_review_three_way(const Document& base, const Document& ours, const Document& theirs, Document& out);

}  // namespace hs
