#pragma once
// The board and the vote results as the room sees them on the projector: fitted to the
// screen, large type, and no text of a note still in private writing.
#include "fonts.hpp"
#include "storage/state.hpp"

#include <imgui.h>

namespace atelier::board {

void drawBoardOnProjector(ImDrawList* list, const FontSet& fonts, const EventState& state, Id teamId, ImVec2 pos, ImVec2 size);
void drawVoteResults(ImDrawList* list, const FontSet& fonts, const EventState& state, Id teamId, ImVec2 pos, ImVec2 size);

} // namespace atelier::board
