#pragma once
// Which teams the commits after a revision touched, read from the engine's changed rows: the
// phones' snapshots rebuild only those teams' views, and a board on screen is laid out again
// only when its own team changed (issue 18: one phone's note must not re-lay out every board).
#include "engine/engine.hpp"

#include <cstdint>
#include <optional>
#include <unordered_set>

namespace atelier {

// The teams whose board or members the rows changed after revision `since` belong to (notes,
// groups, members, vote rounds, dots, the team itself), or nothing when that cannot be told (a
// row gone, a table not tied to one team, the engine cannot say): then take every team as changed.
std::optional<std::unordered_set<Id>> teamsChangedSince(const Engine& engine, std::uint64_t since);

} // namespace atelier
