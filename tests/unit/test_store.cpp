// Drafts store over MemoryFs (with faults) and PosixFs: atomic saves, crash, quota, quarantine, trash, history
// pruning, export/import, overview, and the IDBFS sync gate.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <set>

#include "core/embedded.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/store.h"

using namespace hs;

namespace {

constexpr int64_t kT0 = 1772370000000;  // 2026-03-01T13:00:00Z
constexpr int64_t kMin = 60 * 1000;

Document sample(const char* name = "samples/sre-checkout-outage.json") {
    const EmbeddedFile* f = find_embedded(name);
    REQUIRE(f);
    LoadResult r = load_document(std::string(f->data, f->size));
    REQUIRE(r.ok);
    return r.doc;
}

Document small_doc(const std::string& title, int severity = 2, const std::string& status = "draft") {
    Document d;
    d.id = new_id("pm");
    d.title = title;
    d.severity = severity;
    d.status = status;
    d.summary = "Summary of " + title;
    return d;
}

Event ev(const std::string& type, int64_t ms) {
    Event e;
    e.id = new_id("ev");
    e.type = type;
    e.time.unix_ms = ms;
    e.time.set = true;
    e.description = type;
    return e;
}

ActionItem action(const std::string& title, const std::string& due, const std::string& status = "open") {
    ActionItem a;
    a.id = new_id("ai");
    a.title = title;
    a.due = due;
    a.status = status;
    return a;
}

std::string read(MemoryFs& fs, const std::string& path) {
    std::string s;
    REQUIRE(fs.read(path, s).ok());
    return s;
}

}  // namespace

TEST_CASE("fs: MemoryFs basics and path helpers", "[store]") {
    MemoryFs fs;
    CHECK(path_join("/a", "b") == "/a/b");
    CHECK(path_join("/a/", "/b") == "/a/b");
    CHECK(path_parent("/a/b") == "/a");
    CHECK(path_parent("/a") == "/");
    CHECK(fs.write("/x/y.txt", "1").kind == ErrorKind::NotFound);  // parent must exist
    REQUIRE(fs.mkdirs("/x/sub").ok());
    REQUIRE(fs.write("/x/y.txt", "hello").ok());
    std::vector<std::string> names;
    REQUIRE(fs.list("/x", names).ok());
    CHECK(names == std::vector<std::string>{"sub", "y.txt"});
    CHECK(fs.remove("/x").kind == ErrorKind::IoError);  // not empty
    REQUIRE(fs.rename("/x/y.txt", "/x/sub/z.txt").ok());
    CHECK_FALSE(fs.exists("/x/y.txt"));
    CHECK(read(fs, "/x/sub/z.txt") == "hello");
    std::string out;
    CHECK(fs.read("/nope", out).kind == ErrorKind::NotFound);
    fs.set_quota(8);
    CHECK(fs.write("/x/big", "123456789").kind == ErrorKind::NoSpace);
    CHECK(std::string(error_kind_name(ErrorKind::NoSpace)) == "no_space");
}

TEST_CASE("store: save is an atomic replace and reloads identically", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    st.load_all();
    Draft d;
    REQUIRE(st.create(sample(), kT0, &d).ok());
    CHECK(is_valid_draft_id(d.id));
    CHECK(d.id.rfind("dr-", 0) == 0);
    const std::string path = "/drafts/drafts/" + d.id + ".json";
    CHECK(fs.exists(path));
    CHECK_FALSE(fs.exists(path + ".tmp"));
    const int renames = fs.renames();

    d.doc.summary = "Second version.";
    Draft saved;
    REQUIRE(st.save(d, kT0 + kMin, &saved).ok());
    CHECK(fs.renames() == renames + 1);  // written beside, then renamed over
    CHECK(saved.updated_ms == kT0 + kMin);
    CHECK(saved.created_ms == kT0);

    DraftStore again(fs);
    LoadReport rep = again.load_all();
    CHECK(rep.loaded == std::vector<std::string>{d.id});
    CHECK(rep.quarantined.empty());
    const Draft* back = again.find(d.id);
    REQUIRE(back);
    CHECK(back->doc.summary == "Second version.");
    CHECK(save_document(back->doc) == save_document(d.doc));
    CHECK(back->updated_ms == kT0 + kMin);
    CHECK_FALSE(back->base.has_value());
}

