#pragma once
// Which countdown a scope (one team, or all teams when the id is 0) shows, which running ones
// a new countdown would take the place of, and which replaced one can be brought back.
#include "storage/state.hpp"

#include <vector>

namespace atelier {

// Running, or paused with time left: a countdown someone still relies on (a reset one is not).
bool timerInUse(const TimedSession& timer, Millis now);

// The countdown a scope shows: the newest of the team's own timer and the all-teams timer.
const TimedSession* shownTimer(const EventState& state, Id team);

// The in-use timers a new countdown for `team` would hide: what the scope shows and, for all
// teams, every team's own. Starting pauses those of the scope (see StartTimer).
std::vector<const TimedSession*> timersReplacedBy(const EventState& state, Id team, Millis now);

// The replaced countdown « Reprendre le minuteur précédent » brings back: the newest paused
// timer of the scope with time left that is not the one shown. Null when none.
const TimedSession* previousTimer(const EventState& state, Id team, Millis now);

} // namespace atelier
