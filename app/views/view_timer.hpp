#pragma once
// Timer: the facilitator's instrument. For one team or all teams: a phase chosen, a duration
// typed freely (« 7 », « 7:30 », « 90 s ») or picked from the per-phase presets; start / pause /
// resume / +1 / −1 / +5 / reset; the chime's settings; a new countdown asks before replacing one in use, and the replaced
// one can be brought back with the time it had left. Every team's timer at a glance.
#include "views/view.hpp"

#include <array>
#include <optional>
#include <string>

namespace atelier {

class TimerView final : public View {
public:
    TimerView() : View(ViewId::Timer, Str::ViewTimer) {}

private:
    void drawContent(ViewContext& ctx) override;
    void drawControls(ViewContext& ctx, const TimedSession* timer, Phase phase, int presetSeconds);
    void drawReplaceQuestion(ViewContext& ctx);
    // The chime: mute, a minute before, the output (the projector's HDMI often has no speaker), a test.
    void drawSound(ViewContext& ctx);
    // Queues the start, or asks first when it would replace a countdown in use.
    void requestStart(ViewContext& ctx, const StartTimer& start);

    Id m_scope{-1};                    // the scope the choices below were made for
    std::optional<Phase> m_phase;      // chosen phase; none = the scope's own
    std::array<char, 32> m_duration{}; // typed duration; empty = the phase's preset
    std::string m_durationError;
    std::optional<StartTimer> m_pendingStart; // waiting for « Remplacer »
    std::string m_replaced;                   // what the question names
    bool m_openQuestion = false;
};

// The phase a new countdown for the scope is for by default: the team's, or for all teams the
// one most teams are in (the later one on a tie), so the room never sees a stale phase.
Phase defaultTimerPhase(const EventState& state, Id team);

} // namespace atelier
