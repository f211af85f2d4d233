// The edit journal's store in the page (web/journal.js: an IndexedDB database of its own, apart from the drafts'
// IDBFS mount). WebPlatform forwards the Platform journal calls here.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "ui/platform.h"

namespace hs::web {

void journal_write(const std::vector<ui::Platform::JournalRecord>& records);
// The answer comes back in a later task (IndexedDB is asynchronous).
void journal_read(const std::string& draft_id, ui::Platform::JournalAnswer answer);
void journal_drop(const std::string& draft_id, int64_t below_base);

}  // namespace hs::web
