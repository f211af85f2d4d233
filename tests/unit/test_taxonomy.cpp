// The taxonomy (core/taxonomy.h) and its fields in the format: a factor's category and the detection method.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/format.h"
#include "core/importers/importers.h"
#include "core/taxonomy.h"

using namespace hs;

namespace {
std::string read_file(const std::string& path) {
    std::ifstream in(std::string(HS_SOURCE_DIR) + "/" + path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("taxonomy fields: an older file loads without them and saves unchanged") {
    for (const char* name : {"sre-checkout-outage.json", "ja-payment-gateway-timeout.json",
                             "ru-courier-dispatch-backlog.json"}) {
        INFO(name);
        const std::string text = read_file(std::string("assets/samples/") + name);
        REQUIRE(!text.empty());
        LoadResult r = load_document(text);
        REQUIRE(r.ok);
        CHECK(r.doc.detection_method.empty());
        for (const Item& f : r.doc.contributing_factors) CHECK(f.category.empty());
        const std::string saved = save_document(r.doc, true);
        CHECK(saved.find("detection_method") == std::string::npos);
        CHECK(saved.find("\"category\"") == std::string::npos);
        CHECK(save_document(load_document(saved).doc, true) == saved);
    }
}

TEST_CASE("taxonomy fields: a file with categories and a detection method keeps them") {
    const std::string text = R"({"format": "hindsight.postmortem", "version": 1, "id": "pm-5e1f0a22",
        "title": "Сбой оплаты 🚨", "services": ["payments-api"], "detection_method": "customer report",
        "contributing_factors": [
          {"id": "cf-1a2b3c4d", "text": "接続プールの上限が低すぎた", "category": "configuration"},
          {"id": "cf-2b3c4d5e", "text": "No alert on pool saturation", "category": "monitoring gap"},
          {"id": "cf-3c4d5e6f", "text": "Η ομάδα δεν είχε οδηγίες"}]})";
    LoadResult r = load_document(text);
    REQUIRE(r.ok);
    CHECK(r.doc.detection_method == "customer report");
    REQUIRE(r.doc.contributing_factors.size() == 3);
    CHECK(r.doc.contributing_factors[0].category == "configuration");
    CHECK(r.doc.contributing_factors[1].category == "monitoring gap");
    CHECK(r.doc.contributing_factors[2].category.empty());
    CHECK(r.doc.extra.empty());  // known fields now, not kept as unknown ones
    const Json j = to_json(r.doc);
    CHECK(j["detection_method"] == "customer report");
    CHECK(j["contributing_factors"][1]["category"] == "monitoring gap");
    CHECK_FALSE(j["contributing_factors"][2].contains("category"));
    LoadResult again = load_document(save_document(r.doc));
    REQUIRE(again.ok);
    CHECK(again.doc.contributing_factors == r.doc.contributing_factors);
    CHECK(again.doc.detection_method == r.doc.detection_method);
}

TEST_CASE("taxonomy: the default vocabulary, and a team's file round-trips") {
    const Taxonomy& d = default_taxonomy();
    CHECK(d.factor_categories == std::vector<std::string>{"change/deploy", "configuration", "capacity", "dependency",
                                                          "monitoring gap", "runbook gap", "process", "hardware",
                                                          "other"});
    CHECK(d.detection_methods == std::vector<std::string>{"alert", "customer report", "internal report",
                                                          "automated test", "other"});
    Taxonomy team = d;
    team.services = {"payments-api", "決済ゲートウェイ", "служба-доставки"};
    team.tags = {"customer-facing", "πληρωμές"};
    team.factor_categories.push_back("vendor");
    const TaxonomyResult back = load_taxonomy(save_taxonomy(team));
    REQUIRE(back.ok);
    CHECK(back.taxonomy == team);
    CHECK(back.problems.empty());
    // A list left out is the default one.
    const TaxonomyResult partial = load_taxonomy(R"({"format": "hindsight.taxonomy", "version": 1,
                                                     "services": [" payments-api ", "payments-api", ""]})");
    REQUIRE(partial.ok);
    CHECK(partial.taxonomy.services == std::vector<std::string>{"payments-api"});
    CHECK(partial.taxonomy.factor_categories == d.factor_categories);
    CHECK(partial.problems.size() == 2);  // the repeat and the empty value were dropped, each said
}

TEST_CASE("taxonomy: a file that cannot be used says what is wrong") {
    auto why = [](const std::string& text) {
        const TaxonomyResult r = load_taxonomy(text);
        CHECK_FALSE(r.ok);
        return r.problems.empty() ? std::string() : r.problems[0].pointer + " " + r.problems[0].message;
    };
    CHECK(why("{not json").find("not JSON") != std::string::npos);
    CHECK(why("[1, 2]").find("one JSON object") != std::string::npos);
    CHECK(why(R"({"format": "hindsight.postmortem", "version": 1})").find("/format") == 0);
    CHECK(why(R"({"format": "hindsight.taxonomy", "version": 7})").find("newer Hindsight") != std::string::npos);
    CHECK(why(R"({"format": "hindsight.taxonomy", "version": 1, "tags": "a,b"})").find("/tags") == 0);
    CHECK(why(R"({"format": "hindsight.taxonomy", "version": 1, "services": ["a", 3]})").find("/services/1") == 0);
    CHECK(why(std::string(5000, '[') + std::string(5000, ']')).find("nests deeper") != std::string::npos);
}

TEST_CASE("taxonomy: values a document uses outside the taxonomy, and a first taxonomy from a library") {
    Document d;
    d.services = {"payments-api", "ledger-db"};
    d.tags = {"latency"};
    d.detection_method = "pager";
    Item f;
    f.id = "cf-1a2b3c4d";
    f.text = "Конфигурация пула соединений";
    f.category = "config";
    d.contributing_factors.push_back(f);
    Taxonomy t = default_taxonomy();
    t.services = {"payments-api"};
    const std::vector<Problem> p = check_taxonomy(d, t);
    REQUIRE(p.size() == 4);
    CHECK(p[0].pointer == "/services/1");
    CHECK(p[1].pointer == "/contributing_factors/0/category");
    CHECK(p[1].message.find("\"config\" is not a factor category") == 0);
    CHECK(p[1].message.find("configuration") != std::string::npos);
    CHECK(p[2].pointer == "/detection_method");
    CHECK(p[3].pointer == "/tags/0");
    extend_taxonomy(t, {&d, nullptr});
    CHECK(check_taxonomy(d, t).empty());
    CHECK(t.services == std::vector<std::string>{"payments-api", "ledger-db"});
    CHECK(t.factor_categories.back() == "config");
}

TEST_CASE("taxonomy: the alert importers fill the detection method, services and tags from labels") {
    const ImportResult r = import_alertmanager(read_file("tests/data/import/alertmanager/firing_then_resolved.jsonl"));
    REQUIRE(r.ok);
    CHECK(r.doc.detection_method == "alert");
    CHECK(r.doc.services == std::vector<std::string>{"checkout-api", "orders-db"});
    // team and cluster are the same in both alerts: each tag once; namespace only on the checkout alert.
    CHECK(r.doc.tags == std::vector<std::string>{"team:payments", "cluster:tokyo-1", "namespace:shop"});
}
