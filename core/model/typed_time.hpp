#pragma once
// Times of day and dates as people type them in a French programme (« 14h », « 14h30 »,
// « 14:30 », « 6/7/2026 »), read into the stored forms HH:MM and YYYY-MM-DD.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atelier {

// "14h" → "14:00", "9h05" → "09:05", "14:30" / "14 h 30" / "14H30" → "14:30". Nothing when it is
// not a time of day (hours 0–23, minutes 0–59).
std::optional<std::string> parseTimeOfDay(std::string_view typed);

// "2026-07-06", "6/7/2026", "06/07/2026", "6.7.2026" → "2026-07-06" (day first, the French
// order). Nothing when it is not a real date.
std::optional<std::string> parseDay(std::string_view typed);

// Every day from `first` to `last` included (both YYYY-MM-DD), at most `limit` of them; empty
// when either is not a date or last is before first.
std::vector<std::string> daysBetween(const std::string& first, const std::string& last, std::size_t limit = 62);

} // namespace atelier
