// JournalFs over MemoryFs: the journal of changed paths, the rescue copy, and tabs interleaving their pushes through
// one shared mirror that, like IDBFS, copies a whole mount each way. The mirror here is a model of the page's cycle
// (web/app.js): under one lock, pull what others stored except this tab's journal, then push the whole mount.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/fs.h"
#include "core/journal_fs.h"
#include "core/model.h"
#include "core/store.h"

using namespace hs;

namespace {

constexpr int64_t kT0 = 1772370000000;  // 2026-03-01T13:00:00Z
const std::string kMount = "/idb";

// IndexedDB as IDBFS uses it: one record per file of the mount, named by its full path ("/idb/drafts/...").
struct Mirror {
    std::map<std::string, std::string> records;
    int puts = 0;
};

// One tab: its in-memory mount, the journal over it, and the drafts store over the journal.
struct Tab {
    MemoryFs mem;
    JournalFs fs{mem, kMount};
    DraftStore store{fs, "/drafts"};

    // A pull (syncfs(true), or the selective one): every record not in `keep` is copied here when it differs, and
    // every file here that has no record and is not in `keep` goes. Returns how many files it wrote here.
    int pull(const Mirror& m, const std::vector<std::string>& keep_paths = {}) {
        const std::set<std::string> keep(keep_paths.begin(), keep_paths.end());
        int written = 0;
        for (const auto& [full, data] : m.records) {
            if (keep.count(full)) continue;
            const std::string p = full.substr(kMount.size());
            std::string cur;
            if (mem.read(p, cur).ok() && cur == data) continue;
            REQUIRE(mem.mkdirs(path_parent(p)).ok());
            REQUIRE(mem.write(p, data).ok());
            ++written;
        }
        std::vector<std::string> gone;
        for (const auto& [p, data] : mem.files())
            if (!m.records.count(kMount + p) && !keep.count(kMount + p)) gone.push_back(p);
        for (const std::string& p : gone) REQUIRE(mem.remove(p).ok());
        return written;
    }
    // A push (syncfs(false)): the mirror becomes this mount, all or nothing.
    void push(Mirror& m) {
        std::map<std::string, std::string> next;
        for (const auto& [p, data] : mem.files()) {
            auto it = m.records.find(kMount + p);
            if (it == m.records.end() || it->second != data) ++m.puts;
            next[kMount + p] = data;
        }
        m.records = std::move(next);
    }
    // The page's push cycle under the lock; `crash` stops it before the push lands (the tab is killed).
    int sync(Mirror& m, bool crash = false) {
        pull(m, fs.journal_paths());
        const int n = fs.take_journal();
        if (n == 0 || crash) return n;
        push(m);
        fs.push_done(true);
        return n;
    }
    // The first pull of a new page, then the load.
    void start(const Mirror& m) {
        pull(m);
        store.load_all();
    }
};

Document doc(const std::string& title) {
    Document d;
    d.id = new_id("pm");
    d.title = title;
    d.summary = "What happened to " + title;
    return d;
}

std::string create(Tab& t, const std::string& title, int64_t at) {
    Draft d;
    REQUIRE(t.store.create(doc(title), at, &d).ok());
    return d.id;
}

// The drafts the mirror holds, by id -> title, as a fresh tab reads them.
std::map<std::string, std::string> stored(const Mirror& m) {
    Tab reader;
    reader.start(m);
    std::map<std::string, std::string> out;
    for (const std::string& id : reader.store.ids()) out[id] = reader.store.find(id)->doc.title;
    return out;
}

}  // namespace

TEST_CASE("journal fs: changed paths are journaled until a push carries them") {
    MemoryFs mem;
    JournalFs fs(mem, kMount);
    REQUIRE(fs.mkdirs("/drafts").ok());
    CHECK(fs.journal_paths().empty());
    REQUIRE(fs.write("/drafts/a.tmp", "A").ok());
    REQUIRE(fs.rename("/drafts/a.tmp", "/drafts/a.json").ok());
    REQUIRE(fs.write("/drafts/b.json", "B").ok());
    REQUIRE(fs.remove("/drafts/b.json").ok());
    CHECK(fs.journal_paths() == std::vector<std::string>{"/idb/drafts/a.json", "/idb/drafts/a.tmp",
                                                         "/idb/drafts/b.json"});
    CHECK(fs.journal_paths_json() == R"(["/idb/drafts/a.json","/idb/drafts/a.tmp","/idb/drafts/b.json"])");
    CHECK(Json::parse(fs.pending_json()) ==
          Json{{"/drafts/a.json", "A"}, {"/drafts/a.tmp", nullptr}, {"/drafts/b.json", nullptr}});
    CHECK(fs.take_journal() == 3);
    CHECK(fs.journal_paths().empty());
    CHECK(fs.pending_count() == 3);  // in flight: still in the rescue copy
    // A failed push keeps them for the next one, with what changed meanwhile.
    REQUIRE(fs.write("/drafts/c.json", "C").ok());
    fs.push_done(false);
    CHECK(fs.journal_paths().size() == 4);
    CHECK(fs.take_journal() == 4);
    fs.push_done(true);
    CHECK(fs.pending_count() == 0);
    CHECK(fs.pending_json() == "{}");
    CHECK(fs.take_journal() == 0);
}

