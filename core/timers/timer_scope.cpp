#include "timers/timer_scope.hpp"

#include "model/timer.hpp"

#include <tuple>

namespace atelier {

bool timerInUse(const TimedSession& timer, Millis now) {
    TimerState st = timerState(timer, now);
    return st == TimerState::Running || (st == TimerState::Paused && timerRemaining(timer, now) > 0);
}

const TimedSession* shownTimer(const EventState& state, Id team) {
    const TimedSession* all = state.currentTimer(Id{});
    if (!team) return all;
    const TimedSession* own = state.currentTimer(team);
    if (!own) return all;
    if (!all) return own;
    return own->createdAt >= all->createdAt ? own : all; // a tie goes to the team's own
}

std::vector<const TimedSession*> timersReplacedBy(const EventState& state, Id team, Millis now) {
    std::vector<const TimedSession*> out;
    if (const TimedSession* shown = shownTimer(state, team); shown && timerInUse(*shown, now)) out.push_back(shown);
    if (!team)
        for (const auto& [id, t] : state.teams)
            if (const TimedSession* own = state.currentTimer(id); own && timerInUse(*own, now)) out.push_back(own);
    return out;
}

const TimedSession* previousTimer(const EventState& state, Id team, Millis now) {
    const TimedSession* shown = shownTimer(state, team);
    const TimedSession* best = nullptr;
    for (const auto& [id, t] : state.timedSessions) {
        if (t.teamId != team || &t == shown || (!team && t.siteId)) continue;
        if (timerState(t, now) != TimerState::Paused || timerRemaining(t, now) <= 0) continue;
        if (!best || std::tie(t.createdAt, t.id) > std::tie(best->createdAt, best->id)) best = &t;
    }
    return best;
}

} // namespace atelier
