// bench/timeline: frames of the real timeline panel (src/ui/timeline*), built natively and headless with Dear ImGui
// (no GPU backend), for a realistic 10,000-event document (realistic_timeline.h) while zooming and panning with the
// wheel and the mouse. Prints the median and p95 frame build time (NewFrame .. Render, draw lists included), then
// for edits of every kind the layout rebuild time (wall and CPU) and the whole frame that shows the edit, each next to
// baselines measured in the same run: the same frames and edits with an empty timeline, and a new panel's full
// rebuild of the same document.
//
// Usage: bench_timeline [events=10000] [frames=600] [edits=1000]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "headless.h"
#include "realistic_timeline.h"
#include "imgui.h"
#include "timeline.h"

namespace {

// This thread's CPU time: on a busy machine the wall time of a frame includes time the thread was not running.
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Result {
    hs::native::Stats frames, rebuild, rebuild_cpu, full, full_cpu, edit_frames, edit_cpu;
    double rebuild_max = 0, rebuild_cpu_max = 0, edit_frame_max = 0, edit_cpu_max = 0;
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
    auto panel = [&](hs::ui::Timeline& t) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(W, H));
        ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        t.draw(doc, rev, W - 40, edited, 1775570280000);
        ImGui::End();
    };
    auto body = [&]() { panel(tl); };
    for (int i = 0; i < 10; ++i) r.frame(body);  // first frames: layout, fit, glyphs of every script
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
    // Edits as a person makes them (retime, text, add, delete, type; the timeline put back in time order as the
    // editor does), each followed by the frame that shows it: the layout is rebuilt once, in that frame. Every
    // kFullEvery edits, the baseline: a new panel's first rebuild of the same document (every label measured).
    constexpr int kFullEvery = 10;
    std::vector<double> rebuilds, rebuild_cpu, full, full_cpu, edit_frames, edit_cpu;
    hs::bench::Rng rng{777};
    for (int e = 0; e < edits; ++e) {
        hs::bench::apply_edit(doc, rng, e);
        ++rev;
        const double c0 = cpu_ms();
        edit_frames.push_back(r.frame(body));
        edit_cpu.push_back(cpu_ms() - c0);
        rebuilds.push_back(tl.last_rebuild_ms());
        rebuild_cpu.push_back(tl.last_rebuild_cpu_ms());
        if (e % kFullEvery == 0) {
            hs::ui::Timeline fresh;
            r.frame([&] { panel(fresh); });
            full.push_back(fresh.last_rebuild_ms());
            full_cpu.push_back(fresh.last_rebuild_cpu_ms());
        }
    }
    res.rebuild = hs::native::Stats::of(rebuilds);
    res.rebuild_cpu = hs::native::Stats::of(rebuild_cpu);
    res.full = hs::native::Stats::of(full);
    res.full_cpu = hs::native::Stats::of(full_cpu);
    res.edit_frames = hs::native::Stats::of(edit_frames);
    res.rebuild_max = *std::max_element(rebuilds.begin(), rebuilds.end());
    res.rebuild_cpu_max = *std::max_element(rebuild_cpu.begin(), rebuild_cpu.end());
    res.edit_frame_max = *std::max_element(edit_frames.begin(), edit_frames.end());
    res.edit_cpu = hs::native::Stats::of(edit_cpu);
    res.edit_cpu_max = *std::max_element(edit_cpu.begin(), edit_cpu.end());
    return res;
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int frames = argc > 2 ? std::atoi(argv[2]) : 600;
    const int edits = std::max(1, argc > 3 ? std::atoi(argv[3]) : 1000);
    const Result base = run(hs::Document(), frames, edits);
    const Result big = run(hs::bench::realistic_timeline(n), frames, edits);
    std::printf("timeline frames (1280x800, %d frames of wheel zoom and drag pan; build = NewFrame..Render)\n", frames);
    std::printf("  baseline, empty timeline : median %.3f ms  p95 %.3f ms  (%zu vertices)\n", base.frames.median,
                base.frames.p95, base.vertices);
    std::printf("  %d events           : median %.3f ms  p95 %.3f ms  (%zu vertices)  goal median <= 2 ms: %s\n", n,
                big.frames.median, big.frames.p95, big.vertices, big.frames.median <= 2.0 ? "met" : "MISSED");
    std::printf("  view moved by the input  : zoom %.0f..%.0f ms/px, left edge over %.1f h\n", big.min_ms_per_px,
                big.max_ms_per_px, (big.max_t0 - big.min_t0) / 3.6e6);
    std::printf("after an edit (%d edits: retime, text, add, delete, type, in turn)\n", edits);
    std::printf("  layout rebuild, empty    : median %.3f ms  p95 %.3f ms  max %.3f ms\n", base.rebuild.median,
                base.rebuild.p95, base.rebuild_max);
    std::printf("  layout rebuild, %d  : median %.3f ms  p95 %.3f ms  max %.3f ms  goal p95 < 8 ms: %s\n", n,
                big.rebuild.median, big.rebuild.p95, big.rebuild_max, big.rebuild.p95 < 8.0 ? "met" : "MISSED");
    std::printf("  same rebuilds, CPU time  : median %.3f ms  p95 %.3f ms  max %.3f ms  goal p95 < 8 ms: %s\n",
                big.rebuild_cpu.median, big.rebuild_cpu.p95, big.rebuild_cpu_max,
                big.rebuild_cpu.p95 < 8.0 ? "met" : "MISSED");
    std::printf("  full rebuild (new panel) : median %.3f ms  p95 %.3f ms  CPU median %.3f ms  p95 %.3f ms\n",
                big.full.median, big.full.p95, big.full_cpu.median, big.full_cpu.p95);
    std::printf("  whole frame, empty       : median %.3f ms  p95 %.3f ms  max %.3f ms\n", base.edit_frames.median,
                base.edit_frames.p95, base.edit_frame_max);
    std::printf("  whole frame, %d     : median %.3f ms  p95 %.3f ms  max %.3f ms\n", n, big.edit_frames.median,
                big.edit_frames.p95, big.edit_frame_max);
    std::printf("  same frames, CPU time    : median %.3f ms  p95 %.3f ms  max %.3f ms  (empty: p95 %.3f ms)\n",
                big.edit_cpu.median, big.edit_cpu.p95, big.edit_cpu_max, base.edit_cpu.p95);
    return 0;
}
