#!/usr/bin/env bash
# `hindsight search`, `hindsight stats` and `hindsight similar` over a generated library (scripts/gen_library.py)
# plus hand-written postmortems in Japanese, Russian and Greek (usage: library.sh CLI SRCDIR). See docs/cli.md.
set -u
CLI="$1"
SRCDIR="$2"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
source "$(dirname "$0")/lib.bash"
L="$T/lib"
python3 "$SRCDIR/scripts/gen_library.py" "$L/generated" --count 120 --seed 5 --truth "$T/truth.json" >/dev/null
mkdir -p "$L/team"
cat >"$L/team/ja.json" <<'JSON'
{"format": "hindsight.postmortem", "version": 1, "id": "pm-7a11c0de", "title": "決済ゲートウェイの障害 🔥",
 "severity": 1, "status": "final", "services": ["payments-api"], "tags": ["customer-facing"],
 "created": "2026-02-10T03:00:00Z", "detection_method": "customer report",
 "summary": "接続プールが枯渇し、決済が45分間タイムアウトしました。",
 "contributing_factors": [{"id": "cf-0a1b2c3d", "text": "Пул соединений был слишком мал.", "category": "capacity"}],
 "action_items": [{"id": "ai-0a1b2c3d", "title": "Ρύθμιση ορίων σύνδεσης", "owner": "payments on-call",
                   "due": "2026-03-01", "status": "open"}]}
JSON
printf '{"format": "hindsight.postmortem", "version": 1, "title": ' >"$L/team/broken.json"

# ---- search ----------------------------------------------------------------------------------------------------
expect 0 "search a word" -- "$CLI" search "$L" "timeout"
has "$T/out" "match" "a count of matches"
has "$T/err" "broken.json: skipped" "a file that is not a postmortem is named and skipped"
expect 0 "search Japanese" -- "$CLI" search "$L" "障害"
has "$T/out" "pm-7a11c0de" "the Japanese postmortem found"
has "$T/out" "[障害]" "the match highlighted"
expect 0 "search Cyrillic in another case" -- "$CLI" search "$L" "ПУЛ" --json
checks=$((checks + 1))
python3 - "$T/out" <<'PY' || { echo "FAIL: search --json"; fails=$((fails + 1)); }
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
assert r["total"] >= 1 and r["results"][0]["id"] == "pm-7a11c0de", r
f = r["results"][0]["fields"][0]
assert f["path"] == "contributing_factors/cf-0a1b2c3d/text", f
s, e = f["highlights"][0]
assert f["snippet"].encode("utf-8")[s:e].decode("utf-8") == "Пул", f
assert r["results"][0]["file"].endswith("team/ja.json")
PY
expect 0 "search with filters" -- "$CLI" search "$L" "" --service PAYMENTS-API --severity SEV1,2 --since 2025-01-01 \
    --until 2026-12-31 --json
checks=$((checks + 1))
python3 - "$T/out" "$L/generated" <<'PY' || { echo "FAIL: filters"; fails=$((fails + 1)); }
import json, os, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
want = set()
for name in os.listdir(sys.argv[2]):
    d = json.load(open(os.path.join(sys.argv[2], name), encoding="utf-8"))
    if "payments-api" in d["services"] and d["severity"] in (1, 2) and "2025-01-01" <= d["created"][:10] <= "2026-12-31":
        want.add(d["id"])
want.add("pm-7a11c0de")
assert r["total"] == len(want), (r["total"], len(want))
assert {x["id"] for x in r["results"]} <= want
dates = [x["created"] for x in r["results"]]
assert dates == sorted(dates, reverse=True), dates
PY
expect 0 "search by owner" -- "$CLI" search "$L" "ορίων" --owner "Payments On-Call"
has "$T/out" "action_items/ai-0a1b2c3d/title" "the result names the field to open"
expect 1 "a query without words" -- "$CLI" search "$L" "🔥!"
has "$T/err" "no words" "says the query has no words"
expect 1 "a folder that does not exist" -- "$CLI" search "$T/nowhere" "timeout"
has "$T/err" "not a folder" "names the problem"
expect 2 "a bad severity" -- "$CLI" search "$L" "x" --severity 9
has "$T/err" "1 to 5" "says the allowed severities"
expect 2 "a bad date" -- "$CLI" search "$L" "x" --since 01/02/2026
has "$T/err" "2026-03-01" "shows the date format"
expect 2 "until before since" -- "$CLI" search "$L" "x" --since 2026-02-01 --until 2026-01-01
expect 2 "no query" -- "$CLI" search "$L"

# ---- stats -----------------------------------------------------------------------------------------------------
expect 0 "stats --json" -- "$CLI" stats "$L" --json --today 2026-12-01
checks=$((checks + 1))
python3 - "$T/out" <<'PY' || { echo "FAIL: stats --json"; fails=$((fails + 1)); }
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))
assert t["incidents"] == 121, t["incidents"]
months = [m["month"] for m in t["months"]]
assert months == sorted(months) and len(months) == len(set(months))
y, m = map(int, months[0].split("-"))
for want in months:  # no gaps
    assert want == "%04d-%02d" % (y, m), (want, y, m)
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
assert sum(m["incidents"] for m in t["months"]) == 121
assert t["overdue_actions"] <= t["open_actions"]
assert sum(b["count"] for b in t["overdue_ageing"]) == t["overdue_actions"]
names = [c["name"] for c in t["factor_categories"]]
assert "capacity" in names and "configuration" in names
PY
expect 0 "stats Markdown" -- "$CLI" stats "$L" --today 2026-12-01
has "$T/out" "# Postmortem trends" "the report's heading"
has "$T/out" "## Overdue action items by days past due" "the ageing table"
expect 2 "stats with both forms" -- "$CLI" stats "$L" --json --markdown
expect 2 "stats with a bad date" -- "$CLI" stats "$L" --today tomorrow

# ---- similar ---------------------------------------------------------------------------------------------------
# A generated repeat of an incident that was repeated only once (with two repeats of one incident, the other repeat
# is as good an answer as the original).
read -r REPEAT EARLIER < <(python3 -c 'import json, sys
t = json.load(open(sys.argv[1]))
k = [k for k in sorted(t) if list(t.values()).count(t[k]) == 1][0]
print(k, t[k])' "$T/truth.json")
expect 0 "similar --json" -- "$CLI" similar "$L" "$L/generated/$REPEAT.json" --json
checks=$((checks + 1))
python3 - "$T/out" "$REPEAT" "$EARLIER" <<'PY' || { echo "FAIL: similar --json"; fails=$((fails + 1)); }
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
assert s and all(x["id"] != sys.argv[2] for x in s)
assert s[0]["id"] == sys.argv[3], (s[0]["id"], sys.argv[3])
assert s[0]["repeat"] is True and 0 <= s[0]["days_before"] <= 90
assert s[0]["reasons"].startswith("same service"), s[0]["reasons"]
PY
expect 0 "similar, text" -- "$CLI" similar "$L" "$L/generated/$REPEAT.json"
has "$T/out" "Looks like a repeat of" "the repeat note"
has "$T/out" "1. $EARLIER" "the earlier incident first"
expect 1 "similar with a file that is not a postmortem" -- "$CLI" similar "$L" "$L/team/broken.json"
expect 2 "similar without a file" -- "$CLI" similar "$L"

echo "library: $checks checks, $fails failures"
[ "$fails" -eq 0 ]
