#pragma once
// Phases: each team's phase, set per team or for all teams at once, and when each changed.
#include "views/view.hpp"

namespace atelier {

class PhasesView final : public View {
public:
    PhasesView() : View(ViewId::Phases, Str::ViewPhases) {}

private:
    void drawContent(ViewContext& ctx) override;
    Phase m_allPhase = Phase::Diverge;
};

} // namespace atelier
