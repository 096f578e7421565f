// Every action: applied, undone (the content is as before), redone (as after); the in-memory
// state always equals the file. Validation failures change nothing, not even the history.
#include "actions/action_apply.hpp"
#include "model/errors.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

// Designated initializers name only the fields a test cares about; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace atelier;
using namespace atelier::test;
using Catch::Matchers::Contains;

namespace {

// A small event: two défis, two teams with members, a board with a cluster, an open vote
// round, a prototype and a running timer.
struct World : Fixture {
    Id challenge, challenge2, team, team2, alice, bob, carol, note1, note2, note3, otherNote, cluster, round, proto, slot,
        timer;
    World() {
        challenge = add(AddChallenge{.number = 1, .question = "Comment simplifier l'accueil ?", .owner = "Rennes"});
        challenge2 = add(AddChallenge{.number = 2, .question = "Comment réduire le gaspillage ?"});
        team = add(AddTeam{.name = "Équipe A", .challenge = challenge});
        team2 = add(AddTeam{.name = "Équipe B", .challenge = challenge2});
        alice = add(AddMember{.team = team, .name = "Alice", .organisation = "Ville de Rennes"});
        bob = add(AddMember{.team = team, .name = "Bob", .role = Role::Facilitator});
        carol = add(AddMember{.team = team2, .name = "Carol"});
        note1 = add(AddNote{.team = team, .text = "Un guichet unique", .x = 10, .y = 20, .author = alice});
        note2 = add(AddNote{.team = team, .text = "Des horaires du soir", .x = 200, .y = 20});
        note3 = add(AddNote{.team = team, .text = "Un accueil mobile", .x = 400, .y = 20});
        otherNote = add(AddNote{.team = team2, .text = "Compost"});
        cluster = add(AddCluster{.team = team, .title = "Accueil", .x = 0, .y = 300, .notes = {note1}});
        round = add(OpenVoteRound{.team = team, .budget = 3, .cap = 2});
        engine->apply(CastVote{.round = round, .member = alice, .note = note1, .count = 2});
        proto = add(AddPrototype{.team = team, .title = "Maquette du guichet", .basedOnNote = note1});
        slot = add(AddSlot{.day = "2018-07-09", .start = "09:00", .end = "10:00", .title = "Ouverture",
                           .kind = SlotKind::Talk});
        timer = add(StartTimer{.label = "Divergence", .seconds = 600});
    }
    std::string dump() { return engine->store().canonicalDump(); }
    // The state the engine holds equals the state read afresh from the file.
    void checkStateFollowsFile() { CHECK(stateText(engine->state()) == stateText(engine->store().loadAll())); }
};

// Applies an undoable action, then checks undo and redo restore the dumps exactly.
ActionResult checkUndoRedo(World& w, const Action& action) {
    std::string before = w.dump();
    std::size_t undoCount = w.engine->history().undoCount();
    ActionResult result = w.engine->apply(action);
    std::string after = w.dump();
    CHECK(after != before);
    CHECK(w.engine->history().undoCount() == undoCount + 1);
    CHECK(w.engine->history().redoCount() == 0);
    CHECK(w.engine->undoDescription() == result.description);
    CHECK_FALSE(result.description.empty());
    w.checkStateFollowsFile();
    std::string afterState = stateText(w.engine->state());

    CHECK(w.engine->undo() == result.description);
    CHECK(w.dump() == before);
    w.checkStateFollowsFile();
    CHECK(w.engine->redoDescription() == result.description);

    CHECK(w.engine->redo() == result.description);
    CHECK(w.dump() == after);
    w.checkStateFollowsFile();
    CHECK(stateText(w.engine->state()) == afterState);
    CHECK(w.engine->history().undoCount() == undoCount + 1);
    return result;
}

// Applies a timer or feedback action: the content changes, the history does not.
void checkNotInHistory(World& w, const Action& action) {
    std::string before = w.dump();
    std::size_t undoCount = w.engine->history().undoCount();
    std::string undoDescription = w.engine->undoDescription();
    CHECK_FALSE(isUndoable(action));
    w.engine->apply(action);
    CHECK(w.dump() != before);
    CHECK(w.engine->history().undoCount() == undoCount);
    CHECK(w.engine->undoDescription() == undoDescription);
    w.checkStateFollowsFile();
}

// The action is refused with a ValidationError whose message contains every part, and
// nothing changes: not the file's content, not the state, not the history.
template <typename Error = ValidationError>
void checkRefused(Fixture& f, const Action& action, std::initializer_list<const char*> messageParts) {
    std::string dump = f.engine->store().canonicalDump();
    std::string state = stateText(f.engine->state());
    auto revision = f.engine->state().revision;
    std::size_t undoCount = f.engine->history().undoCount(), redoCount = f.engine->history().redoCount();
    std::string undoDescription = f.engine->undoDescription();
    bool thrown = false;
    try {
        f.engine->apply(action);
    } catch (const Error& e) {
        thrown = true;
        INFO("message: " << e.what());
        for (const char* part : messageParts) CHECK_THAT(e.what(), Contains(part));
    }
    INFO("action: " << actionName(action));
    CHECK(thrown);
    CHECK(f.engine->store().canonicalDump() == dump);
    CHECK(stateText(f.engine->state()) == state);
    CHECK(stateText(f.engine->store().loadAll()) == state);
    CHECK(f.engine->state().revision == revision);
    CHECK(f.engine->history().undoCount() == undoCount);
    CHECK(f.engine->history().redoCount() == redoCount);
    CHECK(f.engine->undoDescription() == undoDescription);
}

} // namespace

