#!/usr/bin/env python3
"""Generate assets/samples/multi-day-cdn-degradation.json: a fictional 3-day CDN incident with 200+ events.

The output is deterministic (fixed seed, no wall clock, no dict-order or hash randomness), so running this script
again must reproduce the committed file byte for byte:

    python3 scripts/gen_big_sample.py            # writes the sample next to the others
    python3 scripts/gen_big_sample.py --check    # exit 1 if the committed file differs

Scripted events carry the story; generated events (metric readings, alerts, purges, cache warming, status updates,
customer contacts) are spread between them with text drawn from varied phrasings and numbers that follow each
point of presence's recovery curve.
"""
import argparse
import datetime as dt
import json
import os
import random
import sys

SEED = 20260407
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "samples",
                   "multi-day-cdn-degradation.json")

# ---- helpers ------------------------------------------------------------------------------------------------------

def dump_pretty(obj):
    """2-space indented JSON; short arrays of scalars stay on one line."""
    def enc(o, ind):
        pad = "  " * ind
        if isinstance(o, dict):
            if not o:
                return "{}"
            items = [pad + "  " + json.dumps(k, ensure_ascii=False) + ": " + enc(v, ind + 1) for k, v in o.items()]
            return "{\n" + ",\n".join(items) + "\n" + pad + "}"
        if isinstance(o, list):
            if not o:
                return "[]"
            if all(not isinstance(x, (dict, list)) for x in o):
                one = "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in o) + "]"
                if len(one) + len(pad) < 100:
                    return one
            return "[\n" + ",\n".join(pad + "  " + enc(x, ind + 1) for x in o) + "\n" + pad + "]"
        return json.dumps(o, ensure_ascii=False)
    return enc(obj, 0) + "\n"


class Ids:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def __call__(self, prefix):
        while True:
            i = "%s-%08x" % (prefix, self.rng.getrandbits(32))
            if i not in self.used:
                self.used.add(i)
                return i


T0 = dt.datetime(2026, 4, 7, 0, 0, 0)


def at(day, hhmm, sec=0):
    """UTC time on incident day 1..3 ("14:21")."""
    h, m = map(int, hhmm.split(":"))
    return T0 + dt.timedelta(days=day - 1, hours=h, minutes=m, seconds=sec)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---- cast: follow-the-sun teams (April: Amsterdam CEST, New York EDT, Singapore SGT) ------------------------------

TEAMS = {
    "ams": {"offset": "+02:00", "oncall": "CDN on-call (Amsterdam)", "ic": "Incident commander (Amsterdam)",
            "eng": ["Network engineer (Amsterdam)", "Edge config team"], "comms": []},
    "nyc": {"offset": "-04:00", "oncall": "CDN on-call (New York)", "ic": "Incident commander (New York)",
            "eng": ["Origin team"], "comms": ["Customer success"]},
    "sgp": {"offset": "+08:00", "oncall": "CDN on-call (Singapore)", "ic": "Incident commander (Singapore)",
            "eng": ["Network engineer (Singapore)"], "comms": []},
}
OFFSET_OF = {}
for _t in TEAMS.values():
    for _p in [_t["oncall"], _t["ic"]] + _t["eng"] + _t["comms"]:
        OFFSET_OF[_p] = _t["offset"]


def team_at(t):
    """Who holds the pager at UTC time t: Singapore 00:30-08:30, Amsterdam until 16:30 (18:30 on day 1), then NY."""
    hm = t.hour * 60 + t.minute
    if hm < 30:
        return "nyc"
    if hm < 8 * 60 + 30:
        return "sgp"
    if t.day == 7:
        return "ams" if hm < 18 * 60 + 30 else "nyc"
    return "ams" if hm < 16 * 60 + 30 else "nyc"


POPS = {  # pop -> (region, shield)
    "ams1": ("eu", "origin-shield-eu"), "fra2": ("eu", "origin-shield-eu"), "lhr1": ("eu", "origin-shield-eu"),
    "cdg1": ("eu", "origin-shield-eu"), "mad1": ("eu", "origin-shield-eu"), "waw1": ("eu", "origin-shield-eu"),
    "iad1": ("us", "origin-shield-us"), "ord2": ("us", "origin-shield-us"), "dfw1": ("us", "origin-shield-us"),
    "sjc1": ("us", "origin-shield-us"), "gru1": ("us", "origin-shield-us"),
    "sin1": ("ap", "origin-shield-ap"), "nrt1": ("ap", "origin-shield-ap"), "syd1": ("ap", "origin-shield-ap"),
    "bom1": ("ap", "origin-shield-ap"),
}
WAVE1 = ["ams1", "fra2", "lhr1", "waw1"]
DRAINED = ["mad1", "waw1", "cdg1"]

