// Undo/redo: coalescing of typing per field, labels, checkpoints, redo discard, and the step and byte limits.
#include <catch2/catch.hpp>

#include "core/embedded.h"
#include "core/format.h"
#include "core/history.h"

using namespace hs;

namespace {

Document doc_with(const std::string& summary, const std::string& title = "T") {
    Document d;
    d.id = "pm-00000001";
    d.title = title;
    d.summary = summary;
    return d;
}

}  // namespace

TEST_CASE("history: typing in one field coalesces within 1 s", "[history]") {
    History h;
    h.reset(doc_with(""));
    CHECK_FALSE(h.can_undo());
    CHECK(h.undo_text() == "Undo");
    int64_t t = 1000;
    std::string text;
    for (char c : std::string("hello")) {  // one keystroke every 300 ms: one step
        text += c;
        CHECK(h.commit(doc_with(text), "edit summary", "summary", t));
        t += 300;
    }
    CHECK(h.steps() == 1);
    t += 1500;  // a pause: a new step
    CHECK(h.commit(doc_with("hello world"), "edit summary", "summary", t));
    CHECK(h.steps() == 2);
    CHECK(h.commit(doc_with("hello world", "New title"), "edit title", "title", t + 100));  // other field
    CHECK(h.steps() == 3);
    CHECK(h.undo_text() == "Undo: edit title");
    CHECK_FALSE(h.commit(doc_with("hello world", "New title"), "edit title", "title", t + 200));  // no change

    auto d = h.undo();
    REQUIRE(d);
    CHECK(d->title == "T");
    CHECK(d->summary == "hello world");
    CHECK(h.undo_text() == "Undo: edit summary");
    CHECK(h.redo_text() == "Redo: edit title");
    d = h.undo();
    REQUIRE(d);
    CHECK(d->summary == "hello");
    d = h.undo();
    REQUIRE(d);
    CHECK(d->summary == "");
    CHECK_FALSE(h.can_undo());
    CHECK_FALSE(h.undo());
    d = h.redo();
    REQUIRE(d);
    CHECK(d->summary == "hello");
    d = h.redo();
    d = h.redo();
    REQUIRE(d);
    CHECK(d->title == "New title");
    CHECK_FALSE(h.redo());
}

TEST_CASE("history: no coalescing across undo, seal, or without a group key", "[history]") {
    History h;
    h.reset(doc_with(""));
    h.commit(doc_with("a"), "edit summary", "summary", 0);
    h.commit(doc_with("ab"), "edit summary", "summary", 100);
    CHECK(h.steps() == 1);
    h.seal();  // the user left the field
    h.commit(doc_with("abc"), "edit summary", "summary", 200);
    CHECK(h.steps() == 2);
    h.commit(doc_with("abcd"), "add item", "", 250);
    h.commit(doc_with("abcde"), "add item", "", 260);
    CHECK(h.steps() == 4);

    // After an undo, typing starts a new step and discards the redo branch.
    REQUIRE(h.undo());
    REQUIRE(h.undo());
    CHECK(h.can_redo());
    h.commit(doc_with("abcX"), "edit summary", "summary", 300);
    CHECK_FALSE(h.can_redo());
    CHECK(h.steps() == 3);
    CHECK(h.undo()->summary == "abc");
}

TEST_CASE("history: typing and erasing back to the start leaves no step", "[history]") {
    History h;
    h.reset(doc_with("x"));
    h.commit(doc_with("xy"), "edit summary", "summary", 0);
    CHECK(h.commit(doc_with("x"), "edit summary", "summary", 100));
    CHECK(h.steps() == 0);
    CHECK_FALSE(h.can_undo());
}

TEST_CASE("history: a checkpoint makes one undoable change from many", "[history]") {
    History h;
    h.reset(doc_with("base"));
    h.commit(doc_with("before merge"), "edit summary", "summary", 0);
    h.begin_checkpoint("merge");
    h.commit(doc_with("m1"), "set summary", "summary", 5000);
    h.begin_checkpoint("nested");  // nested: still the outer step
    h.commit(doc_with("m2", "merged title"), "set title", "title", 5001);
    h.end_checkpoint();
    h.commit(doc_with("m3", "merged title"), "set summary", "summary", 9000);
    h.end_checkpoint();
    CHECK(h.steps() == 2);
    CHECK(h.undo_label() == "merge");
    // The next edit is a separate step even with the same field and time.
    h.commit(doc_with("m3!", "merged title"), "edit summary", "summary", 9001);
    CHECK(h.steps() == 3);
    REQUIRE(h.undo());
    auto d = h.undo();
    REQUIRE(d);
    CHECK(d->summary == "before merge");
    CHECK(d->title == "T");

    History empty;
    empty.reset(doc_with("a"));
    empty.begin_checkpoint("nothing");
    empty.end_checkpoint();
    CHECK(empty.steps() == 0);
}

TEST_CASE("history: at most max_steps steps, oldest dropped", "[history]") {
    History h;  // default: 200
    h.reset(doc_with("0"));
    for (int i = 1; i <= 250; ++i) h.commit(doc_with(std::to_string(i)), "step", "", i * 10000);
    CHECK(h.steps() == 200);
    int undos = 0;
    std::optional<Document> last;
    while (auto d = h.undo()) {
        last = d;
        ++undos;
    }
    CHECK(undos == 200);
    REQUIRE(last);
    CHECK(last->summary == "50");  // states 0..49 were dropped
}

TEST_CASE("history: byte budget drops the oldest but keeps one step", "[history]") {
    History::Limits lim;
    lim.max_bytes = 200 * 1024;
    History h(lim);
    const std::string big(50 * 1024, 'x');
    h.reset(doc_with(big + "0"));
    for (int i = 1; i <= 20; ++i) h.commit(doc_with(big + std::to_string(i)), "paste", "", i * 10000);
    CHECK(h.bytes() <= lim.max_bytes);
    CHECK(h.steps() >= 2);
    CHECK(h.steps() <= 4);

    History::Limits tiny;
    tiny.max_bytes = 10;
    History t(tiny);
    t.reset(doc_with("a"));
    t.commit(doc_with("b"), "edit", "", 0);
    t.commit(doc_with("c"), "edit", "", 5000);
    CHECK(t.steps() == 1);  // over budget, but the last change can still be undone
    CHECK(t.undo()->summary == "b");
}

TEST_CASE("history: snapshots round-trip a real sample exactly", "[history]") {
    const EmbeddedFile* f = find_embedded("samples/multi-day-cdn-degradation.json");
    REQUIRE(f);
    LoadResult r = load_document(std::string(f->data, f->size));
    REQUIRE(r.ok);
    History h;
    h.reset(r.doc);
    Document edited = r.doc;
    edited.timeline.erase(edited.timeline.begin() + 3);
    edited.action_items.front().status = "done";
    REQUIRE(h.commit(edited, "edit", "", 0));
    CHECK(h.current_json() == save_document(edited));
    auto back = h.undo();
    REQUIRE(back);
    CHECK(save_document(*back) == save_document(r.doc));
    auto fwd = h.redo();
    REQUIRE(fwd);
    CHECK(save_document(*fwd) == save_document(edited));
}

TEST_CASE("history: a commit before reset becomes the base", "[history]") {
    History h;
    CHECK_FALSE(h.commit(doc_with("first"), "edit", "", 0));
    CHECK_FALSE(h.can_undo());
    CHECK(h.commit(doc_with("second"), "edit", "", 10));
    CHECK(h.undo()->summary == "first");
}
