#!/usr/bin/env python3
"""Generates a library of realistic postmortems as Hindsight JSON files, for the library's bench and tests.

usage: gen_library.py OUT_DIR [--count N] [--seed S] [--truth FILE]

Deterministic for a given seed. The postmortems span about two years, name services, severities, detection methods
and contributing-factor categories from the default taxonomy, and mix English prose with Japanese, Cyrillic, Greek
and emoji. About one in seven is a repeat of an earlier incident: the same service, the same factor category and
the same wording of the failure, within 90 days. --truth writes the pairs (repeat id -> earlier id) as JSON, so that
a test can measure how often the similar-incidents ranking finds the earlier one. Nothing generated is committed.
"""
import argparse
import datetime as dt
import json
import os
import random

SERVICES = ["payments-api", "checkout-web", "auth-service", "search-api", "catalog-db", "orders-queue",
            "notification-worker", "cdn-edge", "billing-batch", "inventory-api", "courier-dispatch",
            "ledger-db", "recommendations", "image-resizer", "feature-flags", "session-cache", "gateway",
            "reporting-etl", "mobile-push", "kafka-cluster", "dns-resolver", "object-storage", "email-relay",
            "fraud-scoring", "tax-calculator"]
CATEGORIES = ["change/deploy", "configuration", "capacity", "dependency", "monitoring gap", "runbook gap",
              "process", "hardware", "other"]
DETECTION = ["alert", "alert", "alert", "customer report", "internal report", "automated test", "other"]
ROLES = ["on-call SRE", "db team lead", "payments on-call", "platform engineer", "incident commander",
         "release manager", "support lead", "network on-call", "security on-call", "search team",
         "data engineering", "mobile team lead", "comms lead", "SRE manager", "storage on-call"]
COMPONENTS = ["connection pool", "TLS certificate", "rate limiter", "retry policy", "load balancer", "cache TTL",
              "disk quota", "thread pool", "DNS record", "feature flag", "schema migration", "message queue",
              "batch scheduler", "replica lag", "memory limit", "circuit breaker"]

# Failure scenarios by factor category: (root cause, factor, trigger) with {svc}, {comp} and {n} to fill.
SCENARIOS = {
    "change/deploy": [
        ("A release of {svc} shipped a {comp} change that halved its capacity under load.",
         "The canary stage ran for {n} minutes, too short to see the {comp} saturate.",
         "Deploy of {svc} build {n} to all regions at once."),
        ("A rollback of {svc} restored an old {comp} setting that no longer matched the database.",
         "Rollbacks are not tested against the current schema of {svc}.",
         "Rollback of {svc} after a failed health check."),
    ],
    "configuration": [
        ("The {comp} of {svc} was set to {n} in production instead of {n}0, so requests queued and timed out.",
         "Configuration of {svc} is edited by hand in each region without review.",
         "A configuration push to {svc} lowered the {comp} limit."),
        ("An expired {comp} on {svc} made every client handshake fail.",
         "Nothing warned about the {comp} of {svc} before it expired.",
         "The {comp} of {svc} expired at midnight UTC."),
    ],
    "capacity": [
        ("Traffic to {svc} grew {n}% after a marketing campaign and the {comp} ran out.",
         "Capacity planning for {svc} did not include campaign traffic.",
         "A campaign email sent to all customers at once."),
        ("The {comp} of {svc} filled up and writes failed with timeouts.",
         "No alert on the {comp} of {svc} before it was full.",
         "Nightly batch wrote {n} GB more than usual into {svc}."),
    ],
    "dependency": [
        ("An upstream provider behind {svc} returned errors for {n} minutes and our {comp} retried without backoff.",
         "The {comp} of {svc} has no backoff, so retries amplified the outage.",
         "Provider outage in one region."),
        ("{svc} depended on a shared {comp} that another team restarted during business hours.",
         "The shared {comp} has no maintenance window agreed with {svc}.",
         "Unannounced restart of the shared {comp}."),
    ],
    "monitoring gap": [
        ("Errors on {svc} went unnoticed for {n} minutes because the {comp} dashboard showed averages only.",
         "Alerting on {svc} watched averages, not the error rate of the {comp}.",
         "A slow leak in the {comp} of {svc}."),
    ],
    "runbook gap": [
        ("The on-call could not fail over {svc}: the runbook still described the old {comp}.",
         "The {svc} runbook was last reviewed {n} months ago.",
         "Primary of {svc} lost its {comp}."),
    ],
    "process": [
        ("A manual change to {svc} was made during a freeze without a second reviewer, breaking the {comp}.",
         "The change freeze for {svc} is not enforced by tooling.",
         "Manual hotfix of the {comp} on {svc}."),
    ],
    "hardware": [
        ("A failing disk under {svc} slowed the {comp} until the node was drained.",
         "Hardware health checks for {svc} run only once a day.",
         "Disk errors on one node of {svc}."),
    ],
    "other": [
        ("A leap-second adjustment confused the {comp} of {svc} and jobs ran twice.",
         "Time handling in the {comp} of {svc} was never tested around clock steps.",
         "Clock step on the hosts of {svc}."),
    ],
}