# Cache hit ratio (%) as (UTC time, value) knots, linear in between; baseline about 94%. Only the wave-1 POPs
# took the second hit on day 2.
CURVES = {
    "eu": [(at(1, "14:10"), 94.0), (at(1, "15:00"), 61.0), (at(1, "17:30"), 60.0), (at(1, "19:30"), 78.0),
           (at(1, "23:59"), 88.0), (at(2, "18:00"), 91.0), (at(3, "08:00"), 92.5), (at(3, "16:00"), 94.2),
           (at(3, "23:59"), 94.3)],
    "eu-wave1": [(at(1, "13:50"), 94.0), (at(1, "14:40"), 61.0), (at(1, "17:30"), 60.0), (at(1, "19:30"), 78.0),
                 (at(1, "23:59"), 88.0), (at(2, "03:15"), 90.0), (at(2, "03:50"), 70.0), (at(2, "05:30"), 86.0),
                 (at(2, "18:00"), 91.0), (at(3, "08:00"), 92.5), (at(3, "16:00"), 94.2), (at(3, "23:59"), 94.3)],
    "us": [(at(1, "14:05"), 93.5), (at(1, "15:00"), 58.0), (at(1, "19:10"), 57.0), (at(1, "21:30"), 76.0),
           (at(2, "06:00"), 87.0), (at(2, "18:00"), 91.5), (at(3, "10:00"), 92.8), (at(3, "16:00"), 93.9),
           (at(3, "23:59"), 94.0)],
    "ap": [(at(1, "14:30"), 94.5), (at(1, "15:20"), 66.0), (at(1, "20:30"), 64.0), (at(1, "23:00"), 84.0),
           (at(2, "02:00"), 92.0), (at(3, "12:00"), 93.8), (at(3, "23:59"), 94.4)],
}


def curve(pop, t):
    knots = CURVES["eu-wave1" if pop in WAVE1 else POPS[pop][0]]
    if t <= knots[0][0]:
        return knots[0][1]
    for (ta, va), (tb, vb) in zip(knots, knots[1:]):
        if ta <= t <= tb:
            return va + (vb - va) * (t - ta).total_seconds() / (tb - ta).total_seconds()
    return knots[-1][1]


def hit_ratio(rng, pop, t):
    return round(min(96.0, curve(pop, t) + rng.uniform(-2.2, 2.2)), 1)


def mean_hit_ratio(t):
    return sum(curve(p, t) for p in sorted(POPS)) / len(POPS)


def shield_gbps(miss):
    # Each shield pulls about 9 Gbps from customer origins at a 6% miss ratio; its uplink tops out near 60 Gbps.
    return round(min(59.4, 9.0 * miss / 6.0), 1)


def n(v):
    return "{:,}".format(v)


def in_window(t, *spans):
    return any(a <= t < b for a, b in spans)


# ---- generated ("filler") event text -----------------------------------------------------------------------------

def live_pops(t):
    """POPs serving traffic at t: mad1, waw1 and cdg1 were drained 16:18-18:20 on day 1."""
    if at(1, "16:18") <= t < at(1, "18:20"):
        return [p for p in sorted(POPS) if p not in DRAINED]
    return sorted(POPS)


def gen_metric(rng, t):
    pop = rng.choice(live_pops(t))
    hr = hit_ratio(rng, pop, t)
    miss = round(100 - hr, 1)
    rps = rng.randint(60, 310)
    ttfb = int(120 + miss * rng.uniform(14, 22))
    forms = [
        "{pop}: cache hit ratio {hr}% (baseline 94%), {mrps}k miss req/s to {shield}.",
        "Grafana edge-overview: {pop} hit ratio at {hr}%, p95 TTFB {ttfb} ms.",
        "{pop} edge CPU {cpu}%, hit ratio {hr}%, {rps}k req/s.",
        "{shield} CPU {scpu}% with {pop} misses at {miss}% of requests.",
        "Spot check from {pop}: {cached} of the 20 top URLs answered with x-cache: HIT, p50 TTFB {ttfb50} ms.",
    ]
    vals = dict(pop=pop, hr=hr, shield=POPS[pop][1], ttfb=ttfb, ttfb50=int(ttfb * 0.45), cpu=rng.randint(38, 71),
                rps=rps, mrps=max(1, int(rps * miss / 100)), scpu=min(99, int(40 + miss * 1.4)), miss=miss,
                cached=max(0, min(20, int(round(20 * hr / 100 + rng.uniform(-1.5, 1.5))))))
    return "note", rng.choice(forms).format(**vals), "Grafana" if rng.random() < 0.5 else None, [pop]


