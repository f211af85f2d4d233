// The app before its storage has loaded (IndexedDB is read asynchronously at startup): documents opened in those
// first moments, even ones replaced by another before the load finished, all become drafts once it has.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "app.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/store.h"
#include "headless.h"

namespace {

class LateStoragePlatform : public hs::native::HeadlessPlatform {
public:
    hs::Filesystem* storage() override { return loaded ? &fs : nullptr; }
    hs::MemoryFs fs;
    bool loaded = false;
};

std::string doc_titled(const std::string& id, const std::string& title) {
    hs::Document d;
    d.id = id;
    d.title = title;
    return hs::save_document(d);
}

}  // namespace

TEST_CASE("documents opened before storage has loaded are all kept as drafts when it loads") {
    hs::native::HeadlessRunner r(1280, 800);
    LateStoragePlatform platform;
    platform.fixed_now_ms = 1775570280000;
    hs::ui::App app(platform);
    r.frame([&] { app.frame(); });
    REQUIRE(app.open_json(doc_titled("pm-first", "Opened first"), "test"));
    r.frame([&] { app.frame(); });
    REQUIRE(app.open_json(doc_titled("pm-second", "Opened second"), "test"));
    r.frame([&] { app.frame(); });
    platform.loaded = true;
    app.storage_loaded(true, "");
    r.frame([&] { app.frame(); });
    hs::DraftStore store(platform.fs, "/drafts");
    store.load_all();
    std::set<std::string> titles;
    for (const auto& s : store.summaries("2026-04-07")) titles.insert(s.title);
    CHECK(titles == std::set<std::string>{"Opened first", "Opened second"});
    // The open document is the second one, and it is the draft being edited.
    CHECK(app.document_json().find("Opened second") != std::string::npos);
}
