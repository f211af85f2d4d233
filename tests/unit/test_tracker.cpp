// Updating action items from a tracker's CSV export (core/tracker.h): realistic Jira and GitLab exports under
// tests/data/tracker/ (BOM, repeated Labels columns, quoted cells with commas and line breaks, Jira dates, Japanese,
// Cyrillic and Greek summaries), the matching, the changes, applying them, and clear errors for bad CSV.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/importers/importers.h"
#include "core/tracker.h"

using namespace hs;

namespace {

std::string read_fixture(const std::string& name) {
    std::ifstream f(std::string(HS_SOURCE_DIR) + "/tests/data/tracker/" + name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

Document fixture_doc() {
    LoadResult r = load_document(read_fixture("postmortem.json"));
    REQUIRE(r.ok);
    return r.doc;
}

std::vector<std::string> lines_of(const TrackerUpdate& u) {
    std::vector<std::string> out;
    for (const auto& c : u.changes) out.push_back(c.item_id + " " + c.field + ": " + c.old_value + " -> " + c.new_value);
    return out;
}

const ActionItem& item(const Document& d, const std::string& id) {
    for (const auto& a : d.action_items)
        if (a.id == id) return a;
    FAIL("no item " << id);
    return d.action_items.front();
}

}  // namespace

TEST_CASE("tracker: a Jira all-fields export updates status, due date and ticket", "[tracker]") {
    Document d = fixture_doc();
    TrackerUpdate u = tracker_update(d, read_fixture("jira-export.csv"));
    REQUIRE(u.ok);
    CHECK(u.tracker == "jira");
    // The base of the ticket links comes from the item that already points at the Jira site.
    CHECK(lines_of(u) == std::vector<std::string>{
                             "ai-3f9a1c02 status: open -> done",
                             "ai-3f9a1c02 ticket_url:  -> https://acme.atlassian.net/browse/OPS-4111",
                             "ai-7b20e4d1 status: in_progress -> wont_do",
                             "ai-7b20e4d1 due: 2026-12-20 -> 2026-12-22",
                             "ai-0c55d9e8 status: open -> in_progress",
                             "ai-0c55d9e8 ticket_url:  -> https://acme.atlassian.net/browse/OPS-4113",
                         });
    REQUIRE(u.unmatched_rows.size() == 1);
    CHECK(u.unmatched_rows[0].key == "OPS-4120");
    CHECK(u.unmatched_rows[0].title == "Upgrade the load balancer, then drain old nodes");
    CHECK(u.unmatched_rows[0].line == 15);  // after two rows whose descriptions span lines
    CHECK(u.unmatched_items == std::vector<std::string>{"ai-9d41aa73"});
    CHECK(u.notes.empty());

    Document before = d;
    CHECK(apply_tracker_changes(d, u.changes) == 6);
    CHECK(item(d, "ai-3f9a1c02").status == "done");
    CHECK(item(d, "ai-7b20e4d1").due == "2026-12-22");
    CHECK(item(d, "ai-0c55d9e8").ticket_url == "https://acme.atlassian.net/browse/OPS-4113");
    CHECK(item(d, "ai-9d41aa73").status == "open");
    // Applied again, nothing changes; the same export now proposes nothing.
    CHECK(apply_tracker_changes(d, u.changes) == 0);
    CHECK(tracker_update(d, read_fixture("jira-export.csv")).changes.empty());
    // The reverse changes (what an undo restores) bring the document back.
    std::vector<TrackerChange> back;
    for (const auto& c : u.changes) back.push_back({c.item_id, c.field, c.new_value, c.old_value});
    apply_tracker_changes(d, back);
    CHECK(save_document(d, false) == save_document(before, false));
}

TEST_CASE("tracker: the Jira site address can be given and without it keys are not guessed", "[tracker]") {
    Document d = fixture_doc();
    d.action_items[1].ticket_url.clear();  // no item points at the Jira site any more
    TrackerUpdate u = tracker_update(d, read_fixture("jira-export.csv"));
    REQUIRE(u.ok);
    for (const auto& c : u.changes) CHECK(c.field != "ticket_url");
    REQUIRE(u.notes.size() == 1);
    CHECK(u.notes[0].find("--jira-url") != std::string::npos);
    TrackerOptions o;
    o.jira_base_url = "https://jira.example.org/";
    u = tracker_update(d, read_fixture("jira-export.csv"), o);
    CHECK(lines_of(u)[1] == "ai-3f9a1c02 ticket_url:  -> https://jira.example.org/browse/OPS-4111");
}

TEST_CASE("tracker: a GitLab issue export matches by the description and sets the issue URL", "[tracker]") {
    Document d = fixture_doc();
    TrackerUpdate u = tracker_update(d, read_fixture("gitlab-export.csv"));
    REQUIRE(u.ok);
    CHECK(u.tracker == "gitlab");
    // GitLab's "Open" does not undo "in progress" (GitLab has no such state).
    CHECK(lines_of(u) == std::vector<std::string>{
                             "ai-3f9a1c02 status: open -> done",
                             "ai-3f9a1c02 due: 2026-12-12 -> 2026-12-14",
                             "ai-3f9a1c02 ticket_url:  -> https://gitlab.example.com/payments/api/-/issues/57",
                             "ai-7b20e4d1 ticket_url: https://acme.atlassian.net/browse/OPS-4112 -> "
                             "https://gitlab.example.com/payments/api/-/issues/58",
                         });
    REQUIRE(u.unmatched_rows.size() == 1);
    CHECK(u.unmatched_rows[0].key == "#59");
    CHECK(u.unmatched_items == std::vector<std::string>{"ai-0c55d9e8", "ai-9d41aa73"});
}

TEST_CASE("tracker: our own Jira export, given keys and statuses, comes back to every item", "[tracker]") {
    Document d = fixture_doc();
    // What a Jira export of the imported tickets looks like: our rows with a key and a new status in front, LF ends.
    std::string ours = export_jira_csv(d), csv;
    size_t row = 0, pos = 0;
    const char* statuses[] = {"Status", "Done", "Done", "In Review", "Closed"};
    while (pos < ours.size()) {
        // Records end in CRLF outside quotes; inside quotes line ends are LF only, so CRLF marks a record.
        size_t end = ours.find("\r\n", pos);
        std::string rec = ours.substr(pos, end - pos);
        std::string key = row == 0 ? "Issue key" : "OPS-" + std::to_string(500 + row);
        csv += key + "," + statuses[row] + "," + rec + "\n";
        pos = end + 2;
        ++row;
    }
    REQUIRE(row == 5);
    TrackerUpdate u = tracker_update(d, csv);
    REQUIRE(u.ok);
    CHECK(u.unmatched_rows.empty());
    CHECK(u.unmatched_items.empty());
    apply_tracker_changes(d, u.changes);
    CHECK(item(d, "ai-3f9a1c02").status == "done");
    CHECK(item(d, "ai-7b20e4d1").status == "done");
    CHECK(item(d, "ai-0c55d9e8").status == "in_progress");
    CHECK(item(d, "ai-9d41aa73").status == "done");
    CHECK(item(d, "ai-9d41aa73").ticket_url == "https://acme.atlassian.net/browse/OPS-504");
}

TEST_CASE("tracker: unknown statuses and dates are left alone with a note", "[tracker]") {
    Document d = fixture_doc();
    std::string csv =
        "Issue key,Summary,Status,Due Date,Labels\r\n"
        "OPS-1,接続プールの上限を見直す,Waiting for vendor,someday,hindsight-ai-3f9a1c02\r\n"
        "OPS-2,接続プールの上限を見直す (copy),Done,,hindsight-ai-3f9a1c02\r\n";
    TrackerUpdate u = tracker_update(d, csv);
    REQUIRE(u.ok);
    for (const auto& c : u.changes) CHECK(c.field == "ticket_url");
    REQUIRE(u.notes.size() == 3);
    CHECK(u.notes[0].find("Waiting for vendor") != std::string::npos);
    CHECK(u.notes[1].find("someday") != std::string::npos);
    CHECK(u.notes[2].find("line 3") != std::string::npos);  // the second row naming the same item
}

TEST_CASE("tracker: dates as Jira and GitLab write them", "[tracker]") {
    CHECK(tracker_date("12/Dec/26 3:45 PM") == "2026-12-12");
    CHECK(tracker_date("1/Mar/26") == "2026-03-01");
    CHECK(tracker_date("29/feb/2028 12:00 AM") == "2028-02-29");
    CHECK(tracker_date("2026-12-14") == "2026-12-14");
    CHECK(tracker_date(" 2026-12-14 15:45:00 ") == "2026-12-14");
    CHECK(tracker_date("2026-12-14T15:45:00Z") == "2026-12-14");
    CHECK(tracker_date("29/Feb/26") == "");   // not a real date
    CHECK(tracker_date("12/Dez/26") == "");   // not an English month abbreviation
    CHECK(tracker_date("12/Dec/202") == "");  // neither two nor four digits
    CHECK(tracker_date("2026-13-01") == "");
    CHECK(tracker_date("12/12/26") == "");    // ambiguous: refused, not guessed
    CHECK(tracker_date("") == "");
}

TEST_CASE("tracker: bad CSV gets an error that says what is wrong", "[tracker]") {
    Document d = fixture_doc();
    auto error_of = [&](const std::string& csv) {
        TrackerUpdate u = tracker_update(d, csv);
        CHECK_FALSE(u.ok);
        CHECK(u.changes.empty());
        return u.error;
    };
    CHECK(error_of("").find("empty") != std::string::npos);
    CHECK(error_of("\xEF\xBB\xBF\r\n\r\n").find("empty") != std::string::npos);
    std::string cut = read_fixture("jira-export.csv");
    cut = cut.substr(0, cut.find("load-test"));  // cut short inside a quoted description
    std::string e = error_of(cut);
    CHECK(e.find("line 2") != std::string::npos);
    CHECK(e.find("never closed") != std::string::npos);
    CHECK(error_of("Summary,Status\r\nA,Done\r\n").find("neither a Labels nor a Description") != std::string::npos);
    CHECK(error_of("Summary,Labels\r\nA,hindsight-ai-3f9a1c02\r\n").find("nothing to update") != std::string::npos);
    CHECK(error_of(std::string(5000, ',') + "\n").find("columns") != std::string::npos);
    CHECK(looks_like_tracker_csv(read_fixture("jira-export.csv")));
    CHECK(looks_like_tracker_csv(read_fixture("gitlab-export.csv")));
    CHECK_FALSE(looks_like_tracker_csv("time,type,description\n2026-03-01T13:00:00Z,detected,Alert\n"));
}

TEST_CASE("tracker: rows are counted, and a file naming no item of the postmortem says so and what to do",
          "[tracker]") {
    Document d = fixture_doc();
    TrackerUpdate u = tracker_update(d, read_fixture("jira-export.csv"));
    CHECK(u.rows == 4);
    CHECK(tracker_matched_rows(u) == 3);
    Document other;
    ActionItem a;
    a.id = "ai-55aa0c11";
    a.title = "Проверить ретраи клиента";
    other.action_items.push_back(a);
    TrackerUpdate none = tracker_update(other, read_fixture("jira-export.csv"));
    REQUIRE(none.ok);
    CHECK(tracker_matched_rows(none) == 0);
    const std::string msg = tracker_no_match_message(other, none);
    CHECK(msg.find("None of the 4 rows names an action item of this postmortem") == 0);
    CHECK(msg.find("hindsight-ai-55aa0c11") != std::string::npos);
    CHECK(msg.find("Export") != std::string::npos);
    TrackerUpdate header_only = tracker_update(other, "Summary,Issue key,Status,Labels\r\n");
    REQUIRE(header_only.ok);
    CHECK(tracker_no_match_message(other, header_only).find("no issues") != std::string::npos);
    CHECK(tracker_no_match_message(Document{}, none).find("which has none") != std::string::npos);
}

TEST_CASE("tracker: opened as any file, a tracker export is recognised, and a timeline CSV is not", "[tracker]") {
    std::string kind;
    ImportResult r = open_any("Jira Export (all fields).csv", read_fixture("jira-export.csv"), &kind);
    CHECK(kind == "tracker");
    REQUIRE_FALSE(r.ok);  // it updates a postmortem; it is no timeline to import
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems.front().message.find("actions update") != std::string::npos);
    open_any("issues-export", read_fixture("gitlab-export.csv"), &kind);  // no extension: by its content
    CHECK(kind == "tracker");
    r = open_any("timeline.csv",
                 "time,type,description,author,tags\n2026-12-01T09:12:00Z,detected,\"Алерт, see hindsight-ai-3f9a1c02\","
                 "SRE,db\n",
                 &kind);
    CHECK(kind == "csv");
    CHECK(r.ok);
}
