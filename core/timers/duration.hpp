#pragma once
// A countdown's duration as a facilitator types it: « 7 » (minutes), « 7:30 », « 90 s »,
// « 1 h 30 », « 7 min », « 7,5 ». One function, so every field that takes a duration agrees.
#include <optional>
#include <string>
#include <string_view>

namespace atelier {

struct ParsedDuration {
    int seconds = 0;     // > 0 when ok
    std::string error;   // in the UI language, naming what is wrong and what to type instead
    bool ok() const { return error.empty(); }
};

ParsedDuration parseDuration(std::string_view text, int maxSeconds);

// "7 min", "7 min 30 s", "90 s", "1 h 05": how a duration is shown back to the user.
std::string formatDuration(int seconds);

} // namespace atelier
