// Where a note written on a phone lands on its team's board.
#pragma once

#include "model/model.hpp"

#include <vector>

namespace atelier::participation {

struct BoardSpot {
    double x = 0, y = 0;
};

// The first cell of a six-wide grid from the board's top-left corner that no note of the team
// covers (nor a group's title): phones' notes line up in free space, never on top of the
// team's own arrangement. Linear in the team's notes.
BoardSpot freeSpotForPhoneNote(const std::vector<const Note*>& notes, const std::vector<const Cluster*>& clusters);

} // namespace atelier::participation
