// Six sites, one national review file: the same merge that brings laptops together
// consolidates the files of several events into an empty review event, each row marked with
// its site, in any order, idempotently, and refuses to mix another event into a running one.
#include "model/errors.hpp"
#include "generate.hpp"
#include "io/bundle.hpp"
#include "sync/replica.hpp"
#include "storage/schema.hpp"
#include "support.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace atelier;
using namespace atelier::test;

namespace {

struct Sites {
    TempDir dir;
    FakeClock clock;
    std::string rennes = dir.file("rennes.db"), lyon = dir.file("lyon.db"), generated = dir.file("generated.db");
    std::string review = dir.file("revue.db");
    Id rennesEvent, lyonEvent, generatedEvent, reviewEvent;

    Sites() {
        rennesEvent = makeSite(rennes, "Rennes 2018", "Comment simplifier les inscriptions ?");
        clock.advance(60'000);
        lyonEvent = makeSite(lyon, "Lyon 2019", "Comment accueillir les nouveaux habitants ?");
        // A file written in bulk, outside any journal: its rows arrive through the baseline.
        GenerateOptions options;
        options.scale = 1;
        options.seed = 7;
        generateEvent(generated, options);
        generatedEvent = Engine::open(generated, clock)->state().event.id;
        EventInfo info;
        info.name = "Revue nationale 2026";
        auto e = Engine::create(review, info, clock);
        markAsReviewFile(e->store()); // atelier new --review
        reviewEvent = e->state().event.id;
    }

    Id makeSite(const std::string& path, const std::string& name, const std::string& question) {
        EventInfo info;
        info.name = name;
        auto e = Engine::create(path, info, clock);
        Id challenge = e->apply(AddChallenge{{}, 1, question, "Ville", "", "", "", "", "", "", ""}).created[0];
        e->apply(AddChallenge{{}, 2, "Comment réduire les délais ?", "Département", "", "", "", "", "", "", ""});
        Id team = e->apply(AddTeam{{}, "Équipe 1", "", challenge}).created[0];
        e->apply(AddNote{{}, team, "Idée de " + name, "", 0, 0, {}, {}, {}, {}});
        e->apply(AddSlot{{}, "2018-07-09", "09:00", "10:00", "Accueil", SlotKind::Other, ""});
        e->apply(StartTimer{{}, "Diverger", Phase::Diverge, {}, 600});
        return e->state().event.id;
    }

    std::string reviewCopy(const std::string& name) {
        std::string path = dir.file(name);
        copyEventFile(review, path, name, {});
        return path;
    }
    std::unique_ptr<Engine> open(const std::string& path) { return Engine::open(path, clock); }
    std::string dump(const std::string& path) { return open(path)->store().canonicalDump(); }
};

std::size_t teamsOfSite(const EventState& s, Id site) {
    return static_cast<std::size_t>(std::count_if(s.teams.begin(), s.teams.end(), [&](const auto& kv) { return kv.second.siteId == site; }));
}

} // namespace

TEST_CASE("the files of three sites consolidate into one review file, in any order, each row marked with its site") {
    Sites s;
    std::vector<std::vector<std::string>> orders{{s.rennes, s.lyon, s.generated}, {s.generated, s.rennes, s.lyon}, {s.lyon, s.generated, s.rennes}};
    std::vector<std::string> dumps;
    for (std::size_t i = 0; i < orders.size(); ++i) {
        std::string copy = s.reviewCopy("revue-" + std::to_string(i) + ".db");
        for (const auto& site : orders[i]) {
            auto report = s.open(copy)->mergeFrom(site);
            CHECK(report.newEntries > 0);
            CHECK(!report.site.empty());
        }
        dumps.push_back(s.dump(copy));
    }
    CHECK(dumps[0] == dumps[1]);
    CHECK(dumps[0] == dumps[2]);

    auto review = s.open(s.reviewCopy("revue-check.db"));
    review->mergeFrom(s.rennes);
    review->mergeFrom(s.lyon);
    review->mergeFrom(s.generated);
    const EventState& state = review->state();
    CHECK(state.event.id == s.reviewEvent);
    CHECK(state.event.name == "Revue nationale 2026");
    REQUIRE(state.sites.size() == 3);
    CHECK(state.siteName(s.rennesEvent) == "Rennes 2018");
    CHECK(state.siteName(s.lyonEvent) == "Lyon 2019");
    auto generated = s.open(s.generated);
    const EventState& g = generated->state();
    CHECK(state.siteName(s.generatedEvent) == g.event.name);

    // Every site's rows arrived, marked with their site; nothing is the review file's own.
    CHECK(teamsOfSite(state, s.rennesEvent) == 1);
    CHECK(teamsOfSite(state, s.lyonEvent) == 1);
    CHECK(teamsOfSite(state, s.generatedEvent) == g.teams.size());
    CHECK(teamsOfSite(state, Id{}) == 0);
    CHECK(state.notes.size() == g.notes.size() + 2);
    CHECK(state.votes.size() == g.votes.size());
    CHECK(state.feedback.size() == g.feedback.size());
    CHECK(state.challenges.size() == g.challenges.size() + 4);
    for (const auto& [id, c] : state.challenges) CHECK(c.siteId);
    for (const auto& [id, slot] : state.slots) CHECK(slot.siteId);
    for (const auto& [id, t] : state.timedSessions) CHECK(t.siteId);
    // The review file's own all-teams timer is not one of a site's.
    CHECK(state.currentTimer(Id{}) == nullptr);
    // Défis are listed site by site, each site's by number.
    auto challenges = state.challengesInOrder();
    REQUIRE(challenges.size() >= 4);
    CHECK(state.siteName(challenges.front()->siteId) <= state.siteName(challenges.back()->siteId));

    // Merged again: nothing new, nothing changed.
    std::string before = review->store().canonicalDump();
    auto again = review->mergeFrom(s.lyon);
    CHECK(again.newEntries == 0);
    CHECK(review->store().canonicalDump() == before);
}

TEST_CASE("a site's laptops consolidate directly, and the review file's own edits of a site survive later merges") {
    Sites s;
    std::string laptop = s.dir.file("rennes-laptop.db");
    copyEventFile(s.rennes, laptop, "laptop", {});
    Id laterNote;
    {
        auto e = s.open(laptop);
        s.clock.advance(1000);
        Id team = e->state().teamsInOrder().front()->id;
        laterNote = e->apply(AddNote{{}, team, "Idée du portable", "", 5, 5, {}, {}, {}, {}}).created[0];
    }
    auto review = s.open(s.review);
    review->mergeFrom(s.rennes);
    // The review team corrects a site's défi.
    const Challenge* first = review->state().challengesInOrder().front();
    Id challenge = first->id;
    s.clock.advance(1000);
    EditChallenge edit;
    edit.challenge = challenge;
    edit.theme = std::string("Accueil");
    review->apply(edit);
    auto fromLaptop = review->mergeFrom(laptop);
    CHECK(fromLaptop.newEntries == 1); // the note; the site's baseline and history are known
    CHECK(review->state().find<Note>(laterNote));
    CHECK(review->state().find<Challenge>(challenge)->theme == "Accueil");
    CHECK(review->state().find<Challenge>(challenge)->siteId == s.rennesEvent);
    CHECK(review->state().sites.size() == 1);
}

TEST_CASE("another event is refused by a running event, which keeps its bytes, and accepted by an empty review file") {
    Sites s;
    auto rennes = s.open(s.rennes);
    std::string before = rennes->store().canonicalDump();
    CHECK_THROWS_WITH(rennes->mergeFrom(s.lyon), Catch::Contains("autre événement") && Catch::Contains("revue"));
    CHECK(rennes->store().canonicalDump() == before);
    CHECK(rennes->state().sites.empty());
    CHECK_NOTHROW(s.open(s.review)->mergeFrom(s.lyon));
}

TEST_CASE("a file being prepared (a programme and a timer, no défi or team yet) is not taken for a review file") {
    Sites s;
    std::string preparing = s.dir.file("preparation.db");
    {
        EventInfo info;
        info.name = "Strasbourg 2026";
        auto e = Engine::create(preparing, info, s.clock);
        e->apply(AddSlot{{}, "2026-07-09", "09:00", "10:00", "Accueil", SlotKind::Other, ""});
        e->apply(StartTimer{{}, "Diverger", Phase::Diverge, {}, 600});
    }
    std::string before = readBytes(preparing);
    CHECK_THROWS_WITH(s.open(preparing)->mergeFrom(s.lyon),
                      Catch::Contains("autre événement") && Catch::Contains("--review") && Catch::Contains("Rien n'a été fusionné"));
    CHECK(s.open(preparing)->state().sites.empty());
    CHECK(s.open(preparing)->state().challenges.empty());
}

TEST_CASE("a review file made before review files were explicit (one that holds sites) stays a review file") {
    Sites s;
    s.open(s.review)->mergeFrom(s.rennes);
    // As the older schema left it: sites, no flag.
    {
        SQLite::Database db(s.review, SQLite::OPEN_READWRITE);
        db.exec("UPDATE replica SET review = 0");
        db.exec("UPDATE replica SET review = (SELECT count(*) FROM event) > 1"); // the migration's rule
    }
    CHECK(isReviewFile(s.open(s.review)->store()));
    CHECK_NOTHROW(s.open(s.review)->mergeFrom(s.lyon));
}

TEST_CASE("a review file's bundle keeps its sites and their marks through export and import") {
    Sites s;
    {
        auto review = s.open(s.review);
        review->mergeFrom(s.rennes);
        review->mergeFrom(s.lyon);
    }
    std::string json = exportBundle(s.open(s.review)->store());
    std::string restored = s.dir.file("restored.db");
    importBundle(restored, json).reset();
    auto again = s.open(restored);
    CHECK(again->state().event.id == s.reviewEvent);
    CHECK(again->state().sites.size() == 2);
    CHECK(teamsOfSite(again->state(), s.lyonEvent) == 1);
    CHECK(exportBundle(again->store()) == json);
}

TEST_CASE("a site's file from before the journal existed arrives whole through its baseline") {
    Sites s;
    // A file as the first schema wrote it: rows, no journal.
    std::string old = s.dir.file("ancien.db");
    {
        SQLite::Database db(old, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
        db.exec(migrations().front().sql);
        db.exec("PRAGMA user_version=1");
        db.exec("INSERT INTO event(id, name, created_at) VALUES(77, 'Ancien site', 1531123200000)");
        db.exec("INSERT INTO challenge(id, number, question) VALUES(79, 1, 'Comment faire ?')");
        db.exec("INSERT INTO team(id, name, colour, phase, challenge_id) VALUES(78, 'Équipe', '#4C78A8', 'select', 79)");
        db.exec("INSERT INTO note(id, team_id, text, colour, x, y, width, height, phase, created_at) "
                "VALUES(80, 78, 'Une idée', '#FFEE88', 0, 0, 180, 120, 'diverge', 1531123300000)");
    }
    Engine::open(old, s.clock).reset(); // brought to the current schema once, as any open for writing does
    auto review = s.open(s.review);
    auto report = review->mergeFrom(old);
    CHECK(report.site == "Ancien site");
    const EventState& state = review->state();
    REQUIRE(state.find<Team>(Id{78}));
    CHECK(state.find<Team>(Id{78})->siteId == Id{77});
    CHECK(state.find<Challenge>(Id{79})->siteId == Id{77});
    CHECK(state.find<Note>(Id{80})->text == "Une idée");
    CHECK(state.siteName(Id{77}) == "Ancien site");
    CHECK(review->mergeFrom(old).newEntries == 0);
}
