// The timeline panel's layout is updated edit by edit (labels are measured again only for events whose text
// changed, the index is not sorted again when the timeline is in time order): after every kind of edit, at any
// zoom, it must be exactly what a new panel builds from the same document.
#include <catch2/catch.hpp>

#include <string>

#include "../../bench/timeline/realistic_timeline.h"
#include "glyphs.h"
#include "headless.h"
#include "imgui.h"
#include "timeline.h"

namespace {

// The first line where two dumps differ, for a readable failure.
std::string first_difference(const std::string& a, const std::string& b) {
    size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    const size_t from = a.rfind('\n', i == 0 ? 0 : i - 1);
    const size_t start = from == std::string::npos ? 0 : from + 1;
    return "updated: " + a.substr(start, a.find('\n', i) - start) + "\nnew:     " + b.substr(start, b.find('\n', i) - start);
}

struct Panel {
    static constexpr float W = 1280, H = 800;
    explicit Panel(hs::native::HeadlessRunner& runner) : r(runner) {}
    hs::native::HeadlessRunner& r;
    hs::ui::Timeline tl;
    uint64_t rev = 1;
    hs::ui::Timeline::EditFn edited = [this](const std::string&, const std::string&) { return ++rev; };
    void frame(hs::Document& d) {
        r.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(W, H));
            ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
            tl.draw(d, rev, W - 40, edited, 1775570280000);
            ImGui::End();
        });
    }
};

// A new panel's layout of `d` at the zoom of `view`.
std::string fresh_layout(hs::native::HeadlessRunner& r, hs::Document& d, const hs::TimeView& view) {
    Panel p(r);
    p.frame(d);
    p.tl.view() = view;
    p.frame(d);
    return p.tl.layout_dump();
}

}  // namespace

TEST_CASE("the timeline layout after each edit equals a full rebuild, for retimes, texts, adds, deletes and types") {
    hs::native::HeadlessRunner r(Panel::W, Panel::H);
    hs::Document d = hs::bench::realistic_timeline(1500, 3, 99);
    Panel p(r);
    for (int i = 0; i < 6; ++i) p.frame(d);  // glyphs of every script are in
    hs::bench::Rng rng{4242};
    int compared = 0;
    for (int k = 0; k < 150; ++k) {
        hs::bench::apply_edit(d, rng, k);
        ++p.rev;
        if (k % 7 == 0) p.tl.view().ms_per_px *= k % 14 == 0 ? 0.25 : 4.0;  // lanes and clusters follow the zoom
        p.frame(d);
        const std::string updated = p.tl.layout_dump();
        const std::string full = fresh_layout(r, d, p.tl.view());
        INFO("edit " << k << " (kind " << k % 5 << ")\n" << first_difference(updated, full));
        REQUIRE(updated == full);
        ++compared;
    }
    CHECK(compared == 150);
}

TEST_CASE("a label reused across edits follows its event when events before it are added or deleted") {
    hs::native::HeadlessRunner r(Panel::W, Panel::H);
    hs::Document d = hs::bench::realistic_timeline(40, 1, 7);
    Panel p(r);
    p.frame(d);
    // Delete the first event, add one with a new text at the front, give two events the same text, empty another.
    d.timeline.erase(d.timeline.begin());
    hs::Event e = d.timeline.front();
    e.id = "ev-front";
    e.description = "Nuevo evento: pérdida de paquetes en São Paulo";
    e.time.unix_ms -= hs::kMinuteMs;
    d.timeline.insert(d.timeline.begin(), e);
    d.timeline[5].description = d.timeline[9].description;
    d.timeline[7].description.clear();
    ++p.rev;
    p.frame(d);
    const std::string updated = p.tl.layout_dump();
    CHECK(updated == fresh_layout(r, d, p.tl.view()));
    CHECK(updated.find("Nuevo evento") != std::string::npos);
}

TEST_CASE("labels in scripts the atlas has not drawn yet are measured with their glyphs; the other labels are kept") {
    hs::native::HeadlessRunner r(Panel::W, Panel::H);
    hs::Document d = hs::bench::realistic_timeline(300, 1, 31);
    Panel p(r);
    for (int i = 0; i < 3; ++i) p.frame(d);
    // Glyphs are added on demand while these are measured: Amharic, Georgian and Armenian, then Thai at the front.
    d.timeline[10].description = "የክፍያ አገልግሎት ለ12 ደቂቃ ተቋርጧል";
    d.timeline[20].description = "გადახდის სერვისი მიუწვდომელია, შეცდომების წილი 7%";
    d.timeline[30].description = "Վճարումների ծառայությունը անհասանելի է\nդիտարկում ենք";
    d.timeline.front().description = "ลูกค้าชำระเงินไม่ได้ 🚨 ระบบชำระเงินล่ม";
    ++p.rev;
    p.frame(d);
    // A glyph left for the next frame makes its label provisional: the panel rebuilds then, as long as it takes.
    for (int i = 0; i < 10 && hs::ui::glyph_stats().pending; ++i) p.frame(d);
    REQUIRE_FALSE(hs::ui::glyph_stats().pending);
    const std::string updated = p.tl.layout_dump();
    const std::string full = fresh_layout(r, d, p.tl.view());
    INFO(first_difference(updated, full));
    CHECK(updated == full);
    CHECK(updated.find("გადახდის") != std::string::npos);
    CHECK(updated.find("Վճարումների ծառայությունը") != std::string::npos);
}
