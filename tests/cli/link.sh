#!/usr/bin/env bash
# `hindsight link encode|decode` and `hindsight merge` (usage: link.sh CLI SRCDIR). See docs/links.md, docs/merge.md.
set -u
CLI="$1"
SRCDIR="$2"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
source "$(dirname "$0")/lib.bash"

SAMPLE="$SRCDIR/assets/samples/sre-checkout-outage.json"
"$CLI" fmt "$SAMPLE" >"$T/canonical.json"
"$CLI" fmt --minify "$SAMPLE" >"$T/canonical.min.json"

# ---- plain round trip ----------------------------------------------------------------------------------------------
expect 0 "encode with a base URL" -- "$CLI" link encode "$SAMPLE" --base-url https://hindsight.example.com/
has "$T/out" "https://hindsight.example.com/#h2." "the link is base URL # h2.payload"
cp "$T/out" "$T/link.txt"
expect 0 "decode the full URL" -- "$CLI" link decode "$(cat "$T/link.txt")"
same "$T/out" "$T/canonical.json" "decode gives the canonical document (pretty)"
expect 0 "decode --minify from stdin" -- "$CLI" link decode --minify - <"$T/link.txt"
same "$T/out" "$T/canonical.min.json" "decode --minify gives the minified canonical document"
expect 0 "encode without a base URL prints the fragment" -- "$CLI" link encode "$SAMPLE"
has "$T/out" "h2." "fragment"
expect 0 "decode the fragment with a leading #" -- "$CLI" link decode "#$(cat "$T/out")"
same "$T/out" "$T/canonical.json" "fragment round trip"
expect 0 "encode from stdin" -- "$CLI" link encode - <"$SAMPLE"

# ---- encrypted round trip ------------------------------------------------------------------------------------------
printf 'a long enough passphrase\n' >"$T/pass"
printf 'not the passphrase\n' >"$T/wrong"
: >"$T/empty"
expect 0 "encode with a passphrase file" -- "$CLI" link encode "$SAMPLE" --passphrase-file "$T/pass"
has "$T/out" "h2e." "encrypted prefix"
cp "$T/out" "$T/enc.txt"
expect 0 "decode with the passphrase" -- "$CLI" link decode "$(cat "$T/enc.txt")" --passphrase-file "$T/pass"
same "$T/out" "$T/canonical.json" "encrypted round trip"
expect 1 "decode without the passphrase" -- "$CLI" link decode "$(cat "$T/enc.txt")"
has "$T/err" "needs_passphrase" "error class"
has "$T/err" "protected by a passphrase" "message"
expect 1 "decode with a wrong passphrase" -- "$CLI" link decode "$(cat "$T/enc.txt")" --passphrase-file "$T/wrong"
has "$T/err" "The passphrase is not right for this link." "wrong passphrase message"
# --kdf: a slower key, carried by the link, that every reader opens; more than readers accept is refused at once.
expect 0 "encode with --kdf 3,32" -- "$CLI" link encode "$SAMPLE" --passphrase-file "$T/pass" --kdf 3,32
cp "$T/out" "$T/slow.txt"
expect 0 "decode a --kdf 3,32 link" -- "$CLI" link decode "$(cat "$T/slow.txt")" --passphrase-file "$T/pass"
same "$T/out" "$T/canonical.json" "a link with a slower key round-trips"
expect 2 "--kdf over the readers' cap" -- "$CLI" link encode "$SAMPLE" --passphrase-file "$T/pass" --kdf 17,64
has "$T/err" "more than readers accept" "over-cap --kdf is refused with the cap"
expect 2 "--kdf without a passphrase" -- "$CLI" link encode "$SAMPLE" --kdf 3,32
has "$T/err" "--kdf needs --passphrase-file" "--kdf needs a passphrase"
expect 2 "--kdf that is not PASSES,MEBIBYTES" -- "$CLI" link encode "$SAMPLE" --passphrase-file "$T/pass" --kdf fast
has "$T/err" "PASSES,MEBIBYTES" "malformed --kdf"
expect 1 "empty passphrase file" -- "$CLI" link encode "$SAMPLE" --passphrase-file "$T/empty"
has "$T/err" "the passphrase file is empty" "empty passphrase"

