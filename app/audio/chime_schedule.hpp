#pragma once
// When the room must hear the chime: every running countdown's zero (and, when asked, the
// minute before it), read from the stored timers, and which of those moments are due. No
// sound here (audio/chime_player.hpp plays), so the rules are tested without a device:
// - timers ending together make one chime, not one each (fourteen teams started at once);
// - a moment already past when it becomes known never chimes (a timer that ended while the
//   app was closed, an event opened after its timers ran out).
#include "model/model.hpp"
#include "storage/state.hpp"

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace atelier::audio {

enum class ChimeKind { Zero, MinuteBefore };

struct ChimeDeadline {
    Millis at = 0;
    ChimeKind kind = ChimeKind::Zero;
    bool operator==(const ChimeDeadline&) const = default;
};

// The zeros of the running countdowns, and the minute before each when `minuteBefore` (only
// for a countdown that had more than a minute to go when it last started).
std::vector<ChimeDeadline> chimeDeadlines(const EventState& state, bool minuteBefore);

class ChimeSchedule {
public:
    // Moments up to `from` never chime.
    explicit ChimeSchedule(Millis from = 0) { restart(from); }
    void restart(Millis from) { m_heard = {from, from}; }
    void setDeadlines(std::vector<ChimeDeadline> deadlines) { m_deadlines = std::move(deadlines); }
    const std::vector<ChimeDeadline>& deadlines() const { return m_deadlines; }

    // The one sound due at `now`: every moment reached since the last call, of either kind,
    // makes one sound (the zero when both), and moments within kTogether after it are heard
    // with it. Then nothing up to `now` chimes again.
    std::optional<ChimeKind> due(Millis now);
    // The next moment that would chime, if any.
    std::optional<Millis> next() const;

    static constexpr Millis kTogether = 1500;

private:
    std::array<Millis, 2> m_heard{}; // per kind: moments up to this one have been heard (or skipped)
    std::vector<ChimeDeadline> m_deadlines;
};

} // namespace atelier::audio