TEST_CASE("programme actions apply, undo and redo") {
    World w;
    SECTION("edit_event") {
        checkUndoRedo(w, EditEvent{.name = "Université d'été", .place = "Rennes", .firstDay = "2018-07-09",
                                   .lastDay = "2018-07-11", .timeZone = "Indian/Reunion"});
        CHECK(w.engine->state().event.name == "Université d'été");
        CHECK(w.engine->state().event.timeZone == "Indian/Reunion");
        CHECK(w.engine->state().event.organiser.empty()); // absent: left as it was
    }
    SECTION("add_slot") {
        Id id = checkUndoRedo(w, AddSlot{.day = "2018-07-10", .start = "14:00", .end = "17:30", .title = "Atelier",
                                         .kind = SlotKind::Workshop, .room = "Salle 2"})
                    .created.at(0);
        const Slot* s = w.engine->state().find<Slot>(id);
        REQUIRE(s);
        CHECK(s->kind == SlotKind::Workshop);
        CHECK(s->room == "Salle 2");
    }
    SECTION("edit_slot") {
        checkUndoRedo(w, EditSlot{.slot = w.slot, .end = "10:30", .kind = SlotKind::Debrief});
        CHECK(w.engine->state().find<Slot>(w.slot)->end == "10:30");
        CHECK(w.engine->state().find<Slot>(w.slot)->start == "09:00");
    }
    SECTION("delete_slot") {
        checkUndoRedo(w, DeleteSlot{w.slot});
        CHECK_FALSE(w.engine->state().find<Slot>(w.slot));
    }
    SECTION("add_challenge numbers itself after the highest") {
        Id id = checkUndoRedo(w, AddChallenge{.question = "Comment mieux informer ?"}).created.at(0);
        CHECK(w.engine->state().find<Challenge>(id)->number == 3);
    }
    SECTION("edit_challenge") {
        checkUndoRedo(w, EditChallenge{.challenge = w.challenge, .number = 7, .stakes = "Égalité d'accès"});
        const Challenge* c = w.engine->state().find<Challenge>(w.challenge);
        CHECK(c->number == 7);
        CHECK(c->stakes == "Égalité d'accès");
        CHECK(c->owner == "Rennes");
    }
    SECTION("delete_challenge leaves its team without a défi") {
        checkUndoRedo(w, DeleteChallenge{w.challenge});
        CHECK_FALSE(w.engine->state().find<Team>(w.team)->challengeId);
        w.engine->undo();
        CHECK(w.engine->state().find<Team>(w.team)->challengeId == w.challenge);
    }
}

TEST_CASE("team actions apply, undo and redo") {
    World w;
    SECTION("add_team records its first phase") {
        Id id = checkUndoRedo(w, AddTeam{.name = "Équipe C"}).created.at(0);
        CHECK(w.engine->state().find<Team>(id)->colour.size() == 7);
        CHECK(w.engine->state().phaseHistory(id).size() == 1);
    }
    SECTION("edit_team, including taking its défi away") {
        checkUndoRedo(w, EditTeam{.team = w.team, .name = "Les Explorateurs", .colour = "#112233", .challenge = Id{}});
        const Team* t = w.engine->state().find<Team>(w.team);
        CHECK(t->name == "Les Explorateurs");
        CHECK(t->colour == "#112233");
        CHECK_FALSE(t->challengeId);
    }
    SECTION("delete_team takes everything of the team with it") {
        checkUndoRedo(w, DeleteTeam{w.team});
        const auto& s = w.engine->state();
        CHECK_FALSE(s.find<Team>(w.team));
        CHECK(s.membersOfTeam(w.team).empty());
        CHECK(s.notesOfTeam(w.team).empty());
        CHECK(s.votes.empty());
        CHECK(s.prototypes.empty());
        CHECK(s.find<Note>(w.otherNote)); // the other team's board is untouched
    }
    SECTION("add_member") {
        Id id = checkUndoRedo(w, AddMember{.team = w.team2, .name = "Dan", .role = Role::Expert}).created.at(0);
        CHECK(w.engine->state().find<Member>(id)->role == Role::Expert);
    }
    SECTION("edit_member moves them to another team") {
        checkUndoRedo(w, EditMember{.member = w.bob, .team = w.team2, .role = Role::ChallengeOwner});
        CHECK(w.engine->state().find<Member>(w.bob)->teamId == w.team2);
        CHECK(w.engine->state().find<Member>(w.bob)->role == Role::ChallengeOwner);
    }
    SECTION("delete_member gives their dots back and unsigns their notes") {
        checkUndoRedo(w, DeleteMember{w.alice});
        CHECK(w.engine->state().votes.empty());
        CHECK_FALSE(w.engine->state().find<Note>(w.note1)->authorId);
        w.engine->undo();
        CHECK(w.engine->state().votesUsedBy(w.round, w.alice) == 2);
        CHECK(w.engine->state().find<Note>(w.note1)->authorId == w.alice);
    }
    SECTION("set_phase of one team") {
        w.clock.advance(60000); // the history is ordered by time
        checkUndoRedo(w, SetPhase{.team = w.team, .phase = Phase::Select});
        CHECK(w.engine->state().find<Team>(w.team)->phase == Phase::Select);
        CHECK(w.engine->state().find<Team>(w.team2)->phase == Phase::Diverge);
        auto history = w.engine->state().phaseHistory(w.team);
        REQUIRE(history.size() == 2);
        CHECK(history.back()->phase == Phase::Select);
    }
    SECTION("set_phase of every team") {
        checkUndoRedo(w, SetPhase{.phase = Phase::Prototype});
        for (const auto& [id, team] : w.engine->state().teams) CHECK(team.phase == Phase::Prototype);
    }
    SECTION("set_phase to the phase a team is in records nothing") {
        std::string before = w.dump();
        w.engine->apply(SetPhase{.team = w.team, .phase = Phase::Diverge});
        CHECK(w.dump() == before);
    }
}

