// The library panel, headless: the drafts go to the platform's library jobs (the index), a query typed in the
// panel lists the matching postmortems with their snippets, a filter narrows them to the values the drafts use, and a
// click on a snippet opens that draft with the matching field being edited (the text overlay over it, on screen).
// The similar incidents of a new draft written like an earlier one name it, with why it matched.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "app.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/store.h"
#include "headless.h"
#include "imgui.h"
#include "locate_util.h"
#include "platform/library_job.h"
#include "ui/a11y.h"

namespace {

constexpr int64_t kNow = 1775570280000;  // 2026-04-07
constexpr int64_t kDay = 86400000;

class LibraryPlatform : public hs::native::HeadlessPlatform {
public:
    hs::Filesystem* storage() override { return &fs; }
    bool has_text_overlay() const override { return true; }  // fields are edited as in the page
    void overlay_show(const Overlay& o) override { overlay = o, overlay_shown = true; }
    void overlay_hide() override { overlay_shown = false; }
    bool background_work() const override { return background; }  // as the page: App::work between frames
    void request_work() override { ++work_requested; }
    bool background = false;
    int work_requested = 0;
    hs::MemoryFs fs;
    Overlay overlay;
    bool overlay_shown = false;
};

hs::Instant at(int64_t ms) {
    hs::Instant t;
    t.unix_ms = ms;
    t.set = true;
    return t;
}

hs::Document postmortem(const std::string& id, const std::string& title, int sev, int64_t created,
                        const std::vector<std::string>& services, const std::string& summary,
                        const std::string& factor, const std::string& category, const std::string& lesson) {
    hs::Document d;
    d.id = id;
    d.title = title;
    d.severity = sev;
    d.status = "final";
    d.created = d.updated = at(created);
    d.services = services;
    d.tags = {"postmortem-2026"};
    d.owner = "sre-oncall";
    d.summary = summary;
    d.contributing_factors.push_back({"cf-" + id, factor, false, category, hs::Json::object()});
    d.lessons.went_wrong.push_back({"ls-" + id, lesson, false, "", hs::Json::object()});
    hs::ActionItem a;
    a.id = "ai-" + id;
    a.title = "Alert on " + services[0] + " saturation before users notice";
    a.owner = "platform-team";
    a.due = "2026-05-01";
    d.action_items.push_back(a);
    return d;
}

struct Fixture {
    hs::native::HeadlessRunner r{1280, 900};
    LibraryPlatform platform;
    std::unique_ptr<hs::ui::App> app;
    Fixture() {
        platform.fixed_now_ms = kNow;
        hs::DraftStore store(platform.fs, "/drafts");
        const hs::Document docs[] = {
            postmortem("pm-pool", "Пул соединений исчерпан: payments-api timeouts", 2, kNow - 40 * kDay,
                       {"payments-api", "postgres"},
                       "The connection pool of payments-api was exhausted after a deploy doubled the workers; "
                       "checkout requests timed out for 38 minutes \xf0\x9f\x92\xb3.",
                       "The pool size was left at its default of 10 per instance.", "configuration",
                       "Nobody watched pool saturation; the dashboard only showed CPU."),
            postmortem("pm-dns", "社内DNSの障害でログインできず", 1, kNow - 200 * kDay, {"auth", "dns"},
                       "内部DNSの設定変更で認証サービスが名前解決できず、ログインが全面停止した。",
                       "A resolver change was rolled out to every region at once.", "change/deploy",
                       "段階的ロールアウトを必須にする。"),
            postmortem("pm-disk", "Disk full on the search cluster (Ωmega shard)", 3, kNow - 120 * kDay,
                       {"search"},
                       "Log rotation stopped on the search cluster and the data disk filled; indexing paused.",
                       "Log rotation had no alert when it failed.", "monitoring gap",
                       "Disk growth alerts must page before 90%."),
        };
        for (const hs::Document& d : docs) REQUIRE(store.create(d, kNow).ok());
        app = std::make_unique<hs::ui::App>(platform);
        r.rendered = [this](ImDrawData* d) { app->rendered(d); };  // as the page draws: the backdrop copy included
        app->storage_loaded(true, "");
        frames(3);
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) r.frame([&] { app->frame(); });
    }
    void click(const std::string& name) {
        uitest::click(r, name, [&] { app->frame(); });
        frames(1);
    }
    void search(const std::string& q) {  // typed in the search box (the page's text overlay)
        if (!platform.overlay_shown || platform.overlay.path != "ui:library") click("library.input");
        REQUIRE(platform.overlay.path == "ui:library");
        app->overlay_input("ui:library", q);
        frames(3);
    }
};

}  // namespace

