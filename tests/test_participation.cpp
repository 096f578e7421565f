// Phones on the LAN, without HTTP (core/participation): join codes, devices, the participant's
// few actions through the engine's own validation, snapshots filtered per device, the queue to
// the engine's thread, the rate limit.
#include "engine/changed_teams.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"
#include "participation/device_registry.hpp"
#include "participation/engine_queue.hpp"
#include "participation/join_code.hpp"
#include "participation/note_placement.hpp"
#include "participation/participant_actions.hpp"
#include "participation/participant_view.hpp"
#include "participation/rate_limit.hpp"
#include "participation/secret_text.hpp"
#include "participation/snapshot_builder.hpp"
#include "participation/stand_codes.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace atelier;
using namespace atelier::participation;
using namespace atelier::test;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

struct Room : Fixture {
    DeviceRegistry devices;
    ParticipantActions phones{devices};
    Id teamA, teamB, alice, bruno, carla;
    Room() {
        teamA = add(AddTeam{.name = "Équipe A"});
        teamB = add(AddTeam{.name = "Équipe B"});
        alice = add(AddMember{.team = teamA, .name = "Alice"});
        bruno = add(AddMember{.team = teamA, .name = "Bruno"});
        carla = add(AddMember{.team = teamB, .name = "Carla"});
    }
    json ask(const std::string& token, json request) { return phones.handle(*engine, token, request); }
    // A device in `team` writing as `member`.
    std::string phone(Id team, Id member) {
        std::string token = ask("", {{"do", "join"}, {"team", team.str()}})["token"];
        ask(token, {{"do", "pick_member"}, {"member", member.str()}, {"confirm", true}});
        return token;
    }
    Id note(const std::string& token, const std::string& text, const std::string& clientId) {
        json answer = ask(token, {{"do", "add_note"}, {"client_id", clientId}, {"text", text}});
        return Id::parse(answer["id"].get<std::string>()).value();
    }
    json view(Id team, Id member, std::uint64_t since = 0) {
        auto snapshot = makeSnapshot(engine->state(), nullptr, phones.writtenInPrivate());
        return teamViewFor(*snapshot, team, member, since, clock.now(), {});
    }
};

const std::string kClient1 = "0123456789abcdef0123456789abcdef";
const std::string kClient2 = "fedcba9876543210fedcba9876543210";

} // namespace

TEST_CASE("join codes: the current one works, a renewed one is told apart from a wrong one", "[participation]") {
    JoinCodes codes("ab-c 234");
    CHECK(codes.current() == "ABC234");
    CHECK(codes.check("abc234") == CodeCheck::Valid);
    CHECK(codes.check("") == CodeCheck::Missing);
    CHECK(codes.check("ZZZZZZ") == CodeCheck::Wrong);
    std::string next = codes.renew();
    CHECK(next.size() == JoinCodes::kLength);
    CHECK(next != "ABC234");
    CHECK(codes.check("ABC234") == CodeCheck::Old);
    CHECK(codes.check(next) == CodeCheck::Valid);
    CHECK_THAT(codeMessage(CodeCheck::Old), Contains("remplacé"));
    for (char c : JoinCodes().current()) CHECK(kCodeAlphabet.find(c) != std::string_view::npos);
}

TEST_CASE("rate limit: a burst of 20, then 5 a second, per device", "[participation]") {
    RateLimit limit;
    int allowed = 0;
    for (int i = 0; i < 30; ++i) allowed += limit.allow("phone", 1000);
    CHECK(allowed == 20);
    CHECK(limit.allow("other", 1000)); // one device's flood does not stop another
    CHECK_FALSE(limit.allow("phone", 1100));
    allowed = 0;
    for (int i = 0; i < 10; ++i) allowed += limit.allow("phone", 2000);
    CHECK(allowed == 5);
}

