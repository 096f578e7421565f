#pragma once
// The board and the vote results as the room sees them on the projector: fitted to the
// screen, large type, and no text of a note still in private writing.
#include "fonts.hpp"
#include "storage/state.hpp"

#include <imgui.h>

namespace atelier::board {

// The board fitted to the rectangle, note text at least 1/45 of `outputHeight`; when it cannot
// fit at that size, one region of it (`page`, clamped). Returns how many regions there are.
int drawBoardOnProjector(ImDrawList* list, const FontSet& fonts, const EventState& state, Id teamId, ImVec2 pos, ImVec2 size,
                         float outputHeight, int page);
void drawVoteResults(ImDrawList* list, const FontSet& fonts, const EventState& state, Id teamId, ImVec2 pos, ImVec2 size);

} // namespace atelier::board
