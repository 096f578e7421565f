#include "views/view_board.hpp"

#include "theme.hpp"
#include "toolbar.hpp"
#include "widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace atelier {

namespace {

int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }

// A row of colour swatches, one toolbar item; returns the index clicked, or -1.
template <std::size_t N> float swatchesWidth(const char* const (&)[N]) { return float(N) * (ImGui::GetFrameHeight() + 4) - 4; }
template <std::size_t N> int swatches(const char* const (&palette)[N], const std::string& current) {
    int picked = -1;
    float side = ImGui::GetFrameHeight();
    ImGui::BeginGroup();
    for (std::size_t i = 0; i < N; ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImVec4 c = ImGui::ColorConvertU32ToFloat4(colourFromHex(palette[i]));
        bool on = current == palette[i];
        if (on) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 3.0f);
        if (i) ImGui::SameLine(0, 4);
        if (ImGui::ColorButton("##swatch", c, ImGuiColorEditFlags_NoTooltip, ImVec2(side, side))) picked = static_cast<int>(i);
        if (on) ImGui::PopStyleVar();
        ImGui::PopID();
    }
    ImGui::EndGroup();
    return picked;
}

} // namespace

void BoardView::drawToolbar(ViewContext& ctx, const Team& team) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    // Wraps rather than losing « Projeter le mur » on a laptop screen.
    Toolbar bar;
    float teamWidth = ImGui::GetFontSize() * 16;
    bar.item(teamWidth);
    ImGui::SetNextItemWidth(teamWidth);
    if (ImGui::BeginCombo("##boardteam", team.name.c_str())) {
        for (const Team* t : state.teamsInOrder()) {
            ImGui::PushID(idKey(t->id));
            if (ImGui::Selectable(t->name.c_str(), t->id == team.id)) session.team = t->id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    bar.item(Toolbar::textWidth(phaseName(team.phase)));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", phaseName(team.phase));
    bar.item(Toolbar::buttonWidth(str(Str::BoardFit)));
    if (ImGui::Button(str(Str::BoardFit))) m_canvas.fitAll();
    bar.item(Toolbar::buttonWidth(str(Str::BoardActualSize)));
    if (ImGui::Button(str(Str::BoardActualSize))) m_canvas.actualSize();
    // The zoom is written once the board has drawn: on the first frame (and after « Tout voir »)
    // the fit is applied there, and the label must show the zoom the board is drawn at.
    bar.item(Toolbar::textWidth("400 %"));
    ImGui::AlignTextToFramePadding();
    m_zoomLabelAt = ImGui::GetCursorScreenPos();
    m_zoomLabelAt.y += ImGui::GetStyle().FramePadding.y;
    ImGui::Dummy(ImVec2(ImGui::CalcTextSize("400 %").x, ImGui::GetTextLineHeight()));
    bool privateWriting = team.privateWriting;
    bar.item(Toolbar::checkboxWidth(str(Str::BoardPrivateWriting)));
    if (ImGui::Checkbox(str(Str::BoardPrivateWriting), &privateWriting)) session.queue(SetPrivateWriting{team.id, privateWriting});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", str(Str::BoardPrivateWritingHelp));
    int hidden = m_canvas.layout().hiddenCount();
    if (hidden > 0 || team.privateWriting) {
        std::string reveal = strf(Str::BoardRevealNotes, hidden);
        bar.item(Toolbar::buttonWidth(reveal.c_str()));
        if (ImGui::Button(reveal.c_str())) session.queue(RevealNotes{team.id});
    }
    // The author's label and its choice stay together.
    float authorWidth = ImGui::GetFontSize() * 11;
    bar.item(Toolbar::textWidth(str(Str::BoardAuthor)) + ImGui::GetStyle().ItemSpacing.x + authorWidth);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::BoardAuthor));
    ImGui::SameLine();
    const Member* author = state.find<Member>(m_canvas.author);
    ImGui::SetNextItemWidth(authorWidth);
    if (ImGui::BeginCombo("##author", author ? author->name.c_str() : str(Str::BoardNobody))) {
        if (ImGui::Selectable(str(Str::BoardNobody), !author)) m_canvas.author = Id{};
        for (const Member* m : state.membersOfTeam(team.id)) {
            ImGui::PushID(idKey(m->id));
            if (ImGui::Selectable(m->name.c_str(), author == m)) m_canvas.author = m->id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    bool projected = session.projectorContent == ProjectorContent::Board && session.projectorTeam == team.id;
    const char* project = str(projected ? Str::BoardProjected : Str::BoardProject);
    bar.item(Toolbar::buttonWidth(project));
    if (ImGui::Button(project)) {
        session.projectorContent = ProjectorContent::Board;
        session.projectorTeam = team.id;
    }
    recordLastItem(project);
}

void BoardView::drawSelectionBar(ViewContext& ctx, const Team& team) {
    Session& session = ctx.session;
    board::Selection& selection = m_canvas.selection();
    const board::BoardLayout& layout = m_canvas.layout();
    Toolbar bar;
    if (!selection.notes().empty()) {
        std::size_t count = selection.notes().size();
        std::string selected = strf(Str::BoardSelectedNotes, count);
        bar.item(Toolbar::textWidth(selected.c_str()));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(selected.c_str());
        const board::NoteItem* first = layout.note(selection.notes().front());
        std::string current;
        if (first) {
            ImVec4 rgb = ImGui::ColorConvertU32ToFloat4(first->fill);
            current = hexFromColour(&rgb.x);
        }
        bar.item(swatchesWidth(board::kNotePalette));
        int picked = swatches(board::kNotePalette, current);
        if (picked >= 0) {
            session.queue(RecolourNotes{selection.notes(), board::kNotePalette[picked]});
            m_canvas.noteColour = board::kNotePalette[picked];
        }
        bar.item(Toolbar::buttonWidth(str(Str::BoardGroup)));
        if (ImGui::Button(str(Str::BoardGroup))) m_canvas.groupSelection(session, str(Str::BoardNewCluster));
        if (count == 1) {
            Id id = selection.notes().front();
            bool chosen = team.selectedNoteId == id;
            const char* label = str(chosen ? Str::BoardClearIdea : Str::BoardSelectIdea);
            bar.item(Toolbar::buttonWidth(label));
            if (ImGui::Button(label)) session.queue(SelectIdea{team.id, chosen ? Id{} : id, Id{}});
        }
        bar.item(Toolbar::buttonWidth(str(Str::BoardDelete)));
        if (ImGui::Button(str(Str::BoardDelete))) m_canvas.deleteSelection(session);
        return;
    }
    if (const board::ClusterItem* c = layout.cluster(selection.cluster())) {
        float titleWidth = ImGui::GetFontSize() * 16;
        bar.item(Toolbar::textWidth(str(Str::BoardClusterTitle)) + ImGui::GetStyle().ItemSpacing.x + titleWidth);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(str(Str::BoardClusterTitle));
        ImGui::SameLine();
        if (m_focusTitle == c->id) {
            ImGui::SetKeyboardFocusHere();
            m_focusTitle = Id{};
        }
        std::string title;
        ImGui::PushID(idKey(c->id));
        if (editText("##clustertitle", c->title, title, titleWidth) && !title.empty())
            session.queue(EditCluster{c->id, title, std::nullopt});
        ImGui::PopID();
        ImVec4 rgb = ImGui::ColorConvertU32ToFloat4(c->fill);
        std::string current = hexFromColour(&rgb.x);
        bar.item(swatchesWidth(board::kClusterPalette));
        int picked = swatches(board::kClusterPalette, current);
        if (picked >= 0) session.queue(EditCluster{c->id, std::nullopt, std::string(board::kClusterPalette[picked])});
        bool chosen = team.selectedClusterId == c->id;
        const char* label = str(chosen ? Str::BoardClearIdea : Str::BoardSelectIdea);
        bar.item(Toolbar::buttonWidth(label));
        if (ImGui::Button(label)) session.queue(SelectIdea{team.id, Id{}, chosen ? Id{} : c->id});
        bar.item(Toolbar::buttonWidth(str(Str::BoardDissolve)));
        if (ImGui::Button(str(Str::BoardDissolve))) {
            session.queue(DissolveCluster{c->id});
            selection.clear();
        }
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f); // the hint wraps at word boundaries on a narrow screen
    ImGui::TextDisabled("%s", str(Str::BoardHint));
    ImGui::PopTextWrapPos();
}

void BoardView::drawVoteBar(ViewContext& ctx, const Team& team, const VoteRound& round) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    // A band of its own colour behind items that wrap like the toolbar's: drawn after them, on
    // a channel below, once their height is known.
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->ChannelsSplit(2);
    list->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    Toolbar bar;
    std::string rule = round.cap ? strf(Str::VoteRuleCap, round.budget, *round.cap) : strf(Str::VoteRule, round.budget);
    bar.item(Toolbar::textWidth(rule.c_str()));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(rule.c_str());
    if (round.mode == VoteMode::Members) {
        const Member* voter = state.find<Member>(m_canvas.voter());
        float voterWidth = ImGui::GetFontSize() * 12;
        bar.item(voterWidth);
        ImGui::SetNextItemWidth(voterWidth);
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
            int left = round.budget - state.votesUsedBy(round.id, voter->id);
            std::string dots = strf(Str::VoteDotsLeft, voter->name, left);
            bar.item(Toolbar::textWidth(dots.c_str()));
            ImGui::TextUnformatted(dots.c_str());
            bar.item(Toolbar::buttonWidth(str(Str::VoteDone)));
            if (ImGui::Button(str(Str::VoteDone))) m_canvas.setVoter(Id{});
        }
    } else {
        bool tallying = m_canvas.tallying();
        bar.item(Toolbar::checkboxWidth(str(Str::VoteTallyClicks)));
        if (ImGui::Checkbox(str(Str::VoteTallyClicks), &tallying)) m_canvas.setTallying(tallying);
    }
    if (!round.revealed) {
        bar.item(Toolbar::textWidth(str(Str::VoteHiddenUntilReveal)));
        ImGui::TextDisabled("%s", str(Str::VoteHiddenUntilReveal));
    }
    bar.item(Toolbar::buttonWidth(str(Str::VoteShowResults)));
    if (ImGui::Button(str(Str::VoteShowResults))) session.view = ViewId::Votes;
    ImGui::EndGroup();
    list->ChannelsSetCurrent(0);
    ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    list->AddRectFilled(ImVec2(lo.x - 6, lo.y - 4), ImVec2(right, hi.y + 4), IM_COL32(0xFF, 0xF3, 0xCC, 0xFF), 4.0f);
    list->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, 2));
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
