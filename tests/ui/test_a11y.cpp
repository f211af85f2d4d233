// The accessibility mirror (ui/a11y.h): what the canvas draws reaches the platform with roles, names and states, only
// when it changed; a focus request from the page moves ImGui's keyboard focus; problems are announced. Natively,
// headless, with the app's fonts.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "a11y.h"
#include "app.h"
#include "core/model.h"
#include "fonts.h"
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
    hs::native::HeadlessRunner r;
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    explicit Run(float height = 800) : r(1280, height) {
        hs::ui::a11y_enable(true);
        hs::ui::a11y_reset();
    }
    ~Run() { hs::ui::a11y_enable(false); }
    void frames(int n) {
        for (int i = 0; i < n; ++i) r.frame([&] { app.frame(); });
    }
    void click(const std::string& name) {
        float x = 0, y = 0, w = 0, h = 0;
        REQUIRE(r.locate(name, x, y, w, h));
        r.mouse_move(x + w / 2, y + h / 2);
        frames(1);
        r.mouse_button(0, true);
        frames(1);
        r.mouse_button(0, false);
        frames(1);
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

namespace {

// A timeline of `n` events a minute apart, with descriptions in several scripts.
std::string timeline_doc(int n) {
    const char* texts[] = {"Deploy of config v42 started", "Ошибки оплаты выросли до 12 %", "決済APIがタイムアウト",
                           "Rollback ξεκίνησε 🚑", "Checkout recovered"};
    const char* types[] = {"action", "detected", "impact_start", "mitigated", "resolved"};
    hs::Json d = hs::Json::parse(kDoc);
    d["timeline"] = hs::Json::array();
    for (int i = 0; i < n; ++i)
        d["timeline"].push_back({{"id", "ev-" + std::to_string(i)},
                                 {"time", "2026-03-04T14:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ":00Z"},
                                 {"type", types[i % 5]},
                                 {"description", std::string(texts[i % 5]) + " #" + std::to_string(i)},
                                 {"author", "oncall-" + std::to_string(i % 3)}});
    return d.dump();
}

const hs::Json* by_role(const Mirror& m, const std::string& role, const std::string& name = {}) {
    for (const std::string& k : m.order)
        if (m.nodes.at(k)[1] == role && (name.empty() || m.nodes.at(k)[2] == name)) return &m.nodes.at(k);
    return nullptr;
}

}  // namespace

TEST_CASE("the timeline's list is a table: headers, rows placed among all rows, cells holding the values") {
    Run run(2400);
    REQUIRE(run.app.open_json(timeline_doc(40), "a11y.hindsight.json"));
    run.frames(4);
    const Mirror m = run.mirror();
    const hs::Json* table = by_role(m, "table", "Events");
    REQUIRE(table);
    CHECK((*table)[8] == 41);  // 40 rows and the header row
    const int depth = (*table)[7].get<int>();
    // The column headers (the page draws the header row from them), sorted by time, ascending.
    CHECK((*table)[3] == "Time\tType\tDescription\tAuthor\tActions");
    CHECK(((*table)[4].get<unsigned>() >> 8) == 1);
    CHECK(((*table)[4].get<unsigned>() & hs::ui::kA11ySortAscending) != 0);
    std::vector<int> rows;
    std::vector<std::string> row2;  // the values of the controls in the row at index 3 (the second event), in order
    for (const std::string& k : m.order) {
        const hs::Json& n = m.nodes.at(k);
        if (n[1] == "row") {
            CHECK(n[7] == depth + 1);
            rows.push_back(n[8].get<int>());
        } else if (!rows.empty() && rows.back() == 3 && n[7] == depth + 2) {
            row2.push_back(n[3].get<std::string>());
        }
    }
    REQUIRE(rows.size() > 3);
    CHECK(rows.size() < 40);  // only the rows drawn (the list shows 14 at most)
    for (size_t i = 0; i < rows.size(); ++i) CHECK(rows[i] == static_cast<int>(i) + 2);  // the header row is row 1
    // One control per column: time, type, description, author, delete.
    REQUIRE(row2.size() == 5);
    CHECK(row2[0].find("14:01") != std::string::npos);
    CHECK(row2[1] == "Detected");  // the type's combo box shows its value
    CHECK(row2[2] == "Ошибки оплаты выросли до 12 % #1");
    CHECK(row2[3] == "oncall-1");
    const hs::Json* type = by_role(m, "combobox", "Type");
    REQUIRE(type);
    CHECK(((*type)[4].get<unsigned>() & hs::ui::kA11yExpandable) != 0);
    CHECK(((*type)[4].get<unsigned>() & hs::ui::kA11yExpanded) == 0);
}

TEST_CASE("the timeline axis, focused from the mirror, says the event the arrow keys, Home and End move to") {
    Run run(2400);
    REQUIRE(run.app.open_json(timeline_doc(12), "a11y.hindsight.json"));
    run.frames(3);
    const Mirror m = run.mirror();
    const hs::Json* axis = m.by_locate("timeline.canvas");
    REQUIRE(axis);
    CHECK((*axis)[2].get<std::string>().rfind("Timeline axis", 0) == 0);
    hs::ui::a11y_focus((*axis)[5].get<unsigned>());
    run.frames(3);
    const auto press = [&](int key) {
        run.r.key(key, true);
        run.frames(1);
        run.r.key(key, false);
        run.frames(1);
    };
    run.platform.announced.clear();
    press(ImGuiKey_Home);
    press(ImGuiKey_RightArrow);
    press(ImGuiKey_End);
    REQUIRE(run.platform.announced.size() == 3);
    CHECK(run.platform.announced[0].find("Deploy of config v42 started #0") != std::string::npos);
    CHECK(run.platform.announced[0].find("Event 1 of 12") != std::string::npos);
    CHECK(run.platform.announced[1].find("Ошибки оплаты выросли до 12 % #1") != std::string::npos);
    CHECK(run.platform.announced[1].find("Detected") != std::string::npos);
    CHECK(run.platform.announced[1].find("14:01") != std::string::npos);
    CHECK(run.platform.announced[2].find("Event 12 of 12") != std::string::npos);
    CHECK(run.platform.announced[2][0] != '!');  // polite
}

TEST_CASE("the theme choice is a pair of radio buttons, and the text size a combo box that resizes the text") {
    Run run;
    REQUIRE(run.app.open_json(kDoc, "a11y.hindsight.json"));
    run.frames(2);
    const float before = ImGui::GetFontSize();
    run.click("topbar.settings");
    run.frames(3);
    Mirror m = run.mirror();
    const hs::Json* light = by_role(m, "radio", "Light");
    const hs::Json* dark = by_role(m, "radio", "Dark");
    REQUIRE(light);
    REQUIRE(dark);
    CHECK(((*light)[4].get<unsigned>() & hs::ui::kA11yChecked) != 0);
    CHECK(((*dark)[4].get<unsigned>() & hs::ui::kA11yChecked) == 0);
    const hs::Json* size = by_role(m, "combobox", "Text size");
    REQUIRE(size);
    CHECK((*size)[3] == "100 %");
    // Open the combo from the keyboard (focus, Space), then pick 150 % with the mouse.
    hs::ui::a11y_focus((*size)[5].get<unsigned>());
    run.frames(2);
    run.r.key(ImGuiKey_Space, true);
    run.frames(1);
    run.r.key(ImGuiKey_Space, false);
    run.frames(2);
    CHECK(((*by_role(run.mirror(), "combobox", "Text size"))[4].get<unsigned>() & hs::ui::kA11yExpanded) != 0);
    run.click("settings.text_size.150");
    run.frames(3);
    CHECK(hs::ui::text_size() == 150);
    CHECK(ImGui::GetFontSize() == Approx(before * 1.5f));
    hs::ui::set_text_size(100);
    run.frames(1);
}

TEST_CASE("nodes drawn with the same name get distinct keys, the same each frame, and an unchanged frame sends nothing") {
    hs::native::HeadlessRunner r(640, 480);
    hs::ui::a11y_enable(true);
    hs::ui::a11y_reset();
    std::vector<std::string> sent;
    auto draw = [&] {
        hs::ui::a11y_begin_frame();
        ImGui::Begin("keys");
        for (const char* name : {"note.same", "note.other", "note.same", "note.same"}) hs::ui::a11y_mark(name, false);
        ImGui::End();
        sent.push_back(hs::ui::a11y_changes());
    };
    r.frame(draw);
    r.frame(draw);
    hs::ui::a11y_enable(false);
    REQUIRE(sent.size() == 2);
    const hs::Json first = hs::Json::parse(sent[0]);
    CHECK(first["o"] == hs::Json::array({"note.same", "note.other", "note.same~1", "note.same~2"}));
    CHECK(sent[1].empty());  // the same nodes under the same keys: nothing changed
}
