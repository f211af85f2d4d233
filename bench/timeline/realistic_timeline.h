// A realistic large timeline for the benchmarks and the layout tests: events over several days, of every type, at
// second resolution (so some share an instant), with descriptions as incident logs have them (several languages and
// scripts, some long, some of several lines, a few empty), sorted by time as the editor keeps them. Deterministic
// for a seed. Also the edits a person makes to such a timeline, applied as the editor applies them.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/time_units.h"
#include "core/timeline.h"

namespace hs::bench {

struct Rng {
    uint32_t s;
    uint32_t next() { return s = s * 1664525u + 1013904223u; }
    size_t below(size_t n) { return n ? (next() >> 8) % n : 0; }
};

inline const std::vector<std::string>& sample_texts() {
    static const std::vector<std::string> t = {
        "Deploy of config v{n} to the edge fleet started",
        "Error rate on checkout at {n}% (SLO 0.5%)",
        "Paged the on-call for payments-api",
        "Rolled back release {n}; error rate falling",
        "Posted status update: investigating elevated latency in eu-west-1 and us-east-2",
        "Cache hit ratio down to {n}% on POP fra{n}",
        "Failover of replica db-{n} to the standby\nwatching replication lag",
        "Konfiguration v{n} auf alle Knoten ausgerollt, Fehlerquote steigt",
        "Kundendienst meldet Zahlungsfehler bei {n} Bestellungen",
        "決済APIのエラー率が{n}%に上昇",
        "ロールバック完了、レイテンシは正常値に戻りつつある",
        "支付网关超时，影响约{n}%的请求",
        "已切换到备用数据库 db-{n}",
        "تم إبلاغ فريق الشبكات بانقطاع في المنطقة {n}",
        "הלקוחות מדווחים על שגיאות בתשלום ({n})",
        "Задержка репликации {n} с, переключаемся на резерв",
        "Latence élevée sur l’API de paiement, {n} ms au p99",
        "Latencia alta en la región sa-east-1: {n} ms",
        "결제 API 오류율 {n}% 상승",
        "Incident bridge opened \xf0\x9f\x93\x9e, {n} people on the call",
        "",
        "Root cause candidate: a feature flag flipped for {n}% of traffic; the flag service logged the change but no "
        "alert fired because the dashboard filtered that region out",
    };
    return t;
}

inline std::string sample_text(Rng& r) {
    std::string s = sample_texts()[r.below(sample_texts().size())];
    const std::string n = std::to_string(r.below(1000));
    for (size_t p; (p = s.find("{n}")) != std::string::npos;) s.replace(p, 3, n);
    return s;
}

inline Event sample_event(Rng& r, int64_t start_ms, int64_t span_ms, const std::string& id) {
    Event e;
    e.id = id;
    e.time.set = r.below(200) != 0;  // a few without a time
    e.time.unix_ms = start_ms + static_cast<int64_t>(r.below(static_cast<size_t>(span_ms / kSecondMs))) * kSecondMs;
    e.time.offset_min = r.below(10) ? 60 : 540;
    static const char* kTypes[] = {"action", "action", "action", "note", "note", "communication", "escalated"};
    e.type = kTypes[r.below(sizeof kTypes / sizeof kTypes[0])];
    e.description = sample_text(r);
    e.author = "oncall-" + std::to_string(r.below(25));
    return e;
}

// `n` events over `days` days from 2026-04-07 13:58 UTC, with one impact start and one resolution.
inline Document realistic_timeline(int n, int days = 4, uint32_t seed = 12345) {
    Document d;
    d.id = "bench";
    d.title = "Multi-day payment outage";
    Rng r{seed};
    const int64_t start = 1775570280000;
    const int64_t span = days * kDayMs;
    for (int i = 0; i < n; ++i) d.timeline.push_back(sample_event(r, start, span, "ev-" + std::to_string(i)));
    // One of each milestone, as an incident has them: they never join a cluster on the axis.
    const char* milestones[] = {"impact_start", "detected", "acknowledged", "mitigated", "resolved"};
    const int64_t at[] = {0, 25 * kMinuteMs, 40 * kMinuteMs, span - kDayMs, span};
    for (size_t m = 0; m < 5 && m < d.timeline.size(); ++m) {
        d.timeline[m].type = milestones[m];
        d.timeline[m].time = Instant{start + at[m], 60, true};
    }
    sort_events_by_time(d.timeline);
    return d;
}

// One edit as a person makes it in the panel or the list, applied as the editor does (the timeline is put back in
// time order afterwards): retime, text change, add, delete or type change, in turn with `k`.
inline void apply_edit(Document& d, Rng& r, int k) {
    if (d.timeline.empty()) return;
    Event& e = d.timeline[r.below(d.timeline.size())];
    switch (k % 5) {
        case 0:  // a drag: minutes either way
            e.time.set = true;
            e.time.unix_ms += (static_cast<int64_t>(r.below(61)) - 30) * kMinuteMs;
            break;
        case 1: e.description = r.below(4) ? e.description + " " + sample_text(r) : sample_text(r); break;
        case 2: {
            const Event& near = d.timeline[r.below(d.timeline.size())];
            Event added = sample_event(r, near.time.unix_ms, kHourMs, "ev-new-" + std::to_string(r.next()));
            d.timeline.push_back(std::move(added));
            break;
        }
        case 3: d.timeline.erase(d.timeline.begin() + static_cast<std::ptrdiff_t>(r.below(d.timeline.size()))); break;
        default: {  // among the kinds of entry: milestones stay where they are
            static const char* kKinds[] = {"action", "note", "communication", "escalated"};
            if (e.type == "action" || e.type == "note" || e.type == "communication" || e.type == "escalated")
                e.type = kKinds[r.below(4)];
            else
                e.description = sample_text(r);
        }
    }
    sort_events_by_time(d.timeline);
}

}  // namespace hs::bench
