// Hostile documents: names of downloaded files come from an allow-list with the app's extension last, and the
// format refuses control characters in one-line fields (ids, names, dates). A shared link is someone else's text.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "core/filename.h"
#include "core/format.h"
#include "core/model.h"

using namespace hs;

namespace {
bool name_ok(const std::string& n, const std::string& suffix) {
    if (n.size() < suffix.size() || n.compare(n.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
    const std::string stem = n.substr(0, n.size() - suffix.size());
    if (stem.empty()) return false;
    for (unsigned char c : stem) {
        if (c < 0x20 || c == 0x7F) return false;                 // control characters
        if (c == '.' || c == '/' || c == '\\' || c == ':') return false;  // extension or path
        if (c < 0x80 && !(std::isalnum(c) || c == '-')) return false;
    }
    // No bidirectional controls (U+202A-U+202E, U+2066-U+2069) or zero-width characters (U+200B-U+200F).
    for (const char* bad : {"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae", "\xe2\x81\xa6",
                            "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9", "\xe2\x80\x8b", "\xe2\x80\x8f", "\xef\xbb\xbf"})
        if (stem.find(bad) != std::string::npos) return false;
    return true;
}
}  // namespace

TEST_CASE("download names: an allow-list of characters, the app's extension always last") {
    Document d;
    d.incident_id = std::string("report.html\0", 12);
    d.title = "<script>alert(1)</script>";
    const std::string n = download_name(document_file_stem(d), ".hindsight.json");
    CHECK(n == "report-html-script-alert-1-script.hindsight.json");
    CHECK(name_ok(n, ".hindsight.json"));
    for (const char* id : {"run.bat", "evil.exe\r\n", "invoice.svg", "../../etc/passwd", "C:\\Windows\\x.lnk",
                           "a\xe2\x80\xae" "fdp.exe", "\xef\xbc\x8f\xe2\x88\x95slash", "\x01\x02\x7f", "....", ""}) {
        Document e;
        e.incident_id = id;
        const std::string name = download_name(document_file_stem(e), ".md");
        INFO(name);
        CHECK(name_ok(name, ".md"));
    }
    // Letters of any script a person writes a title in stay.
    Document j;
    j.incident_id = "INC-42";
    j.title = "障害対応 Сбой Ωμέγα 🔥 checkout";
    CHECK(document_file_stem(j) == "inc-42-障害対応-Сбой-Ωμέγα-checkout");  // ASCII lowercased, other letters as typed
    Document none;
    CHECK(document_file_stem(none) == "postmortem");
    CHECK(safe_file_stem(std::string(500, 'a')).size() == 60);
}

TEST_CASE("download names hold their invariants on random text (property test)") {
    std::mt19937 rng(20261206);
    const std::vector<std::string> pieces = {"a", "Z", "9", ".", "/", "\\", ":", "\0", "\x1b", "\n", "\x7f", "\xc3\xa9",
                                             "\xe2\x80\xae", "\xe2\x80\x8b", "\xef\xbb\xbf", "\xf0\x9f\x94\xa5", "\xe9\x9a\x9c",
                                             "\xd0\xa1", "\xff", "\xc0\xaf", "\xed\xa0\x80", " ", "-", ".exe", ".html"};
    for (int i = 0; i < 5000; ++i) {
        std::string s;
        const int n = static_cast<int>(rng() % 24);
        for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
        for (const char* suffix : {".md", ".html", "-actions.csv", "-actions.ics", ".hindsight.json"}) {
            const std::string name = download_name(s, suffix);
            INFO(name);
            REQUIRE(name_ok(name, suffix));
        }
    }
}

TEST_CASE("the format refuses control characters in ids, names and dates, and says where") {
    const std::string base = R"({"format":"hindsight.postmortem","version":1,"title":"t",)";
    auto load = [&](const std::string& tail) { return load_document(base + tail + "}"); };
    LoadResult r = load(R"("incident_id":"report.html\u0000")");
    REQUIRE(!r.ok);
    bool found = false;
    for (const Problem& p : r.problems)
        if (p.pointer == "/incident_id" && p.message.find("control character (U+0000)") != std::string::npos) found = true;
    CHECK(found);
    CHECK(!load(R"("owner":"on-call\u001b[31m")").ok);
    CHECK(!load(R"("timeline":[{"id":"e1\n","time":"2026-01-01T00:00:00Z","description":"x"}])").ok);
    CHECK(!load(R"("action_items":[{"id":"a1","title":"x","owner":"a\u0007"}])").ok);
    // Text fields keep their line breaks and tabs; letters of any script are fine in names.
    LoadResult ok = load(R"("summary":"line one\nline two\tend","owner":"Сбой 障害 🔥")");
    INFO((ok.problems.empty() ? std::string() : ok.problems[0].message));
    CHECK(ok.ok);
}

#include "core/exporters/exporters.h"

namespace {
// The unescaped '|' of a Markdown table row (a backslash escapes the next character).
int pipes(const std::string& row) {
    int n = 0;
    for (size_t i = 0; i < row.size(); ++i) {
        if (row[i] == '\\') { ++i; continue; }
        if (row[i] == '|') ++n;
    }
    return n;
}

// Every table in `md` keeps its header's number of cells in every row.
void check_tables(const std::string& md) {
    int want = -1;
    size_t b = 0;
    while (b < md.size()) {
        size_t e = md.find('\n', b);
        if (e == std::string::npos) e = md.size();
        const std::string line = md.substr(b, e - b);
        if (line.compare(0, 2, "| ") == 0) {
            if (want < 0) want = pipes(line);
            INFO(line);
            REQUIRE(pipes(line) == want);
        } else {
            want = -1;
        }
        b = e + 1;
    }
}
}  // namespace

TEST_CASE("every string field through every exporter: no table cell splits, names keep their extension (property)") {
    std::mt19937 rng(424242);
    const std::vector<std::string> pieces = {"a", "|", "\\|", "\\", "`", "*", "[", "](", "<br>", "\n", "\r\n", "\t", "\0",
                                             "\x1b", "https://jira.example.com/browse/OPS-1?q=a|b", "<script>", "&", "\"",
                                             "=cmd|", "\xe2\x80\xae", "\xf0\x9f\x94\xa5", "\xd0\xa1", " ", "#", "-", "1."};
    auto rnd = [&]() {
        std::string s;
        const int n = 1 + static_cast<int>(rng() % 8);
        for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
        return s;
    };
    for (int i = 0; i < 300; ++i) {
        Document d;
        d.title = rnd();
        d.incident_id = rnd();
        d.owner = rnd();
        d.impact.slo = rnd();
        d.impact.regions = {rnd(), rnd()};
        d.impact.currency = rnd();
        d.impact.revenue_lost = 12.5;
        Event e;
        e.id = "e1";
        e.time.set = true;
        e.time.unix_ms = 1767225600000;
        e.description = rnd();
        e.author = rnd();
        e.tags = {rnd()};
        d.timeline.push_back(e);
        ActionItem a;
        a.id = "a1";
        a.title = rnd();
        a.description = rnd();
        a.owner = rnd();
        a.due = rnd();
        a.priority = rnd();
        a.ticket_url = (rng() % 2) ? "https://jira.example.com/browse/OPS-1?q=" + rnd() : rnd();
        d.action_items.push_back(a);
        const std::string md = export_markdown(d);
        check_tables(md);
        // The other exporters take the same fields without crashing; the HTML never carries a raw <script>.
        const std::string html = export_html(d);
        CHECK(html.find("<script>") == std::string::npos);
        (void)export_actions_csv(d);
        for (const char* suffix : {".md", ".html", "-actions.csv", "-actions.ics", ".hindsight.json"})
            REQUIRE(name_ok(download_name(document_file_stem(d), suffix), suffix));
    }
}

TEST_CASE("a '|' in a ticket URL inside the action items table is encoded, not a cell break") {
    Document d;
    ActionItem a;
    a.id = "a1";
    a.title = "Fix";
    a.ticket_url = "https://jira.example.com/browse/OPS-1?q=a|b";
    d.action_items.push_back(a);
    d.impact.regions = {"eu-west|1"};
    const std::string md = export_markdown(d);
    CHECK(md.find("(https://jira.example.com/browse/OPS-1?q=a%7Cb)") != std::string::npos);
    CHECK(md.find("eu-west\\|1") != std::string::npos);
    CHECK(md.find("eu-west\\\\|1") == std::string::npos);
    check_tables(md);
}
