#!/usr/bin/env python3
"""Prints the gzip transfer size of dist/ and fails when the first load is over the budget (450 KB, see README).

The first load is what the page fetches before window.hindsight.ready: FIRST_LOAD below (tests/e2e/unicode.test.js
checks that the page fetches nothing else before it is ready). Files fetched later (the samples when one is opened,
the service worker and what it caches once the editor is idle) are listed and counted separately.

  python3 scripts/budget.py [DIST]          the report; exit 1 when over budget
  python3 scripts/budget.py --first-load    the first-load file names, one per line
"""
import gzip
import os
import sys

BUDGET = 450 * 1000
FIRST_LOAD = ["index.html", "style.css", "app.js", "journal.js", "hindsight.js", "hindsight.wasm", "icon.svg",
              "manifest.webmanifest", "samples/index.json"]


def main():
    if "--first-load" in sys.argv[1:]:
        print("\n".join(FIRST_LOAD))
        return 0
    dist = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "dist")
    names = sorted(os.path.relpath(os.path.join(d, f), dist) for d, _, fs in os.walk(dist) for f in fs)
    totals = {True: [0, 0], False: [0, 0]}
    for first in (True, False):
        print("first load (before window.hindsight.ready):" if first else "fetched later (lazy):")
        for name in names:
            if (name in FIRST_LOAD) != first:
                continue
            data = open(os.path.join(dist, name), "rb").read()
            gz = len(gzip.compress(data, compresslevel=9, mtime=0))
            totals[first][0] += len(data)
            totals[first][1] += gz
            print(f"  {name:34} {len(data):>9,} B  gzip {gz:>8,} B")
    missing = [n for n in FIRST_LOAD if n not in names]
    if missing:
        print(f"missing from dist/: {', '.join(missing)}")
        return 1
    raw, gz = totals[True]
    print(f"first load: {raw:,} B raw, {gz:,} B gzip (budget {BUDGET:,} B)")
    print(f"lazy files: {totals[False][0]:,} B raw, {totals[False][1]:,} B gzip (not in the budget)")
    if gz > BUDGET:
        print(f"over budget by {gz - BUDGET:,} B")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
