#!/usr/bin/env python3
"""Copies Dear ImGui's imgui_draw.cpp with four changes for Hindsight, made at build time (nothing of Dear ImGui is
committed; the source is Debian's, unpacked into third_party/).

  python3 scripts/imgui_patch.py SRC OUT [--keep-default-font]

1. The embedded ProggyClean font data is emptied (about 12 KB of the wasm). Dear ImGui 1.86 has no
   IMGUI_DISABLE_DEFAULT_FONT; later versions do exactly this. Hindsight always adds its own fonts before the atlas
   is built, so AddFontDefault() is never called.
2. Glyphs on demand: when text needs a code point that the atlas has no glyph for, ImGui 1.86 silently uses the
   fallback glyph ('?'). The patched lookups first call `GImFontGlyphMiss(font, codepoint)` (defined here, set by
   src/ui/glyphs.cpp), which may rasterise the glyph and add it to the font; the lookup then finds it. This covers
   drawing (ImFont::FindGlyph) and measuring (CalcTextSizeA, CalcWordWrapPositionA), so layout and drawing agree.
3. Chinese and Japanese lines may break after any ideograph or kana (CalcWordWrapPositionA).
4. Right-to-left text is drawn in visual order: ImFont::RenderText asks `GImFontVisualText` (src/ui/bidi.cpp).

Each change must find what it replaces, or the build fails: a different ImGui version needs this script checked.
"""
import os
import sys

FIND_GLYPH_OLD = """const ImFontGlyph* ImFont::FindGlyph(ImWchar c) const
{
    if (c >= (size_t)IndexLookup.Size)
        return FallbackGlyph;
    const ImWchar i = IndexLookup.Data[c];
    if (i == (ImWchar)-1)
        return FallbackGlyph;
    return &Glyphs.Data[i];
}"""

FIND_GLYPH_NEW = """bool (*GImFontGlyphMiss)(ImFont* font, unsigned int codepoint) = NULL;  // scripts/imgui_patch.py
bool (*GImFontVisualText)(const ImFont* font, float size, const char* text_begin, const char* text_end, float wrap_width,
                          const char** out_begin, const char** out_end) = NULL;  // scripts/imgui_patch.py

static inline bool HsHasGlyph(const ImFont* f, unsigned int c)
{
    return c < (unsigned int)f->IndexLookup.Size && f->IndexLookup.Data[c] != (ImWchar)-1;
}

// The advance of `c`, asking for the glyph first when the font has none (scripts/imgui_patch.py).
static inline float HsAdvance(const ImFont* f, unsigned int c)
{
    if (HsHasGlyph(f, c) || (GImFontGlyphMiss && GImFontGlyphMiss(const_cast<ImFont*>(f), c) && HsHasGlyph(f, c)))
        return f->IndexAdvanceX.Data[c];
    return f->FallbackAdvanceX;
}

const ImFontGlyph* ImFont::FindGlyph(ImWchar c) const
{
    if (!HsHasGlyph(this, (unsigned int)c))
    {
        if (!GImFontGlyphMiss || !GImFontGlyphMiss(const_cast<ImFont*>(this), (unsigned int)c) || !HsHasGlyph(this, (unsigned int)c))
            return FallbackGlyph;
    }
    return &Glyphs.Data[IndexLookup.Data[c]];
}"""

# 4. Right-to-left text: ImFont::RenderText first asks `GImFontVisualText` (set by src/ui/bidi.cpp) for the text in
#    visual order (Hebrew and Arabic runs reversed, Arabic letters in their joined forms, lines already wrapped); when
#    it gives one, that is drawn unwrapped. Text without right-to-left letters is drawn as it is.
RENDER_OLD = """    if (!text_end)
        text_end = text_begin + strlen(text_begin); // ImGui:: functions generally already provides a valid text_end, so this is merely to handle direct calls.

    // Align to be pixel perfect"""
