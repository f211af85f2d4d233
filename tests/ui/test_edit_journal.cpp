// The edit journal in the app: typing reaches the journal within 100 ms (the first keystroke at once), a new page replays it over the stored draft
// (only in the tab that holds the draft's lock), saves in full, and the entries go once that save is durable.
#include <catch2/catch.hpp>

#include <string>

#include "app.h"
#include "core/edit_journal.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/store.h"
#include "headless.h"
#include "locate_util.h"

namespace {

constexpr int64_t kStart = 1775570280000;

class JournalPlatform : public hs::native::HeadlessPlatform {
public:
    hs::Filesystem* storage() override { return &fs; }
    bool has_text_overlay() const override { return true; }  // fields are edited as in the page
    bool storage_push_running() const override { return pushing; }
    void storage_persist() override { ++pushes; }
    hs::MemoryFs fs;
    bool pushing = false;
    int pushes = 0;
};

std::string doc_json() {
    hs::Document d;
    d.id = "pm-journal";
    d.title = "Сбой оплаты";
    d.summary = "決済が止まりました。";
    return hs::save_document(d);
}

std::string only_draft_id(hs::ui::App& app) {
    hs::Json list = hs::Json::parse(app.drafts_json());
    REQUIRE(list.size() == 1);
    return list[0]["id"].get<std::string>();
}

void frames(hs::native::HeadlessRunner& r, hs::ui::App& app, int n = 2) {
    for (int i = 0; i < n; ++i) r.frame([&] { app.frame(); });
}

// Clicks a field so that the overlay edits it, then types `text` into it a character at a time (the clock stands
// still meanwhile: the tests move it).
void type_into(hs::native::HeadlessRunner& r, hs::ui::App& app, const std::string& path,
               const std::string& text) {
    uitest::click(r, "field." + path, [&] { app.frame(); });
    for (size_t i = 1; i <= text.size(); ++i) {
        const bool whole = i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (whole) app.overlay_input(path, text.substr(0, i));  // a whole character at a time
    }
}

// A page with storage loaded that opens doc_json() as a new draft and holds its lock; returns the draft's id.
std::string open_new_draft(hs::native::HeadlessRunner& r, hs::ui::App& app) {
    app.storage_loaded(true, "");
    frames(r, app);
    REQUIRE(app.open_json(doc_json(), "test"));
    const std::string id = only_draft_id(app);
    app.draft_lock_result(id, true);
    frames(r, app);
    return id;
}

// A page that opened the draft (storage loaded) and holds its lock.
void open_page(hs::native::HeadlessRunner& r, hs::ui::App& app) {
    app.storage_loaded(true, "");
    frames(r, app);
    app.draft_lock_result(only_draft_id(app), true);
    frames(r, app);
}

// A page that typed `text` into `path` of a new draft, and let the journal write it.
struct Typed {
    hs::native::HeadlessRunner r{1280, 800};
    JournalPlatform p;
    hs::ui::App app{p};
    std::string id;
    Typed(const std::string& path, const std::string& text) {
        p.fixed_now_ms = kStart;
        id = open_new_draft(r, app);
        type_into(r, app, path, text);
        p.fixed_now_ms += 200;
        frames(r, app, 1);
        REQUIRE(p.journal.size() == 1);
    }
};

}  // namespace