TEST_CASE("library panel: search as you type, filter by the drafts' values, open a result at its field") {
    Fixture f;
    f.click("topbar.library");
    f.frames(2);
    REQUIRE(f.app->library_open());
    // Every draft went to the index, and the empty query lists them all, newest first.
    CHECK(f.platform.library_calls["put"] >= 1);
    REQUIRE(f.platform.library != nullptr);
    CHECK(f.platform.library->size() == 3);
    REQUIRE(uitest::shown(f.r, "library.count"));
    CHECK(uitest::shown(f.r, "library.result.2"));

    // A Japanese query (bigrams) finds the DNS postmortem only.
    const int searches = f.platform.library_calls["search"];
    f.search("名前解決");
    CHECK(f.platform.library_calls["search"] > searches);
    CHECK(uitest::shown(f.r, "library.result.0"));
    CHECK_FALSE(uitest::shown(f.r, "library.result.1"));
    CHECK(uitest::shown(f.r, "library.field.0.0"));

    // A keystroke asks the index before the frame that draws it, which may wait for the answer (one frame, not two).
    const int asked = f.platform.library_calls["search"];
    f.app->overlay_input("ui:library", "名前解決 ");
    CHECK(f.platform.library_calls["search"] == asked + 1);
    CHECK(f.platform.frame_wait_ms > 0);
    CHECK(f.platform.frame_wait_ms <= 20);
    f.frames(1);
    CHECK(uitest::shown(f.r, "library.result.0"));
    CHECK(f.platform.library_calls["search"] == asked + 1);  // the frame does not ask again
    f.platform.frame_wait_ms = 0;
    f.app->overlay_input("ui:library", "名前解決 ");  // the same text: nothing to wait for
    CHECK(f.platform.frame_wait_ms == 0);

    // A query without a match says so.
    f.search("kubernetes-etcd");
    CHECK(uitest::shown(f.r, "library.none"));
    CHECK_FALSE(uitest::shown(f.r, "library.result.0"));

    // "saturation" is in two postmortems' lessons or action items; the service filter keeps one of them.
    f.search("saturation");
    CHECK(uitest::shown(f.r, "library.result.1"));
    f.click("library.filters");
    f.click("library.filter.Service");
    f.frames(1);
    REQUIRE(uitest::shown(f.r, "library.filter.Service.payments-api"));
    CHECK(uitest::shown(f.r, "library.filter.Service.dns"));  // the values offered are the drafts' own
    f.click("library.filter.Service.payments-api");
    f.click("library.count");  // a click outside closes the list
    f.frames(2);
    CHECK(f.app->library_open());
    CHECK(uitest::shown(f.r, "library.result.0"));
    CHECK_FALSE(uitest::shown(f.r, "library.result.1"));

    // A click on the snippet opens that draft with the matching field in the overlay (being edited), on screen.
    REQUIRE(uitest::shown(f.r, "library.field.0.0"));
    f.click("library.field.0.0");
    f.frames(4);
    CHECK_FALSE(f.app->library_open());
    REQUIRE(f.app->document() != nullptr);
    CHECK(f.app->document()->title == "Пул соединений исчерпан: payments-api timeouts");
    REQUIRE(f.platform.overlay_shown);
    const std::string& path = f.platform.overlay.path;
    const bool lesson = path == "lessons.went_wrong/ls-pm-pool/text", action = path == "action_items/ai-pm-pool/title";
    CHECK((lesson || action));
    CHECK(f.platform.overlay.text.find("saturation") != std::string::npos);
    CHECK(f.platform.overlay.y >= 0);
    CHECK(f.platform.overlay.y + f.platform.overlay.h <= 900);
    CHECK(uitest::shown(f.r, "field." + path));
}

TEST_CASE("with background work, the drafts go to the index in tasks between frames, never inside a frame") {
    Fixture f;
    f.platform.background = true;
    f.click("topbar.library");
    REQUIRE(f.app->library_open());
    // Frames alone send nothing to the index: they ask for work.
    f.frames(3);
    CHECK(f.platform.library_calls["put"] == 0);
    CHECK(f.platform.work_requested > 0);
    // The page runs the work between frames: each task may send a batch, and the frames after it only draw.
    for (int round = 0; round < 10; ++round) {
        const int puts = f.platform.library_calls["put"];
        f.frames(1);
        CHECK(f.platform.library_calls["put"] == puts);
        if (f.platform.work_requested > 0) {
            f.platform.work_requested = 0;
            f.app->work();
        }
    }
    CHECK(f.platform.library_calls["put"] >= 1);
    REQUIRE(f.platform.library != nullptr);
    CHECK(f.platform.library->size() == 3);
    CHECK(uitest::shown(f.r, "library.result.2"));
    // Everything is sent: the frames of the open panel ask for no more work, and send nothing.
    const int puts = f.platform.library_calls["put"];
    f.platform.work_requested = 0;
    f.frames(2);
    CHECK(f.platform.work_requested == 0);
    CHECK(f.platform.library_calls["put"] == puts);
}

