#!/usr/bin/env python3
"""Assembles dist/: web/ files plus the wasm build, with the build id stamped in. Writes atomically-ish (copy then
rename per file) and removes files that no longer belong.

The PNG icons of the web app manifest are rendered from the one committed source, web/icon.svg (rsvg-convert, then
pngquant and optipng to keep them small), and the service worker (web/sw.js) gets the build id, which names its cache,
and the list of files it precaches."""
import argparse
import hashlib
import json
import os
import shutil
import subprocess

ICON_SIZES = (192, 512)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def render_icon(svg, size, out):
    """Renders svg at size x size into out (reused while newer than the svg); returns the PNG bytes."""
    if not (os.path.exists(out) and os.path.getmtime(out) >= os.path.getmtime(svg)):
        os.makedirs(os.path.dirname(out), exist_ok=True)
        tmp = out + ".tmp.png"
        subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), svg, "-o", tmp], check=True)
        # Lossy palette quantisation (flat colours and anti-aliased edges survive it unchanged to the eye), then
        # lossless recompression.
        subprocess.run(["pngquant", "--force", "--speed", "1", "--quality", "60-90", "--output", tmp, "16", tmp],
                       check=True)
        subprocess.run(["optipng", "-quiet", "-o7", "-strip", "all", tmp], check=True)
        os.replace(tmp, out)
    return open(out, "rb").read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--version", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    files = {}
    for name in ("hindsight.js", "hindsight.wasm"):
        files[name] = open(os.path.join(a.build, name), "rb").read()
    files["ui-font.otf"] = open(os.path.join(a.build, "generated", "ui-font.otf"), "rb").read()
    web = os.path.join(ROOT, "web")
    for size in ICON_SIZES:
        name = f"icon-{size}.png"
        files[name] = render_icon(os.path.join(web, "icon.svg"), size, os.path.join(a.build, "generated", name))
    for name in sorted(os.listdir(web)):
        path = os.path.join(web, name)
        if os.path.isfile(path):
            files[name] = open(path, "rb").read()
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name])
    build_id = f"{a.version}+{h.hexdigest()[:10]}"
    precache = json.dumps(sorted(n for n in files if n != "sw.js")).encode()
    for name, data in files.items():
        if name.endswith((".js", ".html", ".webmanifest", ".css")) and name != "hindsight.js":
            data = data.replace(b"@HS_VERSION@", build_id.encode())
        if name == "sw.js":
            data = data.replace(b"/*@HS_PRECACHE@*/[]", precache)
        tmp = os.path.join(a.out, name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, os.path.join(a.out, name))
    for name in os.listdir(a.out):
        if name not in files:
            p = os.path.join(a.out, name)
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    print(f"dist/ assembled: build {build_id}, {len(files)} files")


if __name__ == "__main__":
    main()
