// Issue 14, problem 3 (nothing sounded at zero), the rules without a sound device: when the
// chime is due (once for timers ending together, never for one that ended while the app was
// closed), the timer screen's sound settings remembered, −1 minute from the key and the button,
// and the projection window coming back after a restart (problem 7).
#include "app_headless.hpp"

#include "audio/chime_schedule.hpp"
#include "keys.hpp"
#include "projection_memory.hpp"
#include "model/timer.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <filesystem>

using namespace atelier;
using namespace atelier::audio;
using atelier::test::Headless;
using atelier::test::TempDir;

namespace {

// A sound output that plays nothing: it runs the same schedule the real player runs, on demand.
class FakeSound final : public SoundOutput {
public:
    void schedule(std::vector<ChimeDeadline> deadlines) override { m_schedule.setDeadlines(std::move(deadlines)); }
    void restart(Millis from) override {
        m_schedule.restart(from);
        ++restarts;
    }
    void setMuted(bool m) override { muted = m; }
    void setDevice(const std::string& name) override { device = name; }
    void playTest() override { ++tests; }
    std::vector<std::string> devices() const override { return {"Haut-parleurs USB", "HDMI du projecteur"}; }
    std::string deviceInUse() const override { return device.empty() ? "Sortie intégrée" : device; }
    std::string takeProblem() override { return std::exchange(problem, {}); }
    int chimesPlayed() const override { return played; }

    // What the player's thread does when it wakes at `now`.
    void wake(Millis now) {
        if (auto sound = m_schedule.due(now); sound && !muted) {
            ++played;
            last = *sound;
        }
    }

    bool muted = false;
    std::string device, problem;
    int tests = 0, played = 0, restarts = 0;
    ChimeKind last = ChimeKind::Zero;

private:
    ChimeSchedule m_schedule;
};

EventState stateWith(std::vector<TimedSession> timers) {
    EventState s;
    for (TimedSession& t : timers) s.timedSessions[t.id] = t;
    return s;
}

TimedSession running(std::int64_t id, Millis startedAt, Millis remaining) {
    TimedSession t;
    t.id = Id{id};
    t.state = TimerState::Running;
    t.startedAt = startedAt;
    t.remainingMs = t.durationMs = remaining;
    return t;
}

} // namespace

TEST_CASE("chime: fourteen team timers ending together give one chime", "[app][chime]") {
    std::vector<TimedSession> timers;
    for (int i = 0; i < 14; ++i) timers.push_back(running(i + 1, 1000 + i * 20, 5 * 60000)); // started in one go
    EventState state = stateWith(timers);
    auto deadlines = chimeDeadlines(state, false);
    REQUIRE(deadlines.size() == 14);
    ChimeSchedule schedule(0);
    schedule.setDeadlines(deadlines);
    CHECK_FALSE(schedule.due(1000 + 5 * 60000 - 1)); // not yet
    CHECK(schedule.due(1000 + 5 * 60000 + 300) == ChimeKind::Zero);
    for (Millis t = 1000 + 5 * 60000 + 400; t < 1000 + 7 * 60000; t += 250) CHECK_FALSE(schedule.due(t)); // and only once
    CHECK_FALSE(schedule.next());
}

TEST_CASE("chime: at zero and, when asked, a minute before; never for a paused timer or a moment already past", "[app][chime]") {
    TimedSession paused = running(2, 0, 10 * 60000);
    paused.state = TimerState::Paused;
    EventState state = stateWith({running(1, 0, 3 * 60000), paused, running(3, 0, 40 * 1000)});
    auto withMinute = chimeDeadlines(state, true);
    // Timer 1: its minute before and its zero; timer 3 (40 s) only its zero; the paused one nothing.
    CHECK(withMinute == std::vector<ChimeDeadline>{{40000, ChimeKind::Zero}, {120000, ChimeKind::MinuteBefore}, {180000, ChimeKind::Zero}});
    CHECK(chimeDeadlines(state, false).size() == 2);

    ChimeSchedule schedule(0);
    schedule.setDeadlines(withMinute);
    CHECK(schedule.next() == 40000);
    CHECK(schedule.due(40005) == ChimeKind::Zero);
    CHECK(schedule.due(120001) == ChimeKind::MinuteBefore);
    CHECK(schedule.due(180010) == ChimeKind::Zero);

    // A timer that ended before the schedule started (the app was closed) never chimes.
    ChimeSchedule reopened(200000);
    reopened.setDeadlines(withMinute);
    CHECK_FALSE(reopened.next());
    CHECK_FALSE(reopened.due(200500));
}