TEST_CASE("similar incidents: a new draft written like an earlier one names it, why, and its lesson") {
    Fixture f;
    // Written the way teams often start one: from the last similar postmortem's words.
    hs::Document d = postmortem("pm-new", "payments-api timeouts: pool exhausted again", 2, kNow, {"payments-api"},
                                "The connection pool of payments-api was exhausted after a deploy added workers; "
                                "checkout requests timed out for 12 minutes.",
                                "The pool size was left at its default of 10 per instance.", "configuration",
                                "Pool saturation is still not on the dashboard.");
    d.id = "pm-new";
    f.app->open_document(d);
    f.frames(3);
    CHECK(f.platform.library_calls["similar"] == 0);  // nothing is compared while the section is closed
    f.click("similar.header");
    f.frames(3);
    CHECK(f.platform.library_calls["similar"] >= 1);
    REQUIRE(uitest::shown(f.r, "similar.item.0"));
    CHECK(uitest::shown(f.r, "similar.repeat.0"));  // 40 days earlier, same service and category: a repeat
    REQUIRE(uitest::shown(f.r, "similar.link.0.0"));
    f.click("similar.link.0.0");
    f.frames(3);
    REQUIRE(f.app->document() != nullptr);
    CHECK(f.app->document()->title == "Пул соединений исчерпан: payments-api timeouts");
    REQUIRE(f.platform.overlay_shown);
    CHECK(f.platform.overlay.path == "lessons.went_wrong/ls-pm-pool/text");
}

namespace {
// The vertices of the windows behind the panel (App::frame's root window and its children) in the last frame drawn.
int vertices_behind() {
    const ImDrawData* d = ImGui::GetDrawData();
    int n = 0;
    for (int i = 0; i < d->CmdListsCount; ++i) {
        const char* owner = d->CmdLists[i]->_OwnerName;
        if (owner && std::strncmp(owner, "##root", 6) == 0) n += d->CmdLists[i]->VtxBuffer.Size;
    }
    return n;
}
}  // namespace

TEST_CASE("behind the library, the document and the drafts are drawn once, then shown from a copy of their draw lists") {
    Fixture f;
    hs::ui::a11y_enable(true);
    f.app->open_document(postmortem("pm-new", "Очередь платежей встала 🔥", 2, kNow, {"payments-api"},
                                    "決済キューが停止した。", "A consumer was stuck on a poison message.", "dependency",
                                    "Dead-letter after three tries."));
    f.frames(3);
    REQUIRE(uitest::shown(f.r, "section.summary"));
    f.click("topbar.library");
    f.frames(1);  // the first frame with the panel open draws everything and keeps the copy
    const int full = vertices_behind();
    CHECK(full > 0);
    const int shown_from_copy = f.app->backdrop_frames();
    f.platform.a11y_updates.clear();
    f.frames(3);
    CHECK(f.app->backdrop_frames() == shown_from_copy + 3);
    CHECK(vertices_behind() == full);  // the same geometry behind the panel
    // Its controls are still where they were for tests, and the accessibility mirror did not change.
    CHECK(uitest::shown(f.r, "section.summary"));
    CHECK(uitest::shown(f.r, "topbar.library"));
    CHECK(f.platform.a11y_updates.empty());
    // Typing in the panel draws the panel only.
    f.search("saturation");
    CHECK(f.app->backdrop_frames() > shown_from_copy + 3);
    CHECK(uitest::shown(f.r, "library.result.1"));

    // A change behind the panel (the theme) draws it again, then the new copy is used.
    const int before_theme = f.app->backdrop_frames();
    f.app->set_dark(!f.app->dark());
    f.frames(1);
    CHECK(f.app->backdrop_frames() == before_theme);
    f.frames(2);
    CHECK(f.app->backdrop_frames() == before_theme + 2);

    // Closed, the document is drawn again each frame.
    f.click("library.close");
    f.frames(2);
    CHECK_FALSE(f.app->library_open());
    const int after_close = f.app->backdrop_frames();
    f.frames(3);
    CHECK(f.app->backdrop_frames() == after_close);
    CHECK(uitest::shown(f.r, "section.summary"));
    hs::ui::a11y_enable(false);
}
