#include "views/view_challenge.hpp"

#include "theme.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace atelier {

void ChallengeView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    auto challenges = state.challengesInOrder();
    if (challenges.empty()) {
        ImGui::TextWrapped("%s", str(Str::NoChallenges));
        return;
    }
    auto it = std::find_if(challenges.begin(), challenges.end(), [&](const Challenge* c) { return c->id == session.challenge; });
    if (it == challenges.end()) it = challenges.begin();
    const Challenge& c = **it;
    session.challenge = c.id;

    // Navigation bar.
    if (button(str(Str::ButtonPrevious)) && it != challenges.begin()) session.challenge = (*(it - 1))->id;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    std::string current = strf(Str::ChallengeNumber, c.number);
    if (ImGui::BeginCombo("##pick", current.c_str())) {
        for (const Challenge* other : challenges) {
            ImGui::PushID(static_cast<int>(other->id.value & 0x7FFFFFFF));
            std::string label = strf(Str::ChallengeNumber, other->number) + " · " + other->owner;
            if (ImGui::Selectable(label.c_str(), other->id == c.id)) session.challenge = other->id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (button(str(Str::ButtonNext)) && it + 1 != challenges.end()) session.challenge = (*(it + 1))->id;
    ImGui::SameLine();
    if (button(str(Str::ButtonProject))) {
        session.projectorContent = ProjectorContent::Challenge;
        session.projectorChallenge = c.id;
        if (const Team* t = state.teamOfChallenge(c.id)) session.projectorTeam = t->id;
        session.view = ViewId::Projector;
    }
    ImGui::Separator();

    // The brief: the projector fonts, so it reads from the back of the room when shown there.
    ImGui::BeginChild("##brief", ImVec2(0, 0), false);
    ImGui::PushFont(ctx.fonts.largeBold);
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kAccent);
    ImGui::TextUnformatted(current.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    textWrapped(ctx.fonts.largeBold, c.question);
    ImGui::Spacing();

    auto field = [&](Str label, const std::string& value) {
        if (value.empty()) return;
        ImGui::Spacing();
        ImGui::PushFont(ctx.fonts.heading);
        ImGui::PushStyleColor(ImGuiCol_Text, colours::kAccent);
        ImGui::TextUnformatted(str(label));
        ImGui::PopStyleColor();
        ImGui::PopFont();
        textWrapped(ctx.fonts.large, value);
    };
    field(Str::ChallengeOwner, c.owner);
    field(Str::ChallengeTerritory, c.territory);
    field(Str::ChallengeTheme, c.theme);
    field(Str::ChallengeStakes, c.stakes);
    field(Str::ChallengeStakeholders, c.stakeholders);
    field(Str::ChallengeObstacles, c.obstacles);
    field(Str::ChallengeLevers, c.levers);
    field(Str::ChallengeLink, c.link);
    if (const Team* t = state.teamOfChallenge(c.id)) {
        field(Str::ChallengeTeam, t->name + " · " + phaseName(t->phase));
        if (button(str(Str::ButtonShowTeam))) {
            session.team = t->id;
            session.view = ViewId::Teams;
        }
    }
    ImGui::EndChild();
}

} // namespace atelier
