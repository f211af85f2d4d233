#!/usr/bin/env python3
"""Assembles dist/: web/ files plus the wasm build, with the build id stamped in. Writes atomically-ish (copy then
rename per file) and removes files that no longer belong."""
import argparse
import hashlib
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
    for name in sorted(os.listdir(web)):
        path = os.path.join(web, name)
        if os.path.isfile(path):
            files[name] = open(path, "rb").read()
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name])
    build_id = f"{a.version}+{h.hexdigest()[:10]}"
    for name, data in files.items():
        if name.endswith((".js", ".html", ".webmanifest", ".css")) and name != "hindsight.js":
            data = data.replace(b"@HS_VERSION@", build_id.encode())
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