TEST_CASE("a phone joins, adds itself and writes a note with accents, off the laptop's undo", "[participation]") {
    Room room;
    room.add(AddNote{.team = room.teamA, .text = "du portable"}); // the laptop's own gesture
    std::size_t laptopUndos = room.engine->history().undoCount();
    std::string token = room.ask("", {{"do", "join"}, {"team", room.teamA.str()}})["token"];
    CHECK(token.size() == 32);
    json self = room.ask(token, {{"do", "add_self"}, {"client_id", kClient1}, {"name", "Zoé Lefèvre"}});
    Id zoe = Id::parse(self["member"].get<std::string>()).value();
    CHECK(room.engine->state().find<Member>(zoe)->name == "Zoé Lefèvre");
    CHECK(room.devices.find(token)->member == zoe);
    Id noteId = room.note(token, "Créer un guichet unique « à l'écoute » — été", kClient2);
    const Note* note = room.engine->state().find<Note>(noteId);
    REQUIRE(note);
    CHECK(note->text == "Créer un guichet unique « à l'écoute » — été");
    CHECK(note->authorId == zoe);
    CHECK(note->teamId == room.teamA);
    // Ctrl+Z on the laptop takes back the laptop's note, never the phone's.
    CHECK(room.engine->history().undoCount() == laptopUndos);
    CHECK(room.engine->undoDescription() == "Ajouter un post-it");
    room.engine->undo();
    CHECK(room.engine->state().notesOfTeam(room.teamA).size() == 1);
    CHECK(room.engine->state().find<Note>(noteId));
    room.reopen();
    CHECK(room.engine->state().find<Note>(noteId)->text == "Créer un guichet unique « à l'écoute » — été");
}

TEST_CASE("phones' notes land in the board's free space, never on the team's own notes", "[participation]") {
    Room room;
    // The laptop's arrangement: a note in the first cell, a wide one across the next two, a
    // group's title in the fourth, and one far away that covers nothing of the grid.
    room.add(AddNote{.team = room.teamA, .text = "a", .x = 50, .y = 45});
    room.add(AddNote{.team = room.teamA, .text = "b", .x = 230, .y = 60, .width = 300, .height = 100});
    room.add(AddCluster{.team = room.teamA, .title = "Groupe", .x = 580, .y = 40});
    room.add(AddNote{.team = room.teamA, .text = "loin", .x = 5000, .y = 5000});
    std::string token = room.phone(room.teamA, room.alice);
    auto overlaps = [](const Note& p, const Note& q) {
        return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
    };
    std::vector<Id> written;
    for (int i = 0; i < 8; ++i)
        written.push_back(room.note(token, "du téléphone " + std::to_string(i), kClient1.substr(0, 31) + std::to_string(i)));
    const EventState& state = room.engine->state();
    const Note* first = state.find<Note>(written[0]);
    REQUIRE(first);
    CHECK(first->x == 760); // the fifth cell: the first free one
    CHECK(first->y == 40);
    for (Id id : written) {
        const Note* mine = state.find<Note>(id);
        REQUIRE(mine);
        for (const Note* other : state.notesOfTeam(room.teamA))
            if (other->id != id) CHECK_FALSE(overlaps(*mine, *other));
    }
    // Every cell of the first rows taken: the next row.
    std::vector<Note> full(6);
    std::vector<const Note*> pointers;
    for (int c = 0; c < 6; ++c) {
        full[static_cast<std::size_t>(c)].x = 40 + c * 180;
        full[static_cast<std::size_t>(c)].y = 40;
        pointers.push_back(&full[static_cast<std::size_t>(c)]);
    }
    BoardSpot next = freeSpotForPhoneNote(pointers, {});
    CHECK(next.x == 40);
    CHECK(next.y == 180);
    CHECK(freeSpotForPhoneNote({}, {}).x == 40);
}

