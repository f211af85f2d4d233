// The search index (core/search.h): words in several scripts, ranking, filters, phrases, prefixes, snippets and
// their highlights, paths that open the editor at the field, and incremental updates.
#include <catch2/catch.hpp>

#include "core/schema.h"
#include "core/search.h"
#include "core/text.h"

using namespace hs;

namespace {

Document make(const std::string& id, const std::string& title, const std::string& summary, int severity,
              const std::string& created, std::vector<std::string> services = {}) {
    Document d;
    d.id = id;
    d.title = title;
    d.summary = summary;
    d.severity = severity;
    d.status = "final";
    d.services = std::move(services);
    d.created = *parse_iso8601(created + "T10:00:00Z");
    return d;
}

// A small library in four scripts.
std::vector<Document> library() {
    std::vector<Document> v;
    v.push_back(make("pm-00000001", "Checkout outage: connection pool exhausted",
                     "The payments-api connection pool ran out under load and requests timed out.", 2, "2026-01-10",
                     {"payments-api"}));
    v.push_back(make("pm-00000002", "Slow search after index rebuild",
                     "Search latency rose while the index was rebuilt; the pool of workers was too small.", 3,
                     "2026-02-03", {"search-api"}));
    v.push_back(make("pm-00000003", "決済タイムアウト障害",
                     "payments-api の接続プールが枯渇し、決済がタイムアウトしました。障害対応に45分かかりました。", 1,
                     "2026-02-20", {"payments-api"}));
    v.push_back(make("pm-00000004", "Сбой доставки уведомлений",
                     "ОШИБКА конфигурации: сервис уведомлений перестал отвечать 🚨", 3, "2026-03-05",
                     {"notification-worker"}));
    v.push_back(make("pm-00000005", "Καθυστέρηση πληρωμών",
                     "Η υπηρεσία πληρωμών ΔΕΝ απαντούσε λόγω λανθασμένης ρύθμισης.", 4, "2026-03-28",
                     {"payments-api"}));
    Event e;
    e.id = "ev-1a2b3c4d";
    e.type = "action";
    e.description = "Raised the connection pool limit on payments-api from 50 to 200.";
    v[0].timeline.push_back(e);
    ActionItem a;
    a.id = "ai-7f3a9c21";
    a.title = "Alert on connection pool saturation";
    a.owner = "payments on-call";
    a.status = "open";
    v[0].action_items.push_back(a);
    Item lesson;
    lesson.id = "ll-0c55d9e8";
    lesson.text = "Nobody owned the pool settings.";
    v[1].lessons.went_wrong.push_back(lesson);
    v[1].tags = {"latency"};
    v[1].owner = "search team";
    return v;
}

SearchIndex index_of(const std::vector<Document>& docs) {
    SearchIndex ix;
    for (const Document& d : docs) REQUIRE(ix.update(d));
    return ix;
}

std::vector<std::string> ids(const SearchResponse& r) {
    std::vector<std::string> v;
    for (const SearchResult& s : r.results) v.push_back(s.id);
    return v;
}

}  // namespace

TEST_CASE("search words: case-folded in every script, Han and Kana as pairs, emoji and punctuation skipped") {
    auto terms = [](const std::string& s) {
        std::vector<std::string> v;
        for (const SearchToken& t : search_tokens(s)) v.push_back(t.term);
        return v;
    };
    CHECK(terms("Connection-Pool TIMEOUT") == std::vector<std::string>{"connection", "pool", "timeout"});
    CHECK(terms("ОШИБКА Ошибка") == std::vector<std::string>{"ошибка", "ошибка"});
    CHECK(terms("ΣΦΑΛΜΑΣ σφάλμας") == std::vector<std::string>{"σφαλμασ", "σφαλμασ"});
    CHECK(terms("Straße 🚨 STRASSE") == std::vector<std::string>{"strasse", "strasse"});
    const std::string ja = "障害対応ok";
    const std::vector<SearchToken> t = search_tokens(ja);
    REQUIRE(t.size() == 4);
    CHECK(t[0].term == "障害");
    CHECK(t[2].term == "対応");
    CHECK(ja.substr(t[1].start, t[1].end - t[1].start) == "害対");
    CHECK(t[3].term == "ok");
    CHECK(terms("…!? 🔥🙏").empty());
}

