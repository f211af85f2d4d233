// Review in the editor, natively and headless: a comment added from a section's comment button (with the passage it
// is about) shows in the Review section, in the field's margin and in the top bar; a suggestion made in the same
// dialog is accepted with one click, which changes the text, and one undo puts both the text and the suggestion back.
#include <catch2/catch.hpp>

#include <string>

#include "app.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/review.h"
#include "core/store.h"
#include "headless.h"
#include "imgui.h"
#include "locate_util.h"

namespace {

const char* kSummary =
    "Истёк сертификат: 証明書の期限切れで checkout failed for 40 minutes (Ω-cluster, \xf0\x9f\x94\xa5 eu-west).";

// A postmortem with a summary, as the reviews here start from.
hs::Document postmortem(const std::string& id, const std::string& title, const std::string& summary) {
    hs::Document d;
    d.id = id;
    d.title = title;
    d.sections = {"summary", "root_causes"};
    d.summary = summary;
    return d;
}

// `s` with its first `from` replaced by `to`.
std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

// Fields edited as in the page: through the text box laid over them (App::overlay_input / overlay_done).
class OverlayPlatform : public hs::native::HeadlessPlatform {
public:
    bool has_text_overlay() const override { return true; }
    void overlay_show(const Overlay&) override {}
    void overlay_hide() override {}
};

template <class P>
struct FixtureOn {
    hs::native::HeadlessRunner r{1200, 1400};
    P platform;
    hs::ui::App app{platform};
    FixtureOn() {
        platform.fixed_now_ms = 1767225600000;  // 2026-01-01T00:00:00Z
        app.open_document(postmortem("pm-review-ui", "Сбой оплаты / 決済障害", kSummary));
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
    // Types into the page's text box over `path` (a click starts editing it): its whole new text, then leaves it.
    void edit_in_page(const std::string& path, const std::string& text) {
        click("field." + path);
        app.overlay_input(path, text);
        frames(1);
        app.overlay_done(path, 0);
        frames(2);
    }
    // With the comment dialog just asked for (its button or the shortcut): it opens, takes `text`, and adds it.
    void add_comment(const std::string& text) {
        frames(2);
        REQUIRE(uitest::shown(r, "review.add"));
        type_into("review.text", text);
        click("review.add");
        frames(2);
    }
};
using Fixture = FixtureOn<hs::native::HeadlessPlatform>;

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
    f.add_comment("Когда именно? 🔥");
    REQUIRE(f.doc().comments.size() == 1);
    CHECK(f.doc().comments[0].anchor.exact == "証明書の期限切れ");
    CHECK(hs::resolve_anchor(f.doc(), f.doc().comments[0].anchor).status == hs::AnchorStatus::Exact);

    // The shortcut: a comment on the field edited last, about the words selected there.
    f.click("field.summary");
    f.app.overlay_selection("summary", "Ω-cluster");
    f.app.comment_shortcut();
    f.add_comment("Which region?");
    REQUIRE(f.doc().comments.size() == 2);
    CHECK(f.doc().comments[1].anchor.exact == "Ω-cluster");

