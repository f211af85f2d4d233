// Review: anchors through edits (before, inside and after the passage; deletion; the same quote twice), in several
// scripts, and suggestions (accept, reject, all, conflicts).
#include <catch2/catch.hpp>

#include "core/format.h"
#include "core/lint.h"
#include "core/review.h"
#include "core/schema.h"

using namespace hs;

namespace {

Instant at(int64_t s) { return Instant{s * 1000, 0, true}; }

Document with_summary(const std::string& text) {
    Document d;
    d.id = "pm-review";
    d.title = "Checkout outage";
    d.summary = text;
    return d;
}

// The anchored passage, as the field now reads.
std::string passage(const Document& d, const Anchor& a) {
    const AnchorRange r = resolve_anchor(d, a);
    if (r.status == AnchorStatus::Orphaned) return "<orphaned>";
    return anchor_field(d, a)->substr(r.begin, r.end - r.begin);
}

Anchor on(const Document& d, const std::string& quote, size_t nth = 0) {
    size_t p = d.summary.find(quote);
    while (nth-- > 0) p = d.summary.find(quote, p + 1);
    REQUIRE(p != std::string::npos);
    return make_anchor(d, "summary", p, p + quote.size());
}

const std::string kEn =
    "At 14:02 the deploy of v2.3 started. The cache was flushed on every node, and checkout requests timed out for "
    "eleven minutes until the rollback finished.";

}  // namespace

TEST_CASE("review: an anchor quotes the passage with its context and offset", "[review]") {
    Document d = with_summary(kEn);
    Anchor a = on(d, "The cache was flushed on every node");
    CHECK(a.path == "summary");
    CHECK(a.exact == "The cache was flushed on every node");
    CHECK(a.prefix == ":02 the deploy of v2.3 started. ");  // the 32 bytes before
    CHECK(a.prefix.size() <= kAnchorContextBytes);
    CHECK(a.suffix.size() == kAnchorContextBytes);
    CHECK(a.offset == Approx(d.summary.find("The cache")));
    const AnchorRange r = resolve_anchor(d, a);
    CHECK(r.status == AnchorStatus::Exact);
    CHECK(passage(d, a) == a.exact);
}

TEST_CASE("review: anchors survive insertions before, inside and after the passage", "[review]") {
    Document d = with_summary(kEn);
    const Anchor a = on(d, "The cache was flushed on every node");

    SECTION("before: the passage moved") {
        d.summary = "Customers in Europe were hit first. " + d.summary;
        CHECK(resolve_anchor(d, a).status == AnchorStatus::Moved);
        CHECK(passage(d, a) == "The cache was flushed on every node");
    }
    SECTION("after: the passage stays") {
        d.summary += " A follow-up review is planned.";
        CHECK(resolve_anchor(d, a).status == AnchorStatus::Exact);
        CHECK(passage(d, a) == "The cache was flushed on every node");
    }
    SECTION("inside: a word added to the passage") {
        const size_t p = d.summary.find("flushed");
        d.summary.insert(p, "accidentally ");
        CHECK(resolve_anchor(d, a).status == AnchorStatus::Fuzzy);
        CHECK(passage(d, a) == "The cache was accidentally flushed on every node");
    }
    SECTION("inside: a typo fixed and a word changed") {
        const size_t p = d.summary.find("every node");
        d.summary.replace(p, 10, "all 24 nodes");
        CHECK(resolve_anchor(d, a).status == AnchorStatus::Fuzzy);
        CHECK(passage(d, a) == "The cache was flushed on all 24 nodes");
    }
    SECTION("deleted: the passage is gone, so the comment is on deleted text") {
        const size_t p = d.summary.find("The cache was flushed on every node, ");
        d.summary.erase(p, std::string("The cache was flushed on every node, and ").size());
        CHECK(resolve_anchor(d, a).status == AnchorStatus::Orphaned);
    }
    SECTION("the whole field emptied") {
        d.summary.clear();
        CHECK(resolve_anchor(d, a).status == AnchorStatus::Orphaned);
    }
}

TEST_CASE("review: the same quote twice in a field: the context decides, then the offset", "[review]") {
    Document d = with_summary("The primary database failed over at 14:05. Replica lag grew to 40 s. "
                              "The primary database failed over again at 14:31 when the health check flapped.");
    const Anchor second = on(d, "The primary database failed over", 1);
    const Anchor first = on(d, "The primary database failed over", 0);
    d.summary = "Note: " + d.summary;  // both move by the same amount
    AnchorRange r = resolve_anchor(d, second);
    CHECK(r.status == AnchorStatus::Moved);
    CHECK(d.summary.compare(r.end, 7, " again ") == 0);
    r = resolve_anchor(d, first);
    CHECK(d.summary.compare(r.end, 4, " at ") == 0);
    // The first occurrence removed: the second one's context still finds it; the first is found where it was
    // quoted only if its context matches best, which it no longer does, but a quote still present is kept.
    const size_t p = d.summary.find("The primary database failed over at 14:05. ");
    d.summary.erase(p, std::string("The primary database failed over at 14:05. ").size());
    r = resolve_anchor(d, second);
    CHECK(d.summary.compare(r.end, 7, " again ") == 0);
}

