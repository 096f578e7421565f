#include "audio/chime_schedule.hpp"

#include <algorithm>

namespace atelier::audio {

namespace {
std::size_t slot(ChimeKind kind) { return kind == ChimeKind::Zero ? 0 : 1; }
constexpr Millis kMinute = 60 * 1000;
} // namespace

std::vector<ChimeDeadline> chimeDeadlines(const EventState& state, bool minuteBefore) {
    std::vector<ChimeDeadline> out;
    for (const auto& [id, t] : state.timedSessions) {
        // Only a running countdown reaches zero by itself; its zero does not move while it runs.
        if (t.state != TimerState::Running || t.remainingMs <= 0) continue;
        Millis zero = t.startedAt + t.remainingMs;
        out.push_back({zero, ChimeKind::Zero});
        if (minuteBefore && t.remainingMs > kMinute) out.push_back({zero - kMinute, ChimeKind::MinuteBefore});
    }
    std::sort(out.begin(), out.end(), [](const ChimeDeadline& a, const ChimeDeadline& b) { return a.at < b.at; });
    return out;
}

std::optional<ChimeKind> ChimeSchedule::due(Millis now) {
    std::array<std::optional<Millis>, 2> first;
    for (const ChimeDeadline& d : m_deadlines) {
        std::size_t k = slot(d.kind);
        if (d.at > m_heard[k] && d.at <= now && (!first[k] || d.at < *first[k])) first[k] = d.at;
    }
    std::optional<ChimeKind> sound;
    if (first[1]) sound = ChimeKind::MinuteBefore;
    if (first[0]) sound = ChimeKind::Zero; // the zero wins when both fall together
    for (std::size_t k = 0; k < 2; ++k) {
        m_heard[k] = std::max(m_heard[k], now);
        if (first[k]) m_heard[k] = std::max(m_heard[k], *first[k] + kTogether);
    }
    return sound;
}

std::optional<Millis> ChimeSchedule::next() const {
    std::optional<Millis> soonest;
    for (const ChimeDeadline& d : m_deadlines)
        if (d.at > m_heard[slot(d.kind)] && (!soonest || d.at < *soonest)) soonest = d.at;
    return soonest;
}

} // namespace atelier::audio
