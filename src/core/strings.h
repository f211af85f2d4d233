// Small ASCII and UTF-8 string helpers shared across the core: white space, case and trimming of the ASCII letters
// that formats and keywords use (text as people write it, in any script, is text.h's), and cutting a UTF-8 text at
// a byte limit without splitting a character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hs {

// ASCII white space: what isspace() accepts in the C locale (" \t\n\v\f\r"), without depending on the locale.
constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";
constexpr bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
// `s` with its ASCII letters in lower case; other bytes as they are.
std::string lower(std::string_view s);
// `s` without the leading and trailing characters in `chars` (ASCII white space by default).
std::string trim(std::string_view s, std::string_view chars = kAsciiSpace);

// Whether byte `c` continues a UTF-8 sequence (10xxxxxx).
constexpr bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
// `cut` moved back, not below `lo`, to the start of a UTF-8 sequence, so that s[lo, result) holds whole characters:
// cutting there splits no character. Returns `lo` when every byte after it up to `cut` continues a sequence (only in
// text that is not UTF-8). cut <= s.size().
size_t utf8_cut(std::string_view s, size_t cut, size_t lo = 0);
// `s` itself when at most `max_bytes` long; else its start, cut on a character boundary, with `marker` appended, at
// most `max_bytes` in all: for quoting a long text in a message.
std::string shorten_utf8(std::string_view s, size_t max_bytes, std::string_view marker = "...");

}  // namespace hs
