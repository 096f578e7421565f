#pragma once
// Wall-clock time in the event's IANA time zone, whatever the laptop's zone: agenda slots are
// written in the event's local time, and "now" must be compared in that zone.
#include "model/model.hpp"

#include <string>

namespace atelier {

bool isKnownTimeZone(const std::string& name);

struct LocalTime {
    std::string day;        // YYYY-MM-DD
    std::string hourMinute; // HH:MM
    int secondsOfDay = 0;
    int utcOffsetMinutes = 0;
};

// Converts a UTC instant to the wall-clock time of the zone (Europe/Paris if it is unknown).
LocalTime toLocalTime(Millis utc, const std::string& zone);

} // namespace atelier