# Prose in other scripts, mixed into a share of the postmortems.
JAPANESE = ["{svc} の接続プールが枯渇し、決済がタイムアウトしました。",
            "監視アラートが遅れて発火したため、検知まで{n}分かかりました。",
            "再発防止としてレート制限の設定をレビューします。障害対応の手順書を更新しました。"]
RUSSIAN = ["Сервис {svc} перестал отвечать из-за исчерпания пула соединений.",
           "Дежурный инженер откатил релиз через {n} минут после начала инцидента.",
           "Нужно добавить алерт на рост очереди и обновить регламент дежурств."]
GREEK = ["Η υπηρεσία {svc} δεν απαντούσε λόγω λανθασμένης ρύθμισης του ορίου συνδέσεων.",
         "Η ομάδα βάρδιας επανέφερε την προηγούμενη έκδοση μετά από {n} λεπτά.",
         "Θα προσθέσουμε ειδοποίηση για την καθυστέρηση αντιγραφής."]
EMOJI = ["🔥", "🚨", "✅", "📉", "🛠️", "⏱️", "💥", "🙏"]

EVENT_TEXT = {
    "impact_start": ["Error rate on {svc} starts to climb.", "First failed requests on {svc}."],
    "detected": ["Alert fired: {svc} error rate above 5%.", "Customer reports checkout failures to support.",
                 "Synthetic test against {svc} fails."],
    "acknowledged": ["{role} acknowledges the page.", "{role} picks up the incident."],
    "escalated": ["Escalated to the {role}.", "Incident commander paged for {svc}."],
    "action": ["Restarted two pods of {svc}.", "Raised the {comp} limit on {svc}.", "Drained one node of {svc}.",
               "Disabled the feature flag for the new {comp}.", "Rolled back {svc} to the previous build."],
    "communication": ["Status page updated: investigating degraded {svc}.", "Posted an update in #inc channel.",
                      "Support told about the workaround."],
    "mitigated": ["Error rate on {svc} back under 1%.", "Traffic shifted away from the failing region."],
    "resolved": ["{svc} healthy for 30 minutes; incident closed.", "All queued jobs of {svc} processed."],
    "note": ["Graphs saved for the review.", "Suspect the {comp}; checking.", "Load on {svc} looks normal."],
}
LESSONS_WELL = ["Rollback of {svc} took under five minutes.", "The incident channel stayed calm and focused.",
                "Status page updates went out every 30 minutes."]
LESSONS_WRONG = ["Nobody knew who owned the {comp} of {svc}.", "The dashboard for {svc} hid the failing region.",
                 "Escalation to the {role} took too long."]
