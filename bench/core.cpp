// Core throughput: load (parse + model + validate), validate alone, and canonical save, against nlohmann/json's own
// plain parse and dump of the same bytes. Goal: >= 0.5x of plain nlohmann (the model must not add much on top).
// Prints medians; see bench/RESULTS.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "core/format.h"
#include "core/lint.h"

using namespace hs;

namespace {

volatile size_t g_sink = 0;  // keeps the optimiser from removing measured work

// Median seconds per run; repeats until ~0.5 s has passed (at least 5 runs).
double median_seconds(const std::function<void()>& fn) {
    using clock = std::chrono::steady_clock;
    std::vector<double> runs;
    fn();  // warm up caches and the allocator
    const auto start = clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(clock::now() - start).count(); };
    while (runs.size() < 5 || (elapsed() < 0.5 && runs.size() < 500)) {
        const auto t0 = clock::now();
        fn();
        runs.push_back(std::chrono::duration<double>(clock::now() - t0).count());
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

// A large, realistic document: a long multi-day incident with chatty timeline and many action items.
std::string generated_document(size_t target_bytes) {
    static const char* const kDescriptions[] = {
        "Error rate on checkout-api rose above 2% for 5 minutes; the on-call engineer was paged by the SLO burn alert.",
        "Rolled back payments-client from 2.3.0 to 2.2.4 on the canary hosts in us-east-1 and watched the retry rate.",
        "Posted a customer-facing update on the status page: \"Some payments are failing; we are working on a fix.\"",
        "Database connection pool saturated at 512/512 on orders-db-primary; p99 latency rose from 40 ms to 2.1 s.",
        "Incident commander asked the payments team to join the bridge and confirm whether Paystream was throttling.",
        "Traffic shifted away from eu-west-1 after the load balancer health checks failed for three minutes.",
        "Confirmed with the provider that the 429 responses were rate limiting on our merchant account, not an outage.",
        "Disabled the retry policy flag payments.client.retry_policy=legacy; authorize calls dropped to 1,050 rps.",
    };
    static const char* const kTypes[] = {"impact_start", "detected", "acknowledged", "escalated", "action",
                                         "communication", "mitigated", "note"};
    static const char* const kAuthors[] = {"On-call SRE", "Payments tech lead", "PagerDuty",
                                           "#inc-2417",   "Grafana",            "SRE manager"};
    Document d;
    d.id = "pm-bench0001";
    d.title = "Generated benchmark postmortem: multi-day payment degradation";
    d.status = "in_review";
    d.severity = 2;
    d.summary = std::string(kDescriptions[0]) + " " + kDescriptions[3] + " " + kDescriptions[7];
    d.created = *parse_iso8601("2026-03-01T12:00:00Z");
    d.updated = d.created;
    int64_t t = d.created.unix_ms;
    size_t i = 0;
    while (true) {
        Event e;
        e.id = "ev-" + std::to_string(10000000 + i);
        t += 37000;
        e.time = Instant{t, (i % 3 == 0) ? 60 : 0, true};
        e.type = kTypes[i % 8];
        e.description = kDescriptions[i % 8];
        e.author = kAuthors[i % 6];
        if (i % 4 == 0) e.tags = {"payments", "retries"};
        d.timeline.push_back(std::move(e));
        if (i % 10 == 0) {
            ActionItem a;
            a.id = "ai-" + std::to_string(10000000 + i);
            a.title = "Add a circuit breaker around the payment provider client (" + std::to_string(i) + ")";
            a.description = kDescriptions[(i + 3) % 8];
            a.owner = kAuthors[i % 2];
            a.due = "2026-04-15";
            a.priority = (i % 20 == 0) ? "P1" : "P2";
            a.ticket_url = "https://tracker.example/OPS-" + std::to_string(i);
            d.action_items.push_back(std::move(a));
            Item rc;
            rc.id = "rc-" + std::to_string(10000000 + i);
            rc.text = kDescriptions[(i + 5) % 8];
            d.contributing_factors.push_back(std::move(rc));
        }
        ++i;
        if (i % 256 == 0 && save_document(d).size() >= target_bytes) break;
    }
    return save_document(d);
}

void run(const std::string& name, const std::string& text) {
    const double mb = static_cast<double>(text.size()) / (1024.0 * 1024.0);
    Json parsed = Json::parse(text);
    LoadResult loaded = load_document(text);
    if (!loaded.ok) {
        std::printf("%s: does not load; skipped\n", name.c_str());
        return;
    }
    const double t_parse = median_seconds([&] { g_sink = g_sink + Json::parse(text).size(); });
    const double t_load = median_seconds([&] { g_sink = g_sink + load_document(text).doc.timeline.size(); });
    const double t_validate = median_seconds([&] { g_sink = g_sink + validate(loaded.doc).size(); });
    const double t_dump = median_seconds([&] { g_sink = g_sink + parsed.dump().size(); });
    const double t_save = median_seconds([&] { g_sink = g_sink + save_document(loaded.doc).size(); });
    std::printf("\n%s: %.2f MB, %zu events, %zu action items\n", name.c_str(), mb, loaded.doc.timeline.size(),
                loaded.doc.action_items.size());
    std::printf("  %-44s %9.1f MB/s\n", "nlohmann parse (baseline)", mb / t_parse);
    std::printf("  %-44s %9.1f MB/s  %.2fx\n", "load_document (parse+migrate+model+validate)", mb / t_load,
                t_parse / t_load);
    std::printf("  %-44s %9.1f MB/s  %.2fx\n", "validate (typed model only)", mb / t_validate, t_parse / t_validate);
    std::printf("  %-44s %9.1f MB/s\n", "nlohmann dump (baseline)", mb / t_dump);
    std::printf("  %-44s %9.1f MB/s  %.2fx\n", "save_document (canonical)", mb / t_save, t_dump / t_save);

    // Lint after an edit to one event, as the editor runs it on every change: the whole document (baseline) against
    // the cached run, which scans only the edited field again (LintCache).
    Document edited = loaded.doc;
    LintCache cache;
    lint(edited, default_blame_phrases(), cache);
    int n = 0;
    const double t_lint = median_seconds([&] { g_sink = g_sink + lint(edited).size(); });
    const double t_cached = median_seconds([&] {
        edited.timeline[0].description = "edit " + std::to_string(n++);
        g_sink = g_sink + lint(edited, default_blame_phrases(), cache).size();
    });
    std::printf("  %-44s %9.2f ms\n", "lint, whole document (baseline)", t_lint * 1000);
    std::printf("  %-44s %9.2f ms  %.1fx faster\n", "lint after an edit, with LintCache", t_cached * 1000,
                t_lint / t_cached);
}

}  // namespace

int main() {
    std::printf("bench_core: medians; ratio = hindsight throughput / nlohmann throughput (goal >= 0.5x)\n");
    std::string largest, largest_name;
    for (const std::string& p : list_embedded("samples/")) {
        const EmbeddedFile* f = find_embedded(p);
        if (f && f->size > largest.size()) {
            largest.assign(f->data, f->size);
            largest_name = p;
        }
    }
    if (largest.empty()) std::printf("no embedded samples\n");
    else run("largest sample " + largest_name, largest);
    run("generated document", generated_document(5u * 1024u * 1024u));
    return 0;
}
