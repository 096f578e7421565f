#pragma once
// Timer: start / pause / resume / +1 / +5 / reset for one team or all teams, durations preset
// per phase, a big countdown, and every team's timer at a glance.
#include "views/view.hpp"

namespace atelier {

class TimerView final : public View {
public:
    TimerView() : View(ViewId::Timer, Str::ViewTimer) {}

private:
    void drawContent(ViewContext& ctx) override;
};

} // namespace atelier
