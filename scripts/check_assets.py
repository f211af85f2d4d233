#!/usr/bin/env python3
"""Sanity checks for assets/templates/*.json and assets/samples/*.json (no dependencies beyond Python 3).

Checks: valid JSON and the hindsight.postmortem header; known section keys and vocabularies; ids of the right shape
and unique within each document; ISO 8601 UTC times; timeline sorted with impact_start first; utc_offset values;
calendar dates; https links; templates free of content; and that the generated big sample is up to date.
Run from anywhere: python3 scripts/check_assets.py   (exit 1 on any problem)
"""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SECTIONS = {"summary", "impact", "timeline", "leadup", "trigger", "fault", "detection", "response", "recovery",
            "resolution", "root_causes", "contributing_factors", "five_whys", "lessons", "action_items",
            "open_questions", "links"}
EVENT_TYPES = {"impact_start", "detected", "acknowledged", "escalated", "action", "communication", "mitigated",
               "resolved", "note"}
ACTION_TYPES = {"prevent", "mitigate", "detect", "process", "other"}
PRIORITIES = {"P0", "P1", "P2", "P3", "P4"}
ACTION_STATUSES = {"open", "in_progress", "done", "wont_do"}
STATUSES = {"draft", "in_review", "final"}
DECISIONS = {"approved", "changes_requested", "commented"}
TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
OFFSET_RE = re.compile(r"^[+-](\d{2}):(\d{2})$")
PROSE = ["summary", "leadup", "trigger", "fault", "detection", "response", "recovery", "resolution"]
LISTS = ["timeline", "root_causes", "contributing_factors", "five_whys", "action_items", "open_questions", "links"]


def parse_time(s):
    if not isinstance(s, str) or not TIME_RE.match(s):
        return None
    try:
        return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return None


