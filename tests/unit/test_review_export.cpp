// The read view marks the words an open comment is about: found in the escaped text of its section, exactly once,
// wrapped in <mark>, and linked from the comment in the margin; never built from the quote's own characters.
#include <catch2/catch.hpp>

#include <string>

#include "core/exporters/jobs.h"
#include "core/review.h"

using namespace hs;

namespace {

size_t count(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

std::string mark_open(const std::string& comment_id) {
    return "<mark class=\"pm-comment-mark\" id=\"pm-mark-" + comment_id + "\" tabindex=\"-1\">";
}

// A comment on the first occurrence of `quote` in the summary.
std::string comment_on(Document& d, const std::string& quote, const std::string& text, Instant at) {
    const size_t pos = d.summary.find(quote);
    REQUIRE(pos != std::string::npos);
    return add_comment(d, make_anchor(d, "summary", pos, pos + quote.size()), "Ольга", text, at);
}

}  // namespace

TEST_CASE("the read view marks the quoted words of open comments and links the margin to them", "[review][export]") {
    Document d;
    d.id = "pm-marks";
    d.title = "Сбой шлюза / 決済障害";
    d.sections = {"summary", "leadup"};
    d.summary = "Шлюз вернул <502> & \"timeout\" — 決済 API が停止 \xf0\x9f\x94\xa5. For example, шлюз вернул <502> снова.";
    d.leadup = "Η αλλαγή έγινε στις 09:00.";
    Instant at;
    at.set = true;
    at.unix_ms = 1775570280000;
    const std::string special = comment_on(d, "<502> & \"timeout\"", "Это & не <b>ошибка</b>?", at);
    const std::string japanese = comment_on(d, "決済 API が停止", "どの API ですか？", at);
    const std::string twice = comment_on(d, "<502>", "Which proxy?", at);       // twice in the text: not marked
    const std::string in_entity = comment_on(d, "amp", "ex-amp-le", at);        // also inside "&amp;": only the word
    const std::string resolved = comment_on(d, "шлюз вернул", "Ok", at);
    REQUIRE(resolve_comment(d, resolved, "Ольга", at));
    const std::string greek = add_comment(d, make_anchor(d, "leadup", 0, std::string("Η αλλαγή").size()), "Ελένη", "Ποια ώρα;", at);

    const ExportJobResult r = run_export_job(ExportJob::ReadView, d, "");
    REQUIRE(r.ok);
    const std::string& html = r.text;
    CHECK(html.find("<502>") == std::string::npos);  // nothing unescaped on the way
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find(mark_open(special) + "&lt;502&gt; &amp; &quot;timeout&quot;</mark>") != std::string::npos);
    CHECK(html.find(mark_open(japanese) + "決済 API が停止</mark>") != std::string::npos);
    CHECK(html.find(mark_open(greek) + "Η αλλαγή") != std::string::npos);
    CHECK(html.find("ex" + mark_open(in_entity) + "amp</mark>le") != std::string::npos);
    CHECK(html.find("pm-mark-" + twice) == std::string::npos);
    CHECK(html.find("pm-mark-" + resolved) == std::string::npos);
    CHECK(count(html, "<mark ") == 4);
    CHECK(count(html, "</mark>") == 4);
    // The quote in the margin leads to the words; a comment whose words are not marked has the quote alone.
    CHECK(html.find("<a class=\"pm-comment-link\" href=\"#pm-mark-" + special + "\"><q>&lt;502&gt; &amp; &quot;timeout&quot;</q></a>") !=
          std::string::npos);
    CHECK(html.find("<a class=\"pm-comment-link\" href=\"#pm-mark-" + greek + "\">") != std::string::npos);
    CHECK(html.find("<q>&lt;502&gt;</q>") != std::string::npos);
    CHECK(count(html, "class=\"pm-comment-link\"") == 4);

    // A passage since deleted is not marked (its comment says "on deleted text").
    d.summary = "Переписано полностью / 全部書き直し";
    const std::string after = run_export_job(ExportJob::ReadView, d, "").text;
    CHECK(after.find("pm-mark-" + japanese) == std::string::npos);
    CHECK(after.find("on deleted text") != std::string::npos);
}
