// Lint: completeness rules, blameless-language phrases (with byte ranges) and a person's name as the cause.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/embedded.h"
#include "core/format.h"
#include "core/lint.h"

using namespace hs;

namespace {

std::vector<Finding> of_rule(const std::vector<Finding>& fs, const std::string& rule) {
    std::vector<Finding> out;
    for (const Finding& f : fs)
        if (f.rule == rule) out.push_back(f);
    return out;
}

bool has(const std::vector<Finding>& fs, const std::string& rule, const std::string& section,
         const std::string& item_id = "") {
    return std::any_of(fs.begin(), fs.end(), [&](const Finding& f) {
        return f.rule == rule && f.section == section && f.item_id == item_id;
    });
}

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

Instant at(int64_t unix_s) {
    Instant t;
    t.set = true;
    t.unix_ms = unix_s * 1000;
    return t;
}

// A complete, blameless document: lint must find nothing.
Document clean_doc() {
    Document d;
    d.title = "Checkout outage";
    d.status = "draft";
    d.authors = {"sre-oncall"};
    d.owner = "db-oncall";
    d.summary = "Checkout returned errors for 47 minutes after a schema migration locked the orders table.";
    d.impact.description = "EU customers could not pay.";
    Event a, b, c;
    a.id = "ev-1", a.type = "impact_start", a.time = at(1000), a.description = "Migration starts";
    b.id = "ev-2", b.type = "detected", b.time = at(1600), b.description = "Alert fires", b.author = "sre-oncall";
    c.id = "ev-3", c.type = "resolved", c.time = at(4000), c.description = "Error rate at baseline";
    d.timeline = {a, b, c};
    d.root_causes = {{"rc-1", "The migration tool takes an exclusive lock without warning."}};
    ActionItem ai;
    ai.id = "ai-1";
    ai.title = "Add a lock timeout to migrations";
    ai.owner = "db-oncall";
    ai.due = "2020-01-01";  // past due and open: shown by the UI, not lint
    d.action_items = {ai};
    return d;
}

}  // namespace

TEST_CASE("lint: the phrase list is data with at least 30 entries", "[lint]") {
    const EmbeddedFile* f = find_embedded("lint/blame-phrases.json");
    REQUIRE(f != nullptr);
    const auto& ps = default_blame_phrases();
    CHECK(ps.size() >= 30);
    for (const char* must : {"human error", "should have", "failed to", "careless", "fault of", "negligence",
                             "negligent", "his mistake", "her mistake", "their mistake", "messed up", "screwed up",
                             "dropped the ball", "didn't bother", "forgot to", "incompetent", "lazy", "sloppy",
                             "reckless", "blame", "to blame", "caused by"}) {
        INFO(must);
        CHECK(std::any_of(ps.begin(), ps.end(), [&](const BlamePhrase& p) { return p.phrase == must; }));
    }
    for (const BlamePhrase& p : ps) {
        INFO(p.phrase);
        CHECK(!p.hint.empty());
        CHECK(p.phrase == lower(p.phrase));
    }
    CHECK(!blame_person_words().empty());
    CHECK(std::find(blame_cause_words().begin(), blame_cause_words().end(), "broke") != blame_cause_words().end());

    std::vector<BlamePhrase> custom;
    std::string err;
    CHECK_FALSE(parse_blame_phrases("not json", custom, &err));
    CHECK(!err.empty());
    CHECK_FALSE(parse_blame_phrases("{\"phrases\":[{\"phrase\":\"x\"}]}", custom, &err));
    CHECK(err.find("/phrases/0/hint") != std::string::npos);
    CHECK_FALSE(parse_blame_phrases("{\"phrases\":[{\"phrase\":3,\"hint\":\"h\"}]}", custom, &err));
    CHECK_FALSE(parse_blame_phrases("[]", custom, &err));
    REQUIRE(parse_blame_phrases("{\"phrases\":[{\"phrase\":\"Rookie  Move\",\"hint\":\"Say what happened.\"}]}",
                                custom, &err));
    REQUIRE(custom.size() == 1);
    CHECK(custom[0].phrase == "rookie move");
    // An extended list is used as given.
    Document d = clean_doc();
    d.summary = "A rookie\nmove.";
    auto fs = lint(d, custom);
    auto bl = of_rule(fs, "blame-language");
    REQUIRE(bl.size() == 1);
    CHECK(bl[0].start == 2);
    CHECK(bl[0].end == 13);
    CHECK(bl[0].suggestion == "Say what happened.");
}