TEST_CASE("store: merge base and unknown envelope keys survive a round trip", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Draft d;
    d.id = "dr-base0001";
    d.doc = small_doc("With base");
    d.base = save_document(small_doc("Shared version"));
    d.extra["newer_field"] = 7;
    REQUIRE(st.save(d, kT0).ok());
    // The fast envelope writer gives exactly the bytes of the Json tree.
    Draft big = d;
    big.doc = sample();
    CHECK(DraftStore::envelope_text(big) == DraftStore::envelope(big).dump());
    CHECK(DraftStore::envelope_text(big, kT0) == DraftStore::envelope(big, kT0).dump());
    DraftStore again(fs);
    again.load_all();
    const Draft* b = again.find(d.id);
    REQUIRE(b);
    REQUIRE(b->base);
    CHECK(*b->base == *d.base);
    CHECK(b->extra["newer_field"] == 7);
}

TEST_CASE("store: a save in two steps stores what save stores, and nothing before its second step", "[store]") {
    MemoryFs one, two;
    DraftStore a(one), b(two);
    Draft d;
    d.id = "dr-twostep1";
    d.doc = sample();
    d.base = save_document(small_doc("Shared version"));
    const std::string json = save_document(d.doc);
    REQUIRE(a.save(Draft(d), kT0, nullptr, &json).ok());

    DraftStore::PreparedSave p;
    REQUIRE(b.prepare_save(Draft(d), kT0, &json, p).ok());
    CHECK_FALSE(two.exists("/drafts/drafts/dr-twostep1.json"));  // prepared only: no file, no cached draft
    CHECK(b.find("dr-twostep1") == nullptr);
    Draft saved;
    const std::string text = p.text;
    REQUIRE(b.store_prepared(p, &saved).ok());
    CHECK(saved.updated_ms == kT0);
    CHECK(p.text == text);  // left for the caller to reuse its buffer
    std::string x, y;
    REQUIRE(one.read("/drafts/drafts/dr-twostep1.json", x).ok());
    REQUIRE(two.read("/drafts/drafts/dr-twostep1.json", y).ok());
    CHECK(x == y);
    REQUIRE(b.find("dr-twostep1"));
    CHECK(save_document(b.find("dr-twostep1")->doc) == json);
    // A buffer handed in is reused: the text is written into it, whatever it held.
    DraftStore::PreparedSave again;
    again.text = std::string(y.size() + 1000, 'x');
    const char* buf = again.text.data();
    REQUIRE(b.prepare_save(Draft(d), kT0, &json, again).ok());
    CHECK(again.text == y);
    CHECK(again.text.data() == buf);
    std::optional<std::string> joined = save_document_with_events(d.doc, [&] {
        std::vector<std::string> ev;
        for (const Event& e : d.doc.timeline) ev.push_back(*save_event(e));
        return ev;
    }(), std::string(json.size() + 10, '#'));
    REQUIRE(joined);
    CHECK(*joined == json);
    // A bad id is refused at either step.
    DraftStore::PreparedSave bad;
    Draft e = d;
    e.id = "../escape";
    CHECK(b.prepare_save(std::move(e), kT0, nullptr, bad).kind == ErrorKind::Invalid);
}

TEST_CASE("store: a crash mid-write leaves the previous version intact", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Draft d;
    REQUIRE(st.create(small_doc("Before crash"), kT0, &d).ok());
    const std::string path = "/drafts/drafts/" + d.id + ".json";
    const std::string before = read(fs, path);

    d.doc.title = "After crash";
    fs.crash_after_bytes(40);
    Status s = st.save(d, kT0 + kMin);
    CHECK_FALSE(s.ok());
    CHECK(fs.crashed());
    fs.reboot();
    // The partial temporary file is still there (nothing ran after the crash) and the draft file is untouched.
    REQUIRE(fs.exists(path + ".tmp"));
    CHECK(read(fs, path + ".tmp").size() == 40);
    CHECK(read(fs, path) == before);

    DraftStore after(fs);
    LoadReport rep = after.load_all();
    CHECK(rep.loaded == std::vector<std::string>{d.id});
    CHECK(rep.cleaned_temp == std::vector<std::string>{"drafts/" + d.id + ".json.tmp"});
    CHECK(rep.quarantined.empty());
    CHECK_FALSE(fs.exists(path + ".tmp"));
    REQUIRE(after.find(d.id));
    CHECK(after.find(d.id)->doc.title == "Before crash");
}

