// The six cases of issue 13, as named regression tests, the report's wording checked; plus a
// multi-copy merge killed at random moments (all or nothing) and the undo history after a merge.
#include "model/errors.hpp"
#include "model/language.hpp"
#include "storage/store.hpp"
#include "sync/merge_report.hpp"
#include "sync/replica.hpp"
#include "support.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

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
        e->apply(OpenVoteRound{round, team5, 9, {}, VoteMode::Members});
    }
    std::string copy(const std::string& name, Id team = {}) {
        std::string path = dir.file(name);
        copyEventFile(organiser, path, name, team);
        return path;
    }
    std::unique_ptr<Engine> open(const std::string& path) { return Engine::open(path, clock); }
    std::string dump(const std::string& path) { return open(path)->store().canonicalDump(); }
    MergeReport merge(const std::string& into, const std::string& from) { return open(into)->mergeFrom(from); }
    int dots(const std::string& path) {
        auto e = open(path);
        int n = 0;
        for (const auto& [id, v] : e->state().votes) n += v.count;
        return n;
    }
};

bool says(const MergeReport& report, ConflictKind kind, const std::string& words) {
    return std::any_of(report.conflicts.begin(), report.conflicts.end(),
                       [&](const MergeConflict& c) { return c.kind == kind && c.what.find(words) != std::string::npos; });
}

} // namespace

TEST_CASE("case 1: a team deleted on the organisers' file keeps the 50 notes its laptop wrote meanwhile") {
    for (bool deleteFirst : {true, false}) {
        Event ev;
        std::string laptop = ev.copy("equipe5.db", ev.team5);
        {
            auto o = ev.open(ev.organiser);
            if (deleteFirst) o->apply(DeleteTeam{ev.team5});
        }
        {
            auto e = ev.open(laptop);
            for (int i = 0; i < 50; ++i) {
                ev.clock.advance(1000);
                e->apply(AddNote{{}, ev.team5, "idée " + std::to_string(i + 1), "", double(i * 10), 0, {}, {}, {}, {}});
            }
        }
        if (!deleteFirst) ev.open(ev.organiser)->apply(DeleteTeam{ev.team5});
        auto report = ev.merge(ev.organiser, laptop);
        auto o = ev.open(ev.organiser);
        REQUIRE(o->state().find<Team>(ev.team5));
        CHECK(o->state().notesOfTeam(ev.team5).size() == 51); // the 50, and the one its delete took along
        CHECK(o->state().find<Member>(ev.awa));
        // One sentence names the team by its name and says why it is back.
        // Feminine: « l'équipe … a été rétablie : supprimée … ».
        CHECK(says(report, ConflictKind::BroughtBack, "L'équipe « Équipe 5 » a été rétablie : supprimée sur une copie"));
        CHECK(says(report, ConflictKind::BroughtBack, "Supprimer l'équipe « Équipe 5 »"));
        // The note that brought it back is named without repeating its team (« y » says where).
        CHECK(says(report, ConflictKind::BroughtBack, "), le post-it « idée "));
        CHECK(says(report, ConflictKind::BroughtBack, " y avait été ajouté en même temps sur une autre."));
        std::string text = formatMergeReport(laptop, report, EventState{}, o->state());
        CHECK_THAT(text, Catch::Contains("rétablie"));
        // What came back with the team, counted by kind on one line: its 2 members, its note.
        o.reset();
        // And back into the laptop: nothing is deleted there either, and its report never says
        // the team was deleted (the delete replayed there is taken back in the same merge).
        auto back = ev.merge(laptop, ev.organiser);
        for (const auto& c : back.conflicts) UNSCOPED_INFO(c.what);
        CHECK_FALSE(std::any_of(back.conflicts.begin(), back.conflicts.end(), [](const MergeConflict& c) {
            return c.kind == ConflictKind::Removed || (c.kind == ConflictKind::Restored && (c.table == "member" || c.table == "note"));
        }));
        if (!deleteFirst) CHECK(says(back, ConflictKind::BroughtBack, "L'équipe « Équipe 5 » a été rétablie"));
        CHECK(ev.open(laptop)->state().notesOfTeam(ev.team5).size() == 51);
        CHECK(ev.dump(laptop) == ev.dump(ev.organiser));
    }
}

