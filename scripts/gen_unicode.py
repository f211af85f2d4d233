#!/usr/bin/env python3
"""Generates the core's Unicode tables (src/core/text.cpp) from the Unicode Character Database.

  python3 scripts/gen_unicode.py UCD_DIR OUT_HEADER

UCD_DIR is Debian's unicode-data package (/usr/share/unicode). Read from it:
  UnicodeData.txt                       General_Category (marks, digits, connector punctuation; unassigned)
  DerivedCoreProperties.txt             Alphabetic
  auxiliary/GraphemeBreakProperty.txt   Grapheme_Cluster_Break (UAX #29)
  emoji/emoji-data.txt                  Extended_Pictographic, Emoji_Presentation
  extracted/DerivedEastAsianWidth.txt   East_Asian_Width, with its @missing defaults (unassigned CJK blocks are W)
  CaseFolding.txt                       statuses C, S (simple folding) and F (full folding)

The output is one header of compact tables, which src/core/text.cpp unpacks once into sorted arrays for binary
search. Numbers are LEB128 (seven bits a byte, low bits first) and ascending values are stored as differences, which
keeps the web build small:
  kRangeDeltas, kRangeClasses   every code point range whose properties differ from the one before: its first code
      point (as the distance from the previous one) and its class (an index into kClasses: Grapheme_Cluster_Break,
      Extended_Pictographic, wide, word character). A range runs to the next one's first code point. The Hangul
      syllables are one range (LV or LVT is worked out in code, (cp - 0xAC00) % 28: about 800 ranges fewer), and an
      unassigned code point without properties of its own takes the class of the one before it (about 900 fewer).
  kFoldRuns   simple case folding (C + S) as runs that share one delta: every code point of the run (stride 1) or
      every other one (stride 2, the alternating upper/lower case blocks) maps to cp + delta.
  kFoldFull   full case folding (F): the source and up to three code points, all in the BMP (checked here).
Deterministic: the same data gives the same bytes.
"""
import os
import re
import sys

# Class bits (must match src/core/text.cpp): the Grapheme_Cluster_Break value in the low four bits, then flags.
GB = ["Other", "CR", "LF", "Control", "Extend", "ZWJ", "Regional_Indicator", "Prepend", "SpacingMark", "L", "V", "T",
      "LV", "LVT"]
GB_INDEX = {n: i for i, n in enumerate(GB)}
HANGUL_SYLLABLE = GB_INDEX["LV"]  # stands for the whole block AC00..D7A3 (LV or LVT, by arithmetic)
BIT_EXT_PICT = 1 << 4  # Extended_Pictographic
BIT_WIDE = 1 << 5      # East_Asian_Width W or F, or Emoji_Presentation: two columns
BIT_WORD = 1 << 6      # Alphabetic, a mark, a decimal digit, connector punctuation or a join control
MAX_CP = 0x10FFFF


def fail(msg):
    sys.exit(f"gen_unicode.py: {msg}")


def data_lines(path):
    """(fields, missing) for each data line: fields split at ';' without the comment; @missing lines apart."""
    if not os.path.exists(path):
        fail(f"{path} is missing: install Debian's unicode-data (python3 scripts/deps.py native)")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"#\s*@missing:\s*(.*)$", line)
            if m:
                yield [f.strip() for f in m.group(1).split(";")], True
                continue
            line = line.split("#", 1)[0].strip()
            if line:
                yield [f.strip() for f in line.split(";")], False


def cp_range(field):
    if ".." in field:
        a, b = field.split("..")
        return int(a, 16), int(b, 16)
    return int(field, 16), int(field, 16)


