// Files that are not what they seem, at the command line: every command that opens an event
// refuses them with a clear message, leaves their bytes as they were and creates nothing beside
// them. A network share opens with a warning. Backups and restore end to end, and restore
// refused while another Atelier writes the file.
#include "storage/backup.hpp"
#include "model/errors.hpp"
#include "process.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sqlite3.h>

using namespace atelier;
using namespace atelier::test;

namespace {

ProcessResult atelierRun(std::vector<std::string> args, const std::string& input = {}, std::vector<std::string> env = {}) {
    args.insert(args.begin(), ATELIER_BINARY);
    return runProcess(args, input, env);
}

std::vector<std::string> besideFiles(const std::string& path) {
    std::vector<std::string> found;
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        if (std::filesystem::exists(path + suffix)) found.push_back(path + suffix);
    if (std::filesystem::exists(backupFolder(path))) found.push_back(backupFolder(path));
    return found;
}

std::string makeEvent(const TempDir& dir, const std::string& name, int notes = 0) {
    std::string path = dir.file(name);
    FakeClock clock;
    EventInfo info;
    info.name = "Rennes";
    auto engine = Engine::create(path, info, clock);
    AddTeam team;
    team.name = "Équipe";
    Id teamId = engine->apply(team).created.front();
    for (int i = 0; i < notes; ++i) {
        AddNote note;
        note.team = teamId;
        note.text = std::string(2000, static_cast<char>('a' + i % 26));
        engine->apply(note);
    }
    return path;
}

void setHeaderWord(std::string& bytes, std::size_t offset, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) bytes[offset + static_cast<std::size_t>(i)] = static_cast<char>((value >> (24 - 8 * i)) & 0xFF);
}

// Every command that opens an event refuses the file, says why, and leaves it as it was.
void refusedEverywhere(const std::string& path, const std::string& expected) {
    const std::string bytes = readBytes(path);
    const std::string action = R"({"action":"edit_event","name":"x"})" "\n";
    std::vector<std::vector<std::string>> commands = {
        {"info", path},   {"check", path},          {"apply", path},           {"backups", path},
        {"backup", path}, {"restore", path, path},  {"export", path, "--format", "md", "--out", path + ".md"},
        {"search", path, "idée"}, {"copy", path, path + ".copy"}};
    for (const auto& command : commands) {
        INFO(command[0] << " on " << path);
        auto result = atelierRun(command, action);
        CHECK(result.exitCode != 0);
        CHECK_THAT(result.err, Catch::Contains(expected));
        CHECK(result.err.find("erreur inattendue") == std::string::npos);
        CHECK(readBytes(path) == bytes);
        CHECK(besideFiles(path).empty());
        CHECK_FALSE(std::filesystem::exists(path + ".copy"));
    }
}

} // namespace