TEST_CASE("case 1c: a team deleted on a laptop while the organisers added notes to it comes back once, said in one sentence") {
    Event ev;
    std::string laptop = ev.copy("equipe5.db", ev.team5);
    {
        auto o = ev.open(ev.organiser);
        for (int i = 0; i < 5; ++i) o->apply(AddNote{{}, ev.team5, "idée des organisateurs " + std::to_string(i + 1), "", 0, 0, {}, {}, {}, {}});
    }
    {
        auto e = ev.open(laptop);
        for (int i = 0; i < 3; ++i) e->apply(AddNote{{}, ev.team1, "travail " + std::to_string(i + 1), "", 0, 0, {}, {}, {}, {}});
        e->apply(DeleteTeam{ev.team5}); // replayed after the organisers' notes: all five point at it at once
    }
    auto report = ev.merge(ev.organiser, laptop);
    for (const auto& c : report.conflicts) UNSCOPED_INFO(c.what);
    auto o = ev.open(ev.organiser);
    REQUIRE(o->state().find<Team>(ev.team5));
    CHECK(o->state().notesOfTeam(ev.team5).size() == 6);
    CHECK(report.count(ConflictKind::BroughtBack) == 1);
    CHECK(says(report, ConflictKind::BroughtBack, "L'équipe « Équipe 5 » a été rétablie : supprimée sur une copie (« Supprimer l'équipe « Équipe 5 » »), le post-it « idée des organisateurs "));
}

TEST_CASE("case 1b: a team deleted after its laptop's work was merged stays deleted, and the report names what it took") {
    Event ev;
    std::string laptop = ev.copy("equipe5.db", ev.team5);
    ev.open(laptop)->apply(AddNote{{}, ev.team5, "idée du portable", "", 0, 0, {}, {}, {}, {}});
    ev.merge(ev.organiser, laptop);
    ev.open(ev.organiser)->apply(DeleteTeam{ev.team5}); // seen: the delete stands
    auto report = ev.merge(laptop, ev.organiser);
    CHECK_FALSE(ev.open(laptop)->state().find<Team>(ev.team5));
    CHECK(says(report, ConflictKind::Removed, "L'équipe « Équipe 5 » a été supprimée (« "));
    CHECK(says(report, ConflictKind::Removed, "Le post-it « idée du portable » de l'équipe « Équipe 5 » a été supprimé avec ce qui le portait"));
}

