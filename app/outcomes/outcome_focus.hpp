#pragma once
// Where a click elsewhere (search results, the dashboard) asks the outcome screens to go: the
// prototype to open. UI-only, never saved.
#include "model/id.hpp"

namespace atelier {

struct OutcomeFocus {
    Id prototype; // the prototypes screen selects it once, then clears it
};
OutcomeFocus& outcomeFocus();

// The tab the files screen opens on when a File menu item sends the user there.
enum class FilesTab { None, Import, Export, Merge };
void requestFilesTab(FilesTab tab);
FilesTab takeFilesTab();

} // namespace atelier
