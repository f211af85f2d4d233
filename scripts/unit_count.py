#!/usr/bin/env python3
"""Budget: the number of Catch2 test cases must not drop below the last recorded value.

  python3 scripts/unit_count.py HS_UNIT_TESTS RECORD_FILE

Prints the count. When it grows, raise the record in tests/budget/unit-test-count.txt in the same change, so that
tests deleted later are noticed.
"""
import subprocess
import sys


def main():
    binary, record_file = sys.argv[1], sys.argv[2]
    # Catch2 v2 exits with the number of tests listed, so the exit code is not an error here.
    names = subprocess.run([binary, "--list-test-names-only"], capture_output=True, text=True).stdout
    count = sum(1 for line in names.splitlines() if line.strip())
    record = int(open(record_file).read().split()[0])
    print(f"unit test cases: {count} (recorded minimum {record})")
    if count < record:
        print(f"FAILED: {record - count} test case(s) fewer than recorded; restore them or explain the removal")
        return 1
    if count > record:
        print(f"note: raise the record in {record_file} to {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
