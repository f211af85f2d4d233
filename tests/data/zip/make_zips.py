#!/usr/bin/env python3
"""Writes the zip fixtures of tests/unit/test_zip.cpp and tests/cli/cli.sh into this folder.

Run it again after changing it: python3 tests/data/zip/make_zips.py. The archives are made with Python's zipfile
(the same format Slack's export and every desktop zip tool write); the hostile ones are patched byte by byte where
zipfile will not write them (an encrypted flag, a wrong checksum).
"""
import io
import json
import os
import struct
import zipfile
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_DATE = (2026, 3, 2, 9, 0, 0)  # entry dates, so that the archives are the same byte for byte on every run
TOP = "Acme Slack export Mar 1 2026 - Mar 2 2026/"


def ts(day, hh, mm, ss=0, micro=0):
    t = datetime(2026, 3, day, hh, mm, ss, tzinfo=timezone.utc).timestamp()
    return "%d.%06d" % (int(t), micro)


def msg(user, day, hh, mm, text, profile=None, **extra):
    m = {"type": "message", "user": user, "text": text, "ts": ts(day, hh, mm)}
    if profile:
        m["user_profile"] = profile
    m.update(extra)
    return m


TOKYO = {"display_name": "東京オンコール", "real_name": "Tokyo on-call", "name": "oncall-tokyo"}
DUTY = {"display_name": "Дежурный инженер", "real_name": "Engineer on duty", "name": "duty-eng"}
DB_TEAM = {"display_name": "", "real_name": "Ομάδα βάσης δεδομένων", "name": "db-team"}

# users.json names only the Tokyo on-call account: the others are known from their messages' user_profile, in
# another channel or on another day than where they are mentioned.
USERS = [{"id": "U100TOKYO", "name": "oncall-tokyo", "profile": {"display_name": "東京オンコール",
                                                                   "real_name": "Tokyo on-call"}}]
CHANNELS = [{"id": "C111CHECK", "name": "inc-checkout"}, {"id": "C222PAY", "name": "inc-payments"}]

CHECKOUT_DAY1 = [
    {"type": "message", "subtype": "channel_join", "user": "U100TOKYO", "text": "<@U100TOKYO> has joined the channel",
     "ts": ts(1, 12, 58)},
    {"type": "message", "subtype": "bot_message", "username": "PagerDuty", "bot_id": "B01PD",
     "text": "Triggered: checkout-api 5xx &gt; 5% :rotating_light:", "ts": ts(1, 13, 1)},
    msg("U100TOKYO", 1, 13, 2, "<!here> チェックアウトで 502 が急増しています 🔥", TOKYO,
        thread_ts=ts(1, 13, 2), reply_count=1),
    msg("U100TOKYO", 1, 13, 5, "ロールバックを開始します、<@U200DUTY> 確認お願いします", TOKYO, thread_ts=ts(1, 13, 2),
        parent_user_id="U100TOKYO"),
    msg("U100TOKYO", 1, 13, 7, "DB 接続プールが枯渇しています (max 200/200)", TOKYO,
        edited={"user": "U100TOKYO", "ts": ts(1, 13, 8)}),
]
CHECKOUT_DAY2 = [
    msg("U200DUTY", 2, 0, 10, "Откат завершён, ошибки упали до 0,1% ✅", DUTY),
    {"type": "message", "subtype": "channel_leave", "user": "U200DUTY", "text": "<@U200DUTY> has left the channel",
     "ts": ts(2, 0, 30)},
]
PAYMENTS_DAY1 = [
    {"type": "message", "subtype": "bot_message", "bot_id": "B02GF", "bot_profile": {"name": "Grafana"}, "text": "",
     "attachments": [{"fallback": "[Alerting] payments p99 latency &gt; 2s"}], "ts": ts(1, 13, 3)},
    msg("U300DB", 1, 13, 4, "Платежи тоже падают? <@U200DUTY> посмотри, пожалуйста. cc <@U999GONE>", DB_TEAM),
    msg("U100TOKYO", 1, 13, 20, "決済は影響なし 🙏 詳細は <#C111CHECK|inc-checkout> へ", TOKYO),
    msg("U200DUTY", 1, 13, 25, "Η <@U300DB> επιβεβαίωσε: καμία απώλεια δεδομένων 👍", DUTY),
]