    // A selection followed by an edit is stale: the dialog starts empty (the whole field).
    f.app.overlay_selection("summary", "checkout failed");
    const std::string before = f.doc().summary;
    f.type_into("field.summary", " Rolled back.");
    REQUIRE(f.doc().summary != before);
    f.click("review.comment_on.summary");
    f.add_comment("Ok");
    REQUIRE(f.doc().comments.size() == 3);
    CHECK(f.doc().comments[2].anchor.exact.empty());
}

TEST_CASE("in Suggest mode, an edit of a field ends as one suggestion of the words changed, and the text stays") {
    FixtureOn<OverlayPlatform> f;
    CHECK_FALSE(uitest::shown(f.r, "editor.suggesting"));
    f.click("topbar.suggest");
    f.frames(2);
    REQUIRE(uitest::shown(f.r, "editor.suggesting"));  // the banner over the document
    CHECK(uitest::shown(f.r, "topbar.suggesting"));
    f.edit_in_page("ui:review.suggest_name", "Γιώργος");  // the name, asked in the banner
    // A number changed and a unit rewritten, typed as in the page: the document keeps its text meanwhile.
    const std::string typed = replaced(kSummary, "40 minutes", "42 минуты");
    f.click("field.summary");
    f.app.overlay_input("summary", typed);
    f.frames(1);
    CHECK(f.doc().summary == kSummary);
    CHECK(f.doc().suggestions.empty());
    f.app.overlay_done("summary", 0);
    f.frames(2);
    CHECK(f.doc().summary == kSummary);
    REQUIRE(f.doc().suggestions.size() == 1);
    const hs::Suggestion s = f.doc().suggestions[0];
    CHECK(s.anchor.path == "summary");
    CHECK(s.anchor.exact == "40 minutes");
    CHECK(s.replacement == "42 минуты");
    CHECK(s.author == "Γιώργος");
    CHECK(uitest::shown(f.r, "review.suggestion." + s.id));
    // Japanese words deleted: a suggestion to replace them with nothing.
    const std::string deleted = replaced(kSummary, "証明書の", "");
    f.edit_in_page("summary", deleted);
    REQUIRE(f.doc().suggestions.size() == 2);
    CHECK(f.doc().suggestions[1].anchor.exact == "証明書の");
    CHECK(f.doc().suggestions[1].replacement.empty());
    CHECK(f.doc().summary == kSummary);

    // Accepted, the text changes; Ctrl+Z puts it back with the suggestion open again.
    f.click("review.accept." + s.id);
    f.frames(2);
    CHECK(f.doc().summary == typed);
    f.r.modifiers(true, false);
    f.r.key(ImGuiKey_Z, true);
    f.frames(1);
    f.r.key(ImGuiKey_Z, false);
    f.r.modifiers(false, false);
    f.frames(2);
    CHECK(f.doc().summary == kSummary);
    CHECK(f.doc().suggestions[0].state == "open");

    // Suggesting off: an edit changes the text again.
    f.click("topbar.suggesting");
    f.frames(2);
    CHECK_FALSE(uitest::shown(f.r, "editor.suggesting"));
    f.edit_in_page("summary", typed);
    CHECK(f.doc().summary == typed);
    CHECK(f.doc().suggestions.size() == 2);
}

TEST_CASE("in Suggest mode, an empty field is not written and the banner says why; the mode is per draft") {
    FixtureOn<OverlayPlatform> f;
    f.click("topbar.suggest");
    f.frames(2);
    f.edit_in_page("ui:review.suggest_name", "Айгерим");
    f.app.open_document(postmortem("pm-other", "Другой / 別件", ""));
    f.frames(3);
    CHECK_FALSE(uitest::shown(f.r, "editor.suggesting"));  // the other draft is edited directly
    f.click("topbar.suggest");
    f.frames(2);
    f.edit_in_page("summary", "新しい要約 \xf0\x9f\x94\xa5");
    CHECK(f.doc().summary.empty());
    CHECK(f.doc().suggestions.empty());
    CHECK(uitest::shown(f.r, "editor.suggest_note"));
}

TEST_CASE("in Suggest mode, typing in ImGui's own field (native) makes a suggestion when the field is left") {
    Fixture f;
    f.click("topbar.suggest");
    f.frames(2);
    f.type_into("review.name.review.suggest_name", "Мария");
    f.type_into("field.summary", "Весь ");
    CHECK(f.doc().summary == kSummary);
    f.click("editor.suggesting");  // elsewhere: the field loses the keyboard
    f.frames(2);
    CHECK(f.doc().summary == kSummary);
    REQUIRE(f.doc().suggestions.size() == 1);
    CHECK(f.doc().suggestions[0].author == "Мария");
    CHECK(f.doc().suggestions[0].replacement.find("Весь ") != std::string::npos);
    f.click("review.accept." + f.doc().suggestions[0].id);
    f.frames(2);
    CHECK(f.doc().summary.size() == std::string(kSummary).size() + std::string("Весь ").size());
}

namespace {

// Drafts kept in memory, as the page keeps them in its storage.
class StoragePlatform : public hs::native::HeadlessPlatform {
public:
    hs::Filesystem* storage() override { return &fs; }
    hs::MemoryFs fs;
};

// The author's postmortem as shared (its version noted), and a reviewer's reply link to it with one comment.
struct SharedAndReply {
    hs::Document shared;
    std::string fragment;
};
SharedAndReply shared_and_reply(hs::native::HeadlessPlatform& platform) {
    const hs::Document d = postmortem("pm-review-pending", "Сбой оплаты / 決済障害", kSummary);
    SharedAndReply out;
    platform.review_job("note_shared", {hs::save_document(d)}, [&](int status, const std::string& text) {
        REQUIRE(status == hs::ui::Platform::kLinkOk);
        hs::LoadResult l = hs::load_document(text);
        REQUIRE(l.ok);
        out.shared = l.doc;
    });
    hs::Document copy = out.shared;
    const size_t pos = copy.summary.find("Ω-cluster");
    hs::add_comment(copy, hs::make_anchor(copy, "summary", pos, pos + std::string("Ω-cluster").size()), "Лейла",
                    "Какой регион? \xf0\x9f\x8c\x8d", hs::Instant{1767229200000, 0, true});
    platform.review_job("reply", {hs::save_document(out.shared), hs::save_document(copy), "Лейла", "", ""},
                        [&](int status, const std::string& text) {
                            REQUIRE(status == hs::ui::Platform::kLinkOk);
                            out.fragment = text;
                        });
    return out;
}

hs::Document unrelated() {
    return postmortem("pm-other", "Диск заполнен / ディスク満杯", "Ωmega shard: log rotation stopped.");
}

}  // namespace

TEST_CASE("a reply opened over another draft names the draft it answers, and Open applies it there") {
    hs::native::HeadlessRunner r{1200, 1400};
    StoragePlatform platform;
    platform.fixed_now_ms = 1767229200000;
    const SharedAndReply sr = shared_and_reply(platform);
    {
        hs::DraftStore store(platform.fs, "/drafts");
        REQUIRE(store.create(sr.shared, platform.fixed_now_ms).ok());
    }
    hs::ui::App app{platform};
    app.storage_loaded(true, "");
    auto frames = [&](int n) {
        for (int i = 0; i < n; ++i) r.frame([&] { app.frame(); });
    };
    app.open_document(unrelated());
    frames(3);
    app.open_link(sr.fragment);
    frames(3);
    REQUIRE(uitest::shown(r, "reply.error"));
    REQUIRE(uitest::shown(r, "reply.open_draft"));
    CHECK(app.document()->id == "pm-other");
    CHECK(app.document()->comments.empty());  // nothing added to the draft that was open
    uitest::click(r, "reply.open_draft", [&] { app.frame(); });
    frames(3);
    REQUIRE(app.document()->id == "pm-review-pending");
    REQUIRE(app.document()->comments.size() == 1);
    CHECK(app.document()->comments[0].author == "Лейла");
    CHECK(uitest::shown(r, "reply.applied"));
}

TEST_CASE("a reply opened before its draft exists is kept, and offered once that draft opens") {
    hs::native::HeadlessRunner r{1200, 1400};
    StoragePlatform platform;
    platform.fixed_now_ms = 1767229200000;
    const SharedAndReply sr = shared_and_reply(platform);
    auto app = std::make_unique<hs::ui::App>(platform);
    app->storage_loaded(true, "");
    auto frames = [&](int n) {
        for (int i = 0; i < n; ++i) r.frame([&] { app->frame(); });
    };
    frames(2);
    REQUIRE_FALSE(app->has_document());
    app->open_link(sr.fragment);
    frames(3);
    REQUIRE(uitest::shown(r, "reply.error"));
    REQUIRE(uitest::shown(r, "reply.keep"));
    uitest::click(r, "reply.keep", [&] { app->frame(); });
    frames(2);
    CHECK_FALSE(uitest::shown(r, "reply.keep"));
    std::string kept;
    REQUIRE(platform.fs.read("/settings/pending-replies.json", kept).ok());
    CHECK(kept.find(sr.fragment) != std::string::npos);
    uitest::click(r, "reply.close", [&] { app->frame(); });
    frames(2);

    // Later, in a new session: another draft opens first (nothing offered), then the one the reply answers.
    app.reset();
    app = std::make_unique<hs::ui::App>(platform);
    app->storage_loaded(true, "");
    app->open_document(unrelated());
    frames(3);
    CHECK_FALSE(uitest::shown(r, "reply.apply_kept"));
    app->open_document(sr.shared);
    frames(3);
    REQUIRE(uitest::shown(r, "reply.apply_kept"));
    CHECK(app->document()->comments.empty());  // offered, not applied without asking
    uitest::click(r, "reply.apply_kept", [&] { app->frame(); });
    frames(3);
    REQUIRE(app->document()->comments.size() == 1);
    CHECK(app->document()->comments[0].text == "Какой регион? \xf0\x9f\x8c\x8d");
    REQUIRE(platform.fs.read("/settings/pending-replies.json", kept).ok());
    CHECK(kept.find(sr.fragment) == std::string::npos);  // applied: no longer kept
}

TEST_CASE("a damaged file of kept replies is set aside with the damaged drafts; what could be read is still offered") {
    hs::native::HeadlessRunner r{1200, 1400};
    StoragePlatform platform;
    platform.fixed_now_ms = 1767229200000;
    const SharedAndReply sr = shared_and_reply(platform);
    // A reply kept the normal way (its draft is not here yet); then the file is damaged around it: one entry cut
    // short (no link), one that is not an entry at all.
    {
        auto app = std::make_unique<hs::ui::App>(platform);
        app->storage_loaded(true, "");
        for (int i = 0; i < 2; ++i) r.frame([&] { app->frame(); });
        app->open_link(sr.fragment);
        for (int i = 0; i < 3; ++i) r.frame([&] { app->frame(); });
        REQUIRE(uitest::shown(r, "reply.keep"));
        uitest::click(r, "reply.keep", [&] { app->frame(); });
        for (int i = 0; i < 2; ++i) r.frame([&] { app->frame(); });
    }
    std::string good;
    REQUIRE(platform.fs.read("/settings/pending-replies.json", good).ok());
    hs::Json entries = hs::Json::parse(good);
    REQUIRE(entries.size() == 1);
    entries.push_back({{"base", "Ωbase"}, {"from", "Ольга"}});  // no link
    entries.push_back("not an entry");
    const std::string damaged = entries.dump() + " ";
    REQUIRE(platform.fs.write("/settings/pending-replies.json", damaged).ok());
    {
        hs::DraftStore store(platform.fs, "/drafts");
        REQUIRE(store.load_all().errors.empty());
        REQUIRE(store.create(sr.shared, platform.fixed_now_ms).ok());
    }

    // A new session: the draft the good reply answers opens.
    auto app = std::make_unique<hs::ui::App>(platform);
    app->storage_loaded(true, "");
    app->open_document(sr.shared);
    for (int i = 0; i < 3; ++i) r.frame([&] { app->frame(); });
    CHECK(uitest::shown(r, "problem.ok"));  // said, with what was kept and where
    const hs::Json q = hs::Json::parse(app->query_json("quarantine"));
    REQUIRE(q.is_array());
    std::string aside;
    for (const hs::Json& e : q)
        if (e.value("original", "") == "settings/pending-replies.json") aside = e.value("name", "");
    REQUIRE_FALSE(aside.empty());
    std::string raw;
    REQUIRE(hs::DraftStore(platform.fs, "/drafts").read_quarantined(aside, raw).ok());
    CHECK(raw == damaged);  // the file as it was, byte for byte
    std::string now;
    REQUIRE(platform.fs.read("/settings/pending-replies.json", now).ok());
    CHECK(hs::Json::parse(now) == hs::Json::array({entries[0]}));  // rewritten with what could be read
    uitest::click(r, "problem.ok", [&] { app->frame(); });
    for (int i = 0; i < 3; ++i) r.frame([&] { app->frame(); });
    REQUIRE(uitest::shown(r, "reply.apply_kept"));  // the good reply is still offered
    uitest::click(r, "reply.apply_kept", [&] { app->frame(); });
    for (int i = 0; i < 3; ++i) r.frame([&] { app->frame(); });
    CHECK(app->document()->comments.size() == 1);

    // The next session says nothing more: the file is whole again.
    app = std::make_unique<hs::ui::App>(platform);
    app->storage_loaded(true, "");
    app->open_document(unrelated());
    for (int i = 0; i < 3; ++i) r.frame([&] { app->frame(); });
    CHECK_FALSE(uitest::shown(r, "problem.ok"));
}
