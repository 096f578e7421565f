// The engine: actions commit at once, undo and redo through changesets, state follows the file.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace atelier;
using namespace atelier::test;

TEST_CASE("an action is saved at once and survives a reopen") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    Id note = f.add(AddNote{{}, team, "Un guichet unique", "", 10, 20, {}, {}, {}, {}});
    f.reopen();
    const Note* n = f.engine->state().find<Note>(note);
    REQUIRE(n);
    CHECK(n->text == "Un guichet unique");
    CHECK(n->teamId == team);
    CHECK(n->x == 10);
}

TEST_CASE("undo and redo walk the history newest first") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    Id note = f.add(AddNote{{}, team, "Idée", "", 0, 0, {}, {}, {}, {}});
    f.engine->apply(MoveNotes{{{note, 100, 50}}, {}});
    CHECK(f.engine->undoDescription() == "Déplacer 1 post-it");
    CHECK(f.engine->undo() == "Déplacer 1 post-it");
    CHECK(f.engine->state().find<Note>(note)->x == 0);
    CHECK(f.engine->undo() == "Ajouter un post-it");
    CHECK_FALSE(f.engine->state().find<Note>(note));
    f.engine->redo();
    f.engine->redo();
    CHECK(f.engine->state().find<Note>(note)->x == 100);
    f.reopen();
    CHECK(f.engine->state().find<Note>(note)->x == 100);
}

TEST_CASE("deleting a team and undoing it restores everything that went with it") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    Id member = f.add(AddMember{{}, team, "Awa", "", Role::Participant});
    Id note = f.add(AddNote{{}, team, "Idée", "", 0, 0, {}, {}, member, {}});
    Id round = f.add(OpenVoteRound{{}, team, 3, {}, VoteMode::Members});
    f.engine->apply(CastVote{round, member, note, {}, 2});
    std::string before = f.engine->store().canonicalDump();
    f.engine->apply(DeleteTeam{team});
    CHECK(f.engine->state().notes.empty());
    CHECK(f.engine->state().votes.empty());
    f.engine->undo();
    CHECK(f.engine->store().canonicalDump() == before);
    CHECK(f.engine->state().votesUsedBy(round, member) == 2);
}

TEST_CASE("commits wait in the WAL for a checkpoint, which the engine runs itself past a bound") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    f.add(AddNote{{}, team, "Idée", "", 0, 0, {}, {}, {}, {}});
    CHECK(f.engine->checkpointPending());
    f.engine->checkpoint();
    CHECK_FALSE(f.engine->checkpointPending());

    // With no idle moment to checkpoint in, the WAL still stays near its bound.
    std::string text(3000, 'x');
    int most = 0;
    bool checkpointed = false;
    for (int i = 0; i < 5000 && !checkpointed; ++i) {
        int before = f.engine->store().walPendingPages();
        f.add(AddNote{{}, team, text, "", 0, 0, {}, {}, {}, {}});
        int after = f.engine->store().walPendingPages();
        most = std::max(most, after);
        checkpointed = after < before;
    }
    CHECK(checkpointed);
    CHECK(most <= Engine::kWalBound + 100); // past the bound by one action's pages at most
    f.reopen();
    CHECK(f.engine->state().notes.size() > 100);
}

TEST_CASE("closing the engine folds the WAL into the file, even while a reader keeps it open") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    Id note = f.add(AddNote{{}, team, "Idée", "", 0, 0, {}, {}, {}, {}});
    auto reader = Store::open(f.dbPath(), OpenMode::ReadOnly);
    CHECK(reader->loadAll().notes.count(note) == 1);
    f.engine.reset();
    // The file alone, without the WAL the reader still holds, has the note.
    std::string alone = f.dir.file("alone.db");
    writeBytes(alone, readBytes(f.dbPath()));
    FakeClock clock;
    auto copy = Engine::open(alone, clock, OpenMode::ReadOnly);
    CHECK(copy->state().find<Note>(note));
}

TEST_CASE("the engine tells which rows changed since a revision, or that it cannot tell") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    std::uint64_t start = f.engine->state().revision;
    auto since = [&](std::uint64_t revision) {
        std::vector<std::string> rows;
        bool known = f.engine->changedRowsSince(revision, [&](const std::string& table, Id id) {
            rows.push_back(table + (id == team ? " team" : ""));
        });
        return known ? rows : std::vector<std::string>{"?"};
    };
    Id note = f.add(AddNote{{}, team, "Idée", "", 0, 0, {}, {}, {}, {}});
    f.engine->apply(EditTeam{team, std::string("Équipe Œ"), {}, {}});
    CHECK(since(start) == std::vector<std::string>{"note", "team team"});
    CHECK(since(f.engine->state().revision).empty());
    std::uint64_t beforeUndo = f.engine->state().revision;
    f.engine->undo();
    CHECK(since(beforeUndo) == std::vector<std::string>{"team team"});
    CHECK_THROWS(f.engine->apply(MoveNotes{{{note, 1, 1}, {note, 2, 2}}, {}})); // refused: nothing changed
    CHECK(since(beforeUndo) == std::vector<std::string>{"team team"});
    // A restore reloads everything: the engine cannot tell what changed.
    std::string backup = writeBackup(f.engine->store(), f.clock.now(), 5);
    std::uint64_t beforeRestore = f.engine->state().revision;
    f.engine->restoreBackup(backup);
    CHECK(since(beforeRestore) == std::vector<std::string>{"?"});
    CHECK(since(f.engine->state().revision).empty());
}
