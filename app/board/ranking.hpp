#pragma once
// The result of a vote round: every note and cluster that got dots, most dots first.
#include "storage/state.hpp"

#include <string>
#include <vector>

namespace atelier::board {

struct RankEntry {
    int rank = 0; // 1-based; ties share a rank ("1, 2, 2, 4")
    Id note, cluster;
    std::string label; // the note's text or the cluster's title
    bool hidden = false; // a note still in private writing
    int dots = 0;
};

std::vector<RankEntry> rankRound(const EventState& state, Id roundId);

// Every dot cast in a round ("12 gommettes posées" while the votes are hidden).
int dotsCast(const EventState& state, Id roundId);

} // namespace atelier::board
