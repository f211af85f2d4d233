#!/usr/bin/env bash
# `hindsight import alertmanager|grafana|statuspage FILE`: the documents, warnings, --incident and the errors (usage:
# import_alerts.sh CLI SRCDIR). See docs/importers.md.
set -u
CLI="$1"
SRCDIR="$2"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
source "$(dirname "$0")/lib.bash"
D="$SRCDIR/tests/data/import"

# ---- Alertmanager: payloads one per line, from a file and from standard input -----------------------------------
expect 0 "import alertmanager" -- "$CLI" import alertmanager "$D/alertmanager/firing_then_resolved.jsonl"
cp "$T/out" "$T/am.json"
has "$T/am.json" '"title": "CheckoutHighErrorRate"' "alertmanager title from alertname"
has "$T/am.json" '"type": "detected"' "alertmanager detected"
has "$T/am.json" '"type": "resolved"' "alertmanager resolved"
has "$T/am.json" 'チェックアウトの5xxエラー率が5%を超えています 🔥' "alertmanager annotation text"
has "$T/err" 'warning: /timeline:' "alertmanager warns about impact start"
expect 0 "imported alertmanager validates" -- "$CLI" validate "$T/am.json"
expect 0 "import alertmanager from stdin" -- bash -c "\"$CLI\" import alertmanager - <\"$D/alertmanager/flapping.json\""
has "$T/out" 'Fired again: KafkaConsumerLagHigh' "flapping alert"
expect 0 "import alertmanager, truncated alerts" -- "$CLI" import alertmanager "$D/alertmanager/many_labels_truncated.json"
has "$T/err" '/truncatedAlerts: 3 alerts were left out' "truncatedAlerts warning"
expect 1 "alertmanager: a line cut short" -- "$CLI" import alertmanager "$D/alertmanager/bad_line_cut_short.jsonl"
has "$T/err" 'bad_line_cut_short.jsonl: line 2: The payload that starts here is cut short' "the line is named"
expect 1 "alertmanager: not JSON" -- "$CLI" import alertmanager "$D/alertmanager/bad_not_json.txt"
has "$T/err" 'not valid JSON' "not JSON message"
expect 1 "alertmanager: bad startsAt" -- "$CLI" import alertmanager "$D/alertmanager/bad_starts_at.json"
has "$T/err" '/alerts/0/startsAt: The time "10 March 2026 05:12" is not ISO 8601' "bad time named"

# ---- Grafana -----------------------------------------------------------------------------------------------------
expect 0 "import grafana" -- "$CLI" import grafana "$D/grafana/firing_then_resolved.jsonl"
cp "$T/out" "$T/gf.json"
has "$T/gf.json" '"utc_offset": "+09:00"' "grafana keeps the offset"
has "$T/gf.json" '"title": "Dashboard: Checkout p99 latency"' "grafana dashboard link"
expect 0 "imported grafana validates" -- "$CLI" validate "$T/gf.json"
expect 1 "grafana: no alerts" -- "$CLI" import grafana "$D/grafana/bad_no_alerts.json"
has "$T/err" 'There is no "alerts" array' "grafana shape message"

# ---- Statuspage --------------------------------------------------------------------------------------------------
expect 0 "import statuspage" -- "$CLI" import statuspage --minify "$D/statuspage/incident.json"
has "$T/out" '"tags":["customer-facing"]' "customer-facing updates tagged"
has "$T/out" '"severity":2' "impact major is SEV2"
[ -s "$T/err" ] && { echo "FAIL: statuspage incident: unexpected warnings"; cat "$T/err"; fails=$((fails + 1)); }
expect 0 "import statuspage list: first" -- "$CLI" import statuspage "$D/statuspage/incidents_list.json"
has "$T/err" 'The file holds 2 incidents; imported the first' "list note"
has "$T/out" 'Задержка уведомлений по e-mail' "first incident"
expect 0 "import statuspage list: --incident" -- \
    "$CLI" import statuspage --incident p31zjtct2jer "$D/statuspage/incidents_list.json"
has "$T/out" 'Checkout payments failing for some customers' "the incident asked for"
expect 1 "statuspage: unknown --incident" -- "$CLI" import statuspage --incident nope "$D/statuspage/incidents_list.json"
has "$T/err" 'No incident has the id "nope"' "unknown id message"
expect 2 "--incident with another source" -- "$CLI" import grafana --incident x "$D/grafana/single_firing_v9.json"
expect 1 "statuspage: bad display_at" -- "$CLI" import statuspage "$D/statuspage/bad_display_at.json"
has "$T/err" '/incident_updates/2/display_at' "bad update time named"
expect 2 "unknown source lists the new ones" -- "$CLI" import datadog "$D/statuspage/incident.json"
has "$T/err" 'alertmanager, grafana or statuspage' "usage names the sources"

echo "import_alerts.sh: $checks checks, $fails failures"
[ "$fails" -eq 0 ]