TEST_CASE("search ranks by BM25 with the title counting most, and every word is required") {
    const std::vector<Document> docs = library();
    const SearchIndex ix = index_of(docs);
    const SearchResponse r = ix.search("pool ");
    REQUIRE(r.total == 2);  // the Latin "pool"; the Japanese プール is another word
    CHECK(ids(r) == std::vector<std::string>{"pm-00000001", "pm-00000002"});  // title and three fields beat prose
    CHECK(ix.search("connection pool ").total == 1);
    CHECK(ix.search("pool workers ").results.at(0).id == "pm-00000002");
    CHECK(ix.search("pool dinosaur ").total == 0);
    CHECK(ix.search("PAYMENTS ").total == 2);  // payments-api in English and in Japanese prose
}

TEST_CASE("search finds Japanese, Cyrillic and Greek text whatever the case") {
    const SearchIndex ix = index_of(library());
    CHECK(ids(ix.search("障害")) == std::vector<std::string>{"pm-00000003"});
    CHECK(ids(ix.search("接続プール")) == std::vector<std::string>{"pm-00000003"});
    CHECK(ids(ix.search("障")) == std::vector<std::string>{"pm-00000003"});  // a lone character: pairs it starts
    CHECK(ids(ix.search("ошибка конфигурации")) == std::vector<std::string>{"pm-00000004"});
    CHECK(ids(ix.search("ΠΛΗΡΩΜΩΝ ")) == std::vector<std::string>{"pm-00000005"});
    CHECK(ix.search("δεν ").total == 1);
    CHECK(ix.search("καθυστερηση ").total == 1);  // Greek written without its accents, as in capitals
}

TEST_CASE("search: the last word typed matches as a prefix, phrases need their words side by side") {
    const SearchIndex ix = index_of(library());
    CHECK(ix.search("conn").total == 1);
    CHECK(ix.search("conn ").total == 0);  // a finished word is a whole word
    CHECK(ix.search("uvedom").total == 0);
    CHECK(ix.search("уведомл").total == 1);
    CHECK(ix.search("\"connection pool\"").total == 1);
    CHECK(ix.search("\"pool connection\"").total == 0);
    CHECK(ix.search("\"search latency\" index").total == 1);
}

TEST_CASE("search filters by severity, status, service, tag, owner and date range") {
    const SearchIndex ix = index_of(library());
    SearchFilter f;
    f.services = {"PAYMENTS-API"};
    CHECK(ix.search("", f).total == 3);
    f.severities = {1, 2};
    CHECK(ids(ix.search("", f)) == std::vector<std::string>{"pm-00000003", "pm-00000001"});  // newest first
    SearchFilter dates;
    dates.since = "2026-02-01";
    dates.until = "2026-03-05";
    CHECK(ix.search("", dates).total == 3);
    SearchFilter tag;
    tag.tags = {"latency"};
    CHECK(ids(ix.search("pool ", tag)) == std::vector<std::string>{"pm-00000002"});
    SearchFilter owner;
    owner.owners = {"Payments On-Call"};  // an action item's owner
    CHECK(ids(ix.search("", owner)) == std::vector<std::string>{"pm-00000001"});
    SearchFilter status;
    status.statuses = {"draft"};
    CHECK(ix.search("pool ", status).total == 0);
}

TEST_CASE("search results open at their field, with highlights on UTF-8 boundaries") {
    std::vector<Document> docs = library();
    const SearchIndex ix = index_of(docs);
    for (const char* q : {"pool ", "障害", "ошибка ", "payments ", "\"connection pool\""}) {
        const SearchResponse r = ix.search(q);
        REQUIRE(!r.results.empty());
        for (const SearchResult& res : r.results) {
            Document* d = nullptr;
            for (Document& x : docs)
                if (x.id == res.id) d = &x;
            REQUIRE(d);
            REQUIRE(!res.fields.empty());
            for (const FieldMatch& m : res.fields) {
                INFO(q << " " << m.path);
                const std::string* text = text_field(*d, m.path);
                REQUIRE(text);
                REQUIRE(!m.highlights.empty());
                for (const ByteRange& h : m.highlights) {
                    REQUIRE(h.end <= m.snippet.size());
                    CHECK(utf8_floor(m.snippet, h.start) == h.start);
                    CHECK((h.end == m.snippet.size() || utf8_floor(m.snippet, h.end) == h.end));
                    const std::string word = m.snippet.substr(h.start, h.end - h.start);
                    CHECK(contains_ci(*text, word));
                }
            }
        }
    }
    const SearchResponse r = ix.search("raised ");
    REQUIRE(r.total == 1);
    CHECK(r.results[0].fields[0].path == "timeline/ev-1a2b3c4d/description");
    CHECK(ix.search("saturation ").results.at(0).fields.at(0).path == "action_items/ai-7f3a9c21/title");
    CHECK(ix.search("owned ").results.at(0).fields.at(0).path == "lessons.went_wrong/ll-0c55d9e8/text");
}

