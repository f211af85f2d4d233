#!/usr/bin/env bash
# Every file of JSONTestSuite's test_parsing through `hindsight validate` (usage: jsonsuite.sh CLI SRCDIR).
#   n_ files: must exit 1 with a message on stderr.
#   y_ files: exit 0, or 1 with a message (valid JSON that is not a postmortem).
#   i_ files: exit 0 or 1; never a signal, a crash or a hang.
# Run it against a sanitizer build (preset fuzz or asan) to also catch memory errors.
set -u
CLI="$1"
SRCDIR="$2"
DIR="$SRCDIR/../shared/testdata/JSONTestSuite/test_parsing"
if [ ! -d "$DIR" ]; then
    echo "SKIP: JSONTestSuite not found at ../shared/testdata/JSONTestSuite/test_parsing"
    exit 0
fi
ERR="$(mktemp)"
trap 'rm -f "$ERR"' EXIT
total=0; failures=0; n_ok=0; y_ok=0; y_valid=0; i_ok=0
for f in "$DIR"/*.json; do
    name="$(basename "$f")"
    total=$((total + 1))
    timeout 10 "$CLI" validate "$f" >/dev/null 2>"$ERR"
    rc=$?
    msg_ok=1
    [ -s "$ERR" ] || msg_ok=0
    # Sanitizer reports also go to stderr: any of them is a failure whatever the exit code.
    if grep -q -E "AddressSanitizer|UndefinedBehaviorSanitizer|runtime error:|LeakSanitizer" "$ERR"; then
        echo "FAIL $name: sanitizer report"; head -5 "$ERR"; failures=$((failures + 1)); continue
    fi
    if [ "$rc" -ge 124 ]; then
        echo "FAIL $name: exit $rc (timeout or signal)"; failures=$((failures + 1)); continue
    fi
    case "$name" in
        n_*)
            if [ "$rc" -eq 1 ] && [ "$msg_ok" -eq 1 ]; then n_ok=$((n_ok + 1))
            else echo "FAIL $name: expected exit 1 with a message, got $rc"; failures=$((failures + 1)); fi ;;
        y_*)
            if [ "$rc" -eq 0 ]; then y_ok=$((y_ok + 1)); y_valid=$((y_valid + 1))
            elif [ "$rc" -eq 1 ] && [ "$msg_ok" -eq 1 ]; then y_ok=$((y_ok + 1))
            else echo "FAIL $name: expected exit 0, or 1 with a message, got $rc"; failures=$((failures + 1)); fi ;;
        *)
            if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then i_ok=$((i_ok + 1))
            else echo "FAIL $name: exit $rc"; failures=$((failures + 1)); fi ;;
    esac
done
echo "JSONTestSuite: $total files; n_ rejected: $n_ok; y_ handled: $y_ok (valid postmortems: $y_valid);" \
     "i_ no crash: $i_ok; failures: $failures"
[ "$total" -gt 0 ] && [ "$failures" -eq 0 ]