TEST_CASE("review: anchors in Japanese, Cyrillic, Greek and emoji text stay on code point boundaries", "[review]") {
    const std::string ja = "決済 API の成功率が平常時の 99.6% から最低 38% まで低下した。cert-manager が証明書を更新した。";
    const std::string ru = "Очередь курьеров выросла до 1 200 заказов 🚚, диспетчеризация остановилась на 18 минут.";
    const std::string el = "Η βάση δεδομένων έπεσε στις 14:05 και η ανάκαμψη κράτησε 20 λεπτά 😬.";
    for (const std::string& text : {ja, ru, el}) {
        Document d = with_summary(text);
        // A selection whose ends fall inside multi-byte characters is moved back onto boundaries.
        const size_t b = text.size() / 3 + 1, e = 2 * text.size() / 3 + 1;
        const Anchor a = make_anchor(d, "summary", b, e);
        REQUIRE_FALSE(a.exact.empty());
        for (const std::string* s : {&a.exact, &a.prefix, &a.suffix}) {
            INFO(*s);
            CHECK(load_document(save_document(d)).ok);
            CHECK((s->empty() || (static_cast<unsigned char>((*s)[0]) & 0xC0) != 0x80));
        }
        CHECK(passage(d, a) == a.exact);
        d.summary = "✅ 追記 / добавлено / προστέθηκε. " + d.summary;
        CHECK(resolve_anchor(d, a).status == AnchorStatus::Moved);
        CHECK(passage(d, a) == a.exact);
        // An edit inside the passage: one character of the middle replaced with an emoji.
        const AnchorRange r = resolve_anchor(d, a);
        const size_t mid = d.summary.find(' ', r.begin + (r.end - r.begin) / 2);
        if (mid != std::string::npos && mid < r.end) {
            d.summary.replace(mid, 1, " 🔥 ");
            const AnchorRange f = resolve_anchor(d, a);
            CHECK(f.status == AnchorStatus::Fuzzy);
            CHECK(f.begin == r.begin);
            CHECK(f.end == r.end + std::string(" 🔥 ").size() - 1);
        }
    }
}

TEST_CASE("review: anchors to a section, an item and a missing item", "[review]") {
    Document d = with_summary(kEn);
    Event e;
    e.id = "ev-deploy";
    e.description = "Развёртывание v2.3 началось";
    d.timeline.push_back(e);
    CHECK(resolve_anchor(d, anchor_to("timeline")).status == AnchorStatus::Whole);
    CHECK(resolve_anchor(d, anchor_to("timeline/ev-deploy")).status == AnchorStatus::Whole);
    CHECK(resolve_anchor(d, anchor_to("timeline/ev-deploy/description")).status == AnchorStatus::Whole);
    const Anchor quote = make_anchor(d, "timeline/ev-deploy/description", 0, std::string("Развёртывание").size());
    CHECK(passage(d, quote) == "Развёртывание");
    d.timeline.clear();
    CHECK(resolve_anchor(d, anchor_to("timeline/ev-deploy")).status == AnchorStatus::Orphaned);
    CHECK(resolve_anchor(d, quote).status == AnchorStatus::Orphaned);
    CHECK(resolve_anchor(d, anchor_to("no_such_section")).status == AnchorStatus::Orphaned);
}

TEST_CASE("review: accepting a suggestion replaces the passage, found again after edits", "[review]") {
    seed_ids(7);
    Document d = with_summary(kEn);
    const std::string id = add_suggestion(d, on(d, "eleven minutes"), "Алексей", "11 minutes", at(1770000000));
    d.summary = "Summary (draft 2). " + d.summary;
    ReviewOutcome o = accept_suggestion(d, id, "Ayşe", at(1770000100));
    REQUIRE(o.ok);
    CHECK(d.summary.find("timed out for 11 minutes until") != std::string::npos);
    CHECK(find_suggestion(d, id)->state == "accepted");
    CHECK(find_suggestion(d, id)->by == "Ayşe");
    o = accept_suggestion(d, id, "Ayşe", at(1770000200));
    CHECK_FALSE(o.ok);
    CHECK(o.message.find("already accepted") != std::string::npos);

    const std::string gone = add_suggestion(d, on(d, "until the rollback finished"), "Мария", "until rollback",
                                            at(1770000300));
    d.summary = "Rewritten completely.";
    const std::string before = d.summary;
    o = accept_suggestion(d, gone, "Ayşe", at(1770000400));
    CHECK_FALSE(o.ok);
    CHECK(o.message.find("no longer in the text") != std::string::npos);
    CHECK(d.summary == before);
    CHECK(find_suggestion(d, gone)->state == "open");
    CHECK(reject_suggestion(d, gone, "Ayşe", at(1770000500)).ok);
    CHECK(find_suggestion(d, gone)->state == "rejected");
    CHECK(load_document(save_document(d)).ok);
}

