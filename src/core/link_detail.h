// Share links, inside: the messages for people (link_text.cpp), used by the codec (link.cpp). Internal to the link
// code; link.h is the interface.
#pragma once

#include <cstddef>
#include <string>

#include "link.h"

namespace hs::link_detail {

// The base64url alphabet (RFC 4648 section 5).
inline constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The character at `i` as a person can recognise it: "*", "é" (U+00E9), a space, U+0007, or a byte that is not UTF-8.
std::string describe_character(const std::string& s, size_t i);
// The error of kind `k` as one sentence a person can act on; `detail` says what was found, where a kind needs it.
LinkError make_error(LinkError::Kind k, std::string detail = "");

}  // namespace hs::link_detail