TEST_CASE("lint: find_phrase matches case-insensitively on word boundaries", "[lint]") {
    using R = std::vector<std::pair<size_t, size_t>>;
    CHECK(find_phrase("It was Human Error.", "human error") == R{{7, 18}});
    CHECK(find_phrase("human\n  error", "human error") == R{{0, 13}});
    CHECK(find_phrase("blameless culture", "blame").empty());
    CHECK(find_phrase("unblame", "blame").empty());
    CHECK(find_phrase("blame_x", "blame").empty());
    CHECK(find_phrase("(blame)", "blame") == R{{1, 6}});
    CHECK(find_phrase("blame blame", "blame") == R{{0, 5}, {6, 11}});
    // Byte offsets after multi-byte characters; non-ASCII letters are word characters.
    CHECK(find_phrase("\xC3\x9C" "ber lazy", "lazy") == R{{6, 10}});
    CHECK(find_phrase("\xC3\xA9lazy", "lazy").empty());
    CHECK(find_phrase("\xE2\x80\x9Clazy\xE2\x80\x9D", "lazy") == R{{3, 7}});  // inside curly quotes
    // The typographic apostrophe matches the plain one.
    CHECK(find_phrase("They didn\xE2\x80\x99t bother.", "didn't bother") == R{{5, 20}});
    CHECK(find_phrase("", "blame").empty());
    CHECK(find_phrase("blame", "").empty());
}

TEST_CASE("lint: each blame phrase is found with its byte range in every kind of field", "[lint]") {
    for (const BlamePhrase& p : default_blame_phrases()) {
        Document d = clean_doc();
        d.authors = {"db-oncall"};
        std::string prefix = "Unicode \xE6\x97\xA5\xE6\x9C\xAC first, then ";
        std::string upper = p.phrase;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return char(std::toupper(c)); });
        const std::string person = " db-oncall";  // a person from the document, for "caused by"
        std::string text = prefix + upper + (p.person_follows ? person : "") + ", end.";
        // Place the phrase in a different field for a few phrases so every scanned field is exercised.
        size_t which = size_t(&p - &default_blame_phrases()[0]) % 5;
        std::string section, item, field;
        switch (which) {
            case 0: d.summary = text, section = "summary", field = "summary"; break;
            case 1: d.timeline[1].description = text, section = "timeline", item = "ev-2", field = "description"; break;
            case 2: d.action_items[0].description = text, section = "action_items", item = "ai-1", field = "description"; break;
            case 3: d.root_causes[0].text = text, section = "root_causes", item = "rc-1", field = "text"; break;
            default: d.title = text, section = "header", field = "title"; break;
        }
        auto bl = of_rule(lint(d), "blame-language");
        INFO("phrase: " << p.phrase << " in " << section << "/" << field);
        REQUIRE(bl.size() == 1);
        CHECK(bl[0].section == section);
        CHECK(bl[0].item_id == item);
        CHECK(bl[0].field == field);
        CHECK(bl[0].start == prefix.size());
        size_t want_end = prefix.size() + upper.size() + (p.person_follows ? person.size() : 0);
        CHECK(bl[0].end == want_end);
        CHECK(lower(text.substr(bl[0].start, bl[0].end - bl[0].start)).rfind(p.phrase, 0) == 0);
        CHECK(bl[0].suggestion == p.hint);
        CHECK(bl[0].severity == "warning");
    }
}

