// Several laptops, one event: copies journal their changes; merges exchange them, converge
// whatever the order, are idempotent, and resolve conflicts by the written rules.
#include "model/errors.hpp"
#include "sync/replica.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <random>

using namespace atelier;
using namespace atelier::test;

namespace {

// An organisers' file with two teams on two défis and a programme, closed and ready to copy.
struct Event {
    TempDir dir;
    FakeClock clock;
    std::string organiser = dir.file("organiser.db");
    Id challenge1{101}, challenge2{102}, team1{201}, team2{202}, slot{301};
    Id member1{401}, member2{402}, note1{501}, note2{502};

    Event() {
        EventInfo info;
        info.name = "Rennes 2018";
        auto e = Engine::create(organiser, info, clock);
        e->apply(AddChallenge{challenge1, 1, "Comment simplifier les inscriptions ?", "Ville de Rennes", "", "", "", "", "", "", ""});
        e->apply(AddChallenge{challenge2, 2, "Comment accueillir ?", "Le Havre", "", "", "", "", "", "", ""});
        e->apply(AddTeam{team1, "Équipe 1", "", challenge1});
        e->apply(AddTeam{team2, "Équipe 2", "", challenge2});
        e->apply(AddMember{member1, team1, "Awa", "", Role::Participant});
        e->apply(AddMember{member2, team2, "Bruno", "", Role::Participant});
        e->apply(AddSlot{slot, "2018-07-09", "09:00", "10:00", "Accueil", SlotKind::Other, ""});
        e->apply(AddNote{note1, team1, "Première idée", "", 0, 0, {}, {}, {}, {}});
        e->apply(AddNote{note2, team2, "Autre idée", "", 0, 0, {}, {}, {}, {}});
    }
    std::string copy(const std::string& name, Id team = {}) {
        std::string path = dir.file(name);
        copyEventFile(organiser, path, name, team);
        return path;
    }
    std::unique_ptr<Engine> open(const std::string& path) { return Engine::open(path, clock); }
    std::string dump(const std::string& path) { return open(path)->store().canonicalDump(); }
    MergeReport merge(const std::string& into, const std::string& from) { return open(into)->mergeFrom(from); }
};

bool mentions(const MergeReport& report, const std::string& table, Id row) {
    return std::any_of(report.conflicts.begin(), report.conflicts.end(),
                       [&](const MergeConflict& c) { return c.table == table && c.row == row; });
}

} // namespace

TEST_CASE("changes made on two laptops all arrive in the organisers' file, once") {
    Event ev;
    std::string a = ev.copy("a.db", ev.team1), b = ev.copy("b.db", ev.team2);
    CHECK(readReplicaInfo(a).teamId == ev.team1);
    CHECK(readReplicaInfo(a).origin != readReplicaInfo(b).origin);
    Id noteA, noteB;
    {
        auto e = ev.open(a);
        ev.clock.advance(1000);
        noteA = e->apply(AddNote{{}, ev.team1, "Idée de A", "", 10, 10, {}, {}, {}, {}}).created[0];
    }
    {
        auto e = ev.open(b);
        ev.clock.advance(1000);
        noteB = e->apply(AddNote{{}, ev.team2, "Idée de B", "", 10, 10, {}, {}, {}, {}}).created[0];
        e->apply(EditNote{ev.note2, std::string("Autre idée, précisée"), {}, {}, {}});
    }
    auto first = ev.merge(ev.organiser, a);
    CHECK(first.newEntries == 1);
    CHECK(first.conflicts.empty());
    auto second = ev.merge(ev.organiser, b);
    CHECK(second.newEntries == 2);
    CHECK(second.replayedEntries <= 1); // A's note and B's first change were concurrent: either may come first
    {
        auto o = ev.open(ev.organiser);
        CHECK(o->state().find<Note>(noteA));
        CHECK(o->state().find<Note>(noteB));
        CHECK(o->state().find<Note>(ev.note2)->text == "Autre idée, précisée");
    }
    std::string before = ev.dump(ev.organiser);
    auto again = ev.merge(ev.organiser, b);
    CHECK(again.newEntries == 0);
    CHECK(again.knownEntries > 0);
    CHECK(ev.dump(ev.organiser) == before);

    // Back to a laptop: A takes B's work through the organisers' file.
    ev.merge(a, ev.organiser);
    CHECK(ev.dump(a) == ev.dump(ev.organiser));
}