TEST_CASE("typing is journaled within 100 ms and a new page replays it over the stored draft") {
    hs::native::HeadlessRunner r(1280, 800);
    JournalPlatform first;
    first.fixed_now_ms = kStart;
    std::string id;
    const std::string typed = "Сбой оплаты — 支払い停止 😱";
    {
        hs::ui::App app(first);
        id = open_new_draft(r, app);
        type_into(r, app, "title", typed);
        frames(r, app, 1);
        // The first keystroke is written at once; the rest are gathered until 100 ms after that write.
        REQUIRE(first.journal.size() == 1);
        hs::JournalEntry e;
        std::string error;
        REQUIRE(hs::decode_journal_entry(first.journal.begin()->second.text, e, error));
        CHECK(e.value == "С");
        first.fixed_now_ms += hs::kJournalFlushMs;
        frames(r, app, 1);
        REQUIRE(first.journal.size() == 1);
        REQUIRE(hs::decode_journal_entry(first.journal.begin()->second.text, e, error));
        CHECK(e.value == typed);
        CHECK(e.draft_id == id);
        // The page is killed here: no autosave ran (less than 800 ms passed), the store has the old title.
        hs::DraftStore store(first.fs, "/drafts");
        store.load_all();
        REQUIRE(store.find(id));
        CHECK(store.find(id)->doc.title == "Сбой оплаты");
        CHECK(e.base == store.find(id)->updated_ms);
    }
    JournalPlatform second;
    second.fs = first.fs;
    second.journal = first.journal;
    second.fixed_now_ms = kStart + 60000;
    hs::ui::App app(second);
    open_page(r, app);
    REQUIRE(app.document());
    CHECK(app.document()->title == typed);
    CHECK(app.journal_notes().empty());
    // Saved in full at once, and the entries are deleted when that save's push has finished.
    hs::DraftStore store(second.fs, "/drafts");
    store.load_all();
    CHECK(store.find(id)->doc.title == typed);
    CHECK(second.journal.size() == 1);
    app.storage_saved(true, "");
    CHECK(second.journal.empty());
}

TEST_CASE("a tab that does not hold the draft's lock replays nothing, and a newer full save wins") {
    Typed t("summary", "決済が30秒止まりました。");
    hs::native::HeadlessRunner& r = t.r;
    const std::string& id = t.id;
    t.p.fixed_now_ms += 1000;  // past the autosave delay: saved in full (a newer revision than the entry's base)
    frames(r, t.app, 3);

    JournalPlatform other;
    other.fs = t.p.fs;
    other.journal = t.p.journal;
    other.fixed_now_ms = kStart + 5000;
    hs::ui::App reader(other);
    reader.storage_loaded(true, "");
    frames(r, reader);
    reader.draft_lock_result(id, false);  // another tab edits it
    frames(r, reader);
    CHECK(reader.document()->summary == "決済が30秒止まりました。");  // from the full save
    // Its stored copy changes behind the journal's back (a newer full save with another text): taking the lock
    // then replays nothing older.
    hs::DraftStore store(other.fs, "/drafts");
    store.load_all();
    hs::Draft d = *store.find(id);
    d.doc.summary = "Saved later in full: 決済は復旧しました。";
    REQUIRE(store.save(d, kStart + 6000).ok());
    reader.storage_reloaded();
    reader.draft_lock_result(id, true);
    frames(r, reader);
    CHECK(reader.document()->summary == "Saved later in full: 決済は復旧しました。");
}

TEST_CASE("entries are deleted only once a push that holds their save has finished") {
    Typed t("title", "Ξεκίνησε η διακοπή");
    JournalPlatform& p = t.p;
    hs::ui::App& app = t.app;
    // A push (of something else) is under way when the autosave writes: the save goes out with the next push.
    p.pushing = true;
    p.fixed_now_ms += 1000;
    frames(t.r, app, 3);
    p.pushing = false;
    app.storage_saved(true, "");  // the push that was under way
    CHECK(p.journal.size() == 1);
    app.storage_saved(true, "");  // the next one, with the save
    CHECK(p.journal.empty());
}

TEST_CASE("undo journals the field's text again, so a replay does not bring the undone text back") {
    Typed t("title", "Неудачный заголовок");
    JournalPlatform& p = t.p;
    hs::ui::App& app = t.app;
    app.undo();
    p.fixed_now_ms += 200;
    frames(t.r, app, 1);
    REQUIRE(p.journal.size() == 1);
    hs::JournalEntry e;
    std::string error;
    REQUIRE(hs::decode_journal_entry(p.journal.begin()->second.text, e, error));
    CHECK(e.value == app.document()->title);
    CHECK(e.value != "Неудачный заголовок");
}
