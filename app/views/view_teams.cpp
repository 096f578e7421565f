#include "views/view_teams.hpp"

#include "theme.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace atelier {

namespace {
int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }
} // namespace

void TeamsView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    auto teams = state.teamsInOrder();
    session.selectedTeamOrFirst();

    ImGui::BeginChild("##teamlist", ImVec2(std::max(ImGui::GetContentRegionAvail().x * 0.28f, 220.0f * ctx.scale), 0), true);
    if (button(str(Str::TeamsAdd))) {
        AddTeam add;
        // « Nouvelle équipe », then « Nouvelle équipe 2 » …: team names are unique.
        add.name = str(Str::TeamsNewName);
        for (int n = 2; std::any_of(teams.begin(), teams.end(), [&](const Team* t) { return t->name == add.name; }); ++n)
            add.name = std::string(str(Str::TeamsNewName)) + " " + std::to_string(n);
        // The new team is the one being edited: typing then names it, not the team shown before.
        session.queue(add, [&session](const std::vector<Id>& created) {
            if (!created.empty()) session.team = created.front();
        });
    }
    ImGui::Separator();
    if (teams.empty()) ImGui::TextWrapped("%s", str(Str::NoTeams));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(teams.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Team* t = teams[static_cast<std::size_t>(i)];
            ImGui::PushID(idKey(t->id));
            ImVec2 p = ImGui::GetCursorScreenPos();
            float h = ImGui::GetTextLineHeight();
            ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + h * 0.6f, p.y + h), colourFromHex(t->colour));
            ImGui::Dummy(ImVec2(h * 0.6f, h));
            ImGui::SameLine();
            if (ImGui::Selectable(t->name.c_str(), t->id == session.team)) session.team = t->id;
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##team", ImVec2(0, 0), false);
    if (const Team* t = state.find<Team>(session.team)) drawTeam(ctx, *t);
    ImGui::EndChild();
}

void TeamsView::drawTeam(ViewContext& ctx, const Team& team) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    ImGui::PushID(idKey(team.id));
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(team.name.c_str());
    ImGui::PopFont();

    float labelWidth = ImGui::GetFontSize() * 7;
    float fieldWidth = std::min(ImGui::GetContentRegionAvail().x - labelWidth, ImGui::GetFontSize() * 30);
    auto label = [&](Str s) { formRowLabel(str(s), labelWidth); };
    std::string edited;
    if (formRowText(str(Str::TeamName), "##name", team.name, edited, labelWidth, fieldWidth))
        session.queue(EditTeam{team.id, edited, std::nullopt, std::nullopt});

    label(Str::TeamColour);
    ImU32 c = colourFromHex(team.colour);
    float rgb[3] = {((c >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f, ((c >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f,
                    ((c >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f};
    ImGui::ColorEdit3("##colour", rgb, ImGuiColorEditFlags_NoInputs);
    if (ImGui::IsItemDeactivatedAfterEdit()) session.queue(EditTeam{team.id, std::nullopt, hexFromColour(rgb), std::nullopt});

    label(Str::TeamChallenge);
    const Challenge* current = state.find<Challenge>(team.challengeId);
    std::string currentLabel = current ? strf(Str::ChallengeNumber, current->number) + " · " + current->owner : str(Str::TeamNoChallenge);
    ImGui::SetNextItemWidth(fieldWidth);
    if (ImGui::BeginCombo("##challenge", currentLabel.c_str())) {
        if (ImGui::Selectable(str(Str::TeamNoChallenge), !current) && current)
            session.queue(EditTeam{team.id, std::nullopt, std::nullopt, Id{}});
        for (const Challenge* ch : state.challengesInOrder()) {
            if (ch->siteId != team.siteId) continue; // in a review file, the défis of the team's own site
            ImGui::PushID(idKey(ch->id));
            std::string l = strf(Str::ChallengeNumber, ch->number) + " · " + ch->owner;
            if (ImGui::Selectable(l.c_str(), ch->id == team.challengeId) && ch->id != team.challengeId)
                session.queue(EditTeam{team.id, std::nullopt, std::nullopt, ch->id});
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    label(Str::PhasesCurrent);
    ImGui::TextUnformatted(phaseName(team.phase));
    if (team.siteId) {
        label(Str::DashFilterSite);
        ImGui::TextUnformatted(state.siteName(team.siteId).c_str());
    }

    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(str(Str::TeamMembers));
    ImGui::PopFont();
    auto members = state.membersOfTeam(team.id);
    if (ImGui::BeginTable("##members", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(str(Str::MemberName), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(str(Str::MemberOrganisation), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(str(Str::MemberRole), ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(members.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const Member* m = members[static_cast<std::size_t>(i)];
                ImGui::PushID(idKey(m->id));
                ImGui::TableNextRow();
                if (m->id == m_lastAddedMember) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_Header));
                ImGui::TableNextColumn();
                if (editText("##mname", m->name, edited)) {
                    EditMember e;
                    e.member = m->id;
                    e.name = edited;
                    session.queue(e);
                }
                ImGui::TableNextColumn();
                if (editText("##morg", m->organisation, edited)) {
                    EditMember e;
                    e.member = m->id;
                    e.organisation = edited;
                    session.queue(e);
                }
                ImGui::TableNextColumn();
                ImGui::SetNextItemWidth(-1);
                Role role = m->role;
                if (enumCombo("##mrole", m->role, role, roleName, static_cast<int>(kRoleCodes.size()))) {
                    EditMember e;
                    e.member = m->id;
                    e.role = role;
                    session.queue(e);
                }
                ImGui::TableNextColumn();
                if (button(str(Str::MemberDelete))) session.queue(DeleteMember{m->id});
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    // New member row.
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (m_focusNewName) {
        ImGui::SetKeyboardFocusHere();
        m_focusNewName = false;
    }
    bool enter = ImGui::InputTextWithHint("##newname", str(Str::MemberName), &m_newMember, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem("##newname");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputTextWithHint("##neworg", str(Str::MemberOrganisation), &m_newOrganisation);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    enumCombo("##newrole", m_newRole, m_newRole, roleName, static_cast<int>(kRoleCodes.size()));
    ImGui::SameLine();
    ImGui::BeginDisabled(m_newMember.empty());
    if ((button(str(Str::MemberAdd)) || enter) && !m_newMember.empty()) {
        AddMember add;
        add.team = team.id;
        add.name = m_newMember;
        add.organisation = m_newOrganisation;
        add.role = m_newRole;
        session.queue(add, [this](const std::vector<Id>& created) {
            if (!created.empty()) m_lastAddedMember = created.front();
        });
        m_newMember.clear();
        m_newOrganisation.clear();
        m_focusNewName = true;
    }
    ImGui::EndDisabled();

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0xF6, 0xD5, 0xD5, 0xFF));
    if (button(str(Str::TeamDelete))) session.queue(DeleteTeam{team.id});
    ImGui::PopStyleColor();
    ImGui::PopID();
}

} // namespace atelier
