#pragma once
// Event home: the programme by day with "now" marked, and a grid of défis with their team,
// phase, running timer and counts; a card opens the défi or the team.
#include "views/view.hpp"

namespace atelier {

class HomeView final : public View {
public:
    HomeView() : View(ViewId::Home, Str::ViewHome) {}

private:
    void drawContent(ViewContext& ctx) override;
    void drawProgramme(ViewContext& ctx);
    void drawChallenges(ViewContext& ctx);
};

} // namespace atelier