TEST_CASE("report wording: every sentence agrees with the gender and number of what it names, and counts by the plural rule") {
    Event ev;
    {
        auto o = ev.open(ev.organiser);
        o->apply(CastVote{ev.round, ev.awa, ev.note, {}, 1});
        o->apply(CastVote{ev.round, ev.bruno, {}, ev.cluster, 2});
    }
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    ev.open(a)->apply(EditCluster{ev.cluster, std::string("Accueil des usagers"), {}});
    ev.open(b)->apply(DissolveCluster{ev.cluster});
    ev.open(b)->apply(DeleteNotes{{ev.note}}); // seen by nobody else: the delete stands, its dot goes
    auto report = ev.merge(a, b);
    for (const auto& c : report.conflicts) UNSCOPED_INFO(c.what);
    // A masculine thing kept (or brought back, as the replay order of the two has it), a dot
    // given back in the singular.
    CHECK((says(report, ConflictKind::Kept, "Le regroupement « Accueil des usagers » de l'équipe « Équipe 5 » a été gardé : supprimé sur une copie") ||
           says(report, ConflictKind::BroughtBack, "Le regroupement « Accueil » de l'équipe « Équipe 5 » a été rétabli avec la modification")));
    CHECK(says(report, ConflictKind::Removed, "Le post-it « Un guichet unique » de l'équipe « Équipe 5 » a été supprimé (« "));
    CHECK(says(report, ConflictKind::Removed, "1 gommette rendue sur le post-it « Un guichet unique »"));
    for (const auto& c : report.conflicts) {
        CHECK_THAT(c.what, !Catch::Contains("(s)") && !Catch::Contains("La regroupement") && !Catch::Contains("L'équipe « Équipe 5 » a été rétabli ") &&
                               !Catch::Contains("« text »") && !Catch::Contains("« title »"));
    }
    // Feminine plural: dots brought back with their note.
    Event ev2;
    ev2.open(ev2.organiser)->apply(CastVote{ev2.round, ev2.awa, ev2.note, {}, 2});
    std::string v = ev2.copy("v.db"), d = ev2.copy("d.db");
    ev2.open(v)->apply(CastVote{ev2.round, ev2.bruno, ev2.note, {}, 1});
    ev2.open(d)->apply(DeleteNotes{{ev2.note}});
    auto back = ev2.merge(d, v);
    for (const auto& c : back.conflicts) UNSCOPED_INFO(c.what);
    bool plural = false;
    for (const auto& c : back.conflicts) {
        if (c.table == "vote" && c.kind == ConflictKind::Restored) {
            CHECK_THAT(c.what, Catch::Contains("sont revenues avec ce qui les portait (supprimées par") || Catch::Contains("sont revenues :"));
            plural = true;
        }
        if (c.kind == ConflictKind::BroughtBack && c.what.find(" gommettes ") != std::string::npos) {
            CHECK_THAT(c.what, Catch::Contains("y avaient été ajoutées en même temps") || Catch::Contains("y avaient été changées en même temps"));
            plural = true;
        }
    }
    CHECK(plural);
    CHECK(ev2.dots(d) == 3);
    // The English report says the same, without French agreement.
    setMessageLanguage(Language::English);
    Event ev3;
    std::string e1 = ev3.copy("e1.db"), e2 = ev3.copy("e2.db");
    ev3.open(e1)->apply(EditNote{ev3.note, std::string("A one-stop desk"), {}, {}, {}});
    ev3.open(e2)->apply(DeleteNotes{{ev3.note}});
    auto english = ev3.merge(e1, e2);
    setMessageLanguage(Language::French);
    CHECK((says(english, ConflictKind::Kept, "The note \"A one-stop desk\" of the team \"Équipe 5\" was kept: deleted on one copy") ||
           says(english, ConflictKind::BroughtBack, "The note \"Un guichet unique\" of the team \"Équipe 5\" was brought back with the change")));
}

TEST_CASE("case 2: a voted note edited on one copy and deleted on another keeps its note and its 9 dots") {
    Event ev;
    {
        auto o = ev.open(ev.organiser);
        o->apply(CastVote{ev.round, ev.awa, ev.note, {}, 5});
        o->apply(CastVote{ev.round, ev.bruno, ev.note, {}, 4});
    }
    std::string a = ev.copy("a.db"), b = ev.copy("b.db");
    REQUIRE(ev.dots(a) == 9);
    ev.open(a)->apply(EditNote{ev.note, std::string("Un guichet unique, en mairie"), {}, {}, {}});
    ev.open(b)->apply(DeleteNotes{{ev.note}});
    for (int order = 0; order < 2; ++order) {
        std::string into = ev.copy(order ? "o1.db" : "o2.db");
        auto first = ev.merge(into, order ? a : b);
        auto second = ev.merge(into, order ? b : a);
        auto s = ev.open(into);
        REQUIRE(s->state().find<Note>(ev.note));
        CHECK(s->state().find<Note>(ev.note)->text == "Un guichet unique, en mairie");
        s.reset();
        CHECK(ev.dots(into) == 9);
        bool named = says(first, ConflictKind::Kept, "post-it « Un guichet unique") || says(second, ConflictKind::Kept, "post-it « Un guichet unique") ||
                     says(first, ConflictKind::BroughtBack, "post-it « Un guichet unique") ||
                     says(second, ConflictKind::BroughtBack, "post-it « Un guichet unique");
        CHECK(named);
    }
}

