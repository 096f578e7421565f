#include "views/view_projector.hpp"

#include "presentation.hpp"
#include "widgets.hpp"

namespace atelier {

namespace {
int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }

const char* contentName(ProjectorContent c) {
    switch (c) {
    case ProjectorContent::TimerOnly: return str(Str::ContentTimerOnly);
    case ProjectorContent::Challenge: return str(Str::ContentChallenge);
    case ProjectorContent::Programme: return str(Str::ContentProgramme);
    case ProjectorContent::Board: return str(Str::ContentBoard);
    case ProjectorContent::Vote: return str(Str::ContentVote);
    case ProjectorContent::Join: return str(Str::ContentJoin);
    case ProjectorContent::Count: break;
    }
    return "";
}
} // namespace

void ProjectorView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    if (session.projectorTeam && !state.find<Team>(session.projectorTeam)) session.projectorTeam = Id{};
    const Team* team = state.find<Team>(session.projectorTeam);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::ProjectorContent));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ProjectorContent content = session.projectorContent;
    if (enumCombo("##content", session.projectorContent, content, contentName, static_cast<int>(ProjectorContent::Count))) {
        session.projectorContent = content;
        session.projectorChallenge = Id{};
        session.projectorPage = 0;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(str(Str::ProjectorTeam));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("##pteam", team ? team->name.c_str() : str(Str::AllTeams))) {
        if (ImGui::Selectable(str(Str::AllTeams), !team)) session.projectorTeam = Id{};
        for (const Team* t : state.teamsInOrder()) {
            ImGui::PushID(idKey(t->id));
            if (ImGui::Selectable(t->name.c_str(), t == team)) {
                session.projectorTeam = t->id;
                session.projectorChallenge = Id{};
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (button(str(session.projectionWindow ? Str::ProjectorCloseWindow : Str::ProjectorOpenWindow)))
        session.projectionWindow = !session.projectionWindow;
    ImGui::TextDisabled("%s", str(Str::ProjectorHint));

    // The preview keeps the projector's 16:9 shape.
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 size(avail.x, avail.x * 9.0f / 16.0f);
    if (size.y > avail.y) size = ImVec2(avail.y * 16.0f / 9.0f, avail.y);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    pos.x += (avail.x - size.x) / 2;
    drawPresentation(ctx, pos, size, true);
    ImGui::Dummy(avail);
}

} // namespace atelier
