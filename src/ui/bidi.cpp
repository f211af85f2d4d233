// Right-to-left text on the canvas (docs/text.md): Hebrew and Arabic drawn in visual order, Arabic letters joined.
//
// Dear ImGui draws a string's code points left to right as they come. Before a string with right-to-left letters is
// drawn, ImFont::RenderText (patched by scripts/imgui_patch.py) asks visual_text() for it in visual order:
//   1. lines are wrapped first, exactly as ImGui would (CalcWordWrapPositionA), so each visual line keeps its words;
//   2. Arabic letters take their contextual forms (isolated, initial, medial, final, and the lam-alef ligatures), from
//      Unicode's presentation forms (generated from UnicodeData.txt by scripts/gen_arabic_forms.py);
//   3. each line is reordered by a reduced form of the Unicode bidirectional algorithm: the paragraph takes the
//      direction of its first strong letter; right-to-left letters, left-to-right letters and numbers form runs;
//      spaces and punctuation take the direction of the letters on both sides, else the paragraph's; runs are
//      reversed by level (rule L2), and brackets in right-to-left runs are mirrored.
// This is not full shaping (no mark positioning, no kashida, no explicit embeddings): the text stays legible. What
// the user edits, the read view and the exports are the exact text, laid out by the browser.
#include "bidi.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/text.h"
#include "imgui.h"
#include "imgui_internal.h"

extern bool (*GImFontVisualText)(const ImFont* font, float size, const char* text_begin, const char* text_end,
                                 float wrap_width, const char** out_begin, const char** out_end);

