// Classification in the editor, driven as a person would (clicks, typing, Enter, Backspace): the services and tags
// chips, the detection method and a contributing factor's category land in the document, each change is one undo
// step, and the team's taxonomy is kept in settings storage.
#include <catch2/catch.hpp>

#include <string>

#include "app.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/taxonomy.h"
#include "headless.h"
#include "imgui.h"
#include "locate_util.h"

namespace {

class StoragePlatform : public hs::native::HeadlessPlatform {
public:
    hs::Filesystem* storage() override { return &fs; }
    hs::MemoryFs fs;
};

std::string factors_doc() {
    hs::Document d;
    d.id = "pm-classify";
    d.title = "決済APIの遅延 — Ошибка конфигурации";
    for (const char* t : {"Ein Konfigurationsschalter wurde ohne Review umgelegt 🔧",
                          "Η παρακολούθηση δεν κάλυπτε το νέο endpoint"}) {
        hs::Item it;
        it.id = "cf-" + std::to_string(d.contributing_factors.size() + 1);
        it.text = t;
        d.contributing_factors.push_back(it);
    }
    return hs::save_document(d);
}

struct Editor {
    hs::native::HeadlessRunner r{1280, 2400};  // tall: the contributing factors on screen
    StoragePlatform platform;
    hs::ui::App app{platform};
    Editor() {
        platform.fixed_now_ms = 1775570280000;
        frame();
        app.storage_loaded(true, "");
        hs::Taxonomy t = hs::default_taxonomy();
        t.services = {"payments-api", "認証サービス", "edge-proxy"};
        t.tags = {"customer-facing"};
        REQUIRE(app.set_taxonomy(t));
        REQUIRE(app.open_json(factors_doc(), "test"));
        for (int i = 0; i < 4; ++i) frame();
    }
    void frame() { r.frame([&] { app.frame(); }); }
    void click(const std::string& name) {
        INFO("clicking " << name);
        uitest::click(r, name, [&] { app.frame(); });
    }
    // A combo or menu: its popup is placed once it has been measured, a frame later.
    void open(const std::string& name) {
        frame();  // the last change laid out first (a chip added moves the controls after it)
        click(name);
        frame();
        frame();
    }
    hs::Document doc() {
        hs::LoadResult l = hs::load_document(app.document_json());
        REQUIRE(l.ok);
        return l.doc;
    }
    void press(ImGuiKey k) {
        r.key(k, true);
        frame();
        r.key(k, false);
        frame();
    }
    void type(const char* text) {
        ImGui::GetIO().AddInputCharactersUTF8(text);
        frame();
    }
};

}  // namespace

TEST_CASE("classification set in the editor: services, tags, detection, category; one undo step each") {
    Editor e;
    // A service from the taxonomy's menu.
    e.open("classify.services.menu");
    e.click("classify.services.pick.認証サービス");
    CHECK(e.doc().services == std::vector<std::string>{"認証サービス"});
    // A tag the taxonomy does not list, typed and added with Enter.
    e.click("field.ui:classify.tags");
    e.type("Ошибка-конфигурации 🔥");
    e.press(ImGuiKey_Enter);
    CHECK(e.doc().tags == std::vector<std::string>{"Ошибка-конфигурации 🔥"});
    // The detection method, and the first factor's category, from their combos.
    e.open("classify.detection");
    e.click("classify.detection.pick.customer report");
    CHECK(e.doc().detection_method == "customer report");
    e.open("factor.category.cf-1");
    e.click("factor.category.cf-1.pick.configuration");
    hs::Document d = e.doc();
    CHECK(d.contributing_factors[0].category == "configuration");
    CHECK(d.contributing_factors[1].category.empty());
    // It round-trips through the document's JSON as the editor saved it.
    const hs::LoadResult again = hs::load_document(hs::save_document(d));
    REQUIRE(again.ok);
    CHECK(again.doc.services == d.services);
    CHECK(again.doc.tags == d.tags);
    CHECK(again.doc.detection_method == "customer report");
    CHECK(again.doc.contributing_factors[0].category == "configuration");

    // Each change is its own undo step, undone newest first.
    e.app.undo();
    e.frame();
    CHECK(e.doc().contributing_factors[0].category.empty());
    CHECK(e.doc().detection_method == "customer report");
    e.app.undo();
    e.frame();
    CHECK(e.doc().detection_method.empty());
    CHECK(e.doc().tags.size() == 1);
    e.app.undo();
    e.frame();
    CHECK(e.doc().tags.empty());
    CHECK(e.doc().services.size() == 1);
    e.app.undo();
    e.frame();
    CHECK(e.doc().services.empty());
    e.app.redo();
    e.frame();
    CHECK(e.doc().services == std::vector<std::string>{"認証サービス"});
}

TEST_CASE("a chip is removed with a click, or the last one with Backspace in the empty add field") {
    Editor e;
    for (const char* s : {"payments-api", "edge-proxy"}) {
        e.open("classify.services.menu");
        e.click(std::string("classify.services.pick.") + s);
    }
    REQUIRE(e.doc().services == std::vector<std::string>{"payments-api", "edge-proxy"});
    e.click("classify.services.chip.0");
    CHECK(e.doc().services == std::vector<std::string>{"edge-proxy"});
    e.click("field.ui:classify.services");
    e.press(ImGuiKey_Backspace);
    CHECK(e.doc().services.empty());
    // A value already there is not added twice.
    e.click("field.ui:classify.services");
    e.type("payments-api");
    e.press(ImGuiKey_Enter);
    e.type("payments-api");
    e.press(ImGuiKey_Enter);
    CHECK(e.doc().services == std::vector<std::string>{"payments-api"});
}

TEST_CASE("the taxonomy is kept in settings storage and read back by a new session; a bad file is refused") {
    Editor e;
    std::string text;
    REQUIRE(e.platform.fs.read("/settings/taxonomy.json", text).ok());
    const hs::TaxonomyResult kept = hs::load_taxonomy(text);
    REQUIRE(kept.ok);
    CHECK(kept.taxonomy.services == std::vector<std::string>{"payments-api", "認証サービス", "edge-proxy"});

    hs::ui::App second(e.platform);
    CHECK(second.taxonomy().services == kept.taxonomy.services);
    CHECK(second.taxonomy().factor_categories == hs::default_taxonomy().factor_categories);

    CHECK_FALSE(e.app.load_taxonomy_text("team.hindsight.taxonomy", "{\"format\": \"something else\"}"));
    CHECK(e.app.taxonomy().services == kept.taxonomy.services);  // unchanged
    CHECK(e.app.load_taxonomy_text("team.hindsight.taxonomy",
                                   "{\"format\": \"hindsight.taxonomy\", \"version\": 1, \"services\": [\"Ψ-gateway\"]}"));
    CHECK(e.app.taxonomy().services == std::vector<std::string>{"Ψ-gateway"});
}
