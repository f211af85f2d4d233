// Typing into a field of a large (1 MB) document: each keystroke's work must not grow with the document. The
// editor keeps some results up to date edit by edit (lint findings, undo history); these tests check that after
// many edits they equal what a full recomputation gives.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <random>
#include <string>
#include <vector>

#include "app.h"
#include "core/embedded.h"
#include "core/format.h"
#include "core/history.h"
#include "core/lint.h"
#include "headless.h"
#include "large_doc.h"
#include "locate_util.h"

namespace {

constexpr int64_t kStart = 1775570280000;
void frames(hs::native::HeadlessRunner& r, hs::ui::App& app, int n = 2) {
    for (int i = 0; i < n; ++i) r.frame([&] { app.frame(); });
}

void click_field(hs::native::HeadlessRunner& r, hs::ui::App& app, const std::string& path) {
    uitest::click(r, "field." + path, [&] { app.frame(); });
}

class OverlayPlatform : public hs::native::HeadlessPlatform {
public:
    bool has_text_overlay() const override { return true; }  // fields are edited as in the page
};

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// This thread's CPU time in ms: on a machine shared with other work, wall time counts the waits for a core too.
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

// Not run by default: a measurement (HS_TYPING_KEYS keystrokes, default 200), for profiling under perf.
TEST_CASE("typing in the 1 MB document: time per keystroke", "[.bench]") {
    hs::native::HeadlessRunner r(1280, 800);
    OverlayPlatform p;
    p.fixed_now_ms = kStart;
    hs::ui::App app(p);
    REQUIRE(app.open_json(uitest::large_json(), "large"));
    frames(r, app, 3);
    click_field(r, app, "summary");
    const char* env = std::getenv("HS_TYPING_KEYS");
    const int keys = env ? std::atoi(env) : 200;
    std::string text = app.document()->summary;
    const std::string typed = " Отказ шлюза; 決済の遅延; Καθυστέρηση 🔥";
    std::vector<double> ms, cpu, input_ms, lint_ms;
    hs::LintCache cache;
    hs::lint(*app.document(), hs::default_blame_phrases(), cache);
    for (int i = 0; i < keys; ++i) {
        text += typed[i % typed.size()] & 0x80 ? 'x' : typed[i % typed.size()];
        p.fixed_now_ms += 55;
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpu_ms();
        app.overlay_input("summary", text);
        input_ms.push_back(cpu_ms() - c0);
        frames(r, app, 1);
        ms.push_back(ms_since(t0));
        cpu.push_back(cpu_ms() - c0);
        const double c1 = cpu_ms();
        hs::lint(*app.document(), hs::default_blame_phrases(), cache);  // what the frame's lint costs, alone
        lint_ms.push_back(cpu_ms() - c1);
    }
    const hs::native::Stats s = hs::native::Stats::of(cpu), wall = hs::native::Stats::of(ms);
    std::printf("typing, 1 MB document: %d keystrokes (input and frame), CPU time median %.2f ms, p95 %.2f ms, "
                "max %.2f ms (wall: median %.2f ms, p95 %.2f ms)\n",
                keys, s.median, s.p95, *std::max_element(cpu.begin(), cpu.end()), wall.median, wall.p95);
    std::printf("  of which the input: median %.3f ms; a cached lint alone: median %.2f ms (%zu findings)\n",
                hs::native::Stats::of(input_ms).median, hs::native::Stats::of(lint_ms).median,
                hs::lint(*app.document(), hs::default_blame_phrases(), cache).size());
    CHECK(app.document()->summary == text);

    // For comparison, what an undo step per keystroke costs as a whole-document snapshot and as the field's text.
    hs::Document d = *app.document();
    hs::History whole, texts;
    whole.reset(d);
    texts.reset(d);
    std::vector<double> whole_ms, text_ms;
    for (int i = 0; i < 30; ++i) {
        const std::string before = d.summary;
        d.summary += "ж";
        auto t0 = std::chrono::steady_clock::now();
        whole.commit(d, "Edit summary", "summary", kStart + i * 55);
        whole_ms.push_back(ms_since(t0));
        t0 = std::chrono::steady_clock::now();
        texts.commit_text(d, {"summary", before, d.summary, d.updated, d.updated}, "Edit summary", kStart + i * 55);
        text_ms.push_back(ms_since(t0));
    }
    std::printf("  undo step per keystroke: whole snapshot median %.2f ms, field text median %.4f ms\n",
                hs::native::Stats::of(whole_ms).median, hs::native::Stats::of(text_ms).median);
}

// Keystrokes are kept in the undo history as the field's text, not as a snapshot of the whole document: undo and
// redo must still give, step by step, what snapshots of the whole document give (hs::History::commit alone).
TEST_CASE("typing: undo and redo of text-field steps equal whole-document snapshots after random edits") {
    hs::native::HeadlessRunner r(1280, 800);
    OverlayPlatform p;
    p.fixed_now_ms = kStart;
    hs::ui::App app(p);
    REQUIRE(app.open_json(uitest::sample_json(), "sample"));
    frames(r, app, 3);
    hs::History reference;
    reference.reset(*app.document());

    const std::vector<std::string> paths = {"summary", "title"};
    const std::vector<std::string> words = {"Отказ ", "決済の遅延 ", "Καθυστέρηση ", "🔥 ", "rollback "};
    std::mt19937 rng(20260407);
    std::string active;
    for (int i = 0; i < 300; ++i) {
        const std::string& path = paths[rng() % paths.size()];
        if (path != active) {
            click_field(r, app, path);
            active = path;
        }
        std::string text = path == "summary" ? app.document()->summary : app.document()->title;
        const unsigned what = rng() % 10;
        if (what < 6) text += words[rng() % words.size()];
        else if (what < 9 && !text.empty()) text.erase(text.rfind(' ') == std::string::npos ? 0 : text.rfind(' '));
        else text.clear();
        // Mostly a person's pace (coalesced into one step), sometimes a pause that starts a new step.
        p.fixed_now_ms += rng() % 8 == 0 ? 1500 + rng() % 4000 : 40 + rng() % 200;
        const std::string before = app.document_json();
        app.overlay_input(path, text);
        if (app.document_json() != before)
            reference.commit(*app.document(), "Edit " + path, path, p.fixed_now_ms);
        frames(r, app, 1);
    }
    INFO("undoable steps: " << reference.position());
    REQUIRE(reference.position() > 20);
    const std::string last = app.document_json();
    size_t undone = 0;
    while (auto d = reference.undo()) {
        app.undo();
        REQUIRE(app.document_json() == hs::save_document(*d));
        ++undone;
    }
    app.undo();  // nothing left: the document stays as loaded
    CHECK(app.document_json() == reference.current_json());
    for (size_t i = 0; i < undone; ++i) {
        auto d = reference.redo();
        REQUIRE(d);
        app.redo();
        REQUIRE(app.document_json() == hs::save_document(*d));
    }
    CHECK(app.document_json() == last);
}

// The oldest steps are dropped at the step limit; the step that becomes the oldest must then be a whole snapshot.
TEST_CASE("typing: text steps survive the step limit dropping the oldest") {
    hs::LoadResult l = hs::load_document(uitest::sample_json());
    REQUIRE(l.ok);
    hs::Document d = l.doc;
    hs::History::Limits limits;
    limits.max_steps = 5;
    hs::History h(limits);
    h.reset(d);
    std::vector<std::string> states{hs::save_document(d)};
    int64_t now = kStart;
    for (int i = 0; i < 12; ++i) {
        hs::History::TextChange c{"summary", d.summary, d.summary + " Шаг " + std::to_string(i) + " 段階", d.updated, {}};
        d.summary = c.after;
        d.updated.unix_ms = now / 1000 * 1000;
        d.updated.set = true;
        c.updated_after = d.updated;
        now += 5000;  // each one its own step
        REQUIRE(h.commit_text(d, c, "Edit summary", now));
        states.push_back(hs::save_document(d));
    }
    CHECK(h.steps() == 5);
    CHECK(h.current_json() == states.back());
    for (size_t k = 1; k <= 5; ++k) {
        auto u = h.undo();
        REQUIRE(u);
        CHECK(hs::save_document(*u) == states[states.size() - 1 - k]);
    }
    CHECK_FALSE(h.undo());
}

// The editor lints with a cache of the last run's scans (moved into the next run, field by field): after many random
// edits, repeated fields included, it must find what a lint of the whole document finds.
TEST_CASE("typing: cached lint equals a full lint after random edits") {
    hs::LoadResult l = hs::load_document(uitest::sample_json());
    REQUIRE(l.ok);
    hs::Document d = l.doc;
    REQUIRE(d.timeline.size() > 4);
    d.timeline.push_back(d.timeline[1]);  // a repeated id: the same field twice
    const std::vector<std::string> words = {"the engineer broke prod ", "Отказ ", "決済の遅延 ", "Καθυστέρηση ",
                                            "should have checked ", "🔥 ", "human error "};
    std::mt19937 rng(7);
    hs::LintCache cache;
    const std::vector<std::string> authors = {"Анна Петрова", "佐藤 花子", "Νίκος", "db-oncall"};
    int added = 0;
    for (int i = 0; i < 400; ++i) {
        // Mostly typing; sometimes events added, removed or moved (the scans are then no longer in the last run's
        // order), and an author renamed (the people change, so the cache is emptied).
        const unsigned what = rng() % 20;
        const size_t at = rng() % d.timeline.size();
        if (what == 0) {
            hs::Event e = d.timeline[at];
            e.id = "ev-added-" + std::to_string(added++);
            d.timeline.insert(d.timeline.begin() + long(rng() % d.timeline.size()), e);
        } else if (what == 1 && d.timeline.size() > 3) {
            d.timeline.erase(d.timeline.begin() + long(at));
        } else if (what == 2) {
            std::swap(d.timeline[at], d.timeline[rng() % d.timeline.size()]);
        } else if (what == 3) {
            d.timeline[at].author = authors[rng() % authors.size()];
        } else {
            std::string& text = rng() % 2 ? d.summary : d.timeline[at].description;
            if (rng() % 4 == 0 && !text.empty()) text.resize(rng() % text.size());
            else text += words[rng() % words.size()];
        }
        const std::vector<hs::Finding> got = hs::lint(d, hs::default_blame_phrases(), cache);
        const std::vector<hs::Finding> want = hs::lint(d, hs::default_blame_phrases());
        REQUIRE(got.size() == want.size());
        for (size_t k = 0; k < got.size(); ++k) {
            CHECK(got[k].rule == want[k].rule);
            CHECK(got[k].item_id == want[k].item_id);
            CHECK(got[k].field == want[k].field);
            CHECK(got[k].start == want[k].start);
            CHECK(got[k].end == want[k].end);
            CHECK(got[k].message == want[k].message);
        }
    }
}

// Typing in a field the timeline does not show (the summary, an action item's title) lays the timeline out again
// for none of the keystrokes and runs the metrics for none; a keystroke in an event's description does both (the counters can move).
TEST_CASE("typing: keystrokes outside the timeline rebuild neither its layout nor the metrics") {
    hs::native::HeadlessRunner r(1280, 9000);  // tall: every field on screen, no scrolling to them
    OverlayPlatform p;
    p.fixed_now_ms = kStart;
    hs::ui::App app(p);
    std::ifstream in(std::string(HS_SOURCE_DIR) + "/assets/samples/ja-payment-gateway-timeout.json", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    REQUIRE(app.open_json(ss.str(), "sample"));
    frames(r, app, 3);
    const hs::ui::App::WorkCounts before = app.work_counts();
    REQUIRE(before.timeline_layouts > 0);
    REQUIRE(before.metrics_runs > 0);
    click_field(r, app, "summary");
    std::string text = app.document()->summary;
    for (const char* piece : {" Шлюз", " 決済", " ώρα", " 🔥", " ok"}) {
        text += piece;
        p.fixed_now_ms += 80;
        app.overlay_input("summary", text);
        frames(r, app, 1);
    }
    REQUIRE(app.document()->summary == text);
    const std::string item = app.document()->action_items.at(0).id;
    click_field(r, app, "action_items/" + item + "/title");
    std::string title = app.document()->action_items.at(0).title;
    for (int i = 0; i < 6; ++i) {
        title += "é";
        p.fixed_now_ms += 80;
        app.overlay_input("action_items/" + item + "/title", title);
        frames(r, app, 1);
    }
    REQUIRE(app.document()->action_items.at(0).title == title);
    const hs::ui::App::WorkCounts typed = app.work_counts();
    CHECK(typed.timeline_layouts == before.timeline_layouts);
    CHECK(typed.metrics_runs == before.metrics_runs);

    // A keystroke in an event's description: the timeline shows it, so its layout and the metrics are made again.
    const std::string ev = app.document()->timeline.front().id;
    uitest::click(r, "timeline.row.description." + ev, [&] { app.frame(); });
    frames(r, app, 1);
    std::string desc = app.document()->timeline.front().description + " 遅延";
    app.overlay_input("timeline/" + ev + "/description", desc);
    frames(r, app, 2);
    REQUIRE(app.document()->timeline.front().description == desc);
    const hs::ui::App::WorkCounts event_typed = app.work_counts();
    CHECK(event_typed.timeline_layouts > typed.timeline_layouts);
    CHECK(event_typed.metrics_runs > typed.metrics_runs);
}

namespace {
// A platform whose lint counts as slow however long it takes, on a clock the test moves.
class SlowLintPlatform : public OverlayPlatform {
public:
    double lint_wait_above_ms() const override { return 1e-9; }
};

int findings_shown(hs::native::HeadlessRunner& r) {
    int n = 0;
    while (uitest::shown(r, "finding." + std::to_string(n))) ++n;
    return n;
}
}  // namespace

TEST_CASE("a slow lint waits for a pause in typing, then finds what was typed") {
    hs::native::HeadlessRunner r(1280, 800);
    SlowLintPlatform p;
    p.fixed_now_ms = kStart;
    hs::ui::App app(p);
    REQUIRE(app.open_json(uitest::large_json(120000), "large"));
    frames(r, app, 3);
    const int before = findings_shown(r);
    click_field(r, app, "summary");
    frames(r, app);
    std::string text = app.document()->summary;
    // Keystrokes 100 ms apart: the lint waits while they come.
    const std::string typed = " Это была human error оператора.";
    for (size_t i = 0; i < typed.size(); ++i) {
        const size_t n = (static_cast<unsigned char>(typed[i]) >= 0xC0) ? (typed[i] & 0x20 ? 3 : 2) : 1;
        text += typed.substr(i, n);
        i += n - 1;
        p.fixed_now_ms += 100;
        p.soonest_timer_ms = -1;
        app.overlay_input("summary", text);
        frames(r, app, 1);
    }
    REQUIRE(app.document()->summary == text);
    CHECK(findings_shown(r) == before);  // not yet linted: the typing has not paused
    CHECK(p.soonest_timer_ms == 300);    // a frame is asked for when the pause will have come
    p.fixed_now_ms += 300;               // the pause
    frames(r, app);
    CHECK(findings_shown(r) == before + 1);  // "human error", found once the typing paused
    // Another kind of change (an undo) is linted at once.
    app.undo();
    frames(r, app);
    CHECK(findings_shown(r) == before);
}
