#pragma once
// A prototype's stand code, printed as a QR code beside it at the exhibition: feedback only
// (no team, no join), the same after a renewal of the join code and after a restart, and
// never stored. It is derived from the event's id (random, never sent to a phone) and the
// prototype's lineage (every version keeps the code), so it needs no table and no secret file.
#include "storage/state.hpp"

#include <string>

namespace atelier::participation {

inline constexpr std::size_t kStandCodeLength = 8;

std::string standCode(const EventInfo& event, Id lineageId);
// The latest version of the prototype that `code` names, or null.
const Prototype* prototypeOfStand(const EventState& state, const std::string& code);

} // namespace atelier::participation
