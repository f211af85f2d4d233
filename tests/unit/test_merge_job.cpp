// The three-way merge as a job (core/merge_job.h), as the web app's worker runs it for the merge dialog: the answer
// holds the same merged document and conflicts as resolve_merge, choices are applied by path, and a wrong argument
// is refused with a sentence.
#include <catch2/catch.hpp>

#include "core/exporters/jobs.h"
#include "core/format.h"
#include "core/merge.h"
#include "core/merge_job.h"

#include "samples.h"

using namespace hs;

namespace {

using test::load_sample;

Json answer(const Document& ours, const std::string& arg) {
    const ExportJobResult r = run_export_job(static_cast<int>(ExportJob::Merge), save_document(ours), arg);
    INFO(r.text);
    REQUIRE(r.ok);
    return Json::parse(r.text);
}

}  // namespace

TEST_CASE("merge job: conflicts come back labelled, choices by path pick the version kept", "[merge][jobs]") {
    const Document base = load_sample("multi-day-cdn-degradation.json");
    Document ours = base, theirs = base;
    ours.title = "決済遅延: CDN の劣化 — 我々の版";
    ours.summary += "\n\nОбновление: откат завершён в 14:20.";
    theirs.title = "Υποβάθμιση CDN — η εκδοχή τους 🔥";
    theirs.impact.description += "\n\n追加: 返金対応は 311 件。";
    REQUIRE(!theirs.timeline.empty());
    theirs.timeline.front().description += " (confirmed by the edge team)";

    const std::string base_json = save_document(base), theirs_json = save_document(theirs);
    const Json a = answer(ours, merge_job_arg(base_json, theirs_json, {}));
    REQUIRE(a["conflicts"].is_array());
    REQUIRE(a["conflicts"].size() == 1);
    const Json& c = a["conflicts"][0];
    CHECK(c["path"] == "/title");
    CHECK(c["label"] == "Title");
    CHECK(c["ours"] == ours.title);
    CHECK(c["theirs"] == theirs.title);
    CHECK(c["keep_both"] == true);
    CHECK_FALSE(c["what"].get<std::string>().empty());

    // Without a choice the merged document keeps ours where they collide and takes every other change of theirs:
    // the same as resolve_merge.
    const MergeResult direct = resolve_merge(base, ours, theirs, {});
    CHECK(a["merged"].get<std::string>() == save_document(direct.merged));
    LoadResult merged = load_document(a["merged"].get<std::string>());
    REQUIRE(merged.ok);
    CHECK(merged.doc.title == ours.title);
    CHECK(merged.doc.summary == ours.summary);
    CHECK(merged.doc.impact.description == theirs.impact.description);
    CHECK(merged.doc.timeline.front().description == theirs.timeline.front().description);

    // Their title chosen; then both kept.
    const Json t = answer(ours, merge_job_arg(base_json, theirs_json, {{"/title", 1}}));
    CHECK(load_document(t["merged"].get<std::string>()).doc.title == theirs.title);
    const Json b = answer(ours, merge_job_arg(base_json, theirs_json, {{"/title", 2}}));
    const std::string both = load_document(b["merged"].get<std::string>()).doc.title;
    CHECK(both.find(ours.title) != std::string::npos);
    CHECK(both.find(theirs.title) != std::string::npos);
}

TEST_CASE("merge job: without a base every difference counts as theirs; a wrong argument is refused",
          "[merge][jobs]") {
    const Document ours = load_sample("minimal-cert-expiry.json");
    Document theirs = ours;
    theirs.summary = "Сертификат истёк в 03:12 UTC; продлён вручную.";
    const Json a = answer(ours, merge_job_arg("", save_document(theirs), {}));
    CHECK(a["conflicts"].empty());
    CHECK(load_document(a["merged"].get<std::string>()).doc.summary == theirs.summary);

    const int job = static_cast<int>(ExportJob::Merge);
    for (const std::string& bad : {std::string(), std::string("{"), std::string("[]"), std::string("{\"theirs\":3}"),
                                   merge_job_arg("", "{\"format\":\"not-hindsight\"}", {})}) {
        INFO(bad);
        const ExportJobResult r = run_export_job(job, save_document(ours), bad);
        CHECK_FALSE(r.ok);
        CHECK_FALSE(r.text.empty());
    }
}
