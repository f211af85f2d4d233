// Reading the library jobs' answers (library.cpp, similar.cpp): members that may be missing or of another type.
#pragma once
#include <string>

#include "core/model.h"

namespace hs::ui {

// j[key] when j is an object that has it, else null (operator[] on a const Json must not miss).
const Json& json_member(const Json& j, const char* key);
// The string j[key], or "" when there is none.
std::string json_text(const Json& j, const char* key);

}  // namespace hs::ui
