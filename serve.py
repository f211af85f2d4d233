#!/usr/bin/env python3
"""Hindsight: install what is missing, build dist/ if it is stale, and serve it on http://127.0.0.1:8000.

  python3 serve.py             build if needed, then serve
  python3 serve.py --port N    serve on another port
  python3 serve.py --build     build dist/ and exit
  python3 serve.py --no-build  serve dist/ as it is
"""
import argparse
import functools
import http.server
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
DIST = os.path.join(ROOT, "dist")
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
SOURCES = ["src", "web", "assets", "cmake", "scripts", "CMakeLists.txt", "CMakePresets.json"]


def newest_mtime(paths):
    newest = 0.0
    for p in paths:
        full = os.path.join(ROOT, p)
        if os.path.isfile(full):
            newest = max(newest, os.path.getmtime(full))
        for base, _dirs, files in os.walk(full):
            for f in files:
                newest = max(newest, os.path.getmtime(os.path.join(base, f)))
    return newest


def stale():
    marker = os.path.join(DIST, "hindsight.wasm")
    index = os.path.join(DIST, "index.html")
    if not (os.path.exists(marker) and os.path.exists(index)):
        return True
    return newest_mtime(SOURCES) > min(os.path.getmtime(marker), os.path.getmtime(index))


def build():
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "deps.py"), "web", "native"], check=True)
    env = dict(os.environ, NODE_PATH="/usr/share/nodejs")  # emcc's JS optimizer needs Debian's acorn
    if not os.path.exists(os.path.join(ROOT, "build", "web", "build.ninja")):
        subprocess.run(["cmake", "--preset", "web"], cwd=ROOT, env=env, check=True)
    subprocess.run(["cmake", "--build", "--preset", "web"], cwd=ROOT, env=env, check=True)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
        ".html": "text/html", ".json": "application/json", ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("HS_SERVE_QUIET") != "1":
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser(description="Build and serve Hindsight.")
    ap.add_argument("--port", type=int, default=8000)
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--build", action="store_true", help="build dist/ and exit")
    g.add_argument("--no-build", action="store_true", help="serve dist/ as it is")
    g.add_argument("--dir", help="serve this copy of dist/ instead, as it is (the tests deploy a new version there)")
    a = ap.parse_args()
    if a.dir:
        serve(os.path.abspath(a.dir), a.port)
        return
    if not a.no_build and (a.build or stale()):
        build()
    elif not a.no_build:
        print("dist/ is up to date")
    if a.build:
        print(f"built {DIST}")
        return
    if not os.path.exists(os.path.join(DIST, "index.html")):
        sys.exit("dist/ is empty: run python3 serve.py --build first")
    serve(DIST, a.port)


def serve(directory, port):
    if not os.path.exists(os.path.join(directory, "index.html")):
        sys.exit(f"{directory} holds no index.html: nothing to serve")
    handler = functools.partial(Handler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(f"Hindsight is served at http://127.0.0.1:{port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
