// libFuzzer target: the text functions (core/text.h) on any bytes, valid UTF-8 or not, never crash, never read out
// of bounds, and keep their promises: grapheme clusters always advance, stay in bounds, end on code point boundaries
// and agree with grapheme_floor/ceil; find_ci's matches are whole code points whose folding is the needle's, and
// a piece of the text is always found; truncation gives a prefix that ends on a cluster boundary (and the one-pass
// cut by columns agrees with the cut by a width predicate); case folding is idempotent and compare_text is
// consistent with it.
//
// Input: byte 0 picks the mode. Bit 0 set: every later byte picks a piece from a palette of what makes text hard
// (combining marks, ZWJ, variation selectors, regional indicators, skin tones, Hangul jamo, Prepend and SpacingMark
// characters, letters whose folding is longer, CR LF, invalid bytes); otherwise the bytes are the text as they are.
// Bytes 1-4 choose a piece of the text to search for and a truncation limit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/text.h"

namespace {

const char* const kPalette[] = {
    "a", "Z", " ", "e", "S", "s", "k", "i", "I", ".", "'", "\r", "\n", "\t", "_", "0",
    "\xCC\x81",          // combining acute
    "\xCC\x88",          // combining diaeresis
    "\xE2\x80\x8D",      // ZWJ
    "\xE2\x80\x8C",      // ZWNJ
    "\xEF\xB8\x8F",      // VS16
    "\xEF\xB8\x8E",      // VS15
    "\xE2\x83\xA3",      // combining enclosing keycap
    "\xF0\x9F\x87\xAF",  // regional indicators J, P, U, A
    "\xF0\x9F\x87\xB5", "\xF0\x9F\x87\xBA", "\xF0\x9F\x87\xA6",
    "\xF0\x9F\x91\x8D",  // thumbs up
    "\xF0\x9F\x8F\xBD",  // skin tone
    "\xF0\x9F\x91\xA8", "\xF0\x9F\x91\xA9",  // man, woman
    "\xE2\x9D\xA4",      // heavy black heart (text presentation by default)
    "\xF0\x9F\x94\xA5",  // fire
    "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8",  // Hangul L, V, T
    "\xEA\xB0\x80", "\xEA\xB0\x81",                  // Hangul LV, LVT
    "\xD8\x80",          // ARABIC NUMBER SIGN (Prepend)
    "\xE0\xA4\xBF",      // DEVANAGARI VOWEL SIGN I (SpacingMark)
    "\xE0\xA4\x95",      // DEVANAGARI KA
    "\xC3\x9F", "\xE1\xBA\x9E",  // ß, ẞ
    "\xC4\xB0", "\xC4\xB1",      // İ, ı
    "\xCE\xA3", "\xCF\x83", "\xCF\x82",  // Σ σ ς
    "\xCE\x90", "\xE1\xBE\x88",  // ΐ, ᾈ (full foldings of three and two code points)
    "\xEF\xAC\x83",      // ﬃ
    "\xE2\x84\xAA",      // Kelvin sign
    "\xD0\x81", "\xD1\x91",      // Ё ё
    "\xE9\x9A\x9C", "\xE3\x80\x82", "\xEF\xBC\x81",  // 障 。 ！
    "\x80", "\xC3", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\xAF", "\xFF",  // invalid
};
constexpr size_t kPaletteSize = sizeof(kPalette) / sizeof(kPalette[0]);

bool valid_utf8(const std::string& s) {
    size_t len;
    for (size_t i = 0; i < s.size(); i += len)
        if (hs::utf8_decode(s, i, len) == hs::kReplacementChar && s.compare(i, 3, "\xEF\xBF\xBD") != 0) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 5 || size > 4096) return 0;
    std::string s;
    if (data[0] & 1) {
        for (size_t i = 5; i < size; ++i) s += kPalette[data[i] % kPaletteSize];
    } else {
        s.assign(reinterpret_cast<const char*>(data + 5), size - 5);
    }

