// Text as people write it: UTF-8 code points, grapheme clusters (UAX #29), case folding (CaseFolding.txt), word
// characters of any script and display widths (UAX #11). The tables come from the Unicode Character Database at
// build time (scripts/gen_unicode.py); nothing here depends on the C locale.
//
// Every function takes any bytes: an invalid UTF-8 byte (a lone continuation byte, an overlong form, a surrogate, a
// code point above U+10FFFF, a cut sequence) is one code point U+FFFD of one byte, and nothing reads out of bounds.
// Offsets are byte offsets into the string passed in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hs {

constexpr uint32_t kReplacementChar = 0xFFFD;

// ---- UTF-8 ---------------------------------------------------------------------------------------------------------

// The code point at `pos` (pos < s.size()); `len` gets its length in bytes (1 for an invalid byte, read as U+FFFD).
uint32_t utf8_decode(std::string_view s, size_t pos, size_t& len);
// Appends `cp` as UTF-8 (U+FFFD for a surrogate or a value above U+10FFFF).
void utf8_append(std::string& out, uint32_t cp);
// The start of the code point that holds byte `pos` (pos itself when it starts one; s.size() when pos is past it).
size_t utf8_floor(std::string_view s, size_t pos);
// The start of the code point that ends just before `pos` (0 < pos <= s.size()).
size_t utf8_prev(std::string_view s, size_t pos);

// ---- grapheme clusters (UAX #29 extended grapheme clusters) --------------------------------------------------------

// The end of the grapheme cluster that starts at `pos` (s.size() at the end). Always > pos while pos < s.size().
size_t next_grapheme(std::string_view s, size_t pos);
// The last grapheme cluster boundary at or before `pos`, as if s were cut into clusters from its start (it looks back
// only as far as it must). s.size() for pos >= s.size().
size_t grapheme_floor(std::string_view s, size_t pos);
// The first grapheme cluster boundary at or after `pos`.
size_t grapheme_ceil(std::string_view s, size_t pos);

// `s` when fits(s); else its longest prefix that ends on a grapheme cluster boundary, without trailing spaces (nor
// a trailing Prepend character, which would join the ellipsis), for which fits(prefix + ellipsis) holds, with
// `ellipsis` appended (the ellipsis alone when no prefix fits). `fits` must be monotone (once false for a text,
// false for every longer one); it is called O(log n) times. The callable is passed as a plain function and a
// context, so that no std::function is compiled into the web build.
using TextPredicate = bool (*)(const void* context, std::string_view text);
std::string truncate_graphemes(const std::string& s, TextPredicate fits, const void* context,
                               std::string_view ellipsis = "\xE2\x80\xA6");
template <class Fits>
std::string truncate_graphemes(const std::string& s, const Fits& fits, std::string_view ellipsis = "\xE2\x80\xA6") {
    return truncate_graphemes(
        s, [](const void* c, std::string_view t) -> bool { return (*static_cast<const Fits*>(c))(t); }, &fits,
        ellipsis);
}
// The same with a limit in bytes: the result, ellipsis included, is at most max_bytes long (if the ellipsis fits).
std::string truncate_to_bytes(const std::string& s, size_t max_bytes, std::string_view ellipsis = "\xE2\x80\xA6");
// The same with a limit in display columns (display_width), in one pass over the clusters that fit.
std::string truncate_to_width(const std::string& s, size_t columns, std::string_view ellipsis = "\xE2\x80\xA6");

// ---- case folding --------------------------------------------------------------------------------------------------

// Simple case folding (statuses C and S): one code point to one ("Ё" -> "ё", "Σ" and "ς" -> "σ", "ẞ" -> "ß").
uint32_t casefold_simple(uint32_t cp);
// Full case folding (statuses C and F) of one code point into `out` (1 to 3 code points: "ß" -> "ss",
// "İ" -> "i" U+0307); returns how many.
int casefold_full(uint32_t cp, uint32_t out[3]);
// Full case folding of a text (invalid bytes become U+FFFD). casefold(casefold(x)) == casefold(x).
std::string casefold(std::string_view s);

// A match of find_ci: [start, end) in the searched text; start == npos when there is none.
struct TextMatch {
    size_t start = std::string::npos;
    size_t end = std::string::npos;
    explicit operator bool() const { return start != std::string::npos; }
};
// The first case-insensitive (full case folding) occurrence of `needle` in `hay` that starts at or after byte `from`.
// The offsets are into `hay` as it is, on code point boundaries: folding changes lengths ("STRASSE" matches "Straße",
// 7 bytes), and a match covers whole code points ("s" does not match half of "ß"). An empty needle matches at `from`.
TextMatch find_ci(std::string_view hay, std::string_view needle, size_t from = 0);
bool contains_ci(std::string_view hay, std::string_view needle);
// Orders texts for people, the same in every locale: by their full case foldings, code point by code point (which is
// UTF-8 byte order). <0, 0, >0 like strcmp; 0 when the foldings are equal ("Straße", "STRASSE"): callers break ties.
int compare_text(std::string_view a, std::string_view b);

// ---- character properties ------------------------------------------------------------------------------------------

// Letters, marks and digits of any script, connector punctuation ("_") and the join controls (ZWNJ, ZWJ): the
// characters of words (\w of UTS #18).
bool is_word_char(uint32_t cp);
// Whether `neighbour`, directly before or after `edge`, is part of the same word: a character outside a match
// that joins the match's edge character means the match cuts a word. It joins when it is a word character and
// either a mark (which belongs to whatever precedes it) or, with `edge`, not a wide East Asian character: Han and
// Kana are written without spaces between words and Korean particles attach to any word, so a wide letter is a word
// of its own, and "blamed" next to 障害 is a whole word while "blamed" inside a Cyrillic word is not.
bool joins_word(uint32_t neighbour, uint32_t edge);
// Columns of one code point in a monospace terminal: 0 for controls, marks, ZWJ, variation selectors and Hangul
// medial/final jamo; 2 for East Asian Wide and Fullwidth and emoji presentation; 1 otherwise.
int codepoint_width(uint32_t cp);
// Columns of a text, grapheme cluster by cluster: a cluster is as wide as its widest code point, a flag (a regional
// indicator pair) and an emoji with U+FE0F or a keycap are 2 ("👨‍👩‍👧" is 2, "e" U+0301 is 1, "障害対応" is 8).
// With `stop_after`, counting stops once the total is above it (for "does it fit" on a long text).
size_t display_width(std::string_view s, size_t stop_after = SIZE_MAX);

// The version of the Unicode Character Database the tables were made from.
const char* unicode_version();

}  // namespace hs
