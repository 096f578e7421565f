#include "views/view_phases.hpp"

#include "actions/phase_change.hpp"
#include "theme.hpp"
#include "model/timezone.hpp"
#include "widgets.hpp"

namespace atelier {

namespace {
int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }
} // namespace

void PhasesView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::PhasesSetAll));
    for (int i = 0; i < static_cast<int>(kPhaseCodes.size()); ++i) {
        ImGui::SameLine();
        Phase p = static_cast<Phase>(i);
        ImGui::PushID(i);
        bool clicked = button(phaseName(p));
        recordLastItem((std::string("all:") + phaseName(p)).c_str());
        if (clicked) {
            // Forward for everyone goes at once; taking a team back asks first, naming it.
            auto back = teamsTakenBack(state, p);
            if (back.empty()) {
                session.queue(SetPhase{Id{}, p});
            } else {
                m_allPhase = p;
                m_backNames = namesWithPhases(back);
                m_askBack = true; // opened outside PushID(i), where the popup is drawn
            }
        }
        ImGui::PopID();
    }
    if (m_askBack) ImGui::OpenPopup("##back");
    m_askBack = false;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32, 0));
    if (ImGui::BeginPopupModal("##back", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushFont(ctx.fonts.heading);
        ImGui::TextUnformatted(str(Str::PhasesBackTitle));
        ImGui::PopFont();
        ImGui::TextWrapped("%s", strf(Str::PhasesBackBody, phaseName(m_allPhase), m_backNames).c_str());
        ImGui::Spacing();
        if (button(str(Str::PhasesBackConfirm))) {
            session.queue(SetPhase{Id{}, m_allPhase, true});
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button(str(Str::ButtonCancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::Separator();

    auto teams = state.teamsInOrder();
    if (teams.empty()) ImGui::TextUnformatted(str(Str::NoTeams));
    if (!teams.empty() && ImGui::BeginTable("##phases", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(str(Str::PhasesTeam), ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn(str(Str::PhasesCurrent), ImGuiTableColumnFlags_WidthStretch, 4);
        ImGui::TableSetupColumn(str(Str::PhasesHistory), ImGuiTableColumnFlags_WidthStretch, 4);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(teams.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const Team* t = teams[static_cast<std::size_t>(r)];
                ImGui::PushID(idKey(t->id));
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(t->name.c_str());
                ImGui::TableNextColumn();
                // One button per phase: the current one stands out, a click moves the team.
                for (int i = 0; i < static_cast<int>(kPhaseCodes.size()); ++i) {
                    Phase p = static_cast<Phase>(i);
                    if (i) ImGui::SameLine();
                    bool current = p == t->phase;
                    ImGui::PushID(i);
                    if (current) {
                        ImGui::PushStyleColor(ImGuiCol_Button, colours::kAccent);
                        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
                    }
                    if (button(phaseName(p)) && !current) session.queue(SetPhase{t->id, p});
                    if (current) ImGui::PopStyleColor(2);
                    ImGui::PopID();
                }
                ImGui::TableNextColumn();
                auto history = state.phaseHistory(t->id);
                if (history.empty()) ImGui::TextDisabled("%s", str(Str::PhasesNoHistory));
                std::string line;
                for (const PhaseChange* change : history) {
                    LocalTime local = toLocalTime(change->at, state.event.timeZone);
                    if (!line.empty()) line += "  →  ";
                    line += std::string(phaseName(change->phase)) + " (" + local.day.substr(8, 2) + "/" + local.day.substr(5, 2) +
                            " " + local.hourMinute + ")";
                }
                if (!line.empty()) ImGui::TextWrapped("%s", line.c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
}

} // namespace atelier
