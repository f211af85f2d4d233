// The autosave state machine over a DraftStore on MemoryFs: when a save is due, a small document saved in one step,
// a large one in slices (restarted by an edit), its snapshot a step later, failures kept dirty, and the hand-over
// to the owner when the document is not a draft yet.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/autosave.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/store.h"

using namespace hs;

namespace {

constexpr int64_t kT0 = 1772370000000;  // 2026-03-01T13:00:00Z

struct Host : AutosaveHost {
    int64_t t = kT0;
    int64_t advance = 0;  // the clock moves this much at every reading (slices run out of budget)
    std::vector<std::string> review;
    std::vector<std::string> marks;
    int64_t now_ms() override {
        const int64_t r = t;
        t += advance;
        return r;
    }
    void trace(const char* label) override { marks.emplace_back(label); }
    std::vector<std::string> review_ids() override { return review; }
};

Document doc_with_events(size_t n) {
    Document d;
    d.id = new_id("pm");
    d.title = "Checkout outage";
    d.summary = "Payments failed for 20 minutes.";
    for (size_t i = 0; i < n; ++i) {
        Event e;
        e.id = new_id("ev");
        e.type = "note";
        e.time.unix_ms = kT0 - 3600000 + static_cast<int64_t>(i) * 1000;
        e.time.set = true;
        e.description = "Event number " + std::to_string(i);
        d.timeline.push_back(e);
    }
    return d;
}

// A store with one draft of `doc`; returns its id.
std::string make_draft(DraftStore& store, const Document& doc) {
    Draft d;
    REQUIRE(store.create(doc, kT0 - 60000, &d).ok());
    return d.id;
}

Document stored_doc(MemoryFs& fs, const std::string& id) {
    DraftStore fresh(fs, "/drafts");
    fresh.load_all();
    const Draft* d = fresh.find(id);
    REQUIRE(d);
    return d->doc;
}

// Runs steps while the autosave asks for more; returns how many steps it took.
int run_steps(Autosave& a, const AutosaveTarget& t, Host& h, bool* wrote = nullptr) {
    int n = 0;
    for (;;) {
        AutosaveResult r = a.step(t, h);
        ++n;
        REQUIRE(r.error.ok());
        if (wrote && r.wrote) *wrote = true;
        if (!r.more) return n;
        REQUIRE(n < 10000);
    }
}

// A draft of `events` events in a store over memory, edited once, its save due now.
struct Due {
    MemoryFs fs;
    DraftStore store{fs, "/drafts"};
    Document doc;
    std::string id;
    Host h;
    Autosave a;
    AutosaveTarget t;
    explicit Due(size_t events) : doc(doc_with_events(events)), id(make_draft(store, doc)) {
        a.edited(h.t);
        h.t += kAutosaveDelayMs;
        t = AutosaveTarget{&store, id, &doc, 1, false};
    }
    // Steps until the save is written and its snapshot waits for the next step.
    void until_snapshot_pending() {
        while (!a.snapshot_pending()) REQUIRE(a.step(t, h).more);
    }
};

}  // namespace

TEST_CASE("autosave: due one delay after the last edit, idle when clean") {
    Autosave a;
    CHECK(a.next(kT0).kind == Autosave::Wake::Idle);
    a.edited(kT0);
    Autosave::Wake w = a.next(kT0);
    CHECK(w.kind == Autosave::Wake::Later);
    CHECK(w.in_ms == kAutosaveDelayMs + kAutosaveWakeSlackMs);
    // Another edit moves the deadline.
    a.edited(kT0 + 500);
    w = a.next(kT0 + 700);
    CHECK(w.kind == Autosave::Wake::Later);
    CHECK(w.in_ms == kAutosaveDelayMs - 200 + kAutosaveWakeSlackMs);
    CHECK(a.next(kT0 + 500 + kAutosaveDelayMs).kind == Autosave::Wake::Now);
    a.saved();
    CHECK(a.next(kT0 + 5000).kind == Autosave::Wake::Idle);
}

TEST_CASE("autosave: a small document is saved in one step, not before it is due") {
    MemoryFs fs;
    DraftStore store(fs, "/drafts");
    Document doc = doc_with_events(3);
    const std::string id = make_draft(store, doc);
    doc.title = "Checkout outage, edited";
    Host h;
    Autosave a;
    a.edited(h.t);
    AutosaveTarget t{&store, id, &doc, 1, false};
    h.t += kAutosaveDelayMs - 1;
    AutosaveResult early = a.step(t, h);
    CHECK_FALSE(early.wrote);
    CHECK(a.dirty());
    CHECK(stored_doc(fs, id).title == "Checkout outage");
    h.t += 1;
    AutosaveResult r = a.step(t, h);
    CHECK(r.wrote);
    CHECK_FALSE(r.more);
    CHECK_FALSE(a.dirty());
    CHECK(stored_doc(fs, id).title == "Checkout outage, edited");
    CHECK(a.next(h.t).kind == Autosave::Wake::Idle);
}