TEST_CASE("lint: phrases in all prose fields, items and lessons", "[lint]") {
    Document d = clean_doc();
    d.leadup = "Human error.";
    d.trigger = "Human error.";
    d.fault = "Human error.";
    d.detection = "Human error.";
    d.response = "Human error.";
    d.recovery = "Human error.";
    d.resolution = "Human error.";
    d.impact.description = "Human error.";
    d.contributing_factors = {{"cf-1", "Human error."}};
    d.five_whys = {{"w-1", "Human error."}};
    d.lessons.went_well = {{"l-1", "Human error."}};
    d.lessons.went_wrong = {{"l-2", "Human error."}};
    d.lessons.got_lucky = {{"l-3", "Human error."}};
    d.open_questions = {{"q-1", "Human error?"}};
    d.action_items[0].title = "Fix human error";
    auto bl = of_rule(lint(d), "blame-language");
    for (const Finding& f : bl) UNSCOPED_INFO(f.section << "/" << f.item_id << "/" << f.field);
    CHECK(bl.size() == 15);
    for (const char* s : {"leadup", "trigger", "fault", "detection", "response", "recovery", "resolution", "impact",
                          "contributing_factors", "five_whys", "lessons", "open_questions", "action_items"}) {
        INFO(s);
        CHECK(std::any_of(bl.begin(), bl.end(), [&](const Finding& f) { return f.section == s; }));
    }
    // Overlapping phrases give one finding, the longest ("to blame" rather than "blame").
    d = clean_doc();
    d.summary = "Nobody is to blame.";
    bl = of_rule(lint(d), "blame-language");
    REQUIRE(bl.size() == 1);
    CHECK(d.summary.substr(bl[0].start, bl[0].end - bl[0].start) == "to blame");
    // "caused by" alone is neutral; followed by a person it is not.
    d.summary = "The outage was caused by a lock. It was caused by the engineer on call. Also caused by sre-oncall.";
    bl = of_rule(lint(d), "blame-language");
    REQUIRE(bl.size() == 2);
    CHECK(d.summary.substr(bl[0].start, bl[0].end - bl[0].start) == "caused by the engineer");
    CHECK(d.summary.substr(bl[1].start, bl[1].end - bl[1].start) == "caused by sre-oncall");
    CHECK(of_rule(lint(clean_doc()), "blame-language").empty());
}

TEST_CASE("lint: a person's name as the cause of a failure", "[lint]") {
    Document d = clean_doc();
    d.reviewers = {"Qualité"};
    d.action_items[0].owner = "payments-team";
    d.timeline[2].author = "DBA Team";
    struct Case {
        std::string text;
        std::string match;  // empty: no finding
    };
    const Case cases[] = {
        {"The deploy went out and db-oncall broke the config.", "db-oncall broke"},
        {"It was sre-oncall's mistake.", "sre-oncall's mistake"},
        {"It was sre-oncall\xE2\x80\x99s fault.", "sre-oncall\xE2\x80\x99s fault"},
        {"payments-team accidentally forgot the flag.", "payments-team accidentally forgot"},
        {"Qualité made an error in the config.", "Qualité made an error"},
        {"DBA missed the alert.", "DBA missed"},
        {"DBA Team caused the outage.", "DBA Team caused"},
        {"db-oncall noticed the deploy broke checkout.", ""},
        {"sre-oncall detected the error quickly.", ""},
        {"db-oncall paged payments-team. The job failed.", ""},
        {"db-oncalls broke it.", ""},  // not a name in the document
        {"The alert fired and db-oncall was paged. Later the replica failed.", ""},
    };
    for (const Case& c : cases) {
        d.summary = c.text;
        auto bp = of_rule(lint(d), "blame-person");
        INFO(c.text);
        if (c.match.empty()) {
            CHECK(bp.empty());
            continue;
        }
        REQUIRE(bp.size() == 1);
        CHECK(c.text.substr(bp[0].start, bp[0].end - bp[0].start) == c.match);
        CHECK(bp[0].suggestion == "Describe what the system allowed, not who did it");
        CHECK(bp[0].section == "summary");
        CHECK(bp[0].field == "summary");
    }
    // Event descriptions and action items too; tools as event authors are not people.
    d = clean_doc();
    d.timeline[0].author = "PagerDuty";
    d.timeline[1].description = "sre-oncall broke the cache.";
    d.action_items[0].description = "PagerDuty failed the escalation.";
    auto bp = of_rule(lint(d), "blame-person");
    REQUIRE(bp.size() == 1);
    CHECK(bp[0].item_id == "ev-2");
}