TEST_CASE("a team laptop's copy serves its own team only: listed alone, another team's join refused", "[participation]") {
    Room room;
    room.phones.setServedTeam(room.teamA);
    CHECK_THROWS_WITH(room.ask("", {{"do", "join"}, {"team", room.teamB.str()}}), Contains("ne sert que l’équipe « Équipe A »"));
    CHECK(room.devices.size() == 0);
    std::string token = room.ask("", {{"do", "join"}, {"team", room.teamA.str()}})["token"];
    CHECK(token.size() == 32);
    // A device moving to another team (« Changer d'équipe ») is held to it too.
    CHECK_THROWS_WITH(room.ask(token, {{"do", "join"}, {"team", room.teamB.str()}}), Contains("ne sert que"));
    CHECK(room.devices.find(token)->team == room.teamA);
    auto snapshot = makeSnapshot(room.engine->state(), nullptr, {}, nullptr, room.teamA);
    REQUIRE(snapshot->event["teams"].size() == 1);
    CHECK(snapshot->event["teams"][0]["name"] == "Équipe A");
    CHECK(snapshot->teams.count(room.teamB) == 0);
}

TEST_CASE("a retried create returns the first answer and never brings back a deleted note", "[participation]") {
    Room room;
    std::string token = room.phone(room.teamA, room.alice);
    Id first = room.note(token, "idée", kClient1);
    CHECK(room.note(token, "idée", kClient1) == first);
    CHECK(room.engine->state().notesOfTeam(room.teamA).size() == 1);
    room.ask(token, {{"do", "delete_note"}, {"note", first.str()}});
    CHECK(room.note(token, "idée", kClient1) == first); // the late retry
    CHECK(room.engine->state().notesOfTeam(room.teamA).empty());
    // Another device with the same client id is another create.
    std::string other = room.phone(room.teamA, room.bruno);
    CHECK(room.note(other, "idée", kClient1) != first);
}

TEST_CASE("picking a name held by another device asks first, then moves it", "[participation]") {
    Room room;
    std::string first = room.phone(room.teamA, room.alice);
    std::string second = room.ask("", {{"do", "join"}, {"team", room.teamA.str()}})["token"];
    json asked = room.ask(second, {{"do", "pick_member"}, {"member", room.alice.str()}});
    CHECK(asked["confirm"] == true);
    CHECK_THAT(asked["error"].get<std::string>(), Contains("C’est bien vous ?"));
    CHECK(room.devices.find(first)->member == room.alice);
    room.ask(second, {{"do", "pick_member"}, {"member", room.alice.str()}, {"confirm", true}});
    CHECK(room.devices.find(second)->member == room.alice);
    CHECK(room.devices.find(second)->movedFrom == first);
    CHECK_FALSE(room.devices.find(first)->member);
    // The first device is told its name went elsewhere, and nothing of its note is written.
    std::size_t notesBefore = room.engine->state().notes.size();
    CHECK_THROWS_WITH(room.ask(first, {{"do", "add_note"}, {"client_id", kClient1}, {"text", "x"}}),
                      Contains("« Alice » écrit maintenant depuis un autre appareil") && Contains("votre nom"));
    CHECK(room.engine->state().notes.size() == notesBefore);
    CHECK(room.devices.find(first)->nameTaken == room.alice);
    // Picking a name again clears it.
    room.ask(first, {{"do", "pick_member"}, {"member", room.bruno.str()}});
    CHECK_FALSE(room.devices.find(first)->nameTaken);
    // A member of another team cannot be picked.
    CHECK_THROWS_WITH(room.ask(second, {{"do", "pick_member"}, {"member", room.carla.str()}}), Contains("pas dans votre équipe"));
}

