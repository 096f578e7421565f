// Countdown arithmetic on a fake clock: start, pause, resume, extend, reset, finish, and a
// countdown that keeps running while the event file is closed.
#include "model/errors.hpp"
#include "support.hpp"
#include "model/timer.hpp"
#include "timers/timer_scope.hpp"

#include <catch2/catch.hpp>

// Designated initializers name only the fields a test cares about; the rest keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace atelier;
using namespace atelier::test;

namespace {

constexpr Millis kMinute = 60000;

struct Timers : Fixture {
    Id timer;
    Timers() { timer = add(StartTimer{.label = "Divergence", .seconds = 600}); }
    const TimedSession& t() const { return *engine->state().find<TimedSession>(timer); }
    Millis remaining() const { return timerRemaining(t(), clock.now()); }
    TimerState state() const { return timerState(t(), clock.now()); }
};

// Refused with a message holding each part, and the file left as it was.
void checkRefused(Fixture& f, const Action& action, std::initializer_list<const char*> parts) {
    std::string before = f.engine->store().canonicalDump();
    try {
        f.engine->apply(action);
        FAIL("accepted: " << actionName(action));
    } catch (const ValidationError& e) {
        for (const char* part : parts) CHECK_THAT(e.what(), Catch::Contains(part));
    }
    CHECK(f.engine->store().canonicalDump() == before);
}

} // namespace

TEST_CASE("a started timer counts down from its duration") {
    Timers f;
    CHECK(f.t().durationMs == 10 * kMinute);
    CHECK(f.t().createdAt == f.clock.now());
    CHECK(f.state() == TimerState::Running);
    CHECK(f.remaining() == 10 * kMinute);
    f.clock.advance(61000);
    CHECK(f.remaining() == 539000);
    CHECK(formatCountdown(f.remaining()) == "08:59");
    CHECK(timerOverrun(f.t(), f.clock.now()) == 0);
}

TEST_CASE("pause freezes the remaining time, resume goes on from it") {
    Timers f;
    f.clock.advance(61000);
    f.engine->apply(PauseTimer{f.timer});
    CHECK(f.state() == TimerState::Paused);
    CHECK(f.t().remainingMs == 539000);
    f.clock.advance(5 * kMinute);
    CHECK(f.remaining() == 539000);
    f.engine->apply(ResumeTimer{f.timer});
    CHECK(f.state() == TimerState::Running);
    f.clock.advance(39000);
    CHECK(f.remaining() == 500000);
}

TEST_CASE("extending adds time while running, while paused, and after running out") {
    Timers f;
    f.clock.advance(kMinute);
    f.engine->apply(ExtendTimer{.timer = f.timer, .seconds = 60});
    CHECK(f.remaining() == 10 * kMinute);
    CHECK(f.t().extensionCount == 1);
    CHECK(f.t().extensionMs == kMinute);

    f.engine->apply(PauseTimer{f.timer});
    f.engine->apply(ExtendTimer{.timer = f.timer, .seconds = 300});
    CHECK(f.state() == TimerState::Paused);
    CHECK(f.remaining() == 15 * kMinute);
    CHECK(f.t().extensionMs == 6 * kMinute);
    CHECK(f.t().extensionCount == 2);

    f.engine->apply(ResumeTimer{f.timer});
    f.clock.advance(15 * kMinute + 2500);
    CHECK(f.remaining() == 0);
    CHECK(f.state() == TimerState::Finished); // read as finished, nothing written
    CHECK(f.t().state == TimerState::Running);
    CHECK(timerOverrun(f.t(), f.clock.now()) == 2500);
    CHECK(formatCountdown(f.remaining()) == "00:00");
    CHECK_THROWS_AS(f.engine->apply(PauseTimer{f.timer}), ValidationError);

    // Out of time, an extension runs from now, not from when it ran out.
    f.clock.advance(10 * kMinute);
    f.engine->apply(ExtendTimer{.timer = f.timer, .seconds = 60});
    CHECK(f.state() == TimerState::Running);
    CHECK(f.remaining() == kMinute);
    f.clock.advance(30000);
    CHECK(f.remaining() == 30000);
    CHECK(f.t().extensionCount == 3);
    CHECK(f.t().extensionMs == 7 * kMinute);
}

