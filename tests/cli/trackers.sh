#!/usr/bin/env bash
# `hindsight export jira-csv|gitlab-csv` and `hindsight actions update` (usage: trackers.sh CLI SRCDIR). The exports
# are read back with Python's csv module, an RFC 4180 reader independent of Hindsight's. See docs/cli.md.
set -u
CLI="$1"
SRCDIR="$2"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
source "$(dirname "$0")/lib.bash"
D="$SRCDIR/tests/data/tracker"

# ---- exports -----------------------------------------------------------------------------------------------------
expect 0 "export jira-csv" -- "$CLI" export jira-csv "$D/postmortem.json"
cp "$T/out" "$T/jira.csv"
checks=$((checks + 1))
python3 - "$T/jira.csv" <<'PY' || { echo "FAIL: jira csv does not read back"; fails=$((fails + 1)); }
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0] == ["Summary", "Issue Type", "Status", "Priority", "Assignee", "Due date", "Labels", "Labels",
                   "Description"], rows[0]
assert len(rows) == 5, len(rows)
assert rows[1][0] == "接続プールの上限を見直す" and rows[1][3] == "Highest" and rows[1][5] == "2026-12-12", rows[1]
assert rows[2][0].startswith("Добавить") and rows[2][2] == "In Progress" and rows[2][3] == "High", rows[2]
assert rows[3][0].endswith("🚨") and rows[3][5] == "", rows[3]
assert [r[6] for r in rows[1:]] == ["hindsight-ai-3f9a1c02", "hindsight-ai-7b20e4d1", "hindsight-ai-0c55d9e8",
                                    "hindsight-ai-9d41aa73"]
assert all(r[7] == "INC-2031" for r in rows[1:])
assert all("Hindsight item: " + r[6] in r[8] for r in rows[1:])
PY
expect 0 "export gitlab-csv" -- "$CLI" export gitlab-csv "$D/postmortem.json"
checks=$((checks + 1))
python3 - "$T/out" <<'PY' || { echo "FAIL: gitlab csv does not read back"; fails=$((fails + 1)); }
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert [r["title"][:4] for r in rows] == ["接続プー", "Доба", "Ενημ", "Reti"], rows
assert rows[0]["due_date"] == "2026-12-12" and rows[2]["due_date"] == ""
assert all("hindsight-ai-" in r["description"] for r in rows)
PY
expect 2 "export to an unknown tracker format" -- "$CLI" export trello-csv "$D/postmortem.json"
has "$T/err" "jira-csv, gitlab-csv" "usage names the tracker formats"

# ---- actions update ------------------------------------------------------------------------------------------------
cp "$D/postmortem.json" "$T/pm.json"
expect 0 "actions update (Jira export) without --write" -- "$CLI" actions update "$T/pm.json" "$D/jira-export.csv"
has "$T/out" "ai-3f9a1c02 status: open -> done" "status change printed"
has "$T/out" "ai-7b20e4d1 due: 2026-12-20 -> 2026-12-22" "due date from Jira's dd/MMM/yy"
has "$T/out" "ai-0c55d9e8 ticket_url: (none) -> https://acme.atlassian.net/browse/OPS-4113" "ticket link"
has "$T/err" "unmatched row (line 15, OPS-4120" "unmatched row reported"
has "$T/err" "unmatched item ai-9d41aa73" "unmatched item reported"
same "$T/pm.json" "$D/postmortem.json" "without --write the file is untouched"

expect 0 "actions update --write" -- "$CLI" actions update --write "$T/pm.json" "$D/jira-export.csv"
has "$T/err" "wrote 6 change(s)" "says what it wrote"
expect 0 "the written file is valid" -- "$CLI" validate "$T/pm.json"
checks=$((checks + 1))
python3 - "$T/pm.json" <<'PY' || { echo "FAIL: --write did not apply the changes"; fails=$((fails + 1)); }
import json, sys
items = {a["id"]: a for a in json.load(open(sys.argv[1], encoding="utf-8"))["action_items"]}
assert items["ai-3f9a1c02"].get("status") == "done"
assert items["ai-7b20e4d1"]["status"] == "wont_do" and items["ai-7b20e4d1"]["due"] == "2026-12-22"
assert items["ai-0c55d9e8"]["status"] == "in_progress"
assert items["ai-9d41aa73"].get("status", "open") == "open"
assert items["ai-0c55d9e8"]["title"] == "Ενημέρωση του runbook για failover 🚨"
PY
expect 0 "a second update has nothing to do" -- "$CLI" actions update "$T/pm.json" "$D/jira-export.csv"
has "$T/err" "no changes" "says there is nothing to change"

expect 0 "actions update (GitLab export)" -- "$CLI" actions update "$D/postmortem.json" "$D/gitlab-export.csv"
has "$T/out" "ai-3f9a1c02 ticket_url: (none) -> https://gitlab.example.com/payments/api/-/issues/57" "gitlab url"
has "$T/err" "unmatched row (line 6, #59" "gitlab issue number"
expect 0 "--jira-url gives the ticket base" -- "$CLI" actions update --jira-url https://jira.example.org \
    "$D/postmortem.json" "$D/jira-export.csv"
has "$T/out" "https://jira.example.org/browse/OPS-4111" "given base used"

head -c 400 "$D/jira-export.csv" >"$T/cut.csv"
expect 1 "a tracker CSV cut short" -- "$CLI" actions update "$D/postmortem.json" "$T/cut.csv"
has "$T/err" "never closed" "says the quote is unclosed"
printf 'Summary,Status\r\nA,Done\r\n' >"$T/nolabels.csv"
expect 1 "a CSV without Labels or Description" -- "$CLI" actions update "$D/postmortem.json" "$T/nolabels.csv"
has "$T/err" "neither a Labels nor a Description" "says which columns are missing"
expect 1 "a missing tracker file" -- "$CLI" actions update "$D/postmortem.json" "$T/none.csv"
expect 2 "--write to standard input" -- "$CLI" actions update --write - "$D/jira-export.csv"
expect 2 "an unknown actions action" -- "$CLI" actions sync "$D/postmortem.json" "$D/jira-export.csv"
expect 2 "missing the tracker file" -- "$CLI" actions update "$D/postmortem.json"

echo "trackers.sh: $checks checks, $fails failures"
[ "$fails" -eq 0 ]
