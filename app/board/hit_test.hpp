#pragma once
// What lies under a point or inside a rectangle of the board, in world units.
#include "board/board_layout.hpp"

#include <unordered_set>
#include <vector>

namespace atelier::board {

// Index of the topmost note under `p`, or -1.
int noteAt(const BoardLayout& layout, ImVec2 p);
// Index of the cluster whose title band is under `p` (the last drawn wins), or -1.
int clusterHeaderAt(const BoardLayout& layout, ImVec2 p);
// Index of the cluster whose frame holds `p`, or -1; the smallest frame wins (nested look).
int clusterAt(const BoardLayout& layout, ImVec2 p);
// Notes lying entirely inside `area`, bottom to top.
std::vector<Id> notesInside(const BoardLayout& layout, const WorldRect& area);

// Cluster frames as they would be without some notes (the ones being dragged), so that a note
// dragged out of its cluster does not drag the frame along.
std::vector<WorldRect> clusterFramesWithout(const BoardLayout& layout, const std::unordered_set<Id>& moving);
// The cluster a drop at `p` lands in (frames from clusterFramesWithout), or 0.
Id dropTarget(const BoardLayout& layout, const std::vector<WorldRect>& frames, ImVec2 p);

} // namespace atelier::board