TEST_CASE("the same text edited on two laptops at once: one text wins the same in every merge order, the other is named") {
    std::string kept[2];
    for (int order = 0; order < 2; ++order) {
        Event ev;
        std::string a = ev.copy("a.db"), b = ev.copy("b.db");
        ev.clock.advance(1000);
        ev.open(a)->apply(EditNote{ev.note1, std::string("Version de A"), {}, {}, {}});
        ev.open(b)->apply(EditNote{ev.note1, std::string("Version de B"), {}, {}, {}});
        std::vector<MergeConflict> lines;
        for (const auto& from : order ? std::vector<std::string>{a, b} : std::vector<std::string>{b, a}) {
            auto report = ev.merge(ev.organiser, from);
            lines.insert(lines.end(), report.conflicts.begin(), report.conflicts.end());
        }
        kept[order] = ev.open(ev.organiser)->state().find<Note>(ev.note1)->text;
        // Whichever came second in replay order, one sentence names the note and both texts.
        ev.merge(a, ev.organiser);
        ev.merge(b, ev.organiser);
        CHECK(ev.dump(a) == ev.dump(ev.organiser));
        CHECK(ev.dump(b) == ev.dump(ev.organiser));
        CHECK(ev.open(a)->state().find<Note>(ev.note1)->text == kept[order]);
        bool named = std::any_of(lines.begin(), lines.end(), [](const MergeConflict& c) {
            return c.kind == ConflictKind::LaterWins && c.what.find("Version de A") != std::string::npos &&
                   c.what.find("Version de B") != std::string::npos && c.what.find("post-it « Première idée »") == std::string::npos;
        });
        bool anyLine = std::any_of(lines.begin(), lines.end(), [](const MergeConflict& c) { return c.kind == ConflictKind::LaterWins; });
        CHECK((named || !anyLine)); // the second merge either replaced a text (named) or kept the winner already there
        CHECK((kept[order] == "Version de A" || kept[order] == "Version de B"));
    }
}

