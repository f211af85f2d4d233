// Text as people write it: see text.h. The tables are generated from the Unicode Character Database at build time
// (scripts/gen_unicode.py) in a compact form, and unpacked once into sorted arrays for binary search.
#include "text.h"

#include <algorithm>

#include "unicode_tables.h"  // generated into the build folder

namespace hs {

namespace {

// Grapheme_Cluster_Break values, as numbered by scripts/gen_unicode.py.
enum Gb : uint8_t { Other, CR, LF, Control, Extend, ZWJ, RI, Prepend, SpacingMark, L, V, T, LV, LVT };
constexpr uint8_t kGbMask = 15, kExtPict = 16, kWide = 32, kWord = 64;

struct Tables {
    uint32_t range_first[ucd::kRangeCount];  // the class ranges
    uint8_t range_class[ucd::kRangeCount];
    uint32_t run_first[ucd::kFoldRunCount];  // simple case folding
    uint32_t run_last[ucd::kFoldRunCount];
    int32_t run_delta[ucd::kFoldRunCount];   // odd: every other code point (stride 2); the delta is run_delta >> 1
    uint32_t full_from[ucd::kFoldFullCount];  // full case folding
    uint16_t full_to[ucd::kFoldFullCount][3];
    uint8_t ascii[128];                       // the classes of ASCII, without a search
};

uint32_t leb128(const uint8_t*& p) {
    uint32_t v = 0;
    for (unsigned shift = 0;; shift += 7) {
        const uint8_t b = *p++;
        v |= uint32_t(b & 0x7F) << shift;
        if (!(b & 0x80)) return v;
    }
}

// The index of the last element <= v in a sorted array whose first element is <= v (or 0).
size_t last_le(const uint32_t* a, size_t n, uint32_t v) {
    size_t lo = 0;
    while (n > 1) {
        const size_t half = n / 2;
        if (a[lo + half] <= v) lo += half;
        n -= half;
    }
    return lo;
}

const Tables& tables() {
    static const Tables* const t = [] {
        static Tables u;
        const uint8_t* d = ucd::kRangeDeltas;
        uint32_t cp = 0;
        for (unsigned i = 0; i < ucd::kRangeCount; ++i) {
            u.range_first[i] = cp += leb128(d);
            u.range_class[i] = ucd::kClasses[ucd::kRangeClasses[i]];
        }
        for (uint32_t c = 0; c < 128; ++c) u.ascii[c] = u.range_class[last_le(u.range_first, ucd::kRangeCount, c)];
        d = ucd::kFoldRuns;
        cp = 0;
        for (unsigned i = 0; i < ucd::kFoldRunCount; ++i) {
            u.run_first[i] = cp += leb128(d);
            const uint32_t n = leb128(d), z = leb128(d);
            u.run_last[i] = cp + (n >> 1) * ((n & 1) + 1);
            // The delta (zigzag-coded), shifted to make room for the stride bit.
            u.run_delta[i] = int32_t(uint32_t((int32_t(z >> 1) ^ -int32_t(z & 1))) << 1 | (n & 1));
        }
        d = ucd::kFoldFull;
        cp = 0;
        for (unsigned i = 0; i < ucd::kFoldFullCount; ++i) {
            u.full_from[i] = cp += leb128(d);
            for (uint16_t& o : u.full_to[i]) o = static_cast<uint16_t>(leb128(d));
        }
        return &u;
    }();
    return *t;
}

uint8_t cls(uint32_t cp) {
    const Tables& t = tables();
    if (cp < 128) return t.ascii[cp];
    uint8_t k = t.range_class[last_le(t.range_first, ucd::kRangeCount, cp)];
    if ((k & kGbMask) == LV && (cp - 0xAC00) % 28 != 0) k = static_cast<uint8_t>((k & ~kGbMask) | LVT);
    return k;
}

Gb gb(uint8_t k) { return static_cast<Gb>(k & kGbMask); }

int width_of(uint8_t k) {
    switch (gb(k)) {
        case CR: case LF: case Control: case Extend: case ZWJ: case V: case T: return 0;
        default: return (k & kWide) ? 2 : 1;
    }
}

bool cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// The rules of UAX #29 that need only the two code points. Depends: GB11 and GB12/13, which look further back.
enum class Pair { Break, Keep, Depends };
Pair pair_rule(uint8_t ka, uint8_t kb) {
    const Gb a = gb(ka), b = gb(kb);
    if (a == CR && b == LF) return Pair::Keep;                                    // GB3
    if (a == CR || a == LF || a == Control) return Pair::Break;                   // GB4
    if (b == CR || b == LF || b == Control) return Pair::Break;                   // GB5
    if (a == L && (b == L || b == V || b == LV || b == LVT)) return Pair::Keep;   // GB6
    if ((a == LV || a == V) && (b == V || b == T)) return Pair::Keep;             // GB7
    if ((a == LVT || a == T) && b == T) return Pair::Keep;                        // GB8
    if (b == Extend || b == ZWJ || b == SpacingMark) return Pair::Keep;           // GB9, GB9a
    if (a == Prepend) return Pair::Keep;                                          // GB9b
    if ((a == ZWJ && (kb & kExtPict)) || (a == RI && b == RI)) return Pair::Depends;  // GB11, GB12/13
    return Pair::Break;                                                           // GB999
}

size_t cp_ceil(std::string_view s, size_t pos) {
    if (pos >= s.size()) return s.size();
    const size_t f = utf8_floor(s, pos);
    if (f == pos) return pos;
    size_t len;
    utf8_decode(s, f, len);
    return f + len;
}

// Full case folding, one code point at a time, as a stream.
struct FoldCursor {
    std::string_view s;
    size_t pos = 0;
    uint32_t buf[3] = {0, 0, 0};
    int n = 0, k = 0;
    explicit FoldCursor(std::string_view text) : s(text) {}
    bool next(uint32_t& cp) {
        if (k == n) {
            if (pos >= s.size()) return false;
            size_t len;
            n = casefold_full(utf8_decode(s, pos, len), buf);
            pos += len;
            k = 0;
        }
        cp = buf[k++];
        return true;
    }
};

}  // namespace

// ---- UTF-8 ---------------------------------------------------------------------------------------------------------

uint32_t utf8_decode(std::string_view s, size_t pos, size_t& len) {
    len = 1;
    if (pos >= s.size()) return kReplacementChar;
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) return c;
    const size_t n = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (n == 0 || s.size() - pos < n) return kReplacementChar;
    uint32_t cp = c & (0x7Fu >> n);
    for (size_t k = 1; k < n; ++k) {
        const unsigned char b = static_cast<unsigned char>(s[pos + k]);
        if (!cont(b)) return kReplacementChar;
        cp = cp << 6 | (b & 0x3F);
    }
    // Overlong forms, surrogates and values above U+10FFFF are not well-formed (Unicode chapter 3, table 3-7).
    if (cp < (n == 2 ? 0x80u : n == 3 ? 0x800u : 0x10000u) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return kReplacementChar;
    len = n;
    return cp;
}

void utf8_append(std::string& out, uint32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | cp >> 6);
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | cp >> 12);
        out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | cp >> 18);
        out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
        out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

