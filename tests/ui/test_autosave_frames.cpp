// Autosave of a large document spreads its work over frames, so that no frame holds up the editor for long: the
// text is made a slice per frame, and joined in a frame of its own; the next frame copies the document for the store
// and makes the file's text; the frame after writes it; a snapshot that is due is written in the frame after that.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "app.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/store.h"
#include "headless.h"
#include "locate_util.h"

namespace {

// A MemoryFs that notes in which frame each file was written.
class FrameFs : public hs::MemoryFs {
public:
    hs::Status write(const std::string& path, const std::string& data) override {
        writes.push_back({path, frame, data.find(marker) != std::string::npos});
        return hs::MemoryFs::write(path, data);
    }
    struct Write {
        std::string path;
        int frame;
        bool has_marker;
    };
    std::vector<Write> writes;
    int frame = -1;
    std::string marker = "\x01";
};

class StoragePlatform : public hs::native::HeadlessPlatform {
public:
    explicit StoragePlatform(bool background = false) : background(background) {}
    hs::Filesystem* storage() override { return &fs; }
    bool background_work() const override { return background; }
    void request_work() override { ++work_requested; }
    bool background;
    int work_requested = 0;
    bool has_text_overlay() const override { return true; }  // fields are edited as in the page, through the overlay
    FrameFs fs;
};

std::string large_document(size_t events) {
    hs::Json tl = hs::Json::array();
    for (size_t i = 0; i < events; ++i) {
        char time[32];
        std::snprintf(time, sizeof time, "2026-04-07T%02zu:%02zu:00Z", 8 + i / 60 % 12, i % 60);
        tl.push_back({{"id", "ev-" + std::to_string(i)}, {"time", time},
                      {"description", "Event " + std::to_string(i) + ": the load balancer shed connections."}});
    }
    hs::LoadResult r = hs::load_document(hs::Json{{"format", "hindsight.postmortem"}, {"version", 1}, {"id", "pm-large"}, {"title", "A long incident"}, {"timeline", tl}}.dump());
    REQUIRE(r.ok);
    return hs::save_document(r.doc);
}

// Opens a 1,200-event document (saved in slices) as a draft and edits its title the way the page's text overlay does:
// a click on the field, then its text changes. The file system then notes writes that hold `title`.
void open_and_edit(hs::native::HeadlessRunner& r, StoragePlatform& platform, hs::ui::App& app, const std::string& title) {
    platform.fixed_now_ms = 1775570280000;
    app.storage_loaded(true, "");
    r.frame([&] { app.frame(); });
    REQUIRE(app.open_json(large_document(1200), "test"));
    for (int i = 0; i < 3; ++i) r.frame([&] { app.frame(); });
    uitest::Rect t = uitest::where(r, "field.title");
    r.mouse_move(t.x + 10, t.y + t.h / 2);
    r.frame([&] { app.frame(); });
    r.mouse_button(0, true);
    r.frame([&] { app.frame(); });
    r.mouse_button(0, false);
    r.frame([&] { app.frame(); });
    platform.fs.marker = title;
    app.overlay_input("title", title);
    REQUIRE(app.document()->title == title);
    platform.fs.writes.clear();
}

}  // namespace

TEST_CASE("a large document's autosave: text, file text, write and snapshot each in a frame of its own") {
    hs::native::HeadlessRunner r(1280, 800);
    StoragePlatform platform;
    hs::ui::App app(platform);
    open_and_edit(r, platform, app, "Edited before the autosave");

    // Past the autosave delay. The clock stands still, so the slices' time budget is never used up: the events'
    // text is made in the first frame, and joined in the second.
    platform.fixed_now_ms += 2000;
    for (int f = 0; f < 7; ++f) {
        platform.fs.frame = f;
        r.frame([&] { app.frame(); });
    }
    int draft_frame = -1, snapshot_frame = -1;
    for (const FrameFs::Write& w : platform.fs.writes) {
        INFO(w.path << " in frame " << w.frame);
        CHECK(w.has_marker);  // nothing older is written
        if (w.path.find("/history/") != std::string::npos) snapshot_frame = w.frame;
        else if (w.path.find("/drafts/") != std::string::npos) draft_frame = w.frame;
    }
    CHECK(draft_frame == 3);     // frame 0 made the events' text, 1 joined it, 2 made the file's text, 3 wrote it
    CHECK(snapshot_frame == 4);  // the first autosave is due a snapshot: in a frame of its own
    // The stored draft holds the edit.
    hs::DraftStore store(platform.fs, "/drafts");
    store.load_all();
    auto list = store.summaries("2026-04-07");
    REQUIRE(list.size() == 1);
    CHECK(list[0].title == "Edited before the autosave");
    CHECK(store.list_history(list[0].id).size() >= 1);
}

TEST_CASE("with background work, a large autosave's steps run between frames, one step per task") {
    hs::native::HeadlessRunner r(1280, 800);
    StoragePlatform platform(true);
    hs::ui::App app(platform);
    open_and_edit(r, platform, app, "Edited, saved between frames");
    platform.fixed_now_ms += 2000;

    // Frames are numbered 0, 2, 4...; the work tasks between them 1, 3, 5... A frame asks for work; the platform runs
    // one step per task, as the page does with a timeout per request.
    int task = 0;
    for (int round = 0; round < 8; ++round) {
        platform.fs.frame = task++;
        r.frame([&] { app.frame(); });
        platform.fs.frame = task++;
        if (platform.work_requested > 0) {
            platform.work_requested = 0;
            app.work();
        }
    }
    int draft_task = -1, snapshot_task = -1;
    for (const FrameFs::Write& w : platform.fs.writes) {
        INFO(w.path << " in task " << w.frame);
        CHECK(w.frame % 2 == 1);  // never inside a frame
        CHECK(w.has_marker);
        if (w.path.find("/history/") != std::string::npos) snapshot_task = w.frame;
        else if (w.path.find("/drafts/") != std::string::npos) draft_task = w.frame;
    }
    REQUIRE(draft_task > 0);
    CHECK(snapshot_task > draft_task);  // the snapshot is a step of its own, after the draft's write
    hs::DraftStore store(platform.fs, "/drafts");
    store.load_all();
    auto list = store.summaries("2026-04-07");
    REQUIRE(list.size() == 1);
    CHECK(list[0].title == "Edited, saved between frames");
}
