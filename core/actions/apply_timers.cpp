// Timed sessions: start, pause, resume, extend, reset, finish. Nothing is written while a
// countdown runs; see timer.hpp for the arithmetic.
#include "actions/action_apply.hpp"
#include "model/timer.hpp"
#include "timers/timer_scope.hpp"

#include <array>

namespace atelier {

namespace {

TimedSession requireTimer(const ActionContext& ctx, Id id) { return ctx.require<TimedSession>(id, "Minuteur", "Timer"); }

// Pauses the in-use countdowns of `team`'s scope that a countdown coming to the front hides,
// keeping the time each had left (for all teams: every team's own countdown too).
void pauseReplaced(ActionContext& ctx, Id team, Id except) {
    for (const TimedSession* shown : timersReplacedBy(ctx.state(), team, ctx.now())) {
        if (shown->id == except || (team && shown->teamId != team)) continue; // a team's start leaves the room's timer running
        TimedSession t = *shown;
        if (timerState(t, ctx.now()) == TimerState::Running) {
            t.remainingMs = timerRemaining(t, ctx.now());
            t.state = TimerState::Paused;
            t.startedAt = 0;
            ctx.put(t);
        }
    }
}

std::string minutes(int seconds) {
    if (seconds % 60 == 0) return trf("{} min", "{} min", seconds / 60);
    return trf("{} s", "{} s", seconds);
}

} // namespace

void run(const StartTimer& a, ActionContext& ctx) {
    check::range(a.seconds, "seconds", 1, kMaxTimerSeconds);
    check::text(a.label, "label", kMaxShortText, false);
    if (a.team) ctx.require<Team>(a.team, "Équipe", "Team");
    pauseReplaced(ctx, a.team, Id{});
    TimedSession t;
    t.id = ctx.newRowId<TimedSession>(a.id);
    t.label = a.label;
    t.phase = a.phase;
    t.teamId = a.team;
    t.durationMs = Millis{a.seconds} * 1000;
    t.state = TimerState::Running;
    t.startedAt = ctx.now();
    t.remainingMs = t.durationMs;
    t.createdAt = ctx.now();
    rules::enforce(rules::checkRow(t, ctx.state()));
    ctx.put(t);
}
std::string describe(const StartTimer& a, const EventState&) {
    return trf("Lancer le minuteur ({})", "Start the timer ({})", minutes(a.seconds));
}

void run(const PauseTimer& a, ActionContext& ctx) {
    TimedSession t = requireTimer(ctx, a.timer);
    if (timerState(t, ctx.now()) != TimerState::Running)
        throw ValidationError(tr("Ce minuteur ne tourne pas : rien à mettre en pause.", "This timer is not running: nothing to pause."));
    t.remainingMs = timerRemaining(t, ctx.now());
    t.state = TimerState::Paused;
    t.startedAt = 0;
    ctx.put(t);
}
std::string describe(const PauseTimer&, const EventState&) { return std::string(tr("Mettre en pause", "Pause")); }

void run(const ResumeTimer& a, ActionContext& ctx) {
    TimedSession t = requireTimer(ctx, a.timer);
    if (t.state != TimerState::Paused && t.state != TimerState::Ready)
        throw ValidationError(tr("Ce minuteur n'est pas en pause.", "This timer is not paused."));
    t.state = TimerState::Running;
    t.startedAt = ctx.now();
    ctx.put(t);
}
std::string describe(const ResumeTimer&, const EventState&) { return std::string(tr("Reprendre", "Resume")); }

void run(const ExtendTimer& a, ActionContext& ctx) {
    TimedSession t = requireTimer(ctx, a.timer);
    check::range(a.seconds, "seconds", 1, kMaxTimerSeconds);
    Millis extra = Millis{a.seconds} * 1000;
    TimerState state = timerState(t, ctx.now());
    if (state == TimerState::Finished) {
        // Out of time: the extension runs from now.
        t.state = TimerState::Running;
        t.startedAt = ctx.now();
        t.remainingMs = extra;
    } else {
        t.remainingMs += extra;
    }
    t.extensionMs += extra;
    t.extensionCount += 1;
    ctx.put(t);
}
std::string describe(const ExtendTimer& a, const EventState&) {
    return trf("Ajouter {}", "Add {}", minutes(a.seconds));
}

void run(const ShortenTimer& a, ActionContext& ctx) {
    TimedSession t = requireTimer(ctx, a.timer);
    check::range(a.seconds, "seconds", 1, kMaxTimerSeconds);
    Millis less = Millis{a.seconds} * 1000;
    Millis left = timerRemaining(t, ctx.now());
    if (timerState(t, ctx.now()) == TimerState::Finished || left <= 0)
        throw ValidationError(tr("Ce minuteur est déjà à zéro : il n'y a rien à enlever.", "This timer is already at zero: there is nothing to take off."));
    // Never below zero: a second press on − must not end the countdown the room is watching.
    if (left <= less)
        throw ValidationError(trf("Il ne reste que {} à ce minuteur : enlever {} le ferait passer sous zéro. Il continue sans changement.",
                                  "Only {} is left on this timer: taking {} off would go below zero. It goes on unchanged.",
                                  formatCountdown(left), minutes(a.seconds)));
    t.remainingMs -= less; // running: the remaining at startedAt; paused or ready: the remaining now
    ctx.put(t);
}
std::string describe(const ShortenTimer& a, const EventState&) { return trf("Enlever {}", "Take off {}", minutes(a.seconds)); }

void run(const ResetTimer& a, ActionContext& ctx) {
    TimedSession t = requireTimer(ctx, a.timer);
    t.state = TimerState::Ready;
    t.startedAt = 0;
    t.remainingMs = t.durationMs;
    t.extensionMs = 0;
    t.extensionCount = 0;
    ctx.put(t);
}
std::string describe(const ResetTimer&, const EventState&) { return std::string(tr("Remettre à zéro", "Reset")); }

void run(const FinishTimer& a, ActionContext& ctx) {
    TimedSession t = requireTimer(ctx, a.timer);
    t.state = TimerState::Finished;
    t.startedAt = 0;
    t.remainingMs = 0;
    ctx.put(t);
}
std::string describe(const FinishTimer&, const EventState&) { return std::string(tr("Terminer le minuteur", "Finish the timer")); }

void run(const RestoreTimer& a, ActionContext& ctx) {
    TimedSession t = requireTimer(ctx, a.timer);
    if (timerState(t, ctx.now()) != TimerState::Paused || timerRemaining(t, ctx.now()) <= 0)
        throw ValidationError(tr("Ce minuteur n'est pas en pause avec du temps restant : il ne peut pas être repris.",
                                 "This timer is not paused with time left: it cannot be brought back."));
    if (const TimedSession* shown = shownTimer(ctx.state(), t.teamId); shown && shown->id == t.id)
        throw ValidationError(tr("Ce minuteur est déjà celui affiché : appuyez sur Reprendre pour le relancer.",
                                 "This timer is already the one shown: press Resume to run it again."));
    pauseReplaced(ctx, t.teamId, t.id);
    t.createdAt = ctx.now(); // in front of its scope again (the newest is the one shown)
    ctx.put(t);
}
std::string describe(const RestoreTimer&, const EventState&) {
    return std::string(tr("Reprendre le minuteur précédent", "Bring back the previous timer"));
}

} // namespace atelier
