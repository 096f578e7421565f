// The app's side of reliability, through its Session (what the window drives): a file another
// Atelier writes opens read-only with the reason shown, a network share is warned about, backups
// are taken while working and one can be restored.
#include "app_headless.hpp"
#include "widgets.hpp"
#include "io/search.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"
#include "session.hpp"
#include "storage/backup.hpp"
#include "strings.hpp"
#include "support.hpp"

#include <SQLiteCpp/Database.h>

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

namespace {

// An event whose file was edited by hand: a note coloured « rouge », a vote budget of -5.
std::string ruleBreakingEvent(Fixture& f) {
    AddTeam t;
    t.name = "Équipe 1";
    Id team = f.add(t);
    AddNote n;
    n.team = team;
    n.text = "Idée";
    Id note = f.add(n);
    f.engine.reset();
    SQLite::Database db(f.dbPath(), SQLite::OPEN_READWRITE);
    registerSearchFunctions(db.getHandle()); // the search index's triggers call them
    db.exec("UPDATE note SET colour = 'rouge' WHERE id = " + std::to_string(note.value));
    return f.dbPath();
}

} // namespace

TEST_CASE("the app opens a file with rule-breaking rows and says what atelier check found") {
    setMessageLanguage(Language::French);
    Fixture f;
    const std::string path = ruleBreakingEvent(f);
    const std::string bytes = readBytes(path);
    FakeClock clock;
    Session session(clock);
    REQUIRE(session.open(path));
    CHECK_FALSE(session.engine()->readOnly());
    CHECK(session.state().notes.size() == 1);
    REQUIRE(session.ruleBreaks().size() == 1);
    CHECK_THAT(session.ruleBreaks()[0], Catch::Contains("note") && Catch::Contains("couleur"));
    CHECK_FALSE(session.moreRuleBreaks());
    // Saying it changes nothing.
    session.close();
    CHECK(readBytes(path) == bytes);

    // A good file says nothing.
    Fixture good;
    good.engine.reset();
    Session other(clock);
    REQUIRE(other.open(good.dbPath()));
    CHECK(other.ruleBreaks().empty());
}

TEST_CASE("the app's dialog shows the first offences, points at atelier check, and goes once understood") {
    setMessageLanguage(Language::French);
    Headless h;
    h.app().setLanguage(Language::French);
    CHECK_FALSE(h.has(str(Str::RuleBreaksClose))); // the demo event breaks no rule
    Fixture f;
    const std::string path = ruleBreakingEvent(f);
    h.session().requestOpen(path);
    h.frames(3);
    REQUIRE(h.session().isOpen());
    CHECK(h.session().engine()->store().path() == path);
    REQUIRE(h.session().ruleBreaks().size() == 1); // waits for the checks, which run on their own thread
    h.frames(3); // the dialog comes with the frames after they are in (and settles its size)
    CHECK(h.has(str(Str::RuleBreaksClose)));
    h.click(str(Str::RuleBreaksClose));
    h.frames(2);
    CHECK(h.session().ruleBreaks().empty());
    recordItemRects(true); // forget what earlier frames drew: the dialog must not be drawn again
    h.frames(2);
    CHECK_FALSE(h.has(str(Str::RuleBreaksClose)));
    CHECK(h.session().state().notes.size() == 1); // still open, nothing changed
}