def gen_alert(rng, t):
    """An alert firing or resolving, consistent with the POP's hit ratio at t."""
    pop = rng.choice(live_pops(t))
    shield = POPS[pop][1]
    hr = hit_ratio(rng, pop, t)
    miss = 100 - hr
    kinds = ["latency", "shield_cpu", "5xx", "egress"] + (["hit_ratio"] * 2 if t >= at(1, "21:00") else [])
    kind = rng.choice(kinds)
    lat = int(220 + miss * rng.uniform(15, 19))
    scpu = min(99, int(40 + miss * 1.4))
    err = round(miss / 40 + rng.uniform(0.0, 0.25), 2)
    gbps = shield_gbps(miss)
    firing = {"latency": lat > 600, "shield_cpu": scpu > 80, "5xx": err > 0.5, "egress": gbps > 48,
              "hit_ratio": hr < 85}[kind]
    if not firing and t < at(1, "19:00"):
        return gen_metric(rng, t)  # nothing had recovered yet: no "resolved" notices
    if firing:
        text = {"latency": "EdgeLatencyP95High firing for {pop}: p95 {lat} ms over 10 min (threshold 600 ms).",
                "shield_cpu": "OriginShieldCPUHigh firing on {shield}: {scpu}% for 5 min (threshold 80%).",
                "5xx": "Edge5xxRate firing for {pop}: {err}% over 5 min (threshold 0.5%).",
                "egress": "OriginEgressHigh firing: {shield} pulling {gbps} Gbps (threshold 48, uplink 60).",
                "hit_ratio": "CacheHitRatioLow firing for {pop}: {hr}% for 15 min (threshold 85%)."}[kind]
    else:
        text = {"latency": "EdgeLatencyP95High resolved for {pop} (p95 {lat} ms).",
                "shield_cpu": "OriginShieldCPUHigh resolved on {shield} ({scpu}%).",
                "5xx": "Edge5xxRate resolved for {pop} ({err}%).",
                "egress": "OriginEgressHigh resolved on {shield} ({gbps} Gbps).",
                "hit_ratio": "CacheHitRatioLow resolved for {pop} ({hr}%)."}[kind]
    text = text.format(pop=pop, shield=shield, lat=lat, scpu=scpu, err=err, gbps=gbps, hr=hr)
    return "note", text, "Alertmanager", [pop if "{pop}" in text or pop in text else shield, "alert"]


def gen_action(rng, t):
    pop = rng.choice(live_pops(t))
    shield = POPS[pop][1]
    d1_cause_known = (at(1, "15:40"), at(1, "23:59"))
    wave_again = (at(2, "03:30"), at(2, "06:00"))
    busy = (at(1, "14:25"), at(2, "08:00"))
    forms = [  # (text, tag, windows when it makes sense)
        ("Started cache-warmer job #{job} for {pop}: top {urls} URLs by request count.", "cache-warm",
         [(at(1, "17:30"), at(3, "17:00"))]),
        ("Raised {shield} worker count from {a} to {b} to absorb misses.", "origin", [busy]),
        ("Purged {urls} stale Accept-Language variants of /static/* in {pop}.", "purge",
         [d1_cause_known, wave_again, (at(2, "08:00"), at(2, "20:00"))]),
        ("Moved {pct}% of {pop} misses to the neighbouring shield with a weight change.", "traffic",
         [(at(1, "15:00"), at(1, "22:40")), wave_again]),
        ("Enabled request collapsing for /api/catalog/* on {shield}.", "origin", [(at(1, "14:25"), at(1, "22:40"))]),
        ("Checked edge-config on {pop}: running bundle {bundle}, rule normalize-vary-v2 {state}.", "config",
         [(at(1, "14:25"), at(3, "17:00"))]),
        ("Lowered health-check interval for {shield} from 10 s to 5 s while it runs hot.", "origin",
         [(at(1, "14:25"), at(1, "21:00"))]),
        ("Restored {shield} worker count to the default after 2 hours under 50% CPU.", "origin",
         [(at(2, "12:00"), at(3, "17:00"))]),
    ]
    forms = [(f, tag) for f, tag, spans in forms if in_window(t, *spans)]
    if not forms:
        return gen_metric(rng, t)
    form, tag = rng.choice(forms)
    if t < at(1, "17:30") or (t < at(1, "19:10") and POPS[pop][0] != "eu"):
        bundle = "edge-2026.04.07-3"
    elif at(2, "03:15") <= t < at(2, "03:55") and pop in WAVE1:
        bundle = "edge-2026.04.08-1"
    elif t >= at(3, "12:00") or (t >= at(3, "10:00") and POPS[pop][0] != "ap") or (t >= at(3, "08:00") and
                                                                                   pop in WAVE1):
        bundle = "edge-2026.04.09-1"
    else:
        bundle = "edge-2026.04.07-4"
    state = {"edge-2026.04.07-3": "present on all paths", "edge-2026.04.08-1": "present on all paths",
             "edge-2026.04.09-1": "scoped to /i18n/*"}.get(bundle, "absent")
    a = rng.choice([48, 64, 96])
    text = form.format(job=rng.randint(4100, 4999), pop=pop, urls=n(rng.choice([2000, 5000, 10000, 25000])),
                       shield=shield, a=a, b=a * 2, pct=rng.choice([10, 20, 25, 30]), bundle=bundle, state=state)
    return "action", text, None, [pop if "{pop}" in form else shield, tag]


