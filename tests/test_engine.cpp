// The engine: actions commit at once, undo and redo through changesets, state follows the file.
#include "support.hpp"

#include <catch2/catch.hpp>

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
