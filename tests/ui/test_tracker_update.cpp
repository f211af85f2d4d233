// Updating the action items from a tracker's CSV export, natively and headless: the file opened as any file is
// recognised, its changes wait in a dialog with a tick each, Apply makes the ticked ones as one undo step, Escape
// changes nothing, a file naming none of the items says so, and a timeline CSV still imports as a timeline.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "app.h"
#include "core/format.h"
#include "headless.h"
#include "imgui.h"
#include "locate_util.h"

using uitest::Rect;
using uitest::where;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(HS_SOURCE_DIR) + "/tests/data/tracker/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const hs::ActionItem& item(const hs::ui::App& app, const std::string& id) {
    for (const hs::ActionItem& a : app.document()->action_items)
        if (a.id == id) return a;
    FAIL("no action item " << id);
    throw 0;
}

// The postmortem of tests/data/tracker open, and its Jira export opened as a file: the dialog drawn.
struct Dialog {
    hs::native::HeadlessRunner r;
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    explicit Dialog(float w = 1280, float h = 800, const char* file = "jira-export.csv") : r(w, h) {
        REQUIRE(app.open_json(fixture("postmortem.json"), "postmortem.json"));
        frames(2);
        REQUIRE(app.open_file(file, fixture(file)));
        frames(3);
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) r.frame([&] { app.frame(); });
    }
    void click(const std::string& name) { uitest::click(r, name, [&] { app.frame(); }); }
    void press(int key) {
        r.key(key, true);
        frames(1);
        r.key(key, false);
        frames(2);
    }
    bool shown(const std::string& name) const { return uitest::shown(r, name); }
};

}  // namespace

TEST_CASE("a tracker's CSV export lists its changes; Apply makes the ticked ones as one undo step") {
    Dialog f;
    hs::ui::App& app = f.app;
    CHECK(item(app, "ai-3f9a1c02").status == "open");  // nothing changes before the confirmation
    where(f.r, "tracker.change.ai-3f9a1c02/status");
    where(f.r, "tracker.change.ai-3f9a1c02/ticket_url");
    where(f.r, "tracker.change.ai-7b20e4d1/status");
    where(f.r, "tracker.change.ai-0c55d9e8/ticket_url");
    CHECK_FALSE(f.shown("tracker.change.ai-3f9a1c02/due"));  // 12/Dec/26 is the date it already has
    f.click("tracker.change.ai-7b20e4d1/due");  // keep the Russian item's due date
    f.click("tracker.apply");
    f.frames(2);
    CHECK_FALSE(f.shown("tracker.apply"));
    CHECK(item(app, "ai-3f9a1c02").status == "done");
    // The Jira site comes from the ticket link another item already has.
    CHECK(item(app, "ai-3f9a1c02").ticket_url == "https://acme.atlassian.net/browse/OPS-4111");
    CHECK(item(app, "ai-7b20e4d1").status == "wont_do");  // Resolved as Won't Do
    CHECK(item(app, "ai-7b20e4d1").due == "2026-12-20");  // unticked: as it was
    CHECK(item(app, "ai-0c55d9e8").status == "in_progress");
    CHECK(item(app, "ai-9d41aa73").status == "open");  // no row names it
    app.undo();
    f.frames(2);
    CHECK(item(app, "ai-3f9a1c02").status == "open");
    CHECK(item(app, "ai-3f9a1c02").ticket_url.empty());
    CHECK(item(app, "ai-0c55d9e8").status == "open");
    app.redo();
    f.frames(2);
    CHECK(item(app, "ai-0c55d9e8").status == "in_progress");
    CHECK(item(app, "ai-7b20e4d1").status == "wont_do");
}

