#pragma once
// A readable text summary of an event (what `atelier info` prints).
#include "storage/state.hpp"

#include <string>

namespace atelier {

std::string eventSummary(const EventState& state, Millis now);

} // namespace atelier
