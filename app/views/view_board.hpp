#pragma once
#include <string>
// Mur: one team's board of sticky notes, where diverger and sélectionner happen. The toolbar
// holds the team, zoom, private writing, the selection's colour and grouping, and the voting
// bar; the canvas (app/board) does the rest.
#include "board/board_canvas.hpp"
#include "views/view.hpp"

namespace atelier {

class BoardView final : public View {
public:
    BoardView() : View(ViewId::Board, Str::ViewBoard) {}
    board::BoardCanvas& canvas() { return m_canvas; }
    const std::string& zoomShown() const { return m_zoomShown; } // the toolbar's zoom, as last drawn

private:
    void drawContent(ViewContext& ctx) override;
    ImGuiWindowFlags windowFlags() const override { return ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse; }
    void drawToolbar(ViewContext& ctx, const Team& team);
    void drawSelectionBar(ViewContext& ctx, const Team& team);
    void drawVoteBar(ViewContext& ctx, const Team& team, const VoteRound& round);

    board::BoardCanvas m_canvas;
    ImVec2 m_zoomLabelAt{0, 0}; // where the toolbar keeps room for the zoom, written after the board
    std::string m_zoomShown;
    Id m_focusTitle; // cluster whose title field takes the keyboard next frame
};

} // namespace atelier
