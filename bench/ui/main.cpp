// bench/ui: frames of the whole editor (src/ui, the real App), built natively and headless with Dear ImGui (no GPU
// backend), for the largest sample plus 1,000 action items, while scrolling the document with the wheel. Prints the
// median and p95 frame build time (NewFrame .. Render, draw lists included) against a baseline measured in the same
// run: the same frames of the welcome screen (no document). Goal: median <= 2 ms, against 16.7 ms for 60 Hz.
//
// Usage: bench_ui [action_items=1000] [frames=400]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "app.h"
#include "core/format.h"
#include "headless.h"
#include "imgui.h"

namespace {

std::string largest_sample() {
    std::ifstream f(std::string(HS_SOURCE_DIR) + "/assets/samples/multi-day-cdn-degradation.json", std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

struct Result {
    hs::native::Stats frames;
    size_t vertices = 0;
};

Result run(const std::string* doc_json, int frames) {
    const float W = 1280, H = 800;
    hs::native::HeadlessRunner r(W, H);
    hs::native::HeadlessPlatform platform;
    platform.fixed_now_ms = 1775570280000;
    hs::ui::App app(platform);
    if (doc_json && !app.open_json(*doc_json, "bench")) {
        std::fprintf(stderr, "bench_ui: the document did not open\n");
        std::exit(1);
    }
    auto body = [&]() { app.frame(); };
    for (int i = 0; i < 5; ++i) r.frame(body);  // first frames: layout, lint, metrics
    std::vector<double> times;
    for (int f = 0; f < frames; ++f) {
        r.mouse_move(W * 0.45f, H * 0.6f);
        r.wheel((f / 100) % 2 == 0 ? -2.0f : 2.0f);  // scroll down through the document, then back up
        times.push_back(r.frame(body));
    }
    return {hs::native::Stats::of(times), r.last_vertex_count()};
}

}  // namespace

int main(int argc, char** argv) {
    const int items = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int frames = argc > 2 ? std::atoi(argv[2]) : 400;
    hs::LoadResult l = hs::load_document(largest_sample());
    if (!l.ok) {
        std::fprintf(stderr, "bench_ui: the sample did not load\n");
        return 1;
    }
    for (int i = 0; i < items; ++i) {
        hs::ActionItem a;
        a.id = "ai-bench-" + std::to_string(i);
        a.title = "Follow-up " + std::to_string(i) + ": add an alert on the cache hit ratio per POP";
        a.owner = "edge team";
        a.due = "2026-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
        a.status = i % 3 ? "open" : "done";
        a.priority = "P" + std::to_string(1 + i % 3);
        l.doc.action_items.push_back(a);
    }
    const std::string big = hs::save_document(l.doc);
    const Result base = run(nullptr, frames);
    const Result ed = run(&big, frames);
    std::printf("editor frames (1280x800, %d frames of wheel scrolling; build = NewFrame..Render)\n", frames);
    std::printf("  baseline, welcome screen          : median %.3f ms  p95 %.3f ms  (%zu vertices)\n",
                base.frames.median, base.frames.p95, base.vertices);
    std::printf("  largest sample + %d action items : median %.3f ms  p95 %.3f ms  (%zu vertices)  "
                "goal median <= 2 ms: %s\n",
                items, ed.frames.median, ed.frames.p95, ed.vertices, ed.frames.median <= 2.0 ? "met" : "MISSED");
    std::printf("  document: %zu timeline events, %zu action items, %zu bytes of JSON\n", l.doc.timeline.size(),
                l.doc.action_items.size(), big.size());
    return 0;
}
