#pragma once
// A phase change for every team must not take a team back without asking: which teams it
// would take back, and the message naming them (the UI's question, the action's refusal).
#include "storage/state.hpp"

#include <string>
#include <vector>

namespace atelier {

// The teams, in display order, already past `phase`.
std::vector<const Team*> teamsTakenBack(const EventState& state, Phase phase);

// « Atelier 3 (Tester), Atelier 7 (Prototyper) »: the teams and the phase each would leave.
std::string namesWithPhases(const std::vector<const Team*>& teams);

} // namespace atelier