    // Code points: a forward walk, and utf8_floor/utf8_prev agree with it at every byte.
    std::vector<bool> cp_start(s.size() + 1, false);
    size_t len;
    for (size_t i = 0; i < s.size(); i += len) {
        cp_start[i] = true;
        const uint32_t cp = hs::utf8_decode(s, i, len);
        if (len < 1 || len > 4 || i + len > s.size()) std::abort();
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) std::abort();
        std::string back;
        hs::utf8_append(back, cp);
        if (cp != hs::kReplacementChar && back != s.substr(i, len)) std::abort();
    }
    cp_start[s.size()] = true;
    for (size_t p = 0, last = 0; p < s.size(); ++p) {
        if (cp_start[p]) last = p;
        if (hs::utf8_floor(s, p) != last) std::abort();
        if (hs::utf8_prev(s, p + 1) != last) std::abort();
    }

    // Grapheme clusters: advance, stay in bounds, start on code points; floor and ceil agree with the walk.
    std::vector<size_t> bounds{0};
    for (size_t i = 0; i < s.size();) {
        const size_t n = hs::next_grapheme(s, i);
        if (n <= i || n > s.size()) std::abort();
        if (!cp_start[n]) std::abort();  // on a code point boundary, for valid input and for any other
        bounds.push_back(i = n);
    }
    const size_t step = s.size() > 512 ? s.size() / 256 : 1;
    for (size_t p = 0, k = 0; p <= s.size(); p += step) {
        while (k + 1 < bounds.size() && bounds[k + 1] <= p) ++k;
        if (hs::grapheme_floor(s, p) != bounds[k]) std::abort();
        const size_t ceil = bounds[k] == p ? p : bounds[k + 1];
        if (hs::grapheme_ceil(s, p) != ceil) std::abort();
    }
    auto on_boundary = [&](size_t n) {
        for (size_t b : bounds)
            if (b == n) return true;
        return false;
    };

    // Case folding: idempotent, valid UTF-8, and the order of compare_text is the order of the foldings.
    const std::string folded = hs::casefold(s);
    if (hs::casefold(folded) != folded) std::abort();
    if (!valid_utf8(folded)) std::abort();
    if (hs::compare_text(s, folded) != 0) std::abort();
    const std::string other = s.substr(0, s.size() / 2);
    const int c = hs::compare_text(s, other);
    if (c != -hs::compare_text(other, s)) std::abort();
    if ((c < 0) != (hs::casefold(s) < hs::casefold(other))) std::abort();

    // find_ci: a piece of the text (whole code points) is found at or before where it was taken, and so is its
    // folding; every match is whole code points whose folding is the needle's.
    size_t a = s.empty() ? 0 : (size_t(data[1]) << 8 | data[2]) % s.size();
    size_t b = a + data[3] % 24;
    while (a > 0 && !cp_start[a]) --a;
    if (b > s.size()) b = s.size();
    while (b < s.size() && !cp_start[b]) ++b;
    const std::string piece = s.substr(a, b - a);
    const std::string want = hs::casefold(piece);
    for (const std::string& needle : {piece, want}) {
        hs::TextMatch m = hs::find_ci(s, needle);
        if (needle.empty()) {
            if (!m || m.start != 0 || m.end != 0) std::abort();
            continue;
        }
        if (!m || m.start > a) std::abort();
        if (!hs::contains_ci(s, needle)) std::abort();
        for (int n = 0; m && n < 8; ++n) {
            if (m.end <= m.start || m.end > s.size() || !cp_start[m.start] || !cp_start[m.end]) std::abort();
            if (hs::casefold(s.substr(m.start, m.end - m.start)) != want) std::abort();
            m = hs::find_ci(s, needle, m.end);
        }
    }
    // Matches from any offset, even inside a code point, stay in bounds.
    const hs::TextMatch m = hs::find_ci(s, "\xC3\x9F", data[4] % (s.size() + 2));
    if (m && (m.end > s.size() || !cp_start[m.start] || !cp_start[m.end])) std::abort();

    // Truncation: a prefix that ends on a cluster boundary (no trailing spaces), then the ellipsis; within the limit.
    const size_t max = data[4] % 40;
    for (const std::string& t : {hs::truncate_to_bytes(s, max, "..."),
                                 hs::truncate_graphemes(s, [max](std::string_view v) {
                                     return hs::display_width(v, max) <= max;
                                 })}) {
        if (t == s) continue;
        const std::string ellipsis = t.size() >= 3 && t.compare(t.size() - 3, 3, "...") == 0 ? "..." : "\xE2\x80\xA6";
        if (t.size() < 3 || t.compare(t.size() - 3, 3, ellipsis) != 0) std::abort();
        const std::string prefix = t.substr(0, t.size() - 3);
        if (s.compare(0, prefix.size(), prefix) != 0 || !on_boundary(prefix.size())) std::abort();
        if (!prefix.empty() && (prefix.back() == ' ' || prefix.back() == '\t')) std::abort();
    }
    if (s.size() > max && max >= 3 && hs::truncate_to_bytes(s, max, "...").size() > max) std::abort();
    // The one-pass cut by columns is the predicate cut by display_width.
    if (hs::truncate_to_width(s, max) !=
        hs::truncate_graphemes(s, [max](std::string_view v) { return hs::display_width(v) <= max; }))
        std::abort();

    // Widths: a cluster is at most two columns and never wider than its bytes.
    const size_t w = hs::display_width(s);
    if (w > s.size() || w > 2 * (bounds.size() - 1)) std::abort();
    for (size_t i = 0; i + 1 < bounds.size(); ++i) {
        size_t l;
        const uint32_t cp = hs::utf8_decode(s, bounds[i], l);
        (void)hs::is_word_char(cp);
        (void)hs::joins_word(cp, 'a');
    }
    return 0;
}
