// A disk that fills up mid-write (a VFS refusing writes of the -wal or of the main file with
// SQLITE_FULL at a chosen point): the action is refused with the disk named, never « abîmé »,
// the file stays intact, reading still works, and a retry works once space is back.
#include "failing_vfs.hpp"
#include "model/errors.hpp"
#include "io/export.hpp"
#include "model/language.hpp"
#include "storage/content_check.hpp"
#include "storage/disk_messages.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <string>

using namespace atelier;
using namespace atelier::test;

namespace {

Id addNote(Fixture& f, Id team, const std::string& text) {
    AddNote n;
    n.team = team;
    n.text = text;
    return f.add(n);
}

} // namespace

TEST_CASE("a disk that fills while the -wal is written refuses the action with the disk named and keeps the file intact") {
    FailingVfs vfs; // before the fixture, so the store's connection goes through it
    Fixture f;
    AddTeam t;
    t.name = "Équipe 1";
    Id team = f.add(t);
    for (int i = 0; i < 5; ++i) addNote(f, team, "Idée " + std::to_string(i));
    std::string before = stateText(f.engine->state());
    std::string dumpBefore = f.engine->store().canonicalDump();

    // Fails the first, second, … write of the commit: every point of the WAL append.
    int writesAllowed = GENERATE(0, 1, 2, 3, 5, 8);
    CAPTURE(writesAllowed);
    vfs.failAfter(FailTarget::Wal, writesAllowed);
    bool refused = false;
    try {
        addNote(f, team, std::string(20000, 'x')); // several pages: several WAL writes
    } catch (const StorageError& e) {
        refused = true;
        CHECK_THAT(e.what(), Catch::Contains("Le disque est plein : rien n'a été perdu, libérez de la place puis recommencez. La modification n'a pas été enregistrée"));
        CHECK_THAT(e.what(), !Catch::Contains("abîmé"));
    }
    CHECK(refused);
    CHECK(vfs.refusedWrites() > 0);
    CHECK(stateText(f.engine->state()) == before);

    // While writes fail: reading the same connection, a read-only open, the rule checks.
    CHECK(stateText(f.engine->store().loadAll()) == before);
    {
        auto reader = Store::open(f.dbPath(), OpenMode::ReadOnly);
        CHECK(stateText(reader->loadAll()) == before);
        CHECK(reader->db().execAndGet("PRAGMA integrity_check").getString() == "ok");
        CHECK(findRuleBreaks(reader->db()).empty());
        // An export writes its own file through stdio, not SQLite: it works on the full "event disk".
        auto written = exportEvent(*reader, ExportFormat::Json, f.dir.file("export.json"), ReportOptions{});
        REQUIRE(written.written.size() == 1);
        CHECK_THAT(readBytes(written.written[0]), Catch::Contains("Idée 4"));
    }

    vfs.disarm();
    CHECK(f.engine->store().canonicalDump() == dumpBefore);
    Id saved = addNote(f, team, "Après");
    CHECK(f.engine->state().notes.at(saved).text == "Après");
    f.reopen();
    CHECK(f.engine->state().notes.count(saved) == 1);
    CHECK(f.engine->store().db().execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("a disk that fills while the main file is checkpointed loses nothing committed") {
    FailingVfs vfs;
    Fixture f;
    AddTeam t;
    t.name = "Équipe 1";
    Id team = f.add(t);
    Id kept = addNote(f, team, "Gardée");
    std::string before = stateText(f.engine->state());
    vfs.failAfter(FailTarget::MainDb, GENERATE(0, 1, 3));
    // The checkpoint copies the WAL into the main file: it fails, the WAL still holds the commit.
    auto& db = f.engine->store().db();
    try {
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception&) {
    }
    CHECK(vfs.refusedWrites() > 0);
    CHECK(stateText(f.engine->store().loadAll()) == before);
    vfs.disarm();
    f.reopen();
    CHECK(f.engine->state().notes.count(kept) == 1);
    CHECK(stateText(f.engine->state()) == before);
    CHECK(f.engine->store().db().execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(addNote(f, team, "Encore") != Id{});
}

TEST_CASE("opening an event for writing on a disk that refuses every write names the disk, never « abîmé »") {
    FailingVfs vfs;
    std::string path;
    std::string before;
    Fixture f;
    AddTeam t;
    t.name = "Équipe 1";
    addNote(f, f.add(t), "Gardée");
    before = stateText(f.engine->state());
    path = f.dbPath();
    f.engine.reset();
    vfs.failAfter(FailTarget::Wal, 0);
    // Nothing needs writing at open (no migration), so the open may succeed or be refused;
    // either way the first write is refused, naming the disk, and changes nothing.
    std::string refusal;
    try {
        auto engine = Engine::open(path, f.clock);
        CHECK(stateText(engine->state()) == before);
        AddTeam more;
        more.name = "Équipe 2";
        engine->apply(more);
    } catch (const StorageError& e) {
        refusal = e.what();
    }
    CHECK_THAT(refusal, Catch::Contains("disque"));
    CHECK_THAT(refusal, !Catch::Contains("abîmé"));
    CHECK(vfs.refusedWrites() > 0);
    // Read-only opening works while writes fail.
    auto reader = Store::open(path, OpenMode::ReadOnly);
    CHECK(stateText(reader->loadAll()) == before);
    vfs.disarm();
}

TEST_CASE("opening an event whose -shm cannot be mapped names the disk, never « abîmé », and the file works afterwards") {
    FailingVfs vfs;
    Fixture f;
    AddTeam t;
    t.name = "Équipe 1";
    addNote(f, f.add(t), "Gardée");
    std::string before = stateText(f.engine->state());
    std::string path = f.dbPath();
    f.engine.reset();
    vfs.failAfter(FailTarget::Shm, 0, FailKind::WriteError);
    bool refused = false;
    try {
        auto store = Store::open(path, OpenMode::ReadWrite);
    } catch (const StorageError& e) {
        refused = true;
        CHECK_THAT(e.what(), Catch::Contains("Le disque refuse d'écrire"));
        CHECK_THAT(e.what(), !Catch::Contains("abîmé"));
    }
    CHECK(refused);
    CHECK(vfs.refusedWrites() > 0);
    vfs.disarm();
    auto store = Store::open(path, OpenMode::ReadWrite);
    CHECK(stateText(store->loadAll()) == before);
    CHECK(store->db().execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("a disk problem is said in one family of messages, whatever the command") {
    setMessageLanguage(Language::French);
    for (DiskProblem problem : {DiskProblem::Full, DiskProblem::ReadOnly, DiskProblem::WriteError})
        for (Unsaved unsaved : {Unsaved::Nothing, Unsaved::Change, Unsaved::Merge})
            for (const std::string& path : {std::string(), std::string("/tmp/e.db")}) {
                const std::string text = diskMessage(problem, path, "disk I/O error", unsaved);
                INFO(text);
                CHECK(text.rfind("Le ", 0) == 0);
                CHECK_THAT(text, Catch::Contains("disque") && Catch::Contains(" : rien n'a été perdu, ") && !Catch::Contains("abîmé"));
                if (!path.empty()) CHECK_THAT(text, Catch::Contains("/tmp/e.db"));
                if (unsaved == Unsaved::Change) CHECK_THAT(text, Catch::EndsWith("La modification n'a pas été enregistrée."));
                if (unsaved == Unsaved::Merge)
                    CHECK_THAT(text, Catch::EndsWith("La fusion n'a pas été enregistrée, le fichier est inchangé."));
            }
    CHECK(diskMessage(DiskProblem::Full, {}, {}, Unsaved::Nothing) ==
          "Le disque est plein : rien n'a été perdu, libérez de la place puis recommencez.");
    CHECK(diskProblemOf(SQLITE_FULL, {}) == DiskProblem::Full);
    CHECK(diskProblemOf(SQLITE_READONLY, {}) == DiskProblem::ReadOnly);
    for (int code : {SQLITE_IOERR, SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_SHMMAP, SQLITE_IOERR_SHMSIZE, SQLITE_CANTOPEN})
        CHECK(diskProblemOf(code, {}) == DiskProblem::WriteError);
    for (int code : {SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_BUSY, SQLITE_IOERR_SHORT_READ, SQLITE_CONSTRAINT})
        CHECK_FALSE(diskProblemOf(code, {}).has_value());
}
