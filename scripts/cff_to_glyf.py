#!/usr/bin/env python3
"""Converts a CFF (PostScript-outline) font to TrueType outlines: cubic curves become quadratic ones (fontTools' cu2qu).

Usage: cff_to_glyf.py IN.otf OUT.ttf
Why: Dear ImGui rasterises its font atlas with stb_truetype, which interprets CFF charstrings several times slower than
it reads TrueType outlines. The atlas is built on the first frame, so this is startup time (bench/startup). The
approximation error is 8 font units (Inter has 2,816 per em: 0.2 px at 22 px on a 3x screen, under 0.1 px at 1x and 2x);
the font grows ~14 KB raw and not at all in gzip, and glyph names are dropped (post table format 3).
Run with Debian's interpreter (/usr/bin/python3), which has python3-fonttools.
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 8.0  # font units


def convert(src, dst):
    font = TTFont(src)
    if "CFF " not in font:
        sys.exit(f"{src} has no CFF outlines")
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # PostScript outlines run counter-clockwise, TrueType ones clockwise.
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    maxp = newTable("maxp")  # version 1.0 (TrueType); the counts are recomputed on save
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints", "maxContours",
                  "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(order)
    font["maxp"] = maxp
    font["post"].formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(dst)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    convert(sys.argv[1], sys.argv[2])
