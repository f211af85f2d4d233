#!/usr/bin/env bash
# `hindsight import slack` of a whole export as its .zip, with --channel, --from and --to (usage: slackzip.sh CLI
# SRCDIR). The archives are tests/data/zip (made by make_zips.py).
set -u
CLI="$1"
SRCDIR="$2"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1772373720
source "$(dirname "$0")/lib.bash"
Z="$SRCDIR/tests/data/zip"

expect 0 "import slack zip" -- "$CLI" import slack "$Z/slack-export.zip"
has "$T/out" "ロールバックを開始します、@Дежурный инженер 確認お願いします" "mention named from another day's user_profile"
has "$T/out" '"inc-payments"' "payments channel kept"
has "$T/out" "Откат завершён" "Cyrillic text kept"
has "$T/err" "warning: The user U999GONE is not in users.json" "unknown id reported"
cp "$T/out" "$T/imp.json"; expect 0 "imported zip validates" -- "$CLI" validate "$T/imp.json"
checks=$((checks + 1))
n=$(grep -c '"type": "communication"' "$T/imp.json")
[ "$n" -eq 9 ] || { echo "FAIL: 9 messages expected, got $n"; fails=$((fails + 1)); }

expect 0 "import one channel in a window" -- "$CLI" import slack --channel inc-checkout \
    --from 2026-03-01T22:04:00+09:00 --to=2026-03-02T00:00:00Z "$Z/slack-export.zip"
has "$T/out" "DB 接続プールが枯渇しています" "message inside the window"
hasnt "$T/out" "inc-payments" "other channel left out"
hasnt "$T/out" "Triggered: checkout-api" "message before the window left out"
hasnt "$T/out" "Откат завершён" "message after the window left out"
has "$T/err" "Left out 3 messages outside the chosen time window." "window reported"

expect 0 "import two channels by repeating --channel" -- "$CLI" import slack --channel inc-checkout \
    --channel inc-payments "$Z/slack-export.zip"
has "$T/out" "Платежи тоже падают?" "second channel kept"

expect 0 "hostile zip: ignored entries are warnings" -- "$CLI" import slack "$Z/slack-export-hostile.zip"
has "$T/err" "warning: ../../outside.json: Ignored: the name points outside the archive" "traversal ignored"
hasnt "$T/out" "外に出る" "traversal entry not imported"

expect 1 "zip bomb refused" -- "$CLI" import slack "$Z/bomb.zip"
has "$T/err" "compression-ratio cap of 200:1" "ratio cap named"
expect 1 "encrypted zip refused" -- "$CLI" import slack "$Z/encrypted.zip"
has "$T/err" "encrypted" "encryption named"
head -c 1500 "$Z/slack-export.zip" >"$T/cut.zip"
expect 1 "truncated zip refused" -- "$CLI" import slack "$T/cut.zip"
has "$T/err" "not a readable zip archive" "truncation explained"
expect 1 "unknown channel" -- "$CLI" import slack --channel inc-random "$Z/slack-export.zip"
has "$T/err" 'no channel "inc-random"' "unknown channel named"
expect 2 "bad --from" -- "$CLI" import slack --from yesterday "$Z/slack-export.zip"
has "$T/err" '"yesterday" is not an ISO 8601 time' "bad time explained"
expect 2 "--channel on a non-export" -- "$CLI" import csv --channel x "$Z/make_zips.py"
expect 0 "help names the options" -- "$CLI" import --help
has "$T/out" "--channel NAME" "help lists --channel"

echo "slackzip.sh: $checks checks, $fails failures"
[ "$fails" -eq 0 ]
