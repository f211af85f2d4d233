#!/usr/bin/env bash
# `hindsight import markdown FILE`: a postmortem in the SRE book's shape and Hindsight's own export read back, the
# report on standard error, and the refusal of an empty file (usage: import_markdown.sh CLI SRCDIR).
# See docs/importers.md.
set -u
CLI="$1"
SRCDIR="$2"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
source "$(dirname "$0")/lib.bash"
D="$SRCDIR/tests/data/import/markdown"

expect 0 "import markdown (SRE book shape)" -- "$CLI" import markdown "$D/sre-book-shape.md"
cp "$T/out" "$T/sre.json"
has "$T/sre.json" '"title": "Search Autocomplete Outage Postmortem (incident #2291)"' "title from the heading"
has "$T/sre.json" '"owner": "検索チーム"' "action item owner from the table"
has "$T/sre.json" '"type": "impact_start"' "OUTAGE BEGINS marks the impact start"
has "$T/err" 'sre-book-shape.md: "Timeline" → Timeline: 6 events' "the report names the events"
has "$T/err" 'action type "repair" read as "other"' "the report names a loosely read value"
expect 0 "imported markdown validates" -- "$CLI" validate "$T/sre.json"

# Hindsight's own export read back: the same action items and events.
expect 0 "export md" -- "$CLI" export md "$SRCDIR/assets/samples/lint-demo.json"
cp "$T/out" "$T/sample.md"
expect 0 "import the export back" -- bash -c "\"$CLI\" import markdown - <\"$T/sample.md\""
cp "$T/out" "$T/back.json"
expect 0 "export md again" -- "$CLI" export md "$T/back.json"
same "$T/out" "$T/sample.md" "exported again, the Markdown is the same"

printf '  \n\n' >"$T/empty.md"
expect 1 "an empty file is refused" -- "$CLI" import markdown "$T/empty.md"
has "$T/err" 'the Markdown file is empty' "the refusal says why"
echo "import_markdown.sh: $checks checks, $fails failures"
[ "$fails" -eq 0 ]
