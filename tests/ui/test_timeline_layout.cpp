// The timeline panel's layout is updated edit by edit (labels are measured again only for events whose text
// changed, the index is not sorted again when the timeline is in time order): after every kind of edit, at any
// zoom, it must be exactly what a new panel builds from the same document.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "../../bench/timeline/realistic_timeline.h"
#include "core/importers/importers.h"
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

namespace {

// Where each event's marker and label were drawn, against the communication lane: the events of that type (and
// only they) sit in it. Returns how many markers and labels of each were seen, so that a test cannot pass empty.
struct LaneCount {
    int comm_markers = 0, comm_labels = 0, other_markers = 0, other_labels = 0;
};
LaneCount check_lanes(const hs::native::HeadlessRunner& r, const hs::Document& d) {
    float lx = 0, ly = 0, lw = 0, lh = 0;
    REQUIRE(r.locate("timeline.comm_lane", lx, ly, lw, lh));
    LaneCount n;
    for (const hs::Event& e : d.timeline) {
        const bool comm = e.type == "communication";
        float x = 0, y = 0, w = 0, h = 0;
        INFO(e.id << " (" << e.type << "): " << e.description);
        if (r.locate("timeline.event." + e.id, x, y, w, h)) {
            const float cy = y + h / 2;
            if (comm) {
                CHECK((cy > ly && cy < ly + lh));
                ++n.comm_markers;
            } else {
                CHECK(y + h < ly);
                ++n.other_markers;
            }
        }
        if (r.locate("timeline.label." + e.id, x, y, w, h)) {
            if (comm) {
                CHECK((y >= ly && y + h <= ly + lh));
                ++n.comm_labels;
            } else {
                CHECK(y + h <= ly);
                ++n.other_labels;
            }
        }
    }
    return n;
}

}  // namespace

TEST_CASE("communication events are drawn in the lowest lane of the canvas, and no other event ever is") {
    hs::native::HeadlessRunner r(Panel::W, Panel::H);
    // A Statuspage incident: its customer-facing updates are communication events among the status changes.
    std::ifstream in(std::string(HS_SOURCE_DIR) + "/tests/data/import/statuspage/incident.json", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    hs::ImportResult imported = hs::import_statuspage(ss.str());
    REQUIRE(imported.ok);
    hs::Document& sp = imported.doc;
    Panel p(r);
    for (int i = 0; i < 3; ++i) p.frame(sp);
    const LaneCount a = check_lanes(r, sp);
    CHECK(a.comm_markers == 5);
    CHECK(a.comm_labels >= 1);
    CHECK(a.other_markers >= 1);
    CHECK(p.tl.layout_dump().find(" comm ") != std::string::npos);

    // A long log with every type, at the fitted zoom and zoomed in: clusters and labels never mix the two lanes.
    hs::Document d = hs::bench::realistic_timeline(400, 2, 17);
    Panel q(r);
    for (int i = 0; i < 3; ++i) q.frame(d);
    const hs::Event& update =
        *std::find_if(d.timeline.begin(), d.timeline.end(), [](const hs::Event& e) { return e.type == "communication"; });
    for (double zoom : {1.0, 1.0 / 64}) {
        q.tl.view().ms_per_px *= zoom;
        // Zoomed in around a customer update, so that markers of both lanes are in view.
        if (zoom < 1) q.tl.view().t0_ms = static_cast<double>(update.time.unix_ms) - 600 * q.tl.view().ms_per_px;
        q.frame(d);
        q.frame(d);
        const LaneCount b = check_lanes(r, d);
        INFO("zoom " << zoom);
        CHECK(b.comm_markers + b.other_markers > 0);
        const std::string dump = q.tl.layout_dump();
        std::istringstream lines(dump);
        for (std::string line; std::getline(lines, line);) {
            // "<event> <time> <id> <type index> <width> lane <n>[ comm] <label>": the lane mark follows the type.
            std::istringstream f(line);
            std::string event, time, id, type_index, width, lane_word, lane, comm;
            if (!(f >> event >> time >> id >> type_index >> width >> lane_word >> lane) || lane_word != "lane") continue;
            f >> comm;
            CHECK((comm == "comm") == (type_index == std::to_string(hs::event_type_index("communication"))));
            if (comm == "comm") CHECK((lane == "0" || lane == "-1"));
        }
    }
    const LaneCount c = check_lanes(r, d);
    CHECK(c.comm_labels + c.other_labels > 0);
}
