// The Markdown importer: Hindsight's own export read back (every sample), and postmortems written in the shapes of
// the SRE book's example and Atlassian's template.
//
// What the round trip keeps: the title; incident id, severity (SEV1..SEV5), status, authors, owner, reviewers,
// services, tags and related incidents; every non-empty section's content: prose (up to the exporter's white space:
// lines trimmed, runs of blank lines made one), the impact's measures, the timeline's events (time to the second
// with its UTC offset, type, description, author, tags), root causes, factors, whys, lessons and open questions,
// action items (title, description, type, priority, owner, due, status, ticket) and links.
// What it cannot keep, because the Markdown does not carry it: ids (new ones are made), milliseconds of times, the
// contributing factors' categories, the detection method, custom severity labels, the created and updated times'
// offsets, approvals, comments, suggestions and review history, empty sections (the others keep their order), the
// template name, and fields a newer build added (extra).
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "core/embedded.h"
#include "core/exporters/exporters.h"
#include "core/format.h"
#include "core/importers/importers.h"
#include "import_support.h"
#include "core/strings.h"

using namespace hs;

namespace {

// Prose as the exporter writes it: each line trimmed, blank-line runs made one, no blank lines at either end.
std::string as_exported(const std::string& text) {
    std::string out, pending;
    std::istringstream in(sanitize_text(text));
    for (std::string line; std::getline(in, line);) {
        line = trim(line);
        if (line.empty()) {
            if (!out.empty()) pending = "\n\n";
            continue;
        }
        out += (out.empty() ? "" : pending.empty() ? "\n" : pending) + line;
        pending.clear();
    }
    return out;
}

std::vector<std::string> texts(const std::vector<Item>& items) {
    std::vector<std::string> out;
    for (const Item& i : items)
        if (!trim(i.text).empty()) out.push_back(as_exported(i.text));
    return out;
}

// The keys of the sections that show, in the order they show.
std::vector<std::string> shown_sections(const Document& d) {
    std::vector<std::string> out;
    for (const std::string& k : export_detail::section_order(d))
        if (!export_detail::section_is_empty(d, k) && std::find(out.begin(), out.end(), k) == out.end())
            out.push_back(k);
    return out;
}

void check_round_trip(const Document& a, const Document& b) {
    CHECK(shown_sections(b) == shown_sections(a));
    CHECK(b.title == a.title);
    CHECK(b.incident_id == a.incident_id);
    if (a.severity_labels.empty()) CHECK(b.severity == a.severity);
    CHECK(b.status == a.status);
    CHECK(b.authors == a.authors);
    CHECK(b.owner == a.owner);
    CHECK(b.reviewers == a.reviewers);
    CHECK(b.services == a.services);
    CHECK(b.tags == a.tags);
    CHECK(b.related_incidents == a.related_incidents);
    for (const char* f : {"summary", "leadup", "trigger", "fault", "detection", "response", "recovery", "resolution"})
        CHECK(as_exported(*export_detail::prose_field(b, f)) == as_exported(*export_detail::prose_field(a, f)));
    CHECK(as_exported(b.impact.description) == as_exported(a.impact.description));
    CHECK(b.impact.users_affected == a.impact.users_affected);
    CHECK(b.impact.requests_failed == a.impact.requests_failed);
    CHECK(b.impact.revenue_lost == a.impact.revenue_lost);
    CHECK(b.impact.support_tickets == a.impact.support_tickets);
    CHECK(b.impact.regions == a.impact.regions);
    CHECK(b.impact.slo == a.impact.slo);
    CHECK(texts(b.root_causes) == texts(a.root_causes));
    CHECK(texts(b.contributing_factors) == texts(a.contributing_factors));
    CHECK(texts(b.five_whys) == texts(a.five_whys));
    CHECK(texts(b.lessons.went_well) == texts(a.lessons.went_well));
    CHECK(texts(b.lessons.went_wrong) == texts(a.lessons.went_wrong));
    CHECK(texts(b.lessons.got_lucky) == texts(a.lessons.got_lucky));
    CHECK(texts(b.open_questions) == texts(a.open_questions));
    std::vector<Event> ev = a.timeline;
    std::stable_sort(ev.begin(), ev.end(), [](const Event& x, const Event& y) { return x.time.unix_ms < y.time.unix_ms; });
    REQUIRE(b.timeline.size() == ev.size());
    for (size_t i = 0; i < ev.size(); ++i) {
        INFO("event " << i << ": " << ev[i].description);
        CHECK(b.timeline[i].time.unix_ms == ev[i].time.unix_ms / 1000 * 1000);
        CHECK(b.timeline[i].time.offset_min == ev[i].time.offset_min);
        CHECK(b.timeline[i].type == ev[i].type);
        CHECK(b.timeline[i].description == as_exported(ev[i].description));
        CHECK(b.timeline[i].author == trim(ev[i].author));
        CHECK(b.timeline[i].tags == ev[i].tags);
    }
    REQUIRE(b.action_items.size() == a.action_items.size());
    for (size_t i = 0; i < a.action_items.size(); ++i) {
        const ActionItem &x = a.action_items[i], &y = b.action_items[i];
        INFO("action item " << i << ": " << x.title);
        CHECK(y.title == as_exported(x.title));
        CHECK(y.description == as_exported(x.description));
        CHECK(y.type == x.type);
        CHECK(y.priority == x.priority);
        CHECK(y.owner == x.owner);
        CHECK(y.due == x.due);
        CHECK(y.status == x.status);
        CHECK(y.ticket_url == x.ticket_url);  // the samples' tickets are web addresses
    }
    REQUIRE(b.links.size() == a.links.size());
    for (size_t i = 0; i < a.links.size(); ++i) {
        CHECK(b.links[i].url == a.links[i].url);
        CHECK(b.links[i].title == (a.links[i].title == a.links[i].url ? "" : a.links[i].title));
    }
}

}  // namespace

