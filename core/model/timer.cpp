#include "model/timer.hpp"

#include <algorithm>
#include <cstdio>

namespace atelier {

Millis timerRemaining(const TimedSession& timer, Millis now) {
    switch (timer.state) {
    case TimerState::Running: return std::max<Millis>(0, timer.remainingMs - std::max<Millis>(0, now - timer.startedAt));
    case TimerState::Paused:
    case TimerState::Ready: return std::max<Millis>(0, timer.remainingMs);
    case TimerState::Finished: return 0;
    }
    return 0;
}

TimerState timerState(const TimedSession& timer, Millis now) {
    if (timer.state == TimerState::Running && timerRemaining(timer, now) == 0) return TimerState::Finished;
    return timer.state;
}

Millis timerOverrun(const TimedSession& timer, Millis now) {
    if (timer.state != TimerState::Running) return 0;
    return std::max<Millis>(0, (now - timer.startedAt) - timer.remainingMs);
}

std::string formatCountdown(Millis remaining) {
    Millis totalSeconds = (std::max<Millis>(0, remaining) + 999) / 1000;
    long long hours = totalSeconds / 3600, minutes = (totalSeconds / 60) % 60, seconds = totalSeconds % 60;
    char buffer[32];
    if (hours > 0) std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", hours, minutes, seconds);
    else std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", minutes, seconds);
    return buffer;
}

} // namespace atelier