TEST_CASE("board actions apply, undo and redo") {
    World w;
    SECTION("add_note takes the team's phase, the top of the pile and the time") {
        w.engine->apply(SetPhase{.team = w.team, .phase = Phase::Select});
        w.clock.advance(5000);
        Id id = checkUndoRedo(w, AddNote{.team = w.team, .text = "Idée", .colour = "#A0C4FF", .x = -50, .y = 70,
                                         .width = 200, .height = 90, .author = w.bob, .cluster = w.cluster})
                    .created.at(0);
        const Note* n = w.engine->state().find<Note>(id);
        REQUIRE(n);
        CHECK(n->phase == Phase::Select);
        CHECK(n->createdAt == w.clock.now());
        CHECK(n->z > w.engine->state().find<Note>(w.note3)->z);
        CHECK(n->clusterId == w.cluster);
        CHECK(n->width == 200);
        CHECK(n->colour == "#A0C4FF");
    }
    SECTION("edit_note") {
        checkUndoRedo(w, EditNote{.note = w.note2, .text = "Des horaires élargis", .author = w.bob, .width = 300});
        const Note* n = w.engine->state().find<Note>(w.note2);
        CHECK(n->text == "Des horaires élargis");
        CHECK(n->authorId == w.bob);
        CHECK(n->width == 300);
        CHECK(n->height == 120);
    }
    SECTION("move_notes, one drag of two notes into a cluster") {
        auto result = checkUndoRedo(w, MoveNotes{.moves = {{w.note2, 30, 310}, {w.note3, 60, 320}}, .cluster = w.cluster});
        CHECK(result.description == "Mettre 2 post-its dans « Accueil »");
        CHECK(w.engine->state().find<Note>(w.note2)->clusterId == w.cluster);
        CHECK(w.engine->state().find<Note>(w.note3)->x == 60);
    }
    SECTION("move_notes out of a cluster") {
        checkUndoRedo(w, MoveNotes{.moves = {{w.note1, 500, 500}}, .cluster = Id{}});
        CHECK_FALSE(w.engine->state().find<Note>(w.note1)->clusterId);
    }
    SECTION("move_notes without a cluster keeps the cluster") {
        checkUndoRedo(w, MoveNotes{.moves = {{w.note1, 5, 305}}});
        CHECK(w.engine->state().find<Note>(w.note1)->clusterId == w.cluster);
    }
    SECTION("recolour_notes") {
        checkUndoRedo(w, RecolourNotes{.notes = {w.note1, w.note2}, .colour = "#FF0000"});
        CHECK(w.engine->state().find<Note>(w.note2)->colour == "#FF0000");
    }
    SECTION("delete_notes") {
        checkUndoRedo(w, DeleteNotes{.notes = {w.note2, w.note3}});
        CHECK(w.engine->state().notesOfTeam(w.team).size() == 1);
    }
    SECTION("add_cluster with notes") {
        Id id = checkUndoRedo(w, AddCluster{.team = w.team, .title = "Horaires", .colour = "#CCCCCC",
                                            .notes = {w.note2, w.note3}})
                    .created.at(0);
        CHECK(w.engine->state().find<Note>(w.note2)->clusterId == id);
    }
    SECTION("edit_cluster") {
        auto result = checkUndoRedo(w, EditCluster{.cluster = w.cluster, .title = "Guichet"});
        CHECK(result.description == "Renommer « Accueil » en « Guichet »");
        CHECK(w.engine->state().find<Cluster>(w.cluster)->title == "Guichet");
    }
    SECTION("move_cluster carries its notes by the same offset") {
        checkUndoRedo(w, MoveCluster{.cluster = w.cluster, .x = 100, .y = 250});
        CHECK(w.engine->state().find<Note>(w.note1)->x == 110);
        CHECK(w.engine->state().find<Note>(w.note1)->y == -30);
        CHECK(w.engine->state().find<Note>(w.note2)->x == 200); // not in the cluster
    }
    SECTION("dissolve_cluster keeps its notes") {
        checkUndoRedo(w, DissolveCluster{w.cluster});
        CHECK_FALSE(w.engine->state().find<Cluster>(w.cluster));
        CHECK(w.engine->state().find<Note>(w.note1));
        CHECK_FALSE(w.engine->state().find<Note>(w.note1)->clusterId);
        w.engine->undo();
        CHECK(w.engine->state().find<Note>(w.note1)->clusterId == w.cluster);
    }
    SECTION("set_private_writing hides new notes") {
        checkUndoRedo(w, SetPrivateWriting{.team = w.team, .on = true});
        CHECK(w.engine->state().find<Team>(w.team)->privateWriting);
        Id hidden = w.add(AddNote{.team = w.team, .text = "Secret"});
        CHECK(w.engine->state().find<Note>(hidden)->hidden);
    }
    SECTION("reveal_notes shows them and ends private writing") {
        w.engine->apply(SetPrivateWriting{.team = w.team, .on = true});
        Id hidden = w.add(AddNote{.team = w.team, .text = "Secret"});
        checkUndoRedo(w, RevealNotes{w.team});
        CHECK_FALSE(w.engine->state().find<Note>(hidden)->hidden);
        CHECK_FALSE(w.engine->state().find<Team>(w.team)->privateWriting);
    }
}

