#pragma once
// Phases: each team's phase, set per team or for all teams at once, and when each changed.
// A change for all teams that would take some back asks first, naming them.
#include "views/view.hpp"

#include <string>

namespace atelier {

class PhasesView final : public View {
public:
    PhasesView() : View(ViewId::Phases, Str::ViewPhases) {}

private:
    void drawContent(ViewContext& ctx) override;
    Phase m_allPhase = Phase::Diverge; // the all-teams phase waiting for « Oui, revenir en arrière »
    std::string m_backNames;
    bool m_askBack = false;
};

} // namespace atelier