# ---- passphrases: any Unicode, normalised to NFC; bytes that are not UTF-8 are refused ------------------------------
# The frozen vector was sealed with the NFC form; the NFD file's bytes differ (e + U+0301, Hangul jamo, ...) and open
# it only because the CLI normalises. The unit tests check that the raw NFD bytes do not.
D="$SRCDIR/tests/data/link"
"$CLI" fmt "$D/v2-expected.json" >"$T/v2.json"
checks=$((checks + 1))
if cmp -s "$D/v2-unicode-pass-nfc.txt" "$D/v2-unicode-pass-nfd.txt"; then
    echo "FAIL: the NFC and NFD passphrase files are the same bytes"; fails=$((fails + 1))
fi
expect 0 "frozen non-ASCII vector, NFC passphrase file" -- \
    "$CLI" link decode - --passphrase-file "$D/v2-unicode-pass-nfc.txt" <"$D/v2-encrypted-unicode.txt"
same "$T/out" "$T/v2.json" "NFC passphrase gives the expected document"
expect 0 "frozen non-ASCII vector, NFD passphrase file" -- \
    "$CLI" link decode - --passphrase-file "$D/v2-unicode-pass-nfd.txt" <"$D/v2-encrypted-unicode.txt"
same "$T/out" "$T/v2.json" "NFD passphrase gives the expected document"
expect 1 "frozen non-ASCII vector, another passphrase" -- \
    "$CLI" link decode - --passphrase-file "$T/pass" <"$D/v2-encrypted-unicode.txt"
has "$T/err" "(wrong_passphrase)" "another passphrase is refused"
expect 0 "encode with an NFD passphrase file" -- \
    "$CLI" link encode "$SAMPLE" --passphrase-file "$D/v2-unicode-pass-nfd.txt"
has "$T/out" "h2e." "encrypted prefix"
cp "$T/out" "$T/enc-nfd.txt"
expect 0 "decode it with the NFC passphrase file" -- \
    "$CLI" link decode "$(cat "$T/enc-nfd.txt")" --passphrase-file "$D/v2-unicode-pass-nfc.txt"
same "$T/out" "$T/canonical.json" "NFD encode, NFC decode round trip"
{ printf '\xef\xbb\xbf'; cat "$D/v2-unicode-pass-nfd.txt"; } >"$T/bom"
expect 0 "a UTF-8 passphrase file with a byte order mark (as Windows editors save it)" -- \
    "$CLI" link decode - --passphrase-file "$T/bom" <"$D/v2-encrypted-unicode.txt"
same "$T/out" "$T/v2.json" "the byte order mark is not part of the passphrase"
printf 'caf\xe9 latin-1\n' >"$T/latin1"
expect 1 "a passphrase file that is not UTF-8 (decode)" -- \
    "$CLI" link decode "$(cat "$T/enc-nfd.txt")" --passphrase-file "$T/latin1"
has "$T/err" "$T/latin1: the passphrase is not valid UTF-8 text (the byte 0xE9 at offset 3" "names the file and byte"
has "$T/err" "Save the passphrase file as UTF-8" "says what to do"
hasnt "$T/err" "wrong_passphrase" "refused before any key derivation"
printf '\xff\xfep\x00w\x00\n\x00' >"$T/utf16"
expect 1 "a UTF-16 passphrase file (encode)" -- "$CLI" link encode "$SAMPLE" --passphrase-file "$T/utf16"
has "$T/err" "the byte 0xFF at offset 0" "UTF-16 byte-order mark"
checks=$((checks + 1))
if [ -s "$T/out" ]; then echo "FAIL: encode with an invalid passphrase printed a link"; fails=$((fails + 1)); fi

# ---- links written by v1 (h1., h1e.) keep opening ----------------------------------------------------------------
expect 0 "decode a frozen v1 link" -- "$CLI" link decode --minify - <"$SRCDIR/tests/data/link/v1-plain.txt"
"$CLI" fmt --minify "$SRCDIR/tests/data/link/v1-expected.json" >"$T/v1.min.json"
same "$T/out" "$T/v1.min.json" "v1 link decodes to its document"