namespace {

// The document the corpus sentences are checked in (tests/data/lint/blame-corpus.tsv, bench/lint.cpp): its people are
// roles made of system words and, as after a PagerDuty or CSV import, a tool and a service as event authors.
Document corpus_doc(const std::string& sentence) {
    Document d = clean_doc();
    d.authors = {"DB On-call", "Search on-call"};
    d.owner = "sre-oncall";
    d.timeline[0].author = "PagerDuty";
    d.timeline[2].author = "Checkout API";
    d.summary = sentence;
    return d;
}

std::vector<Finding> blame_in(const Document& d) {
    std::vector<Finding> out;
    for (const Finding& f : lint(d))
        if (f.rule == "blame-language" || f.rule == "blame-person") out.push_back(f);
    return out;
}

std::string span(const std::string& text, const Finding& f) { return text.substr(f.start, f.end - f.start); }

}  // namespace

TEST_CASE("lint: the blame corpus: recall >= 0.9 and false alarms <= 5% on the dev and held-out halves", "[lint]") {
    std::ifstream in(std::string(HS_SOURCE_DIR) + "/tests/data/lint/blame-corpus.tsv");
    REQUIRE(in.good());
    struct Score {
        int blame = 0, caught = 0, ok = 0, alarms = 0;
    };
    std::map<std::string, Score> halves;
    std::string line;
    int sentences = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream ls(line);
        std::string split, label, kind, text;
        std::getline(ls, split, '\t');
        std::getline(ls, label, '\t');
        std::getline(ls, kind, '\t');
        std::getline(ls, text);
        REQUIRE((split == "dev" || split == "held"));
        REQUIRE((label == "blame" || label == "ok"));
        REQUIRE(!text.empty());
        ++sentences;
        const bool flagged = !blame_in(corpus_doc(text)).empty();
        Score& s = halves[split];
        if (label == "blame") {
            ++s.blame;
            s.caught += flagged;
            if (!flagged) UNSCOPED_INFO("missed (" << split << "): " << text);
        } else {
            ++s.ok;
            s.alarms += flagged;
            if (flagged) UNSCOPED_INFO("false alarm (" << split << "): " << text);
        }
    }
    CHECK(sentences >= 300);
    REQUIRE(halves.size() == 2);
    for (const auto& [split, s] : halves) {
        INFO(split << ": " << s.caught << " of " << s.blame << " blaming sentences found, " << s.alarms << " of "
                   << s.ok << " blameless ones flagged");
        CHECK(s.blame >= 100);
        CHECK(s.ok >= 100);
        CHECK(double(s.caught) / s.blame >= 0.9);
        CHECK(double(s.alarms) / s.ok <= 0.05);
    }
}

