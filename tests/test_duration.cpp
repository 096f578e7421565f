// Durations as a facilitator types them (issue 14, problem 2: a 1-minute timer needed a preset
// to be changed): « 7 », « 7:30 », « 90 s » and their neighbours, and clear refusals.
#include "model/language.hpp"
#include "timers/duration.hpp"

#include <catch2/catch.hpp>

using namespace atelier;

namespace {
constexpr int kMax = 24 * 3600;
int secondsOf(const char* text) {
    ParsedDuration d = parseDuration(text, kMax);
    INFO(text << " -> " << d.error);
    REQUIRE(d.ok());
    return d.seconds;
}
std::string errorOf(const char* text) {
    ParsedDuration d = parseDuration(text, kMax);
    INFO(text);
    REQUIRE_FALSE(d.ok());
    CHECK(d.seconds == 0);
    return d.error;
}
} // namespace

TEST_CASE("a bare number is minutes") {
    CHECK(secondsOf("7") == 420);
    CHECK(secondsOf("  1 ") == 60);
    CHECK(secondsOf("7,5") == 450);
    CHECK(secondsOf("7.5") == 450);
    CHECK(secondsOf("90") == 5400);
}

TEST_CASE("minutes:seconds and hours:minutes:seconds") {
    CHECK(secondsOf("7:30") == 450);
    CHECK(secondsOf("0:45") == 45);
    CHECK(secondsOf("1:00:00") == 3600);
    CHECK(secondsOf("1:02:03") == 3723);
}

TEST_CASE("numbers with units, French or English") {
    CHECK(secondsOf("90 s") == 90);
    CHECK(secondsOf("90s") == 90);
    CHECK(secondsOf("45 sec") == 45);
    CHECK(secondsOf("7 min") == 420);
    CHECK(secondsOf("7 MIN 30 S") == 450);
    CHECK(secondsOf("7 min 30") == 450);
    CHECK(secondsOf("1 h 30") == 5400);
    CHECK(secondsOf("1h30") == 5400);
    CHECK(secondsOf("2 heures") == 7200);
    CHECK(secondsOf("1 minute") == 60);
}

TEST_CASE("what is not a duration is refused with a message saying what to type") {
    setMessageLanguage(Language::French);
    CHECK_THAT(errorOf("sept"), Catch::Contains("« sept »") && Catch::Contains("« 7:30 »"));
    CHECK_THAT(errorOf(""), Catch::Contains("Durée vide"));
    CHECK_THAT(errorOf("0"), Catch::Contains("au moins une seconde"));
    CHECK_THAT(errorOf("0:00"), Catch::Contains("au moins une seconde"));
    CHECK_THAT(errorOf("7:75"), Catch::Contains("non comprise"));
    CHECK_THAT(errorOf("7::30"), Catch::Contains("non comprise"));
    CHECK_THAT(errorOf("-5"), Catch::Contains("non comprise"));
    CHECK_THAT(errorOf("30 s 2 min"), Catch::Contains("non comprise"));
    CHECK_THAT(errorOf("7 min 3 min"), Catch::Contains("non comprise"));
    CHECK_THAT(errorOf("7 jours"), Catch::Contains("non comprise"));
    CHECK_THAT(errorOf("25 h"), Catch::Contains("trop longue") && Catch::Contains("24 h"));
    setMessageLanguage(Language::English);
    CHECK_THAT(errorOf("seven"), Catch::Contains("not understood"));
    setMessageLanguage(Language::French);
}

TEST_CASE("a duration is shown back in words") {
    CHECK(formatDuration(420) == "7 min");
    CHECK(formatDuration(450) == "7 min 30 s");
    CHECK(formatDuration(90) == "1 min 30 s");
    CHECK(formatDuration(45) == "45 s");
    CHECK(formatDuration(5400) == "1 h 30 min");
}
