// Exports run as jobs by number and JSON (core/exporters/jobs.h), as the web app's worker runs them: each job gives
// the exporter's own output, and a wrong number, argument or document is refused with a sentence.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/exporters/exporters.h"
#include "core/exporters/jobs.h"
#include "core/format.h"
#include "core/review.h"
#include "core/tracker.h"

using namespace hs;

namespace {

std::string sample_json(const std::string& name) {
    std::ifstream f(std::string(HS_SOURCE_DIR) + "/assets/samples/" + name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("export jobs: each job by number gives its exporter's output", "[export][jobs]") {
    const std::string json = sample_json("ja-payment-gateway-timeout.json");
    LoadResult l = load_document(json);
    REQUIRE(l.ok);
    const Document& d = l.doc;
    const struct {
        ExportJob job;
        std::string arg, want;
    } cases[] = {
        {ExportJob::Markdown, "", export_markdown(d)},
        {ExportJob::Html, "", export_html(d)},
        {ExportJob::ActionsCsv, "", export_actions_csv(d)},
        {ExportJob::JiraCsv, "", export_jira_csv(d)},
        {ExportJob::GitlabCsv, "", export_gitlab_csv(d)},
        {ExportJob::Ics, "1772712000000", export_actions_ics(d, 1772712000000)},
        {ExportJob::ReadViewRows, "2", export_html_timeline_rows(d, 2, kReadViewRows)},
    };
    for (const auto& c : cases) {
        const ExportJobResult r = run_export_job(static_cast<int>(c.job), json, c.arg);
        INFO("job " << static_cast<int>(c.job));
        CHECK(r.ok);
        CHECK(r.text == c.want);
        CHECK_FALSE(r.text.empty());
    }
    HtmlOptions o;
    o.standalone = false;
    o.timeline_rows = kReadViewRows;
    const ExportJobResult view = run_export_job(static_cast<int>(ExportJob::ReadView), json, "");
    CHECK(view.ok);
    CHECK(view.text == export_html(d, o));
    CHECK(view.text.rfind("<!doctype", 0) == std::string::npos);  // a fragment, not a page
}

TEST_CASE("export jobs: the read view is cut at kReadViewRows and the rest comes in batches", "[export][jobs]") {
    Document d;
    d.id = "pm-2026-0612-queue";
    d.title = "Очередь сообщений: 2,500 событий";
    for (int i = 0; i < 2500; ++i) {
        Event e;
        e.id = "ev" + std::to_string(i);
        e.time = *parse_iso8601("2026-06-12T08:00:00Z");
        e.time.unix_ms += static_cast<int64_t>(i) * 1000;
        e.description = "Σφάλμα #" + std::to_string(i) + " 🔥";
        d.timeline.push_back(e);
    }
    const std::string json = save_document(d);
    const ExportJobResult view = run_export_job(static_cast<int>(ExportJob::ReadView), json, "");
    REQUIRE(view.ok);
    CHECK(view.text.find("Σφάλμα #999 ") != std::string::npos);
    CHECK(view.text.find("Σφάλμα #1000 ") == std::string::npos);
    CHECK(view.text.find("data-hs-more=\"1000\"") != std::string::npos);
    const ExportJobResult more = run_export_job(static_cast<int>(ExportJob::ReadViewRows), json, "1000");
    REQUIRE(more.ok);
    CHECK(more.text.find("Σφάλμα #1000 ") != std::string::npos);
    CHECK(more.text.find("Σφάλμα #1999 ") != std::string::npos);
    CHECK(more.text.find("data-hs-more=\"2000\"") != std::string::npos);
}

TEST_CASE("export jobs: a wrong job, argument or document is refused with a sentence", "[export][jobs]") {
    const std::string json = sample_json("minimal-cert-expiry.json");
    for (int job : {-1, kExportJobCount, 1000}) {
        const ExportJobResult r = run_export_job(job, json, "");
        CHECK_FALSE(r.ok);
        CHECK(r.text.find("does not know that export") != std::string::npos);
    }
    for (const char* bad : {"", "{", "[]", "{\"format\":\"not-hindsight\"}"}) {
        const ExportJobResult r = run_export_job(static_cast<int>(ExportJob::Markdown), bad, "");
        CHECK_FALSE(r.ok);
        CHECK(r.text == "the document could not be read for the export");
    }
    for (const char* arg : {"", "soon", "12x", "99999999999999999999999"}) {
        INFO(arg);
        CHECK_FALSE(run_export_job(static_cast<int>(ExportJob::Ics), json, arg).ok);
    }
    CHECK_FALSE(run_export_job(static_cast<int>(ExportJob::ReadViewRows), json, "-3").ok);
    CHECK(run_export_job(static_cast<int>(ExportJob::ReadViewRows), json, "100000").ok);  // past the end: no rows
}

TEST_CASE("export jobs: the tracker matching answers what tracker_update finds, and a damaged answer is refused",
          "[export][jobs][tracker]") {
    auto read = [](const std::string& name) {
        std::ifstream f(std::string(HS_SOURCE_DIR) + "/tests/data/tracker/" + name, std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        return ss.str();
    };
    const std::string json = read("postmortem.json");
    LoadResult l = load_document(json);
    REQUIRE(l.ok);
    for (const char* csv_name : {"jira-export.csv", "gitlab-export.csv"}) {
        INFO(csv_name);
        const std::string csv = read(csv_name);
        TrackerOptions opts;
        opts.jira_base_url = "https://ops.example.atlassian.net";
        const TrackerUpdate want = tracker_update(l.doc, csv, opts);
        REQUIRE(want.ok);
        const ExportJobResult r =
            run_export_job(static_cast<int>(ExportJob::TrackerMatch), json, tracker_job_arg(csv, opts.jira_base_url));
        REQUIRE(r.ok);
        TrackerUpdate got;
        std::string no_match = "stale";
        REQUIRE(tracker_update_from_json(r.text, got, no_match));
        CHECK(no_match.empty());
        CHECK(got.tracker == want.tracker);
        CHECK(got.rows == want.rows);
        REQUIRE(got.changes.size() == want.changes.size());
        CHECK_FALSE(got.changes.empty());
        for (size_t i = 0; i < got.changes.size(); ++i) {
            CHECK(got.changes[i].item_id == want.changes[i].item_id);
            CHECK(got.changes[i].field == want.changes[i].field);
            CHECK(got.changes[i].old_value == want.changes[i].old_value);
            CHECK(got.changes[i].new_value == want.changes[i].new_value);
        }
        CHECK(got.unmatched_rows.size() == want.unmatched_rows.size());
        CHECK(got.unmatched_items == want.unmatched_items);
        CHECK(got.notes == want.notes);
    }
    // A document none of whose items the file names: the answer carries the message to show.
    Document other = l.doc;
    for (ActionItem& a : other.action_items) a.id = "ai-" + a.id + "-elsewhere";
    const ExportJobResult none = run_export_job(static_cast<int>(ExportJob::TrackerMatch), save_document(other),
                                                tracker_job_arg(read("jira-export.csv"), ""));
    REQUIRE(none.ok);
    TrackerUpdate u;
    std::string no_match;
    REQUIRE(tracker_update_from_json(none.text, u, no_match));
    CHECK(no_match == tracker_no_match_message(other, u));
    CHECK_FALSE(no_match.empty());

    CHECK_FALSE(run_export_job(static_cast<int>(ExportJob::TrackerMatch), json, "not json").ok);
    CHECK_FALSE(run_export_job(static_cast<int>(ExportJob::TrackerMatch), json, "{\"csv\":3}").ok);
    for (const char* bad : {"", "[]", "{\"ok\":true}", "{\"ok\":1,\"error\":\"\",\"tracker\":\"jira\",\"rows\":1,"
                            "\"no_match\":\"\",\"changes\":[],\"unmatched_rows\":[],\"unmatched_items\":[],\"notes\":[]}",
                            "{\"ok\":true,\"error\":\"\",\"tracker\":\"jira\",\"rows\":1,\"no_match\":\"\",\"changes\":"
                            "[{\"item\":\"a\"}],\"unmatched_rows\":[],\"unmatched_items\":[],\"notes\":[]}"}) {
        INFO(bad);
        CHECK_FALSE(tracker_update_from_json(bad, u, no_match));
    }
}

TEST_CASE("export jobs: the read view shows open comments in the margin of their section, all of them at the end",
          "[export][jobs][review]") {
    LoadResult l = load_document(sample_json("ja-payment-gateway-timeout.json"));
    REQUIRE(l.ok);
    Document d = l.doc;
    Instant at;
    at.set = true;
    at.unix_ms = 1775570280000;
    const size_t cut = d.summary.find("cert-manager");
    REQUIRE(cut != std::string::npos);
    const std::string on_summary = add_comment(d, make_anchor(d, "summary", cut, cut + 12), "Ольга (SRE)",
                                               "Which version of cert-manager? <script>x</script>", at);
    REQUIRE(!d.timeline.empty());
    add_comment(d, anchor_to("timeline/" + d.timeline.front().id + "/description"), "田中",
                "この時刻は JST ですか？", at);
    const std::string done = add_comment(d, anchor_to("impact"), "Eleni", "Αριθμός πελατών; επιβεβαιώθηκε.", at);
    REQUIRE(resolve_comment(d, done, "Eleni", at));
    REQUIRE(!add_comment_reply(d, on_summary, "Author", "v1.14.2", at).empty());

    const ExportJobResult r = run_export_job(ExportJob::ReadView, d, "");
    REQUIRE(r.ok);
    const std::string& html = r.text;
    // The section's own text: from its opening tag to its end.
    const auto section = [&](const std::string& key) {
        const size_t a = html.find("<section id=\"sec-" + key + "\"");
        REQUIRE(a != std::string::npos);
        return html.substr(a, html.find("</section>", a) - a);
    };
    const std::string summary = section("summary"), timeline = section("timeline"), impact = section("impact");
    CHECK(summary.find("<aside class=\"pm-comment\" role=\"note\"") != std::string::npos);
    CHECK(summary.find("Ольга (SRE)") != std::string::npos);
    CHECK(summary.find("<q>cert-manager</q>") != std::string::npos);
    CHECK(summary.find("1 reply") != std::string::npos);
    CHECK(summary.find("&lt;script&gt;") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(timeline.find("この時刻は JST ですか？") != std::string::npos);
    CHECK(impact.find("pm-comment") == std::string::npos);  // resolved: not in the margin
    // Every comment, the resolved one too, in the list at the end.
    const size_t list = html.find("<section class=\"review-comments\">");
    REQUIRE(list != std::string::npos);
    CHECK(html.find("Αριθμός πελατών", list) != std::string::npos);
    CHECK(html.find("(resolved)", list) != std::string::npos);

    // The exports themselves leave the review out.
    CHECK(run_export_job(ExportJob::Html, d, "").text.find("Ольга") == std::string::npos);
    CHECK(run_export_job(ExportJob::Markdown, d, "").text.find("Ольга") == std::string::npos);
}
