// Wall-clock time in the event's zone, whatever the laptop's zone.
#include "model/timezone.hpp"
#include "assets/time_zones.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <optional>
#include <thread>
#include <vector>

using namespace atelier;

namespace {

constexpr Millis kSummer = 1531123200000; // 2018-07-09 08:00:00 UTC
constexpr Millis kWinter = 1516017600000; // 2018-01-15 12:00:00 UTC
constexpr Millis kHour = 3600000;

// Sets TZ for the scope and puts the previous value back.
class ScopedTz {
public:
    explicit ScopedTz(const char* value) {
        if (const char* tz = std::getenv("TZ")) m_previous = tz;
        ::setenv("TZ", value, 1);
        ::tzset();
    }
    ~ScopedTz() {
        if (m_previous) ::setenv("TZ", m_previous->c_str(), 1);
        else ::unsetenv("TZ");
        ::tzset();
    }

private:
    std::optional<std::string> m_previous;
};

void checkLocal(Millis utc, const std::string& zone, const std::string& day, const std::string& hm, int offsetMinutes) {
    INFO(zone << " at " << utc);
    LocalTime t = toLocalTime(utc, zone);
    CHECK(t.day == day);
    CHECK(t.hourMinute == hm);
    CHECK(t.utcOffsetMinutes == offsetMinutes);
}

void checkReferenceTimes() {
    checkLocal(kSummer, "Europe/Paris", "2018-07-09", "10:00", 120);
    checkLocal(kWinter, "Europe/Paris", "2018-01-15", "13:00", 60);
    checkLocal(kSummer, "Indian/Reunion", "2018-07-09", "12:00", 240);
    checkLocal(kWinter, "Indian/Reunion", "2018-01-15", "16:00", 240);
    checkLocal(kSummer, "America/Martinique", "2018-07-09", "04:00", -240);
    checkLocal(kWinter, "America/Martinique", "2018-01-15", "08:00", -240);
    checkLocal(kSummer, "UTC", "2018-07-09", "08:00", 0);
    // The day changes at the zone's midnight, not at UTC's.
    checkLocal(kSummer + 14 * kHour + 30 * 60000, "Indian/Reunion", "2018-07-10", "02:30", 240);
    checkLocal(kSummer - 6 * kHour, "America/Martinique", "2018-07-08", "22:00", -240);
    // Daylight saving starts in Paris on 2018-03-25 at 01:00 UTC.
    checkLocal(1521939540000, "Europe/Paris", "2018-03-25", "01:59", 60);
    checkLocal(1521939600000, "Europe/Paris", "2018-03-25", "03:00", 120);
}

} // namespace

TEST_CASE("UTC instants read in the event's zone") {
    checkReferenceTimes();
    LocalTime t = toLocalTime(kSummer + 61500, "Europe/Paris");
    CHECK(t.secondsOfDay == 10 * 3600 + 61);
}

TEST_CASE("the laptop's own zone changes nothing") {
    {
        ScopedTz tokyo("Asia/Tokyo");
        checkReferenceTimes();
        // The process's zone is left as it was.
        REQUIRE(std::getenv("TZ"));
        CHECK(std::string(std::getenv("TZ")) == "Asia/Tokyo");
    }
    {
        ScopedTz martinique("America/Martinique");
        checkReferenceTimes();
    }
}

TEST_CASE("an unknown zone reads as Europe/Paris") {
    checkLocal(kSummer, "Mars/Olympus", "2018-07-09", "10:00", 120);
    checkLocal(kSummer, "", "2018-07-09", "10:00", 120);
}

TEST_CASE("known time zones are IANA names with compiled rules") {
    for (const char* zone : {"Europe/Paris", "Indian/Reunion", "America/Martinique", "America/Cayenne", "Pacific/Noumea",
                             "Indian/Mayotte", "UTC"})
        CHECK(isKnownTimeZone(zone));
    for (const char* zone : {"Mars/Olympus", "../etc/passwd", "", "/etc/passwd", "Europe", "Europe/../Europe/Paris",
                             "Europe/Paris/", "zone.tab", "europe/paris", "Europe/Paris\n"})
        CHECK_FALSE(isKnownTimeZone(zone));
}

TEST_CASE("conversions from several threads agree") {
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([i, &wrong] {
            const char* zone = i % 2 ? "Indian/Reunion" : "America/Martinique";
            const char* expected = i % 2 ? "12:00" : "04:00";
            for (int k = 0; k < 200; ++k)
                if (toLocalTime(kSummer, zone).hourMinute != expected) ++wrong[static_cast<std::size_t>(i)];
        });
    for (auto& t : threads) t.join();
    for (int count : wrong) CHECK(count == 0);
}

TEST_CASE("the time zones offered: France and its overseas territories first, every one known") {
    const auto& choices = atelier::timeZoneChoices();
    REQUIRE(choices.size() > 300);
    CHECK(choices.front().zone == "Europe/Paris");
    std::vector<std::string> firstFifteen;
    for (std::size_t i = 0; i < 15; ++i) firstFifteen.push_back(choices[i].zone);
    for (const char* overseas : {"Indian/Reunion", "America/Martinique", "America/Guadeloupe", "America/Cayenne", "Indian/Mayotte",
                                 "Pacific/Noumea", "Pacific/Tahiti"}) {
        INFO(overseas);
        CHECK(std::find(firstFifteen.begin(), firstFifteen.end(), overseas) != firstFifteen.end());
    }
    std::set<std::string> seen;
    for (const auto& c : choices) {
        INFO(c.zone);
        CHECK(atelier::isKnownTimeZone(c.zone));
        CHECK(seen.insert(c.zone).second); // listed once
    }
}
