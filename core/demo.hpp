#pragma once
// The demo event: the CNFPT summer university of public innovation, Rennes, 9–11 July 2018,
// with its 14 défis as published, 14 teams, a 3-day programme and a little board content.
// The content is data (assets/demo/rennes-2018.json, a JSON bundle); this loads it.
#include "model/clock.hpp"
#include "engine/engine.hpp"

#include <memory>
#include <string>

namespace atelier {

// Creates the demo event file at `path` (which must not exist) from the embedded bundle, in one
// step (no file, or a whole one): fresh ids and its own event identity each time (two demo files
// are two events), its times moved so that its latest moment is the clock's now. The agenda
// keeps its days (July 2018).
std::unique_ptr<Engine> createDemoEvent(const std::string& path, const Clock& clock);

} // namespace atelier