TEST_CASE("store: quota errors return NoSpace and lose nothing", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Draft d;
    REQUIRE(st.create(sample(), kT0, &d).ok());
    const std::string path = "/drafts/drafts/" + d.id + ".json";
    const std::string before = read(fs, path);

    Draft edited = d;
    edited.doc.summary = "Edited while the disk is full.";
    fs.fail_write_nth(1);
    Status s = st.save(edited, kT0 + kMin);
    CHECK(s.kind == ErrorKind::NoSpace);
    CHECK_FALSE(s.message.empty());
    CHECK(edited.doc.summary == "Edited while the disk is full.");  // the caller's copy is untouched
    CHECK(st.find(d.id)->doc.summary == d.doc.summary);              // cache still holds the saved version
    CHECK(read(fs, path) == before);
    CHECK_FALSE(fs.exists(path + ".tmp"));

    // A real quota: the document does not fit; then space comes back and the same save succeeds.
    fs.set_quota(fs.total_bytes() + 100);
    edited.doc.summary = std::string(5000, 'x');
    CHECK(st.save(edited, kT0 + 2 * kMin).kind == ErrorKind::NoSpace);
    CHECK(read(fs, path) == before);
    fs.set_quota(0);
    REQUIRE(st.save(edited, kT0 + 3 * kMin).ok());
    DraftStore again(fs);
    again.load_all();
    CHECK(again.find(d.id)->doc.summary == std::string(5000, 'x'));
}

TEST_CASE("store: a failed rename keeps the old file and removes the temporary one", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Draft d;
    REQUIRE(st.create(small_doc("One"), kT0, &d).ok());
    const std::string path = "/drafts/drafts/" + d.id + ".json";
    const std::string before = read(fs, path);
    d.doc.title = "Two";
    fs.fail_rename_nth(1);
    CHECK(st.save(d, kT0 + kMin).kind == ErrorKind::IoError);
    CHECK(read(fs, path) == before);
    CHECK_FALSE(fs.exists(path + ".tmp"));
    CHECK(st.find(d.id)->doc.title == "One");
}

TEST_CASE("store: damaged files are quarantined and the good drafts load", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Draft good1, good2;
    REQUIRE(st.create(sample(), kT0, &good1).ok());
    REQUIRE(st.create(small_doc("Second"), kT0, &good2).ok());

    std::mt19937 rng(42);
    std::string garbage(4096, '\0');
    for (char& c : garbage) c = static_cast<char>(rng() & 0xff);
    const std::string full = read(fs, "/drafts/drafts/" + good1.id + ".json");
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "[";
    REQUIRE(fs.write("/drafts/drafts/dr-random.json", garbage).ok());
    REQUIRE(fs.write("/drafts/drafts/dr-truncated.json", full.substr(0, full.size() / 2)).ok());
    REQUIRE(fs.write("/drafts/drafts/dr-notpm.json", R"({"hello":"world","list":[1,2,3]})").ok());
    REQUIRE(fs.write("/drafts/drafts/dr-badtype.json",
                     R"({"format":"hindsight.draft","version":1,"draft":{"id":"dr-badtype"},)"
                     R"("doc":{"format":"hindsight.postmortem","version":1,"title":42}})")
                .ok());
    REQUIRE(fs.write("/drafts/drafts/dr-deep.json", deep).ok());
    REQUIRE(fs.write("/drafts/drafts/bad name!.json", "{}").ok());
    std::string huge = "[";
    for (int i = 0; i < 400000; ++i) huge += "12345,";
    huge += "0]";
    REQUIRE(fs.write("/drafts/drafts/dr-huge.json", huge).ok());
    REQUIRE(fs.write("/drafts/drafts/notes.txt", "ignored").ok());

    DraftStore again(fs);
    LoadReport rep = again.load_all();
    CHECK(rep.loaded.size() == 2);
    CHECK(again.find(good1.id));
    CHECK(again.find(good2.id));
    CHECK(rep.newly_quarantined.size() == 7);
    REQUIRE(rep.quarantined.size() == 7);
    std::map<std::string, QuarantineEntry> q;
    for (const auto& e : rep.quarantined) q[e.name] = e;
    REQUIRE(q.count("dr-badtype.json"));
    CHECK(q["dr-badtype.json"].original_path == "drafts/dr-badtype.json");
    CHECK(q["dr-badtype.json"].reason.find("/doc/title") != std::string::npos);
    CHECK(q["dr-notpm.json"].reason.find("/format") != std::string::npos);
    CHECK(q["dr-deep.json"].reason.find("nested") != std::string::npos);
    CHECK(q["dr-random.json"].size == garbage.size());
    CHECK_FALSE(q["dr-truncated.json"].reason.empty());
    CHECK(fs.exists("/drafts/quarantine/dr-random.json.reason.txt"));
    CHECK_FALSE(fs.exists("/drafts/drafts/dr-random.json"));
    CHECK(fs.exists("/drafts/drafts/notes.txt"));  // not a draft file: left alone

    std::string raw;
    REQUIRE(again.read_quarantined("dr-random.json", raw).ok());
    CHECK(raw == garbage);
    CHECK(again.read_quarantined("../drafts/x.json", raw).kind == ErrorKind::Invalid);

    // The same name quarantined again does not overwrite the first one.
    REQUIRE(fs.write("/drafts/drafts/dr-random.json", "again").ok());
    DraftStore third(fs);
    LoadReport rep3 = third.load_all();
    CHECK(rep3.newly_quarantined == std::vector<std::string>{"dr-random-2.json"});
    REQUIRE(third.delete_quarantined("dr-random-2.json").ok());
    CHECK_FALSE(fs.exists("/drafts/quarantine/dr-random-2.json.reason.txt"));
    CHECK(third.list_quarantine().size() == 7);
    CHECK(q["dr-huge.json"].reason.find("JSON object") != std::string::npos);
}

