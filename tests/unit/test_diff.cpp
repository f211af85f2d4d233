// Document diff for the history view: item-wise by id, word-level prose diff with a cap, readable rendering.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include "core/diff.h"
#include "core/embedded.h"
#include "core/format.h"

using namespace hs;

namespace {

std::string join(const std::vector<TextSpan>& spans, bool after) {
    std::string s;
    for (const auto& t : spans) {
        if (t.op == TextSpan::Op::Equal || t.op == (after ? TextSpan::Op::Insert : TextSpan::Op::Delete)) s += t.text;
    }
    return s;
}

std::string render(const std::vector<TextSpan>& spans) {
    std::string s;
    for (const auto& t : spans) {
        if (t.op == TextSpan::Op::Equal) s += t.text;
        else if (t.op == TextSpan::Op::Delete) s += "[-" + t.text + "-]";
        else s += "{+" + t.text + "+}";
    }
    return s;
}

Item item(const std::string& id, const std::string& text) {
    Item i;
    i.id = id;
    i.text = text;
    return i;
}

Document base_doc() {
    Document d;
    d.id = "pm-1";
    d.title = "Checkout outage";
    d.severity = 2;
    d.summary = "Checkout failed for 40 minutes because retries overloaded the processor.";
    d.tags = {"payments"};
    Event e1, e2, e3;
    e1.id = "ev-1", e1.time = *parse_iso8601("2026-03-01T13:00:00Z"), e1.type = "impact_start", e1.description = "Errors start";
    e2.id = "ev-2", e2.time = *parse_iso8601("2026-03-01T13:02:00Z"), e2.type = "detected", e2.description = "Paging fired";
    e3.id = "ev-3", e3.time = *parse_iso8601("2026-03-01T13:40:00Z"), e3.type = "resolved", e3.description = "Rolled back";
    d.timeline = {e1, e2, e3};
    d.root_causes = {item("rc-1", "Retries without backoff")};
    ActionItem a;
    a.id = "ai-1";
    a.title = "Add retry budget";
    a.status = "done";
    d.action_items = {a};
    return d;
}

}  // namespace

TEST_CASE("diff: identical documents have no changes", "[diff]") {
    Document d = base_doc();
    CHECK(diff_documents(d, d).empty());
    Document later = d;
    later.updated = *parse_iso8601("2026-03-02T10:00:00Z");
    CHECK(diff_documents(d, later).empty());  // "updated" is ignored by default
    DiffOptions keep;
    keep.ignore_updated = false;
    REQUIRE(diff_documents(d, later, keep).size() == 1);
    CHECK(diff_documents(d, later, keep)[0].kind == Change::Kind::Added);
}

TEST_CASE("diff: a readable list of changes, item-wise by id", "[diff]") {
    Document a = base_doc();
    Document b = a;
    b.title = "Checkout outage (revised)";
    b.severity = 1;
    b.status = "in_review";                               // vocabulary values are shown as labels
    b.tags.push_back("retries");
    b.summary = "Checkout failed for 42 minutes because retries overloaded the processor.";
    b.timeline[1].description = "Burn-rate alert paged";  // edited by id
    std::swap(b.timeline[0], b.timeline[2]);              // a reorder: ev-3 moves to the front
    b.timeline.erase(b.timeline.begin() + 1);             // ev-2 removed
    b.root_causes.push_back(item("rc-2", "No rate limit on the client"));
    b.action_items[0].status = "open";                    // back to the default value
    b.impact.users_affected = 1200;

    auto changes = diff_documents(a, b);
    const std::string text = format_changes(changes);
    const std::string expected =
        "~ Title: Checkout outage{+ (revised)+}\n"
        "~ Severity: \"2\" -> \"1\"\n"
        "~ Status: \"Draft\" -> \"In review\"\n"
        "~ Tags: \"payments\" -> \"payments, retries\"\n"
        "~ Summary: Checkout failed for [-40-]{+42+} minutes because retries overloaded the processor.\n"
        "+ Impact › Users affected: 1200\n"
        "- Timeline: 2026-03-01 13:02 Paging fired\n"
        "> Timeline › 2026-03-01 13:40 Rolled back: position 3 -> position 1\n"
        "+ Root causes: No rate limit on the client\n"
        "~ Action items › Add retry budget › Status: \"Done\" -> \"Open\"\n";
    CHECK(text == expected);
    if (text != expected) WARN("actual diff:\n" << text);

    // Paths are by id, kinds are machine-readable.
    bool found = false;
    for (const auto& c : changes) {
        if (c.path == "/action_items/ai-1/status") {
            found = true;
            CHECK(c.kind == Change::Kind::Changed);
            CHECK(c.before == "Done");
            CHECK(c.after == "Open");
        }
    }
    CHECK(found);
    CHECK(std::string(change_kind_name(Change::Kind::Moved)) == "moved");
}

