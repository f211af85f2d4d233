// ISO 8601 parsing and formatting, independent of the machine's time zone.
#include <catch2/catch.hpp>

#include "core/model.h"

using namespace hs;

namespace {
int64_t ms_of(const std::string& s) {
    auto t = parse_iso8601(s);
    REQUIRE(t.has_value());
    return t->unix_ms;
}
}  // namespace

TEST_CASE("days_from_civil matches known dates", "[time]") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(1970, 1, 2) == 1);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(2026, 3, 1) == 20513);
    CHECK(days_from_civil(1600, 1, 1) == -135140);
}

TEST_CASE("parse_iso8601 accepts RFC 3339 forms and normalises to UTC", "[time]") {
    CHECK(ms_of("1970-01-01T00:00:00Z") == 0);
    CHECK(ms_of("2026-03-01T14:02:00Z") == 1772373720000LL);
    CHECK(ms_of("2026-03-01T14:02:00z") == 1772373720000LL);
    CHECK(ms_of("2026-03-01t14:02:00Z") == 1772373720000LL);
    CHECK(ms_of("2026-03-01 14:02Z") == 1772373720000LL);        // space, no seconds
    CHECK(ms_of("2026-03-01T14:02") == 1772373720000LL);         // no offset: default (UTC)
    CHECK(ms_of("2026-03-01T15:02:00+01:00") == 1772373720000LL);
    CHECK(ms_of("2026-03-01T15:02:00+0100") == 1772373720000LL);
    CHECK(ms_of("2026-03-01T15:02:00+01") == 1772373720000LL);
    CHECK(ms_of("2026-03-01T08:32:00-05:30") == 1772373720000LL);
    CHECK(ms_of("2026-03-01T00:30:00+01:00") == 1772321400000LL);  // crosses midnight backwards
    CHECK(ms_of("  2026-03-01T14:02:00Z\r\n") == 1772373720000LL);

    auto t = parse_iso8601("2026-03-01T14:02:00.123+01:00");
    REQUIRE(t);
    CHECK(t->unix_ms == 1772370120123LL);
    CHECK(t->offset_min == 60);
    CHECK(t->set);
    CHECK(parse_iso8601("2026-03-01T14:02:00.1Z")->unix_ms % 1000 == 100);
    CHECK(parse_iso8601("2026-03-01T14:02:00.123456789Z")->unix_ms % 1000 == 123);  // truncated to ms
    CHECK(parse_iso8601("2026-03-01T14:02:00,5Z")->unix_ms % 1000 == 500);

    // Default offset applies only when the text has none.
    CHECK(parse_iso8601("2026-03-01T15:02", 60)->unix_ms == 1772373720000LL);
    CHECK(parse_iso8601("2026-03-01T15:02", 60)->offset_min == 60);
    CHECK(parse_iso8601("2026-03-01T14:02Z", 60)->offset_min == 0);
}

TEST_CASE("parse_iso8601 handles leap years and the end of day", "[time]") {
    CHECK(parse_iso8601("2024-02-29T12:00:00Z"));
    CHECK(parse_iso8601("2000-02-29T12:00:00Z"));
    CHECK_FALSE(parse_iso8601("2026-02-29T12:00:00Z"));
    CHECK_FALSE(parse_iso8601("1900-02-29T12:00:00Z"));
    CHECK(ms_of("2026-03-01T24:00:00Z") == ms_of("2026-03-02T00:00:00Z"));
    CHECK(ms_of("2026-12-31T24:00Z") == ms_of("2027-01-01T00:00:00Z"));
}

