// The accessibility mirror (ui/a11y.h): what the canvas draws reaches the platform with roles, names and states, only
// when it changed; a focus request from the page moves ImGui's keyboard focus; problems are announced. Natively,
// headless, with the app's fonts.
#include <catch2/catch.hpp>

#include <string>

#include "a11y.h"
#include "app.h"
#include "core/model.h"
#include "headless.h"
#include "imgui_internal.h"

namespace {

// The mirror as the page would hold it: every node sent so far by key, and the last reading order and focus.
struct Mirror {
    std::map<std::string, hs::Json> nodes;
    std::vector<std::string> order;
    std::string focus;
    void apply(const std::string& changes) {
        const hs::Json d = hs::Json::parse(changes);
        for (const hs::Json& n : d["n"]) nodes[n[0].get<std::string>()] = n;
        if (d.contains("o")) order = d["o"].get<std::vector<std::string>>();
        focus = d["f"].get<std::string>();
    }
    const hs::Json* by_locate(const std::string& name) const {
        for (const std::string& k : order)
            if (nodes.at(k)[6] == name) return &nodes.at(k);
        return nullptr;
    }
};

const char* kDoc = R"({"format":"hindsight.postmortem","version":1,"id":"pm-a11y","title":"決済APIの障害 — Отказ платежей 💳",
  "summary":"Σύνοψη: payments failed for 42 minutes.","severity":2,"status":"draft"})";

// The app on a 1280 x 800 display with the mirror on (off again at the end: the hooks are process-wide).
struct Run {
    hs::native::HeadlessRunner r{1280, 800};
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    Run() {
        hs::ui::a11y_enable(true);
        hs::ui::a11y_reset();
    }
    ~Run() { hs::ui::a11y_enable(false); }
    void frames(int n) {
        for (int i = 0; i < n; ++i) r.frame([&] { app.frame(); });
    }
    Mirror mirror() const {
        Mirror m;
        for (const std::string& u : platform.a11y_updates) m.apply(u);
        return m;
    }
};

}  // namespace

TEST_CASE("the mirror sends the drawn controls with their role and visible label, then nothing while idle") {
    Run run;
    run.frames(3);
    REQUIRE(!run.platform.a11y_updates.empty());
    const Mirror m = run.mirror();
    const hs::Json* create = m.by_locate("welcome.new");
    REQUIRE(create);
    CHECK((*create)[1] == "button");
    CHECK((*create)[2] == "New postmortem");  // the label without its icon
    const hs::Json* open = m.by_locate("welcome.open");
    REQUIRE(open);
    CHECK((*open)[1] == "button");
    CHECK(!(*open)[2].get<std::string>().empty());

    // Idle: frames that draw the same thing send nothing.
    const size_t sent = run.platform.a11y_updates.size();
    run.frames(5);
    CHECK(run.platform.a11y_updates.size() == sent);
}

TEST_CASE("a focus request from the page moves ImGui's keyboard focus there, and the mirror names it focused") {
    Run run;
    REQUIRE(run.app.open_json(kDoc, "a11y.hindsight.json"));
    run.frames(3);
    Mirror m = run.mirror();
    // A section header is a button that is expanded or collapsed.
    const hs::Json* summary = m.by_locate("section.summary");
    REQUIRE(summary);
    CHECK((*summary)[1] == "button");
    CHECK(((*summary)[4].get<unsigned>() & hs::ui::kA11yExpandable) != 0);
    const hs::Json* share = m.by_locate("topbar.share");
    REQUIRE(share);
    const unsigned id = (*share)[5].get<unsigned>();
    REQUIRE(id != 0);

    const std::string key = (*share)[0].get<std::string>();
    hs::ui::a11y_focus(id);
    run.frames(2);
    CHECK(ImGui::GetCurrentContext()->NavId == id);
    CHECK(run.mirror().focus == key);
}

TEST_CASE("a problem shown to the user is announced at once, and only once") {
    Run run;
    run.app.show_message("「障害.json」 could not be read: it is not JSON.");
    run.frames(4);
    REQUIRE(run.platform.announced.size() == 1);
    CHECK(run.platform.announced[0] == "!Problem: 「障害.json」 could not be read: it is not JSON.");
}