def status_forms(t):
    if t < at(1, "17:30"):
        return ["Status page update: some customers see slower page loads in {regions}. We have identified a "
                "configuration change and are working on a fix.",
                "Status page update: elevated latency for cache misses in {regions}."]
    if t < at(1, "22:40"):
        return ["Status page update: a fix is rolling out; performance improving in {regions}.",
                "Status page update: we are warming caches in {regions}; some first requests remain slower than "
                "usual."]
    if at(2, "03:32") <= t < at(2, "04:30"):
        return ["Status page update: slower page loads again in parts of Europe since 03:15 UTC; fix applied, "
                "recovering."]
    return ["Status page update (monitoring): performance in {regions} is close to normal while caches refill.",
            "Status page update (monitoring): no customer-visible errors; a permanent fix will roll out in stages."]


def gen_comm(rng, t):
    if t >= at(1, "15:05") and rng.random() < 0.5:
        regions = rng.choice(["Europe", "North America", "Europe and North America", "Asia-Pacific", "all regions"])
        nxt = (t + dt.timedelta(minutes=60 if t < at(2, "08:00") else 120)).strftime("%H:%M")
        text = rng.choice(status_forms(t)).format(regions=regions) + " Next update by %s UTC." % nxt
        return "communication", text, None, ["status-page"]
    forms = ["Replied to {k} enterprise support tickets with the current status and next update time.",
             "Sent an update to {k} customers on the dedicated-edge plan through their account channels.",
             ]
    if t < at(3, "08:00"):
        forms.append("Internal update in #eng-announce: config pushes remain frozen, incident still active.")
    if t < at(2, "12:00"):
        forms.append("Call with a media customer's on-call: their origin runs {pct}% above normal traffic; shared "
                     "our next steps.")
    return "communication", rng.choice(forms).format(k=rng.randint(6, 48), pct=rng.randint(40, 260)), None, []


def gen_note(rng, t):
    hr = mean_hit_ratio(t)
    hours = (t - at(1, "13:58")).total_seconds() / 3600.0
    done = min(1.0, hours / 30.0) ** 0.6  # tickets and costs pile up fast, then level off
    forms = ["Origin team reports {og} Gbps total pulled from customer origins (normal peak 27 Gbps).",
             "Customer origins behind {shield}: {dom} of 1,240 domains show origin 5xx above 1%.",
             "Support queue: {tickets} tickets tagged inc-4471 so far, {open_} still open.",
             "Per-POP hit ratio table refreshed in the incident doc (mean {hr}%).",
             "Cost dashboard: origin egress overage estimate USD {usd}k so far."]
    if in_window(t, (at(1, "15:34"), at(1, "19:10")), (at(2, "03:15"), at(2, "03:55"))):
        forms.append("Top missed path in {pop}: /static/app.{hash}.js, {variants} variants cached (expected 1).")
    pop = rng.choice(live_pops(t))
    tickets = max(3, int(612 * done) - rng.randint(0, 9))
    text = rng.choice(forms).format(
        og=int(min(170, 27 * (100 - hr) / 6) * rng.uniform(0.95, 1.05)), shield=POPS[pop][1],
        dom=max(0, int(212 * max(0.0, 86 - hr) / 26 + rng.randint(-4, 4))), tickets=n(tickets),
        open_=max(0, int(tickets * max(0.05, 1 - hours / 40))), hr=round(hr, 1), usd=int(4 + 180 * done),
        pop=pop, hash="%08x" % rng.getrandbits(32), variants=n(rng.randint(140, 2300)))
    return "note", text, None, []


GENERATORS = [(gen_metric, 38), (gen_alert, 18), (gen_action, 20), (gen_comm, 12), (gen_note, 12)]