TEST_CASE("vote and idea actions apply, undo and redo") {
    World w;
    SECTION("open_vote_round") {
        Id id = checkUndoRedo(w, OpenVoteRound{.team = w.team2, .budget = 5, .mode = VoteMode::Tally}).created.at(0);
        const VoteRound* r = w.engine->state().find<VoteRound>(id);
        CHECK(r->budget == 5);
        CHECK_FALSE(r->cap);
        CHECK(r->mode == VoteMode::Tally);
        CHECK(r->openedAt == w.clock.now());
    }
    SECTION("cast_vote") {
        checkUndoRedo(w, CastVote{.round = w.round, .member = w.bob, .cluster = w.cluster, .count = 1});
        CHECK(w.engine->state().votesFor(w.round, Id{}, w.cluster) == 1);
    }
    SECTION("withdraw_vote") {
        checkUndoRedo(w, WithdrawVote{.round = w.round, .member = w.alice, .note = w.note1, .count = 1});
        CHECK(w.engine->state().votesUsedBy(w.round, w.alice) == 1);
    }
    SECTION("set_tally") {
        Id tally = w.add(OpenVoteRound{.team = w.team2, .mode = VoteMode::Tally});
        checkUndoRedo(w, SetTally{.round = tally, .note = w.otherNote, .count = 12});
        CHECK(w.engine->state().votesFor(tally, w.otherNote, Id{}) == 12);
    }
    SECTION("reveal_votes") {
        checkUndoRedo(w, RevealVotes{.round = w.round});
        CHECK(w.engine->state().find<VoteRound>(w.round)->revealed);
    }
    SECTION("close_vote_round") {
        checkUndoRedo(w, CloseVoteRound{w.round});
        CHECK(w.engine->state().find<VoteRound>(w.round)->closed);
    }
    SECTION("select_idea") {
        w.clock.advance(1000);
        checkUndoRedo(w, SelectIdea{.team = w.team, .cluster = w.cluster});
        const Team* t = w.engine->state().find<Team>(w.team);
        CHECK(t->selectedClusterId == w.cluster);
        CHECK(t->selectedAt == w.clock.now());
        checkUndoRedo(w, SelectIdea{.team = w.team});
        CHECK_FALSE(w.engine->state().find<Team>(w.team)->selectedClusterId);
        CHECK(w.engine->state().find<Team>(w.team)->selectedAt == 0);
    }
}