TEST_CASE("the tracker dialog: Enter applies, Escape changes nothing") {
    SECTION("Escape") {
        Dialog f;
        const std::string before = f.app.document_json();
        f.press(ImGuiKey_Escape);
        CHECK_FALSE(f.shown("tracker.apply"));
        CHECK(f.app.document_json() == before);
    }
    SECTION("Enter, on a phone") {
        Dialog f(390, 844, "gitlab-export.csv");
        const Rect apply = where(f.r, "tracker.apply");
        CHECK(apply.x >= 0);
        CHECK(apply.x + apply.w <= 390);
        CHECK(where(f.r, "tracker.change.ai-3f9a1c02/status").x >= 0);
        f.press(ImGuiKey_Enter);
        CHECK_FALSE(f.shown("tracker.apply"));
        CHECK(item(f.app, "ai-3f9a1c02").status == "done");
        CHECK(item(f.app, "ai-3f9a1c02").ticket_url == "https://gitlab.example.com/payments/api/-/issues/57");
        CHECK(item(f.app, "ai-7b20e4d1").status == "in_progress");  // GitLab's Open does not undo In progress
    }
}

TEST_CASE("a tracker export naming none of the open postmortem's items changes nothing and says so") {
    hs::native::HeadlessRunner r(1280, 800);
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    auto frames = [&] {
        for (int i = 0; i < 3; ++i) r.frame([&] { app.frame(); });
    };
    CHECK_FALSE(app.open_file("jira-export.csv", fixture("jira-export.csv")));  // nothing open to update
    CHECK_FALSE(app.has_document());
    REQUIRE(app.open_json(uitest::action_items_doc(3), "other"));
    const std::string before = app.document_json();
    // Taken up for matching (which answers later on the web, from the worker); the answer says no row matched.
    app.open_file("jira-export.csv", fixture("jira-export.csv"));
    frames();
    where(r, "problem.ok");
    CHECK_FALSE(uitest::shown(r, "tracker.apply"));
    CHECK(app.document_json() == before);
}

TEST_CASE("a timeline CSV still imports as a timeline, though an event names a hindsight- label") {
    hs::native::HeadlessRunner r(1280, 800);
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    const std::string csv =
        "time,type,description,author,tags\n"
        "2026-12-01T09:12:00Z,detected,\"Алерт: p99 > 2s; see hindsight-ai-3f9a1c02 (title of the fix)\",Payments "
        "SRE,db\n"
        "2026-12-01T09:40:00Z,mitigated,接続プールを拡大 🚀,Payments SRE,db\n";
    REQUIRE(app.open_file("timeline.csv", csv));
    REQUIRE(app.document()->timeline.size() == 2);
    CHECK(app.document()->timeline[1].description == "接続プールを拡大 🚀");
}

TEST_CASE("the tracker dialog's Jira site, once typed, gives the Jira issues their ticket links") {
    hs::native::HeadlessRunner r(1280, 800);
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    auto frames = [&](int n) {
        for (int i = 0; i < n; ++i) r.frame([&] { app.frame(); });
    };
    hs::LoadResult l = hs::load_document(fixture("postmortem.json"));
    REQUIRE(l.ok);
    for (hs::ActionItem& a : l.doc.action_items) a.ticket_url.clear();  // no item tells where the Jira site is
    REQUIRE(app.open_json(hs::save_document(l.doc), "postmortem.json"));
    frames(2);
    REQUIRE(app.open_file("jira-export.csv", fixture("jira-export.csv")));
    frames(3);
    where(r, "tracker.change.ai-3f9a1c02/status");
    CHECK_FALSE(uitest::shown(r, "tracker.change.ai-3f9a1c02/ticket_url"));  // a key alone is no link
    uitest::click(r, "tracker.jira_site", [&] { app.frame(); });
    ImGui::GetIO().AddInputCharactersUTF8("https://acme.atlassian.net/");
    frames(2);
    CHECK_FALSE(uitest::shown(r, "tracker.change.ai-3f9a1c02/ticket_url"));  // not read at each key
    r.key(ImGuiKey_Enter, true);  // ends editing: the file is read again with the site
    frames(1);
    r.key(ImGuiKey_Enter, false);
    frames(3);
    where(r, "tracker.change.ai-3f9a1c02/ticket_url");
    CHECK(item(app, "ai-3f9a1c02").ticket_url.empty());  // that Enter ended the field; it applied nothing
    uitest::click(r, "tracker.apply", [&] { app.frame(); });
    CHECK(item(app, "ai-3f9a1c02").ticket_url == "https://acme.atlassian.net/browse/OPS-4111");
    CHECK(item(app, "ai-0c55d9e8").ticket_url == "https://acme.atlassian.net/browse/OPS-4113");
}