TEST_CASE("reset goes back to the planned duration, not running; finish stops at zero") {
    Timers f;
    f.engine->apply(ExtendTimer{.timer = f.timer, .seconds = 300});
    f.clock.advance(3 * kMinute);
    f.engine->apply(ResetTimer{f.timer});
    CHECK(f.state() == TimerState::Ready);
    CHECK(f.remaining() == 10 * kMinute);
    CHECK(f.t().extensionCount == 0);
    CHECK(f.t().extensionMs == 0);
    f.clock.advance(kMinute);
    CHECK(f.remaining() == 10 * kMinute);
    f.engine->apply(ResumeTimer{f.timer}); // a reset timer starts again with resume
    f.clock.advance(kMinute);
    CHECK(f.remaining() == 9 * kMinute);

    f.engine->apply(FinishTimer{f.timer});
    CHECK(f.state() == TimerState::Finished);
    CHECK(f.remaining() == 0);
    f.clock.advance(kMinute);
    CHECK(f.remaining() == 0);
    CHECK(timerOverrun(f.t(), f.clock.now()) == 0);
    CHECK_THROWS_AS(f.engine->apply(ResumeTimer{f.timer}), ValidationError);
    f.engine->apply(ExtendTimer{.timer = f.timer, .seconds = 120});
    CHECK(f.state() == TimerState::Running);
    CHECK(f.remaining() == 2 * kMinute);
}

TEST_CASE("the arithmetic itself, without the engine") {
    TimedSession t;
    t.durationMs = 5 * kMinute;
    t.state = TimerState::Running;
    t.startedAt = 1000000;
    t.remainingMs = 5 * kMinute;
    CHECK(timerRemaining(t, 1000000) == 5 * kMinute);
    CHECK(timerRemaining(t, 1000000 - 5000) == 5 * kMinute); // a clock set back never adds time
    CHECK(timerRemaining(t, 1000000 + 5 * kMinute) == 0);
    CHECK(timerState(t, 1000000 + 5 * kMinute - 1) == TimerState::Running);
    CHECK(timerState(t, 1000000 + 5 * kMinute) == TimerState::Finished);
    CHECK(timerOverrun(t, 1000000 + 6 * kMinute) == kMinute);
    t.state = TimerState::Paused;
    CHECK(timerRemaining(t, 0) == 5 * kMinute);
    CHECK(timerOverrun(t, 1000000 + 6 * kMinute) == 0);
    t.remainingMs = -3;
    CHECK(timerRemaining(t, 0) == 0);
}

TEST_CASE("formatCountdown rounds up to the second and shows hours past an hour") {
    CHECK(formatCountdown(0) == "00:00");
    CHECK(formatCountdown(-5000) == "00:00");
    CHECK(formatCountdown(1) == "00:01");
    CHECK(formatCountdown(999) == "00:01");
    CHECK(formatCountdown(1000) == "00:01");
    CHECK(formatCountdown(1001) == "00:02");
    CHECK(formatCountdown(59999) == "01:00");
    CHECK(formatCountdown(12 * kMinute + 5000) == "12:05");
    CHECK(formatCountdown(60 * kMinute - 1000) == "59:59");
    CHECK(formatCountdown(60 * kMinute) == "1:00:00");
    CHECK(formatCountdown(62 * kMinute + 3000) == "1:02:03");
    CHECK(formatCountdown(Millis{kMaxTimerSeconds} * 1000) == "24:00:00");
}

