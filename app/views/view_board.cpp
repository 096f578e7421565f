#include "views/view_board.hpp"

#include "theme.hpp"
#include "widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace atelier {

namespace {

int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }

// A row of colour swatches; returns the index clicked, or -1.
template <std::size_t N> int swatches(const char* const (&palette)[N], const std::string& current) {
    int picked = -1;
    float side = ImGui::GetFrameHeight();
    for (std::size_t i = 0; i < N; ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImVec4 c = ImGui::ColorConvertU32ToFloat4(colourFromHex(palette[i]));
        bool on = current == palette[i];
        if (on) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 3.0f);
        if (ImGui::ColorButton("##swatch", c, ImGuiColorEditFlags_NoTooltip, ImVec2(side, side))) picked = static_cast<int>(i);
        if (on) ImGui::PopStyleVar();
        ImGui::PopID();
        ImGui::SameLine(0, 4);
    }
    ImGui::NewLine();
    return picked;
}

} // namespace

void BoardView::drawToolbar(ViewContext& ctx, const Team& team) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::BeginCombo("##boardteam", team.name.c_str())) {
        for (const Team* t : state.teamsInOrder()) {
            ImGui::PushID(idKey(t->id));
            if (ImGui::Selectable(t->name.c_str(), t->id == team.id)) session.team = t->id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", phaseName(team.phase));
    ImGui::SameLine();
    if (ImGui::Button(str(Str::BoardFit))) m_canvas.fitAll();
    ImGui::SameLine();
    if (ImGui::Button(str(Str::BoardActualSize))) m_canvas.actualSize();
    ImGui::SameLine();
    // The zoom is written once the board has drawn: on the first frame (and after « Tout voir »)
    // the fit is applied there, and the label must show the zoom the board is drawn at.
    ImGui::AlignTextToFramePadding();
    m_zoomLabelAt = ImGui::GetCursorScreenPos();
    m_zoomLabelAt.y += ImGui::GetStyle().FramePadding.y;
    ImGui::Dummy(ImVec2(ImGui::CalcTextSize("400 %").x, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    bool privateWriting = team.privateWriting;
    if (ImGui::Checkbox(str(Str::BoardPrivateWriting), &privateWriting)) session.queue(SetPrivateWriting{team.id, privateWriting});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", str(Str::BoardPrivateWritingHelp));
    int hidden = m_canvas.layout().hiddenCount();
    if (hidden > 0 || team.privateWriting) {
        ImGui::SameLine();
        std::string reveal = strf(Str::BoardRevealNotes, hidden);
        if (ImGui::Button(reveal.c_str())) session.queue(RevealNotes{team.id});
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::BoardAuthor));
    ImGui::SameLine();
    const Member* author = state.find<Member>(m_canvas.author);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    if (ImGui::BeginCombo("##author", author ? author->name.c_str() : str(Str::BoardNobody))) {
        if (ImGui::Selectable(str(Str::BoardNobody), !author)) m_canvas.author = Id{};
        for (const Member* m : state.membersOfTeam(team.id)) {
            ImGui::PushID(idKey(m->id));
            if (ImGui::Selectable(m->name.c_str(), author == m)) m_canvas.author = m->id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    bool projected = session.projectorContent == ProjectorContent::Board && session.projectorTeam == team.id;
    if (ImGui::Button(str(projected ? Str::BoardProjected : Str::BoardProject))) {
        session.projectorContent = ProjectorContent::Board;
        session.projectorTeam = team.id;
    }
}

void BoardView::drawSelectionBar(ViewContext& ctx, const Team& team) {
    Session& session = ctx.session;
    board::Selection& selection = m_canvas.selection();
    const board::BoardLayout& layout = m_canvas.layout();
    if (!selection.notes().empty()) {
        ImGui::AlignTextToFramePadding();
        std::size_t count = selection.notes().size();
        ImGui::TextUnformatted(strf(Str::BoardSelectedNotes, count).c_str());
        ImGui::SameLine();
        const board::NoteItem* first = layout.note(selection.notes().front());
        std::string current;
        if (first) {
            ImVec4 rgb = ImGui::ColorConvertU32ToFloat4(first->fill);
            current = hexFromColour(&rgb.x);
        }
        int picked = swatches(board::kNotePalette, current);
        if (picked >= 0) {
            session.queue(RecolourNotes{selection.notes(), board::kNotePalette[picked]});
            m_canvas.noteColour = board::kNotePalette[picked];
        }
        ImGui::SameLine();
        if (ImGui::Button(str(Str::BoardGroup))) m_canvas.groupSelection(session, str(Str::BoardNewCluster));
        ImGui::SameLine();
        if (count == 1) {
            Id id = selection.notes().front();
            bool chosen = team.selectedNoteId == id;
            if (ImGui::Button(str(chosen ? Str::BoardClearIdea : Str::BoardSelectIdea)))
                session.queue(SelectIdea{team.id, chosen ? Id{} : id, Id{}});
            ImGui::SameLine();
        }
        if (ImGui::Button(str(Str::BoardDelete))) m_canvas.deleteSelection(session);
        return;
    }
    if (const board::ClusterItem* c = layout.cluster(selection.cluster())) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(str(Str::BoardClusterTitle));
        ImGui::SameLine();
        if (m_focusTitle == c->id) {
            ImGui::SetKeyboardFocusHere();
            m_focusTitle = Id{};
        }
        std::string title;
        ImGui::PushID(idKey(c->id));
        if (editText("##clustertitle", c->title, title, ImGui::GetFontSize() * 16) && !title.empty())
            session.queue(EditCluster{c->id, title, std::nullopt});
        ImGui::PopID();
        ImGui::SameLine();
        ImVec4 rgb = ImGui::ColorConvertU32ToFloat4(c->fill);
        std::string current = hexFromColour(&rgb.x);
        int picked = swatches(board::kClusterPalette, current);
        if (picked >= 0) session.queue(EditCluster{c->id, std::nullopt, std::string(board::kClusterPalette[picked])});
        ImGui::SameLine();
        bool chosen = team.selectedClusterId == c->id;
        if (ImGui::Button(str(chosen ? Str::BoardClearIdea : Str::BoardSelectIdea)))
            session.queue(SelectIdea{team.id, Id{}, chosen ? Id{} : c->id});
        ImGui::SameLine();
        if (ImGui::Button(str(Str::BoardDissolve))) {
            session.queue(DissolveCluster{c->id});
            selection.clear();
        }
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", str(Str::BoardHint));
}

void BoardView::drawVoteBar(ViewContext& ctx, const Team& team, const VoteRound& round) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0xFF, 0xF3, 0xCC, 0xFF));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 4));
    ImGui::BeginChild("##votebar", ImVec2(0, ImGui::GetFrameHeight() + 8), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::AlignTextToFramePadding();
    std::string rule = round.cap ? strf(Str::VoteRuleCap, round.budget, *round.cap) : strf(Str::VoteRule, round.budget);
    ImGui::TextUnformatted(rule.c_str());
    ImGui::SameLine();
    if (round.mode == VoteMode::Members) {
        const Member* voter = state.find<Member>(m_canvas.voter());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ImGui::BeginCombo("##voter", voter ? voter->name.c_str() : str(Str::VoteWhoVotes))) {
            for (const Member* m : state.membersOfTeam(team.id)) {
                ImGui::PushID(idKey(m->id));
                std::string label = m->name + "  (" + std::to_string(round.budget - state.votesUsedBy(round.id, m->id)) + ")";
                if (ImGui::Selectable(label.c_str(), voter == m)) m_canvas.setVoter(m->id);
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        if (voter) {
            ImGui::SameLine();
            int left = round.budget - state.votesUsedBy(round.id, voter->id);
            ImGui::TextUnformatted(strf(Str::VoteDotsLeft, voter->name, left).c_str());
            ImGui::SameLine();
            if (ImGui::Button(str(Str::VoteDone))) m_canvas.setVoter(Id{});
        }
    } else {
        bool tallying = m_canvas.tallying();
        if (ImGui::Checkbox(str(Str::VoteTallyClicks), &tallying)) m_canvas.setTallying(tallying);
    }
    ImGui::SameLine();
    if (!round.revealed) ImGui::TextDisabled("%s", str(Str::VoteHiddenUntilReveal));
    ImGui::SameLine();
    if (ImGui::Button(str(Str::VoteShowResults))) session.view = ViewId::Votes;
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void BoardView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    const Team* team = session.selectedTeamOrFirst();
    if (!team) {
        ImGui::TextUnformatted(str(Str::NoTeams));
        return;
    }
    drawToolbar(ctx, *team);
    drawSelectionBar(ctx, *team);
    const VoteRound* round = state.currentVoteRound(team->id);
    if (round && !round->closed) drawVoteBar(ctx, *team, *round);
    if (Id rename = m_canvas.renameRequest()) m_focusTitle = rename;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    m_canvas.draw(session, ctx.fonts, team->id, avail);
    char zoom[16];
    std::snprintf(zoom, sizeof zoom, "%d %%", static_cast<int>(std::lround(m_canvas.camera().zoom() * 100)));
    ImGui::GetWindowDrawList()->AddText(m_zoomLabelAt, ImGui::GetColorU32(ImGuiCol_Text), zoom);
    m_zoomShown = zoom;
}

} // namespace atelier
