// Joint repairs (sync/joint_repairs.hpp): two copies each within the rules break them together;
// the merge finds it with the one validation (core/rules/), repairs it by its written rule, says
// so in one sentence, and the result passes both rules::checkState and `atelier check`'s own SQL
// rules, the same in both merge directions.
#include "rules/row_rules.hpp"
#include "storage/content_check.hpp"
#include "storage/store.hpp"
#include "sync/merge_report.hpp"
#include "sync/replica.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace atelier;
using namespace atelier::test;

namespace {

struct Event {
    TempDir dir;
    FakeClock clock;
    std::string organiser = dir.file("organisateurs.db");
    Id challenge{101}, team5{205}, team1{201}, awa{401}, bruno{402}, note{501}, cluster{601}, round{701};

    Event() {
        EventInfo info;
        info.name = "Rennes 2018";
        auto e = Engine::create(organiser, info, clock);
        e->apply(AddChallenge{challenge, 5, "Comment simplifier les inscriptions ?", "Ville de Rennes", "", "", "", "", "", "", ""});
        e->apply(AddTeam{team1, "Équipe 1", "", {}});
        e->apply(AddTeam{team5, "Équipe 5", "", challenge});
        e->apply(AddMember{awa, team5, "Awa", "", Role::Participant});
        e->apply(AddMember{bruno, team5, "Bruno", "", Role::Participant});
        e->apply(AddNote{note, team5, "Un guichet unique", "", 0, 0, {}, {}, {}, {}});
        e->apply(AddCluster{cluster, team5, "Accueil", "", 300, 300, {}});
        e->apply(OpenVoteRound{round, team5, 3, {}, VoteMode::Members});
    }
    std::string copy(const std::string& name) {
        std::string path = dir.file(name);
        copyEventFile(organiser, path, name, {});
        return path;
    }
    std::unique_ptr<Engine> open(const std::string& path) { return Engine::open(path, clock); }
    std::string dump(const std::string& path) { return open(path)->store().canonicalDump(); }

    // A into B and B into A, then the checks every repair must pass. Returns A's report.
    MergeReport mergeBothWays(const std::string& a, const std::string& b) {
        clock.advance(1000);
        MergeReport report = open(a)->mergeFrom(b);
        open(b)->mergeFrom(a);
        CHECK(dump(a) == dump(b));
        auto e = open(a);
        auto offences = rules::checkState(e->store().loadAll(), 5);
        CHECK(offences.empty());
        for (const auto& o : offences) UNSCOPED_INFO(o.table << " " << o.field << ": " << o.message);
        auto breaks = findRuleBreaks(e->store().db(), 5);
        CHECK(breaks.empty());
        for (const auto& b2 : breaks) UNSCOPED_INFO(b2.text());
        return report;
    }
};

bool repaired(const MergeReport& report, const std::string& words) {
    return std::any_of(report.conflicts.begin(), report.conflicts.end(),
                       [&](const MergeConflict& c) { return c.kind == ConflictKind::Repaired && c.what.find(words) != std::string::npos; });
}

} // namespace

TEST_CASE("repairs: one member's dots cast on two copies over the round's budget: the latest excess is given back") {
    Event ev;
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    ev.open(a)->apply(CastVote{ev.round, ev.awa, ev.note, {}, 2});
    ev.open(b)->apply(CastVote{ev.round, ev.awa, {}, ev.cluster, 2}); // 4 in all, the budget is 3
    MergeReport report = ev.mergeBothWays(a, b);
    auto e = ev.open(a);
    int dots = 0;
    for (const auto& [id, v] : e->state().votes) dots += v.count;
    CHECK(dots == 3);
    CHECK(repaired(report, "Awa avait posé plus de gommettes que permis en votant sur deux copies : 1 gommette rendue."));
    CHECK(report.count(ConflictKind::Repaired) == 1);
}

TEST_CASE("repairs: two vote rounds opened at once on one team: the one opened last stays open") {
    Event ev;
    ev.open(ev.organiser)->apply(CloseVoteRound{ev.round});
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    ev.clock.advance(1000);
    Id first = ev.open(a)->apply(OpenVoteRound{{}, ev.team5, 3, {}, VoteMode::Members}).created[0];
    ev.clock.advance(1000);
    Id second = ev.open(b)->apply(OpenVoteRound{{}, ev.team5, 5, {}, VoteMode::Members}).created[0];
    MergeReport report = ev.mergeBothWays(a, b);
    auto e = ev.open(a);
    CHECK(e->state().find<VoteRound>(first)->closed);
    CHECK_FALSE(e->state().find<VoteRound>(second)->closed);
    CHECK(repaired(report, "Deux votes étaient ouverts en même temps pour l'équipe « Équipe 5 » : le plus ancien est clos"));
}