TEST_CASE("autosave: a large document is saved in slices, the same bytes as a whole save") {
    Due d(kAutosaveSliceFrom + 500);
    d.doc.timeline[7].description = "changed in a slice";
    d.h.review = {d.doc.timeline[1].id};
    d.h.advance = 1;  // every slice runs out of its budget after 64 events
    bool wrote = false;
    const int steps = run_steps(d.a, d.t, d.h, &wrote);
    CHECK(wrote);
    CHECK(steps > 5);  // slices, the join, the prepare and the write
    CHECK_FALSE(d.a.dirty());
    CHECK(std::count(d.h.marks.begin(), d.h.marks.end(), "hs-save-slice") > 3);
    CHECK(save_document(stored_doc(d.fs, d.id)) == save_document(d.doc));
    const Draft* saved = d.store.find(d.id);
    REQUIRE(saved);
    CHECK(saved->extra["review"] == Json(d.h.review));  // the review state goes with the draft
}

TEST_CASE("autosave: an edit during a sliced save restarts it with the new text") {
    Due d(kAutosaveSliceFrom + 200);
    d.h.advance = 1;
    for (int i = 0; i < 3; ++i) REQUIRE(d.a.step(d.t, d.h).more);
    const int writes_before = d.fs.writes();
    d.doc.timeline.back().description = "typed while saving";
    d.t.rev = 2;
    d.a.edited(d.h.t);
    CHECK_FALSE(d.a.step(d.t, d.h).wrote);  // not due again until the edits pause
    CHECK(d.fs.writes() == writes_before);
    d.h.t += kAutosaveDelayMs;
    run_steps(d.a, d.t, d.h);
    CHECK(stored_doc(d.fs, d.id).timeline.back().description == "typed while saving");
}

TEST_CASE("autosave: a large document's snapshot is written in the step after its save") {
    Due d(kAutosaveSliceFrom);
    REQUIRE(d.store.snapshot_due(d.id, kT0));
    d.doc.title = "Snapshot me";
    d.until_snapshot_pending();
    CHECK_FALSE(d.a.dirty());
    CHECK(d.store.list_history(d.id).empty());
    CHECK(d.a.next(d.h.t).kind == Autosave::Wake::Now);
    AutosaveResult s = d.a.step(d.t, d.h);
    CHECK(s.wrote);
    CHECK_FALSE(d.a.snapshot_pending());
    REQUIRE(d.store.list_history(d.id).size() == 1);
    Document snap;
    REQUIRE(d.store.read_snapshot(d.id, d.store.list_history(d.id)[0].name, snap).ok());
    CHECK(snap.title == "Snapshot me");
}

TEST_CASE("autosave: a failed write keeps the edits dirty, and the next try stores them") {
    Due d(2);
    d.doc.title = "Kept through a full disk";
    d.fs.fail_write_nth(1);
    AutosaveResult r = d.a.step(d.t, d.h);
    CHECK(r.error.kind == ErrorKind::NoSpace);
    CHECK_FALSE(r.wrote);
    CHECK(d.a.dirty());
    CHECK(stored_doc(d.fs, d.id).title == "Checkout outage");
    r = d.a.step(d.t, d.h);
    CHECK(r.error.ok());
    CHECK(r.wrote);
    CHECK(stored_doc(d.fs, d.id).title == "Kept through a full disk");
}

TEST_CASE("autosave: nothing is written for a read-only tab; a document without a draft goes to the owner") {
    Due d(2);
    const int writes = d.fs.writes();
    AutosaveResult r = d.a.step(AutosaveTarget{&d.store, d.id, &d.doc, 1, true}, d.h);
    CHECK_FALSE(r.wrote);
    CHECK(d.fs.writes() == writes);
    CHECK(d.a.dirty());
    r = d.a.save_now(AutosaveTarget{&d.store, "", &d.doc, 1, false}, d.h);
    CHECK(r.needs_draft);
    CHECK(d.fs.writes() == writes);
    d.a.saved();
    CHECK_FALSE(d.a.save_now(d.t, d.h).wrote);  // clean: nothing to do
}

TEST_CASE("autosave: flush writes a pending snapshot and the unsaved edits at once") {
    Due d(kAutosaveSliceFrom);
    d.until_snapshot_pending();
    d.doc.title = "Last words";
    d.t.rev = 2;
    d.a.edited(d.h.t + 1);  // not yet due: flush does not wait
    AutosaveResult r = d.a.flush(d.t, d.h);
    CHECK(r.wrote);
    CHECK_FALSE(r.more);
    CHECK_FALSE(d.a.dirty());
    CHECK_FALSE(d.a.snapshot_pending());
    CHECK(d.store.list_history(d.id).size() == 1);
    CHECK(stored_doc(d.fs, d.id).title == "Last words");
}

TEST_CASE("autosave: a pending snapshot of a draft deleted meanwhile is dropped") {
    Due d(kAutosaveSliceFrom);
    d.until_snapshot_pending();
    REQUIRE(d.store.remove(d.id, d.h.t).ok());
    AutosaveResult r = d.a.step(d.t, d.h);
    CHECK_FALSE(r.wrote);
    CHECK_FALSE(d.a.snapshot_pending());
    CHECK(d.store.list_history(d.id).empty());
}