TEST_CASE("lint: plain blame is found, and systems, role names and neutral verbs are not blame", "[lint]") {
    // The issue's misses: a judgement adverb, possessive fault, a first name that is not one of the document's people.
    Document d = corpus_doc("Ana carelessly pushed a bad config.");
    auto fs = blame_in(d);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].rule == "blame-language");
    CHECK(span(d.summary, fs[0]) == "carelessly");

    d.summary = "We know why. The outage is entirely his fault.";
    fs = blame_in(d);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].rule == "blame-person");
    CHECK(span(d.summary, fs[0]) == "his fault");
    CHECK(fs[0].suggestion == "Describe what the system allowed, not who did it");

    for (bool listed : {false, true}) {  // whether or not Kenji is one of the document's people
        d = corpus_doc("At 14:02 Kenji broke checkout.");
        if (listed) d.authors.push_back("Kenji Sato");
        fs = blame_in(d);
        INFO("listed: " << listed);
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].rule == "blame-person");
        CHECK(span(d.summary, fs[0]) == "Kenji broke");
    }

    // The issue's false alarm: "DB On-call" is an event author after an import; "DB" is still a system.
    d = corpus_doc("Primary DB failed over. DB On-call acknowledged the page and the DB failed to accept writes.");
    d.timeline[1].author = "DB On-call";
    CHECK(blame_in(d).empty());
    // ... while the role, as the subject of an omission, is a person.
    d.summary = "DB On-call forgot to update the status page.";
    fs = blame_in(d);
    REQUIRE(!fs.empty());
    CHECK(span(d.summary, fs[0]).find("forgot") != std::string::npos);

    // Systems as the subject of failure verbs, counterfactuals about systems, people as the subject of neutral verbs.
    for (const char* ok : {"The deploy broke checkout.", "The cache should have expired after 60 s.",
                           "If the retry budget had been lower, the queue would have drained.",
                           "The job failed to acquire the lock.", "The config push caused errors.",
                           "Ana rolled back the deploy.", "The on-call engineer paged the DB team.",
                           "Kenji noticed the alert.", "The on-call should have been paged earlier.",
                           "The developer fixed the bug that broke checkout.", "Leila said the deploy broke checkout.",
                           "Omar broke the incident response into three workstreams.", "We should add a canary.",
                           "It was nobody's fault; the tooling made both clusters look alike.",
                           "Tomás failed over the database to the standby.", "Aisha killed the runaway query."}) {
        INFO(ok);
        CHECK(blame_in(corpus_doc(ok)).empty());
    }
    // The same forms about a person.
    struct Case {
        const char* text;
        const char* match;
    };
    for (const Case& c : {Case{"If Ana had checked the dashboard, we would have caught it.", "Ana had checked"},
                          Case{"Had the on-call engineer read the runbook, it would have been shorter.",
                               "Had the on-call engineer read"},
                          Case{"The intern who joined last week broke the staging database.", "The intern"},
                          Case{"Someone on the DB team deleted the production table.", "Someone on the DB team deleted"},
                          Case{"Björn needed to verify the backup but never did.", "Björn needed to verify the backup but never did"},
                          Case{"Whoever pushed that config broke checkout.", "Whoever pushed that config broke"},
                          Case{"It was Search on-call's fault.", "Search on-call's fault"},
                          Case{"The data loss was the DBA's mistake.", "DBA's mistake"}}) {
        d = corpus_doc(c.text);
        fs = blame_in(d);
        INFO(c.text);
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].rule == "blame-person");
        CHECK(span(d.summary, fs[0]).rfind(c.match, 0) == 0);
    }
    // "should have" about a person is the phrase's finding, with its hint; about a system it is nothing.
    d = corpus_doc("Kenji should have checked the target cluster.");
    fs = blame_in(d);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].rule == "blame-language");
    CHECK(span(d.summary, fs[0]) == "should have");

    // Byte ranges after multi-byte characters, and the typographic apostrophe.
    d = corpus_doc("Après le déploiement, Zoë broke checkout. It was José\xE2\x80\x99s fault.");
    fs = blame_in(d);
    REQUIRE(fs.size() == 2);
    CHECK(span(d.summary, fs[0]) == "Zoë broke");
    CHECK(fs[0].start == d.summary.find("Zoë"));
    CHECK(span(d.summary, fs[1]) == "José\xE2\x80\x99s fault");

    // Other languages: no false alarms.
    for (const char* text : {"プライマリDBがフェイルオーバーしました。", "Ана откатила деплой.",
                             "Кэш должен был истечь через 60 секунд.", "Η βάση δεδομένων έπεσε για 20 λεπτά.",
                             "Die Datenbank ist nach dem Deployment ausgefallen.", "障害はdeploy後に発生した。"}) {
        INFO(text);
        CHECK(blame_in(corpus_doc(text)).empty());
    }

    // "subject": "person" in a phrase list.
    std::vector<BlamePhrase> custom;
    std::string err;
    CHECK_FALSE(parse_blame_phrases("{\"phrases\":[{\"phrase\":\"x\",\"hint\":\"h\",\"subject\":\"people\"}]}", custom,
                                    &err));
    CHECK(err.find("/phrases/0/subject") != std::string::npos);
    REQUIRE(parse_blame_phrases(
        "{\"phrases\":[{\"phrase\":\"went sideways\",\"hint\":\"h\",\"subject\":\"person\"}]}", custom, &err));
    REQUIRE(custom.size() == 1);
    CHECK(custom[0].person_subject);
    d = clean_doc();
    d.summary = "The rollout went sideways. Then Priya went sideways.";
    auto bl = of_rule(lint(d, custom), "blame-language");
    REQUIRE(bl.size() == 1);
    CHECK(bl[0].start == d.summary.find("went sideways", 20));
}