size_t utf8_floor(std::string_view s, size_t pos) {
    if (pos >= s.size()) return s.size();
    if (!cont(static_cast<unsigned char>(s[pos]))) return pos;
    return utf8_prev(s, pos + 1);
}

size_t utf8_prev(std::string_view s, size_t pos) {
    if (pos == 0) return 0;
    if (pos > s.size()) pos = s.size();
    // A lead byte up to three bytes back whose well-formed sequence reaches byte pos - 1 starts that code point;
    // otherwise byte pos - 1 is a code point of its own (ASCII, a lead byte, or an invalid byte).
    for (size_t back = 1; back <= 4 && back <= pos; ++back) {
        const size_t r = pos - back;
        if (cont(static_cast<unsigned char>(s[r]))) continue;
        size_t len;
        utf8_decode(s, r, len);
        return r + len >= pos ? r : pos - 1;
    }
    return pos - 1;
}

// ---- grapheme clusters ---------------------------------------------------------------------------------------------

size_t next_grapheme(std::string_view s, size_t pos) {
    if (pos >= s.size()) return s.size();
    size_t len;
    const uint32_t first = utf8_decode(s, pos, len);
    size_t i = pos + len;
    // The end, or ASCII other than CR followed by ASCII: always a boundary.
    if (i >= s.size() || (first < 0x80 && first != '\r' && static_cast<unsigned char>(s[i]) < 0x80)) return i;
    uint8_t a = cls(first);
    bool pict = a & kExtPict;  // the cluster ends with Extended_Pictographic Extend*
    bool pict_zwj = false;     // ... Extended_Pictographic Extend* ZWJ
    unsigned ri = gb(a) == RI;  // regional indicators in a row at the end of the cluster
    while (i < s.size()) {
        const uint8_t b = cls(utf8_decode(s, i, len));
        const Pair r = pair_rule(a, b);
        if (r == Pair::Break) break;
        if (r == Pair::Depends && !(gb(a) == RI ? ri % 2 == 1 : pict_zwj)) break;
        pict_zwj = gb(b) == ZWJ && pict;
        pict = (b & kExtPict) || (pict && gb(b) == Extend);
        ri = gb(b) == RI ? ri + 1 : 0;
        a = b;
        i += len;
    }
    return i;
}