TEST_CASE("parse_iso8601 rejects malformed and out-of-range times", "[time]") {
    const char* bad[] = {"",
                         "yesterday",
                         "14:02",
                         "2026-03-01",  // a date is not a date-time
                         "2026-13-01T00:00:00Z",
                         "2026-00-10T00:00:00Z",
                         "2026-02-30T00:00:00Z",
                         "2026-04-31T00:00:00Z",
                         "2026-03-00T00:00:00Z",
                         "2026-03-01T24:01:00Z",
                         "2026-03-01T24:00:01Z",
                         "2026-03-01T24:00:00.5Z",
                         "2026-03-01T25:00:00Z",
                         "2026-03-01T14:60:00Z",
                         "2026-03-01T14:02:60Z",
                         "2026-03-01T14:02:00+24:00",
                         "2026-03-01T14:02:00+01:60",
                         "2026-03-01T14:02:00+1",
                         "2026-03-01T14:02:00+01:0",
                         "2026-03-01T14:02:00ZZ",
                         "2026-03-01T14:02:00 Z",
                         "2026-03-01T14:02:00.Z",
                         "2026-03-01T14:02:00Zjunk",
                         "2026-3-1T14:02:00Z",
                         "26-03-01T14:02:00Z",
                         "2026/03/01T14:02:00Z",
                         "2026-03-01X14:02:00Z",
                         "2026-03-01T1402Z",
                         "+2026-03-01T14:02:00Z",
                         "2026-03-01T14:02:00+01:00:00"};
    for (const char* s : bad) {
        INFO("input: \"" << s << "\"");
        CHECK_FALSE(parse_iso8601(s));
    }
}

TEST_CASE("format_utc, format_local and format_offset", "[time]") {
    auto t = parse_iso8601("2026-03-01T15:02:00+01:00");
    REQUIRE(t);
    CHECK(format_utc(*t) == "2026-03-01T14:02:00Z");
    CHECK(format_local(*t) == "2026-03-01 15:02:00 +01:00");
    auto n = parse_iso8601("2026-03-01T00:15:00.250-05:30");
    REQUIRE(n);
    CHECK(format_utc(*n) == "2026-03-01T05:45:00.250Z");
    CHECK(format_local(*n) == "2026-03-01 00:15:00.250 -05:30");
    CHECK(format_utc(Instant{}) == "");
    CHECK(format_utc(Instant{-1, 0, true}) == "1969-12-31T23:59:59.999Z");
    CHECK(format_utc(Instant{0, 0, true}) == "1970-01-01T00:00:00Z");
    CHECK(format_offset(0) == "+00:00");
    CHECK(format_offset(0, true) == "Z");
    CHECK(format_offset(60, true) == "+01:00");
    CHECK(format_offset(-330) == "-05:30");
    CHECK(format_offset(345) == "+05:45");

    // Round trip through text for a spread of instants, including before 1970 and leap days.
    for (int64_t ms : {0LL, 951782400000LL, 1709208000123LL, -86400000LL, 253402300799000LL, -11644473600000LL}) {
        Instant i{ms, 0, true};
        INFO(format_utc(i));
        auto back = parse_iso8601(format_utc(i));
        REQUIRE(back);
        CHECK(back->unix_ms == ms);
    }
}

TEST_CASE("is_calendar_date", "[time]") {
    CHECK(is_calendar_date("2026-03-15"));
    CHECK(is_calendar_date("2024-02-29"));
    CHECK_FALSE(is_calendar_date("2026-02-29"));
    CHECK_FALSE(is_calendar_date("2026-13-01"));
    CHECK_FALSE(is_calendar_date("2026-3-15"));
    CHECK_FALSE(is_calendar_date("2026-03-15T00:00:00Z"));
    CHECK_FALSE(is_calendar_date("next week"));
    CHECK_FALSE(is_calendar_date(""));
}

TEST_CASE("format_duration", "[time]") {
    CHECK(format_duration(0) == "0s");
    CHECK(format_duration(45) == "45s");
    CHECK(format_duration(60) == "1m");
    CHECK(format_duration(65) == "1m 05s");
    CHECK(format_duration(3840) == "1h 04m");
    CHECK(format_duration(3600) == "1h 00m");
    CHECK(format_duration(86400) == "1d");
    CHECK(format_duration(3 * 86400 + 2 * 3600 + 59) == "3d 2h");
    CHECK(format_duration(-90) == "-1m 30s");
    CHECK_FALSE(format_duration(INT64_MIN).empty());
}

TEST_CASE("new_id is prefixed, random and reproducible when seeded", "[time][ids]") {
    seed_ids(42);
    std::string a = new_id("ev");
    std::string b = new_id("ev");
    CHECK(a.size() == 11);
    CHECK(a.rfind("ev-", 0) == 0);
    CHECK(a.find_first_not_of("0123456789abcdef", 3) == std::string::npos);
    CHECK(a != b);
    seed_ids(42);
    CHECK(new_id("ev") == a);
}
