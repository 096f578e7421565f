// The demo event as data: assets/demo/rennes-2018.json loaded through the bundle importer, each
// file with fresh ids and its own event identity, its times relative to the clock; and
// withFreshIdentity on any bundle (references kept, bad input refused).
#include "test_io_event.hpp"

#include "demo.hpp"
#include "io/bundle.hpp"
#include "io/fresh_identity.hpp"
#include "io/import_error.hpp"
#include "io/report.hpp"
#include "model/language.hpp"
#include "storage/content_check.hpp"
#include "sync/replica.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <set>
#include <stdexcept>

using namespace atelier;
using namespace atelier::test;

namespace {

// Every id of every row, and every id a row points to.
std::set<Id> idsOf(const EventState& s) {
    std::set<Id> ids{s.event.id};
    auto add = [&](const auto& rows) {
        for (const auto& entry : rows) ids.insert(entry.first);
    };
    add(s.slots); add(s.challenges); add(s.teams); add(s.members); add(s.phaseChanges); add(s.clusters); add(s.notes);
    add(s.voteRounds); add(s.votes); add(s.prototypes); add(s.photos); add(s.feedback); add(s.timedSessions);
    ids.erase(Id{});
    return ids;
}

// Every moment of the event (ms UTC), 0 (none) left out.
std::vector<Millis> momentsOf(const EventState& s) {
    std::vector<Millis> at{s.event.createdAt};
    for (const auto& [id, t] : s.teams) at.push_back(t.selectedAt);
    for (const auto& [id, p] : s.phaseChanges) at.push_back(p.at);
    for (const auto& [id, n] : s.notes) at.push_back(n.createdAt);
    for (const auto& [id, r] : s.voteRounds) at.push_back(r.openedAt);
    for (const auto& [id, p] : s.prototypes) at.push_back(p.createdAt);
    for (const auto& [id, f] : s.feedback) at.push_back(f.at);
    at.erase(std::remove(at.begin(), at.end(), Millis{0}), at.end());
    return at;
}

const Team& teamNumbered(const EventState& s, int number) {
    for (const auto& [id, t] : s.teams)
        if (const Challenge* c = s.find<Challenge>(t.challengeId); c && c->number == number) return t;
    FAIL("no team on défi " << number);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("the demo event comes from its bundle: the Rennes 2018 défis, teams, programme and boards") {
    TempDir dir;
    FakeClock clock;
    auto demo = createDemoEvent(dir.file("demo.db"), clock);
    const EventState& s = demo->state();
    CHECK(s.event.name == "Université d’été de l’innovation publique territoriale — Rennes 2018");
    CHECK(s.event.firstDay == "2018-07-09");
    CHECK(s.event.lastDay == "2018-07-11");
    CHECK(s.event.timeZone == "Europe/Paris");
    REQUIRE(s.challenges.size() == 14);
    std::set<int> numbers;
    for (const auto& [id, c] : s.challenges) numbers.insert(c.number);
    CHECK(numbers.size() == 14);
    CHECK(*numbers.begin() == 1);
    CHECK(*numbers.rbegin() == 14);
    CHECK(s.teams.size() == 14);
    CHECK(s.slots.size() == 15);
    std::set<std::string> days;
    for (const auto& [id, slot] : s.slots) days.insert(slot.day);
    CHECK(days == std::set<std::string>{"2018-07-09", "2018-07-10", "2018-07-11"}); // the agenda keeps its days

    // Défi 3 went through every phase; défi 1 writes in private; défi 11 is selecting.
    const Team& swim = teamNumbered(s, 3);
    CHECK(swim.phase == Phase::Test);
    CHECK(s.notesOfTeam(swim.id).size() == 9);
    CHECK(s.clustersOfTeam(swim.id).size() == 2);
    REQUIRE(swim.selectedClusterId);
    CHECK(s.find<Cluster>(swim.selectedClusterId)->title == "S’inscrire en ligne");
    CHECK(s.prototypesOfTeam(swim.id).size() == 3);
    CHECK(s.feedback.size() == 3);
    const Team& glaciere = teamNumbered(s, 1);
    CHECK(glaciere.privateWriting);
    CHECK(s.notesOfTeam(glaciere.id).size() == 5);
    CHECK(teamNumbered(s, 11).phase == Phase::Select);
    CHECK(s.members.size() > 40);

    // As good as one built by actions: the rule checks of `atelier check` find nothing, and the
    // undo history starts empty.
    CHECK(findRuleBreaks(demo->store().db()).empty());
    CHECK_FALSE(demo->canUndo());
}

TEST_CASE("each demo file is its own event: fresh ids, and a copy of one does not merge into another") {
    TempDir dir;
    FakeClock clock;
    auto first = createDemoEvent(dir.file("a.db"), clock);
    auto second = createDemoEvent(dir.file("b.db"), clock);
    std::set<Id> a = idsOf(first->state()), b = idsOf(second->state());
    CHECK(a.size() > 100);
    std::vector<Id> shared;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
    CHECK(shared.empty());
    CHECK(first->state().event.id != second->state().event.id);
    // References were renamed with their rows: every team's défi is a défi of its own file.
    for (const auto& [id, t] : second->state().teams) CHECK(second->state().find<Challenge>(t.challengeId));

    // A team's copy of b is refused by a, naming it another event; it merges back into b.
    Id team3 = teamNumbered(second->state(), 3).id;
    second.reset();
    copyEventFile(dir.file("b.db"), dir.file("b-equipe-3.db"), "Équipe 3", team3);
    {
        auto copy = Engine::open(dir.file("b-equipe-3.db"), clock);
        copy->apply(AddNote{{}, team3, "Idée écrite sur la copie", "", 100, 900, {}, {}, {}, {}});
    }
    setMessageLanguage(Language::French);
    CHECK_THROWS_WITH(first->mergeFrom(dir.file("b-equipe-3.db")), Catch::Contains("est un autre événement"));
    CHECK(first->state().notes.size() == 17); // unchanged
    auto back = Engine::open(dir.file("b.db"), clock);
    back->mergeFrom(dir.file("b-equipe-3.db"));
    bool merged = false;
    for (const auto& [id, n] : back->state().notes) merged = merged || n.text == "Idée écrite sur la copie";
    CHECK(merged);
}

TEST_CASE("demo times are relative to the clock: its latest moment is now, the others as long before as they were") {
    TempDir dir;
    FakeClock early;
    FakeClock late(early.now() + 8LL * 365 * 24 * 3600 * 1000);
    auto one = createDemoEvent(dir.file("one.db"), early);
    auto other = createDemoEvent(dir.file("other.db"), late);
    std::vector<Millis> a = momentsOf(one->state()), b = momentsOf(other->state());
    REQUIRE(a.size() > 20);
    CHECK(*std::max_element(a.begin(), a.end()) == early.now());
    CHECK(*std::max_element(b.begin(), b.end()) == late.now());
    CHECK(*std::min_element(a.begin(), a.end()) > early.now() - 3600 * 1000);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(late.now() - b[i] == early.now() - a[i]);
}

TEST_CASE("withFreshIdentity renames every id with its references and keeps the content") {
    Fixture f;
    buildRichEvent(f);
    const std::string bundle = exportBundle(f.engine->store());
    std::vector<Millis> moments = momentsOf(f.engine->state());
    const Millis latest = *std::max_element(moments.begin(), moments.end());
    auto fresh = importBundle(f.dir.file("fresh.db"), withFreshIdentity(bundle, latest)); // no shift: same report
    EventState copy = fresh->loadAll();
    const EventState& original = f.engine->state();
    CHECK(copy.notes.size() == original.notes.size());
    CHECK(copy.photos.size() == original.photos.size());
    CHECK(copy.feedback.size() == original.feedback.size());
    CHECK(copy.event.id != original.event.id);
    std::set<Id> a = idsOf(original), b = idsOf(copy);
    std::vector<Id> shared;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
    CHECK(shared.empty());
    // Everything the report says (which follows every reference: votes, selection, prototypes'
    // basis, photos, feedback) is the same.
    CHECK(renderHtml(buildReport(*fresh, copy, {true})) == renderHtml(buildReport(f.engine->store(), original, {true})));
}

TEST_CASE("withFreshIdentity refuses what is not a bundle's JSON, and no file is made") {
    setMessageLanguage(Language::French);
    TempDir dir;
    for (const char* text : {"", "not json", "[1, 2]", "{\"format\": \"atelier-bundle\"}", "{\"tables\": 3}"}) {
        INFO(text);
        CHECK_THROWS_AS(withFreshIdentity(text, 1000), ImportError);
        CHECK_THROWS_WITH(withFreshIdentity(text, 1000), Catch::Contains("Paquet refusé"));
    }
    // A bundle with a dangling reference is still refused by the importer, after the renaming.
    Fixture f;
    RichEvent r = buildRichEvent(f);
    std::string bundle = exportBundle(f.engine->store());
    std::string team = "\"" + r.team.str() + "\"";
    std::size_t at = bundle.find("\"team_id\": " + team);
    REQUIRE(at != std::string::npos);
    bundle.replace(at, std::string("\"team_id\": ").size() + team.size(), "\"team_id\": \"77\"");
    CHECK_THROWS_AS(importBundle(dir.file("broken.db"), withFreshIdentity(bundle, 1000)), ImportError);
    CHECK_FALSE(std::filesystem::exists(dir.file("broken.db")));
}
