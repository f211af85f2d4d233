// The edit journal and items added to a list: text typed into a new item is replayed over a full save made before
// the item existed (a document saved in slices does not save in full at once when an item is added).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "app.h"
#include "core/edit_journal.h"
#include "core/edit_journal_items.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/store.h"
#include "headless.h"
#include "large_doc.h"
#include "locate_util.h"

namespace {

constexpr int64_t kSaved = 1775570280000;
const char* const kDraft = "draft-items";

std::string entry(const std::string& path, const std::string& value, uint64_t seq) {
    hs::JournalEntry e;
    e.draft_id = kDraft;
    e.tab_id = "tab-a";
    e.base = kSaved;
    e.seq = seq;
    e.path = path;
    e.value = value;
    e.time_ms = kSaved + static_cast<int64_t>(seq) * 55;
    return hs::encode_journal_entry(e);
}

hs::Document stored() {
    hs::Document d;
    d.id = "pm-items";
    d.title = "Сбой оплаты";
    hs::ActionItem a;
    a.id = "ai-old";
    a.title = "Alert on queue depth";
    d.action_items.push_back(a);
    return d;
}

}  // namespace

TEST_CASE("journal: an added item's path names its list and id") {
    const std::string p = hs::journal_add_path("lessons.went_well", "it-7");
    CHECK(p == "lessons.went_well#add/it-7");
    std::string list, id;
    REQUIRE(hs::parse_journal_add_path(p, list, id));
    CHECK(list == "lessons.went_well");
    CHECK(id == "it-7");
    CHECK_FALSE(hs::parse_journal_add_path("action_items/ai-1/title", list, id));
    CHECK_FALSE(hs::parse_journal_add_path("action_items#add/", list, id));
    CHECK_FALSE(hs::parse_journal_add_path("#add/x", list, id));
}

TEST_CASE("journal: text typed into a new item replays over a save made before the item") {
    hs::Document d = stored();
    const std::vector<std::string> entries = {
        entry(hs::journal_add_path("action_items", "ai-new"), "", 1),
        entry("action_items/ai-new/title", "Откатить релиз платёжного шлюза 決済 🔥", 2),
        entry("action_items/ai-new/owner", "Πλατφόρμα", 3),
        entry(hs::journal_add_path("root_causes", "rc-new"), "", 4),
        entry("root_causes/rc-new/text", "設定ミス: タイムアウトが 0 秒", 5),
    };
    hs::ReplayReport r = hs::replay_journal(d, kDraft, kSaved, entries);
    INFO(hs::save_document(d));
    CHECK(r.notes.empty());
    CHECK(r.applied == entries.size());
    REQUIRE(d.action_items.size() == 2);
    CHECK(d.action_items[0].id == "ai-old");
    CHECK(d.action_items[1].id == "ai-new");
    CHECK(d.action_items[1].title == "Откатить релиз платёжного шлюза 決済 🔥");
    CHECK(d.action_items[1].owner == "Πλατφόρμα");
    REQUIRE(d.root_causes.size() == 1);
    CHECK(d.root_causes[0].text == "設定ミス: タイムアウトが 0 秒");

    // Replayed again over a save that already holds the items: nothing is added twice.
    hs::ReplayReport again = hs::replay_journal(d, kDraft, kSaved, entries);
    CHECK(d.action_items.size() == 2);
    CHECK(d.root_causes.size() == 1);
    CHECK(again.applied == 3);  // the text entries only
}

TEST_CASE("journal: an added item taken away again is not replayed, nor are its fields") {
    hs::Document d = stored();
    const std::vector<std::string> entries = {
        entry(hs::journal_add_path("action_items", "ai-new"), hs::kJournalItemGone, 1),
        entry("action_items/ai-new/title", "Временный пункт", 2),
        entry(hs::journal_add_path("no_such_list", "x-1"), "", 3),
    };
    hs::ReplayReport r = hs::replay_journal(d, kDraft, kSaved, entries);
    CHECK(d.action_items.size() == 1);
    CHECK(r.applied == 0);
    REQUIRE(r.notes.size() == 2);
    CHECK(r.notes[0] == "action_items/ai-new/title skipped: no such field in the draft");
    CHECK(r.notes[1] == "no_such_list#add/x-1 skipped: no such list in the draft");
}

