#!/usr/bin/env python3
"""Builds the preset deflate dictionary for share links: assets/link/dict-v<N>.txt.

Usage: python3 scripts/gen_dict.py [--check]     (--check: exit 1 if the committed file differs, or if
                                                   dict-v2 breaks one of its rules, below)

The dictionary is deterministic: generic postmortem English written for it (below), the section hints of
src/core/templates.cpp, the built-in templates, the format's key names and vocabularies, and JSON fragments of the
canonical (sorted keys, minified) form. Deflate prefers near distances, so the most frequent strings come LAST.
Only the last 32 KiB of a dictionary can be used by deflate; the file is kept within that.

A released dictionary never changes: links made with it must keep decoding. A new dictionary is a new link prefix
(docs/links.md). This script builds v1 only. dict-v2 (prefix h2) is assets/link/dict-v2-extra.txt followed by
dict-v1: only the extra part is stored, generic postmortem prose written by hand for it; --check verifies that
extra + dict-v1 fits the window and that the extra shares no 40-byte run with any sample.
The samples in assets/samples/ are deliberately NOT used: they are the benchmark, and the dictionary must help
documents it has never seen.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "link", "dict-v1.txt")
EXTRA_V2 = os.path.join(ROOT, "assets", "link", "dict-v2-extra.txt")
MAX = 32 * 1024 - 262  # deflate's window minus MIN_LOOKAHEAD: bytes further back are never referenced

# Generic postmortem prose, written for this dictionary (no real incident, person or company).
PROSE = """
The incident started when a configuration change was rolled out to all regions at once instead of one canary
region first. Error rates rose within minutes and the on-call engineer was paged by the latency alert. Customers
saw timeouts and HTTP 500 and 503 errors when they tried to log in, check out or load their dashboard. We rolled
back the deploy, drained the affected hosts and restarted the service. Traffic recovered gradually as caches
warmed up again. The root cause was a missing validation step in the deployment pipeline, which allowed an invalid
value to reach production. Contributing factors included alert fatigue, a runbook that was out of date, and a
dashboard that did not show the error budget burn rate. We got lucky that the incident happened outside peak hours.
What went well: the incident commander opened a channel quickly, status page updates went out every thirty
minutes, and the rollback worked as documented. What went wrong: the alert fired late, the dependency owners were
hard to reach, and nobody had access to the database replica during the first hour.
The database primary ran out of disk space because of a long running migration, and the failover to the replica
took longer than expected. Connection pool exhaustion caused cascading failures in upstream services. The load
balancer health checks kept sending traffic to unhealthy instances. Autoscaling did not add capacity fast enough
because the scaling policy was based on CPU utilization, not request queue depth.
An expired TLS certificate broke the connection between the API gateway and the authentication service. The
certificate was renewed manually and the renewal is now automated, with an alert thirty days before expiry.
A memory leak in the new release caused pods to be OOMKilled and restarted in a crash loop. Kubernetes evicted
pods from nodes under memory pressure. We increased the memory limit as a mitigation and fixed the leak.
A DNS misconfiguration made the service unreachable for some clients. The TTL was too long, so the fix took
hours to propagate. A third-party provider outage degraded payments, and our retry logic amplified the load
with a retry storm: requests were retried without exponential backoff or jitter, and the circuit breaker did
not open. The rate limiter rejected legitimate traffic after a traffic spike from a marketing campaign.
A feature flag was enabled for all users instead of a small percentage. The cache hit ratio dropped after the
cache cluster was restarted, which overloaded the database with queries. Replication lag grew and reads
returned stale data. Message queue consumers fell behind; the backlog took several hours to drain.
Credentials were exposed in a public repository; the access keys were revoked and rotated, audit logs were
reviewed, and no evidence of unauthorized access was found. The security team notified affected customers.
Action items: add a canary stage to the release process; alert on the error rate and on saturation; write a
runbook for failover; add a load test before large sales events; review timeouts and retry budgets across
clients; add monitoring for certificate expiry; improve the status page process; schedule a game day to
practice the failover; document the escalation path and the on-call rotation.
Detection: the issue was detected by an automated alert on the SLO burn rate, a synthetic check, a customer
report through support tickets, or an engineer who noticed it on the dashboard. Time to detect, time to
acknowledge, time to mitigate and time to resolve are measured from the start of impact.
Impact: users were unable to complete requests; a percentage of requests failed; p99 latency increased from
milliseconds to seconds; the availability SLO of 99.9% over 28 days was breached and part of the monthly error
budget was consumed. No data was lost. Revenue was affected for the duration of the outage.
Timeline: impact started; monitoring alert fired; on-call engineer acknowledged the page; incident declared;
escalated to the database team; identified the bad deploy as the likely trigger; started the rollback; rollback
completed; error rate back to normal; mitigated; monitoring confirmed recovery; incident resolved; postmortem
review scheduled. The incident channel was opened and the status page was updated. Customer support was informed.
Why did the service fail? Because the dependency timed out. Why did it time out? Because the pool was exhausted.
Why was the pool exhausted? Because retries doubled the number of connections. Why did nobody notice earlier?
Because there was no alert on saturation. Why was there no alert? Because the service was new and not yet onboarded.
Open questions: why did the health check not catch it; should we change the deployment window; who owns the
shared library; what is the expected behaviour when the upstream returns 429 Too Many Requests.
"""


PROSE2 = """
We declared a SEV2 incident and paged the secondary on-call. The incident commander assigned a communications
lead and a scribe. Engineers joined the bridge call and the Slack channel. We posted an update to the status page:
we are investigating elevated error rates; some customers may be unable to sign in; we have identified the cause
and are rolling out a fix; the fix has been deployed and we are monitoring the results; this incident has been
resolved. The support team answered tickets from enterprise customers and the account managers were kept informed.
The deployment was paused, the change was reverted, and a hotfix was prepared, reviewed and shipped after tests
passed in staging. We confirmed the fix with the metrics on the Grafana dashboard and with synthetic probes from
several regions. Error rates returned to baseline and latency to normal levels. We kept the incident open for an
hour of observation before we closed it. The follow-up review took place two days later with all teams involved.
Nobody was at fault; the system allowed a safe-looking change to cause a large outage. The alert threshold was too
high and the alert was routed to a team that no longer owns the service. The on-call engineer did not have the
permissions needed to fail over the database, so the escalation took thirty minutes. The dashboards showed
averages, which hid the tail latency. Logs were sampled and the trace for the failing requests was missing. The
runbook pointed to a deprecated command. The config change was not reviewed because it was considered low risk.
A schema migration locked a large table and blocked writes. A batch job started at midnight and saturated the
network link between the data centers. A node pool upgrade drained too many nodes at the same time. A queue
filled up and the producer started to drop messages. A cron job deleted files that were still in use. A
background worker retried failed jobs in a tight loop. The CDN served stale content after a purge failed. A
quota limit in the cloud provider was reached and new instances could not start. A secret was rotated in one
place but not in the other, so the service could not authenticate. The health check only tested that the
process was running, not that it could serve requests.
Add an alert when the error budget burn rate exceeds the threshold for five minutes; add a dashboard panel for
the p99 latency; add a circuit breaker and a retry budget with exponential backoff and jitter; make the rollback
one command; require two approvals for production config changes; run the failover drill every quarter; add an
integration test for the migration; set resource limits and requests for every pod; alert on certificate
expiry; move the cron job out of business hours; document the dependency and its owner; add rate limiting per
customer; add a kill switch for the feature flag; increase the connection pool size; reduce the timeout.
"""


PROSE3 = """
The mobile app showed a blank screen for users on the latest version because the API returned an unexpected
field. Web clients kept working. Push notifications were delayed for about two hours. Emails were sent twice to
some users because the job was not idempotent. Invoices were generated with the wrong amount and billing was
paused until the data was corrected. Search results were incomplete while the index was rebuilt. Uploads failed
for files larger than the new limit. Webhooks to partners were dropped and had to be replayed from the queue.
Reports were delayed because the data warehouse load failed overnight. Single sign-on failed for customers who use
an identity provider with a custom domain. An internal tool was unavailable, which slowed down the response.
The storage bucket policy was changed and the objects became publicly readable; access was restricted again within
the hour, and the access logs showed no downloads by unknown parties. A phishing email led to a compromised
account; the session tokens were revoked, the password was reset and multi-factor authentication was enforced.
A vulnerability in a dependency was disclosed; we patched it, scanned our images and confirmed we were not exploited.
The packet loss on the transit provider caused retransmissions and timeouts between regions. A BGP route change
sent traffic through a congested path. The firewall rule blocked health checks from the load balancer. The proxy
ran out of file descriptors. Garbage collection pauses grew with the heap size. Thread pool starvation made the
service stop responding while CPU usage stayed low. A deadlock in the lock manager froze writes. The disk filled up
with logs because log rotation was misconfigured. A clock skew broke token validation. A leap second, a daylight
saving time change or a time zone bug caused jobs to run twice or not at all.
The change was tested in staging, but staging has less data and different traffic, so the problem did not show
there. The rollout was automatic and went to 100% in ten minutes. The canary metrics looked healthy because the
canary received almost no traffic. The team was in the middle of a migration and two versions were running at the
same time. The documentation said the setting was safe to change at runtime, which was not true.
"""


# Short timeline notes, the commonest prose in a postmortem.
NOTES = """
Deploy started. Deploy finished. Config change merged. Config pushed to production. Feature flag enabled for 10%
of users. Flag turned off. Error rate above 5%. Latency alert fired. PagerDuty paged the primary on-call. Page
acknowledged. Incident declared in #incidents. Incident commander took over. Status page set to investigating.
Status page updated: identified. Status page: monitoring. Status page: resolved. Customer support reports login
failures. First customer ticket. Escalated to the database on-call. Escalated to the network team. Vendor support
case opened. Vendor confirms an outage on their side. Rollback started. Rollback complete. Hotfix deployed. Traffic
shifted to the other region. Failover to the replica. Replica promoted to primary. Cache flushed. Pods restarted.
Nodes drained. Scaled out from 12 to 40 instances. Rate limit raised. Queue drained. Backlog cleared. Metrics back to
normal. Error rate below 0.1%. Latency back to baseline. Monitoring for an hour. Incident resolved. Customers
notified by email. Postmortem review held. Action items filed. Root cause identified: a missing index. Disk usage
at 95%. Certificate expired. Certificate renewed. Keys rotated. Access revoked. Logs reviewed. No further errors.
Engineers join the bridge. Identified the suspect change. Confirmed the trigger in staging. Root cause confirmed.
"""

# Common words and fragments of incident writing, repeated near the end so that they are close.
WORDS = """ would could should have has had been being into than then there their they them these those what
 when where while who whom whose why how all any both each few more most other some such only own same so too very
 can will just don't should now also however although because since until unless again further once here over
 under between through above below up down out off new old first last long short high low early late next same
 different small large increase increased decrease decreased higher lower fail failed failing failure failures
 start started stop stopped restart change changed changes check checked run running ran make made take took
 show showed see saw find found know knew think thought need needed want use used using work worked working
 call called calls request response respond responded wait waited retry retried retries  the incident the service the team the on-call engineer the error rate the database the deploy the alert
 the customer customers users requests errors latency timeout outage degraded rollback rolled back mitigated
 resolved detected acknowledged escalated restarted deployed release config configuration production staging
 region regions cluster node pod instance replica primary failover traffic capacity load queue cache memory CPU
 disk network DNS certificate TLS API gateway upstream downstream dependency third-party provider vendor
 because which was were with without after before during within minutes hours seconds about from to and of in on
 at for by that this not no """

# Key names of the format, in the canonical (sorted) order they appear in.
DOC_KEYS = ["action_items", "approvals", "authors", "contributing_factors", "created", "detection", "fault",
            "five_whys", "format", "id", "impact", "incident_id", "leadup", "lessons", "links", "open_questions",
            "owner", "recovery", "related_incidents", "resolution", "response", "reviewers", "root_causes",
            "sections", "services", "severity", "severity_labels", "status", "summary", "tags", "template",
            "timeline", "title", "trigger", "updated", "version"]


def section_hints():
    """The (key, title, hint) table of src/core/templates.cpp, read from its C++ string literals."""
    path = os.path.join(ROOT, "src", "core", "templates.cpp")
    text = open(path, encoding="utf-8").read()
    out = []
    for m in re.finditer(r'\{"([a-z_]+)", "([^"]*)",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\}', text):
        parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(3))
        hint = "".join(parts).replace('\\"', '"')
        out.append((m.group(1), m.group(2), hint))
    return out


def minified(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def templates():
    folder = os.path.join(ROOT, "assets", "templates")
    return [json.load(open(os.path.join(folder, n), encoding="utf-8")) for n in sorted(os.listdir(folder))
            if n.endswith(".json")]


def skeleton():
    """A synthetic document in canonical form: the structure every link shares, with generic text."""
    ev = []
    kinds = ["impact_start", "detected", "acknowledged", "escalated", "action", "communication", "mitigated",
             "resolved", "note"]
    for i, t in enumerate(kinds):
        ev.append({"author": "PagerDuty" if i % 3 == 0 else "on-call engineer",
                   "description": "The on-call engineer %s the incident." % t.replace("_", " "),
                   "id": "ev-0%d" % i, "time": "2026-01-01T1%d:%d5:00Z" % (i % 10, i % 6), "type": t})
    ais = []
    for i, (ty, pr, st) in enumerate([("prevent", "P1", "in_progress"), ("mitigate", "P0", "done"),
                                      ("detect", "P2", "open"), ("process", "P3", "wont_do"), ("other", "P4", "open")]):
        ais.append({"description": "Add an alert and a runbook.", "due": "2026-02-1%d" % i, "id": "ai-0%d" % i,
                    "owner": "SRE team", "priority": pr, "status": st,
                    "ticket_url": "https://tracker.example.com/OPS-1%d" % i, "title": "Add a canary stage", "type": ty})
    doc = {
        "action_items": ais,
        "approvals": [{"at": "2026-01-02T10:00:00Z", "comment": "Looks good.", "decision": d, "reviewer": "SRE lead"}
                      for d in ["approved", "changes_requested", "commented"]],
        "authors": ["on-call engineer"], "contributing_factors": [{"id": "cf-01", "text": "No alert on saturation."}],
        "created": "2026-01-01T12:00:00Z", "detection": "An alert fired.", "fault": "The service failed.",
        "five_whys": [{"id": "why-01", "text": "Why did the service fail?"}],
        "format": "hindsight.postmortem", "id": "pm-01",
        "impact": {"currency": "USD", "description": "Customers saw errors.", "error_budget_consumed_pct": 12.5,
                   "regions": ["us-east-1", "eu-west-1"], "requests_failed": 1000, "revenue_lost": 100,
                   "slo": "99.9% of requests succeed over 28 days", "support_tickets": 10, "users_affected": 100},
        "incident_id": "INC-1", "leadup": "A change was deployed.",
        "lessons": {"got_lucky": [{"id": "ll-01", "text": "It happened outside peak hours."}],
                    "went_well": [{"id": "ll-02", "text": "The rollback worked."}],
                    "went_wrong": [{"id": "ll-03", "text": "The alert fired late."}]},
        "links": [{"id": "ln-01", "title": "Incident dashboard", "url": "https://grafana.example.com/d/"}],
        "open_questions": [{"id": "oq-01", "resolved": True, "text": "Why did the health check pass?"}],
        "owner": "SRE team", "recovery": "Traffic recovered.", "related_incidents": ["INC-2"],
        "resolution": "We rolled back.", "response": "The team responded.", "reviewers": ["SRE lead"],
        "root_causes": [{"id": "rc-01", "text": "A missing validation step."}],
        "sections": ["summary", "impact", "timeline"], "services": ["api"], "severity": 2,
        "status": "in_review", "summary": "Customers could not check out.", "tags": ["deploy"],
        "template": "google-sre", "timeline": ev, "title": "Checkout errors after a deploy",
        "trigger": "A config push.", "updated": "2026-01-03T12:00:00Z", "version": 1,
    }
    return minified(doc)


# Fragments of the canonical form in rising order of frequency: the very last ones are in every list item.
FRAGMENTS = [
    '","utc_offset":"+01:00"}', '","utc_offset":"-05:00"}', '","utc_offset":"-04:00"}', '","utc_offset":"+02:00"}',
    '","utc_offset":"-08:00"}', '","utc_offset":"-07:00"}', '","utc_offset":"+05:30"}', '","utc_offset":"+09:00"}',
    '"severity_labels":["Critical","High","Medium","Low","Informational"],',
    '"status":"final","summary":"', '"status":"in_review","summary":"', '"status":"draft","summary":"',
    '"type":"impact_start"', '"type":"acknowledged"', '"type":"escalated"', '"type":"communication"',
    '"type":"mitigated"', '"type":"resolved"', '"type":"detected"', '"type":"action"',
    '"priority":"P0","status":"done",', '"priority":"P1","status":"in_progress",', '"status":"wont_do",',
    '"type":"mitigate"},{"description":"', '"type":"detect"},{"description":"', '"type":"process"},{"description":"',
    '"type":"other"},{"description":"', '","ticket_url":"https://', '","owner":"', '","due":"2026-',
    '"}],"approvals":[{"at":"2026-', '","decision":"approved","reviewer":"', '","comment":"',
    '],"contributing_factors":[{"id":"cf-', '],"five_whys":[{"id":"why-', '"lessons":{"got_lucky":[{"id":"ll-',
    '],"went_well":[{"id":"ll-', '],"went_wrong":[{"id":"ll-', '],"open_questions":[{"id":"oq-',
    '],"root_causes":[{"id":"rc-', '"links":[{"id":"ln-', '"},{"id":"ln-', '","url":"https://',
    '"impact":{"currency":"USD","description":"', '","error_budget_consumed_pct":', ',"requests_failed":',
    ',"revenue_lost":', ',"support_tickets":', ',"users_affected":', '"regions":["us-east-1","us-west-2",',
    '"created":"2026-', '"format":"hindsight.postmortem","id":"pm-', '"incident_id":"INC-',
    '"template":"google-sre","timeline":[{"author":"', '"updated":"2026-', '"version":1}',
    '{"action_items":[{"description":"', '"id":"ai-', '"},{"description":"',
    '","id":"ev-', '","time":"2026-', ':00Z","type":"', '"},{"author":"', '","description":"',
    '"},{"id":"', '","text":"', '"}],"', '. The ', ', and the ', ' the ',
]


def build():
    parts = []
    parts.append(re.sub(r"\s+", " ", PROSE3).strip())
    parts.append(re.sub(r"\s+", " ", PROSE2).strip())
    parts.append(re.sub(r"\s+", " ", PROSE).strip())
    parts.append(re.sub(r"\s+", " ", NOTES).strip())
    parts.append(re.sub(r"\s+", " ", WORDS))
    for key, title, hint in section_hints():
        parts.append('"%s" %s: %s' % (key, title, hint))
    for t in templates():
        parts.append(minified(t))
    parts.append(",".join('"%s":' % k for k in DOC_KEYS))
    parts.append(skeleton())
    parts.append("".join(FRAGMENTS))
    data = "\n".join(parts).encode("utf-8")
    if len(data) > MAX:  # keep the end: it holds the most frequent strings
        data = data[len(data) - MAX:]
    return data


def check_v2(v1):
    """dict-v2 = dict-v2-extra.txt + dict-v1: within the window, and free of the benchmark samples' text."""
    extra = open(EXTRA_V2, "rb").read()
    ok = True
    if len(extra) + len(v1) > MAX:
        print("dict-v2 is %d bytes, more than deflate can reach (%d)" % (len(extra) + len(v1), MAX), file=sys.stderr)
        ok = False
    width = 40
    runs = {extra[i:i + width] for i in range(len(extra) - width + 1)}
    folder = os.path.join(ROOT, "assets", "samples")
    for name in sorted(os.listdir(folder)):
        text = json.dumps(json.load(open(os.path.join(folder, name), encoding="utf-8")), sort_keys=True,
                          separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        for i in range(len(text) - width + 1):
            if text[i:i + width] in runs:
                print("dict-v2-extra.txt shares text with samples/%s: %r" % (name, text[i:i + width]),
                      file=sys.stderr)
                ok = False
                break
    return ok


def main():
    data = build()
    if "--check" in sys.argv:
        old = open(OUT, "rb").read() if os.path.exists(OUT) else b""
        if old != data:
            print("assets/link/dict-v1.txt differs from what scripts/gen_dict.py builds", file=sys.stderr)
            return 1
        return 0 if check_v2(old) else 1
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        f.write(data)
    print("wrote %s (%d bytes)" % (os.path.relpath(OUT, ROOT), len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
