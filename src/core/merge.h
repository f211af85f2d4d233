// Three-way merge of postmortems: the base (last shared or received version), ours and theirs. See docs/merge.md.
// Field by field for scalars and prose; item by item, by stable id, for timeline events, action items, root causes,
// contributing factors, whys, lessons, open questions and links; name lists (tags, services, authors...) as sets.
// Changes that do not collide merge by themselves; collisions are listed, and the merged result keeps OURS for them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model.h"

namespace hs {

enum class ConflictKind {
    EditEdit,    // both changed the same field (or item) differently
    EditDelete,  // we edited, they deleted
    DeleteEdit,  // we deleted, they edited
    AddAdd,      // both added the same field or item id with different content
};
const char* conflict_kind_name(ConflictKind k);  // "edit_edit", "edit_delete", "delete_edit", "add_add"

struct Conflict {
    // JSON Pointer-like, with list items named by id: "/summary", "/timeline/ev-1234/description",
    // "/lessons/went_well/ll-9", "/impact/users_affected".
    std::string path;
    ConflictKind kind = ConflictKind::EditEdit;
    Json base, ours, theirs;  // null when absent on that side (see *_present)
    bool base_present = false, ours_present = false, theirs_present = false;
};

// Both: "keep both" for a text field (see can_keep_both): mine, then a marker line, then theirs, for the author to
// tidy. Where keep both does not apply (a severity, a time, a removed item), Both keeps OURS.
enum class MergeChoice { Ours, Theirs, Base, Both };

struct MergeResult {
    bool ok = false;                 // false only when the merged JSON is not a loadable document (see problems)
    Document merged;                 // conflicts resolved as chosen (OURS where no choice was given)
    Json merged_json;                // the same, as canonical JSON
    std::vector<Conflict> conflicts; // every collision, including those a choice resolved
    std::vector<Problem> problems;
};

// Merge; conflicts keep OURS.
MergeResult merge_documents(const Document& base, const Document& ours, const Document& theirs);
// Merge again, applying a choice per conflict path (paths as in Conflict::path). Conflicts without a choice keep
// OURS. The conflict list is the same as merge_documents gives, so the UI can show what was decided.
MergeResult resolve_merge(const Document& base, const Document& ours, const Document& theirs,
                          const std::map<std::string, MergeChoice>& choices);

// The generic merge on canonical JSON forms (hs::to_json); used by the two above. Never throws.
Json merge_json(const Json& base, const Json& ours, const Json& theirs, std::vector<Conflict>& conflicts,
                const std::map<std::string, MergeChoice>& choices = {});

// [{"path":..., "kind":"edit_edit", "base":..., "ours":..., "theirs":...}], absent values omitted. With `labels_from`
// (the document the user sees, normally ours), each also has "label" (conflict_label), "what" (conflict_sentence)
// and "keep_both" (can_keep_both).
Json conflicts_to_json(const std::vector<Conflict>& conflicts, const Document* labels_from = nullptr);

// ---- words for people ------------------------------------------------------------------------------------------

// Where the conflict is, named as the editor shows it: "Title", "Impact: users affected", "Root causes, item 2",
// "Timeline: 14:05 Deploy of v2.3 started - description", "Lessons learned, went well, item 1",
// "Action items: Add an alert - owner". Items are found in `doc` (normally ours); an item `doc` lacks (we removed
// it) is named from the conflict's own values. Never a JSON pointer, never empty.
std::string conflict_label(const Document& doc, const Conflict& c);
// The same for a whole list (the document is turned into JSON once).
std::vector<std::string> conflict_labels(const Document& doc, const std::vector<Conflict>& conflicts);
// What happened, as a sentence: "You and the other person both changed this.", "You changed it; they removed it.",
// "You removed it; they changed it.", "You both added this, differently."
const char* conflict_sentence(const Conflict& c);

// ---- keep both -------------------------------------------------------------------------------------------------

// The marker put between the two versions when both are kept: readable in every export, and easy to search for.
// When a text already holds it (a field kept both before), the marker added is numbered ("—— Their version 2 (...)
// ——"), so that it is unique in the result.
inline constexpr const char* kKeepBothMarker =
    "\xe2\x80\x94\xe2\x80\x94 Their version (both kept: tidy up, then delete this line) \xe2\x80\x94\xe2\x80\x94";
// Whether "keep both" is offered: both sides have text (a title, a prose section, a description, a lesson...), not
// a name (owner, author), a time, a vocabulary value (severity, status, type, priority), a date, an address, a
// number or a whole item (a removal against an edit).
bool can_keep_both(const Conflict& c);
// Mine, the marker, theirs: on lines of their own ("mine\n\nMARKER\n\ntheirs"), or, for a one-line field (a title),
// on one line ("mine MARKER theirs"). The marker added is the only one of its number in the result, so the result
// splits back into exactly mine and theirs.
std::string keep_both_text(const std::string& mine, const std::string& theirs, bool one_line = false);

}  // namespace hs
