// Timeline core maths with 10,000 events: the per-change work (index, phases), the per-zoom work (lanes, clusters)
// and the per-frame work (ticks, visible range), plus parsing a 10,000-line paste. Prints median and p95 in us.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/paste.h"
#include "core/timeline.h"

using namespace hs;

namespace {

void measure(const char* name, int runs, const std::function<void()>& fn) {
    std::vector<double> us;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        fn();
        const auto b = std::chrono::steady_clock::now();
        us.push_back(std::chrono::duration<double, std::micro>(b - a).count());
    }
    std::sort(us.begin(), us.end());
    std::printf("%-34s median %9.1f us   p95 %9.1f us   (%d runs)\n", name, us[us.size() / 2],
                us[std::min(us.size() - 1, us.size() * 95 / 100)], runs);
}

}  // namespace

int main() {
    const int n = 10000;
    std::mt19937 rng(42);
    const int64_t start = 1772370000000;  // 2026-03-01T13:00:00Z
    Document doc;
    std::vector<float> widths;
    for (int i = 0; i < n; ++i) {
        Event e;
        e.id = "ev-" + std::to_string(i);
        e.type = vocab::kEventTypes[rng() % vocab::kEventTypes.size()];
        e.time = Instant{start + static_cast<int64_t>(rng() % (3 * 86400000LL)), 60, true};
        doc.timeline.push_back(e);
        widths.push_back(static_cast<float>(40 + rng() % 160));
    }
    TimelineIndex idx;
    measure("index build (per change)", 50, [&] { idx = build_timeline_index(doc.timeline, widths); });
    measure("phases (per change)", 50, [&] { (void)compute_phases(doc); });
    LaneParams lp;
    lp.px_per_ms = 1200.0 / (3 * 86400000.0);
    measure("lanes, whole range (per zoom)", 50, [&] { (void)layout_lanes(idx, lp); });
    lp.px_per_ms = 1200.0 / 3600000.0;
    measure("lanes, 1 h on screen (per zoom)", 50, [&] { (void)layout_lanes(idx, lp); });
    measure("clusters, whole range (per zoom)", 50, [&] { (void)cluster_events(idx, 1200.0 / (3 * 86400000.0), 8); });
    measure("clusters, 1 h on screen (per zoom)", 50, [&] { (void)cluster_events(idx, 1200.0 / 3600000.0, 8); });
    measure("ticks 3 d, fixed offset (per frame)", 200,
            [&] { (void)choose_ticks(start, start + 3 * 86400000LL, 1200, 70, TimeZone::fixed(60)); });
    measure("ticks 10 min, UTC (per frame)", 200,
            [&] { (void)choose_ticks(start, start + 600000, 1200, 70, TimeZone::utc()); });
    measure("visible range + hit test (per frame)", 200, [&] {
        (void)visible_range(idx, start + 3600000, start + 7200000, 60000);
        (void)hit_test(idx, start + 5400000, 1200.0 / 3600000.0, 6);
    });
    std::string paste;
    for (int i = 0; i < n; ++i) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d oncall-primary: Deploy step %d finished\n", (i / 3600) % 24,
                      i / 60 % 60, i % 60, i);
        paste += buf;
    }
    PasteContext ctx;
    ctx.date = "2026-03-01";
    measure("paste parse, 10,000 lines", 10, [&] { (void)parse_paste(paste, ctx); });
    return 0;
}