TEST_CASE("a running countdown needs no writes and is right after a reopen") {
    Timers f;
    f.clock.advance(2 * kMinute);
    std::string dump = f.engine->store().canonicalDump();
    auto revision = f.engine->state().revision;
    f.engine.reset();
    // While the app is closed, time passes.
    f.clock.advance(3 * kMinute + 500);
    f.reopen();
    CHECK(f.engine->store().canonicalDump() == dump); // nothing was written while it ran
    CHECK(f.remaining() == 5 * kMinute - 500);
    CHECK(f.state() == TimerState::Running);
    CHECK(formatCountdown(f.remaining()) == "05:00"); // 4:59.5 shows as 5:00, rounded up
    // Watching the countdown does not write either (revisions are compared within one engine:
    // each engine numbers its own).
    revision = f.engine->state().revision;
    for (int i = 0; i < 10; ++i) {
        f.clock.advance(1000);
        (void)f.remaining();
    }
    CHECK(f.engine->store().canonicalDump() == dump);
    CHECK(f.engine->state().revision == revision);

    // Paused, then closed for a long time: still the paused remaining.
    f.engine->apply(PauseTimer{f.timer});
    f.engine.reset();
    f.clock.advance(60 * kMinute);
    f.reopen();
    CHECK(f.state() == TimerState::Paused);
    CHECK(f.remaining() == 5 * kMinute - 500 - 10000);

    // Running out while closed reads as finished on reopen.
    f.engine->apply(ResumeTimer{f.timer});
    f.engine.reset();
    f.clock.advance(20 * kMinute);
    f.reopen();
    CHECK(f.state() == TimerState::Finished);
    CHECK(f.remaining() == 0);
}

TEST_CASE("the timer a scope shows is the latest created for it") {
    Timers f;
    Id team = f.add(AddTeam{.name = "Équipe A"});
    f.clock.advance(1000);
    Id teamTimer = f.add(StartTimer{.team = team, .seconds = 60});
    f.clock.advance(1000);
    Id allTimer = f.add(StartTimer{.seconds = 120});
    CHECK(f.engine->state().currentTimer(Id{})->id == allTimer);
    CHECK(f.engine->state().currentTimer(team)->id == teamTimer);
    CHECK(f.engine->state().find<TimedSession>(f.timer)); // older timers are kept
}

// Issue 14, problem 1: « Nouveau minuteur » replaced a running all-teams timer with no way back.
TEST_CASE("a new countdown pauses the one it replaces, which can be brought back with its time") {
    Timers f; // all teams, 10 min
    f.clock.advance(3 * kMinute);
    REQUIRE(timersReplacedBy(f.engine->state(), Id{}, f.clock.now()).size() == 1);
    CHECK(previousTimer(f.engine->state(), Id{}, f.clock.now()) == nullptr);
    Id second = f.add(StartTimer{.phase = Phase::Select, .seconds = 60});
    CHECK(shownTimer(f.engine->state(), Id{})->id == second);
    CHECK(f.state() == TimerState::Paused);
    CHECK(f.remaining() == 7 * kMinute);
    f.clock.advance(30000);
    const TimedSession* previous = previousTimer(f.engine->state(), Id{}, f.clock.now());
    REQUIRE(previous);
    CHECK(previous->id == f.timer);

    f.engine->apply(RestoreTimer{f.timer});
    CHECK(shownTimer(f.engine->state(), Id{})->id == f.timer);
    CHECK(f.state() == TimerState::Paused);
    CHECK(f.remaining() == 7 * kMinute); // the time it had left when replaced
    const TimedSession& replacement = *f.engine->state().find<TimedSession>(second);
    CHECK(replacement.state == TimerState::Paused);
    CHECK(replacement.remainingMs == 30000);
    // And back again: the two swap places.
    CHECK(previousTimer(f.engine->state(), Id{}, f.clock.now())->id == second);
    f.engine->apply(ResumeTimer{f.timer});
    f.clock.advance(kMinute);
    CHECK(f.remaining() == 6 * kMinute);
}

