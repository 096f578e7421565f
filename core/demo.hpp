#pragma once
// The demo event: the CNFPT summer university of public innovation, Rennes, 9–11 July 2018,
// with its 14 défis as published, 14 teams, a 3-day programme and a little board content.
#include "model/clock.hpp"
#include "engine/engine.hpp"

#include <memory>
#include <string>

namespace atelier {

// Creates the demo event file at `path` (which must not exist), entirely through actions.
std::unique_ptr<Engine> createDemoEvent(const std::string& path, const Clock& clock);

} // namespace atelier
