#pragma once
// Draws a board into an ImDrawList: the interactive canvas and the projector both use it.
// Only what the camera sees is drawn (culling), and notes too small to read get a lighter
// level of detail: greyed lines instead of glyphs, then a plain card. With thousands of
// notes the vertex count passes 65,535: ImGui splits the draw list itself when the renderer
// declares ImGuiBackendFlags_RendererHasVtxOffset; without it we stop adding detail first.
#include "board/board_layout.hpp"
#include "board/note_editor.hpp"
#include "board/selection.hpp"
#include "fonts.hpp"

#include <imgui.h>

#include <string>
#include <unordered_set>
#include <vector>

namespace atelier::board {

struct DrawOptions {
    const FontSet* fonts = nullptr;
    bool projector = false;               // hidden notes as blank cards, no selection marks
    const Selection* selection = nullptr;
    const std::unordered_set<Id>* moving = nullptr; // notes drawn displaced by `moveOffset` (drag)
    ImVec2 moveOffset{0, 0};
    Id movingCluster;                     // cluster drawn displaced by `moveOffset`, with its notes
    Id hoveredNote, hoveredCluster, dropCluster;
    const NoteEditor* editor = nullptr;   // the note being typed in, drawn with the live text
    bool showMyDots = false;              // the chosen voter's dots on each idea
};

struct DrawStats {
    int notesDrawn = 0; // after culling
    int notesWithText = 0;
};

// Screen text size under which note texts are not drawn as glyphs.
inline constexpr float kMinReadablePixels = 6.0f; // text is drawn from about 6 px high (issue 17)

DrawStats drawBoard(ImDrawList* list, const BoardLayout& layout, const Camera& camera, const DrawOptions& options);
// The outlines of the hovered note and cluster alone, as drawBoard draws them: the canvas draws
// them over the board's cached layer (board_layer.hpp), which then does not change with the
// mouse or with what passes under a still mouse while panning.
void drawHover(ImDrawList* list, const BoardLayout& layout, const Camera& camera, const DrawOptions& options);

// The font to draw `pixels`-tall text with: the UI font when it is close, the projector one above.
ImFont* fontForSize(const FontSet& fonts, float pixels, bool bold);

// Tests: where the last « ★ Piste retenue » tag was drawn, on screen (x0, y0, x1, y1).
ImVec4& lastChosenTag();
// Tests: every note text and title drawBoard submits as glyphs, while recording is on.
void recordDrawnText(bool on);
std::vector<std::string>& drawnText();

} // namespace atelier::board
