#!/usr/bin/env python3
"""Assembles dist/: web/ files plus the wasm build, with the build id stamped in. Writes atomically-ish (copy then
rename per file) and removes files that no longer belong."""
import argparse
import hashlib
import json
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
    web = os.path.join(ROOT, "web")
    for name in sorted(os.listdir(web)):
        path = os.path.join(web, name)
        if os.path.isfile(path):
            files[name] = open(path, "rb").read()
    # Samples are fetched on demand (the wasm doesn't carry them): their files plus an index of titles.
    samples = os.path.join(ROOT, "assets", "samples")
    index = []
    for name in sorted(os.listdir(samples)):
        if name.endswith(".json"):
            doc = json.loads(open(os.path.join(samples, name), "rb").read())
            files["samples/" + name] = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
            index.append({"path": "samples/" + name, "title": doc.get("title") or name})
    files["samples/index.json"] = json.dumps(index, ensure_ascii=False, indent=0).encode()
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name])
    build_id = f"{a.version}+{h.hexdigest()[:10]}"
    for name, data in files.items():
        if name.endswith((".js", ".html", ".webmanifest", ".css")) and name != "hindsight.js":
            data = data.replace(b"@HS_VERSION@", build_id.encode())
        os.makedirs(os.path.dirname(os.path.join(a.out, name)), exist_ok=True)
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