TEST_CASE("search snippets of long fields are cut around the match, on character boundaries") {
    Document d = make("pm-0000000a", "Long", "", 3, "2026-04-01");
    for (int i = 0; i < 40; ++i) d.summary += "Очередь росла без алерта. ";
    d.summary += "Then the replica lag alarm finally fired. ";
    for (int i = 0; i < 40; ++i) d.summary += "障害対応の手順書を更新しました。";
    SearchIndex ix;
    ix.update(d);
    SearchOptions o;
    o.snippet_bytes = 80;
    const SearchResponse r = ix.search("replica ", {}, o);
    REQUIRE(r.total == 1);
    const FieldMatch& m = r.results[0].fields.at(0);
    CHECK(m.snippet.rfind("\xE2\x80\xA6", 0) == 0);  // cut at the start
    CHECK(m.snippet.size() <= o.snippet_bytes + 2 * 3 + 4);
    REQUIRE(m.highlights.size() == 1);
    CHECK(m.snippet.substr(m.highlights[0].start, m.highlights[0].end - m.highlights[0].start) == "replica");
    size_t pos = 0, bad = 0;
    while (pos < m.snippet.size()) {
        size_t len = 0;
        bad += utf8_decode(m.snippet, pos, len) == kReplacementChar;
        pos += len;
    }
    CHECK(bad == 0);
}

TEST_CASE("search index updates and removals match an index built afresh") {
    std::vector<Document> docs = library();
    SearchIndex ix = index_of(docs);
    docs[1].title = "Slow search after a connection pool change";
    ix.update(docs[1]);
    CHECK(ix.search("connection ").total == 2);
    CHECK(ix.remove("pm-00000001"));
    CHECK_FALSE(ix.remove("pm-00000001"));
    CHECK(ix.size() == 4);
    CHECK(ids(ix.search("connection ")) == std::vector<std::string>{"pm-00000002"});
    // Many edits pile up dead postings until a compaction: the results stay those of a fresh index.
    for (int round = 0; round < 400; ++round) {
        Document& d = docs[static_cast<size_t>(round) % docs.size()];
        d.summary += " edit " + std::to_string(round) + " timeout";
        ix.update(d);
    }
    const SearchIndex fresh = index_of(docs);
    for (const char* q : {"timeout ", "edit 399", "pool ", "障害", "", "payments "}) {
        const SearchResponse a = ix.search(q), b = fresh.search(q);
        CHECK(ids(a) == ids(b));
        CHECK(a.total == b.total);
        for (size_t i = 0; i < a.results.size() && i < b.results.size(); ++i)
            CHECK(a.results[i].score == Approx(b.results[i].score));
    }
    SearchIndex one;
    one.update(docs[0]);
    CHECK(fresh.memory_bytes() > one.memory_bytes());
}

TEST_CASE("search explains a query that has no words, and a document without an id is not indexed") {
    const SearchIndex ix = index_of(library());
    const SearchResponse r = ix.search("🔥 !!");
    CHECK(r.results.empty());
    CHECK(r.problem.find("no words") != std::string::npos);
    CHECK(ix.search("").total == 5);  // no query and no filter: everything, newest first
    CHECK(ix.search("").results.front().id == "pm-00000005");
    SearchIndex other;
    Document nameless;
    nameless.title = "no id";
    CHECK_FALSE(other.update(nameless));
    CHECK(other.size() == 0);
}
