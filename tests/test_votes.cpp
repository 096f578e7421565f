// The written rules of dot voting (see core/actions/apply_votes.cpp): budget per member, cap per member
// and idea, votes that follow their note, dots given back when their note or cluster goes.
#include "model/errors.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

// Designated initializers name only the fields a test cares about; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace atelier;
using namespace atelier::test;
using Catch::Matchers::Contains;

namespace {

struct Board : Fixture {
    Id team, alice, bob, noteA, noteB, noteC, clusterX, clusterY, round;
    Board(int budget = 5, std::optional<int> cap = 2) {
        team = add(AddTeam{.name = "Équipe A"});
        alice = add(AddMember{.team = team, .name = "Alice"});
        bob = add(AddMember{.team = team, .name = "Bob"});
        noteA = add(AddNote{.team = team, .text = "A"});
        noteB = add(AddNote{.team = team, .text = "B"});
        noteC = add(AddNote{.team = team, .text = "C"});
        clusterX = add(AddCluster{.team = team, .title = "X", .notes = {noteA}});
        clusterY = add(AddCluster{.team = team, .title = "Y"});
        round = add(OpenVoteRound{.team = team, .budget = budget, .cap = cap});
    }
    const EventState& state() const { return engine->state(); }
    void vote(Id member, Id note, int count = 1) { engine->apply(CastVote{.round = round, .member = member, .note = note, .count = count}); }
    void voteCluster(Id member, Id cluster, int count = 1) {
        engine->apply(CastVote{.round = round, .member = member, .cluster = cluster, .count = count});
    }
};

} // namespace

TEST_CASE("votes follow their note when it moves between clusters") {
    Board b;
    b.vote(b.alice, b.noteA, 2);
    b.voteCluster(b.bob, b.clusterX, 1);
    b.engine->apply(MoveNotes{.moves = {{b.noteA, 10, 10}}, .cluster = b.clusterY});
    CHECK(b.state().find<Note>(b.noteA)->clusterId == b.clusterY);
    CHECK(b.state().votesFor(b.round, b.noteA, Id{}) == 2);
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 2);
    // The cluster's own dots stay with the cluster, not with the note that left it.
    CHECK(b.state().votesFor(b.round, Id{}, b.clusterX) == 1);
    CHECK(b.state().votesFor(b.round, Id{}, b.clusterY) == 0);
    b.engine->apply(MoveNotes{.moves = {{b.noteA, 10, 10}}, .cluster = Id{}});
    CHECK(b.state().votesFor(b.round, b.noteA, Id{}) == 2);
    b.reopen();
    CHECK(b.state().votesFor(b.round, b.noteA, Id{}) == 2);
}

TEST_CASE("deleting a voted note gives its dots back; undo restores them") {
    Board b;
    b.vote(b.alice, b.noteB, 2);
    b.vote(b.alice, b.noteC, 1);
    b.vote(b.bob, b.noteB, 1);
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 3);
    b.engine->apply(DeleteNotes{.notes = {b.noteB}});
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 1);
    CHECK(b.state().votesUsedBy(b.round, b.bob) == 0);
    // The dots given back can be spent again: 4 more within a budget of 5.
    b.vote(b.alice, b.noteC, 1);
    b.vote(b.alice, b.noteA, 2);
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 4);
    b.engine->undo();
    b.engine->undo();
    b.engine->undo();
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 3);
    CHECK(b.state().votesUsedBy(b.round, b.bob) == 1);
    CHECK(b.state().votesFor(b.round, b.noteB, Id{}) == 3);
    b.reopen();
    CHECK(b.state().votesFor(b.round, b.noteB, Id{}) == 3);
}

TEST_CASE("dissolving a voted cluster gives its dots back, not those of its notes; undo restores them") {
    Board b;
    b.voteCluster(b.alice, b.clusterX, 2);
    b.vote(b.alice, b.noteA, 1);
    b.engine->apply(DissolveCluster{b.clusterX});
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 1);
    CHECK(b.state().votesFor(b.round, b.noteA, Id{}) == 1);
    CHECK(b.state().votes.size() == 1);
    b.engine->undo();
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 3);
    CHECK(b.state().votesFor(b.round, Id{}, b.clusterX) == 2);
    CHECK(b.state().find<Note>(b.noteA)->clusterId == b.clusterX);
    b.engine->redo();
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 1);
}

TEST_CASE("a member cannot exceed the round's budget") {
    Board b(3, std::nullopt);
    b.vote(b.alice, b.noteA, 2);
    b.vote(b.alice, b.noteB, 1);
    CHECK_THROWS_WITH(b.vote(b.alice, b.noteC, 1), Contains("Alice") && Contains("3 gommettes"));
    CHECK_THROWS_AS(b.voteCluster(b.alice, b.clusterY, 1), ValidationError);
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 3);
    // Another member has their own budget.
    b.vote(b.bob, b.noteC, 3);
    // Taking a dot back frees it.
    b.engine->apply(WithdrawVote{.round = b.round, .member = b.alice, .note = b.noteA, .count = 1});
    b.vote(b.alice, b.noteC, 1);
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 3);
    CHECK(b.state().votesFor(b.round, b.noteC, Id{}) == 4);
}

