// Suggest mode's edits as suggestions: the changed span of a field's text, widened to whole words, cut on character
// (grapheme cluster) boundaries in any script, and made into a suggestion that, accepted, gives the edited text.
#include <catch2/catch.hpp>

#include <string>

#include "core/review.h"

namespace {

struct Case {
    const char* before;
    const char* after;
    const char* old_words;
    const char* new_words;
};

std::string old_part(const std::string& before, const hs::WordEdit& e) {
    return before.substr(e.begin, e.before_end - e.begin);
}
std::string new_part(const std::string& after, const hs::WordEdit& e) {
    return after.substr(e.begin, e.after_end - e.begin);
}

hs::Instant at() { return hs::Instant{1767225600000, 0, true}; }

}  // namespace

TEST_CASE("a typed edit becomes the change of the whole words it touches, in any script") {
    const Case cases[] = {
        // A digit changed inside a number: the whole number.
        {"checkout failed for 40 minutes", "checkout failed for 42 minutes", "40", "42"},
        // Part of a Cyrillic word: the word.
        {"Истёк сертификат на шлюзе", "Истёк сертификат на балансировщике", "шлюзе", "балансировщике"},
        // A Greek word deleted: it and its space become nothing.
        {"η βάση ήταν πολύ αργή", "η βάση ήταν αργή", "πολύ ", ""},
        // Han and Kana are written without spaces: each character is a word of its own.
        {"証明書の期限切れで決済が止まった", "証明書の更新漏れで決済が止まった", "期限切", "更新漏"},
        // An emoji ZWJ sequence differs only in its last code point: the whole sequence, never a part of it.
        {"on call: \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 team",
         "on call: \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa6 team",
         "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
         "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa6"},
        // An insertion quotes the word before it...
        {"checkout failed", "checkout really failed", "checkout ", "checkout really "},
        // ... or, at the start, the word after it.
        {"Ω-cluster down", "Весь Ω-cluster down", "\xce\xa9", "Весь \xce\xa9"},
        // Text added at the end of a word in the middle of Japanese: the characters that changed.
        {"決済障害 (eu-west)", "決済障害と遅延 (eu-west)", "害", "害と遅延"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.before, c.after);
        const std::string before = c.before, after = c.after;
        const hs::WordEdit e = hs::word_edit(before, after);
        CHECK(old_part(before, e) == c.old_words);
        CHECK(new_part(after, e) == c.new_words);
        // The rest of the text is the same on both sides: putting the new words in place gives the edited text.
        CHECK(before.substr(0, e.begin) + new_part(after, e) + before.substr(e.before_end) == after);
    }
}

TEST_CASE("a word edit of texts that are equal or were empty has no passage") {
    CHECK(hs::word_edit("", "新しい文").before_end == 0);
    const hs::WordEdit same = hs::word_edit("Ωmega", "Ωmega");
    CHECK(same.begin == same.before_end);
}

TEST_CASE("suggest_edit keeps the text, and accepting the suggestion gives the edited text") {
    hs::Document d;
    d.id = "pm-suggest";
    d.sections = {"summary"};
    d.summary = "Истёк сертификат: 証明書の期限切れで checkout failed for 40 minutes (\xf0\x9f\x94\xa5 eu-west).";
    const std::string original = d.summary;
    const std::string edited = "Истёк сертификат: 証明書の期限切れで checkout failed for 42 минуты (\xf0\x9f\x94\xa5 eu-west).";
    std::string why;
    const std::string id = hs::suggest_edit(d, "summary", edited, "Γιώργος", at(), why);
    REQUIRE_FALSE(id.empty());
    CHECK(d.summary == original);
    REQUIRE(d.suggestions.size() == 1);
    CHECK(d.suggestions[0].anchor.exact == "40 minutes");
    CHECK(d.suggestions[0].replacement == "42 минуты");
    CHECK(d.suggestions[0].author == "Γιώργος");
    CHECK(hs::resolve_anchor(d, d.suggestions[0].anchor).status == hs::AnchorStatus::Exact);
    REQUIRE(hs::accept_suggestion(d, id, "author", at()).ok);
    CHECK(d.summary == edited);
}

TEST_CASE("suggest_edit refuses, saying why, what cannot be a suggestion") {
    hs::Document d;
    d.id = "pm-suggest";
    d.sections = {"summary", "leadup"};
    d.summary = "Сбой оплаты";
    std::string why;
    CHECK(hs::suggest_edit(d, "summary", "Сбой оплаты", "Мария", at(), why).empty());
    CHECK(why.find("Nothing was changed") != std::string::npos);
    CHECK(hs::suggest_edit(d, "leadup", "決済障害", "Мария", at(), why).empty());  // the field is empty
    CHECK(why.find("empty field") != std::string::npos);
    CHECK(hs::suggest_edit(d, "timeline/ev-gone/description", "x", "Мария", at(), why).empty());
    CHECK(why.find("no longer") != std::string::npos);
    // A change of more words than a quote may hold.
    std::string long_text;
    while (long_text.size() <= hs::kMaxAnchorExactBytes) long_text += "слово ";
    d.summary = "Начало " + long_text + "конец";
    CHECK(hs::suggest_edit(d, "summary", "Начало конец", "Мария", at(), why).empty());
    CHECK(why.find("smaller parts") != std::string::npos);
    CHECK(d.suggestions.empty());
    CHECK(d.summary == "Начало " + long_text + "конец");
}
