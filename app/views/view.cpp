#include "views/view.hpp"

#include "views/view_board.hpp"
#include "views/view_challenge.hpp"
#include "views/view_dashboard.hpp"
#include "views/view_home.hpp"
#include "views/view_import.hpp"
#include "views/view_phases.hpp"
#include "views/view_programme.hpp"
#include "views/view_projector.hpp"
#include "views/view_prototypes.hpp"
#include "views/view_search.hpp"
#include "views/view_stand.hpp"
#include "views/view_teams.hpp"
#include "views/view_timer.hpp"
#include "views/view_votes.hpp"
#include "views/view_participation.hpp"

#include <cstdio>

namespace atelier {

void View::draw(ViewContext& ctx, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    char name[32];
    std::snprintf(name, sizeof name, "##view%d", static_cast<int>(m_id));
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBackground; // the frame's clear paints it (frame_background.hpp)
    if (ImGui::Begin(name, nullptr, kFlags | windowFlags())) drawContent(ctx);
    ImGui::End();
}

std::vector<std::unique_ptr<View>> makeViews() {
    std::vector<std::unique_ptr<View>> views;
    views.push_back(std::make_unique<HomeView>());
    views.push_back(std::make_unique<ChallengeView>());
    views.push_back(std::make_unique<TeamsView>());
    views.push_back(std::make_unique<ProgrammeView>());
    views.push_back(std::make_unique<PhasesView>());
    views.push_back(std::make_unique<BoardView>());
    views.push_back(std::make_unique<VotesView>());
    views.push_back(std::make_unique<PrototypesView>());
    views.push_back(std::make_unique<StandView>());
    views.push_back(std::make_unique<DashboardView>());
    views.push_back(std::make_unique<SearchView>());
    views.push_back(std::make_unique<FilesView>());
    views.push_back(std::make_unique<ParticipationView>());
    views.push_back(std::make_unique<TimerView>());
    views.push_back(std::make_unique<ProjectorView>());
    return views;
}

} // namespace atelier
