// Right-to-left text on the canvas (src/ui/bidi.cpp): visual order, numbers kept whole, brackets mirrored, Arabic
// letters joined.
#include <catch2/catch.hpp>

#include <string>

#include "bidi.h"

using hs::ui::visual_line;

TEST_CASE("Hebrew in a left-to-right line is reversed as a run; Latin and numbers keep their order") {
    CHECK(visual_line("abc \xd7\x90\xd7\x91\xd7\x92 def") == "abc \xd7\x92\xd7\x91\xd7\x90 def");  // abc גבא def
    CHECK(visual_line("plain Latin text, 14:02") == "plain Latin text, 14:02");
    // A right-to-left paragraph: runs in reverse order, the number still reads 14:02, 50% stays whole.
    const std::string he = "\xd7\xa9\xd7\xa2\xd7\x94 14:02 \xd7\x95 50%";  // שעה 14:02 ו 50%
    const std::string v = visual_line(he);
    CHECK(v.find("14:02") != std::string::npos);
    CHECK(v.find("50%") != std::string::npos);
    CHECK(v.find("50%") < v.find("14:02"));  // the later number is further left
    CHECK(v.substr(v.size() - 6) == "\xd7\x94\xd7\xa2\xd7\xa9");  // the first word is at the right end
}

TEST_CASE("brackets in right-to-left runs are mirrored") {
    // א(ב)ג -> ג(ב)א drawn left to right: the opening bracket of the logical text appears as ')' on the right.
    CHECK(visual_line("\xd7\x90(\xd7\x91)\xd7\x92") == "\xd7\x92(\xd7\x91)\xd7\x90");
}

TEST_CASE("Arabic letters take their joined forms, lam-alef becomes one ligature") {
    // "سلام" (seen, lam, alef, meem): seen initial FEB3, lam-alef final ligature FEFC, meem isolated FEE1.
    const std::string v = visual_line("\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85");
    // Visual order (right to left reversed): meem, lam-alef, seen.
    CHECK(v == "\xef\xbb\xa1\xef\xbb\xbc\xef\xba\xb3");
}