TEST_CASE("chime: the app schedules each change, and a timer that ended while it was closed stays silent", "[app][chime]") {
    FakeSound sound;
    {
        Headless h;
        h.app().setSound(&sound);
        h.frames(2);
        CHECK(sound.restarts == 1);
        h.session().view = ViewId::Timer;
        h.frames(2);
        h.click("timer:duration");
        h.type("90 s");
        h.click("Démarrer");
        REQUIRE(h.session().timerFor(Id{}));
        sound.wake(h.clock().now() + 89 * 1000);
        CHECK(sound.played == 0);
        sound.wake(h.clock().now() + 90 * 1000 + 50);
        CHECK(sound.played == 1);

        // Paused before zero: no chime at the old zero.
        h.clock().advance(91 * 1000);
        h.frame();
        h.click("timer:duration");
        for (int i = 0; i < 4; ++i) h.key(GLFW_KEY_BACKSPACE);
        h.type("2");
        h.click("Nouveau minuteur"); // the first one is over: nothing to replace
        h.click("Pause");
        sound.wake(h.clock().now() + 2 * 60000 + 100);
        CHECK(sound.played == 1);
        h.app().setSound(nullptr);
    }

    // A timer that ran out while the app was closed: the app starting on that event (its sound
    // output attached at start, as runGui does) does not chime for it.
    Headless h;
    StartTimer start;
    start.seconds = 60;
    h.session().engine()->apply(start);
    h.clock().advance(5 * 60000); // closed meanwhile
    FakeSound later;
    h.app().setSound(&later);
    h.frames(2);
    later.wake(h.clock().now() + 10);
    later.wake(h.clock().now() + 60000);
    CHECK(later.played == 0);
    h.app().setSound(nullptr);
}

TEST_CASE("chime: muted, no chime; the test button plays; the output and mute are remembered", "[app][chime]") {
    FakeSound sound;
    TempDir dir;
    std::string file = dir.file("settings.ini");
    {
        Headless h;
        h.app().setSound(&sound);
        h.session().view = ViewId::Timer;
        h.frames(2);
        REQUIRE(h.has("sound:mute"));
        h.click("sound:mute");
        h.click("sound:minute");
        h.click("sound:test");
        CHECK(sound.tests == 1);
        CHECK(h.app().settings().chimeMuted);
        CHECK(h.app().settings().chimeMinuteBefore);
        h.frames(2);
        CHECK(sound.muted); // the app passed it on
        h.click("Démarrer");
        sound.wake(h.clock().now() + 21 * 60000);
        CHECK(sound.played == 0);
        h.app().settings().soundDevice = "HDMI du projecteur";
        h.frames(2);
        CHECK(sound.device == "HDMI du projecteur");
        REQUIRE(saveSettings(h.app().settings(), file));
        h.app().setSound(nullptr);
    }
    Settings back = loadSettings(file);
    CHECK(back.chimeMuted);
    CHECK(back.chimeMinuteBefore);
    CHECK(back.soundDevice == "HDMI du projecteur");
}

TEST_CASE("chime: no sound device is said once, and the app goes on", "[app][chime]") {
    FakeSound sound;
    sound.device.clear();
    sound.problem = "Aucune sortie son : le minuteur ne sonnera pas.";
    Headless h;
    h.app().setSound(&sound);
    h.frames(3);
    int said = 0;
    for (const Toast& t : h.session().toasts()) said += t.text.find("Aucune sortie son") != std::string::npos;
    CHECK(said == 1);
    h.frames(3);
    said = 0;
    for (const Toast& t : h.session().toasts()) said += t.text.find("Aucune sortie son") != std::string::npos;
    CHECK(said == 1);
    h.app().setSound(nullptr);
}

TEST_CASE("timer: −1 minute from the key and the button, never below zero, and undoable", "[app]") {
    Headless h;
    h.session().view = ViewId::Timer;
    h.frames(2);
    h.click("Démarrer");
    const TimedSession* t = h.session().timerFor(Id{});
    REQUIRE(t);
    Millis before = timerRemaining(*t, h.clock().now());
    h.click("−1 min");
    CHECK(timerRemaining(*h.session().timerFor(Id{}), h.clock().now()) == before - 60000);
    // The « - » key (a character: AZERTY's 6 key, QWERTY's minus) does the same.
    inputLog().key(GLFW_KEY_MINUS, 0, GLFW_KEY_MINUS);
    inputLog().character('-');
    h.frames(2);
    CHECK(timerRemaining(*h.session().timerFor(Id{}), h.clock().now()) == before - 120000);
    // Undo gives the minute back.
    h.session().requestUndo();
    h.frames(2);
    CHECK(timerRemaining(*h.session().timerFor(Id{}), h.clock().now()) == before - 60000);
    // Under a minute left: refused with a message, the countdown goes on unchanged.
    h.clock().advance(before - 60000 - 30000);
    h.frame();
    Millis left = timerRemaining(*h.session().timerFor(Id{}), h.clock().now());
    CHECK(left == 30000);
    h.session().toasts().clear();
    h.click("−1 min");
    CHECK(timerRemaining(*h.session().timerFor(Id{}), h.clock().now()) == 30000);
    bool said = false;
    for (const Toast& toast : h.session().toasts()) said = said || (toast.error && toast.text.find("sous zéro") != std::string::npos);
    CHECK(said);
}