TEST_CASE("case 3: a dot cast on a note or a regroupement deleted on another copy: every merge succeeds, the dot stays on its target") {
    for (int variant = 0; variant < 2; ++variant) { // 0: delete the note; 1: dissolve the regroupement
        Event ev;
        std::string voter = ev.copy("v.db"), deleter = ev.copy("d.db");
        if (variant == 0) ev.open(voter)->apply(CastVote{ev.round, ev.awa, ev.note, {}, 1});
        else ev.open(voter)->apply(CastVote{ev.round, ev.awa, {}, ev.cluster, 1});
        {
            auto d = ev.open(deleter);
            if (variant == 0) d->apply(DeleteNotes{{ev.note}});
            else d->apply(DissolveCluster{ev.cluster});
            d->apply(AddNote{{}, ev.team1, "autre travail de D", "", 0, 0, {}, {}, {}, {}});
        }
        // Every direction.
        REQUIRE_NOTHROW(ev.merge(voter, deleter));
        REQUIRE_NOTHROW(ev.merge(deleter, voter));
        REQUIRE_NOTHROW(ev.merge(ev.organiser, deleter));
        REQUIRE_NOTHROW(ev.merge(ev.organiser, voter));
        CHECK(ev.dump(voter) == ev.dump(deleter));
        CHECK(ev.dump(voter) == ev.dump(ev.organiser));
        CHECK(ev.dots(ev.organiser) == 1);
        auto o = ev.open(ev.organiser);
        if (variant == 0) CHECK(o->state().find<Note>(ev.note));
        else CHECK(o->state().find<Cluster>(ev.cluster));
        CHECK(o->state().notesOfTeam(ev.team1).size() == 1); // D's other work arrived
    }
}

TEST_CASE("case 3b: random work on one shared board by several copies converges in every merge order") {
    Event ev;
    std::vector<std::string> copies;
    for (int i = 0; i < 4; ++i) copies.push_back(ev.copy("c" + std::to_string(i) + ".db"));
    ev.open(copies[0])->apply(CastVote{ev.round, ev.awa, ev.note, {}, 2});
    ev.open(copies[1])->apply(DeleteNotes{{ev.note}});
    ev.open(copies[2])->apply(DissolveCluster{ev.cluster});
    ev.open(copies[3])->apply(MoveNotes{{{ev.note, 310, 310}}, ev.cluster});
    std::vector<int> order{0, 1, 2, 3};
    std::string reference;
    do {
        std::string into = ev.dir.file("into.db");
        for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(into + s);
        copyEventFile(ev.organiser, into, "", {});
        for (int i : order) REQUIRE_NOTHROW(ev.merge(into, copies[static_cast<std::size_t>(i)]));
        std::string dump = ev.dump(into);
        if (reference.empty()) reference = dump;
        CHECK(dump == reference);
    } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("case 4: a merge of five copies killed at random moments leaves INTO as it was or fully merged (30 kills)") {
    Event ev;
    std::vector<std::string> copies;
    for (int i = 0; i < 5; ++i) {
        copies.push_back(ev.copy("k" + std::to_string(i) + ".db"));
        auto e = ev.open(copies.back());
        for (int n = 0; n < 40; ++n) e->apply(AddNote{{}, ev.team5, "note " + std::to_string(i) + "-" + std::to_string(n), "", 0, 0, {}, {}, {}, {}});
    }
    std::string before = ev.dump(ev.organiser);
    std::string merged;
    {
        std::string full = ev.copy("reference.db");
        ev.open(full)->mergeFrom(copies);
        merged = ev.dump(full);
    }
    // How long a whole merge takes here, to spread the kills over it.
    auto t0 = std::chrono::steady_clock::now();
    {
        std::string timing = ev.copy("timing.db");
        ev.open(timing)->mergeFrom(copies);
    }
    long micros = std::max<long>(1000, std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count());
    std::mt19937 rng(13);
    int asBefore = 0, complete = 0;
    for (int kill = 0; kill < 30; ++kill) {
        std::string into = ev.dir.file("kill" + std::to_string(kill) + ".db");
        copyEventFile(ev.organiser, into, "", {});
        std::string start = ev.dump(into);
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            try {
                FakeClock clock;
                Engine::open(into, clock)->mergeFrom(copies);
            } catch (...) {
            }
            _exit(0);
        }
        usleep(static_cast<useconds_t>(std::uniform_int_distribution<long>(0, micros * 3 / 2)(rng)));
        ::kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        std::string after = ev.dump(into);
        // Identities aside (a copy's own rows are the same), the content is one of the two.
        bool same = after == start, full = after == merged;
        CHECK((same || full));
        asBefore += same;
        complete += full;
    }
    CHECK(before.size() > 0);
    INFO("as before: " << asBefore << ", fully merged: " << complete);
    CHECK(asBefore + complete == 30);
}