TEST_CASE("an all-teams countdown pauses the teams' own; a team's own leaves the room's running") {
    Fixture f;
    Id team = f.add(AddTeam{.name = "Atelier 1"});
    Id room = f.add(StartTimer{.seconds = 600});
    f.clock.advance(1000);
    Id own = f.add(StartTimer{.team = team, .seconds = 300});
    f.clock.advance(1000);
    const EventState& s = f.engine->state();
    CHECK(s.find<TimedSession>(room)->state == TimerState::Running);
    CHECK(shownTimer(s, team)->id == own);
    CHECK(shownTimer(s, Id{})->id == room);
    auto replaced = timersReplacedBy(s, Id{}, f.clock.now());
    CHECK(replaced.size() == 2);
    Id next = f.add(StartTimer{.seconds = 120});
    f.clock.advance(1000);
    CHECK(s.find<TimedSession>(room)->state == TimerState::Paused);
    CHECK(s.find<TimedSession>(own)->state == TimerState::Paused);
    CHECK(shownTimer(s, team)->id == next);
    // The team brings its own back, in front of the room's.
    REQUIRE(previousTimer(s, team, f.clock.now()));
    f.engine->apply(RestoreTimer{own});
    CHECK(shownTimer(s, team)->id == own);
    CHECK(s.find<TimedSession>(next)->state == TimerState::Running); // the room's goes on
}

TEST_CASE("bringing back refuses a timer that is running, finished or already shown") {
    Timers f;
    checkRefused(f, RestoreTimer{f.timer}, {"pas en pause"});
    f.engine->apply(PauseTimer{f.timer});
    checkRefused(f, RestoreTimer{f.timer}, {"déjà celui affiché"});
    f.clock.advance(1000);
    Id other = f.add(StartTimer{.seconds = 60});
    f.clock.advance(2 * kMinute);
    CHECK(timerState(*f.engine->state().find<TimedSession>(other), f.clock.now()) == TimerState::Finished);
    CHECK(timersReplacedBy(f.engine->state(), Id{}, f.clock.now()).empty()); // a finished one needs no asking
    checkRefused(f, RestoreTimer{other}, {"pas en pause"});
}

// Issue 14: the « − » key did nothing. Taking a minute off: running, paused or ready; never below
// zero (refused, naming what is left); undoable, the minute given back.
TEST_CASE("taking time off a countdown, never below zero, undoable") {
    Timers f;
    f.clock.advance(2 * kMinute);
    f.engine->apply(ShortenTimer{f.timer, 60});
    CHECK(f.remaining() == 7 * kMinute);
    CHECK(f.state() == TimerState::Running);
    f.clock.advance(kMinute);
    CHECK(f.remaining() == 6 * kMinute); // still counting down from there
    REQUIRE(f.engine->canUndo());
    CHECK(f.engine->undoDescription() == "Enlever 1 min");
    f.engine->undo();
    CHECK(f.remaining() == 7 * kMinute); // the minute given back
    f.engine->redo();
    CHECK(f.remaining() == 6 * kMinute);

    f.engine->apply(PauseTimer{f.timer});
    f.engine->apply(ShortenTimer{f.timer, 120});
    CHECK(f.remaining() == 4 * kMinute);
    CHECK(f.state() == TimerState::Paused);

    // Four minutes left: five off would go below zero.
    checkRefused(f, ShortenTimer{f.timer, 300}, {"04:00", "sous zéro"});
    f.engine->apply(ResumeTimer{f.timer});
    f.clock.advance(3 * kMinute + 30000);
    checkRefused(f, ShortenTimer{f.timer, 60}, {"00:30", "sous zéro"});
    CHECK(f.remaining() == 30000);
    f.clock.advance(kMinute);
    checkRefused(f, ShortenTimer{f.timer, 60}, {"déjà à zéro"});
    checkRefused(f, ShortenTimer{f.timer, 0}, {"seconds"});

    f.engine->apply(ResetTimer{f.timer});
    f.engine->apply(ShortenTimer{f.timer, 60});
    CHECK(f.remaining() == 9 * kMinute);
    CHECK(f.state() == TimerState::Ready);
}
