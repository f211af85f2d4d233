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

// The codec of share links for other payloads that travel the same way (reply links, review_reply.cpp): the text
// deflated with `dict` in the plain frame (declared length, CRC-32), sealed as encrypted links are when
// opts.passphrase is set, in base64url after `plain` or `encrypted`. "" when the crypto library cannot start.
std::string pack(const std::string& text, const EncodeOptions& opts, const char* plain, const char* encrypted,
                 const std::string& dict);
struct Unpacked {
    LinkError::Kind kind = LinkError::None;
    std::string detail;  // for make_error-style sentences
    std::string text;    // when kind == None
};
// The reverse, for the base64url `payload` after the prefix (`skip` characters long, for positions in messages);
// `encrypted_prefix` is null for a plain payload, else the prefix bound as associated data; `dict` the dictionary.
Unpacked unpack(const std::string& payload, size_t skip, const char* encrypted_prefix, const DecodeOptions& opts,
                const std::string& dict);

}  // namespace hs::link_detail