size_t grapheme_floor(std::string_view s, size_t pos) {
    if (pos >= s.size()) return s.size();
    if (pos == 0) return 0;
    const unsigned char x = static_cast<unsigned char>(s[pos - 1]), y = static_cast<unsigned char>(s[pos]);
    if (x < 0x80 && y < 0x80 && !(x == '\r' && y == '\n')) return pos;  // two ASCII characters: always a boundary
    // Back to a boundary that holds whatever comes before it (two code points that the pair rules always part),
    // then forward cluster by cluster.
    size_t start = utf8_floor(s, pos);
    size_t len;
    uint8_t b = cls(utf8_decode(s, start, len));
    while (start > 0) {
        const size_t p = utf8_prev(s, start);
        const uint8_t a = cls(utf8_decode(s, p, len));
        if (pair_rule(a, b) == Pair::Break) break;
        start = p;
        b = a;
    }
    for (;;) {
        const size_t next = next_grapheme(s, start);
        if (next > pos) return start;
        start = next;
    }
}

size_t grapheme_ceil(std::string_view s, size_t pos) {
    const size_t f = grapheme_floor(s, pos);
    return f >= pos ? f : next_grapheme(s, f);
}

namespace {
// s up to n, then the ellipsis.
std::string prefix_and(std::string_view s, size_t n, std::string_view ellipsis) {
    std::string out;
    out.reserve(n + ellipsis.size());
    return out.append(s.substr(0, n)).append(ellipsis);
}

// The prefix of s up to n, back to a grapheme cluster boundary, without trailing spaces, and without a trailing
// Prepend character (it belongs to what follows it, and would join the ellipsis).
size_t cut_at(std::string_view s, size_t n) {
    for (;;) {
        n = grapheme_floor(s, n);
        if (n == 0) return 0;
        if (s[n - 1] == ' ' || s[n - 1] == '\t') {
            --n;  // (a space can end a cluster that a Prepend character starts: floor again)
            continue;
        }
        const size_t p = utf8_prev(s, n);
        size_t len;
        if (static_cast<unsigned char>(s[n - 1]) < 0x80 || gb(cls(utf8_decode(s, p, len))) != Prepend) return n;
        n = p;
    }
}
}  // namespace

std::string truncate_graphemes(const std::string& s, TextPredicate fits, const void* context,
                               std::string_view ellipsis) {
    if (fits(context, s)) return s;
    std::string out;
    auto ok = [&](size_t n) {
        out.assign(s, 0, cut_at(s, n));  // (the capacity stays from one try to the next)
        out += ellipsis;
        return fits(context, out);
    };
    // The longest n whose cut fits with the ellipsis (or 0): galloping from the start, so that the cost follows the
    // length of the result, not of the text (a title can be a megabyte), then bisection.
    size_t lo = 0, hi = s.size();
    for (size_t n = 16; n < s.size(); n *= 2) {
        if (!ok(n)) {
            hi = n - 1;
            break;
        }
        lo = n;
    }
    while (lo < hi) {
        const size_t mid = lo + (hi - lo + 1) / 2;
        if (ok(mid)) lo = mid;
        else hi = mid - 1;
    }
    ok(lo);
    return out;
}

std::string truncate_to_bytes(const std::string& s, size_t max_bytes, std::string_view ellipsis) {
    return truncate_graphemes(s, [max_bytes](std::string_view t) { return t.size() <= max_bytes; }, ellipsis);
}

// ---- case folding --------------------------------------------------------------------------------------------------

uint32_t casefold_simple(uint32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    const Tables& t = tables();
    const size_t r = last_le(t.run_first, ucd::kFoldRunCount, cp);
    const int32_t d = t.run_delta[r];
    if (cp < t.run_first[r] || cp > t.run_last[r] || ((d & 1) && (cp - t.run_first[r]) % 2)) return cp;
    return static_cast<uint32_t>(static_cast<int32_t>(cp) + (d >> 1));
}

int casefold_full(uint32_t cp, uint32_t out[3]) {
    if (cp >= 0xDF && cp <= 0xFFFF) {  // where the full foldings are (ß is the first)
        const Tables& t = tables();
        const size_t e = last_le(t.full_from, ucd::kFoldFullCount, cp);
        if (t.full_from[e] == cp) {
            int n = 0;
            for (uint16_t o : t.full_to[e])
                if (o) out[n++] = o;
            return n;
        }
    }
    out[0] = casefold_simple(cp);
    return 1;
}

std::string casefold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    FoldCursor c(s);
    uint32_t cp;
    while (c.next(cp)) utf8_append(out, cp);
    return out;
}

