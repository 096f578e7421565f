// Issue 14, problem 9: the all-teams phase buttons moved teams back (Tester → Sélectionner)
// without asking. Moving every team back now needs `backwards`, and the refusal names the teams.
#include "actions/action_json.hpp"
#include "actions/phase_change.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace atelier;
using namespace atelier::test;

TEST_CASE("a phase change for every team that would take a team back is refused, naming the teams") {
    setMessageLanguage(Language::French);
    Fixture f;
    Id a = f.add(AddTeam{.name = "Atelier A"});
    Id b = f.add(AddTeam{.name = "Atelier B"});
    Id c = f.add(AddTeam{.name = "Atelier C"});
    f.engine->apply(SetPhase{.team = a, .phase = Phase::Test});
    f.engine->apply(SetPhase{.team = b, .phase = Phase::Prototype});
    const EventState& s = f.engine->state();
    auto back = teamsTakenBack(s, Phase::Select);
    REQUIRE(back.size() == 2);
    CHECK(namesWithPhases(back) == "Atelier A (tester), Atelier B (prototyper)");

    std::string before = f.engine->store().canonicalDump();
    try {
        f.engine->apply(SetPhase{.phase = Phase::Select});
        FAIL("moved teams back without asking");
    } catch (const ValidationError& e) {
        CHECK_THAT(e.what(), Catch::Contains("Atelier A (tester)") && Catch::Contains("Atelier B (prototyper)") &&
                                 Catch::Contains("revenir en arrière"));
    }
    CHECK(f.engine->store().canonicalDump() == before);
    CHECK(s.find<Team>(a)->phase == Phase::Test);

    // Forward for all is never asked about; back with the confirmation moves everyone.
    f.engine->apply(SetPhase{.phase = Phase::Test});
    CHECK(s.find<Team>(c)->phase == Phase::Test);
    f.engine->apply(SetPhase{.phase = Phase::Select, .backwards = true});
    for (Id t : {a, b, c}) CHECK(s.find<Team>(t)->phase == Phase::Select);
    // One team moved on its own row is the facilitator's explicit gesture.
    f.engine->apply(SetPhase{.team = a, .phase = Phase::Diverge});
    CHECK(s.find<Team>(a)->phase == Phase::Diverge);
}

TEST_CASE("set_phase's backwards flag reads from JSON and defaults to false") {
    auto plain = std::get<SetPhase>(actionFromJson(nlohmann::json::parse(R"({"action":"set_phase","phase":"select"})")));
    CHECK_FALSE(plain.backwards);
    auto back = std::get<SetPhase>(
        actionFromJson(nlohmann::json::parse(R"({"action":"set_phase","phase":"select","backwards":true})")));
    CHECK(back.backwards);
}
