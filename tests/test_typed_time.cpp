// Times and dates as people type them in a French programme.
#include "model/typed_time.hpp"
#include "support.hpp"

#include "actions/actions.hpp"
#include "engine/engine.hpp"

#include <catch2/catch.hpp>

// Designated initialisers name only the fields a case is about.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace atelier;

TEST_CASE("times of day as typed: 14h, 14h30, 14:30") {
    CHECK(parseTimeOfDay("14h") == "14:00");
    CHECK(parseTimeOfDay("14h30") == "14:30");
    CHECK(parseTimeOfDay("14:30") == "14:30");
    CHECK(parseTimeOfDay(" 9h05 ") == "09:05");
    CHECK(parseTimeOfDay("14 h 30") == "14:30");
    CHECK(parseTimeOfDay("14H30") == "14:30");
    CHECK(parseTimeOfDay("9") == "09:00");
    CHECK(parseTimeOfDay("0h") == "00:00");
    CHECK(parseTimeOfDay("23:59") == "23:59");
    for (const char* bad : {"", "h", "24h", "14h60", "14h3", "14:", "14h30m", "quatorze heures", "-1h", "14.30", "123h"})
        CHECK_FALSE(parseTimeOfDay(bad));
}

TEST_CASE("dates as typed: ISO or day first") {
    CHECK(parseDay("2026-07-06") == "2026-07-06");
    CHECK(parseDay("6/7/2026") == "2026-07-06");
    CHECK(parseDay("06/07/2026") == "2026-07-06");
    CHECK(parseDay("6.7.2026") == "2026-07-06");
    CHECK(parseDay("29/02/2024") == "2024-02-29");
    for (const char* bad : {"", "2026-7", "29/02/2026", "2026-13-01", "32/01/2026", "6/7/26", "lundi", "2026/07/06"})
        CHECK_FALSE(parseDay(bad));
}

TEST_CASE("every day of an event") {
    CHECK(daysBetween("2026-07-06", "2026-07-08") == std::vector<std::string>{"2026-07-06", "2026-07-07", "2026-07-08"});
    CHECK(daysBetween("2026-02-28", "2026-03-01") == std::vector<std::string>{"2026-02-28", "2026-03-01"});
    CHECK(daysBetween("2026-07-06", "2026-07-06").size() == 1);
    CHECK(daysBetween("2026-07-08", "2026-07-06").empty());
    CHECK(daysBetween("", "2026-07-06").empty());
    CHECK(daysBetween("2026-01-01", "2026-12-31", 10).size() == 10);
}

TEST_CASE("a slot takes typed times and is moved as a whole") {
    test::Fixture f;
    auto& engine = f.engine;
    Id slot = engine->apply(AddSlot{.day = "7/7/2026", .start = "10h", .end = "11h", .title = "Atelier"}).created.at(0);
    const Slot* s = engine->state().find<Slot>(slot);
    CHECK(s->day == "2026-07-07");
    CHECK(s->start == "10:00");
    CHECK(s->end == "11:00");
    // 10:00–11:00 to 14:00–15:00 in one action: the new start is after the old end.
    engine->apply(EditSlot{.slot = slot, .start = "14h", .end = "15:00"});
    s = engine->state().find<Slot>(slot);
    CHECK(s->start == "14:00");
    CHECK(s->end == "15:00");
    engine->undo();
    CHECK(engine->state().find<Slot>(slot)->start == "10:00");
}