def check_doc(path, d, is_template):
    errs = []
    err = errs.append
    if d.get("format") != "hindsight.postmortem" or d.get("version") != 1:
        err("missing format/version header")
    ids = []
    id_re = {"ev": r"ev", "rc": r"rc", "cf": r"cf", "why": r"why", "ll": r"ll", "ai": r"ai", "oq": r"oq", "ln": r"ln"}

    def take_id(obj, prefix, where):
        i = obj.get("id")
        if not isinstance(i, str) or not re.match(r"^%s-[0-9a-f]{8}$" % prefix, i):
            err("%s: id %r is not %s-<8 hex>" % (where, i, prefix))
        ids.append(i)

    if is_template:
        if not re.match(r"^tpl-[a-z0-9-]+$", str(d.get("id"))) or d.get("id") != "tpl-" + str(d.get("template")):
            err("template id must be tpl-<template>")
        for k in ("template_label", "template_description"):
            if not isinstance(d.get(k), str) or not d.get(k):
                err("template needs %s" % k)
        for k in PROSE + LISTS + ["lessons", "impact", "approvals"]:
            if d.get(k):
                err("template has content in %s" % k)
    else:
        if not re.match(r"^pm-[0-9a-f]{8}$", str(d.get("id"))):
            err("document id %r is not pm-<8 hex>" % d.get("id"))
    secs = d.get("sections", [])
    if not secs or any(s not in SECTIONS for s in secs) or len(set(secs)) != len(secs):
        err("sections must be unique known keys: %r" % secs)
    if d.get("status", "draft") not in STATUSES:
        err("bad status")
    sev = d.get("severity", 0)
    if not isinstance(sev, int) or not 0 <= sev <= 5:
        err("bad severity")
    if "severity_labels" in d and len(d["severity_labels"]) != 5:
        err("severity_labels needs 5 entries")
    created, updated = parse_time(d.get("created")), parse_time(d.get("updated"))
    if not is_template:
        if not created or not updated or updated < created:
            err("created/updated missing or out of order")
        for k in PROSE:
            if k in secs and not d.get(k):
                err("section %s is listed but empty" % k)
        for k in LISTS:
            if k in secs and not d.get(k):
                err("section %s is listed but empty" % k)
        # content outside the listed sections would be hidden by the editor
        for k in PROSE + LISTS:
            if d.get(k) and k not in secs:
                err("%s has content but is not in sections" % k)
    prev = None
    for n, e in enumerate(d.get("timeline", [])):
        take_id(e, "ev", "/timeline/%d" % n)
        t = parse_time(e.get("time"))
        if not t:
            err("/timeline/%d/time %r is not UTC ISO 8601 with Z" % (n, e.get("time")))
            continue
        if prev and t < prev:
            err("/timeline/%d is earlier than the event before it" % n)
        prev = t
        typ = e.get("type", "note")
        if typ not in EVENT_TYPES:
            err("/timeline/%d/type %r unknown" % (n, typ))
        if n == 0 and typ != "impact_start":
            err("first event is not impact_start")
        if "utc_offset" in e:
            m = OFFSET_RE.match(e["utc_offset"])
            if not m or e["utc_offset"] in ("+00:00", "-00:00") or int(m.group(1)) > 14:
                err("/timeline/%d/utc_offset %r" % (n, e["utc_offset"]))
        if not e.get("description"):
            err("/timeline/%d has no description" % n)
    types = [e.get("type", "note") for e in d.get("timeline", [])]
    if types and types.count("impact_start") != 1:
        err("expected exactly one impact_start")
    for key, prefix in (("root_causes", "rc"), ("contributing_factors", "cf"), ("five_whys", "why"),
                        ("open_questions", "oq")):
        for n, it in enumerate(d.get(key, [])):
            take_id(it, prefix, "/%s/%d" % (key, n))
            if not it.get("text"):
                err("/%s/%d has no text" % (key, n))
    for k in ("went_well", "went_wrong", "got_lucky"):
        for n, it in enumerate(d.get("lessons", {}).get(k, [])):
            take_id(it, "ll", "/lessons/%s/%d" % (k, n))
    for n, a in enumerate(d.get("action_items", [])):
        take_id(a, "ai", "/action_items/%d" % n)
        if a.get("type", "prevent") not in ACTION_TYPES or a.get("priority", "P2") not in PRIORITIES or \
                a.get("status", "open") not in ACTION_STATUSES:
            err("/action_items/%d has an unknown type, priority or status" % n)
        if "due" in a:
            try:
                dt.date.fromisoformat(a["due"])
            except ValueError:
                err("/action_items/%d/due %r" % (n, a["due"]))
        if "ticket_url" in a and not a["ticket_url"].startswith("https://tracker.example.com/"):
            err("/action_items/%d/ticket_url not on the fictional tracker" % n)
    for n, ln in enumerate(d.get("links", [])):
        take_id(ln, "ln", "/links/%d" % n)
        if not re.match(r"^https://[a-z0-9.-]+\.example\.com(/|$)", ln.get("url", "")):
            err("/links/%d/url must be https on an example.com domain" % n)
    for n, ap in enumerate(d.get("approvals", [])):
        if ap.get("decision", "approved") not in DECISIONS or not parse_time(ap.get("at")):
            err("/approvals/%d bad decision or time" % n)
        elif created and parse_time(ap["at"]) < created:
            err("/approvals/%d is before the document was created" % n)
    imp = d.get("impact", {})
    for k in ("users_affected", "requests_failed", "revenue_lost", "support_tickets", "error_budget_consumed_pct"):
        if k in imp and not isinstance(imp[k], (int, float)):
            err("/impact/%s is not a number" % k)
    dup = sorted(set(i for i in ids if ids.count(i) > 1))
    if dup:
        err("duplicate ids: %s" % ", ".join(map(str, dup)))
    text = json.dumps(d)
    if re.search(r"/(home|Users|root|tmp|work)/", text):
        err("looks like a machine path")
    return errs


def main():
    bad = 0
    for folder, is_template in (("templates", True), ("samples", False)):
        for path in sorted(glob.glob(os.path.join(ROOT, "assets", folder, "*.json"))):
            rel = os.path.relpath(path, ROOT)
            try:
                with open(path, encoding="utf-8") as f:
                    d = json.load(f)
            except ValueError as ex:
                print("%s: invalid JSON: %s" % (rel, ex))
                bad += 1
                continue
            errs = check_doc(path, d, is_template)
            for e in errs:
                print("%s: %s" % (rel, e))
            bad += len(errs)
            if not errs:
                mini = len(json.dumps(d, separators=(",", ":"), ensure_ascii=False).encode())
                print("%s: ok (%d events, %d bytes minified)" % (rel, len(d.get("timeline", [])), mini))
    gen = os.path.join(ROOT, "scripts", "gen_big_sample.py")
    r = subprocess.run([sys.executable, gen, "--check"], capture_output=True, text=True)
    print("gen_big_sample.py --check: " + (r.stdout.strip() or r.stderr.strip()))
    bad += r.returncode != 0
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