TEST_CASE("lint: completeness rules", "[lint]") {
    CHECK(lint(clean_doc()).empty());

    SECTION("empty required sections") {
        Document d;
        auto fs = lint(d);
        for (const char* s : {"summary", "impact", "timeline", "root_causes", "action_items"}) {
            INFO(s);
            CHECK(has(fs, "empty-section", s));
        }
        CHECK_FALSE(has(fs, "empty-section", "leadup"));  // no template chosen: only the core sections
        CHECK_FALSE(has(fs, "timeline-no-detected", "timeline"));  // already reported as empty
        // A template's prose sections are required when the document lists them; whitespace counts as empty.
        d.sections = {"summary", "trigger", "timeline", "action_items", "links"};
        d.trigger = "  \n ";
        fs = lint(d);
        CHECK(has(fs, "empty-section", "trigger"));
        CHECK_FALSE(has(fs, "empty-section", "impact"));  // not part of this document's sections
        CHECK_FALSE(has(fs, "empty-section", "links"));   // not required
        for (const Finding& f : of_rule(fs, "empty-section")) {
            CHECK(!f.message.empty());
            CHECK(!f.suggestion.empty());
        }
    }
    SECTION("action items without owner or due date") {
        Document d = clean_doc();
        ActionItem a;
        a.id = "ai-2";
        a.title = "Write the runbook";
        ActionItem done = a;
        done.id = "ai-3";
        done.owner = "db-oncall";
        done.status = "done";
        ActionItem wont = a;
        wont.id = "ai-4";
        wont.status = "wont_do";
        d.action_items.push_back(a);
        d.action_items.push_back(done);
        d.action_items.push_back(wont);
        auto fs = lint(d);
        CHECK(has(fs, "action-no-owner", "action_items", "ai-2"));
        CHECK(has(fs, "action-no-due", "action_items", "ai-2"));
        CHECK_FALSE(has(fs, "action-no-due", "action_items", "ai-3"));
        CHECK_FALSE(has(fs, "action-no-owner", "action_items", "ai-4"));
        CHECK_FALSE(has(fs, "action-no-due", "action_items", "ai-4"));
        CHECK_FALSE(has(fs, "action-no-due", "action_items", "ai-1"));  // past due is not lint
        auto no_owner = of_rule(fs, "action-no-owner");
        REQUIRE(no_owner.size() == 1);
        CHECK(no_owner[0].field == "owner");
        CHECK(no_owner[0].message.find("\"Write the runbook\"") != std::string::npos);
    }
    SECTION("timeline without typed events") {
        Document d = clean_doc();
        d.timeline[0].type = "note";
        d.timeline[1].type = "note";
        d.timeline[2].type = "mitigated";
        auto fs = lint(d);
        CHECK(has(fs, "timeline-no-impact-start", "timeline"));
        CHECK(has(fs, "timeline-no-detected", "timeline"));
        CHECK(has(fs, "timeline-no-resolved", "timeline"));
    }
    SECTION("events out of order are info") {
        Document d = clean_doc();
        d.timeline[1].time = at(500);
        auto fs = of_rule(lint(d), "timeline-order");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].item_id == "ev-2");
        CHECK(fs[0].severity == "info");
    }
    SECTION("final status") {
        Document d = clean_doc();
        d.status = "final";
        d.open_questions = {{"q-1", "Does staging match production?", false}, {"q-2", "Answered?", true}};
        auto fs = lint(d);
        CHECK(has(fs, "final-open-question", "open_questions", "q-1"));
        CHECK_FALSE(has(fs, "final-open-question", "open_questions", "q-2"));
        CHECK(has(fs, "final-no-approval", "header"));
        Approval ap;
        ap.reviewer = "Qualité";
        ap.decision = "changes_requested";
        d.approvals = {ap};
        CHECK(has(lint(d), "final-no-approval", "header"));
        d.approvals[0].decision = "approved";
        CHECK_FALSE(has(lint(d), "final-no-approval", "header"));
        d.status = "in_review";
        CHECK(lint(d).empty());  // open questions are fine before final
    }
}

