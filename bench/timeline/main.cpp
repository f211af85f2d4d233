// bench/timeline: frames of the real timeline panel (src/ui/timeline*), built natively and headless with Dear ImGui
// (no GPU backend), for a 10,000-event document while zooming and panning with the wheel and the mouse. Prints the
// median and p95 frame build time (NewFrame .. Render, draw lists included) and the layout rebuild time after an
// edit, each next to a baseline measured in the same run: the same frames with an empty timeline.
//
// Usage: bench_timeline [events=10000] [frames=600]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "headless.h"
#include "imgui.h"
#include "timeline.h"

namespace {

hs::Document make_document(int n) {
    hs::Document d;
    d.id = "bench";
    d.title = "Timeline bench";
    const int64_t start = 1775570280000;  // 2026-04-07T13:58:00Z
    const int64_t span = 3 * hs::kDayMs;
    const char* words[] = {"Deploy of config", "Error rate on checkout at", "Paged the on-call for", "Rolled back",
                           "Posted status update", "Cache hit ratio down to", "Failover of replica", "Note:"};
    const std::string types[] = {"action", "communication", "note", "escalated", "action", "note", "action", "note"};
    uint32_t seed = 12345;
    auto rnd = [&]() { return seed = seed * 1664525u + 1013904223u; };
    for (int i = 0; i < n; ++i) {
        hs::Event e;
        e.id = "ev-" + std::to_string(i);
        e.time.set = true;
        e.time.unix_ms = start + static_cast<int64_t>(static_cast<double>(rnd() % 1000000) / 1e6 * static_cast<double>(span));
        e.time.offset_min = 60;
        int w = static_cast<int>(rnd() % 8);
        e.type = types[w];
        e.description = std::string(words[w]) + " v" + std::to_string(rnd() % 100) + (rnd() % 3 ? "" : " in eu-west-1 and us-east-2");
        e.author = "source-" + std::to_string(rnd() % 20);
        d.timeline.push_back(e);
    }
    const char* milestones[] = {"impact_start", "detected", "acknowledged", "mitigated", "resolved"};
    const int64_t at[] = {0, 25 * hs::kMinuteMs, 40 * hs::kMinuteMs, 2 * hs::kDayMs, 3 * hs::kDayMs - hs::kHourMs};
    for (int i = 0; i < 5 && i < n; ++i) {
        d.timeline[static_cast<size_t>(i)].type = milestones[i];
        d.timeline[static_cast<size_t>(i)].time.unix_ms = start + at[i];
    }
    return d;
}

struct Result {
    hs::native::Stats frames, rebuild;
    size_t vertices = 0;
    double min_ms_per_px = 1e300, max_ms_per_px = 0, min_t0 = 1e300, max_t0 = -1e300;  // the input did move the view
};

// Runs `frames` frames of zoom in, pan, zoom out, pan (by the wheel and drags on the canvas), then `edits` edits.
Result run(hs::Document doc, int frames, int edits) {
    const float W = 1280, H = 800;
    hs::native::HeadlessRunner r(W, H);
    hs::ui::Timeline tl;
    uint64_t rev = 1;
    hs::ui::Timeline::EditFn edited = [&](const std::string&, const std::string&) { return ++rev; };
    auto body = [&]() {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(W, H));
        ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        tl.draw(doc, rev, W - 40, edited, 1775570280000);
        ImGui::End();
    };
    for (int i = 0; i < 3; ++i) r.frame(body);  // first frames: layout, fit
    float cx = 0, cy = 0, cw = 0, ch = 0;
    r.locate("timeline.canvas", cx, cy, cw, ch);
    std::vector<double> times;
    Result res;
    const float y = cy + ch - 12;  // a lane row: drags here pan (no label there at this zoom in most frames)
    for (int f = 0; f < frames; ++f) {
        const int phase = (f / 60) % 4;
        const int k = f % 60;
        const float x = cx + cw * (0.3f + 0.4f * static_cast<float>(k) / 60.0f);
        if (phase == 0 || phase == 2) {  // wheel zoom around a moving cursor
            r.mouse_move(x, y);
            r.wheel(phase == 0 ? 0.5f : -0.5f);
        } else {  // drag to pan: press, move, release
            if (k == 0) {
                r.mouse_move(x, y);
                r.mouse_button(0, true);
            } else if (k == 59) {
                r.mouse_button(0, false);
            } else {
                r.mouse_move(phase == 1 ? x : cx + cw - (x - cx), y);
            }
        }
        times.push_back(r.frame(body));
        res.min_ms_per_px = std::min(res.min_ms_per_px, tl.view().ms_per_px);
        res.max_ms_per_px = std::max(res.max_ms_per_px, tl.view().ms_per_px);
        res.min_t0 = std::min(res.min_t0, tl.view().t0_ms);
        res.max_t0 = std::max(res.max_t0, tl.view().t0_ms);
    }
    r.mouse_button(0, false);
    res.frames = hs::native::Stats::of(times);
    res.vertices = r.last_vertex_count();
    // Edits: retime one event (as a drag would) and draw the next frame; the layout is rebuilt once for it.
    std::vector<double> rebuilds;
    for (int e = 0; e < edits; ++e) {
        if (!doc.timeline.empty()) doc.timeline[static_cast<size_t>(e) % doc.timeline.size()].time.unix_ms += hs::kMinuteMs;
        ++rev;
        r.frame(body);
        rebuilds.push_back(tl.last_rebuild_ms());
    }
    res.rebuild = hs::native::Stats::of(rebuilds);
    return res;
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int frames = argc > 2 ? std::atoi(argv[2]) : 600;
    const Result base = run(make_document(0), frames, 30);
    const Result big = run(make_document(n), frames, 30);
    std::printf("timeline frames (1280x800, %d frames of wheel zoom and drag pan; build = NewFrame..Render)\n", frames);
    std::printf("  baseline, empty timeline : median %.3f ms  p95 %.3f ms  (%zu vertices)\n", base.frames.median,
                base.frames.p95, base.vertices);
    std::printf("  %d events           : median %.3f ms  p95 %.3f ms  (%zu vertices)  goal median <= 2 ms: %s\n", n,
                big.frames.median, big.frames.p95, big.vertices, big.frames.median <= 2.0 ? "met" : "MISSED");
    std::printf("  view moved by the input  : zoom %.0f..%.0f ms/px, left edge over %.1f h\n", big.min_ms_per_px,
                big.max_ms_per_px, (big.max_t0 - big.min_t0) / 3.6e6);
    std::printf("layout rebuild after an edit (30 edits)\n");
    std::printf("  baseline, empty timeline : median %.3f ms  p95 %.3f ms\n", base.rebuild.median, base.rebuild.p95);
    std::printf("  %d events           : median %.3f ms  p95 %.3f ms\n", n, big.rebuild.median, big.rebuild.p95);
    return 0;
}
