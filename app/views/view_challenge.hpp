#pragma once
// Défi brief: every field of one défi, in type large enough to read on a projector.
#include "views/view.hpp"

namespace atelier {

class ChallengeView final : public View {
public:
    ChallengeView() : View(ViewId::Challenge, Str::ViewChallenge) {}

private:
    void drawContent(ViewContext& ctx) override;
};

} // namespace atelier
