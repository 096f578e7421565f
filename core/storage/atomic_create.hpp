#pragma once
// Creating an event file and filling it is one step: the file is built beside its final name
// (same folder, so the rename is atomic) and renamed into place only once complete. A kill
// half-way leaves no file at the final name, only the one being built, which the next attempt
// removes (unless another process is still building it).
#include <string>

namespace atelier {

// Where the event for `path` is built: "<folder>/.<name>.en-creation".
std::string buildingPath(const std::string& path);

// Before building: refuses (FileError « existe déjà ») when `path` exists; removes what a killed
// attempt left at buildingPath(path), or refuses when another process is building it now.
void prepareBuilding(const std::string& path);

// After building (the Store closed, its WAL folded in): renames the built file to `path`,
// never over an existing file. Throws FileError when it cannot; the built file is then removed.
void publishBuilt(const std::string& path);

// The built file and its -wal, -shm, -journal: removed (after a failure).
void discardBuilt(const std::string& path);

} // namespace atelier
