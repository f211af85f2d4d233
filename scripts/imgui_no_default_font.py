#!/usr/bin/env python3
"""Copies Dear ImGui's imgui_draw.cpp with the embedded ProggyClean font data emptied (about 12 KB of the wasm).

  python3 scripts/imgui_no_default_font.py SRC OUT

Dear ImGui 1.86 has no IMGUI_DISABLE_DEFAULT_FONT; later versions do exactly this. Hindsight always adds its own
fonts before the atlas is built, so AddFontDefault() is never called. Nothing is committed from Dear ImGui: the
copy is made at build time from the Debian source in third_party/. If the declaration is not found (another ImGui
version), the file is copied unchanged.
"""
import os
import sys


def main():
    src, out = sys.argv[1], sys.argv[2]
    lines = open(src, encoding="utf-8").read().split("\n")
    start = next((i for i, l in enumerate(lines) if l.startswith("static const char proggy_clean_ttf_compressed_data_base85[")), None)
    if start is not None:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].rstrip().endswith('";')), None)
        if end is not None:
            lines[start:end + 1] = ['static const char proggy_clean_ttf_compressed_data_base85[1] = "";'
                                    '  // emptied by scripts/imgui_no_default_font.py']
        else:
            start = None
    if start is None:
        print("imgui_no_default_font: declaration not found; copied unchanged", file=sys.stderr)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
