// Rotating backups: when they are taken, how many are kept, what they hold, and restoring one
// (the current state kept first, the event's identity kept so copies still merge).
#include "storage/backup.hpp"
#include "model/errors.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace atelier;
using namespace atelier::test;

namespace {

constexpr Millis kMinute = 60 * 1000;

Id addNote(Engine& engine, Id team, const std::string& text) {
    AddNote n;
    n.team = team;
    n.text = text;
    return engine.apply(n).created.front();
}

} // namespace

TEST_CASE("backups are taken at a phase change and every few minutes of activity, the newest kept") {
    Fixture f;
    AddTeam t;
    t.name = "Équipe 1";
    Id team = f.add(t);
    f.engine->enableAutoBackup(5 * kMinute, 3);
    std::string folder = backupFolder(f.dbPath());
    CHECK(folder == f.dir.file("event.backups"));

    addNote(*f.engine, team, "Première");
    CHECK(listBackups(f.dbPath()).empty()); // just opened: nothing due yet

    SetPhase phase;
    phase.team = team;
    phase.phase = Phase::Select;
    f.engine->apply(phase);
    auto list = listBackups(f.dbPath());
    REQUIRE(list.size() == 1);
    CHECK(list[0].name == "2018-07-09T08-00-00Z.db");
    CHECK(list[0].takenAt == f.clock.now());
    CHECK(list[0].notes == 1);
    CHECK(list[0].teams == 1);
    CHECK(list[0].journalEntries == static_cast<std::int64_t>(f.engine->journal().size()));
    CHECK(f.engine->lastBackupError().empty());

    f.clock.advance(4 * kMinute);
    addNote(*f.engine, team, "Deuxième");
    CHECK(listBackups(f.dbPath()).size() == 1);
    f.clock.advance(1 * kMinute);
    addNote(*f.engine, team, "Troisième");
    CHECK(listBackups(f.dbPath()).size() == 2);
    CHECK(listBackups(f.dbPath())[0].notes == 3);

    for (int i = 0; i < 4; ++i) {
        f.clock.advance(6 * kMinute);
        addNote(*f.engine, team, "Encore " + std::to_string(i));
    }
    list = listBackups(f.dbPath());
    REQUIRE(list.size() == 3); // rotation keeps the 3 newest
    CHECK(list[0].notes == 7);
    CHECK(list[0].takenAt > list[1].takenAt);
    CHECK(list[1].takenAt > list[2].takenAt);
    // A backup is a whole event on its own: no -wal beside it, it opens and checks ok.
    for (const auto& b : list) {
        CHECK_FALSE(std::filesystem::exists(b.path + "-wal"));
        FakeClock clock;
        auto copy = Engine::open(b.path, clock, OpenMode::ReadOnly);
        CHECK(copy->store().db().execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
}

TEST_CASE("two backups in the same second get distinct names that still sort by time") {
    Fixture f;
    std::string first = writeBackup(f.engine->store(), f.clock.now());
    std::string second = writeBackup(f.engine->store(), f.clock.now());
    CHECK(first != second);
    auto list = listBackups(f.dbPath());
    REQUIRE(list.size() == 2);
    CHECK(list[0].path == second);
}

TEST_CASE("restoring a backup brings its state back, keeps the current one as a backup, and the copy still merges") {
    Fixture f;
    AddTeam t;
    t.name = "Équipe 1";
    Id team = f.add(t);
    addNote(*f.engine, team, "Avant");
    std::string backup = writeBackup(f.engine->store(), f.clock.now());
    std::string dumpAtBackup = f.engine->store().canonicalDump();
    std::size_t journalAtBackup = f.engine->journal().size();

    f.clock.advance(kMinute);
    Id lost = addNote(*f.engine, team, "Après, à oublier");
    std::string dumpBeforeRestore = f.engine->store().canonicalDump();

    std::string safety = f.engine->restoreBackup(backup);
    CHECK(f.engine->store().canonicalDump() == dumpAtBackup);
    CHECK(f.engine->state().notes.count(lost) == 0);
    CHECK(f.engine->journal().size() == journalAtBackup); // an earlier state, a shorter journal
    CHECK_FALSE(f.engine->canUndo());
    CHECK(std::filesystem::exists(backup));
    {
        FakeClock clock;
        auto kept = Engine::open(safety, clock, OpenMode::ReadOnly);
        CHECK(kept->store().canonicalDump() == dumpBeforeRestore);
    }
    // Work goes on, and the file survives a reopen.
    Id after = addNote(*f.engine, team, "Nouvelle");
    f.reopen();
    CHECK(f.engine->state().notes.count(after) == 1);
    CHECK(f.engine->state().notes.count(lost) == 0);
    CHECK(f.engine->store().db().execAndGet("PRAGMA integrity_check").getString() == "ok");

    // Same event identity: the safety backup merges back in, bringing the lost note home.
    f.engine->mergeFrom(safety);
    CHECK(f.engine->state().notes.count(lost) == 1);
    CHECK(f.engine->state().notes.count(after) == 1);
}

TEST_CASE("restore refuses a backup of another event, a read-only engine and a file that is not an event") {
    Fixture f;
    Fixture other;
    std::string foreign = writeBackup(other.engine->store(), other.clock.now());
    std::string before = f.engine->store().canonicalDump();
    CHECK_THROWS_AS(f.engine->restoreBackup(foreign), FileError);
    writeBytes(f.dir.file("notes.txt"), "pas une base");
    CHECK_THROWS_AS(f.engine->restoreBackup(f.dir.file("notes.txt")), FileError);
    CHECK(f.engine->store().canonicalDump() == before);
    CHECK(listBackups(f.dbPath()).empty()); // refused before any safety backup was written

    std::string mine = writeBackup(f.engine->store(), f.clock.now());
    f.engine.reset();
    auto reader = Engine::open(f.dbPath(), f.clock, OpenMode::ReadOnly);
    CHECK_THROWS_AS(reader->restoreBackup(mine), StorageError);
}
