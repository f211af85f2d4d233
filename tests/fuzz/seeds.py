#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpora from the samples, the templates, the test data and JSONTestSuite.

  python3 tests/fuzz/seeds.py OUT_DIR CLI     (CLI: the native `hindsight`, used to make real share links)

Each target gets OUT_DIR/<target>/ with one file per seed. Deterministic: same inputs, same files. The committed
regression inputs (tests/fuzz/regressions/<target>/) are passed to the fuzzer separately by tests/fuzz/run.sh.
"""
import glob
import hashlib
import io
import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUITE = os.path.join(ROOT, "..", "shared", "testdata", "JSONTestSuite", "test_parsing")


def read(p):
    with open(p, "rb") as fh:
        return fh.read()


def docs():
    return sorted(glob.glob(os.path.join(ROOT, "assets", "samples", "*.json")) +
                  glob.glob(os.path.join(ROOT, "assets", "templates", "*.json")))


def put(out, target, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as fh:
        fh.write(data)


def zip_of(files, method, renames):
    """A Slack export's files as one archive under a top folder, channel folders renamed by `renames`."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for rel, data in sorted(files.items()):
            parts = rel.split(os.sep)
            parts[0] = renames.get(parts[0], parts[0])
            info = zipfile.ZipInfo("Slack エクスポート 2026-03/" + "/".join(parts), date_time=(2026, 3, 2, 9, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return buf.getvalue()


def main():
    out, cli = sys.argv[1], sys.argv[2]
    documents = [read(p) for p in docs()]
    # JSON documents: ours, plus every JSONTestSuite parser case (valid, invalid and implementation-defined).
    for d in documents:
        put(out, "fuzz_load_document", d)
    for p in sorted(glob.glob(os.path.join(SUITE, "*.json"))):
        put(out, "fuzz_load_document", read(p))
    # Links: real ones made by the CLI (mode byte 0 = link text as pasted), and the committed v1 and v2 test vectors.
    for p in docs():
        link = subprocess.run([cli, "link", "encode", p], check=True, capture_output=True).stdout.strip()
        put(out, "fuzz_link_decode", b"\x00" + link)
    for p in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "link", "*.txt"))):
        put(out, "fuzz_link_decode", b"\x00" + read(p).strip())
    put(out, "fuzz_link_decode", b"\x01")
    put(out, "fuzz_link_decode", b"\x03" + bytes(range(64)))
    put(out, "fuzz_link_decode", b"\x04")  # modes 4-6: the same frames behind v1's prefixes
    put(out, "fuzz_link_decode", b"\x06" + bytes(range(64)))
    # Reply links: one made by the CLI from the review test data (mode 0), and reply JSON packed by the target
    # (mode 1): comments in several scripts, a reply, a resolution, a suggestion and a decision.
    review = os.path.join(ROOT, "tests", "data", "review", "reviewer-copy.json")
    base = os.path.join(ROOT, "assets", "samples", "ru-courier-dispatch-backlog.json")
    link = subprocess.run([cli, "review", "reply", review, "--base", base], check=True, capture_output=True,
                          env=dict(os.environ, SOURCE_DATE_EPOCH="1773310000")).stdout.strip()
    put(out, "fuzz_review_reply", b"\x00" + link)
    replies = [
        '{"b":"AAAAAAAAAAAA","n":"Мария","c":[{"i":"cm-1a","t":1773310000,"a":{"p":"summary","q":"cache",'
        '"b":"The ","a":" was","o":4},"x":"Откуда цифра? 🤔"}],"d":{"d":"approved","t":1773310100}}',
        '{"b":"AAAAAAAAAAAA","n":"佐藤","r":[{"c":"cm-1","i":"re-1","t":1773310000,"x":"確認しました"}],'
        '"m":[{"c":"cm-1","k":true,"t":1773310001}],"s":[{"i":"sg-1","a":{"p":"root_causes/rc-1/text",'
        '"q":"όλες","o":40},"x":"πολλές","t":1773310002,"u":"Γιώργος"}]}',
        '{"b":"x","c":[{"i":"cm-2","a":{"p":"timeline/ev-1"},"r":[{"i":"re-2","x":"ok"}],"k":{"t":5},"o":{"t":6}}]}',
    ]
    for r in replies:
        put(out, "fuzz_review_reply", b"\x01" + r.encode())
    put(out, "fuzz_review_reply", b"\x02" + bytes(range(48)))
    put(out, "fuzz_review_reply", b"\x03" + bytes(range(96)))
    # Merge: (base, ours, theirs) triples of each document with itself and with its neighbour.
    for i, d in enumerate(documents):
        other = documents[(i + 1) % len(documents)]
        put(out, "fuzz_merge", d + b"\n---\n" + d + b"\n---\n" + d)
        put(out, "fuzz_merge", d + b"\n---\n" + d + b"\n---\n" + other)
    # Importers: their test data, good and bad.
    for kind in ("csv", "opsgenie", "pagerduty", "slack", "alertmanager", "grafana", "statuspage"):
        for p in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "import", kind, "*"))):
            if os.path.isfile(p):
                put(out, "fuzz_import_" + kind, read(p))
    # The two alert webhooks send the same alert objects: each target also starts from the other's payloads.
    for kind, other in (("alertmanager", "grafana"), ("grafana", "alertmanager")):
        for p in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "import", other, "*"))):
            put(out, "fuzz_import_" + kind, read(p))
    # Slack: a day file and users.json, split at a NUL byte (see fuzz_import_slack.cpp).
    slack = os.path.join(ROOT, "tests", "data", "import", "slack")
    put(out, "fuzz_import_slack", read(os.path.join(slack, "day_2026-03-01.json")) + b"\0" +
        read(os.path.join(slack, "users.json")))
    # Zip: the committed archives (good, hostile, a bomb, too many entries), and exports written here with Python's
    # zipfile, stored and deflated, with Japanese, Cyrillic and emoji folder names (zipfile marks them UTF-8).
    for p in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "zip", "*.zip"))):
        put(out, "fuzz_read_zip", read(p))
    export = os.path.join(slack, "export")
    files = {os.path.relpath(p, export): read(p) for p in sorted(glob.glob(os.path.join(export, "**", "*.json"),
                                                                           recursive=True))}
    renames = {"inc-4821-checkout": "障害-決済", "sre-oncall": "дежурство-🔥"}
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        for names in ({}, renames):
            put(out, "fuzz_read_zip", zip_of(files, method, names))
    # Paste: chat and log lines in the formats docs/timeline.md lists, and some that must be refused.
    lines = [
        b"14:02 Deploy of config v42 started\n14:05 Error rate above 5%\n14:20 Rolled back",
        b"2026-03-01T14:02Z Paged the on-call\n2026-03-01T14:09:30+01:00 Acknowledged",
        b"[14:02] oncall-primary: seeing 500s on checkout\n[14:03] oncall-secondary: rolling back",
        b"Mar 1 23:58 started\nMar 2 00:03 crossed midnight\n00:10 still going",
        b"2026-03-29 01:59 before the change\n2026-03-29 02:30 skipped hour\n03:10 after",
        b"no time here\n25:61 not a time\n\n\t\t\n",
    ]
    for i, l in enumerate(lines):
        put(out, "fuzz_paste", bytes([i * 37 % 256]) + l)
        put(out, "fuzz_paste", bytes([0x80 | i]) + l)
    # Text functions: five header bytes (mode, the piece to search for, a limit; see fuzz_text.cpp), then text in
    # many scripts, emoji sequences, text whose case folding changes its length, invalid UTF-8, and the documents.
    texts = [
        "障害対応の報告: human errorではなく、設定の欠陥。",
        "Отчёт о сбое: ЁЛКА упала, ошибка в конфигурации. Звіт: ЄІЇ",
        "Ο διακομιστής έπεσε. ΣΊΣΥΦΟΣ σίσυφος ς",
        "Die Straße ist gesperrt, STRASSE frei. İstanbul, ﬁnd, \u212a",
        "👍🏽 🇯🇵🇺🇦 👨\u200d👩\u200d👧 ❤\ufe0f 1\ufe0f\u20e3 🔥 e\u0301 한국어 \u1100\u1161\u11a8",
        "a\r\nb\r\r\n\u0600\u0661 \u0915\u093f",
    ]
    for i, t in enumerate(texts):
        put(out, "fuzz_text", bytes([0, i, 7 * i, 5 + i, 9 + 4 * i]) + t.encode())
    put(out, "fuzz_text", bytes([0, 0, 1, 3, 4]) + b"\x80\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xe2\x82 ok \xf0\x9f\x98")
    put(out, "fuzz_text", bytes([1, 0, 2, 9, 12]) + bytes(range(96)))
    put(out, "fuzz_text", bytes([1, 0, 5, 7, 30]) + bytes([27, 28, 18, 30, 23, 24, 25, 26, 16, 36, 37, 38, 39, 40, 41]))
    for d in documents:
        put(out, "fuzz_text", bytes([0, 1, 2, 12, 20]) + d[:4000])
    for t in sorted(os.listdir(out)):
        print(f"  {t}: {len(os.listdir(os.path.join(out, t)))} seeds")


if __name__ == "__main__":
    main()