TEST_CASE("every other action, another team's note, another's note, a revealed note: refused, nothing written", "[participation]") {
    Room room;
    std::string alice = room.phone(room.teamA, room.alice);
    std::string carla = room.phone(room.teamB, room.carla);
    Id aliceNote = room.note(alice, "à moi", kClient1);
    std::string before = stateText(room.engine->state());
    for (const char* forbidden : {"add_note_x", "delete_team", "add_team", "edit_event", "reveal_notes", "set_phase",
                                  "start_timer", "open_vote_round", "reveal_votes", "delete_notes", "move_notes",
                                  "edit_member", "add_member"})
        CHECK_THROWS_WITH(room.ask(alice, {{"do", forbidden}, {"team", room.teamA.str()}}), Contains("pas permis depuis un téléphone"));
    CHECK_THROWS_WITH(room.ask(alice, {{"do", "add_note"}, {"client_id", kClient2}, {"text", "x"}, {"team", room.teamB.str()}}),
                      Contains("inconnu"));
    CHECK_THROWS_WITH(room.ask(carla, {{"do", "edit_note"}, {"note", aliceNote.str()}, {"text", "pris"}}), Contains("n’existe plus"));
    std::string bruno = room.phone(room.teamA, room.bruno);
    CHECK_THROWS_WITH(room.ask(bruno, {{"do", "delete_note"}, {"note", aliceNote.str()}}), Contains("propres post-its"));
    CHECK_THROWS_WITH(room.ask("not-a-token", {{"do", "add_note"}, {"client_id", kClient2}, {"text", "x"}}), Contains("plus connu"));
    CHECK_THROWS_WITH(room.ask(alice, {{"do", "add_note"}, {"client_id", "short"}, {"text", "x"}}), Contains("client_id"));
    CHECK_THROWS_WITH(room.ask(alice, {{"do", "add_note"}, {"client_id", kClient2}, {"text", 3}}), Contains("texte"));
    CHECK_THROWS_WITH(room.ask(alice, {{"do", "add_note"}, {"client_id", kClient2}, {"text", std::string(30000, 'a')}}), Contains("trop long"));
    CHECK(stateText(room.engine->state()) == before);
    // Once the team moved on, the note is no longer the author's to change.
    room.add(SetPhase{.team = room.teamA, .phase = Phase::Select});
    CHECK_THROWS_WITH(room.ask(alice, {{"do", "edit_note"}, {"note", aliceNote.str()}, {"text", "encore"}}), Contains("plus"));
    CHECK(room.engine->state().find<Note>(aliceNote)->text == "à moi");
}

TEST_CASE("private writing: other texts never leave the laptop before the reveal; own notes editable until then", "[participation]") {
    Room room;
    room.add(SetPrivateWriting{.team = room.teamA, .on = true});
    std::string alice = room.phone(room.teamA, room.alice);
    std::string bruno = room.phone(room.teamA, room.bruno);
    Id secret = room.note(alice, "secret d'Alice", kClient1);
    room.note(bruno, "idée de Bruno", kClient2);
    std::string forBruno = room.view(room.teamA, room.bruno).dump();
    CHECK(forBruno.find("secret d'Alice") == std::string::npos);
    CHECK(forBruno.find("idée de Bruno") != std::string::npos);
    // Bruno is told of Alice's hidden note, not of his own (he sees it); a device with no name yet of both.
    CHECK(room.view(room.teamA, room.bruno)["hidden_notes"] == 1);
    CHECK(room.view(room.teamA, Id{})["hidden_notes"] == 2);
    auto snapshot = makeSnapshot(room.engine->state(), nullptr);
    CHECK(snapshot->teams.at(room.teamA)->shared.dump().find("secret") == std::string::npos);
    CHECK(room.view(room.teamA, Id{}).dump().find("idée de Bruno") == std::string::npos); // no member: no text at all
    room.ask(alice, {{"do", "edit_note"}, {"note", secret.str()}, {"text", "secret révisé"}});
    CHECK(room.engine->state().find<Note>(secret)->text == "secret révisé");
    CHECK(room.view(room.teamA, room.alice)["notes"][0]["open"] == true);
    room.add(RevealNotes{.team = room.teamA});
    CHECK(room.view(room.teamA, room.bruno).dump().find("secret révisé") != std::string::npos);
    CHECK(room.view(room.teamA, room.alice)["notes"][0]["open"] == false);
    CHECK_THROWS_WITH(room.ask(alice, {{"do", "delete_note"}, {"note", secret.str()}}), Contains("dévoilé"));
}

