// Text operations on code points and grapheme clusters: UTF-8 (with invalid input), UAX #29 grapheme clusters (all of
// Unicode's GraphemeBreakTest.txt), case folding and case-insensitive find with offsets into the original text,
// word characters, display widths, truncation, and their use by lint and diff.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/diff.h"
#include "core/lint.h"
#include "core/text.h"

using namespace hs;

namespace {

std::string u8(uint32_t cp) {
    std::string s;
    utf8_append(s, cp);
    return s;
}

std::vector<std::string> clusters(const std::string& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size();) {
        const size_t j = next_grapheme(s, i);
        REQUIRE(j > i);
        REQUIRE(j <= s.size());
        out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::vector<size_t> boundaries(const std::string& s) {
    std::vector<size_t> b{0};
    for (size_t i = 0; i < s.size();) b.push_back(i = next_grapheme(s, i));
    return b;
}

std::vector<uint32_t> code_points(const std::string& s) {
    std::vector<uint32_t> out;
    size_t len;
    for (size_t i = 0; i < s.size(); i += len) out.push_back(utf8_decode(s, i, len));
    return out;
}

const std::string kThumbsUpMedium = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";                     // 👍🏽
const std::string kFlagJapan = "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5";                          // 🇯🇵
const std::string kFlagUkraine = "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6";                        // 🇺🇦
const std::string kFamily = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";  // 👨‍👩‍👧
const std::string kEAcute = "e\xCC\x81";                                                      // e + U+0301

}  // namespace

TEST_CASE("text: UTF-8 round trip of valid code points", "[text]") {
    for (uint32_t cp : {0x0u, 0x41u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xD7FFu, 0xE000u, 0xFFFDu, 0xFFFFu, 0x10000u,
                        0x1F525u, 0x10FFFFu}) {
        const std::string s = u8(cp);
        size_t len;
        CHECK(utf8_decode(s, 0, len) == cp);
        CHECK(len == s.size());
        CHECK(utf8_floor(s, s.size() - 1) == 0);
        CHECK(utf8_prev(s, s.size()) == 0);
    }
    CHECK(u8(0xD800) == u8(kReplacementChar));  // a surrogate is never encoded
    CHECK(u8(0x110000) == u8(kReplacementChar));
    CHECK(code_points("a\xD0\x81\xE9\x9A\x9C\xF0\x9F\x94\xA5") == std::vector<uint32_t>{'a', 0x401, 0x969C, 0x1F525});
}

TEST_CASE("text: invalid UTF-8 reads as U+FFFD, one byte at a time, never out of bounds", "[text]") {
    const std::vector<std::string> bad = {
        "\x80",                  // lone continuation byte
        "\xBF\x80",              // two of them
        "\xC0\xAF",              // overlong '/'
        "\xC1\xBF",              // overlong
        "\xE0\x80\xAF",          // overlong, three bytes
        "\xF0\x80\x80\xAF",      // overlong, four bytes
        "\xED\xA0\x80",          // surrogate U+D800 encoded in UTF-8
        "\xED\xBF\xBF",          // surrogate U+DFFF
        "\xF4\x90\x80\x80",      // above U+10FFFF
        "\xF5\x80\x80\x80",      // invalid lead byte
        "\xFE", "\xFF",
        "\xE2\x82",              // truncated sequences
        "\xF0\x9F\x98",
        "\xC3",
    };
    for (const std::string& s : bad) {
        INFO("bytes: " << s.size());
        const std::vector<uint32_t> cps = code_points(s);
        CHECK(cps == std::vector<uint32_t>(s.size(), kReplacementChar));
        CHECK(clusters(s).size() == s.size());
        CHECK(casefold(s) == [&] {
            std::string r;
            for (size_t i = 0; i < s.size(); ++i) r += u8(kReplacementChar);
            return r;
        }());
        CHECK(display_width(s) == s.size());
        for (size_t p = 0; p <= s.size(); ++p) {
            CHECK(grapheme_floor(s, p) == std::min(p, s.size()));
            CHECK(utf8_floor(s, p) == std::min(p, s.size()));
        }
        CHECK_FALSE(find_ci(s, "a"));
        CHECK(truncate_to_bytes(s, 4, "...").size() <= 4);
    }
    // A view that ends inside a sequence: the bytes after it are not read.
    const std::string euro = "\xE2\x82\xAC";
    size_t len;
    CHECK(utf8_decode(std::string_view(euro).substr(0, 2), 0, len) == kReplacementChar);
    CHECK(len == 1);
    CHECK(next_grapheme(std::string_view(euro).substr(0, 2), 0) == 1);
    // A valid sequence after invalid bytes is still found whole, forwards and backwards.
    const std::string mixed = "\x80\xE2\x82\xAC\xE2\x82" "a";
    CHECK(code_points(mixed) == std::vector<uint32_t>{kReplacementChar, 0x20AC, kReplacementChar, kReplacementChar, 'a'});
    CHECK(utf8_prev(mixed, 4) == 1);
    CHECK(utf8_floor(mixed, 3) == 1);
    CHECK(utf8_prev(mixed, 6) == 5);
    CHECK(utf8_prev(mixed, 7) == 6);
}

TEST_CASE("text: grapheme clusters of emoji, flags, marks, Hangul and CRLF", "[text]") {
    CHECK(clusters(kThumbsUpMedium) == std::vector<std::string>{kThumbsUpMedium});
    CHECK(clusters(kFlagJapan + kFlagUkraine) == std::vector<std::string>{kFlagJapan, kFlagUkraine});
    CHECK(clusters(kFamily) == std::vector<std::string>{kFamily});
    CHECK(clusters(kEAcute + "x") == std::vector<std::string>{kEAcute, "x"});
    // Hangul: L V T jamo make one syllable; so do LV + T and L + LV; V then L does not join.
    const std::string L = u8(0x1100), V = u8(0x1161), T = u8(0x11A8), LV = u8(0xAC00), LVT = u8(0xAC01);
    CHECK(clusters(L + V + T) == std::vector<std::string>{L + V + T});
    CHECK(clusters(LV + T + T) == std::vector<std::string>{LV + T + T});
    CHECK(clusters(LVT + T) == std::vector<std::string>{LVT + T});
    CHECK(clusters(L + LV) == std::vector<std::string>{L + LV});
    CHECK(clusters(LVT + V) == std::vector<std::string>{LVT, V});
    CHECK(clusters(V + L) == std::vector<std::string>{V, L});
    CHECK(clusters("\r\n") == std::vector<std::string>{"\r\n"});
    CHECK(clusters("\n\r") == std::vector<std::string>{"\n", "\r"});
    CHECK(clusters("a\r\r\nb") == std::vector<std::string>{"a", "\r", "\r\n", "b"});
    CHECK(clusters("\r\xCC\x81") == std::vector<std::string>{"\r", "\xCC\x81"});  // a control takes no mark
    // Three regional indicators: a flag and a lone one; a ZWJ not after a pictograph does not join.
    CHECK(clusters(kFlagJapan + kFlagUkraine.substr(0, 4)).size() == 2);
    CHECK(clusters("a\xE2\x80\x8D" "\xF0\x9F\x91\xA9").size() == 2);
    // grapheme_floor/ceil agree with cutting from the start at every byte.
    const std::string mix = "x" + kFamily + kEAcute + kFlagJapan + kFlagUkraine + "\r\n" + LV + T + kThumbsUpMedium;
    const std::vector<size_t> b = boundaries(mix);
    for (size_t p = 0; p <= mix.size(); ++p) {
        const size_t floor = *std::prev(std::upper_bound(b.begin(), b.end(), p));
        const size_t ceil = *std::lower_bound(b.begin(), b.end(), p);
        CHECK(grapheme_floor(mix, p) == floor);
        CHECK(grapheme_ceil(mix, p) == ceil);
    }
}

TEST_CASE("text: every line of Unicode's GraphemeBreakTest.txt", "[text]") {
    const std::string path = std::string(HS_UCD_DIR) + "/auxiliary/GraphemeBreakTest.txt";
    std::ifstream in(path);
    INFO(path << " comes with Debian's unicode-data (python3 scripts/deps.py native)");
    REQUIRE(in.good());
    std::string line;
    int cases = 0;
    while (std::getline(in, line)) {
        line = line.substr(0, line.find('#'));
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        std::istringstream words(line);
        std::string w, s;
        std::vector<size_t> want;
        while (words >> w) {
            if (w == "\xC3\xB7") want.push_back(s.size());  // ÷: a boundary
            else if (w != "\xC3\x97") utf8_append(s, static_cast<uint32_t>(std::stoul(w, nullptr, 16)));  // ×: none
        }
        INFO("GraphemeBreakTest: " << line);
        CHECK(boundaries(s) == want);
        for (size_t p = 0; p <= s.size(); ++p)
            CHECK(grapheme_floor(s, p) == *std::prev(std::upper_bound(want.begin(), want.end(), p)));
        ++cases;
    }
    CHECK(cases > 500);  // 602 in Unicode 15.0
    CHECK(std::string(unicode_version()).rfind("15.", 0) == 0);
}

TEST_CASE("text: case folding of Cyrillic, Greek (final sigma), German and Turkish", "[text]") {
    CHECK(casefold("\xD0\x81\xD0\x9B\xD0\x9A\xD0\x90") == "\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0");  // ЁЛКА -> ёлка
    CHECK(casefold("\xD0\x84\xD0\x86\xD0\x87") == "\xD1\x94\xD1\x96\xD1\x97");              // ЄІЇ -> єії
    // ΣΊΣΥΦΟΣ and σίσυφος (final ς) fold the same: every sigma is σ.
    CHECK(casefold("\xCE\xA3\xCE\x8A\xCE\xA3\xCE\xA5\xCE\xA6\xCE\x9F\xCE\xA3") ==
          casefold("\xCF\x83\xCE\xAF\xCF\x83\xCF\x85\xCF\x86\xCE\xBF\xCF\x82"));
    CHECK(casefold("\xCF\x82") == "\xCF\x83");
    CHECK(casefold_simple(0x3C2) == 0x3C3);
    CHECK(casefold_simple(0x3A3) == 0x3C3);
    CHECK(casefold("Stra\xC3\x9F" "e") == "strasse");  // ß -> ss (full folding)
    CHECK(casefold("\xE1\xBA\x9E") == "ss");            // ẞ -> ss
    CHECK(casefold_simple(0x1E9E) == 0xDF);              // ... and ß in simple folding
    CHECK(casefold_simple(0xDF) == 0xDF);
    CHECK(casefold("\xC4\xB0") == "i\xCC\x87");          // İ -> i + U+0307
    CHECK(casefold("\xEF\xAC\x81") == "fi");             // the ﬁ ligature
    CHECK(casefold("\xE2\x84\xAA") == "k");              // KELVIN SIGN
    CHECK(casefold_simple(0x13F8) == 0x13F0);            // Cherokee folds to upper case
    CHECK(casefold_simple(0x100) == 0x101);              // alternating blocks: Ā -> ā, ā stays
    CHECK(casefold_simple(0x101) == 0x101);
    CHECK(casefold_simple(0x10400) == 0x10428);          // Deseret, outside the BMP
    CHECK(casefold("ABC xyz 123 \xE9\x9A\x9C") == "abc xyz 123 \xE9\x9A\x9C");
    for (const std::string s : {"\xCE\x90\xE1\xBE\x88", "\xC5\x89", "Stra\xC3\x9F" "e \xC4\xB0", "\xE1\xBE\xBC"})
        CHECK(casefold(casefold(s)) == casefold(s));
}

TEST_CASE("text: find_ci in Cyrillic and Greek, offsets into the original text", "[text]") {
    const std::string report = "\xD0\x9E\xD1\x82\xD1\x87\xD1\x91\xD1\x82: \xD0\x81\xD0\x9B\xD0\x9A\xD0\x90";  // Отчёт: ЁЛКА
    TextMatch m = find_ci(report, "\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0");  // ёлка
    REQUIRE(m);
    CHECK(m.start == 12);
    CHECK(m.end == 20);
    m = find_ci(report, "\xD0\x9E\xD0\xA2\xD0\xA7\xD0\x81\xD0\xA2");  // ОТЧЁТ
    REQUIRE(m);
    CHECK(m.start == 0);
    CHECK(m.end == 10);
    CHECK_FALSE(find_ci(report, "\xD0\xBE\xD1\x82\xD1\x87\xD0\xB5\xD1\x82"));  // отчет (е, not ё): a different letter
    // Greek: a final sigma in the text, a capital one in the query, and the other way round.
    const std::string greek = "\xCE\x9F \xCE\xB4\xCE\xB9\xCE\xB1\xCE\xBA\xCE\xBF\xCE\xBC\xCE\xB9\xCF\x83\xCF\x84\xCE\xAE\xCF\x82 "
                              "\xCE\xAD\xCF\x80\xCE\xB5\xCF\x83\xCE\xB5";  // Ο διακομιστής έπεσε
    m = find_ci(greek, "\xCE\x94\xCE\x99\xCE\x91\xCE\x9A\xCE\x9F\xCE\x9C\xCE\x99\xCE\xA3\xCE\xA4\xCE\x89\xCE\xA3");
    REQUIRE(m);
    CHECK(greek.substr(m.start, m.end - m.start) ==
          "\xCE\xB4\xCE\xB9\xCE\xB1\xCE\xBA\xCE\xBF\xCE\xBC\xCE\xB9\xCF\x83\xCF\x84\xCE\xAE\xCF\x82");
    m = find_ci("\xCE\x9F\xCE\xA3", "\xCE\xBF\xCF\x82");  // ΟΣ found by ος
    CHECK((m && m.start == 0 && m.end == 4));
    CHECK(contains_ci("\xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3\xCE\xB1", "\xCF\x89\xCE\x9C\xCE\x88\xCE\x93\xCE\x91"));  // Ωμέγα / ωΜΈΓΑ
    CHECK(contains_ci("anything", ""));
}

TEST_CASE("text: find_ci maps matches back where folding changes the length (ß, İ)", "[text]") {
    const std::string street = "Die Stra\xC3\x9F" "e ist gesperrt, STRASSE frei";
    TextMatch m = find_ci(street, "STRASSE");
    REQUIRE(m);
    CHECK(m.start == 4);
    CHECK(m.end == 11);  // "Straße" is 7 bytes; the query folds to 7 too, but the text's ß is 2 bytes for "ss"
    CHECK(street.substr(m.start, m.end - m.start) == "Stra\xC3\x9F" "e");
    m = find_ci(street, "stra\xC3\x9F" "e", m.end);
    REQUIRE(m);
    CHECK(street.substr(m.start, m.end - m.start) == "STRASSE");
    CHECK_FALSE(find_ci(street, "strasse", m.end));
    // After characters whose folding is longer than they are, the offsets still point into the original text.
    const std::string after = "\xC3\x9F\xC3\x9F\xC3\x9F \xEF\xAC\x81nd STRASSE";  // ßßß ﬁnd STRASSE
    m = find_ci(after, "strasse");
    REQUIRE(m);
    CHECK(after.substr(m.start, m.end - m.start) == "STRASSE");
    m = find_ci(after, "FIND");
    REQUIRE(m);
    CHECK(after.substr(m.start, m.end - m.start) == "\xEF\xAC\x81nd");
    // A match covers whole code points: "s" is not half of "ß", "f" not a third of "ﬃ".
    CHECK_FALSE(find_ci("\xC3\x9F", "s"));
    CHECK(find_ci("\xC3\x9F", "SS").end == 2);
    CHECK_FALSE(find_ci("\xEF\xAC\x83", "f"));
    // İ folds to i + U+0307 (full folding): found by its folding and by itself, not by a plain i.
    const std::string city = "Ankara, \xC4\xB0zmir";
    m = find_ci(city, "i\xCC\x87zmir");
    REQUIRE(m);
    CHECK(m.start == 8);
    CHECK(m.end == 14);
    CHECK(find_ci(city, "\xC4\xB0ZM\xC4\xB0R").start == std::string::npos);  // İZMİR: its second İ is not in the text
    CHECK(find_ci(city, "\xC4\xB0ZMIR").start == 8);
    CHECK_FALSE(find_ci(city, "izmir"));
    // `from` inside a code point moves on to the next one.
    CHECK(find_ci("\xC3\xA9\xC3\xA9", "\xC3\x89", 1).start == 2);
    CHECK(find_ci("abc", "", 2).start == 2);
    CHECK_FALSE(find_ci("abc", "a", 4));
}

TEST_CASE("text: titles sort by case folding in every locale", "[text]") {
    std::vector<std::string> titles = {"zebra outage", "\xD0\x81\xD0\xB6", "Apple pay down", "\xD0\xB5\xD0\xBB\xD1\x8C",
                                       "apple Pay Down", "\xC3\x84pfel", "Banana"};
    std::stable_sort(titles.begin(), titles.end(),
                     [](const std::string& a, const std::string& b) { return compare_text(a, b) < 0; });
    CHECK(titles == std::vector<std::string>{"Apple pay down", "apple Pay Down", "Banana", "zebra outage",
                                             "\xC3\x84pfel", "\xD0\xB5\xD0\xBB\xD1\x8C", "\xD0\x81\xD0\xB6"});
    CHECK(compare_text("Stra\xC3\x9F" "e", "STRASSE") == 0);
    CHECK(compare_text("abc", "abcd") < 0);
    CHECK(compare_text("B", "a") > 0);
}

TEST_CASE("text: word characters of every script", "[text]") {
    for (uint32_t cp : {uint32_t('a'), uint32_t('Z'), uint32_t('7'), uint32_t('_'), 0x42Fu /* Я */, 0x3C9u /* ω */,
                        0x969Cu /* 障 */, 0x3042u /* あ */, 0xD55Cu /* 한 */, 0x627u /* ا */, 0x663u /* ٣ */,
                        0x301u /* combining acute */, 0x93Fu /* Devanagari vowel sign I */, 0x200Du})
        CHECK(is_word_char(cp));
    for (uint32_t cp : {uint32_t(' '), uint32_t('-'), uint32_t('.'), uint32_t('\''), 0x3001u /* 、 */, 0x3002u /* 。 */,
                        0x300Cu /* 「 */, 0xFF01u /* ！ */, 0xFF08u /* （ */, 0x2014u, 0xABu /* « */, 0x1F525u /* 🔥 */,
                        kReplacementChar})
        CHECK_FALSE(is_word_char(cp));
    CHECK(joins_word(0x43Du /* н */, 'b'));      // a Cyrillic letter next to a Latin one: one word
    CHECK_FALSE(joins_word(0x306Fu /* は */, 'h'));  // a wide letter is a word of its own
    CHECK_FALSE(joins_word('h', 0x969Cu));
    CHECK(joins_word(0x301u, 0x969Cu));  // a mark belongs to whatever precedes it
    CHECK_FALSE(joins_word(0x3002u, 'b'));
}

TEST_CASE("text: display widths", "[text]") {
    CHECK(display_width("\xE9\x9A\x9C\xE5\xAE\xB3\xE5\xAF\xBE\xE5\xBF\x9C") == 8);  // 障害対応
    CHECK(display_width("\xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3\xCE\xB1") == 5);          // Ωμέγα
    CHECK(display_width("\xCE\xA9\xCE\xBC\xCE\xB5\xCC\x81\xCE\xB3\xCE\xB1") == 5);  // ... with a combining acute
    CHECK(display_width("\xF0\x9F\x94\xA5") == 2);                                  // 🔥
    CHECK(display_width(kFamily) == 2);
    CHECK(display_width(kThumbsUpMedium) == 2);
    CHECK(display_width(kFlagJapan + kFlagUkraine) == 4);
    CHECK(display_width(kEAcute) == 1);
    CHECK(display_width("\xE2\x9D\xA4") == 1);              // ❤ text style
    CHECK(display_width("\xE2\x9D\xA4\xEF\xB8\x8F") == 2);  // ❤️ with VS16
    CHECK(display_width("1\xEF\xB8\x8F\xE2\x83\xA3") == 2);  // keycap 1️⃣
    CHECK(display_width("\xED\x95\x9C\xEA\xB5\xAD") == 4);  // 한국
    CHECK(display_width(u8(0x1100) + u8(0x1161) + u8(0x11A8)) == 2);
    CHECK(display_width("\xEF\xBC\xA1") == 2);  // fullwidth A
    CHECK(display_width("plain ASCII") == 11);
    CHECK(display_width("a\tb\n") == 2);
    CHECK(display_width("\xE9\x9A\x9C\xE5\xAE\xB3\xE5\xAF\xBE\xE5\xBF\x9C", 3) > 3);  // stops early, still over
    CHECK(codepoint_width(0xFE0F) == 0);
    CHECK(codepoint_width(0x200D) == 0);
    CHECK(codepoint_width(0x3000) == 2);
}

TEST_CASE("text: truncation never splits a grapheme cluster", "[text]") {
    const std::string texts[] = {kThumbsUpMedium + kThumbsUpMedium + kThumbsUpMedium, kFlagJapan + kFlagUkraine + "x",
                                 "ab" + kFamily + "cd" + kFamily, kEAcute + kEAcute + kEAcute + kEAcute,
                                 "\xE9\x9A\x9C\xE5\xAE\xB3 report " + kEAcute + kFamily, "\r\n\r\n\r\n"};
    for (const std::string& s : texts) {
        const std::vector<size_t> b = boundaries(s);
        for (size_t max = 0; max <= s.size() + 4; ++max) {
            const std::string t = truncate_to_bytes(s, max, "...");
            INFO("max " << max << ": " << t);
            if (s.size() <= max) {
                CHECK(t == s);
                continue;
            }
            REQUIRE(t.size() >= 3);
            CHECK(t.compare(t.size() - 3, 3, "...") == 0);
            const std::string prefix = t.substr(0, t.size() - 3);
            CHECK(s.compare(0, prefix.size(), prefix) == 0);
            CHECK(std::find(b.begin(), b.end(), prefix.size()) != b.end());
            if (max >= 3) CHECK(t.size() <= max);
        }
    }
    // By display width: the widest prefix that fits with the ellipsis, without trailing spaces.
    auto cols = [](size_t n) { return [n](std::string_view t) { return display_width(t) <= n; }; };
    const std::string jp = "\xE9\x9A\x9C\xE5\xAE\xB3\xE5\xAF\xBE\xE5\xBF\x9C\xE3\x81\xAE\xE5\xA0\xB1\xE5\x91\x8A";  // 障害対応の報告
    CHECK(truncate_graphemes(jp, cols(7)) == "\xE9\x9A\x9C\xE5\xAE\xB3\xE5\xAF\xBE\xE2\x80\xA6");  // 障害対…
    CHECK(truncate_graphemes(jp, cols(14)) == jp);
    CHECK(truncate_graphemes("hello world", cols(7)) == "hello\xE2\x80\xA6");
    CHECK(truncate_graphemes(kFamily + kFamily, cols(3)) == kFamily + "\xE2\x80\xA6");
    CHECK(truncate_graphemes("abc", cols(0)) == "\xE2\x80\xA6");  // nothing fits: the ellipsis alone
    // No room even for the ellipsis: the ellipsis alone, without the zero-width controls before the first letter.
    CHECK(truncate_to_width(std::string("\0\0ab", 4), 0) == "\xE2\x80\xA6");
    CHECK(truncate_graphemes(std::string("\0\0ab", 4), cols(0)) == "\xE2\x80\xA6");
    // A Prepend character (here before a line break) is never left before the ellipsis, which it would join.
    const std::string prepend = "ab" + u8(0x600) + "\ncd";
    CHECK(truncate_to_width(prepend, 3) == "ab\xE2\x80\xA6");
    CHECK(truncate_graphemes(prepend, cols(3)) == "ab\xE2\x80\xA6");
    // truncate_to_width, in one pass, cuts where the predicate version does.
    for (const std::string& s : {jp, std::string("hello world, again"), kFamily + " a " + kFlagJapan + kEAcute + "xyz",
                                 std::string("\xE9\x9A\x9C ") + u8(0x1100) + u8(0x1161) + "  tail", texts[0], texts[4]})
        for (size_t n = 0; n <= display_width(s) + 1; ++n) {
            INFO(s << " in " << n << " columns");
            CHECK(truncate_to_width(s, n) == truncate_graphemes(s, cols(n)));
        }
    // A long text: the cost follows the result, and the cut is the same as on a short one.
    std::string big;
    for (int i = 0; i < 20000; ++i) big += kFamily + " ";
    CHECK(truncate_to_bytes(big, 40, "...") == kFamily + " " + kFamily + "...");
}

TEST_CASE("text: lint finds blame phrases next to CJK text, never inside a word of another script", "[text][lint]") {
    using R = std::vector<std::pair<size_t, size_t>>;
    // 障害はhuman errorによるもの: wide letters on both sides are words of their own.
    const std::string jp = "\xE9\x9A\x9C\xE5\xAE\xB3\xE3\x81\xAF" "human error" "\xE3\x81\xAB\xE3\x82\x88\xE3\x82\x8B";
    CHECK(find_phrase(jp, "human error") == R{{9, 20}});
    // CJK punctuation, fullwidth brackets and Chinese text.
    CHECK(find_phrase("\xE3\x80\x8C" "blamed" "\xE3\x80\x8D", "blamed") == R{{3, 9}});
    CHECK(find_phrase("\xEF\xBC\x88" "blamed" "\xEF\xBC\x89", "blamed") == R{{3, 9}});
    CHECK(find_phrase("\xE5\x9B\xA0\xE4\xB8\xBA" "human error\xE3\x80\x82", "human error") == R{{6, 17}});
    // Inside a Cyrillic or Greek word it is not the English word.
    CHECK(find_phrase("\xD0\xB7\xD0\xB0" "blamed" "\xD0\xBD\xD1\x8B\xD0\xB9", "blamed").empty());
    CHECK(find_phrase("\xD0\xB7\xD0\xB0" "blamed", "blamed").empty());
    CHECK(find_phrase("blamed" "\xCE\xBF\xCF\x82", "blamed").empty());
    CHECK(find_phrase("blamed" "\xCC\x81", "blamed").empty());  // a combining mark continues the word
    CHECK(find_phrase("\xD0\x9E\xD0\xBD blamed \xD0\xB5\xD0\xB3\xD0\xBE", "blamed") == R{{5, 11}});
    // Phrases in other scripts match in any case.
    CHECK(find_phrase("\xD0\x9E\xD0\xBD \xD0\x92\xD0\x98\xD0\x9D\xD0\x9E\xD0\x92\xD0\x90\xD0\xA2.",  // Он ВИНОВАТ.
                      "\xD0\xB2\xD0\xB8\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB0\xD1\x82") == R{{5, 19}});
    CHECK(find_phrase("\xE2\x84\xAA" "ILLED IT", "killed it") == R{{0, 11}});  // a Kelvin sign folds to k
    // The default phrase list, through lint.
    Document d;
    d.title = "t";
    d.summary = jp;
    const std::vector<Finding> fs = lint(d, default_blame_phrases());
    CHECK(std::count_if(fs.begin(), fs.end(), [](const Finding& f) {
              return f.rule == "blame-language" && f.section == "summary" && f.start == 9 && f.end == 20;
          }) == 1);
}

TEST_CASE("text: diff tokens follow characters in CJK text and keep clusters whole", "[text][diff]") {
    // 障害対応 -> 障害報告: only the last two characters change.
    const std::vector<TextSpan> spans =
        diff_text("\xE9\x9A\x9C\xE5\xAE\xB3\xE5\xAF\xBE\xE5\xBF\x9C", "\xE9\x9A\x9C\xE5\xAE\xB3\xE5\xA0\xB1\xE5\x91\x8A");
    REQUIRE(!spans.empty());
    CHECK(spans[0].op == TextSpan::Op::Equal);
    CHECK(spans[0].text == "\xE9\x9A\x9C\xE5\xAE\xB3");
    // A skin tone change replaces the whole emoji, never the modifier alone.
    const std::string dark = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBF";
    for (const TextSpan& s : diff_text("ok " + kThumbsUpMedium, "ok " + dark))
        if (s.op != TextSpan::Op::Equal) CHECK((s.text == kThumbsUpMedium || s.text == dark));
}