def info(name, method=zipfile.ZIP_DEFLATED):
    zi = zipfile.ZipInfo(name, FIXED_DATE)
    zi.compress_type = method
    zi.external_attr = 0o644 << 16
    return zi


def dumps(v):
    return json.dumps(v, ensure_ascii=False, indent=1).encode("utf-8")


def slack_export(extra=()):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(info(TOP), b"")
        z.writestr(info(TOP + "users.json"), dumps(USERS))
        z.writestr(info(TOP + "channels.json"), dumps(CHANNELS))
        z.writestr(info(TOP + "inc-checkout/2026-03-01.json"), dumps(CHECKOUT_DAY1))
        z.writestr(info(TOP + "inc-checkout/2026-03-02.json", zipfile.ZIP_STORED), dumps(CHECKOUT_DAY2))
        z.writestr(info(TOP + "inc-payments/2026-03-01.json"), dumps(PAYMENTS_DAY1))
        for name, data in extra:
            z.writestr(info(name), data)
    return buf.getvalue()


def patch_flag(data, bit):
    """Sets a general-purpose flag bit in every local and central header (zipfile writes no encrypted entries)."""
    out = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = out.find(sig)
        while i >= 0:
            flag = struct.unpack_from("<H", out, i + off)[0]
            struct.pack_into("<H", out, i + off, flag | bit)
            i = out.find(sig, i + 4)
    return bytes(out)


def patch_crc(data, name):
    """Makes the checksum of entry `name` wrong in both headers: the content no longer matches."""
    out = bytearray(data)
    for sig, crc_off, name_off in ((b"PK\x03\x04", 14, 30), (b"PK\x01\x02", 16, 46)):
        i = out.find(sig)
        while i >= 0:
            if out[i + name_off:i + name_off + len(name)] == name.encode():
                crc = struct.unpack_from("<I", out, i + crc_off)[0]
                struct.pack_into("<I", out, i + crc_off, crc ^ 0xFFFFFFFF)
            i = out.find(sig, i + 4)
    return bytes(out)


def main():
    inner = slack_export()
    files = {
        # The export as Slack writes it, in its top folder.
        "slack-export.zip": inner,
        # The same with what a hostile or careless archive adds: names that climb out, an absolute name, an
        # archive inside, a file that is not JSON.
        "slack-export-hostile.zip": slack_export([
            ("../../outside.json", dumps([msg("U100TOKYO", 1, 13, 9, "外に出る", TOKYO)])),
            ("/etc/absolute.json", dumps([])),
            (TOP + "nested/inner.zip", inner),
            (TOP + "inc-checkout/2026-03-03.json.zip", inner),
            (TOP + "inc-checkout/2026-03-04.json", inner),  # an archive under a day file's name
            (TOP + "readme.txt", "Экспорт рабочего пространства".encode("utf-8")),
        ]),
        # 16 MiB of one repeated line: deflate shrinks it about a thousandfold (a zip bomb's ratio).
        "bomb.zip": None,
        "encrypted.zip": patch_flag(inner, 0x1),
        "bad-crc.zip": patch_crc(inner, TOP + "inc-payments/2026-03-01.json"),
        "many-entries.zip": None,
    }
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w") as z:
        z.writestr(info("export/big/2026-03-01.json"), b"[" + b" " * (16 * 1024 * 1024) + b"]")
    files["bomb.zip"] = bomb.getvalue()
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as z:
        for i in range(40):
            z.writestr(info("export/inc-%02d/2026-03-01.json" % i), dumps([msg("U1", 1, 13, i % 60, "сообщение %d" % i)]))
    files["many-entries.zip"] = many.getvalue()
    for name, data in files.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
