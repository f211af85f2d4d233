#!/usr/bin/env bash
# Exercises every `hindsight` subcommand and exit code (usage: cli.sh CLI SRCDIR). See docs/cli.md.
set -u
CLI="$1"
SRCDIR="$2"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1772373720  # 2026-03-01T14:02:00Z: reproducible "now"
source "$(dirname "$0")/lib.bash"

# ---- fixtures ----------------------------------------------------------------------------------------------------
cat >"$T/doc.json" <<'JSON'
{"format":"hindsight.postmortem","version":1,"id":"pm-cli00001","title":"<script>alert(1)</script> checkout errors",
 "status":"final","summary":"The outage was caused by human error during a deploy.",
 "timeline":[{"id":"ev-1","time":"2026-03-01T13:00:00Z","type":"impact_start","description":"Errors start"},
             {"id":"ev-2","time":"2026-03-01T14:07:00+01:00","type":"detected","description":"Alert fires"},
             {"id":"ev-3","time":"2026-03-01T13:40:00Z","type":"resolved","description":"Rollback done"}],
 "action_items":[{"id":"ai-1","title":"Add a canary stage","owner":"DB On-call","due":"2026-03-15"},
                 {"id":"ai-2","title":"Alert on retry rate"}],
 "open_questions":[{"id":"oq-1","text":"Why did the canary not catch it?"}],
 "x_unknown":{"kept":true}}
JSON
printf '{"format":"hindsight.postmortem","version":1,"id":"pm-1","timeline":[{"id":"ev-1","time":"yesterday"}]}' \
    >"$T/badtime.json"
printf '{"format":"hindsight.postmortem", "version": 1, "title": ' >"$T/truncated.json"
printf '{"format":"hindsight.postmortem","version":1}' >"$T/noid.json"
cat >"$T/pd.json" <<'JSON'
{"log_entries":[
 {"id":"R1","type":"trigger_log_entry","created_at":"2026-03-01T13:02:00Z","summary":"Triggered: checkout 5xx > 2%",
  "agent":{"type":"service_reference","summary":"checkout-api"},"channel":{"type":"api"},
  "incident":{"id":"P1","summary":"Checkout 5xx","title":"Checkout 5xx"}},
 {"id":"R2","type":"acknowledge_log_entry","created_at":"2026-03-01T13:05:00Z","summary":"Acknowledged by SRE On-call",
  "agent":{"type":"user_reference","summary":"SRE On-call"}},
 {"id":"R3","type":"resolve_log_entry","created_at":"2026-03-01T13:40:00Z","summary":"Resolved by SRE On-call",
  "agent":{"type":"user_reference","summary":"SRE On-call"}}]}
JSON
cat >"$T/og.json" <<'JSON'
{"data":{"entries":[
 {"id":"e1","eventTime":"2026-03-01T13:02:00Z","type":"IncidentCreated","actor":{"name":"Opsgenie"},"description":{"content":"Incident created"}},
 {"id":"e2","eventTime":"2026-03-01T13:40:00Z","type":"IncidentResolved","actor":{"name":"SRE On-call"},"description":{"content":"Resolved"}}]}}
JSON
mkdir -p "$T/slack/inc-checkout"
cat >"$T/slack/users.json" <<'JSON'
[{"id":"U1","name":"sre-oncall","real_name":"SRE On-call","profile":{"display_name":"SRE On-call","real_name":"SRE On-call"}}]
JSON
cat >"$T/slack/inc-checkout/2026-03-01.json" <<'JSON'
[{"type":"message","user":"U1","text":"Rolling back checkout-api to v4.17","ts":"1772370120.000100"},
 {"type":"message","user":"U1","text":"Error rate back to normal","ts":"1772372400.000200"}]
JSON
cat >"$T/timeline.csv" <<'CSV'
time,type,description,author
2026-03-01T13:00:00Z,impact_start,"Errors start, 5xx at 2%",Grafana
2026-03-01T13:07:00Z,detected,Alert fires,PagerDuty
2026-03-01T13:40:00Z,resolved,Rollback complete,SRE On-call
CSV

