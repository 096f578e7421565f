#pragma once
// The time zones an organiser chooses an event's from (assets/timezones/zones.tsv): France and
// its overseas territories first, named in French and English, then every other IANA zone.
#include <string>
#include <vector>

namespace atelier {

struct TimeZoneChoice {
    std::string zone;    // IANA name: "Indian/Reunion"
    std::string french;  // "La Réunion"; empty for the zones listed by name only
    std::string english;
};

const std::vector<TimeZoneChoice>& timeZoneChoices();

} // namespace atelier
