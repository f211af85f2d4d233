// Internals of the search index shared by its source files (search.cpp, search_text.cpp). Not a public interface.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "search.h"

namespace hs::search_detail {

// Han and Kana, written without spaces between words: indexed as character pairs. Hangul is written with spaces
// and stays a word.
bool is_cjk(uint32_t cp);

// The snippet of a field around its first hit: about `max_bytes` of the text cut on code point boundaries, with "…"
// where cut, and the hits that fall inside it moved into the snippet's offsets.
FieldMatch make_snippet(const std::string& path, const std::string& text, const std::vector<ByteRange>& hits,
                        size_t max_bytes);

}  // namespace hs::search_detail