# ---- the story -----------------------------------------------------------------------------------------------------
# (day, "HH:MM"[, sec], type, description, author, tags)
S = [
    (1, "13:58", "impact_start", "Config bundle edge-2026.04.07-3 (push started 13:52) goes live in wave 1 "
     "(ams1, fra2, lhr1, waw1); new rule normalize-vary-v2 adds the raw Accept-Language header to the cache key of "
     "every path. Hit ratio starts to fall.", "edge-config-pusher", ["wave-1", "config"]),
    (1, "14:10", "action", "Canary gate passes (5xx 0.08%, below 0.5%); wave 2 (all EU and US-East POPs) starts.",
     "edge-config-pusher", ["wave-2", "config"]),
    (1, "14:21", "detected", "OriginShieldCPUHigh pages CDN on-call: origin-shield-eu at 87% CPU.", "PagerDuty",
     ["alert"]),
    (1, "14:24", "acknowledged", "Page acknowledged; looking at shield traffic.", "CDN on-call (Amsterdam)", []),
    (1, "14:35", "action", "Wave 3 (all remaining POPs) starts automatically.", "edge-config-pusher",
     ["wave-3", "config"]),
    (1, "14:40", "note", "Wave-1 hit ratio down from 94% to 61% in 40 minutes; origin-shield-eu pulling 6x its usual "
     "traffic from customer origins.",
     "CDN on-call (Amsterdam)", []),
    (1, "14:52", "escalated", "Incident declared (SEV2); incident commander paged; #inc-4471 opened.",
     "CDN on-call (Amsterdam)", []),
    (1, "14:58", "acknowledged", "Incident commander joins and takes command.", "Incident commander (Amsterdam)", []),
    (1, "15:05", "communication", "Status page: \"Degraded performance: slower page loads for some customers.\"",
     "Incident commander (Amsterdam)", ["status-page"]),
    (1, "15:20", "action", "Config freeze set in the push CLI (edgectl freeze --reason inc-4471).",
     "Edge config team", ["config"]),
    (1, "15:34", "note", "Diff of -2 vs -3: normalize-vary-v2 was meant for /i18n/* but its match block is empty, "
     "so it applies to all paths. Cache now holds one variant per Accept-Language value (about 2,300 seen).",
     "Edge config team", ["config"]),
    (1, "15:50", "action", "Rollback to edge-2026.04.07-2 started on EU POPs (edgectl rollback --to "
     "edge-2026.04.07-2 --pops eu).", "Edge config team", ["config", "rollback"]),
    (1, "16:10", "note", "Rollback fails TLS validation in mad1, waw1, cdg1: bundle -2 references the certificate "
     "chain rotated at 09:00; handshake errors (SSL alert 42) for 14% of connections there.",
     "Network engineer (Amsterdam)", ["tls"]),
    (1, "16:12", "escalated", "Network on-call pulled in for the TLS errors.", "Incident commander (Amsterdam)", []),
    (1, "16:18", "action", "mad1, waw1, cdg1 drained: anycast prefixes withdrawn; traffic shifts to fra2 and ams1.",
     "Network engineer (Amsterdam)", ["traffic"] + DRAINED),
    (1, "16:31", "note", "Handshake errors stop; fra2 and ams1 now carry 1.6x their usual load.",
     "Network engineer (Amsterdam)", []),
    (1, "15:40", "communication", "Status page: \"Identified: a configuration change reduced caching efficiency; "
     "pages may load slowly. Next update by 16:40 UTC.\"", "Incident commander (Amsterdam)", ["status-page"]),
    (1, "16:38", "communication", "Status page: \"Some connections in Madrid, Warsaw and Paris failed between 16:10 and "
     "16:18 UTC; traffic has been moved to neighbouring locations.\"", "Incident commander (Amsterdam)",
     ["status-page"]),
    (1, "16:45", "action", "Decision: no more rollbacks. Build edge-2026.04.07-4 = -3 without normalize-vary-v2, "
     "with current certificates.", "Incident commander (Amsterdam)", ["config"]),
    (1, "17:30", "action", "edge-2026.04.07-4 pushed to EU POPs with the freeze overridden for this bundle only.",
     "Edge config team", ["config"]),
    (1, "18:05", "note", "EU hit ratio recovering: 72% and rising as new objects fill the cache.",
     "CDN on-call (Amsterdam)", []),
    (1, "17:40", "communication", "Status page: \"A fix is rolling out in Europe; other regions follow within 2 "
     "hours.\"", "Incident commander (Amsterdam)", ["status-page"]),
    (1, "18:20", "action", "mad1, waw1, cdg1 back in service on -4; anycast prefixes re-announced.",
     "Network engineer (Amsterdam)", ["traffic"] + DRAINED),
    (1, "18:30", "note", "Handover from Amsterdam to New York; incident doc and open threads reviewed.",
     "Incident commander (Amsterdam)", ["handover"]),
    (1, "19:10", "action", "edge-2026.04.07-4 pushed to US and APAC POPs.", "CDN on-call (New York)", ["config"]),
    (1, "19:45", "communication", "Status page: \"The fix is live in all regions; caches are refilling and page "
     "loads are improving.\"", "Incident commander (New York)", ["status-page"]),
    (1, "20:05", "action", "origin-shield-us scaled from 24 to 40 nodes; misses still 3x normal.",
     "Origin team", ["origin"]),
    (1, "21:00", "action", "New alert CacheHitRatioLow (any POP below 85% for 15 min) deployed.",
     "CDN on-call (New York)", ["alert"]),
    (1, "22:40", "mitigated", "Edge 5xx below 0.5% in every POP; only cache misses are still slower while caches "
     "warm.",
     "Incident commander (New York)", []),
    (1, "22:45", "communication", "Status page: \"Monitoring. Performance has largely recovered.\"",
     "Incident commander (New York)", ["status-page"]),
    (2, "00:30", "note", "Handover from New York to Singapore.", "Incident commander (New York)", ["handover"]),
    (2, "02:00", "note", "APAC hit ratio back to 92%.", "CDN on-call (Singapore)", []),
    (2, "03:00", "note", "Nightly config pipeline compiles edge-2026.04.08-1 from the template repository, which "
     "still contains normalize-vary-v2 (the fix was made in the bundle, not in the source).", "config-pipeline",
     ["config"]),
    (2, "03:15", "action", "config-pipeline pushes edge-2026.04.08-1 to wave 1: the nightly push does not check the "
     "freeze set in the CLI.", "edge-config-pusher", ["config", "wave-1"]),
    (2, "03:32", "detected", "CacheHitRatioLow fires for ams1, fra2, lhr1 (hit ratio 71%).", "PagerDuty", ["alert"]),
    (2, "03:35", "acknowledged", "Page acknowledged.", "CDN on-call (Singapore)", []),
    (2, "03:40", "action", "config-pipeline disabled (pipeline pause nightly-edge); wave 2 never started.",
     "CDN on-call (Singapore)", ["config"]),
    (2, "03:55", "action", "Wave-1 POPs returned to edge-2026.04.07-4 (edgectl push edge-2026.04.07-4 --pops "
     "ams1,fra2,lhr1,waw1).", "CDN on-call (Singapore)", ["config"]),
    (2, "04:00", "escalated", "Incident commander for APAC paged for the second wave.", "CDN on-call (Singapore)", []),
    (2, "03:50", "communication", "Status page: \"Slower page loads in Amsterdam, Frankfurt and London since 03:15 "
     "UTC; a fix has been applied.\"", "Incident commander (Singapore)", ["status-page"]),
    (2, "04:30", "note", "Wave-1 hit ratio back above 80%; second-wave impact limited to 4 POPs for 75 minutes.",
     "Incident commander (Singapore)", []),
    (2, "05:10", "action", "Revert of normalize-vary-v2 merged in the template repository (edge-templates!2291).",
     "Edge config team", ["config"]),
    (2, "08:30", "note", "Handover from Singapore to Amsterdam.", "Incident commander (Singapore)", ["handover"]),
    (2, "09:15", "communication", "Customer email: incident summary so far, SLA credit process, next steps.",
     "Incident commander (Amsterdam)", []),
    (2, "11:00", "action", "Canary gate change in review: block waves when hit ratio falls more than 5 points in "
     "wave 1 (edge-config!877).", "Edge config team", ["config"]),
    (2, "14:00", "note", "Interim review of day 1; incident stays open until the scoped rule ships and hit ratio "
     "holds at baseline.", "Incident commander (Amsterdam)", []),
    (2, "16:30", "note", "Handover from Amsterdam to New York.", "Incident commander (Amsterdam)", ["handover"]),
    (2, "19:00", "action", "Nightly config pipeline now honours the freeze (config-pipeline!412); re-enabled.",
     "CDN on-call (New York)", ["config"]),
    (3, "00:30", "note", "Handover from New York to Singapore; quiet night expected.", "Incident commander (New York)",
     ["handover"]),
    (3, "08:00", "action", "edge-2026.04.09-1 (normalize-vary-v2 scoped to /i18n/*, with a test) pushed to wave 1 "
     "with the new hit-ratio gate.", "Edge config team", ["config", "wave-1"]),
    (3, "10:00", "action", "Hit-ratio gate passes (wave 1 delta -0.3 points); wave 2 starts.", "edge-config-pusher",
     ["config", "wave-2"]),
    (3, "12:00", "action", "Wave 3 starts.", "edge-config-pusher", ["config", "wave-3"]),
    (3, "16:00", "note", "Global hit ratio 94.2%, origin egress back to baseline.", "CDN on-call (Amsterdam)", []),
    (3, "18:00", "resolved", "Six hours at baseline on every POP; incident resolved.", "Incident commander (New York)",
     []),
    (3, "18:10", "communication", "Status page: resolved. Postmortem to follow within 5 business days.",
     "Incident commander (New York)", ["status-page"]),
]

