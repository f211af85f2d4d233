// The editor's metrics panel says what each figure is measured from: "from detection" for a paging tool's import,
// which knows the alert and not the impact, and "from impact start" once the timeline has one.
#include <catch2/catch.hpp>

#include <string>

#include "app.h"
#include "core/format.h"
#include "headless.h"
#include "locate_util.h"

namespace {

hs::Event event(const char* type, const char* iso, const char* text) {
    hs::Event e;
    e.id = std::string("ev-") + type;
    e.type = type;
    e.time = *hs::parse_iso8601(iso);
    e.description = text;
    return e;
}

// A PagerDuty-like timeline: trigger, acknowledgement and resolution across midnight in Tokyo, no impact start.
hs::Document paged_doc() {
    hs::Document d;
    d.id = "pm-paged";
    d.title = "決済 API のタイムアウトが急増";
    d.timeline = {event("detected", "2026-02-14T23:48:30+09:00", "p99 latency of payments-api above 2 s"),
                  event("acknowledged", "2026-02-15T00:05:12+09:00", "Acknowledged by the on-call"),
                  event("resolved", "2026-02-15T01:22:05+09:00", "Пул соединений расширен")};
    return d;
}

struct Editor {
    hs::native::HeadlessRunner r{1400, 900};
    hs::native::HeadlessPlatform platform;
    hs::ui::App app{platform};
    void open(const hs::Document& d) {
        REQUIRE(app.open_json(hs::save_document(d), "test"));
        for (int i = 0; i < 4; ++i) r.frame([&] { app.frame(); });
    }
    bool shown(const std::string& name) const { return uitest::shown(r, name); }
};

}  // namespace

TEST_CASE("the metrics panel shows each figure's basis, from detection without an impact start") {
    {
        Editor e;
        e.platform.fixed_now_ms = 1775570280000;
        e.open(paged_doc());
        CHECK(e.shown("metrics.basis.time_to_acknowledge_s.detected"));
        CHECK(e.shown("metrics.basis.time_to_resolve_s.detected"));
        CHECK(e.shown("metrics.basis.impact_duration_s.detected"));
        CHECK_FALSE(e.shown("metrics.basis.time_to_resolve_s.impact_start"));
        CHECK_FALSE(e.shown("metrics.basis.time_to_detect_s.impact_start"));  // undefined: no word
        CHECK(e.shown("metrics.impact_start_unknown"));
        CHECK(e.shown("metrics.add.impact_start"));  // and the way to add it
    }
    {  // one editor (and ImGui context) at a time
        hs::Document d = paged_doc();
        d.id = "pm-with-impact";
        d.timeline.push_back(event("impact_start", "2026-02-14T23:40:00+09:00", "Timeouts start"));
        Editor f;
        f.platform.fixed_now_ms = 1775570280000;
        f.open(d);
        CHECK(f.shown("metrics.basis.time_to_resolve_s.impact_start"));
        CHECK(f.shown("metrics.basis.time_to_detect_s.impact_start"));
        CHECK(f.shown("metrics.basis.time_to_acknowledge_s.detected"));  // always from the alert
        CHECK_FALSE(f.shown("metrics.basis.time_to_resolve_s.detected"));
        CHECK_FALSE(f.shown("metrics.impact_start_unknown"));
    }
}
