// Built-in templates, new documents and section texts.
#include <catch2/catch.hpp>

#include <set>

#include "core/embedded.h"
#include "core/format.h"
#include "core/templates.h"

using namespace hs;

TEST_CASE("the four classic templates are listed first with labels", "[templates]") {
    auto ts = list_templates();
    REQUIRE(ts.size() >= 4);
    CHECK(ts[0].name == "google-sre");
    CHECK(ts[1].name == "atlassian");
    CHECK(ts[2].name == "minimal");
    CHECK(ts[3].name == "security");
    for (const auto& t : ts) {
        INFO(t.name);
        CHECK_FALSE(t.label.empty());
        CHECK_FALSE(t.description.empty());
    }
    CHECK(ts[0].label == "Google SRE");
}

TEST_CASE("every template loads, validates clean and declares its sections", "[templates]") {
    for (const auto& t : list_templates()) {
        INFO(t.name);
        const EmbeddedFile* f = find_embedded("templates/" + t.name + ".json");
        REQUIRE(f);
        LoadResult r = load_document(std::string(f->data, f->size));
        REQUIRE(r.ok);
        std::string probs;
        for (const auto& p : r.problems) probs += p.pointer + ": " + p.message + "\n";
        INFO(probs);
        CHECK(r.problems.empty());
        CHECK(r.doc.template_name == t.name);
        CHECK_FALSE(r.doc.sections.empty());
        for (const auto& s : r.doc.sections) {
            INFO(s);
            CHECK_FALSE(section_hint(s).empty());
        }
    }
}

TEST_CASE("the Atlassian template has its characteristic sections", "[templates]") {
    Document d;
    REQUIRE(new_from_template("atlassian", "", 0, d));
    std::set<std::string> s(d.sections.begin(), d.sections.end());
    for (const char* k : {"leadup", "fault", "impact", "detection", "response", "recovery", "five_whys"}) {
        INFO(k);
        CHECK(s.count(k));
    }
}

TEST_CASE("new_from_template: fresh ids, times and title", "[templates]") {
    const int64_t now = 1772373720000LL;  // 2026-03-01T14:02:00Z
    Document a, b;
    REQUIRE(new_from_template("google-sre", "Checkout errors", now, a));
    REQUIRE(new_from_template("google-sre", "", now, b));
    CHECK(a.id.rfind("pm-", 0) == 0);
    CHECK(a.id.size() == 11);
    CHECK(a.id != b.id);
    CHECK(a.title == "Checkout errors");
    CHECK(format_utc(a.created) == "2026-03-01T14:02:00Z");
    CHECK(a.updated == a.created);
    CHECK(a.status == "draft");
    CHECK(a.template_name == "google-sre");
    CHECK_FALSE(a.extra.contains("template_label"));
    CHECK_FALSE(a.extra.contains("template_description"));
    CHECK(validate(a).empty());
    // The new document is itself a stable, valid document.
    LoadResult r = load_document(save_document(a));
    REQUIRE(r.ok);
    CHECK(save_document(r.doc) == save_document(a));
    CHECK_FALSE(new_from_template("no-such-template", "", now, a));
    CHECK_FALSE(new_from_template("../samples/x", "", now, a));
}

TEST_CASE("item ids in a template are regenerated", "[templates]") {
    // Templates may ship example items; every new document gets its own ids so copies never collide.
    Document a, b;
    REQUIRE(new_from_template("security", "", 0, a));
    REQUIRE(new_from_template("security", "", 0, b));
    const EmbeddedFile* f = find_embedded("templates/security.json");
    REQUIRE(f);
    LoadResult tpl = load_document(std::string(f->data, f->size));
    REQUIRE(tpl.ok);
    REQUIRE(a.open_questions.size() == tpl.doc.open_questions.size());
    for (size_t i = 0; i < a.open_questions.size(); ++i) {
        CHECK(a.open_questions[i].id != tpl.doc.open_questions[i].id);
        CHECK(a.open_questions[i].id != b.open_questions[i].id);
        CHECK(a.open_questions[i].text == tpl.doc.open_questions[i].text);
    }
    CHECK(a.id != tpl.doc.id);
}

TEST_CASE("section titles and hints cover every section and stay blameless", "[templates]") {
    std::set<std::string> hints;
    for (const auto& k : vocab::kSections) {
        INFO(k);
        const std::string title = section_title(k), hint = section_hint(k);
        CHECK_FALSE(title.empty());
        CHECK(title != k);
        CHECK(hint.size() > 40);
        hints.insert(hint);
        for (const char* blame : {"blame", "fault of", "human error", "should have", "careless", "who caused"}) {
            INFO(blame);
            CHECK(hint.find(blame) == std::string::npos);
        }
    }
    CHECK(hints.size() == vocab::kSections.size());
    CHECK(section_title("trigger") == "Trigger");
    CHECK(section_hint("trigger").find("deploy") != std::string::npos);
    CHECK(section_title("action_items") == "Action items");
    CHECK(section_title("some_future_key") == "Some future key");
    CHECK(section_hint("some_future_key").empty());
}