TEST_CASE("review: accept all, reject all, and overlapping suggestions side by side", "[review]") {
    seed_ids(8);
    Document d = with_summary(kEn);
    const std::string a = add_suggestion(d, on(d, "eleven minutes"), "Мария", "11 minutes", at(1770000000));
    const std::string b = add_suggestion(d, on(d, "for eleven minutes until"), "Γιώργος", "for 11 min until",
                                         at(1770000010));
    const std::string c = add_suggestion(d, on(d, "At 14:02"), "佐藤", "At 14:02 UTC", at(1770000020));
    const auto groups = suggestion_conflicts(d);
    REQUIRE(groups.size() == 1);
    CHECK(groups[0] == std::vector<std::string>{a, b});

    Document all = d;
    const ReviewOutcome o = accept_all_suggestions(all, "Ayşe", at(1770000100));
    CHECK(o.count == 2);  // the second of the overlapping pair no longer finds its passage
    CHECK(all.summary.find("At 14:02 UTC the deploy") == 0);
    CHECK(all.summary.find("for 11 minutes until") != std::string::npos);
    CHECK(find_suggestion(all, b)->state == "open");
    CHECK(o.message.find("Left open") != std::string::npos);
    CHECK(suggestion_conflicts(all).empty());

    const ReviewOutcome r = reject_all_suggestions(d, "Ayşe", at(1770000100));
    CHECK(r.count == 3);
    CHECK(d.summary == kEn);
    (void)c;
}

TEST_CASE("review: the review state derives approved and changes requested from the decisions", "[review]") {
    Document d = with_summary(kEn);
    CHECK(review_state(d) == "draft");
    d.status = "in_review";
    d.reviewers = {"Мария", "佐藤"};
    CHECK(review_state(d) == "in_review");
    record_decision(d, "Мария", "approved", at(1770000000));
    CHECK(review_state(d) == "in_review");
    record_decision(d, "佐藤", "changes_requested", at(1770000100), "Add the timeline of the rollback.");
    CHECK(review_state(d) == "changes_requested");
    CHECK(has_open_change_request(d));
    record_decision(d, "佐藤", "approved", at(1770000200));
    CHECK(review_state(d) == "approved");
    record_decision(d, "佐藤", "changes_requested", at(1770000150));  // older: the later decision stands
    CHECK(review_state(d) == "approved");
    CHECK(d.approvals.size() == 4);  // the history is kept, in time order
    CHECK(d.approvals.back().decision == "approved");
    d.status = "final";
    CHECK(review_state(d) == "final");
}

TEST_CASE("review: the content hash ignores review data and follows the content", "[review]") {
    seed_ids(9);
    Document d = with_summary(kEn);
    const std::string h = content_hash(d);
    CHECK(h.size() == 12);
    add_comment(d, on(d, "eleven minutes"), "Мария", "Было 11 минут?", at(1770000000));
    record_decision(d, "Мария", "approved", at(1770000001));
    d.status = "in_review";
    CHECK(content_hash(d) == h);
    CHECK(note_shared(d, at(1770000002)) == h);
    d.summary += " Edited.";
    CHECK(content_hash(d) != h);
    CHECK(knows_version(d, h));  // shared before the edit
    CHECK_FALSE(knows_version(d, "AAAAAAAAAAAA"));
    for (int i = 0; i < 40; ++i) {
        d.summary += "x";
        note_shared(d, at(1770001000 + i));
    }
    CHECK(d.review.shared.size() == kMaxSharedVersions);
    CHECK_FALSE(knows_version(d, h));  // the oldest fell off the capped list
}

TEST_CASE("review: lint's final-no-approval follows each reviewer's latest decision", "[review][lint]") {
    Document d = with_summary(kEn);
    d.status = "final";
    auto flagged = [&] {
        for (const Finding& f : lint(d))
            if (f.rule == "final-no-approval") return f.message;
        return std::string();
    };
    CHECK(flagged().find("nobody has approved") != std::string::npos);
    record_decision(d, "Мария", "approved", at(1770000000));
    CHECK(flagged().empty());
    record_decision(d, "佐藤", "changes_requested", at(1770000100));
    CHECK(flagged().find("still asks for changes") != std::string::npos);
    record_decision(d, "佐藤", "approved", at(1770000200));
    CHECK(flagged().empty());
    record_decision(d, "Мария", "changes_requested", at(1770000300));  // withdrawn: the later decision counts
    CHECK(flagged().find("still asks for changes") != std::string::npos);
}
