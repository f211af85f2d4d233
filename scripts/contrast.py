#!/usr/bin/env python3
"""WCAG 2.2 contrast of the canvas's colour pairs, both themes, read from src/ui/theme.cpp.

Usage: scripts/contrast.py [--markdown] [--check]
  --markdown  print the table as Markdown (docs/accessibility.md keeps a copy)
  --check     exit 1 when a pair is below its AA minimum (4.5:1 text, 3:1 UI component boundaries)

The pairs are what the UI draws: each text colour on each surface it is drawn on (translucent fills, such as a
badge's tint or a hovered button, are composited over the surface below them first, as the GPU blends them).
"""
import re
import sys
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "src" / "ui"
THEME, WIDGETS = UI / "theme.cpp", UI / "widgets.cpp"
TEXT_MIN, UI_MIN = 4.5, 3.0


def parse(src):
    """{'light': {name: (r,g,b)}, 'dark': {...}} from set_palette, set_colours and the severity tables."""
    themes = {}
    body = src[src.index("void set_palette"):]
    dark_part = body[body.index("if (dark) {"):body.index("} else {")]
    light_part = body[body.index("} else {"):body.index("\n}\n")]
    for name, part in (("dark", dark_part), ("light", light_part)):
        themes[name] = {m[0]: rgb(m[1]) for m in re.findall(r"p\.(\w+) = hex\(0x([0-9A-Fa-f]{6})\)", part)}
    for m in re.finditer(r"c\[ImGuiCol_(\w+)\] = dark \? hex\(0x([0-9A-Fa-f]{6})\) : hex\(0x([0-9A-Fa-f]{6})\)", src):
        themes["dark"]["ImGuiCol_" + m[1]] = rgb(m[2])
        themes["light"]["ImGuiCol_" + m[1]] = rgb(m[3])
    for name in ("Light", "Dark"):
        m = re.search(r"kSeverity%s\[\] = \{([^}]*)\}" % name, src)
        for i, h in enumerate(re.findall(r"0x([0-9A-Fa-f]{6})", m[1]), start=1):
            themes[name.lower()]["severity_%d" % i] = rgb(h)
    # badge(): its fill is the colour at this alpha, dark theme first
    m = re.search(r"AddRectFilled\(p, q, col\(colour, palette\(\)\.dark \? ([0-9.]+)f : ([0-9.]+)f\)", WIDGETS.read_text())
    tint = {"dark": float(m[1]), "light": float(m[2])}
    soft = {t: float(v) for t, v in re.findall(r"kAccentSoft(Dark|Light) = ([0-9.]+)f", src)}
    return themes, tint, {k.lower(): v for k, v in soft.items()}


def rgb(h):
    return tuple(int(h[i:i + 2], 16) / 255.0 for i in (0, 2, 4))


def over(fg, a, bg):
    return tuple(f * a + b * (1 - a) for f, b in zip(fg, bg))


def luminance(c):
    lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def pairs(p, tint, soft):
    """(what, foreground, background, minimum) for one theme's palette `p`."""
    surfaces = {"window (bg)": p["bg"], "panel": p["panel"], "button / header row (panel_alt)": p["panel_alt"],
                "text field (FrameBg)": p["ImGuiCol_FrameBg"],
                "hovered button (accent tint on panel)": over(p["accent"], soft, p["panel"])}
    out = []
    for fg in ("text", "text_muted", "accent", "danger", "warning", "success", "info"):
        for sname, s in surfaces.items():
            out.append(("%s on %s" % (fg, sname), p[fg], s, TEXT_MIN))
    out.append(("accent_text on accent (primary button)", p["accent_text"], p["accent"], TEXT_MIN))
    for i in range(1, 6):
        c = p["severity_%d" % i]
        for sname in ("window (bg)", "panel"):
            out.append(("severity %d badge on %s" % (i, sname), c, over(c, tint, surfaces[sname]), TEXT_MIN))
    for sname in ("window (bg)", "panel", "text field (FrameBg)"):
        out.append(("control border (ImGuiCol_Border) on %s" % sname, p["ImGuiCol_Border"], surfaces[sname], UI_MIN))
    out.append(("focus ring (accent) on panel", p["accent"], p["panel"], UI_MIN))
    return out


def main():
    themes, tint, soft = parse(THEME.read_text())
    md, check = "--markdown" in sys.argv, "--check" in sys.argv
    failed = 0
    if md:
        print("| theme | pair | ratio | minimum | |\n|---|---|---|---|---|")
    for name in ("light", "dark"):
        for what, fg, bg, need in pairs(themes[name], tint[name], soft[name]):
            r = ratio(fg, bg)
            ok = r >= need
            failed += not ok
            if md:
                print("| %s | %s | %.2f:1 | %.1f:1 | %s |" % (name, what, r, need, "pass" if ok else "**FAIL**"))
            else:
                print("%-5s %-62s %5.2f:1 (min %.1f) %s" % (name, what, r, need, "ok" if ok else "FAIL"))
    if not md:
        print("%d pairs below AA" % failed)
    return 1 if (check and failed) else 0


if __name__ == "__main__":
    sys.exit(main())