TEST_CASE("prototype actions apply, undo and redo") {
    World w;
    SECTION("add_prototype builds on the piste retenue by default") {
        w.engine->apply(SelectIdea{.team = w.team, .cluster = w.cluster});
        Id id = checkUndoRedo(w, AddPrototype{.team = w.team, .title = "Parcours usager", .format = PrototypeFormat::UserJourney,
                                              .learningGoal = "Les usagers trouvent-ils le guichet ?"})
                    .created.at(0);
        const Prototype* p = w.engine->state().find<Prototype>(id);
        CHECK(p->basedOnClusterId == w.cluster);
        CHECK(p->lineageId == id);
        CHECK(p->version == 1);
    }
    SECTION("edit_prototype") {
        checkUndoRedo(w, EditPrototype{.prototype = w.proto, .description = "Un comptoir en carton",
                                       .status = PrototypeStatus::Tested});
        CHECK(w.engine->state().find<Prototype>(w.proto)->status == PrototypeStatus::Tested);
    }
    SECTION("add_prototype_version copies the latest version") {
        w.engine->apply(EditPrototype{.prototype = w.proto, .status = PrototypeStatus::Tested});
        Id v2 = w.add(AddPrototypeVersion{.prototype = w.proto, .title = "Maquette v2"});
        Id v3 = checkUndoRedo(w, AddPrototypeVersion{.prototype = w.proto, .description = "Avec signalétique"}).created.at(0);
        const Prototype* p = w.engine->state().find<Prototype>(v3);
        CHECK(p->version == 3);
        CHECK(p->lineageId == w.proto);
        CHECK(p->title == "Maquette v2");
        CHECK(p->status == PrototypeStatus::Draft);
        CHECK(p->basedOnNoteId == w.note1);
        CHECK(w.engine->state().find<Prototype>(v2)->version == 2);
        CHECK(w.engine->state().prototypesOfTeam(w.team).size() == 3);
    }
    SECTION("delete_prototype") {
        checkUndoRedo(w, DeletePrototype{w.proto});
        CHECK(w.engine->state().prototypes.empty());
    }
    // A 1x1 PNG: photo bytes travel base64 in the action and are stored as they are.
    const std::string png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    SECTION("add_photo") {
        Id photo = checkUndoRedo(w, AddPhoto{.prototype = w.proto, .data = png, .mime = "image/png", .width = 1, .height = 1,
                                             .caption = "Maquette au mur"})
                       .created.at(0);
        CHECK(w.engine->state().find<Photo>(photo)->caption == "Maquette au mur");
        CHECK(w.engine->store().photoBytes(photo).substr(1, 3) == "PNG");
    }
    SECTION("delete_photo") {
        Id photo = w.add(AddPhoto{.prototype = w.proto, .data = png, .mime = "image/png", .width = 1, .height = 1});
        checkUndoRedo(w, DeletePhoto{photo}); // the dumps compared there include the blob's size
        CHECK_FALSE(w.engine->state().find<Photo>(photo));
        w.engine->undo();
        CHECK(w.engine->store().photoBytes(photo).size() > 60);
    }
}

TEST_CASE("feedback and timer actions change the content but not the undo history") {
    World w;
    checkNotInHistory(w, AddFeedback{.prototype = w.proto, .kind = FeedbackKind::Suggest, .text = "Plus grand",
                                     .rating = 4, .visitor = "Zoé"});
    CHECK(w.engine->state().feedbackOf(w.proto).size() == 1);
    checkNotInHistory(w, StartTimer{.label = "Vote", .phase = Phase::Select, .team = w.team, .seconds = 300});
    checkNotInHistory(w, PauseTimer{w.timer});
    checkNotInHistory(w, ResumeTimer{w.timer});
    checkNotInHistory(w, ExtendTimer{.timer = w.timer, .seconds = 60});
    checkNotInHistory(w, FinishTimer{w.timer});
    checkNotInHistory(w, ResetTimer{w.timer});
    // A new countdown in the same scope pauses it; restoring brings it back in front.
    checkNotInHistory(w, ResumeTimer{w.timer});
    w.clock.advance(1000);
    checkNotInHistory(w, StartTimer{.team = w.engine->state().find<TimedSession>(w.timer)->teamId, .seconds = 120});
    w.clock.advance(1000);
    checkNotInHistory(w, RestoreTimer{w.timer});
    // Undo still undoes the last content action, not a timer.
    CHECK(w.engine->undoDescription() == "Ajouter le créneau « Ouverture »");
    w.engine->undo();
    CHECK_FALSE(w.engine->state().find<Slot>(w.slot));
    CHECK(w.engine->state().find<TimedSession>(w.timer));
}

TEST_CASE("undo is refused, changing nothing, when rows added since depend on what it removes") {
    World w;
    Id proto = w.add(AddPrototype{.team = w.team2, .title = "Composteur"});
    w.engine->apply(AddFeedback{.prototype = proto, .kind = FeedbackKind::Like, .text = "Super"});
    std::string dump = w.dump();
    std::size_t undoCount = w.engine->history().undoCount();
    CHECK_THROWS_WITH(w.engine->undo(), Contains("retour de visiteur"));
    CHECK(w.dump() == dump);
    w.checkStateFollowsFile();
    CHECK(w.engine->history().undoCount() == undoCount);
    CHECK(w.engine->state().feedbackOf(proto).size() == 1);

    Id team = w.add(AddTeam{.name = "Équipe C"});
    w.engine->apply(StartTimer{.team = team, .seconds = 60});
    dump = w.dump();
    CHECK_THROWS_AS(w.engine->undo(), ValidationError);
    CHECK(w.dump() == dump);
    w.checkStateFollowsFile();
    // Foreign keys are on again afterwards: a cascade still works.
    w.engine->apply(DeleteTeam{team});
    CHECK(w.engine->state().currentTimer(team) == nullptr);
    w.checkStateFollowsFile();
}

TEST_CASE("every action type is covered by these tests") {
    // Keep this list in step with the Action variant: a new action needs its test above
    // (shorten_timer's is in test_timer.cpp, with the other timer controls).
    CHECK(std::variant_size_v<Action> == 47);
}