# Windows (UTC) where generated events are spread, with how many events each gets.
WINDOWS = [
    (at(1, "14:25"), at(1, "23:59"), 70),
    (at(2, "00:00"), at(2, "03:14"), 8),
    (at(2, "03:33"), at(2, "08:00"), 22),
    (at(2, "08:00"), at(2, "23:59"), 42),
    (at(3, "00:00"), at(3, "17:59"), 38),
]


def build():
    rng = random.Random(SEED)
    new_id = Ids(rng)
    events = []  # (time, order, event)

    def add(t, typ, desc, author, tags, order):
        e = {"id": new_id("ev"), "time": iso(t)}
        if author in OFFSET_OF:
            e["utc_offset"] = OFFSET_OF[author]
        if typ != "note":
            e["type"] = typ
        e["description"] = desc
        if author:
            e["author"] = author
        if tags:
            e["tags"] = sorted(set(tags))
        events.append((t, order, e))

    for i, row in enumerate(S):
        day, hhmm, typ, desc, author, tags = row
        add(at(day, hhmm), typ, desc, author, tags, i)

    seen = set(row[3] for row in S)
    total_w = sum(w for _, w in GENERATORS)
    for start, end, n in WINDOWS:
        span = int((end - start).total_seconds())
        times = sorted(rng.randrange(0, span) for _ in range(n))
        for k, off in enumerate(times):
            t = start + dt.timedelta(seconds=off - off % 60)  # whole minutes, as people write them
            for _ in range(50):  # no two events with the same text
                r = rng.uniform(0, total_w)
                for gen, w in GENERATORS:
                    r -= w
                    if r <= 0:
                        break
                typ, desc, author, tags = gen(rng, t)
                if desc not in seen:
                    break
            seen.add(desc)
            if author is None:  # people on shift: engineers for work, the commander (or CS) for comms
                team = TEAMS[team_at(t)]
                if typ == "communication":
                    author = rng.choice([team["ic"]] * 2 + team["comms"])
                else:
                    author = rng.choice([team["oncall"]] * 2 + team["eng"])
            add(t, typ, desc, author, tags, 1000 + len(events))

    events.sort(key=lambda x: (x[0], x[1]))
    return [e for _, _, e in events], new_id


