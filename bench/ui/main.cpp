// bench/ui: frames of the whole editor (src/ui, the real App), built natively and headless with Dear ImGui (no GPU
// backend), for a large realistic document: the largest sample's prose with a generated timeline of 10,000 events
// (several days, every script; bench/timeline/realistic_timeline.h) and 1,000 action items, while scrolling the
// document with the wheel. Prints median, p95 and max frame build time (NewFrame .. Render, draw lists included)
// against a baseline measured in the same run: the same frames of the welcome screen (no document). Goal: median
// <= 2 ms, against 16.7 ms for 60 Hz. (Edits at this size: bench_timeline.)
//
// Usage: bench_ui [events=10000] [action_items=1000] [frames=400]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../timeline/realistic_timeline.h"
#include "app.h"
#include "core/format.h"
#include "headless.h"
#include "imgui.h"

namespace {

constexpr float kW = 1280, kH = 800;

std::string largest_sample() {
    std::ifstream f(std::string(HS_SOURCE_DIR) + "/assets/samples/multi-day-cdn-degradation.json", std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// The sample's prose and metadata with a generated timeline and action items of varied owners, dates and titles.
hs::Document large_document(const hs::Document& sample, int events, int items) {
    hs::Document d = sample;
    d.timeline = hs::bench::realistic_timeline(events).timeline;
    hs::bench::Rng r{99};
    const char* owners[] = {"edge team", "payments", "SRE", "Zahlungsverkehr", "決済チーム", "平台组", "фронтенд"};
    const char* statuses[] = {"open", "open", "in_progress", "done", "wont_do"};
    for (int i = 0; i < items; ++i) {
        hs::ActionItem a;
        a.id = "ai-bench-" + std::to_string(i);
        a.title = "Follow up: " + hs::bench::sample_text(r);
        if (a.title.size() > 140) a.title.resize(a.title.find(' ', 120));
        a.owner = owners[r.below(7)];
        a.due = "2026-" + std::string(r.below(2) ? "0" : "1") + std::to_string(1 + r.below(2)) + "-" +
                std::to_string(10 + r.below(18));
        a.status = statuses[r.below(5)];
        a.priority = "P" + std::to_string(r.below(4));
        d.action_items.push_back(a);
    }
    return d;
}

struct Result {
    std::vector<double> scroll;
    size_t vertices = 0;
};

struct Summary {
    double median = 0, p95 = 0, max = 0;
};
Summary summary(const std::vector<double>& ms) {
    if (ms.empty()) return {};
    const hs::native::Stats s = hs::native::Stats::of(ms);
    return {s.median, s.p95, *std::max_element(ms.begin(), ms.end())};
}

// Scrolls down through the document and back up; without a document the same input goes to the welcome screen.
Result run(const std::string* doc_json, int frames) {
    hs::native::HeadlessRunner r(kW, kH);
    hs::native::HeadlessPlatform platform;
    platform.fixed_now_ms = 1775570280000;
    hs::ui::App app(platform);
    if (doc_json && !app.open_json(*doc_json, "bench")) {
        std::fprintf(stderr, "bench_ui: the document did not open\n");
        std::exit(1);
    }
    auto body = [&]() { app.frame(); };
    for (int i = 0; i < 10; ++i) r.frame(body);  // first frames: layout, lint, metrics, glyphs of every script
    Result res;
    for (int f = 0; f < frames; ++f) {
        r.mouse_move(kW * 0.45f, kH * 0.6f);
        r.wheel((f / 100) % 2 == 0 ? -2.0f : 2.0f);  // scroll down through the document, then back up
        res.scroll.push_back(r.frame(body));
    }
    res.vertices = r.last_vertex_count();
    return res;
}

}  // namespace

int main(int argc, char** argv) {
    const int events = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int items = argc > 2 ? std::atoi(argv[2]) : 1000;
    const int frames = argc > 3 ? std::atoi(argv[3]) : 400;
    hs::LoadResult l = hs::load_document(largest_sample());
    if (!l.ok) {
        std::fprintf(stderr, "bench_ui: the sample did not load\n");
        return 1;
    }
    const hs::Document doc = large_document(l.doc, events, items);
    const std::string json = hs::save_document(doc);
    const Result base = run(nullptr, frames);
    const Result ed = run(&json, frames);
    const Summary bs = summary(base.scroll), es = summary(ed.scroll);
    std::printf("editor frames (1280x800, %d frames of wheel scrolling; build = NewFrame..Render)\n", frames);
    std::printf("  document: %zu timeline events, %zu action items, %zu bytes of JSON\n", doc.timeline.size(),
                doc.action_items.size(), json.size());
    std::printf("  baseline, welcome screen : median %.3f ms  p95 %.3f ms  max %.3f ms  (%zu vertices)\n", bs.median,
                bs.p95, bs.max, base.vertices);
    std::printf("  large document           : median %.3f ms  p95 %.3f ms  max %.3f ms  (%zu vertices)  "
                "goal median <= 2 ms: %s\n",
                es.median, es.p95, es.max, ed.vertices, es.median <= 2.0 ? "met" : "MISSED");
    return 0;
}