def leb128(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def zigzag(d):
    return (d << 1) ^ (-1 if d < 0 else 0)


def version_of(path):
    with open(path, encoding="utf-8") as fh:
        m = re.match(r"#\s*\S+-(\d+\.\d+\.\d+)\.txt", fh.readline())
    if not m:
        fail(f"{path}: no version in its first line")
    return m.group(1)


def main():
    if len(sys.argv) != 3:
        fail("usage: gen_unicode.py UCD_DIR OUT_HEADER")
    ucd, out = sys.argv[1], sys.argv[2]
    p = lambda *parts: os.path.join(ucd, *parts)
    version = version_of(p("CaseFolding.txt"))
    for other in ("DerivedCoreProperties.txt", os.path.join("auxiliary", "GraphemeBreakProperty.txt"),
                  os.path.join("extracted", "DerivedEastAsianWidth.txt")):
        if version_of(p(other)) != version:
            fail(f"{other} is version {version_of(p(other))}, CaseFolding.txt {version}: a mixed database")

    size = MAX_CP + 1
    gc = ["Cn"] * size
    first = None
    for f, missing in data_lines(p("UnicodeData.txt")):
        cp, name, cat = int(f[0], 16), f[1], f[2]
        if name.endswith(", First>"):
            first = cp
            continue
        if name.endswith(", Last>"):
            for c in range(first, cp + 1):
                gc[c] = cat
            first = None
            continue
        gc[cp] = cat

    alphabetic = bytearray(size)
    for f, missing in data_lines(p("DerivedCoreProperties.txt")):
        if not missing and f[1] == "Alphabetic":
            a, b = cp_range(f[0])
            alphabetic[a:b + 1] = b"\1" * (b - a + 1)

    gb = bytearray(size)  # Other unless listed
    for f, missing in data_lines(p("auxiliary", "GraphemeBreakProperty.txt")):
        if missing:
            continue
        a, b = cp_range(f[0])
        if f[1] not in GB_INDEX:
            fail(f"unknown Grapheme_Cluster_Break value {f[1]}")
        gb[a:b + 1] = bytes([GB_INDEX[f[1]]]) * (b - a + 1)

    emoji = {"Extended_Pictographic": bytearray(size), "Emoji_Presentation": bytearray(size)}
    for f, missing in data_lines(p("emoji", "emoji-data.txt")):
        if not missing and f[1] in emoji:
            a, b = cp_range(f[0])
            emoji[f[1]][a:b + 1] = b"\1" * (b - a + 1)

    eaw = ["N"] * size
    defaults, listed = [], []
    for f, missing in data_lines(p("extracted", "DerivedEastAsianWidth.txt")):
        (defaults if missing else listed).append(f)
    aliases = {"Neutral": "N", "Wide": "W", "Fullwidth": "F", "Halfwidth": "H", "Narrow": "Na", "Ambiguous": "A"}
    for f in defaults + listed:  # the @missing defaults first (in file order: general, then the CJK blocks)
        a, b = cp_range(f[0])
        v = aliases.get(f[1], f[1])
        for c in range(a, b + 1):
            eaw[c] = v

    # The class of every code point.
    classes = [0] * size
    for c in range(size):
        g = gb[c]
        if 0xAC00 <= c <= 0xD7A3:
            if g != (GB_INDEX["LV"] if (c - 0xAC00) % 28 == 0 else GB_INDEX["LVT"]):
                fail(f"U+{c:04X}: the Hangul syllable arithmetic does not match GraphemeBreakProperty.txt")
            g = HANGUL_SYLLABLE
        elif g in (GB_INDEX["LV"], GB_INDEX["LVT"]):
            fail(f"U+{c:04X}: LV/LVT outside the Hangul syllables block")
        k = g
        if emoji["Extended_Pictographic"][c]:
            k |= BIT_EXT_PICT
        if eaw[c] in ("W", "F") or emoji["Emoji_Presentation"][c]:
            k |= BIT_WIDE
        if alphabetic[c] or gc[c] in ("Mn", "Mc", "Me", "Nd", "Pc") or c in (0x200C, 0x200D):
            k |= BIT_WORD
        classes[c] = k
    # An unassigned code point with no property of its own (Other, not pictographic, not wide) takes the class of the
    # code point before it: the holes inside blocks stop splitting ranges (about 900 fewer). This only changes how
    # text with unassigned code points is cut; reserved pictographic code points and the wide CJK blocks keep theirs.
    for c in range(1, size):
        if gc[c] == "Cn" and classes[c] == 0:
            classes[c] = classes[c - 1]
    ranges = []
    for c in range(size):
        if c == 0 or classes[c] != classes[c - 1]:
            ranges.append((c, classes[c]))
    counts = {}
    for _, k in ranges:
        counts[k] = counts.get(k, 0) + 1
    kinds = sorted(counts, key=lambda k: (-counts[k], k))  # the most frequent first: small indexes compress better
    range_deltas, range_classes = bytearray(), bytearray()
    prev = 0
    for c, k in ranges:
        range_deltas += leb128(c - prev)
        range_classes.append(kinds.index(k))
        prev = c

    # Case folding.
    simple, full = {}, {}
    for f, missing in data_lines(p("CaseFolding.txt")):
        if missing:
            continue
        src, status, to = int(f[0], 16), f[1], [int(x, 16) for x in f[2].split()]
        if status in ("C", "S"):
            simple[src] = to[0]
        elif status == "F":
            full[src] = to
    runs = []  # [first, count, stride, delta]
    for src in sorted(simple):
        delta = simple[src] - src
        if runs:
            r = runs[-1]
            last = r[0] + (r[1] - 1) * r[2]
            if r[3] == delta and r[1] < 1024:
                if r[1] == 1 and src - last in (1, 2):
                    r[2] = src - last
                    r[1] += 1
                    continue
                if src - last == r[2]:
                    r[1] += 1
                    continue
        runs.append([src, 1, 1, delta])
    fold_bytes = bytearray()
    prev = 0
    for first, count, stride, delta in runs:
        fold_bytes += leb128(first - prev) + leb128((count - 1) << 1 | (stride == 2)) + leb128(zigzag(delta))
        prev = first
    full_bytes = bytearray()
    prev = 0
    for src, to in sorted(full.items()):
        if src > 0xFFFF or len(to) > 3 or any(t > 0xFFFF for t in to):
            fail(f"U+{src:04X}: full folding outside the BMP or longer than 3; widen the decoder in text.cpp")
        full_bytes += leb128(src - prev) + b"".join(leb128(t) for t in to + [0] * (3 - len(to)))
        prev = src

    def rows(values, per_line, fmt):
        items = [fmt(v) for v in values]
        return "\n".join("    " + " ".join(items[i:i + per_line]) for i in range(0, len(items), per_line))

    body = [
        f"// Generated by scripts/gen_unicode.py from the Unicode Character Database {version}. Do not edit.",
        "// Numbers are LEB128 (seven bits a byte, low bits first, high bit: more); see the script for the layout.",
        "#pragma once",
        "#include <cstdint>",
        "",
        "namespace hs::ucd {",
        "",
        f'constexpr char kVersion[] = "{version}";',
        "// The classes that occur: Grapheme_Cluster_Break in bits 0-3 (12: a Hangul syllable, LV or LVT), then",
        "// Extended_Pictographic (16), wide (32) and word character (64).",
        f"constexpr uint8_t kClasses[{len(kinds)}] = {{{', '.join(str(k) for k in kinds)}}};",
        "// Code point ranges, in two streams (they compress better apart): the distance from the previous range's",
        "// first code point, and the range's class as an index into kClasses. A range ends where the next begins.",
        f"constexpr unsigned kRangeCount = {len(ranges)};",
        f"constexpr uint8_t kRangeDeltas[{len(range_deltas)}] = {{",
        rows(range_deltas, 24, lambda v: f"{v},"),
        "};",
        f"constexpr uint8_t kRangeClasses[{len(range_classes)}] = {{",
        rows(range_classes, 24, lambda v: f"{v},"),
        "};",
        "// Simple case folding (C + S) in runs that share one delta: the distance from the previous run's first code",
        "// point, (count - 1) << 1 | (stride is 2), and the delta zigzag-coded ((d << 1) ^ (d >> 31)).",
        f"constexpr unsigned kFoldRunCount = {len(runs)};",
        f"constexpr uint8_t kFoldRuns[{len(fold_bytes)}] = {{",
        rows(fold_bytes, 24, lambda v: f"{v},"),
        "};",
        "// Full case folding (F), where it differs from the simple one: the distance from the previous source, then",
        "// three code points (0: none).",
        f"constexpr unsigned kFoldFullCount = {len(full)};",
        f"constexpr uint8_t kFoldFull[{len(full_bytes)}] = {{",
        rows(full_bytes, 24, lambda v: f"{v},"),
        "};",
        "",
        "}  // namespace hs::ucd",
        "",
    ]
    text = "\n".join(body)
    if not os.path.exists(out) or open(out, encoding="utf-8").read() != text:
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
        with open(out + ".tmp", "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(out + ".tmp", out)
    print(f"gen_unicode.py: Unicode {version}: {len(ranges)} ranges of {len(kinds)} classes "
          f"({len(range_deltas) + len(range_classes)} B), "
          f"{len(runs)} case folding runs ({len(fold_bytes)} B), {len(full)} full foldings ({len(full_bytes)} B)")


if __name__ == "__main__":
    main()
