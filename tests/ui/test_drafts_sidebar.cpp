// The drafts sidebar over a large library: its list is rebuilt when the store changes (a draft added, one moved to
// the trash), not every frame, and only the rows on screen are drawn while every row can still be found by name.
#include <catch2/catch.hpp>

#include <string>

#include "app.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/store.h"
#include "headless.h"
#include "locate_util.h"

namespace {

class StoragePlatform : public hs::native::HeadlessPlatform {
public:
    hs::Filesystem* storage() override { return &fs; }
    hs::MemoryFs fs;
};

const char* const kTitles[] = {"決済APIのタイムアウト", "Сбой платёжного шлюза", "Διακοπή της βάσης δεδομένων",
                               "CDN cache purge 🔥 outage", "Expired TLS certificate on api-gateway"};

}  // namespace

TEST_CASE("drafts sidebar: a library of 300 drafts, rows off screen named, the list follows adds and removals") {
    StoragePlatform platform;
    platform.fixed_now_ms = 1775570280000;
    std::vector<std::string> ids;  // oldest first
    {
        hs::DraftStore store(platform.fs, "/drafts");
        store.load_all();
        for (int i = 0; i < 300; ++i) {
            hs::Document d;
            d.id = "pm-" + std::to_string(i);
            d.title = std::string(kTitles[i % 5]) + " #" + std::to_string(i);
            hs::Draft out;
            REQUIRE(store.create(d, platform.fixed_now_ms - (300 - i) * 60000LL, &out).ok());
            ids.push_back(out.id);
        }
    }
    hs::native::HeadlessRunner r(1280, 800);
    hs::ui::App app(platform);
    auto frame = [&] { app.frame(); };
    r.frame(frame);
    app.storage_loaded(true, "");
    for (int i = 0; i < 3; ++i) r.frame(frame);

    // Newest first: the newest row is on screen, the oldest far below it, named where it would be.
    const uitest::Rect newest = uitest::where(r, "draft." + ids[299]);
    const uitest::Rect oldest = uitest::where(r, "draft." + ids[0]);
    CHECK(newest.y < 800);
    CHECK(oldest.y > 800 * 5);
    CHECK(oldest.h == Approx(newest.h));
    CHECK(uitest::shown(r, "draft.delete." + ids[0]));

    // A draft moved to the trash leaves the list at once (the click lands on the trash icon's left part: the row's
    // own button used to reach under it).
    uitest::click(r, "draft.delete." + ids[298], frame);
    for (int i = 0; i < 2; ++i) r.frame(frame);
    CHECK(app.drafts_json().find(ids[298]) == std::string::npos);
    CHECK_FALSE(uitest::shown(r, "draft." + ids[298]));
    CHECK(uitest::shown(r, "draft." + ids[297]));

    // A document opened becomes a draft and shows at the top of the list.
    hs::Document fresh;
    fresh.id = "pm-fresh";
    fresh.title = "Новый разбор инцидента";
    REQUIRE(app.open_json(hs::save_document(fresh), "test"));
    for (int i = 0; i < 3; ++i) r.frame(frame);
    const std::string drafts = app.drafts_json();
    const size_t at = drafts.find("Новый разбор инцидента");
    REQUIRE(at != std::string::npos);
    const size_t id_at = drafts.rfind("\"id\":\"", at);
    REQUIRE(id_at != std::string::npos);
    const std::string fresh_id = drafts.substr(id_at + 6, drafts.find('"', id_at + 6) - id_at - 6);
    const uitest::Rect top = uitest::where(r, "draft." + fresh_id);
    CHECK(top.y <= uitest::where(r, "draft." + ids[299]).y);
}