# ---- decode errors: exit 1 with the class and the message -----------------------------------------------------------
L="$(cat "$T/link.txt")"
expect 1 "a cut link" -- "$CLI" link decode "${L:0:900}"
has "$T/err" "(truncated): This link is incomplete" "truncated"
has "$T/err" "Share > Download file" "tells what to do"
M="${L:0:200}$( [ "${L:200:1}" = A ] && echo B || echo A )${L:201}"
expect 1 "a changed character" -- "$CLI" link decode "$M"
has "$T/err" "(corrupt): This link is damaged" "corrupt"
expect 1 "an unknown prefix" -- "$CLI" link decode "https://x.example/#h9.AAAA"
has "$T/err" "unknown_version" "unknown version"
expect 1 "an empty link" -- "$CLI" link decode "https://x.example/#"
has "$T/err" "(empty)" "empty"
expect 1 "bad characters" -- "$CLI" link decode "h2.abc\$def"
has "$T/err" "(bad_characters)" "bad characters"
expect 2 "unknown link action" -- "$CLI" link frobnicate x
expect 2 "decode needs a link" -- "$CLI" link decode
expect 1 "encode a missing file" -- "$CLI" link encode "$T/nope.json"

# ---- merge ---------------------------------------------------------------------------------------------------------
cat >"$T/base.json" <<'JSON'
{"format":"hindsight.postmortem","version":1,"id":"pm-1","title":"Base","summary":"S",
 "timeline":[{"id":"ev-1","time":"2026-03-01T10:00:00Z","description":"one"},
             {"id":"ev-2","time":"2026-03-01T10:05:00Z","description":"two"}]}
JSON
cat >"$T/ours.json" <<'JSON'
{"format":"hindsight.postmortem","version":1,"id":"pm-1","title":"Ours","summary":"S",
 "timeline":[{"id":"ev-1","time":"2026-03-01T10:00:00Z","description":"one"},
             {"id":"ev-2","time":"2026-03-01T10:05:00Z","description":"two, ours"}]}
JSON
cat >"$T/theirs.json" <<'JSON'
{"format":"hindsight.postmortem","version":1,"id":"pm-1","title":"Base","summary":"S, theirs",
 "timeline":[{"id":"ev-1","time":"2026-03-01T10:00:00Z","description":"one"},
             {"id":"ev-3","time":"2026-03-01T10:07:00Z","description":"three"},
             {"id":"ev-2","time":"2026-03-01T10:05:00Z","description":"two"}]}
JSON
cat >"$T/theirs2.json" <<'JSON'
{"format":"hindsight.postmortem","version":1,"id":"pm-1","title":"Theirs","summary":"S",
 "timeline":[{"id":"ev-1","time":"2026-03-01T10:00:00Z","description":"one"}]}
JSON
expect 0 "merge without conflicts" -- "$CLI" merge "$T/base.json" "$T/ours.json" "$T/theirs.json"
has "$T/out" '"title": "Ours"' "ours' edit"
has "$T/out" '"summary": "S, theirs"' "theirs' edit"
has "$T/out" '"description": "three"' "theirs' addition"
has "$T/out" '"description": "two, ours"' "ours' item edit"
checks=$((checks + 1))
if [ -s "$T/err" ]; then echo "FAIL: clean merge wrote to stderr"; fails=$((fails + 1)); fi
expect 3 "merge with conflicts" -- "$CLI" merge "$T/base.json" "$T/ours.json" "$T/theirs2.json"
has "$T/out" '"title": "Ours"' "conflict keeps ours"
has "$T/out" '"description": "two, ours"' "edit/delete keeps ours"
has "$T/err" '"path": "/title"' "conflict path"
has "$T/err" '"kind": "edit_edit"' "conflict kind"
has "$T/err" '"path": "/timeline/ev-2"' "item conflict path"
has "$T/err" '"kind": "edit_delete"' "edit/delete kind"
has "$T/err" '"label": "Title"' "conflict label in the editor's words"
has "$T/err" '"what": "You changed it; they removed it."' "what happened, as a sentence"
has "$T/err" '"label": "Timeline: 10:05 two, ours"' "an item named by its time and text"
has "$T/err" '"keep_both": true' "keep both offered for the title"
checks=$((checks + 1))
if ! python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert isinstance(a,list) and len(a)==2' "$T/err"; then
    echo "FAIL: conflicts on stderr are not a JSON array of 2"; fails=$((fails + 1))
fi
expect 1 "merge with an invalid input" -- "$CLI" merge "$T/base.json" "$T/ours.json" "$T/nope.json"
expect 2 "merge needs three files" -- "$CLI" merge "$T/base.json" "$T/ours.json"

echo "link.sh: $checks checks, $fails failures"
[ "$fails" -eq 0 ]