TEST_CASE("store: duplicate and rename", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Draft d, copy;
    REQUIRE(st.create(sample(), kT0, &d).ok());
    REQUIRE(st.duplicate(d.id, kT0 + kMin, &copy).ok());
    CHECK(copy.id != d.id);
    CHECK(copy.doc.id != d.doc.id);
    CHECK(copy.doc.title == "Copy of " + d.doc.title);
    CHECK(copy.doc.timeline.size() == d.doc.timeline.size());
    CHECK(st.size() == 2);
    REQUIRE(st.rename(copy.id, "Renamed", kT0 + 2 * kMin).ok());
    CHECK(st.find(copy.id)->doc.title == "Renamed");
    CHECK(st.find(copy.id)->updated_ms == kT0 + 2 * kMin);
    CHECK(st.duplicate("dr-missing", kT0).kind == ErrorKind::NotFound);
    CHECK(st.save(Draft{}, kT0).kind == ErrorKind::Invalid);
}

TEST_CASE("store: trash, restore and purge after 30 days", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Draft a, b;
    REQUIRE(st.create(small_doc("Alpha"), kT0, &a).ok());
    REQUIRE(st.create(small_doc("Beta"), kT0, &b).ok());
    REQUIRE(st.snapshot(a.id, snapshot_reason::kManual, kT0).ok());

    REQUIRE(st.remove(a.id, kT0 + kDayMs).ok());
    REQUIRE(st.remove(b.id, kT0 + 10 * kDayMs).ok());
    CHECK(st.size() == 0);
    CHECK_FALSE(fs.exists("/drafts/drafts/" + a.id + ".json"));
    auto trash = st.list_trash();
    REQUIRE(trash.size() == 2);
    CHECK(trash[0].id == b.id);  // newest deletion first
    CHECK(trash[1].title == "Alpha");
    CHECK(trash[1].deleted_ms == kT0 + kDayMs);

    // A reload sees the trash, not the drafts.
    DraftStore again(fs);
    CHECK(again.load_all().loaded.empty());
    CHECK(again.list_trash().size() == 2);

    // Restore b; purge at day 31 removes a (deleted on day 1) and its history, keeps nothing else.
    std::string rid;
    REQUIRE(again.restore(b.id, kT0 + 11 * kDayMs, &rid).ok());
    CHECK(rid == b.id);
    CHECK(again.find(b.id)->doc.title == "Beta");
    CHECK(again.purge_trash(kT0 + 30 * kDayMs) == 0);  // a was deleted 29 days before: not yet
    CHECK(again.purge_trash(kT0 + 31 * kDayMs) == 1);
    CHECK(again.list_trash().empty());
    CHECK_FALSE(fs.exists("/drafts/history/" + a.id));
    CHECK(again.restore(a.id, kT0).kind == ErrorKind::NotFound);

    // Restoring onto an id in use gives the restored draft a new id.
    Draft c;
    REQUIRE(again.create(small_doc("Gamma"), kT0, &c).ok());
    REQUIRE(again.remove(c.id, kT0).ok());
    Draft clash = *again.find(b.id);
    clash.id = c.id;
    REQUIRE(again.save(clash, kT0).ok());
    REQUIRE(again.restore(c.id, kT0, &rid).ok());
    CHECK(rid != c.id);
    CHECK(again.find(rid)->doc.title == "Gamma");
    CHECK(again.find(c.id)->doc.title == "Beta");
}

