// Calendar arithmetic shared by the core's time code (time.cpp, the exporters, the store and the timeline): integer
// division that rounds toward minus infinity, so instants before 1970 fall on the right day, and days since
// 1970-01-01 to a proleptic Gregorian date. days_from_civil, its inverse, is declared in model.h.
#pragma once

#include <cstdint>

namespace hs {

// a / b rounded toward minus infinity (b != 0): floor_div(-1, 86400000) is -1, the day before 1970-01-01.
constexpr int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Days since 1970-01-01 to year, month (1..12) and day (1..31) (Howard Hinnant, "chrono-compatible low-level date
// algorithms").
void civil_from_days(int64_t days, int64_t& y, unsigned& m, unsigned& d);

}  // namespace hs