TEST_CASE("case 5: a hand-damaged copy is refused by name, nothing is merged, INTO is untouched") {
    struct Damage {
        const char* name;
        const char* sql;
        const char* words;
    };
    const Damage damages[] = {
        {"payload emptied", "UPDATE journal SET changes = x'' WHERE rowid = (SELECT max(rowid) FROM journal)", "ne correspond plus"},
        // (The schema forbids a NULL payload; its checksum can be set to NULL.)
        {"checksum NULL", "UPDATE journal SET checksum = NULL WHERE rowid = (SELECT max(rowid) FROM journal)", "ne correspond plus"},
        {"payload replaced", "UPDATE journal SET changes = x'0102' WHERE rowid = (SELECT max(rowid) FROM journal)", "ne correspond plus"},
        {"journal wiped", "DELETE FROM journal", "vidé ou raccourci"},
        {"an entry's id changed", "UPDATE journal SET id = id + 1 WHERE rowid = (SELECT max(rowid) FROM journal)", "ne correspond plus"},
        {"no replica row", "DELETE FROM replica", "replica"},
        {"no journal table", "DROP TABLE journal", "pas de journal"},
    };
    for (const auto& damage : damages) {
        INFO(damage.name);
        Event ev;
        std::string sound = ev.copy("saine.db"), broken = ev.copy("abimee.db");
        ev.open(sound)->apply(AddNote{{}, ev.team5, "travail sain", "", 0, 0, {}, {}, {}, {}});
        ev.open(broken)->apply(AddNote{{}, ev.team5, "travail abîmé", "", 0, 0, {}, {}, {}, {}});
        {
            SQLite::Database db(broken, SQLite::OPEN_READWRITE);
            db.exec(damage.sql);
        }
        std::string before = readBytes(ev.organiser);
        auto o = ev.open(ev.organiser);
        // In one command with a sound copy: the whole command merges nothing.
        try {
            o->mergeFrom(std::vector<std::string>{sound, broken});
            FAIL("merged a damaged copy");
        } catch (const FileError& e) {
            std::string what = e.what();
            CHECK_THAT(what, Catch::Contains("abimee.db") && Catch::Contains(damage.words) && Catch::Contains("Rien n'a été fusionné"));
            CHECK_THAT(what, !Catch::Contains("SQLite") && !Catch::Contains("inattendue"));
        }
        o.reset();
        CHECK(readBytes(ev.organiser) == before);
    }
}

TEST_CASE("undo after a merge: the undo history ends with the merge (the Fichiers screen says so before merging)") {
    Event ev;
    std::string laptop = ev.copy("portable.db");
    ev.open(laptop)->apply(AddNote{{}, ev.team1, "du portable", "", 0, 0, {}, {}, {}, {}});
    auto o = ev.open(ev.organiser);
    o->apply(AddNote{{}, ev.team1, "des organisateurs", "", 0, 0, {}, {}, {}, {}});
    REQUIRE(o->canUndo());
    o->mergeFrom(laptop);
    CHECK_FALSE(o->canUndo());
    CHECK(o->undo().empty()); // nothing undone: the merge's work and the note before it stay
    CHECK(o->state().notesOfTeam(ev.team1).size() == 2);
}

// Seed 62072 of the property test: a note grouped on one copy, the regroupement it left
// dissolved on another (that copy's « sans regroupement » wins the column), then the note
// deleted there. The row is again as the delete saw it, so SQLite finds no conflict; the note
// stays all the same, decided from causality: its delete never saw the move. Ids are drawn at
// random and decide which concurrent change replays first: eight events try both orders.
TEST_CASE("edit/delete: a note deleted after a later change overwrote a concurrent move stays, in both replay orders") {
    for (int run = 0; run < 8; ++run) {
        Event ev;
        {
            auto o = ev.open(ev.organiser);
            o->apply(MoveNotes{{{ev.note, 0, 0}}, ev.cluster});
        }
        std::string grouper = ev.copy("g.db"), deleter = ev.copy("d.db");
        ev.open(grouper)->apply(AddCluster{{}, ev.team5, "Guichets", "", 600, 300, {ev.note}});
        {
            auto d = ev.open(deleter);
            d->apply(DissolveCluster{ev.cluster});
            d->apply(DeleteNotes{{ev.note}});
        }
        auto report = ev.merge(grouper, deleter);
        for (const auto& c : report.conflicts) UNSCOPED_INFO(c.what);
        CHECK(ev.open(grouper)->state().find<Note>(ev.note));
        CHECK((says(report, ConflictKind::Kept, "Le post-it « Un guichet unique » de l'équipe « Équipe 5 » a été gardé : supprimé sur une copie") ||
               says(report, ConflictKind::BroughtBack, "Le post-it « Un guichet unique »")));
        ev.merge(deleter, grouper);
        CHECK(ev.dump(deleter) == ev.dump(grouper));
    }
}