TEST_CASE("store: history pruning policy", "[store]") {
    // A pure check of the rule on hand-made times.
    const int64_t now = kT0;
    std::vector<SnapshotInfo> s;
    auto add = [&](int64_t ms) { s.push_back({std::to_string(ms) + "-manual.json", ms, "manual"}); };
    for (int i = 0; i < 60; ++i) add(now - i * kMin);  // 60 in the last hour
    add(now - 3 * kDayMs);                            // a lone day: kept
    add(now - 3 * kDayMs - kMin);                     // same day, older: dropped
    PrunePolicy p;
    auto drop = snapshots_to_prune(s, now, p);
    std::set<std::string> dropped(drop.begin(), drop.end());
    CHECK(dropped.count(std::to_string(now - 3 * kDayMs - kMin) + "-manual.json"));
    CHECK_FALSE(dropped.count(std::to_string(now - 3 * kDayMs) + "-manual.json"));
    // The 10 oldest of the last hour fall out of the newest 50 (the day's representative is the newest one).
    size_t recent_dropped = 0;
    for (int i = 0; i < 60; ++i) recent_dropped += dropped.count(std::to_string(now - i * kMin) + "-manual.json");
    CHECK(recent_dropped == 10);
    CHECK(dropped.count(std::to_string(now - 50 * kMin) + "-manual.json"));
    CHECK_FALSE(dropped.count(std::to_string(now - 49 * kMin) + "-manual.json"));
    p.total_max = 20;
    CHECK(snapshots_to_prune(s, now, p).size() == s.size() - 20);
}

TEST_CASE("store: history over 60 simulated days keeps the documented set", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Draft d;
    REQUIRE(st.create(small_doc("Long-running"), kT0, &d).ok());
    // A snapshot every 10 minutes for 60 days, pruned after each one as the app does.
    const int64_t step = 10 * kMin;
    const int64_t start = kT0 - kT0 % kDayMs;  // midnight UTC
    std::vector<SnapshotInfo> all;
    int64_t t = start;
    for (int i = 0; i < 60 * 144; ++i, t += step) {
        d.doc.summary = "v" + std::to_string(i);
        REQUIRE(st.snapshot(d.id, d.doc, snapshot_reason::kAutosave, t).ok());
        all.push_back({std::to_string(t) + "-autosave-10min.json", t, "autosave-10min"});
    }
    const int64_t now = t - step;  // the last snapshot's time
    auto kept = st.list_history(d.id);
    REQUIRE_FALSE(kept.empty());
    CHECK(kept.front().unix_ms == now);
    CHECK(kept.size() <= 200);

    // Incremental pruning gives exactly what pruning everything once gives.
    auto drop = snapshots_to_prune(all, now);
    std::set<std::string> once;
    for (const auto& x : all) once.insert(x.name);
    for (const auto& n : drop) once.erase(n);
    std::set<std::string> got;
    for (const auto& k : kept) got.insert(k.name);
    CHECK(got == once);

    // And it is the documented set: newest 50 of the last 24 h, the last of each day up to 30 days, the last of
    // each week beyond.
    std::map<int64_t, int> per_day, per_week;
    int recent = 0;
    for (const auto& k : kept) {
        const int64_t age = now - k.unix_ms;
        const int64_t day = k.unix_ms / kDayMs;
        if (age < kDayMs) {
            ++recent;
            continue;
        }
        // Every older snapshot is the last of its day (23:50).
        CHECK(k.unix_ms % kDayMs == kDayMs - step);
        if (age < 30 * kDayMs) ++per_day[day];
        else ++per_week[(day + 3) / 7];
    }
    CHECK(recent >= 50);
    CHECK(recent <= 51);  // plus yesterday's last one when it is younger than 24 h
    for (const auto& x : per_day) CHECK(x.second == 1);
    CHECK(per_day.size() >= 28);
    for (const auto& x : per_week) CHECK(x.second == 1);
    CHECK(per_week.size() >= 4);
    CHECK(per_week.size() <= 6);
    CHECK(kept.size() == static_cast<size_t>(recent) + per_day.size() + per_week.size());
}

