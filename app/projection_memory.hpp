#pragma once
// The projection window comes back after a restart (settings.hpp's ProjectionMemory): on its
// monitor, found by name, else by where it was (the same projector on another connector),
// else on the first monitor other than the main window's (the projector is not plugged in:
// never on top of the facilitator's own screen when another one exists); and showing what it
// showed, when the same event is opened again.
#include "session.hpp"
#include "settings.hpp"

#include <string>
#include <vector>

namespace atelier {

struct MonitorInfo {
    std::string name;
    int x = 0, y = 0, width = 0, height = 0;
};

struct ProjectionPlacement {
    int monitor = -1; // index in the list; -1 when there is none
    bool sameMonitor = false; // the remembered one was found
    int x = 0, y = 0, width = 960, height = 540;
    bool fullScreen = false;
};

// `mainMonitor`: the index of the monitor holding the main window.
ProjectionPlacement placeProjection(const std::vector<MonitorInfo>& monitors, int mainMonitor, const ProjectionMemory& memory);

// What the projector shows, kept in `memory` / put back into the session (only for the event
// it was remembered with, and only ids that still exist there).
void rememberProjectionContent(const Session& session, ProjectionMemory& memory);
void restoreProjectionContent(Session& session, const ProjectionMemory& memory);

} // namespace atelier
