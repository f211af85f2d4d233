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
import re
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


def minify_css(data):
    """The stylesheet without its comments and layout whitespace (it is on the first load, which has a budget). Quoted
    strings are kept as they are; only whitespace next to braces, semicolons and commas, and after a colon, is dropped
    (a space before a colon can be a descendant combinator, so it stays)."""
    out = []
    for i, part in enumerate(re.split(r'("(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')', data.decode())):
        if i % 2:  # a string
            out.append(part)
            continue
        part = re.sub(r"/\*.*?\*/", "", part, flags=re.S)
        part = re.sub(r"\s+", " ", part)
        part = re.sub(r" ?([{};,]) ?|(:) ", r"\1\2", part)
        out.append(part.replace(";}", "}"))
    return "".join(out).strip().encode()


# The samples offered on the welcome screen. The larger ones (assets/samples/) stay in the repository for the tests,
# the CLI and the benchmarks, but are not shipped: dist/ has a 450 KB gzip budget.
DIST_SAMPLES = ["sre-checkout-outage.json", "lint-demo.json", "minimal-cert-expiry.json", "ja-payment-gateway-timeout.json",
                "ru-courier-dispatch-backlog.json"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--version", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    files = {}
    for name in ("hindsight.js", "hindsight.wasm", "hindsight-worker.js", "hindsight-worker.wasm"):
        files[name] = open(os.path.join(a.build, name), "rb").read()
    web = os.path.join(ROOT, "web")
    for size in ICON_SIZES:
        name = f"icon-{size}.png"
        files[name] = render_icon(os.path.join(web, "icon.svg"), size, os.path.join(a.build, "generated", name))
    for name in sorted(os.listdir(web)):
        path = os.path.join(web, name)
        if os.path.isfile(path):
            files[name] = open(path, "rb").read()
    # Samples are fetched on demand (the wasm doesn't carry them): their files plus an index of titles.
    samples = os.path.join(ROOT, "assets", "samples")
    index = []
    for name in DIST_SAMPLES:
        if name.endswith(".json"):
            doc = json.loads(open(os.path.join(samples, name), "rb").read())
            files["samples/" + name] = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
            index.append({"path": "samples/" + name, "title": doc.get("title") or name})
    files["samples/index.json"] = json.dumps(index, ensure_ascii=False, indent=0).encode()
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name])
    build_id = f"{a.version}+{h.hexdigest()[:10]}"
    precache = json.dumps(sorted(n for n in files if n != "sw.js")).encode()
    for name, data in files.items():
        if name.endswith((".js", ".html", ".webmanifest", ".css")) and name not in ("hindsight.js", "hindsight-worker.js"):
            data = data.replace(b"@HS_VERSION@", build_id.encode())
        os.makedirs(os.path.dirname(os.path.join(a.out, name)), exist_ok=True)
        if name == "sw.js":
            data = data.replace(b"/*@HS_PRECACHE@*/[]", precache)
        if name == "style.css":
            data = minify_css(data)
        if name in ("app.js", "journal.js", "sw.js", "worker.js", "a11y.js"):  # minified (terser from npm, pinned in package-lock.json)
            terser = os.path.join(ROOT, "node_modules", ".bin", "terser")
            if not os.path.exists(terser):
                raise SystemExit("terser is missing: run python3 scripts/deps.py web")
            data = subprocess.run([terser, "--compress", "--mangle", "--comments", "false"], input=data,
                                  stdout=subprocess.PIPE, check=True).stdout
        tmp = os.path.join(a.out, name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, os.path.join(a.out, name))
    for dirpath, dirnames, filenames in os.walk(a.out, topdown=False):
        for name in filenames:
            p = os.path.join(dirpath, name)
            if os.path.relpath(p, a.out).replace(os.sep, "/") not in files:
                os.remove(p)
        if dirpath != a.out and not os.listdir(dirpath):
            os.rmdir(dirpath)
    print(f"dist/ assembled: build {build_id}, {len(files)} files")


if __name__ == "__main__":
    main()