LESSONS_LUCKY = ["The failure happened outside peak hours.", "A {role} happened to be online and spotted it."]
ACTIONS = ["Add an alert on the {comp} of {svc}", "Review the {comp} settings of {svc}",
           "Update the {svc} runbook for the {comp}", "Load test {svc} at {n}% of peak",
           "Automate the {comp} rollout for {svc}", "Document the owner of the {comp}"]
ACTION_TYPES = ["prevent", "mitigate", "detect", "process", "other"]
ACTION_STATES = ["open", "open", "in_progress", "done", "done", "done", "wont_do"]
TAGS = ["customer-facing", "data-loss", "security", "latency", "partial-outage", "full-outage", "regional",
        "third-party", "weekend", "peak-traffic"]

START = dt.datetime(2024, 12, 1, tzinfo=dt.timezone.utc)
SPAN_DAYS = 730


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def hexid(self, prefix):
        return "%s-%08x" % (prefix, self.r.getrandbits(32))

    def fill(self, text, s):
        return text.format(svc=s["svc"], comp=s["comp"], n=s["n"], role=self.r.choice(ROLES))

    def other_script(self, s):
        """A sentence in Japanese, Russian or Greek (about a third of the postmortems), or nothing."""
        roll = self.r.random()
        pool = JAPANESE if roll < 0.16 else RUSSIAN if roll < 0.26 else GREEK if roll < 0.33 else None
        return " " + self.fill(self.r.choice(pool), s) if pool else ""

    def emoji(self):
        return " " + self.r.choice(EMOJI) if self.r.random() < 0.2 else ""

    def timeline(self, s, start):
        n = self.r.randint(5, 60)
        core = ["impact_start", "detected", "acknowledged", "mitigated", "resolved"]
        if self.r.random() < 0.1:
            core.remove("impact_start")  # a paging tool's import: no impact start known
        middle = [self.r.choice(["action", "communication", "note", "escalated", "action"])
                  for _ in range(max(0, n - len(core)))]
        types = core[:3] + middle + core[3:]
        t = start
        events = []
        for i, ty in enumerate(types):
            step = self.r.randint(1, 12) if ty != "resolved" else self.r.randint(10, 90)
            t = t + dt.timedelta(minutes=step)
            text = self.fill(self.r.choice(EVENT_TEXT[ty]), s)
            if i % 9 == 4:
                text += self.other_script(s)
            events.append({"id": self.hexid("ev"), "time": t.strftime("%Y-%m-%dT%H:%M:00Z"), "type": ty,
                           "description": text + self.emoji(), "author": self.r.choice(ROLES)})
        return events

    def actions(self, s, created):
        items = []
        for _ in range(self.r.randint(1, 6)):
            due = (created + dt.timedelta(days=self.r.randint(7, 120))).strftime("%Y-%m-%d")
            item = {"id": self.hexid("ai"), "title": self.fill(self.r.choice(ACTIONS), s),
                    "type": self.r.choice(ACTION_TYPES), "priority": self.r.choice(["P0", "P1", "P2", "P3"]),
                    "owner": self.r.choice(ROLES), "due": due, "status": self.r.choice(ACTION_STATES)}
            if self.r.random() < 0.25:
                item["description"] = self.fill(self.r.choice(JAPANESE + RUSSIAN + GREEK), s)
            items.append(item)
        return items

    def scenario(self):
        cat = self.r.choice(CATEGORIES)
        svc = self.r.choice(SERVICES)
        return {"cat": cat, "svc": svc, "comp": self.r.choice(COMPONENTS), "n": self.r.randint(2, 95),
                "tpl": self.r.choice(SCENARIOS[cat]), "extra_svc": self.r.sample(SERVICES, self.r.randint(0, 2))}

    def document(self, s, created, repeat_of=None):
        root, factor, trigger = (self.fill(t, s) for t in s["tpl"])
        sev = self.r.choices([1, 2, 3, 4, 5], weights=[5, 15, 40, 30, 10])[0]
        services = [s["svc"]] + [x for x in s["extra_svc"] if x != s["svc"]]
        title = self.r.choice(["{svc} outage: {comp}", "Degraded {svc} after {comp} change",
                               "{svc} errors caused by the {comp}", "Slow {svc} ({comp})"]).format(**s)
        summary = "%s %s%s" % (root, self.fill(self.r.choice(
            ["Customers saw errors for about {n} minutes.", "Part of the traffic to {svc} failed for {n} minutes.",
             "Internal users could not use {svc} for a while."]), s), self.other_script(s))
        if repeat_of:
            summary += " This looks like the incident of %s again." % repeat_of["created"][:10]
        factors = [{"id": self.hexid("cf"), "text": factor, "category": s["cat"]}]
        if self.r.random() < 0.5:
            cat2 = self.r.choice(CATEGORIES)
            factors.append({"id": self.hexid("cf"), "category": cat2,
                            "text": self.fill(self.r.choice(SCENARIOS[cat2])[1], s)})
        timeline = self.timeline(s, created - dt.timedelta(hours=self.r.randint(1, 30)))
        doc = {
            "format": "hindsight.postmortem", "version": 1, "id": self.hexid("pm"), "title": title + self.emoji(),
            "incident_id": "INC-%d" % self.r.randint(1000, 9999), "severity": sev,
            "status": self.r.choice(["draft", "in_review", "final", "final", "final"]),
            "owner": self.r.choice(ROLES), "authors": [self.r.choice(ROLES)],
            "tags": self.r.sample(TAGS, self.r.randint(0, 3)), "services": services,
            "detection_method": self.r.choice(DETECTION),
            "created": created.strftime("%Y-%m-%dT%H:%M:00Z"), "summary": summary,
            "trigger": trigger, "impact": {"description": self.fill("Requests to {svc} failed or were slow.", s),
                                           "users_affected": self.r.randint(10, 90000)},
            "timeline": timeline,
            "root_causes": [{"id": self.hexid("rc"), "text": root}],
            "contributing_factors": factors,
            "lessons": {"went_well": [{"id": self.hexid("ll"), "text": self.fill(self.r.choice(LESSONS_WELL), s)}],
                        "went_wrong": [{"id": self.hexid("ll"),
                                        "text": self.fill(self.r.choice(LESSONS_WRONG), s)}],
                        "got_lucky": [{"id": self.hexid("ll"), "text": self.fill(self.r.choice(LESSONS_LUCKY), s)}]},
            "action_items": self.actions(s, created),
        }
        return doc