TEST_CASE("store: history list, read, restore and the 10-minute rule", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Draft d;
    REQUIRE(st.create(small_doc("History"), kT0, &d).ok());
    CHECK(st.snapshot_due(d.id, kT0));
    REQUIRE(st.snapshot(d.id, snapshot_reason::kShare, kT0).ok());
    CHECK_FALSE(st.snapshot_due(d.id, kT0 + 9 * kMin));
    CHECK(st.snapshot_due(d.id, kT0 + 10 * kMin));
    CHECK(st.snapshot(d.id, "whenever", kT0).kind == ErrorKind::Invalid);
    REQUIRE(st.snapshot(d.id, snapshot_reason::kShare, kT0).ok());  // same millisecond: both kept
    CHECK(st.list_history(d.id).size() == 2);

    d.doc.title = "Changed later";
    REQUIRE(st.save(d, kT0 + kMin).ok());
    auto h = st.list_history(d.id);
    REQUIRE(h.size() == 2);
    CHECK(h.back().reason == "share");
    Document old;
    REQUIRE(st.read_snapshot(d.id, h.back().name, old).ok());
    CHECK(old.title == "History");

    Document restored;
    REQUIRE(st.restore_snapshot(d.id, h.back().name, kT0 + 2 * kMin, restored).ok());
    CHECK(restored.title == "History");
    h = st.list_history(d.id);
    REQUIRE(h.size() == 3);
    CHECK(h.front().reason == "restore");  // the version being replaced is kept
    Document before_restore;
    REQUIRE(st.read_snapshot(d.id, h.front().name, before_restore).ok());
    CHECK(before_restore.title == "Changed later");
    CHECK(st.read_snapshot(d.id, "../../x", old).kind == ErrorKind::Invalid);

    // A fresh store (after reload) learns the last snapshot time from disk.
    DraftStore again(fs);
    again.load_all();
    CHECK_FALSE(again.snapshot_due(d.id, kT0 + 5 * kMin));
}

TEST_CASE("store: summaries sort and search", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Document a = small_doc("Checkout outage", 1, "final");
    a.incident_id = "INC-501";
    a.tags = {"payments"};
    a.action_items = {action("Add alert", "2026-03-05"), action("Fix retry", "2026-03-20", "in_progress"),
                      action("Done one", "2026-03-01", "done")};
    Document b = small_doc("bcache misses", 3);
    b.services = {"edge-cache"};
    Document c = small_doc("Auth latency", 0);
    Draft da, db, dc;
    REQUIRE(st.create(a, kT0, &da).ok());
    REQUIRE(st.create(b, kT0 + kMin, &db).ok());
    REQUIRE(st.create(c, kT0 + 2 * kMin, &dc).ok());

    auto s = st.summaries("2026-03-10");
    REQUIRE(s.size() == 3);
    CHECK(s[0].title == "Auth latency");  // most recently updated first
    CHECK(s[2].title == "Checkout outage");
    CHECK(s[2].open_actions == 2);
    CHECK(s[2].overdue_actions == 1);
    CHECK(s[2].status == "final");

    s = st.summaries("2026-03-10", SortBy::Title);
    CHECK((s[0].title == "Auth latency" && s[1].title == "bcache misses" && s[2].title == "Checkout outage"));
    s = st.summaries("2026-03-10", SortBy::Severity);
    CHECK((s[0].severity == 1 && s[1].severity == 3 && s[2].severity == 0));  // unset last

    CHECK(st.summaries("", SortBy::Updated, "inc-50").size() == 1);
    CHECK(st.summaries("", SortBy::Updated, "PAYMENTS").size() == 1);
    CHECK(st.summaries("", SortBy::Updated, "EDGE").front().id == db.id);
    CHECK(st.summaries("", SortBy::Updated, "a").size() == 3);
    CHECK(st.summaries("", SortBy::Updated, "zzz").empty());
}

