// The trends view, run headless: opened from the drafts overview, it draws its six charts over every draft, each
// chart's Table toggle shows the figures, the figures are the core's (core/trends.h) over the same drafts, an empty
// library shows its empty state, and Export report downloads the Markdown report.
#include <catch2/catch.hpp>

#include <string>

#include "app.h"
#include "core/format.h"
#include "core/fs.h"
#include "core/trends.h"
#include "headless.h"
#include "locate_util.h"

namespace {

using uitest::shown;

class StoragePlatform : public hs::native::HeadlessPlatform {
public:
    hs::Filesystem* storage() override { return &fs; }
    hs::MemoryFs fs;
};

constexpr int64_t kNow = 1775570280000;     // 2026-04-07
constexpr int64_t kMarch = 1772900000000;   // 2026-03-07
constexpr int64_t kJanuary = 1768000000000; // 2026-01-09
constexpr int64_t kMinute = 60000;

// A postmortem created at `created_ms`: its severity, services, factor categories, an impact start, detection
// after `detect_min` minutes and an action item overdue or not.
hs::Document postmortem(int n, int64_t created_ms, int severity, std::vector<std::string> services,
                        std::vector<std::string> categories, int detect_min, const std::string& due) {
    hs::Document d;
    d.id = "pm-" + std::to_string(n);
    const char* titles[] = {"決済APIのタイムアウト", "Сбой DNS в регионе", "Καθυστέρηση ουράς μηνυμάτων 📨",
                            "Certificate expiry on the edge"};
    d.title = titles[n % 4];
    d.severity = severity;
    d.services = std::move(services);
    d.created.unix_ms = created_ms;
    d.created.set = true;
    for (const std::string& c : categories) {
        hs::Item it;
        it.id = "cf-" + std::to_string(d.contributing_factors.size() + 1);
        it.text = "Faktor " + c;
        it.category = c;
        d.contributing_factors.push_back(it);
    }
    const char* types[] = {"impact_start", "detected", "resolved"};
    const int64_t at[] = {created_ms - 3 * 3600000, created_ms - 3 * 3600000 + detect_min * kMinute,
                          created_ms - 3600000};
    for (int i = 0; i < 3; ++i) {
        hs::Event ev;
        ev.id = "ev-" + std::to_string(i);
        ev.type = types[i];
        ev.time.unix_ms = at[i];
        ev.time.set = true;
        ev.description = types[i];
        d.timeline.push_back(ev);
    }
    hs::ActionItem a;
    a.id = "ai-1";
    a.title = "Alerting für die Zertifikatslaufzeit";
    a.owner = "sre";
    a.status = "open";
    a.due = due;
    d.action_items.push_back(a);
    return d;
}

std::vector<hs::Document> library() {
    return {postmortem(0, kMarch, 1, {"payments-api", "認証サービス"}, {"configuration", "change/deploy"}, 12,
                       "2026-03-30"),
            postmortem(1, kMarch + 86400000, 2, {"payments-api"}, {"configuration"}, 30, "2026-05-01"),
            postmortem(2, kJanuary, 3, {"edge-proxy"}, {"capacity"}, 4, "2025-12-01"),
            postmortem(3, kJanuary + 3600000, 2, {"payments-api"}, {"dependency"}, 20, "")};
}

struct Trends {
    hs::native::HeadlessRunner r{1280, 900};
    StoragePlatform platform;
    hs::ui::App app{platform};
    explicit Trends(const std::vector<hs::Document>& docs) {
        platform.fixed_now_ms = kNow;
        frame();
        app.storage_loaded(true, "");
        for (const hs::Document& d : docs) REQUIRE(app.open_json(hs::save_document(d), "test"));
        for (int i = 0; i < 3; ++i) frame();
    }
    void frame() { r.frame([&] { app.frame(); }); }
    void click(const std::string& name) { uitest::click(r, name, [&] { app.frame(); }); }
};

}  // namespace

