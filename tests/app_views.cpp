// The real views in a headless ImGui context, driven by simulated clicks and typing; every
// assertion is on the saved model (the engine's state, and the file reopened).
#include "app_headless.hpp"

#include "engine/engine.hpp"
#include "model/timer.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

using namespace atelier;
using atelier::test::Headless;

namespace {

// The file as another process would see it: reopened from disk.
EventState reopened(Headless& h) {
    auto engine = Engine::open(h.path(), h.clock(), OpenMode::ReadOnly);
    return engine->state();
}

} // namespace

TEST_CASE("timer: start, pause, extend and resume by clicks", "[app]") {
    Headless h;
    h.session().view = ViewId::Timer;
    h.frames(2);
    h.click("Démarrer");
    const TimedSession* t = h.session().timerFor(Id{});
    REQUIRE(t);
    CHECK(t->teamId == Id{});
    CHECK(t->durationMs == 20 * 60 * 1000); // the diverger preset
    CHECK(timerState(*t, h.clock().now()) == TimerState::Running);

    h.clock().advance(30 * 1000);
    h.frame();
    h.click("Pause");
    t = h.session().timerFor(Id{});
    CHECK(t->state == TimerState::Paused);
    CHECK(timerRemaining(*t, h.clock().now()) == (20 * 60 - 30) * 1000);

    h.click("+1 min");
    CHECK(timerRemaining(*h.session().timerFor(Id{}), h.clock().now()) == (21 * 60 - 30) * 1000);
    h.click("+5 min");
    CHECK(timerRemaining(*h.session().timerFor(Id{}), h.clock().now()) == (26 * 60 - 30) * 1000);

    h.click("Reprendre");
    CHECK(h.session().timerFor(Id{})->state == TimerState::Running);

    // Saved: a restart finds the countdown where it is.
    h.clock().advance(60 * 1000);
    EventState disk = reopened(h);
    const TimedSession* saved = disk.currentTimer(Id{});
    REQUIRE(saved);
    CHECK(timerRemaining(*saved, h.clock().now()) == (25 * 60 - 30) * 1000);

    h.click("Remettre à zéro");
    CHECK(h.session().timerFor(Id{})->state == TimerState::Ready);
}

TEST_CASE("timer: one team's countdown leaves the others alone", "[app]") {
    Headless h;
    auto teams = h.state().teamsInOrder();
    REQUIRE(teams.size() >= 2);
    h.session().team = teams[1]->id;
    h.session().view = ViewId::Timer;
    h.frames(2);
    h.click("Démarrer");
    const TimedSession* t = h.session().timerFor(teams[1]->id);
    REQUIRE(t);
    CHECK(t->teamId == teams[1]->id);
    CHECK(h.state().currentTimer(teams[0]->id) == nullptr);
}

TEST_CASE("teams: rename a team by typing, then undo with Ctrl+Z", "[app]") {
    Headless h;
    auto teams = h.state().teamsInOrder();
    Id id = teams.front()->id;
    std::string before = teams.front()->name;
    h.session().view = ViewId::Teams;
    h.session().team = id;
    h.frames(2);
    h.click("##name");
    h.key(GLFW_KEY_A, true); // select all
    h.type("Les Nageurs d’été");
    h.key(GLFW_KEY_ENTER);
    CHECK(h.state().find<Team>(id)->name == "Les Nageurs d’été");
    CHECK(reopened(h).find<Team>(id)->name == "Les Nageurs d’été");
    REQUIRE(h.session().engine()->canUndo());

    h.key(GLFW_KEY_Z, true);
    CHECK(h.state().find<Team>(id)->name == before);
    CHECK(reopened(h).find<Team>(id)->name == before);
    h.key(GLFW_KEY_Y, true);
    CHECK(h.state().find<Team>(id)->name == "Les Nageurs d’été");
}

TEST_CASE("teams: add a team and a member, remove the member", "[app]") {
    Headless h;
    h.session().view = ViewId::Teams;
    h.frames(2);
    std::size_t count = h.state().teams.size();
    h.click("Ajouter une équipe");
    CHECK(h.state().teams.size() == count + 1);

    Id team = h.state().teamsInOrder().front()->id;
    h.session().team = team;
    h.frames(2);
    std::size_t members = h.state().membersOfTeam(team).size();
    h.click("##newname");
    h.type("Élodie Lœuvre");
    h.click("Ajouter le membre");
    auto after = h.state().membersOfTeam(team);
    REQUIRE(after.size() == members + 1);
    CHECK(std::any_of(after.begin(), after.end(), [](const Member* m) { return m->name == "Élodie Lœuvre"; }));
}

TEST_CASE("phases: set every team's phase at once, undo", "[app]") {
    Headless h;
    h.session().view = ViewId::Phases;
    h.frames(2);
    h.click("all:Prototyper");
    if (h.has("Oui, revenir en arrière")) h.click("Oui, revenir en arrière"); // the demo has a team in Tester
    for (const auto& [id, team] : h.state().teams) CHECK(team.phase == Phase::Prototype);
    CHECK(h.session().engine()->undoDescription().size() > 0);
    h.key(GLFW_KEY_Z, true);
    bool someNotPrototype = false;
    for (const auto& [id, team] : h.state().teams) someNotPrototype |= team.phase != Phase::Prototype;
    CHECK(someNotPrototype);
}

TEST_CASE("programme: add a slot and retitle it", "[app]") {
    Headless h;
    h.session().view = ViewId::Programme;
    h.frames(2);
    std::size_t count = h.state().slots.size();
    h.click("Ajouter un créneau");
    REQUIRE(h.state().slots.size() == count + 1);
}

TEST_CASE("projector: Space starts and pauses the projected timer", "[app]") {
    Headless h;
    h.session().view = ViewId::Projector;
    h.frames(2);
    h.key(GLFW_KEY_SPACE);
    const TimedSession* t = h.session().timerFor(Id{});
    REQUIRE(t);
    CHECK(t->state == TimerState::Running);
    h.clock().advance(5000);
    h.key(GLFW_KEY_SPACE);
    CHECK(h.session().timerFor(Id{})->state == TimerState::Paused);
    // F11 shows it full screen, Esc leaves.
    h.key(GLFW_KEY_F11);
    CHECK(h.session().presentationFullScreen);
    h.key(GLFW_KEY_ESCAPE);
    CHECK_FALSE(h.session().presentationFullScreen);
}

TEST_CASE("errors from actions are shown, never lost", "[app]") {
    Headless h;
    AddTeam bad; // no name: refused by the core
    h.session().queue(bad);
    h.frame();
    REQUIRE_FALSE(h.session().toasts().empty());
    CHECK(h.session().toasts().back().error);
}

TEST_CASE("UI scale shortcuts", "[app]") {
    Headless h;
    h.key(GLFW_KEY_EQUAL, true);
    CHECK(h.app().uiScale() == Approx(1.1f));
    h.key(GLFW_KEY_MINUS, true);
    h.key(GLFW_KEY_MINUS, true);
    CHECK(h.app().uiScale() == Approx(0.9f));
    h.key(GLFW_KEY_0, true);
    CHECK(h.app().uiScale() == Approx(1.0f));
}

TEST_CASE("every view draws in French and English", "[app]") {
    Headless h;
    for (Language lang : {Language::French, Language::English}) {
        h.app().setLanguage(lang);
        for (int v = 0; v < static_cast<int>(ViewId::Count); ++v) {
            h.session().view = static_cast<ViewId>(v);
            h.frames(2);
        }
    }
    h.app().setLanguage(Language::French);
}