TEST_CASE("store: overview across drafts", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    auto with_times = [](Document d, int64_t detect_s, int64_t resolve_s) {
        d.timeline = {ev("impact_start", kT0), ev("detected", kT0 + detect_s * 1000),
                      ev("resolved", kT0 + resolve_s * 1000)};
        return d;
    };
    Document a = with_times(small_doc("A", 1, "final"), 60, 3600);
    a.action_items = {action("late", "2026-03-01"), action("later", "2026-04-01"), action("x", "", "wont_do")};
    Document b = with_times(small_doc("B", 2, "draft"), 300, 7200);
    b.action_items = {action("late too", "2026-02-01", "in_progress")};
    Document c = with_times(small_doc("C", 2, "in_review"), 120, 1800);
    Document e = small_doc("No timeline", 0, "draft");  // no metrics: not counted in the medians
    for (const auto& d : {a, b, c, e}) REQUIRE(st.create(d, kT0).ok());

    Overview o = st.overview("2026-03-10");
    CHECK(o.drafts == 4);
    CHECK(o.by_severity == std::map<int, int>{{0, 1}, {1, 1}, {2, 2}});
    CHECK(o.by_status == std::map<std::string, int>{{"draft", 2}, {"final", 1}, {"in_review", 1}});
    CHECK(o.open_actions == 3);
    CHECK(o.overdue_actions == 2);
    REQUIRE(o.open_items.size() == 3);
    CHECK(o.open_items[0].overdue);
    CHECK(o.open_items[0].item.title == "late too");  // overdue first, earliest due first
    CHECK(o.open_items[2].item.title == "later");
    CHECK(o.detect_samples == 3);
    CHECK(o.median_time_to_detect_s == 120);
    CHECK(o.median_time_to_resolve_s == 3600);

    MemoryFs empty_fs;
    DraftStore empty(empty_fs);
    Overview none = empty.overview("2026-03-10");
    CHECK(none.drafts == 0);
    CHECK_FALSE(none.median_time_to_detect_s.has_value());
}

TEST_CASE("store: export and import round trip, with id conflicts", "[store]") {
    MemoryFs fs;
    DraftStore st(fs);
    Draft a, b, c;
    REQUIRE(st.create(sample(), kT0, &a).ok());
    REQUIRE(st.create(sample("samples/atlassian-db-failover.json"), kT0 + kMin, &b).ok());
    REQUIRE(st.create(small_doc("Trashed"), kT0, &c).ok());
    REQUIRE(st.remove(c.id, kT0 + 2 * kMin).ok());
    const std::string exported = st.export_all(kT0 + 3 * kMin);
    Json j = Json::parse(exported);
    CHECK(j["format"] == "hindsight.drafts");
    CHECK(j["drafts"].size() == 2);
    CHECK(j["trash"].size() == 1);

    // Into an empty library: ids, documents and times preserved.
    MemoryFs fs2;
    DraftStore other(fs2);
    other.load_all();
    ImportReport rep = other.import_all(exported, kT0 + kDayMs);
    CHECK(rep.problems.empty());
    CHECK(rep.renamed.empty());
    CHECK(rep.imported.size() == 2);
    CHECK(rep.trash_imported == std::vector<std::string>{c.id});
    REQUIRE(other.find(a.id));
    CHECK(save_document(other.find(a.id)->doc) == save_document(a.doc));
    CHECK(other.find(b.id)->updated_ms == kT0 + kMin);
    CHECK(other.list_trash().front().deleted_ms == kT0 + 2 * kMin);
    DraftStore reloaded(fs2);
    CHECK(reloaded.load_all().loaded.size() == 2);
    CHECK(reloaded.export_all(kT0 + 3 * kMin) == exported);

    // Into the same library again: every id conflicts and gets a new one; nothing is overwritten.
    ImportReport rep2 = st.import_all(exported, kT0 + kDayMs);
    CHECK(rep2.problems.empty());
    CHECK(rep2.renamed.size() == 3);
    CHECK(st.size() == 4);
    CHECK(st.list_trash().size() == 2);
    CHECK(save_document(st.find(rep2.renamed[a.id])->doc) == save_document(a.doc));

    // A damaged entry is skipped with a pointer; the others import.
    Json bad = j;
    bad["drafts"][1]["doc"]["severity"] = "high";
    MemoryFs fs3;
    DraftStore third(fs3);
    ImportReport rep3 = third.import_all(bad.dump(), kT0);
    CHECK(rep3.imported.size() == 1);
    REQUIRE_FALSE(rep3.problems.empty());
    CHECK(rep3.problems.front().pointer == "/drafts/1/doc/severity");

    // Not an export at all; and a plain postmortem document becomes a new draft.
    CHECK_FALSE(third.import_all("garbage", kT0).problems.empty());
    CHECK(third.import_all(R"({"x":1})", kT0).problems.front().pointer == "/format");
    ImportReport plain = third.import_all(save_document(small_doc("Plain")), kT0);
    REQUIRE(plain.imported.size() == 1);
    CHECK(third.find(plain.imported[0])->doc.title == "Plain");
}