TEST_CASE("diff: an edited item is reported by field, not as a shifted list", "[diff]") {
    Document a = base_doc();
    Document b = a;
    Event e0;
    e0.id = "ev-0";
    e0.time = *parse_iso8601("2026-03-01T12:58:00Z");
    e0.description = "Deploy started";
    b.timeline.insert(b.timeline.begin(), e0);  // every old index shifts by one
    b.timeline[2].description = "Paging fired at last";
    auto changes = diff_documents(a, b);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].kind == Change::Kind::Added);
    CHECK(changes[0].path == "/timeline/ev-0");
    CHECK(changes[0].after == "2026-03-01 12:58 Deploy started");
    CHECK(changes[1].path == "/timeline/ev-2/description");
    CHECK(render(changes[1].spans) == "Paging fired{+ at last+}");
}

TEST_CASE("diff: word-level text diff reconstructs both sides", "[diff]") {
    auto spans = diff_text("The quick brown fox jumps.", "The slow brown fox leaps!");
    CHECK(render(spans) == "The [-quick-]{+slow+} brown fox [-jumps.-]{+leaps!+}");
    CHECK(render(diff_text("", "new text")) == "{+new text+}");
    CHECK(render(diff_text("old text", "")) == "[-old text-]");
    CHECK(render(diff_text("a b c", "a b c")) == "a b c");
    CHECK(render(diff_text("Le café est fermé.", "Le café est ouvert.")) == "Le café est [-fermé-]{+ouvert+}.");

    // Property: Equal+Delete gives the old text and Equal+Insert the new one, on random word soups.
    std::mt19937 rng(7);
    const char* words[] = {"alpha", "beta", " ", "\n", ",", "gamma", "delta", "  ", "é", "x"};
    for (int round = 0; round < 200; ++round) {
        std::string x, y;
        for (int i = static_cast<int>(rng() % 30); i > 0; --i) x += words[rng() % 10];
        for (int i = static_cast<int>(rng() % 30); i > 0; --i) y += words[rng() % 10];
        auto s = diff_text(x, y);
        REQUIRE(join(s, false) == x);
        REQUIRE(join(s, true) == y);
        for (size_t i = 1; i < s.size(); ++i) REQUIRE(s[i].op != s[i - 1].op);  // merged runs
    }
}

TEST_CASE("diff: line-level diff", "[diff]") {
    auto spans = diff_lines("one\ntwo\nthree\n", "one\n2\nthree\nfour\n");
    CHECK(render(spans) == "one\n[-two\n-]{+2\n+}three\n{+four\n+}");
}

TEST_CASE("diff: the work on huge texts is capped", "[diff]") {
    std::string a, b;
    std::mt19937 rng(1);
    for (int i = 0; i < 60000; ++i) {
        a += "w" + std::to_string(rng() % 1000) + " ";
        b += "w" + std::to_string(rng() % 1000) + " ";
    }
    bool capped = false;
    const auto t0 = std::chrono::steady_clock::now();
    auto spans = diff_text(a, b, 4'000'000, &capped);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
    CHECK(capped);
    CHECK(join(spans, false) == a);
    CHECK(join(spans, true) == b);
    CHECK(ms.count() < 2000);

    // A small edit in a huge text is still diffed word by word: the common ends are trimmed first.
    std::string c = a;
    c.replace(c.size() / 2, 3, "XYZ");
    spans = diff_text(a, c, 4'000'000, &capped);
    CHECK_FALSE(capped);
    CHECK(join(spans, true) == c);

    // In a document the capped field is reported as changed without spans.
    Document x, y;
    x.summary = a;
    y.summary = b;
    auto changes = diff_documents(x, y);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].capped);
    CHECK(changes[0].spans.empty());
    CHECK(format_changes(changes).find("too long to compare") != std::string::npos);
}

TEST_CASE("diff: samples against each other stay bounded and well-formed", "[diff]") {
    std::vector<Document> docs;
    for (const auto& p : list_embedded("samples/")) {
        const EmbeddedFile* f = find_embedded(p);
        LoadResult r = load_document(std::string(f->data, f->size));
        if (r.ok) docs.push_back(r.doc);
    }
    REQUIRE(docs.size() >= 2);
    for (size_t i = 0; i + 1 < docs.size(); ++i) {
        auto changes = diff_documents(docs[i], docs[i + 1]);
        CHECK_FALSE(changes.empty());
        for (const auto& c : changes) {
            CHECK_FALSE(c.path.empty());
            CHECK_FALSE(c.label.empty());
            if (!c.spans.empty()) {
                CHECK(join(c.spans, false) == c.before);
                CHECK(join(c.spans, true) == c.after);
            }
        }
    }
    DiffOptions few;
    few.max_changes = 3;
    CHECK(diff_documents(docs[0], docs[1], few).size() == 3);
}
