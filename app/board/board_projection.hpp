#pragma once
// The board and the vote results as the room sees them on the projector: fitted to the
// screen, large type, and no text of a note still in private writing.
#include "board/camera.hpp"
#include "fonts.hpp"
#include "storage/state.hpp"

#include <imgui.h>

namespace atelier {
class Engine;
}

namespace atelier::board {

// The board fitted to the rectangle, every note text at least 1/45 of `outputHeight`; when it
// cannot fit at that size, one region of it (`page`, clamped), cut between notes (a note is in
// one region whole). Returns how many regions there are.
// `engine` (may be null): the state's engine, so that other teams' changes keep the layout.
int drawBoardOnProjector(ImDrawList* list, const FontSet& fonts, const EventState& state, Id teamId, ImVec2 pos, ImVec2 size,
                         float outputHeight, int page, const Engine* engine = nullptr);
// The part of the board the last drawBoardOnProjector showed, in board units, and where on
// screen (its clip rectangle): for tests.
struct ProjectedRegion {
    WorldRect world;
    ImVec4 screen;
};
ProjectedRegion& lastProjection();
void drawVoteResults(ImDrawList* list, const FontSet& fonts, const EventState& state, Id teamId, ImVec2 pos, ImVec2 size);

} // namespace atelier::board