TEST_CASE("the trends view opens from the overview and draws its charts; a table shows the core's figures") {
    const std::vector<hs::Document> docs = library();
    Trends t(docs);
    t.click("drafts.overview");
    for (int i = 0; i < 3; ++i) t.frame();  // the dialog is placed once it has been measured
    t.click("overview.trends");
    REQUIRE(t.app.trends_state().open);
    for (int i = 0; i < 3; ++i) t.frame();
    for (int c = 0; c < hs::ui::TrendsState::kCharts; ++c) {
        INFO("chart " << c);
        CHECK(shown(t.r, "trends.chart." + std::to_string(c)));
        CHECK(shown(t.r, "trends.table." + std::to_string(c)));
    }
    const hs::ui::TrendsFigures& f = t.app.trends_state().figures;
    REQUIRE(t.app.trends_state().have);
    // The figures against the core over the same documents.
    std::vector<const hs::Document*> ptrs;
    for (const hs::Document& d : docs) ptrs.push_back(&d);
    const hs::Trends want = hs::compute_trends(ptrs, "2026-04-07");
    CHECK(f.incidents == 4);
    REQUIRE(f.months.size() == want.months.size());
    REQUIRE(f.months.size() == 3);  // January, February (empty) and March
    CHECK(f.months[0].month == "2026-01");
    CHECK(f.months[0].incidents == 2);
    CHECK(f.months[0].by_severity[2] == 1);
    CHECK(f.months[0].by_severity[3] == 1);
    CHECK(f.months[1].incidents == 0);
    CHECK(f.months[2].by_severity[1] == 1);
    CHECK(f.months[2].median_s[0] == Approx(*want.months[2].median_detect_s));
    CHECK(f.months[2].median_s[0] == Approx(21 * 60));  // 12 and 30 minutes
    REQUIRE(!f.services.empty());
    CHECK(f.services[0].name == "payments-api");
    CHECK(f.services[0].count == 3);
    REQUIRE(!f.categories.empty());
    CHECK(f.categories[0].name == "configuration");
    CHECK(f.categories[0].count == want.factor_categories[0].count);
    CHECK(f.overdue_actions == 2);  // due 2026-03-30 and 2025-12-01

    // Each chart switches to its table and back.
    CHECK_FALSE(shown(t.r, "trends.figures.0"));
    t.click("trends.table.0");
    t.frame();
    CHECK(shown(t.r, "trends.figures.0"));
    CHECK(t.app.trends_state().table[0]);
    // The table's cells, as drawn and as window.hindsight.trends() gives them to the page.
    const hs::Json q = hs::Json::parse(t.app.query_json("trends"));
    REQUIRE(q["tables"].contains("0"));
    CHECK(q["tables"]["0"] == "Month\tIncidents\tSEV1\tSEV2\tSEV3\tSEV4\tSEV5\tNot set\n"
                               "2026-01\t2\t0\t1\t1\t0\t0\t0\n"
                               "2026-02\t0\t0\t0\t0\t0\t0\t0\n"
                               "2026-03\t2\t1\t1\t0\t0\t0\t0\n");
    CHECK_FALSE(q["tables"].contains("1"));
    t.click("trends.table.0");
    t.frame();
    CHECK_FALSE(t.app.trends_state().table[0]);
}

TEST_CASE("the trends report is exported as Markdown with the figures") {
    Trends t(library());
    t.app.open_trends();
    t.frame();
    t.frame();
    t.click("trends.export");
    REQUIRE(!t.platform.downloads.empty());
    CHECK(t.platform.downloads.back() == "hindsight-trends-2026-04-07.md");
    const std::string& md = t.platform.last_download;
    CHECK(md.find("# Postmortem trends") != std::string::npos);
    CHECK(md.find("| 2026-01 | 2 | 0 | 1 | 1 | 0 | 0 | 0 |") != std::string::npos);
    CHECK(md.find("| payments-api | 3 |") != std::string::npos);
    t.click("trends.export_html");
    CHECK(t.platform.downloads.back() == "hindsight-trends-2026-04-07.html");
    CHECK(t.platform.last_download.find("<td>payments-api</td><td>3</td>") != std::string::npos);
}

TEST_CASE("the trends view of an empty library says so and offers no export") {
    Trends t({});
    t.app.open_trends();
    t.frame();
    t.frame();
    CHECK(shown(t.r, "trends.empty"));
    CHECK_FALSE(shown(t.r, "trends.chart.0"));
    CHECK_FALSE(t.app.trends_state().have);
}