# ---- general -----------------------------------------------------------------------------------------------------
expect 2 "no arguments" -- "$CLI"
has "$T/err" "usage: hindsight" "usage on stderr"
expect 2 "unknown command" -- "$CLI" frobnicate
has "$T/err" "unknown command" "unknown command message"
expect 0 "--help" -- "$CLI" --help
has "$T/out" "hindsight validate" "help lists validate"
expect 0 "--version" -- "$CLI" --version
has "$T/out" "hindsight " "version text"
expect 0 "fmt --help" -- "$CLI" fmt --help
has "$T/out" "--minify" "command help"

# ---- new ---------------------------------------------------------------------------------------------------------
expect 0 "new" -- "$CLI" new --title "Checkout errors"
cp "$T/out" "$T/new.json"
has "$T/new.json" '"title": "Checkout errors"' "new sets the title"
has "$T/new.json" '"created": "2026-03-01T14:02:00Z"' "new uses SOURCE_DATE_EPOCH"
expect 0 "new output validates" -- "$CLI" validate "$T/new.json"
for t in google-sre atlassian minimal security; do
    expect 0 "new --template $t" -- "$CLI" new --template "$t"
    has "$T/out" "\"template\": \"$t\"" "template $t"
done
expect 0 "new --list" -- "$CLI" new --list
has "$T/out" "google-sre" "template list"
expect 1 "new with an unknown template" -- "$CLI" new --template nope
has "$T/err" "available:" "lists the templates"
expect 2 "new --title without a value" -- "$CLI" new --title
expect 2 "new with an unknown option" -- "$CLI" new --bogus
expect 2 "new with a stray argument" -- "$CLI" new extra

# ---- validate ----------------------------------------------------------------------------------------------------
expect 0 "validate a good file" -- "$CLI" validate "$T/doc.json"
has "$T/out" "doc.json: ok" "ok line"
expect 1 "validate a bad time" -- "$CLI" validate "$T/badtime.json"
has "$T/err" "badtime.json: /timeline/0/time: expected an ISO 8601 time" "FILE: /pointer: message"
expect 1 "validate truncated JSON" -- "$CLI" validate "$T/truncated.json"
has "$T/err" "not valid JSON" "parse error message"
expect 1 "validate a missing id (semantic)" -- "$CLI" validate "$T/noid.json"
has "$T/err" "noid.json: /id:" "semantic problem"
expect 1 "validate several files, one bad" -- "$CLI" validate "$T/doc.json" "$T/badtime.json" "$T/new.json"
has "$T/out" "new.json: ok" "later files still checked"
expect 1 "validate a missing file" -- "$CLI" validate "$T/does-not-exist.json"
has "$T/err" "no such file" "missing file message"
expect 1 "validate a directory" -- "$CLI" validate "$T"
has "$T/err" "directory" "directory message"
expect 2 "validate without FILE" -- "$CLI" validate
checks=$((checks + 1))
if ! "$CLI" validate - <"$T/doc.json" >/dev/null 2>&1; then echo "FAIL: validate - (stdin)"; fails=$((fails + 1)); fi
checks=$((checks + 1))
printf 'nope' | "$CLI" validate - >/dev/null 2>"$T/err"
[ $? -eq 1 ] && grep -q '^<stdin>: ' "$T/err" || { echo "FAIL: validate - with bad stdin"; fails=$((fails + 1)); }

# ---- fmt ---------------------------------------------------------------------------------------------------------
expect 0 "fmt" -- "$CLI" fmt "$T/doc.json"
cp "$T/out" "$T/pretty.json"
[ "$(wc -l <"$T/pretty.json")" -gt 5 ] || { echo "FAIL: fmt is not pretty"; fails=$((fails + 1)); }
has "$T/pretty.json" '"x_unknown": {' "unknown fields kept"
has "$T/pretty.json" '"time": "2026-03-01T13:07:00Z"' "times normalised to UTC"
has "$T/pretty.json" '"utc_offset": "+01:00"' "offset kept"
expect 0 "fmt --minify" -- "$CLI" fmt --minify "$T/doc.json"
cp "$T/out" "$T/min.json"
[ "$(wc -l <"$T/min.json")" -eq 1 ] || { echo "FAIL: --minify is not one line"; fails=$((fails + 1)); }
checks=$((checks + 3))
"$CLI" fmt --minify - <"$T/min.json" >"$T/min2.json" 2>/dev/null
cmp -s "$T/min.json" "$T/min2.json" || { echo "FAIL: fmt --minify is not idempotent"; fails=$((fails + 1)); }
"$CLI" fmt - <"$T/pretty.json" >"$T/pretty2.json" 2>/dev/null
cmp -s "$T/pretty.json" "$T/pretty2.json" || { echo "FAIL: fmt is not idempotent"; fails=$((fails + 1)); }
"$CLI" fmt --minify "$T/pretty.json" >"$T/min3.json" 2>/dev/null
cmp -s "$T/min.json" "$T/min3.json" || { echo "FAIL: pretty and minified differ"; fails=$((fails + 1)); }
expect 1 "fmt bad input" -- "$CLI" fmt "$T/truncated.json"
expect 2 "fmt without FILE" -- "$CLI" fmt
expect 2 "fmt with two files" -- "$CLI" fmt "$T/doc.json" "$T/doc.json"
expect 0 "fmt with a semantic warning" -- "$CLI" fmt "$T/noid.json"
has "$T/err" "warning: /id" "warning printed"

