#include "actions/phase_change.hpp"

#include "io/labels.hpp"

namespace atelier {

std::vector<const Team*> teamsTakenBack(const EventState& state, Phase phase) {
    std::vector<const Team*> out;
    for (const Team* t : state.teamsInOrder())
        if (static_cast<int>(t->phase) > static_cast<int>(phase)) out.push_back(t);
    return out;
}

std::string namesWithPhases(const std::vector<const Team*>& teams) {
    std::string out;
    for (const Team* t : teams) {
        if (!out.empty()) out += ", ";
        out += t->name + " (" + phaseLabel(t->phase) + ")";
    }
    return out;
}

} // namespace atelier