// Problem 7: after quitting and reopening, the projection window and what it showed were gone.
TEST_CASE("projection window: its monitor by name, else by place, else the first other one", "[app][projection]") {
    std::vector<MonitorInfo> monitors{{"eDP-1", 0, 0, 1920, 1080}, {"HDMI-1", 1920, 0, 1024, 768}, {"DP-2", 2944, 0, 1280, 720}};
    ProjectionMemory memory;
    memory.monitor = "DP-2";
    memory.monitorX = 2944;
    memory.x = 2944 + 100;
    memory.y = 50;
    memory.width = 800;
    memory.height = 450;
    memory.fullScreen = true;
    ProjectionPlacement p = placeProjection(monitors, 0, memory);
    CHECK(p.monitor == 2);
    CHECK(p.sameMonitor);
    CHECK(p.x == 3044);
    CHECK(p.y == 50);
    CHECK(p.width == 800);
    CHECK(p.fullScreen);

    // The monitors arranged otherwise: found by name, at the same place on it.
    std::vector<MonitorInfo> moved{{"DP-2", 0, 0, 1280, 720}, {"eDP-1", 1280, 0, 1920, 1080}};
    p = placeProjection(moved, 1, memory);
    CHECK(p.monitor == 0);
    CHECK(p.x == 100);

    // Same place, another name (the projector on another connector).
    memory.monitor = "HDMI-2";
    std::vector<MonitorInfo> renamed{{"eDP-1", 0, 0, 1920, 1080}, {"HDMI-1", 1920, 0, 1024, 768}, {"HDMI-2", 2944, 0, 1280, 720}};
    renamed[2].name = "DP-3";
    p = placeProjection(renamed, 0, memory);
    CHECK(p.monitor == 2);

    // That monitor absent: the first one other than the main window's, never over the laptop's screen.
    std::vector<MonitorInfo> without{{"eDP-1", 0, 0, 1920, 1080}, {"HDMI-1", 1920, 0, 1024, 768}};
    p = placeProjection(without, 0, memory);
    CHECK(p.monitor == 1);
    CHECK_FALSE(p.sameMonitor);
    CHECK(p.x == 1920 + 40);
    CHECK(p.width == 800);
    // The main window on the second monitor: the first other is the first one.
    CHECK(placeProjection(without, 1, memory).monitor == 0);
    // One monitor only: there, within it.
    p = placeProjection({{"eDP-1", 0, 0, 1366, 768}}, 0, memory);
    CHECK(p.monitor == 0);
    CHECK(p.x + p.width <= 1366);
    // Never placed before: on the other monitor, at the default size.
    p = placeProjection(without, 0, ProjectionMemory{});
    CHECK(p.monitor == 1);
    CHECK(p.width == 960);
}

TEST_CASE("projection window: what it showed is saved and comes back for the same event", "[app][projection]") {
    TempDir dir;
    std::string file = dir.file("settings.ini");
    Id team, challenge;
    std::string event;
    {
        Headless h;
        auto teams = h.state().teamsInOrder();
        team = teams[2]->id;
        challenge = h.state().challengesInOrder()[4]->id;
        Session& s = h.session();
        s.projectionWindow = true;
        s.projectorContent = ProjectorContent::Challenge;
        s.projectorTeam = team;
        s.projectorChallenge = challenge;
        s.projectorPage = 1;
        Settings settings;
        rememberProjectionContent(s, settings.projection);
        settings.projection.monitor = "HDMI-1";
        settings.projection.x = 1960;
        settings.projection.width = 1024;
        settings.projection.height = 768;
        settings.projection.fullScreen = true;
        REQUIRE(saveSettings(settings, file));
        event = h.path();
    }
    Settings loaded = loadSettings(file);
    CHECK(loaded.projection.open);
    CHECK(loaded.projection.monitor == "HDMI-1");
    CHECK(loaded.projection.x == 1960);
    CHECK(loaded.projection.fullScreen);
    CHECK(loaded.projection.content == "defi");

    Headless again;
    // Another event file: the window comes back, not ids that mean nothing there.
    restoreProjectionContent(again.session(), loaded.projection);
    CHECK(again.session().projectionWindow);
    CHECK(again.session().projectorContent == ProjectorContent::TimerOnly);
    // The same event: its content, team, défi and page.
    loaded.projection.event = std::filesystem::absolute(again.path()).lexically_normal().string();
    loaded.projection.team = again.state().teamsInOrder()[2]->id.value;
    loaded.projection.challenge = again.state().challengesInOrder()[4]->id.value;
    restoreProjectionContent(again.session(), loaded.projection);
    CHECK(again.session().projectorContent == ProjectorContent::Challenge);
    CHECK(again.session().projectorTeam == again.state().teamsInOrder()[2]->id);
    CHECK(again.session().projectorChallenge == again.state().challengesInOrder()[4]->id);
    CHECK(again.session().projectorPage == 1);
    // A team deleted since: all teams.
    loaded.projection.team = 12345;
    again.session().projectorTeam = Id{};
    restoreProjectionContent(again.session(), loaded.projection);
    CHECK_FALSE(again.session().projectorTeam);
}