# ---- import ------------------------------------------------------------------------------------------------------
expect 0 "import pagerduty" -- "$CLI" import pagerduty "$T/pd.json"
cp "$T/out" "$T/imp.json"; expect 0 "imported pagerduty validates" -- "$CLI" validate "$T/imp.json"
has "$T/imp.json" '"type": "detected"' "pagerduty trigger is the detection"
expect 0 "import opsgenie" -- "$CLI" import opsgenie "$T/og.json"
cp "$T/out" "$T/imp.json"; expect 0 "imported opsgenie validates" -- "$CLI" validate "$T/imp.json"
expect 0 "import slack day file" -- "$CLI" import slack "$T/slack/inc-checkout/2026-03-01.json"
has "$T/out" '"type": "communication"' "slack messages are communication"
expect 0 "import slack folder" -- "$CLI" import slack "$T/slack"
has "$T/out" "SRE On-call" "slack user names resolved"
cp "$T/out" "$T/imp.json"; expect 0 "imported slack validates" -- "$CLI" validate "$T/imp.json"
expect 0 "import csv" -- "$CLI" import csv "$T/timeline.csv"
has "$T/out" "Errors start, 5xx at 2%" "csv quoting"
cp "$T/out" "$T/imp.json"; expect 0 "imported csv validates" -- "$CLI" validate "$T/imp.json"
checks=$((checks + 1))
"$CLI" import csv - <"$T/timeline.csv" >/dev/null 2>&1 || { echo "FAIL: import csv -"; fails=$((fails + 1)); }
expect 1 "import pagerduty of non-JSON" -- "$CLI" import pagerduty "$T/timeline.csv"
[ -s "$T/err" ] || { echo "FAIL: import error without message"; fails=$((fails + 1)); }
expect 1 "import of a missing file" -- "$CLI" import csv "$T/none.csv"
mkdir -p "$T/empty"
expect 1 "import slack of an empty folder" -- "$CLI" import slack "$T/empty"
expect 2 "import of an unknown source" -- "$CLI" import jira "$T/pd.json"
expect 2 "import without a source" -- "$CLI" import
expect 2 "import without FILE" -- "$CLI" import csv

# ---- export ------------------------------------------------------------------------------------------------------
expect 0 "export md" -- "$CLI" export md "$T/doc.json"
has "$T/out" "checkout errors" "markdown title"
expect 0 "export html" -- "$CLI" export html "$T/doc.json"
has "$T/out" "&lt;script&gt;" "html escapes the title"
hasnt "$T/out" "<script>alert(1)" "no raw script tag"
has "$T/out" "<!" "standalone page"
expect 0 "export html --fragment" -- "$CLI" export html --fragment "$T/doc.json"
hasnt "$T/out" "<html" "fragment has no <html>"
expect 0 "export csv" -- "$CLI" export csv "$T/doc.json"
has "$T/out" "Add a canary stage" "csv row"
expect 0 "export ics" -- "$CLI" export ics "$T/doc.json"
has "$T/out" "BEGIN:VCALENDAR" "ics calendar"
expect 1 "export ics with no dated open action item" -- "$CLI" export ics "$SRCDIR/assets/templates/minimal.json"
has "$T/err" "no open or in-progress action item has a due date" "says why there is no calendar"
hasnt "$T/out" "BEGIN:VCALENDAR" "no empty calendar is written"
expect 2 "export to an unknown format" -- "$CLI" export pdf "$T/doc.json"
expect 2 "export --fragment for md" -- "$CLI" export md --fragment "$T/doc.json"
expect 1 "export of a bad file" -- "$CLI" export md "$T/truncated.json"
expect 2 "export without FILE" -- "$CLI" export md