RENDER_NEW = """    if (!text_end)
        text_end = text_begin + strlen(text_begin); // ImGui:: functions generally already provides a valid text_end, so this is merely to handle direct calls.

    if (GImFontVisualText)  // right-to-left text in visual order (scripts/imgui_patch.py)
    {
        const char* vb = NULL;
        const char* ve = NULL;
        if (GImFontVisualText(this, size, text_begin, text_end, wrap_width, &vb, &ve))
        {
            text_begin = vb;
            text_end = ve;
            wrap_width = 0.0f;
        }
    }

    // Align to be pixel perfect"""

ADVANCE_OLD = "((int)c < IndexAdvanceX.Size ? IndexAdvanceX.Data[c] : FallbackAdvanceX)"
ADVANCE_NEW = "HsAdvance(this, c)"

# 3. Line breaks in Chinese and Japanese: ImGui wraps only at spaces and after some punctuation, so a paragraph
#    without spaces broke at the last Latin word and left most of each line empty. A line may now also break after
#    any ideograph, kana, CJK punctuation or fullwidth form, as in a browser (which also avoids starting a line with
#    closing punctuation such as 。 or 」; the canvas does not).
WRAP_OLD = "inside_word = (c != '.' && c != ',' && c != ';' && c != '!' && c != '?' && c != '\\\"');"
WRAP_NEW = ("inside_word = (c != '.' && c != ',' && c != ';' && c != '!' && c != '?' && c != '\\\"');\n"
            "            if (HsBreakAfter(c)) { inside_word = false; word_end = next_s; }  // scripts/imgui_patch.py")
BREAK_FN = """// A line may break after CJK ideographs, kana, CJK punctuation and fullwidth forms (scripts/imgui_patch.py).
static inline bool HsBreakAfter(unsigned int c)
{
    return (c >= 0x2E80 && c <= 0x303F) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3100 && c <= 0x31FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFF);
}
"""


def main():
    src, out = sys.argv[1], sys.argv[2]
    keep_font = "--keep-default-font" in sys.argv[3:]
    text = open(src, encoding="utf-8").read()
    if FIND_GLYPH_OLD not in text:
        sys.exit("imgui_patch: ImFont::FindGlyph is not as expected (another Dear ImGui version?)")
    # The helpers must be declared before their first use (CalcWordWrapPositionA comes before FindGlyph).
    text = text.replace(FIND_GLYPH_OLD, "")
    anchor = "void ImFont::BuildLookupTable()"
    if anchor not in text:
        sys.exit("imgui_patch: ImFont::BuildLookupTable not found")
    text = text.replace(anchor, FIND_GLYPH_NEW + "\n\n" + anchor, 1)
    n = text.count(ADVANCE_OLD)
    if n != 2:
        sys.exit(f"imgui_patch: expected 2 advance lookups (CalcWordWrapPositionA, CalcTextSizeA), found {n}")
    text = text.replace(ADVANCE_OLD, ADVANCE_NEW)
    if text.count(WRAP_OLD) != 1:
        sys.exit("imgui_patch: the word-wrap rule of CalcWordWrapPositionA is not as expected")
    text = text.replace(WRAP_OLD, WRAP_NEW).replace(FIND_GLYPH_NEW, FIND_GLYPH_NEW + "\n\n" + BREAK_FN, 1)
    if text.count(RENDER_OLD) != 1:
        sys.exit("imgui_patch: the start of ImFont::RenderText is not as expected")
    text = text.replace(RENDER_OLD, RENDER_NEW)

    if not keep_font:
        lines = text.split("\n")
        start = next((i for i, l in enumerate(lines)
                      if l.startswith("static const char proggy_clean_ttf_compressed_data_base85[")), None)
        end = None
        if start is not None:
            end = next((i for i in range(start + 1, len(lines)) if lines[i].rstrip().endswith('";')), None)
        if start is None or end is None:
            sys.exit("imgui_patch: the default font's data was not found")
        lines[start:end + 1] = ['static const char proggy_clean_ttf_compressed_data_base85[1] = "";'
                                '  // emptied by scripts/imgui_patch.py']
        text = "\n".join(lines)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