TEST_CASE("repairs: two défis numbered 15 on two copies: the first keeps it, the other takes the next free number") {
    Event ev;
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    Id one = ev.open(a)->apply(AddChallenge{Id{900}, 15, "Comment accueillir ?", "", "", "", "", "", "", "", ""}).created[0];
    Id two = ev.open(b)->apply(AddChallenge{Id{901}, 15, "Comment informer ?", "", "", "", "", "", "", "", ""}).created[0];
    MergeReport report = ev.mergeBothWays(a, b);
    auto e = ev.open(a);
    CHECK(e->state().find<Challenge>(one)->number == 15);
    CHECK(e->state().find<Challenge>(two)->number == 16);
    CHECK(repaired(report, "Deux défis portaient le numéro 15 : le second devient le défi 16."));
}

TEST_CASE("repairs: two teams given one name on two copies: the second is told apart") {
    Event ev;
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    Id one = ev.open(a)->apply(AddTeam{Id{910}, "Équipe 9", "", {}}).created[0];
    Id two = ev.open(b)->apply(AddTeam{Id{911}, "Équipe 9", "", {}}).created[0];
    MergeReport report = ev.mergeBothWays(a, b);
    auto e = ev.open(a);
    CHECK(e->state().find<Team>(one)->name == "Équipe 9");
    CHECK(e->state().find<Team>(two)->name == "Équipe 9 (2)");
    CHECK(repaired(report, "Deux équipes s'appelaient « Équipe 9 » : la seconde s'appelle maintenant « Équipe 9 (2) »."));
}

TEST_CASE("repairs: a member moved to another team on one copy while voting on their board on another stays with their dots") {
    Event ev;
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    ev.open(a)->apply(EditMember{ev.bruno, ev.team1, {}, {}, {}}); // no work yet there: the move is allowed
    ev.open(b)->apply(CastVote{ev.round, ev.bruno, ev.note, {}, 2});
    MergeReport report = ev.mergeBothWays(a, b);
    auto e = ev.open(a);
    CHECK(e->state().find<Member>(ev.bruno)->teamId == ev.team5);
    int dots = 0;
    for (const auto& [id, v] : e->state().votes) dots += v.count;
    CHECK(dots == 2); // nothing given back
    CHECK(repaired(report, "Le membre « Bruno » est resté dans l'équipe « Équipe 5 »"));
}

TEST_CASE("repairs: two members of one team given one name on two copies keep it, as the actions allow it") {
    Event ev;
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    ev.open(a)->apply(AddMember{Id{920}, ev.team1, "Chloé", "", Role::Participant});
    ev.open(b)->apply(AddMember{Id{921}, ev.team1, "Chloé", "", Role::Participant});
    MergeReport report = ev.mergeBothWays(a, b);
    auto e = ev.open(a);
    CHECK(e->state().find<Member>(Id{920})->name == "Chloé");
    CHECK(e->state().find<Member>(Id{921})->name == "Chloé");
    CHECK(report.count(ConflictKind::Repaired) == 0);
    // The same as on one laptop, where a second « Chloé » is accepted.
    CHECK_NOTHROW(e->apply(AddMember{{}, ev.team1, "Chloé", "", Role::Participant}));
}

TEST_CASE("repairs: a new version made on one copy while its first version was deleted on another heads its lineage") {
    Event ev;
    Id first = ev.open(ev.organiser)->apply(AddPrototype{Id{930}, ev.team5, "Maquette", "", PrototypeFormat::Mockup, PrototypeStatus::Draft, "", {}, {}}).created[0];
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    Id second = ev.open(a)->apply(AddPrototypeVersion{Id{931}, first, std::string("Maquette v2"), {}, {}, {}}).created[0];
    ev.open(b)->apply(DeletePrototype{first});
    MergeReport report = ev.mergeBothWays(a, b);
    auto e = ev.open(a);
    REQUIRE(e->state().find<Prototype>(second));
    CHECK(e->state().find<Prototype>(second)->lineageId == second);
    CHECK(repaired(report, "la version 2 est maintenant la première de la lignée"));
    // On one laptop, deleting a first version makes the next one head the lineage at once.
    Id third = e->apply(AddPrototypeVersion{{}, second, std::string("Maquette v3"), {}, {}, {}}).created[0];
    e->apply(DeletePrototype{second});
    CHECK(e->state().find<Prototype>(third)->lineageId == third);
    CHECK(rules::checkState(e->store().loadAll()).empty());
}

TEST_CASE("dots: the same dots withdrawn on three copies at once are withdrawn once, and the report says so") {
    Event ev;
    ev.open(ev.organiser)->apply(CastVote{ev.round, ev.awa, ev.note, {}, 2});
    std::string a = ev.copy("a.db"), b = ev.copy("b.db"), c = ev.copy("c.db");
    for (const auto& path : {a, b, c}) ev.open(path)->apply(WithdrawVote{ev.round, ev.awa, ev.note, {}, 1});
    MergeReport report = ev.open(a)->mergeFrom(std::vector<std::string>{b, c});
    ev.open(b)->mergeFrom(a);
    CHECK(ev.dump(a) == ev.dump(b));
    auto e = ev.open(a);
    CHECK(e->state().votes.empty()); // 2 dots, 3 withdrawals: none left, never fewer than none
    REQUIRE(report.count(ConflictKind::Overdrawn) == 1);
    auto line = std::find_if(report.conflicts.begin(), report.conflicts.end(),
                             [](const MergeConflict& m) { return m.kind == ConflictKind::Overdrawn; });
    CHECK(line->what == "Sur le post-it « Un guichet unique » de l'équipe « Équipe 5 », 1 gommette déjà retirée sur une autre copie : "
                        "rien de plus à retirer pour Awa.");
    CHECK(line->dots == -1);
    CHECK_THAT(formatMergeReport("b.db", report, EventState{}, e->state()), Catch::Contains("1 retrait de gommettes fait deux fois"));
}

