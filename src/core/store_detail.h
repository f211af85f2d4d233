// Helpers shared by the drafts store's files (store.cpp, store_history.cpp, store_library.cpp); not a public API.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "time.h"
#include "model.h"

namespace hs::store_detail {

bool ends_with(const std::string& s, const std::string& suffix);
std::string iso(int64_t ms);  // ISO 8601 UTC text of a unix millisecond time
// Any nlohmann dump that cannot throw on invalid UTF-8 typed into a field.
std::string dump_safe(const Json& j);
// Parses JSON text without throwing; on failure fills `problems` (reusing load_document's explanation).
bool parse_json(const std::string& text, Json& out, std::vector<Problem>& problems);
std::string reason_text(const std::vector<Problem>& problems);  // problems as lines, for a quarantine reason

}  // namespace hs::store_detail