TEST_CASE("a long history walks back to the start and forward to the end") {
    World w;
    std::vector<std::string> dumps{w.dump()};
    std::size_t start = w.engine->history().undoCount();
    w.engine->apply(MoveNotes{.moves = {{w.note2, 1, 2}}});
    dumps.push_back(w.dump());
    w.engine->apply(DeleteNotes{.notes = {w.note1}});
    dumps.push_back(w.dump());
    w.engine->apply(DissolveCluster{w.cluster});
    dumps.push_back(w.dump());
    w.engine->apply(DeleteTeam{w.team});
    dumps.push_back(w.dump());
    for (std::size_t i = dumps.size() - 1; i > 0; --i) {
        w.engine->undo();
        CHECK(w.dump() == dumps[i - 1]);
        w.checkStateFollowsFile();
    }
    CHECK(w.engine->history().undoCount() == start);
    for (std::size_t i = 1; i < dumps.size(); ++i) {
        w.engine->redo();
        CHECK(w.dump() == dumps[i]);
        w.checkStateFollowsFile();
    }
    CHECK_FALSE(w.engine->canRedo());
    // A new action after an undo drops what could have been redone.
    w.engine->undo();
    w.engine->apply(EditEvent{.name = "Autre"});
    CHECK_FALSE(w.engine->canRedo());
    CHECK(w.engine->redo().empty());
}

