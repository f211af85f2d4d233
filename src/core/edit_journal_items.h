// The edit journal (edit_journal.h) and added items: an item added to a list ("action_items", or a list of items
// such as "root_causes") is an entry of its own, path "<list>#add/<id>", so that the entries of its text fields can
// be replayed over a full save made before it existed. Replay adds an empty item with that id at the end of the
// list, unless the list holds it already; the value kJournalItemGone instead says the item was taken away again (an
// undo) and nothing is added.
#pragma once
#include <string>

#include "model.h"

namespace hs {

inline constexpr const char* kJournalAddMark = "#add/";
inline constexpr const char* kJournalItemGone = "gone";
std::string journal_add_path(const std::string& list, const std::string& id);
// For a path made by journal_add_path: its list and id; false for any other path.
bool parse_journal_add_path(const std::string& path, std::string& list, std::string& id);
// Whether `doc` has an item `id` in `list` (only the lists journal_add_path is used for).
bool journal_item_exists(Document& doc, const std::string& list, const std::string& id);

}  // namespace hs