TEST_CASE("lint: findings follow the document's section order", "[lint]") {
    Document d = clean_doc();
    d.sections = {"action_items", "timeline", "summary", "impact", "root_causes"};
    d.summary = "This was human error.";
    d.timeline[1].description = "Alert fired; the on-call should have acted.";
    d.action_items[0].owner.clear();
    d.title = "Blame game";
    d.lessons.went_wrong = {{"l-1", "Sloppy review."}};  // lessons is not listed: checked after the listed sections
    auto fs = lint(d);
    std::vector<std::string> sections;
    for (const Finding& f : fs) sections.push_back(f.section);
    CHECK(sections == std::vector<std::string>{"header", "action_items", "timeline", "summary", "lessons"});
    // Within a field, by position.
    d = clean_doc();
    d.summary = "Careless and lazy and sloppy.";
    fs = of_rule(lint(d), "blame-language");
    REQUIRE(fs.size() == 3);
    CHECK(fs[0].start < fs[1].start);
    CHECK(fs[1].start < fs[2].start);
}

TEST_CASE("lint: hostile input never throws or crashes", "[lint]") {
    Document d = clean_doc();
    d.summary = std::string("\xff\xfe blame \xC3") + std::string(1000, 'x') + " human";
    d.authors = {"", " ", "@", "#channel", "\xff", "M"};
    d.timeline[0].description = std::string(5000, ' ') + "forgot to";
    std::vector<Finding> fs;
    REQUIRE_NOTHROW(fs = lint(d));
    CHECK(has(fs, "blame-language", "summary"));
    CHECK(has(fs, "blame-language", "timeline", "ev-1"));
    std::vector<BlamePhrase> weird = {{"", "h"}, {"   ", "h"}, {"'", "h"}, {"x", "h", true}};
    REQUIRE_NOTHROW(lint(d, weird));
}

TEST_CASE("lint: with a cache, the findings are the same as without, after edits and after the people change",
          "[lint]") {
    for (const std::string& path : list_embedded("samples/")) {
        const EmbeddedFile* f = find_embedded(path);
        LoadResult r = load_document(std::string(f->data, f->size));
        REQUIRE(r.ok);
        Document d = r.doc;
        LintCache cache;
        auto same = [&](const char* when) {
            INFO(path << ", " << when);
            std::vector<Finding> plain = lint(d);
            std::vector<Finding> cached = lint(d, default_blame_phrases(), cache);
            REQUIRE(cached.size() == plain.size());
            for (size_t i = 0; i < plain.size(); ++i) {
                INFO("finding " << i << ": " << plain[i].message);
                CHECK(cached[i].rule == plain[i].rule);
                CHECK(cached[i].section == plain[i].section);
                CHECK(cached[i].item_id == plain[i].item_id);
                CHECK(cached[i].field == plain[i].field);
                CHECK(cached[i].start == plain[i].start);
                CHECK(cached[i].end == plain[i].end);
                CHECK(cached[i].message == plain[i].message);
            }
            return plain.size();
        };
        same("first run, empty cache");
        const size_t before = same("second run, all from the cache");
        // An edit that adds blaming language to one event: found, though every other field comes from the cache.
        REQUIRE(!d.timeline.empty());
        d.timeline[0].description += " This happened because of human error.";
        CHECK(same("after an edit") > before);
        // A new author: "<name> broke ..." in a field that did not change now names a person as the cause.
        d.summary += " Later the Storage lead broke the build.";
        const size_t with_text = same("new text, not yet a person");
        d.authors.push_back("Storage lead");
        CHECK(same("after the author was added") > with_text);
        // Only the fields of the last run are kept: removing the timeline drops its descriptions from the cache.
        const size_t held = cache.scans.size();
        size_t described = 0;
        for (const Event& e : d.timeline)
            if (e.description.find_first_not_of(" \t\r\n") != std::string::npos) ++described;
        REQUIRE(described > 0);
        d.timeline.clear();
        same("after the timeline was removed");
        CHECK(cache.scans.size() <= held - described);
    }
}