TEST_CASE("markdown import: every sample exported to Markdown reads back with its content", "[import][markdown]") {
    size_t samples = 0;
    for (const std::string& path : list_embedded("samples/")) {
        INFO(path);
        const EmbeddedFile* f = find_embedded(path);
        REQUIRE(f);
        LoadResult l = load_document(std::string(f->data, f->size));
        REQUIRE(l.ok);
        std::vector<std::string> report;
        ImportResult r = import_markdown(export_markdown(l.doc), &report);
        REQUIRE(r.ok);
        check_round_trip(l.doc, r.doc);
        // Hindsight's own export has no part that fits no field.
        for (const std::string& line : report) CHECK(line.find("kept as prose") == std::string::npos);
        ++samples;
    }
    CHECK(samples >= 8);
}

TEST_CASE("markdown import: the SRE book's shape (labelled summary lines, clock-time timeline)", "[import][markdown]") {
    std::vector<std::string> report;
    ImportResult r = import_markdown(import_test::fixture("markdown/sre-book-shape.md"), &report);
    REQUIRE(r.ok);
    const Document& d = r.doc;
    CHECK(d.title == "Search Autocomplete Outage Postmortem (incident #2291)");
    CHECK(d.authors == std::vector<std::string>{"Search tech lead", "検索チーム", "Search on-call"});
    CHECK(d.status == "final");
    CHECK(format_utc(d.created) == "2026-02-14T00:00:00Z");
    CHECK(d.summary.rfind("Autocomplete on the storefront search box returned nothing for 47 minutes after a cache "
                          "warm-up job",
                          0) == 0);
    CHECK(d.impact.description.find("38% of search sessions") != std::string::npos);
    REQUIRE(d.root_causes.size() == 1);
    CHECK(d.root_causes[0].text.find("fell back to \"C\"") != std::string::npos);
    CHECK(d.trigger == "Migration of the nightly jobs to the new scheduler on 2026-02-14.");
    CHECK(d.resolution.rfind("Rolled the warm-up job back", 0) == 0);
    CHECK(d.detection.find("paged the search on-call") != std::string::npos);

    REQUIRE(d.action_items.size() == 4);
    CHECK(d.action_items[1].title == "Alert on suggestion cache hit rate below 50% for 5 minutes");
    CHECK(d.action_items[1].type == "detect");
    CHECK(d.action_items[1].owner == "検索チーム");
    CHECK(d.action_items[1].ticket_url.empty());  // a bare key is no web address: it goes to the description
    CHECK(d.action_items[1].description == "Ticket: SRCH-4411");
    CHECK(d.action_items[3].type == "other");  // "repair" is no Hindsight type; the report says so

    CHECK(texts(d.lessons.went_well).size() == 2);
    CHECK(texts(d.lessons.went_wrong).size() == 2);
    REQUIRE(d.lessons.got_lucky.size() == 1);
    CHECK(d.lessons.got_lucky[0].text.find("🍀") != std::string::npos);

    REQUIRE(d.timeline.size() == 6);
    CHECK(format_utc(d.timeline[0].time) == "2026-02-14T06:02:00Z");
    CHECK(d.timeline[0].description == "Nightly jobs start on the new scheduler");
    CHECK(d.timeline[1].type == "impact_start");
    CHECK(d.timeline[4].type == "mitigated");
    CHECK(d.timeline[5].type == "resolved");
    CHECK(format_utc(d.timeline[5].time) == "2026-02-14T06:56:00Z");

    REQUIRE(d.links.size() == 2);
    CHECK(d.links[0].title == "Search dashboard");
    CHECK(d.links[0].url == "https://grafana.example.com/d/search-autocomplete");

    auto said = [&](const std::string& what) {
        for (const std::string& l : report)
            if (l.find(what) != std::string::npos) return true;
        return false;
    };
    CHECK(said("\"Timeline\" \xE2\x86\x92 Timeline: 6 events"));
    CHECK(said("\"Action Items\" \xE2\x86\x92 Action items: 4 action items"));
    CHECK(said("action type \"repair\" read as \"other\""));
    CHECK(said("\"Supporting information\" \xE2\x86\x92 Supporting links: 2 entries"));
    CHECK(said("\"Summary\" \xE2\x86\x92 Summary"));
}

