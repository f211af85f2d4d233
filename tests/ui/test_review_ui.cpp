// Review in the editor, natively and headless: a comment added from a section's comment button (with the passage it
// is about) shows in the Review section, in the field's margin and in the top bar; a suggestion made in the same
// dialog is accepted with one click, which changes the text, and one undo puts both the text and the suggestion back.
#include <catch2/catch.hpp>

#include <string>

#include "app.h"
#include "core/format.h"
#include "core/review.h"
#include "headless.h"
#include "imgui.h"
#include "locate_util.h"

namespace {

const char* kSummary =
    "Истёк сертификат: 証明書の期限切れで checkout failed for 40 minutes (Ω-cluster, \xf0\x9f\x94\xa5 eu-west).";

struct Fixture {
    hs::native::HeadlessRunner r{1200, 1400};
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    Fixture() {
        platform.fixed_now_ms = 1767225600000;  // 2026-01-01T00:00:00Z
        hs::Document d;
        d.id = "pm-review-ui";
        d.title = "Сбой оплаты / 決済障害";
        d.sections = {"summary", "root_causes"};
        d.summary = kSummary;
        app.open_document(d);
        frames(4);
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) r.frame([&] { app.frame(); });
    }
    void click(const std::string& name) {
        uitest::click(r, name, [&] { app.frame(); });
        frames(1);  // what the click did, drawn
    }
    void type_into(const std::string& name, const std::string& text) {
        click(name);
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frames(2);
    }
    const hs::Document& doc() { return *app.document(); }
};

}  // namespace

TEST_CASE("a comment on a passage, from the section's button, shows in the Review section, the margin and the top bar") {
    Fixture f;
    CHECK_FALSE(uitest::shown(f.r, "topbar.comments"));
    f.click("review.comment_on.summary");
    f.frames(2);
    REQUIRE(uitest::shown(f.r, "review.add"));
    // Without a name, the dialog refuses and says why.
    f.type_into("review.text", "Какой сертификат? Which one expired first?");
    f.click("review.add");
    REQUIRE(uitest::shown(f.r, "review.compose_error"));
    CHECK(f.doc().comments.empty());
    f.type_into("review.name.review.compose_name", "Мария Ωμέγα");
    // A passage that is not in the field is refused too.
    f.type_into("review.passage", "not in the summary");
    f.click("review.add");
    CHECK(f.doc().comments.empty());
    f.click("review.passage");
    f.frames(1);  // Ctrl+A, then the passage typed over what was there
    f.r.modifiers(true, false);
    f.r.key(ImGuiKey_A, true);
    f.frames(1);
    f.r.key(ImGuiKey_A, false);
    f.r.modifiers(false, false);
    ImGui::GetIO().AddInputCharactersUTF8("証明書の期限切れ");
    f.frames(2);
    f.click("review.add");
    f.frames(2);
    REQUIRE(f.doc().comments.size() == 1);
    const hs::Comment& c = f.doc().comments[0];
    CHECK(c.author == "Мария Ωμέγα");
    CHECK(c.anchor.path == "summary");
    CHECK(c.anchor.exact == "証明書の期限切れ");
    CHECK(c.text == "Какой сертификат? Which one expired first?");
    CHECK(hs::resolve_anchor(f.doc(), c.anchor).status == hs::AnchorStatus::Exact);
    CHECK_FALSE(uitest::shown(f.r, "review.add"));  // the dialog closed
    CHECK(uitest::shown(f.r, "topbar.comments"));
    CHECK(uitest::shown(f.r, "review.marker.summary"));
    CHECK(uitest::shown(f.r, "review.comment." + c.id));
    // Resolve: the top bar's count goes.
    f.click("review.resolve." + c.id);
    f.frames(2);
    CHECK(hs::comment_resolved(f.doc().comments[0]));
    CHECK_FALSE(uitest::shown(f.r, "topbar.comments"));
    CHECK(uitest::shown(f.r, "review.reopen." + c.id));
}

TEST_CASE("accepting a suggestion changes the text in one undo step, and undo brings the suggestion back") {
    Fixture f;
    f.click("review.comment_on.summary");
    f.frames(2);
    f.type_into("review.name.review.compose_name", "Γιώργος");
    f.click("review.mode.suggest");
    f.frames(1);
    f.type_into("review.passage", "40 minutes");
    f.type_into("review.replacement", "42 минуты (42 minutes) \xe2\x8f\xb1");
    f.click("review.add");
    f.frames(2);
    REQUIRE(f.doc().suggestions.size() == 1);
    const std::string id = f.doc().suggestions[0].id;
    CHECK(f.doc().suggestions[0].state == "open");
    CHECK(f.doc().summary == kSummary);  // a suggestion leaves the text alone
    REQUIRE(uitest::shown(f.r, "review.suggestion." + id));
    f.click("review.accept." + id);
    f.frames(2);
    const std::string accepted =
        "Истёк сертификат: 証明書の期限切れで checkout failed for 42 минуты (42 minutes) \xe2\x8f\xb1 (Ω-cluster, "
        "\xf0\x9f\x94\xa5 eu-west).";
    CHECK(f.doc().summary == accepted);
    CHECK(f.doc().suggestions[0].state == "accepted");
    CHECK(f.doc().suggestions[0].by == "Γιώργος");
    f.click("topbar.undo");
    f.frames(2);
    CHECK(f.doc().summary == kSummary);
    REQUIRE(f.doc().suggestions.size() == 1);
    CHECK(f.doc().suggestions[0].state == "open");  // one step: the text and the decision together
    f.click("topbar.undo");  // the step before: the suggestion itself
    f.frames(2);
    CHECK(f.doc().suggestions.empty());
}