def items(new_id, prefix, texts):
    return [{"id": new_id(prefix), "text": s} for s in texts]


def document():
    timeline, new_id = build()
    d = {
        "format": "hindsight.postmortem", "version": 1, "id": "pm-6c0d2f91",
        "title": "Three-day CDN degradation after a cache-key rule matched every path",
        "incident_id": "INC-4471", "severity": 2, "status": "final",
        "authors": ["Incident commander (Amsterdam)", "Edge config team", "Incident commander (New York)"],
        "owner": "Edge config team",
        "tags": ["cdn", "config-push", "cache", "multi-day", "follow-the-sun"],
        "services": ["edge-cache", "edge-config-pusher", "config-pipeline", "origin-shield"],
        "related_incidents": ["INC-3987"],
        "reviewers": ["VP infrastructure", "Network engineer (Amsterdam)"],
        "approvals": [
            {"reviewer": "Network engineer (Amsterdam)", "decision": "approved", "at": "2026-04-15T09:20:00Z"},
            {"reviewer": "VP infrastructure", "decision": "approved", "at": "2026-04-16T13:05:00Z",
             "comment": "Approved. The freeze bypass is the finding to share across all config systems."}],
        "created": "2026-04-10T08:00:00Z", "updated": "2026-04-16T13:06:00Z",
        "template": "google-sre",
        "sections": ["summary", "impact", "root_causes", "contributing_factors", "trigger", "resolution",
                     "detection", "five_whys", "action_items", "lessons", "timeline", "links"],
        "summary": (
            "From 7 to 9 April 2026 our CDN served a large share of cacheable requests from origin. Config bundle "
            "edge-2026.04.07-3 carried a new rule, normalize-vary-v2, meant for /i18n/* but with an empty match block, "
            "so it added the raw Accept-Language header to the cache key of every path. Hit ratio fell from 94% to "
            "about 60% within an hour, origin shields ran hot and p95 latency tripled. A rollback to the previous "
            "bundle broke TLS in three POPs because it referenced a rotated certificate chain. A bundle without the "
            "rule mitigated the incident by 22:40 UTC on day 1, but the nightly config pipeline rebuilt the rule from "
            "the unreverted template and pushed it again at 03:15 on day 2, past the manual freeze. A corrected, "
            "scoped rule shipped on day 3 behind a new hit-ratio gate."),
        "impact": {
            "description": (
                "Across the 15 POPs, median p95 TTFB rose from 210 ms to 690 ms for 9 hours on day 1. Edge 5xx "
                "peaked at 2.1% (timeouts to customer origins, and TLS handshake failures in mad1, waw1 and cdg1 "
                "for 8 minutes). 212 of 1,240 customer domains saw origin 5xx above 1% as their own origins took "
                "up to 3x normal traffic. The second wave on day 2 affected 4 EU POPs for 75 minutes."),
            "users_affected": 1240, "requests_failed": 48200000, "revenue_lost": 187400, "currency": "USD",
            "support_tickets": 612, "slo": "99.9% of edge requests succeed (non-5xx), measured over 30 days",
            "error_budget_consumed_pct": 64.3,
            "regions": ["eu-west", "eu-central", "us-east", "us-west", "sa-east", "ap-southeast", "ap-northeast",
                        "ap-south"]},
        "trigger": "Push of config bundle edge-2026.04.07-3 at 13:52 UTC on 7 April.",
        "resolution": (
            "Day 1: edge-2026.04.07-4 (rule removed) pushed to all POPs by 19:10, caches warmed, mitigated 22:40. "
            "Day 2: nightly pipeline paused at 03:40 and wave-1 POPs returned to -4; template reverted. Day 3: "
            "edge-2026.04.09-1 with the rule scoped to /i18n/* rolled out behind the hit-ratio gate."),
        "detection": (
            "Detected 23 minutes after impact started, by OriginShieldCPUHigh, a capacity alert. No alert watched "
            "cache hit ratio, and the canary gate only compared 5xx rates, which stay flat when misses are served "
            "successfully from origin. The CacheHitRatioLow alert added on day 1 detected the second wave in 17 "
            "minutes."),
        "timeline": timeline,
    }
    d["root_causes"] = items(new_id, "rc", [
        "normalize-vary-v2 had an empty path match block, which the edge config compiler treats as \"all paths\".",
        "The nightly config pipeline builds from the template repository and ignores the push freeze, so a fix "
        "applied to the bundle only was overwritten.",
    ])
    d["contributing_factors"] = items(new_id, "cf", [
        "The canary gate compares 5xx only; a hit-ratio collapse passes it.",
        "Waves advance on a timer (12 and 25 minutes) and no human approval.",
        "Rollback bundles are not revalidated against current certificates.",
        "The freeze is a flag in the push CLI, not in the config service, so other writers do not see it.",
        "The config schema allows an empty match block without a warning.",
    ])
    d["five_whys"] = items(new_id, "why", [
        "Why were pages slow? Most requests missed the cache and went to origin.",
        "Why did they miss? The cache key included the raw Accept-Language header on every path.",
        "Why every path? The rule's match block was empty and empty means all paths.",
        "Why did it reach every POP? The canary gate checks 5xx, which did not change.",
        "Why did it come back on day 2? The nightly pipeline rebuilt from the unreverted template and ignored the "
        "freeze.",
    ])
    d["lessons"] = {
        "went_well": items(new_id, "ll", [
            "Follow-the-sun handovers kept the incident staffed for 52 hours without anyone working a double shift.",
            "Building a forward fix (-4) instead of a second rollback avoided another certificate problem.",
            "The CacheHitRatioLow alert written during day 1 caught the second wave within 17 minutes."]),
        "went_wrong": items(new_id, "ll", [
            "Three automatic waves reached every POP before anyone looked at hit ratio.",
            "The rollback path had not been exercised since the certificate rotation job was introduced.",
            "The freeze did not cover the nightly pipeline, which caused the second wave."]),
        "got_lucky": items(new_id, "ll", [
            "Day 1 started outside the US evening peak, and the second wave hit Europe at 05:15 local time.",
            "The largest media customer's origin had spare capacity for 3x its usual traffic."]),
    }

    def ai(title, typ, prio, owner, due, status, ticket, desc=None):
        a = {"id": new_id("ai"), "title": title}
        if desc:
            a["description"] = desc
        if typ != "prevent":
            a["type"] = typ
        if prio != "P2":
            a["priority"] = prio
        a["owner"] = owner
        a["due"] = due
        if status != "open":
            a["status"] = status
        a["ticket_url"] = "https://tracker.example.com/" + ticket
        return a

    d["action_items"] = [
        ai("Reject empty match blocks in the edge config schema", "prevent", "P0", "Edge config team",
           "2026-04-17", "done", "EDGE-5120"),
        ai("Gate waves on hit ratio as well as 5xx", "detect", "P0", "Edge config team", "2026-04-24",
           "done", "EDGE-5121", "Block the next wave if wave 1 hit ratio drops more than 5 points in 10 minutes."),
        ai("Move the push freeze into the config service so every writer honours it", "prevent", "P0",
           "CDN on-call (New York)", "2026-05-15", "done", "EDGE-5122"),
        ai("Revalidate rollback bundles against current certificates before activation", "prevent", "P1",
           "Network engineer (Amsterdam)", "2026-06-30", "in_progress", "NET-2210"),
        ai("Alert on cache hit ratio per POP (CacheHitRatioLow)", "detect", "P1", "CDN on-call (New York)",
           "2026-04-08", "done", "EDGE-5123"),
        ai("Require human approval between waves for bundles that change cache keys", "process", "P2",
           "Incident commander (Amsterdam)", "2026-07-31", "wont_do", "EDGE-5124",
           "Replaced by the hit-ratio gate; approval fatigue risk judged higher."),
        ai("Quarterly rollback drill per region", "process", "P2", "CDN on-call (Singapore)", "2027-01-31", "open",
           "EDGE-5125"),
        ai("Origin shield autoscaling on miss rate", "mitigate", "P2", "Origin team", "2027-03-31",
           "in_progress", "ORIG-771"),
        ai("Publish SLA credit report to affected customers", "other", "P1", "Customer success",
           "2026-04-30", "done", "CS-1408"),
    ]
    d["links"] = [
        {"id": new_id("ln"), "title": "Incident channel #inc-4471", "url": "https://chat.example.com/archives/inc-4471"},
        {"id": new_id("ln"), "title": "Edge overview dashboard", "url": "https://grafana.example.com/d/edge-overview"},
        {"id": new_id("ln"), "title": "edge-templates!2291 (revert)",
         "url": "https://git.example.com/edge/edge-templates/merge_requests/2291"},
        {"id": new_id("ln"), "title": "edge-config!877 (hit-ratio gate)",
         "url": "https://git.example.com/edge/edge-config/merge_requests/877"},
        {"id": new_id("ln"), "title": "Status page incident", "url": "https://status.example.com/incidents/inc-4471"},
    ]
    # Fixed key order for readability: header first, then sections, then the timeline last.
    order = ["format", "version", "id", "title", "incident_id", "severity", "status", "authors", "owner", "tags",
             "services", "related_incidents", "reviewers", "approvals", "created", "updated", "template", "sections",
             "summary", "impact", "trigger", "resolution", "detection", "root_causes", "contributing_factors",
             "five_whys", "lessons", "action_items", "links", "timeline"]
    return {k: d[k] for k in order}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    text = dump_pretty(document())
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            same = f.read() == text
        print("up to date" if same else "differs: run scripts/gen_big_sample.py")
        return 0 if same else 1
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s (%d events, %d bytes)" % (os.path.relpath(args.out), len(document()["timeline"]), len(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
