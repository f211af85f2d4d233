#!/usr/bin/env python3
"""Prints the gzip transfer size of dist/ and fails when it is over the budget (450 KB, see README)."""
import gzip
import os
import sys

BUDGET = 450 * 1000


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "dist")
    total_raw = total_gz = 0
    names = sorted(os.path.relpath(os.path.join(d, f), dist) for d, _, fs in os.walk(dist) for f in fs)
    for name in names:
        path = os.path.join(dist, name)
        data = open(path, "rb").read()
        gz = len(gzip.compress(data, compresslevel=9, mtime=0))
        total_raw += len(data)
        total_gz += gz
        print(f"  {name:28} {len(data):>9,} B  gzip {gz:>8,} B")
    print(f"dist/ total: {total_raw:,} B raw, {total_gz:,} B gzip (budget {BUDGET:,} B)")
    if total_gz > BUDGET:
        print(f"over budget by {total_gz - BUDGET:,} B")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
