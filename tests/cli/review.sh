#!/usr/bin/env bash
# `hindsight review reply|apply|list` (usage: review.sh CLI SRCDIR). See docs/cli.md.
set -u
CLI="$1"
SRCDIR="$2"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
source "$(dirname "$0")/lib.bash"
export SOURCE_DATE_EPOCH=1773310000  # 2026-03-12T10:06:40Z: the reply's suggestion and its times are fixed

BASE="$SRCDIR/assets/samples/ru-courier-dispatch-backlog.json"
COPY="$SRCDIR/tests/data/review/reviewer-copy.json"
cp "$BASE" "$T/draft.json"

# ---- reply: the reviewer's copy against the version received ------------------------------------------------------
expect 0 "reply from a reviewer's copy" -- "$CLI" review reply "$COPY" --base "$BASE" --base-url https://hindsight.example.com/
has "$T/out" "https://hindsight.example.com/#r1." "a reply link with the r1. prefix"
cp "$T/out" "$T/reply.txt"
len=$(tr -d '\n' <"$T/reply.txt" | sed 's/.*#//' | wc -c)
checks=$((checks + 1))
# Three Russian comments, a direct edit (a suggestion) and a decision with its own comment: short enough for Teams.
if [ "$len" -gt 900 ]; then echo "FAIL: the reply is $len characters, over Teams' 900"; fails=$((fails + 1)); fi
expect 0 "the reviewer's name is read from the copy" -- "$CLI" review reply "$COPY" --base "$BASE"
has "$T/out" "r1." "fragment only without --base-url"
expect 1 "a copy that adds nothing" -- "$CLI" review reply "$BASE" --base "$BASE" --reviewer "Мария"
has "$T/err" "adds nothing" "says that nothing was added"
expect 2 "reply without --base" -- "$CLI" review reply "$COPY"
has "$T/err" "missing --base" "names the missing option"

# ---- apply ----------------------------------------------------------------------------------------------------------
expect 0 "apply without --write prints what it adds" -- "$CLI" review apply "$T/draft.json" "$(cat "$T/reply.txt")"
has "$T/out" "+ Comment by Технический директор on summary at \"с задержкой до 42 минут\"" "the first comment"
has "$T/out" "+ Suggestion by Технический директор on summary" "the direct edit, as a suggestion"
has "$T/out" "+ Decision by Технический директор: changes_requested" "the decision"
has "$T/err" "add --write" "says it did not write"
same "$T/draft.json" "$BASE" "the draft is unchanged without --write"
expect 0 "apply --write from a file" -- "$CLI" review apply "$T/draft.json" "$T/reply.txt" --write
expect 0 "the written draft is valid" -- "$CLI" validate "$T/draft.json"
cp "$T/draft.json" "$T/once.json"
expect 0 "apply the same reply again, from stdin" -- "$CLI" review apply "$T/draft.json" - --write <"$T/reply.txt"
has "$T/err" "nothing new" "a second time adds nothing"
same "$T/draft.json" "$T/once.json" "applying twice gives the same document"

# ---- exports leave the review out unless asked ---------------------------------------------------------------------
for kind in md html; do
    expect 0 "export $kind without comments" -- "$CLI" export $kind "$T/draft.json"
    hasnt "$T/out" "Добавьте цифру" "no comment text in the $kind export"
    hasnt "$T/out" "Review comments" "no comment section in the $kind export"
    expect 0 "export $kind --with-comments" -- "$CLI" export $kind --with-comments "$T/draft.json"
    has "$T/out" "Review comments" "a comment section in the $kind export"
    has "$T/out" "Добавьте цифру в раздел" "the comment text in the $kind export"
done
expect 2 "--with-comments on csv" -- "$CLI" export csv --with-comments "$T/draft.json"

# ---- list -----------------------------------------------------------------------------------------------------------
expect 0 "list" -- "$CLI" review list "$T/draft.json"
has "$T/out" "cm-5c1a9e02	open	Технический директор	summary \"с задержкой до 42 минут\"" "a comment line"
has "$T/err" "3 open comments of 3, 1 open suggestion; review state: changes_requested." "the summary line"
expect 1 "list --open fails while comments are open (a CI gate)" -- "$CLI" review list --open "$T/draft.json"
# The author resolves every comment (as the editor would) and the gate opens.
python3 - "$T/draft.json" <<'EOF'
import json, sys
p = sys.argv[1]
d = json.load(open(p, encoding="utf-8"))
for c in d["comments"]:
    c["resolved"] = {"by": "Ольга", "at": "2026-03-12T11:00:00Z"}
json.dump(d, open(p, "w", encoding="utf-8"), ensure_ascii=False)
EOF
expect 0 "list --open passes once all are resolved" -- "$CLI" review list --open "$T/draft.json"
has "$T/err" "0 open comments of 3" "counts"

# ---- a reply the draft cannot take --------------------------------------------------------------------------------
"$CLI" fmt "$SRCDIR/assets/samples/minimal-cert-expiry.json" >"$T/other.json"
expect 1 "a reply on a version this draft never shared" -- "$CLI" review apply "$T/other.json" "$T/reply.txt"
has "$T/err" "never shared" "says what it needs"
has "$T/err" "send the reviewer a new link" "and what to do"
expect 1 "a cut reply link" -- "$CLI" review apply "$T/draft.json" "$(head -c 200 "$T/reply.txt")"
has "$T/err" "(truncated)" "error class"
expect 1 "a share link is not a reply" -- "$CLI" review apply "$T/draft.json" "$("$CLI" link encode "$BASE")"
has "$T/err" "not a reply" "explains the mix-up"

# ---- encrypted -------------------------------------------------------------------------------------------------------
printf 'пароль для ревью\n' >"$T/pass"
expect 0 "an encrypted reply" -- "$CLI" review reply "$COPY" --base "$BASE" --passphrase-file "$T/pass"
has "$T/out" "r1e." "encrypted prefix"
cp "$T/out" "$T/enc.txt"
cp "$BASE" "$T/draft2.json"
expect 1 "an encrypted reply without the passphrase" -- "$CLI" review apply "$T/draft2.json" "$T/enc.txt"
has "$T/err" "(needs_passphrase)" "error class"
expect 0 "an encrypted reply with the passphrase" -- "$CLI" review apply "$T/draft2.json" "$T/enc.txt" --write \
    --passphrase-file "$T/pass"
expect 0 "list after the encrypted reply" -- "$CLI" review list "$T/draft2.json"
has "$T/err" "3 open comments of 3" "the same three comments"

# ---- usage -----------------------------------------------------------------------------------------------------------
expect 2 "unknown action" -- "$CLI" review approve "$BASE"
has "$T/err" "use apply, list or reply" "names the actions"
expect 2 "--write with list" -- "$CLI" review list --write "$BASE"
expect 2 "--write on stdin" -- "$CLI" review apply - "$T/reply.txt" --write

echo "review.sh: $checks checks, $fails failures"
[ "$fails" -eq 0 ]