namespace {

class SlicedPlatform : public hs::native::HeadlessPlatform {
public:
    hs::Filesystem* storage() override { return &fs; }
    bool has_text_overlay() const override { return true; }  // fields are edited as in the page
    hs::MemoryFs fs;
};

void frames(hs::native::HeadlessRunner& r, hs::ui::App& app, int n) {
    for (int i = 0; i < n; ++i) r.frame([&] { app.frame(); });
}

bool saved(hs::ui::App& app) {
    const hs::Json s = hs::Json::parse(app.query_json("storage"));
    return !s["dirty"].get<bool>();
}

}  // namespace

TEST_CASE("journal: an action item added to a 1 MB document and typed into is replayed after a crash") {
    hs::native::HeadlessRunner r(1280, 800);
    SlicedPlatform first;
    first.fixed_now_ms = kSaved;
    const std::string title = "Откатить релиз 決済ゲートウェイ Καθυστέρηση 🔥";
    std::string id, item;
    {
        hs::ui::App app(first);
        app.storage_loaded(true, "");
        frames(r, app, 2);
        REQUIRE(app.open_json(uitest::large_json(), "large"));
        const hs::Json list = hs::Json::parse(app.drafts_json());
        REQUIRE(list.size() == 1);
        id = list[0]["id"].get<std::string>();
        app.draft_lock_result(id, true);
        for (int i = 0; i < 400 && !saved(app); ++i) {  // the first full save, in slices
            first.fixed_now_ms += 20;
            frames(r, app, 1);
        }
        REQUIRE(saved(app));
        const size_t before = app.document()->action_items.size();
        // Scrolled to, below the long timeline (not drawn while far off screen).
        uitest::Rect add;
        bool drawn = false;
        for (int i = 0; i < 3000 && !(drawn && add.y < 400); ++i) {
            r.mouse_move(640, 480);
            r.wheel(-5.0f);
            frames(r, app, 1);
            drawn = r.locate("add.action_items", add.x, add.y, add.w, add.h);
        }
        REQUIRE(drawn);
        r.mouse_move(add.x + 5, add.y + add.h / 2);
        frames(r, app, 1);
        r.mouse_button(0, true);
        frames(r, app, 1);
        r.mouse_button(0, false);
        frames(r, app, 1);
        REQUIRE(app.document()->action_items.size() == before + 1);
        item = app.document()->action_items.back().id;
        frames(r, app, 1);
        for (size_t i = 1; i <= title.size(); ++i)
            if (i == title.size() || (static_cast<unsigned char>(title[i]) & 0xC0) != 0x80)
                app.overlay_input("action_items/" + item + "/title", title.substr(0, i));
        first.fixed_now_ms += hs::kJournalFlushMs + 10;
        frames(r, app, 1);
        // The page is killed here, before a full save holds the new item.
        hs::DraftStore store(first.fs, "/drafts");
        store.load_all();
        REQUIRE(store.find(id));
        REQUIRE(store.find(id)->doc.action_items.size() == before);
    }
    SlicedPlatform second;
    second.fs = first.fs;
    second.journal = first.journal;
    second.fixed_now_ms = kSaved + 60000;
    hs::ui::App app(second);
    app.storage_loaded(true, "");
    frames(r, app, 2);
    app.draft_lock_result(id, true);
    frames(r, app, 2);
    REQUIRE(app.document());
    INFO(hs::Json(app.journal_notes()).dump());
    REQUIRE_FALSE(app.document()->action_items.empty());
    CHECK(app.document()->action_items.back().id == item);
    CHECK(app.document()->action_items.back().title == title);
}