TEST_CASE("validation failures explain themselves and change nothing") {
    World w;
    const std::string longText(kMaxLongText + 1, 'a');
    const std::string shortOverLimit(kMaxShortText + 1, 'a');

    SECTION("programme") {
        checkRefused(w, EditEvent{.name = "  "}, {"name", "vide"});
        checkRefused(w, EditEvent{.name = shortOverLimit}, {"name", "trop long"});
        checkRefused(w, EditEvent{.timeZone = "Mars/Olympus"}, {"Mars/Olympus", "IANA"});
        checkRefused(w, EditEvent{.timeZone = "../etc/passwd"}, {"../etc/passwd"});
        checkRefused(w, EditEvent{.firstDay = "2018-02-30"}, {"first_day", "2018-02-30"});
        checkRefused(w, EditEvent{.firstDay = "2019-02-29"}, {"2019-02-29"});
        checkRefused(w, EditEvent{.firstDay = "2018-07-11", .lastDay = "2018-07-09"}, {"2018-07-09", "2018-07-11"});
        checkRefused(w, AddSlot{.day = "31/02/2018", .start = "09:00", .end = "10:00", .title = "X"}, {"jour du créneau", "31/02/2018"});
        checkRefused(w, AddSlot{.day = "2018-07-09", .start = "24:00", .end = "10:00", .title = "X"}, {"heure de début", "24:00", "14h30"});
        checkRefused(w, AddSlot{.day = "2018-07-09", .start = "9:00", .end = "10h6", .title = "X"}, {"heure de fin", "10h6"});
        checkRefused(w, AddSlot{.day = "2018-07-09", .start = "", .end = "10:00", .title = "X"}, {"heure de début"});
        checkRefused(w, AddSlot{.day = "2018-07-09", .start = "11:00", .end = "10:00", .title = "X"}, {"10:00", "11:00"});
        checkRefused(w, AddSlot{.day = "2018-07-09", .start = "09:00", .end = "10:00", .title = ""}, {"titre au créneau"});
        checkRefused<NotFoundError>(w, EditSlot{.slot = Id{12345}, .title = "X"}, {"Créneau", "12345"});
        checkRefused<NotFoundError>(w, DeleteSlot{Id{12345}}, {"12345"});
        checkRefused(w, AddChallenge{.question = ""}, {"question", "vide"});
        checkRefused(w, AddChallenge{.question = "Comment ?", .stakes = longText}, {"stakes", "trop long"});
        checkRefused(w, AddChallenge{.number = 2, .question = "Comment ?"}, {"2", "existe déjà"});
        checkRefused(w, AddChallenge{.number = -1, .question = "Comment ?"}, {"number"});
        checkRefused(w, EditChallenge{.challenge = w.challenge, .question = "\t"}, {"question"});
        checkRefused<NotFoundError>(w, DeleteChallenge{Id{99}}, {"Défi", "99"});
    }
    SECTION("ids given to create actions") {
        checkRefused(w, AddSlot{.id = w.slot, .day = "2018-07-09", .start = "09:00", .end = "10:00", .title = "X"},
                     {w.slot.str().c_str(), "déjà utilisé"});
        checkRefused(w, AddNote{.id = w.note1, .team = w.team}, {w.note1.str().c_str()});
    }
    SECTION("teams and members") {
        checkRefused(w, AddTeam{.name = ""}, {"name"});
        checkRefused(w, AddTeam{.name = "Équipe A"}, {"Équipe A", "déjà"});
        checkRefused(w, AddTeam{.name = "C", .colour = "red"}, {"colour", "red", "#RRVVBB"});
        checkRefused(w, AddTeam{.name = "C", .colour = "#12345G"}, {"#12345G"});
        checkRefused<NotFoundError>(w, AddTeam{.name = "C", .challenge = Id{777}}, {"Défi", "777"});
        checkRefused<NotFoundError>(w, AddMember{.team = Id{4242}, .name = "Eve"}, {"Équipe", "4242"});
        checkRefused(w, AddMember{.team = w.team, .name = ""}, {"name"});
        checkRefused(w, AddMember{.team = w.team, .name = "Eve", .organisation = shortOverLimit}, {"organisation"});
        checkRefused(w, EditMember{.member = w.alice, .team = Id{4242}}, {"4242"});
        checkRefused<NotFoundError>(w, DeleteMember{Id{5}}, {"Membre", "5"});
        checkRefused<NotFoundError>(w, SetPhase{.team = Id{5}, .phase = Phase::Test}, {"Équipe"});
        checkRefused(w, AddTeam{.name = std::string("\xC3\x28", 2)}, {"UTF-8"});
    }
    SECTION("the board") {
        checkRefused(w, AddNote{.team = w.team, .text = longText}, {"text", "trop long", "20000"});
        checkRefused(w, AddNote{.team = w.team, .colour = "#FFF"}, {"colour"});
        checkRefused(w, AddNote{.team = w.team, .x = 1e9}, {"x", "hors du mur"});
        checkRefused(w, AddNote{.team = w.team, .width = 10}, {"width", "40"});
        checkRefused(w, AddNote{.team = w.team, .author = w.carol}, {"auteur"});
        checkRefused(w, AddNote{.team = w.team2, .cluster = w.cluster}, {"autre équipe"});
        checkRefused<NotFoundError>(w, AddNote{.team = Id{31}}, {"Équipe", "31"});
        checkRefused(w, EditNote{.note = w.note1, .text = longText}, {"text"});
        checkRefused(w, EditNote{.note = w.note1, .height = 5000}, {"height"});
        checkRefused(w, MoveNotes{}, {"Aucun post-it"});
        checkRefused(w, MoveNotes{.moves = {{w.note1, 0, 0}, {w.note1, 5, 5}}}, {"deux fois"});
        checkRefused(w, MoveNotes{.moves = {{w.note1, 0, 0}, {w.otherNote, 5, 5}}}, {"plusieurs équipes"});
        // The first note is written before the second is refused: all of it is rolled back.
        checkRefused(w, MoveNotes{.moves = {{w.note2, 0, 0}, {w.note3, 5, 2e7}}}, {"y"});
        checkRefused(w, MoveNotes{.moves = {{w.otherNote, 0, 0}}, .cluster = w.cluster}, {"autre équipe"});
        checkRefused(w, RecolourNotes{.notes = {w.note1}, .colour = "jaune"}, {"jaune"});
        checkRefused<NotFoundError>(w, DeleteNotes{.notes = {w.note1, Id{8}}}, {"Post-it", "8"});
        checkRefused(w, AddCluster{.team = w.team, .title = ""}, {"title"});
        // The cluster is written before its notes are checked: rolled back too.
        checkRefused(w, AddCluster{.team = w.team, .title = "X", .notes = {w.otherNote}}, {"autre équipe"});
        checkRefused(w, EditCluster{.cluster = w.cluster, .colour = "#GGGGGG"}, {"#GGGGGG"});
        checkRefused(w, MoveCluster{.cluster = w.cluster, .x = -2e7}, {"x"});
        checkRefused<NotFoundError>(w, DissolveCluster{Id{3}}, {"Regroupement"});
        checkRefused<NotFoundError>(w, RevealNotes{Id{3}}, {"Équipe"});
    }
    SECTION("votes") {
        checkRefused(w, OpenVoteRound{.team = w.team, .budget = 0}, {"budget", "0"});
        checkRefused(w, OpenVoteRound{.team = w.team, .budget = 3, .cap = 4}, {"cap", "4"});
        checkRefused(w, CastVote{.round = w.round, .member = w.alice, .note = w.note2, .count = 2},
                     {"Alice", "plus assez de gommettes"});
        checkRefused(w, CastVote{.round = w.round, .member = w.alice, .note = w.note1, .count = 1}, {"Alice", "au plus 2"});
        checkRefused(w, CastVote{.round = w.round, .member = w.carol, .note = w.note1}, {"Carol", "membre"});
        checkRefused(w, CastVote{.round = w.round, .member = w.bob, .note = w.otherNote}, {"autre équipe"});
        checkRefused(w, CastVote{.round = w.round, .member = w.bob, .note = w.note1, .cluster = w.cluster}, {"l'un des deux"});
        checkRefused(w, CastVote{.round = w.round, .member = w.bob}, {"l'un des deux"});
        checkRefused(w, CastVote{.round = w.round, .member = w.bob, .note = w.note2, .count = 0}, {"count"});
        checkRefused(w, WithdrawVote{.round = w.round, .member = w.bob, .note = w.note1}, {"Bob", "0 gommettes"});
        checkRefused(w, WithdrawVote{.round = w.round, .member = w.alice, .note = w.note1, .count = 3}, {"Alice", "2 gommettes"});
        checkRefused(w, SetTally{.round = w.round, .note = w.note1, .count = 3}, {"cast_vote"});
        Id tally = w.add(OpenVoteRound{.team = w.team2, .mode = VoteMode::Tally});
        checkRefused(w, CastVote{.round = tally, .member = w.carol, .note = w.otherNote}, {"set_tally"});
        checkRefused(w, SetTally{.round = tally, .note = w.otherNote, .count = -1}, {"count"});
        w.engine->apply(CloseVoteRound{w.round});
        checkRefused(w, CastVote{.round = w.round, .member = w.bob, .note = w.note2}, {"clos"});
        checkRefused<NotFoundError>(w, RevealVotes{.round = Id{6}}, {"Tour de vote"});
        checkRefused(w, SelectIdea{.team = w.team, .note = w.note1, .cluster = w.cluster}, {"pas les deux"});
        checkRefused(w, SelectIdea{.team = w.team, .note = w.otherNote}, {"autre équipe"});
    }
    SECTION("prototypes and feedback") {
        checkRefused(w, AddPrototype{.team = w.team, .title = ""}, {"title"});
        checkRefused(w, AddPrototype{.team = w.team, .title = "P", .description = longText}, {"description"});
        checkRefused(w, AddPrototype{.team = w.team, .title = "P", .basedOnNote = w.otherNote}, {"autre équipe"});
        checkRefused(w, AddPrototype{.team = w.team, .title = "P", .basedOnNote = w.note1, .basedOnCluster = w.cluster},
                     {"pas des deux"});
        checkRefused(w, EditPrototype{.prototype = w.proto, .title = " "}, {"title"});
        checkRefused<NotFoundError>(w, AddPrototypeVersion{.prototype = Id{9}}, {"Prototype", "9"});
        checkRefused(w, AddFeedback{.prototype = w.proto, .kind = FeedbackKind::Like, .text = ""}, {"text"});
        checkRefused(w, AddFeedback{.prototype = w.proto, .text = "Bien", .rating = 6}, {"rating", "6"});
        checkRefused(w, AddFeedback{.prototype = w.proto, .text = "Bien", .rating = 0}, {"rating"});
        checkRefused<NotFoundError>(w, AddFeedback{.prototype = Id{9}, .text = "Bien"}, {"Prototype"});
    }
    SECTION("timers") {
        checkRefused(w, StartTimer{.seconds = 0}, {"seconds"});
        checkRefused(w, StartTimer{.seconds = kMaxTimerSeconds + 1}, {"seconds"});
        checkRefused<NotFoundError>(w, StartTimer{.team = Id{17}, .seconds = 60}, {"Équipe", "17"});
        checkRefused(w, ResumeTimer{w.timer}, {"pas en pause"});
        checkRefused(w, ExtendTimer{.timer = w.timer, .seconds = 0}, {"seconds"});
        w.engine->apply(PauseTimer{w.timer});
        checkRefused(w, PauseTimer{w.timer}, {"ne tourne pas"});
        checkRefused<NotFoundError>(w, FinishTimer{Id{17}}, {"Minuteur"});
        checkRefused<NotFoundError>(w, RestoreTimer{Id{17}}, {"Minuteur"});
    }
}

