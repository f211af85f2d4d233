// Reading a typed member of a JSON object, for the small JSON records passed between threads and stores (the edit
// journal, the tracker job): false when the key is missing or holds another type.
#pragma once

#include <cstdint>
#include <string>

#include "core/model.h"

namespace hs {

inline bool string_member(const Json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

inline bool integer_member(const Json& j, const char* key, int64_t& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return false;
    out = it->get<int64_t>();
    return true;
}

inline bool size_member(const Json& j, const char* key, size_t& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned()) return false;
    out = it->get<size_t>();
    return true;
}

}  // namespace hs