TEST_CASE("votes from phones: own dots within the budget, results hidden until the reveal", "[participation]") {
    Room room;
    std::string alice = room.phone(room.teamA, room.alice);
    std::string bruno = room.phone(room.teamA, room.bruno);
    Id n1 = room.note(alice, "un", kClient1), n2 = room.note(alice, "deux", kClient2);
    CHECK_THROWS_WITH(room.ask(alice, {{"do", "cast_vote"}, {"note", n1.str()}}), Contains("Aucun vote"));
    Id round = room.add(OpenVoteRound{.team = room.teamA, .budget = 3, .cap = 2});
    room.ask(alice, {{"do", "cast_vote"}, {"note", n1.str()}, {"count", 2}});
    CHECK_THROWS_WITH(room.ask(alice, {{"do", "cast_vote"}, {"note", n1.str()}}), Contains("au plus 2"));
    room.ask(alice, {{"do", "cast_vote"}, {"note", n2.str()}});
    CHECK_THROWS_WITH(room.ask(alice, {{"do", "cast_vote"}, {"note", n2.str()}}), Contains("plus assez"));
    room.ask(alice, {{"do", "withdraw_vote"}, {"note", n1.str()}});
    room.ask(bruno, {{"do", "cast_vote"}, {"note", n2.str()}, {"count", 2}});
    CHECK(room.engine->state().votesUsedBy(round, room.alice) == 2);
    CHECK(room.view(room.teamA, room.alice)["my_dots"][n1.str()] == 1);
    json forBruno = room.view(room.teamA, room.bruno);
    CHECK_FALSE(forBruno["vote"].contains("totals"));
    CHECK(forBruno["my_dots"].size() == 1);
    CHECK(forBruno.dump().find(room.alice.str() + "\":") == std::string::npos);
    room.add(RevealVotes{.round = round});
    CHECK(room.view(room.teamA, room.bruno)["vote"]["totals"][n2.str()] == 3);
    room.add(CloseVoteRound{.round = round});
    CHECK_THROWS_WITH(room.ask(alice, {{"do", "cast_vote"}, {"note", n2.str()}}), Contains("Aucun vote"));
    CHECK(room.engine->state().votesUsedBy(round, room.alice) == 2);
}

TEST_CASE("the change feed: unchanged until the team's own view changes", "[participation]") {
    Room room;
    std::string alice = room.phone(room.teamA, room.alice);
    auto first = makeSnapshot(room.engine->state(), nullptr);
    std::uint64_t r = first->teams.at(room.teamA)->revision;
    room.add(AddNote{.team = room.teamB, .text = "ailleurs"});
    auto second = makeSnapshot(room.engine->state(), first.get());
    CHECK(teamViewFor(*second, room.teamA, room.alice, r, 5, {})["unchanged"] == true);
    room.note(alice, "ici", kClient1);
    auto third = makeSnapshot(room.engine->state(), second.get());
    json changed = teamViewFor(*third, room.teamA, room.alice, r, 5, {room.alice});
    CHECK_FALSE(changed.contains("unchanged"));
    CHECK(changed["notes"][0]["text"] == "ici");
    CHECK(changed["members"][0]["held"] == true);
    CHECK(changed["revision"].get<std::uint64_t>() > r);
}

TEST_CASE("the snapshot builds again only the teams whose rows changed, and every team when it cannot tell", "[participation]") {
    Room room;
    std::string alice = room.phone(room.teamA, room.alice);
    Id other = room.add(AddNote{.team = room.teamB, .text = "avant"});
    auto first = makeSnapshot(room.engine->state(), nullptr);
    std::uint64_t since = room.engine->state().revision;

    room.note(alice, "ici", kClient1);
    auto teams = teamsChangedSince(*room.engine, since);
    REQUIRE(teams);
    CHECK(*teams == std::unordered_set<Id>{room.teamA});
    auto second = makeSnapshot(room.engine->state(), first.get(), {}, &*teams);
    CHECK(second->teams.at(room.teamA)->shared["notes"].size() == 1);
    CHECK(second->teams.at(room.teamB)->shared == first->teams.at(room.teamB)->shared);

    // Team B's note edited on the laptop: only B's view changes, and it shows the new text.
    since = room.engine->state().revision;
    room.add(EditNote{.note = other, .text = "après"});
    teams = teamsChangedSince(*room.engine, since);
    REQUIRE(teams);
    CHECK(*teams == std::unordered_set<Id>{room.teamB});
    auto third = makeSnapshot(room.engine->state(), second.get(), {}, &*teams);
    CHECK(third->teams.at(room.teamB)->shared == makeSnapshot(room.engine->state(), nullptr)->teams.at(room.teamB)->shared);
    CHECK(third->teams.at(room.teamB)->shared.dump().find("après") != std::string::npos);

    // A deleted row no longer says its team: every team is built again.
    since = room.engine->state().revision;
    room.add(DeleteNotes{.notes = {other}});
    CHECK_FALSE(teamsChangedSince(*room.engine, since));
}

