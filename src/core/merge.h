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

enum class MergeChoice { Ours, Theirs, Base };

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

// [{"path":..., "kind":"edit_edit", "base":..., "ours":..., "theirs":...}], absent values omitted.
Json conflicts_to_json(const std::vector<Conflict>& conflicts);

}  // namespace hs