namespace hs::ui {
namespace bidi_data {
extern const uint16_t kArabicForms[][5];
extern const int kArabicFormsCount;
extern const uint16_t kLamAlef[][3];
extern const int kLamAlefCount;
}  // namespace bidi_data

namespace {

enum Cls : uint8_t { kL, kR, kEN, kNSM, kN };

bool is_rtl(uint32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
           (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}
bool is_mark(uint32_t c) {  // Hebrew points and Arabic harakat: they follow their letter
    return (c >= 0x0591 && c <= 0x05BD) || c == 0x05BF || c == 0x05C1 || c == 0x05C2 || c == 0x05C4 || c == 0x05C5 ||
           c == 0x05C7 || (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
           (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 || c == 0x06E8 ||
           (c >= 0x06EA && c <= 0x06ED) || (c >= 0x0300 && c <= 0x036F);
}
bool is_digit(uint32_t c) {
    return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}
bool is_neutral(uint32_t c) {
    if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    return c == 0xA0 || (c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 || c == 0xF7 ||
           (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3020) ||
           (c >= 0xFE50 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFF0F) || c == 0x060C || c == 0x061B ||
           c == 0x061F || c == 0x066A || c == 0x066B || c == 0x066C || c == 0x06D4;
}
Cls classify(uint32_t c) {
    if (is_mark(c)) return kNSM;
    if (is_digit(c)) return kEN;
    // Arabic punctuation sits in the right-to-left block but behaves as punctuation.
    if (is_neutral(c)) return kN;
    if (is_rtl(c)) return kR;
    return kL;
}

uint32_t mirror(uint32_t c) {
    switch (c) {
        case '(': return ')';
        case ')': return '(';
        case '[': return ']';
        case ']': return '[';
        case '{': return '}';
        case '}': return '{';
        case '<': return '>';
        case '>': return '<';
        case 0xAB: return 0xBB;
        case 0xBB: return 0xAB;
        default: return c;
    }
}

void decode(const char* b, const char* e, std::vector<uint32_t>& out) {
    out.clear();
    const unsigned char* s = reinterpret_cast<const unsigned char*>(b);
    const unsigned char* end = reinterpret_cast<const unsigned char*>(e);
    while (s < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, reinterpret_cast<const char*>(s), reinterpret_cast<const char*>(end));
        s += n > 0 ? n : 1;
        out.push_back(c);
    }
}


// [isolated, final, initial, medial] of an Arabic letter, or null.
const uint16_t* forms_of(uint32_t c) {
    int lo = 0, hi = bidi_data::kArabicFormsCount - 1;
    while (lo <= hi) {
        const int mid = (lo + hi) / 2;
        const uint32_t b = bidi_data::kArabicForms[mid][0];
        if (b == c) return &bidi_data::kArabicForms[mid][1];
        if (b < c) lo = mid + 1;
        else hi = mid - 1;
    }
    return nullptr;
}
bool joins_forward(uint32_t c) {  // dual-joining (has an initial form), or tatweel
    if (c == 0x0640) return true;
    const uint16_t* f = forms_of(c);
    return f && f[2] != 0;
}
bool joins_back(uint32_t c) {  // any joining letter (has a final form), or tatweel
    if (c == 0x0640) return true;
    const uint16_t* f = forms_of(c);
    return f && f[1] != 0;
}

// Arabic contextual forms, in logical order.
void shape(std::vector<uint32_t>& t) {
    std::vector<uint32_t> out;
    out.reserve(t.size());
    auto prev_letter = [&](size_t i) -> uint32_t {  // the letter before i, skipping marks
        while (i > 0) {
            --i;
            if (!is_mark(t[i])) return t[i];
        }
        return 0;
    };
    auto next_index = [&](size_t i) -> size_t {
        ++i;
        while (i < t.size() && is_mark(t[i])) ++i;
        return i;
    };
    for (size_t i = 0; i < t.size(); ++i) {
        const uint32_t c = t[i];
        const uint16_t* f = forms_of(c);
        if (!f) {
            out.push_back(c);
            continue;
        }
        const bool back = joins_back(c) && joins_forward(prev_letter(i));
        const size_t n = next_index(i);
        if (c == 0x0644 && n < t.size()) {  // lam + alef: one ligature
            for (int k = 0; k < bidi_data::kLamAlefCount; ++k)
                if (bidi_data::kLamAlef[k][0] == t[n]) {
                    const uint16_t lig = back ? bidi_data::kLamAlef[k][2] : bidi_data::kLamAlef[k][1];
                    if (lig) {
                        out.push_back(lig);
                        for (size_t m = i + 1; m < n; ++m) out.push_back(t[m]);  // the lam's marks
                        i = n;
                        goto next;
                    }
                }
        }
        {
            const bool fwd = joins_forward(c) && n < t.size() && joins_back(t[n]);
            uint16_t form = back && fwd ? f[3] : back ? f[1] : fwd ? f[2] : f[0];
            if (!form) form = back ? f[1] : f[0];
            out.push_back(form ? form : c);
        }
    next:;
    }
    t.swap(out);
}

// Reorders one line (logical -> visual) by the reduced algorithm described at the top.
void reorder(std::vector<uint32_t>& t) {
    const size_t n = t.size();
    if (n == 0) return;
    std::vector<Cls> cls(n);
    for (size_t i = 0; i < n; ++i) {
        cls[i] = classify(t[i]);
        if (cls[i] == kNSM) cls[i] = i > 0 ? cls[i - 1] : kN;
    }
    // A separator between two digits belongs to the number ("14:02", "1,320", "2.5"); so do a sign or unit next to
    // digits ("-3", "50%"): rules W4 and W5.
    for (size_t i = 0; i < n; ++i) {
        if (cls[i] != kN) continue;
        const uint32_t c = t[i];
        const bool prev_en = i > 0 && cls[i - 1] == kEN, next_en = i + 1 < n && cls[i + 1] == kEN;
        if ((c == ':' || c == ',' || c == '.' || c == '/' || c == 0x066B || c == 0x066C) && prev_en && next_en)
            cls[i] = kEN;
        else if ((c == '%' || c == '$' || c == '#' || c == 0x20AC || c == 0x066A || c == 0xB0) && (prev_en || next_en))
            cls[i] = kEN;
        else if ((c == '+' || c == '-' || c == 0x2212) && next_en)
            cls[i] = kEN;
    }
    int base = 0;
    for (Cls c : cls)
        if (c == kL || c == kR) {
            base = c == kR ? 1 : 0;
            break;
        }
    // Numbers after right-to-left letters (or at the start of a right-to-left paragraph) count as right-to-left
    // for the neutrals around them, and are drawn left to right inside (one level up).
    std::vector<int> dir(n, -1);  // 0 LTR, 1 RTL, -1 neutral (resolved below)
    int last_strong = base;
    for (size_t i = 0; i < n; ++i) {
        if (cls[i] == kL) dir[i] = last_strong = 0;
        else if (cls[i] == kR) dir[i] = last_strong = 1;
        else if (cls[i] == kEN) dir[i] = last_strong == 1 ? 1 : 0;
    }
    for (size_t i = 0; i < n; ++i) {
        if (dir[i] != -1) continue;
        size_t j = i;
        while (j < n && dir[j] == -1) ++j;
        const int before = i > 0 ? dir[i - 1] : base, after = j < n ? dir[j] : base;
        const int d = before == after ? before : base;
        for (size_t k = i; k < j; ++k) dir[k] = d;
        i = j - 1;
    }
    std::vector<int> level(n);
    for (size_t i = 0; i < n; ++i) {
        if (cls[i] == kEN && dir[i] == 1) level[i] = 2;  // a number inside right-to-left text reads left to right
        else if (dir[i] == 1) level[i] = 1;
        else level[i] = base == 1 ? 2 : 0;
    }
    for (size_t i = 0; i < n; ++i)
        if (level[i] & 1) t[i] = mirror(t[i]);
    const int top = *std::max_element(level.begin(), level.end());
    for (int lv = top; lv >= 1; --lv) {
        for (size_t i = 0; i < n;) {
            if (level[i] < lv) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j < n && level[j] >= lv) ++j;
            std::reverse(t.begin() + static_cast<ptrdiff_t>(i), t.begin() + static_cast<ptrdiff_t>(j));
            std::reverse(level.begin() + static_cast<ptrdiff_t>(i), level.begin() + static_cast<ptrdiff_t>(j));
            i = j;
        }
    }
}

bool has_rtl_bytes(const char* b, const char* e) {
    for (const unsigned char* s = reinterpret_cast<const unsigned char*>(b); s < reinterpret_cast<const unsigned char*>(e);
         ++s)
        if ((*s >= 0xD6 && *s <= 0xDF) || *s == 0xEF || *s == 0xF0) return true;
    return false;
}

bool visual_text(const ImFont* font, float size, const char* b, const char* e, float wrap_width, const char** ob,
                 const char** oe) {
    if (!has_rtl_bytes(b, e)) return false;
    static std::vector<uint32_t> cps;
    decode(b, e, cps);
    if (std::none_of(cps.begin(), cps.end(), [](uint32_t c) { return is_rtl(c) && !is_neutral(c); })) return false;
    static std::string out;
    out.clear();
    const float scale = size / font->FontSize;
    std::vector<uint32_t> line;
    const char* s = b;
    while (s < e) {
        const char* eol = static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(e - s)));
        if (!eol) eol = e;
        // Wrapped as RenderText would wrap it: each visual line ends where CalcWordWrapPositionA says, and the blanks
        // after a wrap are skipped.
        const char* p = s;
        do {
            const char* stop = eol;
            if (wrap_width > 0) {
                stop = font->CalcWordWrapPositionA(scale, p, eol, wrap_width);
                if (stop == p && p < eol) ++stop;  // at least one byte a line: a character wider than the width
                while (stop < eol && (static_cast<unsigned char>(*stop) & 0xC0) == 0x80) ++stop;
            }
            decode(p, stop, line);
            shape(line);
            reorder(line);
            for (uint32_t c : line) utf8_append(out, c);
            p = stop;
            if (p < eol) {
                out += '\n';
                while (p < eol && (*p == ' ' || *p == '\t')) ++p;
            }
        } while (p < eol);
        if (eol < e) out += '\n';
        s = eol + 1;
    }
    *ob = out.data();
    *oe = out.data() + out.size();
    return true;
}

}  // namespace

void install_bidi() { GImFontVisualText = visual_text; }

std::string visual_line(const std::string& logical) {
    std::vector<uint32_t> t;
    decode(logical.data(), logical.data() + logical.size(), t);
    shape(t);
    reorder(t);
    std::string out;
    for (uint32_t c : t) utf8_append(out, c);
    return out;
}

}  // namespace hs::ui