TEST_CASE("store: PosixFs in a temporary folder", "[store]") {
    namespace fsys = std::filesystem;
    const fsys::path dir = fsys::temp_directory_path() /
                           ("hs-store-test-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fsys::create_directories(dir);
    {
        PosixFs pfs(dir.string());
        REQUIRE(pfs.mkdirs("/a/b").ok());
        CHECK(pfs.is_dir("/a/b"));
        REQUIRE(pfs.write("/a/b/f.txt", "data").ok());
        REQUIRE(pfs.write("/a/b/g.txt", "new").ok());
        REQUIRE(pfs.rename("/a/b/g.txt", "/a/b/f.txt").ok());  // replaces
        std::string s;
        REQUIRE(pfs.read("/a/b/f.txt", s).ok());
        CHECK(s == "new");
        std::vector<std::string> names;
        REQUIRE(pfs.list("/a/b", names).ok());
        CHECK(names == std::vector<std::string>{"f.txt"});
        CHECK(pfs.read("/a/nope", s).kind == ErrorKind::NotFound);
        CHECK(pfs.write("/missing/dir/x", "1").kind == ErrorKind::NotFound);

        DraftStore st(pfs, "/drafts");
        st.load_all();
        Draft d;
        REQUIRE(st.create(sample(), kT0, &d).ok());
        REQUIRE(st.snapshot(d.id, snapshot_reason::kManual, kT0).ok());
        REQUIRE(pfs.write("/drafts/drafts/dr-junk.json", "{not json").ok());
        REQUIRE(pfs.write("/drafts/drafts/" + d.id + ".json.tmp", "partial").ok());

        DraftStore again(pfs, "/drafts");
        LoadReport rep = again.load_all();
        CHECK(rep.loaded == std::vector<std::string>{d.id});
        CHECK(rep.newly_quarantined == std::vector<std::string>{"dr-junk.json"});
        CHECK(rep.cleaned_temp.size() == 1);
        CHECK(fsys::exists(dir / "drafts" / "quarantine" / "dr-junk.json.reason.txt"));
        CHECK(save_document(again.find(d.id)->doc) == save_document(d.doc));
        CHECK(again.list_history(d.id).size() == 1);
        REQUIRE(again.remove(d.id, kT0).ok());
        CHECK(again.purge_trash(kT0 + 31 * kDayMs) == 1);
        CHECK_FALSE(fsys::exists(dir / "drafts" / "history" / d.id));
    }
    fsys::remove_all(dir);
}

TEST_CASE("store: the IDBFS gate never pushes before the first load finished", "[store]") {
    SyncGate g;
    CHECK_FALSE(g.request_push());  // a save before anything was loaded: deferred, not pushed
    CHECK(g.pending());
    REQUIRE(g.begin_initial_load());
    CHECK_FALSE(g.begin_initial_load());  // only once
    CHECK_FALSE(g.request_push());        // still loading
    CHECK_FALSE(g.take_pending());
    g.finish_initial_load(true);
    CHECK(g.take_pending());  // the deferred push runs now
    CHECK(g.in_flight());
    CHECK_FALSE(g.request_push());  // no overlapping syncs
    CHECK(g.push_done());           // ...but it is not lost
    CHECK_FALSE(g.push_done());
    CHECK(g.request_push());

    SyncGate failed;
    REQUIRE(failed.begin_initial_load());
    failed.finish_initial_load(false);
    CHECK_FALSE(failed.request_push());  // never push over data we could not read
    CHECK(failed.state() == SyncGate::State::Failed);
    CHECK(failed.begin_initial_load());  // a retry is allowed
}