TEST_CASE("the workflow: ask for review, then a decision recorded with the reviewer's name shows as the status") {
    Fixture f;
    f.frames(2);
    CHECK(uitest::shown(f.r, "review.state.draft"));
    f.click("review.ask");
    f.frames(2);
    CHECK(f.doc().status == "in_review");
    CHECK(uitest::shown(f.r, "review.state.in_review"));
    f.type_into("review.name.review.name", "Айгерим");
    f.click("review.decide.changes_requested");
    f.frames(2);
    CHECK(hs::review_state(f.doc()) == "changes_requested");
    CHECK(uitest::shown(f.r, "review.state.changes_requested"));
    CHECK(uitest::shown(f.r, "review.decision.Айгерим"));
    f.click("review.decide.approved");
    f.frames(2);
    CHECK(hs::review_state(f.doc()) == "approved");
    REQUIRE(f.doc().approvals.size() == 2);  // the history of decisions stays
}

TEST_CASE("a reply link opened over the draft adds the reviewer's comment and decision once, as one undo step") {
    Fixture f;
    const hs::Instant at{1767229200000, 0, true};
    std::string shared, link;
    f.platform.review_job("note_shared", {hs::save_document(f.doc())}, [&](int status, const std::string& text) {
        REQUIRE(status == hs::ui::Platform::kLinkOk);
        shared = text;
    });
    hs::LoadResult received = hs::load_document(shared);
    REQUIRE(received.ok);
    REQUIRE(received.doc.review.shared.size() == 1);
    // The reviewer's copy: a comment on a passage and an approval.
    hs::Document copy = received.doc;
    const std::string passage = "証明書の期限切れ";
    const size_t pos = copy.summary.find(passage);
    hs::add_comment(copy, hs::make_anchor(copy, "summary", pos, pos + passage.size()), "Лейла",
                    "Это точно 40 минут? \xf0\x9f\xa4\x94", at);
    hs::record_decision(copy, "Лейла", "approved", at);
    f.platform.review_job("reply", {shared, hs::save_document(copy), "Лейла", "", "https://hindsight.invalid/"},
                          [&](int status, const std::string& text) {
                              REQUIRE(status == hs::ui::Platform::kLinkOk);
                              link = text;
                          });
    REQUIRE(link.rfind("https://hindsight.invalid/#r1.", 0) == 0);
    const std::string fragment = link.substr(link.find('#') + 1);
    f.app.open_link(fragment);
    f.frames(3);
    CHECK(uitest::shown(f.r, "reply.applied"));
    REQUIRE(f.doc().comments.size() == 1);
    CHECK(f.doc().comments[0].author == "Лейла");
    CHECK(f.doc().comments[0].anchor.exact == passage);
    REQUIRE(f.doc().approvals.size() == 1);
    CHECK(hs::review_state(f.doc()) == "draft");  // a decision alone does not ask for review
    f.app.open_link(fragment);  // the same reply again: nothing more
    f.frames(3);
    CHECK(f.doc().comments.size() == 1);
    CHECK(f.doc().approvals.size() == 1);
    f.app.undo();  // one step takes the whole reply back
    f.frames(2);
    CHECK(f.doc().comments.empty());
    CHECK(f.doc().approvals.empty());
    // A reply on a version this draft never had says what it needs, and changes nothing.
    hs::Document other = copy;
    other.summary = "Совсем другой текст / 全く別の文章";
    f.platform.review_job("reply", {hs::save_document(other), hs::save_document(copy), "Лейла", "", ""},
                          [&](int, const std::string& text) { link = text; });
    f.app.open_link(link);
    f.frames(3);
    CHECK(uitest::shown(f.r, "reply.error"));
    CHECK(f.doc().comments.empty());
}

TEST_CASE("words selected in a field become the comment's passage, from the button or Ctrl+Alt+M; not after an edit") {
    Fixture f;
    f.type_into("review.name.review.name", "Γιώργος");  // the name, set once in the Review section
    // Selected in the summary's text box as its editing ends (the page's text box reports it), then the button.
    f.app.overlay_selection("summary", "証明書の期限切れ");
    f.click("review.comment_on.summary");
    f.frames(2);
    REQUIRE(uitest::shown(f.r, "review.add"));
    f.type_into("review.text", "Когда именно? 🔥");
    f.click("review.add");
    f.frames(2);
    REQUIRE(f.doc().comments.size() == 1);
    CHECK(f.doc().comments[0].anchor.exact == "証明書の期限切れ");
    CHECK(hs::resolve_anchor(f.doc(), f.doc().comments[0].anchor).status == hs::AnchorStatus::Exact);

    // The shortcut: a comment on the field edited last, about the words selected there.
    f.click("field.summary");
    f.app.overlay_selection("summary", "Ω-cluster");
    f.app.comment_shortcut();
    f.frames(2);
    REQUIRE(uitest::shown(f.r, "review.add"));
    f.type_into("review.text", "Which region?");
    f.click("review.add");
    f.frames(2);
    REQUIRE(f.doc().comments.size() == 2);
    CHECK(f.doc().comments[1].anchor.exact == "Ω-cluster");

    // A selection followed by an edit is stale: the dialog starts empty (the whole field).
    f.app.overlay_selection("summary", "checkout failed");
    const std::string before = f.doc().summary;
    f.type_into("field.summary", " Rolled back.");
    REQUIRE(f.doc().summary != before);
    f.click("review.comment_on.summary");
    f.frames(2);
    REQUIRE(uitest::shown(f.r, "review.add"));
    f.type_into("review.text", "Ok");
    f.click("review.add");
    f.frames(2);
    REQUIRE(f.doc().comments.size() == 3);
    CHECK(f.doc().comments[2].anchor.exact.empty());
}