// Seed 30370 of the property test: dots a cascade took and an undo brought back are the dots
// that were there, not a new cast, so the property test no longer counts them as one. Whichever
// replays first, nothing is lost unsaid: the delete stands and gives the 2 dots back, or the
// undo's dots bring the note back, said so; every direction reaches the same file. Ids are drawn
// at random and decide the replay order: eight events try both.
TEST_CASE("vote/delete: a voter removed and put back by undo on one copy, the voted note deleted on another: the dots stay on the note or are reported given back") {
    for (int run = 0; run < 8; ++run) {
        Event ev;
        ev.open(ev.organiser)->apply(CastVote{ev.round, ev.awa, ev.note, {}, 2});
        std::string undoer = ev.copy("u.db"), deleter = ev.copy("d.db");
        {
            auto u = ev.open(undoer);
            u->apply(DeleteMember{ev.awa});
            REQUIRE_FALSE(u->undo().empty());
            REQUIRE(u->state().find<Member>(ev.awa));
        }
        ev.open(deleter)->apply(DeleteNotes{{ev.note}});
        auto report = ev.merge(undoer, deleter);
        for (const auto& c : report.conflicts) UNSCOPED_INFO(c.what);
        bool noteThere = ev.open(undoer)->state().find<Note>(ev.note) != nullptr;
        CHECK(ev.open(undoer)->state().find<Member>(ev.awa));
        if (noteThere) {
            CHECK(ev.dots(undoer) == 2);
            CHECK(says(report, ConflictKind::BroughtBack, "Le post-it « Un guichet unique » de l'équipe « Équipe 5 » a été rétabli"));
        } else {
            CHECK(ev.dots(undoer) == 0);
            CHECK(says(report, ConflictKind::Removed, "2 gommettes rendues sur le post-it « Un guichet unique » de l'équipe « Équipe 5 »"));
        }
        ev.merge(deleter, undoer);
        CHECK(ev.dump(deleter) == ev.dump(undoer));
    }
}

TEST_CASE("report: what came back with an item or went with a delete is counted by kind on one line, dots as dots") {
    MergeReport report;
    report.newEntries = 3;
    auto add = [&](const char* table, std::int64_t id, ConflictKind kind, int dots, bool along) {
        report.conflicts.push_back({table, Id{id}, std::string("ligne ") + table, kind, dots, along});
    };
    add("team", 1, ConflictKind::BroughtBack, 0, false);
    add("member", 2, ConflictKind::Restored, 0, true);
    add("member", 3, ConflictKind::Restored, 0, true);
    add("note", 4, ConflictKind::Restored, 0, true);
    add("vote", 5, ConflictKind::Restored, -9, true);
    add("cluster", 6, ConflictKind::Removed, 0, true);
    add("vote", 7, ConflictKind::Removed, 1, true);
    std::string text = formatMergeReport("portable.db", report, EventState{}, EventState{});
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Conflits : 1 élément rétabli, 4 éléments revenus avec ce qui les portait, 2 éléments emportés par une suppression"));
    CHECK_THAT(text, Catch::Contains("  Revenus avec ce qui les portait : 9 gommettes, 2 membres, 1 post-it\n"));
    CHECK_THAT(text, Catch::Contains("  Emportés par une suppression : 1 gommette, 1 regroupement\n"));
    CHECK_THAT(text, Catch::Contains("    - ligne team\n"));
    CHECK_THAT(text, !Catch::Contains("ligne member")); // counted, not listed one by one
}