TextMatch find_ci(std::string_view hay, std::string_view needle, size_t from) {
    if (from > hay.size()) return {};
    from = cp_ceil(hay, from);
    if (needle.empty()) return {from, from};
    const std::string want = casefold(needle);
    size_t len;
    const uint32_t first = utf8_decode(want, 0, len);
    for (size_t i = from; i < hay.size(); i += len) {
        // A quick look at the first code point's folding (ASCII without a table) before the whole comparison.
        const unsigned char c = static_cast<unsigned char>(hay[i]);
        uint32_t f[3];
        if (c < 0x80) len = 1, f[0] = c >= 'A' && c <= 'Z' ? c + 32u : c;
        else casefold_full(utf8_decode(hay, i, len), f);
        if (f[0] != first) continue;
        // The code points from i, folded, must spell the needle's folding, each one whole.
        FoldCursor h(hay.substr(i));
        size_t k = 0;
        uint32_t cp;
        while (h.next(cp)) {
            size_t l;
            if (utf8_decode(want, k, l) != cp) break;
            k += l;
            if (k == want.size()) {
                if (h.k != h.n) break;  // the needle ends inside the folding of one code point ("s" in "ß")
                return {i, i + h.pos};
            }
        }
    }
    return {};
}

bool contains_ci(std::string_view hay, std::string_view needle) { return static_cast<bool>(find_ci(hay, needle)); }

int compare_text(std::string_view a, std::string_view b) {
    FoldCursor x(a), y(b);
    for (;;) {
        uint32_t ca, cb;
        const bool ha = x.next(ca), hb = y.next(cb);
        if (!ha || !hb) return ha == hb ? 0 : ha ? 1 : -1;
        if (ca != cb) return ca < cb ? -1 : 1;
    }
}

// ---- character properties ------------------------------------------------------------------------------------------

bool is_word_char(uint32_t cp) { return cls(cp) & kWord; }

int codepoint_width(uint32_t cp) { return width_of(cls(cp)); }

bool joins_word(uint32_t neighbour, uint32_t edge) {
    if (!is_word_char(neighbour)) return false;
    const int n = codepoint_width(neighbour);
    return n == 0 || (n != 2 && codepoint_width(edge) != 2);
}

namespace {
// The columns of the grapheme cluster [i, end): its widest code point; 2 for a flag, and for an emoji with VS16 or a
// keycap.
int cluster_width(std::string_view s, size_t i, size_t end) {
    size_t len;
    const uint8_t k = cls(utf8_decode(s, i, len));
    int w = width_of(k);
    bool emoji_vs = false, keycap = false;
    for (size_t j = i + len; j < end; j += len) {
        const uint32_t cp = utf8_decode(s, j, len);
        w = std::max(w, codepoint_width(cp));
        emoji_vs = emoji_vs || cp == 0xFE0F;
        keycap = keycap || cp == 0x20E3;
    }
    return gb(k) == RI || (emoji_vs && ((k & kExtPict) || keycap)) ? 2 : w;
}

// The next grapheme cluster from i: its end, and its columns in `w`.
size_t next_cluster(std::string_view s, size_t i, int& w) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F && (i + 1 == s.size() || static_cast<unsigned char>(s[i + 1]) < 0x80)) {
        w = 1;  // printable ASCII not followed by a mark
        return i + 1;
    }
    const size_t end = next_grapheme(s, i);
    w = cluster_width(s, i, end);
    return end;
}
}  // namespace

size_t display_width(std::string_view s, size_t stop_after) {
    size_t total = 0;
    int w;
    for (size_t i = 0; i < s.size() && total <= stop_after; total += static_cast<size_t>(w)) i = next_cluster(s, i, w);
    return total;
}

std::string truncate_to_width(const std::string& s, size_t columns, std::string_view ellipsis) {
    // Printable ASCII, the common case, is a column a byte: when the first columns + 1 bytes are, it does not fit.
    size_t ascii = 0;
    while (ascii < s.size() && ascii <= columns && s[ascii] >= 0x20 && s[ascii] < 0x7F) ++ascii;
    if (ascii == s.size() && ascii <= columns) return s;
    const size_t ellipsis_width = display_width(ellipsis);
    const size_t room = columns < ellipsis_width ? 0 : columns - ellipsis_width;
    if (ascii > columns) {
        return prefix_and(s, cut_at(s, room), ellipsis);
    }
    size_t total = 0, fit = 0;  // fit: the longest prefix that leaves room for the ellipsis
    int w;
    for (size_t i = 0; i < s.size();) {
        i = next_cluster(s, i, w);
        total += static_cast<size_t>(w);
        if (total > columns) return prefix_and(s, cut_at(s, fit), ellipsis);
        if (total <= room && ellipsis_width <= columns) fit = i;  // (no room even for the ellipsis: it alone)
    }
    return s;
}

const char* unicode_version() { return ucd::kVersion; }

}  // namespace hs