TEST_CASE("files that are not Atelier events are refused by every command, untouched") {
    TempDir dir;
    SECTION("an empty file") {
        writeBytes(dir.file("vide.db"), "");
        refusedEverywhere(dir.file("vide.db"), "est vide");
    }
    SECTION("a text file") {
        writeBytes(dir.file("notes.db"), "Idées du matin\nUn guichet unique\n");
        refusedEverywhere(dir.file("notes.db"), "pas une base SQLite");
    }
    SECTION("a PNG image") {
        writeBytes(dir.file("photo.db"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(3000, '\x42'));
        refusedEverywhere(dir.file("photo.db"), "pas une base SQLite");
    }
    SECTION("another application's SQLite database") {
        std::string path = dir.file("contacts.db");
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "CREATE TABLE contacts(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts VALUES(1,'A')",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
        refusedEverywhere(path, "autre application");
    }
    SECTION("a truncated Atelier event") {
        std::string path = makeEvent(dir, "coupe.db", 40);
        std::string bytes = readBytes(path);
        REQUIRE(bytes.size() > 8 * 4096);
        writeBytes(path, bytes.substr(0, 3 * 4096));
        refusedEverywhere(path, "tronqué");
    }
    SECTION("an event written by a newer Atelier") {
        std::string path = makeEvent(dir, "futur.db");
        std::string bytes = readBytes(path);
        setHeaderWord(bytes, 60, 999);
        writeBytes(path, bytes);
        refusedEverywhere(path, "plus récente");
    }
    SECTION("a folder") {
        std::filesystem::create_directory(dir.file("dossier.db"));
        for (const char* command : {"info", "apply", "backups"}) {
            auto result = atelierRun({command, dir.file("dossier.db")});
            CHECK(result.exitCode != 0);
            CHECK_THAT(result.err, Catch::Contains("dossier"));
        }
    }
}

TEST_CASE("a read-only event is read but never written, and nothing is created beside it") {
    if (!permissionsEnforced()) {
        WARN("file permissions are not enforced for this user (root): the read-only case is covered by non-root runs");
        return;
    }
    TempDir dir;
    std::string path = makeEvent(dir, "lecture.db", 3);
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
    std::string bytes = readBytes(path);
    auto apply = atelierRun({"apply", path}, R"({"action":"edit_event","name":"x"})" "\n");
    CHECK(apply.exitCode != 0);
    CHECK_THAT(apply.err, Catch::Contains("lecture seule"));
    auto info = atelierRun({"info", path});
    CHECK(info.exitCode == 0);
    CHECK(readBytes(path) == bytes);
    auto restore = atelierRun({"restore", path, path});
    CHECK(restore.exitCode != 0);
    CHECK(readBytes(path) == bytes);
}

TEST_CASE("an event on a network share opens with a warning that reaches the user") {
    TempDir dir;
    std::string path = makeEvent(dir, "partage.db");
    const std::vector<std::string> network = {"ATELIER_ASSUME_NETWORK_FS=1"};
    auto info = atelierRun({"info", path}, {}, network);
    CHECK(info.exitCode == 0);
    CHECK_THAT(info.err, Catch::Contains("partage réseau"));
    auto apply = atelierRun({"apply", path}, R"({"action":"edit_event","name":"Sur le réseau"})" "\n", network);
    CHECK(apply.exitCode == 0);
    CHECK_THAT(apply.err, Catch::Contains("partage réseau"));
    auto english = atelierRun({"info", path}, {}, {"ATELIER_ASSUME_NETWORK_FS=1", "ATELIER_LANG=en"});
    CHECK_THAT(english.err, Catch::Contains("network share"));
    auto local = atelierRun({"info", path});
    CHECK(local.err.find("partage réseau") == std::string::npos);
}

TEST_CASE("backups and restore from the command line, restore refused while another Atelier writes the file") {
    TempDir dir;
    std::string path = makeEvent(dir, "rennes.db", 2);
    auto none = atelierRun({"backups", path});
    CHECK(none.exitCode == 0);
    CHECK_THAT(none.out, Catch::Contains("Aucune sauvegarde"));

    auto first = atelierRun({"backup", path});
    REQUIRE(first.exitCode == 0);
    auto list = listBackups(path);
    REQUIRE(list.size() == 1);
    std::string dumpAtBackup;
    {
        FakeClock clock;
        dumpAtBackup = Engine::open(path, clock, OpenMode::ReadOnly)->store().canonicalDump();
    }
    std::string team;
    {
        FakeClock clock;
        team = Engine::open(path, clock, OpenMode::ReadOnly)->state().teams.begin()->first.str();
    }
    auto more = atelierRun({"apply", path}, R"({"action":"add_note","team":")" + team + R"(","text":"Après la sauvegarde"})" "\n");
    REQUIRE(more.exitCode == 0);

    auto listed = atelierRun({"backups", path});
    CHECK(listed.exitCode == 0);
    CHECK_THAT(listed.out, Catch::Contains(list[0].name));
    CHECK_THAT(listed.out, Catch::Contains("2 post-its"));

    {
        FakeClock clock;
        auto writer = Engine::open(path, clock);
        auto refused = atelierRun({"restore", path, list[0].name});
        CHECK(refused.exitCode != 0);
        CHECK_THAT(refused.err, Catch::Contains("déjà ouvert en écriture"));
        CHECK(writer->state().notes.size() == 3);
    }
    auto missing = atelierRun({"restore", path, "2000-01-01T00-00-00Z.db"});
    CHECK(missing.exitCode != 0);
    CHECK_THAT(missing.err, Catch::Contains("introuvable"));

    auto restored = atelierRun({"restore", path, list[0].name});
    INFO(restored.err);
    REQUIRE(restored.exitCode == 0);
    CHECK_THAT(restored.out, Catch::Contains("restauré"));
    {
        FakeClock clock;
        CHECK(Engine::open(path, clock, OpenMode::ReadOnly)->store().canonicalDump() == dumpAtBackup);
    }
    CHECK(listBackups(path).size() == 2); // the state before the restore was kept
    CHECK(atelierRun({"check", path}).exitCode == 0);
}

TEST_CASE("hostile input at the command line: a 10 MB note and a million-row spreadsheet are refused, nothing changes") {
    TempDir dir;
    std::string path = makeEvent(dir, "rennes.db");
    std::string team;
    {
        FakeClock clock;
        team = Engine::open(path, clock, OpenMode::ReadOnly)->state().teams.begin()->first.str();
    }
    std::string huge = R"({"action":"add_note","team":")" + team + R"(","text":")" + std::string(10u << 20, 'x') + "\"}\n";
    std::string next = R"({"action":"add_note","team":")" + team + R"(","text":"Petite idée"})" "\n";
    // A number too large for a double is invalid JSON for that line only (found by fuzzing).
    std::string overflow = R"({"action":"add_note","team":")" + team + R"(","x":3e333333})" "\n";
    auto apply = atelierRun({"apply", path}, huge + overflow + next);
    CHECK(apply.exitCode == 1);
    auto acks = nlohmann::json::parse("[" + apply.out.substr(0, apply.out.find('\n')) + "]");
    CHECK_FALSE(acks[0].value("ok", true));
    CHECK_THAT(acks[0].value("error", ""), Catch::Contains("trop long"));
    CHECK_THAT(apply.out, Catch::Contains(R"(ligne 2 : JSON invalide)"));
    CHECK_THAT(apply.out, Catch::Contains(R"("line":3,"ok":true)"));
    {
        FakeClock clock;
        auto engine = Engine::open(path, clock, OpenMode::ReadOnly);
        REQUIRE(engine->state().notes.size() == 1);
        CHECK(engine->state().notes.begin()->second.text == "Petite idée");
    }

    std::string csv = dir.file("defis.csv");
    {
        std::string rows = "Numéro;Question\n";
        rows.reserve(24u << 20);
        for (int i = 1; i <= 1000000; ++i) rows += std::to_string(i) + ";Comment faire " + std::to_string(i) + " ?\n";
        writeBytes(csv, rows);
    }
    std::string before;
    {
        FakeClock clock;
        before = Engine::open(path, clock, OpenMode::ReadOnly)->store().canonicalDump();
    }
    auto import = atelierRun({"import", "defis", path, csv});
    CHECK(import.exitCode != 0);
    CHECK_THAT(import.err, Catch::Contains("lignes"));
    FakeClock clock;
    CHECK(Engine::open(path, clock, OpenMode::ReadOnly)->store().canonicalDump() == before);
}