TEST_CASE("a laptop whose clock is five hours ahead: what another laptop did after seeing its change still wins") {
    Event ev;
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    FakeClock ahead;
    ahead.set(ev.clock.now() + 5 * 3600 * 1000);
    Engine::open(a, ahead)->apply(EditNote{ev.note1, std::string("Texte de A, à 13 h selon son horloge"), {}, {}, {}});
    ev.merge(b, a); // B receives A's edit…
    ev.clock.advance(60'000);
    ev.open(b)->apply(EditNote{ev.note1, std::string("Texte de B, écrit après avoir vu celui de A"), {}, {}, {}}); // …then edits, at 8 h
    // By the clocks A's edit is five hours later; by what each laptop had seen, B's comes after.
    auto report = ev.merge(ev.organiser, a);
    ev.merge(ev.organiser, b);
    CHECK(ev.open(ev.organiser)->state().find<Note>(ev.note1)->text == "Texte de B, écrit après avoir vu celui de A");
    ev.merge(a, ev.organiser);
    CHECK(ev.open(a)->state().find<Note>(ev.note1)->text == "Texte de B, écrit après avoir vu celui de A");
    // And the other way round into a fresh copy: the same.
    std::string c = ev.copy("c.db");
    ev.merge(c, b);
    ev.merge(c, a);
    CHECK(ev.dump(c) == ev.dump(a));
    CHECK(report.count(ConflictKind::LaterWins) == 0);
}

TEST_CASE("different fields of one row changed on two laptops both stay") {
    Event ev;
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    ev.clock.advance(1000);
    ev.open(a)->apply(EditNote{ev.note1, std::string("Texte de A"), {}, {}, {}});
    ev.clock.advance(1000);
    ev.open(b)->apply(MoveNotes{{{ev.note1, 300, 200}}, {}});
    ev.merge(ev.organiser, a);
    ev.merge(ev.organiser, b);
    auto organiser = ev.open(ev.organiser); // keeps the state the pointer below points into
    const Note* n = organiser->state().find<Note>(ev.note1);
    CHECK(n->text == "Texte de A");
    CHECK(n->x == 300);
}

TEST_CASE("a note deleted on one laptop and changed on another is kept, with the change") {
    Event ev;
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    SECTION("the delete came first") {
        ev.clock.advance(1000);
        ev.open(a)->apply(DeleteNotes{{ev.note1}});
        ev.clock.advance(1000);
        ev.open(b)->apply(EditNote{ev.note1, std::string("Reprise"), {}, {}, {}});
    }
    SECTION("the change came first") {
        ev.clock.advance(1000);
        ev.open(b)->apply(EditNote{ev.note1, std::string("Reprise"), {}, {}, {}});
        ev.clock.advance(1000);
        ev.open(a)->apply(DeleteNotes{{ev.note1}});
    }
    ev.merge(ev.organiser, a);
    auto report = ev.merge(ev.organiser, b);
    auto o = ev.open(ev.organiser);
    REQUIRE(o->state().find<Note>(ev.note1));
    CHECK(o->state().find<Note>(ev.note1)->text == "Reprise");
    CHECK(mentions(report, "note", ev.note1));
}

TEST_CASE("a team deleted by the organisers comes back when a laptop added a note to it") {
    Event ev;
    std::string a = ev.copy("a.db", ev.team1);
    ev.clock.advance(1000);
    ev.open(ev.organiser)->apply(DeleteTeam{ev.team1});
    ev.clock.advance(1000);
    Id note = ev.open(a)->apply(AddNote{{}, ev.team1, "Tard", "", 0, 0, {}, {}, {}, {}}).created[0];
    auto report = ev.merge(ev.organiser, a);
    auto o = ev.open(ev.organiser);
    CHECK(o->state().find<Team>(ev.team1));
    CHECK(o->state().find<Note>(note));
    CHECK(mentions(report, "team", ev.team1));
    CHECK(o->store().db().execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
}

TEST_CASE("votes cast on laptops arrive once and are never counted twice") {
    Event ev;
    Id round;
    {
        auto o = ev.open(ev.organiser);
        round = o->apply(OpenVoteRound{{}, ev.team1, 3, {}, VoteMode::Members}).created[0];
    }
    std::string a = ev.copy("a.db", ev.team1);
    ev.clock.advance(1000);
    ev.open(a)->apply(CastVote{round, ev.member1, ev.note1, {}, 2});
    ev.merge(ev.organiser, a);
    ev.merge(ev.organiser, a);
    std::string b = ev.copy("b.db");
    ev.merge(b, a);
    ev.merge(ev.organiser, b);
    CHECK(ev.open(ev.organiser)->state().votesUsedBy(round, ev.member1) == 2);
}

TEST_CASE("merging refuses another event, the file itself, and files that are not events") {
    Event ev;
    std::string other = ev.dir.file("other.db");
    {
        EventInfo info;
        info.name = "Strasbourg 2018";
        Engine::create(other, info, ev.clock);
    }
    auto o = ev.open(ev.organiser);
    std::string before = o->store().canonicalDump();
    CHECK_THROWS_WITH(o->mergeFrom(other), Catch::Contains("autre événement"));
    CHECK_THROWS_WITH(o->mergeFrom(ev.organiser), Catch::Contains("lui-même"));
    std::string text = ev.dir.file("notes.txt");
    writeBytes(text, "pas un événement");
    CHECK_THROWS_AS(o->mergeFrom(text), FileError);
    CHECK(o->store().canonicalDump() == before);
}

TEST_CASE("an undo on a laptop travels like any change") {
    Event ev;
    std::string a = ev.copy("a.db");
    {
        auto e = ev.open(a);
        ev.clock.advance(1000);
        e->apply(MoveNotes{{{ev.note1, 50, 50}}, {}});
        ev.clock.advance(1000);
        e->undo();
    }
    ev.merge(ev.organiser, a);
    CHECK(ev.open(ev.organiser)->state().find<Note>(ev.note1)->x == 0);
    CHECK(ev.dump(ev.organiser) == ev.dump(a));
}

namespace {

// One random gesture on a laptop, picked among what its state allows; refused ones are skipped.
void randomGesture(Engine& e, std::mt19937& rng, Id team, const std::vector<Id>& challenges, Id slot) {
    const auto& s = e.state();
    auto pick = [&](auto& rows) -> Id {
        if (rows.empty()) return {};
        auto it = rows.begin();
        std::advance(it, std::uniform_int_distribution<std::size_t>(0, rows.size() - 1)(rng));
        return it->first;
    };
    std::vector<Id> notes;
    for (const Note* n : s.notesOfTeam(team)) notes.push_back(n->id);
    std::sort(notes.begin(), notes.end());
    Id someNote = notes.empty() ? Id{} : notes[std::uniform_int_distribution<std::size_t>(0, notes.size() - 1)(rng)];
    double x = std::uniform_int_distribution<int>(0, 2000)(rng), y = std::uniform_int_distribution<int>(0, 1000)(rng);
    try {
        switch (std::uniform_int_distribution<int>(0, 9)(rng)) {
        case 0:
        case 1: e.apply(AddNote{{}, team, "Idée " + std::to_string(rng() % 1000), "", x, y, {}, {}, {}, {}}); break;
        case 2: if (someNote) e.apply(MoveNotes{{{someNote, x, y}}, {}}); break;
        case 3: if (someNote) e.apply(EditNote{someNote, "Texte " + std::to_string(rng() % 1000), {}, {}, {}}); break;
        case 4: if (someNote) e.apply(DeleteNotes{{someNote}}); break;
        case 5: if (someNote) e.apply(AddCluster{{}, team, "Groupe " + std::to_string(rng() % 100), "", x, y, {someNote}}); break;
        case 6: { // several laptops edit the same défi and the same slot
            Id c = challenges[rng() % challenges.size()];
            e.apply(EditChallenge{c, {}, "Comment faire " + std::to_string(rng() % 1000) + " ?", {}, {}, {}, {}, {}, {}, {}, {}});
            break;
        }
        case 7: e.apply(EditSlot{slot, {}, {}, {}, "Créneau " + std::to_string(rng() % 1000), {}, {}}); break;
        case 8: e.apply(SetPhase{team, static_cast<Phase>(rng() % 4)}); break;
        case 9: {
            Id cluster = pick(s.clusters);
            if (cluster && s.find<Cluster>(cluster)->teamId == team) e.apply(DissolveCluster{cluster});
            else if (e.canUndo()) e.undo();
            break;
        }
        }
    } catch (const ValidationError&) {
    }
}

} // namespace

TEST_CASE("14 laptops merged in any order give the same event, holding every change") {
    TempDir dir;
    FakeClock clock;
    std::string base = dir.file("base.db");
    std::vector<Id> teams, challenges;
    Id slot{9000};
    {
        EventInfo info;
        info.name = "Convergence";
        auto e = Engine::create(base, info, clock);
        e->apply(AddSlot{slot, "2018-07-09", "09:00", "10:00", "Accueil", SlotKind::Other, ""});
        for (int i = 1; i <= 14; ++i) {
            challenges.push_back(e->apply(AddChallenge{{}, i, "Comment " + std::to_string(i) + " ?", "", "", "", "", "", "", "", ""}).created[0]);
            teams.push_back(e->apply(AddTeam{{}, "Équipe " + std::to_string(i), "", challenges.back()}).created[0]);
        }
    }
    std::vector<std::string> laptops;
    for (int i = 0; i < 14; ++i) {
        laptops.push_back(dir.file("laptop" + std::to_string(i) + ".db"));
        copyEventFile(base, laptops.back(), "laptop", teams[static_cast<std::size_t>(i)]);
    }
    std::mt19937 rng(20180709);
    std::size_t totalEntries = 0;
    {
        std::vector<std::unique_ptr<Engine>> open;
        for (const auto& path : laptops) open.push_back(Engine::open(path, clock));
        // Interleaved in time: each step one laptop makes one gesture.
        for (int step = 0; step < 14 * 12; ++step) {
            clock.advance(std::uniform_int_distribution<int>(1, 3000)(rng));
            std::size_t who = rng() % 14;
            // Two laptops share défi 1's team and challenges 1-2, to make real conflicts.
            Id team = who < 2 ? teams[0] : teams[who];
            randomGesture(*open[who], rng, team, {challenges[0], challenges[1]}, slot);
        }
        for (auto& e : open) totalEntries += e->journal().size();
    }
    std::size_t baseEntries = Engine::open(base, clock)->journal().size();
    std::size_t expectedEntries = totalEntries - 14 * baseEntries + baseEntries;

    auto mergeAllInto = [&](const std::string& target, std::vector<std::size_t> order) {
        for (std::size_t i : order) Engine::open(target, clock)->mergeFrom(laptops[i]);
    };
    std::vector<std::string> results;
    for (int trial = 0; trial < 3; ++trial) {
        std::string target = dir.file("organiser" + std::to_string(trial) + ".db");
        std::filesystem::copy_file(base, target);
        std::vector<std::size_t> order(14);
        for (std::size_t i = 0; i < 14; ++i) order[i] = i;
        std::shuffle(order.begin(), order.end(), rng);
        mergeAllInto(target, order);
        auto e = Engine::open(target, clock);
        CHECK(e->journal().size() == expectedEntries);
        CHECK(e->store().db().execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
        results.push_back(e->store().canonicalDump());
    }
    CHECK(results[0] == results[1]);
    CHECK(results[1] == results[2]);

    // A chain through laptops converges too: 0 <- 1 <- … <- 13 then back out.
    for (std::size_t i = 13; i > 0; --i) Engine::open(laptops[i - 1], clock)->mergeFrom(laptops[i]);
    CHECK(Engine::open(laptops[0], clock)->store().canonicalDump() == results[0]);
}