TEST_CASE("messages follow the message language") {
    World w;
    setMessageLanguage(Language::English);
    checkRefused(w, AddChallenge{.question = ""}, {"\"question\" cannot be empty"});
    CHECK(w.engine->describe(DeleteNotes{.notes = {w.note1, w.note2}}) == "Delete 2 notes");
    setMessageLanguage(Language::French);
    CHECK(w.engine->describe(DeleteNotes{.notes = {w.note1, w.note2}}) == "Supprimer 2 post-its");
}

TEST_CASE("setting the phase of every team needs a team") {
    Fixture f;
    checkRefused(f, SetPhase{.phase = Phase::Select}, {"Aucune équipe"});
}

TEST_CASE("an event that does not validate is never created") {
    TempDir dir;
    FakeClock clock;
    EventInfo info;
    info.name = "X";
    info.timeZone = "Mars/Olympus";
    CHECK_THROWS_AS(Engine::create(dir.file("e.db"), info, clock), ValidationError);
    CHECK_FALSE(std::filesystem::exists(dir.file("e.db")));
    info.timeZone = "America/Martinique";
    info.name = "";
    CHECK_THROWS_AS(Engine::create(dir.file("e.db"), info, clock), ValidationError);
    CHECK_FALSE(std::filesystem::exists(dir.file("e.db")));
}

TEST_CASE("a read-only engine refuses every action and changes nothing") {
    World w;
    w.engine.reset();
    auto engine = Engine::open(w.dbPath(), w.clock, OpenMode::ReadOnly);
    std::string dump = engine->store().canonicalDump();
    CHECK(engine->readOnly());
    CHECK_THROWS_AS(engine->apply(EditEvent{.name = "X"}), StorageError);
    CHECK(engine->store().canonicalDump() == dump);
}
