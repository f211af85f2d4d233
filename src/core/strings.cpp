#include "strings.h"

namespace hs {

std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = lower(c);
    return r;
}

std::string trim(std::string_view s, std::string_view chars) {
    const size_t b = s.find_first_not_of(chars);
    if (b == std::string_view::npos) return "";
    return std::string(s.substr(b, s.find_last_not_of(chars) - b + 1));
}

size_t utf8_cut(std::string_view s, size_t cut, size_t lo) {
    while (cut > lo && cut < s.size() && is_utf8_continuation(s[cut])) --cut;
    return cut;
}

std::string shorten_utf8(std::string_view s, size_t max_bytes, std::string_view marker) {
    if (s.size() <= max_bytes) return std::string(s);
    const size_t keep = max_bytes > marker.size() ? max_bytes - marker.size() : 0;
    std::string out(s.substr(0, utf8_cut(s, keep)));
    out += marker;
    return out;
}

}  // namespace hs
