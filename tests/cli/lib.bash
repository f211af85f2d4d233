# Shared helpers for the CLI test scripts (sourced; not a test itself). Each script sets CLI, SRCDIR and T first.
# They count checks and failures; a script ends with: echo "NAME: $checks checks, $fails failures"; [ "$fails" -eq 0 ]
fails=0; checks=0

# expect RC DESCRIPTION -- command...: runs the command, keeps stdout in $T/out and stderr in $T/err.
expect() {
    local want="$1" what="$2"; shift 3
    checks=$((checks + 1))
    "$@" >"$T/out" 2>"$T/err"
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL: $what: exit $rc, expected $want"; sed 's/^/  stderr: /' "$T/err" | head -5
        fails=$((fails + 1)); return 1
    fi
    if grep -q -E "AddressSanitizer|runtime error:" "$T/err"; then
        echo "FAIL: $what: sanitizer report"; head -5 "$T/err"; fails=$((fails + 1)); return 1
    fi
    return 0
}
# has FILE TEXT DESCRIPTION: FILE contains TEXT.
has() {
    checks=$((checks + 1))
    if ! grep -q -F -- "$2" "$1"; then
        echo "FAIL: $3: \"$2\" not found in $(basename "$1")"; head -c 400 "$1" | sed 's/^/  /'; echo
        fails=$((fails + 1))
    fi
}
hasnt() {
    checks=$((checks + 1))
    if grep -q -F -- "$2" "$1"; then echo "FAIL: $3: \"$2\" unexpected"; fails=$((fails + 1)); fi
}
# same A B DESCRIPTION: the two files are byte-identical.
same() {
    checks=$((checks + 1))
    if ! cmp -s "$1" "$2"; then echo "FAIL: $3: files differ"; diff "$1" "$2" | head -5; fails=$((fails + 1)); fi
}
