// Millisecond units shared by the core headers (timeline, store), so that both can be included together.
#pragma once
#include <cstdint>

namespace hs {

inline constexpr int64_t kSecondMs = 1000;
inline constexpr int64_t kMinuteMs = 60 * kSecondMs;
inline constexpr int64_t kHourMs = 60 * kMinuteMs;
inline constexpr int64_t kDayMs = 24 * kHourMs;

}  // namespace hs
