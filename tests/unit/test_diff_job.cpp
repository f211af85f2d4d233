// The history view's diff as a job (core/diff_json.h), as the web app's worker makes it: the JSON carries every
// change diff_documents finds, word spans included, back unchanged; a damaged answer gives less, never a crash.
#include <catch2/catch.hpp>

#include "core/diff_json.h"
#include "core/exporters/jobs.h"
#include "core/format.h"

#include "samples.h"

using namespace hs;

namespace {

using test::load_sample;

bool same(const Change& a, const Change& b) {
    if (a.path != b.path || a.label != b.label || a.kind != b.kind || a.before != b.before || a.after != b.after ||
        a.capped != b.capped || a.spans.size() != b.spans.size())
        return false;
    for (size_t i = 0; i < a.spans.size(); ++i)
        if (a.spans[i].op != b.spans[i].op || a.spans[i].text != b.spans[i].text) return false;
    return true;
}

}  // namespace

TEST_CASE("diff job: the changes from a snapshot to the draft come back as diff_documents finds them", "[diff][jobs]") {
    const Document before = load_sample("ja-payment-gateway-timeout.json");
    Document after = before;
    after.summary += "\n\n追記: 21:40 に PSP 側の上限が引き上げられた。";
    after.title = "GW セール中の決済エラー（確定版）";
    REQUIRE(after.timeline.size() > 2);
    after.timeline.erase(after.timeline.begin() + 1);
    Event e;
    e.id = "ev-added-by-test";
    e.description = "Откат конфигурации cert-reloader завершён 🔥";
    after.timeline.push_back(e);

    const std::vector<Change> direct = diff_documents(before, after);
    REQUIRE(direct.size() >= 4);
    const ExportJobResult r = run_export_job(static_cast<int>(ExportJob::Diff), save_document(before), save_document(after));
    REQUIRE(r.ok);
    const std::vector<Change> back = changes_from_json(Json::parse(r.text));
    REQUIRE(back.size() == direct.size());
    bool spans_seen = false;
    for (size_t i = 0; i < direct.size(); ++i) {
        INFO(direct[i].path);
        CHECK(same(back[i], direct[i]));
        spans_seen = spans_seen || !direct[i].spans.empty();
    }
    CHECK(spans_seen);

    // No change: an empty list. A draft that does not load: a sentence.
    const ExportJobResult none = run_export_job(static_cast<int>(ExportJob::Diff), save_document(before), save_document(before));
    REQUIRE(none.ok);
    CHECK(changes_from_json(Json::parse(none.text)).empty());
    const ExportJobResult bad = run_export_job(static_cast<int>(ExportJob::Diff), save_document(before), "{\"format\":1}");
    CHECK_FALSE(bad.ok);
    CHECK(bad.text == "the draft could not be read for the comparison");
}

TEST_CASE("diff job: a damaged answer shows what it can and never throws", "[diff][jobs]") {
    CHECK(changes_from_json(Json::parse("{}")).empty());
    CHECK(changes_from_json(Json()).empty());
    const std::vector<Change> c = changes_from_json(Json::parse(
        R"([3, {"path": 5, "label": "Summary", "kind": "exploded", "spans": [["+", "neu"], ["?"], 7, ["-", 2]]}])"));
    REQUIRE(c.size() == 1);
    CHECK(c[0].path.empty());
    CHECK(c[0].label == "Summary");
    CHECK(c[0].kind == Change::Kind::Changed);
    REQUIRE(c[0].spans.size() == 1);
    CHECK(c[0].spans[0].op == TextSpan::Op::Insert);
}