TEST_CASE("the cap limits the dots one member puts on one idea") {
    Board b(5, 2);
    b.vote(b.alice, b.noteA, 1);
    b.vote(b.alice, b.noteA, 1);
    CHECK_THROWS_WITH(b.vote(b.alice, b.noteA, 1), Contains("au plus 2"));
    CHECK_THROWS_AS(b.voteCluster(b.alice, b.clusterX, 3), ValidationError);
    // Per member: Bob may also put 2 on the same note, so a note can hold more than the cap.
    b.vote(b.bob, b.noteA, 2);
    CHECK(b.state().votesFor(b.round, b.noteA, Id{}) == 4);
    // Repeated casts add to one vote row per member and idea.
    std::size_t aliceRows = 0;
    for (const auto& [id, vote] : b.state().votes)
        if (vote.memberId == b.alice) ++aliceRows;
    CHECK(aliceRows == 1);
    // Withdrawing everything removes the row.
    b.engine->apply(WithdrawVote{.round = b.round, .member = b.alice, .note = b.noteA, .count = 2});
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 0);
    CHECK(b.state().votes.size() == 1);
}

TEST_CASE("tally mode: the facilitator types paper dots, no budget, zero clears") {
    Board b;
    Id tally = b.add(OpenVoteRound{.team = b.team, .budget = 3, .mode = VoteMode::Tally});
    b.engine->apply(SetTally{.round = tally, .note = b.noteA, .count = 17});
    b.engine->apply(SetTally{.round = tally, .cluster = b.clusterY, .count = 4});
    CHECK(b.state().votesFor(tally, b.noteA, Id{}) == 17);
    b.engine->apply(SetTally{.round = tally, .note = b.noteA, .count = 9}); // replaces, not adds
    CHECK(b.state().votesFor(tally, b.noteA, Id{}) == 9);
    for (const auto& [id, vote] : b.state().votes) CHECK_FALSE(vote.memberId);
    b.engine->apply(SetTally{.round = tally, .note = b.noteA, .count = 0});
    CHECK(b.state().votesFor(tally, b.noteA, Id{}) == 0);
    CHECK(b.state().votes.size() == 1);
    CHECK_THROWS_WITH(b.engine->apply(CastVote{.round = tally, .member = b.alice, .note = b.noteA}), Contains("set_tally"));
    b.engine->undo();
    CHECK(b.state().votesFor(tally, b.noteA, Id{}) == 9);
}

TEST_CASE("votes are hidden until revealed, and can be hidden again") {
    Board b;
    CHECK_FALSE(b.state().find<VoteRound>(b.round)->revealed);
    b.engine->apply(RevealVotes{.round = b.round});
    CHECK(b.state().find<VoteRound>(b.round)->revealed);
    b.engine->apply(RevealVotes{.round = b.round, .revealed = false});
    CHECK_FALSE(b.state().find<VoteRound>(b.round)->revealed);
    b.engine->undo();
    CHECK(b.state().find<VoteRound>(b.round)->revealed);
}

TEST_CASE("opening a new round closes the previous one and starts a fresh budget") {
    Board b(2, std::nullopt);
    b.vote(b.alice, b.noteA, 2);
    b.clock.advance(60000);
    Id second = b.add(OpenVoteRound{.team = b.team, .budget = 1});
    CHECK(b.state().find<VoteRound>(b.round)->closed);
    CHECK_FALSE(b.state().find<VoteRound>(second)->closed);
    CHECK(b.state().currentVoteRound(b.team)->id == second);
    CHECK_THROWS_WITH(b.vote(b.alice, b.noteB, 1), Contains("clos"));
    b.engine->apply(CastVote{.round = second, .member = b.alice, .note = b.noteB});
    CHECK(b.state().votesUsedBy(second, b.alice) == 1);
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 2); // the first round's result stays
    // Another team's round is not closed by this team's.
    Id other = b.add(AddTeam{.name = "Équipe B"});
    Id otherRound = b.add(OpenVoteRound{.team = other});
    b.add(OpenVoteRound{.team = b.team});
    CHECK_FALSE(b.state().find<VoteRound>(otherRound)->closed);
    // Undo reopens the round the new one closed.
    b.engine->undo();
    CHECK_FALSE(b.state().find<VoteRound>(second)->closed);
}

TEST_CASE("dots of a member leaving the team are given back") {
    Board b;
    b.vote(b.alice, b.noteA, 2);
    b.engine->apply(EditMember{.member = b.alice, .name = "Alice Martin"});
    CHECK(b.state().votesUsedBy(b.round, b.alice) == 2);
    b.engine->apply(DeleteMember{b.alice});
    CHECK(b.state().votesFor(b.round, b.noteA, Id{}) == 0);
    b.engine->undo();
    CHECK(b.state().votesFor(b.round, b.noteA, Id{}) == 2);
}
