#pragma once
// Projector: choose what the projector shows (timer alone, a défi brief, today's programme) and
// for which team; preview it; open the projection window. F11 shows it full screen.
#include "views/view.hpp"

namespace atelier {

class ProjectorView final : public View {
public:
    ProjectorView() : View(ViewId::Projector, Str::ViewProjector) {}

private:
    void drawContent(ViewContext& ctx) override;
};

} // namespace atelier
