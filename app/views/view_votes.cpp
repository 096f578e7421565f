#include "views/view_votes.hpp"

#include "board/ranking.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace atelier {

namespace {

int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }

// A note's text on one line, for tables.
std::string oneLine(const std::string& text) {
    std::string out = text;
    std::replace(out.begin(), out.end(), '\n', ' ');
    if (out.empty()) out = "—";
    return out;
}

} // namespace

void VotesView::drawOpenRound(ViewContext& ctx, const Team& team) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(str(Str::VoteNewRound));
    ImGui::PopFont();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputInt(str(Str::VoteBudget), &m_budget);
    m_budget = std::clamp(m_budget, 1, 100);
    ImGui::Checkbox(str(Str::VoteCapOn), &m_capOn);
    if (m_capOn) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        ImGui::InputInt("##cap", &m_cap);
        m_cap = std::clamp(m_cap, 1, m_budget);
    }
    ImGui::RadioButton(str(Str::VoteModeMembers), &m_mode, 0);
    ImGui::SameLine();
    ImGui::RadioButton(str(Str::VoteModeTally), &m_mode, 1);
    if (ImGui::Button(str(Str::VoteOpen))) {
        OpenVoteRound open;
        open.team = team.id;
        open.budget = m_budget;
        if (m_capOn) open.cap = m_cap;
        open.mode = m_mode == 0 ? VoteMode::Members : VoteMode::Tally;
        ctx.session.queue(open);
    }
}

void VotesView::drawTally(ViewContext& ctx, const Team& team, const VoteRound& round) {
    const EventState& state = ctx.session.state();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(str(Str::VoteTallyTitle));
    ImGui::PopFont();
    if (!ImGui::BeginTable("##tally", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                           ImVec2(0, ImGui::GetFontSize() * 14)))
        return;
    ImGui::TableSetupColumn(str(Str::VoteIdea), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(str(Str::VoteDots), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    auto row = [&](Id note, Id cluster, const std::string& label) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label.c_str());
        ImGui::TableNextColumn();
        ImGui::PushID(idKey(note ? note : cluster));
        int count = state.votesFor(round.id, note, cluster);
        Id key = note ? note : cluster;
        auto typing = m_tallyEdits.find(key);
        int shown = typing == m_tallyEdits.end() ? count : typing->second;
        ImGui::SetNextItemWidth(-1);
        // Typed counts become one SetTally when the field is left (Enter, Tab, a click elsewhere).
        if (ImGui::InputInt("##count", &shown, 0, 0)) m_tallyEdits[key] = std::max(0, shown);
        if (ImGui::IsItemDeactivated()) {
            auto it = m_tallyEdits.find(key);
            if (it != m_tallyEdits.end()) {
                if (it->second != count) ctx.session.queue(SetTally{round.id, note, cluster, it->second});
                m_tallyEdits.erase(it);
            }
        }
        ImGui::PopID();
    };
    for (const Cluster* c : state.clustersOfTeam(team.id)) row(Id{}, c->id, std::string(str(Str::VoteClusterPrefix)) + c->title);
    for (const Note* n : state.notesOfTeam(team.id)) row(n->id, Id{}, oneLine(n->text));
    ImGui::EndTable();
}

