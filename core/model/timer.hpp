#pragma once
// Countdown arithmetic. A timed session is stored as (remaining at startedAt, startedAt, state),
// so nothing is written while it runs and the remaining time is right after a restart.
#include "model/model.hpp"

#include <string>

namespace atelier {

// Remaining time at `now`, never below 0.
Millis timerRemaining(const TimedSession& timer, Millis now);
// Running with nothing left reads as Finished, with no write needed.
TimerState timerState(const TimedSession& timer, Millis now);
// How far past zero a running timer is (0 unless it ran out), for "flashing at zero".
Millis timerOverrun(const TimedSession& timer, Millis now);
// "12:05", or "1:02:03" past an hour. Rounds up so a timer shows 0:00 only when done.
std::string formatCountdown(Millis remaining);

} // namespace atelier
