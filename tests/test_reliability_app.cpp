// The app's side of reliability, through its Session (what the window drives): a file another
// Atelier writes opens read-only with the reason shown, a network share is warned about, backups
// are taken while working and one can be restored.
#include "storage/backup.hpp"
#include "model/errors.hpp"
#include "session.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace atelier;
using namespace atelier::test;

namespace {

bool toastContains(Session& session, const std::string& text) {
    for (const auto& t : session.toasts())
        if (t.text.find(text) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("the app opens read-only, saying why, an event another Atelier is writing") {
    Fixture f; // the first writer, still open
    AddTeam t;
    t.name = "Équipe 1";
    f.add(t);
    FakeClock clock;
    Session second(clock);
    bool opened = second.open(f.dbPath());
    INFO(second.openError());
    REQUIRE(opened);
    REQUIRE(second.isOpen());
    CHECK(second.engine()->readOnly());
    CHECK(toastContains(second, "lecture seule"));
    CHECK(toastContains(second, "déjà ouvert en écriture"));
    CHECK(second.state().teams.size() == 1);
    // A change is refused with a message, and the first writer's file is not touched.
    std::string before = f.engine->store().canonicalDump();
    second.toasts().clear();
    second.queue(t);
    second.applyPending();
    CHECK(toastContains(second, "lecture seule"));
    CHECK(f.engine->store().canonicalDump() == before);
    // Once the writer is gone, opening again gives a writable event.
    f.engine.reset();
    Session third(clock);
    REQUIRE(third.open(f.dbPath()));
    CHECK_FALSE(third.engine()->readOnly());
}

TEST_CASE("the app refuses a file that is not an event with the reason, and warns about a network share") {
    TempDir dir;
    writeBytes(dir.file("notes.db"), "pas une base");
    FakeClock clock;
    Session session(clock);
    CHECK_FALSE(session.open(dir.file("notes.db")));
    CHECK_THAT(session.openError(), Catch::Contains("n'est pas un événement Atelier"));
    CHECK(readBytes(dir.file("notes.db")) == "pas une base");

    Fixture f;
    f.engine.reset();
    ::setenv("ATELIER_ASSUME_NETWORK_FS", "1", 1);
    bool opened = session.open(f.dbPath());
    ::unsetenv("ATELIER_ASSUME_NETWORK_FS");
    REQUIRE(opened);
    CHECK(toastContains(session, "partage réseau"));
}

TEST_CASE("the app takes backups while working and restores one") {
    Fixture f;
    f.engine.reset();
    FakeClock clock;
    Session session(clock);
    REQUIRE(session.open(f.dbPath()));
    AddTeam t;
    t.name = "Équipe 1";
    session.queue(t);
    session.applyPending();
    Id team = session.lastCreated().front();
    SetPhase phase;
    phase.team = team;
    phase.phase = Phase::Select;
    session.queue(phase); // a phase change is a milestone: backed up at once
    session.applyPending();
    auto backups = listBackups(f.dbPath());
    REQUIRE(backups.size() == 1);
    std::string dumpAtBackup = session.engine()->store().canonicalDump();

    clock.advance(60 * 1000);
    AddNote note;
    note.team = team;
    note.text = "Après la sauvegarde";
    session.queue(note);
    session.applyPending();
    REQUIRE(session.state().notes.size() == 1);

    session.toasts().clear();
    session.defer([&](Engine&) { session.restoreBackup(backups.front().path); });
    session.applyPending();
    CHECK(toastContains(session, "Sauvegarde restaurée"));
    CHECK(session.state().notes.empty());
    CHECK(session.engine()->store().canonicalDump() == dumpAtBackup);
    CHECK(listBackups(f.dbPath()).size() == 2);
}