TEST_CASE("markdown import: Atlassian's shape (headed sections, tables, five whys)", "[import][markdown]") {
    std::vector<std::string> report;
    ImportResult r = import_markdown(import_test::fixture("markdown/atlassian-shape.md"), &report);
    REQUIRE(r.ok);
    const Document& d = r.doc;
    CHECK(d.title == "Сбой оплаты заказов: истёк сертификат платёжного шлюза");
    CHECK(d.leadup.find("rotated its intermediate certificate") != std::string::npos);
    CHECK(d.fault.find("certificate has expired") != std::string::npos);
    CHECK(d.recovery.rfind("We deployed a client build", 0) == 0);
    CHECK(d.response.find("Дежурный по платежам") != std::string::npos);
    REQUIRE(d.five_whys.size() == 5);
    CHECK(d.five_whys[4].text == "That inbox had no owner after the team reorganisation in January.");
    REQUIRE(d.root_causes.size() == 1);
    CHECK(d.lessons.went_wrong.size() == 2);  // a plain list under "Lessons learned"
    // Six timed rows; the row without a time stays as prose under its heading at the end of the summary.
    REQUIRE(d.timeline.size() == 6);
    CHECK(format_utc(d.timeline[3].time) == "2026-03-03T09:27:00Z");
    CHECK(d.timeline[3].description == "Дежурный по платежам acknowledges and opens #inc-payments-0303");
    CHECK(d.summary.find("Provider's rotation notice found unread") != std::string::npos);
    // A section Hindsight has no field for stays as prose, under its heading.
    CHECK(d.summary.find("Blameless analysis\n\nThe engineer who set up pinning") != std::string::npos);
    REQUIRE(d.action_items.size() == 3);
    CHECK(d.action_items[0].status == "done");
    CHECK(d.action_items[0].due == "2026-03-10");
    CHECK(d.action_items[0].ticket_url == "https://tracker.example.com/browse/PAY-881");
    CHECK(d.action_items[1].status == "in_progress");
    CHECK(d.action_items[1].owner == "Руководитель поддержки");
    CHECK(d.action_items[2].status == "open");
    CHECK(d.action_items[2].due.empty());  // "end of March" is no date: kept in the description
    CHECK(d.action_items[2].description == "Due: end of March\nTicket: PAY-883");
    REQUIRE(d.links.size() == 1);
    CHECK(d.links[0].url == "https://chat.example.com/archives/inc-payments-0303");
    bool told = false;
    for (const std::string& l : report)
        told |= l.find("\"Blameless analysis\": kept as prose") != std::string::npos;
    CHECK(told);
    CHECK(load_document(save_document(d)).ok);
}

TEST_CASE("markdown import: open_any recognises Markdown, and refuses what it cannot read", "[import][markdown]") {
    const std::string md = import_test::fixture("markdown/atlassian-shape.md");
    std::string kind;
    ImportResult r = open_any("payments.md", md, &kind);
    CHECK(kind == "markdown");
    CHECK(r.ok);
    r = open_any("pasted.txt", md, &kind);  // no .md name: the headings tell
    CHECK(kind == "markdown");
    CHECK(r.ok);
    r = open_any("notes.txt", "just a line of text, no headings", &kind);
    CHECK(kind == "unknown");
    CHECK_FALSE(r.ok);
    r = open_any("empty.md", " \n\n", &kind);
    CHECK(kind == "markdown");
    REQUIRE_FALSE(r.ok);
    CHECK(r.problems[0].message.find("empty") != std::string::npos);
    // Nothing but prose: one summary, a title made up and said so.
    std::vector<std::string> report;
    r = import_markdown("Le cache a expiré à 14 h 02.\nLes paiements ont échoué.", &report);
    REQUIRE(r.ok);
    CHECK(r.doc.summary == "Le cache a expiré à 14 h 02. Les paiements ont échoué.");
    CHECK(r.doc.title == "Imported postmortem");
}
