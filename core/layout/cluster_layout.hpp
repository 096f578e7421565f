#pragma once
// Where notes sit in regroupements. A cluster's frame is its anchor box grown around its member
// notes. After every gesture on a board the layout keeps three things true:
//  - no two notes of one cluster overlap (a note dropped on another finds the nearest free place),
//  - no two frames overlap (a frame that grows pushes the clusters it reaches out of the way),
//  - a frame covers no note that is not in it (a loose note under it goes just outside).
// settle() is pure geometry on a copy of the board; withLayout() turns a gesture into the
// actions that store every position the layout changed, applied as one undoable batch by
// applyWithLayout(), so exports, the projector and merged copies see the same board.
#include "actions/actions.hpp"
#include "engine/engine.hpp"
#include "storage/state.hpp"

#include <vector>

namespace atelier::layout {

// Sizes on the board, in world units; the app draws frames with the same numbers.
inline constexpr double kClusterHeader = 46;   // the title band above a cluster's notes
inline constexpr double kClusterPadding = 20;  // around its notes on the other sides
inline constexpr double kClusterMinWidth = 240;
inline constexpr double kClusterMinBody = 120;
inline constexpr double kNoteGap = 12;  // between two notes the layout puts side by side
inline constexpr double kFrameGap = 24; // between a frame and what it moved out of its way

// An axis-aligned rectangle; empty when x1 < x0.
struct Box {
    double x0 = 0, y0 = 0, x1 = -1, y1 = -1;
    bool empty() const { return x1 < x0 || y1 < y0; }
    // Some area in common (touching edges do not count).
    bool overlaps(const Box& o) const { return !empty() && !o.empty() && x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    void add(const Box& o);
};

// The frame of a cluster anchored at (x, y) around its members' boxes (empty: no member).
Box clusterFrame(double x, double y, const Box& members);

struct PlacedNote {
    Id id, cluster; // cluster 0: loose on the board
    double x = 0, y = 0, width = 160, height = 120;
    Box box() const { return {x, y, x + width, y + height}; }
};
struct PlacedCluster {
    Id id;
    double x = 0, y = 0; // the anchor
};

// One team's board as the layout sees it.
struct Board {
    std::vector<PlacedNote> notes; // in drawing order
    std::vector<PlacedCluster> clusters;

    static Board ofTeam(const EventState& state, Id team);
    PlacedNote* note(Id id);
    const PlacedNote* note(Id id) const;
    PlacedCluster* cluster(Id id);
    Box frame(Id cluster) const;
};

// What a gesture touched. `placed`: notes just put down (dropped, created): landing on a note of
// their cluster, they move to the nearest free place. `kept`: notes that keep their place (a
// resized one): the others of its cluster give way. `fixedCluster`: the cluster that received
// the notes or was dragged; the others move out of its way.
struct Focus {
    std::vector<Id> placed, kept;
    Id fixedCluster;
};
void settle(Board& board, const Focus& focus);

// Whether the three rules above hold (tests; the checks the layout guarantees).
bool notesOfAClusterOverlap(const Board& board);
bool aFrameCoversAForeignNote(const Board& board);
bool framesOverlap(const Board& board);

// Whether a gesture can break the rules: a move, a new note or cluster, a resize.
bool changesLayout(const Action& gesture);
// The gesture (its own notes at their laid-out places) followed by the moves of everything
// else the layout moved; in that order they leave the board settled. Just the gesture when it
// moves nothing else, or when it is not valid (the engine then refuses it with its message).
std::vector<Action> withLayout(const EventState& state, Action gesture);
// Applies the gesture through withLayout(): one action, or one batch described as the gesture
// (one undo entry).
ActionResult applyWithLayout(Engine& engine, const Action& gesture);

} // namespace atelier::layout
