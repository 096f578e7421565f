#pragma once
// Each team's notes, followed commit by commit through the engine's changed rows, so that a
// phone's note and the phones' snapshot read one team's notes without a pass over the whole
// event's (issue 18: two passes over the 10x event's 6,642 notes per phone write cost about a
// millisecond of the laptop's frame). On the engine's thread only.
#include "engine/engine.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace atelier::participation {

class TeamNotes {
public:
    // Brings the index up to the engine's state: the note rows changed since the last call, or
    // every note again after another engine, a reload or more changes than the engine keeps.
    void follow(const Engine& engine);
    // The team's notes, unsorted; valid until the state changes.
    std::vector<const Note*> of(Id team) const;
    // How many times follow() went through every note (tests).
    unsigned rebuilds() const { return m_rebuilds; }

private:
    void rebuild(const EventState& state);
    void place(Id noteId, const Note* note);

    std::uint64_t m_serial = 0, m_revision = 0;
    std::unordered_map<Id, std::unordered_map<Id, const Note*>> m_byTeam;
    std::unordered_map<Id, Id> m_teamOf;
    unsigned m_rebuilds = 0;
};

} // namespace atelier::participation
