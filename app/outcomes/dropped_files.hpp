#pragma once
// Files dropped on a window go to the screen that takes them: images to the prototypes screen,
// spreadsheets (.csv) to the import screen. The screen then picks them up from the session.
#include "session.hpp"

#include <string>
#include <vector>

namespace atelier {

bool isImageFile(const std::string& path);
bool isCsvFile(const std::string& path);
// Queues the paths on the session and switches to the screen that handles them.
void routeDroppedFiles(Session& session, const std::vector<std::string>& paths);
// Takes (removes) the dropped files this screen handles.
std::vector<std::string> takeDroppedFiles(Session& session, bool (*accepts)(const std::string&));

} // namespace atelier