// Seed 839 of the property test: the member's move arrives with dots cast on the new board, and
// another copy's dots cast on the old one. A voter must belong to the voting team, and a dot
// cannot lose its voter as a note its author: the member stays in their team, the dots on the
// other board are given back, in one named repair.
TEST_CASE("repairs: a member moved on one copy and voting on both boards keeps the team they are in; the other board's dots are given back") {
    Event ev;
    Id round1{702};
    std::string a = ev.copy("a.db"), v = ev.copy("v.db");
    {
        auto e = ev.open(a);
        e->apply(EditMember{ev.bruno, ev.team1, {}, {}, {}});
        e->apply(AddNote{Id{502}, ev.team1, "Un accueil mobile", "", 0, 0, {}, {}, {}, {}});
        e->apply(OpenVoteRound{round1, ev.team1, 3, {}, VoteMode::Members});
        e->apply(CastVote{round1, ev.bruno, Id{502}, {}, 1});
    }
    ev.open(v)->apply(CastVote{ev.round, ev.bruno, ev.note, {}, 2}); // on Équipe 5's board, the move unseen
    MergeReport report = ev.mergeBothWays(a, v);
    for (const auto& c : report.conflicts) UNSCOPED_INFO(c.what);
    auto e = ev.open(a);
    const Member* bruno = e->state().find<Member>(ev.bruno);
    REQUIRE(bruno);
    int dots = 0;
    for (const auto& [id, vote] : e->state().votes) {
        CHECK(vote.memberId == ev.bruno);
        const VoteRound* r = e->state().find<VoteRound>(vote.roundId);
        REQUIRE(r);
        CHECK(r->teamId == bruno->teamId); // only dots on the board of the team he is in
        dots += vote.count;
    }
    // Whichever board he stays on (the replay order of the two copies decides), the report names
    // the dots given back on the other, and the dots add up to what was cast minus those.
    int givenBack = 0;
    for (const auto& c : report.conflicts)
        if (c.kind == ConflictKind::Repaired && c.table == "vote") givenBack += c.dots;
    CHECK(givenBack > 0);
    CHECK(dots + givenBack == 3);
    CHECK((repaired(report, "de « Bruno » sur le post-it « Un guichet unique » de l'équipe « Équipe 5 »") ||
           repaired(report, "de « Bruno » sur le post-it « Un accueil mobile » de l'équipe « Équipe 1 »")));
    CHECK(repaired(report, "ce membre avait voté sur les deux murs"));
}

// Seed 817 of the property test: a member deleted on one copy while moved on another. The move
// is then undone by a repair (he had voted on his board), so the row is again as the delete saw
// it and SQLite finds no conflict; the member stays all the same, decided from causality.
TEST_CASE("edit/delete: a member deleted on one copy while moved on another stays, even once a repair took the move back") {
    Event ev;
    std::string mover = ev.copy("a.db"), voter = ev.copy("v.db"), deleter = ev.copy("d.db");
    ev.open(mover)->apply(EditMember{ev.bruno, ev.team1, {}, {}, {}});
    ev.open(voter)->apply(CastVote{ev.round, ev.bruno, ev.note, {}, 1});
    ev.open(deleter)->mergeFrom(voter); // the delete sees the vote, not the move
    ev.open(deleter)->apply(DeleteMember{ev.bruno});
    std::string into = ev.copy("o.db");
    MergeReport report = ev.open(into)->mergeFrom(std::vector<std::string>{mover, voter, deleter});
    for (const auto& c : report.conflicts) UNSCOPED_INFO(c.what);
    auto e = ev.open(into);
    REQUIRE(e->state().find<Member>(ev.bruno));
    CHECK(e->state().find<Member>(ev.bruno)->teamId == ev.team5);
    int dots = 0;
    for (const auto& [id, vote] : e->state().votes) dots += vote.count;
    CHECK(dots == 1); // what the kept member's delete took comes back with him
    CHECK(std::any_of(report.conflicts.begin(), report.conflicts.end(), [](const MergeConflict& c) {
        return c.kind == ConflictKind::Kept && c.what.find("Le membre « Bruno » de l'équipe « Équipe 5 » a été gardé : supprimé sur une copie") != std::string::npos;
    }));
    e.reset();
    // Every other order and direction reaches the same file.
    MergeReport back = ev.mergeBothWays(deleter, into);
    ev.mergeBothWays(mover, into);
    CHECK(ev.dump(mover) == ev.dump(deleter));
}