def generate(count, seed):
    g = Gen(seed)
    days = sorted(g.r.uniform(0, SPAN_DAYS) for _ in range(count))
    docs, scenarios, truth = [], [], {}
    for i, day in enumerate(days):
        created = (START + dt.timedelta(days=day)).replace(second=0, microsecond=0)
        earlier = [j for j in range(i) if 2 <= day - days[j] < 89]
        if earlier and g.r.random() < 0.15:
            j = g.r.choice(earlier)
            s = dict(scenarios[j])
            s["extra_svc"] = g.r.sample(SERVICES, g.r.randint(0, 1))
            doc = g.document(s, created, repeat_of=docs[j])
            truth[doc["id"]] = docs[j]["id"]
        else:
            s = g.scenario()
            doc = g.document(s, created)
        docs.append(doc)
        scenarios.append(s)
    return docs, truth


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--truth", help="write the repeat pairs (repeat id -> earlier id) to this JSON file")
    a = ap.parse_args()
    if a.count < 1 or a.count > 100000:
        ap.error("--count must be between 1 and 100000")
    docs, truth = generate(a.count, a.seed)
    os.makedirs(a.out_dir, exist_ok=True)
    for doc in docs:
        with open(os.path.join(a.out_dir, doc["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
    if a.truth:
        with open(a.truth, "w", encoding="utf-8") as f:
            json.dump(truth, f, indent=1, sort_keys=True)
    print("%d postmortems (%d repeats) in %s" % (len(docs), len(truth), a.out_dir))


if __name__ == "__main__":
    main()