TEST_CASE("journal fs: a failed write is not journaled") {
    MemoryFs mem;
    JournalFs fs(mem, kMount);
    REQUIRE(fs.mkdirs("/drafts").ok());
    mem.fail_write_nth(1);
    CHECK(fs.write("/drafts/a.json", "A").kind == ErrorKind::NoSpace);
    CHECK_FALSE(fs.rename("/drafts/none", "/drafts/x").ok());
    CHECK(fs.journal_paths().empty());
}

TEST_CASE("journal fs: two tabs interleaving writes, pulls, a rename and a remove lose nothing") {
    Mirror m;
    Tab a, b;
    a.start(m);
    b.start(m);
    const std::string ida = create(a, "From tab A", kT0);
    const std::string idb = create(b, "From tab B", kT0 + 1000);

    // A pushes first; B's pull brings A's draft and leaves B's own changes alone; B's push keeps A's draft.
    CHECK(a.sync(m) > 0);
    const int a_puts = m.puts;
    const int b_writes = b.mem.writes();
    CHECK(b.sync(m) > 0);
    CHECK(b.mem.writes() - b_writes == 1);  // only A's draft was written into B; B's own file not again
    CHECK(m.puts - a_puts == 1);            // and only B's draft went to the mirror
    CHECK(stored(m) == std::map<std::string, std::string>{{ida, "From tab A"}, {idb, "From tab B"}});

    // A has nothing of its own to push, but its pull sees B's draft.
    CHECK(a.sync(m) == 0);
    a.store.load_all();
    CHECK(a.store.find(idb));

    // A trashes its draft (a rename into trash/) while B renames its own; both push, in either order.
    REQUIRE(a.store.remove(ida, kT0 + 2000).ok());
    REQUIRE(b.store.rename(idb, "Renamed in B", kT0 + 3000).ok());
    CHECK(b.sync(m) > 0);
    const int puts = m.puts;
    CHECK(a.sync(m) > 0);
    CHECK(m.puts - puts == 1);  // A's trash entry; B's renamed draft, pulled into A, is not put again
    CHECK(stored(m) == std::map<std::string, std::string>{{idb, "Renamed in B"}});
    Tab reader;
    reader.start(m);
    REQUIRE(reader.store.list_trash().size() == 1);
    CHECK(reader.store.list_trash()[0].id == ida);

    // B's pull takes A's removal: the draft A trashed is gone from B's mount as well.
    b.sync(m);
    b.store.load_all();
    CHECK_FALSE(b.store.find(ida));
    CHECK(b.store.list_trash().size() == 1);
}

TEST_CASE("journal fs: a rescue copy from a tab killed mid-push is applied once by the next page") {
    Mirror m;
    Tab a;
    a.start(m);
    const std::string id = create(a, "First version", kT0);
    a.sync(m);
    REQUIRE(a.store.rename(id, "Typed before the crash", kT0 + 5000).ok());
    // The page is hidden (rescue copy kept), then killed while its push is under way: the mirror has the old version.
    const std::string rescue = a.fs.pending_json();
    a.sync(m, /*crash=*/true);
    CHECK(stored(m).at(id) == "First version");

    Tab c;
    c.pull(m);
    const int taken = c.fs.apply_rescue(rescue);
    CHECK(taken > 0);
    c.store.load_all();
    CHECK(c.store.find(id)->doc.title == "Typed before the crash");
    const int puts = m.puts;
    CHECK(c.sync(m) == taken);
    CHECK(m.puts - puts == 1);  // the draft; the temporary file is gone in both
    CHECK(stored(m).at(id) == "Typed before the crash");
    // The same copy again (a page that read it before it was dropped) changes nothing.
    CHECK(c.fs.apply_rescue(rescue) == 0);
    CHECK(c.sync(m) == 0);
}

TEST_CASE("journal fs: a rescue copy never rolls back a draft saved since in another tab") {
    Mirror m;
    Tab a, b;
    a.start(m);
    const std::string id = create(a, "Original", kT0);
    a.sync(m);
    REQUIRE(a.store.rename(id, "Old edit in A", kT0 + 1000).ok());
    const std::string rescue = a.fs.pending_json();  // A is killed; its copy stays

    b.start(m);
    REQUIRE(b.store.rename(id, "Newer edit in B", kT0 + 60000).ok());
    b.sync(m);

    Tab c;
    c.pull(m);
    CHECK(c.fs.apply_rescue(rescue) == 0);
    CHECK(c.sync(m) == 0);
    CHECK(stored(m).at(id) == "Newer edit in B");
}

TEST_CASE("journal fs: a rescue copy that cannot be written here is reported and kept") {
    Mirror m;
    Tab a;
    a.start(m);
    const std::string id = create(a, "Will not fit", kT0);
    const std::string rescue = a.fs.pending_json();
    Tab c;
    c.pull(m);
    c.mem.set_quota(10);
    CHECK(c.fs.apply_rescue(rescue) == -1);
    CHECK(c.fs.apply_rescue("not json") == 0);
    CHECK(c.fs.apply_rescue(R"({"relative/path": "x", "/drafts/n.json": 5})") == 0);
    CHECK_FALSE(c.mem.exists("/drafts/drafts/" + id + ".json"));
}
