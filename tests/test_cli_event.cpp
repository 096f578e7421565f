// `atelier new | demo | info | check | actions`, run as a user would.
#include "process.hpp"
#include "support.hpp"
#include "model/errors.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

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

TEST_CASE("check reports each row that breaks Atelier's rules, one line each, and exits 1") {
    TempDir dir;
    std::string db = dir.file("e.db");
    REQUIRE(atelierRun({"demo", db}).exitCode == 0);
    REQUIRE(atelierRun({"check", db}).exitCode == 0);
    // Edited by hand, as an older version or a text editor could leave it: each UPDATE breaks one rule.
    std::vector<std::pair<std::string, std::string>> edits = {
        {"note", "UPDATE note SET text = printf('%.*c', 20001, 'a') WHERE id = (SELECT min(id) FROM note)"},
        {"team", "UPDATE team SET name = printf('%.*c', 501, 'n') WHERE id = (SELECT min(id) FROM team)"},
        {"cluster", "UPDATE cluster SET colour = 'rouge' WHERE id = (SELECT min(id) FROM cluster)"},
        {"note", "UPDATE note SET x = 1e300 WHERE id = (SELECT max(id) FROM note)"},
        {"note", "UPDATE note SET width = 0 WHERE id = (SELECT id FROM note ORDER BY id LIMIT 1 OFFSET 1)"},
        {"challenge", "UPDATE challenge SET number = -3 WHERE id = (SELECT max(id) FROM challenge)"},
    };
    {
        FakeClock clock;
        auto engine = Engine::open(db, clock);
        for (const auto& [table, sql] : edits) engine->store().db().exec(sql);
    }
    auto result = atelierRun({"check", db});
    CHECK(result.exitCode == 1);
    CHECK_THAT(result.out, Catch::Contains("Intégrité : ok"));
    CHECK_THAT(result.out, Catch::Contains("Règles : 6 lignes hors des règles"));
    CHECK_THAT(result.out, Catch::Contains("table « note », id") && Catch::Contains("texte de plus de 20000 octets"));
    CHECK_THAT(result.out, Catch::Contains("table « team », id") && Catch::Contains("nom vide ou de plus de 500 octets"));
    CHECK_THAT(result.out, Catch::Contains("table « cluster », id") && Catch::Contains("couleur"));
    CHECK_THAT(result.out, Catch::Contains("position hors du mur"));
    CHECK_THAT(result.out, Catch::Contains("taille hors de 40 à 2000"));
    CHECK_THAT(result.out, Catch::Contains("table « challenge », id") && Catch::Contains("numéro hors de 0 à 9999"));
    CHECK_THAT(result.out, Catch::Contains("des lignes enfreignent les règles"));
    CHECK_THAT(result.out, !Catch::Contains("ABÎMÉ"));
}

TEST_CASE("check finds vote and team rules broken by hand: budgets, caps, other teams' notes and authors") {
    TempDir dir;
    std::string db = dir.file("e.db");
    REQUIRE(atelierRun({"new", db, "--name", "Votes"}).exitCode == 0);
    std::string input = R"({"action":"add_team","id":"1","name":"A"})" "\n"
                        R"({"action":"add_team","id":"2","name":"B"})" "\n"
                        R"({"action":"add_member","id":"11","team":"1","name":"Awa"})" "\n"
                        R"({"action":"add_member","id":"21","team":"2","name":"Bob"})" "\n"
                        R"({"action":"add_note","id":"101","team":"1","text":"a","author":"11"})" "\n"
                        R"({"action":"add_note","id":"201","team":"2","text":"b"})" "\n"
                        R"({"action":"open_vote_round","id":"301","team":"1","budget":3,"cap":2})" "\n"
                        R"({"action":"cast_vote","round":"301","member":"11","note":"101","count":2})" "\n";
    REQUIRE(atelierRun({"apply", db}, input).exitCode == 0);
    REQUIRE(atelierRun({"check", db}).exitCode == 0);
    {
        FakeClock clock;
        auto engine = Engine::open(db, clock);
        auto& sql = engine->store().db();
        sql.exec("UPDATE vote_round SET budget = -5 WHERE id = 301");
        sql.exec("INSERT INTO vote (id, round_id, member_id, note_id, count) VALUES (401, 301, 11, 201, 4294967297)");
        sql.exec("UPDATE note SET author_id = 21 WHERE id = 101");
    }
    auto result = atelierRun({"check", db});
    CHECK(result.exitCode == 1);
    CHECK_THAT(result.out, Catch::Contains("table « vote_round », id 301 : budget hors de 1 à 100"));
    CHECK_THAT(result.out, Catch::Contains("table « vote », id 401 : nombre de gommettes hors de 1 à 1000"));
    CHECK_THAT(result.out, Catch::Contains("table « vote », id 401 : vote sur le mur d'une autre équipe"));
    CHECK_THAT(result.out, Catch::Contains("table « vote », id 401 : plus de gommettes sur une idée que le plafond"));
    CHECK_THAT(result.out, Catch::Contains("le membre a posé plus de gommettes que le budget du tour"));
    CHECK_THAT(result.out, Catch::Contains("table « note », id 101 : auteur membre d'une autre équipe"));
}

namespace {

// Runs `atelier <args>` and kills it with SIGKILL after `delay`; true when the kill came first.
bool killedAfter(const std::vector<std::string>& args, std::chrono::microseconds delay) {
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        std::vector<char*> argv{const_cast<char*>(ATELIER_BINARY)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(ATELIER_BINARY, argv.data());
        _exit(127);
    }
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status);
}

} // namespace

TEST_CASE("import bundle, generate, demo and new killed at any moment leave no file or the whole; the retry works") {
    TempDir dir;
    std::string source = dir.file("source.db"), bundle = dir.file("big.json");
    REQUIRE(atelierRun({"generate", source, "--scale", "1"}).exitCode == 0);
    REQUIRE(atelierRun({"export", source, "--format", "json", "--out", bundle}).exitCode == 0);
    std::vector<std::vector<std::string>> commands = {
        {"import", "bundle", "@", bundle}, {"generate", "@", "--scale", "1"}, {"demo", "@"}, {"new", "@", "--name", "Atelier"}};
    int killedMidway = 0;
    for (std::size_t c = 0; c < commands.size(); ++c) {
        for (int delayMs : {5, 30, 80, 200, 400}) {
            std::string db = dir.file("new" + std::to_string(c) + "_" + std::to_string(delayMs) + ".db");
            std::vector<std::string> args = commands[c];
            for (auto& a : args)
                if (a == "@") a = db;
            bool killed = killedAfter(args, std::chrono::milliseconds(delayMs));
            INFO(args[0] << " killed after " << delayMs << " ms: " << killed);
            if (std::filesystem::exists(db)) {
                // Either nothing, or a whole event that check calls good.
                auto check = atelierRun({"check", db});
                CHECK(check.exitCode == 0);
                CHECK_THAT(check.out, Catch::Contains("Résultat : bon"));
                continue;
            }
            killedMidway += killed;
            CHECK_FALSE(sideFilesExist(db));
            auto retry = atelierRun(args);
            INFO(retry.err);
            CHECK(retry.exitCode == 0);
            CHECK(atelierRun({"check", db}).exitCode == 0);
            // The retry cleaned what the killed run left beside the file.
            for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
                CHECK(entry.path().filename().string().find(".en-creation") == std::string::npos);
        }
    }
    CHECK(killedMidway > 0);
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