# ---- lint --------------------------------------------------------------------------------------------------------
expect 0 "lint with findings" -- "$CLI" lint "$T/doc.json"
has "$T/out" "human error" "blame phrase found"
[ -s "$T/out" ] && grep -q -E '^[a-z_]+(/[A-Za-z0-9_-]+)?: .+' "$T/out" || { echo "FAIL: lint line format"; fails=$((fails + 1)); }
expect 1 "lint --strict with findings" -- "$CLI" lint --strict "$T/doc.json"
expect 0 "lint --json" -- "$CLI" lint --json "$T/doc.json"
has "$T/out" '"rule":' "lint json"
if command -v python3 >/dev/null; then
    checks=$((checks + 1))
    python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert isinstance(a, list) and a' "$T/out" \
        || { echo "FAIL: lint --json is not a JSON array"; fails=$((fails + 1)); }
fi
expect 1 "lint of a bad file" -- "$CLI" lint "$T/badtime.json"
expect 2 "lint without FILE" -- "$CLI" lint

# ---- metrics -----------------------------------------------------------------------------------------------------
expect 0 "metrics" -- "$CLI" metrics "$T/doc.json"
has "$T/out" '"time_to_detect_s": 420' "time to detect from typed events"
has "$T/out" '"time_to_resolve_s": 2400' "time to resolve"
has "$T/out" '"time_to_acknowledge_s": null' "null where undefined"
has "$T/out" '"basis": {' "a basis per metric"
has "$T/out" '"time_to_resolve_s": "impact_start"' "time to resolve measured from impact start"
has "$T/out" '"time_to_detect_s": "impact_start"' "time to detect from impact start"
# A PagerDuty import has no impact start: the figures run from the trigger, as PagerDuty's own do.
"$CLI" import pagerduty "$T/pd.json" >"$T/pd-doc.json" 2>/dev/null
expect 0 "metrics of a PagerDuty import" -- "$CLI" metrics "$T/pd-doc.json"
has "$T/out" '"time_to_acknowledge_s": 180' "time to acknowledge from the trigger (13:02 -> 13:05)"
has "$T/out" '"time_to_resolve_s": 2280' "time to resolve from the trigger (13:02 -> 13:40)"
has "$T/out" '"time_to_resolve_s": "detected"' "basis: from detection"
has "$T/out" 'Impact start is unknown' "the note says impact start is unknown"
expect 0 "metrics --help names the basis" -- "$CLI" --help
has "$T/out" 'basis' "help mentions the basis"
expect 1 "metrics of a bad file" -- "$CLI" metrics "$T/truncated.json"
expect 2 "metrics without FILE" -- "$CLI" metrics

# ---- limits and robustness ---------------------------------------------------------------------------------------
truncate -s 65M "$T/huge.json"
expect 1 "a file over 64 MiB is refused" -- "$CLI" validate "$T/huge.json"
has "$T/err" "64 MiB" "size message"
checks=$((checks + 1))
head -c 67108870 /dev/zero | "$CLI" fmt - >/dev/null 2>"$T/err"
[ $? -eq 1 ] && grep -q "64 MiB" "$T/err" || { echo "FAIL: stdin over 64 MiB"; fails=$((fails + 1)); }
# A closed pipe ends the program with an exit code, never a signal.
checks=$((checks + 1))
{ printf '{"format":"hindsight.postmortem","version":1,"id":"pm-1","x_big":"'; head -c 2000000 /dev/zero | tr '\0' a
  printf '"}'; } >"$T/big.json"
"$CLI" fmt "$T/big.json" | head -c 10 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" -lt 128 ] || { echo "FAIL: closed pipe gave exit $rc"; fails=$((fails + 1)); }

echo "cli.sh: $checks checks, $fails failures"
[ "$fails" -eq 0 ]
