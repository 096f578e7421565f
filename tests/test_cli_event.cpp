// `atelier new | demo | info | check | actions`, run as a user would.
#include "process.hpp"
#include "support.hpp"
#include "model/errors.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace atelier;
using namespace atelier::test;

namespace {

ProcessResult atelierRun(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), ATELIER_BINARY);
    return runProcess(args, input);
}

bool sideFilesExist(const std::string& path) {
    return std::filesystem::exists(path + "-wal") || std::filesystem::exists(path + "-shm");
}

} // namespace

TEST_CASE("demo then info shows the 14 défis of Rennes 2018 with their teams") {
    TempDir dir;
    std::string db = dir.file("e.db");
    auto demo = atelierRun({"demo", db});
    REQUIRE(demo.exitCode == 0);
    CHECK_THAT(demo.out, Catch::Contains("14 défis, 14 équipes"));
    auto info = atelierRun({"info", db});
    REQUIRE(info.exitCode == 0);
    CHECK_THAT(info.out, Catch::Contains("Rennes 2018"));
    CHECK_THAT(info.out, Catch::Contains("Défis (14)"));
    for (int n = 1; n <= 14; ++n) {
        CHECK_THAT(info.out, Catch::Contains("Défi " + std::to_string(n) + " — Comment"));
        CHECK_THAT(info.out, Catch::Contains("Équipe : Équipe " + std::to_string(n) + " · "));
    }
    CHECK_THAT(info.out, Catch::Contains("Ville de Rennes (les inscriptions aux cours de piscine)"));
    CHECK_THAT(info.out, Catch::Contains("Piste retenue : S’inscrire en ligne"));
    CHECK_THAT(info.out, Catch::Contains("Exposition : tester les prototypes"));
}

TEST_CASE("demo refuses to overwrite an existing file") {
    TempDir dir;
    std::string db = dir.file("e.db");
    { std::ofstream(db) << "précieux"; }
    auto result = atelierRun({"demo", db});
    CHECK(result.exitCode != 0);
    CHECK_THAT(result.err, Catch::Contains("existe déjà"));
    CHECK(readBytes(db) == "précieux");
}

TEST_CASE("new creates an empty event with its time zone and days") {
    TempDir dir;
    std::string db = dir.file("r.db");
    auto result = atelierRun({"new", db, "--name", "Atelier de La Réunion", "--tz", "Indian/Reunion", "--from",
                              "2018-07-09", "--to", "2018-07-11"});
    REQUIRE(result.exitCode == 0);
    FakeClock clock;
    auto engine = Engine::open(db, clock);
    CHECK(engine->state().event.name == "Atelier de La Réunion");
    CHECK(engine->state().event.timeZone == "Indian/Reunion");
    CHECK(engine->state().event.lastDay == "2018-07-11");
}

TEST_CASE("new refuses a bad time zone or dates, and leaves no file behind") {
    TempDir dir;
    std::string db = dir.file("bad.db");
    auto zone = atelierRun({"new", db, "--name", "X", "--tz", "Mars/Olympus"});
    CHECK(zone.exitCode != 0);
    CHECK_THAT(zone.err, Catch::Contains("Mars/Olympus"));
    CHECK_FALSE(std::filesystem::exists(db));
    auto dates = atelierRun({"new", db, "--name", "X", "--from", "2018-07-11", "--to", "2018-07-09"});
    CHECK(dates.exitCode != 0);
    CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("commands refuse files that are not Atelier events and leave them untouched") {
    TempDir dir;
    std::string missing = dir.file("missing.db");
    auto noFile = atelierRun({"info", missing});
    CHECK(noFile.exitCode != 0);
    CHECK_THAT(noFile.err, Catch::Contains("n'existe pas"));
    CHECK_FALSE(std::filesystem::exists(missing));

    std::string text = dir.file("notes.txt");
    { std::ofstream(text) << "Idées du matin\n"; }
    for (const char* command : {"info", "check", "apply"}) {
        auto result = atelierRun({command, text}, "{\"action\":\"edit_event\",\"name\":\"x\"}\n");
        CHECK(result.exitCode != 0);
        CHECK_THAT(result.err, Catch::Contains("n'est pas un événement Atelier"));
        CHECK(readBytes(text) == "Idées du matin\n");
        CHECK_FALSE(sideFilesExist(text));
    }
}

TEST_CASE("check reports a good file and fails on a damaged one") {
    TempDir dir;
    std::string db = dir.file("e.db");
    REQUIRE(atelierRun({"demo", db}).exitCode == 0);
    auto good = atelierRun({"check", db});
    CHECK(good.exitCode == 0);
    CHECK_THAT(good.out, Catch::Contains("Intégrité : ok"));
    CHECK_THAT(good.out, Catch::Contains("Schéma : version"));

    // Fold the WAL in, then scribble over a page in the middle of the file.
    {
        FakeClock clock;
        auto engine = Engine::open(db, clock);
        engine->store().db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    auto size = std::filesystem::file_size(db);
    REQUIRE(size > 4 * 4096);
    {
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(size / 2 / 4096 * 4096));
        std::string garbage(4096, '\x5a');
        f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    auto bad = atelierRun({"check", db});
    CHECK(bad.exitCode != 0);
}

TEST_CASE("actions lists every action with its fields") {
    auto result = atelierRun({"actions"});
    REQUIRE(result.exitCode == 0);
    for (const char* name : {"add_note", "move_notes", "cast_vote", "select_idea", "start_timer", "add_feedback"})
        CHECK_THAT(result.out, Catch::Contains(name));
    CHECK_THAT(result.out, Catch::Contains("start_timer  [not undoable]"));
}

TEST_CASE("English messages on request") {
    TempDir dir;
    auto result = runProcess({ATELIER_BINARY, "info", dir.file("none.db")}, {}, {"ATELIER_LANG=en"});
    CHECK(result.exitCode != 0);
    CHECK_THAT(result.err, Catch::Contains("does not exist"));
}

TEST_CASE("a second writer is refused while the event is open, and welcome once it is closed") {
    TempDir dir;
    std::string db = dir.file("e.db");
    REQUIRE(atelierRun({"new", db, "--name", "Test"}).exitCode == 0);
    std::string action = "{\"action\":\"add_team\",\"name\":\"A\"}\n";
    {
        FakeClock clock;
        auto firstWriter = Engine::open(db, clock);
        auto second = atelierRun({"apply", db}, action);
        CHECK(second.exitCode != 0);
        CHECK_THAT(second.err, Catch::Contains("déjà ouvert en écriture"));
        auto reader = atelierRun({"info", db}); // reading alongside is fine
        CHECK(reader.exitCode == 0);
        CHECK_THROWS_AS(Engine::open(db, clock), FileError); // in-process too
    }
    CHECK(atelierRun({"apply", db}, action).exitCode == 0);
}