void VotesView::drawRanking(ViewContext& ctx, const Team& team, const VoteRound& round) {
    const EventState& state = ctx.session.state();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(str(Str::VoteRanking));
    ImGui::PopFont();
    if (!round.revealed) {
        ImGui::TextUnformatted(strCount(Str::VoteHiddenCountOne, Str::VoteHiddenCount, static_cast<long long>(board::dotsCast(state, round.id)), board::dotsCast(state, round.id)).c_str());
        return;
    }
    auto ranking = board::rankRound(state, round.id);
    if (ranking.empty()) {
        ImGui::TextDisabled("%s", str(Str::VoteNoDots));
        return;
    }
    if (!ImGui::BeginTable("##ranking", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2);
    ImGui::TableSetupColumn(str(Str::VoteIdea), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(str(Str::VoteDots), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
    ImGui::TableSetupColumn("##select", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12);
    ImGui::TableHeadersRow();
    for (const board::RankEntry& e : ranking) {
        bool chosen = (e.note && team.selectedNoteId == e.note) || (e.cluster && team.selectedClusterId == e.cluster);
        ImGui::PushID(idKey(e.note ? e.note : e.cluster));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%d", e.rank);
        ImGui::TableNextColumn();
        std::string label = (e.cluster ? std::string(str(Str::VoteClusterPrefix)) : std::string()) + oneLine(e.label);
        if (chosen) ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextWrapped("%s", label.c_str());
        if (chosen) ImGui::PopFont();
        ImGui::TableNextColumn();
        ImGui::Text("%d", e.dots);
        ImGui::TableNextColumn();
        if (chosen) {
            ImGui::TextColored(ImColor(IM_COL32(0x1B, 0x8A, 0x3C, 0xFF)), "%s", str(Str::BoardSelectedTag));
        } else if (ImGui::Button(str(Str::BoardSelectIdea))) {
            ctx.session.queue(SelectIdea{team.id, e.note, e.cluster});
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void VotesView::drawRound(ViewContext& ctx, const Team& team, const VoteRound& round) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    std::string rule = round.cap ? strf(Str::VoteRuleCap, round.budget, *round.cap) : strf(Str::VoteRule, round.budget);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(rule.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", str(round.closed ? Str::VoteClosed : round.mode == VoteMode::Tally ? Str::VoteModeTally : Str::VoteModeMembers));
    if (ImGui::Button(str(round.revealed ? Str::VoteHide : Str::VoteReveal))) session.queue(RevealVotes{round.id, !round.revealed});
    ImGui::SameLine();
    if (!round.closed && ImGui::Button(str(Str::VoteClose))) session.queue(CloseVoteRound{round.id});
    ImGui::SameLine();
    bool projected = session.projectorContent == ProjectorContent::Vote && session.projectorTeam == team.id;
    if (ImGui::Button(str(projected ? Str::BoardProjected : Str::VoteProject))) {
        session.projectorContent = ProjectorContent::Vote;
        session.projectorTeam = team.id;
    }
    ImGui::SameLine();
    if (ImGui::Button(str(Str::VoteToBoard))) session.view = ViewId::Board;

    if (round.mode == VoteMode::Members) {
        ImGui::Spacing();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(str(Str::VoteMembers));
        ImGui::PopFont();
        for (const Member* m : state.membersOfTeam(team.id)) {
            int used = state.votesUsedBy(round.id, m->id);
            ImGui::ProgressBar(float(used) / float(std::max(1, round.budget)), ImVec2(ImGui::GetFontSize() * 6, 0),
                               (std::to_string(used) + " / " + std::to_string(round.budget)).c_str());
            ImGui::SameLine();
            ImGui::TextUnformatted(m->name.c_str());
        }
        if (!round.closed) ImGui::TextDisabled("%s", str(Str::VoteMembersHint));
    } else if (!round.closed) {
        drawTally(ctx, team, round);
    }
    ImGui::Spacing();
    drawRanking(ctx, team, round);
}

void VotesView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    const Team* team = session.selectedTeamOrFirst();
    if (!team) {
        ImGui::TextUnformatted(str(Str::NoTeams));
        return;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::BeginCombo("##voteteam", team->name.c_str())) {
        for (const Team* t : state.teamsInOrder()) {
            ImGui::PushID(idKey(t->id));
            if (ImGui::Selectable(t->name.c_str(), t->id == team->id)) session.team = t->id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", phaseName(team->phase));

    // The piste retenue, whatever the round.
    std::string chosen;
    if (const Note* n = state.find<Note>(team->selectedNoteId)) chosen = oneLine(n->text);
    if (const Cluster* c = state.find<Cluster>(team->selectedClusterId)) chosen = std::string(str(Str::VoteClusterPrefix)) + c->title;
    ImGui::Spacing();
    if (!chosen.empty()) {
        ImGui::PushFont(ctx.fonts.heading);
        ImGui::TextColored(ImColor(IM_COL32(0x1B, 0x8A, 0x3C, 0xFF)), "%s", str(Str::BoardSelectedTag));
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextWrapped("%s", chosen.c_str());
        if (ImGui::Button(str(Str::BoardClearIdea))) session.queue(SelectIdea{team->id, Id{}, Id{}});
    } else {
        ImGui::TextDisabled("%s", str(Str::VoteNoIdeaYet));
    }
    ImGui::Separator();

    const VoteRound* round = state.currentVoteRound(team->id);
    if (round) drawRound(ctx, *team, *round);
    if (!round || round->closed) {
        ImGui::Separator();
        drawOpenRound(ctx, *team);
    }
}

} // namespace atelier
