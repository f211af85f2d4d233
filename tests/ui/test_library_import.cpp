// A team's history from a .zip: the worker's answer (core/library_import.h) makes one draft per document, whether
// storage has loaded yet or not.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "app.h"
#include "core/embedded.h"
#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/library_import.h"
#include "core/store.h"
#include "headless.h"

namespace {

class LibraryPlatform : public hs::native::HeadlessPlatform {
public:
    hs::Filesystem* storage() override { return loaded ? &fs : nullptr; }
    hs::MemoryFs fs;
    bool loaded = false;
};

// The worker's answer for three samples, one of them as Markdown, and a file it skipped.
std::string worker_answer(std::set<std::string>& titles) {
    std::map<std::string, std::string> files;
    for (const std::string& path : hs::list_embedded("samples/")) {
        const hs::EmbeddedFile* f = hs::find_embedded(path);
        hs::LoadResult l = hs::load_document(std::string(f->data, f->size));
        REQUIRE(l.ok);
        if (titles.size() == 3) break;
        titles.insert(l.doc.title);
        files[path + (titles.size() == 2 ? ".md" : "")] =
            titles.size() == 2 ? hs::export_markdown(l.doc) : hs::save_document(l.doc);
    }
    files["notes/README.txt"] = "Наши разборы инцидентов 📚";
    const hs::BulkImport b = hs::import_bulk_files(files);
    REQUIRE(b.documents.size() == 3);
    return hs::bulk_import_json(b);
}

std::set<std::string> stored_titles(hs::MemoryFs& fs) {
    hs::DraftStore store(fs, "/drafts");
    store.load_all();
    std::set<std::string> titles;
    for (const auto& s : store.summaries("2026-04-07")) titles.insert(s.title);
    return titles;
}

}  // namespace

TEST_CASE("library import: each document of a .zip becomes a draft") {
    hs::native::HeadlessRunner r(1280, 800);
    LibraryPlatform platform;
    platform.fixed_now_ms = 1775570280000;
    platform.loaded = true;
    hs::ui::App app(platform);
    app.storage_loaded(true, "");
    r.frame([&] { app.frame(); });
    std::set<std::string> titles;
    const std::string answer = worker_answer(titles);
    CHECK(app.library_import("history.zip", answer) == 3);
    r.frame([&] { app.frame(); });
    CHECK(stored_titles(platform.fs) == titles);
    // An answer that is not the worker's is refused without a draft.
    CHECK(app.library_import("history.zip", "[1, 2") == 0);
    CHECK(stored_titles(platform.fs) == titles);
}

TEST_CASE("library import: documents imported before storage has loaded are stored when it loads") {
    hs::native::HeadlessRunner r(1280, 800);
    LibraryPlatform platform;
    platform.fixed_now_ms = 1775570280000;
    hs::ui::App app(platform);
    r.frame([&] { app.frame(); });
    std::set<std::string> titles;
    CHECK(app.library_import("history.zip", worker_answer(titles)) == 3);
    platform.loaded = true;
    app.storage_loaded(true, "");
    r.frame([&] { app.frame(); });
    CHECK(stored_titles(platform.fs) == titles);
}