TEST_CASE("each team's notes followed commit by commit: the same as a pass over every note", "[participation]") {
    Room room;
    auto sorted = [](std::vector<const Note*> notes) {
        std::vector<Id> ids;
        for (const Note* n : notes) ids.push_back(n->id);
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    auto byPass = [&](Id team) {
        std::vector<const Note*> notes;
        for (const auto& [id, n] : room.engine->state().notes)
            if (n.teamId == team) notes.push_back(&n);
        return sorted(notes);
    };
    TeamNotes index;
    Id a1 = room.add(AddNote{.team = room.teamA, .text = "a1"});
    index.follow(*room.engine);
    CHECK(index.rebuilds() == 1);
    Id b1 = room.add(AddNote{.team = room.teamB, .text = "b1"});
    room.add(AddNote{.team = room.teamA, .text = "a2"});
    room.add(EditNote{.note = a1, .text = "a1 changé"});
    room.add(DeleteNotes{.notes = {b1}});
    index.follow(*room.engine);
    CHECK(index.rebuilds() == 1); // followed, not rebuilt
    CHECK(sorted(index.of(room.teamA)) == byPass(room.teamA));
    CHECK(sorted(index.of(room.teamB)) == byPass(room.teamB));
    CHECK(index.of(room.teamB).empty());
    const Note* edited = nullptr;
    for (const Note* n : index.of(room.teamA))
        if (n->id == a1) edited = n;
    REQUIRE(edited);
    CHECK(edited->text == "a1 changé"); // the row as it is now
    // Undo brings the deleted note back; a phone's note lands beside the others.
    room.engine->undo();
    std::string token = room.phone(room.teamB, room.carla);
    room.note(token, "du téléphone", kClient1);
    index.follow(*room.engine);
    CHECK(sorted(index.of(room.teamB)) == byPass(room.teamB));
    CHECK(index.of(room.teamB).size() == 2);
    // Another engine on another file: every note again.
    Fixture other;
    other.add(AddTeam{.name = "Ailleurs"});
    index.follow(*other.engine);
    CHECK(index.rebuilds() == 2);
    CHECK(index.of(room.teamA).empty());
}

TEST_CASE("the snapshot builder: made off the submitting thread, changes merged while it works, teams made once", "[participation]") {
    Room room;
    SnapshotBuilder builder;
    builder.waitFor(builder.submit(copyRows(room.engine->state())), std::chrono::seconds(10));
    REQUIRE(builder.latest());
    CHECK(builder.teamViewsMade() == 2);
    const auto first = builder.latest();

    // Held: submit returns without making anything (the engine's thread only copies rows).
    builder.hold();
    std::string alice = room.phone(room.teamA, room.alice);
    std::uint64_t number = 0;
    for (int i = 0; i < 5; ++i) {
        std::uint64_t since = room.engine->state().revision;
        room.note(alice, "idée " + std::to_string(i), std::string(30, 'a') + std::to_string(10 + i));
        auto teams = teamsChangedSince(*room.engine, since);
        REQUIRE(teams);
        CHECK(*teams == std::unordered_set<Id>{room.teamA});
        number = builder.submit(copyRows(room.engine->state(), {}, &*teams));
    }
    CHECK(builder.latest() == first);
    CHECK(builder.builds() == 1);

    // Released: the five submissions are one snapshot, team A made once, team B kept as it was.
    builder.release();
    REQUIRE(builder.waitFor(number, std::chrono::seconds(10)));
    CHECK(builder.builds() == 2);
    CHECK(builder.teamViewsMade() == 3);
    auto latest = builder.latest();
    CHECK(latest->revision == room.engine->state().revision);
    CHECK(latest->teams.at(room.teamA)->shared["notes"].size() == 5);
    CHECK(latest->teams.at(room.teamB) == first->teams.at(room.teamB));
    CHECK(latest->teams.at(room.teamA)->shared == makeSnapshot(room.engine->state(), nullptr)->teams.at(room.teamA)->shared);
    // Its text already made by the builder, the same as made from scratch.
    CHECK(latest->teams.at(room.teamA)->notesText() == makeSnapshot(room.engine->state(), nullptr)->teams.at(room.teamA)->notesText());
}

TEST_CASE("the snapshot builder: a reader never sees a snapshot half made", "[participation]") {
    Room room;
    std::string alice = room.phone(room.teamA, room.alice);
    SnapshotBuilder builder;
    builder.waitFor(builder.submit(copyRows(room.engine->state())), std::chrono::seconds(10));
    // Each note written brings team A's notes to its number: a snapshot's revision says how
    // many notes its view of A must hold, all of them, and its text the same.
    std::unordered_map<std::uint64_t, std::size_t> notesAt{{room.engine->state().revision, 0}};
    std::mutex notesMutex;
    std::atomic<bool> stop{false};
    std::atomic<int> checked{0}, wrong{0};
    std::thread reader([&] {
        while (!stop) {
            auto snapshot = builder.latest();
            const TeamView& view = *snapshot->teams.at(room.teamA);
            std::size_t expected;
            {
                std::lock_guard lock(notesMutex);
                expected = notesAt.at(snapshot->revision);
            }
            if (view.shared["notes"].size() != expected || json::parse(view.notesText()).size() != expected) ++wrong;
            ++checked;
        }
    });
    for (int i = 0; i < 40; ++i) {
        std::uint64_t since = room.engine->state().revision;
        char client[33];
        std::snprintf(client, sizeof client, "%032d", i + 1);
        room.note(alice, "note " + std::to_string(i), client);
        {
            std::lock_guard lock(notesMutex);
            notesAt[room.engine->state().revision] = static_cast<std::size_t>(i + 1);
        }
        auto teams = teamsChangedSince(*room.engine, since);
        builder.submit(copyRows(room.engine->state(), {}, teams ? &*teams : nullptr));
    }
    builder.waitFor(builder.submitted(), std::chrono::seconds(10));
    stop = true;
    reader.join();
    CHECK(builder.latest()->teams.at(room.teamA)->shared["notes"].size() == 40);
    CHECK(checked > 0);
    CHECK(wrong == 0);
}

TEST_CASE("stand codes: feedback only, stable across versions and renewals, unknown ones refused", "[participation]") {
    Room room;
    Id proto = room.add(AddPrototype{.team = room.teamA, .title = "Guichet mobile"});
    std::string code = standCode(room.engine->state().event, proto);
    CHECK(code.size() == kStandCodeLength);
    Id v2 = room.add(AddPrototypeVersion{.prototype = proto});
    CHECK(prototypeOfStand(room.engine->state(), code)->id == v2);
    auto snapshot = makeSnapshot(room.engine->state(), nullptr);
    CHECK(snapshot->stands.at(code).title == "Guichet mobile");
    json answer = room.phones.feedback(*room.engine, {{"do", "feedback"}, {"stand", code}, {"client_id", kClient1}, {"kind", "suggest"},
                                                      {"text", "Plus de bancs"}, {"rating", 4}, {"visitor", "Élise"}});
    CHECK(room.phones.feedback(*room.engine, {{"do", "feedback"}, {"stand", code}, {"client_id", kClient1}, {"kind", "suggest"}}) == answer);
    auto feedback = room.engine->state().feedbackOf(v2);
    REQUIRE(feedback.size() == 1);
    CHECK(feedback[0]->text == "Plus de bancs");
    CHECK(feedback[0]->rating == 4);
    CHECK_THROWS_WITH(room.phones.feedback(*room.engine, {{"do", "feedback"}, {"stand", "AAAAAAAA"}, {"client_id", kClient2}, {"kind", "like"}}),
                      Contains("inconnu"));
    CHECK_THROWS_WITH(room.phones.feedback(*room.engine, {{"do", "feedback"}, {"stand", code}, {"client_id", kClient2}, {"kind", "love"}}),
                      Contains("J’aime"));
    CHECK_THROWS_WITH(room.phones.feedback(*room.engine, {{"do", "feedback"}, {"stand", code}, {"client_id", kClient2}, {"kind", "like"}, {"rating", 9}}),
                      Contains("rating"));
    CHECK(room.engine->state().feedbackOf(v2).size() == 1);
}

TEST_CASE("device tokens and codes are never written to the event file or its journal", "[participation]") {
    Room room;
    JoinCodes codes;
    std::string token = room.phone(room.teamA, room.alice);
    room.note(token, "texte", kClient1);
    room.engine->checkpoint();
    std::string bytes = readBytes(room.dbPath()) + readBytes(room.dbPath() + "-wal");
    CHECK(bytes.find("texte") != std::string::npos); // the note is saved …
    CHECK(bytes.find(token) == std::string::npos);   // … its device's token is not
    CHECK(bytes.find(codes.current()) == std::string::npos);
    CHECK(bytes.find(kClient1) == std::string::npos);
}

TEST_CASE("the engine queue: tasks from other threads run on the draining thread, errors come back", "[participation]") {
    Room room;
    EngineQueue queue(4);
    int woken = 0;
    queue.setWake([&] { ++woken; });
    std::thread::id engineThread = std::this_thread::get_id(), ranOn;
    std::future<json> ok, bad;
    std::thread http([&] {
        ok = queue.submit([&](Engine& engine) {
            ranOn = std::this_thread::get_id();
            return json{{"teams", engine.state().teams.size()}};
        });
        bad = queue.submit([](Engine& engine) -> json { engine.apply(AddTeam{.name = ""}); return {}; });
    });
    http.join();
    CHECK(woken == 1); // the first task wakes the loop; the second is drained with it
    CHECK(queue.drain(*room.engine) == 2);
    CHECK(ranOn == engineThread);
    CHECK(ok.get()["teams"] == 2);
    CHECK_THROWS_AS(bad.get(), ValidationError);
    (void)queue.submit([](Engine&) { return json(); }); // an empty queue again: woken again
    CHECK(woken == 2);
    CHECK(queue.drain(*room.engine) == 1);
    for (int i = 0; i < 4; ++i) (void)queue.submit([](Engine&) { return json(); });
    CHECK_THROWS_WITH(queue.submit([](Engine&) { return json(); }), Contains("occupé"));
    queue.close();
    CHECK_THROWS_WITH(queue.submit([](Engine&) { return json(); }), Contains("fermée"));
    CHECK(queue.pending() == 0);
}

TEST_CASE("a phone's request in its own language: its refusals, not the laptop's messages nor the journal", "[participation]") {
    Room room;
    REQUIRE(programMessageLanguage() == Language::French);
    std::string alice = room.phone(room.teamA, room.alice);
    {
        ThreadMessageLanguage phone(Language::English);
        CHECK(messageLanguage() == Language::English);
        CHECK_THROWS_WITH(room.ask(alice, {{"do", "undo"}}), Contains("is not allowed from a phone"));
        // An action the engine refuses: its own validation, in English.
        CHECK_THROWS_WITH(room.ask(alice, {{"do", "edit_note"}, {"note", "123"}, {"text", "x"}}), Contains("no longer on your team's board"));
        // The journal is the laptop's: described in French.
        ActionResult result = room.engine->applyWithoutUndo(AddNote{.team = room.teamA, .text = "ok"});
        CHECK_THAT(result.description, Contains("post-it"));
    }
    CHECK(messageLanguage() == Language::French);
    // Another thread keeps the program's language.
    Language seen = Language::English;
    {
        ThreadMessageLanguage phone(Language::English);
        std::thread other([&] { seen = messageLanguage(); });
        other.join();
    }
    CHECK(seen == Language::French);
}
